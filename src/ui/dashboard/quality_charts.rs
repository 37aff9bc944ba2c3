//! The quality and risk charts: test execution, open and closed anomalies, requirement
//! coverage and risk exposure.

use chrono::NaiveDate;
use egui::Ui;
use egui_plot::{
    Bar, BarChart, Corner, GridMark, Legend, Line, LineStyle, Plot, PlotPoints, VLine,
};

use super::axes::{hover_count, month_label, month_marks, round_marks, x_of};
use crate::i18n::{Lang, T};
use crate::ui::ViewCtx;

fn dated_plot(id: &str, lang: Lang, height: f32) -> Plot<'_> {
    Plot::new(id)
        .height(height)
        .legend(
            Legend::default()
                .follow_insertion_order(true)
                .position(Corner::LeftTop),
        )
        .x_grid_spacer(|input| month_marks(&input))
        .x_axis_formatter(move |mark, _| month_label(lang, mark.value))
        .y_grid_spacer(|input| round_marks(&input))
        .label_formatter(move |pos| hover_count(lang, pos))
        .allow_scroll(false)
        .include_y(0.0)
}

pub fn tests_chart_ui(ui: &mut Ui, view: &ViewCtx<'_>, until: NaiveDate, height: f32) {
    let lang = view.lang;
    let theme = view.theme;
    let points = crate::schedule::quality::test_execution(view.project, until);
    let series = |f: fn(&crate::schedule::quality::TestPoint) -> f64| -> Vec<[f64; 2]> {
        points.iter().map(|p| [x_of(p.date), f(p)]).collect()
    };
    dated_plot("tests-plot", lang, height).show(ui, |plot| {
        plot.line(
            Line::new(
                T::SeriesPlannedCases.get(lang),
                PlotPoints::from(series(|p| p.planned)),
            )
            .color(theme.planned())
            .style(LineStyle::Dashed { length: 6.0 }),
        );
        plot.line(
            Line::new(
                T::SeriesExecuted.get(lang),
                PlotPoints::from(series(|p| p.executed as f64)),
            )
            .color(theme.forecast())
            .width(2.0),
        );
        plot.line(
            Line::new(
                T::SeriesPassedRuns.get(lang),
                PlotPoints::from(series(|p| p.passed as f64)),
            )
            .color(theme.earned())
            .width(2.0),
        );
        plot.vline(
            VLine::new(T::SeriesStatus.get(lang), x_of(until))
                .color(theme.reference())
                .style(LineStyle::Dashed { length: 4.0 }),
        );
    });
}

pub fn anomalies_chart_ui(ui: &mut Ui, view: &ViewCtx<'_>, until: NaiveDate, height: f32) {
    let lang = view.lang;
    let theme = view.theme;
    let points = crate::schedule::quality::anomalies(view.project, until);
    let open = |k: usize| -> Vec<[f64; 2]> {
        points
            .iter()
            .map(|p| [x_of(p.date), p.open[k] as f64])
            .collect()
    };
    let closed: Vec<[f64; 2]> = points
        .iter()
        .map(|p| [x_of(p.date), p.closed as f64])
        .collect();
    dated_plot("anomalies-plot", lang, height).show(ui, |plot| {
        plot.line(
            Line::new(T::SeriesOpenBlocking.get(lang), PlotPoints::from(open(0)))
                .color(theme.heat_over())
                .width(2.0),
        );
        plot.line(
            Line::new(T::SeriesOpenMajor.get(lang), PlotPoints::from(open(1)))
                .color(theme.heat_full())
                .width(2.0),
        );
        plot.line(
            Line::new(T::SeriesOpenMinor.get(lang), PlotPoints::from(open(2)))
                .color(theme.planned())
                .width(2.0),
        );
        plot.line(
            Line::new(T::SeriesClosed.get(lang), PlotPoints::from(closed))
                .color(theme.earned())
                .style(LineStyle::Dashed { length: 6.0 }),
        );
    });
}

pub fn coverage_chart_ui(ui: &mut Ui, view: &ViewCtx<'_>, height: f32) {
    let lang = view.lang;
    let theme = view.theme;
    let t = view.derived.trace(view.project);
    let bars = [
        (T::CovPassed, t.passed, theme.earned()),
        (T::CovFailed, t.failed, theme.heat_over()),
        (T::CovInProgress, t.in_progress, theme.heat_full()),
        (T::CovUntested, t.untested, theme.reference()),
    ];
    let names: Vec<String> = bars.iter().map(|b| b.0.get(lang).to_owned()).collect();
    Plot::new("coverage-plot")
        .height(height)
        .x_grid_spacer(|_| {
            (0..4)
                .map(|k| GridMark {
                    value: f64::from(k),
                    step_size: 1.0,
                })
                .collect()
        })
        .x_axis_formatter(move |mark, _| {
            let k = mark.value.round();
            if (mark.value - k).abs() > 0.01 || k < 0.0 {
                return String::new();
            }
            names.get(k as usize).cloned().unwrap_or_default()
        })
        .y_grid_spacer(|input| round_marks(&input))
        .label_formatter(|pos| match pos {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!("{plot_name}: {:.0}", position.y)),
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .include_y(0.0)
        .show(ui, |plot| {
            for (k, (name, count, colour)) in bars.iter().enumerate() {
                plot.bar_chart(
                    BarChart::new(
                        name.get(lang),
                        vec![Bar::new(k as f64, *count as f64).width(0.6)],
                    )
                    .color(*colour),
                );
            }
        });
}

pub fn risk_chart_ui(ui: &mut Ui, view: &ViewCtx<'_>, until: NaiveDate, height: f32) {
    let lang = view.lang;
    let theme = view.theme;
    let points: Vec<[f64; 2]> = crate::schedule::quality::risk_exposure(view.project, until)
        .into_iter()
        .map(|(d, e)| [x_of(d), f64::from(e)])
        .collect();
    dated_plot("risk-plot", lang, height).show(ui, |plot| {
        plot.line(
            Line::new(T::SeriesExposure.get(lang), PlotPoints::from(points))
                .color(theme.heat_over())
                .width(2.0),
        );
    });
}
