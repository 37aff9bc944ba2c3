//! The test cases: steps, expected result, the requirements they cover.

use egui::Ui;

use super::requirement_options;
use crate::i18n::{self, T};
use crate::model::{TestCase, TestKind};
use crate::ui::ViewCtx;
use crate::ui::choices::Choice as _;
use crate::ui::collection::{self, EditorItem, Form};
use crate::ui::editor::{ListColumn, ListState};

pub(super) fn cases_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut ListState) {
    collection::collection_ui::<TestCase>(ui, view, state, 460.0);
}

impl EditorItem for TestCase {
    const ADD: T = T::AddTestCase;
    const SALT: &'static str = "test-cases";

    fn fresh(view: &ViewCtx<'_>, id: Self::Id) -> Self {
        TestCase {
            id,
            code: format!("TC-{:03}", id.0),
            title: T::NewTestCase.get(view.lang).to_owned(),
            kind: TestKind::System,
            steps: Vec::new(),
            expected: String::new(),
            requirements: Vec::new(),
        }
    }

    fn heading(&self, _view: &ViewCtx<'_>) -> String {
        format!("{} {}", self.code, self.title)
    }

    fn columns<'a>(view: &'a ViewCtx<'a>) -> Vec<ListColumn<'a, Self>> {
        let lang = view.lang;
        let project = view.project;
        let last = crate::schedule::trace::last_results(project);
        vec![
            ListColumn::new(T::ColCode.get(lang), 70.0, |c: &TestCase| c.code.clone()),
            ListColumn::new(T::ColTitle.get(lang), 260.0, |c: &TestCase| c.title.clone()),
            ListColumn::new(T::ColKind.get(lang), 100.0, move |c: &TestCase| {
                c.kind.label().get(lang).to_owned()
            }),
            ListColumn::new(T::FieldRequirements.get(lang), 180.0, |c: &TestCase| {
                c.requirements
                    .iter()
                    .filter_map(|r| project.requirements.iter().find(|x| x.id == *r))
                    .map(|r| r.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            }),
            ListColumn::new(T::LastResult.get(lang), 110.0, move |c: &TestCase| {
                last.get(&c.id)
                    .map_or(T::ResNeverRun, |r| r.0.label())
                    .get(lang)
                    .to_owned()
            }),
        ]
    }

    fn form_ui(ui: &mut Ui, form: &mut Form<'_, '_>, c: &Self, edited: &mut Self) {
        let requirements = requirement_options(form.ctx());
        form.grid(ui, |ui, form| {
            if let Some(v) = form.text(ui, T::ColCode, &c.code) {
                edited.code = v;
            }
            if let Some(v) = form.text(ui, T::ColTitle, &c.title) {
                edited.title = v;
            }
            if let Some(v) = form.choice(ui, T::ColKind, c.kind) {
                edited.kind = v;
            }
            if let Some(v) = form.lines(ui, T::FieldSteps, &c.steps) {
                edited.steps = v;
            }
            if let Some(v) = form.multiline(ui, T::FieldExpected, &c.expected) {
                edited.expected = v;
            }
            if let Some(v) =
                form.pick_many(ui, T::FieldRequirements, &c.requirements, &requirements)
            {
                edited.requirements = v;
            }
        });
        runs_of_case_ui(ui, form.ctx(), c);
    }
}

/// The runs of the case so far: date, campaign, result.
fn runs_of_case_ui(ui: &mut Ui, view: &ViewCtx<'_>, c: &TestCase) {
    let lang = view.lang;
    let project = view.project;
    ui.separator();
    ui.strong(T::Runs.get(lang));
    for r in project.test_runs.iter().filter(|r| r.case == c.id) {
        let campaign = project
            .campaigns
            .iter()
            .find(|x| x.id == r.campaign)
            .map_or("?", |x| x.name.as_str());
        ui.label(format!(
            "{} — {campaign} — {}",
            i18n::format_date(lang, r.date),
            r.result.label().get(lang)
        ));
    }
}
