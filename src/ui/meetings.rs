//! Steering committees and other meetings: date, kind (COPIL, COPROJ, workshop), attendees
//! from the company and from outside, agenda, minutes, decisions, and action items with their
//! owner, due date, status and the task or risk they concern; overdue actions stand out.

use chrono::NaiveTime;
use egui::{RichText, Ui};

use super::ViewCtx;
use super::choices::Choice;
use super::collection::{self, EditorItem, Form};
use super::editor::{DateChange, ListColumn, ListState, date_ui, resource_options, task_options};
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

pub fn meetings_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut MeetingsState) {
    collection::collection_ui::<Meeting>(ui, view, &mut state.list, 560.0);
}

impl EditorItem for Meeting {
    const ADD: T = T::AddMeeting;
    const SALT: &'static str = "meetings";

    fn fresh(view: &ViewCtx<'_>, id: Self::Id) -> Self {
        let date = view
            .project
            .meta
            .status_date
            .unwrap_or(view.today)
            .and_time(NaiveTime::from_hms_opt(10, 0, 0).unwrap_or_default());
        Meeting {
            id,
            title: T::NewMeeting.get(view.lang).to_owned(),
            kind: MeetingKind::SteeringCommittee,
            date,
            attendees: Vec::new(),
            external_attendees: Vec::new(),
            agenda: Vec::new(),
            minutes: String::new(),
            decisions: Vec::new(),
            actions: Vec::new(),
        }
    }

    fn heading(&self, _view: &ViewCtx<'_>) -> String {
        self.title.clone()
    }

    fn columns<'a>(v: &'a ViewCtx<'a>) -> Vec<ListColumn<'a, Self>> {
        let lang = v.lang;
        let error = v.theme.error();
        vec![
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
        ]
    }

    fn form_ui(ui: &mut Ui, form: &mut Form<'_, '_>, m: &Self, edited: &mut Self) {
        form.grid(ui, |ui, form| {
            if let Some(v) = form.text(ui, T::ColTitle, &m.title) {
                edited.title = v;
            }
            if let Some(v) = form.choice(ui, T::ColKind, m.kind) {
                edited.kind = v;
            }
            if let DateChange::Set(Some(d)) = form.date(ui, T::FieldDate, Some(m.date.date())) {
                edited.date = d.and_time(m.date.time());
            }
            if let Some(v) = form.lines(ui, T::Attendees, &m.attendees) {
                edited.attendees = v;
            }
            if let Some(v) = form.lines(ui, T::ExternalAttendees, &m.external_attendees) {
                edited.external_attendees = v;
            }
            if let Some(v) = form.lines(ui, T::Agenda, &m.agenda) {
                edited.agenda = v;
            }
            if let Some(v) = form.multiline(ui, T::Minutes, &m.minutes) {
                edited.minutes = v;
            }
        });
        ui.separator();
        decisions_ui(ui, form, m, edited);
        ui.separator();
        actions_ui(ui, form, m, edited);
    }
}

/// The decisions taken: each its text and who decided, removable; a new one is decided by the
/// committee itself until someone is named.
fn decisions_ui(ui: &mut Ui, form: &mut Form<'_, '_>, m: &Meeting, edited: &mut Meeting) {
    let lang = form.lang();
    ui.strong(T::Decisions.get(lang));
    let mut remove = None;
    for (k, d) in m.decisions.iter().enumerate() {
        ui.horizontal(|ui| {
            let mut text = d.text.clone();
            if row_text_ui(
                ui,
                &mut text,
                300.0,
                format!("{} {}", T::Decision.get(lang), k + 1),
            ) {
                edited.decisions[k].text = text;
                form.changed(T::Decision);
            }
            let mut by = d.decided_by.clone();
            let label = format!("{} {}", T::DecidedBy.get(lang), k + 1);
            if row_text_ui(ui, &mut by, 140.0, label) {
                edited.decisions[k].decided_by = by;
                form.changed(T::Decision);
            }
            if ui.small_button(T::Remove.get(lang)).clicked() {
                remove = Some(k);
            }
        });
    }
    if let Some(k) = remove {
        edited.decisions.remove(k);
        form.changed(T::Remove);
    }
    if ui.small_button(T::AddDecision.get(lang)).clicked() {
        edited.decisions.push(Decision {
            text: String::new(),
            decided_by: m.kind.label().get(lang).to_owned(),
        });
        form.changed(T::AddDecision);
    }
}

/// A text field in a row, labelled for screen readers and tests; whether it changed.
fn row_text_ui(ui: &mut Ui, text: &mut String, width: f32, label: String) -> bool {
    let r = ui.add(egui::TextEdit::singleline(text).desired_width(width));
    ui.ctx()
        .accesskit_node_builder(r.id, |n| n.set_label(label));
    r.changed()
}

/// The action items: text, owner, due date (overdue ones stand out), status, and the task or
/// risk they concern.
fn actions_ui(ui: &mut Ui, form: &mut Form<'_, '_>, m: &Meeting, edited: &mut Meeting) {
    let lang = form.lang();
    let view = form.ctx();
    let theme = *view.theme;
    let tasks = task_options(view);
    let resources = resource_options(view);
    let risks: Vec<_> = view
        .project
        .risks
        .iter()
        .map(|r| (r.id, format!("{} {}", r.code, r.title)))
        .collect();
    ui.strong(T::Actions.get(lang));
    let mut remove = None;
    for (k, a) in m.actions.iter().enumerate() {
        let late = overdue(form.ctx(), a);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let mut text = a.text.clone();
                if row_text_ui(
                    ui,
                    &mut text,
                    300.0,
                    format!("{} {}", T::Action.get(lang), k + 1),
                ) {
                    edited.actions[k].text = text;
                    form.changed(T::Action);
                }
                if late {
                    ui.label(
                        RichText::new(T::Overdue.get(lang))
                            .color(theme.error())
                            .strong(),
                    );
                }
                if ui.small_button(T::Remove.get(lang)).clicked() {
                    remove = Some(k);
                }
            });
            ui.horizontal_wrapped(|ui| {
                ui.label(T::FieldOwner.get(lang));
                if let Some(v) =
                    small_pick(ui, ("action-owner", m.id, k), lang, a.owner, &resources)
                {
                    edited.actions[k].owner = v;
                    form.changed(T::FieldOwner);
                }
                ui.label(T::Due.get(lang));
                if let DateChange::Set(v) = date_ui(
                    ui,
                    egui::Id::unique(("action-due", m.id, k)),
                    &format!("{} {}", T::Due.get(lang), k + 1),
                    a.due,
                    form.drafts,
                    lang,
                    &theme,
                ) {
                    edited.actions[k].due = v;
                    form.changed(T::Due);
                }
                let label = format!("{} {}", T::ColStatus.get(lang), k + 1);
                if let Some(s) = small_choice(ui, ("action-status", m.id, k), lang, a.status, label)
                {
                    edited.actions[k].status = s;
                    form.changed(T::ColStatus);
                }
            });
            ui.horizontal_wrapped(|ui| {
                ui.label(T::FieldTask.get(lang));
                if let Some(v) = small_pick(ui, ("action-task", m.id, k), lang, a.task, &tasks) {
                    edited.actions[k].task = v;
                    form.changed(T::FieldTask);
                }
                ui.label(T::RiskLabel.get(lang));
                if let Some(v) = small_pick(ui, ("action-risk", m.id, k), lang, a.risk, &risks) {
                    edited.actions[k].risk = v;
                    form.changed(T::RiskLabel);
                }
            });
        });
    }
    if let Some(k) = remove {
        edited.actions.remove(k);
        form.changed(T::Remove);
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
        form.changed(T::AddAction);
    }
}

/// A compact choice of an enum inside a row, labelled for screen readers and tests.
fn small_choice<V: Choice>(
    ui: &mut Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    lang: crate::i18n::Lang,
    current: V,
    label: String,
) -> Option<V> {
    let mut chosen = None;
    let combo = egui::ComboBox::from_id_salt(id)
        .selected_text(current.label().get(lang))
        .show_ui(ui, |ui| {
            for &v in V::ALL {
                if ui
                    .selectable_label(v == current, v.label().get(lang))
                    .clicked()
                    && v != current
                {
                    chosen = Some(v);
                }
            }
        });
    ui.ctx()
        .accesskit_node_builder(combo.response.id, |n| n.set_label(label));
    chosen
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
