//! Deliverables: what the project hands over, due with a milestone or task of the plan (due
//! date from the schedule, late flag), owner, version, the status workflow with its review
//! record, and the acceptance (recette) decision shown with its evidence.

use egui::{RichText, Ui};

use super::ViewCtx;
use super::choices::Choice as _;
use super::collection;
use super::editor::{
    ListAction, ListColumn, ListState, choice_ui, key, list_ui, pick_one_ui, resource_name,
    resource_options, task_name, task_options, text_ui, toolbar_ui,
};
use crate::doc::edit::{Collection, Edit};
use crate::i18n::{self, T};
use crate::model::{
    Acceptance, AcceptanceVerdict, AnomalyStatus, Deliverable, DeliverableId, DeliverableKind,
    DeliverableStatus, Severity, TestResult, Validation,
};

#[derive(Default)]
pub struct DeliverablesState {
    pub list: ListState,
    review_by: String,
    review_comment: String,
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
    let lang = view.lang;
    let project = view.project;
    let action = toolbar_ui(
        ui,
        lang,
        T::AddDeliverable,
        &mut state.list,
        project.deliverables.len(),
    );
    act(view, state, action);
    egui::Panel::right("deliverable-detail")
        .resizable(true)
        .default_size(460.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| detail_ui(ui, view, state));
        });
    let v: &ViewCtx<'_> = view;
    let error = v.theme.error();
    let columns = vec![
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
    ];
    egui::CentralPanel::default_margins().show(ui, |ui| {
        list_ui(
            ui,
            "deliverables",
            &mut state.list,
            &project.deliverables,
            |d| d.id.0,
            &columns,
        );
    });
}

fn act(view: &mut ViewCtx<'_>, state: &mut DeliverablesState, action: ListAction) {
    let lang = view.lang;
    let project = view.project;
    let next = collection::next::<Deliverable>(project);
    let selected = state
        .list
        .selected
        .and_then(|s| project.deliverables.iter().position(|d| d.id.0 == s));
    match action {
        ListAction::None => {}
        ListAction::Add | ListAction::Duplicate => {
            let mut list = project.deliverables.clone();
            let item = match (action, selected) {
                (ListAction::Duplicate, Some(i)) => {
                    let mut copy = list[i].clone();
                    copy.id = next;
                    copy.code = format!("D{:02}", next.0);
                    copy.validations.clear();
                    copy.acceptance = None;
                    copy.status = DeliverableStatus::Planned;
                    copy
                }
                _ => Deliverable {
                    id: next,
                    code: format!("D{:02}", next.0),
                    name: T::NewDeliverable.get(lang).to_owned(),
                    kind: DeliverableKind::Document,
                    due_with: None,
                    owner: None,
                    version: "0.1".into(),
                    status: DeliverableStatus::Planned,
                    validations: Vec::new(),
                    acceptance: None,
                    description: String::new(),
                },
            };
            list.insert(selected.map_or(list.len(), |i| i + 1), item);
            view.out.edit(
                Edit::SetCollection(Box::new(Collection::Deliverables(list))),
                None,
            );
            state.list.selected = Some(next.0);
        }
        ListAction::Delete => collection::delete_selected::<Deliverable>(view, &mut state.list),
    }
}

#[allow(clippy::too_many_lines, reason = "one form, field after field")]
fn detail_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut DeliverablesState) {
    let lang = view.lang;
    let project = view.project;
    let Some(i) = state
        .list
        .selected
        .and_then(|s| project.deliverables.iter().position(|d| d.id.0 == s))
    else {
        ui.label(RichText::new(T::SelectAnItem.get(lang)).color(view.theme.muted()));
        return;
    };
    let d = &project.deliverables[i];
    let mut edited = d.clone();
    let mut what = None;
    ui.heading(format!("{} {}", d.code, d.name));
    let (date, late) = due(view, d);
    if let Some(date) = date {
        let text = RichText::new(T::DueOn.fill(lang, &[("date", &i18n::format_date(lang, date))]));
        ui.label(if late {
            text.color(view.theme.error()).strong()
        } else {
            text
        });
    }
    egui::Grid::new("deliverable-fields")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            if let Some(v) = text_ui(ui, T::ColCode.get(lang), &d.code, false, view.out) {
                edited.code = v;
                what = Some("del.code");
            }
            if let Some(v) = text_ui(ui, T::ColItemName.get(lang), &d.name, false, view.out) {
                edited.name = v;
                what = Some("del.name");
            }
            let kinds: Vec<(DeliverableKind, &str)> = [
                DeliverableKind::Document,
                DeliverableKind::SoftwareRelease,
                DeliverableKind::Module,
                DeliverableKind::Training,
                DeliverableKind::Environment,
                DeliverableKind::Data,
            ]
            .into_iter()
            .map(|k| (k, k.label().get(lang)))
            .collect();
            if let Some(v) = choice_ui(ui, "del-kind", T::ColKind.get(lang), d.kind, &kinds) {
                edited.kind = v;
                what = Some("del.kind");
            }
            if let Some(v) = pick_one_ui(
                ui,
                "del-due",
                T::DueWith.get(lang),
                lang,
                d.due_with,
                &task_options(view),
            ) {
                edited.due_with = v;
                what = Some("del.due");
            }
            if let Some(v) = pick_one_ui(
                ui,
                "del-owner",
                T::FieldOwner.get(lang),
                lang,
                d.owner,
                &resource_options(view),
            ) {
                edited.owner = v;
                what = Some("del.owner");
            }
            if let Some(v) = text_ui(ui, T::FieldVersion.get(lang), &d.version, false, view.out) {
                edited.version = v;
                what = Some("del.version");
            }
            if let Some(v) = text_ui(
                ui,
                T::FieldDescription.get(lang),
                &d.description,
                true,
                view.out,
            ) {
                edited.description = v;
                what = Some("del.description");
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
                what = Some("del.status");
            }
        }
    });
    ui.separator();
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
    ui.horizontal_wrapped(|ui| {
        ui.label(T::ReviewBy.get(lang));
        let r = ui.add(egui::TextEdit::singleline(&mut state.review_by).desired_width(140.0));
        ui.ctx()
            .accesskit_node_builder(r.id, |n| n.set_label(T::ReviewBy.get(lang).to_owned()));
        ui.label(T::Comment.get(lang));
        let r = ui.add(egui::TextEdit::singleline(&mut state.review_comment).desired_width(160.0));
        ui.ctx()
            .accesskit_node_builder(r.id, |n| n.set_label(T::Comment.get(lang).to_owned()));
        for (approved, text) in [(true, T::RecordApproval), (false, T::RecordRejection)] {
            if ui
                .add_enabled(
                    !state.review_by.trim().is_empty(),
                    egui::Button::new(text.get(lang)),
                )
                .clicked()
            {
                edited.validations.push(Validation {
                    by: state.review_by.trim().to_owned(),
                    date: project
                        .meta
                        .status_date
                        .unwrap_or(view.today)
                        .max(view.today),
                    approved,
                    comment: std::mem::take(&mut state.review_comment),
                });
                if d.status == DeliverableStatus::InReview {
                    edited.status = if approved {
                        DeliverableStatus::Validated
                    } else {
                        DeliverableStatus::Rejected
                    };
                }
                what = Some("del.review");
            }
        }
    });
    ui.separator();
    ui.strong(T::Acceptance.get(lang));
    evidence_ui(ui, view, d.id);
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
                date: project
                    .meta
                    .status_date
                    .unwrap_or(view.today)
                    .max(view.today),
                by: d
                    .acceptance
                    .as_ref()
                    .map_or_else(|| project.meta.sponsor.clone(), |a| a.by.clone()),
                reservations: d
                    .acceptance
                    .as_ref()
                    .map_or_else(String::new, |a| a.reservations.clone()),
            });
            what = Some("del.verdict");
        }
        if let Some(a) = &d.acceptance {
            if let Some(v) = text_ui(ui, T::DecidedBy.get(lang), &a.by, false, view.out) {
                if let Some(x) = edited.acceptance.as_mut() {
                    x.by = v;
                }
                what = Some("del.accepted_by");
            }
            if let Some(v) = text_ui(
                ui,
                T::Reservations.get(lang),
                &a.reservations,
                true,
                view.out,
            ) {
                if let Some(x) = edited.acceptance.as_mut() {
                    x.reservations = v;
                }
                what = Some("del.reservations");
            }
        }
    });
    if let Some(what) = what {
        let mut list = project.deliverables.clone();
        list[i] = edited;
        view.out.edit(
            Edit::SetCollection(Box::new(Collection::Deliverables(list))),
            key(what, d.id.0),
        );
    }
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
