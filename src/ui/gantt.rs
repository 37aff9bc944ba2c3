//! The Gantt chart: the task list on the left and the timeline on the right, one row each,
//! scrolling together; only the visible rows are laid out and painted. Two-tier time scale in
//! the interface's language, non-working days shaded, today and status-date lines; task bars
//! with progress, summaries, milestones, the compared baseline under each bar, slack tails,
//! deadlines, critical tasks in the theme's colour, and link arrows. Zoom (Ctrl+wheel around the
//! pointer, buttons, fit, today) and pan (drag the background, Shift+wheel); summaries fold.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, Timelike};
use egui::{Align2, FontId, Rect, RichText, Sense, Stroke, Ui, pos2, vec2};

use super::ViewCtx;
use crate::app::commands::Command;
use crate::i18n::{self, T};
use crate::model::{LinkKind, TaskId};
use crate::schedule::calendar::WorkCalendar;

const ROW_HEIGHT: f32 = 24.0;
const HEADER_HEIGHT: f32 = 38.0;
const MIN_PX_PER_DAY: f32 = 0.05;
const MAX_PX_PER_DAY: f32 = 2000.0;

/// The view's own state.
pub struct GanttState {
    /// Zoom: pixels per calendar day.
    pub px_per_day: f32,
    /// The date-time at the timeline's left edge, in days since the common era.
    pub origin_days: f64,
    pub collapsed: HashSet<TaskId>,
    /// Width of the task list on the left.
    pub table_width: f32,
    fitted: bool,
    /// A bar being moved or resized, or a link being drawn.
    drag: Option<Drag>,
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
        Self {
            px_per_day: 12.0,
            origin_days: 0.0,
            collapsed: HashSet::new(),
            table_width: 420.0,
            fitted: false,
            drag: None,
            filter: Filter::All,
            find: String::new(),
            resource: None,
            calendar: None,
        }
    }
}

/// Which tasks the chart shows (with the summaries above them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    Critical,
    /// Finishing after the compared baseline, or due by the status date and not complete.
    Late,
    Milestones,
}

/// What a bar's context menu asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ContextAction {
    Run(Command),
    /// Remove the task's predecessors.
    Unlink,
    /// Show the task in the task plan.
    Show,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum DragKind {
    Move,
    Resize,
    /// From the bar's left edge (anywhere on a started task's bar): the % complete.
    Progress,
    /// From the bar's finish (or start) to another bar's start or finish.
    Link {
        from_finish: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Drag {
    task: TaskId,
    row: usize,
    kind: DragKind,
    origin_x: f32,
}

fn days_of(at: NaiveDateTime) -> f64 {
    f64::from(at.date().num_days_from_ce()) + f64::from(at.num_seconds_from_midnight()) / 86_400.0
}

fn date_of(days: f64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(days.floor() as i32)
}

/// The two tiers of the time scale at a zoom level: (upper, lower).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    DayHours,
    MonthDays,
    MonthWeeks,
    YearMonths,
    YearQuarters,
}

pub fn scale_for(px_per_day: f32) -> Scale {
    if px_per_day >= 150.0 {
        Scale::DayHours
    } else if px_per_day >= 18.0 {
        Scale::MonthDays
    } else if px_per_day >= 3.0 {
        Scale::MonthWeeks
    } else if px_per_day >= 0.6 {
        Scale::YearMonths
    } else {
        Scale::YearQuarters
    }
}

impl GanttState {
    fn x_of(&self, left: f32, days: f64) -> f32 {
        left + ((days - self.origin_days) as f32) * self.px_per_day
    }

    fn days_at(&self, left: f32, x: f32) -> f64 {
        self.origin_days + f64::from((x - left) / self.px_per_day)
    }

    /// Zooms by `factor` keeping the date under `anchor_x` in place.
    fn zoom(&mut self, left: f32, anchor_x: f32, factor: f32) {
        let anchor = self.days_at(left, anchor_x);
        self.px_per_day = (self.px_per_day * factor).clamp(MIN_PX_PER_DAY, MAX_PX_PER_DAY);
        self.origin_days = anchor - f64::from((anchor_x - left) / self.px_per_day);
    }
}

/// Rows shown: the tasks the filters keep, with the summaries above them, whose summaries are
/// all unfolded, in plan order.
fn visible_rows(view: &ViewCtx<'_>, state: &GanttState) -> Vec<usize> {
    let tasks = &view.project.tasks;
    let keep = kept(view, state);
    let mut out = Vec::with_capacity(tasks.len());
    let mut hide_below: Option<u8> = None;
    for (i, t) in tasks.iter().enumerate() {
        if let Some(level) = hide_below {
            if t.outline_level > level {
                continue;
            }
            hide_below = None;
        }
        if !keep.as_ref().is_none_or(|k| k[i]) {
            continue;
        }
        out.push(i);
        if view.derived.summary[i] && state.collapsed.contains(&t.id) {
            hide_below = Some(t.outline_level);
        }
    }
    out
}

/// For each row, whether the filters keep it (summaries when a task below is kept); `None`
/// when no filter is set.
fn kept(view: &ViewCtx<'_>, state: &GanttState) -> Option<Vec<bool>> {
    let find = state.find.trim().to_lowercase();
    if state.filter == Filter::All && find.is_empty() && state.resource.is_none() {
        return None;
    }
    let project = view.project;
    let schedule = view.derived.schedule.as_ref().ok()?;
    let status = project.meta.status_date.unwrap_or(view.today);
    let baseline = view.derived.baseline_dates(project);
    let staffed: HashSet<TaskId> = state.resource.map_or_else(HashSet::new, |r| {
        project
            .assignments
            .iter()
            .filter(|a| a.resource == r)
            .map(|a| a.task)
            .collect()
    });
    let tasks = &project.tasks;
    let mut keep: Vec<bool> = tasks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            if view.derived.summary[i] {
                return false;
            }
            let d = &schedule.tasks[i];
            let by_filter = match state.filter {
                Filter::All => true,
                Filter::Critical => d.critical,
                Filter::Late => {
                    baseline.get(&t.id).is_some_and(|b| d.finish > b.1)
                        || (d.finish.date() <= status && t.percent_complete < 100)
                }
                Filter::Milestones => t.milestone,
            };
            let by_text = find.is_empty()
                || t.name.to_lowercase().contains(&find)
                || view.derived.wbs[i].starts_with(&find);
            let by_resource = state.resource.is_none() || staffed.contains(&t.id);
            by_filter && by_text && by_resource
        })
        .collect();
    // A summary shows when something below it does.
    let mut stack: Vec<(u8, bool)> = Vec::new();
    for i in (0..tasks.len()).rev() {
        let level = tasks[i].outline_level;
        let mut any = false;
        while stack.last().is_some_and(|top| top.0 > level) {
            if let Some((_, k)) = stack.pop() {
                any |= k;
            }
        }
        if view.derived.summary[i] {
            keep[i] = any;
        }
        stack.push((level, keep[i] || any));
    }
    Some(keep)
}

#[allow(
    clippy::many_single_char_names,
    clippy::too_many_lines,
    reason = "one pass over the visible rows: i (row), k (position), d (dates), x and y"
)]
pub fn gantt_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut GanttState) {
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
    let (first, last) = schedule
        .tasks
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), d| {
            (a.min(days_of(d.start)), b.max(days_of(d.finish)))
        });
    let today = view.project.meta.status_date.unwrap_or(view.today);
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
            view.out.export = Some((
                format!(
                    "{}-gantt.svg",
                    super::dashboard::file_stem(&view.project.meta.name)
                ),
                svg.into_bytes(),
                "SVG",
                "svg",
            ));
        }
        if ui
            .button(T::ExportPng.get(lang))
            .on_hover_text(T::ExportViewPngTip.get(lang))
            .clicked()
        {
            let rect = ui.max_rect();
            view.out.capture = Some((
                egui::Rect::from_min_max(rect.min, ui.ctx().content_rect().max),
                format!(
                    "{}-gantt.png",
                    super::dashboard::file_stem(&view.project.meta.name)
                ),
            ));
        }
        ui.separator();
        ui.label(RichText::new(T::GanttHelp.get(lang)).color(view.theme.muted()));
    });
    filters_ui(ui, view, state);
    let rows = visible_rows(view, state);
    let full = ui.available_rect_before_wrap();
    let timeline_left = full.min.x + state.table_width;
    let timeline_width = (full.max.x - timeline_left).max(50.0);
    if fit || !state.fitted {
        state.fitted = true;
        if first <= last {
            let span = (last - first).max(1.0) + 4.0;
            state.px_per_day =
                ((f64::from(timeline_width) / span) as f32).clamp(MIN_PX_PER_DAY, MAX_PX_PER_DAY);
            state.origin_days = first - 2.0;
        }
    }
    if goto_today {
        state.origin_days = f64::from(today.num_days_from_ce())
            - f64::from(timeline_width / state.px_per_day) / 3.0;
    }

    // The time scale, above the rows.
    let (header, _) = ui.allocate_exact_size(vec2(full.width(), HEADER_HEIGHT), Sense::hover());
    let header_painter = ui.painter_at(header);
    header_ui(&header_painter, view, state, header, timeline_left);

    // Input on the timeline: Ctrl+wheel zooms around the pointer, Shift+wheel pans.
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

    let critical = view.theme.critical();
    let summary_colour = view.theme.summary();
    let bar_colour = view.theme.planned();
    let text_colour = ui.visuals().text_color();
    let muted = view.theme.muted();
    let baseline = view.derived.baseline_dates(view.project);
    let mut toggle: Option<TaskId> = None;
    let mut context: Option<(TaskId, ContextAction)> = None;
    let mut pan = 0.0f32;
    let mut drag_start: Option<Drag> = None;
    let mut dropped: Option<crate::app::edit::Edit> = None;
    let released = ui.input(|i| i.pointer.any_released());
    let press_origin = ui.input(|i| i.pointer.press_origin());
    egui::ScrollArea::vertical()
        .id_salt("gantt-rows")
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
            let top = ui.min_rect().min.y;
            let painter = ui.painter().clone();
            let area = Rect::from_min_max(
                pos2(full.min.x, ui.clip_rect().min.y),
                pos2(full.max.x, ui.clip_rect().max.y),
            );
            // Background drag pans the timeline.
            let bg = ui.interact(
                Rect::from_min_max(pos2(timeline_left, area.min.y), area.max),
                egui::Id::unique("gantt-background"),
                Sense::drag(),
            );
            if bg.dragged() {
                pan += bg.drag_delta().x;
            }
            shade_ui(&painter, view, state, area, timeline_left);
            let y_of = |k: usize| top + (k - range.start) as f32 * ROW_HEIGHT;
            let mut position: HashMap<usize, usize> = HashMap::new();
            for k in range.clone() {
                position.insert(rows[k], k);
            }
            let font = FontId::proportional(13.0);
            for k in range.clone() {
                let i = rows[k];
                let task = &view.project.tasks[i];
                let d = &schedule.tasks[i];
                let y = y_of(k);
                let summary = view.derived.summary[i];
                let is_critical = d.critical && !summary;
                // The list.
                let indent = f32::from(task.outline_level.saturating_sub(1)) * 14.0;
                let name_x = full.min.x + 50.0 + indent;
                painter.text(
                    pos2(full.min.x + 4.0, y + ROW_HEIGHT / 2.0),
                    Align2::LEFT_CENTER,
                    &view.derived.wbs[i],
                    font.clone(),
                    muted,
                );
                if summary {
                    let c = pos2(name_x + 5.0, y + ROW_HEIGHT / 2.0);
                    let folded = state.collapsed.contains(&task.id);
                    let r = 4.5;
                    let points = if folded {
                        vec![
                            pos2(c.x - r * 0.6, c.y - r),
                            pos2(c.x + r * 0.7, c.y),
                            pos2(c.x - r * 0.6, c.y + r),
                        ]
                    } else {
                        vec![
                            pos2(c.x - r, c.y - r * 0.6),
                            pos2(c.x + r, c.y - r * 0.6),
                            pos2(c.x, c.y + r * 0.7),
                        ]
                    };
                    painter.add(egui::Shape::convex_polygon(
                        points,
                        summary_colour,
                        Stroke::NONE,
                    ));
                    let id = egui::Id::unique(("gantt-fold", task.id));
                    let hit = ui.interact(
                        Rect::from_center_size(c, vec2(16.0, 16.0)),
                        id,
                        Sense::click(),
                    );
                    let label = if folded {
                        T::ExpandNamed
                    } else {
                        T::CollapseNamed
                    }
                    .fill(lang, &[("name", &task.name)]);
                    ui.ctx().accesskit_node_builder(id, |n| {
                        n.set_role(egui::accesskit::Role::Button);
                        n.set_label(label);
                    });
                    if hit.clicked() {
                        toggle = Some(task.id);
                    }
                }
                let name_colour = if summary {
                    summary_colour
                } else if is_critical {
                    critical
                } else {
                    text_colour
                };
                let name_rect = Rect::from_min_max(
                    pos2(name_x + 14.0, y),
                    pos2(timeline_left - 200.0, y + ROW_HEIGHT),
                );
                painter.with_clip_rect(name_rect).text(
                    pos2(name_rect.min.x, y + ROW_HEIGHT / 2.0),
                    Align2::LEFT_CENTER,
                    &task.name,
                    font.clone(),
                    name_colour,
                );
                for (x, at) in [
                    (timeline_left - 196.0, d.start),
                    (timeline_left - 98.0, d.finish),
                ] {
                    painter.text(
                        pos2(x, y + ROW_HEIGHT / 2.0),
                        Align2::LEFT_CENTER,
                        i18n::format_date_numeric(at.date()),
                        font.clone(),
                        muted,
                    );
                }
                // The bar.
                let painter = painter.with_clip_rect(Rect::from_min_max(
                    pos2(timeline_left, area.min.y),
                    area.max,
                ));
                let (xs, xf) = (
                    state.x_of(timeline_left, days_of(d.start)),
                    state.x_of(timeline_left, days_of(d.finish)),
                );
                let mid = y + ROW_HEIGHT / 2.0;
                let bar = if task.milestone && !summary {
                    let r = 6.0;
                    let c = pos2(xf, mid);
                    painter.add(egui::Shape::convex_polygon(
                        vec![
                            pos2(c.x, c.y - r),
                            pos2(c.x + r, c.y),
                            pos2(c.x, c.y + r),
                            pos2(c.x - r, c.y),
                        ],
                        if is_critical {
                            critical
                        } else {
                            view.theme.milestone()
                        },
                        Stroke::NONE,
                    ));
                    Rect::from_center_size(c, vec2(2.0 * r, 2.0 * r))
                } else if summary {
                    let r =
                        Rect::from_min_max(pos2(xs, mid - 4.0), pos2(xf.max(xs + 1.0), mid + 1.0));
                    painter.rect_filled(r, 0.0, summary_colour);
                    for x in [r.min.x, r.max.x] {
                        painter.add(egui::Shape::convex_polygon(
                            vec![
                                pos2(x - 4.0, r.max.y),
                                pos2(x + 4.0, r.max.y),
                                pos2(x, r.max.y + 5.0),
                            ],
                            summary_colour,
                            Stroke::NONE,
                        ));
                    }
                    r
                } else {
                    // Baseline under the bar.
                    if let Some((bs, bf)) = baseline.get(&task.id) {
                        let (bx0, bx1) = (
                            state.x_of(timeline_left, days_of(*bs)),
                            state.x_of(timeline_left, days_of(*bf)),
                        );
                        painter.rect_filled(
                            Rect::from_min_max(
                                pos2(bx0, mid + 5.0),
                                pos2(bx1.max(bx0 + 1.0), mid + 8.0),
                            ),
                            1.0,
                            muted,
                        );
                    }
                    let r =
                        Rect::from_min_max(pos2(xs, mid - 6.0), pos2(xf.max(xs + 2.0), mid + 4.0));
                    painter.rect_filled(r, 2.0, if is_critical { critical } else { bar_colour });
                    let done = r.width() * f32::from(task.percent_complete.min(100)) / 100.0;
                    if done > 0.0 {
                        painter.rect_filled(
                            Rect::from_min_max(
                                pos2(r.min.x, mid - 3.0),
                                pos2(r.min.x + done, mid + 1.0),
                            ),
                            1.0,
                            text_colour,
                        );
                    }
                    // Slack tail to the late finish.
                    if d.total_slack_minutes > 0 {
                        let xl = state.x_of(timeline_left, days_of(d.late_finish));
                        painter.line_segment(
                            [pos2(r.max.x, mid - 1.0), pos2(xl, mid - 1.0)],
                            Stroke::new(1.0, muted),
                        );
                    }
                    r
                };
                if let Some(deadline) = task.deadline {
                    let x = state.x_of(timeline_left, f64::from(deadline.num_days_from_ce()) + 1.0);
                    painter.add(egui::Shape::convex_polygon(
                        vec![
                            pos2(x - 4.0, mid - 9.0),
                            pos2(x + 4.0, mid - 9.0),
                            pos2(x, mid - 3.0),
                        ],
                        view.theme.error(),
                        Stroke::NONE,
                    ));
                }
                if !view.derived.resources[i].is_empty() && !summary {
                    painter.text(
                        pos2(bar.max.x + 16.0, mid),
                        Align2::LEFT_CENTER,
                        &view.derived.resources[i],
                        FontId::proportional(11.0),
                        muted,
                    );
                }
                let id = egui::Id::unique(("gantt-bar", task.id));
                let manual = task.mode == crate::model::SchedulingMode::Manual;
                // Summary and manual bars do not move, but take a click (menu, focus); a
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
                if !summary {
                    for (from_finish, hx) in [(false, bar.min.x - 8.0), (true, bar.max.x + 8.0)] {
                        let hr = Rect::from_center_size(pos2(hx, mid), vec2(10.0, 10.0));
                        let hid = egui::Id::unique(("gantt-link", task.id, from_finish));
                        let handle = ui.interact(hr, hid, Sense::drag());
                        let label = if from_finish {
                            T::LinkFromFinish
                        } else {
                            T::LinkFromStart
                        }
                        .fill(lang, &[("row", &(i + 1).to_string()), ("name", &task.name)]);
                        ui.ctx().accesskit_node_builder(hid, |n| {
                            n.set_role(egui::accesskit::Role::Button);
                            n.set_label(label);
                        });
                        if handle.hovered() || response.hovered() {
                            painter.circle_stroke(hr.center(), 3.5, Stroke::new(1.5, text_colour));
                        }
                        if handle.drag_started() {
                            let px = press_origin.map_or(hx, |p| p.x);
                            drag_start = Some(Drag {
                                task: task.id,
                                row: i,
                                kind: DragKind::Link { from_finish },
                                origin_x: px,
                            });
                        }
                    }
                }
                // The ghost of the bar being moved or resized.
                if let Some(drag) = state.drag.filter(|d| d.task == task.id)
                    && let Some(p) = pointer
                {
                    let delta = p.x - drag.origin_x;
                    let ghost = match drag.kind {
                        DragKind::Move => bar.translate(vec2(delta, 0.0)),
                        DragKind::Resize => Rect::from_min_max(
                            bar.min,
                            pos2((bar.max.x + delta).max(bar.min.x + 1.0), bar.max.y),
                        ),
                        DragKind::Progress => {
                            let x = p.x.clamp(bar.min.x, bar.max.x);
                            painter.rect_filled(
                                Rect::from_min_max(pos2(bar.min.x, mid - 3.0), pos2(x, mid + 1.0)),
                                1.0,
                                text_colour,
                            );
                            Rect::NOTHING
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
                            painter.line_segment([from, p], Stroke::new(1.5, text_colour));
                            Rect::NOTHING
                        }
                    };
                    if ghost.is_positive() {
                        painter.rect_stroke(
                            ghost,
                            2.0,
                            Stroke::new(1.5, text_colour),
                            egui::StrokeKind::Outside,
                        );
                    }
                }
                let label =
                    T::BarLabel.fill(lang, &[("row", &(i + 1).to_string()), ("name", &task.name)]);
                ui.ctx().accesskit_node_builder(id, |n| {
                    n.set_role(egui::accesskit::Role::Button);
                    n.set_label(label);
                });
                response
                    .on_hover_ui(|ui| {
                        ui.strong(&task.name);
                        ui.label(format!(
                            "{} – {}",
                            i18n::format_date_time(lang, d.start),
                            i18n::format_date_time(lang, d.finish)
                        ));
                        ui.label(T::DurationSlack.fill(
                            lang,
                            &[
                                (
                                    "duration",
                                    &crate::io::entry::format_duration(task.duration, lang),
                                ),
                                (
                                    "slack",
                                    &format!(
                                        "{:.1}",
                                        d.total_slack_minutes as f64
                                            / f64::from(
                                                view.project.settings.minutes_per_day.max(1)
                                            )
                                    ),
                                ),
                            ],
                        ));
                        if !view.derived.resources[i].is_empty() {
                            ui.label(&view.derived.resources[i]);
                        }
                    })
                    .context_menu(|ui| {
                        for command in [
                            Command::AddTask,
                            Command::InsertTask,
                            Command::AddMilestone,
                            Command::Indent,
                            Command::Outdent,
                            Command::DeleteTask,
                        ] {
                            if ui.button(command.label(lang)).clicked() {
                                context = Some((task.id, ContextAction::Run(command)));
                                ui.close();
                            }
                        }
                        ui.separator();
                        let linked = !view.derived.predecessors[i].is_empty();
                        if ui
                            .add_enabled(linked, egui::Button::new(T::Unlink.get(lang)))
                            .clicked()
                        {
                            context = Some((task.id, ContextAction::Unlink));
                            ui.close();
                        }
                        if ui.button(T::GoToTask.get(lang)).clicked() {
                            context = Some((task.id, ContextAction::Show));
                            ui.close();
                        }
                    });
            }
            // Links into the visible rows, from predecessors shown or not.
            let link_colour = muted;
            let painter = painter.with_clip_rect(Rect::from_min_max(
                pos2(timeline_left, area.min.y),
                area.max,
            ));
            for k in range.clone() {
                let b = rows[k];
                for &l in &view.derived.predecessors[b] {
                    let link = &view.project.links[l];
                    let Some(&a) = view.derived.rows.get(&link.predecessor) else {
                        continue;
                    };
                    let Some(&ka) = position.get(&a) else {
                        continue;
                    };
                    let (da, db) = (&schedule.tasks[a], &schedule.tasks[b]);
                    let from_end = matches!(
                        link.kind,
                        LinkKind::FinishToStart | LinkKind::FinishToFinish
                    );
                    let to_end = matches!(
                        link.kind,
                        LinkKind::FinishToFinish | LinkKind::StartToFinish
                    );
                    let xa = state.x_of(
                        timeline_left,
                        days_of(if from_end { da.finish } else { da.start }),
                    );
                    let xb = state.x_of(
                        timeline_left,
                        days_of(if to_end { db.finish } else { db.start }),
                    );
                    let (ya, yb) = (y_of(ka) + ROW_HEIGHT / 2.0, y_of(k) + ROW_HEIGHT / 2.0);
                    let out_x = if from_end { xa + 6.0 } else { xa - 6.0 };
                    let in_x = if to_end { xb + 6.0 } else { xb - 6.0 };
                    let points = vec![
                        pos2(xa, ya),
                        pos2(out_x, ya),
                        pos2(out_x, f32::midpoint(ya, yb)),
                        pos2(in_x, f32::midpoint(ya, yb)),
                        pos2(in_x, yb),
                        pos2(xb, yb),
                    ];
                    painter.add(egui::Shape::line(points, Stroke::new(1.0, link_colour)));
                    let dir = if to_end { -1.0 } else { 1.0 };
                    painter.add(egui::Shape::convex_polygon(
                        vec![
                            pos2(xb, yb),
                            pos2(xb - dir * 5.0, yb - 3.5),
                            pos2(xb - dir * 5.0, yb + 3.5),
                        ],
                        link_colour,
                        Stroke::NONE,
                    ));
                }
            }
            // A drag ends: the bar's new start or duration, or the link to the bar under the
            // pointer.
            let release_pos = ui.input(|i| i.pointer.interact_pos()).or(pointer);
            if released && let (Some(drag), Some(p)) = (state.drag, release_pos) {
                dropped = drop_edit(
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
            // Today and status date.
            for (date, colour) in [
                (view.today, view.theme.forecast()),
                (today, view.theme.error()),
            ] {
                let x = state.x_of(timeline_left, f64::from(date.num_days_from_ce()) + 1.0);
                painter.line_segment(
                    [pos2(x, area.min.y), pos2(x, area.max.y)],
                    Stroke::new(1.0, colour),
                );
            }
        });
    if pan != 0.0 && state.drag.is_none() {
        state.origin_days -= f64::from(pan / state.px_per_day);
    }
    if let Some(d) = drag_start {
        state.drag = Some(d);
    }
    if released {
        state.drag = None;
        if let Some(edit) = dropped {
            view.out.edit(edit, None);
        }
    }
    if let Some(id) = toggle
        && !state.collapsed.remove(&id)
    {
        state.collapsed.insert(id);
    }
    // The bar's context menu acts on its task: selected first, as in the task plan.
    if let Some((id, action)) = context {
        view.out.select_task = Some(id);
        match action {
            ContextAction::Run(command) => view.out.command(command),
            ContextAction::Unlink => view.out.edit(
                crate::app::edit::Edit::SetPredecessors {
                    task: id,
                    links: Vec::new(),
                },
                None,
            ),
            ContextAction::Show => view.out.view = Some(crate::app::commands::ViewKind::Tasks),
        }
    }
}

/// Show all, critical, late or milestones; find by name or WBS (Ctrl+F); one resource's tasks.
fn filters_ui(ui: &mut Ui, view: &ViewCtx<'_>, state: &mut GanttState) {
    let lang = view.lang;
    ui.horizontal(|ui| {
        for (f, text) in [
            (Filter::All, T::FilterAll),
            (Filter::Critical, T::FilterCritical),
            (Filter::Late, T::FilterLate),
            (Filter::Milestones, T::FilterMilestones),
        ] {
            ui.selectable_value(&mut state.filter, f, text.get(lang));
        }
        ui.separator();
        let response = ui.add(
            egui::TextEdit::singleline(&mut state.find)
                .hint_text(T::FindHint.get(lang))
                .desired_width(180.0),
        );
        ui.ctx().accesskit_node_builder(response.id, |n| {
            n.set_label(T::FindTask.get(lang).to_owned());
        });
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::F)) {
            response.request_focus();
        }
        let name = |r: Option<crate::model::ResourceId>| {
            r.and_then(|r| view.project.resources.iter().find(|x| x.id == r))
                .map_or_else(|| T::AllResources.get(lang).to_owned(), |x| x.name.clone())
        };
        let combo = egui::ComboBox::from_id_salt("gantt-resource")
            .selected_text(name(state.resource))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.resource, None, T::AllResources.get(lang));
                for r in &view.project.resources {
                    ui.selectable_value(&mut state.resource, Some(r.id), &r.name);
                }
            });
        ui.ctx().accesskit_node_builder(combo.response.id, |n| {
            n.set_label(T::ByResource.get(lang).to_owned());
        });
    });
}

/// The edit a finished drag makes, or `None` when it changes nothing (or a message is shown).
fn drop_edit(
    view: &ViewCtx<'_>,
    state: &GanttState,
    drag: Drag,
    p: egui::Pos2,
    row_at: impl Fn(f32) -> Option<usize>,
    left: f32,
) -> Option<crate::app::edit::Edit> {
    use crate::app::edit::{Edit, TaskField};
    use crate::model::{Constraint, Duration, Lag, Link};
    let schedule = view.derived.schedule.as_ref().ok()?;
    let (_, cal) = state.calendar.as_ref()?;
    let task = &view.project.tasks[drag.row];
    let d = schedule.tasks.get(drag.row)?;
    // Days at day zoom, hours at hour zoom.
    let step = if state.px_per_day >= 150.0 {
        1.0 / 24.0
    } else {
        1.0
    };
    let moved = (f64::from((p.x - drag.origin_x) / state.px_per_day) / step).round() * step;
    match drag.kind {
        DragKind::Move => {
            if moved == 0.0 {
                return None;
            }
            let minutes = (moved * 1440.0).round() as i64;
            let target = d.start + chrono::Duration::minutes(minutes);
            // As in MS Project: a moved task gets a start-no-earlier-than constraint, on the
            // next working time.
            let start = if task.milestone {
                target
            } else {
                cal.next_working(target).unwrap_or(target)
            };
            Some(Edit::SetTask {
                id: task.id,
                field: TaskField::Constraint(Constraint::StartNoEarlierThan(start)),
            })
        }
        DragKind::Resize => {
            if moved == 0.0 {
                return None;
            }
            let finish = d.finish + chrono::Duration::minutes((moved * 1440.0).round() as i64);
            let minutes = cal.working_minutes_between(d.start, finish).max(0);
            let per_day = f64::from(view.project.settings.minutes_per_day.max(1));
            let duration = if step < 1.0 {
                Duration {
                    amount: (minutes as f64 / 60.0).round(),
                    unit: crate::model::DurationUnit::Hours,
                }
            } else {
                Duration::days((minutes as f64 / per_day).round())
            };
            Some(Edit::SetTask {
                id: task.id,
                field: TaskField::Duration(duration),
            })
        }
        DragKind::Progress => {
            let (xs, xf) = (
                state.x_of(left, days_of(d.start)),
                state.x_of(left, days_of(d.finish)),
            );
            let share = if xf > xs {
                ((p.x - xs) / (xf - xs)).clamp(0.0, 1.0)
            } else {
                1.0
            };
            let percent = (share * 100.0).round() as u8;
            if percent == task.percent_complete {
                return None;
            }
            let update = crate::schedule::progress::update_task(
                view.project,
                drag.row,
                (d.start, d.finish),
                crate::schedule::progress::TaskUpdate::Percent(percent),
            )
            .ok()?;
            Some(Edit::SetProgress(Box::new(update)))
        }
        DragKind::Link { from_finish } => {
            let target = row_at(p.y)?;
            if target == drag.row {
                return None;
            }
            let to = &view.project.tasks[target];
            let td = schedule.tasks.get(target)?;
            let (xs, xf) = (
                state.x_of(left, days_of(td.start)),
                state.x_of(left, days_of(td.finish)),
            );
            let to_start = p.x <= f32::midpoint(xs, xf);
            let kind = match (from_finish, to_start) {
                (true, true) => LinkKind::FinishToStart,
                (false, true) => LinkKind::StartToStart,
                (true, false) => LinkKind::FinishToFinish,
                (false, false) => LinkKind::StartToFinish,
            };
            let mut links: Vec<Link> = view
                .project
                .links
                .iter()
                .filter(|l| l.successor == to.id)
                .copied()
                .collect();
            if links.iter().any(|l| l.predecessor == task.id) {
                return None;
            }
            links.push(Link {
                predecessor: task.id,
                successor: to.id,
                kind,
                lag: Lag::None,
            });
            if super::task_plan::would_cycle(view, to.id, &links) {
                return None;
            }
            Some(Edit::SetPredecessors { task: to.id, links })
        }
    }
}

/// Non-working days shaded, when days are wide enough to see.
fn shade_ui(
    painter: &egui::Painter,
    view: &ViewCtx<'_>,
    state: &GanttState,
    area: Rect,
    left: f32,
) {
    if state.px_per_day < 3.0 {
        return;
    }
    let Some((_, cal)) = &state.calendar else {
        return;
    };
    let first = state.days_at(left, left).floor();
    let last = state.days_at(left, area.max.x).ceil();
    let mut d = first;
    while d <= last {
        if let Some(date) = date_of(d)
            && !cal.is_working_day(date)
        {
            let x0 = state.x_of(left, d).max(left);
            let x1 = state.x_of(left, d + 1.0);
            painter.rect_filled(
                Rect::from_min_max(pos2(x0, area.min.y), pos2(x1, area.max.y)),
                0.0,
                view.theme.heat_off(),
            );
        }
        d += 1.0;
    }
}

/// The two tiers of the time scale and the list's titles.
fn header_ui(
    painter: &egui::Painter,
    view: &ViewCtx<'_>,
    state: &GanttState,
    rect: Rect,
    left: f32,
) {
    let lang = view.lang;
    let text = view.theme.heat_text();
    let muted = view.theme.muted();
    let font = FontId::proportional(12.0);
    for (x, title) in [
        (rect.min.x + 4.0, T::ColWbs),
        (rect.min.x + 50.0, T::ColName),
        (left - 196.0, T::ColStart),
        (left - 98.0, T::ColFinish),
    ] {
        painter.text(
            pos2(x, rect.max.y - 6.0),
            Align2::LEFT_BOTTOM,
            title.get(lang),
            font.clone(),
            text,
        );
    }
    let clip = painter.with_clip_rect(Rect::from_min_max(pos2(left, rect.min.y), rect.max));
    let first = state.days_at(left, left).floor();
    let last = state.days_at(left, rect.max.x).ceil();
    let scale = scale_for(state.px_per_day);
    let (Some(start), Some(end)) = (date_of(first), date_of(last)) else {
        return;
    };
    let mid = rect.min.y + HEADER_HEIGHT / 2.0;
    // Upper tier.
    let mut upper: Vec<(NaiveDate, String)> = Vec::new();
    let mut lower: Vec<(f64, String)> = Vec::new();
    let mut d = start;
    while d <= end {
        let day = f64::from(d.num_days_from_ce());
        match scale {
            Scale::DayHours => {
                upper.push((d, i18n::format_date(lang, d)));
                for h in (0..24).step_by(6) {
                    lower.push((day + f64::from(h) / 24.0, format!("{h:02}:00")));
                }
            }
            Scale::MonthDays => {
                if d.day() == 1 || d == start {
                    upper.push((
                        d,
                        format!("{} {}", i18n::month_name(lang, d.month0()), d.year()),
                    ));
                }
                lower.push((day, d.day().to_string()));
            }
            Scale::MonthWeeks => {
                if d.day() == 1 || d == start {
                    upper.push((
                        d,
                        format!("{} {}", i18n::month_name(lang, d.month0()), d.year()),
                    ));
                }
                if d.weekday() == chrono::Weekday::Mon {
                    lower.push((day, d.day().to_string()));
                }
            }
            Scale::YearMonths => {
                if d.ordinal() == 1 || d == start {
                    upper.push((d, d.year().to_string()));
                }
                if d.day() == 1 {
                    lower.push((day, i18n::month_name(lang, d.month0()).to_owned()));
                }
            }
            Scale::YearQuarters => {
                if d.ordinal() == 1 || d == start {
                    upper.push((d, d.year().to_string()));
                }
                if d.day() == 1 && d.month0() % 3 == 0 {
                    lower.push((day, format!("T{}", d.month0() / 3 + 1)));
                }
            }
        }
        d = d.checked_add_days(Days::new(1)).unwrap_or(NaiveDate::MAX);
        if d == NaiveDate::MAX {
            break;
        }
    }
    for (date, label) in upper {
        let x = state
            .x_of(left, f64::from(date.num_days_from_ce()))
            .max(left);
        clip.line_segment([pos2(x, rect.min.y), pos2(x, mid)], Stroke::new(1.0, muted));
        clip.text(
            pos2(x + 3.0, rect.min.y + 2.0),
            Align2::LEFT_TOP,
            label,
            font.clone(),
            text,
        );
    }
    for (day, label) in lower {
        let x = state.x_of(left, day);
        clip.line_segment(
            [pos2(x, mid), pos2(x, rect.max.y)],
            Stroke::new(1.0, muted.gamma_multiply(0.5)),
        );
        clip.text(
            pos2(x + 2.0, rect.max.y - 2.0),
            Align2::LEFT_BOTTOM,
            label,
            FontId::proportional(11.0),
            muted,
        );
    }
}

/// The time scale at the current zoom, for tests and screen readers.
pub fn scale_name(state: &GanttState) -> Scale {
    scale_for(state.px_per_day)
}
