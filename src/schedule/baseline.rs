//! Saving and clearing baselines, and the variances of the plan against one.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::calendar::WorkCalendar;
use super::cost::CostSheet;
use super::cpm::{self, Schedule};
use crate::model::{Baseline, BaselineTask, Project, TaskId};

/// Start and finish of each task in the compared baseline (the one earned value uses); empty
/// when that baseline was never saved.
pub fn compared_dates(
    project: &Project,
) -> HashMap<TaskId, (chrono::NaiveDateTime, chrono::NaiveDateTime)> {
    project
        .baselines
        .iter()
        .find(|b| b.number == project.earned_value.baseline)
        .map(|b| {
            b.tasks
                .iter()
                .map(|t| (t.task, (t.start, t.finish)))
                .collect()
        })
        .unwrap_or_default()
}

/// The highest baseline number: "Baseline 10".
pub const LAST_BASELINE: u8 = 10;

/// The project's baselines with baseline `number` saved from the current plan: for every task,
/// or only for `only` (then merged into the baseline already saved under that number, as
/// MS Project does for selected tasks).
pub fn save(
    project: &Project,
    schedule: &Schedule,
    sheet: &CostSheet,
    number: u8,
    saved_on: NaiveDate,
    only: Option<&HashSet<TaskId>>,
) -> Vec<Baseline> {
    let mut work: HashMap<TaskId, i64> = HashMap::new();
    for a in &project.assignments {
        *work.entry(a.task).or_default() += a.work_minutes;
    }
    let previous = project.baselines.iter().find(|b| b.number == number);
    let mut entries: Vec<BaselineTask> = match (only, previous) {
        (Some(_), Some(b)) => b.tasks.clone(),
        _ => Vec::new(),
    };
    let mut index: HashMap<TaskId, usize> = entries
        .iter()
        .enumerate()
        .map(|(k, e)| (e.task, k))
        .collect();
    for (row, task) in project.tasks.iter().enumerate() {
        if only.is_some_and(|set| !set.contains(&task.id)) {
            continue;
        }
        let (start, finish) = schedule
            .tasks
            .get(row)
            .map_or((task.start, task.finish), |d| (d.start, d.finish));
        let entry = BaselineTask {
            task: task.id,
            start,
            finish,
            duration_minutes: cpm::duration_minutes(project, task.duration).0,
            work_minutes: work.get(&task.id).copied().unwrap_or(0),
            cost: sheet.own.get(row).map_or(0.0, |f| f.total),
        };
        match index.get(&task.id) {
            Some(&k) => entries[k] = entry,
            None => {
                index.insert(task.id, entries.len());
                entries.push(entry);
            }
        }
    }
    // Plan order, so saved files diff cleanly.
    let order = crate::model::outline::positions(&project.tasks);
    entries.sort_by_key(|e| order.get(&e.task).copied().unwrap_or(usize::MAX));
    let baseline = Baseline {
        number,
        saved_on,
        label: previous.map(|b| b.label.clone()).unwrap_or_default(),
        tasks: entries,
    };
    let mut all: Vec<Baseline> = project
        .baselines
        .iter()
        .filter(|b| b.number != number)
        .cloned()
        .collect();
    all.push(baseline);
    all.sort_by_key(|b| b.number);
    all
}

/// The project's baselines with baseline `number` cleared: entirely, or only for `only`.
pub fn clear(project: &Project, number: u8, only: Option<&HashSet<TaskId>>) -> Vec<Baseline> {
    project
        .baselines
        .iter()
        .filter_map(|b| {
            if b.number != number {
                return Some(b.clone());
            }
            let set = only?;
            let mut kept = b.clone();
            kept.tasks.retain(|e| !set.contains(&e.task));
            (!kept.tasks.is_empty()).then_some(kept)
        })
        .collect()
}

/// A task's variances against a baseline (current minus baseline).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Variance {
    /// In working days of the project calendar; positive is later.
    pub start_days: f64,
    pub finish_days: f64,
    pub duration_days: f64,
    /// Cost at completion minus baseline cost, subtasks included.
    pub cost: f64,
}

/// Each row's variances against baseline `number`; `None` for rows not in that baseline.
pub fn variances(
    project: &Project,
    schedule: &Schedule,
    sheet: &CostSheet,
    cal: &WorkCalendar,
    number: u8,
) -> Vec<Option<Variance>> {
    let Some(b) = project.baselines.iter().find(|b| b.number == number) else {
        return vec![None; project.tasks.len()];
    };
    let entries: HashMap<TaskId, &BaselineTask> = b.tasks.iter().map(|e| (e.task, e)).collect();
    let day = f64::from(project.settings.minutes_per_day.max(1));
    project
        .tasks
        .iter()
        .enumerate()
        .map(|(row, task)| {
            let e = entries.get(&task.id)?;
            let d = schedule.tasks.get(row)?;
            let duration = cpm::duration_minutes(project, task.duration).0;
            Some(Variance {
                start_days: cal.working_minutes_between(e.start, d.start) as f64 / day,
                finish_days: cal.working_minutes_between(e.finish, d.finish) as f64 / day,
                duration_days: (duration - e.duration_minutes) as f64 / day,
                cost: sheet
                    .rolled
                    .get(row)
                    .map_or(0.0, super::cost::CostFigures::variance),
            })
        })
        .collect()
}
