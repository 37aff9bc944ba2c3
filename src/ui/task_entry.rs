//! What a typed task field becomes: the text read as MS Project reads it, turned into the edit
//! that changes the document, or a refusal in the status bar that changes nothing. The task
//! plan's cells and the task editor share these, so both accept and refuse the same text.

use super::ViewCtx;
use crate::doc::edit::{Edit, TaskField};
use crate::i18n::{self, Message, T};
use crate::io::entry::{self, PredecessorError};
use crate::io::resource_entry::{self, ResourceEntryError};
use crate::model::{Constraint, SchedulingMode, Task};
use crate::schedule::assign;

/// The name as typed, live: each keystroke an edit, coalesced into one undo step until the
/// field is left.
pub fn commit_name(view: &mut ViewCtx<'_>, task: &Task, response: &egui::Response, name: String) {
    if response.changed() {
        view.out.edit(
            Edit::SetTask {
                id: task.id,
                field: TaskField::Name(name),
            },
            Some(crate::doc::history::CoalesceKey::named(
                "task.name",
                task.id.0,
            )),
        );
    }
    if response.lost_focus() {
        view.out.seal();
    }
}

fn refuse(view: &mut ViewCtx<'_>, message: impl Into<Message>) {
    view.out.error(message);
}

/// A duration typed as `5d`, `2.5w`, `4h`, `3ed` (`5j`, `2,5 sem` in French).
pub fn commit_duration(view: &mut ViewCtx<'_>, task: &Task, text: &str) {
    match entry::parse_duration(text) {
        Some(duration) if duration != task.duration => view.out.edit(
            Edit::SetTask {
                id: task.id,
                field: TaskField::Duration(duration),
            },
            None,
        ),
        Some(_) => {}
        None => refuse(view, T::BadDuration.with(&[("text", text)])),
    }
}

/// A start (`is_start`) or finish date typed on row `index`. On an automatically scheduled
/// task it becomes a start- or finish-no-earlier-than constraint, as in MS Project; a manual
/// task takes the date itself (moving as a block when the start changes).
pub fn commit_date(view: &mut ViewCtx<'_>, index: usize, task: &Task, is_start: bool, text: &str) {
    let lang = view.lang;
    let (start, finish) = view.derived.dates(view.project, index);
    let at = if is_start { start } else { finish };
    let Some(date) = i18n::parse_date(text) else {
        let format = T::DateFormatHint.get(lang);
        refuse(
            view,
            T::BadDate.fill(lang, &[("text", text), ("format", format)]),
        );
        return;
    };
    let new_at = date.and_time(at.time());
    if new_at == at {
        return;
    }
    let edit = if task.mode == SchedulingMode::Auto {
        let constraint = if is_start {
            Constraint::StartNoEarlierThan(new_at)
        } else {
            Constraint::FinishNoEarlierThan(new_at)
        };
        Edit::SetTask {
            id: task.id,
            field: TaskField::Constraint(constraint),
        }
    } else if is_start {
        let span = task.finish - task.start;
        Edit::Batch(vec![
            Edit::SetTask {
                id: task.id,
                field: TaskField::Start(new_at),
            },
            Edit::SetTask {
                id: task.id,
                field: TaskField::Finish(new_at + span),
            },
        ])
    } else if new_at < task.start {
        refuse(view, T::FinishBeforeStart);
        return;
    } else {
        Edit::SetTask {
            id: task.id,
            field: TaskField::Finish(new_at),
        }
    };
    view.out.edit(edit, None);
}

/// Predecessors as MS Project writes them: `3`, `3FS+2d`, `5SS`, `7FF-1d`, `4SF+50%`.
pub fn commit_predecessors(view: &mut ViewCtx<'_>, index: usize, task: &Task, text: &str) {
    let lang = view.lang;
    match entry::parse_predecessors(text, &view.project.tasks, index) {
        Ok(new_links) => {
            if super::task_plan::would_cycle(view, task.id, &new_links) {
                refuse(view, predecessor_message(text, T::PredCycle.get(lang)));
            } else {
                view.out.edit(
                    Edit::SetPredecessors {
                        task: task.id,
                        links: new_links,
                    },
                    None,
                );
            }
        }
        Err(error) => {
            let reason = match error {
                PredecessorError::Syntax(part) => T::PredSyntax.fill(lang, &[("part", &part)]),
                PredecessorError::UnknownRow(row) => {
                    T::PredUnknownRow.fill(lang, &[("row", &row.to_string())])
                }
                PredecessorError::SelfLink => T::PredSelf.get(lang).to_owned(),
                PredecessorError::SummaryAndSubtask => T::PredSummary.get(lang).to_owned(),
            };
            refuse(view, predecessor_message(text, &reason));
        }
    }
}

fn predecessor_message(text: &str, reason: &str) -> Message {
    T::BadPredecessors.with(&[("text", text), ("reason", reason)])
}

/// A % complete typed as `40`, `40 %` or `40%`.
pub fn commit_percent(view: &mut ViewCtx<'_>, task: &Task, text: &str) {
    let value = text.trim().trim_end_matches('%').trim().parse::<u8>();
    match value {
        Ok(p) if p <= 100 => {
            if p != task.percent_complete {
                view.out.edit(
                    Edit::SetTask {
                        id: task.id,
                        field: TaskField::PercentComplete(p),
                    },
                    None,
                );
            }
        }
        _ => refuse(view, T::BadPercent.with(&[("text", text)])),
    }
}

/// Resources as MS Project writes them in the Resources column: `Claire Martin[50%], Paul`.
/// The task is staffed with exactly those, with MS Project's rules for work and duration.
pub fn commit_resources(view: &mut ViewCtx<'_>, index: usize, task: &Task, text: &str) {
    let lang = view.lang;
    let message = |reason: &str| T::BadResources.with(&[("text", text), ("reason", reason)]);
    if view.derived.summary[index] {
        refuse(view, message(T::ResOnSummary.get(lang)));
        return;
    }
    match resource_entry::parse_resources(text, &view.project.resources) {
        Ok(wanted) => {
            let s = assign::set_all(view.project, index, &wanted);
            view.out.edit(
                Edit::SetAssignments {
                    task: task.id,
                    assignments: s.assignments,
                    duration: s.duration,
                    task_type: task.task_type,
                    effort_driven: task.effort_driven,
                },
                None,
            );
        }
        Err(error) => {
            let reason = match error {
                ResourceEntryError::Unknown(name) => T::ResUnknown.fill(lang, &[("name", &name)]),
                ResourceEntryError::BadUnits(part) => T::ResBadUnits.fill(lang, &[("part", &part)]),
                ResourceEntryError::Twice(name) => T::ResTwice.fill(lang, &[("name", &name)]),
            };
            refuse(view, message(&reason));
        }
    }
}
