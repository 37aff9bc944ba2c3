//! The rows in their scroll area, only those on screen laid out, in painting order: the
//! background (pan or band), the shading, then each row's selection, its cells in the list,
//! its fold and its bar; then the links, the drop of a drag, today and the status date, and
//! the rubber band with the selection it makes.

use std::collections::HashMap;
use std::ops::Range;

use chrono::{Datelike, NaiveDateTime};
use egui::{Color32, Painter, Rect, Sense, Stroke, Ui, pos2, vec2};

use super::drag::{self, Drag};
use super::state::{Band, ContextAction, GanttState};
use super::{FrameCtx, ROW_HEIGHT, bar_input, bars, input, list, scale};
use crate::i18n::T;
use crate::model::TaskId;
use crate::schedule::cpm::TaskDates;
use crate::ui::ViewCtx;

/// What the rows asked for this frame, applied once they are all drawn.
#[derive(Default)]
pub struct Asked {
    /// The summary to fold or unfold.
    pub toggle: Option<TaskId>,
    pub context: Option<(TaskId, ContextAction)>,
    /// The task whose editor to open.
    pub open: Option<TaskId>,
    /// How far the background was dragged, in pixels.
    pub pan: f32,
    pub drag_start: Option<Drag>,
    pub band_start: Option<Band>,
    /// The edit the drag released makes.
    pub dropped: Option<crate::doc::edit::Edit>,
    pub new_selection: Option<Vec<TaskId>>,
}

/// The rows on screen this frame, and what paints them.
pub struct Screen<'a> {
    /// Their positions among the shown rows, and the top of the first.
    pub range: Range<usize>,
    pub top: f32,
    /// The rows' visible area, list and timeline, and the timeline's part of it.
    pub area: Rect,
    pub timeline: Rect,
    pub painter: Painter,
    /// Clipped to the list, and to the timeline.
    pub list_painter: Painter,
    pub bar_painter: Painter,
    pub columns: &'a [(f32, list::Column)],
    pub baseline: &'a HashMap<TaskId, (NaiveDateTime, NaiveDateTime)>,
    pub text_colour: Color32,
}

/// One row on screen.
pub struct ShownRow<'a> {
    /// The task's row in the plan.
    pub i: usize,
    pub task: &'a crate::model::Task,
    pub d: &'a TaskDates,
    /// Its top, and its middle where the bar is.
    pub y: f32,
    pub mid: f32,
    pub summary: bool,
    pub selected: bool,
}

/// What the rows on screen painted: each row's plan row and middle, each bar's rectangle.
struct Painted {
    rows: Vec<(usize, f32)>,
    bars: Vec<(TaskId, Rect)>,
}

/// The rows in their scroll area; returns what they asked (`new_selection` unless a click or
/// a band makes another).
pub fn rows_ui(
    ui: &mut Ui,
    view: &ViewCtx<'_>,
    state: &mut GanttState,
    frame: &FrameCtx<'_>,
    new_selection: Option<Vec<TaskId>>,
) -> Asked {
    let text_colour = ui.visuals().text_color();
    let baseline = view.derived.baseline_dates(view.project);
    let columns = list::layout(&state.columns, frame.layout.full.min.x);
    let mut asked = Asked {
        new_selection,
        ..Asked::default()
    };
    let scroll = scroll_area(state);
    ui.spacing_mut().item_spacing.y = 0.0;
    scroll.show_rows(ui, ROW_HEIGHT, frame.shown.rows.len(), |ui, range| {
        state.on_screen = range.clone();
        let full = frame.layout.full;
        let timeline_left = frame.layout.timeline_left;
        let painter = ui.painter().clone();
        let area = Rect::from_min_max(
            pos2(full.min.x, ui.clip_rect().min.y),
            pos2(full.max.x, ui.clip_rect().max.y),
        );
        let timeline = Rect::from_min_max(pos2(timeline_left, area.min.y), area.max);
        let screen = Screen {
            range,
            top: ui.min_rect().min.y,
            area,
            timeline,
            list_painter: painter.with_clip_rect(Rect::from_min_max(
                area.min,
                pos2(timeline_left - 2.0, area.max.y),
            )),
            bar_painter: painter.with_clip_rect(timeline),
            painter,
            columns: &columns,
            baseline,
            text_colour,
        };
        visible_rows_ui(ui, view, state, frame, &screen, &mut asked);
    });
    asked
}

/// The rows' scroll area, scrolled to where the keyboard or "today" asked.
fn scroll_area(state: &mut GanttState) -> egui::ScrollArea {
    let mut scroll = egui::ScrollArea::vertical()
        .id_salt("gantt-rows")
        .auto_shrink([false, false]);
    if let Some(k) = state.scroll_top.take() {
        scroll = scroll.vertical_scroll_offset(k.saturating_sub(1) as f32 * ROW_HEIGHT);
    } else if let Some(k) = state.scroll_to.take()
        && !state.on_screen.contains(&k)
    {
        let rows_on_screen = state.on_screen.len().max(1);
        let top = if k < state.on_screen.start {
            k
        } else {
            (k + 2).saturating_sub(rows_on_screen)
        };
        scroll = scroll.vertical_scroll_offset(top as f32 * ROW_HEIGHT);
    }
    scroll
}

/// Everything on the rows on screen, in painting order.
fn visible_rows_ui(
    ui: &Ui,
    view: &ViewCtx<'_>,
    state: &mut GanttState,
    frame: &FrameCtx<'_>,
    screen: &Screen<'_>,
    asked: &mut Asked,
) {
    let timeline_left = frame.layout.timeline_left;
    let theme = view.theme;
    background_ui(ui, state, frame, screen, asked);
    scale::shade_ui(&screen.bar_painter, view, state, screen.area, timeline_left);
    let mut painted = Painted {
        rows: Vec::with_capacity(screen.range.len()),
        bars: Vec::with_capacity(screen.range.len()),
    };
    for k in screen.range.clone() {
        let i = frame.shown.rows[k];
        let task = &view.project.tasks[i];
        let y = screen.top + (k - screen.range.start) as f32 * ROW_HEIGHT;
        let row = ShownRow {
            i,
            task,
            d: &frame.schedule.tasks[i],
            y,
            mid: y + ROW_HEIGHT / 2.0,
            summary: view.derived.summary[i],
            selected: frame.selected.contains(&task.id),
        };
        painted.rows.push((i, row.mid));
        list_row_ui(ui, view, state, frame, screen, &row, asked);
        let bar = bar_input::bar_row_ui(ui, view, state, frame, screen, &row, asked);
        painted.bars.push((task.id, bar));
    }
    bars::links_ui(
        &screen.bar_painter,
        view,
        state,
        timeline_left,
        frame.schedule,
        &painted.rows,
    );
    // A drag ends: the bar's new start or duration, its progress, or the link to the bar
    // under the pointer.
    let release_pos = ui
        .input(|i| i.pointer.interact_pos())
        .or(frame.input.pointer);
    if frame.input.released
        && let (Some(drag), Some(p)) = (state.drag, release_pos)
    {
        asked.dropped = drag::drop_edit(
            view,
            state,
            drag,
            p,
            |y| {
                let k = ((y - screen.top) / ROW_HEIGHT).floor();
                (k >= 0.0)
                    .then(|| screen.range.start + k as usize)
                    .and_then(|k| frame.shown.rows.get(k).copied())
            },
            timeline_left,
        );
    }
    // Today and the status date.
    for (date, colour) in [
        (view.today, theme.forecast()),
        (frame.status, theme.error()),
    ] {
        let x = state.x_of(timeline_left, f64::from(date.num_days_from_ce()) + 1.0);
        screen.bar_painter.line_segment(
            [pos2(x, screen.area.min.y), pos2(x, screen.area.max.y)],
            Stroke::new(1.0, colour),
        );
    }
    band_ui(view, state, frame, screen, &painted, release_pos, asked);
}

/// Dragging the background pans the timeline; with Shift or Ctrl it draws a band.
fn background_ui(
    ui: &Ui,
    state: &GanttState,
    frame: &FrameCtx<'_>,
    screen: &Screen<'_>,
    asked: &mut Asked,
) {
    let modifiers = frame.input.modifiers;
    let bg = ui.interact(
        screen.timeline,
        egui::Id::unique("gantt-background"),
        Sense::drag(),
    );
    if bg.drag_started()
        && (modifiers.shift || modifiers.command)
        && let Some(origin) = frame.input.press_origin
    {
        asked.band_start = Some(Band {
            origin,
            in_list: false,
            add: modifiers.command,
        });
    } else if bg.dragged() && state.band.is_none() {
        asked.pan += bg.drag_delta().x;
    }
}

/// A row's side in the list, and its selection across the whole row.
fn list_row_ui(
    ui: &Ui,
    view: &ViewCtx<'_>,
    state: &mut GanttState,
    frame: &FrameCtx<'_>,
    screen: &Screen<'_>,
    row: &ShownRow<'_>,
    asked: &mut Asked,
) {
    let lang = view.lang;
    let theme = view.theme;
    let (i, task) = (row.i, row.task);
    let (full, timeline_left) = (frame.layout.full, frame.layout.timeline_left);
    let input = frame.input;
    let row_rect = Rect::from_min_max(
        pos2(full.min.x, row.y),
        pos2(full.max.x, row.y + ROW_HEIGHT),
    );
    if row.selected {
        screen.painter.rect_filled(row_rect, 0.0, theme.selection());
    }

    // The row in the list: click selects, double-click edits, dragging draws a band.
    let row_id = egui::Id::unique(("gantt-row", task.id));
    let row_hit = ui.interact(
        Rect::from_min_max(row_rect.min, pos2(timeline_left - 3.0, row_rect.max.y)),
        row_id,
        Sense::click_and_drag(),
    );
    let is_selected = row.selected;
    // Labels are built only when an accessibility client (or a test) reads them.
    ui.ctx().accesskit_node_builder(row_id, |n| {
        n.set_role(egui::accesskit::Role::Row);
        n.set_label(T::RowLabel.fill(lang, &[("row", &(i + 1).to_string()), ("name", &task.name)]));
        n.set_selected(is_selected);
    });
    if row_hit.clicked() {
        asked.new_selection = Some(input::clicked_selection(
            state,
            frame.selection,
            frame.shown,
            task.id,
            input.modifiers,
        ));
    }
    if row_hit.double_clicked() {
        asked.open = Some(task.id);
    }
    if row_hit.drag_started()
        && let Some(origin) = input.press_origin
    {
        asked.band_start = Some(Band {
            origin,
            in_list: true,
            add: input.modifiers.command,
        });
    }
    row_hit.context_menu(|ui| {
        input::context_menu_ui(ui, view, frame.selection, i, &mut asked.context);
    });

    // Red when the critical path runs through, a phase as well as a task.
    let style = list::RowStyle {
        name: if row.d.critical {
            theme.critical()
        } else if row.summary {
            theme.summary()
        } else {
            screen.text_colour
        },
        muted: theme.muted(),
    };
    let fold = list::row_ui(
        &screen.list_painter,
        view,
        screen.columns,
        timeline_left - 2.0,
        i,
        row.y,
        ROW_HEIGHT,
        &style,
    );
    if let Some(c) = fold {
        fold_ui(
            ui,
            &screen.list_painter,
            view,
            state,
            task,
            c,
            &mut asked.toggle,
        );
    }
}

/// The fold triangle of a summary row, a button that folds or unfolds it.
fn fold_ui(
    ui: &Ui,
    painter: &egui::Painter,
    view: &ViewCtx<'_>,
    state: &GanttState,
    task: &crate::model::Task,
    c: egui::Pos2,
    toggle: &mut Option<TaskId>,
) {
    let folded = state.collapsed.contains(&task.id);
    crate::ui::widgets::fold_triangle_ui(painter, c, folded, view.theme.summary());
    let id = egui::Id::unique(("gantt-fold", task.id));
    let hit = ui.interact(
        Rect::from_center_size(c, vec2(16.0, 16.0)),
        id,
        Sense::click(),
    );
    ui.ctx().accesskit_node_builder(id, |n| {
        let label = if folded {
            T::ExpandNamed
        } else {
            T::CollapseNamed
        };
        n.set_role(egui::accesskit::Role::Button);
        n.set_label(label.fill(view.lang, &[("name", &task.name)]));
    });
    if hit.clicked() {
        *toggle = Some(task.id);
    }
}

/// The rubber band, and the selection it makes when released: the rows it crosses over the
/// list, the bars it touches over the timeline.
fn band_ui(
    view: &ViewCtx<'_>,
    state: &mut GanttState,
    frame: &FrameCtx<'_>,
    screen: &Screen<'_>,
    painted: &Painted,
    release_pos: Option<egui::Pos2>,
    asked: &mut Asked,
) {
    let theme = view.theme;
    let painter = &screen.painter;
    if let (Some(band), Some(p)) = (state.band, frame.input.pointer.or(release_pos)) {
        let rect = Rect::from_two_pos(band.origin, p);
        painter.rect_filled(rect, 0.0, theme.selection());
        painter.rect_stroke(
            rect,
            0.0,
            Stroke::new(1.0, theme.selection_stroke()),
            egui::StrokeKind::Inside,
        );
        if frame.input.released {
            let mut picked: Vec<TaskId> = if band.in_list {
                painted
                    .rows
                    .iter()
                    .filter(|(_, mid)| {
                        (mid - ROW_HEIGHT / 2.0) < rect.max.y
                            && (mid + ROW_HEIGHT / 2.0) > rect.min.y
                    })
                    .map(|&(i, _)| view.project.tasks[i].id)
                    .collect()
            } else {
                painted
                    .bars
                    .iter()
                    .filter(|(_, r)| r.intersects(rect))
                    .map(|(id, _)| *id)
                    .collect()
            };
            if band.add {
                let more: Vec<TaskId> = frame
                    .selection
                    .iter()
                    .copied()
                    .filter(|id| !picked.contains(id))
                    .collect();
                picked.extend(more);
            }
            if let Some(&first) = picked.first() {
                state.anchor = Some(first);
            }
            asked.new_selection = Some(picked);
        }
    }
}
