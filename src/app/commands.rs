//! The one command table: each command's label, tooltip and shortcut. Menus, toolbars and the
//! keyboard all read it, so they cannot disagree.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::{Lang, T};
use crate::ui::ViewKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    New,
    Open,
    OpenSample,
    Save,
    SaveAs,
    /// File ▸ Export ▸ …: the export dialog on one format.
    ExportMsProject,
    ExportCsv,
    ExportCalendar,
    ExportReport,
    /// File ▸ Import CSV…: rows of a spreadsheet into a table, previewed first.
    ImportCsv,
    Quit,
    Undo,
    Redo,
    /// What a merge left undecided, to settle field by field.
    Conflicts,
    /// Rows of the plan, to the system clipboard as text and kept whole for a paste here.
    Cut,
    Copy,
    Paste,
    /// The top selected row's value in the column last edited, into the rows below.
    FillDown,
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
    /// Show a view (the navigation panel, the View menu, Ctrl+digit).
    Show(ViewKind),
    UpdateProject,
    SaveBaseline,
    ClearBaseline,
    ToggleTheme,
    /// The command palette: every command, found by typing part of its label.
    Palette,
    /// One search over tasks, requirements, tests, anomalies, risks, deliverables and actions.
    Search,
    /// The user guide, on the page of the current view.
    Guide,
    /// The user guide, on the page of keyboard shortcuts.
    Shortcuts,
    About,
}

/// How a command is presented and triggered.
pub struct CommandSpec {
    pub command: Command,
    pub label: T,
    pub tooltip: T,
    pub shortcut: Option<KeyboardShortcut>,
    /// A second shortcut, for commands other tools bind to two keys (the palette: Ctrl+K as in
    /// browsers and Slack, Ctrl+Shift+P as in VS Code).
    pub alternate: Option<KeyboardShortcut>,
    /// Plain keys (Delete, Insert, arrows) must not fire while the user types in a field.
    pub only_outside_text: bool,
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

/// File ▸ Export ▸ …, in the menu's order.
pub const EXPORT_COMMANDS: [Command; 4] = [
    Command::ExportMsProject,
    Command::ExportCsv,
    Command::ExportCalendar,
    Command::ExportReport,
];

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

impl Command {
    /// Every command but the views' (see [`Command::all`]).
    const BASE: [Command; 38] = [
        Command::New,
        Command::Open,
        Command::OpenSample,
        Command::Save,
        Command::SaveAs,
        Command::ExportMsProject,
        Command::ExportCsv,
        Command::ExportCalendar,
        Command::ExportReport,
        Command::ImportCsv,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::Conflicts,
        Command::Cut,
        Command::Copy,
        Command::Paste,
        Command::FillDown,
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
        Command::UpdateProject,
        Command::SaveBaseline,
        Command::ClearBaseline,
        Command::ToggleTheme,
        Command::Palette,
        Command::Search,
        Command::Guide,
        Command::Shortcuts,
        Command::About,
    ];

    /// Cut, copy and paste, which arrive as the platform's clipboard events.
    pub const fn is_clipboard(self) -> bool {
        matches!(self, Command::Cut | Command::Copy | Command::Paste)
    }

    /// Every command: the menus' and then one per view, in [`ViewKind::ALL`]'s order.
    pub fn all() -> Vec<Command> {
        let mut all = Self::BASE.to_vec();
        all.extend(ViewKind::ALL.into_iter().map(Command::Show));
        all
    }

    /// The command's label, tooltip and shortcut: a `match`, so that a new command does not
    /// compile until it has them.
    #[allow(
        clippy::too_many_lines,
        reason = "the command table itself: one arm per command"
    )]
    pub fn spec(self) -> CommandSpec {
        use Command as C;
        let (label, tooltip, shortcut, only_outside_text) = match self {
            C::New => (T::CmdNew, T::CmdNewTip, key(CMD, Key::N), false),
            C::Open => (T::CmdOpen, T::CmdOpenTip, key(CMD, Key::O), false),
            C::OpenSample => (T::CmdOpenSample, T::CmdOpenSampleTip, None, false),
            C::Save => (T::CmdSave, T::CmdSaveTip, key(CMD, Key::S), false),
            C::SaveAs => (T::CmdSaveAs, T::CmdSaveAsTip, key(CMD_SHIFT, Key::S), false),
            C::ExportMsProject => (T::CmdExportMsProject, T::CmdExportMsProjectTip, None, false),
            C::ExportCsv => (T::CmdExportCsv, T::CmdExportCsvTip, None, false),
            C::ExportCalendar => (T::CmdExportCalendar, T::CmdExportCalendarTip, None, false),
            C::ExportReport => (
                T::CmdExportReport,
                T::CmdExportReportTip,
                key(CMD, Key::E),
                false,
            ),
            C::ImportCsv => (T::CmdImportCsv, T::CmdImportCsvTip, None, false),
            C::Quit => (T::CmdQuit, T::CmdQuitTip, key(CMD, Key::Q), false),
            C::Undo => (T::CmdUndo, T::CmdUndoTip, key(CMD, Key::Z), false),
            C::Redo => (T::CmdRedo, T::CmdRedoTip, key(CMD, Key::Y), false),
            C::Conflicts => (T::CmdConflicts, T::CmdConflictsTip, None, false),
            C::AddTask => (T::CmdAddTask, T::CmdAddTaskTip, key(CMD, Key::Enter), false),
            C::InsertTask => (
                T::CmdInsertTask,
                T::CmdInsertTaskTip,
                key(NONE, Key::Insert),
                true,
            ),
            C::AddMilestone => (
                T::CmdAddMilestone,
                T::CmdAddMilestoneTip,
                key(CMD_SHIFT, Key::M),
                false,
            ),
            C::DeleteTask => (
                T::CmdDeleteTask,
                T::CmdDeleteTaskTip,
                key(NONE, Key::Delete),
                true,
            ),
            C::Indent => (
                T::CmdIndent,
                T::CmdIndentTip,
                key(ALT_SHIFT, Key::ArrowRight),
                false,
            ),
            C::Outdent => (
                T::CmdOutdent,
                T::CmdOutdentTip,
                key(ALT_SHIFT, Key::ArrowLeft),
                false,
            ),
            C::MoveUp => (
                T::CmdMoveUp,
                T::CmdMoveUpTip,
                key(ALT_SHIFT, Key::ArrowUp),
                false,
            ),
            C::MoveDown => (
                T::CmdMoveDown,
                T::CmdMoveDownTip,
                key(ALT_SHIFT, Key::ArrowDown),
                false,
            ),
            // MS Project's keys: Ctrl+F2 links, Ctrl+Shift+F2 unlinks, Shift+F2 opens Task Information.
            C::LinkTasks => (
                T::CmdLinkTasks,
                T::CmdLinkTasksTip,
                key(CMD, Key::F2),
                false,
            ),
            C::UnlinkTasks => (
                T::CmdUnlinkTasks,
                T::CmdUnlinkTasksTip,
                key(CMD_SHIFT, Key::F2),
                false,
            ),
            // The platform turns Ctrl+X, C and V into clipboard events rather than keys:
            // `clipboard_events` reads those; the shortcuts here are for menus and help.
            C::Cut => (T::CmdCut, T::CmdCutTip, key(CMD, Key::X), true),
            C::Copy => (T::CmdCopy, T::CmdCopyTip, key(CMD, Key::C), true),
            C::Paste => (T::CmdPaste, T::CmdPasteTip, key(CMD, Key::V), true),
            C::FillDown => (T::CmdFillDown, T::CmdFillDownTip, key(CMD, Key::D), true),
            C::TaskInfo => (
                T::CmdTaskInfo,
                T::CmdTaskInfoTip,
                key(Modifiers::SHIFT, Key::F2),
                true,
            ),
            C::UpdateProject => (T::CmdUpdateProject, T::CmdUpdateProjectTip, None, false),
            C::SaveBaseline => (T::CmdSaveBaseline, T::CmdSaveBaselineTip, None, false),
            C::ClearBaseline => (T::CmdClearBaseline, T::CmdClearBaselineTip, None, false),
            C::ToggleTheme => (T::CmdToggleTheme, T::CmdToggleThemeTip, None, false),
            C::Palette => (T::CmdPalette, T::CmdPaletteTip, key(CMD, Key::K), false),
            C::Search => (T::CmdSearch, T::CmdSearchTip, key(CMD_SHIFT, Key::F), false),
            // F1 is help in every desktop tool: the guide of the view in front of the user.
            C::Guide => (T::CmdGuide, T::CmdGuideTip, key(NONE, Key::F1), false),
            C::Shortcuts => (T::CmdShortcuts, T::CmdShortcutsTip, None, false),
            C::About => (T::CmdAbout, T::CmdAboutTip, None, false),
            C::Show(view) => (view.label(), view.tooltip(), view.shortcut(), false),
        };
        let alternate = match self {
            C::Palette => key(CMD_SHIFT, Key::P),
            _ => None,
        };
        CommandSpec {
            command: self,
            label,
            tooltip,
            shortcut,
            alternate,
            only_outside_text,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        self.spec().label.get(lang)
    }

    pub fn tooltip(self, lang: Lang) -> &'static str {
        self.spec().tooltip.get(lang)
    }
}

impl CommandSpec {
    /// The command's shortcuts: the main one, then the alternate.
    pub fn shortcuts(&self) -> impl Iterator<Item = KeyboardShortcut> {
        self.shortcut.into_iter().chain(self.alternate)
    }
}

/// What the platform's clipboard asked this frame, when no field has the keyboard (a field
/// cuts, copies and pastes its own text): consumed, so no widget acts on it too.
pub enum ClipboardEvent {
    Cut,
    Copy,
    Paste(String),
}

pub fn clipboard_events(ctx: &egui::Context) -> Vec<ClipboardEvent> {
    if ctx.egui_wants_keyboard_input() {
        return Vec::new();
    }
    let mut found = Vec::new();
    ctx.input_mut(|input| {
        input.events.retain(|event| {
            let asked = match event {
                egui::Event::Cut => ClipboardEvent::Cut,
                egui::Event::Copy => ClipboardEvent::Copy,
                egui::Event::Paste(text) => ClipboardEvent::Paste(text.clone()),
                _ => return true,
            };
            found.push(asked);
            false
        });
    });
    found
}

/// The commands whose shortcuts were pressed this frame, consumed from the input so that no
/// widget acts on them too.
pub fn pressed_shortcuts(ctx: &egui::Context) -> Vec<Command> {
    let typing = ctx.egui_wants_keyboard_input();
    let mut pressed = Vec::new();
    ctx.input_mut(|input| {
        // Longest modifier sets first, so Ctrl+Shift+S is not taken for Ctrl+S.
        let specs: Vec<CommandSpec> = Command::all().into_iter().map(Command::spec).collect();
        let mut keys: Vec<(KeyboardShortcut, &CommandSpec)> = specs
            .iter()
            .flat_map(|s| s.shortcuts().map(move |k| (k, s)))
            .collect();
        keys.sort_by_key(|(k, _)| {
            std::cmp::Reverse(
                u8::from(k.modifiers.shift)
                    + u8::from(k.modifiers.alt)
                    + u8::from(k.modifiers.command),
            )
        });
        for (shortcut, spec) in keys {
            // Cut, copy and paste come as clipboard events (`clipboard_events`).
            let skipped = spec.command.is_clipboard() || (spec.only_outside_text && typing);
            if !skipped && input.consume_shortcut(&shortcut) && !pressed.contains(&spec.command) {
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
    fn every_command_is_listed_once_with_distinct_shortcuts() {
        let all = Command::all();
        for command in &all {
            assert_eq!(
                all.iter().filter(|c| *c == command).count(),
                1,
                "{command:?}"
            );
            assert_eq!(command.spec().command, *command);
        }
        assert_eq!(all.len(), Command::BASE.len() + ViewKind::ALL.len());
        let shortcuts: Vec<_> = all
            .iter()
            .flat_map(|c| c.spec().shortcuts().collect::<Vec<_>>())
            .collect();
        for (i, a) in shortcuts.iter().enumerate() {
            assert!(!shortcuts[i + 1..].contains(a), "{a:?} is used twice");
        }
    }

    #[test]
    fn every_command_has_its_own_label() {
        // A command left out of the table used to be labelled "New"; `spec` is now a match.
        let all = Command::all();
        for command in &all {
            let label = command.label(Lang::En);
            let same: Vec<_> = all.iter().filter(|c| c.label(Lang::En) == label).collect();
            assert_eq!(same.len(), 1, "{label:?} labels {same:?}");
        }
    }
}
