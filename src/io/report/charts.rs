//! The report's two charts: a one-page Gantt of the phases and milestones, and the S-curve of
//! planned value, earned value and actual cost with the forecast to completion.

use chrono::NaiveDate;

use super::drawing::{Anchor, Drawing, Shape, TimeAxis};
use super::style;
use crate::i18n::{self, Lang, T};
use crate::model::Project;
use crate::schedule::cpm::Schedule;
use crate::schedule::earned_value::EvPoint;

const WIDTH: f32 = 760.0;
const LABEL: f32 = 230.0;
const ROW: f32 = 15.0;
const HEAD: f32 = 18.0;

fn months(lang: Lang) -> [&'static str; 12] {
    std::array::from_fn(|m| i18n::month_name(lang, m as u32))
}

/// `text` cut to about `chars` characters, with an ellipsis.
fn short(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(chars.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

pub(super) fn gantt(p: &Project, s: &Schedule, status: NaiveDate, lang: Lang) -> Drawing {
    let rows = super::sections::gantt_rows(p);
    let dates = |row: usize| {
        s.tasks
            .get(row)
            .map_or((p.tasks[row].start, p.tasks[row].finish), |d| {
                (d.start, d.finish)
            })
    };
    let first = rows
        .iter()
        .map(|&r| dates(r).0.date())
        .min()
        .unwrap_or(status);
    let last = rows
        .iter()
        .map(|&r| dates(r).1.date())
        .max()
        .unwrap_or(status)
        .max(first + chrono::Days::new(7));
    let axis = TimeAxis {
        first,
        last,
        left: LABEL,
        right: WIDTH - 10.0,
    };
    let height = HEAD + ROW * rows.len() as f32 + 6.0;
    let mut d = Drawing {
        width: WIDTH,
        height,
        shapes: Vec::new(),
    };
    axis.ticks(&mut d, (HEAD - 6.0, height), &months(lang));
    for (k, &row) in rows.iter().enumerate() {
        let task = &p.tasks[row];
        let y = HEAD + ROW * k as f32;
        if k % 2 == 0 {
            d.shapes.push(Shape::Rect {
                x: 0.0,
                y,
                w: WIDTH,
                h: ROW,
                fill: style::BAND,
            });
        }
        let phase = task.outline_level == 1 && !task.milestone;
        d.shapes.push(Shape::Text {
            x: if phase { 4.0 } else { 14.0 },
            y: y + ROW - 4.0,
            size: 8.0,
            text: short(&task.name, if phase { 44 } else { 42 }),
            color: if phase { style::INK } else { style::MUTED },
            anchor: Anchor::Start,
        });
        let (start, finish) = dates(row);
        if task.milestone {
            d.shapes.push(Shape::Diamond {
                x: axis.x(finish.date()),
                y: y + ROW / 2.0,
                r: 4.5,
                fill: style::MILESTONE,
            });
            continue;
        }
        let (x0, x1) = (
            axis.x(start.date()),
            axis.x(finish.date()).max(axis.x(start.date()) + 2.0),
        );
        d.shapes.push(Shape::Rect {
            x: x0,
            y: y + 3.5,
            w: x1 - x0,
            h: ROW - 7.0,
            fill: style::PHASE,
        });
        let done = f32::from(task.percent_complete.min(100)) / 100.0;
        if done > 0.0 {
            d.shapes.push(Shape::Rect {
                x: x0,
                y: y + 3.5,
                w: (x1 - x0) * done,
                h: ROW - 7.0,
                fill: style::DONE,
            });
        }
    }
    let x = axis.x(status);
    d.shapes.push(Shape::Line {
        points: vec![(x, HEAD - 4.0), (x, height)],
        color: style::TODAY,
        width: 1.0,
        dashed: true,
    });
    d
}

/// A curve of the S-curve: its legend, colour, dash and points.
type Curve = (T, style::Rgb, bool, Vec<(f32, f32)>);

pub(super) fn s_curve(
    series: &[EvPoint],
    status: NaiveDate,
    lang: Lang,
    currency: &str,
) -> Drawing {
    let (left, top, bottom, height) = (70.0, 20.0, 215.0, 250.0);
    let mut d = Drawing {
        width: WIDTH,
        height,
        shapes: Vec::new(),
    };
    let (Some(first), Some(last)) = (series.first(), series.last()) else {
        return d;
    };
    let axis = TimeAxis {
        first: first.date,
        last: last.date.max(first.date + chrono::Days::new(7)),
        left,
        right: WIDTH - 10.0,
    };
    let max = series
        .iter()
        .flat_map(|p| [Some(p.pv), p.ev, p.ac, p.forecast])
        .flatten()
        .fold(1.0_f64, f64::max);
    let max = nice_ceiling(max);
    let y = |v: f64| bottom - (bottom - top) * (v / max) as f32;
    for step in 0..=4 {
        let v = max * f64::from(step) / 4.0;
        d.shapes.push(Shape::Line {
            points: vec![(left, y(v)), (WIDTH - 10.0, y(v))],
            color: style::GRID,
            width: 0.5,
            dashed: false,
        });
        d.shapes.push(Shape::Text {
            x: left - 4.0,
            y: y(v) + 3.0,
            size: 7.0,
            text: i18n::format_money_short(lang, v, currency),
            color: style::MUTED,
            anchor: Anchor::End,
        });
    }
    axis.ticks(&mut d, (top, bottom), &months(lang));
    let line = |pick: &dyn Fn(&EvPoint) -> Option<f64>| -> Vec<(f32, f32)> {
        series
            .iter()
            .filter_map(|p| pick(p).map(|v| (axis.x(p.date), y(v))))
            .collect()
    };
    let curves: [Curve; 4] = [
        (T::ReportPv, style::PV, true, line(&|p| Some(p.pv))),
        (T::ReportEv, style::EV, false, line(&|p| p.ev)),
        (T::ReportAc, style::AC, false, line(&|p| p.ac)),
        (T::ReportForecast, style::AC, true, line(&|p| p.forecast)),
    ];
    for (k, (label, color, dashed, points)) in curves.into_iter().enumerate() {
        let lx = left + 10.0 + 150.0 * k as f32;
        d.shapes.push(Shape::Line {
            points: vec![(lx, height - 12.0), (lx + 18.0, height - 12.0)],
            color,
            width: 1.5,
            dashed,
        });
        d.shapes.push(Shape::Text {
            x: lx + 22.0,
            y: height - 9.0,
            size: 8.0,
            text: label.get(lang).to_owned(),
            color: style::INK,
            anchor: Anchor::Start,
        });
        if points.len() > 1 {
            d.shapes.push(Shape::Line {
                points,
                color,
                width: 1.5,
                dashed,
            });
        }
    }
    let x = axis.x(status);
    d.shapes.push(Shape::Line {
        points: vec![(x, top), (x, bottom)],
        color: style::TODAY,
        width: 1.0,
        dashed: true,
    });
    d
}

/// The round number (1, 1.2, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) at or above `value`, so that the
/// axis's quarters fall on round amounts.
fn nice_ceiling(value: f64) -> f64 {
    let power = 10_f64.powf(value.abs().max(1.0).log10().floor());
    [1.0, 1.2, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|v| *v >= value)
        .unwrap_or(10.0 * power)
}
