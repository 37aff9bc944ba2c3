//! The `<allocations>` list GanttProject and Planner share: each allocation names a task, a
//! resource and a percentage. Neither tool stores the work, so it is the task's duration at
//! those units, as MS Project computes it for a new assignment.

use super::xml_tree::Node;
use crate::model::{Assignment, AssignmentId, Project, ResourceId, TaskId};

/// Adds one assignment per allocation whose task and resource exist. `ids` reads an
/// allocation's (task, resource) ids in the plan's numbering; `percent` names the attribute
/// holding the units in percent (100 when absent).
pub(super) fn read_allocations(
    root: &Node,
    project: &mut Project,
    percent: &str,
    ids: impl Fn(&Node) -> Option<(u32, u32)>,
) {
    let mut next = 1;
    for a in root
        .child("allocations")
        .into_iter()
        .flat_map(|a| a.all("allocation"))
    {
        let Some((task, resource)) = ids(a) else {
            continue;
        };
        let Some(t) = project.tasks.iter().find(|t| t.id == TaskId(task)) else {
            continue;
        };
        if !project
            .resources
            .iter()
            .any(|r| r.id == ResourceId(resource))
        {
            continue;
        }
        let units = a.float(percent).unwrap_or(100.0) / 100.0;
        let minutes = t.duration.amount * f64::from(project.settings.minutes_per_day);
        project.assignments.push(Assignment::new(
            AssignmentId(next),
            (TaskId(task), ResourceId(resource)),
            units,
            (units * minutes).round() as i64,
        ));
        next += 1;
    }
}
