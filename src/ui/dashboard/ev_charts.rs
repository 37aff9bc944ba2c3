//! The earned-value charts: the S-curves (PV, EV, AC and the forecast), the performance
//! indices, budget against actual and at completion, and the milestone trend.

use egui::{RichText, Ui};
use egui_plot::{
    Bar, BarChart, Corner, GridMark, HLine, Legend, Line, LineStyle, MarkerShape, Plot, PlotPoints,
    Points, VLine,
};

use super::axes::{
    date_of, hover_money, labels_short, month_label, month_marks, round_marks, x_of,
};
use crate::i18n::{self, T};
use crate::schedule::kpi::{BudgetRow, KpiReport};
use crate::ui::ViewCtx;

pub fn s_curve_ui(ui: &mut Ui, view: &ViewCtx<'_>, report: &KpiReport, height: f32) {
    let lang = view.lang;
    let theme = view.theme;
    let cur = view.project.meta.currency.clone();
    let cur_axis = cur.clone();
    let pv: Vec<[f64; 2]> = report.series.iter().map(|p| [x_of(p.date), p.pv]).collect();
    let ev: Vec<[f64; 2]> = report
        .series
        .iter()
        .filter_map(|p| p.ev.map(|v| [x_of(p.date), v]))
        .collect();
    let ac: Vec<[f64; 2]> = report
        .series
        .iter()
        .filter_map(|p| p.ac.map(|v| [x_of(p.date), v]))
        .collect();
    let forecast: Vec<[f64; 2]> = report
        .series
        .iter()
        .filter_map(|p| p.forecast.map(|v| [x_of(p.date), v]))
        .collect();
    // The curves rise from the bottom left: the legend goes where they leave room.
    Plot::new("s-curve-plot")
        .height(height)
        .legend(
            Legend::default()
                .follow_insertion_order(true)
                .position(Corner::LeftTop),
        )
        .x_grid_spacer(|input| month_marks(&input))
        .x_axis_formatter(move |mark, _| month_label(lang, mark.value))
        .y_grid_spacer(|input| round_marks(&input))
        .y_axis_formatter(move |mark, _| i18n::format_money_short(lang, mark.value, &cur_axis))
        .label_formatter(move |pos| hover_money(lang, &cur, pos))
        .allow_scroll(false)
        .include_y(0.0)
        .show(ui, |plot| {
            plot.line(
                Line::new(T::SeriesPv.get(lang), PlotPoints::from(pv))
                    .color(theme.planned())
                    .width(2.0),
            );
            plot.line(
                Line::new(T::SeriesEv.get(lang), PlotPoints::from(ev))
                    .color(theme.earned())
                    .width(2.5),
            );
            plot.line(
                Line::new(T::SeriesAc.get(lang), PlotPoints::from(ac))
                    .color(theme.actual())
                    .width(2.0),
            );
            plot.line(
                Line::new(T::SeriesForecast.get(lang), PlotPoints::from(forecast))
                    .color(theme.forecast())
                    .style(LineStyle::Dashed { length: 8.0 })
                    .width(2.0),
            );
            plot.vline(
                VLine::new(T::SeriesStatus.get(lang), x_of(report.status))
                    .color(theme.reference())
                    .style(LineStyle::Dashed { length: 4.0 }),
            );
        });
}

pub fn indices_ui(ui: &mut Ui, view: &ViewCtx<'_>, report: &KpiReport, height: f32) {
    let lang = view.lang;
    let theme = view.theme;
    // Early weeks with little planned or spent swing wildly; start once 2 % of the budget is
    // planned, as EVM practice does.
    let floor = report.ev.project.bac * 0.02;
    let spi: Vec<[f64; 2]> = report
        .series
        .iter()
        .filter(|p| p.pv >= floor)
        .filter_map(|p| p.spi().map(|v| [x_of(p.date), v]))
        .collect();
    let cpi: Vec<[f64; 2]> = report
        .series
        .iter()
        .filter(|p| p.ac.is_some_and(|ac| ac >= floor))
        .filter_map(|p| p.cpi().map(|v| [x_of(p.date), v]))
        .collect();
    Plot::new("indices-plot")
        .height(height)
        .legend(
            Legend::default()
                .follow_insertion_order(true)
                .position(Corner::LeftBottom),
        )
        .x_grid_spacer(|input| month_marks(&input))
        .x_axis_formatter(move |mark, _| month_label(lang, mark.value))
        .y_grid_spacer(|input| round_marks(&input))
        .y_axis_formatter(move |mark, _| i18n::format_index(lang, mark.value))
        .label_formatter(move |pos| {
            let (name, p) = match pos {
                egui_plot::HoverPosition::NearDataPoint {
                    plot_name,
                    position,
                    ..
                } => (*plot_name, *position),
                egui_plot::HoverPosition::Elsewhere { position } => ("", *position),
            };
            let date = date_of(p.x).map(|d| i18n::format_date(lang, d))?;
            Some(format!("{name}\n{date}\n{}", i18n::format_index(lang, p.y)))
        })
        .allow_scroll(false)
        .include_y(0.8)
        .include_y(1.1)
        .show(ui, |plot| {
            plot.hline(
                HLine::new(T::SeriesOnPlan.get(lang), 1.0)
                    .color(theme.reference())
                    .style(LineStyle::Dashed { length: 6.0 }),
            );
            plot.line(
                Line::new(T::EvSpi.get(lang), PlotPoints::from(spi))
                    .color(theme.planned())
                    .width(2.0),
            );
            plot.line(
                Line::new(T::EvCpi.get(lang), PlotPoints::from(cpi))
                    .color(theme.actual())
                    .width(2.0),
            );
            plot.vline(
                VLine::new(T::SeriesStatus.get(lang), x_of(report.status))
                    .color(theme.reference())
                    .style(LineStyle::Dashed { length: 4.0 }),
            );
        });
}

pub fn budget_ui(ui: &mut Ui, view: &ViewCtx<'_>, rows: &[BudgetRow], height: f32) {
    let lang = view.lang;
    let theme = view.theme;
    let cur = view.project.meta.currency.clone();
    let cur_axis = cur.clone();
    let labels: Vec<String> = rows
        .iter()
        .map(|r| {
            if r.label.is_empty() {
                T::ProjectLevel.get(lang).to_owned()
            } else {
                r.label.clone()
            }
        })
        .collect();
    let hover_labels = labels.clone();
    let bars = |value: fn(&BudgetRow) -> f64, offset: f64| -> Vec<Bar> {
        rows.iter()
            .enumerate()
            .map(|(k, r)| {
                Bar::new(k as f64 + offset, value(r))
                    .width(0.26)
                    .name(&labels[k])
            })
            .collect()
    };
    let budget =
        BarChart::new(T::SeriesBudget.get(lang), bars(|r| r.budget, -0.28)).color(theme.planned());
    let actual =
        BarChart::new(T::SeriesActual.get(lang), bars(|r| r.actual, 0.0)).color(theme.actual());
    let forecast = BarChart::new(T::SeriesAtCompletion.get(lang), bars(|r| r.forecast, 0.28))
        .color(theme.forecast());
    let count = rows.len();
    Plot::new("budget-plot")
        .height(height)
        .legend(
            Legend::default()
                .follow_insertion_order(true)
                .position(Corner::RightTop),
        )
        .x_grid_spacer(move |_| {
            (0..count)
                .map(|k| GridMark {
                    value: k as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .x_axis_formatter(move |mark, _| {
            let k = mark.value.round();
            if (mark.value - k).abs() > 0.01 || k < 0.0 {
                return String::new();
            }
            labels_short(hover_labels.get(k as usize).map_or("", String::as_str))
        })
        .y_grid_spacer(|input| round_marks(&input))
        .y_axis_formatter(move |mark, _| i18n::format_money_short(lang, mark.value, &cur_axis))
        .label_formatter(move |pos| match pos {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!(
                "{plot_name}\n{}",
                i18n::format_money(lang, position.y, &cur)
            )),
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .include_y(0.0)
        .show(ui, |plot| {
            plot.bar_chart(budget);
            plot.bar_chart(actual);
            plot.bar_chart(forecast);
        });
}

/// Milestone trend analysis: each milestone still ahead at the status date, its forecast date
/// (up) at each report (across). A flat line is a kept promise; a rising one, a slip.
pub fn trend_ui(ui: &mut Ui, view: &ViewCtx<'_>, report: &KpiReport, height: f32) {
    let lang = view.lang;
    let theme = view.theme;
    let ahead: Vec<_> = report
        .trend
        .iter()
        .filter(|m| m.points.last().is_some_and(|(_, d)| *d > report.status))
        .collect();
    if ahead.is_empty() {
        ui.label(RichText::new(T::ChartTrendEmpty.get(lang)).color(theme.muted()));
        return;
    }
    let first = ahead
        .iter()
        .flat_map(|m| m.points.iter().map(|p| p.0))
        .min()
        .unwrap_or(report.status);
    let last = ahead
        .iter()
        .flat_map(|m| m.points.iter().map(|p| p.1))
        .max()
        .unwrap_or(report.status);
    // Milestone lines run level and the diagonal climbs to the right: the legend goes top
    // left, above the lines, in room left for it over the latest due date.
    Plot::new("trend-plot")
        .height(height)
        .legend(
            Legend::default()
                .follow_insertion_order(true)
                .position(Corner::LeftTop),
        )
        .x_grid_spacer(|input| month_marks(&input))
        .y_grid_spacer(|input| month_marks(&input))
        .x_axis_formatter(move |mark, _| month_label(lang, mark.value))
        .y_axis_formatter(move |mark, _| month_label(lang, mark.value))
        .x_axis_label(T::AxisReportDate.get(lang))
        .label_formatter(move |pos| match pos {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => {
                let report = date_of(position.x).map(|d| i18n::format_date(lang, d))?;
                let due = date_of(position.y).map(|d| i18n::format_date(lang, d))?;
                Some(format!(
                    "{plot_name}\n{}: {report}\n{due}",
                    T::AxisReportDate.get(lang)
                ))
            }
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .allow_scroll(false)
        .include_x(x_of(first) - 10.0)
        .include_x(x_of(report.status) + 10.0)
        .include_y(x_of(last) + 10.0 + (x_of(last) - x_of(first)).max(30.0) * 2.0)
        .show(ui, |plot| {
            // Where report date = milestone date: a milestone's line ends on it when reached.
            let lo = x_of(first);
            let hi = x_of(last);
            plot.line(
                Line::new(
                    T::SeriesDiagonal.get(lang),
                    PlotPoints::from(vec![[lo, lo], [hi, hi]]),
                )
                .color(theme.reference())
                .style(LineStyle::Dashed { length: 6.0 }),
            );
            for (k, m) in ahead.iter().enumerate() {
                let points: Vec<[f64; 2]> =
                    m.points.iter().map(|(r, d)| [x_of(*r), x_of(*d)]).collect();
                let colour = theme.series(k);
                plot.line(
                    Line::new(m.name.clone(), PlotPoints::from(points.clone()))
                        .color(colour)
                        .width(2.0),
                );
                plot.points(
                    Points::new(m.name.clone(), PlotPoints::from(points))
                        .color(colour)
                        .shape(MarkerShape::Diamond)
                        .radius(4.0),
                );
            }
        });
}
