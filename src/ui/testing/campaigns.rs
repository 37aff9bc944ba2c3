//! The campaigns: a set of cases run together, tied to a task of the plan and a deliverable.

use egui::{RichText, Ui};

use super::case_options;
use crate::i18n::{self, T};
use crate::model::{Campaign, TestKind, TestResult};
use crate::ui::ViewCtx;
use crate::ui::choices::Choice as _;
use crate::ui::collection::{self, EditorItem, Form};
use crate::ui::editor::{DateChange, ListColumn, ListState, task_name, task_options};

pub(super) fn campaigns_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut ListState) {
    collection::collection_ui::<Campaign>(ui, view, state, 460.0);
}

/// "3 of 5 run · 2 passed": the campaign's runs against its cases.
fn progress_text(view: &ViewCtx<'_>, c: &Campaign) -> String {
    let runs: Vec<_> = view
        .project
        .test_runs
        .iter()
        .filter(|r| r.campaign == c.id)
        .collect();
    let done = runs
        .iter()
        .filter(|r| r.result != TestResult::NotRun)
        .count();
    let passed = runs
        .iter()
        .filter(|r| r.result == TestResult::Passed)
        .count();
    T::CampaignProgress.fill(
        view.lang,
        &[
            ("done", &done.to_string()),
            ("cases", &c.cases.len().to_string()),
            ("passed", &passed.to_string()),
        ],
    )
}

impl EditorItem for Campaign {
    const ADD: T = T::AddCampaign;
    const SALT: &'static str = "campaigns";

    fn fresh(view: &ViewCtx<'_>, id: Self::Id) -> Self {
        let today = view.project.meta.status_date.unwrap_or(view.today);
        Campaign {
            id,
            name: T::NewCampaign.get(view.lang).to_owned(),
            kind: TestKind::Acceptance,
            task: None,
            start: today,
            finish: today,
            environment: String::new(),
            cases: Vec::new(),
            deliverable: None,
        }
    }

    fn heading(&self, _view: &ViewCtx<'_>) -> String {
        self.name.clone()
    }

    fn columns<'a>(v: &'a ViewCtx<'a>) -> Vec<ListColumn<'a, Self>> {
        let lang = v.lang;
        vec![
            ListColumn::new(T::ColItemName.get(lang), 220.0, |c: &Campaign| {
                c.name.clone()
            }),
            ListColumn::new(T::ColKind.get(lang), 100.0, move |c: &Campaign| {
                c.kind.label().get(lang).to_owned()
            }),
            ListColumn::new(T::FieldTask.get(lang), 200.0, move |c: &Campaign| {
                task_name(v, c.task)
            }),
            ListColumn::new(T::FieldDates.get(lang), 170.0, |c: &Campaign| {
                format!(
                    "{} – {}",
                    i18n::format_date_numeric(c.start),
                    i18n::format_date_numeric(c.finish)
                )
            }),
            ListColumn::new(T::FieldEnvironment.get(lang), 110.0, |c: &Campaign| {
                c.environment.clone()
            }),
            ListColumn::new(T::Progress.get(lang), 170.0, move |c: &Campaign| {
                progress_text(v, c)
            }),
        ]
    }

    fn form_ui(ui: &mut Ui, form: &mut Form<'_, '_>, c: &Self, edited: &mut Self) {
        let view = form.ctx();
        let lang = view.lang;
        let error = view.theme.error();
        let tasks = task_options(view);
        let cases = case_options(view);
        let deliverables: Vec<_> = view
            .project
            .deliverables
            .iter()
            .map(|d| (d.id, format!("{} {}", d.code, d.name)))
            .collect();
        form.grid(ui, |ui, form| {
            if let Some(v) = form.text(ui, T::ColItemName, &c.name) {
                edited.name = v;
            }
            if let Some(v) = form.choice(ui, T::ColKind, c.kind) {
                edited.kind = v;
            }
            if let Some(v) = form.pick_one(ui, T::FieldTask, c.task, &tasks) {
                edited.task = v;
            }
            if let DateChange::Set(Some(d)) = form.date(ui, T::FieldStart, Some(c.start)) {
                edited.start = d;
            }
            if let DateChange::Set(Some(d)) = form.date(ui, T::FieldFinish, Some(c.finish)) {
                edited.finish = d;
            }
            if let Some(v) = form.text(ui, T::FieldEnvironment, &c.environment) {
                edited.environment = v;
            }
            if let Some(v) = form.pick_many(ui, T::TestCases, &c.cases, &cases) {
                edited.cases = v;
            }
            if let Some(v) = form.pick_one(ui, T::FieldDeliverable, c.deliverable, &deliverables) {
                edited.deliverable = v;
            }
        });
        if edited.finish < edited.start {
            ui.label(RichText::new(T::FinishBeforeStart.get(lang)).color(error));
            form.refuse();
        }
    }
}
