//! The load-test measurements of a campaign.

use egui::{RichText, Ui};

use super::{campaign_options, set};
use crate::doc::edit::Collection;
use crate::i18n::{self, T};
use crate::model::LoadTest;
use crate::ui::ViewCtx;
use crate::ui::collection;
use crate::ui::editor::{
    ListAction, ListColumn, ListState, key, list_ui, pick_one_ui, text_ui, toolbar_ui,
};

pub(super) fn load_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut ListState) {
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
