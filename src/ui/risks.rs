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
use crate::model::{Duration, EffectKind, Mitigated, Risk, RiskEffect, RiskStatus};

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
        Risk::new(
            id,
            T::NewRisk.get(view.lang),
            view.project.meta.status_date.unwrap_or(view.today),
        )
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
            let chance = r.occurrence_percent();
            if let Some(v) = form.number(ui, T::OccurrencePercent, chance, 0.0..=100.0, 1.0) {
                edited.occurrence_percent = Some(v);
            }
            mitigation_ui(ui, form, r, edited);
        });
        effects_ui(ui, form, r, edited, &tasks);
    }
}

/// The risk once mitigated: its chance and the share of its effects that remains.
fn mitigation_ui(ui: &mut Ui, form: &mut Form<'_, '_>, r: &Risk, edited: &mut Risk) {
    let lang = form.lang();
    ui.label(T::MitigationKnown.get(lang));
    let mut known = r.mitigated.is_some();
    let response = ui.checkbox(&mut known, "");
    ui.ctx().accesskit_node_builder(response.id, |n| {
        n.set_label(T::MitigationKnown.get(lang).to_owned());
    });
    ui.end_row();
    if response.changed() {
        edited.mitigated = known.then_some(Mitigated {
            occurrence_percent: r.occurrence_percent() / 2.0,
            effect_percent: 100.0,
        });
        form.changed(T::MitigationKnown);
    }
    if let Some(m) = r.mitigated {
        let chance = form.number(
            ui,
            T::MitigatedChance,
            m.occurrence_percent,
            0.0..=100.0,
            1.0,
        );
        let kept = form.number(ui, T::MitigatedEffect, m.effect_percent, 0.0..=100.0, 1.0);
        if chance.is_some() || kept.is_some() {
            edited.mitigated = Some(Mitigated {
                occurrence_percent: chance.unwrap_or(m.occurrence_percent),
                effect_percent: kept.unwrap_or(m.effect_percent),
            });
        }
    }
}

/// What the risk does to the plan when it occurs: per task, a delay, an extra cost, or the
/// task itself as extra work; added, changed and removed in place.
fn effects_ui(
    ui: &mut Ui,
    form: &mut Form<'_, '_>,
    r: &Risk,
    edited: &mut Risk,
    tasks: &[(crate::model::TaskId, String)],
) {
    let lang = form.lang();
    ui.add_space(6.0);
    ui.strong(T::RiskEffects.get(lang));
    let kind_name = |k: &EffectKind| match k {
        EffectKind::Delay(_) => T::EffectDelay,
        EffectKind::Cost(_) => T::EffectCost,
        EffectKind::ExtraTask => T::EffectExtraTask,
    };
    let mut remove = None;
    egui::Grid::new(("risk-effects", r.id.0))
        .num_columns(4)
        .show(ui, |ui| {
            for (k, effect) in r.effects.iter().enumerate() {
                let task_name = tasks
                    .iter()
                    .find(|(id, _)| *id == effect.task)
                    .map_or_else(|| effect.task.to_string(), |(_, n)| n.clone());
                let combo = egui::ComboBox::from_id_salt(("effect-task", r.id.0, k))
                    .width(150.0)
                    .selected_text(&task_name)
                    .show_ui(ui, |ui| {
                        for (id, name) in tasks {
                            if ui.selectable_label(*id == effect.task, name).clicked() {
                                edited.effects[k].task = *id;
                                form.changed(T::RiskEffects);
                            }
                        }
                    });
                ui.ctx().accesskit_node_builder(combo.response.id, |n| {
                    n.set_label(format!("{} {}", T::FieldTask.get(lang), k + 1));
                });
                let kinds = [
                    EffectKind::Delay(Duration::days(5.0)),
                    EffectKind::Cost(10_000.0),
                    EffectKind::ExtraTask,
                ];
                let combo = egui::ComboBox::from_id_salt(("effect-kind", r.id.0, k))
                    .selected_text(kind_name(&effect.kind).get(lang))
                    .show_ui(ui, |ui| {
                        for kind in kinds {
                            let same = std::mem::discriminant(&kind)
                                == std::mem::discriminant(&effect.kind);
                            if ui
                                .selectable_label(same, kind_name(&kind).get(lang))
                                .clicked()
                                && !same
                            {
                                edited.effects[k].kind = kind;
                                form.changed(T::RiskEffects);
                            }
                        }
                    });
                ui.ctx().accesskit_node_builder(combo.response.id, |n| {
                    n.set_label(format!("{} {}", T::EffectKindField.get(lang), k + 1));
                });
                let label = format!("{} {}", kind_name(&effect.kind).get(lang), k + 1);
                if let Some(kind) = effect_amount_ui(ui, &label, effect.kind) {
                    edited.effects[k].kind = kind;
                    form.changed(T::RiskEffects);
                }
                if ui
                    .small_button("×")
                    .on_hover_text(T::Remove.get(lang))
                    .clicked()
                {
                    remove = Some(k);
                }
                ui.end_row();
            }
        });
    if let Some(k) = remove {
        edited.effects.remove(k);
        form.changed(T::RiskEffects);
    }
    if let Some(&(first, _)) = tasks.first()
        && ui.button(T::AddEffect.get(lang)).clicked()
    {
        let task = r.action_tasks.first().copied().unwrap_or(first);
        edited.effects.push(RiskEffect {
            task,
            kind: EffectKind::Delay(Duration::days(5.0)),
        });
        form.changed(T::RiskEffects);
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

/// The delay (days) or the extra cost of an effect; the new effect when changed.
fn effect_amount_ui(ui: &mut Ui, label: &str, kind: EffectKind) -> Option<EffectKind> {
    let (mut value, range, speed) = match kind {
        EffectKind::Delay(d) => (d.amount, 0.0..=1000.0, 0.5),
        EffectKind::Cost(c) => (c, 0.0..=1e10, 100.0),
        EffectKind::ExtraTask => {
            ui.label("");
            return None;
        }
    };
    let response = ui.add(egui::DragValue::new(&mut value).range(range).speed(speed));
    ui.ctx()
        .accesskit_node_builder(response.id, |n| n.set_label(label.to_owned()));
    if !response.changed() {
        return None;
    }
    Some(match kind {
        EffectKind::Delay(d) => EffectKind::Delay(Duration {
            amount: value,
            unit: d.unit,
        }),
        _ => EffectKind::Cost(value),
    })
}
