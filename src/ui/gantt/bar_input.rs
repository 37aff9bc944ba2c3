//! A row's bar on the timeline as the pointer meets it: its hit area and the drag it starts
//! (move, resize, progress), the cursor saying which, the link handles beside it, what a drag
//! in progress looks like, its accessible label, tooltip and menu.

use egui::{Rect, RichText, Sense, Stroke, Ui, pos2, vec2};

use super::drag::{Drag, DragKind};
use super::rows::{Asked, Screen, ShownRow};
use super::state::GanttState;
use super::{FrameCtx, bar_id, bars, input};
use crate::i18n::{self, T};
use crate::ui::ViewCtx;

/// Paints row `row`'s bar and takes the pointer over it; returns the bar's rectangle.
pub fn bar_row_ui(
    ui: &Ui,
    view: &ViewCtx<'_>,
    state: &mut GanttState,
    frame: &FrameCtx<'_>,
    screen: &Screen<'_>,
    row: &ShownRow<'_>,
    asked: &mut Asked,
) -> Rect {
    let lang = view.lang;
    let theme = view.theme;
    let (i, task, d, summary) = (row.i, row.task, row.d, row.summary);
    let timeline_left = frame.layout.timeline_left;
    let press_origin = frame.input.press_origin;
    let bar_painter = &screen.bar_painter;
    let bar = bars::bar_ui(
        bar_painter,
        view,
        state,
        timeline_left,
        screen.baseline,
        i,
        d,
        row.mid,
    );
    let id = bar_id(task.id);
    let manual = task.mode == crate::model::SchedulingMode::Manual;
    // Summary and manual bars do not move, but take a click (menu, selection); a
    // started task's bar only records progress.
    let started = task.actual_start.is_some();
    let sense = if summary || manual || task.milestone && started {
        Sense::click()
    } else {
        Sense::click_and_drag()
    };
    let response = ui.interact(bar.expand(2.0), id, sense);
    pointer_ui(ui, frame, row, bar, &response, sense, asked);
    if response.clicked() {
        asked.new_selection = Some(input::clicked_selection(
            state,
            frame.selection,
            frame.shown,
            task.id,
            frame.input.modifiers,
        ));
    }
    if response.double_clicked() {
        asked.open = Some(task.id);
    }
    let is_selected = row.selected;
    if is_selected {
        bar_painter.rect_stroke(
            bar.expand(2.0),
            2.0,
            Stroke::new(1.5, theme.selection_stroke()),
            egui::StrokeKind::Outside,
        );
    }
    if !summary {
        link_handles_ui(
            ui,
            bar_painter,
            view,
            (i, task),
            bar,
            response.hovered(),
            press_origin,
            &mut asked.drag_start,
        );
    }
    drag_ghost_ui(view, state, frame, screen, row, bar);
    preview_ghost_ui(view, state, frame, screen, row);
    ui.ctx().accesskit_node_builder(id, |n| {
        n.set_role(egui::accesskit::Role::Button);
        n.set_label(T::BarLabel.fill(lang, &[("row", &(i + 1).to_string()), ("name", &task.name)]));
        n.set_selected(is_selected);
    });
    let response = response.on_hover_ui(|ui| bar_tooltip_ui(ui, view, i, d));
    response.context_menu(|ui| {
        input::context_menu_ui(ui, view, frame.selection, i, &mut asked.context);
    });
    bar
}

/// The drag a press on the bar starts (move, resize, or progress from its left edge), and the
/// cursor saying which.
fn pointer_ui(
    ui: &Ui,
    frame: &FrameCtx<'_>,
    row: &ShownRow<'_>,
    bar: Rect,
    response: &egui::Response,
    sense: Sense,
    asked: &mut Asked,
) {
    let (i, task) = (row.i, row.task);
    let press_origin = frame.input.press_origin;
    let started = task.actual_start.is_some();
    if response.drag_started() {
        // Where the button went down, not where the drag was recognised.
        let px = press_origin
            .or(response.interact_pointer_pos())
            .map_or(bar.center().x, |p| p.x);
        let kind = if started || (!task.milestone && px <= bar.min.x + 6.0) {
            DragKind::Progress
        } else if !task.milestone && px >= bar.max.x - 6.0 {
            DragKind::Resize
        } else {
            DragKind::Move
        };
        asked.drag_start = Some(Drag {
            task: task.id,
            row: i,
            kind,
            origin_x: px,
        });
    }
    // The pointer says what a drag from here would do.
    if let Some(p) = response.hover_pos()
        && sense.senses_drag()
    {
        let icon = if started || (!task.milestone && p.x <= bar.min.x + 6.0) {
            egui::CursorIcon::ResizeEast
        } else if !task.milestone && p.x >= bar.max.x - 6.0 {
            egui::CursorIcon::ResizeHorizontal
        } else {
            egui::CursorIcon::Grab
        };
        ui.ctx().set_cursor_icon(icon);
    }
    if response.dragged() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
    }
}

/// What a progress or link drag in progress looks like.
fn drag_ghost_ui(
    view: &ViewCtx<'_>,
    state: &GanttState,
    frame: &FrameCtx<'_>,
    screen: &Screen<'_>,
    row: &ShownRow<'_>,
    bar: Rect,
) {
    let theme = view.theme;
    let bar_painter = &screen.bar_painter;
    let mid = row.mid;
    if let Some(drag) = state.drag.filter(|d| d.task == row.task.id)
        && let Some(p) = frame.input.pointer
    {
        match drag.kind {
            DragKind::Progress => {
                let x = p.x.clamp(bar.min.x, bar.max.x);
                bar_painter.rect_filled(
                    Rect::from_min_max(pos2(bar.min.x, mid - 3.0), pos2(x, mid + 1.0)),
                    1.0,
                    theme.ghost(),
                );
            }
            DragKind::Link { from_finish } => {
                let from = pos2(
                    if from_finish {
                        bar.max.x + 8.0
                    } else {
                        bar.min.x - 8.0
                    },
                    mid,
                );
                bar_painter.line_segment([from, p], Stroke::new(1.5, theme.ghost()));
            }
            DragKind::Move | DragKind::Resize => {}
        }
    }
}

/// Where the drag in progress would put this bar (with its dates beside the dragged one).
fn preview_ghost_ui(
    view: &ViewCtx<'_>,
    state: &GanttState,
    frame: &FrameCtx<'_>,
    screen: &Screen<'_>,
    row: &ShownRow<'_>,
) {
    let lang = view.lang;
    let theme = view.theme;
    let bar_painter = &screen.bar_painter;
    let (i, task, d) = (row.i, row.task, row.d);
    if let Some(Some(dates)) = state.preview.as_ref().map(|p| p.dates.as_ref())
        && let Some(&(start, finish)) = dates.get(i)
        && (start, finish) != (d.start, d.finish)
    {
        let ghost = bars::bar_rect(
            state,
            frame.layout.timeline_left,
            row.mid,
            (start, finish),
            task.milestone,
            row.summary,
        );
        bar_painter.rect_stroke(
            ghost,
            2.0,
            Stroke::new(1.5, theme.ghost()),
            egui::StrokeKind::Outside,
        );
        if state.drag.is_some_and(|d| d.task == task.id) {
            bar_painter.text(
                pos2(ghost.max.x + 6.0, ghost.min.y - 2.0),
                egui::Align2::LEFT_BOTTOM,
                format!(
                    "{} – {}",
                    i18n::format_date_time(lang, start),
                    i18n::format_date_time(lang, finish)
                ),
                egui::FontId::proportional(11.0),
                theme.ghost(),
            );
        }
    }
}

/// The two handles beside a bar to drag a link from its start or its finish.
#[allow(
    clippy::too_many_arguments,
    reason = "each is a different aspect of the bar"
)]
fn link_handles_ui(
    ui: &Ui,
    painter: &egui::Painter,
    view: &ViewCtx<'_>,
    (i, task): (usize, &crate::model::Task),
    bar: Rect,
    bar_hovered: bool,
    press_origin: Option<egui::Pos2>,
    drag_start: &mut Option<Drag>,
) {
    let mid = bar.center().y;
    for (from_finish, hx) in [(false, bar.min.x - 8.0), (true, bar.max.x + 8.0)] {
        let hr = Rect::from_center_size(pos2(hx, mid), vec2(10.0, 10.0));
        let hid = egui::Id::unique(("gantt-link", task.id, from_finish));
        let handle = ui.interact(hr, hid, Sense::drag());
        ui.ctx().accesskit_node_builder(hid, |n| {
            let label = if from_finish {
                T::LinkFromFinish
            } else {
                T::LinkFromStart
            };
            n.set_role(egui::accesskit::Role::Button);
            n.set_label(label.fill(
                view.lang,
                &[("row", &(i + 1).to_string()), ("name", &task.name)],
            ));
        });
        if handle.hovered() || handle.dragged() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::Crosshair);
        }
        if handle.hovered() || bar_hovered {
            painter.circle_stroke(
                hr.center(),
                3.5,
                Stroke::new(1.5, ui.visuals().text_color()),
            );
        }
        if handle.drag_started() {
            let px = press_origin.map_or(hx, |p| p.x);
            *drag_start = Some(Drag {
                task: task.id,
                row: i,
                kind: DragKind::Link { from_finish },
                origin_x: px,
            });
        }
    }
}

fn bar_tooltip_ui(ui: &mut Ui, view: &ViewCtx<'_>, i: usize, d: &crate::schedule::cpm::TaskDates) {
    let lang = view.lang;
    let task = &view.project.tasks[i];
    ui.strong(&task.name);
    ui.label(format!(
        "{} – {}",
        i18n::format_date_time(lang, d.start),
        i18n::format_date_time(lang, d.finish)
    ));
    let per_day = f64::from(view.project.settings.minutes_per_day.max(1));
    ui.label(T::DurationSlack.fill(
        lang,
        &[
            (
                "duration",
                &crate::io::entry::format_duration(task.duration, lang),
            ),
            (
                "slack",
                &format!("{:.1}", d.total_slack_minutes as f64 / per_day),
            ),
        ],
    ));
    if let Some(text) = crate::ui::task_dialog::constraint_text(lang, task.constraint) {
        ui.label(RichText::new(text).color(view.theme.constraint()));
    }
    if let Some(deadline) = task.deadline {
        ui.label(format!(
            "{}: {}",
            T::DeadlineLabel.get(lang),
            i18n::format_date(lang, deadline)
        ));
    }
    if !view.derived.resources[i].is_empty() {
        ui.label(&view.derived.resources[i]);
    }
    ui.label(RichText::new(T::DoubleClickToEdit.get(lang)).color(view.theme.muted()));
}
