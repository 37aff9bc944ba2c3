//! The risk register: probability and impact (1–5), exposure, cost exposure, owner, mitigation
//! and contingency with the tasks that carry them, status and trend; and the 5 × 5 probability
//! × impact matrix whose cells count their risks and filter the register.

use egui::{Align2, FontId, RichText, Sense, Ui, pos2, vec2};

use super::ViewCtx;
use super::editor::{
    DateChange, ListAction, ListColumn, ListState, choice_ui, date_row_ui, key, list_ui,
    pick_many_ui, pick_one_ui, resource_name, resource_options, task_options, text_ui, toolbar_ui,
};
use crate::doc::edit::{Collection, Edit};
use crate::i18n::{self, T};
use crate::model::{Risk, RiskCategory, RiskId, RiskStatus, RiskTrend};

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

fn category_name(c: RiskCategory) -> T {
    match c {
        RiskCategory::Schedule => T::RiskSchedule,
        RiskCategory::Budget => T::RiskBudget,
        RiskCategory::Technical => T::RiskTechnical,
        RiskCategory::Organisational => T::RiskOrganisational,
        RiskCategory::Supplier => T::RiskSupplier,
        RiskCategory::Legal => T::RiskLegal,
        RiskCategory::Security => T::RiskSecurity,
        RiskCategory::Human => T::RiskHuman,
    }
}

fn status_name(s: RiskStatus) -> T {
    match s {
        RiskStatus::Open => T::RiskOpen,
        RiskStatus::Mitigating => T::RiskMitigating,
        RiskStatus::Occurred => T::RiskOccurred,
        RiskStatus::Closed => T::RiskClosed,
    }
}

fn trend_name(t: RiskTrend) -> T {
    match t {
        RiskTrend::Rising => T::TrendRising,
        RiskTrend::Stable => T::TrendStable,
        RiskTrend::Falling => T::TrendFalling,
    }
}

pub fn risks_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut RisksState) {
    let lang = view.lang;
    let project = view.project;
    let action = toolbar_ui(ui, lang, T::AddRisk, &mut state.list, project.risks.len());
    act(view, state, action);
    egui::Panel::right("risk-detail")
        .resizable(true)
        .default_size(440.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| detail_ui(ui, view, state));
        });
    egui::Panel::left("risk-matrix")
        .resizable(false)
        .exact_size(300.0)
        .show(ui, |ui| {
            matrix_ui(ui, view, state);
        });
    let v: &ViewCtx<'_> = view;
    let critical = v.project.rag.critical_risk_exposure;
    let error = v.theme.error();
    let shown: Vec<Risk> = project
        .risks
        .iter()
        .filter(|r| {
            state
                .cell
                .is_none_or(|(p, i)| r.probability == p && r.impact == i)
        })
        .cloned()
        .collect();
    let currency = project.meta.currency.as_str();
    let columns = vec![
        ListColumn::new(T::ColCode.get(lang), 70.0, |r: &Risk| r.code.clone()),
        ListColumn::new(T::ColTitle.get(lang), 240.0, |r: &Risk| r.title.clone()),
        ListColumn::new(T::Category.get(lang), 110.0, move |r: &Risk| {
            category_name(r.category).get(lang).to_owned()
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
            resource_name(v, r.owner)
        }),
        ListColumn::new(T::ColStatus.get(lang), 100.0, move |r: &Risk| {
            status_name(r.status).get(lang).to_owned()
        }),
        ListColumn::new(T::Trend.get(lang), 80.0, move |r: &Risk| {
            trend_name(r.trend).get(lang).to_owned()
        }),
    ];
    egui::CentralPanel::default_margins().show(ui, |ui| {
        if let Some((p, i)) = state.cell {
            ui.horizontal(|ui| {
                ui.label(
                    T::FilteredOnCell.fill(lang, &[("p", &p.to_string()), ("i", &i.to_string())]),
                );
                if ui.small_button(T::ShowAll.get(lang)).clicked() {
                    state.cell = None;
                }
            });
        }
        list_ui(ui, "risks", &mut state.list, &shown, |r| r.id.0, &columns);
    });
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
    ui.label(
        RichText::new(T::MatrixAxes.get(lang))
            .color(view.theme.muted())
            .small(),
    );
}

fn act(view: &mut ViewCtx<'_>, state: &mut RisksState, action: ListAction) {
    let lang = view.lang;
    let project = view.project;
    let next = RiskId(project.risks.iter().map(|r| r.id.0).max().unwrap_or(0) + 1);
    let selected = state
        .list
        .selected
        .and_then(|s| project.risks.iter().position(|r| r.id.0 == s));
    match action {
        ListAction::None => {}
        ListAction::Add | ListAction::Duplicate => {
            let mut list = project.risks.clone();
            let item = match (action, selected) {
                (ListAction::Duplicate, Some(i)) => Risk {
                    id: next,
                    code: format!("RSK-{:02}", next.0),
                    ..list[i].clone()
                },
                _ => Risk {
                    id: next,
                    code: format!("RSK-{:02}", next.0),
                    title: T::NewRisk.get(lang).to_owned(),
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
                    identified_on: project.meta.status_date.unwrap_or(view.today),
                },
            };
            list.insert(selected.map_or(list.len(), |i| i + 1), item);
            view.out
                .edit(Edit::SetCollection(Box::new(Collection::Risks(list))), None);
            state.list.selected = Some(next.0);
        }
        ListAction::Delete => {
            let Some(i) = selected else { return };
            let mut list = project.risks.clone();
            list.remove(i);
            view.out
                .edit(Edit::SetCollection(Box::new(Collection::Risks(list))), None);
            state.list.selected = None;
        }
    }
}

fn detail_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut RisksState) {
    let lang = view.lang;
    let project = view.project;
    let Some(i) = state
        .list
        .selected
        .and_then(|s| project.risks.iter().position(|r| r.id.0 == s))
    else {
        ui.label(RichText::new(T::SelectAnItem.get(lang)).color(view.theme.muted()));
        return;
    };
    let r = &project.risks[i];
    let mut edited = r.clone();
    let mut what = None;
    let theme = *view.theme;
    ui.heading(format!("{} {}", r.code, r.title));
    ui.label(T::ExposureIs.fill(lang, &[("exposure", &r.exposure().to_string())]));
    egui::Grid::new("risk-fields")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            if let Some(v) = text_ui(ui, T::ColCode.get(lang), &r.code, false, view.out) {
                edited.code = v;
                what = Some("risk.code");
            }
            if let Some(v) = text_ui(ui, T::ColTitle.get(lang), &r.title, false, view.out) {
                edited.title = v;
                what = Some("risk.title");
            }
            let categories: Vec<_> = [
                RiskCategory::Schedule,
                RiskCategory::Budget,
                RiskCategory::Technical,
                RiskCategory::Organisational,
                RiskCategory::Supplier,
                RiskCategory::Legal,
                RiskCategory::Security,
                RiskCategory::Human,
            ]
            .into_iter()
            .map(|c| (c, category_name(c).get(lang)))
            .collect();
            if let Some(v) = choice_ui(
                ui,
                "risk-category",
                T::Category.get(lang),
                r.category,
                &categories,
            ) {
                edited.category = v;
                what = Some("risk.category");
            }
            for (label, value, probability) in [
                (T::Probability, r.probability, true),
                (T::Impact, r.impact, false),
            ] {
                ui.label(label.get(lang));
                let mut v = value;
                let response = ui.add(egui::Slider::new(&mut v, 1..=5));
                ui.ctx().accesskit_node_builder(response.id, |n| {
                    n.set_label(label.get(lang).to_owned());
                });
                if response.changed() {
                    if probability {
                        edited.probability = v;
                    } else {
                        edited.impact = v;
                    }
                    what = Some(if probability { "risk.p" } else { "risk.i" });
                }
                ui.end_row();
            }
            ui.label(T::CostExposure.get(lang));
            let mut cost = r.cost_exposure;
            let response = ui.add(
                egui::DragValue::new(&mut cost)
                    .range(0.0..=1e10)
                    .speed(100.0),
            );
            ui.ctx().accesskit_node_builder(response.id, |n| {
                n.set_label(T::CostExposure.get(lang).to_owned());
            });
            if response.changed() {
                edited.cost_exposure = cost;
                what = Some("risk.cost");
            }
            ui.end_row();
            if let Some(v) = pick_one_ui(
                ui,
                "risk-owner",
                T::FieldOwner.get(lang),
                lang,
                r.owner,
                &resource_options(view),
            ) {
                edited.owner = v;
                what = Some("risk.owner");
            }
            let statuses: Vec<_> = [
                RiskStatus::Open,
                RiskStatus::Mitigating,
                RiskStatus::Occurred,
                RiskStatus::Closed,
            ]
            .into_iter()
            .map(|s| (s, status_name(s).get(lang)))
            .collect();
            if let Some(v) = choice_ui(
                ui,
                "risk-status",
                T::ColStatus.get(lang),
                r.status,
                &statuses,
            ) {
                edited.status = v;
                what = Some("risk.status");
            }
            let trends: Vec<_> = [RiskTrend::Rising, RiskTrend::Stable, RiskTrend::Falling]
                .into_iter()
                .map(|t| (t, trend_name(t).get(lang)))
                .collect();
            if let Some(v) = choice_ui(ui, "risk-trend", T::Trend.get(lang), r.trend, &trends) {
                edited.trend = v;
                what = Some("risk.trend");
            }
            if let DateChange::Set(Some(d)) = date_row_ui(
                ui,
                egui::Id::unique(("risk-identified", r.id)),
                T::IdentifiedOn.get(lang),
                Some(r.identified_on),
                &mut state.list.drafts,
                lang,
                &theme,
            ) {
                edited.identified_on = d;
                what = Some("risk.identified");
            }
            if let Some(v) = text_ui(
                ui,
                T::FieldDescription.get(lang),
                &r.description,
                true,
                view.out,
            ) {
                edited.description = v;
                what = Some("risk.description");
            }
            if let Some(v) = text_ui(ui, T::Mitigation.get(lang), &r.mitigation, true, view.out) {
                edited.mitigation = v;
                what = Some("risk.mitigation");
            }
            if let Some(v) = text_ui(ui, T::Contingency.get(lang), &r.contingency, true, view.out) {
                edited.contingency = v;
                what = Some("risk.contingency");
            }
            if let Some(v) = pick_many_ui(
                ui,
                "risk-tasks",
                T::ActionTasks.get(lang),
                lang,
                &r.action_tasks,
                &task_options(view),
            ) {
                edited.action_tasks = v;
                what = Some("risk.tasks");
            }
        });
    if let Some(what) = what {
        let mut list = project.risks.clone();
        list[i] = edited;
        view.out.edit(
            Edit::SetCollection(Box::new(Collection::Risks(list))),
            key(what, r.id.0),
        );
    }
}
