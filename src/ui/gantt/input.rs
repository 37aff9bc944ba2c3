//! What the chart reads from the keyboard, the wheel and the menus: the selection a click
//! or an arrow key makes, zoom and pan by the wheel, and the context menu of a bar or a row
//! with what its items do.

use egui::{Modifiers, Ui};

use super::state::{ContextAction, GanttState};
use super::{Layout, days_of};
use crate::app::contract::Command;
use crate::i18n::T;
use crate::model::TaskId;
use crate::ui::ViewCtx;

/// The rows the chart shows, in order; looked up only when the selection changes, so that a
/// frame does not build a list of every task's id.
#[derive(Clone, Copy)]
pub struct Shown<'a> {
    pub rows: &'a [usize],
    pub tasks: &'a [crate::model::Task],
}

impl Shown<'_> {
    pub fn id(&self, k: usize) -> TaskId {
        self.tasks[self.rows[k]].id
    }

    pub fn position(&self, id: TaskId) -> Option<usize> {
        self.rows.iter().position(|&i| self.tasks[i].id == id)
    }

    /// `task` first (the active one), then the other shown rows from `a` to `b`.
    pub fn range(&self, task: TaskId, a: usize, b: usize) -> Vec<TaskId> {
        let (lo, hi) = (a.min(b), a.max(b));
        let mut out = vec![task];
        out.extend((lo..=hi).map(|k| self.id(k)).filter(|&t| t != task));
        out
    }
}

/// The selection after a click on `task` with these modifiers: alone; Ctrl toggles it;
/// Shift takes the shown rows from the anchor to it.
pub fn clicked_selection(
    state: &mut GanttState,
    selection: &[TaskId],
    shown: Shown<'_>,
    task: TaskId,
    modifiers: Modifiers,
) -> Vec<TaskId> {
    if modifiers.shift {
        let anchor = state.anchor.or(selection.first().copied()).unwrap_or(task);
        let (Some(a), Some(b)) = (shown.position(anchor), shown.position(task)) else {
            return vec![task];
        };
        state.anchor = Some(anchor);
        return shown.range(task, a, b);
    }
    state.anchor = Some(task);
    if modifiers.command {
        if selection.contains(&task) {
            return selection.iter().copied().filter(|&t| t != task).collect();
        }
        let mut out = vec![task];
        out.extend(selection.iter().copied());
        return out;
    }
    vec![task]
}

/// Ctrl+wheel zooms around the pointer, Shift+wheel pans.
pub fn wheel_ui(ui: &Ui, state: &mut GanttState, layout: Layout, pointer: Option<egui::Pos2>) {
    let timeline_left = layout.timeline_left;
    if let Some(p) = pointer
        && p.x > timeline_left
        && layout.full.contains(p)
    {
        let (scroll, zoom, shift) =
            ui.input(|i| (i.smooth_scroll_delta(), i.zoom_delta(), i.modifiers.shift));
        if (zoom - 1.0).abs() > f32::EPSILON {
            state.zoom(timeline_left, p.x, zoom);
        }
        if shift && scroll.x.abs() + scroll.y.abs() > 0.0 {
            let dx = if scroll.x.abs() > 0.0 {
                scroll.x
            } else {
                scroll.y
            };
            state.origin_days -= f64::from(dx / state.px_per_day);
        }
    }
}

/// ↑/↓ move the selection among the shown rows (with Shift, extend it); ←/→ pan the
/// timeline. Insert, Delete, Alt+Shift+arrows and Ctrl+F are the command table's.
pub fn keyboard_ui(
    ui: &Ui,
    state: &mut GanttState,
    selection: &[TaskId],
    shown: Shown<'_>,
    timeline_width: f32,
) -> Option<Vec<TaskId>> {
    if ui.ctx().egui_wants_keyboard_input() || shown.rows.is_empty() {
        return None;
    }
    let (up, down, left, right, shift) = ui.input(|i| {
        let plain = !i.modifiers.alt && !i.modifiers.command;
        (
            plain && i.key_pressed(egui::Key::ArrowUp),
            plain && i.key_pressed(egui::Key::ArrowDown),
            i.modifiers.is_none() && i.key_pressed(egui::Key::ArrowLeft),
            i.modifiers.is_none() && i.key_pressed(egui::Key::ArrowRight),
            i.modifiers.shift,
        )
    });
    let step = f64::from(timeline_width / state.px_per_day) / 8.0;
    if left {
        state.origin_days -= step;
    }
    if right {
        state.origin_days += step;
    }
    if !up && !down {
        return None;
    }
    let at = selection.first().and_then(|&id| shown.position(id));
    let next = match at {
        Some(k) if up => k.saturating_sub(1),
        Some(k) => (k + 1).min(shown.rows.len() - 1),
        None => 0,
    };
    state.scroll_to = Some(next);
    let task = shown.id(next);
    if shift {
        let anchor = state.anchor.or(selection.first().copied()).unwrap_or(task);
        let a = shown.position(anchor).unwrap_or(next);
        state.anchor = Some(anchor);
        Some(shown.range(task, a, next))
    } else {
        state.anchor = Some(task);
        Some(vec![task])
    }
}

/// The menu of a bar or a row: add, insert, milestone, indent, outdent, delete, link and
/// unlink the selection, remove the task's predecessors, its editor, scroll to it, show it in
/// the task plan.
pub fn context_menu_ui(
    ui: &mut Ui,
    view: &ViewCtx<'_>,
    selection: &[TaskId],
    i: usize,
    context: &mut Option<(TaskId, ContextAction)>,
) {
    let lang = view.lang;
    let task = &view.project.tasks[i];
    let mut item = |ui: &mut Ui, enabled: bool, text: &str, action: ContextAction| {
        if ui.add_enabled(enabled, egui::Button::new(text)).clicked() {
            *context = Some((task.id, action));
            ui.close();
        }
    };
    for command in [
        Command::AddTask,
        Command::InsertTask,
        Command::AddMilestone,
        Command::Indent,
        Command::Outdent,
        Command::DeleteTask,
    ] {
        item(ui, true, command.label(lang), ContextAction::Run(command));
    }
    ui.separator();
    let several = selection.len() > 1 && selection.contains(&task.id);
    item(
        ui,
        several,
        Command::LinkTasks.label(lang),
        ContextAction::Run(Command::LinkTasks),
    );
    item(
        ui,
        true,
        Command::UnlinkTasks.label(lang),
        ContextAction::Run(Command::UnlinkTasks),
    );
    let linked = !view.derived.predecessors[i].is_empty();
    item(ui, linked, T::Unlink.get(lang), ContextAction::Unlink);
    ui.separator();
    item(
        ui,
        true,
        Command::TaskInfo.label(lang),
        ContextAction::Run(Command::TaskInfo),
    );
    item(ui, true, T::ScrollToTask.get(lang), ContextAction::ScrollTo);
    item(ui, true, T::GoToTask.get(lang), ContextAction::Show);
}

/// What a menu's item does. The menu acts on its task: selected first (with the rest of the
/// selection when the task is part of it), as in the task plan.
pub fn run_context_action(
    view: &mut ViewCtx<'_>,
    state: &mut GanttState,
    schedule: &crate::schedule::cpm::Schedule,
    selection: &[TaskId],
    (id, action): (TaskId, ContextAction),
) {
    if !selection.contains(&id) {
        view.out.select(vec![id]);
    }
    match action {
        ContextAction::Run(command) => view.out.command(command),
        ContextAction::Unlink => view.out.edit(
            crate::doc::edit::Edit::SetPredecessors {
                task: id,
                links: Vec::new(),
            },
            None,
        ),
        ContextAction::Show => view.out.show(crate::ui::ViewKind::Tasks),
        ContextAction::ScrollTo => {
            if let Some(&row) = view.derived.rows.get(&id) {
                state.origin_days =
                    days_of(schedule.tasks[row].start) - f64::from(40.0 / state.px_per_day);
            }
        }
    }
}
