//! The application: the document with its history, the command queue, file dialogs and
//! settings. Views (in `ui`) read the document and fill an [`Outbox`]; everything in it is
//! applied here, once per frame, after drawing.

pub mod commands;
pub mod derived;
pub mod edit;
pub mod history;
pub mod platform;
pub mod resource_ops;
pub mod settings;
pub mod task_ops;
pub mod tracking;

use chrono::NaiveDate;

use self::commands::{Command, ViewKind};
use self::derived::Derived;
use self::edit::Edit;
use self::history::{CoalesceKey, History};
use self::platform::{FileDialogs, FileEvent};
use self::settings::Settings;
use self::task_ops::{NewRow, OpRefusal};
use crate::i18n::{Lang, T};
use crate::io::document;
use crate::model::validate::{ValidationIssue, validate, validate_in};
use crate::model::{Project, TaskId};
use crate::ui;
use crate::ui::task_plan::TaskPlanState;
use crate::ui::theme::Theme;

/// The open document and everything tied to it.
pub struct Document {
    pub project: Project,
    pub history: History,
    /// Native path or browser file name; `None` for the sample or a new project.
    pub path: Option<String>,
    /// The name shown in the title and status bar.
    pub name: String,
    /// Increases with every change, so derived data knows when to recompute.
    pub revision: u64,
    pub issues: Vec<ValidationIssue>,
}

impl Document {
    pub fn new(project: Project, path: Option<String>, name: String) -> Self {
        let issues = validate(&project);
        Self {
            project,
            history: History::default(),
            path,
            name,
            revision: 1,
            issues,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }
}

/// A line in the status bar.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

impl Status {
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            error: false,
        }
    }

    pub fn error(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            error: true,
        }
    }
}

/// What to do once the unsaved-changes prompt is answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum After {
    New,
    Open,
    OpenSample,
    OpenRecent(String),
    Quit,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Modal {
    Unsaved(After),
    About,
    Problems,
    /// A document autosaved in the browser by an earlier visit: restore it or start afresh.
    Restore,
    /// Save (or clear) a baseline: which one, and for all tasks or the selected one.
    Baseline {
        clear: bool,
        number: u8,
        selected_only: bool,
    },
    /// Update project: the date typed so far.
    UpdateProject {
        date: String,
    },
    /// Level resources: the options chosen so far.
    Level(LevelDialog),
    /// Delete a resource that has assignments or is named elsewhere: asked first.
    DeleteResource(crate::model::ResourceId),
    /// Asks before an edit that removes what other items point at; says what.
    Confirm {
        title: String,
        body: String,
        edit: Box<Edit>,
    },
}

/// The leveling dialog's fields.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct LevelDialog {
    pub options: crate::schedule::leveling::Options,
    pub use_range: bool,
    pub from: String,
    pub to: String,
}

/// Level (with these options) or clear the leveling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LevelRequest {
    Level(crate::schedule::leveling::Options),
    Clear,
}

/// eframe storage keys of the browser autosave.
const AUTOSAVE_KEY: &str = "pilote.autosave.document";
const AUTOSAVE_NAME_KEY: &str = "pilote.autosave.name";

/// What views ask for during a frame; applied after drawing.
#[derive(Default)]
pub struct Outbox {
    pub edits: Vec<(Edit, Option<CoalesceKey>)>,
    pub commands: Vec<Command>,
    /// Ends the current typing stream (a field lost focus).
    pub seal: bool,
    pub status: Option<Status>,
    pub open_recent: Option<String>,
    pub lang: Option<Lang>,
    pub view: Option<ViewKind>,
    pub modal: Option<Option<Modal>>,
    pub answer: Option<PromptAnswer>,
    pub tracking: Option<tracking::Tracking>,
    /// Capture this screen rectangle as a PNG and offer it under this file name.
    pub capture: Option<(egui::Rect, String)>,
    pub level: Option<LevelRequest>,
    /// Offer these bytes as a file: (suggested name, bytes, filter name, extension).
    pub export: Option<(String, Vec<u8>, &'static str, &'static str)>,
    /// Select this task in the task plan (and scroll to it).
    pub select_task: Option<TaskId>,
    /// Select these tasks, the first one active (multi-selection in the Gantt).
    pub selection: Option<Vec<TaskId>>,
    /// Open the task editor on this task.
    pub open_task: Option<TaskId>,
}

impl Outbox {
    pub fn edit(&mut self, edit: Edit, key: Option<CoalesceKey>) {
        self.edits.push((edit, key));
    }

    pub fn command(&mut self, command: Command) {
        self.commands.push(command);
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status::error(text));
    }

    /// Whether anything was asked this frame.
    pub fn asks_anything(&self) -> bool {
        !self.edits.is_empty()
            || !self.commands.is_empty()
            || self.seal
            || self.status.is_some()
            || self.open_recent.is_some()
            || self.lang.is_some()
            || self.view.is_some()
            || self.modal.is_some()
            || self.answer.is_some()
            || self.tracking.is_some()
            || self.capture.is_some()
            || self.level.is_some()
            || self.export.is_some()
            || self.select_task.is_some()
            || self.selection.is_some()
            || self.open_task.is_some()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptAnswer {
    Save,
    Discard,
    Cancel,
    /// Restore the autosaved document.
    Restore,
}

pub struct PiloteApp {
    pub doc: Document,
    pub settings: Settings,
    pub derived: Derived,
    pub tasks_view: TaskPlanState,
    pub dashboard_view: crate::ui::dashboard::DashboardState,
    pub workload_view: crate::ui::workload::WorkloadState,
    pub resources_view: crate::ui::resources::ResourcesState,
    pub specs_view: crate::ui::specs::SpecsState,
    pub gantt_view: crate::ui::gantt::GanttState,
    pub budget_view: crate::ui::budget::BudgetState,
    pub meetings_view: crate::ui::meetings::MeetingsState,
    pub risks_view: crate::ui::risks::RisksState,
    pub anomalies_view: crate::ui::anomalies::AnomaliesState,
    pub testing_view: crate::ui::testing::TestingState,
    pub deliverables_view: crate::ui::deliverables::DeliverablesState,
    /// The task editor (Task information), when open.
    pub task_dialog: crate::ui::task_dialog::TaskDialogState,
    /// The date the views treat as today; `None` reads the clock. Fixed by tests and
    /// screenshots so that what they draw does not depend on the day they run.
    pub fixed_today: Option<NaiveDate>,
    pub status: Status,
    pub modal: Option<Modal>,
    dialogs: FileDialogs,
    /// Runs after a save started from the unsaved-changes prompt succeeds.
    after_save: Option<After>,
    /// Set once the user has agreed to close, so the close request is not intercepted again.
    closing: bool,
    applied_theme: Option<bool>,
    window_title: String,
    /// The view slug last read from or written to the URL fragment.
    url_view: String,
    /// A document autosaved by an earlier visit, offered back before it replaces anything.
    pending_restore: Option<Document>,
}

/// The user's calendar date, for defaults (never for computing: the core takes dates as
/// parameters).
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

impl PiloteApp {
    /// The app on the embedded sample, or on the file at `path` when given. A file that cannot
    /// be read or parsed leaves the sample open and says why in the status bar.
    pub fn new(settings: Settings, path: Option<String>) -> Self {
        let gantt_view = crate::ui::gantt::GanttState::with_prefs(&settings.gantt);
        let mut app = Self {
            doc: sample_document(),
            settings,
            derived: Derived::default(),
            tasks_view: TaskPlanState::default(),
            dashboard_view: crate::ui::dashboard::DashboardState::default(),
            workload_view: crate::ui::workload::WorkloadState::default(),
            resources_view: crate::ui::resources::ResourcesState::default(),
            specs_view: crate::ui::specs::SpecsState::default(),
            gantt_view,
            budget_view: crate::ui::budget::BudgetState::default(),
            meetings_view: crate::ui::meetings::MeetingsState::default(),
            risks_view: crate::ui::risks::RisksState::default(),
            anomalies_view: crate::ui::anomalies::AnomaliesState::default(),
            testing_view: crate::ui::testing::TestingState::default(),
            deliverables_view: crate::ui::deliverables::DeliverablesState::default(),
            task_dialog: crate::ui::task_dialog::TaskDialogState::default(),
            fixed_today: None,
            status: Status::default(),
            modal: None,
            dialogs: FileDialogs::default(),
            after_save: None,
            closing: false,
            applied_theme: None,
            window_title: String::new(),
            url_view: String::new(),
            pending_restore: None,
        };
        if let Some(path) = path {
            app.dialogs.open_path(&path);
            for event in app.dialogs.poll() {
                app.handle_opening(event);
            }
        }
        app.refresh_derived();
        app
    }

    /// The app as eframe creates it, with persisted settings.
    pub fn from_creation_context(cc: &eframe::CreationContext<'_>, path: Option<String>) -> Self {
        let settings = cc
            .storage
            .and_then(|s| eframe::get_value::<Settings>(s, settings::STORAGE_KEY))
            .unwrap_or_default();
        let mut app = Self::new(settings, path);
        if platform::AUTOSAVE
            && let Some(storage) = cc.storage
        {
            app.offer_autosaved(
                storage.get_string(AUTOSAVE_NAME_KEY),
                storage.get_string(AUTOSAVE_KEY),
            );
        }
        app
    }

    /// Offers back a document autosaved by an earlier visit, unless it is the sample as shipped.
    pub fn offer_autosaved(&mut self, name: Option<String>, text: Option<String>) {
        let Some(text) = text else {
            return;
        };
        if text == crate::SAMPLE_RON {
            return;
        }
        let name = name.unwrap_or_else(|| T::Untitled.get(self.lang()).to_owned());
        if let Ok(project) = document::parse(&text, &name) {
            self.pending_restore = Some(Document::new(project, None, name));
            self.modal = Some(Modal::Restore);
        }
    }

    /// The name of the document waiting to be restored, for the prompt.
    pub fn pending_restore_name(&self) -> Option<&str> {
        self.pending_restore.as_ref().map(|d| d.name.as_str())
    }

    pub fn lang(&self) -> Lang {
        self.settings.lang
    }

    fn refresh_derived(&mut self) {
        if self.derived.revision != self.doc.revision {
            self.derived = Derived::compute(&self.doc.project, self.doc.revision);
        }
    }

    fn changed(&mut self) {
        self.doc.revision += 1;
        self.revalidate();
    }

    /// The document's problems, in the interface language.
    fn revalidate(&mut self) {
        self.doc.issues = validate_in(&self.doc.project, self.lang());
    }

    /// Replaces the document with the one in `text`; on error keeps the current one. MS Project
    /// XML is imported: the result has no file yet, so Save asks where to write it.
    fn open_text(&mut self, path: &str, text: &str) {
        let lang = self.lang();
        if crate::cli::is_ms_project_xml(path) {
            match crate::io::mspdi::import(text, path) {
                Ok(imported) => {
                    let source = display_name(path);
                    let stem = source.trim_end_matches(".xml").trim_end_matches(".XML");
                    let name = format!("{stem}.{}", document::EXTENSION);
                    self.replace_document(Document::new(imported.project, None, name));
                    self.status = Status::info(T::Imported.fill(
                        lang,
                        &[
                            ("file", &source),
                            ("warnings", &imported.warnings.len().to_string()),
                        ],
                    ));
                }
                Err(error) => {
                    self.status =
                        Status::error(T::OpenFailed.fill(lang, &[("error", &error.to_string())]));
                }
            }
            return;
        }
        match document::load(text, path) {
            Ok((project, issues)) => {
                let name = display_name(path);
                let remember = cfg!(not(target_arch = "wasm32"));
                self.replace_document(Document::new(project, Some(path.to_owned()), name.clone()));
                if remember {
                    self.settings.remember(path);
                }
                self.status = if issues.is_empty() {
                    Status::info(T::Opened.fill(lang, &[("file", &name)]))
                } else {
                    // Same checks in the same order: the located issue and the translated one match.
                    let first = &issues[0];
                    let message = self
                        .doc
                        .issues
                        .first()
                        .map_or(first.issue.message.as_str(), |i| i.message.as_str());
                    Status::error(format!(
                        "{} — {}:{}:{}: {}",
                        T::Opened.fill(lang, &[("file", &name)]),
                        name,
                        first.line,
                        first.column,
                        message
                    ))
                };
            }
            Err(error) => {
                self.status =
                    Status::error(T::OpenFailed.fill(lang, &[("error", &error.to_string())]));
            }
        }
    }

    /// Puts `doc` in the window in place of the open document (no prompt: callers ask first).
    pub fn replace_document(&mut self, doc: Document) {
        let revision = self.doc.revision + 1;
        self.doc = doc;
        self.doc.revision = revision;
        self.revalidate();
        self.tasks_view = TaskPlanState::default();
        self.task_dialog = crate::ui::task_dialog::TaskDialogState::default();
        self.refresh_derived();
    }

    /// The date the views treat as today.
    pub fn today(&self) -> NaiveDate {
        self.fixed_today.unwrap_or_else(today)
    }

    fn selected_row(&self) -> Option<usize> {
        self.tasks_view
            .selected
            .and_then(|id| self.derived.rows.get(&id).copied())
    }

    /// Every selected row, in plan order.
    fn selected_rows(&self) -> Vec<usize> {
        let mut rows: Vec<usize> = self
            .tasks_view
            .selection()
            .iter()
            .filter_map(|id| self.derived.rows.get(id).copied())
            .collect();
        rows.sort_unstable();
        rows
    }

    fn apply_edit(&mut self, edit: Edit, key: Option<CoalesceKey>) -> bool {
        match self.doc.history.apply(&mut self.doc.project, edit, key) {
            Ok(()) => {
                self.changed();
                true
            }
            Err(error) => {
                self.status = Status::error(error.to_string());
                false
            }
        }
    }

    /// Levels the resources (or clears the leveling) as one undoable edit, and says what was
    /// done and what could not be resolved.
    fn level(&mut self, request: LevelRequest) {
        let lang = self.lang();
        let (delays, delayed, unresolved) = match request {
            LevelRequest::Clear => {
                let delays = crate::schedule::leveling::clear(&self.doc.project, None);
                let n = delays.len();
                (delays, n, Vec::new())
            }
            LevelRequest::Level(options) => {
                match crate::schedule::leveling::level(&self.doc.project, &options) {
                    Ok(o) => (o.delays, o.delayed, o.unresolved),
                    Err(why) => {
                        self.status = Status::error(why);
                        return;
                    }
                }
            }
        };
        if !delays.is_empty() && !self.apply_edit(Edit::SetLevelingDelays(delays), None) {
            return;
        }
        let text = match request {
            LevelRequest::Clear => {
                T::LevelingCleared.fill(lang, &[("count", &delayed.to_string())])
            }
            LevelRequest::Level(_) => T::Leveled.fill(
                lang,
                &[
                    ("count", &delayed.to_string()),
                    ("unresolved", &unresolved.len().to_string()),
                ],
            ),
        };
        self.status = if unresolved.is_empty() {
            Status::info(text)
        } else {
            Status::error(text)
        };
    }

    /// Carries out a tracking command chosen in its dialog, as one undoable edit.
    fn track(&mut self, action: tracking::Tracking) {
        let lang = self.lang();
        let schedule = self.derived.schedule.as_ref().map_err(String::as_str);
        match tracking::edit_for(&self.doc.project, schedule, action, today(), lang) {
            Ok((edit, status)) => {
                if self.apply_edit(edit, None) {
                    self.status = Status::info(status);
                }
            }
            Err(why) => self.status = Status::error(why),
        }
    }

    fn refusal(&mut self, refusal: OpRefusal) {
        let text = match refusal {
            OpRefusal::NoSelection => T::NoSelection,
            OpRefusal::CannotIndent => T::CannotIndent,
            OpRefusal::CannotOutdent => T::CannotOutdent,
            OpRefusal::CannotMove => T::CannotMove,
            OpRefusal::SummaryLink => T::SummaryLinkRefused,
            OpRefusal::LinkNeedsTwo => T::LinkNeedsTwo,
            OpRefusal::WouldLoop => T::LinksWouldLoop,
            OpRefusal::NothingToChange => T::NothingToChange,
        };
        self.status = Status::error(text.get(self.lang()));
    }

    fn document_text(&mut self) -> Option<String> {
        // Files keep the last computed schedule, as MS Project's do.
        let saved = match &self.derived.schedule {
            Ok(schedule) => crate::schedule::cpm::with_scheduled_dates(&self.doc.project, schedule),
            Err(_) => self.doc.project.clone(),
        };
        match document::to_text(&saved) {
            Ok(text) => Some(text),
            Err(error) => {
                let lang = self.lang();
                self.status = Status::error(T::SaveFailed.fill(
                    lang,
                    &[("file", &self.doc.name), ("error", &error.to_string())],
                ));
                None
            }
        }
    }

    fn save(&mut self, save_as: bool) {
        let Some(text) = self.document_text() else {
            self.after_save = None;
            return;
        };
        match (&self.doc.path, save_as || cfg!(target_arch = "wasm32")) {
            (Some(path), false) => self.dialogs.save_to(&path.clone(), &text),
            _ => {
                let suggested = suggested_file_name(&self.doc);
                let filter = T::FileFilterName.get(self.lang());
                self.dialogs.save_as(&suggested, &text, filter);
            }
        }
    }

    /// Runs `after` now if the document is clean, or asks first.
    fn guard(&mut self, after: After, ctx: &egui::Context) {
        if self.doc.is_dirty() {
            self.modal = Some(Modal::Unsaved(after));
        } else {
            self.proceed(after, ctx);
        }
    }

    fn proceed(&mut self, after: After, ctx: &egui::Context) {
        match after {
            After::New => {
                let mut project = Project::new(T::NewProjectName.get(self.lang()), today());
                project.meta.locale = match self.lang() {
                    Lang::En => crate::model::Locale::EnGb,
                    Lang::Fr => crate::model::Locale::FrFr,
                };
                let name = T::Untitled.get(self.lang()).to_owned();
                self.replace_document(Document::new(project, None, name));
            }
            After::Open => self.dialogs.open(
                T::FileFilterName.get(self.lang()),
                T::MsProjectFilterName.get(self.lang()),
            ),
            After::OpenSample => self.replace_document(sample_document()),
            After::OpenRecent(path) => self.dialogs.open_path(&path),
            After::Quit => {
                self.closing = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    fn run_command(&mut self, command: Command, ctx: &egui::Context) {
        let lang = self.lang();
        match command {
            Command::New => self.guard(After::New, ctx),
            Command::Open => self.guard(After::Open, ctx),
            Command::OpenSample => self.guard(After::OpenSample, ctx),
            Command::Save => self.save(false),
            Command::SaveAs => self.save(true),
            Command::Quit => self.guard(After::Quit, ctx),
            Command::Undo => {
                if self.doc.history.undo(&mut self.doc.project) {
                    self.changed();
                    self.status = Status::info(T::Undone.get(lang));
                } else {
                    self.status = Status::info(T::NothingToUndo.get(lang));
                }
            }
            Command::Redo => {
                if self.doc.history.redo(&mut self.doc.project) {
                    self.changed();
                    self.status = Status::info(T::Redone.get(lang));
                } else {
                    self.status = Status::info(T::NothingToRedo.get(lang));
                }
            }
            Command::AddTask | Command::InsertTask | Command::AddMilestone => {
                // The Gantt keeps the chart on screen and names the new row in the task
                // editor; elsewhere the name is typed in the task plan.
                let in_gantt = self.settings.view == ViewKind::Gantt;
                if !in_gantt {
                    self.settings.view = ViewKind::Tasks;
                }
                let (where_, milestone, name) = match command {
                    Command::InsertTask => (NewRow::Above, false, T::NewTaskName),
                    Command::AddMilestone => (NewRow::Below, true, T::NewMilestoneName),
                    _ => (NewRow::Below, false, T::NewTaskName),
                };
                let selected = self.selected_row();
                let (edit, _) = task_ops::new_task(
                    &self.doc.project,
                    selected,
                    where_,
                    name.get(lang),
                    milestone,
                );
                let new_id = match &edit {
                    Edit::InsertTasks { tasks, .. } => tasks.first().map(|t| t.id),
                    _ => None,
                };
                if self.apply_edit(edit, None) {
                    self.tasks_view.select(new_id, !in_gantt);
                    if in_gantt && let Some(id) = new_id {
                        self.task_dialog.open(id);
                    }
                }
            }
            Command::DeleteTask => {
                let rows = self.selected_rows();
                match task_ops::delete_rows(&self.doc.project, &rows) {
                    Ok(edit) => {
                        if self.apply_edit(edit, None)
                            && let Some(&row) = rows.first()
                        {
                            let tasks = &self.doc.project.tasks;
                            let next = tasks.get(row).or_else(|| tasks.last()).map(|t| t.id);
                            self.tasks_view.select(next, false);
                        }
                    }
                    Err(refusal) => self.refusal(refusal),
                }
            }
            Command::Indent | Command::Outdent | Command::LinkTasks | Command::UnlinkTasks => {
                let rows = self.selected_rows();
                let project = &self.doc.project;
                let result = match command {
                    Command::Indent => task_ops::indent_rows(project, &rows),
                    Command::Outdent => task_ops::outdent_rows(project, &rows),
                    Command::LinkTasks => task_ops::link_rows(project, &rows),
                    _ => task_ops::unlink_rows(project, &rows),
                };
                match result {
                    Ok(edit) => {
                        self.apply_edit(edit, None);
                    }
                    Err(refusal) => self.refusal(refusal),
                }
            }
            Command::MoveUp | Command::MoveDown => {
                let selected = self.selected_row();
                let result = if command == Command::MoveUp {
                    task_ops::move_up(&self.doc.project, selected)
                } else {
                    task_ops::move_down(&self.doc.project, selected)
                };
                match result {
                    Ok((edit, _)) => {
                        self.apply_edit(edit, None);
                        self.tasks_view.scroll_to_selected = true;
                    }
                    Err(refusal) => self.refusal(refusal),
                }
            }
            Command::TaskInfo => match self.tasks_view.selected {
                Some(id) if self.derived.rows.contains_key(&id) => self.task_dialog.open(id),
                _ => self.refusal(OpRefusal::NoSelection),
            },
            Command::ShowTasks => self.settings.view = ViewKind::Tasks,
            Command::ShowDashboard => self.settings.view = ViewKind::Dashboard,
            Command::ShowRequirements => self.settings.view = ViewKind::Requirements,
            Command::ShowResources => self.settings.view = ViewKind::Resources,
            Command::ShowWorkload => self.settings.view = ViewKind::Workload,
            Command::ShowProject => self.settings.view = ViewKind::Project,
            Command::ShowGantt => self.settings.view = ViewKind::Gantt,
            Command::ShowBudget => self.settings.view = ViewKind::Budget,
            Command::ShowMeetings => self.settings.view = ViewKind::Meetings,
            Command::ShowRisks => self.settings.view = ViewKind::Risks,
            Command::ShowAnomalies => self.settings.view = ViewKind::Anomalies,
            Command::ShowTesting => self.settings.view = ViewKind::Testing,
            Command::ShowDeliverables => self.settings.view = ViewKind::Deliverables,
            Command::SaveBaseline | Command::ClearBaseline => {
                self.modal = Some(Modal::Baseline {
                    clear: command == Command::ClearBaseline,
                    number: self.doc.project.earned_value.baseline,
                    selected_only: false,
                });
            }
            Command::UpdateProject => {
                let date = self.doc.project.meta.status_date.unwrap_or_else(today);
                self.modal = Some(Modal::UpdateProject {
                    date: crate::i18n::format_date_numeric(date),
                });
            }
            Command::ToggleTheme => self.settings.dark = !self.settings.dark,
            Command::About => self.modal = Some(Modal::About),
        }
    }

    /// Opening results; everything else is ignored here (used before the first frame).
    fn handle_opening(&mut self, event: FileEvent) {
        let lang = self.lang();
        match event {
            FileEvent::Opened { path, text } => self.open_text(&path, &text),
            FileEvent::OpenFailed { path, error } => {
                let error = if error.starts_with(&path) {
                    error
                } else {
                    format!("{}: {error}", display_name(&path))
                };
                self.status = Status::error(T::OpenFailed.fill(lang, &[("error", &error)]));
            }
            FileEvent::Saved { .. }
            | FileEvent::SaveFailed { .. }
            | FileEvent::Cancelled
            | FileEvent::Captured { .. }
            | FileEvent::Exported { .. }
            | FileEvent::ExportFailed { .. } => {}
        }
    }

    fn handle_file_event(&mut self, event: FileEvent, ctx: &egui::Context) {
        let lang = self.lang();
        match event {
            event @ (FileEvent::Opened { .. } | FileEvent::OpenFailed { .. }) => {
                self.handle_opening(event);
            }
            FileEvent::Saved { path } => {
                self.doc.history.mark_saved();
                self.doc.name = display_name(&path);
                if cfg!(not(target_arch = "wasm32")) {
                    self.settings.remember(&path);
                }
                self.doc.path = Some(path);
                self.status = Status::info(T::Saved.fill(lang, &[("file", &self.doc.name)]));
                if let Some(after) = self.after_save.take() {
                    self.proceed(after, ctx);
                }
            }
            FileEvent::Cancelled => self.after_save = None,
            FileEvent::Captured { file_name, bytes } => {
                self.dialogs.export_bytes(&file_name, &bytes, "PNG", "png");
            }
            FileEvent::Exported { path } => {
                self.status =
                    Status::info(T::Exported.fill(lang, &[("file", &display_name(&path))]));
            }
            FileEvent::ExportFailed { path, error } => {
                self.status = Status::error(
                    T::SaveFailed.fill(lang, &[("file", &display_name(&path)), ("error", &error)]),
                );
            }
            FileEvent::SaveFailed { path, error } => {
                self.after_save = None;
                self.status = Status::error(
                    T::SaveFailed.fill(lang, &[("file", &display_name(&path)), ("error", &error)]),
                );
            }
        }
    }

    fn answer_prompt(&mut self, answer: PromptAnswer, ctx: &egui::Context) {
        if self.modal == Some(Modal::Restore) {
            self.modal = None;
            let pending = self.pending_restore.take();
            if answer == PromptAnswer::Restore
                && let Some(doc) = pending
            {
                let name = doc.name.clone();
                self.replace_document(doc);
                self.status = Status::info(T::Restored.fill(self.lang(), &[("file", &name)]));
            }
            return;
        }
        let Some(Modal::Unsaved(after)) = self.modal.take() else {
            return;
        };
        match answer {
            PromptAnswer::Save => {
                self.after_save = Some(after);
                self.save(false);
            }
            PromptAnswer::Discard => self.proceed(after, ctx),
            PromptAnswer::Cancel | PromptAnswer::Restore => {}
        }
    }

    /// One frame: input, drawing, then everything the frame asked for.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.applied_theme != Some(self.settings.dark) {
            Theme::new(self.settings.dark).apply(&ctx);
            self.applied_theme = Some(self.settings.dark);
        }
        self.dialogs.attach(&ctx);
        for event in self.dialogs.poll() {
            self.handle_file_event(event, &ctx);
        }
        self.take_dropped_files(&ctx);
        if ctx.input(|i| i.viewport().close_requested()) && !self.closing && self.doc.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.modal = Some(Modal::Unsaved(After::Quit));
        }
        let mut out = Outbox::default();
        if self.modal.is_none() {
            out.commands.extend(commands::pressed_shortcuts(&ctx));
        }
        self.refresh_derived();
        let title = format!(
            "{}{} — Pilote",
            self.doc.name,
            if self.doc.is_dirty() { " *" } else { "" }
        );
        // Viewport commands repaint: send the title only when it changes.
        if self.window_title != title {
            platform::set_title(&ctx, &title);
            self.window_title = title;
        }
        self.follow_url();

        let theme = Theme::new(self.settings.dark);
        ui::shell::app_ui(ui, self, theme, &mut out);
        self.apply_outbox(out, &ctx);
    }

    fn take_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        for file in dropped {
            self.dialogs.read_dropped(file);
        }
    }

    fn apply_outbox(&mut self, out: Outbox, ctx: &egui::Context) {
        // What the frame asked for changes what is drawn: draw again now, not at the next
        // input event.
        if out.asks_anything() {
            ctx.request_repaint();
        }
        if let Some(status) = out.status {
            self.status = status;
        }
        for (edit, key) in out.edits {
            self.apply_edit(edit, key);
        }
        if out.seal {
            self.doc.history.seal();
        }
        if let Some(lang) = out.lang {
            self.settings.lang = lang;
            self.revalidate();
        }
        if let Some(view) = out.view {
            self.settings.view = view;
        }
        if let Some(modal) = out.modal {
            self.modal = modal;
        }
        if let Some(answer) = out.answer {
            self.answer_prompt(answer, ctx);
        }
        if let Some(path) = out.open_recent {
            self.guard(After::OpenRecent(path), ctx);
        }
        if let Some(action) = out.tracking {
            self.track(action);
        }
        if let Some((rect, name)) = out.capture {
            self.dialogs.capture_png(ctx, rect, &name);
        }
        if let Some((name, bytes, filter, ext)) = out.export {
            self.dialogs.export_bytes(&name, &bytes, filter, ext);
        }
        if let Some(request) = out.level {
            self.level(request);
        }
        if let Some(task) = out.select_task {
            self.tasks_view.select(Some(task), false);
        }
        if let Some(ids) = out.selection {
            self.tasks_view.set_selection(&ids);
        }
        if let Some(task) = out.open_task {
            self.tasks_view.select(Some(task), false);
            self.task_dialog.open(task);
        }
        for command in out.commands {
            self.run_command(command, ctx);
        }
        self.refresh_derived();
        if self.url_view != self.settings.view.slug() {
            self.settings.view.slug().clone_into(&mut self.url_view);
            platform::set_url_view(&self.url_view);
        }
    }

    /// In the browser, the URL fragment selects the view (links, back and forward buttons).
    fn follow_url(&mut self) {
        if let Some(slug) = platform::url_view()
            && slug != self.url_view
        {
            if let Some(view) = ViewKind::from_slug(&slug) {
                self.settings.view = view;
            }
            self.url_view = slug;
        }
    }

    /// The id of the task at `row`, for tests and views.
    pub fn task_at(&self, row: usize) -> Option<TaskId> {
        self.doc.project.tasks.get(row).map(|t| t.id)
    }
}

impl eframe::App for PiloteApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.settings.gantt = self.gantt_view.prefs();
        eframe::set_value(storage, settings::STORAGE_KEY, &self.settings);
        if platform::AUTOSAVE
            && let Ok(text) = document::to_text(&self.doc.project)
        {
            storage.set_string(AUTOSAVE_KEY, text);
            storage.set_string(AUTOSAVE_NAME_KEY, self.doc.name.clone());
        }
    }

    fn auto_save_interval(&self) -> std::time::Duration {
        // In the browser the autosave is the only copy until the user downloads the file.
        if platform::AUTOSAVE {
            std::time::Duration::from_secs(5)
        } else {
            std::time::Duration::from_secs(30)
        }
    }
}

/// The embedded sample; it is validated by the test suite, so a failure here is a build
/// defect, reported rather than panicking.
pub fn sample_document() -> Document {
    match document::parse(crate::SAMPLE_RON, crate::SAMPLE_NAME) {
        Ok(project) => Document::new(project, None, crate::SAMPLE_NAME.to_owned()),
        Err(error) => {
            let mut doc = Document::new(
                Project::new("Pilote", NaiveDate::default()),
                None,
                crate::SAMPLE_NAME.to_owned(),
            );
            doc.issues.clear();
            doc.project.meta.description = error.to_string();
            doc
        }
    }
}

fn display_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned())
}

fn suggested_file_name(doc: &Document) -> String {
    if doc.path.is_some() {
        return doc.name.clone();
    }
    let stem: String = doc
        .project
        .meta
        .name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("{}.{}", stem.trim_matches('-'), document::EXTENSION)
}
