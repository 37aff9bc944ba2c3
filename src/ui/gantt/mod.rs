//! The Gantt chart: the task list on the left and the timeline on the right, one row each,
//! scrolling together, a splitter between them; only the visible rows are laid out and
//! painted. Zoom (Ctrl+wheel around the pointer, buttons, fit, today) and pan (drag the
//! background, Shift+wheel, ←/→); summaries fold. Bars are moved, resized, linked and given
//! progress by dragging, with the plan rescheduled live under the ghost; click, Ctrl+click,
//! Shift+click and a rubber band select; a double-click opens the task editor.
//!
//! This file holds a frame's phases in order (prepare and fit, header, input, rows, then what
//! the rows asked); the state, the toolbar, the input, the rows and the bars have their own.

mod bar_input;
mod bars;
mod drag;
mod filter;
mod input;
mod legend;
pub mod list;
mod rows;
mod scale;
mod state;
mod toolbar;

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};
use egui::{Modifiers, Rect, RichText, Sense, Ui, pos2, vec2};

use self::drag::DragKind;
pub use self::filter::Filter;
use self::input::Shown;
pub use self::scale::days_of;
pub use self::scale::{Scale, scale_for};
pub use self::state::{BarLabel, GanttPrefs, GanttState};
use super::ViewCtx;
use crate::i18n::T;
use crate::model::TaskId;
use crate::schedule::cpm::Schedule;

const ROW_HEIGHT: f32 = 24.0;
const HEADER_HEIGHT: f32 = 38.0;
const MIN_PX_PER_DAY: f32 = 0.05;
const MAX_PX_PER_DAY: f32 = 2000.0;
const MIN_LIST_PX: f32 = 120.0;
/// From this zoom the time scale shows hours, and drags snap to hours instead of days.
const HOUR_ZOOM_PX_PER_DAY: f32 = 150.0;
const MIN_TIMELINE_PX: f32 = 120.0;

/// The accessible id of a task's bar (benchmarks find bars on screen by it).
pub fn bar_id(task: TaskId) -> egui::Id {
    egui::Id::unique(("gantt-bar", task))
}

/// The time scale at the current zoom, for tests and screen readers.
pub fn scale_name(state: &GanttState) -> Scale {
    scale_for(state.px_per_day)
}

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

/// Where the chart's parts are this frame.
#[derive(Clone, Copy)]
struct Layout {
    /// The room under the toolbar and the filters: the header, then the rows.
    full: Rect,
    /// Where the timeline starts (the splitter), and its width.
    timeline_left: f32,
    timeline_width: f32,
}

impl Layout {
    /// The room left in `ui`, the splitter kept where both the list and the timeline show.
    fn new(ui: &Ui, state: &mut GanttState) -> Self {
        let full = ui.available_rect_before_wrap();
        state.table_width = state.table_width.clamp(
            MIN_LIST_PX,
            (full.width() - MIN_TIMELINE_PX).max(MIN_LIST_PX),
        );
        let timeline_left = full.min.x + state.table_width;
        let timeline_width = (full.max.x - timeline_left).max(50.0);
        Self {
            full,
            timeline_left,
            timeline_width,
        }
    }
}

/// The pointer and the modifiers this frame.
#[derive(Clone, Copy)]
struct FrameInput {
    /// Where the pointer hovers.
    pointer: Option<egui::Pos2>,
    released: bool,
    /// Where the button went down.
    press_origin: Option<egui::Pos2>,
    modifiers: Modifiers,
}

impl FrameInput {
    fn read(ui: &Ui, pointer: Option<egui::Pos2>) -> Self {
        let (released, press_origin, modifiers) = ui.input(|i| {
            (
                i.pointer.any_released(),
                i.pointer.press_origin(),
                i.modifiers,
            )
        });
        Self {
            pointer,
            released,
            press_origin,
            modifiers,
        }
    }
}

/// What the rows read this frame, besides the view and the chart's state.
struct FrameCtx<'a> {
    layout: Layout,
    input: FrameInput,
    schedule: &'a Schedule,
    shown: Shown<'a>,
    selection: &'a [TaskId],
    selected: HashSet<TaskId>,
    /// The status date (today when the project has none).
    status: NaiveDate,
}

/// One frame of the chart: the toolbar and the filters, the rows to show and the fit, the
/// header, the wheel and the keyboard, the live preview of a drag, the rows, the splitter, and
/// last what the rows asked.
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
    state.refresh_calendar(view);
    // Nothing scheduled yet (a new plan): its first weeks from the project's start, so that
    // the chart shows where its tasks will come rather than the last plan's timeline.
    let span = view.derived.plan_span().map_or_else(
        || {
            let start = f64::from(view.project.meta.start.num_days_from_ce());
            (start, start + 42.0)
        },
        |(start, finish)| (days_of(start), days_of(finish)),
    );
    let status = view.project.meta.status_date.unwrap_or(view.today);
    let (fit, goto_today) = toolbar::toolbar_ui(ui, view, state, schedule);
    filter::filters_ui(ui, view, state);
    let rows = state.shown_rows(view);
    let shown = Shown {
        rows: &rows,
        tasks: &view.project.tasks,
    };
    let selected: HashSet<TaskId> = selection.iter().copied().collect();
    let layout = Layout::new(ui, state);
    fit_plan(state, layout, span, fit);
    if goto_today {
        go_to_today(view, state, schedule, &rows, layout, status);
    }
    let header = header_ui(ui, view, state, layout);

    // Ctrl+wheel zooms around the pointer, Shift+wheel pans; the keyboard moves the selection.
    let pointer = ui.input(|i| i.pointer.hover_pos());
    input::wheel_ui(ui, state, layout, pointer);
    let new_selection = input::keyboard_ui(ui, state, selection, shown, layout.timeline_width);

    preview_drag(view, state, pointer, layout.timeline_left);
    let frame = FrameCtx {
        layout,
        input: FrameInput::read(ui, pointer),
        schedule,
        shown,
        selection,
        selected,
        status,
    };
    let asked = rows::rows_ui(ui, view, state, &frame, new_selection);
    // After the rows, so that it is on top of them for the pointer.
    toolbar::splitter_ui(
        ui,
        view,
        state,
        header.min.y,
        layout.full.max.y,
        layout.timeline_left,
    );
    apply(
        view,
        state,
        selection,
        schedule,
        asked,
        frame.input.released,
    );
}

/// Fits the plan's span (`first`, `last` in days) to the timeline when `fit` asks, and again
/// when the timeline's width changed since the last fit and nothing was zoomed or panned since.
fn fit_plan(state: &mut GanttState, layout: Layout, (first, last): (f64, f64), fit: bool) {
    let timeline_width = layout.timeline_width;
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
}

/// Scrolls the timeline to the status date (a third from the left), and the list down to the
/// work of the day.
fn go_to_today(
    view: &ViewCtx<'_>,
    state: &mut GanttState,
    schedule: &Schedule,
    rows: &[usize],
    layout: Layout,
    status: NaiveDate,
) {
    state.origin_days = f64::from(status.num_days_from_ce())
        - f64::from(layout.timeline_width / state.px_per_day) / 3.0;
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

/// The list's titles and the time scale, above the rows; returns where they are.
fn header_ui(ui: &mut Ui, view: &ViewCtx<'_>, state: &mut GanttState, layout: Layout) -> Rect {
    let (header, _) =
        ui.allocate_exact_size(vec2(layout.full.width(), HEADER_HEIGHT), Sense::hover());
    let list_header = Rect::from_min_max(header.min, pos2(layout.timeline_left, header.max.y));
    list::header_ui(ui, view, &mut state.columns, list_header);
    scale::header_ui(
        &ui.painter_at(header),
        view,
        state,
        header,
        layout.timeline_left,
    );
    header
}

/// The ghost of a move or resize: the plan rescheduled with the edit the drop would make
/// (incrementally: only what the dragged task reaches, so at any size of plan).
fn preview_drag(
    view: &ViewCtx<'_>,
    state: &mut GanttState,
    pointer: Option<egui::Pos2>,
    timeline_left: f32,
) {
    if let (Some(drag), Some(p)) = (state.drag, pointer)
        && matches!(drag.kind, DragKind::Move | DragKind::Resize)
    {
        let edit = drag::drop_edit(view, state, drag, p, |_| None, timeline_left);
        drag::update_preview(view, &mut state.preview, edit);
    } else {
        state.preview = None;
    }
}

/// What the rows asked, once they are drawn: the pan, the drag or band begun or ended (with
/// the edit a drop makes), the selection, the editor, a fold, a menu's action.
fn apply(
    view: &mut ViewCtx<'_>,
    state: &mut GanttState,
    selection: &[TaskId],
    schedule: &Schedule,
    asked: rows::Asked,
    released: bool,
) {
    if asked.pan != 0.0 && state.drag.is_none() {
        state.origin_days -= f64::from(asked.pan / state.px_per_day);
    }
    if let Some(d) = asked.drag_start {
        state.drag = Some(d);
    }
    if let Some(b) = asked.band_start {
        state.band = Some(b);
    }
    if released {
        state.drag = None;
        state.band = None;
        state.preview = None;
        if let Some(edit) = asked.dropped {
            view.out.edit(edit, None);
        }
    }
    if let Some(ids) = asked.new_selection {
        view.out.select(ids);
    }
    if let Some(id) = asked.open {
        view.out.open_task(id);
    }
    if let Some(id) = asked.toggle {
        state.toggle_fold(id);
    }
    if let Some(context) = asked.context {
        input::run_context_action(view, state, schedule, selection, context);
    }
}
