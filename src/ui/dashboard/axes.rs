//! The charts' axes and hover labels: dates as plot values, month and round-number marks,
//! short phase names, counts and amounts near a point.

use chrono::{Datelike, NaiveDate};
use egui_plot::{GridInput, GridMark};

use crate::i18n::{self, Lang};

/// A plot's x (or y) value for a date: days since the common era.
pub fn x_of(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

pub fn date_of(x: f64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(x.round() as i32)
}

/// Month (or quarter, or year) marks on a date axis, few enough to label.
pub fn month_marks(input: &GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    let (Some(first), Some(last)) = (date_of(lo), date_of(hi)) else {
        return Vec::new();
    };
    let months = ((hi - lo) / 30.4).max(1.0);
    // A label ("sept. 2026") needs some 80 points: `base_step_size` is the plot's smallest grid
    // step, about 6 points wide, in days.
    let min_days = input.base_step_size * 14.0;
    let step = [1u32, 2, 3, 6, 12, 24, 60]
        .into_iter()
        .find(|s| months / f64::from(*s) <= 8.0 && f64::from(*s) * 30.4 >= min_days)
        .unwrap_or(120);
    let mut marks = Vec::new();
    let mut month = NaiveDate::from_ymd_opt(first.year(), 1, 1);
    while let Some(m) = month {
        if m > last {
            break;
        }
        if m >= first && (m.month0() % step.min(12)) == 0 {
            marks.push(GridMark {
                value: x_of(m),
                step_size: f64::from(step) * 30.4,
            });
        }
        month = m.checked_add_months(chrono::Months::new(1));
    }
    marks
}

/// About five marks at round values (1, 2, 2.5 or 5 × a power of ten), all labelled: the
/// default spacer fades every other label, which reads as missing amounts.
pub fn round_marks(input: &GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    let span = hi - lo;
    if !(span > 0.0 && span.is_finite()) {
        return Vec::new();
    }
    let raw = span / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last)
        .map(|k| GridMark {
            value: k as f64 * step,
            step_size: step,
        })
        .collect()
}

pub fn month_label(lang: Lang, x: f64) -> String {
    date_of(x).map_or_else(String::new, |d| {
        format!("{} {}", i18n::month_name(lang, d.month0()), d.year())
    })
}

/// Phase names are long; the axis shows them on up to two lines of some 14 letters, the end
/// cut with "…" only beyond that.
pub fn labels_short(label: &str) -> String {
    let mut lines: Vec<String> = vec![String::new()];
    for word in label.split_whitespace() {
        let line = lines.last_mut().map_or(0, |l| l.chars().count());
        if line > 0 && line + 1 + word.chars().count() > 14 {
            if lines.len() == 2 {
                if let Some(last) = lines.last_mut() {
                    last.push('…');
                }
                break;
            }
            lines.push(String::new());
        }
        let Some(last) = lines.last_mut() else { break };
        if !last.is_empty() {
            last.push(' ');
        }
        if word.chars().count() > 14 {
            last.extend(word.chars().take(13));
            last.push('…');
        } else {
            last.push_str(word);
        }
    }
    lines.join("\n")
}

/// Counts by date: "Series — date: n".
pub fn hover_count(lang: Lang, pos: &egui_plot::HoverPosition<'_>) -> Option<String> {
    match pos {
        egui_plot::HoverPosition::NearDataPoint {
            plot_name,
            position,
            ..
        } => {
            let date = date_of(position.x).map(|d| i18n::format_date(lang, d))?;
            Some(format!("{plot_name}\n{date}\n{:.0}", position.y))
        }
        egui_plot::HoverPosition::Elsewhere { .. } => None,
    }
}

/// "Series — 12 Mar 2026: €123,456" near a point; the date and amount elsewhere.
pub fn hover_money(
    lang: Lang,
    currency: &str,
    pos: &egui_plot::HoverPosition<'_>,
) -> Option<String> {
    let (name, p) = match pos {
        egui_plot::HoverPosition::NearDataPoint {
            plot_name,
            position,
            ..
        } => (*plot_name, *position),
        egui_plot::HoverPosition::Elsewhere { position } => ("", *position),
    };
    let date = date_of(p.x).map(|d| i18n::format_date(lang, d))?;
    let amount = i18n::format_money(lang, p.y, currency);
    Some(if name.is_empty() {
        format!("{date}\n{amount}")
    } else {
        format!("{name}\n{date}\n{amount}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phase_name_takes_two_lines_before_it_is_cut() {
        assert_eq!(
            labels_short("Tests and acceptance"),
            "Tests and\nacceptance"
        );
        assert_eq!(labels_short("Build"), "Build");
        assert_eq!(
            labels_short("Recette et mise en production finale"),
            "Recette et\nmise en…"
        );
    }
}
