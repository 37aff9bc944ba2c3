//! Entering what the analysis samples: three-point estimates set for a phase, the selection
//! or the whole plan as percentages of each task's duration (one undo step), each estimate
//! edited in its row; and low / likely / high amounts for the planned cost items.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::doc::{CoalesceKey, Collection, Edit};
use crate::i18n::T;
use crate::io::entry::short_unit;
use crate::model::{
    CostEstimate, CostEstimateId, Distribution, Duration, EstimateId, Project, TaskEstimate,
    TaskId, next_id, outline,
};
use crate::ui::ViewCtx;
use crate::ui::choices::Choice as _;

/// Where the quick entry applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Scope {
    #[default]
    WholePlan,
    Selection,
    /// The tasks under this summary.
    Phase(TaskId),
}

pub struct EstimatesState {
    scope: Scope,
    optimistic_percent: f64,
    pessimistic_percent: f64,
    distribution: Distribution,
    group: String,
}

impl Default for EstimatesState {
    fn default() -> Self {
        Self {
            scope: Scope::WholePlan,
            optimistic_percent: -10.0,
            pessimistic_percent: 30.0,
            distribution: Distribution::Triangular,
            group: String::new(),
        }
    }
}

/// The tasks of `scope` an estimate can apply to: leaves that take time and are not finished.
pub fn estimable(project: &Project, scope: Scope, selected: &[TaskId]) -> Vec<usize> {
    let tasks = &project.tasks;
    let rows: Box<dyn Iterator<Item = usize>> = match scope {
        Scope::WholePlan => Box::new(0..tasks.len()),
        Scope::Selection => Box::new((0..tasks.len()).filter(|&i| selected.contains(&tasks[i].id))),
        Scope::Phase(id) => match tasks.iter().position(|t| t.id == id) {
            Some(i) => Box::new(i + 1..outline::subtree_end(tasks, i)),
            None => Box::new(std::iter::empty()),
        },
    };
    rows.filter(|&i| {
        let t = &tasks[i];
        !outline::is_summary(tasks, i)
            && !t.milestone
            && t.duration.amount > 0.0
            && t.actual_finish.is_none()
            && t.percent_complete < 100
    })
    .collect()
}

/// The estimates with those of `rows` set to (1 + o %, 1, 1 + p %) × their duration.
pub fn with_percent_estimates(
    project: &Project,
    rows: &[usize],
    (optimistic_percent, pessimistic_percent): (f64, f64),
    distribution: Distribution,
    group: &str,
) -> Vec<TaskEstimate> {
    let mut list = project.task_estimates.clone();
    let mut next = next_id(&list, |e: &TaskEstimate| e.id);
    for &row in rows {
        let task = &project.tasks[row];
        let scaled = |percent: f64| Duration {
            amount: (task.duration.amount * (1.0 + percent / 100.0) * 100.0).round() / 100.0,
            unit: task.duration.unit,
        };
        let estimate = TaskEstimate {
            id: EstimateId(next),
            task: task.id,
            optimistic: scaled(optimistic_percent.min(0.0)),
            most_likely: task.duration,
            pessimistic: scaled(pessimistic_percent.max(0.0)),
            distribution,
            group: group.trim().to_owned(),
        };
        match list.iter_mut().find(|e| e.task == task.id) {
            Some(existing) => {
                *existing = TaskEstimate {
                    id: existing.id,
                    ..estimate
                };
            }
            None => {
                list.push(estimate);
                next += 1;
            }
        }
    }
    list
}

pub fn estimates_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut EstimatesState) {
    let lang = view.lang;
    let count = view.project.task_estimates.len();
    egui::CollapsingHeader::new(T::EstimatesTitle.fill(lang, &[("count", &count.to_string())]))
        .id_salt("risk-estimates")
        .default_open(true)
        .show(ui, |ui| {
            quick_entry_ui(ui, view, state);
            ui.add_space(4.0);
            task_table_ui(ui, view);
        });
    let planned = view.project.cost_items.iter().filter(|c| !c.actual).count();
    if planned > 0 {
        let count = view.project.cost_estimates.len();
        egui::CollapsingHeader::new(
            T::CostEstimatesTitle.fill(lang, &[("count", &count.to_string())]),
        )
        .id_salt("risk-cost-estimates")
        .show(ui, |ui| cost_table_ui(ui, view));
    }
}

fn set(view: &mut ViewCtx<'_>, collection: Collection, key: Option<CoalesceKey>) {
    view.out
        .edit(Edit::SetCollection(Box::new(collection)), key);
}

fn quick_entry_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut EstimatesState) {
    let lang = view.lang;
    let project = view.project;
    let scope_text = |scope: Scope| match scope {
        Scope::WholePlan => T::WholePlan.get(lang).to_owned(),
        Scope::Selection => T::SelectedTasks.get(lang).to_owned(),
        Scope::Phase(id) => view.derived.rows.get(&id).map_or_else(String::new, |&row| {
            format!("{} {}", view.derived.wbs[row], project.tasks[row].name)
        }),
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(T::ApplyTo.get(lang));
        let combo = egui::ComboBox::from_id_salt("estimate-scope")
            .selected_text(scope_text(state.scope))
            .show_ui(ui, |ui| {
                let phases = (0..project.tasks.len())
                    .filter(|&i| view.derived.summary[i])
                    .map(|i| Scope::Phase(project.tasks[i].id));
                for scope in [Scope::WholePlan, Scope::Selection]
                    .into_iter()
                    .chain(phases)
                {
                    ui.selectable_value(&mut state.scope, scope, scope_text(scope));
                }
            });
        super::label_node(ui, combo.response.id, T::ApplyTo.get(lang));
        super::labelled_drag_ui(
            ui,
            T::OptimisticPercent.get(lang),
            &mut state.optimistic_percent,
            -100.0..=0.0,
            1.0,
        );
        super::labelled_drag_ui(
            ui,
            T::PessimisticPercent.get(lang),
            &mut state.pessimistic_percent,
            0.0..=1000.0,
            1.0,
        );
        ui.label(T::DistributionField.get(lang));
        distribution_combo_ui(ui, "estimate-distribution", lang, &mut state.distribution);
        ui.label(T::EstimateGroup.get(lang));
        let group = ui.add(egui::TextEdit::singleline(&mut state.group).desired_width(90.0));
        super::label_node(ui, group.id, T::EstimateGroup.get(lang));
        let selected = view.selection.tasks();
        let rows = estimable(project, state.scope, &selected);
        if ui
            .add_enabled(
                !rows.is_empty(),
                egui::Button::new(T::ApplyEstimates.get(lang)),
            )
            .clicked()
        {
            let list = with_percent_estimates(
                project,
                &rows,
                (state.optimistic_percent, state.pessimistic_percent),
                state.distribution,
                &state.group,
            );
            set(view, Collection::TaskEstimates(list), None);
            view.out.status(crate::app::contract::Status::info(
                T::EstimatesSet.with(&[("count", &rows.len().to_string())]),
            ));
        }
        let ids: Vec<TaskId> = rows.iter().map(|&r| project.tasks[r].id).collect();
        let has_any = project.task_estimates.iter().any(|e| ids.contains(&e.task));
        if ui
            .add_enabled(has_any, egui::Button::new(T::RemoveEstimates.get(lang)))
            .clicked()
        {
            let list = project
                .task_estimates
                .iter()
                .filter(|e| !ids.contains(&e.task))
                .cloned()
                .collect();
            set(view, Collection::TaskEstimates(list), None);
        }
    });
}

fn distribution_combo_ui(
    ui: &mut Ui,
    id: &str,
    lang: crate::i18n::Lang,
    value: &mut Distribution,
) -> bool {
    let before = *value;
    let combo = egui::ComboBox::from_id_salt(id)
        .width(120.0)
        .selected_text(value.label().get(lang))
        .show_ui(ui, |ui| {
            for (d, text) in Distribution::options(lang) {
                ui.selectable_value(value, d, text);
            }
        });
    super::label_node(ui, combo.response.id, T::DistributionField.get(lang));
    before != *value
}

/// A duration's amount as a drag value with its unit; true when changed.
fn amount_ui(ui: &mut Ui, label: &str, duration: &mut Duration, lang: crate::i18n::Lang) -> bool {
    let response = ui.add(
        egui::DragValue::new(&mut duration.amount)
            .range(0.0..=100_000.0)
            .speed(0.1)
            .max_decimals(2)
            .suffix(format!(" {}", short_unit(duration.unit, lang))),
    );
    super::label_node(ui, response.id, label);
    response.changed()
}

/// One of the three points of an estimate.
type PointOf = fn(&mut TaskEstimate) -> &mut Duration;

fn task_table_ui(ui: &mut Ui, view: &mut ViewCtx<'_>) {
    let lang = view.lang;
    let project = view.project;
    let mut replaced: Option<(TaskEstimate, T)> = None;
    let mut removed: Option<EstimateId> = None;
    TableBuilder::new(ui)
        .id_salt("task-estimates-table")
        .striped(true)
        .column(Column::initial(260.0).at_least(120.0).clip(true))
        .columns(Column::auto().at_least(90.0), 3)
        .column(Column::auto().at_least(130.0))
        .column(Column::auto().at_least(100.0))
        .column(Column::auto())
        .max_scroll_height(320.0)
        .header(22.0, |mut header| {
            for title in [
                T::FieldTask,
                T::Optimistic,
                T::MostLikely,
                T::Pessimistic,
                T::DistributionField,
                T::EstimateGroup,
            ] {
                header.col(|ui| {
                    ui.label(RichText::new(title.get(lang)).strong());
                });
            }
            header.col(|_| {});
        })
        .body(|body| {
            body.rows(24.0, project.task_estimates.len(), |mut row| {
                let e = &project.task_estimates[row.index()];
                let name = view.derived.rows.get(&e.task).map_or_else(
                    || format!("? {}", e.task),
                    |&r| format!("{} {}", view.derived.wbs[r], project.tasks[r].name),
                );
                row.col(|ui| {
                    ui.label(&name);
                });
                let mut edited = e.clone();
                let points: [(T, PointOf); 3] = [
                    (T::Optimistic, |e| &mut e.optimistic),
                    (T::MostLikely, |e| &mut e.most_likely),
                    (T::Pessimistic, |e| &mut e.pessimistic),
                ];
                for (field, point) in points {
                    row.col(|ui| {
                        let label = format!("{} — {name}", field.get(lang));
                        if amount_ui(ui, &label, point(&mut edited), lang) {
                            replaced = Some((edited.clone(), field));
                        }
                    });
                }
                row.col(|ui| {
                    let id = format!("estimate-dist-{}", e.id);
                    if distribution_combo_ui(ui, &id, lang, &mut edited.distribution) {
                        replaced = Some((edited.clone(), T::DistributionField));
                    }
                });
                row.col(|ui| {
                    let response =
                        ui.add(egui::TextEdit::singleline(&mut edited.group).desired_width(90.0));
                    super::label_node(
                        ui,
                        response.id,
                        &format!("{} — {name}", T::EstimateGroup.get(lang)),
                    );
                    if response.changed() {
                        replaced = Some((edited.clone(), T::EstimateGroup));
                    }
                });
                row.col(|ui| {
                    if ui
                        .small_button("×")
                        .on_hover_text(T::Remove.get(lang))
                        .clicked()
                    {
                        removed = Some(e.id);
                    }
                });
            });
        });
    apply_task_change(view, replaced, removed);
}

/// The estimate edited in its row (one undo step per field typed in), or removed.
fn apply_task_change(
    view: &mut ViewCtx<'_>,
    replaced: Option<(TaskEstimate, T)>,
    removed: Option<EstimateId>,
) {
    let project = view.project;
    if let Some((estimate, field)) = replaced {
        let id = estimate.id;
        let list = project
            .task_estimates
            .iter()
            .map(|e| {
                if e.id == id {
                    estimate.clone()
                } else {
                    e.clone()
                }
            })
            .collect();
        let key = CoalesceKey::Field {
            item: "estimate",
            id: id.0,
            field,
        };
        set(view, Collection::TaskEstimates(list), Some(key));
    }
    if let Some(id) = removed {
        let list = project
            .task_estimates
            .iter()
            .filter(|e| e.id != id)
            .cloned()
            .collect();
        set(view, Collection::TaskEstimates(list), None);
    }
}

/// A new collection of cost estimates, and the typing stream it belongs to.
type CostChange = (Vec<CostEstimate>, Option<CoalesceKey>);

fn cost_table_ui(ui: &mut Ui, view: &mut ViewCtx<'_>) {
    let lang = view.lang;
    let project = view.project;
    let currency = &project.meta.currency;
    let mut list: Option<CostChange> = None;
    let items: Vec<_> = project.cost_items.iter().filter(|c| !c.actual).collect();
    egui::Grid::new("cost-estimates-grid")
        .striped(true)
        .show(ui, |ui| {
            for title in [
                T::ColTitle,
                T::Planned,
                T::EstimateLow,
                T::EstimateLikely,
                T::EstimateHigh,
                T::DistributionField,
            ] {
                ui.label(RichText::new(title.get(lang)).strong());
            }
            ui.end_row();
            for item in items {
                ui.label(&item.label);
                ui.label(crate::i18n::format_money(lang, item.amount, currency));
                let change = match project.cost_estimates.iter().find(|e| e.item == item.id) {
                    Some(e) => cost_estimate_row_ui(ui, project, lang, (item, e)),
                    None => {
                        for _ in 0..3 {
                            ui.label("—");
                        }
                        ui.label("");
                        ui.button(T::AddCostEstimate.get(lang)).clicked().then(|| {
                            let mut all = project.cost_estimates.clone();
                            all.push(CostEstimate {
                                id: CostEstimateId(next_id(&all, |e: &CostEstimate| e.id)),
                                item: item.id,
                                low: item.amount * 0.9,
                                likely: item.amount,
                                high: item.amount * 1.3,
                                distribution: Distribution::Triangular,
                            });
                            (all, None)
                        })
                    }
                };
                if list.is_none() {
                    list = change;
                }
                ui.end_row();
            }
        });
    if let Some((all, key)) = list {
        set(view, Collection::CostEstimates(all), key);
    }
}

/// The three amounts and the distribution of a cost item's estimate, and its remove button.
fn cost_estimate_row_ui(
    ui: &mut Ui,
    project: &Project,
    lang: crate::i18n::Lang,
    (item, e): (&crate::model::CostItem, &CostEstimate),
) -> Option<CostChange> {
    let mut edited = e.clone();
    let mut changed = None;
    for (field, value) in [
        (T::EstimateLow, &mut edited.low),
        (T::EstimateLikely, &mut edited.likely),
        (T::EstimateHigh, &mut edited.high),
    ] {
        let r = ui.add(egui::DragValue::new(value).range(0.0..=1e10).speed(100.0));
        super::label_node(ui, r.id, &format!("{} — {}", field.get(lang), item.label));
        if r.changed() {
            changed = Some(field);
        }
    }
    let id = format!("cost-dist-{}", e.id);
    if distribution_combo_ui(ui, &id, lang, &mut edited.distribution) {
        changed = Some(T::DistributionField);
    }
    if ui
        .small_button("×")
        .on_hover_text(T::Remove.get(lang))
        .clicked()
    {
        let all = project
            .cost_estimates
            .iter()
            .filter(|x| x.id != e.id)
            .cloned()
            .collect();
        return Some((all, None));
    }
    let field = changed?;
    let key = CoalesceKey::Field {
        item: "cost-estimate",
        id: e.id.0,
        field,
    };
    let all = project
        .cost_estimates
        .iter()
        .map(|x| {
            if x.id == e.id {
                edited.clone()
            } else {
                x.clone()
            }
        })
        .collect();
    Some((all, Some(key)))
}
