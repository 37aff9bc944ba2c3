//! The registry of views: one line per view gives its kind, its state, its slug (URLs,
//! `--view`), its name and tooltip, and its shortcut. The navigation, the View menu, the
//! command table, `--view` and its help, URL fragments and the tests that walk every view all
//! derive from [`ViewKind::ALL`]. Adding a view is its file, one line here and its strings.

use std::collections::BTreeMap;

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use super::{View, ViewCtx};
use crate::i18n::T;

#[allow(
    clippy::unnecessary_wraps,
    reason = "the registry holds optional shortcuts"
)]
const fn ctrl(key: Key) -> Option<KeyboardShortcut> {
    Some(KeyboardShortcut::new(Modifiers::COMMAND, key))
}

macro_rules! views {
    ($( $kind:ident => $field:ident: $state:ty, $slug:literal, $label:ident, $tip:ident, $shortcut:expr; )*) => {
        /// The views of the navigation panel, in its order.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum ViewKind {
            $($kind,)*
        }

        impl ViewKind {
            const COUNT: usize = [$(stringify!($kind)),*].len();
            pub const ALL: [ViewKind; Self::COUNT] = [$(ViewKind::$kind),*];

            /// The name used in URLs and on the command line.
            pub fn slug(self) -> &'static str {
                match self {
                    $(ViewKind::$kind => $slug,)*
                }
            }

            pub fn label(self) -> T {
                match self {
                    $(ViewKind::$kind => T::$label,)*
                }
            }

            pub fn tooltip(self) -> T {
                match self {
                    $(ViewKind::$kind => T::$tip,)*
                }
            }

            pub fn shortcut(self) -> Option<KeyboardShortcut> {
                match self {
                    $(ViewKind::$kind => $shortcut,)*
                }
            }
        }

        /// Every view's state, owned here so that the app names no view type.
        #[derive(Default)]
        pub struct Views {
            $(pub $field: $state,)*
            /// The task editor (Task information), which floats over whichever view is open.
            pub task_dialog: super::task_dialog::TaskDialogState,
            /// The command palette (Ctrl+K), over whichever view is open.
            pub palette: super::palette::PaletteState,
            /// The search across the document's items (Ctrl+Shift+F).
            pub search: super::search::SearchState,
            /// The user guide (F1), a window beside the views.
            pub guide: super::guide::GuideState,
        }

        impl Views {
            /// Draws the view `kind`.
            pub fn show_ui(&mut self, kind: ViewKind, ui: &mut Ui, ctx: &mut ViewCtx<'_>) {
                match kind {
                    $(ViewKind::$kind => View::ui(&mut self.$field, ui, ctx),)*
                }
            }

            /// The palette or the search is open: it has the keyboard, so the command table's
            /// shortcuts wait (Ctrl+Z must not undo behind the palette).
            pub fn overlay_open(&self) -> bool {
                self.palette.is_open() || self.search.is_open()
            }

            /// What the views keep between runs, by slug (RON text each).
            pub fn prefs(&self) -> BTreeMap<String, String> {
                let mut prefs = BTreeMap::new();
                $(
                    if let Some(text) = View::prefs(&self.$field) {
                        prefs.insert($slug.to_owned(), text);
                    }
                )*
                prefs
            }

            /// Forgets what belonged to the previous document: drafts typed in the task plan,
            /// the task editor.
            pub fn document_replaced(&mut self) {
                self.tasks = Default::default();
                self.task_dialog = Default::default();
                // Another plan: the chart fits it, whatever zoom the last one had.
                self.gantt.refit();
            }

            /// Views with the preferences an earlier run kept.
            pub fn with_prefs(prefs: &BTreeMap<String, String>) -> Self {
                let mut views = Self::default();
                $(
                    if let Some(text) = prefs.get($slug) {
                        View::load_prefs(&mut views.$field, text);
                    }
                )*
                views
            }
        }
    };
}

views! {
    Tasks => tasks: super::task_plan::TaskPlanState, "tasks", ViewTasks, ViewTasksTip, ctrl(Key::Num1);
    Resources => resources: super::resources::ResourcesState, "resources", ViewResources, ViewResourcesTip, ctrl(Key::Num2);
    Workload => workload: super::workload::WorkloadState, "workload", ViewWorkload, ViewWorkloadTip, ctrl(Key::Num3);
    Dashboard => dashboard: super::dashboard::DashboardState, "dashboard", ViewDashboard, ViewDashboardTip, ctrl(Key::Num4);
    Requirements => requirements: super::specs::SpecsState, "requirements", ViewRequirements, ViewRequirementsTip, ctrl(Key::Num6);
    Deliverables => deliverables: super::deliverables::DeliverablesState, "deliverables", ViewDeliverables, ViewDeliverablesTip, ctrl(Key::Num7);
    Testing => testing: super::testing::TestingState, "tests", ViewTesting, ViewTestingTip, ctrl(Key::Num8);
    Anomalies => anomalies: super::anomalies::AnomaliesState, "anomalies", ViewAnomalies, ViewAnomaliesTip, ctrl(Key::Num9);
    Risks => risks: super::risks::RisksState, "risks", ViewRisks, ViewRisksTip, None;
    RiskAnalysis => risk_analysis: super::risk_analysis::RiskAnalysisState, "risk-analysis", ViewRiskAnalysis, ViewRiskAnalysisTip, None;
    Meetings => meetings: super::meetings::MeetingsState, "meetings", ViewMeetings, ViewMeetingsTip, None;
    Budget => budget: super::budget::BudgetState, "budget", ViewBudget, ViewBudgetTip, None;
    Gantt => gantt: super::gantt::GanttState, "gantt", ViewGantt, ViewGanttTip, None;
    Project => project: super::project_view::ProjectViewState, "project", ViewProject, ViewProjectTip, ctrl(Key::Num5);
}

impl Default for ViewKind {
    fn default() -> Self {
        ViewKind::ALL[0]
    }
}

impl ViewKind {
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.slug() == slug)
    }

    /// The command that shows this view.
    pub fn command(self) -> crate::app::contract::Command {
        crate::app::contract::Command::Show(self)
    }
}
