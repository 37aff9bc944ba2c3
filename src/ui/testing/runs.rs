//! The runs: one execution of one case in a campaign, its result and the anomaly it found.

use egui::Ui;

use super::{campaign_options, case_options};
use crate::doc::edit::{Collection, Edit};
use crate::i18n::{self, T};
use crate::model::{
    Anomaly, AnomalyPriority, AnomalyStatus, CampaignId, Severity, TestCaseId, TestResult, TestRun,
};
use crate::ui::ViewCtx;
use crate::ui::choices::Choice as _;
use crate::ui::collection::{self, EditorItem, Form};
use crate::ui::editor::{DateChange, ListColumn, ListState, resource_name, resource_options};

pub(super) fn runs_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut ListState) {
    collection::collection_ui::<TestRun>(ui, view, state, 460.0);
}

/// "TC-004 Login" for the run's case, empty when the case is gone.
fn case_text(view: &ViewCtx<'_>, r: &TestRun) -> String {
    view.project
        .test_cases
        .iter()
        .find(|c| c.id == r.case)
        .map_or_else(String::new, |c| format!("{} {}", c.code, c.title))
}

impl EditorItem for TestRun {
    const ADD: T = T::AddRun;
    const SALT: &'static str = "test-runs";

    fn add_refused(view: &ViewCtx<'_>) -> Option<T> {
        (view.project.campaigns.is_empty() || view.project.test_cases.is_empty())
            .then_some(T::RunNeedsCampaign)
    }

    /// A run of the first campaign's first case (the first case when the campaign has none).
    fn fresh(view: &ViewCtx<'_>, id: Self::Id) -> Self {
        let project = view.project;
        let campaign = project.campaigns.first();
        let case = campaign
            .and_then(|c| c.cases.first().copied())
            .or_else(|| project.test_cases.first().map(|c| c.id));
        TestRun {
            id,
            campaign: campaign.map_or(CampaignId(0), |c| c.id),
            case: case.unwrap_or(TestCaseId(0)),
            result: TestResult::NotRun,
            date: project.meta.status_date.unwrap_or(view.today),
            tester: None,
            anomaly: None,
            comment: String::new(),
        }
    }

    fn heading(&self, view: &ViewCtx<'_>) -> String {
        format!(
            "{} — {}",
            case_text(view, self),
            i18n::format_date(view.lang, self.date)
        )
    }

    fn columns<'a>(v: &'a ViewCtx<'a>) -> Vec<ListColumn<'a, Self>> {
        let lang = v.lang;
        let project = v.project;
        let error = v.theme.error();
        vec![
            ListColumn::new(T::FieldDate.get(lang), 90.0, |r: &TestRun| {
                i18n::format_date_numeric(r.date)
            }),
            ListColumn::new(T::Campaign.get(lang), 180.0, |r: &TestRun| {
                project
                    .campaigns
                    .iter()
                    .find(|c| c.id == r.campaign)
                    .map_or_else(String::new, |c| c.name.clone())
            }),
            ListColumn::new(T::TestCase.get(lang), 240.0, move |r: &TestRun| {
                case_text(v, r)
            }),
            ListColumn::new(T::Result.get(lang), 90.0, move |r: &TestRun| {
                r.result.label().get(lang).to_owned()
            })
            .coloured(move |r: &TestRun| (r.result == TestResult::Failed).then_some(error)),
            ListColumn::new(T::Tester.get(lang), 120.0, move |r: &TestRun| {
                resource_name(v, r.tester)
            }),
            ListColumn::new(T::Anomaly.get(lang), 80.0, |r: &TestRun| {
                r.anomaly
                    .and_then(|a| project.anomalies.iter().find(|x| x.id == a))
                    .map_or_else(String::new, |a| a.code.clone())
            }),
        ]
    }

    fn form_ui(ui: &mut Ui, form: &mut Form<'_, '_>, r: &Self, edited: &mut Self) {
        let view = form.ctx();
        let campaigns = campaign_options(view);
        let cases = case_options(view);
        let resources = resource_options(view);
        let anomalies: Vec<_> = view
            .project
            .anomalies
            .iter()
            .map(|a| (a.id, format!("{} {}", a.code, a.title)))
            .collect();
        form.grid(ui, |ui, form| {
            // A run always belongs to a campaign and a case: "none" is not a choice here.
            if let Some(Some(v)) = form.pick_one(ui, T::Campaign, Some(r.campaign), &campaigns) {
                edited.campaign = v;
            }
            if let Some(Some(v)) = form.pick_one(ui, T::TestCase, Some(r.case), &cases) {
                edited.case = v;
            }
            if let Some(v) = form.choice(ui, T::Result, r.result) {
                edited.result = v;
            }
            if let DateChange::Set(Some(d)) = form.date(ui, T::FieldDate, Some(r.date)) {
                edited.date = d;
            }
            if let Some(v) = form.pick_one(ui, T::Tester, r.tester, &resources) {
                edited.tester = v;
            }
            if let Some(v) = form.pick_one(ui, T::Anomaly, r.anomaly, &anomalies) {
                edited.anomaly = v;
            }
            if let Some(v) = form.multiline(ui, T::Comment, &r.comment) {
                edited.comment = v;
            }
        });
        if r.result == TestResult::Failed
            && r.anomaly.is_none()
            && ui.button(T::RaiseAnomaly.get(form.lang())).clicked()
        {
            raise_anomaly(form, r);
        }
    }
}

/// A new anomaly found in the failed run, and the run pointing at it: one undo step.
fn raise_anomaly(form: &mut Form<'_, '_>, r: &TestRun) {
    let view = form.ctx();
    let project = view.project;
    let lang = view.lang;
    let id = collection::next::<Anomaly>(project);
    let case = project.test_cases.iter().find(|c| c.id == r.case);
    let mut anomalies = project.anomalies.clone();
    anomalies.push(Anomaly {
        id,
        code: format!("ANO-{:03}", id.0),
        title: case.map_or_else(String::new, |c| {
            T::FailureOf.fill(lang, &[("case", &c.code)])
        }),
        description: r.comment.clone(),
        severity: Severity::Major,
        priority: AnomalyPriority::High,
        status: AnomalyStatus::New,
        found_in: Some(r.id),
        assignee: None,
        correction_task: None,
        reported_on: r.date,
        closed_on: None,
    });
    let mut runs = project.test_runs.clone();
    for run in runs.iter_mut().filter(|x| x.id == r.id) {
        run.anomaly = Some(id);
    }
    form.refuse();
    form.view.out.edit(
        Edit::Batch(vec![
            Edit::SetCollection(Box::new(Collection::Anomalies(anomalies))),
            Edit::SetCollection(Box::new(Collection::TestRuns(runs))),
        ]),
        None,
    );
}
