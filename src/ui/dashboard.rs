//! The dashboard a steering committee reads: red / amber / green tiles, the earned-value
//! figures, the S-curves, the performance indices, budget against actual and forecast, and the
//! milestone trend — all at the status date, which is set here.

use chrono::{Datelike, Days, NaiveDate};
use egui::{Align, Layout, RichText, Sense, Ui, UiBuilder, vec2};
use egui_plot::{
    Bar, BarChart, Corner, GridInput, GridMark, HLine, Legend, Line, LineStyle, MarkerShape, Plot,
    PlotPoints, Points, VLine,
};

use super::ViewCtx;
use crate::doc::edit::Edit;
use crate::doc::history::CoalesceKey;
use crate::doc::tracking::baseline_name;
use crate::i18n::{self, Lang, T};
use crate::model::EacMethod;
use crate::schedule::baseline::LAST_BASELINE;
use crate::schedule::earned_value::EvFigures;
use crate::schedule::kpi::{BudgetRow, Headline, KpiReport, Rag};

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

/// A plot's x (or y) value for a date: days since the common era.
fn x_of(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

fn date_of(x: f64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(x.round() as i32)
}

fn rag_text(rag: Rag) -> T {
    match rag {
        Rag::Green => T::RagGreen,
        Rag::Amber => T::RagAmber,
        Rag::Red => T::RagRed,
        Rag::Unknown => T::RagUnknown,
    }
}

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
    toolbar_ui(ui, view, state, report.status);
    if !tracking.status_set {
        ui.label(RichText::new(T::NoStatusDate.get(lang)).color(view.theme.warning()));
    }
    ui.add_space(6.0);
    egui::ScrollArea::vertical().show(ui, |ui| {
        tiles_ui(ui, view, &report.headline);
        ui.add_space(8.0);
        figures_ui(ui, view, &report.ev.project);
        ui.add_space(GAP);
        let width = ((ui.available_width() - GAP) / 2.0).max(300.0);
        let plot_height =
            ((ui.available_height() - 3.0 * GAP) / 2.0 - CHART_CHROME).max(MIN_CHART_HEIGHT);
        ui.horizontal(|ui| {
            chart_ui(
                ui,
                view,
                "s-curve",
                T::ChartSCurve,
                (width, plot_height),
                |ui, view| {
                    s_curve_ui(ui, view, report, plot_height);
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
                    indices_ui(ui, view, report, plot_height);
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
                    budget_ui(ui, view, rows, plot_height - 26.0);
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
                    trend_ui(ui, view, report, plot_height);
                },
            );
        });
        ui.add_space(GAP);
        ui.heading(T::QualityAndRisks.get(lang));
        ui.add_space(4.0);
        let until = report.status;
        ui.horizontal(|ui| {
            chart_ui(
                ui,
                view,
                "tests",
                T::ChartTests,
                (width, plot_height),
                |ui, view| {
                    tests_chart_ui(ui, view, until, plot_height);
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
                    anomalies_chart_ui(ui, view, until, plot_height);
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
                    coverage_chart_ui(ui, view, plot_height);
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
                    risk_chart_ui(ui, view, until, plot_height);
                },
            );
        });
        ui.add_space(GAP);
    });
}

/// Counts by date: "Series — date: n".
fn hover_count(lang: Lang, pos: &egui_plot::HoverPosition<'_>) -> Option<String> {
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

fn tests_chart_ui(ui: &mut Ui, view: &ViewCtx<'_>, until: NaiveDate, height: f32) {
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

fn anomalies_chart_ui(ui: &mut Ui, view: &ViewCtx<'_>, until: NaiveDate, height: f32) {
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

fn coverage_chart_ui(ui: &mut Ui, view: &ViewCtx<'_>, height: f32) {
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

fn risk_chart_ui(ui: &mut Ui, view: &ViewCtx<'_>, until: NaiveDate, height: f32) {
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

fn status_key() -> CoalesceKey {
    CoalesceKey {
        what: "project.status_date",
        id: 0,
    }
}

/// Status date (typed, or a week back / forward), baseline compared with, EAC formula.
fn toolbar_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut DashboardState, status: NaiveDate) {
    let lang = view.lang;
    let project = view.project;
    let mut new_status = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(T::FieldStatusDate.get(lang));
        let mut text = state
            .status_draft
            .clone()
            .unwrap_or_else(|| i18n::format_date_numeric(status));
        let response = ui.add(egui::TextEdit::singleline(&mut text).desired_width(96.0));
        ui.ctx().accesskit_node_builder(response.id, |node| {
            node.set_label(T::FieldStatusDate.get(lang).to_owned());
        });
        if response.changed() {
            state.status_draft = Some(text.clone());
        }
        let typed = i18n::parse_date(&text);
        if response.lost_focus() {
            if let Some(d) = typed {
                new_status = Some(d);
            }
            state.status_draft = None;
        } else if response.has_focus() && typed.is_none() && !text.trim().is_empty() {
            ui.label(
                RichText::new(T::NotADate.fill(lang, &[("text", &text)])).color(view.theme.error()),
            );
        }
        ui.label(RichText::new(i18n::format_date(lang, status)).color(view.theme.muted()));
        if ui.button(T::WeekBack.get(lang)).clicked() {
            new_status = status.checked_sub_days(Days::new(7));
        }
        if ui.button(T::WeekForward.get(lang)).clicked() {
            new_status = status.checked_add_days(Days::new(7));
        }
        ui.separator();
        ui.label(T::CompareWith.get(lang));
        let current = project.earned_value.baseline;
        let combo = egui::ComboBox::from_id_salt("dashboard-baseline")
            .selected_text(baseline_name(current, lang))
            .show_ui(ui, |ui| {
                for n in 0..=LAST_BASELINE {
                    let saved = project.baselines.iter().any(|b| b.number == n);
                    if ui
                        .add_enabled(
                            saved,
                            egui::Button::selectable(n == current, baseline_name(n, lang)),
                        )
                        .clicked()
                        && n != current
                    {
                        let mut settings = project.earned_value.clone();
                        settings.baseline = n;
                        view.out.edit(Edit::SetEarnedValue(settings), None);
                    }
                }
            });
        ui.ctx().accesskit_node_builder(combo.response.id, |node| {
            node.set_label(T::CompareWith.get(lang).to_owned());
        });
        ui.separator();
        ui.label(T::EacFormula.get(lang));
        let formula = |m: EacMethod| match m {
            EacMethod::Cpi => "BAC / CPI",
            EacMethod::Budget => "AC + (BAC − EV)",
            EacMethod::CpiSpi => "AC + (BAC − EV) / (CPI × SPI)",
        };
        let eac = project.earned_value.eac;
        let combo = egui::ComboBox::from_id_salt("dashboard-eac")
            .selected_text(formula(eac))
            .show_ui(ui, |ui| {
                for m in EacMethod::ALL {
                    if ui.selectable_label(m == eac, formula(m)).clicked() && m != eac {
                        let mut settings = project.earned_value.clone();
                        settings.eac = m;
                        view.out.edit(Edit::SetEarnedValue(settings), None);
                    }
                }
            });
        ui.ctx().accesskit_node_builder(combo.response.id, |node| {
            node.set_label(T::EacFormula.get(lang).to_owned());
        });
    });
    if let Some(date) = new_status
        && project.meta.status_date != Some(date)
    {
        let mut meta = project.meta.clone();
        meta.status_date = Some(date);
        view.out
            .edit(Edit::SetMeta(Box::new(meta)), Some(status_key()));
        view.out.seal();
    }
}

/// One tile: a coloured band, the title, the headline figure, a line of detail.
fn tile_ui(
    ui: &mut Ui,
    view: &ViewCtx<'_>,
    width: f32,
    title: T,
    rag: Rag,
    value: &str,
    detail: &str,
) {
    let lang = view.lang;
    let height = 96.0;
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let painter = ui.painter_at(rect);
    let colour = view.theme.rag(rag);
    painter.rect_filled(rect, 6.0, view.theme.tile_fill());
    painter.rect_filled(
        egui::Rect::from_min_size(rect.min, vec2(6.0, height)),
        egui::CornerRadius {
            nw: 6,
            sw: 6,
            ne: 0,
            se: 0,
        },
        colour,
    );
    let mut child = ui.new_child(
        UiBuilder::new()
            .max_rect(rect.shrink2(vec2(14.0, 8.0)))
            .layout(Layout::top_down(Align::Min)),
    );
    child.horizontal(|ui| {
        ui.label(RichText::new(title.get(lang)).strong());
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            ui.label(
                RichText::new(rag_text(rag).get(lang))
                    .color(colour)
                    .strong(),
            );
        });
    });
    child.label(RichText::new(value).size(22.0).strong());
    child.add(egui::Label::new(RichText::new(detail).color(view.theme.muted())).wrap());
    let label = format!(
        "{}: {} — {value}; {detail}",
        title.get(lang),
        rag_text(rag).get(lang)
    );
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_role(egui::accesskit::Role::Group);
        node.set_label(label);
    });
}

fn tiles_ui(ui: &mut Ui, view: &ViewCtx<'_>, h: &Headline) {
    let lang = view.lang;
    let cur = &view.project.meta.currency;
    let money = |v: f64| i18n::format_money(lang, v, cur);
    let index = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| i18n::format_index(lang, v));
    let width = ((ui.available_width() - 4.0 * 10.0) / 5.0).max(150.0);
    let finish = match (h.forecast_finish, h.finish_slip_days) {
        (Some(f), Some(slip)) => T::TileFinish.fill(
            lang,
            &[
                ("date", &i18n::format_date(lang, f.date())),
                ("slip", &format!("{slip:+}")),
            ],
        ),
        (Some(f), None) => {
            T::TileFinishNoBaseline.fill(lang, &[("date", &i18n::format_date(lang, f.date()))])
        }
        _ => String::new(),
    };
    let coverage = if h.requirements > 0 {
        format!(
            "{:.0} %",
            100.0 * h.requirements_covered as f64 / h.requirements as f64
        )
    } else {
        "—".to_owned()
    };
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 10.0;
        tile_ui(
            ui,
            view,
            width,
            T::TileSchedule,
            h.schedule,
            &format!("SPI {}", index(h.spi)),
            &finish,
        );
        tile_ui(
            ui,
            view,
            width,
            T::TileCost,
            h.cost,
            &format!("CPI {}", index(h.cpi)),
            &T::TileEacBac.fill(lang, &[("eac", &money(h.eac)), ("bac", &money(h.bac))]),
        );
        tile_ui(
            ui,
            view,
            width,
            T::TileScope,
            h.scope,
            &coverage,
            &T::TileCoverage.fill(
                lang,
                &[
                    ("covered", &h.requirements_covered.to_string()),
                    ("total", &h.requirements.to_string()),
                ],
            ),
        );
        tile_ui(
            ui,
            view,
            width,
            T::TileQuality,
            h.quality,
            &T::TileBlocking.fill(lang, &[("count", &h.open_blocking_anomalies.to_string())]),
            &T::TileOpenAnomalies.fill(lang, &[("count", &h.open_anomalies.to_string())]),
        );
        tile_ui(
            ui,
            view,
            width,
            T::TileRisk,
            h.risk,
            &T::TileCritical.fill(lang, &[("count", &h.critical_risks.to_string())]),
            &T::TileOpenRisks.fill(
                lang,
                &[
                    ("count", &h.open_risks.to_string()),
                    ("amount", &money(h.risk_cost_exposure)),
                ],
            ),
        );
    });
}

/// The project's earned-value figures in one strip, each with its definition on hover.
fn figures_ui(ui: &mut Ui, view: &ViewCtx<'_>, f: &EvFigures) {
    let lang = view.lang;
    let cur = &view.project.meta.currency;
    let money = |v: f64| i18n::format_money(lang, v, cur);
    let index = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| i18n::format_index(lang, v));
    let figures: [(&str, String, T, bool); 12] = [
        ("BAC", money(f.bac), T::TipBac, false),
        ("PV", money(f.pv), T::TipPv, false),
        ("EV", money(f.ev), T::TipEv, false),
        ("AC", money(f.ac), T::TipAc, false),
        ("SV", money(f.sv), T::TipSv, f.sv < 0.0),
        ("CV", money(f.cv), T::TipCv, f.cv < 0.0),
        (
            "SPI",
            index(f.spi),
            T::TipSpi,
            f.spi.is_some_and(|v| v < 1.0),
        ),
        (
            "CPI",
            index(f.cpi),
            T::TipCpi,
            f.cpi.is_some_and(|v| v < 1.0),
        ),
        ("EAC", money(f.eac), T::TipEac, f.eac > f.bac),
        ("ETC", money(f.etc), T::TipEtc, false),
        ("VAC", money(f.vac), T::TipVac, f.vac < 0.0),
        (
            "TCPI",
            index(f.tcpi),
            T::TipTcpi,
            f.tcpi.is_some_and(|v| v > 1.0),
        ),
    ];
    egui::Grid::new("ev-figures")
        .num_columns(12)
        .spacing([18.0, 2.0])
        .show(ui, |ui| {
            for (name, _, tip, _) in &figures {
                ui.label(RichText::new(*name).color(view.theme.muted()).small())
                    .on_hover_text(tip.get(lang));
            }
            ui.end_row();
            for (name, value, tip, bad) in &figures {
                let text = RichText::new(value).strong();
                let text = if *bad {
                    text.color(view.theme.error())
                } else {
                    text
                };
                let response = ui.label(text).on_hover_text(tip.get(lang));
                ui.ctx().accesskit_node_builder(response.id, |node| {
                    node.set_label(format!("{name} {value}"));
                });
            }
            ui.end_row();
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
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem.trim_matches('-').to_owned();
    if stem.is_empty() {
        "pilote".to_owned()
    } else {
        stem
    }
}

/// Month (or quarter, or year) marks on a date axis, few enough to label.
fn month_marks(input: &GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    let (Some(first), Some(last)) = (date_of(lo), date_of(hi)) else {
        return Vec::new();
    };
    let months = ((hi - lo) / 30.4).max(1.0);
    let step = [1u32, 2, 3, 6, 12, 24, 60]
        .into_iter()
        .find(|s| months / f64::from(*s) <= 8.0)
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
fn round_marks(input: &GridInput) -> Vec<GridMark> {
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

fn month_label(lang: Lang, x: f64) -> String {
    date_of(x).map_or_else(String::new, |d| {
        format!("{} {}", i18n::month_name(lang, d.month0()), d.year())
    })
}

fn s_curve_ui(ui: &mut Ui, view: &ViewCtx<'_>, report: &KpiReport, height: f32) {
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
    Plot::new("s-curve-plot")
        .height(height)
        .legend(
            Legend::default()
                .follow_insertion_order(true)
                .position(Corner::RightBottom),
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

/// "Series — 12 Mar 2026: €123,456" near a point; the date and amount elsewhere.
fn hover_money(lang: Lang, currency: &str, pos: &egui_plot::HoverPosition<'_>) -> Option<String> {
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

fn indices_ui(ui: &mut Ui, view: &ViewCtx<'_>, report: &KpiReport, height: f32) {
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
                Line::new("SPI", PlotPoints::from(spi))
                    .color(theme.planned())
                    .width(2.0),
            );
            plot.line(
                Line::new("CPI", PlotPoints::from(cpi))
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

fn budget_ui(ui: &mut Ui, view: &ViewCtx<'_>, rows: &[BudgetRow], height: f32) {
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

/// Phase names are long; the axis shows their first words.
fn labels_short(label: &str) -> String {
    let mut out = String::new();
    for word in label.split_whitespace() {
        if out.chars().count() + word.chars().count() > 16 {
            if out.is_empty() {
                out = word.chars().take(15).collect::<String>() + "…";
            } else {
                out.push('…');
            }
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Milestone trend analysis: each milestone still ahead at the status date, its forecast date
/// (up) at each report (across). A flat line is a kept promise; a rising one, a slip.
fn trend_ui(ui: &mut Ui, view: &ViewCtx<'_>, report: &KpiReport, height: f32) {
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
    Plot::new("trend-plot")
        .height(height)
        .legend(
            Legend::default()
                .follow_insertion_order(true)
                .position(Corner::RightBottom),
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
        .include_y(x_of(last) + 10.0)
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
