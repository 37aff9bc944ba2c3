//! The egui views: one file (or folder) per view, the registry that owns their states, the
//! shell around them, the theme, shared widgets and the generic collection editor. Views read
//! the document through a [`ViewCtx`] and push requests into its outbox; they never mutate the
//! document. Of `crate::app` they use only `app::contract`.

pub mod anomalies;
pub mod budget;
pub use crate::i18n::choices;
pub mod collection;
pub mod dashboard;
pub mod deliverables;
pub mod editor;
pub mod file_picker;
pub mod gantt;
pub mod guide;
pub mod interchange_dialogs;
pub mod keeping_dialogs;
pub mod matching;
pub mod meetings;
pub mod palette;
pub mod project_view;
pub mod registry;
pub mod resources;
pub mod risk_analysis;
pub mod risks;
pub mod search;
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

pub use registry::{ViewKind, Views};

use crate::app::contract::{Derived, Outbox, Selection};
use crate::i18n::Lang;
use crate::model::Project;
use theme::Theme;

/// What a view gets: the document and derived data to read, the task selection it shares
/// with the other task views, and the outbox to ask for changes.
pub struct ViewCtx<'a> {
    pub project: &'a Project,
    pub derived: &'a Derived,
    /// The risk analysis: its last result and the run under way.
    pub analysis: &'a crate::app::contract::AnalysisStatus,
    pub lang: Lang,
    pub theme: &'a Theme,
    pub out: &'a mut Outbox,
    /// The user's date, for defaults when the project has no status date.
    pub today: chrono::NaiveDate,
    pub selection: &'a mut Selection,
}

/// One view of the registry: its state draws it.
pub trait View {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>);

    /// What the view keeps between runs (RON text), if anything.
    fn prefs(&self) -> Option<String> {
        None
    }

    /// Takes back what [`View::prefs`] kept; text it cannot read is ignored.
    fn load_prefs(&mut self, _text: &str) {}
}
