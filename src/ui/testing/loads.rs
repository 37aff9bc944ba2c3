//! The load-test measurements of a campaign.

use egui::Ui;

use super::campaign_options;
use crate::i18n::{self, T};
use crate::model::{CampaignId, LoadTest};
use crate::ui::ViewCtx;
use crate::ui::collection::{self, EditorItem, Form};
use crate::ui::editor::{DateChange, ListColumn, ListState};

pub(super) fn load_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut ListState) {
    collection::collection_ui::<LoadTest>(ui, view, state, 420.0);
}

/// Throughput reached and p95 latency within its target.
fn met(l: &LoadTest) -> bool {
    l.measured_throughput_per_s >= l.target_throughput_per_s
        && l.measured_latency_p95_ms <= l.target_latency_p95_ms
}

impl EditorItem for LoadTest {
    const ADD: T = T::AddLoadTest;
    const SALT: &'static str = "load-tests";

    fn add_refused(view: &ViewCtx<'_>) -> Option<T> {
        view.project
            .campaigns
            .is_empty()
            .then_some(T::RunNeedsCampaign)
    }

    fn fresh(view: &ViewCtx<'_>, id: Self::Id) -> Self {
        let project = view.project;
        LoadTest {
            id,
            campaign: project.campaigns.first().map_or(CampaignId(0), |c| c.id),
            scenario: T::NewScenario.get(view.lang).to_owned(),
            date: project.meta.status_date.unwrap_or(view.today),
            target_throughput_per_s: 0.0,
            measured_throughput_per_s: 0.0,
            target_latency_p95_ms: 0.0,
            measured_latency_p95_ms: 0.0,
            concurrent_users: 0,
        }
    }

    fn heading(&self, _view: &ViewCtx<'_>) -> String {
        self.scenario.clone()
    }

    fn columns<'a>(view: &'a ViewCtx<'a>) -> Vec<ListColumn<'a, Self>> {
        let lang = view.lang;
        let error = view.theme.error();
        let ok = view.theme.earned();
        vec![
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
        ]
    }

    fn form_ui(ui: &mut Ui, form: &mut Form<'_, '_>, l: &Self, edited: &mut Self) {
        let campaigns = campaign_options(form.ctx());
        form.grid(ui, |ui, form| {
            if let Some(v) = form.text(ui, T::Scenario, &l.scenario) {
                edited.scenario = v;
            }
            // A measurement always belongs to a campaign: "none" is not a choice here.
            if let Some(Some(v)) = form.pick_one(ui, T::Campaign, Some(l.campaign), &campaigns) {
                edited.campaign = v;
            }
            if let DateChange::Set(Some(d)) = form.date(ui, T::FieldDate, Some(l.date)) {
                edited.date = d;
            }
            let figures = [
                (T::TargetThroughput, &mut edited.target_throughput_per_s),
                (T::MeasuredThroughput, &mut edited.measured_throughput_per_s),
                (T::TargetLatency, &mut edited.target_latency_p95_ms),
                (T::MeasuredLatency, &mut edited.measured_latency_p95_ms),
            ];
            for (field, value) in figures {
                if let Some(v) = form.number(ui, field, *value, 0.0..=1e9, 1.0) {
                    *value = v;
                }
            }
            if let Some(v) = form.number(ui, T::Users, l.concurrent_users, 0..=1_000_000, 1.0) {
                edited.concurrent_users = v;
            }
        });
    }
}
