//! Changes to the team: resources and their assignments, with everything that points at them,
//! so that removing a resource can be undone exactly.

use crate::model::{Assignment, Project, Resource, ResourceId, TaskId};

/// The resources, the assignments and every reference to a resource, as they were.
#[derive(Clone, Debug, PartialEq)]
pub struct ResourceSnapshot {
    resources: Vec<Resource>,
    assignments: Vec<Assignment>,
    deliverable_owners: Vec<Option<ResourceId>>,
    action_owners: Vec<Vec<Option<ResourceId>>>,
    risk_owners: Vec<Option<ResourceId>>,
    testers: Vec<Option<ResourceId>>,
    assignees: Vec<Option<ResourceId>>,
}

impl ResourceSnapshot {
    pub fn take(p: &Project) -> Self {
        Self {
            resources: p.resources.clone(),
            assignments: p.assignments.clone(),
            deliverable_owners: p.deliverables.iter().map(|d| d.owner).collect(),
            action_owners: p
                .meetings
                .iter()
                .map(|m| m.actions.iter().map(|a| a.owner).collect())
                .collect(),
            risk_owners: p.risks.iter().map(|r| r.owner).collect(),
            testers: p.test_runs.iter().map(|r| r.tester).collect(),
            assignees: p.anomalies.iter().map(|a| a.assignee).collect(),
        }
    }

    /// Puts everything back; items added since keep their references.
    pub fn restore(self, p: &mut Project) {
        p.resources = self.resources;
        p.assignments = self.assignments;
        for (d, owner) in p.deliverables.iter_mut().zip(self.deliverable_owners) {
            d.owner = owner;
        }
        for (m, owners) in p.meetings.iter_mut().zip(self.action_owners) {
            for (a, owner) in m.actions.iter_mut().zip(owners) {
                a.owner = owner;
            }
        }
        for (r, owner) in p.risks.iter_mut().zip(self.risk_owners) {
            r.owner = owner;
        }
        for (r, tester) in p.test_runs.iter_mut().zip(self.testers) {
            r.tester = tester;
        }
        for (a, assignee) in p.anomalies.iter_mut().zip(self.assignees) {
            a.assignee = assignee;
        }
    }
}

/// What removing resource `id` takes with it: its assignments (by task) and how many other
/// items name it (owner, tester, assignee).
pub fn removal_impact(p: &Project, id: ResourceId) -> (Vec<TaskId>, usize) {
    let tasks = p
        .assignments
        .iter()
        .filter(|a| a.resource == id)
        .map(|a| a.task)
        .collect();
    let hit = |o: &Option<ResourceId>| *o == Some(id);
    let refs = p.deliverables.iter().filter(|d| hit(&d.owner)).count()
        + p.meetings
            .iter()
            .flat_map(|m| &m.actions)
            .filter(|a| hit(&a.owner))
            .count()
        + p.risks.iter().filter(|r| hit(&r.owner)).count()
        + p.test_runs.iter().filter(|r| hit(&r.tester)).count()
        + p.anomalies.iter().filter(|a| hit(&a.assignee)).count();
    (tasks, refs)
}

/// Removes resource `id`, its assignments, and its name from every item that refers to it.
pub fn remove(p: &mut Project, id: ResourceId) {
    p.resources.retain(|r| r.id != id);
    p.assignments.retain(|a| a.resource != id);
    let clear = |o: &mut Option<ResourceId>| {
        if *o == Some(id) {
            *o = None;
        }
    };
    p.deliverables.iter_mut().for_each(|d| clear(&mut d.owner));
    p.meetings
        .iter_mut()
        .flat_map(|m| &mut m.actions)
        .for_each(|a| clear(&mut a.owner));
    p.risks.iter_mut().for_each(|r| clear(&mut r.owner));
    p.test_runs.iter_mut().for_each(|r| clear(&mut r.tester));
    p.anomalies.iter_mut().for_each(|a| clear(&mut a.assignee));
}

/// Replaces task `task`'s assignments (kept in id order, as saved files are).
pub fn set_task_assignments(
    p: &mut Project,
    task: TaskId,
    assignments: Vec<Assignment>,
) -> Vec<Assignment> {
    let old: Vec<Assignment> = p
        .assignments
        .iter()
        .filter(|a| a.task == task)
        .cloned()
        .collect();
    p.assignments.retain(|a| a.task != task);
    p.assignments.extend(assignments);
    p.assignments.sort_by_key(|a| a.id);
    old
}
