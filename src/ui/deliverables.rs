//! Deliverables: what the project hands over, due with a milestone or task of the plan (due
//! date from the schedule, late flag), owner, version, the status workflow with its review
//! record, and the acceptance (recette) decision shown with its evidence.

use egui::{RichText, Ui};

use super::ViewCtx;
use super::choices::Choice as _;
use super::collection::{self, EditorItem, Form};
use super::editor::{
    ListColumn, ListState, choice_ui, resource_name, resource_options, task_name, task_options,
};
use crate::i18n::{self, T};
use crate::model::{
    Acceptance, AcceptanceVerdict, AnomalyStatus, Deliverable, DeliverableId, DeliverableKind,
    DeliverableStatus, Severity, TestResult, Validation,
};

#[derive(Default)]
pub struct DeliverablesState {
    pub list: ListState,
}

impl super::View for DeliverablesState {
    fn ui(&mut self, ui: &mut Ui, ctx: &mut ViewCtx<'_>) {
        deliverables_ui(ui, ctx, self);
    }
}

/// The statuses a deliverable may move to from `s`.
fn next_statuses(s: DeliverableStatus) -> &'static [DeliverableStatus] {
    use DeliverableStatus as D;
    match s {
        // A rejected deliverable goes back to work, as a planned one starts.
        D::Planned | D::Rejected => &[D::InProgress],
        D::InProgress => &[D::Delivered],
        D::Delivered => &[D::InReview],
        D::InReview => &[D::Validated, D::Rejected],
        D::Validated => &[],
    }
}

/// Due date from the schedule, and whether it is past without the deliverable handed over.
fn due(view: &ViewCtx<'_>, d: &Deliverable) -> (Option<chrono::NaiveDate>, bool) {
    let date = d
        .due_with
        .and_then(|t| view.derived.rows.get(&t).copied())
        .map(|row| view.derived.dates(view.project, row).1.date());
    let today = view.project.meta.status_date.unwrap_or(view.today);
    let handed = matches!(
        d.status,
        DeliverableStatus::Delivered | DeliverableStatus::InReview | DeliverableStatus::Validated
    );
    (date, date.is_some_and(|x| x < today) && !handed)
}

pub fn deliverables_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut DeliverablesState) {
    collection::collection_ui::<Deliverable>(ui, view, &mut state.list, 460.0);
}

impl EditorItem for Deliverable {
    const ADD: T = T::AddDeliverable;
    const SALT: &'static str = "deliverables";

    fn fresh(view: &ViewCtx<'_>, id: Self::Id) -> Self {
        Deliverable {
            id,
            code: format!("D{:02}", id.0),
            name: T::NewDeliverable.get(view.lang).to_owned(),
            kind: DeliverableKind::Document,
            due_with: None,
            owner: None,
            version: "0.1".into(),
            status: DeliverableStatus::Planned,
            validations: Vec::new(),
            acceptance: None,
            description: String::new(),
        }
    }

    fn heading(&self, _view: &ViewCtx<'_>) -> String {
        format!("{} {}", self.code, self.name)
    }

    fn columns<'a>(v: &'a ViewCtx<'a>) -> Vec<ListColumn<'a, Self>> {
        let lang = v.lang;
        let error = v.theme.error();
        vec![
            ListColumn::new(T::ColCode.get(lang), 60.0, |d: &Deliverable| d.code.clone()),
            ListColumn::new(T::ColItemName.get(lang), 240.0, |d: &Deliverable| {
                d.name.clone()
            }),
            ListColumn::new(T::ColKind.get(lang), 110.0, move |d: &Deliverable| {
                d.kind.label().get(lang).to_owned()
            }),
            ListColumn::new(T::DueWith.get(lang), 200.0, move |d: &Deliverable| {
                task_name(v, d.due_with)
            }),
            ListColumn::new(T::DueDate.get(lang), 130.0, move |d: &Deliverable| {
                let (date, late) = due(v, d);
                let text = date.map_or_else(|| "—".to_owned(), |x| i18n::format_date(lang, x));
                if late {
                    format!("{text} · {}", T::Late.get(lang))
                } else {
                    text
                }
            })
            .coloured(move |d: &Deliverable| due(v, d).1.then_some(error)),
            ListColumn::new(T::FieldOwner.get(lang), 120.0, move |d: &Deliverable| {
                resource_name(v, d.owner)
            }),
            ListColumn::new(T::FieldVersion.get(lang), 60.0, |d: &Deliverable| {
                d.version.clone()
            }),
            ListColumn::new(T::ColStatus.get(lang), 110.0, move |d: &Deliverable| {
                d.status.label().get(lang).to_owned()
            }),
            ListColumn::new(T::Acceptance.get(lang), 150.0, move |d: &Deliverable| {
                d.acceptance
                    .as_ref()
                    .map_or_else(String::new, |a| a.verdict.label().get(lang).to_owned())
            }),
        ]
    }

    fn form_ui(ui: &mut Ui, form: &mut Form<'_, '_>, d: &Self, edited: &mut Self) {
        let lang = form.lang();
        let view = form.ctx();
        let (date, late) = due(view, d);
        if let Some(date) = date {
            let text =
                RichText::new(T::DueOn.fill(lang, &[("date", &i18n::format_date(lang, date))]));
            ui.label(if late {
                text.color(view.theme.error()).strong()
            } else {
                text
            });
        }
        let tasks = task_options(view);
        let resources = resource_options(view);
        form.grid(ui, |ui, form| {
            if let Some(v) = form.text(ui, T::ColCode, &d.code) {
                edited.code = v;
            }
            if let Some(v) = form.text(ui, T::ColItemName, &d.name) {
                edited.name = v;
            }
            if let Some(v) = form.choice(ui, T::ColKind, d.kind) {
                edited.kind = v;
            }
            if let Some(v) = form.pick_one(ui, T::DueWith, d.due_with, &tasks) {
                edited.due_with = v;
            }
            if let Some(v) = form.pick_one(ui, T::FieldOwner, d.owner, &resources) {
                edited.owner = v;
            }
            if let Some(v) = form.text(ui, T::FieldVersion, &d.version) {
                edited.version = v;
            }
            if let Some(v) = form.multiline(ui, T::FieldDescription, &d.description) {
                edited.description = v;
            }
        });
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            ui.strong(T::ColStatus.get(lang));
            ui.label(d.status.label().get(lang));
            for next in next_statuses(d.status) {
                let text = T::MoveTo.fill(lang, &[("status", next.label().get(lang))]);
                if ui.button(text).clicked() {
                    edited.status = *next;
                    form.changed(T::ColStatus);
                }
            }
        });
        ui.separator();
        reviews_ui(ui, form, d, edited);
        ui.separator();
        ui.strong(T::Acceptance.get(lang));
        evidence_ui(ui, form.ctx(), d.id);
        acceptance_ui(ui, form, d, edited);
    }
}

/// The day a review or a decision is recorded: the status date, never before today.
fn record_day(view: &ViewCtx<'_>) -> chrono::NaiveDate {
    view.project
        .meta
        .status_date
        .unwrap_or(view.today)
        .max(view.today)
}

/// The reviews so far, and a review to record: who, a comment, approved or rejected (which
/// also decides a deliverable in review).
fn reviews_ui(ui: &mut Ui, form: &mut Form<'_, '_>, d: &Deliverable, edited: &mut Deliverable) {
    let lang = form.lang();
    ui.strong(T::Reviews.get(lang));
    for v in &d.validations {
        let verdict = if v.approved {
            T::Approved
        } else {
            T::NotApproved
        };
        ui.label(format!(
            "{} — {} — {}{}",
            i18n::format_date(lang, v.date),
            v.by,
            verdict.get(lang),
            if v.comment.is_empty() {
                String::new()
            } else {
                format!(": {}", v.comment)
            }
        ));
    }
    let day = record_day(form.ctx());
    ui.horizontal_wrapped(|ui| {
        for (field, width) in [(T::ReviewBy, 140.0), (T::Comment, 160.0)] {
            ui.label(field.get(lang));
            let r = ui.add(egui::TextEdit::singleline(form.draft(field)).desired_width(width));
            ui.ctx()
                .accesskit_node_builder(r.id, |n| n.set_label(field.get(lang).to_owned()));
        }
        let by = form.draft(T::ReviewBy).trim().to_owned();
        for (approved, text) in [(true, T::RecordApproval), (false, T::RecordRejection)] {
            if ui
                .add_enabled(!by.is_empty(), egui::Button::new(text.get(lang)))
                .clicked()
            {
                edited.validations.push(Validation {
                    by: by.clone(),
                    date: day,
                    approved,
                    comment: std::mem::take(form.draft(T::Comment)),
                });
                if d.status == DeliverableStatus::InReview {
                    edited.status = if approved {
                        DeliverableStatus::Validated
                    } else {
                        DeliverableStatus::Rejected
                    };
                }
                form.changed(T::Reviews);
            }
        }
    });
}

/// The acceptance decision: the verdict, who decided, the reservations.
fn acceptance_ui(ui: &mut Ui, form: &mut Form<'_, '_>, d: &Deliverable, edited: &mut Deliverable) {
    let lang = form.lang();
    let view = form.ctx();
    let day = record_day(view);
    let sponsor = view.project.meta.sponsor.clone();
    let verdicts: Vec<(Option<AcceptanceVerdict>, &str)> = vec![
        (None, T::NoDecision.get(lang)),
        (Some(AcceptanceVerdict::Accepted), T::Accepted.get(lang)),
        (
            Some(AcceptanceVerdict::AcceptedWithReservations),
            T::AcceptedWithReservations.get(lang),
        ),
        (Some(AcceptanceVerdict::Refused), T::Refused.get(lang)),
    ];
    egui::Grid::new("acceptance").num_columns(2).show(ui, |ui| {
        let current = d.acceptance.as_ref().map(|a| a.verdict);
        if let Some(v) = choice_ui(ui, "del-verdict", T::Decision.get(lang), current, &verdicts) {
            edited.acceptance = v.map(|verdict| Acceptance {
                verdict,
                date: day,
                by: d
                    .acceptance
                    .as_ref()
                    .map_or_else(|| sponsor.clone(), |a| a.by.clone()),
                reservations: d
                    .acceptance
                    .as_ref()
                    .map_or_else(String::new, |a| a.reservations.clone()),
            });
            form.changed(T::Decision);
        }
        if let Some(a) = &d.acceptance {
            if let Some(v) = form.text(ui, T::DecidedBy, &a.by)
                && let Some(x) = edited.acceptance.as_mut()
            {
                x.by = v;
            }
            if let Some(v) = form.multiline(ui, T::Reservations, &a.reservations)
                && let Some(x) = edited.acceptance.as_mut()
            {
                x.reservations = v;
            }
        }
    });
}

/// The campaigns that test the deliverable, their results, and the open blocking anomalies
/// found in them: what an acceptance decision rests on.
fn evidence_ui(ui: &mut Ui, view: &ViewCtx<'_>, id: DeliverableId) {
    let lang = view.lang;
    let project = view.project;
    let campaigns: Vec<_> = project
        .campaigns
        .iter()
        .filter(|c| c.deliverable == Some(id))
        .collect();
    if campaigns.is_empty() {
        ui.label(RichText::new(T::NoEvidence.get(lang)).color(view.theme.muted()));
        return;
    }
    for c in campaigns {
        let runs: Vec<_> = project
            .test_runs
            .iter()
            .filter(|r| r.campaign == c.id)
            .collect();
        let count = |r: TestResult| runs.iter().filter(|x| x.result == r).count();
        let blocking: Vec<_> = project
            .anomalies
            .iter()
            .filter(|a| {
                a.severity == Severity::Blocking
                    && !matches!(
                        a.status,
                        AnomalyStatus::Closed | AnomalyStatus::Verified | AnomalyStatus::Rejected
                    )
                    && a.found_in.is_some_and(|r| runs.iter().any(|x| x.id == r))
            })
            .collect();
        ui.label(T::CampaignEvidence.fill(
            lang,
            &[
                ("campaign", &c.name),
                ("passed", &count(TestResult::Passed).to_string()),
                ("failed", &count(TestResult::Failed).to_string()),
                ("blocked", &count(TestResult::Blocked).to_string()),
                ("notrun", &count(TestResult::NotRun).to_string()),
            ],
        ));
        for a in blocking {
            ui.label(
                RichText::new(
                    T::OpenBlocking.fill(lang, &[("code", &a.code), ("title", &a.title)]),
                )
                .color(view.theme.error()),
            );
        }
    }
}
