//! The task plan: the WBS table where the project manager enters and organises the plan.
//! Virtualized (only visible rows are laid out), every cell editable in place, every change an
//! undoable edit.

use std::collections::HashMap;

use egui::text::CCursorRange;
use egui::{Key, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::ViewCtx;
use super::task_entry;
use super::task_tables::{TableKind, figures_table_ui};
use super::widgets::{CellOutcome, command_button_ui, text_cell_ui};
use crate::app::contract::{FillColumn, TASK_ADD_COMMANDS, TASK_ROW_COMMANDS};
use crate::i18n::{self, Lang, T};
use crate::io::entry;
use crate::model::{Link, Task, TaskId};
use crate::schedule::cost::Period;

/// The view's own state: the table shown and the text being typed in cells (the selection is
/// the app's, shared with the Gantt).
#[derive(Default)]
pub struct TaskPlanState {
    drafts: HashMap<egui::Id, String>,
    /// Entry, variance, cost or earned value.
    pub table: TableKind,
    /// The periods of the cost table's time-phased columns.
    pub period: Period,
}

impl super::View for TaskPlanState {
    fn ui(&mut self, ui: &mut Ui, ctx: &mut ViewCtx<'_>) {
        task_plan_ui(ui, ctx, self);
    }
}

impl TaskPlanState {
    /// The texts being typed in cells, by cell id.
    pub fn drafts_mut(&mut self) -> &mut HashMap<egui::Id, String> {
        &mut self.drafts
    }
}

const ROW_HEIGHT: f32 = 22.0;
const INDENT_PER_LEVEL: f32 = 16.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Cell {
    Name,
    Duration,
    Start,
    Finish,
    Predecessors,
    Resources,
    Percent,
}

fn cell_id(task: TaskId, cell: Cell) -> egui::Id {
    egui::Id::unique(("task-cell", task, cell))
}

pub fn task_plan_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut TaskPlanState) {
    let lang = view.lang;
    let has_selection = view
        .selection
        .selected
        .is_some_and(|id| view.derived.rows.contains_key(&id));
    ui.horizontal_wrapped(|ui| {
        for command in TASK_ADD_COMMANDS {
            command_button_ui(ui, command, lang, true, view.out);
        }
        ui.separator();
        for command in TASK_ROW_COMMANDS {
            command_button_ui(ui, command, lang, has_selection, view.out);
        }
    });
    ui.horizontal(|ui| {
        ui.label(T::TableLabel.get(lang));
        for kind in TableKind::ALL {
            ui.selectable_value(&mut state.table, kind, kind.name().get(lang));
        }
        // The counter on the table's line, where it has room in either language.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.add(
                egui::Label::new(
                    RichText::new(T::TasksSummary.fill(
                        lang,
                        &[
                            ("tasks", &view.project.tasks.len().to_string()),
                            ("summaries", &view.derived.summary_count.to_string()),
                            ("milestones", &view.derived.milestone_count.to_string()),
                        ],
                    ))
                    .color(view.theme.muted()),
                )
                .truncate(),
            );
        });
    });
    ui.separator();
    keyboard_navigation(ui, view);
    if state.table == TableKind::Entry
        && let Some(row) = view
            .selection
            .selected
            .and_then(|id| view.derived.rows.get(&id).copied())
    {
        egui::Panel::bottom("task-staffing")
            .resizable(true)
            .default_size(150.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    super::task_staffing::staffing_ui(ui, view, row);
                });
            });
    }
    if view.project.tasks.is_empty() {
        empty_plan_ui(ui, view);
        return;
    }
    match state.table {
        TableKind::Entry => table_ui(ui, view, state),
        TableKind::Tracking => super::tracking_table::tracking_table_ui(ui, view, state),
        _ => figures_table_ui(ui, view, state),
    }
}

/// A plan with no task yet says how to start one, rather than showing an empty table.
fn empty_plan_ui(ui: &mut Ui, view: &mut ViewCtx<'_>) {
    let lang = view.lang;
    ui.add_space(24.0);
    ui.vertical_centered(|ui| {
        ui.set_max_width(560.0);
        ui.heading(T::EmptyPlanTitle.get(lang));
        ui.add_space(8.0);
        let start = i18n::format_date(lang, view.project.meta.start);
        ui.label(T::EmptyPlanBody.fill(lang, &[("start", &start)]));
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            command_button_ui(
                ui,
                crate::app::contract::Command::AddTask,
                lang,
                true,
                view.out,
            );
            command_button_ui(
                ui,
                crate::app::contract::Command::Paste,
                lang,
                true,
                view.out,
            );
            if ui.button(T::EmptyPlanProject.get(lang)).clicked() {
                view.out.show(super::ViewKind::Project);
            }
        });
    });
}

/// Arrow keys move the selection, F2 edits the name, as in a spreadsheet.
fn keyboard_navigation(ui: &Ui, view: &mut ViewCtx<'_>) {
    if ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let tasks = &view.project.tasks;
    let row = view
        .selection
        .selected
        .and_then(|id| view.derived.rows.get(&id).copied());
    // Shift with an arrow extends the selection, as in a spreadsheet.
    let (up, down, f2, shift) = ui.input(|i| {
        let plain = i.modifiers.is_none() || i.modifiers == egui::Modifiers::SHIFT;
        (
            plain && i.key_pressed(Key::ArrowUp),
            plain && i.key_pressed(Key::ArrowDown),
            i.key_pressed(Key::F2),
            i.modifiers.shift,
        )
    });
    let target = match row {
        Some(r) if up => Some(r.saturating_sub(1)),
        Some(r) if down => Some((r + 1).min(tasks.len().saturating_sub(1))),
        None if up || down => Some(0),
        _ => None,
    };
    if let Some(t) = target.and_then(|r| tasks.get(r)) {
        if shift {
            view.selection.click(t.id, false, true, tasks);
            view.selection.scroll_to_selected = true;
        } else {
            view.selection.select(Some(t.id), false);
        }
    }
    if f2 && row.is_some() {
        view.selection.focus_name = true;
    }
}

fn table_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut TaskPlanState) {
    let lang = view.lang;
    let tasks = &view.project.tasks;
    let selected_row = view
        .selection
        .selected
        .and_then(|id| view.derived.rows.get(&id).copied());
    let mut table = TableBuilder::new(ui)
        .id_salt("task-plan")
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        // Sized so that every column shows in a 1280-pixel window; the name takes what a
        // wider one has to spare.
        .column(Column::exact(38.0))
        .column(Column::initial(48.0).at_least(36.0))
        .column(Column::remainder().at_least(170.0).clip(true))
        .column(Column::initial(72.0).at_least(50.0))
        .column(Column::initial(112.0).at_least(80.0))
        .column(Column::initial(112.0).at_least(80.0))
        .column(Column::initial(84.0).at_least(60.0).clip(true))
        .column(Column::initial(140.0).at_least(60.0).clip(true))
        .column(Column::initial(64.0).at_least(50.0))
        .column(Column::initial(84.0).at_least(50.0))
        .column(Column::initial(80.0).at_least(50.0));
    if view.selection.scroll_to_selected {
        if let Some(row) = selected_row {
            table = table.scroll_to_row(row, None);
        }
        view.selection.scroll_to_selected = false;
    }
    let headers = [
        T::ColId,
        T::ColWbs,
        T::ColName,
        T::ColDuration,
        T::ColStart,
        T::ColFinish,
        T::ColPredecessors,
        T::ColResources,
        T::ColPercent,
        T::ColSlack,
        T::ColFreeSlack,
    ];
    table
        .header(ROW_HEIGHT, |mut header| {
            for title in headers {
                header.col(|ui| {
                    ui.strong(title.get(lang));
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, tasks.len(), |row| {
                row_ui(row, view, state, selected_row);
            });
        });
}

/// One row of the plan: its cells, and the selection when one of them is clicked.
fn row_ui(
    mut row: egui_extras::TableRow<'_, '_>,
    view: &mut ViewCtx<'_>,
    state: &mut TaskPlanState,
    selected_row: Option<usize>,
) {
    let tasks = &view.project.tasks;
    let index = row.index();
    let task = &tasks[index];
    row.set_selected(
        selected_row == Some(index) || view.selection.also_selected.contains(&task.id),
    );
    let mut select = false;
    row.col(|ui| {
        let label = ui.add(
            egui::Label::new(RichText::new((index + 1).to_string()).color(view.theme.muted()))
                .sense(egui::Sense::click()),
        );
        select |= label.clicked();
    });
    row.col(|ui| {
        ui.label(RichText::new(&view.derived.wbs[index]).color(view.theme.muted()));
    });
    // The column a cell is in, for Fill down, when the cell takes the row.
    let mut column = None;
    let mut took = |hit: bool, col: FillColumn| {
        if hit {
            column = Some(col);
        }
        hit
    };
    row.col(|ui| select |= took(name_cell_ui(ui, view, index, task), FillColumn::Name));
    row.col(|ui| {
        let hit = duration_cell_ui(ui, view, state, index, task);
        select |= took(hit, FillColumn::Duration);
    });
    row.col(|ui| select |= date_cell_ui(ui, view, state, index, task, Cell::Start));
    row.col(|ui| select |= date_cell_ui(ui, view, state, index, task, Cell::Finish));
    row.col(|ui| select |= predecessors_cell_ui(ui, view, state, index, task));
    row.col(|ui| {
        let hit = resources_cell_ui(ui, view, state, index, task);
        select |= took(hit, FillColumn::Resources);
    });
    row.col(|ui| {
        let hit = percent_cell_ui(ui, view, state, index, task);
        select |= took(hit, FillColumn::Percent);
    });
    row.col(|ui| slack_cell_ui(ui, view, index, true));
    row.col(|ui| slack_cell_ui(ui, view, index, false));
    let pointer = row.response().ctx.input(|i| Pointer {
        clicked: i.pointer.any_click(),
        pressing: i.pointer.any_down() || i.pointer.any_released(),
        modifiers: i.modifiers,
    });
    if select || row.response().clicked() {
        select_row(view, task.id, pointer);
    }
    if column.is_some() {
        view.selection.column = column;
    }
}

/// A row clicked (with Ctrl or Shift extending the selection) or entered with the keyboard.
/// A cell's text field gains the focus as the mouse button goes down, before the click:
/// that focus is the click to come, not a selection of its own.
fn select_row(view: &mut ViewCtx<'_>, task: TaskId, pointer: Pointer) {
    if pointer.clicked {
        let m = pointer.modifiers;
        view.selection
            .click(task, m.command, m.shift, &view.project.tasks);
    } else if !pointer.pressing {
        view.selection.select(Some(task), false);
    }
}

/// What the mouse did this frame, for the selection.
#[derive(Clone, Copy)]
struct Pointer {
    clicked: bool,
    /// A button is down, or just came up: a click is under way.
    pressing: bool,
    modifiers: egui::Modifiers,
}

/// Total or free slack in days, as MS Project shows it; critical tasks in the critical colour.
fn slack_cell_ui(ui: &mut Ui, view: &ViewCtx<'_>, index: usize, total: bool) {
    let Ok(schedule) = &view.derived.schedule else {
        return;
    };
    let Some(dates) = schedule.tasks.get(index) else {
        return;
    };
    let per_day = f64::from(view.project.settings.minutes_per_day.max(1));
    let minutes = if total {
        dates.total_slack_minutes
    } else {
        dates.free_slack_minutes
    };
    let slack = crate::model::Duration::days(minutes as f64 / per_day);
    let text = entry::format_duration(slack, view.lang);
    let color = if dates.critical && !view.derived.summary[index] {
        view.theme.critical()
    } else {
        ui.visuals().text_color()
    };
    ui.label(RichText::new(text).color(color));
}

/// True when the scheduler puts row `index` (a task, or a phase the path runs through) on
/// the critical path.
fn on_critical_path(view: &ViewCtx<'_>, index: usize) -> bool {
    view.derived
        .schedule
        .as_ref()
        .is_ok_and(|s| s.tasks.get(index).is_some_and(|d| d.critical))
}

fn name_cell_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, index: usize, task: &Task) -> bool {
    let summary = view.derived.summary[index];
    ui.add_space(f32::from(task.outline_level.saturating_sub(1)) * INDENT_PER_LEVEL);
    let theme = view.theme;
    if task.milestone || summary {
        marker_ui(ui, task.milestone, *theme);
    }
    let id = cell_id(task.id, Cell::Name);
    let mut name = task.name.clone();
    let mut edit = egui::TextEdit::singleline(&mut name)
        .id(id)
        .frame(egui::Frame::NONE)
        .desired_width(f32::INFINITY);
    let critical = on_critical_path(view, index);
    if summary {
        // Phases in bold, as MS Project sets them; red when the critical path runs through.
        let size = ui.style().text_styles[&egui::TextStyle::Body].size;
        edit = edit.font(super::theme::bold(size)).text_color(if critical {
            theme.critical()
        } else {
            theme.summary()
        });
    } else if critical {
        edit = edit.text_color(theme.critical());
    }
    let response = ui.add(edit);
    let label = format!("{} {}", T::ColName.get(view.lang), index + 1);
    ui.ctx()
        .accesskit_node_builder(id, |node| node.set_label(label));
    if view.selection.focus_name && view.selection.selected == Some(task.id) {
        view.selection.focus_name = false;
        response.request_focus();
        let mut text_state = egui::TextEdit::load_state(ui.ctx(), id).unwrap_or_default();
        text_state
            .cursor
            .set_char_range(Some(CCursorRange::select_all_str(&name)));
        text_state.store(ui.ctx(), id);
    }
    task_entry::commit_name(view, task, &response, name);
    response.gained_focus() || response.clicked()
}

/// A diamond for a milestone, a down-pointing triangle for a summary, drawn rather than taken
/// from a font so they look the same everywhere.
fn marker_ui(ui: &mut Ui, milestone: bool, theme: super::theme::Theme) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
    let c = rect.center();
    let r = 5.0;
    let (points, color) = if milestone {
        (
            vec![
                egui::pos2(c.x, c.y - r),
                egui::pos2(c.x + r, c.y),
                egui::pos2(c.x, c.y + r),
                egui::pos2(c.x - r, c.y),
            ],
            theme.milestone(),
        )
    } else {
        (
            vec![
                egui::pos2(c.x - r, c.y - r * 0.6),
                egui::pos2(c.x + r, c.y - r * 0.6),
                egui::pos2(c.x, c.y + r * 0.7),
            ],
            theme.summary(),
        )
    };
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        color,
        egui::Stroke::NONE,
    ));
}

/// One text cell of a row: whether it was clicked or focused (which selects the row) and the
/// text the user committed, if any.
#[allow(
    clippy::too_many_arguments,
    reason = "each is a different aspect of the cell"
)]
fn edit_cell_ui(
    ui: &mut Ui,
    state: &mut TaskPlanState,
    lang: Lang,
    index: usize,
    task: &Task,
    cell: Cell,
    title: T,
    shown: &str,
    edit_text: impl FnOnce() -> String,
) -> (bool, Option<String>) {
    let label = format!("{} {}", title.get(lang), index + 1);
    let (response, outcome) = text_cell_ui(
        ui,
        cell_id(task.id, cell),
        shown,
        edit_text,
        &mut state.drafts,
        &label,
    );
    let committed = match outcome {
        CellOutcome::Commit(text) => Some(text),
        CellOutcome::Idle => None,
    };
    (response.gained_focus() || response.clicked(), committed)
}

fn duration_cell_ui(
    ui: &mut Ui,
    view: &mut ViewCtx<'_>,
    state: &mut TaskPlanState,
    index: usize,
    task: &Task,
) -> bool {
    let shown = entry::format_duration(task.duration, view.lang);
    let cell = (Cell::Duration, T::ColDuration);
    typed_cell_ui(
        ui,
        view,
        state,
        (index, task),
        cell,
        &shown,
        |view, text| {
            task_entry::commit_duration(view, task, text);
        },
    )
}

/// A cell edited from the text it shows (duration, predecessors, resources): what the user
/// committed goes to `commit`. Whether it was clicked or focused, which selects the row.
fn typed_cell_ui(
    ui: &mut Ui,
    view: &mut ViewCtx<'_>,
    state: &mut TaskPlanState,
    (index, task): (usize, &Task),
    (cell, title): (Cell, T),
    shown: &str,
    commit: impl FnOnce(&mut ViewCtx<'_>, &str),
) -> bool {
    let (selected, committed) = edit_cell_ui(
        ui,
        state,
        view.lang,
        index,
        task,
        cell,
        title,
        shown,
        || shown.to_owned(),
    );
    if let Some(text) = committed {
        commit(view, &text);
    }
    selected
}

fn date_cell_ui(
    ui: &mut Ui,
    view: &mut ViewCtx<'_>,
    state: &mut TaskPlanState,
    index: usize,
    task: &Task,
    cell: Cell,
) -> bool {
    let lang = view.lang;
    let (start, finish) = view.derived.dates(view.project, index);
    let at = if cell == Cell::Start { start } else { finish };
    let shown = i18n::format_date(lang, at.date());
    let title = if cell == Cell::Start {
        T::ColStart
    } else {
        T::ColFinish
    };
    let (selected, committed) =
        edit_cell_ui(ui, state, lang, index, task, cell, title, &shown, || {
            i18n::format_date_numeric(at.date())
        });
    if let Some(text) = committed {
        task_entry::commit_date(view, index, task, cell == Cell::Start, &text);
    }
    selected
}

fn predecessors_cell_ui(
    ui: &mut Ui,
    view: &mut ViewCtx<'_>,
    state: &mut TaskPlanState,
    index: usize,
    task: &Task,
) -> bool {
    let links: Vec<&Link> = view.derived.predecessors[index]
        .iter()
        .filter_map(|&k| view.project.links.get(k))
        .collect();
    let shown = entry::format_predecessors(&links, &view.derived.rows, view.lang);
    let cell = (Cell::Predecessors, T::ColPredecessors);
    typed_cell_ui(
        ui,
        view,
        state,
        (index, task),
        cell,
        &shown,
        |view, text| {
            task_entry::commit_predecessors(view, index, task, text);
        },
    )
}

fn resources_cell_ui(
    ui: &mut Ui,
    view: &mut ViewCtx<'_>,
    state: &mut TaskPlanState,
    index: usize,
    task: &Task,
) -> bool {
    let shown = view.derived.resources[index].clone();
    let cell = (Cell::Resources, T::ColResources);
    typed_cell_ui(
        ui,
        view,
        state,
        (index, task),
        cell,
        &shown,
        |view, text| {
            task_entry::commit_resources(view, index, task, text);
        },
    )
}

/// True when giving `task` these predecessors would close a loop in the network.
pub fn would_cycle(view: &ViewCtx<'_>, task: TaskId, new_links: &[Link]) -> bool {
    let mut successors: HashMap<TaskId, Vec<TaskId>> = HashMap::new();
    for link in view
        .project
        .links
        .iter()
        .filter(|l| l.successor != task)
        .chain(new_links)
    {
        successors
            .entry(link.predecessor)
            .or_default()
            .push(link.successor);
    }
    // A cycle through `task` exists if `task` can reach itself.
    let mut stack = successors.get(&task).cloned().unwrap_or_default();
    let mut seen = std::collections::HashSet::new();
    while let Some(next) = stack.pop() {
        if next == task {
            return true;
        }
        if seen.insert(next)
            && let Some(more) = successors.get(&next)
        {
            stack.extend(more.iter().copied());
        }
    }
    false
}

fn percent_cell_ui(
    ui: &mut Ui,
    view: &mut ViewCtx<'_>,
    state: &mut TaskPlanState,
    index: usize,
    task: &Task,
) -> bool {
    let lang = view.lang;
    if view.derived.summary[index] {
        // A phase's progress is its subtasks', rolled up (as MS Project and the Gantt show it),
        // not a figure of its own to type.
        let percent = view.derived.rolled_percent(view.project)[index];
        let label = format!("{} {}", T::ColPercent.get(lang), index + 1);
        let text = format!("{percent:.0} %");
        let response = ui.add(egui::Label::new(&text).sense(egui::Sense::click()));
        // A table cell named like the editable ones ("% complete 12"), its text the value.
        ui.ctx().accesskit_node_builder(response.id, |node| {
            node.set_role(egui::accesskit::Role::Cell);
            node.set_label(label);
            node.set_value(text);
        });
        return response.clicked();
    }
    let shown = format!("{} %", task.percent_complete);
    let (selected, committed) = edit_cell_ui(
        ui,
        state,
        lang,
        index,
        task,
        Cell::Percent,
        T::ColPercent,
        &shown,
        || task.percent_complete.to_string(),
    );
    if let Some(text) = committed {
        task_entry::commit_percent(view, task, &text);
    }
    selected
}
