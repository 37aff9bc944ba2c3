//! The analysis charts: the distribution of the finish date and of the cost (a histogram and
//! its cumulative curve, the plan, baseline, deadline and budget marked, the P-values
//! labelled), and the tornado of the inputs that move the finish most.

use chrono::{NaiveDateTime, Timelike as _};
use egui::{Color32, Ui};
use egui_plot::{
    AxisHints, Bar, BarChart, Corner, HPlacement, Legend, Line, LineStyle, Plot, PlotPoints, VLine,
};

use super::super::dashboard::axes::{date_of, month_label, month_marks, x_of};
use crate::i18n::{self, T};
use crate::schedule::risk::RiskResult;
use crate::ui::ViewCtx;

/// A vertical mark on a distribution: its legend, where, its colour, dashed or not.
struct Mark {
    name: String,
    x: f64,
    colour: Color32,
    dashed: bool,
}

/// A date as a plot value: days since the common era, with the time of day as a fraction.
fn x_at(at: NaiveDateTime) -> f64 {
    x_of(at.date()) + f64::from(at.time().num_seconds_from_midnight()) / 86_400.0
}

const BINS: usize = 40;

/// The bars of a histogram of `sorted` over `[lo, hi]`: where the first starts, their width,
/// and the count in each.
fn histogram(sorted: &[f64], (lo, hi): (f64, f64), dates: bool) -> (f64, f64, [usize; BINS + 1]) {
    // Dates by day, or by whole weeks from a Monday once a day is too narrow: finishes fall
    // on working days only, and bars of a few days would comb the weekends.
    let (lo, width) = if dates {
        let raw = (hi - lo) / BINS as f64;
        if raw <= 1.0 {
            (lo.floor(), 1.0)
        } else {
            // Days from the common era: day 1 was a Monday.
            let monday = lo.floor() - (lo.floor() - 1.0).rem_euclid(7.0);
            (monday, 7.0 * (raw / 7.0).ceil())
        }
    } else {
        (lo, ((hi - lo) / BINS as f64).max(1.0))
    };
    let mut counts = [0usize; BINS + 1];
    for &x in sorted {
        counts[(((x - lo) / width) as usize).min(BINS)] += 1;
    }
    (lo, width, counts)
}

/// The histogram of `sorted` (scaled so its tallest bar reaches 100) and its cumulative
/// curve in %, with `marks`.
fn distribution_ui(
    ui: &mut Ui,
    view: &ViewCtx<'_>,
    (id, size): (&str, egui::Vec2),
    sorted: &[f64],
    marks: Vec<Mark>,
    dates: bool,
) {
    let (Some(&lo), Some(&hi)) = (sorted.first(), sorted.last()) else {
        return;
    };
    let lang = view.lang;
    let theme = view.theme;
    let n = sorted.len() as f64;
    let (lo, width, counts) = histogram(sorted, (lo, hi), dates);
    let tallest = counts.iter().copied().max().unwrap_or(1).max(1) as f64;
    // Bars read on the right axis (share of iterations), the curve on the left (cumulative).
    let scale = 100.0 / (tallest / n * 100.0);
    let bars: Vec<Bar> = counts
        .iter()
        .enumerate()
        .filter(|&(_, &c)| c > 0)
        .map(|(k, &c)| {
            Bar::new(lo + (k as f64 + 0.5) * width, c as f64 / n * 100.0 * scale)
                .width(width * 0.9)
                .fill(theme.planned().gamma_multiply(0.6))
        })
        .collect();
    let step = (sorted.len() / 400).max(1);
    let cumulative: Vec<[f64; 2]> = sorted
        .iter()
        .enumerate()
        .filter(|(i, _)| i % step == 0 || *i + 1 == sorted.len())
        .map(|(i, &x)| [x, (i + 1) as f64 / n * 100.0])
        .collect();
    let currency = view.project.meta.currency.clone();
    let currency_hover = currency.clone();
    let format_x = move |x: f64| {
        if dates {
            date_of(x.floor()).map_or_else(String::new, |d| i18n::format_date(lang, d))
        } else {
            i18n::format_money_short(lang, x, &currency)
        }
    };
    let format_hover = move |x: f64| {
        if dates {
            date_of(x.floor()).map_or_else(String::new, |d| i18n::format_date(lang, d))
        } else {
            i18n::format_money(lang, x, &currency_hover)
        }
    };
    let mut plot = Plot::new(id)
        .width(size.x)
        .height(size.y)
        .legend(
            Legend::default()
                .follow_insertion_order(true)
                .position(Corner::RightBottom),
        )
        .custom_y_axes(vec![
            AxisHints::new_y()
                .label(T::CumulativeShare.get(lang))
                .formatter(|mark, _| format!("{:.0} %", mark.value)),
            AxisHints::new_y()
                .label(T::IterationShare.get(lang))
                .placement(HPlacement::Right)
                .formatter(move |mark, _| format!("{:.1} %", mark.value / scale)),
        ])
        .label_formatter(move |pos| match pos {
            egui_plot::HoverPosition::NearDataPoint { position, .. }
            | egui_plot::HoverPosition::Elsewhere { position } => {
                Some(format!("{}\n{:.0} %", format_hover(position.x), position.y))
            }
        })
        .allow_scroll(false)
        .include_y(0.0)
        .include_y(105.0);
    if dates {
        plot = plot
            .x_grid_spacer(|input| month_marks(&input))
            .x_axis_formatter(move |mark, _| month_label(lang, mark.value));
    } else {
        plot = plot.x_axis_formatter(move |mark, _| format_x(mark.value));
    }
    plot.show(ui, |plot| {
        plot.bar_chart(BarChart::new(T::IterationShare.get(lang), bars).color(theme.planned()));
        plot.line(
            Line::new(T::CumulativeShare.get(lang), PlotPoints::from(cumulative))
                .color(theme.forecast())
                .width(2.0),
        );
        for mark in marks {
            let line = VLine::new(mark.name, mark.x).color(mark.colour).width(1.5);
            plot.vline(if mark.dashed {
                line.style(LineStyle::Dashed { length: 6.0 })
            } else {
                line
            });
        }
    });
}

/// The P50 / P80 / P90 marks of a distribution, labelled with their value.
fn p_marks(view: &ViewCtx<'_>, value: impl Fn(f64) -> (f64, String)) -> Vec<Mark> {
    [50, 80, 90]
        .into_iter()
        .map(|p| {
            let (x, text) = value(f64::from(p) / 100.0);
            Mark {
                name: format!("P{p}: {text}"),
                x,
                colour: view.theme.reference(),
                dashed: true,
            }
        })
        .collect()
}

pub fn finish_chart_ui(ui: &mut Ui, view: &ViewCtx<'_>, r: &RiskResult, size: egui::Vec2) {
    let lang = view.lang;
    let day = |at: NaiveDateTime| i18n::format_date(lang, at.date());
    let xs: Vec<f64> = r.finishes.iter().map(|&f| x_at(f)).collect();
    let mut marks = vec![Mark {
        name: format!(
            "{}: {}",
            T::PlannedFinish.get(lang),
            day(r.deterministic_finish)
        ),
        x: x_at(r.deterministic_finish),
        colour: view.theme.planned(),
        dashed: false,
    }];
    marks.extend(p_marks(view, |p| {
        let at = r.finish_percentile(p);
        (x_at(at), day(at))
    }));
    if let Some(b) = r.baseline_finish {
        marks.push(Mark {
            name: format!("{}: {}", T::BaselineName0.get(lang), day(b)),
            x: x_at(b),
            colour: view.theme.earned(),
            dashed: false,
        });
    }
    // The deadline of the plan's last milestone that has one: the date promised.
    if let Some(deadline) = r
        .milestones
        .iter()
        .filter(|m| m.deadline.is_some())
        .max_by_key(|m| m.deterministic)
        .and_then(|m| m.deadline)
    {
        marks.push(Mark {
            name: format!(
                "{}: {}",
                T::DeadlineLabel.get(lang),
                i18n::format_date(lang, deadline)
            ),
            x: x_of(deadline) + 1.0,
            colour: view.theme.error(),
            dashed: false,
        });
    }
    distribution_ui(ui, view, ("risk-finish-plot", size), &xs, marks, true);
}

pub fn cost_chart_ui(ui: &mut Ui, view: &ViewCtx<'_>, r: &RiskResult, size: egui::Vec2) {
    let lang = view.lang;
    let currency = view.project.meta.currency.clone();
    let money = |v: f64| i18n::format_money(lang, v, &currency);
    let mut marks = vec![Mark {
        name: format!("{}: {}", T::Planned.get(lang), money(r.deterministic_cost)),
        x: r.deterministic_cost,
        colour: view.theme.planned(),
        dashed: false,
    }];
    marks.extend(p_marks(view, |p| {
        let c = r.cost_percentile(p);
        (c, money(c))
    }));
    if let Some(b) = r.budget {
        marks.push(Mark {
            name: format!("{}: {}", T::SeriesBudget.get(lang), money(b)),
            x: b,
            colour: view.theme.error(),
            dashed: false,
        });
    }
    distribution_ui(ui, view, ("risk-cost-plot", size), &r.costs, marks, false);
}

/// The ten inputs whose sampled value moves the finish most, as horizontal bars (longer
/// finish: red; shorter: green), the strongest on top.
pub fn tornado_ui(ui: &mut Ui, view: &ViewCtx<'_>, r: &RiskResult, size: egui::Vec2) {
    let lang = view.lang;
    let top: Vec<_> = r
        .sensitivity
        .iter()
        .filter(|s| s.correlation.abs() > 0.005)
        .take(10)
        .collect();
    let names: Vec<String> = top.iter().map(|s| s.input.label(view.project)).collect();
    let count = top.len();
    let bars: Vec<Bar> = top
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let colour = if s.correlation > 0.0 {
                view.theme.critical()
            } else {
                view.theme.earned()
            };
            Bar::new((count - k) as f64, s.correlation)
                .width(0.7)
                .fill(colour)
                .name(&names[k])
        })
        .collect();
    let labels = names.clone();
    Plot::new("risk-tornado-plot")
        .width(size.x)
        .height(size.y)
        .include_x(-1.0)
        .include_x(1.0)
        .y_axis_min_width(180.0)
        .y_grid_spacer(move |_| {
            (1..=count)
                .map(|k| egui_plot::GridMark {
                    value: k as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .y_axis_formatter(move |mark, _| {
            let k = mark.value.round() as usize;
            if k == 0 || k > count || (mark.value - k as f64).abs() > 0.01 {
                return String::new();
            }
            let name = &labels[count - k];
            if name.chars().count() > 28 {
                format!("{}…", name.chars().take(27).collect::<String>())
            } else {
                name.clone()
            }
        })
        .x_axis_formatter(|mark, _| format!("{:+.1}", mark.value))
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new(T::SensitivityTitle.get(lang), bars)
                    .horizontal()
                    .color(view.theme.critical()),
            );
        });
}
