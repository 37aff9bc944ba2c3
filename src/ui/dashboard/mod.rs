//! The dashboard a steering committee reads: red / amber / green tiles, the earned-value
//! figures, the S-curves, the performance indices, budget against actual and forecast, and the
//! milestone trend — all at the status date, which is set here.
//!
//! This file holds the view's state and the layout of the page and of its chart boxes; the
//! toolbar, the tiles, the charts and their axes have their own.

pub mod axes;
mod ev_charts;
mod quality_charts;
mod tiles;
mod toolbar;

use egui::{Align, Layout, RichText, Sense, Ui, UiBuilder, vec2};

use super::ViewCtx;
use crate::i18n::{self, T};
use crate::schedule::kpi::KpiReport;

/// The view's own state.
#[derive(Default)]
pub struct DashboardState {
    /// The status date being typed, until it parses.
    status_draft: Option<String>,
    budget_by_year: bool,
}

impl super::View for DashboardState {
    fn ui(&mut self, ui: &mut Ui, ctx: &mut ViewCtx<'_>) {
        dashboard_ui(ui, ctx, self);
    }
}

/// Charts share the height left under the tiles, two rows of them, but never shrink below
/// this.
const MIN_CHART_HEIGHT: f32 = 200.0;
/// A chart box's title row and margins around the plot.
const CHART_CHROME: f32 = 48.0;
const GAP: f32 = 12.0;

/// The page: the toolbar, then, scrolling, the tiles, the figures and the charts two by two.
pub fn dashboard_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut DashboardState) {
    let lang = view.lang;
    let tracking = match view.derived.tracking(view.project) {
        Ok(t) => t,
        Err(error) => {
            ui.label(
                RichText::new(T::NotScheduled.fill(lang, &[("error", error)]))
                    .color(view.theme.error()),
            );
            return;
        }
    };
    let report = &tracking.report;
    toolbar::toolbar_ui(ui, view, state, report.status);
    if !tracking.status_set {
        ui.label(RichText::new(T::NoStatusDate.get(lang)).color(view.theme.warning()));
    }
    if report.before_progress() {
        // Moved back before the recorded progress: say the figures are as of then, not the
        // recorded totals (see schedule::as_of).
        let text = T::BeforeProgress.fill(
            lang,
            &[
                ("progress", &i18n::format_date(lang, report.progress_date)),
                ("status", &i18n::format_date(lang, report.status)),
            ],
        );
        ui.label(RichText::new(text).color(view.theme.muted()));
    }
    ui.add_space(6.0);
    egui::ScrollArea::vertical().show(ui, |ui| {
        tiles::tiles_ui(ui, view, &report.headline);
        ui.add_space(8.0);
        tiles::figures_ui(ui, view, &report.ev.project);
        ui.add_space(GAP);
        let width = ((ui.available_width() - GAP) / 2.0).max(300.0);
        let plot_height =
            ((ui.available_height() - 3.0 * GAP) / 2.0 - CHART_CHROME).max(MIN_CHART_HEIGHT);
        let size = (width, plot_height);
        progress_charts_ui(ui, view, state, report, size);
        ui.add_space(GAP);
        quality_charts_ui(ui, view, report.status, size);
        ui.add_space(GAP);
    });
}

/// The earned-value charts, two by two: the S-curves and the indices, the budget (by phase
/// or by year) and the milestone trend.
fn progress_charts_ui(
    ui: &mut Ui,
    view: &mut ViewCtx<'_>,
    state: &mut DashboardState,
    report: &KpiReport,
    (width, plot_height): (f32, f32),
) {
    let lang = view.lang;
    ui.horizontal(|ui| {
        chart_ui(
            ui,
            view,
            "s-curve",
            T::ChartSCurve,
            (width, plot_height),
            |ui, view| {
                ev_charts::s_curve_ui(ui, view, report, plot_height);
            },
        );
        ui.add_space(GAP);
        chart_ui(
            ui,
            view,
            "indices",
            T::ChartIndices,
            (width, plot_height),
            |ui, view| {
                ev_charts::indices_ui(ui, view, report, plot_height);
            },
        );
    });
    ui.add_space(GAP);
    ui.horizontal(|ui| {
        chart_ui(
            ui,
            view,
            "budget",
            T::ChartBudget,
            (width, plot_height),
            |ui, view| {
                ui.horizontal(|ui| {
                    ui.selectable_value(&mut state.budget_by_year, false, T::ByPhase.get(lang));
                    ui.selectable_value(&mut state.budget_by_year, true, T::ByYear.get(lang));
                });
                let rows = if state.budget_by_year {
                    &report.by_year
                } else {
                    &report.by_phase
                };
                ev_charts::budget_ui(ui, view, rows, plot_height - 26.0);
            },
        );
        ui.add_space(GAP);
        chart_ui(
            ui,
            view,
            "trend",
            T::ChartTrend,
            (width, plot_height),
            |ui, view| {
                ev_charts::trend_ui(ui, view, report, plot_height);
            },
        );
    });
}

/// The quality and risk charts under their heading, two by two: tests and anomalies,
/// coverage and risk exposure.
fn quality_charts_ui(
    ui: &mut Ui,
    view: &mut ViewCtx<'_>,
    until: chrono::NaiveDate,
    (width, plot_height): (f32, f32),
) {
    let lang = view.lang;
    ui.heading(T::QualityAndRisks.get(lang));
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        chart_ui(
            ui,
            view,
            "tests",
            T::ChartTests,
            (width, plot_height),
            |ui, view| {
                quality_charts::tests_chart_ui(ui, view, until, plot_height);
            },
        );
        ui.add_space(GAP);
        chart_ui(
            ui,
            view,
            "anomalies",
            T::ChartAnomalies,
            (width, plot_height),
            |ui, view| {
                quality_charts::anomalies_chart_ui(ui, view, until, plot_height);
            },
        );
    });
    ui.add_space(GAP);
    ui.horizontal(|ui| {
        chart_ui(
            ui,
            view,
            "coverage",
            T::ChartCoverage,
            (width, plot_height),
            |ui, view| {
                quality_charts::coverage_chart_ui(ui, view, plot_height);
            },
        );
        ui.add_space(GAP);
        chart_ui(
            ui,
            view,
            "risk-exposure",
            T::ChartRiskExposure,
            (width, plot_height),
            |ui, view| {
                quality_charts::risk_chart_ui(ui, view, until, plot_height);
            },
        );
    });
}

/// A titled chart box with an "Export PNG" button that captures exactly the box.
fn chart_ui(
    ui: &mut Ui,
    view: &mut ViewCtx<'_>,
    id: &str,
    title: T,
    (width, plot_height): (f32, f32),
    add_contents: impl FnOnce(&mut Ui, &mut ViewCtx<'_>),
) {
    let lang = view.lang;
    let height = plot_height + CHART_CHROME;
    let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    ui.painter().rect_filled(rect, 6.0, view.theme.tile_fill());
    let mut child = ui.new_child(
        UiBuilder::new()
            .id_salt(id)
            .max_rect(rect.shrink(8.0))
            .layout(Layout::top_down(Align::Min)),
    );
    child.horizontal(|ui| {
        ui.label(RichText::new(title.get(lang)).strong());
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui
                .small_button(T::ExportPng.get(lang))
                .on_hover_text(T::ExportPngTip.get(lang))
                .clicked()
            {
                let name = format!("{}-{id}.png", file_stem(&view.project.meta.name));
                view.out.capture(rect, name);
            }
        });
    });
    add_contents(&mut child, view);
}

/// A file-name-safe version of the project's name.
pub fn file_stem(name: &str) -> String {
    crate::io::slug::slug(name, "pilote")
}
