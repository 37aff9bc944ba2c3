//! The schedule and cost risk analysis: its options and the run (in the background, with its
//! progress and a cancel button), the headline P-values as tiles, the distributions of the
//! finish and of the cost, the tornado of what moves the finish, the tasks most often
//! critical; and the three-point estimates it samples, entered here.

mod charts;
mod estimates;

use chrono::NaiveDateTime;
use egui::{RichText, Ui};

use super::ViewCtx;
use crate::app::contract::Request;
use crate::i18n::{self, T};
use crate::schedule::risk::{RiskOptions, RiskResult};

#[derive(Default)]
pub struct RiskAnalysisState {
    pub options: RiskOptions,
    estimates: estimates::EstimatesState,
}

impl super::View for RiskAnalysisState {
    fn ui(&mut self, ui: &mut Ui, ctx: &mut ViewCtx<'_>) {
        risk_analysis_ui(ui, ctx, self);
    }
}

fn risk_analysis_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut RiskAnalysisState) {
    let lang = view.lang;
    ui.heading(T::ViewRiskAnalysis.get(lang));
    controls_ui(ui, view, state);
    ui.separator();
    // The view's width, held inside the scroll area: the charts take halves of it and the
    // tiles wrap at it.
    let full = ui.available_width();
    egui::ScrollArea::vertical()
        .id_salt("risk-analysis-scroll")
        .show(ui, |ui| {
            ui.set_max_width(full - 12.0);
            let status = view.analysis;
            if let Some(why) = &status.error {
                ui.colored_label(
                    view.theme.error(),
                    T::AnalysisFailed.fill(lang, &[("why", why)]),
                );
            }
            match status.result.clone() {
                Some(result) => {
                    if status.stale {
                        ui.colored_label(view.theme.warning(), T::AnalysisStale.get(lang));
                    }
                    for warning in &result.warnings {
                        ui.colored_label(view.theme.warning(), warning);
                    }
                    result_ui(ui, view, &result);
                }
                None => {
                    ui.label(T::AnalysisNone.get(lang));
                }
            }
            ui.add_space(8.0);
            estimates::estimates_ui(ui, view, &mut state.estimates);
        });
}

/// The run's options, and Run (or the progress and Cancel while it runs).
fn controls_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut RiskAnalysisState) {
    let lang = view.lang;
    let o = &mut state.options;
    ui.horizontal_wrapped(|ui| {
        labelled_drag_ui(
            ui,
            T::Iterations.get(lang),
            &mut o.iterations,
            100..=1_000_000,
            100.0,
        );
        labelled_drag_ui(ui, T::Seed.get(lang), &mut o.seed, 0..=u64::MAX, 1.0);
        ui.label(T::GroupCorrelation.get(lang));
        let slider = ui.add(egui::Slider::new(&mut o.correlation, 0.0..=1.0).fixed_decimals(2));
        label_node(ui, slider.id, T::GroupCorrelation.get(lang));
        ui.checkbox(&mut o.mitigated, T::RisksMitigated.get(lang));
        match view.analysis.progress {
            Some((done, total)) => {
                let fraction = if total > 0 {
                    done as f32 / total as f32
                } else {
                    0.0
                };
                let text = T::AnalysisProgress.fill(
                    lang,
                    &[("done", &done.to_string()), ("total", &total.to_string())],
                );
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(220.0)
                        .text(text),
                );
                if ui.button(T::CancelAnalysis.get(lang)).clicked() {
                    view.out.push(Request::CancelAnalysis);
                }
            }
            None => {
                if ui.button(T::RunAnalysis.get(lang)).clicked() {
                    view.out.push(Request::RunAnalysis(*o));
                }
            }
        }
    });
}

fn label_node(ui: &Ui, id: egui::Id, label: &str) {
    ui.ctx()
        .accesskit_node_builder(id, |node| node.set_label(label.to_owned()));
}

fn labelled_drag_ui<N: egui::emath::Numeric>(
    ui: &mut Ui,
    label: &str,
    value: &mut N,
    range: std::ops::RangeInclusive<N>,
    speed: f64,
) {
    ui.label(label);
    let response = ui.add(egui::DragValue::new(value).range(range).speed(speed));
    label_node(ui, response.id, label);
}

fn stamp(view: &ViewCtx<'_>, at: NaiveDateTime) -> String {
    i18n::format_date(view.lang, at.date())
}

/// The tiles, the comparison with the other run, the charts and the tables.
fn result_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, r: &RiskResult) {
    let lang = view.lang;
    if r.finishes.first() == r.finishes.last() && r.costs.first() == r.costs.last() {
        ui.label(T::AnalysisNothingUncertain.get(lang));
    }
    tiles_ui(ui, view, r);
    if let Some(other) = view.analysis.other.clone() {
        let (before, after) = if r.options.mitigated {
            (other.as_ref(), r)
        } else {
            (r, other.as_ref())
        };
        let currency = &view.project.meta.currency;
        let text = T::MitigationGain.fill(
            lang,
            &[
                ("from", &stamp(view, before.finish_percentile(0.8))),
                ("to", &stamp(view, after.finish_percentile(0.8))),
                (
                    "cost_from",
                    &i18n::format_money(lang, before.cost_percentile(0.8), currency),
                ),
                (
                    "cost_to",
                    &i18n::format_money(lang, after.cost_percentile(0.8), currency),
                ),
            ],
        );
        ui.label(RichText::new(text).strong());
    }
    ui.add_space(6.0);
    let width = ((ui.available_width() - 24.0) / 2.0).max(320.0);
    ui.horizontal(|ui| {
        ui.vertical(|ui| {
            ui.set_width(width);
            ui.label(RichText::new(T::FinishDistribution.get(lang)).strong());
            charts::finish_chart_ui(ui, view, r, egui::vec2(width, 260.0));
        });
        ui.vertical(|ui| {
            ui.set_width(width);
            ui.label(RichText::new(T::CostDistribution.get(lang)).strong());
            charts::cost_chart_ui(ui, view, r, egui::vec2(width, 260.0));
        });
    });
    ui.add_space(6.0);
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(width);
            ui.label(RichText::new(T::SensitivityTitle.get(lang)).strong());
            charts::tornado_ui(ui, view, r, egui::vec2(width, 260.0));
        });
        ui.vertical(|ui| {
            ui.set_width(width);
            ui.label(RichText::new(T::CriticalityTitle.get(lang)).strong());
            criticality_ui(ui, view, r);
        });
    });
    ui.add_space(6.0);
    ui.label(RichText::new(T::MilestonesTitle.get(lang)).strong());
    milestones_ui(ui, view, r);
}

/// Each milestone's planned, P50 and P80 dates, and the chance of meeting its deadline.
fn milestones_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, r: &RiskResult) {
    let lang = view.lang;
    egui::Grid::new("risk-milestones-grid")
        .striped(true)
        .show(ui, |ui| {
            for title in [
                T::FieldTask,
                T::Planned,
                T::P50,
                T::FinishP80,
                T::DeadlineLabel,
                T::DeadlineChance,
            ] {
                ui.label(RichText::new(title.get(lang)).strong());
            }
            ui.end_row();
            for m in &r.milestones {
                let Some(&row) = view.derived.rows.get(&m.task) else {
                    continue;
                };
                let name = format!("{} {}", view.derived.wbs[row], view.project.tasks[row].name);
                if ui.link(name).clicked() {
                    view.out.select_task(m.task);
                }
                ui.label(stamp(view, m.deterministic));
                ui.label(stamp(view, m.percentile(0.5)));
                ui.label(stamp(view, m.percentile(0.8)));
                ui.label(
                    m.deadline
                        .map_or_else(String::new, |d| i18n::format_date(lang, d)),
                );
                match m.deadline_share() {
                    Some(share) => {
                        let text = format!("{:.0} %", share * 100.0);
                        if share < 0.8 {
                            ui.colored_label(view.theme.error(), text);
                        } else {
                            ui.label(text);
                        }
                    }
                    None => {
                        ui.label("");
                    }
                }
                ui.end_row();
            }
        });
}

/// One headline figure, `width` wide: a title, a value, a line of detail; read by screen
/// readers as one.
fn tile_ui(
    ui: &mut Ui,
    view: &ViewCtx<'_>,
    width: f32,
    (title, value, detail): (&str, &str, &str),
) {
    let size = egui::vec2(width, 88.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    ui.painter().rect_filled(rect, 6.0, view.theme.tile_fill());
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect.shrink2(egui::vec2(12.0, 8.0)))
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    child.label(RichText::new(title).strong());
    child.label(RichText::new(value).size(20.0).strong());
    child.add(egui::Label::new(RichText::new(detail).color(view.theme.muted())).wrap());
    let label = format!("{title}: {value}");
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_role(egui::accesskit::Role::Group);
        node.set_label(label);
    });
}

/// The headline figures as tiles, as many to a row as fit at 190 points or more.
fn tiles_ui(ui: &mut Ui, view: &ViewCtx<'_>, r: &RiskResult) {
    let lang = view.lang;
    let currency = &view.project.meta.currency;
    let slip = |at: NaiveDateTime| {
        let days = (at.date() - r.deterministic_finish.date()).num_days();
        T::SlipDetail.fill(lang, &[("days", &days.to_string())])
    };
    let mut tiles: Vec<(String, String, String)> = vec![(
        T::PlannedFinish.get(lang).to_owned(),
        stamp(view, r.deterministic_finish),
        String::new(),
    )];
    for p in [50, 80, 90] {
        let at = r.finish_percentile(f64::from(p) / 100.0);
        let title = T::FinishAt.fill(lang, &[("p", &p.to_string())]);
        tiles.push((title, stamp(view, at), slip(at)));
    }
    let (value, detail) = match r.baseline_finish {
        Some(b) => (
            format!("{:.0} %", r.probability_finish_by(b) * 100.0),
            T::OnTimeDetail.fill(lang, &[("date", &stamp(view, b))]),
        ),
        None => ("—".to_owned(), T::NoBaselineFinish.get(lang).to_owned()),
    };
    tiles.push((T::OnTime.get(lang).to_owned(), value, detail));
    for p in [50, 80] {
        let cost = r.cost_percentile(f64::from(p) / 100.0);
        let title = T::CostAt.fill(lang, &[("p", &p.to_string())]);
        let over = i18n::format_money(lang, cost - r.deterministic_cost, currency);
        let detail = T::CostDetail.fill(lang, &[("amount", &over)]);
        tiles.push((title, i18n::format_money(lang, cost, currency), detail));
    }
    let (value, detail) = match r.budget {
        Some(b) => (
            format!("{:.0} %", r.probability_within(b) * 100.0),
            T::WithinBudgetDetail.fill(lang, &[("amount", &i18n::format_money(lang, b, currency))]),
        ),
        None => ("—".to_owned(), T::NoBudget.get(lang).to_owned()),
    };
    tiles.push((T::WithinBudget.get(lang).to_owned(), value, detail));
    let gap = ui.spacing().item_spacing.x;
    let available = ui.available_width();
    // As many as fit, then balanced: eight tiles in two rows of four rather than six and two.
    let fit = (((available + gap) / (190.0 + gap)).floor() as usize).clamp(1, tiles.len());
    let per_row = tiles.len().div_ceil(tiles.len().div_ceil(fit));
    let width = (available - gap * (per_row - 1) as f32) / per_row as f32;
    for row in tiles.chunks(per_row) {
        ui.horizontal(|ui| {
            for (title, value, detail) in row {
                tile_ui(ui, view, width, (title, value, detail));
            }
        });
    }
}

/// The tasks most often critical, with their criticality index; a click selects the task.
fn criticality_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, r: &RiskResult) {
    let mut rows: Vec<(crate::model::TaskId, f64)> = r
        .criticality
        .iter()
        .map(|(&t, &c)| (t, c))
        .filter(|&(_, c)| c > 0.0)
        .collect();
    rows.sort_by(|a, b| b.1.total_cmp(&a.1));
    rows.truncate(12);
    let lang = view.lang;
    egui::Grid::new("criticality-grid")
        .striped(true)
        .show(ui, |ui| {
            ui.label(RichText::new(T::FieldTask.get(lang)).strong());
            ui.label(RichText::new(T::CriticalityIndex.get(lang)).strong());
            ui.end_row();
            for (task, share) in rows {
                let Some(&row) = view.derived.rows.get(&task) else {
                    continue;
                };
                let name = format!("{} {}", view.derived.wbs[row], view.project.tasks[row].name);
                if ui.link(name).clicked() {
                    view.out.select_task(task);
                }
                ui.add(
                    egui::ProgressBar::new(share as f32)
                        .desired_width(160.0)
                        .fill(view.theme.critical())
                        .text(format!("{:.0} %", share * 100.0)),
                );
                ui.end_row();
            }
        });
}
