//! Steering committees and other meetings: date, kind (COPIL, COPROJ, workshop), attendees
//! from the company and from outside, agenda, minutes, decisions, and action items with their
//! owner, due date, status and the task or risk they concern; overdue actions stand out.

use chrono::NaiveTime;
use egui::{RichText, Ui};

use super::ViewCtx;
use super::choices::Choice as _;
use super::collection;
use super::editor::{
    DateChange, ListAction, ListColumn, ListState, choice_ui, date_row_ui, date_ui, key, list_ui,
    resource_options, task_options, text_ui, toolbar_ui,
};
use crate::doc::edit::{Collection, Edit};
use crate::i18n::{self, T};
use crate::model::{ActionItem, ActionStatus, Decision, Meeting, MeetingKind};

#[derive(Default)]
pub struct MeetingsState {
    pub list: ListState,
}

impl super::View for MeetingsState {
    fn ui(&mut self, ui: &mut Ui, ctx: &mut ViewCtx<'_>) {
        meetings_ui(ui, ctx, self);
    }
}

/// Open and past its due date (the status date, else today).
pub fn overdue(view: &ViewCtx<'_>, a: &ActionItem) -> bool {
    let today = view.project.meta.status_date.unwrap_or(view.today);
    a.status == ActionStatus::Open && a.due.is_some_and(|d| d < today)
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

pub fn meetings_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut MeetingsState) {
    let lang = view.lang;
    let project = view.project;
    let action = toolbar_ui(
        ui,
        lang,
        T::AddMeeting,
        &mut state.list,
        project.meetings.len(),
    );
    act(view, state, action);
    egui::Panel::right("meeting-detail")
        .resizable(true)
        .default_size(560.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| detail_ui(ui, view, state));
        });
    let v: &ViewCtx<'_> = view;
    let error = v.theme.error();
    let columns = vec![
        ListColumn::new(T::FieldDate.get(lang), 110.0, move |m: &Meeting| {
            i18n::format_date(lang, m.date.date())
        }),
        ListColumn::new(T::ColKind.get(lang), 80.0, move |m: &Meeting| {
            m.kind.label().get(lang).to_owned()
        }),
        ListColumn::new(T::ColTitle.get(lang), 240.0, |m: &Meeting| m.title.clone()),
        ListColumn::new(T::Decisions.get(lang), 80.0, |m: &Meeting| {
            m.decisions.len().to_string()
        }),
        ListColumn::new(T::OpenActions.get(lang), 140.0, move |m: &Meeting| {
            let open = m
                .actions
                .iter()
                .filter(|a| a.status == ActionStatus::Open)
                .count();
            let late = m.actions.iter().filter(|a| overdue(v, a)).count();
            if late > 0 {
                T::OpenOverdue.fill(
                    lang,
                    &[("open", &open.to_string()), ("late", &late.to_string())],
                )
            } else {
                open.to_string()
            }
        })
        .coloured(move |m: &Meeting| m.actions.iter().any(|a| overdue(v, a)).then_some(error)),
    ];
    egui::CentralPanel::default_margins().show(ui, |ui| {
        list_ui(
            ui,
            "meetings",
            &mut state.list,
            &project.meetings,
            |m| m.id.0,
            &columns,
        );
    });
}

fn act(view: &mut ViewCtx<'_>, state: &mut MeetingsState, action: ListAction) {
    let lang = view.lang;
    let project = view.project;
    let next = collection::next::<Meeting>(project);
    let selected = state
        .list
        .selected
        .and_then(|s| project.meetings.iter().position(|m| m.id.0 == s));
    match action {
        ListAction::None => {}
        ListAction::Add | ListAction::Duplicate => {
            let mut list = project.meetings.clone();
            let date = project
                .meta
                .status_date
                .unwrap_or(view.today)
                .and_time(NaiveTime::from_hms_opt(10, 0, 0).unwrap_or_default());
            let item = match (action, selected) {
                // The next occurrence of a recurring meeting: same people and agenda, new minutes.
                (ListAction::Duplicate, Some(i)) => Meeting {
                    id: next,
                    date,
                    minutes: String::new(),
                    decisions: Vec::new(),
                    actions: Vec::new(),
                    ..list[i].clone()
                },
                _ => Meeting {
                    id: next,
                    title: T::NewMeeting.get(lang).to_owned(),
                    kind: MeetingKind::SteeringCommittee,
                    date,
                    attendees: Vec::new(),
                    external_attendees: Vec::new(),
                    agenda: Vec::new(),
                    minutes: String::new(),
                    decisions: Vec::new(),
                    actions: Vec::new(),
                },
            };
            list.insert(selected.map_or(list.len(), |i| i + 1), item);
            view.out.edit(
                Edit::SetCollection(Box::new(Collection::Meetings(list))),
                None,
            );
            state.list.selected = Some(next.0);
        }
        ListAction::Delete => collection::delete_selected::<Meeting>(view, &mut state.list),
    }
}

#[allow(clippy::too_many_lines, reason = "one form, field after field")]
fn detail_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut MeetingsState) {
    let lang = view.lang;
    let project = view.project;
    let Some(i) = state
        .list
        .selected
        .and_then(|s| project.meetings.iter().position(|m| m.id.0 == s))
    else {
        ui.label(RichText::new(T::SelectAnItem.get(lang)).color(view.theme.muted()));
        return;
    };
    let m = &project.meetings[i];
    let mut edited = m.clone();
    let mut what = None;
    let theme = *view.theme;
    ui.heading(&m.title);
    egui::Grid::new("meeting-fields")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            if let Some(v) = text_ui(ui, T::ColTitle.get(lang), &m.title, false, view.out) {
                edited.title = v;
                what = Some("meeting.title");
            }
            let kinds: Vec<_> = [
                MeetingKind::SteeringCommittee,
                MeetingKind::ProjectCommittee,
                MeetingKind::Workshop,
            ]
            .into_iter()
            .map(|k| (k, k.label().get(lang)))
            .collect();
            if let Some(v) = choice_ui(ui, "meeting-kind", T::ColKind.get(lang), m.kind, &kinds) {
                edited.kind = v;
                what = Some("meeting.kind");
            }
            if let DateChange::Set(Some(d)) = date_row_ui(
                ui,
                egui::Id::unique(("meeting-date", m.id)),
                T::FieldDate.get(lang),
                Some(m.date.date()),
                &mut state.list.drafts,
                lang,
                &theme,
            ) {
                edited.date = d.and_time(m.date.time());
                what = Some("meeting.date");
            }
            if let Some(v) = text_ui(
                ui,
                T::Attendees.get(lang),
                &m.attendees.join("\n"),
                true,
                view.out,
            ) {
                edited.attendees = lines(&v);
                what = Some("meeting.attendees");
            }
            if let Some(v) = text_ui(
                ui,
                T::ExternalAttendees.get(lang),
                &m.external_attendees.join("\n"),
                true,
                view.out,
            ) {
                edited.external_attendees = lines(&v);
                what = Some("meeting.external");
            }
            if let Some(v) = text_ui(
                ui,
                T::Agenda.get(lang),
                &m.agenda.join("\n"),
                true,
                view.out,
            ) {
                edited.agenda = lines(&v);
                what = Some("meeting.agenda");
            }
            if let Some(v) = text_ui(ui, T::Minutes.get(lang), &m.minutes, true, view.out) {
                edited.minutes = v;
                what = Some("meeting.minutes");
            }
        });
    ui.separator();
    ui.strong(T::Decisions.get(lang));
    let mut remove_decision = None;
    for (k, d) in m.decisions.iter().enumerate() {
        ui.horizontal(|ui| {
            let mut text = d.text.clone();
            let r = ui.add(egui::TextEdit::singleline(&mut text).desired_width(300.0));
            let label = format!("{} {}", T::Decision.get(lang), k + 1);
            ui.ctx()
                .accesskit_node_builder(r.id, |n| n.set_label(label));
            if r.changed() {
                edited.decisions[k].text = text;
                what = Some("meeting.decision");
            }
            let mut by = d.decided_by.clone();
            let r = ui.add(egui::TextEdit::singleline(&mut by).desired_width(140.0));
            let label = format!("{} {}", T::DecidedBy.get(lang), k + 1);
            ui.ctx()
                .accesskit_node_builder(r.id, |n| n.set_label(label));
            if r.changed() {
                edited.decisions[k].decided_by = by;
                what = Some("meeting.decision");
            }
            if ui.small_button(T::Remove.get(lang)).clicked() {
                remove_decision = Some(k);
            }
        });
    }
    if let Some(k) = remove_decision {
        edited.decisions.remove(k);
        what = Some("meeting.decision.remove");
    }
    if ui.small_button(T::AddDecision.get(lang)).clicked() {
        edited.decisions.push(Decision {
            text: String::new(),
            decided_by: m.kind.label().get(lang).to_owned(),
        });
        what = Some("meeting.decision.add");
    }
    ui.separator();
    ui.strong(T::Actions.get(lang));
    let tasks = task_options(view);
    let resources = resource_options(view);
    let risks: Vec<_> = project
        .risks
        .iter()
        .map(|r| (r.id, format!("{} {}", r.code, r.title)))
        .collect();
    let mut remove_action = None;
    for (k, a) in m.actions.iter().enumerate() {
        let late = overdue(view, a);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let mut text = a.text.clone();
                let r = ui.add(egui::TextEdit::singleline(&mut text).desired_width(300.0));
                let label = format!("{} {}", T::Action.get(lang), k + 1);
                ui.ctx()
                    .accesskit_node_builder(r.id, |n| n.set_label(label));
                if r.changed() {
                    edited.actions[k].text = text;
                    what = Some("meeting.action");
                }
                if late {
                    ui.label(
                        RichText::new(T::Overdue.get(lang))
                            .color(view.theme.error())
                            .strong(),
                    );
                }
                if ui.small_button(T::Remove.get(lang)).clicked() {
                    remove_action = Some(k);
                }
            });
            ui.horizontal_wrapped(|ui| {
                ui.label(T::FieldOwner.get(lang));
                if let Some(v) =
                    small_pick(ui, ("action-owner", m.id, k), lang, a.owner, &resources)
                {
                    edited.actions[k].owner = v;
                    what = Some("meeting.action.owner");
                }
                ui.label(T::Due.get(lang));
                if let DateChange::Set(v) = date_ui(
                    ui,
                    egui::Id::unique(("action-due", m.id, k)),
                    &format!("{} {}", T::Due.get(lang), k + 1),
                    a.due,
                    &mut state.list.drafts,
                    lang,
                    &theme,
                ) {
                    edited.actions[k].due = v;
                    what = Some("meeting.action.due");
                }
                let combo = egui::ComboBox::from_id_salt(("action-status", m.id, k))
                    .selected_text(a.status.label().get(lang))
                    .show_ui(ui, |ui| {
                        for s in [
                            ActionStatus::Open,
                            ActionStatus::Done,
                            ActionStatus::Cancelled,
                        ] {
                            if ui
                                .selectable_label(s == a.status, s.label().get(lang))
                                .clicked()
                                && s != a.status
                            {
                                edited.actions[k].status = s;
                                what = Some("meeting.action.status");
                            }
                        }
                    });
                let label = format!("{} {}", T::ColStatus.get(lang), k + 1);
                ui.ctx()
                    .accesskit_node_builder(combo.response.id, |n| n.set_label(label));
            });
            ui.horizontal_wrapped(|ui| {
                ui.label(T::FieldTask.get(lang));
                if let Some(v) = small_pick(ui, ("action-task", m.id, k), lang, a.task, &tasks) {
                    edited.actions[k].task = v;
                    what = Some("meeting.action.task");
                }
                ui.label(T::RiskLabel.get(lang));
                if let Some(v) = small_pick(ui, ("action-risk", m.id, k), lang, a.risk, &risks) {
                    edited.actions[k].risk = v;
                    what = Some("meeting.action.risk");
                }
            });
        });
    }
    if let Some(k) = remove_action {
        edited.actions.remove(k);
        what = Some("meeting.action.remove");
    }
    if ui.small_button(T::AddAction.get(lang)).clicked() {
        edited.actions.push(ActionItem {
            text: String::new(),
            owner: None,
            due: None,
            status: ActionStatus::Open,
            task: None,
            risk: None,
        });
        what = Some("meeting.action.add");
    }
    if let Some(what) = what {
        let mut list = project.meetings.clone();
        list[i] = edited;
        view.out.edit(
            Edit::SetCollection(Box::new(Collection::Meetings(list))),
            key(what, m.id.0),
        );
    }
}

/// A compact picker inside an action's row: `Some(None)` when cleared.
#[allow(
    clippy::option_option,
    reason = "nothing chosen differs from clearing the choice"
)]
fn small_pick<K: Copy + PartialEq>(
    ui: &mut Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    lang: crate::i18n::Lang,
    current: Option<K>,
    options: &[(K, String)],
) -> Option<Option<K>> {
    let mut chosen = None;
    let text = current
        .and_then(|c| options.iter().find(|(k, _)| *k == c))
        .map_or_else(|| T::FieldNone.get(lang).to_owned(), |(_, n)| n.clone());
    let combo = egui::ComboBox::from_id_salt(id)
        .selected_text(text.clone())
        .width(180.0)
        .height(300.0)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(current.is_none(), T::FieldNone.get(lang))
                .clicked()
                && current.is_some()
            {
                chosen = Some(None);
            }
            for (k, name) in options {
                if ui.selectable_label(current == Some(*k), name).clicked() && current != Some(*k) {
                    chosen = Some(Some(*k));
                }
            }
        });
    ui.ctx()
        .accesskit_node_builder(combo.response.id, |n| n.set_label(text));
    chosen
}
