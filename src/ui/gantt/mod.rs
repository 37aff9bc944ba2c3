//! The Gantt chart: the task list on the left and the timeline on the right, one row each,
//! scrolling together, a splitter between them; only the visible rows are laid out and
//! painted. Zoom (Ctrl+wheel around the pointer, buttons, fit, today) and pan (drag the
//! background, Shift+wheel, ←/→); summaries fold. Bars are moved, resized, linked and given
//! progress by dragging, with the plan rescheduled live under the ghost; click, Ctrl+click,
//! Shift+click and a rubber band select; a double-click opens the task editor.

mod bars;
mod drag;
mod filter;
pub mod list;
mod scale;

use std::collections::HashSet;

use chrono::Datelike;
use egui::{Modifiers, Rect, RichText, Sense, Stroke, Ui, pos2, vec2};

use self::drag::{Drag, DragKind, Preview};
pub use self::filter::Filter;
pub use self::scale::days_of;
pub use self::scale::{Scale, scale_for};
use super::ViewCtx;
use crate::app::contract::Command;
use crate::i18n::{self, T};
use crate::model::TaskId;
use crate::schedule::calendar::WorkCalendar;

const ROW_HEIGHT: f32 = 24.0;
const HEADER_HEIGHT: f32 = 38.0;
const MIN_PX_PER_DAY: f32 = 0.05;
const MAX_PX_PER_DAY: f32 = 2000.0;
const MIN_LIST_PX: f32 = 120.0;
/// From this zoom the time scale shows hours, and drags snap to hours instead of days.
const HOUR_ZOOM_PX_PER_DAY: f32 = 150.0;
/// Up to this many rows a drag reschedules the plan live under its ghost (about 10 ms at
/// 10 000 rows on a slow machine); a 100 000-row plan takes some 200 ms, too long for a frame.
const LIVE_RESCHEDULE_MAX_ROWS: usize = 20_000;
const MIN_TIMELINE_PX: f32 = 120.0;

/// What is written beside the bars.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum BarLabel {
    None,
    Name,
    #[default]
    Resources,
    NameAndResources,
}

/// The chart's choices that persist between runs (with the app's settings): the list's
/// columns and widths, the splitter, the bar labels.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct GanttPrefs {
    pub columns: Vec<list::Column>,
    pub table_width: f32,
    pub bar_label: BarLabel,
}

impl Default for GanttPrefs {
    fn default() -> Self {
        let columns = list::default_columns();
        Self {
            table_width: list::columns_width(&columns),
            columns,
            bar_label: BarLabel::default(),
        }
    }
}

/// A rubber band being drawn: where it started, and whether over the list (rows) or the
/// timeline (bars).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Band {
    origin: egui::Pos2,
    in_list: bool,
    /// Ctrl held: the band adds to the selection.
    add: bool,
}

/// The view's own state.
pub struct GanttState {
    /// Zoom: pixels per calendar day.
    pub px_per_day: f32,
    /// The date-time at the timeline's left edge, in days since the common era.
    pub origin_days: f64,
    /// Folded summaries; changed only by folding, which bumps `fold_generation`.
    collapsed: HashSet<TaskId>,
    fold_generation: u64,
    /// The rows shown, with what they were computed from: a frame of a large plan must not
    /// walk every task.
    rows_cache: Option<(RowsKey, std::rc::Rc<Vec<usize>>)>,
    /// Width of the task list on the left (the splitter's position).
    pub table_width: f32,
    pub columns: Vec<list::Column>,
    pub bar_label: BarLabel,
    /// The timeline's width, zoom and origin the last fit set: while the user has not zoomed
    /// or panned since, a change of width (the window resized, the splitter moved) fits again.
    fitted: Option<(f32, f32, f64)>,
    /// A bar being moved or resized, or a link being drawn.
    drag: Option<Drag>,
    /// The plan rescheduled with the edit the drag in progress would make.
    preview: Option<Preview>,
    band: Option<Band>,
    /// Where Shift+click and Shift+arrows extend the selection from.
    anchor: Option<TaskId>,
    /// Bring this position among the shown rows into view next frame.
    scroll_to: Option<usize>,
    /// Put this position among the shown rows at the top of the list next frame (one row of
    /// context above it).
    scroll_top: Option<usize>,
    /// The positions among the shown rows that were on screen last frame.
    on_screen: std::ops::Range<usize>,
    pub filter: Filter,
    /// Text searched in names and WBS codes.
    pub find: String,
    /// Only the tasks of this resource.
    pub resource: Option<crate::model::ResourceId>,
    /// The project calendar, for shading, with the revision it was resolved at.
    calendar: Option<(u64, WorkCalendar)>,
}

impl Default for GanttState {
    fn default() -> Self {
        let columns = list::default_columns();
        Self {
            px_per_day: 12.0,
            origin_days: 0.0,
            collapsed: HashSet::new(),
            fold_generation: 0,
            rows_cache: None,
            table_width: list::columns_width(&columns),
            columns,
            bar_label: BarLabel::default(),
            fitted: None,
            drag: None,
            preview: None,
            band: None,
            anchor: None,
            scroll_to: None,
            scroll_top: None,
            on_screen: 0..0,
            filter: Filter::All,
            find: String::new(),
            resource: None,
            calendar: None,
        }
    }
}

/// What the shown rows depend on.
#[derive(Clone, Debug, PartialEq)]
struct RowsKey {
    revision: u64,
    fold_generation: u64,
    filter: Filter,
    find: String,
    resource: Option<crate::model::ResourceId>,
}

/// What a bar's or a row's context menu asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ContextAction {
    Run(Command),
    /// Remove the task's predecessors.
    Unlink,
    /// Show the task in the task plan.
    Show,
    /// Scroll the timeline to the task's bar.
    ScrollTo,
}

impl GanttState {
    /// The chart as an earlier run left it.
    pub fn with_prefs(prefs: &GanttPrefs) -> Self {
        Self {
            columns: list::restored_columns(&prefs.columns),
            table_width: prefs.table_width,
            bar_label: prefs.bar_label,
            ..Self::default()
        }
    }

    /// What to keep for the next run.
    pub fn prefs(&self) -> GanttPrefs {
        GanttPrefs {
            columns: self.columns.clone(),
            table_width: self.table_width,
            bar_label: self.bar_label,
        }
    }

    fn x_of(&self, left: f32, days: f64) -> f32 {
        left + ((days - self.origin_days) as f32) * self.px_per_day
    }

    fn days_at(&self, left: f32, x: f32) -> f64 {
        self.origin_days + f64::from((x - left) / self.px_per_day)
    }

    /// Where the drag in progress would put row `row` (start, finish), rescheduled live; `None`
    /// when nothing is being dragged.
    pub fn previewed(&self, row: usize) -> Option<(chrono::NaiveDateTime, chrono::NaiveDateTime)> {
        self.preview.as_ref()?.dates.as_ref()?.get(row).copied()
    }

    /// Zooms by `factor` keeping the date under `anchor_x` in place.
    fn zoom(&mut self, left: f32, anchor_x: f32, factor: f32) {
        let anchor = self.days_at(left, anchor_x);
        self.px_per_day = (self.px_per_day * factor).clamp(MIN_PX_PER_DAY, MAX_PX_PER_DAY);
        self.origin_days = anchor - f64::from((anchor_x - left) / self.px_per_day);
    }
}

/// The accessible id of a task's bar (benchmarks find bars on screen by it).
pub fn bar_id(task: TaskId) -> egui::Id {
    egui::Id::unique(("gantt-bar", task))
}

/// The time scale at the current zoom, for tests and screen readers.
pub fn scale_name(state: &GanttState) -> Scale {
    scale_for(state.px_per_day)
}

/// The rows the chart shows, in order; looked up only when the selection changes, so that a
/// frame does not build a list of every task's id.
#[derive(Clone, Copy)]
struct Shown<'a> {
    rows: &'a [usize],
    tasks: &'a [crate::model::Task],
}

impl Shown<'_> {
    fn id(&self, k: usize) -> TaskId {
        self.tasks[self.rows[k]].id
    }

    fn position(&self, id: TaskId) -> Option<usize> {
        self.rows.iter().position(|&i| self.tasks[i].id == id)
    }

    /// `task` first (the active one), then the other shown rows from `a` to `b`.
    fn range(&self, task: TaskId, a: usize, b: usize) -> Vec<TaskId> {
        let (lo, hi) = (a.min(b), a.max(b));
        let mut out = vec![task];
        out.extend((lo..=hi).map(|k| self.id(k)).filter(|&t| t != task));
        out
    }
}

/// The selection after a click on `task` with these modifiers: alone; Ctrl toggles it;
/// Shift takes the shown rows from the anchor to it.
fn clicked_selection(
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

#[allow(
    clippy::too_many_lines,
    reason = "one pass over the visible rows, in painting order"
)]
impl crate::ui::View for GanttState {
    fn ui(&mut self, ui: &mut Ui, ctx: &mut ViewCtx<'_>) {
        let selection = ctx.selection.tasks();
        gantt_ui(ui, ctx, self, &selection);
    }

    fn prefs(&self) -> Option<String> {
        ron::to_string(&self.prefs()).ok()
    }

    fn load_prefs(&mut self, text: &str) {
        if let Ok(prefs) = ron::from_str::<GanttPrefs>(text) {
            *self = GanttState::with_prefs(&prefs);
        }
    }
}

pub fn gantt_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut GanttState, selection: &[TaskId]) {
    let lang = view.lang;
    let Ok(schedule) = &view.derived.schedule else {
        if let Err(e) = &view.derived.schedule {
            ui.label(
                RichText::new(T::NotScheduled.fill(lang, &[("error", e)]))
                    .color(view.theme.error()),
            );
        }
        return;
    };
    if state
        .calendar
        .as_ref()
        .is_none_or(|(rev, _)| *rev != view.derived.revision)
    {
        state.calendar = WorkCalendar::resolve(view.project, view.project.settings.calendar)
            .ok()
            .map(|c| (view.derived.revision, c));
    }
    let (first, last) = view
        .derived
        .plan_span()
        // Nothing scheduled: an empty span, which the fit below leaves alone.
        .map_or((f64::MAX, f64::MIN), |(start, finish)| {
            (days_of(start), days_of(finish))
        });
    let status = view.project.meta.status_date.unwrap_or(view.today);
    let (fit, goto_today) = toolbar_ui(ui, view, state, schedule);
    filter::filters_ui(ui, view, state);
    let key = RowsKey {
        revision: view.derived.revision,
        fold_generation: state.fold_generation,
        filter: state.filter,
        find: state.find.clone(),
        resource: state.resource,
    };
    let rows = match &state.rows_cache {
        Some((cached, rows)) if *cached == key => rows.clone(),
        _ => {
            let rows = std::rc::Rc::new(filter::visible_rows(view, state));
            state.rows_cache = Some((key, rows.clone()));
            rows
        }
    };
    let shown = Shown {
        rows: &rows,
        tasks: &view.project.tasks,
    };
    let selected: HashSet<TaskId> = selection.iter().copied().collect();
    let full = ui.available_rect_before_wrap();
    state.table_width = state.table_width.clamp(
        MIN_LIST_PX,
        (full.width() - MIN_TIMELINE_PX).max(MIN_LIST_PX),
    );
    let timeline_left = full.min.x + state.table_width;
    let timeline_width = (full.max.x - timeline_left).max(50.0);
    let refit = state.fitted.is_none_or(|(width, px_per_day, origin)| {
        // Exactly the values the fit wrote: any zoom or pan changes them.
        px_per_day.to_bits() == state.px_per_day.to_bits()
            && origin.to_bits() == state.origin_days.to_bits()
            && (width - timeline_width).abs() > 0.5
    });
    if fit || refit {
        if first <= last {
            // A margin each side, wider on the right for the labels beside the last bars.
            let span = (last - first).max(1.0);
            let (before, after) = (2.0 + span * 0.01, 4.0 + span * 0.08);
            state.px_per_day = ((f64::from(timeline_width) / (span + before + after)) as f32)
                .clamp(MIN_PX_PER_DAY, MAX_PX_PER_DAY);
            state.origin_days = first - before;
        }
        state.fitted = Some((timeline_width, state.px_per_day, state.origin_days));
    }
    if goto_today {
        state.origin_days = f64::from(status.num_days_from_ce())
            - f64::from(timeline_width / state.px_per_day) / 3.0;
        // And down to the work of the day: the first task under way then (or starting after),
        // at the top of the list.
        let day = status.and_hms_opt(0, 0, 0).unwrap_or_default();
        let next_day = day + chrono::Duration::days(1);
        let current = rows.iter().position(|&i| {
            let d = &schedule.tasks[i];
            !view.derived.summary[i] && d.start < next_day && d.finish >= day
        });
        let upcoming = || {
            rows.iter()
                .position(|&i| !view.derived.summary[i] && schedule.tasks[i].start >= day)
        };
        state.scroll_top = current.or_else(upcoming);
    }

    // The list's titles and the time scale, above the rows.
    let (header, _) = ui.allocate_exact_size(vec2(full.width(), HEADER_HEIGHT), Sense::hover());
    let list_header = Rect::from_min_max(header.min, pos2(timeline_left, header.max.y));
    list::header_ui(ui, view, &mut state.columns, list_header);
    scale::header_ui(&ui.painter_at(header), view, state, header, timeline_left);

    // Ctrl+wheel zooms around the pointer, Shift+wheel pans; the keyboard moves the selection.
    let pointer = ui.input(|i| i.pointer.hover_pos());
    if let Some(p) = pointer
        && p.x > timeline_left
        && full.contains(p)
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
    let mut new_selection = keyboard_ui(ui, state, selection, shown, timeline_width);

    // The ghost of a move or resize: the plan rescheduled with the edit the drop would make
    // (on plans small enough to reschedule within a frame or two).
    let live = view.project.tasks.len() <= LIVE_RESCHEDULE_MAX_ROWS;
    if let (Some(drag), Some(p)) = (state.drag, pointer)
        && matches!(drag.kind, DragKind::Move | DragKind::Resize)
        && live
    {
        let edit = drag::drop_edit(view, state, drag, p, |_| None, timeline_left);
        drag::update_preview(view, &mut state.preview, edit);
    } else {
        state.preview = None;
    }

    let theme = view.theme;
    let text_colour = ui.visuals().text_color();
    let muted = theme.muted();
    let baseline = view.derived.baseline_dates(view.project);
    let columns = list::layout(&state.columns, full.min.x);
    let mut toggle: Option<TaskId> = None;
    let mut context: Option<(TaskId, ContextAction)> = None;
    let mut open: Option<TaskId> = None;
    let mut pan = 0.0f32;
    let mut drag_start: Option<Drag> = None;
    let mut band_start: Option<Band> = None;
    let mut dropped: Option<crate::doc::edit::Edit> = None;
    let (released, press_origin, modifiers) = ui.input(|i| {
        (
            i.pointer.any_released(),
            i.pointer.press_origin(),
            i.modifiers,
        )
    });
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
    ui.spacing_mut().item_spacing.y = 0.0;
    scroll.show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
        state.on_screen = range.clone();
        let top = ui.min_rect().min.y;
        let painter = ui.painter().clone();
        let area = Rect::from_min_max(
            pos2(full.min.x, ui.clip_rect().min.y),
            pos2(full.max.x, ui.clip_rect().max.y),
        );
        let timeline = Rect::from_min_max(pos2(timeline_left, area.min.y), area.max);
        let list_painter = painter.with_clip_rect(Rect::from_min_max(
            area.min,
            pos2(timeline_left - 2.0, area.max.y),
        ));
        let bar_painter = painter.with_clip_rect(timeline);
        // Dragging the background pans the timeline; with Shift or Ctrl it draws a band.
        let bg = ui.interact(
            timeline,
            egui::Id::unique("gantt-background"),
            Sense::drag(),
        );
        if bg.drag_started()
            && (modifiers.shift || modifiers.command)
            && let Some(origin) = press_origin
        {
            band_start = Some(Band {
                origin,
                in_list: false,
                add: modifiers.command,
            });
        } else if bg.dragged() && state.band.is_none() {
            pan += bg.drag_delta().x;
        }
        scale::shade_ui(&bar_painter, view, state, area, timeline_left);
        let y_of = |k: usize| top + (k - range.start) as f32 * ROW_HEIGHT;
        let mut on_screen: Vec<(usize, f32)> = Vec::with_capacity(range.len());
        let mut bar_rects: Vec<(TaskId, Rect)> = Vec::with_capacity(range.len());
        for k in range.clone() {
            let i = rows[k];
            let task = &view.project.tasks[i];
            let d = &schedule.tasks[i];
            let y = y_of(k);
            let mid = y + ROW_HEIGHT / 2.0;
            on_screen.push((i, mid));
            let summary = view.derived.summary[i];
            let row_rect =
                Rect::from_min_max(pos2(full.min.x, y), pos2(full.max.x, y + ROW_HEIGHT));
            if selected.contains(&task.id) {
                painter.rect_filled(row_rect, 0.0, theme.selection());
            }

            // The row in the list: click selects, double-click edits, dragging draws a band.
            let row_id = egui::Id::unique(("gantt-row", task.id));
            let row_hit = ui.interact(
                Rect::from_min_max(row_rect.min, pos2(timeline_left - 3.0, row_rect.max.y)),
                row_id,
                Sense::click_and_drag(),
            );
            let is_selected = selected.contains(&task.id);
            // Labels are built only when an accessibility client (or a test) reads them.
            ui.ctx().accesskit_node_builder(row_id, |n| {
                n.set_role(egui::accesskit::Role::Row);
                n.set_label(
                    T::RowLabel.fill(lang, &[("row", &(i + 1).to_string()), ("name", &task.name)]),
                );
                n.set_selected(is_selected);
            });
            if row_hit.clicked() {
                new_selection = Some(clicked_selection(
                    state, selection, shown, task.id, modifiers,
                ));
            }
            if row_hit.double_clicked() {
                open = Some(task.id);
            }
            if row_hit.drag_started()
                && let Some(origin) = press_origin
            {
                band_start = Some(Band {
                    origin,
                    in_list: true,
                    add: modifiers.command,
                });
            }
            row_hit.context_menu(|ui| context_menu_ui(ui, view, selection, i, &mut context));

            let is_critical = d.critical && !summary;
            let style = list::RowStyle {
                name: if summary {
                    theme.summary()
                } else if is_critical {
                    theme.critical()
                } else {
                    text_colour
                },
                muted,
            };
            let fold = list::row_ui(
                &list_painter,
                view,
                &columns,
                timeline_left - 2.0,
                i,
                y,
                ROW_HEIGHT,
                &style,
            );
            if let Some(c) = fold {
                fold_ui(ui, &list_painter, view, state, task, c, &mut toggle);
            }

            // The bar.
            let bar = bars::bar_ui(
                &bar_painter,
                view,
                state,
                timeline_left,
                baseline,
                i,
                d,
                mid,
            );
            bar_rects.push((task.id, bar));
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
                drag_start = Some(Drag {
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
            if response.clicked() {
                new_selection = Some(clicked_selection(
                    state, selection, shown, task.id, modifiers,
                ));
            }
            if response.double_clicked() {
                open = Some(task.id);
            }
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
                    &bar_painter,
                    view,
                    (i, task),
                    bar,
                    response.hovered(),
                    press_origin,
                    &mut drag_start,
                );
            }
            // What a progress or link drag in progress looks like.
            if let Some(drag) = state.drag.filter(|d| d.task == task.id)
                && let Some(p) = pointer
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
                    // Too large a plan to reschedule live: the bar alone, moved or
                    // stretched by whole days (hours at the hour zoom).
                    DragKind::Move | DragKind::Resize if !live => {
                        let step_px = drag::snap_days(state.px_per_day) as f32 * state.px_per_day;
                        let delta = ((p.x - drag.origin_x) / step_px).round() * step_px;
                        let ghost = if drag.kind == DragKind::Move {
                            bar.translate(vec2(delta, 0.0))
                        } else {
                            Rect::from_min_max(
                                bar.min,
                                pos2((bar.max.x + delta).max(bar.min.x + 1.0), bar.max.y),
                            )
                        };
                        bar_painter.rect_stroke(
                            ghost,
                            2.0,
                            Stroke::new(1.5, theme.ghost()),
                            egui::StrokeKind::Outside,
                        );
                    }
                    DragKind::Move | DragKind::Resize => {}
                }
            }
            // Where the drag in progress would put this bar.
            if let Some(Some(dates)) = state.preview.as_ref().map(|p| p.dates.as_ref())
                && let Some(&(start, finish)) = dates.get(i)
                && (start, finish) != (d.start, d.finish)
            {
                let ghost = bars::bar_rect(
                    state,
                    timeline_left,
                    mid,
                    (start, finish),
                    task.milestone,
                    summary,
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
            ui.ctx().accesskit_node_builder(id, |n| {
                n.set_role(egui::accesskit::Role::Button);
                n.set_label(
                    T::BarLabel.fill(lang, &[("row", &(i + 1).to_string()), ("name", &task.name)]),
                );
                n.set_selected(is_selected);
            });
            let response = response.on_hover_ui(|ui| bar_tooltip_ui(ui, view, i, d));
            response.context_menu(|ui| context_menu_ui(ui, view, selection, i, &mut context));
        }
        bars::links_ui(
            &bar_painter,
            view,
            state,
            timeline_left,
            schedule,
            &on_screen,
        );
        // A drag ends: the bar's new start or duration, its progress, or the link to the bar
        // under the pointer.
        let release_pos = ui.input(|i| i.pointer.interact_pos()).or(pointer);
        if released && let (Some(drag), Some(p)) = (state.drag, release_pos) {
            dropped = drag::drop_edit(
                view,
                state,
                drag,
                p,
                |y| {
                    let k = ((y - top) / ROW_HEIGHT).floor();
                    (k >= 0.0)
                        .then(|| range.start + k as usize)
                        .and_then(|k| rows.get(k).copied())
                },
                timeline_left,
            );
        }
        // Today and the status date.
        for (date, colour) in [(view.today, theme.forecast()), (status, theme.error())] {
            let x = state.x_of(timeline_left, f64::from(date.num_days_from_ce()) + 1.0);
            bar_painter.line_segment(
                [pos2(x, area.min.y), pos2(x, area.max.y)],
                Stroke::new(1.0, colour),
            );
        }
        // The rubber band, and the selection it makes when released.
        if let (Some(band), Some(p)) = (state.band, pointer.or(release_pos)) {
            let rect = Rect::from_two_pos(band.origin, p);
            painter.rect_filled(rect, 0.0, theme.selection());
            painter.rect_stroke(
                rect,
                0.0,
                Stroke::new(1.0, theme.selection_stroke()),
                egui::StrokeKind::Inside,
            );
            if released {
                let mut picked: Vec<TaskId> = if band.in_list {
                    on_screen
                        .iter()
                        .filter(|(_, mid)| {
                            (mid - ROW_HEIGHT / 2.0) < rect.max.y
                                && (mid + ROW_HEIGHT / 2.0) > rect.min.y
                        })
                        .map(|&(i, _)| view.project.tasks[i].id)
                        .collect()
                } else {
                    bar_rects
                        .iter()
                        .filter(|(_, r)| r.intersects(rect))
                        .map(|(id, _)| *id)
                        .collect()
                };
                if band.add {
                    let more: Vec<TaskId> = selection
                        .iter()
                        .copied()
                        .filter(|id| !picked.contains(id))
                        .collect();
                    picked.extend(more);
                }
                if let Some(&first) = picked.first() {
                    state.anchor = Some(first);
                }
                new_selection = Some(picked);
            }
        }
    });
    // After the rows, so that it is on top of them for the pointer.
    splitter_ui(ui, view, state, header.min.y, full.max.y, timeline_left);
    if pan != 0.0 && state.drag.is_none() {
        state.origin_days -= f64::from(pan / state.px_per_day);
    }
    if let Some(d) = drag_start {
        state.drag = Some(d);
    }
    if let Some(b) = band_start {
        state.band = Some(b);
    }
    if released {
        state.drag = None;
        state.band = None;
        state.preview = None;
        if let Some(edit) = dropped {
            view.out.edit(edit, None);
        }
    }
    if let Some(ids) = new_selection {
        view.out.select(ids);
    }
    if let Some(id) = open {
        view.out.open_task(id);
    }
    if let Some(id) = toggle {
        if !state.collapsed.remove(&id) {
            state.collapsed.insert(id);
        }
        state.fold_generation += 1;
    }
    // The menu acts on its task: selected first (with the rest of the selection when the task
    // is part of it), as in the task plan.
    if let Some((id, action)) = context {
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
}

/// Zoom, fit, today, exports, columns and labels; returns whether fit or today was asked.
fn toolbar_ui(
    ui: &mut Ui,
    view: &mut ViewCtx<'_>,
    state: &mut GanttState,
    schedule: &crate::schedule::cpm::Schedule,
) -> (bool, bool) {
    let lang = view.lang;
    let mut fit = false;
    let mut goto_today = false;
    ui.horizontal(|ui| {
        if ui.button(T::ZoomIn.get(lang)).clicked() {
            state.px_per_day = (state.px_per_day * 1.5).min(MAX_PX_PER_DAY);
        }
        if ui.button(T::ZoomOut.get(lang)).clicked() {
            state.px_per_day = (state.px_per_day / 1.5).max(MIN_PX_PER_DAY);
        }
        fit = ui.button(T::FitProject.get(lang)).clicked();
        goto_today = ui.button(T::GoToToday.get(lang)).clicked();
        ui.separator();
        ui.menu_button(T::Columns.get(lang), |ui| {
            if list::chooser_ui(ui, view, &mut state.columns) {
                state.table_width = list::columns_width(&state.columns);
            }
        });
        let label_name = |l: BarLabel| match l {
            BarLabel::None => T::LabelNone,
            BarLabel::Name => T::ColName,
            BarLabel::Resources => T::ColResources,
            BarLabel::NameAndResources => T::LabelNameAndResources,
        };
        let combo = egui::ComboBox::from_id_salt("gantt-bar-label")
            .selected_text(label_name(state.bar_label).get(lang))
            .show_ui(ui, |ui| {
                for l in [
                    BarLabel::None,
                    BarLabel::Name,
                    BarLabel::Resources,
                    BarLabel::NameAndResources,
                ] {
                    ui.selectable_value(&mut state.bar_label, l, label_name(l).get(lang));
                }
            });
        ui.ctx().accesskit_node_builder(combo.response.id, |n| {
            n.set_label(T::BarLabels.get(lang).to_owned());
        });
        ui.separator();
        if ui
            .button(T::ExportSvg.get(lang))
            .on_hover_text(T::ExportSvgTip.get(lang))
            .clicked()
        {
            let svg = crate::io::gantt_svg::gantt_svg(
                view.project,
                schedule,
                &view.derived.wbs,
                f64::from(state.px_per_day.clamp(1.0, 40.0)),
                lang,
            );
            view.out.export(
                format!(
                    "{}-gantt.svg",
                    super::dashboard::file_stem(&view.project.meta.name)
                ),
                svg.into_bytes(),
                "SVG",
                "svg",
            );
        }
        if ui
            .button(T::ExportPng.get(lang))
            .on_hover_text(T::ExportViewPngTip.get(lang))
            .clicked()
        {
            let rect = ui.max_rect();
            view.out.capture(
                egui::Rect::from_min_max(rect.min, ui.ctx().content_rect().max),
                format!(
                    "{}-gantt.png",
                    super::dashboard::file_stem(&view.project.meta.name)
                ),
            );
        }
        ui.separator();
        // Cut to the room left (the whole text on hover): a long line would widen the view
        // past the window and push the timeline's right end out of sight.
        ui.add(
            egui::Label::new(RichText::new(T::GanttHelp.get(lang)).color(view.theme.muted()))
                .truncate(),
        );
    });
    (fit, goto_today)
}

/// The splitter between the list and the timeline: drag it to give either more room.
fn splitter_ui(
    ui: &mut Ui,
    view: &ViewCtx<'_>,
    state: &mut GanttState,
    top: f32,
    bottom: f32,
    x: f32,
) {
    let id = egui::Id::unique("gantt-splitter");
    let rect = Rect::from_min_max(pos2(x - 3.0, top), pos2(x + 3.0, bottom));
    let response = ui.interact(rect, id, Sense::drag());
    ui.ctx().accesskit_node_builder(id, |n| {
        n.set_role(egui::accesskit::Role::Splitter);
        n.set_label(T::ListSplitter.get(view.lang).to_owned());
    });
    let active = response.hovered() || response.dragged();
    if active {
        ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
    }
    ui.painter().line_segment(
        [pos2(x, top), pos2(x, bottom)],
        Stroke::new(
            if active { 2.0 } else { 1.0 },
            view.theme
                .muted()
                .gamma_multiply(if active { 1.0 } else { 0.6 }),
        ),
    );
    if response.dragged() {
        state.table_width += response.drag_delta().x;
    }
}

/// ↑/↓ move the selection among the shown rows (with Shift, extend it); ←/→ pan the
/// timeline. Insert, Delete, Alt+Shift+arrows and Ctrl+F are the command table's.
fn keyboard_ui(
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
    super::widgets::fold_triangle_ui(painter, c, folded, view.theme.summary());
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
    if let Some(text) = super::task_dialog::constraint_text(lang, task.constraint) {
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

/// The menu of a bar or a row: add, insert, milestone, indent, outdent, delete, link and
/// unlink the selection, remove the task's predecessors, its editor, scroll to it, show it in
/// the task plan.
fn context_menu_ui(
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
