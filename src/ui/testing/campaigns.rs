//! The campaigns: a set of cases run together, tied to a task of the plan and a deliverable.

use egui::{RichText, Ui};

use super::{case_options, kinds, set};
use crate::doc::edit::Collection;
use crate::i18n::{self, T};
use crate::model::{Campaign, TestKind, TestResult};
use crate::ui::ViewCtx;
use crate::ui::choices::Choice as _;
use crate::ui::collection;
use crate::ui::editor::{
    DateChange, ListAction, ListColumn, ListState, choice_ui, date_row_ui, key, list_ui,
    pick_many_ui, pick_one_ui, task_name, task_options, text_ui, toolbar_ui,
};

pub(super) fn campaigns_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut ListState) {
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

#[allow(clippy::too_many_lines, reason = "one form, field after field")]
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
