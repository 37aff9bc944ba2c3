//! The budget: envelopes per phase and per year (budget lines), and the expenses outside work ×
//! rate (cost items: licences, hardware, services, travel), planned or already spent, on a task
//! or on the project, internal or paid to a provider. The dashboard compares them with the
//! actual and forecast costs.

use egui::{RichText, Ui};

use super::ViewCtx;
use super::choices::Choice as _;
use super::collection;
use super::editor::{
    DateChange, ListAction, ListColumn, ListState, choice_ui, date_row_ui, key, list_ui,
    pick_one_ui, task_name, task_options, text_ui, toolbar_ui,
};
use crate::doc::edit::{Collection, Edit};
use crate::i18n::{self, Lang, T};
use crate::model::{Accrual, BudgetLine, CostCategory, CostItem};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    BudgetLines,
    CostItems,
}

#[derive(Default)]
pub struct BudgetState {
    pub tab: Tab,
    pub lines: ListState,
    pub items: ListState,
}

impl super::View for BudgetState {
    fn ui(&mut self, ui: &mut Ui, ctx: &mut ViewCtx<'_>) {
        budget_ui(ui, ctx, self);
    }
}

fn categories(lang: Lang) -> Vec<(CostCategory, &'static str)> {
    [
        CostCategory::Labour,
        CostCategory::Licences,
        CostCategory::Hardware,
        CostCategory::Services,
        CostCategory::Travel,
        CostCategory::Training,
        CostCategory::Other,
    ]
    .into_iter()
    .map(|c| (c, c.label().get(lang)))
    .collect()
}

pub fn budget_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut BudgetState) {
    let lang = view.lang;
    ui.horizontal(|ui| {
        ui.selectable_value(&mut state.tab, Tab::BudgetLines, T::BudgetLines.get(lang));
        ui.selectable_value(&mut state.tab, Tab::CostItems, T::CostItems.get(lang));
        ui.separator();
        let total: f64 = view.project.budget_lines.iter().map(|b| b.amount).sum();
        ui.label(T::BudgetTotal.fill(
            lang,
            &[(
                "amount",
                &i18n::format_money(lang, total, &view.project.meta.currency),
            )],
        ));
    });
    ui.separator();
    match state.tab {
        Tab::BudgetLines => lines_ui(ui, view, &mut state.lines),
        Tab::CostItems => items_ui(ui, view, &mut state.items),
    }
}

fn lines_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut ListState) {
    let lang = view.lang;
    let project = view.project;
    let action = toolbar_ui(
        ui,
        lang,
        T::AddBudgetLine,
        state,
        project.budget_lines.len(),
    );
    let next = collection::next::<BudgetLine>(project);
    let selected = state
        .selected
        .and_then(|s| project.budget_lines.iter().position(|b| b.id.0 == s));
    match action {
        ListAction::None => {}
        ListAction::Add | ListAction::Duplicate => {
            let mut list = project.budget_lines.clone();
            let year =
                chrono::Datelike::year(&project.meta.status_date.unwrap_or(project.meta.start));
            let item = match (action, selected) {
                (ListAction::Duplicate, Some(i)) => BudgetLine {
                    id: next,
                    ..list[i].clone()
                },
                _ => BudgetLine {
                    id: next,
                    phase: None,
                    year,
                    category: CostCategory::Labour,
                    amount: 0.0,
                    label: String::new(),
                },
            };
            list.insert(selected.map_or(list.len(), |i| i + 1), item);
            view.out.edit(
                Edit::SetCollection(Box::new(Collection::BudgetLines(list))),
                None,
            );
            state.selected = Some(next.0);
        }
        ListAction::Delete => collection::delete_selected::<BudgetLine>(view, state),
    }
    egui::Panel::right("budget-line-detail")
        .resizable(true)
        .default_size(420.0)
        .show(ui, |ui| {
            line_detail_ui(ui, view, state);
        });
    let v: &ViewCtx<'_> = view;
    let currency = project.meta.currency.as_str();
    let columns = vec![
        ListColumn::new(T::Phase.get(lang), 260.0, move |b: &BudgetLine| {
            if b.phase.is_some() {
                task_name(v, b.phase)
            } else {
                T::ProjectLevel.get(lang).to_owned()
            }
        }),
        ListColumn::new(T::Year.get(lang), 60.0, |b: &BudgetLine| b.year.to_string()),
        ListColumn::new(T::Category.get(lang), 110.0, move |b: &BudgetLine| {
            b.category.label().get(lang).to_owned()
        }),
        ListColumn::new(T::Amount.get(lang), 120.0, move |b: &BudgetLine| {
            i18n::format_money(lang, b.amount, currency)
        }),
        ListColumn::new(T::Label.get(lang), 200.0, |b: &BudgetLine| b.label.clone()),
    ];
    egui::CentralPanel::default_margins().show(ui, |ui| {
        list_ui(
            ui,
            "budget-lines",
            state,
            &project.budget_lines,
            |b| b.id.0,
            &columns,
        );
    });
}

fn line_detail_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut ListState) {
    let lang = view.lang;
    let project = view.project;
    let Some(i) = state
        .selected
        .and_then(|s| project.budget_lines.iter().position(|b| b.id.0 == s))
    else {
        ui.label(RichText::new(T::SelectAnItem.get(lang)).color(view.theme.muted()));
        return;
    };
    let b = &project.budget_lines[i];
    let mut edited = b.clone();
    let mut what = None;
    egui::Grid::new("budget-line-fields")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            if let Some(v) = pick_one_ui(
                ui,
                "line-phase",
                T::Phase.get(lang),
                lang,
                b.phase,
                &task_options(view),
            ) {
                edited.phase = v;
                what = Some("line.phase");
            }
            ui.label(T::Year.get(lang));
            let mut year = b.year;
            let response = ui.add(egui::DragValue::new(&mut year).range(1990..=2100));
            ui.ctx()
                .accesskit_node_builder(response.id, |n| n.set_label(T::Year.get(lang).to_owned()));
            if response.changed() {
                edited.year = year;
                what = Some("line.year");
            }
            ui.end_row();
            if let Some(v) = choice_ui(
                ui,
                "line-category",
                T::Category.get(lang),
                b.category,
                &categories(lang),
            ) {
                edited.category = v;
                what = Some("line.category");
            }
            ui.label(T::Amount.get(lang));
            let mut amount = b.amount;
            let response = ui.add(
                egui::DragValue::new(&mut amount)
                    .range(0.0..=1e12)
                    .speed(100.0)
                    .suffix(format!(" {}", project.meta.currency)),
            );
            ui.ctx().accesskit_node_builder(response.id, |n| {
                n.set_label(T::Amount.get(lang).to_owned());
            });
            if response.changed() {
                edited.amount = amount;
                what = Some("line.amount");
            }
            ui.end_row();
            if let Some(v) = text_ui(ui, T::Label.get(lang), &b.label, false, view.out) {
                edited.label = v;
                what = Some("line.label");
            }
        });
    if let Some(what) = what {
        let mut list = project.budget_lines.clone();
        list[i] = edited;
        view.out.edit(
            Edit::SetCollection(Box::new(Collection::BudgetLines(list))),
            key(what, b.id.0),
        );
    }
}

fn items_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut ListState) {
    let lang = view.lang;
    let project = view.project;
    let action = toolbar_ui(ui, lang, T::AddCostItem, state, project.cost_items.len());
    let next = collection::next::<CostItem>(project);
    let selected = state
        .selected
        .and_then(|s| project.cost_items.iter().position(|c| c.id.0 == s));
    match action {
        ListAction::None => {}
        ListAction::Add | ListAction::Duplicate => {
            let mut list = project.cost_items.clone();
            let item = match (action, selected) {
                (ListAction::Duplicate, Some(i)) => CostItem {
                    id: next,
                    ..list[i].clone()
                },
                _ => CostItem {
                    id: next,
                    label: T::NewCostItem.get(lang).to_owned(),
                    task: None,
                    category: CostCategory::Other,
                    amount: 0.0,
                    date: project.meta.status_date.unwrap_or(view.today),
                    external: false,
                    actual: false,
                    accrual: Accrual::Start,
                },
            };
            list.insert(selected.map_or(list.len(), |i| i + 1), item);
            view.out.edit(
                Edit::SetCollection(Box::new(Collection::CostItems(list))),
                None,
            );
            state.selected = Some(next.0);
        }
        ListAction::Delete => collection::delete_selected::<CostItem>(view, state),
    }
    egui::Panel::right("cost-item-detail")
        .resizable(true)
        .default_size(420.0)
        .show(ui, |ui| {
            item_detail_ui(ui, view, state);
        });
    let v: &ViewCtx<'_> = view;
    let currency = project.meta.currency.as_str();
    let columns = vec![
        ListColumn::new(T::Label.get(lang), 240.0, |c: &CostItem| c.label.clone()),
        ListColumn::new(T::FieldTask.get(lang), 220.0, move |c: &CostItem| {
            task_name(v, c.task)
        }),
        ListColumn::new(T::Category.get(lang), 100.0, move |c: &CostItem| {
            c.category.label().get(lang).to_owned()
        }),
        ListColumn::new(T::Amount.get(lang), 110.0, move |c: &CostItem| {
            i18n::format_money(lang, c.amount, currency)
        }),
        ListColumn::new(T::FieldDate.get(lang), 90.0, |c: &CostItem| {
            i18n::format_date_numeric(c.date)
        }),
        ListColumn::new(T::Spent.get(lang), 80.0, move |c: &CostItem| {
            if c.actual { T::Spent } else { T::Planned }
                .get(lang)
                .to_owned()
        }),
        ListColumn::new(T::ColOrigin.get(lang), 90.0, move |c: &CostItem| {
            if c.external { T::External } else { T::Internal }
                .get(lang)
                .to_owned()
        }),
    ];
    egui::CentralPanel::default_margins().show(ui, |ui| {
        list_ui(
            ui,
            "cost-items",
            state,
            &project.cost_items,
            |c| c.id.0,
            &columns,
        );
    });
}

#[allow(clippy::too_many_lines, reason = "one form, field after field")]
fn item_detail_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut ListState) {
    let lang = view.lang;
    let project = view.project;
    let Some(i) = state
        .selected
        .and_then(|s| project.cost_items.iter().position(|c| c.id.0 == s))
    else {
        ui.label(RichText::new(T::SelectAnItem.get(lang)).color(view.theme.muted()));
        return;
    };
    let c = &project.cost_items[i];
    let mut edited = c.clone();
    let mut what = None;
    let theme = *view.theme;
    egui::Grid::new("cost-item-fields")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            if let Some(v) = text_ui(ui, T::Label.get(lang), &c.label, false, view.out) {
                edited.label = v;
                what = Some("item.label");
            }
            if let Some(v) = pick_one_ui(
                ui,
                "item-task",
                T::FieldTask.get(lang),
                lang,
                c.task,
                &task_options(view),
            ) {
                edited.task = v;
                what = Some("item.task");
            }
            if let Some(v) = choice_ui(
                ui,
                "item-category",
                T::Category.get(lang),
                c.category,
                &categories(lang),
            ) {
                edited.category = v;
                what = Some("item.category");
            }
            ui.label(T::Amount.get(lang));
            let mut amount = c.amount;
            let response = ui.add(
                egui::DragValue::new(&mut amount)
                    .range(0.0..=1e12)
                    .speed(100.0)
                    .suffix(format!(" {}", project.meta.currency)),
            );
            ui.ctx().accesskit_node_builder(response.id, |n| {
                n.set_label(T::Amount.get(lang).to_owned());
            });
            if response.changed() {
                edited.amount = amount;
                what = Some("item.amount");
            }
            ui.end_row();
            if let DateChange::Set(Some(d)) = date_row_ui(
                ui,
                egui::Id::unique(("item-date", c.id)),
                T::FieldDate.get(lang),
                Some(c.date),
                &mut state.drafts,
                lang,
                &theme,
            ) {
                edited.date = d;
                what = Some("item.date");
            }
            let spent = [(false, T::Planned.get(lang)), (true, T::Spent.get(lang))];
            if let Some(v) = choice_ui(ui, "item-actual", T::Spent.get(lang), c.actual, &spent) {
                edited.actual = v;
                what = Some("item.actual");
            }
            let origin = [
                (false, T::Internal.get(lang)),
                (true, T::External.get(lang)),
            ];
            if let Some(v) = choice_ui(
                ui,
                "item-external",
                T::ColOrigin.get(lang),
                c.external,
                &origin,
            ) {
                edited.external = v;
                what = Some("item.external");
            }
            let accruals: Vec<_> = [Accrual::Start, Accrual::Prorated, Accrual::End]
                .into_iter()
                .map(|a| (a, a.label().get(lang)))
                .collect();
            if let Some(v) = choice_ui(
                ui,
                "item-accrual",
                T::Accrual.get(lang),
                c.accrual,
                &accruals,
            ) {
                edited.accrual = v;
                what = Some("item.accrual");
            }
        });
    if let Some(what) = what {
        let mut list = project.cost_items.clone();
        list[i] = edited;
        view.out.edit(
            Edit::SetCollection(Box::new(Collection::CostItems(list))),
            key(what, c.id.0),
        );
    }
}
