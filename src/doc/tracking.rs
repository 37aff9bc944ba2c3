//! The tracking commands — update project, save and clear baselines — turned into edits.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::edit::Edit;
use crate::i18n::{self, Lang, Message, T};
use crate::model::{Project, TaskId, outline};
use crate::schedule::calendar::WorkCalendar;
use crate::schedule::cpm::Schedule;
use crate::schedule::{baseline, cost, progress};

/// A tracking command with what the user chose in its dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tracking {
    SaveBaseline {
        number: u8,
        /// Only this task and its subtasks.
        task: Option<TaskId>,
    },
    ClearBaseline {
        number: u8,
        task: Option<TaskId>,
    },
    UpdateThrough(NaiveDate),
}

/// "Baseline", "Baseline 3".
pub fn baseline_name(number: u8, lang: Lang) -> String {
    if number == 0 {
        T::BaselineName0.get(lang).to_owned()
    } else {
        T::BaselineNameN.fill(lang, &[("n", &number.to_string())])
    }
}

/// The task and its subtasks, by id.
fn subtree_ids(project: &Project, task: TaskId) -> Option<HashSet<TaskId>> {
    let row = project.tasks.iter().position(|t| t.id == task)?;
    let end = outline::subtree_end(&project.tasks, row);
    Some(project.tasks[row..end].iter().map(|t| t.id).collect())
}

/// The edit carrying out `tracking` and the status line to show, or why it cannot be done.
pub fn edit_for(
    project: &Project,
    schedule: Result<&Schedule, &str>,
    tracking: Tracking,
    today: NaiveDate,
    lang: Lang,
) -> Result<(Edit, Message), String> {
    let schedule = schedule.map_err(|e| T::NotScheduled.fill(lang, &[("error", e)]))?;
    let cal =
        WorkCalendar::resolve(project, project.settings.calendar).map_err(|e| e.to_string())?;
    match tracking {
        Tracking::SaveBaseline { number, task } => {
            let only = match task {
                Some(id) => {
                    Some(subtree_ids(project, id).ok_or_else(|| T::BaselineNoSelection.get(lang))?)
                }
                None => None,
            };
            let sheet = cost::cost_sheet(project, number);
            let baselines = baseline::save(project, schedule, &sheet, number, today, only.as_ref());
            let count = only.as_ref().map_or(project.tasks.len(), HashSet::len);
            let status = T::BaselineSavedStatus.with(&[
                ("baseline", &baseline_name(number, lang)),
                ("count", &count.to_string()),
            ]);
            Ok((Edit::SetBaselines(baselines), status))
        }
        Tracking::ClearBaseline { number, task } => {
            let only = match task {
                Some(id) => {
                    Some(subtree_ids(project, id).ok_or_else(|| T::BaselineNoSelection.get(lang))?)
                }
                None => None,
            };
            let baselines = baseline::clear(project, number, only.as_ref());
            let status =
                T::BaselineClearedStatus.with(&[("baseline", &baseline_name(number, lang))]);
            Ok((Edit::SetBaselines(baselines), status))
        }
        Tracking::UpdateThrough(date) => {
            let state = progress::update_through(project, schedule, &cal, date);
            let status = T::UpdatedStatus.with(&[
                ("date", &i18n::format_date(lang, date)),
                ("count", &state.tasks.len().to_string()),
            ]);
            Ok((Edit::SetProgress(Box::new(state)), status))
        }
    }
}
