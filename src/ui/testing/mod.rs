//! Tests and acceptance (recette): test cases with their steps and the requirements they
//! verify, campaigns tied to a task of the plan, runs recording a result per case (and the
//! anomaly raised), and load-test measurements against their targets.

mod campaigns;
mod cases;
mod loads;
mod runs;

use egui::Ui;

use super::ViewCtx;
use super::editor::ListState;
use crate::i18n::T;
use crate::model::{CampaignId, TestCaseId};
use campaigns::campaigns_ui;
use cases::cases_ui;
use loads::load_ui;
use runs::runs_ui;

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

pub(super) fn requirement_options(
    view: &ViewCtx<'_>,
) -> Vec<(crate::model::RequirementId, String)> {
    view.project
        .requirements
        .iter()
        .map(|r| (r.id, format!("{} {}", r.code, r.title)))
        .collect()
}

pub(super) fn case_options(view: &ViewCtx<'_>) -> Vec<(TestCaseId, String)> {
    view.project
        .test_cases
        .iter()
        .map(|c| (c.id, format!("{} {}", c.code, c.title)))
        .collect()
}

pub(super) fn campaign_options(view: &ViewCtx<'_>) -> Vec<(CampaignId, String)> {
    view.project
        .campaigns
        .iter()
        .map(|c| (c.id, c.name.clone()))
        .collect()
}
