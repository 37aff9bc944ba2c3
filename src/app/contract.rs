//! The one contract between the shell and the views: what a view may read (the document,
//! derived data, the selection) and the [`Request`]s it may push. Views ask; the app applies
//! the requests once per frame, in the order they were pushed. `src/ui` imports nothing else of
//! `crate::app` (`tests/architecture.rs` checks it).

use chrono::NaiveDate;

pub use super::commands::{
    ClipboardEvent, Command, CommandSpec, EXPORT_COMMANDS, TASK_ADD_COMMANDS, TASK_ROW_COMMANDS,
    TRACKING_COMMANDS, clipboard_events, pressed_shortcuts,
};
pub use super::derived::{Derived, PhasedRows, Tracking as DerivedTracking};
pub use crate::doc::clipboard::FillColumn;
use crate::doc::level::LevelRequest;
use crate::doc::tracking::Tracking;
use crate::doc::{CoalesceKey, Document, Edit};
use crate::i18n::{Lang, Message};
use crate::model::{ResourceId, Task, TaskId};
use crate::ui::ViewKind;

/// A line in the status bar.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Status {
    /// Written out in the interface's language when shown, so that it follows a change of
    /// language.
    pub message: Message,
    pub error: bool,
}

impl Status {
    pub fn info(message: impl Into<Message>) -> Self {
        Self {
            message: message.into(),
            error: false,
        }
    }

    pub fn error(message: impl Into<Message>) -> Self {
        Self {
            message: message.into(),
            error: true,
        }
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        self.message.text(lang)
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
    /// A desktop recovery copy left by a session that did not quit: restore, save as or
    /// discard it. `file` is the user's file it belongs to; `more` copies wait after it.
    Recover {
        name: String,
        file: Option<String>,
        time: String,
        more: usize,
    },
    /// The file being opened has someone else's lock note: open read-only, take it over, or
    /// cancel.
    Locked {
        file: String,
        user: String,
        host: String,
        since: String,
    },
    /// Saving found the file changed on disk since it was opened or saved. `changes` lists
    /// what the other person changed, once asked for.
    ChangedOnDisk {
        file: String,
        changes: Option<Vec<String>>,
    },
    /// What a merge left undecided, field by field (the document's `merge_conflicts`).
    Conflicts,
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
    DeleteResource(ResourceId),
    /// Asks before an edit that removes what other items point at; says what.
    Confirm {
        title: String,
        body: String,
        edit: Box<Edit>,
    },
    /// Pilote's own file dialog, where the system's cannot open.
    FilePicker(FilePicker),
    /// File ▸ Export: the format and its options chosen so far.
    Export(ExportDialog),
    /// File ▸ Import CSV: the file read, its columns' fields and the preview.
    ImportCsv(Box<CsvImportDialog>),
}

/// The formats File ▸ Export offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    MsProject,
    Csv,
    Calendar,
    Report,
}

/// The export dialog's choices.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportDialog {
    pub format: ExportFormat,
    pub table: crate::io::csv::Table,
    pub iso_dates: bool,
    /// The project manager's message for the report.
    pub message: String,
}

/// The CSV import dialog: the file's rows, the field of each column, the table they go into,
/// and what that would do (computed when a choice changes, not every frame).
#[derive(Clone, Debug, PartialEq)]
pub struct CsvImportDialog {
    pub file: String,
    pub read: crate::io::csv::Read,
    pub table: crate::io::csv::Table,
    pub mapping: Vec<Option<crate::doc::csv_import::CsvField>>,
    pub preview: crate::doc::csv_import::ImportPreview,
}

/// Pilote's own file dialog: a folder's entries, the name typed, what it is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilePicker {
    pub purpose: PickerPurpose,
    /// The folder shown, absolute.
    pub dir: String,
    /// Its sub-folders, then the files the purpose can use, by name.
    pub entries: Vec<PickerEntry>,
    /// The file name typed (saving) or clicked (opening).
    pub name: String,
    /// Why the folder could not be read, if it could not.
    pub error: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickerPurpose {
    Open,
    Save,
    /// An export, of files ending in `ext`.
    Export {
        ext: String,
    },
    /// A CSV file to import.
    ImportCsv,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PickerEntry {
    pub name: String,
    pub folder: bool,
}

/// What the user did in Pilote's file dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickerAction {
    /// Show this folder (a sub-folder clicked, the parent, a path typed).
    Show(String),
    /// Open, save or export to this path.
    Choose(String),
}

/// The leveling dialog's fields.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct LevelDialog {
    pub options: crate::schedule::leveling::Options,
    pub use_range: bool,
    pub from: String,
    pub to: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptAnswer {
    Save,
    Discard,
    Cancel,
    /// Restore the autosaved (or recovered) document.
    Restore,
    /// Restore the recovered document and save it under another name; save under another
    /// name instead of over a changed file.
    SaveAs,
    /// Open the locked file read-only.
    ReadOnly,
    /// Open the locked file and put one's own lock note in place of the other.
    TakeOver,
    /// Show what changed on disk.
    ShowChanges,
    /// Merge what was saved on disk into the open document.
    Merge,
    /// Save over the changed file anyway.
    Overwrite,
}

/// One thing a view (or the shell) asks of the app.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// Apply an edit; typing under the same key coalesces into one undo step.
    Edit(Edit, Option<CoalesceKey>),
    Command(Command),
    /// Ends the current typing stream (a field lost focus).
    Seal,
    Status(Status),
    Picker(PickerAction),
    OpenRecent(String),
    Lang(Lang),
    OpenModal(Modal),
    CloseModal,
    Answer(PromptAnswer),
    Tracking(Tracking),
    /// Capture this screen rectangle as a PNG and offer it under this file name.
    Capture(egui::Rect, String),
    Level(LevelRequest),
    /// Offer these bytes as a file: suggested name, bytes, filter name, extension.
    Export(String, Vec<u8>, &'static str, &'static str),
    /// Select this task (and scroll to it).
    SelectTask(TaskId),
    /// Select these tasks, the first one active.
    Selection(Vec<TaskId>),
    /// Open the task editor on this task.
    OpenTask(TaskId),
    /// Start a risk analysis with these options (replacing one under way).
    RunAnalysis(crate::schedule::risk::RiskOptions),
    CancelAnalysis,
    /// Settle the merge conflict at this index of the document's list: theirs (true) or ours.
    ResolveConflict(usize, bool),
    /// Export the plan as the dialog says: `pdf` picks the report's PDF over its HTML.
    ExportPlan(ExportDialog, bool),
}

/// The risk analysis as the views see it.
#[derive(Default)]
pub struct AnalysisStatus {
    pub result: Option<std::sync::Arc<crate::schedule::risk::RiskResult>>,
    /// The last run of the other kind (mitigated or not) on the same document, to show what
    /// the mitigations are worth.
    pub other: Option<std::sync::Arc<crate::schedule::risk::RiskResult>>,
    /// The document changed since the result was computed.
    pub stale: bool,
    /// Iterations done and to do, while a run is under way.
    pub progress: Option<(u32, u32)>,
    /// Why the last run gave nothing (a dependency cycle…).
    pub error: Option<String>,
}

/// The requests of one frame, in the order they were pushed.
#[derive(Default)]
pub struct Outbox {
    requests: Vec<Request>,
}

impl Outbox {
    pub fn push(&mut self, request: Request) {
        self.requests.push(request);
    }

    pub fn edit(&mut self, edit: Edit, key: Option<CoalesceKey>) {
        self.push(Request::Edit(edit, key));
    }

    pub fn command(&mut self, command: Command) {
        self.push(Request::Command(command));
    }

    pub fn show(&mut self, view: ViewKind) {
        self.command(Command::Show(view));
    }

    pub fn seal(&mut self) {
        self.push(Request::Seal);
    }

    pub fn status(&mut self, status: Status) {
        self.push(Request::Status(status));
    }

    pub fn error(&mut self, message: impl Into<Message>) {
        self.status(Status::error(message));
    }

    pub fn lang(&mut self, lang: Lang) {
        self.push(Request::Lang(lang));
    }

    pub fn open_modal(&mut self, modal: Modal) {
        self.push(Request::OpenModal(modal));
    }

    pub fn close_modal(&mut self) {
        self.push(Request::CloseModal);
    }

    pub fn answer(&mut self, answer: PromptAnswer) {
        self.push(Request::Answer(answer));
    }

    pub fn has_answer(&self) -> bool {
        self.requests
            .iter()
            .any(|r| matches!(r, Request::Answer(_)))
    }

    /// Whether a dialog was opened or closed this frame.
    pub fn changes_modal(&self) -> bool {
        self.requests
            .iter()
            .any(|r| matches!(r, Request::OpenModal(_) | Request::CloseModal))
    }

    pub fn open_recent(&mut self, path: String) {
        self.push(Request::OpenRecent(path));
    }

    pub fn track(&mut self, action: Tracking) {
        self.push(Request::Tracking(action));
    }

    pub fn capture(&mut self, rect: egui::Rect, file_name: String) {
        self.push(Request::Capture(rect, file_name));
    }

    pub fn level(&mut self, request: LevelRequest) {
        self.push(Request::Level(request));
    }

    pub fn export(
        &mut self,
        file_name: String,
        bytes: Vec<u8>,
        filter: &'static str,
        extension: &'static str,
    ) {
        self.push(Request::Export(file_name, bytes, filter, extension));
    }

    pub fn select_task(&mut self, task: TaskId) {
        self.push(Request::SelectTask(task));
    }

    pub fn select(&mut self, tasks: Vec<TaskId>) {
        self.push(Request::Selection(tasks));
    }

    pub fn open_task(&mut self, task: TaskId) {
        self.push(Request::OpenTask(task));
    }

    /// Whether anything was asked this frame.
    pub fn asks_anything(&self) -> bool {
        !self.requests.is_empty()
    }

    pub fn requests(&self) -> &[Request] {
        &self.requests
    }

    pub fn into_requests(self) -> Vec<Request> {
        self.requests
    }
}

/// The selected tasks: shared by the task plan, the Gantt, the task editor and the commands
/// that act on rows. App state, not document: selecting is not an undo step.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// The active task: the one the staffing panel, the task editor and row moves act on.
    pub selected: Option<TaskId>,
    /// The other selected tasks (Ctrl/Shift-click, rubber band in the Gantt), for commands
    /// that act on several rows: delete, indent, outdent, link, unlink.
    pub also_selected: Vec<TaskId>,
    /// Put the keyboard in the selected task's name next frame, all text selected.
    pub focus_name: bool,
    pub scroll_to_selected: bool,
    /// Where a Shift-click range starts: the last task clicked without Shift.
    pub anchor: Option<TaskId>,
    /// The column of the plan last edited, which Fill down copies.
    pub column: Option<FillColumn>,
}

impl Selection {
    pub fn select(&mut self, id: Option<TaskId>, focus_name: bool) {
        self.selected = id;
        self.also_selected.clear();
        self.anchor = id;
        self.focus_name = focus_name;
        self.scroll_to_selected = true;
    }

    /// Every selected task, the active one first.
    pub fn tasks(&self) -> Vec<TaskId> {
        self.selected
            .iter()
            .chain(
                self.also_selected
                    .iter()
                    .filter(|id| Some(**id) != self.selected),
            )
            .copied()
            .collect()
    }

    /// A click on `task` among `rows` (the tasks in the order shown), as in a spreadsheet:
    /// alone; with Ctrl (Cmd on a Mac) added to or taken out of the selection; with Shift,
    /// every row from the anchor to it. The clicked task becomes the active one.
    pub fn click(&mut self, task: TaskId, command: bool, shift: bool, rows: &[Task]) {
        let position = |id: TaskId| rows.iter().position(|r| r.id == id);
        if shift {
            let anchor = self.anchor.or(self.selected).unwrap_or(task);
            if let (Some(a), Some(b)) = (position(anchor), position(task)) {
                let (lo, hi) = (a.min(b), a.max(b));
                self.selected = Some(task);
                self.also_selected = rows[lo..=hi]
                    .iter()
                    .map(|t| t.id)
                    .filter(|&t| t != task)
                    .collect();
                self.anchor = Some(anchor);
                return;
            }
        }
        self.anchor = Some(task);
        if command {
            let mut all = self.tasks();
            if let Some(i) = all.iter().position(|&t| t == task) {
                all.remove(i);
                self.selected = all.first().copied();
                self.also_selected = all.into_iter().skip(1).collect();
            } else {
                self.also_selected = all;
                self.selected = Some(task);
            }
            return;
        }
        self.selected = Some(task);
        self.also_selected.clear();
    }

    /// Selects these tasks, the first one active.
    pub fn set(&mut self, ids: &[TaskId]) {
        self.selected = ids.first().copied();
        self.also_selected = ids.iter().skip(1).copied().collect();
        self.scroll_to_selected = true;
    }
}

/// What the shell around the views reads: the document, the app's state and settings.
pub struct ShellCtx<'a> {
    pub doc: &'a Document,
    pub derived: &'a Derived,
    pub analysis: &'a AnalysisStatus,
    pub lang: Lang,
    pub view: ViewKind,
    pub recent: &'a [String],
    pub status: &'a Status,
    pub modal: Option<&'a Modal>,
    /// The name of a document autosaved by an earlier visit, waiting to be restored.
    pub pending_restore: Option<&'a str>,
    /// The active task of the selection (what "selected task only" means in dialogs).
    pub selected_task: Option<TaskId>,
    pub today: NaiveDate,
}
