//! Staffing a task as MS Project does: adding, removing or changing a resource's units changes
//! the task's duration, its work or the units, depending on its type and on whether it is
//! effort-driven. Adding a second developer to an effort-driven task shortens it.

use crate::model::{Assignment, AssignmentId, Duration, Project, ResourceId, TaskType};

/// A task's assignments and duration after a staffing change.
#[derive(Clone, Debug, PartialEq)]
pub struct Staffing {
    pub assignments: Vec<Assignment>,
    pub duration: Duration,
}

fn duration_in_unit(project: &Project, like: Duration, minutes: f64) -> Duration {
    let per = project.settings.minutes_per(like.unit).max(1.0);
    // Hundredths of the unit, as MS Project shows durations.
    Duration {
        amount: (minutes / per * 100.0).round() / 100.0,
        unit: like.unit,
    }
}

/// Working minutes of the task's duration (elapsed durations count as they are).
fn minutes(project: &Project, d: Duration) -> f64 {
    super::cpm::duration_minutes(project, d).0 as f64
}

/// Recomputes work and duration after the set of assignments of task `row` became `list`.
/// `before` is the work and units the task had before the change.
fn settle(
    project: &Project,
    row: usize,
    mut list: Vec<Assignment>,
    before_work: f64,
    added_or_removed: bool,
) -> Staffing {
    let task = &project.tasks[row];
    let d = minutes(project, task.duration);
    let units: f64 = list.iter().map(|a| a.units.max(0.0)).sum();
    let mut duration = task.duration;
    if task.milestone || d <= 0.0 || list.is_empty() {
        for a in &mut list {
            a.work_minutes = (a.units * d).round() as i64;
        }
        return Staffing {
            assignments: list,
            duration,
        };
    }
    let effort = task.effort_driven || task.task_type == TaskType::FixedWork;
    let keep_work = effort && added_or_removed && before_work > 0.0;
    match task.task_type {
        TaskType::FixedDuration if keep_work => {
            // The same work over the same time: shared by units.
            for a in &mut list {
                let share = if units > 0.0 { a.units / units } else { 0.0 };
                a.work_minutes = (before_work * share).round() as i64;
                a.units = if d > 0.0 {
                    a.work_minutes as f64 / d
                } else {
                    a.units
                };
            }
        }
        TaskType::FixedUnits | TaskType::FixedWork
            if keep_work || task.task_type == TaskType::FixedWork =>
        {
            let work = if before_work > 0.0 {
                before_work
            } else {
                units * d
            };
            let new_d = if units > 0.0 { work / units } else { d };
            duration = duration_in_unit(project, task.duration, new_d);
            for a in &mut list {
                a.work_minutes = (a.units * new_d).round() as i64;
            }
        }
        // Not effort-driven, or the first resource: the duration stays, work follows units.
        TaskType::FixedUnits | TaskType::FixedWork | TaskType::FixedDuration => {
            for a in &mut list {
                a.work_minutes = (a.units * d).round() as i64;
            }
        }
    }
    Staffing {
        assignments: list,
        duration,
    }
}

/// Task `row`'s assignments once its duration becomes `duration`, as MS Project recomputes
/// them: a fixed-work task keeps its work and changes its units, any other keeps its units and
/// changes its work (so that each assignment still lasts the task's duration).
pub fn with_duration(project: &Project, row: usize, duration: Duration) -> Vec<Assignment> {
    let task = &project.tasks[row];
    let d = minutes(project, duration);
    let mut list = current(project, row);
    for a in &mut list {
        // A shape drawn in MS Project no longer fits: the work is spread over the new duration.
        a.shaped_span_minutes = None;
        if task.task_type == TaskType::FixedWork && d > 0.0 && a.work_minutes > 0 {
            a.units = a.work_minutes as f64 / d;
        } else {
            a.work_minutes = (a.units * d).round() as i64;
        }
    }
    list
}

fn current(project: &Project, row: usize) -> Vec<Assignment> {
    let id = project.tasks[row].id;
    project
        .assignments
        .iter()
        .filter(|a| a.task == id)
        .cloned()
        .collect()
}

fn work(list: &[Assignment]) -> f64 {
    list.iter().map(|a| a.work_minutes.max(0) as f64).sum()
}

/// Task `row` with `resource` added at `units` (1.0 = full time) as assignment `id`.
pub fn add(
    project: &Project,
    row: usize,
    resource: ResourceId,
    units: f64,
    id: AssignmentId,
) -> Staffing {
    let mut list = current(project, row);
    let before = work(&list);
    let first = list.is_empty();
    list.push(Assignment::new(
        id,
        (project.tasks[row].id, resource),
        units.max(0.0),
        0,
    ));
    settle(project, row, list, before, !first)
}

/// Task `row` staffed with exactly `wanted` (resource and units, as typed in its Resources
/// cell): the assignments of resources still named keep their work and ids with the new
/// units, the others go, the new ones come, and work and duration follow the task's type as
/// when adding or removing one by one.
pub fn set_all(project: &Project, row: usize, wanted: &[(ResourceId, f64)]) -> Staffing {
    let list = current(project, row);
    let before = work(&list);
    let mut next = next_id(project).0;
    let kept: Vec<Assignment> = wanted
        .iter()
        .map(|&(resource, units)| {
            if let Some(a) = list.iter().find(|a| a.resource == resource) {
                return Assignment {
                    units: units.max(0.0),
                    ..a.clone()
                };
            }
            next += 1;
            Assignment::new(
                AssignmentId(next - 1),
                (project.tasks[row].id, resource),
                units.max(0.0),
                0,
            )
        })
        .collect();
    let same_people = kept.len() == list.len()
        && kept
            .iter()
            .all(|k| list.iter().any(|a| a.resource == k.resource));
    // Changing only units is set_units' rule; a change of people is an addition or removal.
    let keep_work = if same_people {
        project.tasks[row].task_type != TaskType::FixedDuration
    } else {
        !list.is_empty()
    };
    settle(project, row, kept, before, keep_work)
}

/// Task `row` without assignment `id`.
pub fn remove(project: &Project, row: usize, id: AssignmentId) -> Staffing {
    let mut list = current(project, row);
    let before = work(&list);
    list.retain(|a| a.id != id);
    settle(project, row, list, before, true)
}

/// Task `row` with assignment `id` at `units`: fixed-duration tasks change their work, the
/// others keep their work and change their duration.
pub fn set_units(project: &Project, row: usize, id: AssignmentId, units: f64) -> Staffing {
    let mut list = current(project, row);
    let before = work(&list);
    for a in &mut list {
        if a.id == id {
            a.units = units.max(0.0);
        }
    }
    let task = &project.tasks[row];
    let keep_work = task.task_type != TaskType::FixedDuration;
    settle(project, row, list, before, keep_work)
}

/// The next free assignment id.
pub fn next_id(project: &Project) -> AssignmentId {
    AssignmentId(
        project
            .assignments
            .iter()
            .map(|a| a.id.0)
            .max()
            .unwrap_or(0)
            + 1,
    )
}

/// Task `row` with assignment `id` doing `work_minutes`: a fixed-duration task changes the
/// assignment's units; the others keep the units and last as long as their longest assignment.
pub fn set_work(project: &Project, row: usize, id: AssignmentId, work_minutes: i64) -> Staffing {
    let task = &project.tasks[row];
    let d = minutes(project, task.duration);
    let mut list = current(project, row);
    for a in &mut list {
        if a.id == id {
            a.work_minutes = work_minutes.max(0);
            if task.task_type == TaskType::FixedDuration && d > 0.0 {
                a.units = a.work_minutes as f64 / d;
            }
        }
    }
    let mut duration = task.duration;
    if task.task_type != TaskType::FixedDuration && !task.milestone {
        let longest = list
            .iter()
            .filter(|a| a.units > 0.0)
            .map(|a| a.work_minutes as f64 / a.units)
            .fold(0.0, f64::max);
        if longest > 0.0 {
            duration = duration_in_unit(project, task.duration, longest);
        }
    }
    Staffing {
        assignments: list,
        duration,
    }
}
