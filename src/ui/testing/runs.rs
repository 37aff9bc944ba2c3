//! The runs: one execution of one case in a campaign, its result and the anomaly it found.

use egui::{RichText, Ui};

use super::{campaign_options, case_options, set};
use crate::doc::edit::{Collection, Edit};
use crate::i18n::{self, T};
use crate::model::{
    Anomaly, AnomalyId, AnomalyPriority, AnomalyStatus, Severity, TestResult, TestRun,
};
use crate::ui::ViewCtx;
use crate::ui::choices::Choice as _;
use crate::ui::collection;
use crate::ui::editor::{
    DateChange, ListAction, ListColumn, ListState, choice_ui, date_row_ui, key, list_ui,
    pick_one_ui, resource_name, resource_options, text_ui, toolbar_ui,
};

pub(super) fn runs_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut ListState) {
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

#[allow(clippy::too_many_lines, reason = "one form, field after field")]
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
