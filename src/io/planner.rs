//! GNOME Planner (`.planner`) import: calendars (nested calendars derive from their parent;
//! day types working, non-working, "use base" or one of the file's own with its hours; days
//! that differ), the task tree with its dates, work, durations, milestones, constraints and
//! predecessors (lags in seconds of working time), resources with their calendars, and
//! allocations. A task's duration is the working time from its work start to its end on the
//! project calendar, as MPXJ reads it.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::allocations::read_allocations;
use super::mspdi::{ImportError, Imported};
use super::xml_tree::{self, Node};
use crate::model::{
    Calendar, CalendarException, CalendarId, Constraint, DayRule, Duration, DurationUnit, Lag,
    Link, LinkKind, Project, Rate, RatePer, Recurrence, Resource, ResourceId, ResourceKind, Task,
    TaskId, TimeRange, WorkWeek,
};
use crate::schedule::calendar::WorkCalendar;

/// `20070223T080000Z`: Planner writes local times with a Z.
fn datetime(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text.trim().trim_end_matches('Z'), "%Y%m%dT%H%M%S").ok()
}

fn hhmm(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H%M").ok()
}

/// The hours of each day type a calendar overrides (type 0, "Working", has the office day
/// unless overridden).
fn day_type_hours(
    calendar: &Node,
    inherited: &HashMap<i64, Vec<TimeRange>>,
) -> HashMap<i64, Vec<TimeRange>> {
    let mut hours = inherited.clone();
    for t in calendar
        .child("overridden-day-types")
        .into_iter()
        .flat_map(|o| o.all("overridden-day-type"))
    {
        let Some(id) = t.int("id") else { continue };
        let ranges = t
            .all("interval")
            .filter_map(|i| {
                Some(TimeRange {
                    start: hhmm(i.attr("start")?)?,
                    end: hhmm(i.attr("end")?)?,
                })
            })
            .collect();
        hours.insert(id, ranges);
    }
    hours
}

fn rule(day_type: Option<i64>, hours: &HashMap<i64, Vec<TimeRange>>, base: bool) -> DayRule {
    match day_type {
        Some(1) => DayRule::NonWorking,
        Some(2) if !base => DayRule::Inherit,
        Some(id) => match hours.get(&id) {
            Some(ranges) if !ranges.is_empty() => DayRule::Working(ranges.clone()),
            _ => DayRule::NonWorking,
        },
        None if base => DayRule::NonWorking,
        None => DayRule::Inherit,
    }
}

/// `node`'s calendars and their derived ones, onto `out`.
fn read_calendars(
    node: &Node,
    base: Option<CalendarId>,
    inherited: &HashMap<i64, Vec<TimeRange>>,
    out: &mut Vec<Calendar>,
) {
    for c in node.all("calendar") {
        let Some(id) = c.int("id").and_then(|i| u32::try_from(i).ok()) else {
            continue;
        };
        let hours = day_type_hours(c, inherited);
        let is_base = base.is_none();
        let mut week = WorkWeek::default();
        if let Some(w) = c.child("default-week") {
            week = WorkWeek {
                monday: rule(w.int("mon"), &hours, is_base),
                tuesday: rule(w.int("tue"), &hours, is_base),
                wednesday: rule(w.int("wed"), &hours, is_base),
                thursday: rule(w.int("thu"), &hours, is_base),
                friday: rule(w.int("fri"), &hours, is_base),
                saturday: rule(w.int("sat"), &hours, is_base),
                sunday: rule(w.int("sun"), &hours, is_base),
            };
        }
        let exceptions = c
            .child("days")
            .into_iter()
            .flat_map(|d| d.all("day"))
            .filter_map(|d| {
                let on = NaiveDate::parse_from_str(d.attr("date")?, "%Y%m%d").ok()?;
                let ranges = match rule(d.int("id"), &hours, true) {
                    DayRule::Working(ranges) => ranges,
                    _ => Vec::new(),
                };
                Some(CalendarException {
                    name: String::new(),
                    from: on,
                    to: on,
                    recurrence: Recurrence::Once,
                    ranges,
                })
            })
            .collect();
        out.push(Calendar {
            id: CalendarId(id),
            name: c.attr("name").unwrap_or("Calendar").to_owned(),
            base,
            week,
            work_weeks: Vec::new(),
            exceptions,
        });
        read_calendars(c, Some(CalendarId(id)), &hours, out);
    }
}

fn link_kind(code: Option<&str>) -> LinkKind {
    match code {
        Some("SS") => LinkKind::StartToStart,
        Some("FF") => LinkKind::FinishToFinish,
        Some("SF") => LinkKind::StartToFinish,
        _ => LinkKind::FinishToStart,
    }
}

fn constraint(c: &Node) -> Option<Constraint> {
    let at = datetime(c.attr("time")?)?;
    Some(match c.attr("type")? {
        "must-start-on" => Constraint::MustStartOn(at),
        "start-no-earlier-than" => Constraint::StartNoEarlierThan(at),
        _ => return None,
    })
}

struct Reading<'c> {
    calendar: Option<&'c WorkCalendar>,
    /// Added to every task id (1 when the file uses 0, which Pilote keeps for none).
    offset: u32,
    links: Vec<Link>,
    warnings: Vec<String>,
}

fn read_tasks(node: &Node, level: u8, project: &mut Project, r: &mut Reading<'_>) {
    for el in node.all("task") {
        let Some(id) = el
            .int("id")
            .and_then(|i| u32::try_from(i).ok())
            .and_then(|i| i.checked_add(r.offset))
        else {
            r.warnings
                .push("a task without a usable id was skipped".to_owned());
            continue;
        };
        let start = el.attr("work-start").and_then(datetime).unwrap_or_else(|| {
            project
                .meta
                .start
                .and_time(project.settings.default_start_time)
        });
        let end = el.attr("end").and_then(datetime).unwrap_or(start);
        let mut task = Task::new(
            TaskId(id),
            el.attr("name").unwrap_or_default(),
            level,
            start,
        );
        task.finish = end;
        task.milestone = el.attr("type") == Some("milestone");
        let minutes = r
            .calendar
            .map_or(0, |c| c.working_minutes_between(start, end).max(0));
        let per_day = f64::from(project.settings.minutes_per_day.max(1));
        task.duration = if task.milestone {
            Duration::zero()
        } else {
            Duration {
                amount: minutes as f64 / per_day,
                unit: DurationUnit::Days,
            }
        };
        task.percent_complete = el
            .int("percent-complete")
            .and_then(|p| u8::try_from(p.clamp(0, 100)).ok())
            .unwrap_or(0);
        if el.attr("scheduling") == Some("fixed-duration") {
            task.task_type = crate::model::TaskType::FixedDuration;
        }
        if let Some(c) = el.child("constraint").and_then(constraint) {
            task.constraint = c;
        }
        el.attr("note")
            .unwrap_or_default()
            .clone_into(&mut task.notes);
        for p in el
            .child("predecessors")
            .into_iter()
            .flat_map(|p| p.all("predecessor"))
        {
            let Some(pred) = p
                .int("predecessor-id")
                .and_then(|i| u32::try_from(i).ok())
                .and_then(|i| i.checked_add(r.offset))
            else {
                continue;
            };
            let seconds = p.float("lag").unwrap_or(0.0);
            r.links.push(Link {
                predecessor: TaskId(pred),
                successor: TaskId(id),
                kind: link_kind(p.attr("type")),
                lag: if seconds == 0.0 {
                    Lag::None
                } else {
                    Lag::Time(Duration {
                        amount: seconds / 3600.0,
                        unit: DurationUnit::Hours,
                    })
                },
            });
        }
        project.tasks.push(task);
        read_tasks(el, level.saturating_add(1), project, r);
    }
}

fn any_zero_id(node: &Node, element: &str) -> bool {
    node.all(element)
        .any(|t| t.int("id") == Some(0) || any_zero_id(t, element))
}

fn read_resources(root: &Node, project: &mut Project, warnings: &mut Vec<String>) -> u32 {
    let list = root.child("resources");
    let offset = u32::from(list.is_some_and(|l| any_zero_id(l, "resource")));
    for el in list.into_iter().flat_map(|l| l.all("resource")) {
        let Some(id) = el
            .int("id")
            .and_then(|i| u32::try_from(i).ok())
            .and_then(|i| i.checked_add(offset))
        else {
            continue;
        };
        let mut r = Resource::person(ResourceId(id), el.attr("name").unwrap_or_default());
        el.attr("short-name")
            .unwrap_or_default()
            .clone_into(&mut r.initials);
        el.attr("email")
            .unwrap_or_default()
            .clone_into(&mut r.email);
        el.attr("note").unwrap_or_default().clone_into(&mut r.notes);
        if el.int("type") == Some(2) {
            r.kind = ResourceKind::Material;
        }
        r.standard_rate = Rate {
            amount: el.float("std-rate").unwrap_or(0.0),
            per: RatePer::Hour,
        };
        if let Some(c) = el.int("calendar").and_then(|c| u32::try_from(c).ok()) {
            if project.calendars.iter().any(|k| k.id == CalendarId(c)) {
                r.calendar = Some(CalendarId(c));
            } else {
                warnings.push(format!(
                    "resource \"{}\": calendar {c} is not in the file, the project's is used",
                    r.name
                ));
            }
        }
        project.resources.push(r);
    }
    offset
}

/// Imports a GNOME Planner file. `file` names it in errors.
pub fn import(text: &str, file: &str) -> Result<Imported, ImportError> {
    let root = xml_tree::read_project(
        text,
        file,
        |r| r.attr("mrproject-version").is_some(),
        "not a Planner file: no <project mrproject-version=…>",
    )?;
    let mut warnings = Vec::new();
    let start = root
        .attr("project-start")
        .and_then(datetime)
        .unwrap_or_default();
    let name = xml_tree::project_name(&root, file);
    let mut project = Project::new(name, start.date());
    root.attr("company")
        .unwrap_or_default()
        .clone_into(&mut project.meta.client);
    root.attr("manager")
        .unwrap_or_default()
        .clone_into(&mut project.meta.manager);
    project.calendars.clear();
    let office: HashMap<i64, Vec<TimeRange>> = [(
        0,
        match DayRule::office_day() {
            DayRule::Working(r) => r,
            _ => Vec::new(),
        },
    )]
    .into();
    if let Some(list) = root.child("calendars") {
        read_calendars(list, None, &office, &mut project.calendars);
    }
    if project.calendars.is_empty() {
        project
            .calendars
            .push(Calendar::standard(CalendarId(1), "Standard"));
    }
    let chosen = root.int("calendar").and_then(|c| u32::try_from(c).ok());
    project.settings.calendar = chosen
        .map(CalendarId)
        .filter(|c| project.calendars.iter().any(|k| k.id == *c))
        .unwrap_or(project.calendars[0].id);
    let calendar = WorkCalendar::resolve(&project, project.settings.calendar).ok();
    let tasks = root.child("tasks");
    let mut reading = Reading {
        calendar: calendar.as_ref(),
        offset: u32::from(tasks.is_some_and(|t| any_zero_id(t, "task"))),
        links: Vec::new(),
        warnings: Vec::new(),
    };
    if let Some(tasks) = tasks {
        read_tasks(tasks, 1, &mut project, &mut reading);
    }
    let task_offset = reading.offset;
    warnings.append(&mut reading.warnings);
    let known: std::collections::HashSet<TaskId> = project.tasks.iter().map(|t| t.id).collect();
    for link in std::mem::take(&mut reading.links) {
        if known.contains(&link.predecessor) && link.predecessor != link.successor {
            project.links.push(link);
        } else {
            warnings.push(format!(
                "predecessor {} of task {} is not a task of the file, skipped",
                link.predecessor, link.successor
            ));
        }
    }
    let resource_offset = read_resources(&root, &mut project, &mut warnings);
    let id = |node: &Node, name: &str, offset: u32| {
        node.int(name)
            .and_then(|i| u32::try_from(i).ok())
            .and_then(|i| i.checked_add(offset))
    };
    read_allocations(&root, &mut project, "units", |a| {
        Some((
            id(a, "task-id", task_offset)?,
            id(a, "resource-id", resource_offset)?,
        ))
    });
    Ok(Imported { project, warnings })
}
