//! The risk register: probability and impact (1–5), exposure, cost exposure, owner, mitigation
//! and contingency with the tasks that carry them, status and trend; and the 5 × 5 probability
//! × impact matrix whose cells count their risks and filter the register.

use egui::{Align2, FontId, RichText, Sense, Ui, pos2, vec2};

use super::ViewCtx;
use super::choices::Choice as _;
use super::collection::{self, EditorItem, Form};
use super::editor::{
    DateChange, ListColumn, ListState, resource_name, resource_options, task_options,
};
use crate::i18n::{self, T};
use crate::model::{Risk, RiskCategory, RiskStatus, RiskTrend};

#[derive(Default)]
pub struct RisksState {
    pub list: ListState,
    /// The matrix cell (probability, impact) the register is filtered on.
    pub cell: Option<(u8, u8)>,
}

impl super::View for RisksState {
    fn ui(&mut self, ui: &mut Ui, ctx: &mut ViewCtx<'_>) {
        risks_ui(ui, ctx, self);
    }
}

impl EditorItem for Risk {
    const ADD: T = T::AddRisk;
    const SALT: &'static str = "risks";

    fn fresh(view: &ViewCtx<'_>, id: Self::Id) -> Self {
        Risk {
            id,
            code: format!("RSK-{:02}", id.0),
            title: T::NewRisk.get(view.lang).to_owned(),
            description: String::new(),
            category: RiskCategory::Schedule,
            probability: 3,
            impact: 3,
            cost_exposure: 0.0,
            owner: None,
            mitigation: String::new(),
            contingency: String::new(),
            action_tasks: Vec::new(),
            status: RiskStatus::Open,
            trend: RiskTrend::Stable,
            identified_on: view.project.meta.status_date.unwrap_or(view.today),
        }
    }

    fn heading(&self, _view: &ViewCtx<'_>) -> String {
        format!("{} {}", self.code, self.title)
    }

    fn columns<'a>(view: &'a ViewCtx<'a>) -> Vec<ListColumn<'a, Self>> {
        let lang = view.lang;
        let critical = view.project.rag.critical_risk_exposure;
        let error = view.theme.error();
        let currency = view.project.meta.currency.as_str();
        vec![
            ListColumn::new(T::ColCode.get(lang), 70.0, |r: &Risk| r.code.clone()),
            ListColumn::new(T::ColTitle.get(lang), 240.0, |r: &Risk| r.title.clone()),
            ListColumn::new(T::Category.get(lang), 110.0, move |r: &Risk| {
                r.category.label().get(lang).to_owned()
            }),
            ListColumn::new("P", 30.0, |r: &Risk| r.probability.to_string()),
            ListColumn::new("I", 30.0, |r: &Risk| r.impact.to_string()),
            ListColumn::new(T::Exposure.get(lang), 70.0, |r: &Risk| {
                r.exposure().to_string()
            })
            .coloured(move |r: &Risk| {
                (r.exposure() >= critical && r.status != RiskStatus::Closed).then_some(error)
            }),
            ListColumn::new(T::CostExposure.get(lang), 110.0, move |r: &Risk| {
                i18n::format_money(lang, r.cost_exposure, currency)
            }),
            ListColumn::new(T::FieldOwner.get(lang), 120.0, move |r: &Risk| {
                resource_name(view, r.owner)
            }),
            ListColumn::new(T::ColStatus.get(lang), 100.0, move |r: &Risk| {
                r.status.label().get(lang).to_owned()
            }),
            ListColumn::new(T::Trend.get(lang), 80.0, move |r: &Risk| {
                r.trend.label().get(lang).to_owned()
            }),
        ]
    }

    fn form_ui(ui: &mut Ui, form: &mut Form<'_, '_>, r: &Self, edited: &mut Self) {
        let lang = form.lang();
        ui.label(T::ExposureIs.fill(lang, &[("exposure", &r.exposure().to_string())]));
        let resources = resource_options(form.ctx());
        let tasks = task_options(form.ctx());
        form.grid(ui, |ui, form| {
            if let Some(v) = form.text(ui, T::ColCode, &r.code) {
                edited.code = v;
            }
            if let Some(v) = form.text(ui, T::ColTitle, &r.title) {
                edited.title = v;
            }
            if let Some(v) = form.choice(ui, T::Category, r.category) {
                edited.category = v;
            }
            for (label, value) in [(T::Probability, r.probability), (T::Impact, r.impact)] {
                ui.label(label.get(lang));
                let mut v = value;
                let response = ui.add(egui::Slider::new(&mut v, 1..=5));
                ui.ctx().accesskit_node_builder(response.id, |n| {
                    n.set_label(label.get(lang).to_owned());
                });
                if response.changed() {
                    if label == T::Probability {
                        edited.probability = v;
                    } else {
                        edited.impact = v;
                    }
                    form.changed(label);
                }
                ui.end_row();
            }
            if let Some(v) = form.number(ui, T::CostExposure, r.cost_exposure, 0.0..=1e10, 100.0) {
                edited.cost_exposure = v;
            }
            if let Some(v) = form.pick_one(ui, T::FieldOwner, r.owner, &resources) {
                edited.owner = v;
            }
            if let Some(v) = form.choice(ui, T::ColStatus, r.status) {
                edited.status = v;
            }
            if let Some(v) = form.choice(ui, T::Trend, r.trend) {
                edited.trend = v;
            }
            if let DateChange::Set(Some(d)) = form.date(ui, T::IdentifiedOn, Some(r.identified_on))
            {
                edited.identified_on = d;
            }
            if let Some(v) = form.multiline(ui, T::FieldDescription, &r.description) {
                edited.description = v;
            }
            if let Some(v) = form.multiline(ui, T::Mitigation, &r.mitigation) {
                edited.mitigation = v;
            }
            if let Some(v) = form.multiline(ui, T::Contingency, &r.contingency) {
                edited.contingency = v;
            }
            if let Some(v) = form.pick_many(ui, T::ActionTasks, &r.action_tasks, &tasks) {
                edited.action_tasks = v;
            }
        });
    }
}

pub fn risks_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut RisksState) {
    let lang = view.lang;
    collection::toolbar_and_actions_ui::<Risk>(ui, view, &mut state.list);
    collection::detail_panel_ui::<Risk>(ui, view, &mut state.list, 440.0);
    egui::Panel::left("risk-matrix")
        .resizable(false)
        .exact_size(300.0)
        .show(ui, |ui| {
            matrix_ui(ui, view, state);
        });
    let cell = state.cell;
    let mut clear = false;
    collection::list_panel_ui::<Risk>(
        ui,
        view,
        &mut state.list,
        |r| cell.is_none_or(|(p, i)| r.probability == p && r.impact == i),
        |ui| {
            if let Some((p, i)) = cell {
                ui.horizontal(|ui| {
                    ui.label(
                        T::FilteredOnCell
                            .fill(lang, &[("p", &p.to_string()), ("i", &i.to_string())]),
                    );
                    clear = ui.small_button(T::ShowAll.get(lang)).clicked();
                });
            }
        },
    );
    if clear {
        state.cell = None;
    }
}

/// Probability up, impact across; each cell coloured by exposure and showing its open risks'
/// count; a click filters the register on the cell, a second click clears it.
fn matrix_ui(ui: &mut Ui, view: &ViewCtx<'_>, state: &mut RisksState) {
    let lang = view.lang;
    let project = view.project;
    ui.strong(T::RiskMatrix.get(lang));
    let cell = 46.0;
    let (rect, _) =
        ui.allocate_exact_size(vec2(cell * 5.0 + 30.0, cell * 5.0 + 30.0), Sense::hover());
    let painter = ui.painter().clone();
    let origin = pos2(rect.min.x + 24.0, rect.min.y);
    for p in 1..=5u8 {
        for i in 1..=5u8 {
            let x = origin.x + f32::from(i - 1) * cell;
            let y = origin.y + f32::from(5 - p) * cell;
            let r = egui::Rect::from_min_size(pos2(x, y), vec2(cell, cell)).shrink(2.0);
            let exposure = p * i;
            let fill = if exposure >= project.rag.critical_risk_exposure {
                view.theme.heat_over()
            } else if exposure >= 8 {
                view.theme.heat_full()
            } else {
                view.theme.heat_normal()
            };
            let selected = state.cell == Some((p, i));
            painter.rect_filled(
                r,
                4.0,
                if selected {
                    fill
                } else {
                    fill.gamma_multiply(0.75)
                },
            );
            if selected {
                painter.rect_stroke(
                    r,
                    4.0,
                    egui::Stroke::new(2.0, ui.visuals().strong_text_color()),
                    egui::StrokeKind::Inside,
                );
            }
            let count = project
                .risks
                .iter()
                .filter(|x| x.probability == p && x.impact == i && x.status != RiskStatus::Closed)
                .count();
            if count > 0 {
                painter.text(
                    r.center(),
                    Align2::CENTER_CENTER,
                    count.to_string(),
                    FontId::proportional(16.0),
                    view.theme.heat_text(),
                );
            }
            let id = egui::Id::unique(("risk-cell", p, i));
            let response = ui.interact(r, id, Sense::click());
            let label = T::RiskCellLabel.fill(
                lang,
                &[
                    ("p", &p.to_string()),
                    ("i", &i.to_string()),
                    ("count", &count.to_string()),
                ],
            );
            ui.ctx().accesskit_node_builder(id, |node| {
                node.set_role(egui::accesskit::Role::Cell);
                node.set_label(label.clone());
            });
            if response.on_hover_text(label).clicked() {
                state.cell = if selected { None } else { Some((p, i)) };
            }
        }
        painter.text(
            pos2(
                rect.min.x + 8.0,
                origin.y + f32::from(5 - p) * cell + cell / 2.0,
            ),
            Align2::CENTER_CENTER,
            p.to_string(),
            FontId::proportional(12.0),
            view.theme.muted(),
        );
    }
    for i in 1..=5u8 {
        painter.text(
            pos2(
                origin.x + f32::from(i - 1) * cell + cell / 2.0,
                origin.y + 5.0 * cell + 10.0,
            ),
            Align2::CENTER_CENTER,
            i.to_string(),
            FontId::proportional(12.0),
            view.theme.muted(),
        );
    }
    // Body size: the key to the matrix must be read, not guessed.
    ui.label(RichText::new(T::MatrixAxes.get(lang)).color(view.theme.muted()));
}
