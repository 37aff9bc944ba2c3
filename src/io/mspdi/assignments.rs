//! The `Assignments` of an MS Project XML file: who works on what, how much, and, for a shaped
//! (contoured) assignment, how long it lasts, which its shape decides and Pilote does not
//! recompute.

use std::collections::{HashMap, HashSet};

use super::El;
use crate::model::{
    Assignment, AssignmentId, CalendarId, Project, ResourceId, TaskId, WorkContour,
};
use crate::schedule::calendar::WorkCalendar;

/// Reads the assignments of tasks and resources already imported into `project`.
pub(super) fn read(list: &El, project: &mut Project) {
    let tasks: HashSet<TaskId> = project.tasks.iter().map(|t| t.id).collect();
    let resources: HashSet<ResourceId> = project.resources.iter().map(|r| r.id).collect();
    let mut spans = Spans::new(project);
    let mut read = Vec::new();
    for el in list.all("Assignment") {
        let (Some(uid), Some(task), Some(resource)) = (
            el.int("UID").and_then(|v| u32::try_from(v).ok()),
            el.int("TaskUID").and_then(|v| u32::try_from(v).ok()),
            el.int("ResourceUID").and_then(|v| u32::try_from(v).ok()),
        ) else {
            continue;
        };
        if !tasks.contains(&TaskId(task)) || !resources.contains(&ResourceId(resource)) {
            // Unassigned work (resource UID -65535) and rows not imported.
            continue;
        }
        let contour = WorkContour::from_code(el.int("WorkContour").unwrap_or(0));
        let shaped_span_minutes = if contour.is_flat() {
            None
        } else {
            match (el.datetime("Start"), el.datetime("Finish")) {
                (Some(start), Some(finish)) => {
                    spans.minutes(TaskId(task), ResourceId(resource), start, finish)
                }
                _ => None,
            }
        };
        read.push(Assignment {
            id: AssignmentId(uid),
            task: TaskId(task),
            resource: ResourceId(resource),
            units: el.float("Units").unwrap_or(1.0),
            work_minutes: el.minutes("Work"),
            actual_work_minutes: el.minutes("ActualWork"),
            overtime_work_minutes: el.minutes("OvertimeWork"),
            contour,
            shaped_span_minutes,
            // Both in tenths of a minute of working time.
            delay_minutes: ((el.float("Delay").unwrap_or(0.0)
                + el.float("LevelingDelay").unwrap_or(0.0))
                / 10.0)
                .round() as i64,
        });
    }
    project.assignments.extend(read);
}

/// Working minutes between an assignment's start and finish on the calendar it works on (its
/// resource's, else its task's, else the project's), each calendar resolved once.
struct Spans<'p> {
    project: &'p Project,
    calendars: HashMap<CalendarId, Option<WorkCalendar>>,
    task_calendar: HashMap<TaskId, Option<CalendarId>>,
    resource_calendar: HashMap<ResourceId, Option<CalendarId>>,
}

impl<'p> Spans<'p> {
    fn new(project: &'p Project) -> Self {
        Self {
            project,
            calendars: HashMap::new(),
            task_calendar: project.tasks.iter().map(|t| (t.id, t.calendar)).collect(),
            resource_calendar: project
                .resources
                .iter()
                .map(|r| (r.id, r.calendar))
                .collect(),
        }
    }

    fn minutes(
        &mut self,
        task: TaskId,
        resource: ResourceId,
        start: chrono::NaiveDateTime,
        finish: chrono::NaiveDateTime,
    ) -> Option<i64> {
        let id = self
            .resource_calendar
            .get(&resource)
            .copied()
            .flatten()
            .or_else(|| self.task_calendar.get(&task).copied().flatten())
            .unwrap_or(self.project.settings.calendar);
        let project = self.project;
        let calendar = self
            .calendars
            .entry(id)
            .or_insert_with(|| WorkCalendar::resolve(project, id).ok())
            .as_ref()?;
        Some(calendar.working_minutes_between(start, finish).max(0))
    }
}
