//! The one command table: each command's label, tooltip and shortcut. Menus, toolbars and the
//! keyboard all read it, so they cannot disagree.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::{Lang, T};

/// The views of the navigation panel.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, Default,
)]
pub enum ViewKind {
    #[default]
    Tasks,
    Resources,
    Workload,
    Dashboard,
    Requirements,
    Deliverables,
    Testing,
    Anomalies,
    Risks,
    Meetings,
    Budget,
    Gantt,
    Project,
}

impl ViewKind {
    pub const ALL: [ViewKind; 13] = [
        ViewKind::Tasks,
        ViewKind::Resources,
        ViewKind::Workload,
        ViewKind::Dashboard,
        ViewKind::Requirements,
        ViewKind::Deliverables,
        ViewKind::Testing,
        ViewKind::Anomalies,
        ViewKind::Risks,
        ViewKind::Meetings,
        ViewKind::Budget,
        ViewKind::Gantt,
        ViewKind::Project,
    ];

    /// The command that shows this view.
    pub fn command(self) -> Command {
        match self {
            ViewKind::Tasks => Command::ShowTasks,
            ViewKind::Resources => Command::ShowResources,
            ViewKind::Workload => Command::ShowWorkload,
            ViewKind::Dashboard => Command::ShowDashboard,
            ViewKind::Requirements => Command::ShowRequirements,
            ViewKind::Deliverables => Command::ShowDeliverables,
            ViewKind::Testing => Command::ShowTesting,
            ViewKind::Anomalies => Command::ShowAnomalies,
            ViewKind::Risks => Command::ShowRisks,
            ViewKind::Meetings => Command::ShowMeetings,
            ViewKind::Budget => Command::ShowBudget,
            ViewKind::Gantt => Command::ShowGantt,
            ViewKind::Project => Command::ShowProject,
        }
    }

    /// The name used in URLs and on the command line.
    pub fn slug(self) -> &'static str {
        match self {
            ViewKind::Tasks => "tasks",
            ViewKind::Resources => "resources",
            ViewKind::Workload => "workload",
            ViewKind::Dashboard => "dashboard",
            ViewKind::Requirements => "requirements",
            ViewKind::Deliverables => "deliverables",
            ViewKind::Testing => "tests",
            ViewKind::Anomalies => "anomalies",
            ViewKind::Risks => "risks",
            ViewKind::Meetings => "meetings",
            ViewKind::Budget => "budget",
            ViewKind::Gantt => "gantt",
            ViewKind::Project => "project",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.slug() == slug)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    New,
    Open,
    OpenSample,
    Save,
    SaveAs,
    Quit,
    Undo,
    Redo,
    AddTask,
    InsertTask,
    AddMilestone,
    DeleteTask,
    Indent,
    Outdent,
    MoveUp,
    MoveDown,
    LinkTasks,
    UnlinkTasks,
    TaskInfo,
    ShowTasks,
    ShowResources,
    ShowWorkload,
    ShowDashboard,
    ShowRequirements,
    ShowDeliverables,
    ShowTesting,
    ShowAnomalies,
    ShowRisks,
    ShowMeetings,
    ShowBudget,
    ShowGantt,
    ShowProject,
    UpdateProject,
    SaveBaseline,
    ClearBaseline,
    ToggleTheme,
    About,
}

/// How a command is presented and triggered.
pub struct CommandSpec {
    pub command: Command,
    pub label: T,
    pub tooltip: T,
    pub shortcut: Option<KeyboardShortcut>,
    /// Plain keys (Delete, Insert, arrows) must not fire while the user types in a field.
    pub only_outside_text: bool,
}

const fn spec(
    command: Command,
    label: T,
    tooltip: T,
    shortcut: Option<KeyboardShortcut>,
    only_outside_text: bool,
) -> CommandSpec {
    CommandSpec {
        command,
        label,
        tooltip,
        shortcut,
        only_outside_text,
    }
}

#[allow(
    clippy::unnecessary_wraps,
    reason = "the table holds optional shortcuts"
)]
const fn key(modifiers: Modifiers, key: Key) -> Option<KeyboardShortcut> {
    Some(KeyboardShortcut::new(modifiers, key))
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const ALT_SHIFT: Modifiers = Modifiers::ALT.plus(Modifiers::SHIFT);
const NONE: Modifiers = Modifiers::NONE;

/// Commands that add rows: always available.
pub const TASK_ADD_COMMANDS: [Command; 3] =
    [Command::AddTask, Command::InsertTask, Command::AddMilestone];

/// The tracking menu: progress and baselines.
pub const TRACKING_COMMANDS: [Command; 3] = [
    Command::UpdateProject,
    Command::SaveBaseline,
    Command::ClearBaseline,
];

/// Commands on the selected row: available when a row is selected.
pub const TASK_ROW_COMMANDS: [Command; 8] = [
    Command::DeleteTask,
    Command::Indent,
    Command::Outdent,
    Command::MoveUp,
    Command::MoveDown,
    Command::LinkTasks,
    Command::UnlinkTasks,
    Command::TaskInfo,
];

pub const COMMANDS: &[CommandSpec] = &[
    spec(
        Command::New,
        T::CmdNew,
        T::CmdNewTip,
        key(CMD, Key::N),
        false,
    ),
    spec(
        Command::Open,
        T::CmdOpen,
        T::CmdOpenTip,
        key(CMD, Key::O),
        false,
    ),
    spec(
        Command::OpenSample,
        T::CmdOpenSample,
        T::CmdOpenSampleTip,
        None,
        false,
    ),
    spec(
        Command::Save,
        T::CmdSave,
        T::CmdSaveTip,
        key(CMD, Key::S),
        false,
    ),
    spec(
        Command::SaveAs,
        T::CmdSaveAs,
        T::CmdSaveAsTip,
        key(CMD_SHIFT, Key::S),
        false,
    ),
    spec(
        Command::Quit,
        T::CmdQuit,
        T::CmdQuitTip,
        key(CMD, Key::Q),
        false,
    ),
    spec(
        Command::Undo,
        T::CmdUndo,
        T::CmdUndoTip,
        key(CMD, Key::Z),
        false,
    ),
    spec(
        Command::Redo,
        T::CmdRedo,
        T::CmdRedoTip,
        key(CMD, Key::Y),
        false,
    ),
    spec(
        Command::AddTask,
        T::CmdAddTask,
        T::CmdAddTaskTip,
        key(CMD, Key::Enter),
        false,
    ),
    spec(
        Command::InsertTask,
        T::CmdInsertTask,
        T::CmdInsertTaskTip,
        key(NONE, Key::Insert),
        true,
    ),
    spec(
        Command::AddMilestone,
        T::CmdAddMilestone,
        T::CmdAddMilestoneTip,
        key(CMD_SHIFT, Key::M),
        false,
    ),
    spec(
        Command::DeleteTask,
        T::CmdDeleteTask,
        T::CmdDeleteTaskTip,
        key(NONE, Key::Delete),
        true,
    ),
    spec(
        Command::Indent,
        T::CmdIndent,
        T::CmdIndentTip,
        key(ALT_SHIFT, Key::ArrowRight),
        false,
    ),
    spec(
        Command::Outdent,
        T::CmdOutdent,
        T::CmdOutdentTip,
        key(ALT_SHIFT, Key::ArrowLeft),
        false,
    ),
    spec(
        Command::MoveUp,
        T::CmdMoveUp,
        T::CmdMoveUpTip,
        key(ALT_SHIFT, Key::ArrowUp),
        false,
    ),
    spec(
        Command::MoveDown,
        T::CmdMoveDown,
        T::CmdMoveDownTip,
        key(ALT_SHIFT, Key::ArrowDown),
        false,
    ),
    // MS Project's keys: Ctrl+F2 links, Ctrl+Shift+F2 unlinks, Shift+F2 opens Task Information.
    spec(
        Command::LinkTasks,
        T::CmdLinkTasks,
        T::CmdLinkTasksTip,
        key(CMD, Key::F2),
        false,
    ),
    spec(
        Command::UnlinkTasks,
        T::CmdUnlinkTasks,
        T::CmdUnlinkTasksTip,
        key(CMD_SHIFT, Key::F2),
        false,
    ),
    spec(
        Command::TaskInfo,
        T::CmdTaskInfo,
        T::CmdTaskInfoTip,
        key(Modifiers::SHIFT, Key::F2),
        true,
    ),
    spec(
        Command::ShowTasks,
        T::ViewTasks,
        T::ViewTasksTip,
        key(CMD, Key::Num1),
        false,
    ),
    spec(
        Command::ShowResources,
        T::ViewResources,
        T::ViewResourcesTip,
        key(CMD, Key::Num2),
        false,
    ),
    spec(
        Command::ShowWorkload,
        T::ViewWorkload,
        T::ViewWorkloadTip,
        key(CMD, Key::Num3),
        false,
    ),
    spec(
        Command::ShowDashboard,
        T::ViewDashboard,
        T::ViewDashboardTip,
        key(CMD, Key::Num4),
        false,
    ),
    spec(
        Command::ShowRequirements,
        T::ViewRequirements,
        T::ViewRequirementsTip,
        key(CMD, Key::Num6),
        false,
    ),
    spec(
        Command::ShowDeliverables,
        T::ViewDeliverables,
        T::ViewDeliverablesTip,
        key(CMD, Key::Num7),
        false,
    ),
    spec(
        Command::ShowTesting,
        T::ViewTesting,
        T::ViewTestingTip,
        key(CMD, Key::Num8),
        false,
    ),
    spec(
        Command::ShowAnomalies,
        T::ViewAnomalies,
        T::ViewAnomaliesTip,
        key(CMD, Key::Num9),
        false,
    ),
    spec(
        Command::ShowRisks,
        T::ViewRisks,
        T::ViewRisksTip,
        None,
        false,
    ),
    spec(
        Command::ShowMeetings,
        T::ViewMeetings,
        T::ViewMeetingsTip,
        None,
        false,
    ),
    spec(
        Command::ShowBudget,
        T::ViewBudget,
        T::ViewBudgetTip,
        None,
        false,
    ),
    spec(
        Command::ShowGantt,
        T::ViewGantt,
        T::ViewGanttTip,
        None,
        false,
    ),
    spec(
        Command::ShowProject,
        T::ViewProject,
        T::ViewProjectTip,
        key(CMD, Key::Num5),
        false,
    ),
    spec(
        Command::UpdateProject,
        T::CmdUpdateProject,
        T::CmdUpdateProjectTip,
        None,
        false,
    ),
    spec(
        Command::SaveBaseline,
        T::CmdSaveBaseline,
        T::CmdSaveBaselineTip,
        None,
        false,
    ),
    spec(
        Command::ClearBaseline,
        T::CmdClearBaseline,
        T::CmdClearBaselineTip,
        None,
        false,
    ),
    spec(
        Command::ToggleTheme,
        T::CmdToggleTheme,
        T::CmdToggleThemeTip,
        None,
        false,
    ),
    spec(
        Command::About,
        T::CmdAbout,
        T::CmdAboutTip,
        key(NONE, Key::F1),
        false,
    ),
];

impl Command {
    pub fn spec(self) -> &'static CommandSpec {
        COMMANDS
            .iter()
            .find(|s| s.command == self)
            .unwrap_or(&COMMANDS[0])
    }

    pub fn label(self, lang: Lang) -> &'static str {
        self.spec().label.get(lang)
    }

    pub fn tooltip(self, lang: Lang) -> &'static str {
        self.spec().tooltip.get(lang)
    }
}

/// The commands whose shortcuts were pressed this frame, consumed from the input so that no
/// widget acts on them too.
pub fn pressed_shortcuts(ctx: &egui::Context) -> Vec<Command> {
    let typing = ctx.egui_wants_keyboard_input();
    let mut pressed = Vec::new();
    ctx.input_mut(|input| {
        // Longest modifier sets first, so Ctrl+Shift+S is not taken for Ctrl+S.
        let mut specs: Vec<&CommandSpec> = COMMANDS.iter().collect();
        specs.sort_by_key(|s| {
            std::cmp::Reverse(s.shortcut.map_or(0, |k| {
                u8::from(k.modifiers.shift)
                    + u8::from(k.modifiers.alt)
                    + u8::from(k.modifiers.command)
            }))
        });
        for spec in specs {
            if let Some(shortcut) = spec.shortcut
                && !(spec.only_outside_text && typing)
                && input.consume_shortcut(&shortcut)
            {
                pressed.push(spec.command);
            }
        }
    });
    pressed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_is_in_the_table_once_with_distinct_shortcuts() {
        let all = [
            Command::New,
            Command::Open,
            Command::OpenSample,
            Command::Save,
            Command::SaveAs,
            Command::Quit,
            Command::Undo,
            Command::Redo,
            Command::AddTask,
            Command::InsertTask,
            Command::AddMilestone,
            Command::DeleteTask,
            Command::Indent,
            Command::Outdent,
            Command::MoveUp,
            Command::MoveDown,
            Command::LinkTasks,
            Command::UnlinkTasks,
            Command::TaskInfo,
            Command::ShowTasks,
            Command::ShowResources,
            Command::ShowWorkload,
            Command::ShowDashboard,
            Command::ShowRequirements,
            Command::ShowDeliverables,
            Command::ShowTesting,
            Command::ShowAnomalies,
            Command::ShowRisks,
            Command::ShowMeetings,
            Command::ShowBudget,
            Command::ShowGantt,
            Command::ShowProject,
            Command::UpdateProject,
            Command::SaveBaseline,
            Command::ClearBaseline,
            Command::ToggleTheme,
            Command::About,
        ];
        for command in all {
            assert_eq!(COMMANDS.iter().filter(|s| s.command == command).count(), 1);
        }
        let shortcuts: Vec<_> = COMMANDS.iter().filter_map(|s| s.shortcut).collect();
        for (i, a) in shortcuts.iter().enumerate() {
            assert!(!shortcuts[i + 1..].contains(a), "{a:?} is used twice");
        }
    }
}
