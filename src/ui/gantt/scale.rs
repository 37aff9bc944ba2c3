//! The timeline's time scale: its two tiers by zoom level, in the interface's language, and
//! the shading of non-working days from the project calendar.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, Timelike};
use egui::{Align2, FontId, Rect, Stroke, pos2};

use super::{GanttState, HEADER_HEIGHT};
use crate::i18n::{self, T};
use crate::ui::ViewCtx;

/// Days since the common era, with the time of day as a fraction.
pub fn days_of(at: NaiveDateTime) -> f64 {
    f64::from(at.date().num_days_from_ce()) + f64::from(at.num_seconds_from_midnight()) / 86_400.0
}

pub fn date_of(days: f64) -> Option<NaiveDate> {
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
    if px_per_day >= super::HOUR_ZOOM_PX_PER_DAY {
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

/// Non-working days shaded, when days are wide enough to see.
pub fn shade_ui(
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

/// The two tiers of the time scale above the timeline.
pub fn header_ui(
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
                    lower.push((
                        day,
                        T::QuarterShort.fill(lang, &[("n", &(d.month0() / 3 + 1).to_string())]),
                    ));
                }
            }
        }
        d = d.checked_add_days(Days::new(1)).unwrap_or(NaiveDate::MAX);
        if d == NaiveDate::MAX {
            break;
        }
    }
    // Each upper label keeps to its period: the first, partly scrolled out, gives way to the
    // next rather than being written over by it.
    let xs: Vec<f32> = upper
        .iter()
        .map(|(date, _)| {
            state
                .x_of(left, f64::from(date.num_days_from_ce()))
                .max(left)
        })
        .collect();
    for (k, (_, label)) in upper.into_iter().enumerate() {
        let x = xs[k];
        let end = xs.get(k + 1).copied().unwrap_or(rect.max.x);
        clip.line_segment([pos2(x, rect.min.y), pos2(x, mid)], Stroke::new(1.0, muted));
        let galley = clip.layout_no_wrap(label, font.clone(), text);
        if x + 3.0 + galley.size().x <= end - 2.0 {
            clip.galley(pos2(x + 3.0, rect.min.y + 2.0), galley, text);
        }
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
