//! The whole Gantt chart as an SVG document, every row and the full time span, in print
//! colours: what a large plan needs to be printed or put in a report (the screen shows only a
//! window of it).

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use crate::i18n::{self, Lang};
use crate::model::{Project, Task, outline};
use crate::schedule::cpm::{Schedule, TaskDates};

const ROW: f64 = 20.0;
const HEADER: f64 = 40.0;
const LIST: f64 = 420.0;

fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn days(at: NaiveDateTime) -> f64 {
    f64::from(at.date().num_days_from_ce()) + f64::from(at.num_seconds_from_midnight()) / 86_400.0
}

/// Where a dated constraint pins the task, as the screen draws it: a bracket opening the way
/// the task may move (start/finish no earlier than: right; no later than: left), a pin for
/// must start/finish on.
fn constraint_marker(
    constraint: crate::model::Constraint,
    mid: f64,
    x: &impl Fn(f64) -> f64,
) -> Option<String> {
    use crate::model::Pin;
    let (at, pin) = constraint.pin()?;
    let opens = match pin {
        Pin::NoEarlier => 1.0,
        Pin::NoLater => -1.0,
        Pin::On => 0.0,
    };
    let xc = x(days(at));
    let (top, bottom) = (mid - 8.0, mid + 6.0);
    let end = xc + 4.0 * opens;
    let path = if opens == 0.0 {
        format!("M{xc:.1},{top:.1} V{bottom:.1}")
    } else {
        format!("M{end:.1},{top:.1} H{xc:.1} V{bottom:.1} H{end:.1}")
    };
    Some(format!(
        r##"<path class="constraint" d="{path}" fill="none" stroke="#00838f" stroke-width="1.5"/>
"##
    ))
}

/// The chart's scale, shared by its layers: the first day drawn, the pixels per day, the
/// height of the drawing.
struct Frame {
    first: f64,
    last: f64,
    px_per_day: f64,
    height: f64,
}

impl Frame {
    /// Every scheduled date with two days' margin either side, below a header and after the
    /// task list.
    fn new(project: &Project, schedule: &Schedule, px_per_day: f64) -> Self {
        let (first, last) = schedule
            .tasks
            .iter()
            .fold((f64::MAX, f64::MIN), |(a, b), d| {
                (a.min(days(d.start)), b.max(days(d.finish)))
            });
        let (first, last) = if first <= last {
            (first.floor() - 2.0, last.ceil() + 2.0)
        } else {
            (0.0, 1.0)
        };
        Self {
            first,
            last,
            px_per_day,
            height: HEADER + ROW * project.tasks.len() as f64 + 10.0,
        }
    }

    /// The abscissa of day `d` (days since the common era, with the time of day as fraction).
    fn x(&self, d: f64) -> f64 {
        LIST + (d - self.first) * self.px_per_day
    }
}

/// The chart with `px_per_day` pixels per calendar day; `wbs` are the rows' codes. Drawn
/// layer after layer, in the order the screen paints them.
pub fn gantt_svg(
    project: &Project,
    schedule: &Schedule,
    wbs: &[String],
    px_per_day: f64,
    lang: Lang,
) -> String {
    let frame = Frame::new(project, schedule, px_per_day);
    let width = frame.x(frame.last) + 20.0;
    let height = frame.height;
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="sans-serif" font-size="11">"#
    );
    let _ = writeln!(
        out,
        r#"<title>{}</title><rect width="100%" height="100%" fill="white"/>"#,
        esc(&project.meta.name)
    );
    month_marks(&mut out, &frame, lang);
    rows(&mut out, project, schedule, wbs, &frame);
    links(&mut out, project, schedule, &frame);
    if let Some(status) = project.meta.status_date {
        let xs = frame.x(f64::from(status.num_days_from_ce()) + 1.0);
        let _ = writeln!(
            out,
            r##"<line x1="{xs:.1}" y1="{HEADER}" x2="{xs:.1}" y2="{height:.0}" stroke="#c62828" stroke-dasharray="4 3"/>"##
        );
    }
    out.push_str("</svg>\n");
    out
}

/// Month marks and labels.
fn month_marks(out: &mut String, frame: &Frame, lang: Lang) {
    let height = frame.height;
    if let (Some(mut m), Some(end)) = (
        NaiveDate::from_num_days_from_ce_opt(frame.first as i32).and_then(|d| d.with_day(1)),
        NaiveDate::from_num_days_from_ce_opt(frame.last as i32),
    ) {
        while m <= end {
            let xm = frame.x(f64::from(m.num_days_from_ce()));
            if xm >= LIST {
                let _ = writeln!(
                    out,
                    r##"<line x1="{xm:.1}" y1="{HEADER}" x2="{xm:.1}" y2="{height:.0}" stroke="#e0e0e0"/>"##
                );
                let _ = writeln!(
                    out,
                    r##"<text x="{:.1}" y="{}" fill="#333">{} {}</text>"##,
                    xm + 2.0,
                    HEADER - 8.0,
                    esc(i18n::month_name(lang, m.month0())),
                    m.year()
                );
            }
            m = m
                .checked_add_months(chrono::Months::new(1))
                .unwrap_or(NaiveDate::MAX);
            if m == NaiveDate::MAX {
                break;
            }
        }
    }
}

/// Each task's row: its code and name in the list, its bar, its constraint.
fn rows(out: &mut String, project: &Project, schedule: &Schedule, wbs: &[String], frame: &Frame) {
    // The compared baseline (the one earned value uses), drawn under each bar, and the phases'
    // progress rolled up from their subtasks.
    let baseline = crate::schedule::baseline::compared_dates(project);
    let rolled = crate::schedule::progress::rolled_percent(project);
    for (i, task) in project.tasks.iter().enumerate() {
        let Some(d) = schedule.tasks.get(i) else {
            continue;
        };
        let y = HEADER + ROW * i as f64;
        let mid = y + ROW / 2.0;
        let summary = outline::is_summary(&project.tasks, i);
        let indent = f64::from(task.outline_level.saturating_sub(1)) * 12.0;
        let weight = if summary { "bold" } else { "normal" };
        let colour = if d.critical && !summary {
            "#c62828"
        } else {
            "#222"
        };
        let _ = writeln!(
            out,
            r##"<text x="4" y="{:.1}" fill="#777">{}</text><text x="{:.1}" y="{:.1}" fill="{colour}" font-weight="{weight}">{}</text>"##,
            mid + 4.0,
            esc(wbs.get(i).map_or("", String::as_str)),
            60.0 + indent,
            mid + 4.0,
            esc(&task.name)
        );
        if task.milestone && !summary {
            milestone(out, frame, d, mid);
        } else if summary {
            summary_bar(out, frame, d, mid, rolled.get(i).copied().unwrap_or(0.0));
        } else {
            task_bar(out, frame, task, d, mid, baseline.get(&task.id));
        }
        if let Some(marker) = constraint_marker(task.constraint, mid, &|d| frame.x(d)) {
            out.push_str(&marker);
        }
    }
}

/// A milestone's diamond, at its finish.
fn milestone(out: &mut String, frame: &Frame, d: &TaskDates, mid: f64) {
    let xf = frame.x(days(d.finish));
    let _ = writeln!(
        out,
        r##"<polygon points="{xf:.1},{:.1} {:.1},{mid:.1} {xf:.1},{:.1} {:.1},{mid:.1}" fill="#5b2c9e"/>"##,
        mid - 6.0,
        xf + 6.0,
        mid + 6.0,
        xf - 6.0
    );
}

/// A summary's thin bar, with the progress `rolled` (0–100) of its subtasks.
fn summary_bar(out: &mut String, frame: &Frame, d: &TaskDates, mid: f64, rolled: f64) {
    let (xs, xf) = (frame.x(days(d.start)), frame.x(days(d.finish)));
    let w = (xf - xs).max(1.0);
    let _ = writeln!(
        out,
        r##"<rect x="{xs:.1}" y="{:.1}" width="{w:.1}" height="4" fill="#0b3d91"/>"##,
        mid - 4.0
    );
    let done = w * rolled / 100.0;
    if done > 0.0 {
        let _ = writeln!(
            out,
            r##"<rect class="progress" x="{xs:.1}" y="{:.1}" width="{done:.1}" height="2" fill="#222"/>"##,
            mid - 3.0
        );
    }
}

/// A task's bar (red when critical) with its progress, over its `baseline` dates if it has
/// some.
fn task_bar(
    out: &mut String,
    frame: &Frame,
    task: &Task,
    d: &TaskDates,
    mid: f64,
    baseline: Option<&(NaiveDateTime, NaiveDateTime)>,
) {
    let (xs, xf) = (frame.x(days(d.start)), frame.x(days(d.finish)));
    if let Some((bs, bf)) = baseline {
        let (bx0, bx1) = (frame.x(days(*bs)), frame.x(days(*bf)));
        let _ = writeln!(
            out,
            r##"<rect class="baseline" x="{bx0:.1}" y="{:.1}" width="{:.1}" height="3" fill="#9e9e9e"/>"##,
            mid + 5.0,
            (bx1 - bx0).max(1.0)
        );
    }
    let fill = if d.critical { "#e57373" } else { "#6a9ae8" };
    let w = (xf - xs).max(2.0);
    let _ = writeln!(
        out,
        r#"<rect x="{xs:.1}" y="{:.1}" width="{w:.1}" height="10" rx="2" fill="{fill}"/>"#,
        mid - 6.0
    );
    let done = w * f64::from(task.percent_complete.min(100)) / 100.0;
    if done > 0.0 {
        let _ = writeln!(
            out,
            r##"<rect x="{xs:.1}" y="{:.1}" width="{done:.1}" height="4" fill="#222"/>"##,
            mid - 3.0
        );
    }
}

/// The links, from the end of the predecessor they leave to the end of the successor they
/// reach.
fn links(out: &mut String, project: &Project, schedule: &Schedule, frame: &Frame) {
    let rows = outline::positions(&project.tasks);
    for link in &project.links {
        let (Some(&a), Some(&b)) = (rows.get(&link.predecessor), rows.get(&link.successor)) else {
            continue;
        };
        let (Some(da), Some(db)) = (schedule.tasks.get(a), schedule.tasks.get(b)) else {
            continue;
        };
        let (from_end, to_end) = (link.kind.from_finish(), link.kind.to_finish());
        let xa = frame.x(days(if from_end { da.finish } else { da.start }));
        let xb = frame.x(days(if to_end { db.finish } else { db.start }));
        let (ya, yb) = (
            HEADER + ROW * a as f64 + ROW / 2.0,
            HEADER + ROW * b as f64 + ROW / 2.0,
        );
        let out_x = if from_end { xa + 5.0 } else { xa - 5.0 };
        let in_x = if to_end { xb + 5.0 } else { xb - 5.0 };
        let ym = f64::midpoint(ya, yb);
        let _ = writeln!(
            out,
            r##"<polyline points="{xa:.1},{ya:.1} {out_x:.1},{ya:.1} {out_x:.1},{ym:.1} {in_x:.1},{ym:.1} {in_x:.1},{yb:.1} {xb:.1},{yb:.1}" fill="none" stroke="#888"/>"##
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_becomes_one_svg_with_every_task() {
        let project = crate::io::document::parse(crate::SAMPLE_RON, "sample").unwrap();
        let schedule = crate::schedule::cpm::schedule(&project).unwrap();
        let wbs = outline::wbs_codes(&project.tasks);
        let svg = gantt_svg(&project, &schedule, &wbs, 4.0, Lang::En);
        assert!(svg.starts_with("<svg"));
        assert!(svg.trim_end().ends_with("</svg>"));
        for task in &project.tasks {
            assert!(svg.contains(&esc(&task.name)), "{} missing", task.name);
        }
        assert_eq!(svg.matches("<polyline").count(), project.links.len());
        // The compared baseline under every task it holds, the constraints, the phases'
        // progress: what the screen shows, printed.
        let baseline = project
            .baselines
            .iter()
            .find(|b| b.number == project.earned_value.baseline)
            .unwrap();
        let leaves_in_baseline = baseline
            .tasks
            .iter()
            .filter(|b| {
                project.tasks.iter().enumerate().any(|(i, t)| {
                    t.id == b.task && !t.milestone && !outline::is_summary(&project.tasks, i)
                })
            })
            .count();
        assert!(leaves_in_baseline > 0);
        assert_eq!(
            svg.matches(r#"class="baseline""#).count(),
            leaves_in_baseline
        );
        let constrained = project
            .tasks
            .iter()
            .filter(|t| t.constraint.pin().is_some())
            .count();
        assert_eq!(svg.matches(r#"class="constraint""#).count(), constrained);
        assert!(
            svg.contains(r#"class="progress""#),
            "the done phases show progress"
        );
    }
}
