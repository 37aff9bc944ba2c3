//! The document layer, pure: the [`Edit`] values and their inverses, the undo [`History`], the
//! operations on tasks, resources and every collection (with what a deletion also removes),
//! leveling as an edit, and opening bytes of any known format. The window (`app`) and the
//! command line (`cli`) both change documents only through here. No UI toolkit, no dialogs,
//! no clock: `tests/architecture.rs` checks it.

pub mod clipboard;
pub mod collection;
pub mod csv_import;
pub mod edit;
pub mod history;
pub mod level;
pub mod merge;
pub mod open;
pub mod resource_ops;
pub mod task_ops;
pub mod tracking;

pub use edit::{Collection, Edit, EditError, TaskField};
pub use history::{CoalesceKey, History};
pub use open::{Format, OpenError, Opened, open, open_text};

use crate::model::Project;
use crate::model::validate::{ValidationIssue, validate};
use crate::schedule::cpm::{self, Change, Schedule};

/// An open document: the project, its history and where it came from.
pub struct Document {
    pub project: Project,
    pub history: History,
    /// Native path or browser file name; `None` for the sample, a new project or an import.
    pub path: Option<String>,
    /// The name shown in the title and status bar.
    pub name: String,
    /// Increases with every change, so derived data knows when to recompute.
    pub revision: u64,
    /// The revision of the last change that may have moved the schedule's dates (undo and redo
    /// count as such): derived data keeps its schedule while this stays.
    pub dates_revision: u64,
    /// What the changes since the schedule was last taken may have moved (see
    /// [`Document::take_schedule_change`]): the whole plan for a new document.
    schedule_change: Change,
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
            dates_revision: 1,
            schedule_change: Change::everything(),
            issues,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Applies `edit` through the history (coalesced under `key`); the revision moves on
    /// only when it applied.
    pub fn apply(&mut self, edit: Edit, key: Option<CoalesceKey>) -> Result<(), EditError> {
        let change = edit.schedule_change();
        self.history.apply(&mut self.project, edit, key)?;
        self.changed(change);
        Ok(())
    }

    /// Undoes the last step; false when there is none.
    pub fn undo(&mut self) -> bool {
        self.step(true)
    }

    /// Redoes the last undone step; false when there is none.
    pub fn redo(&mut self) -> bool {
        self.step(false)
    }

    fn step(&mut self, undo: bool) -> bool {
        let change = self
            .history
            .next_step(undo)
            .map_or_else(Change::everything, Edit::schedule_change);
        let done = if undo {
            self.history.undo(&mut self.project)
        } else {
            self.history.redo(&mut self.project)
        };
        if done {
            self.changed(change);
        }
        done
    }

    /// Moves the revision on after a change to the project that may move `change`'s dates.
    fn changed(&mut self, change: Change) {
        self.revision += 1;
        if !change.is_empty() {
            self.dates_revision = self.revision;
            self.schedule_change.merge(change);
        }
    }

    /// Records that the project was changed outside the history (replaced as a whole): any
    /// date may have moved.
    pub fn replaced(&mut self) {
        self.changed(Change::everything());
    }

    /// What may have moved since the last call (or since the document was made), for a
    /// [`cpm::Rescheduler`] to update its schedule with.
    pub fn take_schedule_change(&mut self) -> Change {
        std::mem::take(&mut self.schedule_change)
    }
}

/// The project as it is saved: with the dates of its last schedule, as MS Project's files
/// keep them (the plan as entered when it could not be scheduled: `None`).
pub fn as_saved(project: &Project, schedule: Option<&Schedule>) -> Project {
    match schedule {
        Some(schedule) => cpm::with_scheduled_dates(project, schedule),
        None => project.clone(),
    }
}

/// The project scheduled and saved as [`as_saved`] does, for callers without a schedule.
pub fn scheduled_for_saving(project: &Project) -> Project {
    as_saved(project, cpm::schedule(project).ok().as_ref())
}
