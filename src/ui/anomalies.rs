//! Anomalies: what tests found, by severity and priority, through their workflow (new →
//! analysed → in correction → fixed → verified → closed, or rejected), with the run that found
//! them, who fixes them, the correction task of the plan, and their age.

use egui::{RichText, Ui};

use super::ViewCtx;
use super::editor::{
    DateChange, ListAction, ListColumn, ListState, choice_ui, date_row_ui, key, list_ui,
    pick_one_ui, resource_name, resource_options, task_options, text_ui, toolbar_ui,
};
use crate::doc::edit::{Collection, Edit};
use crate::i18n::{self, Lang, T};
use crate::model::{Anomaly, AnomalyId, AnomalyPriority, AnomalyStatus, Severity};

#[derive(Default)]
pub struct AnomaliesState {
    pub list: ListState,
    /// Only anomalies still open.
    pub open_only: bool,
}

impl super::View for AnomaliesState {
    fn ui(&mut self, ui: &mut Ui, ctx: &mut ViewCtx<'_>) {
        anomalies_ui(ui, ctx, self);
    }
}

pub fn severity_name(s: Severity) -> T {
    match s {
        Severity::Blocking => T::SevBlocking,
        Severity::Major => T::SevMajor,
        Severity::Minor => T::SevMinor,
    }
}

fn priority_name(p: AnomalyPriority) -> T {
    match p {
        AnomalyPriority::Urgent => T::PrioUrgent,
        AnomalyPriority::High => T::PrioHigh,
        AnomalyPriority::Normal => T::PrioNormal,
        AnomalyPriority::Low => T::PrioLow,
    }
}

pub fn status_name(s: AnomalyStatus) -> T {
    match s {
        AnomalyStatus::New => T::AnoNew,
        AnomalyStatus::Analysed => T::AnoAnalysed,
        AnomalyStatus::InCorrection => T::AnoInCorrection,
        AnomalyStatus::Fixed => T::AnoFixed,
        AnomalyStatus::Verified => T::AnoVerified,
        AnomalyStatus::Closed => T::AnoClosed,
        AnomalyStatus::Rejected => T::AnoRejected,
    }
}

/// Still to be dealt with.
pub fn is_open(s: AnomalyStatus) -> bool {
    !matches!(
        s,
        AnomalyStatus::Verified | AnomalyStatus::Closed | AnomalyStatus::Rejected
    )
}

/// The workflow's next steps from `s`.
fn next_statuses(s: AnomalyStatus) -> &'static [AnomalyStatus] {
    use AnomalyStatus as A;
    match s {
        A::New => &[A::Analysed, A::Rejected],
        A::Analysed => &[A::InCorrection, A::Rejected],
        A::InCorrection => &[A::Fixed],
        A::Fixed => &[A::Verified, A::InCorrection],
        A::Verified => &[A::Closed],
        A::Closed | A::Rejected => &[A::New],
    }
}

/// Days from report to closure (or to the status date while open).
fn age_days(view: &ViewCtx<'_>, a: &Anomaly) -> i64 {
    let end = a
        .closed_on
        .unwrap_or_else(|| view.project.meta.status_date.unwrap_or(view.today));
    (end - a.reported_on).num_days().max(0)
}

fn age_text(lang: Lang, days: i64) -> String {
    match lang {
        Lang::En => format!("{days} d"),
        Lang::Fr => format!("{days} j"),
    }
}

pub fn anomalies_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut AnomaliesState) {
    let lang = view.lang;
    let project = view.project;
    let action = toolbar_ui(
        ui,
        lang,
        T::AddAnomaly,
        &mut state.list,
        project.anomalies.len(),
    );
    ui.checkbox(&mut state.open_only, T::OpenOnly.get(lang));
    act(view, state, action);
    egui::Panel::right("anomaly-detail")
        .resizable(true)
        .default_size(440.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| detail_ui(ui, view, state));
        });
    let v: &ViewCtx<'_> = view;
    let error = v.theme.error();
    let warning = v.theme.warning();
    let shown: Vec<Anomaly> = project
        .anomalies
        .iter()
        .filter(|a| !state.open_only || is_open(a.status))
        .cloned()
        .collect();
    let columns = vec![
        ListColumn::new(T::ColCode.get(lang), 70.0, |a: &Anomaly| a.code.clone()),
        ListColumn::new(T::ColTitle.get(lang), 260.0, |a: &Anomaly| a.title.clone()),
        ListColumn::new(T::Severity.get(lang), 90.0, move |a: &Anomaly| {
            severity_name(a.severity).get(lang).to_owned()
        })
        .coloured(move |a: &Anomaly| match a.severity {
            Severity::Blocking => Some(error),
            Severity::Major => Some(warning),
            Severity::Minor => None,
        }),
        ListColumn::new(T::ColPriority.get(lang), 80.0, move |a: &Anomaly| {
            priority_name(a.priority).get(lang).to_owned()
        }),
        ListColumn::new(T::ColStatus.get(lang), 110.0, move |a: &Anomaly| {
            status_name(a.status).get(lang).to_owned()
        }),
        ListColumn::new(T::Assignee.get(lang), 120.0, move |a: &Anomaly| {
            resource_name(v, a.assignee)
        }),
        ListColumn::new(T::Age.get(lang), 60.0, move |a: &Anomaly| {
            age_text(lang, age_days(v, a))
        }),
    ];
    egui::CentralPanel::default_margins().show(ui, |ui| {
        list_ui(
            ui,
            "anomalies",
            &mut state.list,
            &shown,
            |a| a.id.0,
            &columns,
        );
    });
}

fn act(view: &mut ViewCtx<'_>, state: &mut AnomaliesState, action: ListAction) {
    let lang = view.lang;
    let project = view.project;
    let next = AnomalyId(project.anomalies.iter().map(|a| a.id.0).max().unwrap_or(0) + 1);
    let selected = state
        .list
        .selected
        .and_then(|s| project.anomalies.iter().position(|a| a.id.0 == s));
    match action {
        ListAction::None => {}
        ListAction::Add | ListAction::Duplicate => {
            let mut list = project.anomalies.clone();
            let today = project.meta.status_date.unwrap_or(view.today);
            let item = match (action, selected) {
                (ListAction::Duplicate, Some(i)) => Anomaly {
                    id: next,
                    code: format!("ANO-{:03}", next.0),
                    status: AnomalyStatus::New,
                    reported_on: today,
                    closed_on: None,
                    ..list[i].clone()
                },
                _ => Anomaly {
                    id: next,
                    code: format!("ANO-{:03}", next.0),
                    title: T::NewAnomaly.get(lang).to_owned(),
                    description: String::new(),
                    severity: Severity::Major,
                    priority: AnomalyPriority::Normal,
                    status: AnomalyStatus::New,
                    found_in: None,
                    assignee: None,
                    correction_task: None,
                    reported_on: today,
                    closed_on: None,
                },
            };
            list.insert(selected.map_or(list.len(), |i| i + 1), item);
            view.out.edit(
                Edit::SetCollection(Box::new(Collection::Anomalies(list))),
                None,
            );
            state.list.selected = Some(next.0);
        }
        ListAction::Delete => {
            let Some(i) = selected else { return };
            let id = project.anomalies[i].id;
            let mut list = project.anomalies.clone();
            list.remove(i);
            let mut runs = project.test_runs.clone();
            for r in &mut runs {
                if r.anomaly == Some(id) {
                    r.anomaly = None;
                }
            }
            view.out.edit(
                Edit::Batch(vec![
                    Edit::SetCollection(Box::new(Collection::Anomalies(list))),
                    Edit::SetCollection(Box::new(Collection::TestRuns(runs))),
                ]),
                None,
            );
            state.list.selected = None;
        }
    }
}

fn detail_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut AnomaliesState) {
    let lang = view.lang;
    let project = view.project;
    let Some(i) = state
        .list
        .selected
        .and_then(|s| project.anomalies.iter().position(|a| a.id.0 == s))
    else {
        ui.label(RichText::new(T::SelectAnItem.get(lang)).color(view.theme.muted()));
        return;
    };
    let a = &project.anomalies[i];
    let mut edited = a.clone();
    let mut what = None;
    let theme = *view.theme;
    ui.heading(format!("{} {}", a.code, a.title));
    ui.label(T::AgeDays.fill(lang, &[("age", &age_text(lang, age_days(view, a)))]));
    egui::Grid::new("anomaly-fields")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            if let Some(v) = text_ui(ui, T::ColCode.get(lang), &a.code, false, view.out) {
                edited.code = v;
                what = Some("ano.code");
            }
            if let Some(v) = text_ui(ui, T::ColTitle.get(lang), &a.title, false, view.out) {
                edited.title = v;
                what = Some("ano.title");
            }
            let severities: Vec<_> = [Severity::Blocking, Severity::Major, Severity::Minor]
                .into_iter()
                .map(|s| (s, severity_name(s).get(lang)))
                .collect();
            if let Some(v) = choice_ui(
                ui,
                "ano-severity",
                T::Severity.get(lang),
                a.severity,
                &severities,
            ) {
                edited.severity = v;
                what = Some("ano.severity");
            }
            let priorities: Vec<_> = [
                AnomalyPriority::Urgent,
                AnomalyPriority::High,
                AnomalyPriority::Normal,
                AnomalyPriority::Low,
            ]
            .into_iter()
            .map(|p| (p, priority_name(p).get(lang)))
            .collect();
            if let Some(v) = choice_ui(
                ui,
                "ano-priority",
                T::ColPriority.get(lang),
                a.priority,
                &priorities,
            ) {
                edited.priority = v;
                what = Some("ano.priority");
            }
            let runs: Vec<_> = project
                .test_runs
                .iter()
                .map(|r| {
                    let case = project
                        .test_cases
                        .iter()
                        .find(|c| c.id == r.case)
                        .map_or("?", |c| c.code.as_str());
                    (
                        r.id,
                        format!("{case} — {}", i18n::format_date_numeric(r.date)),
                    )
                })
                .collect();
            if let Some(v) =
                pick_one_ui(ui, "ano-run", T::FoundIn.get(lang), lang, a.found_in, &runs)
            {
                edited.found_in = v;
                what = Some("ano.found_in");
            }
            if let Some(v) = pick_one_ui(
                ui,
                "ano-assignee",
                T::Assignee.get(lang),
                lang,
                a.assignee,
                &resource_options(view),
            ) {
                edited.assignee = v;
                what = Some("ano.assignee");
            }
            if let Some(v) = pick_one_ui(
                ui,
                "ano-task",
                T::CorrectionTask.get(lang),
                lang,
                a.correction_task,
                &task_options(view),
            ) {
                edited.correction_task = v;
                what = Some("ano.task");
            }
            if let DateChange::Set(Some(d)) = date_row_ui(
                ui,
                egui::Id::unique(("ano-reported", a.id)),
                T::ReportedOn.get(lang),
                Some(a.reported_on),
                &mut state.list.drafts,
                lang,
                &theme,
            ) {
                edited.reported_on = d;
                what = Some("ano.reported");
            }
            if let Some(v) = text_ui(
                ui,
                T::FieldDescription.get(lang),
                &a.description,
                true,
                view.out,
            ) {
                edited.description = v;
                what = Some("ano.description");
            }
        });
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        ui.strong(T::ColStatus.get(lang));
        ui.label(status_name(a.status).get(lang));
        for next in next_statuses(a.status) {
            if ui
                .button(T::MoveTo.fill(lang, &[("status", status_name(*next).get(lang))]))
                .clicked()
            {
                edited.status = *next;
                let today = project
                    .meta
                    .status_date
                    .unwrap_or(view.today)
                    .max(view.today);
                edited.closed_on = (!is_open(*next)).then_some(today);
                what = Some("ano.status");
            }
        }
    });
    if let Some(what) = what {
        let mut list = project.anomalies.clone();
        list[i] = edited;
        view.out.edit(
            Edit::SetCollection(Box::new(Collection::Anomalies(list))),
            key(what, a.id.0),
        );
    }
}
