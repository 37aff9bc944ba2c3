//! The budget: envelopes per phase and per year (budget lines), and the expenses outside work ×
//! rate (cost items: licences, hardware, services, travel), planned or already spent, on a task
//! or on the project, internal or paid to a provider. The dashboard compares them with the
//! actual and forecast costs.

use egui::Ui;

use super::ViewCtx;
use super::choices::Choice as _;
use super::collection::{self, EditorItem, Form};
use super::editor::{DateChange, ListColumn, ListState, task_name, task_options};
use crate::i18n::{self, T};
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
        Tab::BudgetLines => {
            collection::collection_ui::<BudgetLine>(ui, view, &mut state.lines, 420.0);
        }
        Tab::CostItems => collection::collection_ui::<CostItem>(ui, view, &mut state.items, 420.0),
    }
}

/// The phase a budget line is for, or the project as a whole.
fn phase_text(view: &ViewCtx<'_>, b: &BudgetLine) -> String {
    if b.phase.is_some() {
        task_name(view, b.phase)
    } else {
        T::ProjectLevel.get(view.lang).to_owned()
    }
}

impl EditorItem for BudgetLine {
    const ADD: T = T::AddBudgetLine;
    const SALT: &'static str = "budget-lines";

    fn fresh(view: &ViewCtx<'_>, id: Self::Id) -> Self {
        let meta = &view.project.meta;
        BudgetLine {
            id,
            phase: None,
            year: chrono::Datelike::year(&meta.status_date.unwrap_or(meta.start)),
            category: CostCategory::Labour,
            amount: 0.0,
            label: String::new(),
        }
    }

    fn heading(&self, view: &ViewCtx<'_>) -> String {
        format!("{} · {}", phase_text(view, self), self.year)
    }

    fn columns<'a>(v: &'a ViewCtx<'a>) -> Vec<ListColumn<'a, Self>> {
        let lang = v.lang;
        let currency = v.project.meta.currency.as_str();
        vec![
            ListColumn::new(T::Phase.get(lang), 260.0, move |b: &BudgetLine| {
                phase_text(v, b)
            }),
            ListColumn::new(T::Year.get(lang), 60.0, |b: &BudgetLine| b.year.to_string()),
            ListColumn::new(T::Category.get(lang), 110.0, move |b: &BudgetLine| {
                b.category.label().get(lang).to_owned()
            }),
            ListColumn::new(T::Amount.get(lang), 120.0, move |b: &BudgetLine| {
                i18n::format_money(lang, b.amount, currency)
            }),
            ListColumn::new(T::Label.get(lang), 200.0, |b: &BudgetLine| b.label.clone()),
        ]
    }

    fn form_ui(ui: &mut Ui, form: &mut Form<'_, '_>, b: &Self, edited: &mut Self) {
        let tasks = task_options(form.ctx());
        form.grid(ui, |ui, form| {
            if let Some(v) = form.pick_one(ui, T::Phase, b.phase, &tasks) {
                edited.phase = v;
            }
            if let Some(v) = form.number(ui, T::Year, b.year, 1990..=2100, 1.0) {
                edited.year = v;
            }
            if let Some(v) = form.choice(ui, T::Category, b.category) {
                edited.category = v;
            }
            if let Some(v) = form.amount(ui, T::Amount, b.amount) {
                edited.amount = v;
            }
            if let Some(v) = form.text(ui, T::Label, &b.label) {
                edited.label = v;
            }
        });
    }
}

impl EditorItem for CostItem {
    const ADD: T = T::AddCostItem;
    const SALT: &'static str = "cost-items";

    fn fresh(view: &ViewCtx<'_>, id: Self::Id) -> Self {
        CostItem {
            id,
            label: T::NewCostItem.get(view.lang).to_owned(),
            task: None,
            category: CostCategory::Other,
            amount: 0.0,
            date: view.project.meta.status_date.unwrap_or(view.today),
            external: false,
            actual: false,
            accrual: Accrual::Start,
        }
    }

    fn heading(&self, _view: &ViewCtx<'_>) -> String {
        self.label.clone()
    }

    fn columns<'a>(v: &'a ViewCtx<'a>) -> Vec<ListColumn<'a, Self>> {
        let lang = v.lang;
        let currency = v.project.meta.currency.as_str();
        vec![
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
        ]
    }

    fn form_ui(ui: &mut Ui, form: &mut Form<'_, '_>, c: &Self, edited: &mut Self) {
        let lang = form.lang();
        let tasks = task_options(form.ctx());
        let spent = [(false, T::Planned.get(lang)), (true, T::Spent.get(lang))];
        let origin = [
            (false, T::Internal.get(lang)),
            (true, T::External.get(lang)),
        ];
        form.grid(ui, |ui, form| {
            if let Some(v) = form.text(ui, T::Label, &c.label) {
                edited.label = v;
            }
            if let Some(v) = form.pick_one(ui, T::FieldTask, c.task, &tasks) {
                edited.task = v;
            }
            if let Some(v) = form.choice(ui, T::Category, c.category) {
                edited.category = v;
            }
            if let Some(v) = form.amount(ui, T::Amount, c.amount) {
                edited.amount = v;
            }
            if let DateChange::Set(Some(d)) = form.date(ui, T::FieldDate, Some(c.date)) {
                edited.date = d;
            }
            if let Some(v) = form.among(ui, T::Spent, c.actual, &spent) {
                edited.actual = v;
            }
            if let Some(v) = form.among(ui, T::ColOrigin, c.external, &origin) {
                edited.external = v;
            }
            if let Some(v) = form.choice(ui, T::Accrual, c.accrual) {
                edited.accrual = v;
            }
        });
    }
}
