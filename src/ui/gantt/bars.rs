//! What the timeline paints for a row: the task bar (critical ones in the theme's critical
//! colour) with its progress, the compared baseline under it, the slack tail, the deadline and
//! constraint markers and the label beside it; summary brackets; milestone diamonds; and the
//! link arrows between bars.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDateTime};
use egui::{Align2, FontId, Painter, Rect, Shape, Stroke, pos2, vec2};

use super::scale::days_of;
use super::state::{BarLabel, GanttState};
use crate::model::{Constraint, LinkKind, Pin, TaskId};
use crate::schedule::cpm::TaskDates;
use crate::ui::ViewCtx;

/// The diamond's half size.
const MILESTONE_R: f32 = 6.0;

/// Where row `i`'s bar is, from its dates, for painting and hit tests.
pub fn bar_rect(
    state: &GanttState,
    left: f32,
    mid: f32,
    (start, finish): (NaiveDateTime, NaiveDateTime),
    milestone: bool,
    summary: bool,
) -> Rect {
    let xs = state.x_of(left, days_of(start));
    let xf = state.x_of(left, days_of(finish));
    if milestone && !summary {
        Rect::from_center_size(pos2(xf, mid), vec2(2.0 * MILESTONE_R, 2.0 * MILESTONE_R))
    } else if summary {
        Rect::from_min_max(pos2(xs, mid - 4.0), pos2(xf.max(xs + 1.0), mid + 1.0))
    } else {
        Rect::from_min_max(pos2(xs, mid - 6.0), pos2(xf.max(xs + 2.0), mid + 4.0))
    }
}

fn diamond(c: egui::Pos2, r: f32) -> Vec<egui::Pos2> {
    vec![
        pos2(c.x, c.y - r),
        pos2(c.x + r, c.y),
        pos2(c.x, c.y + r),
        pos2(c.x - r, c.y),
    ]
}

/// Paints row `i`'s bar and what goes with it; returns the bar's rectangle.
#[allow(
    clippy::too_many_arguments,
    reason = "each is a different aspect of the row"
)]
pub fn bar_ui(
    painter: &Painter,
    view: &ViewCtx<'_>,
    state: &GanttState,
    left: f32,
    baseline: &HashMap<TaskId, (NaiveDateTime, NaiveDateTime)>,
    i: usize,
    d: &TaskDates,
    mid: f32,
) -> Rect {
    let theme = view.theme;
    let task = &view.project.tasks[i];
    let summary = view.derived.summary[i];
    let is_critical = d.critical && !summary;
    let muted = theme.muted();
    let bar = bar_rect(
        state,
        left,
        mid,
        (d.start, d.finish),
        task.milestone,
        summary,
    );
    if task.milestone && !summary {
        let colour = if is_critical {
            theme.critical()
        } else {
            theme.milestone()
        };
        painter.add(Shape::convex_polygon(
            diamond(bar.center(), MILESTONE_R),
            colour,
            Stroke::NONE,
        ));
    } else if summary {
        summary_bar_ui(painter, view, i, bar);
    } else {
        if let Some((bs, bf)) = baseline.get(&task.id) {
            let (bx0, bx1) = (
                state.x_of(left, days_of(*bs)),
                state.x_of(left, days_of(*bf)),
            );
            painter.rect_filled(
                Rect::from_min_max(pos2(bx0, mid + 5.0), pos2(bx1.max(bx0 + 1.0), mid + 8.0)),
                1.0,
                muted,
            );
        }
        let index = state
            .risk_tint
            .then(|| view.analysis.result.as_ref()?.criticality_of(task.id))
            .flatten();
        let fill = match index {
            // The share of iterations it was critical in, from the plan's blue to red.
            Some(share) => theme.criticality(share),
            None if is_critical => theme.critical(),
            None => theme.planned(),
        };
        painter.rect_filled(bar, 2.0, fill);
        let done = bar.width() * f32::from(task.percent_complete.min(100)) / 100.0;
        if done > 0.0 {
            painter.rect_filled(
                Rect::from_min_max(
                    pos2(bar.min.x, mid - 3.0),
                    pos2(bar.min.x + done, mid + 1.0),
                ),
                1.0,
                theme.heat_text(),
            );
        }
        // Slack tail to the late finish.
        if d.total_slack_minutes > 0 {
            let xl = state.x_of(left, days_of(d.late_finish));
            painter.line_segment(
                [pos2(bar.max.x, mid - 1.0), pos2(xl, mid - 1.0)],
                Stroke::new(1.0, muted),
            );
        }
    }
    if let Some(deadline) = task.deadline {
        deadline_marker_ui(painter, view, state, left, deadline, mid);
    }
    constraint_marker_ui(painter, view, state, left, task.constraint, mid);
    let label = bar_label(view, state, i, summary, d.finish.date());
    if !label.is_empty() {
        painter.text(
            pos2(bar.max.x + 16.0, mid),
            Align2::LEFT_CENTER,
            label,
            FontId::proportional(11.0),
            muted,
        );
    }
    bar
}

/// A summary's bracket, with the phase's progress along it.
fn summary_bar_ui(painter: &Painter, view: &ViewCtx<'_>, i: usize, bar: Rect) {
    let theme = view.theme;
    painter.rect_filled(bar, 0.0, theme.summary());
    // The phase's progress, rolled up from its subtasks, as a line along the bracket.
    let percent = view.derived.rolled_percent(view.project)[i];
    if percent > 0.0 {
        let done = bar.width() * (percent / 100.0) as f32;
        painter.rect_filled(
            Rect::from_min_max(
                pos2(bar.min.x, bar.center().y - 1.0),
                pos2(bar.min.x + done, bar.center().y + 1.0),
            ),
            0.0,
            theme.heat_text(),
        );
    }
    for x in [bar.min.x, bar.max.x] {
        painter.add(Shape::convex_polygon(
            vec![
                pos2(x - 4.0, bar.max.y),
                pos2(x + 4.0, bar.max.y),
                pos2(x, bar.max.y + 5.0),
            ],
            theme.summary(),
            Stroke::NONE,
        ));
    }
}

/// The deadline's marker, above the bar at the end of its day.
fn deadline_marker_ui(
    painter: &Painter,
    view: &ViewCtx<'_>,
    state: &GanttState,
    left: f32,
    deadline: chrono::NaiveDate,
    mid: f32,
) {
    let x = state.x_of(left, f64::from(deadline.num_days_from_ce()) + 1.0);
    painter.add(Shape::convex_polygon(
        vec![
            pos2(x - 4.0, mid - 9.0),
            pos2(x + 4.0, mid - 9.0),
            pos2(x, mid - 3.0),
        ],
        view.theme.error(),
        Stroke::NONE,
    ));
}

/// What is written beside row `i`'s bar.
fn bar_label(
    view: &ViewCtx<'_>,
    state: &GanttState,
    i: usize,
    summary: bool,
    finish: chrono::NaiveDate,
) -> String {
    let task = &view.project.tasks[i];
    // A milestone says what and when, as MS Project labels them (it has no resources).
    if task.milestone && !summary && state.bar_label != BarLabel::None {
        let date = crate::i18n::format_date(view.lang, finish);
        return format!("{} · {date}", task.name);
    }
    match state.bar_label {
        BarLabel::None => String::new(),
        BarLabel::Name => task.name.clone(),
        BarLabel::Resources if summary => String::new(),
        BarLabel::Resources => view.derived.resources[i].clone(),
        BarLabel::NameAndResources if view.derived.resources[i].is_empty() || summary => {
            task.name.clone()
        }
        BarLabel::NameAndResources => format!("{} — {}", task.name, view.derived.resources[i]),
    }
}

/// A dated constraint shows where it pins the task: a bracket opening towards the side the
/// task may move to (a start-no-earlier-than opens right, a finish-no-later-than left), a
/// must-start/finish-on a closed pin.
fn constraint_marker_ui(
    painter: &Painter,
    view: &ViewCtx<'_>,
    state: &GanttState,
    left: f32,
    constraint: Constraint,
    mid: f32,
) {
    let Some((at, pin)) = constraint.pin() else {
        return;
    };
    let opens = match pin {
        Pin::NoEarlier => 1.0,
        Pin::NoLater => -1.0,
        Pin::On => 0.0,
    };
    let x = state.x_of(left, days_of(at));
    let colour = view.theme.constraint();
    let stroke = Stroke::new(1.5, colour);
    let (top, bottom) = (mid - 9.0, mid + 7.0);
    painter.line_segment([pos2(x, top), pos2(x, bottom)], stroke);
    if opens == 0.0 {
        painter.circle_filled(pos2(x, top), 2.5, colour);
    } else {
        for y in [top, bottom] {
            painter.line_segment([pos2(x, y), pos2(x + 4.0 * opens, y)], stroke);
        }
    }
}

/// The arrows of the links into the rows on screen (plan row, middle of its bar), from
/// predecessors on screen. A
/// finish-to-start link to a bar that starts after its predecessor ends goes right then down
/// onto the bar's top, as MS Project draws it; the others go out, across between the rows, and
/// in, so that no arrow runs along a bar.
pub fn links_ui(
    painter: &Painter,
    view: &ViewCtx<'_>,
    state: &GanttState,
    left: f32,
    schedule: &crate::schedule::cpm::Schedule,
    on_screen: &[(usize, f32)],
) {
    let colour = view.theme.muted();
    let stroke = Stroke::new(1.0, colour);
    let mid_of: HashMap<usize, f32> = on_screen.iter().copied().collect();
    for &(b, yb) in on_screen {
        for &l in &view.derived.predecessors[b] {
            let link = &view.project.links[l];
            let Some(&a) = view.derived.rows.get(&link.predecessor) else {
                continue;
            };
            let Some(&ya) = mid_of.get(&a) else {
                continue;
            };
            let (da, db) = (&schedule.tasks[a], &schedule.tasks[b]);
            let (from_end, to_end) = (link.kind.from_finish(), link.kind.to_finish());
            let xa = state.x_of(left, days_of(if from_end { da.finish } else { da.start }));
            let xb = state.x_of(left, days_of(if to_end { db.finish } else { db.start }));
            let down = yb > ya;
            if link.kind == LinkKind::FinishToStart && xb >= xa + 8.0 {
                // Right, then down (or up) onto the successor's bar.
                let tip_y = if down { yb - 7.0 } else { yb + 5.0 };
                let x = xb + 3.0;
                painter.add(Shape::line(
                    vec![pos2(xa, ya), pos2(x, ya), pos2(x, tip_y)],
                    stroke,
                ));
                let dir = if down { 1.0 } else { -1.0 };
                painter.add(Shape::convex_polygon(
                    vec![
                        pos2(x, tip_y),
                        pos2(x - 3.5, tip_y - dir * 5.0),
                        pos2(x + 3.5, tip_y - dir * 5.0),
                    ],
                    colour,
                    Stroke::NONE,
                ));
                continue;
            }
            let out_x = if from_end { xa + 6.0 } else { xa - 6.0 };
            let in_x = if to_end { xb + 6.0 } else { xb - 6.0 };
            // Across on the boundary between rows, just above the successor's row.
            let across = if down { yb - 12.0 } else { yb + 12.0 };
            painter.add(Shape::line(
                vec![
                    pos2(xa, ya),
                    pos2(out_x, ya),
                    pos2(out_x, across),
                    pos2(in_x, across),
                    pos2(in_x, yb),
                    pos2(xb, yb),
                ],
                stroke,
            ));
            let dir = if to_end { -1.0 } else { 1.0 };
            painter.add(Shape::convex_polygon(
                vec![
                    pos2(xb, yb),
                    pos2(xb - dir * 5.0, yb - 3.5),
                    pos2(xb - dir * 5.0, yb + 3.5),
                ],
                colour,
                Stroke::NONE,
            ));
        }
    }
}
