//! The egui views: one file per view, the shell around them, the theme, shared widgets.
//! Views read the document and push into the app's `Outbox`; they never mutate the document.

pub mod anomalies;
pub mod budget;
pub mod dashboard;
pub mod deliverables;
pub mod editor;
pub mod gantt;
pub mod meetings;
pub mod project_view;
pub mod resources;
pub mod risks;
pub mod shell;
pub mod specs;
pub mod task_dialog;
pub mod task_entry;
pub mod task_plan;
pub mod task_staffing;
pub mod task_tables;
pub mod testing;
pub mod theme;
pub mod tracking_dialogs;
pub mod tracking_table;
pub mod widgets;
pub mod workload;

use crate::app::Outbox;
use crate::app::derived::Derived;
use crate::i18n::Lang;
use crate::model::Project;
use theme::Theme;

/// What a view gets: the document and derived data to read, and the outbox to ask for changes.
pub struct ViewCtx<'a> {
    pub project: &'a Project,
    pub derived: &'a Derived,
    pub lang: Lang,
    pub theme: &'a Theme,
    pub out: &'a mut Outbox,
    /// The user's date, for defaults when the project has no status date.
    pub today: chrono::NaiveDate,
}
