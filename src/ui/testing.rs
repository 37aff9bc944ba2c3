//! Tests and acceptance (recette): test cases with their steps and the requirements they
//! verify, campaigns tied to a task of the plan, runs recording a result per case (and the
//! anomaly raised), and load-test measurements against their targets.

use egui::{RichText, Ui};

use super::ViewCtx;
use super::choices::Choice as _;
use super::collection;
use super::editor::{
    DateChange, ListAction, ListColumn, ListState, choice_ui, date_row_ui, key, list_ui,
    pick_many_ui, pick_one_ui, resource_name, resource_options, task_name, task_options, text_ui,
    toolbar_ui,
};
use crate::doc::edit::{Collection, Edit};
use crate::i18n::{self, Lang, T};
use crate::model::{
    Anomaly, AnomalyId, AnomalyPriority, AnomalyStatus, Campaign, CampaignId, LoadTest, Severity,
    TestCase, TestCaseId, TestKind, TestResult, TestRun,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Cases,
    Campaigns,
    Runs,
    LoadTests,
}

#[derive(Default)]
pub struct TestingState {
    pub tab: Tab,
    pub cases: ListState,
    pub campaigns: ListState,
    pub runs: ListState,
    pub load: ListState,
}

impl super::View for TestingState {
    fn ui(&mut self, ui: &mut Ui, ctx: &mut ViewCtx<'_>) {
        testing_ui(ui, ctx, self);
    }
}

fn kinds(lang: Lang) -> Vec<(TestKind, &'static str)> {
    [
        TestKind::Unit,
        TestKind::Integration,
        TestKind::System,
        TestKind::Load,
        TestKind::Acceptance,
    ]
    .into_iter()
    .map(|k| (k, k.label().get(lang)))
    .collect()
}

fn set(view: &mut ViewCtx<'_>, c: Collection, key_: Option<crate::doc::history::CoalesceKey>) {
    view.out.edit(Edit::SetCollection(Box::new(c)), key_);
}

pub fn testing_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut TestingState) {
    let lang = view.lang;
    ui.horizontal(|ui| {
        for (tab, text) in [
            (Tab::Cases, T::TestCases),
            (Tab::Campaigns, T::Campaigns),
            (Tab::Runs, T::Runs),
            (Tab::LoadTests, T::LoadTests),
        ] {
            ui.selectable_value(&mut state.tab, tab, text.get(lang));
        }
    });
    ui.separator();
    match state.tab {
        Tab::Cases => cases_ui(ui, view, &mut state.cases),
        Tab::Campaigns => campaigns_ui(ui, view, &mut state.campaigns),
        Tab::Runs => runs_ui(ui, view, &mut state.runs),
        Tab::LoadTests => load_ui(ui, view, &mut state.load),
    }
}

fn requirement_options(view: &ViewCtx<'_>) -> Vec<(crate::model::RequirementId, String)> {
    view.project
        .requirements
        .iter()
        .map(|r| (r.id, format!("{} {}", r.code, r.title)))
        .collect()
}

fn case_options(view: &ViewCtx<'_>) -> Vec<(TestCaseId, String)> {
    view.project
        .test_cases
        .iter()
        .map(|c| (c.id, format!("{} {}", c.code, c.title)))
        .collect()
}

fn campaign_options(view: &ViewCtx<'_>) -> Vec<(CampaignId, String)> {
    view.project
        .campaigns
        .iter()
        .map(|c| (c.id, c.name.clone()))
        .collect()
}

fn cases_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut ListState) {
    let lang = view.lang;
    let project = view.project;
    let action = toolbar_ui(ui, lang, T::AddTestCase, state, project.test_cases.len());
    let next = collection::next::<TestCase>(project);
    let selected = state
        .selected
        .and_then(|s| project.test_cases.iter().position(|c| c.id.0 == s));
    match action {
        ListAction::None => {}
        ListAction::Add | ListAction::Duplicate => {
            let mut list = project.test_cases.clone();
            let item = match (action, selected) {
                (ListAction::Duplicate, Some(i)) => TestCase {
                    id: next,
                    code: format!("TC-{:03}", next.0),
                    ..list[i].clone()
                },
                _ => TestCase {
                    id: next,
                    code: format!("TC-{:03}", next.0),
                    title: T::NewTestCase.get(lang).to_owned(),
                    kind: TestKind::System,
                    steps: Vec::new(),
                    expected: String::new(),
                    requirements: Vec::new(),
                },
            };
            list.insert(selected.map_or(list.len(), |i| i + 1), item);
            set(view, Collection::TestCases(list), None);
            state.selected = Some(next.0);
        }
        ListAction::Delete => collection::delete_selected::<TestCase>(view, state),
    }
    let last = crate::schedule::trace::last_results(project);
    egui::Panel::right("case-detail")
        .resizable(true)
        .default_size(460.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| case_detail_ui(ui, view, state));
        });
    let columns = vec![
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
    ];
    egui::CentralPanel::default_margins().show(ui, |ui| {
        list_ui(
            ui,
            "test-cases",
            state,
            &project.test_cases,
            |c| c.id.0,
            &columns,
        );
    });
}

fn case_detail_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut ListState) {
    let lang = view.lang;
    let project = view.project;
    let Some(i) = state
        .selected
        .and_then(|s| project.test_cases.iter().position(|c| c.id.0 == s))
    else {
        ui.label(RichText::new(T::SelectAnItem.get(lang)).color(view.theme.muted()));
        return;
    };
    let c = &project.test_cases[i];
    let mut edited = c.clone();
    let mut what = None;
    ui.heading(format!("{} {}", c.code, c.title));
    egui::Grid::new("case-fields")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            if let Some(v) = text_ui(ui, T::ColCode.get(lang), &c.code, false, view.out) {
                edited.code = v;
                what = Some("case.code");
            }
            if let Some(v) = text_ui(ui, T::ColTitle.get(lang), &c.title, false, view.out) {
                edited.title = v;
                what = Some("case.title");
            }
            if let Some(v) = choice_ui(ui, "case-kind", T::ColKind.get(lang), c.kind, &kinds(lang))
            {
                edited.kind = v;
                what = Some("case.kind");
            }
            if let Some(v) = text_ui(
                ui,
                T::FieldSteps.get(lang),
                &c.steps.join("\n"),
                true,
                view.out,
            ) {
                edited.steps = v.lines().map(str::to_owned).collect();
                what = Some("case.steps");
            }
            if let Some(v) = text_ui(ui, T::FieldExpected.get(lang), &c.expected, true, view.out) {
                edited.expected = v;
                what = Some("case.expected");
            }
            if let Some(v) = pick_many_ui(
                ui,
                "case-reqs",
                T::FieldRequirements.get(lang),
                lang,
                &c.requirements,
                &requirement_options(view),
            ) {
                edited.requirements = v;
                what = Some("case.requirements");
            }
        });
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
    if let Some(what) = what {
        let mut list = project.test_cases.clone();
        list[i] = edited;
        set(view, Collection::TestCases(list), key(what, c.id.0));
    }
}

fn campaigns_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut ListState) {
    let lang = view.lang;
    let project = view.project;
    let action = toolbar_ui(ui, lang, T::AddCampaign, state, project.campaigns.len());
    let next = collection::next::<Campaign>(project);
    let selected = state
        .selected
        .and_then(|s| project.campaigns.iter().position(|c| c.id.0 == s));
    match action {
        ListAction::None => {}
        ListAction::Add | ListAction::Duplicate => {
            let mut list = project.campaigns.clone();
            let today = project.meta.status_date.unwrap_or(view.today);
            let item = match (action, selected) {
                (ListAction::Duplicate, Some(i)) => Campaign {
                    id: next,
                    name: format!("{} (2)", list[i].name),
                    ..list[i].clone()
                },
                _ => Campaign {
                    id: next,
                    name: T::NewCampaign.get(lang).to_owned(),
                    kind: TestKind::Acceptance,
                    task: None,
                    start: today,
                    finish: today,
                    environment: String::new(),
                    cases: Vec::new(),
                    deliverable: None,
                },
            };
            list.insert(selected.map_or(list.len(), |i| i + 1), item);
            set(view, Collection::Campaigns(list), None);
            state.selected = Some(next.0);
        }
        ListAction::Delete => collection::delete_selected::<Campaign>(view, state),
    }
    egui::Panel::right("campaign-detail")
        .resizable(true)
        .default_size(460.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| campaign_detail_ui(ui, view, state));
        });
    let v: &ViewCtx<'_> = view;
    let columns = vec![
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
            let runs: Vec<_> = project
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
                lang,
                &[
                    ("done", &done.to_string()),
                    ("cases", &c.cases.len().to_string()),
                    ("passed", &passed.to_string()),
                ],
            )
        }),
    ];
    egui::CentralPanel::default_margins().show(ui, |ui| {
        list_ui(
            ui,
            "campaigns",
            state,
            &project.campaigns,
            |c| c.id.0,
            &columns,
        );
    });
}

fn campaign_detail_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut ListState) {
    let lang = view.lang;
    let project = view.project;
    let Some(i) = state
        .selected
        .and_then(|s| project.campaigns.iter().position(|c| c.id.0 == s))
    else {
        ui.label(RichText::new(T::SelectAnItem.get(lang)).color(view.theme.muted()));
        return;
    };
    let c = &project.campaigns[i];
    let mut edited = c.clone();
    let mut what = None;
    ui.heading(&c.name);
    let theme = *view.theme;
    egui::Grid::new("campaign-fields")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            if let Some(v) = text_ui(ui, T::ColItemName.get(lang), &c.name, false, view.out) {
                edited.name = v;
                what = Some("campaign.name");
            }
            if let Some(v) = choice_ui(
                ui,
                "campaign-kind",
                T::ColKind.get(lang),
                c.kind,
                &kinds(lang),
            ) {
                edited.kind = v;
                what = Some("campaign.kind");
            }
            if let Some(v) = pick_one_ui(
                ui,
                "campaign-task",
                T::FieldTask.get(lang),
                lang,
                c.task,
                &task_options(view),
            ) {
                edited.task = v;
                what = Some("campaign.task");
            }
            if let DateChange::Set(Some(d)) = date_row_ui(
                ui,
                egui::Id::unique(("campaign-start", c.id)),
                T::FieldStart.get(lang),
                Some(c.start),
                &mut state.drafts,
                lang,
                &theme,
            ) {
                edited.start = d;
                what = Some("campaign.start");
            }
            if let DateChange::Set(Some(d)) = date_row_ui(
                ui,
                egui::Id::unique(("campaign-finish", c.id)),
                T::FieldFinish.get(lang),
                Some(c.finish),
                &mut state.drafts,
                lang,
                &theme,
            ) {
                edited.finish = d;
                what = Some("campaign.finish");
            }
            if let Some(v) = text_ui(
                ui,
                T::FieldEnvironment.get(lang),
                &c.environment,
                false,
                view.out,
            ) {
                edited.environment = v;
                what = Some("campaign.environment");
            }
            if let Some(v) = pick_many_ui(
                ui,
                "campaign-cases",
                T::TestCases.get(lang),
                lang,
                &c.cases,
                &case_options(view),
            ) {
                edited.cases = v;
                what = Some("campaign.cases");
            }
            let deliverables: Vec<_> = project
                .deliverables
                .iter()
                .map(|d| (d.id, format!("{} {}", d.code, d.name)))
                .collect();
            if let Some(v) = pick_one_ui(
                ui,
                "campaign-deliverable",
                T::FieldDeliverable.get(lang),
                lang,
                c.deliverable,
                &deliverables,
            ) {
                edited.deliverable = v;
                what = Some("campaign.deliverable");
            }
        });
    if edited.finish < edited.start {
        ui.label(RichText::new(T::FinishBeforeStart.get(lang)).color(view.theme.error()));
        what = None;
    }
    if let Some(what) = what {
        let mut list = project.campaigns.clone();
        list[i] = edited;
        set(view, Collection::Campaigns(list), key(what, c.id.0));
    }
}

fn runs_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut ListState) {
    let lang = view.lang;
    let project = view.project;
    let action = toolbar_ui(ui, lang, T::AddRun, state, project.test_runs.len());
    let next = collection::next::<TestRun>(project);
    let selected = state
        .selected
        .and_then(|s| project.test_runs.iter().position(|r| r.id.0 == s));
    match action {
        ListAction::None => {}
        ListAction::Add | ListAction::Duplicate => {
            let (Some(campaign), Some(case)) =
                (project.campaigns.first(), project.test_cases.first())
            else {
                view.out.error(T::RunNeedsCampaign.get(lang));
                return;
            };
            let mut list = project.test_runs.clone();
            let item = match (action, selected) {
                (ListAction::Duplicate, Some(i)) => TestRun {
                    id: next,
                    anomaly: None,
                    ..list[i].clone()
                },
                _ => TestRun {
                    id: next,
                    campaign: campaign.id,
                    case: campaign.cases.first().copied().unwrap_or(case.id),
                    result: TestResult::NotRun,
                    date: project.meta.status_date.unwrap_or(view.today),
                    tester: None,
                    anomaly: None,
                    comment: String::new(),
                },
            };
            list.insert(selected.map_or(list.len(), |i| i + 1), item);
            set(view, Collection::TestRuns(list), None);
            state.selected = Some(next.0);
        }
        ListAction::Delete => collection::delete_selected::<TestRun>(view, state),
    }
    egui::Panel::right("run-detail")
        .resizable(true)
        .default_size(460.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| run_detail_ui(ui, view, state));
        });
    let v: &ViewCtx<'_> = view;
    let error = v.theme.error();
    let columns = vec![
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
        ListColumn::new(T::TestCase.get(lang), 240.0, |r: &TestRun| {
            project
                .test_cases
                .iter()
                .find(|c| c.id == r.case)
                .map_or_else(String::new, |c| format!("{} {}", c.code, c.title))
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
    ];
    egui::CentralPanel::default_margins().show(ui, |ui| {
        list_ui(
            ui,
            "test-runs",
            state,
            &project.test_runs,
            |r| r.id.0,
            &columns,
        );
    });
}

fn run_detail_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut ListState) {
    let lang = view.lang;
    let project = view.project;
    let Some(i) = state
        .selected
        .and_then(|s| project.test_runs.iter().position(|r| r.id.0 == s))
    else {
        ui.label(RichText::new(T::SelectAnItem.get(lang)).color(view.theme.muted()));
        return;
    };
    let r = &project.test_runs[i];
    let mut edited = r.clone();
    let mut what = None;
    let mut raise = false;
    let theme = *view.theme;
    egui::Grid::new("run-fields")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            if let Some(Some(v)) = pick_one_ui(
                ui,
                "run-campaign",
                T::Campaign.get(lang),
                lang,
                Some(r.campaign),
                &campaign_options(view),
            ) {
                edited.campaign = v;
                what = Some("run.campaign");
            }
            if let Some(Some(v)) = pick_one_ui(
                ui,
                "run-case",
                T::TestCase.get(lang),
                lang,
                Some(r.case),
                &case_options(view),
            ) {
                edited.case = v;
                what = Some("run.case");
            }
            let results: Vec<(TestResult, &str)> = [
                TestResult::NotRun,
                TestResult::Passed,
                TestResult::Failed,
                TestResult::Blocked,
            ]
            .into_iter()
            .map(|x| (x, x.label().get(lang)))
            .collect();
            if let Some(v) = choice_ui(ui, "run-result", T::Result.get(lang), r.result, &results) {
                edited.result = v;
                what = Some("run.result");
            }
            if let DateChange::Set(Some(d)) = date_row_ui(
                ui,
                egui::Id::unique(("run-date", r.id)),
                T::FieldDate.get(lang),
                Some(r.date),
                &mut state.drafts,
                lang,
                &theme,
            ) {
                edited.date = d;
                what = Some("run.date");
            }
            if let Some(v) = pick_one_ui(
                ui,
                "run-tester",
                T::Tester.get(lang),
                lang,
                r.tester,
                &resource_options(view),
            ) {
                edited.tester = v;
                what = Some("run.tester");
            }
            let anomalies: Vec<_> = project
                .anomalies
                .iter()
                .map(|a| (a.id, format!("{} {}", a.code, a.title)))
                .collect();
            if let Some(v) = pick_one_ui(
                ui,
                "run-anomaly",
                T::Anomaly.get(lang),
                lang,
                r.anomaly,
                &anomalies,
            ) {
                edited.anomaly = v;
                what = Some("run.anomaly");
            }
            if let Some(v) = text_ui(ui, T::Comment.get(lang), &r.comment, true, view.out) {
                edited.comment = v;
                what = Some("run.comment");
            }
        });
    if r.result == TestResult::Failed
        && r.anomaly.is_none()
        && ui.button(T::RaiseAnomaly.get(lang)).clicked()
    {
        raise = true;
    }
    if raise {
        // A new anomaly found in this run, and the run pointing at it: one undo step.
        let id = AnomalyId(project.anomalies.iter().map(|a| a.id.0).max().unwrap_or(0) + 1);
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
        runs[i].anomaly = Some(id);
        view.out.edit(
            Edit::Batch(vec![
                Edit::SetCollection(Box::new(Collection::Anomalies(anomalies))),
                Edit::SetCollection(Box::new(Collection::TestRuns(runs))),
            ]),
            None,
        );
        return;
    }
    if let Some(what) = what {
        let mut list = project.test_runs.clone();
        list[i] = edited;
        set(view, Collection::TestRuns(list), key(what, r.id.0));
    }
}

fn load_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut ListState) {
    let lang = view.lang;
    let project = view.project;
    let action = toolbar_ui(ui, lang, T::AddLoadTest, state, project.load_tests.len());
    let next = collection::next::<LoadTest>(project);
    let selected = state
        .selected
        .and_then(|s| project.load_tests.iter().position(|r| r.id.0 == s));
    match action {
        ListAction::None => {}
        ListAction::Add | ListAction::Duplicate => {
            let Some(campaign) = project.campaigns.first() else {
                view.out.error(T::RunNeedsCampaign.get(lang));
                return;
            };
            let mut list = project.load_tests.clone();
            let item = match (action, selected) {
                (ListAction::Duplicate, Some(i)) => LoadTest {
                    id: next,
                    ..list[i].clone()
                },
                _ => LoadTest {
                    id: next,
                    campaign: campaign.id,
                    scenario: T::NewScenario.get(lang).to_owned(),
                    date: project.meta.status_date.unwrap_or(view.today),
                    target_throughput_per_s: 0.0,
                    measured_throughput_per_s: 0.0,
                    target_latency_p95_ms: 0.0,
                    measured_latency_p95_ms: 0.0,
                    concurrent_users: 0,
                },
            };
            list.insert(selected.map_or(list.len(), |i| i + 1), item);
            set(view, Collection::LoadTests(list), None);
            state.selected = Some(next.0);
        }
        ListAction::Delete => collection::delete_selected::<LoadTest>(view, state),
    }
    egui::Panel::right("load-detail")
        .resizable(true)
        .default_size(420.0)
        .show(ui, |ui| {
            load_detail_ui(ui, view, state);
        });
    let error = view.theme.error();
    let ok = view.theme.earned();
    let met = |l: &LoadTest| {
        l.measured_throughput_per_s >= l.target_throughput_per_s
            && l.measured_latency_p95_ms <= l.target_latency_p95_ms
    };
    let columns = vec![
        ListColumn::new(T::Scenario.get(lang), 220.0, |l: &LoadTest| {
            l.scenario.clone()
        }),
        ListColumn::new(T::FieldDate.get(lang), 90.0, |l: &LoadTest| {
            i18n::format_date_numeric(l.date)
        }),
        ListColumn::new(T::Users.get(lang), 70.0, |l: &LoadTest| {
            l.concurrent_users.to_string()
        }),
        ListColumn::new(T::Throughput.get(lang), 150.0, |l: &LoadTest| {
            format!(
                "{:.0} / {:.0} /s",
                l.measured_throughput_per_s, l.target_throughput_per_s
            )
        }),
        ListColumn::new(T::LatencyP95.get(lang), 150.0, |l: &LoadTest| {
            format!(
                "{:.0} / {:.0} ms",
                l.measured_latency_p95_ms, l.target_latency_p95_ms
            )
        }),
        ListColumn::new(T::Verdict.get(lang), 100.0, move |l: &LoadTest| {
            if met(l) {
                T::TargetMet
            } else {
                T::TargetMissed
            }
            .get(lang)
            .to_owned()
        })
        .coloured(move |l: &LoadTest| Some(if met(l) { ok } else { error })),
    ];
    egui::CentralPanel::default_margins().show(ui, |ui| {
        list_ui(
            ui,
            "load-tests",
            state,
            &project.load_tests,
            |l| l.id.0,
            &columns,
        );
    });
}

fn load_detail_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut ListState) {
    let lang = view.lang;
    let project = view.project;
    let Some(i) = state
        .selected
        .and_then(|s| project.load_tests.iter().position(|r| r.id.0 == s))
    else {
        ui.label(RichText::new(T::SelectAnItem.get(lang)).color(view.theme.muted()));
        return;
    };
    let l = &project.load_tests[i];
    let mut edited = l.clone();
    let mut what = None;
    egui::Grid::new("load-fields")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            if let Some(v) = text_ui(ui, T::Scenario.get(lang), &l.scenario, false, view.out) {
                edited.scenario = v;
                what = Some("load.scenario");
            }
            if let Some(Some(v)) = pick_one_ui(
                ui,
                "load-campaign",
                T::Campaign.get(lang),
                lang,
                Some(l.campaign),
                &campaign_options(view),
            ) {
                edited.campaign = v;
                what = Some("load.campaign");
            }
            for (label, value, field) in [
                (T::TargetThroughput, l.target_throughput_per_s, 0),
                (T::MeasuredThroughput, l.measured_throughput_per_s, 1),
                (T::TargetLatency, l.target_latency_p95_ms, 2),
                (T::MeasuredLatency, l.measured_latency_p95_ms, 3),
            ] {
                ui.label(label.get(lang));
                let mut v = value;
                let response = ui.add(egui::DragValue::new(&mut v).range(0.0..=1e9).speed(1.0));
                ui.ctx().accesskit_node_builder(response.id, |n| {
                    n.set_label(label.get(lang).to_owned());
                });
                if response.changed() {
                    match field {
                        0 => edited.target_throughput_per_s = v,
                        1 => edited.measured_throughput_per_s = v,
                        2 => edited.target_latency_p95_ms = v,
                        _ => edited.measured_latency_p95_ms = v,
                    }
                    what = Some("load.figures");
                }
                ui.end_row();
            }
            ui.label(T::Users.get(lang));
            let mut users = l.concurrent_users;
            let response = ui.add(egui::DragValue::new(&mut users).range(0..=1_000_000));
            ui.ctx().accesskit_node_builder(response.id, |n| {
                n.set_label(T::Users.get(lang).to_owned());
            });
            if response.changed() {
                edited.concurrent_users = users;
                what = Some("load.users");
            }
            ui.end_row();
        });
    if let Some(what) = what {
        let mut list = project.load_tests.clone();
        list[i] = edited;
        set(view, Collection::LoadTests(list), key(what, l.id.0));
    }
}
