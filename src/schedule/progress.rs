//! Progress as a value: the status date, each task's completion and actual dates, and each
//! assignment's actual work; and MS Project's "Update project": work complete through a date.

use chrono::{NaiveDate, NaiveDateTime};

use super::calendar::WorkCalendar;
use super::cost::end_of_day;
use super::cpm::Schedule;
use crate::model::{AssignmentId, Project, TaskId, outline};

/// One task's recorded progress.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskProgress {
    pub task: TaskId,
    pub percent_complete: u8,
    pub actual_start: Option<NaiveDateTime>,
    pub actual_finish: Option<NaiveDateTime>,
}

/// The recorded progress of a project (what "Update project" changes, and its undo restores).
#[derive(Clone, Debug, PartialEq)]
pub struct ProgressState {
    pub status_date: Option<NaiveDate>,
    pub tasks: Vec<TaskProgress>,
    pub assignments: Vec<(AssignmentId, i64)>,
}

impl ProgressState {
    /// The progress currently recorded in `project` for the same tasks and assignments as
    /// `like` (what applying `like` would overwrite).
    pub fn current(project: &Project, like: &ProgressState) -> ProgressState {
        let rows = outline::positions(&project.tasks);
        let assignment_at: std::collections::HashMap<_, _> = project
            .assignments
            .iter()
            .enumerate()
            .map(|(k, a)| (a.id, k))
            .collect();
        let tasks = like
            .tasks
            .iter()
            .filter_map(|p| {
                let t = &project.tasks[*rows.get(&p.task)?];
                Some(TaskProgress {
                    task: t.id,
                    percent_complete: t.percent_complete,
                    actual_start: t.actual_start,
                    actual_finish: t.actual_finish,
                })
            })
            .collect();
        let assignments = like
            .assignments
            .iter()
            .filter_map(|(id, _)| {
                let a = &project.assignments[*assignment_at.get(id)?];
                Some((a.id, a.actual_work_minutes))
            })
            .collect();
        ProgressState {
            status_date: project.meta.status_date,
            tasks,
            assignments,
        }
    }

    /// Writes this progress into `project`; tasks and assignments that no longer exist are
    /// skipped.
    pub fn apply(&self, project: &mut Project) {
        project.meta.status_date = self.status_date;
        let rows = outline::positions(&project.tasks);
        for p in &self.tasks {
            if let Some(&row) = rows.get(&p.task) {
                let t = &mut project.tasks[row];
                t.percent_complete = p.percent_complete;
                t.actual_start = p.actual_start;
                t.actual_finish = p.actual_finish;
            }
        }
        let assignment_at: std::collections::HashMap<_, _> = project
            .assignments
            .iter()
            .enumerate()
            .map(|(k, a)| (a.id, k))
            .collect();
        for (id, minutes) in &self.assignments {
            if let Some(&k) = assignment_at.get(id) {
                project.assignments[k].actual_work_minutes = *minutes;
            }
        }
    }
}

/// "Update work as complete through `date`": every task scheduled to finish by the end of
/// `date` is complete, one under way is complete in proportion to its working time elapsed;
/// actual starts and finishes are the scheduled ones; assignments' actual work follows. Recorded
/// progress is never lowered. Summaries are computed from their subtasks and left alone.
pub fn update_through(
    project: &Project,
    schedule: &Schedule,
    cal: &WorkCalendar,
    date: NaiveDate,
) -> ProgressState {
    let end = end_of_day(date);
    let mut by_task: std::collections::HashMap<TaskId, Vec<&crate::model::Assignment>> =
        std::collections::HashMap::new();
    for a in &project.assignments {
        by_task.entry(a.task).or_default().push(a);
    }
    let mut state = ProgressState {
        status_date: Some(date),
        tasks: Vec::new(),
        assignments: Vec::new(),
    };
    for (row, task) in project.tasks.iter().enumerate() {
        if outline::is_summary(&project.tasks, row) {
            continue;
        }
        let Some(d) = schedule.tasks.get(row) else {
            continue;
        };
        if d.start >= end {
            continue;
        }
        let fraction = if d.finish <= end {
            1.0
        } else {
            let total = cal.working_minutes_between(d.start, d.finish);
            if total > 0 {
                cal.working_minutes_between(d.start, end) as f64 / total as f64
            } else {
                1.0
            }
        };
        let percent = ((fraction * 100.0).floor() as u8).min(100);
        if percent <= task.percent_complete && task.actual_start.is_some() {
            continue;
        }
        let percent = percent.max(task.percent_complete);
        state.tasks.push(TaskProgress {
            task: task.id,
            percent_complete: percent,
            actual_start: task.actual_start.or(Some(d.start)),
            actual_finish: if percent >= 100 {
                task.actual_finish.or(Some(d.finish))
            } else {
                task.actual_finish
            },
        });
        for a in by_task.get(&task.id).into_iter().flatten() {
            let done = (a.work_minutes as f64 * f64::from(percent) / 100.0).round() as i64;
            if done > a.actual_work_minutes {
                state.assignments.push((a.id, done));
            }
        }
    }
    state
}

/// One task's new progress, as MS Project records what the user types in the tracking table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TaskUpdate {
    /// % complete: starts the task (actual start = scheduled start) when above 0, finishes it
    /// at 100 (actual finish = scheduled finish), and sets the assignments' actual work to the
    /// same share of their work.
    Percent(u8),
    /// Actual start, or none to clear it (which also clears the progress).
    ActualStart(Option<NaiveDateTime>),
    /// Actual finish: the task is complete; none reopens it at its previous completion.
    ActualFinish(Option<NaiveDateTime>),
    /// Actual work in minutes, shared among the assignments in proportion to their work.
    ActualWork(i64),
}

/// Why an update cannot be recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UpdateRefusal {
    /// Actual work on a task nobody is assigned to.
    NoAssignment,
    /// An actual finish before the actual start.
    FinishBeforeStart,
}

/// The progress of task `row` after `update`, with `scheduled` its scheduled start and finish.
pub fn update_task(
    project: &Project,
    row: usize,
    scheduled: (NaiveDateTime, NaiveDateTime),
    update: TaskUpdate,
) -> Result<ProgressState, UpdateRefusal> {
    let task = &project.tasks[row];
    let mut p = TaskProgress {
        task: task.id,
        percent_complete: task.percent_complete,
        actual_start: task.actual_start,
        actual_finish: task.actual_finish,
    };
    let assignments: Vec<_> = project
        .assignments
        .iter()
        .filter(|a| a.task == task.id)
        .collect();
    let mut work = Vec::new();
    let share = |percent: u8| -> Vec<(AssignmentId, i64)> {
        assignments
            .iter()
            .map(|a| {
                let done = a.work_minutes as f64 * f64::from(percent) / 100.0;
                (a.id, done.round() as i64)
            })
            .collect()
    };
    match update {
        TaskUpdate::Percent(percent) => {
            let percent = percent.min(100);
            p.percent_complete = percent;
            if percent > 0 && p.actual_start.is_none() {
                p.actual_start = Some(scheduled.0);
            }
            p.actual_finish = if percent == 100 {
                p.actual_finish.or(Some(scheduled.1))
            } else {
                None
            };
            work = share(percent);
        }
        TaskUpdate::ActualStart(at) => {
            if let (Some(s), Some(f)) = (at, p.actual_finish)
                && f < s
            {
                return Err(UpdateRefusal::FinishBeforeStart);
            }
            p.actual_start = at;
            if at.is_none() {
                p.percent_complete = 0;
                p.actual_finish = None;
                work = share(0);
            }
        }
        TaskUpdate::ActualFinish(Some(at)) => {
            let start = p.actual_start.unwrap_or(scheduled.0);
            if at < start {
                return Err(UpdateRefusal::FinishBeforeStart);
            }
            p.actual_start = Some(start);
            p.actual_finish = Some(at);
            p.percent_complete = 100;
            work = share(100);
        }
        TaskUpdate::ActualFinish(None) => {
            p.actual_finish = None;
            p.percent_complete = p.percent_complete.min(99);
        }
        TaskUpdate::ActualWork(minutes) => {
            if assignments.is_empty() {
                return Err(UpdateRefusal::NoAssignment);
            }
            let total: i64 = assignments.iter().map(|a| a.work_minutes.max(0)).sum();
            let minutes = minutes.max(0);
            let mut left = minutes;
            for (k, a) in assignments.iter().enumerate() {
                let part = if k + 1 == assignments.len() {
                    left
                } else if total > 0 {
                    (minutes as f64 * a.work_minutes.max(0) as f64 / total as f64).round() as i64
                } else {
                    minutes / assignments.len() as i64
                };
                left -= part;
                work.push((a.id, part));
            }
            if minutes > 0 && p.actual_start.is_none() {
                p.actual_start = Some(scheduled.0);
            }
        }
    }
    Ok(ProgressState {
        status_date: project.meta.status_date,
        tasks: vec![p],
        assignments: work,
    })
}

/// Each row's % complete (0–100) as MS Project shows it: a task's own; a summary's, the share
/// of its subtasks' duration (working minutes) that is done. A zero-duration subtask (a
/// milestone) weighs as one minute, so a summary of milestones reads how many are reached.
pub fn rolled_percent(project: &Project) -> Vec<f64> {
    let tasks = &project.tasks;
    let summary: Vec<bool> = (0..tasks.len())
        .map(|i| outline::is_summary(tasks, i))
        .collect();
    let (total, done): (Vec<f64>, Vec<f64>) = tasks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            if summary[i] {
                return (0.0, 0.0);
            }
            let (minutes, _) = super::cpm::duration_minutes(project, t.duration);
            let weight = minutes.max(1) as f64;
            (
                weight,
                weight * f64::from(t.percent_complete.min(100)) / 100.0,
            )
        })
        .unzip();
    let total = super::cost::roll_up(tasks, &total);
    let done = super::cost::roll_up(tasks, &done);
    tasks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            if summary[i] && total[i] > 0.0 {
                (100.0 * done[i] / total[i]).clamp(0.0, 100.0)
            } else {
                f64::from(t.percent_complete.min(100))
            }
        })
        .collect()
}
