//! The chart's state: what persists between runs (columns, splitter, bar labels), the zoom and
//! origin of the timeline, folds, the drag or band in progress, and the rows shown with what
//! they were computed from.

use std::collections::HashSet;

use super::drag::{Drag, Preview};
use super::filter::{self, Filter};
use super::list;
use super::{MAX_PX_PER_DAY, MIN_PX_PER_DAY};
use crate::app::contract::Command;
use crate::model::TaskId;
use crate::schedule::calendar::WorkCalendar;
use crate::ui::ViewCtx;

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
pub(super) struct Band {
    pub(super) origin: egui::Pos2,
    pub(super) in_list: bool,
    /// Ctrl held: the band adds to the selection.
    pub(super) add: bool,
}

/// The view's own state.
pub struct GanttState {
    /// Zoom: pixels per calendar day.
    pub px_per_day: f32,
    /// The date-time at the timeline's left edge, in days since the common era.
    pub origin_days: f64,
    /// Folded summaries; changed only by folding, which bumps `fold_generation`.
    pub(super) collapsed: HashSet<TaskId>,
    pub(super) fold_generation: u64,
    /// The rows shown, with what they were computed from: a frame of a large plan must not
    /// walk every task.
    pub(super) rows_cache: Option<(RowsKey, std::rc::Rc<Vec<usize>>)>,
    /// Width of the task list on the left (the splitter's position).
    pub table_width: f32,
    pub columns: Vec<list::Column>,
    pub bar_label: BarLabel,
    /// Bars tinted by the last risk analysis's criticality index.
    pub risk_tint: bool,
    /// The timeline's width, zoom and origin the last fit set: while the user has not zoomed
    /// or panned since, a change of width (the window resized, the splitter moved) fits again.
    pub(super) fitted: Option<(f32, f32, f64)>,
    /// A bar being moved or resized, or a link being drawn.
    pub(super) drag: Option<Drag>,
    /// The plan rescheduled with the edit the drag in progress would make.
    pub(super) preview: Option<Preview>,
    pub(super) band: Option<Band>,
    /// Where Shift+click and Shift+arrows extend the selection from.
    pub(super) anchor: Option<TaskId>,
    /// Bring this position among the shown rows into view next frame.
    pub(super) scroll_to: Option<usize>,
    /// Put this position among the shown rows at the top of the list next frame (one row of
    /// context above it).
    pub(super) scroll_top: Option<usize>,
    /// The positions among the shown rows that were on screen last frame.
    pub(super) on_screen: std::ops::Range<usize>,
    pub filter: Filter,
    /// Text searched in names and WBS codes.
    pub find: String,
    /// Only the tasks of this resource.
    pub resource: Option<crate::model::ResourceId>,
    /// The project calendar, for shading, with the revision it was resolved at.
    pub(super) calendar: Option<(u64, WorkCalendar)>,
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
            risk_tint: false,
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
pub(super) struct RowsKey {
    revision: u64,
    fold_generation: u64,
    filter: Filter,
    find: String,
    resource: Option<crate::model::ResourceId>,
}

/// What a bar's or a row's context menu asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ContextAction {
    Run(Command),
    /// Remove the task's predecessors.
    Unlink,
    /// Show the task in the task plan.
    Show,
    /// Scroll the timeline to the task's bar.
    ScrollTo,
}

impl GanttState {
    /// Fits the timeline to the plan on the next frame (a new or opened document).
    pub fn refit(&mut self) {
        self.fitted = None;
        self.rows_cache = None;
        self.collapsed.clear();
        self.fold_generation += 1;
    }

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

    pub(super) fn x_of(&self, left: f32, days: f64) -> f32 {
        left + ((days - self.origin_days) as f32) * self.px_per_day
    }

    pub(super) fn days_at(&self, left: f32, x: f32) -> f64 {
        self.origin_days + f64::from((x - left) / self.px_per_day)
    }

    /// Where the drag in progress would put row `row` (start, finish), rescheduled live; `None`
    /// when nothing is being dragged.
    pub fn previewed(&self, row: usize) -> Option<(chrono::NaiveDateTime, chrono::NaiveDateTime)> {
        self.preview.as_ref()?.dates.as_ref()?.get(row).copied()
    }

    /// Zooms by `factor` keeping the date under `anchor_x` in place.
    pub(super) fn zoom(&mut self, left: f32, anchor_x: f32, factor: f32) {
        let anchor = self.days_at(left, anchor_x);
        self.px_per_day = (self.px_per_day * factor).clamp(MIN_PX_PER_DAY, MAX_PX_PER_DAY);
        self.origin_days = anchor - f64::from((anchor_x - left) / self.px_per_day);
    }

    /// The project calendar, resolved again when the document changed.
    pub(super) fn refresh_calendar(&mut self, view: &ViewCtx<'_>) {
        if self
            .calendar
            .as_ref()
            .is_none_or(|(rev, _)| *rev != view.derived.revision)
        {
            self.calendar = WorkCalendar::resolve(view.project, view.project.settings.calendar)
                .ok()
                .map(|c| (view.derived.revision, c));
        }
    }

    /// The rows shown, from the cache unless what they depend on changed.
    pub(super) fn shown_rows(&mut self, view: &ViewCtx<'_>) -> std::rc::Rc<Vec<usize>> {
        let key = RowsKey {
            revision: view.derived.revision,
            fold_generation: self.fold_generation,
            filter: self.filter,
            find: self.find.clone(),
            resource: self.resource,
        };
        match &self.rows_cache {
            Some((cached, rows)) if *cached == key => rows.clone(),
            _ => {
                let rows = std::rc::Rc::new(filter::visible_rows(view, self));
                self.rows_cache = Some((key, rows.clone()));
                rows
            }
        }
    }

    /// Folds a summary, or unfolds it.
    pub(super) fn toggle_fold(&mut self, id: TaskId) {
        if !self.collapsed.remove(&id) {
            self.collapsed.insert(id);
        }
        self.fold_generation += 1;
    }
}
