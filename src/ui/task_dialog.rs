//! The task editor (MS Project's Task Information): a window on one task with its general
//! fields, constraint and deadline, predecessors, resources and notes. Opened by double-clicking
//! a Gantt bar or row, or by Task ▸ Task information… (Shift+F2). Every change is applied at
//! once as an undoable edit, so the chart behind it follows while the user types; typed
//! durations, dates and predecessors are read exactly as in the task plan's cells.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use egui::{RichText, Ui};

use super::ViewCtx;
use super::choices::Choice as _;
use super::task_entry;
use super::widgets::{CellOutcome, text_field_ui};
use crate::doc::edit::{Edit, TaskField};
use crate::doc::history::CoalesceKey;
use crate::i18n::{self, T};
use crate::io::entry;
use crate::model::{Constraint, Link, LinkKind, SchedulingMode, TaskId};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    General,
    Predecessors,
    Resources,
    Notes,
}

/// Which task the editor shows, and what is being typed in it.
#[derive(Default)]
pub struct TaskDialogState {
    pub task: Option<TaskId>,
    pub tab: Tab,
    drafts: HashMap<egui::Id, String>,
    /// Put the keyboard in the name field next frame (a task just added from the Gantt).
    focus_name: bool,
}

impl TaskDialogState {
    pub fn open(&mut self, task: TaskId) {
        self.task = Some(task);
        self.tab = Tab::General;
        self.drafts.clear();
        self.focus_name = true;
    }

    pub fn close(&mut self) {
        self.task = None;
        self.drafts.clear();
    }
}

/// The constraint kinds in MS Project's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ConstraintKind {
    Asap,
    Alap,
    Snet,
    Snlt,
    Fnet,
    Fnlt,
    Mso,
    Mfo,
}

const CONSTRAINT_KINDS: [ConstraintKind; 8] = [
    ConstraintKind::Asap,
    ConstraintKind::Alap,
    ConstraintKind::Snet,
    ConstraintKind::Snlt,
    ConstraintKind::Fnet,
    ConstraintKind::Fnlt,
    ConstraintKind::Mso,
    ConstraintKind::Mfo,
];

impl ConstraintKind {
    fn of(c: Constraint) -> (Self, Option<NaiveDateTime>) {
        match c {
            Constraint::Asap => (Self::Asap, None),
            Constraint::Alap => (Self::Alap, None),
            Constraint::StartNoEarlierThan(d) => (Self::Snet, Some(d)),
            Constraint::StartNoLaterThan(d) => (Self::Snlt, Some(d)),
            Constraint::FinishNoEarlierThan(d) => (Self::Fnet, Some(d)),
            Constraint::FinishNoLaterThan(d) => (Self::Fnlt, Some(d)),
            Constraint::MustStartOn(d) => (Self::Mso, Some(d)),
            Constraint::MustFinishOn(d) => (Self::Mfo, Some(d)),
        }
    }

    fn with(self, at: NaiveDateTime) -> Constraint {
        match self {
            Self::Asap => Constraint::Asap,
            Self::Alap => Constraint::Alap,
            Self::Snet => Constraint::StartNoEarlierThan(at),
            Self::Snlt => Constraint::StartNoLaterThan(at),
            Self::Fnet => Constraint::FinishNoEarlierThan(at),
            Self::Fnlt => Constraint::FinishNoLaterThan(at),
            Self::Mso => Constraint::MustStartOn(at),
            Self::Mfo => Constraint::MustFinishOn(at),
        }
    }

    /// Whether the constraint's date is a finish (so a new one starts from the finish).
    fn on_finish(self) -> bool {
        matches!(self, Self::Fnet | Self::Fnlt | Self::Mfo)
    }

    fn name(self) -> T {
        match self {
            Self::Asap => T::ConstraintAsap,
            Self::Alap => T::ConstraintAlap,
            Self::Snet => T::ConstraintSnet,
            Self::Snlt => T::ConstraintSnlt,
            Self::Fnet => T::ConstraintFnet,
            Self::Fnlt => T::ConstraintFnlt,
            Self::Mso => T::ConstraintMso,
            Self::Mfo => T::ConstraintMfo,
        }
    }
}

/// The constraint's name and date as a tooltip shows them, `None` for as soon as possible.
pub fn constraint_text(lang: i18n::Lang, c: Constraint) -> Option<String> {
    let (kind, at) = ConstraintKind::of(c);
    if kind == ConstraintKind::Asap {
        return None;
    }
    Some(match at {
        Some(at) => format!(
            "{} {}",
            kind.name().get(lang),
            i18n::format_date(lang, at.date())
        ),
        None => kind.name().get(lang).to_owned(),
    })
}

fn field_id(task: TaskId, what: &'static str) -> egui::Id {
    egui::Id::unique(("task-dialog", task, what))
}

pub fn task_dialog_ui(ctx: &egui::Context, view: &mut ViewCtx<'_>, state: &mut TaskDialogState) {
    let Some(id) = state.task else {
        return;
    };
    let Some(&row) = view.derived.rows.get(&id) else {
        // The task was deleted (or undone away) while the editor was open.
        state.close();
        return;
    };
    let lang = view.lang;
    let mut open = true;
    let title = T::TaskDialogTitle.get(lang);
    egui::Window::new(title)
        .id(egui::Id::unique("task-dialog"))
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_width(620.0)
        .default_height(420.0)
        // Over the timeline's right side, so that the task list stays readable beside it.
        .pivot(egui::Align2::RIGHT_TOP)
        .default_pos(ctx.content_rect().right_top() + egui::vec2(-24.0, 90.0))
        .show(ctx, |ui| {
            let task = &view.project.tasks[row];
            ui.horizontal(|ui| {
                ui.strong(format!("{} {}", view.derived.wbs[row], task.name));
            });
            ui.horizontal(|ui| {
                for (tab, text) in [
                    (Tab::General, T::TabGeneral),
                    (Tab::Predecessors, T::ColPredecessors),
                    (Tab::Resources, T::ColResources),
                    (Tab::Notes, T::TabNotes),
                ] {
                    ui.selectable_value(&mut state.tab, tab, text.get(lang));
                }
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .id_salt("task-dialog-body")
                .show(ui, |ui| match state.tab {
                    Tab::General => general_ui(ui, view, state, row),
                    Tab::Predecessors => predecessors_ui(ui, view, state, row),
                    Tab::Resources => super::task_staffing::staffing_ui(ui, view, row),
                    Tab::Notes => notes_ui(ui, view, row),
                });
            ui.separator();
            if ui.button(T::Close.get(lang)).clicked() {
                state.close();
            }
        });
    // Escape closes the editor, unless it is cancelling what is being typed in a field.
    let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
    if !open || (escape && !ctx.egui_wants_keyboard_input() && state.drafts.is_empty()) {
        state.close();
    }
}

/// A labelled text field that commits when the user is done (Enter or leaving it).
fn typed_row_ui(
    ui: &mut Ui,
    state: &mut TaskDialogState,
    id: egui::Id,
    label: &str,
    shown: &str,
    edit_text: impl FnOnce() -> String,
) -> Option<String> {
    ui.label(label);
    let (_, outcome) = text_field_ui(ui, id, shown, edit_text, &mut state.drafts, label, 320.0);
    ui.end_row();
    match outcome {
        CellOutcome::Commit(text) => Some(text),
        CellOutcome::Idle => None,
    }
}

#[allow(clippy::too_many_lines, reason = "one form, field after field")]
fn general_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut TaskDialogState, row: usize) {
    let lang = view.lang;
    let project = view.project;
    let task = &project.tasks[row];
    let summary = view.derived.summary[row];
    let (start, finish) = view.derived.dates(project, row);
    egui::Grid::new("task-dialog-general")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let name_label = T::ColName.get(lang);
            ui.label(name_label);
            let name_id = field_id(task.id, "name");
            let mut name = task.name.clone();
            let response = ui.add(
                egui::TextEdit::singleline(&mut name)
                    .id(name_id)
                    .desired_width(f32::INFINITY),
            );
            ui.ctx()
                .accesskit_node_builder(name_id, |n| n.set_label(name_label.to_owned()));
            if state.focus_name {
                state.focus_name = false;
                response.request_focus();
            }
            task_entry::commit_name(view, task, &response, name);
            ui.end_row();

            let duration = entry::format_duration(task.duration, lang);
            if !summary
                && let Some(text) = typed_row_ui(
                    ui,
                    state,
                    field_id(task.id, "duration"),
                    T::ColDuration.get(lang),
                    &duration,
                    || duration.clone(),
                )
            {
                task_entry::commit_duration(view, task, &text);
            }
            for (is_start, at, title, what) in [
                (true, start, T::ColStart, "start"),
                (false, finish, T::ColFinish, "finish"),
            ] {
                let shown = i18n::format_date(lang, at.date());
                if summary {
                    // A summary's dates are its subtasks': shown, not typed.
                    ui.label(title.get(lang));
                    ui.label(shown);
                    ui.end_row();
                } else if let Some(text) = typed_row_ui(
                    ui,
                    state,
                    field_id(task.id, what),
                    title.get(lang),
                    &shown,
                    || i18n::format_date_numeric(at.date()),
                ) {
                    task_entry::commit_date(view, row, task, is_start, &text);
                }
            }
            let percent = format!("{} %", task.percent_complete);
            if let Some(text) = typed_row_ui(
                ui,
                state,
                field_id(task.id, "percent"),
                T::ColPercent.get(lang),
                &percent,
                || task.percent_complete.to_string(),
            ) {
                task_entry::commit_percent(view, task, &text);
            }

            if !summary {
                ui.label(T::SchedulingMode.get(lang));
                ui.horizontal(|ui| {
                    for (mode, text) in [
                        (SchedulingMode::Auto, T::ModeAuto),
                        (SchedulingMode::Manual, T::ModeManual),
                    ] {
                        if ui.radio(task.mode == mode, text.get(lang)).clicked()
                            && task.mode != mode
                        {
                            // A task made manual keeps the dates it is scheduled on now.
                            let mut edits = vec![Edit::SetTask {
                                id: task.id,
                                field: TaskField::Mode(mode),
                            }];
                            if mode == SchedulingMode::Manual {
                                edits.push(Edit::SetTask {
                                    id: task.id,
                                    field: TaskField::Start(start),
                                });
                                edits.push(Edit::SetTask {
                                    id: task.id,
                                    field: TaskField::Finish(finish),
                                });
                            }
                            view.out.edit(Edit::Batch(edits), None);
                        }
                    }
                });
                ui.end_row();

                ui.label(T::MilestoneFlag.get(lang));
                let mut milestone = task.milestone;
                if ui
                    .checkbox(&mut milestone, T::MilestoneFlagTip.get(lang))
                    .changed()
                {
                    view.out.edit(
                        Edit::SetTask {
                            id: task.id,
                            field: TaskField::Milestone(milestone),
                        },
                        None,
                    );
                }
                ui.end_row();

                constraint_ui(ui, view, state, row, (start, finish));
            }

            let deadline = task
                .deadline
                .map(|d| i18n::format_date(lang, d))
                .unwrap_or_default();
            if let Some(text) = typed_row_ui(
                ui,
                state,
                field_id(task.id, "deadline"),
                T::DeadlineLabel.get(lang),
                &deadline,
                || {
                    task.deadline
                        .map(i18n::format_date_numeric)
                        .unwrap_or_default()
                },
            ) {
                let parsed = if text.trim().is_empty() {
                    Some(None)
                } else {
                    i18n::parse_date(&text).map(Some)
                };
                match parsed {
                    Some(deadline) if deadline != task.deadline => view.out.edit(
                        Edit::SetTask {
                            id: task.id,
                            field: TaskField::Deadline(deadline),
                        },
                        None,
                    ),
                    Some(_) => {}
                    None => view.out.error(
                        T::BadDate
                            .with(&[("text", &text), ("format", T::DateFormatHint.get(lang))]),
                    ),
                }
            }

            ui.label(T::ColPriority.get(lang));
            let mut priority = task.priority;
            let response = ui.add(egui::DragValue::new(&mut priority).range(0..=1000));
            ui.ctx().accesskit_node_builder(response.id, |n| {
                n.set_label(T::ColPriority.get(lang).to_owned());
            });
            if response.changed() && priority != task.priority {
                view.out.edit(
                    Edit::SetTask {
                        id: task.id,
                        field: TaskField::Priority(priority),
                    },
                    Some(CoalesceKey::named("task.priority", task.id.0)),
                );
            }
            ui.end_row();
        });
    computed_ui(ui, view, row);
}

/// The constraint type, and its date when it has one.
fn constraint_ui(
    ui: &mut Ui,
    view: &mut ViewCtx<'_>,
    state: &mut TaskDialogState,
    row: usize,
    (start, finish): (NaiveDateTime, NaiveDateTime),
) {
    let lang = view.lang;
    let task = &view.project.tasks[row];
    let (kind, at) = ConstraintKind::of(task.constraint);
    let label = T::ConstraintLabel.get(lang);
    ui.label(label);
    let mut chosen = kind;
    let combo = egui::ComboBox::from_id_salt(field_id(task.id, "constraint"))
        .selected_text(kind.name().get(lang))
        .width(240.0)
        .show_ui(ui, |ui| {
            for k in CONSTRAINT_KINDS {
                ui.selectable_value(&mut chosen, k, k.name().get(lang));
            }
        });
    ui.ctx().accesskit_node_builder(combo.response.id, |n| {
        n.set_label(label.to_owned());
    });
    ui.end_row();
    if chosen != kind {
        let at = at.unwrap_or(if chosen.on_finish() { finish } else { start });
        view.out.edit(
            Edit::SetTask {
                id: task.id,
                field: TaskField::Constraint(chosen.with(at)),
            },
            None,
        );
    }
    if let Some(at) = at {
        let shown = i18n::format_date(lang, at.date());
        if let Some(text) = typed_row_ui(
            ui,
            state,
            field_id(task.id, "constraint-date"),
            T::ConstraintDate.get(lang),
            &shown,
            || i18n::format_date_numeric(at.date()),
        ) {
            match i18n::parse_date(&text) {
                Some(date) => {
                    let new_at = date.and_time(at.time());
                    if new_at != at {
                        view.out.edit(
                            Edit::SetTask {
                                id: task.id,
                                field: TaskField::Constraint(kind.with(new_at)),
                            },
                            None,
                        );
                    }
                }
                None => view.out.error(
                    T::BadDate.with(&[("text", &text), ("format", T::DateFormatHint.get(lang))]),
                ),
            }
        }
    }
}

/// What the scheduler computed: early and late dates, slack, critical.
fn computed_ui(ui: &mut Ui, view: &ViewCtx<'_>, row: usize) {
    let lang = view.lang;
    let Ok(schedule) = &view.derived.schedule else {
        return;
    };
    let Some(d) = schedule.tasks.get(row) else {
        return;
    };
    ui.separator();
    let per_day = f64::from(view.project.settings.minutes_per_day.max(1));
    let days = |minutes: i64| {
        entry::format_duration(crate::model::Duration::days(minutes as f64 / per_day), lang)
    };
    egui::Grid::new("task-dialog-computed")
        .num_columns(4)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            let muted = view.theme.muted();
            for (title, value) in [
                (T::EarlyStart, i18n::format_date_time(lang, d.early_start)),
                (T::EarlyFinish, i18n::format_date_time(lang, d.early_finish)),
                (T::LateStart, i18n::format_date_time(lang, d.late_start)),
                (T::LateFinish, i18n::format_date_time(lang, d.late_finish)),
                (T::ColSlack, days(d.total_slack_minutes)),
                (T::ColFreeSlack, days(d.free_slack_minutes)),
            ] {
                ui.label(RichText::new(title.get(lang)).color(muted));
                ui.label(value);
                ui.end_row();
            }
            if d.critical && !view.derived.summary[row] {
                ui.label(RichText::new(T::FilterCritical.get(lang)).color(view.theme.critical()));
                ui.end_row();
            }
        });
}

fn predecessors_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut TaskDialogState, row: usize) {
    let lang = view.lang;
    let project = view.project;
    let task = &project.tasks[row];
    let links: Vec<&Link> = view.derived.predecessors[row]
        .iter()
        .filter_map(|&k| project.links.get(k))
        .collect();
    let shown = entry::format_predecessors(&links, &view.derived.rows, lang);
    egui::Grid::new("task-dialog-predecessors-text")
        .num_columns(2)
        .show(ui, |ui| {
            if let Some(text) = typed_row_ui(
                ui,
                state,
                field_id(task.id, "predecessors"),
                T::ColPredecessors.get(lang),
                &shown,
                || shown.clone(),
            ) {
                task_entry::commit_predecessors(view, row, task, &text);
            }
        });
    ui.label(RichText::new(T::PredecessorsHint.get(lang)).color(view.theme.muted()));
    ui.add_space(6.0);
    let mut changed: Option<Vec<Link>> = None;
    egui::Grid::new("task-dialog-predecessors")
        .num_columns(5)
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for title in [T::ColId, T::ColName, T::LinkType, T::LinkLag] {
                ui.strong(title.get(lang));
            }
            ui.end_row();
            for (k, link) in links.iter().enumerate() {
                let from = view.derived.rows.get(&link.predecessor).copied();
                ui.label(from.map_or_else(String::new, |r| (r + 1).to_string()));
                ui.label(from.map_or("", |r| project.tasks[r].name.as_str()));
                let mut kind = link.kind;
                let combo = egui::ComboBox::from_id_salt(("task-dialog-link-kind", k))
                    .selected_text(kind.label().get(lang))
                    .show_ui(ui, |ui| {
                        for choice in LinkKind::ALL {
                            ui.selectable_value(&mut kind, choice, choice.label().get(lang));
                        }
                    });
                // "Link type 1": which link's type, for screen readers and tests.
                let label = format!("{} {}", T::LinkType.get(lang), k + 1);
                ui.ctx()
                    .accesskit_node_builder(combo.response.id, |n| n.set_label(label));
                ui.label(entry::format_lag(link.lag, lang));
                let remove = ui.button(T::RemoveLink.get(lang));
                if remove.clicked() {
                    changed = Some(
                        links
                            .iter()
                            .enumerate()
                            .filter(|(j, _)| *j != k)
                            .map(|(_, l)| **l)
                            .collect(),
                    );
                }
                if kind != link.kind {
                    changed = Some(
                        links
                            .iter()
                            .enumerate()
                            .map(|(j, l)| if j == k { Link { kind, ..**l } } else { **l })
                            .collect(),
                    );
                }
                ui.end_row();
            }
        });
    if let Some(links) = changed {
        view.out.edit(
            Edit::SetPredecessors {
                task: task.id,
                links,
            },
            None,
        );
    }
}

fn notes_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, row: usize) {
    let lang = view.lang;
    let task = &view.project.tasks[row];
    let mut notes = task.notes.clone();
    let id = field_id(task.id, "notes");
    let response = ui.add(
        egui::TextEdit::multiline(&mut notes)
            .id(id)
            .desired_rows(10)
            .desired_width(f32::INFINITY),
    );
    ui.ctx()
        .accesskit_node_builder(id, |n| n.set_label(T::TabNotes.get(lang).to_owned()));
    if response.changed() {
        view.out.edit(
            Edit::SetTask {
                id: task.id,
                field: TaskField::Notes(notes),
            },
            Some(CoalesceKey::named("task.notes", task.id.0)),
        );
    }
    if response.lost_focus() {
        view.out.seal();
    }
}
