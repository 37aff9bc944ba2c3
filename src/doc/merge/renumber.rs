//! Tasks added on both sides under the same id. Ids are "one more than the largest", so two
//! people adding a task each get the same number for different tasks; by identity they would
//! clash. Theirs are given fresh ids first, with every reference to them, so both are kept.

use std::collections::{HashMap, HashSet};

use crate::model::{Project, TaskId};

/// Gives theirs' new tasks that collide with ours' new tasks fresh ids, in `theirs`; returns
/// the `(old, new)` pairs.
pub fn separate_new_tasks(
    base: &Project,
    ours: &Project,
    theirs: &mut Project,
) -> Vec<(TaskId, TaskId)> {
    let in_base: HashSet<TaskId> = base.tasks.iter().map(|t| t.id).collect();
    let ours_new: HashMap<TaskId, &crate::model::Task> = ours
        .tasks
        .iter()
        .filter(|t| !in_base.contains(&t.id))
        .map(|t| (t.id, t))
        .collect();
    let colliding: Vec<TaskId> = theirs
        .tasks
        .iter()
        .filter(|t| ours_new.get(&t.id).is_some_and(|o| **o != **t))
        .map(|t| t.id)
        .collect();
    if colliding.is_empty() {
        return Vec::new();
    }
    let largest = [base, ours, &*theirs]
        .iter()
        .flat_map(|p| p.tasks.iter().map(|t| t.id.0))
        .max()
        .unwrap_or(0);
    let map: HashMap<TaskId, TaskId> = colliding
        .iter()
        .zip(largest + 1..)
        .map(|(old, new)| (*old, TaskId(new)))
        .collect();
    remap_tasks(theirs, &map);
    colliding.iter().map(|old| (*old, map[old])).collect()
}

/// Replaces every task id in `map`, and every reference to one, throughout the project.
fn remap_tasks(project: &mut Project, map: &HashMap<TaskId, TaskId>) {
    let id = |id: &mut TaskId| {
        if let Some(new) = map.get(id) {
            *id = *new;
        }
    };
    let optional = |slot: &mut Option<TaskId>| {
        if let Some(task) = slot {
            id(task);
        }
    };
    project.tasks.iter_mut().for_each(|t| id(&mut t.id));
    for link in &mut project.links {
        id(&mut link.predecessor);
        id(&mut link.successor);
    }
    project.assignments.iter_mut().for_each(|a| id(&mut a.task));
    project
        .cost_items
        .iter_mut()
        .for_each(|c| optional(&mut c.task));
    project
        .budget_lines
        .iter_mut()
        .for_each(|b| optional(&mut b.phase));
    for baseline in &mut project.baselines {
        baseline.tasks.iter_mut().for_each(|t| id(&mut t.task));
    }
    project
        .deliverables
        .iter_mut()
        .for_each(|d| optional(&mut d.due_with));
    project
        .task_estimates
        .iter_mut()
        .for_each(|e| id(&mut e.task));
    for meeting in &mut project.meetings {
        meeting
            .actions
            .iter_mut()
            .for_each(|a| optional(&mut a.task));
    }
    for risk in &mut project.risks {
        risk.action_tasks.iter_mut().for_each(id);
        risk.effects.iter_mut().for_each(|e| id(&mut e.task));
    }
    project
        .requirements
        .iter_mut()
        .for_each(|r| r.tasks.iter_mut().for_each(id));
    project
        .campaigns
        .iter_mut()
        .for_each(|c| optional(&mut c.task));
    project
        .anomalies
        .iter_mut()
        .for_each(|a| optional(&mut a.correction_task));
}
