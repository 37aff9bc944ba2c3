//! GanttProject (`.gan`) import: the task tree (nested `task` elements), durations in working
//! days, progress, milestones, dependencies with their type and lag in days, the earliest-start
//! constraint, notes, resources with their day rate, allocations, vacations, the weekly days
//! off and the holidays (one-off or every year). UIDs are GanttProject's ids plus one, as
//! MPXJ numbers them. GanttProject places each task at its own start date and lets
//! dependencies push it: Pilote keeps that date as a "start no earlier than" constraint, said
//! in the warnings.

use chrono::NaiveDate;

use super::allocations::read_allocations;
use super::mspdi::{ImportError, Imported};
use super::xml_tree::{self, Node};
use crate::model::{
    Calendar, CalendarException, CalendarId, Constraint, DayRule, Duration, Lag, Leave, Link,
    LinkKind, Project, Rate, RatePer, Recurrence, Resource, ResourceId, Task, TaskId,
};

fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

fn uid(id: i64) -> Option<u32> {
    u32::try_from(id.checked_add(1)?).ok()
}

/// The week and the holidays of `<calendars>`.
fn calendar(node: Option<&Node>, warnings: &mut Vec<String>) -> Calendar {
    let mut calendar = Calendar::standard(CalendarId(1), "Standard");
    let Some(node) = node else {
        return calendar;
    };
    if let Some(week) = node
        .child("day-types")
        .and_then(|d| d.child("default-week"))
    {
        let days = [
            ("mon", &mut calendar.week.monday),
            ("tue", &mut calendar.week.tuesday),
            ("wed", &mut calendar.week.wednesday),
            ("thu", &mut calendar.week.thursday),
            ("fri", &mut calendar.week.friday),
            ("sat", &mut calendar.week.saturday),
            ("sun", &mut calendar.week.sunday),
        ];
        // 1 marks a day off; a working day has the standard hours.
        for (name, rule) in days {
            *rule = if week.int(name) == Some(1) {
                DayRule::NonWorking
            } else {
                DayRule::office_day()
            };
        }
    }
    for d in node.all("date") {
        let (Some(month), Some(day)) = (d.int("month"), d.int("date")) else {
            continue;
        };
        let (Ok(month), Ok(day)) = (u8::try_from(month), u8::try_from(day)) else {
            continue;
        };
        let name = d.text.clone();
        let exception = match d.int("year").and_then(|y| i32::try_from(y).ok()) {
            Some(year) => NaiveDate::from_ymd_opt(year, u32::from(month), u32::from(day))
                .map(|on| CalendarException::holiday(&name, on)),
            // No year: every year.
            None => match (
                NaiveDate::from_ymd_opt(1990, 1, 1),
                NaiveDate::from_ymd_opt(2099, 12, 31),
            ) {
                (Some(from), Some(to)) => Some(CalendarException {
                    name,
                    from,
                    to,
                    recurrence: Recurrence::YearlyOnDate { month, day },
                    ranges: Vec::new(),
                }),
                _ => None,
            },
        };
        match exception {
            Some(e) => calendar.exceptions.push(e),
            None => warnings.push(format!("holiday {month}/{day} is not a date, skipped")),
        }
    }
    calendar
}

fn link_kind(code: Option<i64>) -> LinkKind {
    match code {
        Some(1) => LinkKind::StartToStart,
        Some(3) => LinkKind::FinishToFinish,
        Some(4) => LinkKind::StartToFinish,
        _ => LinkKind::FinishToStart,
    }
}

/// The tasks under `node`, depth first, at `level`; their dependencies onto `links`.
fn read_tasks(
    node: &Node,
    level: u8,
    project: &mut Project,
    links: &mut Vec<Link>,
    warnings: &mut Vec<String>,
) {
    for el in node.all("task") {
        let Some(id) = el.int("id").and_then(uid) else {
            warnings.push("a task without a usable id was skipped".to_owned());
            continue;
        };
        let start_day = el
            .attr("start")
            .and_then(date)
            .unwrap_or(project.meta.start);
        let start = start_day.and_time(project.settings.default_start_time);
        let mut task = Task::new(
            TaskId(id),
            el.attr("name").unwrap_or_default(),
            level,
            start,
        );
        task.duration = Duration::days(el.float("duration").unwrap_or(0.0).max(0.0));
        task.milestone = el.attr("meeting") == Some("true");
        if task.milestone {
            task.duration = Duration::zero();
        }
        task.percent_complete = el
            .int("complete")
            .and_then(|p| u8::try_from(p.clamp(0, 100)).ok())
            .unwrap_or(0);
        let earliest = (el.int("thirdDate-constraint") == Some(1))
            .then(|| el.attr("thirdDate").and_then(date))
            .flatten();
        let at = |d: NaiveDate| d.and_time(project.settings.default_start_time);
        task.constraint = Constraint::StartNoEarlierThan(at(earliest.unwrap_or(start_day)));
        if let Some(notes) = el.child("notes") {
            notes.text.trim().clone_into(&mut task.notes);
        }
        for d in el.all("depend") {
            let Some(successor) = d.int("id").and_then(uid) else {
                continue;
            };
            let days = d.float("difference").unwrap_or(0.0);
            links.push(Link {
                predecessor: TaskId(id),
                successor: TaskId(successor),
                kind: link_kind(d.int("type")),
                lag: if days == 0.0 {
                    Lag::None
                } else {
                    Lag::Time(Duration::days(days))
                },
            });
        }
        project.tasks.push(task);
        read_tasks(el, level.saturating_add(1), project, links, warnings);
    }
}

fn read_resources(root: &Node, project: &mut Project) {
    for el in root
        .child("resources")
        .into_iter()
        .flat_map(|r| r.all("resource"))
    {
        let Some(id) = el.int("id").and_then(uid) else {
            continue;
        };
        let mut r = Resource::person(ResourceId(id), el.attr("name").unwrap_or_default());
        el.attr("contacts")
            .unwrap_or_default()
            .clone_into(&mut r.email);
        if let Some(phone) = el.attr("phone").filter(|p| !p.is_empty()) {
            phone.clone_into(&mut r.notes);
        }
        if let Some(rate) = el.all("rate").find(|r| r.attr("name") == Some("standard")) {
            // GanttProject's rates are per day.
            r.standard_rate = Rate {
                amount: rate.float("value").unwrap_or(0.0),
                per: RatePer::Day,
            };
        }
        project.resources.push(r);
    }
    for v in root
        .child("vacations")
        .into_iter()
        .flat_map(|v| v.all("vacation"))
    {
        let (Some(id), Some(from), Some(to)) = (
            v.int("resourceid").and_then(uid),
            v.attr("start").and_then(date),
            v.attr("end").and_then(date),
        ) else {
            continue;
        };
        if let Some(r) = project
            .resources
            .iter_mut()
            .find(|r| r.id == ResourceId(id))
        {
            r.leave.push(Leave {
                from,
                to,
                reason: String::new(),
            });
        }
    }
}

/// Imports a GanttProject file. `file` names it in errors.
pub fn import(text: &str, file: &str) -> Result<Imported, ImportError> {
    let root = xml_tree::read_project(
        text,
        file,
        |r| r.child("tasks").is_some(),
        "not a GanttProject file: no <project> with <tasks>",
    )?;
    let mut warnings = Vec::new();
    let name = xml_tree::project_name(&root, file);
    let mut project = Project::new(name, NaiveDate::default());
    root.attr("company")
        .unwrap_or_default()
        .clone_into(&mut project.meta.client);
    project.calendars = vec![calendar(root.child("calendars"), &mut warnings)];
    let mut links = Vec::new();
    if let Some(tasks) = root.child("tasks") {
        read_tasks(tasks, 1, &mut project, &mut links, &mut warnings);
    }
    // The project starts with its first task.
    project.meta.start = project
        .tasks
        .iter()
        .map(|t| t.start.date())
        .min()
        .unwrap_or_default();
    // A phase follows its tasks: only they keep their start dates.
    for row in 0..project.tasks.len() {
        if crate::model::outline::is_summary(&project.tasks, row) {
            project.tasks[row].constraint = Constraint::Asap;
        }
    }
    let known: std::collections::HashSet<TaskId> = project.tasks.iter().map(|t| t.id).collect();
    for link in links {
        if known.contains(&link.successor) {
            project.links.push(link);
        } else {
            warnings.push(format!(
                "dependency {} → {} points to no task, skipped",
                link.predecessor, link.successor
            ));
        }
    }
    read_resources(&root, &mut project);
    read_allocations(&root, &mut project, "load", |a| {
        Some((
            a.int("task-id").and_then(uid)?,
            a.int("resource-id").and_then(uid)?,
        ))
    });
    if !project.tasks.is_empty() {
        warnings.push(
            "GanttProject places each task at its start date: kept as a \"start no earlier \
             than\" constraint, which its dependencies can push later"
                .to_owned(),
        );
    }
    Ok(Imported { project, warnings })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dependency_types_are_ganttproject_s_codes() {
        assert_eq!(link_kind(Some(1)), LinkKind::StartToStart);
        assert_eq!(link_kind(Some(2)), LinkKind::FinishToStart);
        assert_eq!(link_kind(Some(3)), LinkKind::FinishToFinish);
        assert_eq!(link_kind(Some(4)), LinkKind::StartToFinish);
    }

    #[test]
    fn not_a_ganttproject_file_is_said() {
        let error = import("<project/>", "x.gan").err().map(|e| e.message);
        assert_eq!(
            error.as_deref(),
            Some("not a GanttProject file: no <project> with <tasks>")
        );
    }
}
