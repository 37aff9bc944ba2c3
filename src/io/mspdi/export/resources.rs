//! The `Resources` and `Assignments` of an MS Project XML export. Rates are written per hour
//! (as MS Project stores them) with the unit they are shown in; an assignment's start and
//! finish are where it works on its resource's calendar, which is how a shaped assignment's
//! length reads back.

use std::collections::HashMap;

use super::super::xml_out::{Result, Xml};
use crate::model::{
    Assignment, CalendarId, Origin, Project, Rate, RatePer, Resource, ResourceKind, TaskId,
};
use crate::schedule::calendar::WorkCalendar;
use crate::schedule::cost::per_minute;
use crate::schedule::cpm::{Schedule, assignment_span};

/// Each task's assigned work and actual work, in minutes.
pub(super) fn work_by_task(project: &Project) -> HashMap<TaskId, (i64, i64)> {
    let mut work: HashMap<TaskId, (i64, i64)> = HashMap::new();
    for a in &project.assignments {
        let entry = work.entry(a.task).or_default();
        entry.0 = entry.0.saturating_add(a.work_minutes.max(0));
        entry.1 = entry.1.saturating_add(a.actual_work_minutes.max(0));
    }
    work
}

/// MSPDI's rate format codes: 2 = per hour, 3 = per day, 4 = per week, 5 = per month.
fn rate_format(per: RatePer) -> i64 {
    match per {
        RatePer::Hour => 2,
        RatePer::Day => 3,
        RatePer::Week => 4,
        RatePer::Month => 5,
    }
}

fn per_hour(rate: Rate, project: &Project) -> f64 {
    per_minute(rate, &project.settings) * 60.0
}

/// MS Project refuses square brackets and the list separator in a resource's name.
fn resource_name(name: &str) -> String {
    super::limited(name)
        .chars()
        .map(|c| match c {
            '[' => '(',
            ']' => ')',
            ',' => ';',
            c => c,
        })
        .collect()
}

pub(super) fn write(
    x: &mut Xml,
    project: &Project,
    schedule: Option<&Schedule>,
    left_out: &mut Vec<String>,
) -> Result {
    x.open("Resources")?;
    for (row, resource) in project.resources.iter().enumerate() {
        write_resource(x, project, row, resource)?;
    }
    x.close("Resources")?;
    x.open("Assignments")?;
    let rows = crate::model::outline::positions(&project.tasks);
    let mut calendars = Calendars::new(project);
    for a in &project.assignments {
        let Some(&row) = rows.get(&a.task) else {
            continue;
        };
        let start = schedule
            .and_then(|s| s.tasks.get(row))
            .map_or(project.tasks[row].start, |d| d.start);
        let finish = schedule
            .and_then(|s| s.tasks.get(row))
            .map_or(project.tasks[row].finish, |d| d.finish);
        let span = calendars.span(a, start).unwrap_or((start, finish));
        write_assignment(x, a, span)?;
    }
    x.close("Assignments")?;
    notes_on_resources(project, left_out);
    Ok(())
}

fn write_resource(x: &mut Xml, project: &Project, row: usize, r: &Resource) -> Result {
    x.open("Resource")?;
    x.value("UID", r.id.0)?;
    x.value("ID", row + 1)?;
    x.text("Name", &resource_name(&r.name))?;
    x.value(
        "Type",
        match r.kind {
            ResourceKind::Material => 0,
            ResourceKind::Person => 1,
            ResourceKind::Cost => 2,
        },
    )?;
    x.flag("IsNull", false)?;
    if !r.initials.is_empty() {
        x.text("Initials", &super::limited(&r.initials))?;
    }
    if !r.material_label.is_empty() {
        x.text("MaterialLabel", &super::limited(&r.material_label))?;
    }
    if !r.team.is_empty() {
        x.text("Group", &super::limited(&r.team))?;
    }
    if !r.email.is_empty() {
        x.text("EmailAddress", &super::limited(&r.email))?;
    }
    x.value("MaxUnits", r.max_units)?;
    if let Some(from) = r.available_from {
        x.date("AvailableFrom", from)?;
    }
    if let Some(to) = r.available_to {
        x.datetime(
            "AvailableTo",
            to.and_time(project.settings.default_finish_time),
        )?;
    }
    x.value("StandardRate", per_hour(r.standard_rate, project))?;
    x.value("StandardRateFormat", rate_format(r.standard_rate.per))?;
    x.value("OvertimeRate", per_hour(r.overtime_rate, project))?;
    x.value("OvertimeRateFormat", rate_format(r.overtime_rate.per))?;
    x.value("CostPerUse", r.cost_per_use)?;
    x.value("CalendarUID", r.calendar.map_or(-1, |c| i64::from(c.0)))?;
    if !r.notes.is_empty() {
        x.text("Notes", &r.notes)?;
    }
    x.flag("IsCostResource", r.kind == ResourceKind::Cost)?;
    x.close("Resource")
}

fn write_assignment(
    x: &mut Xml,
    a: &Assignment,
    (start, finish): (chrono::NaiveDateTime, chrono::NaiveDateTime),
) -> Result {
    x.open("Assignment")?;
    x.value("UID", a.id.0)?;
    x.value("TaskUID", a.task.0)?;
    x.value("ResourceUID", a.resource.0)?;
    x.duration("ActualWork", a.actual_work_minutes as f64)?;
    // In tenths of a minute of working time.
    x.value("Delay", a.delay_minutes.saturating_mul(10))?;
    x.datetime("Finish", finish)?;
    x.duration("OvertimeWork", a.overtime_work_minutes as f64)?;
    x.duration(
        "RemainingWork",
        (a.work_minutes - a.actual_work_minutes).max(0) as f64,
    )?;
    x.datetime("Start", start)?;
    x.value("Units", a.units)?;
    x.duration("Work", a.work_minutes as f64)?;
    x.value("WorkContour", a.contour.code())?;
    x.close("Assignment")
}

/// The calendar each assignment works on (its resource's, else its task's, else the
/// project's), resolved once each.
struct Calendars<'p> {
    project: &'p Project,
    resolved: HashMap<CalendarId, Option<WorkCalendar>>,
}

impl<'p> Calendars<'p> {
    fn new(project: &'p Project) -> Self {
        Self {
            project,
            resolved: HashMap::new(),
        }
    }

    /// Where a shaped assignment works from `start`; `None` for a flat one (its task's span).
    fn span(
        &mut self,
        a: &Assignment,
        start: chrono::NaiveDateTime,
    ) -> Option<(chrono::NaiveDateTime, chrono::NaiveDateTime)> {
        let minutes = a.shaped_span_minutes?;
        let project = self.project;
        let resource = project.resources.iter().find(|r| r.id == a.resource);
        let task = project.tasks.iter().find(|t| t.id == a.task);
        let id = resource
            .and_then(|r| r.calendar)
            .or_else(|| task.and_then(|t| t.calendar))
            .unwrap_or(project.settings.calendar);
        let calendar = self
            .resolved
            .entry(id)
            .or_insert_with(|| WorkCalendar::resolve(project, id).ok())
            .as_ref()?;
        Some(assignment_span(calendar, start, a.delay_minutes, minutes))
    }
}

fn notes_on_resources(project: &Project, left_out: &mut Vec<String>) {
    let count = |f: &dyn Fn(&Resource) -> bool| project.resources.iter().filter(|r| f(r)).count();
    let providers = count(&|r| matches!(r.origin, Origin::External { .. }));
    if providers > 0 {
        left_out.push(format!(
            "{providers} resources' provider and contract (MS Project has no such fields)"
        ));
    }
    let skilled = count(&|r| !r.skills.is_empty());
    if skilled > 0 {
        left_out.push(format!("{skilled} resources' skills"));
    }
    let on_leave = count(&|r| !r.leave.is_empty());
    if on_leave > 0 {
        left_out.push(format!(
            "{on_leave} resources' leave (MS Project holds leave as calendar exceptions, which \
             would move their tasks; Pilote counts it in the load only)"
        ));
    }
    let renamed = count(&|r| r.name.contains(['[', ']', ',']));
    if renamed > 0 {
        left_out.push(format!(
            "{renamed} resource names had [ ] or , which MS Project refuses: written as ( ) and ;"
        ));
    }
}
