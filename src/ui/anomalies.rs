//! Anomalies: what tests found, by severity and priority, through their workflow (new →
//! analysed → in correction → fixed → verified → closed, or rejected), with the run that found
//! them, who fixes them, the correction task of the plan, and their age.

use egui::Ui;

use super::ViewCtx;
use super::choices::Choice as _;
use super::collection::{self, EditorItem, Form};
use super::editor::{
    DateChange, ListColumn, ListState, resource_name, resource_options, task_options,
};
use crate::i18n::{self, Lang, T};
use crate::model::{Anomaly, AnomalyPriority, AnomalyStatus, Severity};

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

impl EditorItem for Anomaly {
    const ADD: T = T::AddAnomaly;
    const SALT: &'static str = "anomalies";

    fn fresh(view: &ViewCtx<'_>, id: Self::Id) -> Self {
        Anomaly {
            id,
            code: format!("ANO-{:03}", id.0),
            title: T::NewAnomaly.get(view.lang).to_owned(),
            description: String::new(),
            severity: Severity::Major,
            priority: AnomalyPriority::Normal,
            status: AnomalyStatus::New,
            found_in: None,
            assignee: None,
            correction_task: None,
            reported_on: view.project.meta.status_date.unwrap_or(view.today),
            closed_on: None,
        }
    }

    fn heading(&self, _view: &ViewCtx<'_>) -> String {
        format!("{} {}", self.code, self.title)
    }

    fn columns<'a>(view: &'a ViewCtx<'a>) -> Vec<ListColumn<'a, Self>> {
        let lang = view.lang;
        let error = view.theme.error();
        let warning = view.theme.warning();
        vec![
            ListColumn::new(T::ColCode.get(lang), 70.0, |a: &Anomaly| a.code.clone()),
            ListColumn::new(T::ColTitle.get(lang), 260.0, |a: &Anomaly| a.title.clone()),
            ListColumn::new(T::Severity.get(lang), 90.0, move |a: &Anomaly| {
                a.severity.label().get(lang).to_owned()
            })
            .coloured(move |a: &Anomaly| match a.severity {
                Severity::Blocking => Some(error),
                Severity::Major => Some(warning),
                Severity::Minor => None,
            }),
            ListColumn::new(T::ColPriority.get(lang), 80.0, move |a: &Anomaly| {
                a.priority.label().get(lang).to_owned()
            }),
            ListColumn::new(T::ColStatus.get(lang), 110.0, move |a: &Anomaly| {
                a.status.label().get(lang).to_owned()
            }),
            ListColumn::new(T::Assignee.get(lang), 120.0, move |a: &Anomaly| {
                resource_name(view, a.assignee)
            }),
            ListColumn::new(T::Age.get(lang), 60.0, move |a: &Anomaly| {
                age_text(lang, age_days(view, a))
            }),
        ]
    }

    fn form_ui(ui: &mut Ui, form: &mut Form<'_, '_>, a: &Self, edited: &mut Self) {
        let lang = form.lang();
        let view = form.ctx();
        let project = view.project;
        let today = view
            .project
            .meta
            .status_date
            .unwrap_or(view.today)
            .max(view.today);
        ui.label(T::AgeDays.fill(lang, &[("age", &age_text(lang, age_days(view, a)))]));
        let resources = resource_options(view);
        let tasks = task_options(view);
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
        form.grid(ui, |ui, form| {
            if let Some(v) = form.text(ui, T::ColCode, &a.code) {
                edited.code = v;
            }
            if let Some(v) = form.text(ui, T::ColTitle, &a.title) {
                edited.title = v;
            }
            if let Some(v) = form.choice(ui, T::Severity, a.severity) {
                edited.severity = v;
            }
            if let Some(v) = form.choice(ui, T::ColPriority, a.priority) {
                edited.priority = v;
            }
            if let Some(v) = form.pick_one(ui, T::FoundIn, a.found_in, &runs) {
                edited.found_in = v;
            }
            if let Some(v) = form.pick_one(ui, T::Assignee, a.assignee, &resources) {
                edited.assignee = v;
            }
            if let Some(v) = form.pick_one(ui, T::CorrectionTask, a.correction_task, &tasks) {
                edited.correction_task = v;
            }
            if let DateChange::Set(Some(d)) = form.date(ui, T::ReportedOn, Some(a.reported_on)) {
                edited.reported_on = d;
            }
            if let Some(v) = form.multiline(ui, T::FieldDescription, &a.description) {
                edited.description = v;
            }
        });
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            ui.strong(T::ColStatus.get(lang));
            ui.label(a.status.label().get(lang));
            for next in next_statuses(a.status) {
                if ui
                    .button(T::MoveTo.fill(lang, &[("status", next.label().get(lang))]))
                    .clicked()
                {
                    edited.status = *next;
                    edited.closed_on = (!is_open(*next)).then_some(today);
                    form.changed(T::ColStatus);
                }
            }
        });
    }
}

pub fn anomalies_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut AnomaliesState) {
    collection::toolbar_and_actions_ui::<Anomaly>(ui, view, &mut state.list);
    ui.checkbox(&mut state.open_only, T::OpenOnly.get(view.lang));
    collection::detail_panel_ui::<Anomaly>(ui, view, &mut state.list, 440.0);
    let open_only = state.open_only;
    collection::list_panel_ui::<Anomaly>(
        ui,
        view,
        &mut state.list,
        |a| !open_only || is_open(a.status),
        |_| {},
    );
}
