//! The application: the document with its history, file dialogs, settings and derived data.
//! Views (in `ui`, through `contract`) read the document and push [`Request`]s; the app
//! applies them once per frame, after drawing, in the order they were pushed. The app names
//! no view's state: those live in [`crate::ui::Views`].

mod analysis;
mod clipboard;
pub mod commands;
pub mod contract;
pub mod derived;
mod files;
mod interchange;
mod keeping;
mod picker;
pub mod platform;
mod requests;
mod run;
pub mod settings;

use chrono::NaiveDate;

use self::contract::{Modal, Outbox, Request, Selection, ShellCtx, Status};
use self::derived::Derived;
use self::platform::FileDialogs;
use self::settings::Settings;
use crate::doc::{CoalesceKey, Edit};
use crate::i18n::{Lang, T};
use crate::io::document;
use crate::model::validate::validate_in;
use crate::model::{Project, TaskId};
use crate::ui;
use crate::ui::Views;
use crate::ui::theme::Theme;

pub use crate::doc::Document;

/// eframe storage keys of the browser autosave.
const AUTOSAVE_KEY: &str = "pilote.autosave.document";
const AUTOSAVE_NAME_KEY: &str = "pilote.autosave.name";

pub struct PiloteApp {
    pub doc: Document,
    pub settings: Settings,
    pub derived: Derived,
    /// Every view's state.
    pub views: Views,
    /// The selected tasks, shared by the task views and the row commands.
    pub selection: Selection,
    /// The date the views treat as today; `None` reads the clock. Fixed by tests and
    /// screenshots so that what they draw does not depend on the day they run.
    pub fixed_today: Option<NaiveDate>,
    pub status: Status,
    pub modal: Option<Modal>,
    dialogs: FileDialogs,
    /// Runs after a save started from the unsaved-changes prompt succeeds.
    after_save: Option<contract::After>,
    /// Set once the user has agreed to close, so the close request is not intercepted again.
    closing: bool,
    applied_theme: Option<bool>,
    window_title: String,
    /// The view slug last read from or written to the URL fragment.
    url_view: String,
    /// A document autosaved by an earlier visit, offered back before it replaces anything.
    pending_restore: Option<Document>,
    /// The rows copied last, whole, for a paste in this plan or the next one opened.
    clip: Option<crate::doc::clipboard::Clip>,
    /// An export's bytes while Pilote's own file dialog asks where to write them.
    pending_export: Option<Vec<u8>>,
    /// What the export being written could not carry, said once it is written.
    pending_left_out: Vec<String>,
    /// The project manager's last message for the committee report.
    report_message: String,
    /// The risk analysis, run in the background.
    analysis: analysis::Analysis,
    /// Recovery copies, the lock note, what the open file holds on disk.
    keeping: keeping::Keeping,
}

/// The user's calendar date from the clock. Only [`PiloteApp::today`] calls it, so that a
/// fixed date (tests, screenshots) holds everywhere; the core takes dates as parameters.
fn clock_today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

impl PiloteApp {
    /// The app on the embedded sample, or on the file at `path` when given. A file that cannot
    /// be read or parsed leaves the sample open and says why in the status bar.
    pub fn new(settings: Settings, path: Option<String>) -> Self {
        let views = Views::with_prefs(&settings.view_prefs);
        let mut app = Self {
            doc: sample_document(settings.lang),
            settings,
            derived: Derived::default(),
            views,
            selection: Selection::default(),
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
            clip: None,
            pending_export: None,
            pending_left_out: Vec::new(),
            report_message: String::new(),
            analysis: analysis::Analysis::default(),
            keeping: keeping::Keeping::default(),
        };
        if let Some(path) = path {
            app.open_now(&path);
        }
        app.refresh_derived();
        app
    }

    /// Opens the file at `path` at once (the command line's file), as Open would.
    pub fn open_now(&mut self, path: &str) {
        self.dialogs.open_path(path);
        for event in self.dialogs.poll() {
            self.handle_opening(event);
        }
        self.refresh_derived();
    }

    /// The app as eframe creates it, with persisted settings. On a first start (nothing
    /// persisted) the interface speaks the system's or browser's language, and the sample
    /// opens in it.
    pub fn from_creation_context(cc: &eframe::CreationContext<'_>, path: Option<String>) -> Self {
        let settings = cc
            .storage
            .and_then(|s| eframe::get_value::<Settings>(s, settings::STORAGE_KEY))
            .unwrap_or_else(|| Settings {
                lang: platform::system_lang().unwrap_or(Lang::En),
                ..Settings::default()
            });
        // Recovery copies and lock notes are on before the command line's file opens, so that
        // its lock note is read and one is put beside it.
        let mut app = Self::new(settings, None);
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(dir) = keeping::recovery_dir() {
            app.keep_files(dir);
        }
        if let Some(path) = path {
            app.open_now(&path);
        }
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

    /// Offers back a document autosaved by an earlier visit, unless it is the sample as shipped
    /// (in either language).
    pub fn offer_autosaved(&mut self, name: Option<String>, text: Option<String>) {
        let Some(text) = text else {
            return;
        };
        if text == crate::SAMPLE_RON || text == crate::SAMPLE_FR_RON {
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

    /// Sets the interface language (the document's messages follow, and the sample as
    /// shipped, untouched, follows into the same language).
    pub fn set_lang(&mut self, lang: Lang) {
        self.settings.lang = lang;
        self.sample_follows_lang();
        self.revalidate();
    }

    /// The sample still as shipped (no file, nothing edited, nothing to undo) is swapped for
    /// the sample in the interface's language. Both have the same ids and dates, so the
    /// selection and the views' states stay.
    fn sample_follows_lang(&mut self) {
        let (text, name) = crate::sample(self.lang());
        let shipped = self.doc.path.is_none()
            && !self.doc.history.can_undo()
            && !self.doc.history.can_redo()
            && (self.doc.name == crate::SAMPLE_NAME || self.doc.name == crate::SAMPLE_FR_NAME);
        if !shipped || self.doc.name == name {
            return;
        }
        if let Ok(project) = document::parse(text, name) {
            self.doc.project = project;
            name.clone_into(&mut self.doc.name);
            self.doc.replaced();
            self.refresh_derived();
        }
    }

    pub fn lang(&self) -> Lang {
        self.settings.lang
    }

    /// The date the views treat as today.
    pub fn today(&self) -> NaiveDate {
        self.fixed_today.unwrap_or_else(clock_today)
    }

    /// The settings as they are stored for the next run, with the views' preferences.
    pub fn stored_settings(&self) -> Settings {
        Settings {
            view_prefs: self.views.prefs(),
            ..self.settings.clone()
        }
    }

    /// Recomputes derived data when the document or the date it is computed at changed.
    fn refresh_derived(&mut self) {
        let today = self.today();
        if self.derived.revision != self.doc.revision || self.derived.today != today {
            // A rename, a note, a requirement…: the dates cannot have moved, the schedule stays;
            // otherwise it is updated from what moved, and so is the load if it was computed.
            let mut previous = std::mem::take(&mut self.derived);
            let mut kept = std::mem::take(&mut previous.kept);
            let change = self.doc.take_schedule_change();
            let keep = change.is_empty()
                && previous.revision <= self.doc.revision
                && previous
                    .schedule
                    .as_ref()
                    .is_ok_and(|s| s.tasks.len() == self.doc.project.tasks.len());
            let schedule = if keep {
                std::mem::replace(&mut previous.schedule, Err(String::new()))
            } else {
                Derived::updated(&mut kept, &self.doc.project, &change)
            };
            self.derived = Derived::compute_with(
                &self.doc.project,
                self.doc.revision,
                today,
                (schedule, kept),
            );
            self.derived
                .carry_load(&self.doc.project, previous, &change);
        }
    }

    /// The document's problems, in the interface language.
    fn revalidate(&mut self) {
        self.doc.issues = validate_in(&self.doc.project, self.lang());
    }

    /// Puts `doc` in the window in place of the open document (no prompt: callers ask first).
    pub fn replace_document(&mut self, doc: Document) {
        self.release_file();
        let revision = self.doc.revision + 1;
        self.doc = doc;
        self.doc.revision = revision;
        self.doc.dates_revision = revision;
        self.revalidate();
        self.selection = Selection::default();
        self.views.document_replaced();
        self.refresh_derived();
    }

    fn selected_row(&self) -> Option<usize> {
        self.selection
            .selected
            .and_then(|id| self.derived.rows.get(&id).copied())
    }

    /// Every selected row, in plan order.
    fn selected_rows(&self) -> Vec<usize> {
        let mut rows: Vec<usize> = self
            .selection
            .tasks()
            .iter()
            .filter_map(|id| self.derived.rows.get(id).copied())
            .collect();
        rows.sort_unstable();
        rows
    }

    /// Applies one edit through the document's history; an edit that cannot apply leaves the
    /// document as it was and says why.
    fn apply_edit(&mut self, edit: Edit, key: Option<CoalesceKey>) -> bool {
        match self.doc.apply(edit, key) {
            Ok(()) => {
                self.revalidate();
                // A change that went through supersedes the error of an earlier attempt.
                if self.status.error {
                    self.status = Status::default();
                }
                true
            }
            Err(error) => {
                self.status = Status::error(error.to_string());
                false
            }
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
            self.modal = Some(Modal::Unsaved(contract::After::Quit));
        }
        // Shortcuts are read before the views take the keyboard, and run after what the views
        // asked, as menu commands do.
        let (shortcuts, clipboard) = if self.modal.is_none() && !self.views.overlay_open() {
            (
                contract::pressed_shortcuts(&ctx),
                contract::clipboard_events(&ctx),
            )
        } else {
            (Vec::new(), Vec::new())
        };
        self.refresh_derived();
        let read_only = if self.keeping.read_only {
            format!(" ({})", T::ReadOnlyMark.get(self.lang()))
        } else {
            String::new()
        };
        let title = format!(
            "{}{}{read_only} — Pilote",
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
        let mut out = Outbox::default();
        let today = self.today();
        if self.analysis.poll(self.doc.revision) {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
        let shell = ShellCtx {
            doc: &self.doc,
            derived: &self.derived,
            analysis: &self.analysis.status,
            lang: self.settings.lang,
            view: self.settings.view,
            recent: &self.settings.recent,
            status: &self.status,
            modal: self.modal.as_ref(),
            pending_restore: self.pending_restore.as_ref().map(|d| d.name.as_str()),
            selected_task: self.selection.selected,
            today,
        };
        ui::shell::app_ui(
            ui,
            &shell,
            &mut self.views,
            &mut self.selection,
            theme,
            &mut out,
        );
        for command in shortcuts {
            out.push(Request::Command(command));
        }
        self.apply_requests(out, &ctx);
        for event in clipboard {
            self.clipboard_event(event, &ctx);
        }
        self.refresh_derived();
        self.keep_frame(&ctx);
    }

    fn take_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        for file in dropped {
            self.dialogs.read_dropped(file);
        }
    }

    /// In the browser, the URL fragment selects the view (links, back and forward buttons).
    fn follow_url(&mut self) {
        if let Some(slug) = platform::url_view()
            && slug != self.url_view
        {
            if let Some(view) = ui::ViewKind::from_slug(&slug) {
                self.settings.view = view;
            }
            self.url_view = slug;
        }
    }

    /// Pilote's own file dialog from now on, as where the system's cannot open (tests).
    pub fn use_in_app_file_dialog(&mut self) {
        self.dialogs.use_in_app();
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
        eframe::set_value(storage, settings::STORAGE_KEY, &self.stored_settings());
        if platform::AUTOSAVE
            && let Ok(text) = document::to_text(&self.doc.project)
        {
            storage.set_string(AUTOSAVE_KEY, text);
            storage.set_string(AUTOSAVE_NAME_KEY, self.doc.name.clone());
        }
    }

    fn on_exit(&mut self) {
        self.quit_cleanly();
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

/// The embedded sample in `lang`; it is validated by the test suite, so a failure here is a
/// build defect, reported rather than panicking.
pub fn sample_document(lang: Lang) -> Document {
    let (text, name) = crate::sample(lang);
    match document::parse(text, name) {
        Ok(project) => Document::new(project, None, name.to_owned()),
        Err(error) => {
            let mut doc = Document::new(
                Project::new("Pilote", NaiveDate::default()),
                None,
                name.to_owned(),
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
    let stem = crate::io::slug::slug(&doc.project.meta.name, "plan");
    format!("{stem}.{}", document::EXTENSION)
}
