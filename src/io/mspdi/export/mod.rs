//! MS Project XML (MSPDI) export: what the import reads, written back in the schema's element
//! order (MS Project silently drops an element out of order): project properties, calendars,
//! the outline under the project's summary row (UID 0), durations in their units, links with
//! their type codes and lags in tenths of minutes, constraints, deadlines, progress, resources,
//! assignments, baselines 0–10 and the dates the scheduler computed. UIDs are the model's ids,
//! so exporting twice gives the same UIDs. What MS Project cannot hold is listed in
//! [`Exported::left_out`].

mod calendars;
mod resources;

use super::xml_out::{Result, Xml};
use crate::model::{
    Accrual, Constraint, Duration, DurationUnit, Lag, LinkKind, Project, SchedulingMode, TaskType,
    outline,
};
use crate::schedule::cpm::{self, Schedule};

/// An MS Project XML document, and what of the plan it could not carry.
#[derive(Debug)]
pub struct Exported {
    pub text: String,
    pub left_out: Vec<String>,
}

/// MS Project's limit on a name's length (its fields hold 255 characters).
const NAME_LIMIT: usize = 255;

/// `name` within MS Project's limit.
fn limited(name: &str) -> String {
    name.chars().take(NAME_LIMIT).collect()
}

/// The MSPDI code of a duration unit.
pub(super) fn format_code(unit: DurationUnit) -> i64 {
    match unit {
        DurationUnit::Minutes => 3,
        DurationUnit::ElapsedMinutes => 4,
        DurationUnit::Hours => 5,
        DurationUnit::ElapsedHours => 6,
        DurationUnit::Days => 7,
        DurationUnit::ElapsedDays => 8,
        DurationUnit::Weeks => 9,
        DurationUnit::ElapsedWeeks => 10,
        DurationUnit::Months => 11,
        DurationUnit::ElapsedMonths => 12,
    }
}

fn link_code(kind: LinkKind) -> i64 {
    match kind {
        LinkKind::FinishToFinish => 0,
        LinkKind::FinishToStart => 1,
        LinkKind::StartToFinish => 2,
        LinkKind::StartToStart => 3,
    }
}

fn constraint_code(constraint: Constraint) -> (i64, Option<chrono::NaiveDateTime>) {
    match constraint {
        Constraint::Asap => (0, None),
        Constraint::Alap => (1, None),
        Constraint::MustStartOn(d) => (2, Some(d)),
        Constraint::MustFinishOn(d) => (3, Some(d)),
        Constraint::StartNoEarlierThan(d) => (4, Some(d)),
        Constraint::StartNoLaterThan(d) => (5, Some(d)),
        Constraint::FinishNoEarlierThan(d) => (6, Some(d)),
        Constraint::FinishNoLaterThan(d) => (7, Some(d)),
    }
}

fn minutes_of(project: &Project, duration: Duration) -> f64 {
    duration.amount * project.settings.minutes_per(duration.unit)
}

/// Exports `project` as MS Project XML, with its schedule's dates (the stored ones when the
/// plan cannot be scheduled, a dependency cycle say).
pub fn export(project: &Project) -> std::result::Result<Exported, String> {
    let schedule = cpm::schedule(project).ok();
    let mut left_out = left_out(project);
    let bytes = write(project, schedule.as_ref(), &mut left_out)
        .map_err(|e| format!("the MS Project XML could not be written: {e}"))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("the MS Project XML is not UTF-8 text: {e}"))?;
    Ok(Exported { text, left_out })
}

fn write(
    project: &Project,
    schedule: Option<&Schedule>,
    left_out: &mut Vec<String>,
) -> std::io::Result<Vec<u8>> {
    let mut x = Xml::new()?;
    x.open_with(
        "Project",
        &[("xmlns", "http://schemas.microsoft.com/project")],
    )?;
    write_properties(&mut x, project, schedule)?;
    calendars::write(&mut x, project)?;
    write_tasks(&mut x, project, schedule)?;
    resources::write(&mut x, project, schedule, left_out)?;
    x.close("Project")?;
    Ok(x.finish())
}

fn write_properties(x: &mut Xml, project: &Project, schedule: Option<&Schedule>) -> Result {
    let meta = &project.meta;
    let settings = &project.settings;
    let start = cpm::project_start(project);
    x.value("SaveVersion", 14)?;
    x.text("Name", &limited(&meta.name))?;
    x.text("Title", &limited(&meta.name))?;
    if !meta.client.is_empty() {
        x.text("Company", &limited(&meta.client))?;
    }
    if !meta.manager.is_empty() {
        x.text("Manager", &limited(&meta.manager))?;
    }
    x.flag("ScheduleFromStart", true)?;
    x.datetime("StartDate", start)?;
    x.datetime("FinishDate", schedule.map_or(start, |s| s.project_finish))?;
    if meta.currency.chars().count() == 3 {
        x.text("CurrencyCode", &meta.currency)?;
    }
    x.value("CalendarUID", settings.calendar.0)?;
    x.time("DefaultStartTime", settings.default_start_time)?;
    x.time("DefaultFinishTime", settings.default_finish_time)?;
    x.value("MinutesPerDay", settings.minutes_per_day)?;
    x.value("MinutesPerWeek", settings.minutes_per_week)?;
    x.value("DaysPerMonth", settings.days_per_month)?;
    if let Some(status) = meta.status_date {
        x.datetime("StatusDate", status.and_time(settings.default_finish_time))?;
    }
    Ok(())
}

/// The project's summary row (UID 0), then every row in outline order with its links and
/// baselines.
fn write_tasks(x: &mut Xml, project: &Project, schedule: Option<&Schedule>) -> Result {
    x.open("Tasks")?;
    let start = cpm::project_start(project);
    let finish = schedule.map_or(start, |s| s.project_finish);
    x.open("Task")?;
    x.value("UID", 0)?;
    x.value("ID", 0)?;
    x.text("Name", &limited(&project.meta.name))?;
    x.value("OutlineNumber", 0)?;
    x.value("OutlineLevel", 0)?;
    x.datetime("Start", start)?;
    x.datetime("Finish", finish)?;
    x.flag("Summary", true)?;
    x.close("Task")?;
    let wbs = outline::wbs_codes(&project.tasks);
    let mut links_of: std::collections::HashMap<_, Vec<_>> = std::collections::HashMap::new();
    for link in &project.links {
        links_of.entry(link.successor).or_default().push(link);
    }
    let mut baselines: Vec<_> = project
        .baselines
        .iter()
        .filter(|b| b.number <= 10)
        .collect();
    baselines.sort_by_key(|b| b.number);
    let assigned = resources::work_by_task(project);
    for (row, task) in project.tasks.iter().enumerate() {
        let dates = schedule.and_then(|s| s.tasks.get(row));
        x.open("Task")?;
        write_task_fields(x, project, row, &wbs[row], dates, assigned.get(&task.id))?;
        for link in links_of.get(&task.id).into_iter().flatten() {
            write_link(x, project, link)?;
        }
        for baseline in &baselines {
            if let Some(b) = baseline.tasks.iter().find(|b| b.task == task.id) {
                x.open("Baseline")?;
                x.value("Number", baseline.number)?;
                x.datetime("Start", b.start)?;
                x.datetime("Finish", b.finish)?;
                x.duration("Duration", b.duration_minutes as f64)?;
                x.value("DurationFormat", 7)?;
                x.duration("Work", b.work_minutes as f64)?;
                // In hundredths, as MS Project writes a baseline's cost.
                x.value("Cost", (b.cost * 100.0).round())?;
                x.close("Baseline")?;
            }
        }
        x.close("Task")?;
    }
    x.close("Tasks")
}

/// A task's own elements, in the schema's order, up to its links.
#[allow(
    clippy::too_many_lines,
    reason = "one element per line, in the schema's order: splitting it would hide the order"
)]
fn write_task_fields(
    x: &mut Xml,
    project: &Project,
    row: usize,
    wbs: &str,
    dates: Option<&cpm::TaskDates>,
    work: Option<&(i64, i64)>,
) -> Result {
    let task = &project.tasks[row];
    let manual = task.mode == SchedulingMode::Manual;
    let summary = outline::is_summary(&project.tasks, row);
    let (start, finish) = match dates {
        Some(d) if !manual => (d.start, d.finish),
        _ => (task.start, task.finish),
    };
    let minutes = minutes_of(project, task.duration);
    let format = format_code(task.duration.unit);
    x.value("UID", task.id.0)?;
    x.value("ID", row + 1)?;
    x.text("Name", &limited(&task.name))?;
    x.flag("Active", true)?;
    x.flag("Manual", manual)?;
    x.value(
        "Type",
        match task.task_type {
            TaskType::FixedUnits => 0,
            TaskType::FixedDuration => 1,
            TaskType::FixedWork => 2,
        },
    )?;
    x.flag("IsNull", false)?;
    x.text("WBS", wbs)?;
    x.text("OutlineNumber", wbs)?;
    x.value("OutlineLevel", task.outline_level)?;
    x.value("Priority", task.priority.min(1000))?;
    x.datetime("Start", start)?;
    x.datetime("Finish", finish)?;
    x.duration("Duration", minutes)?;
    if manual {
        x.datetime("ManualStart", task.start)?;
        x.datetime("ManualFinish", task.finish)?;
        x.duration("ManualDuration", minutes)?;
    }
    x.value("DurationFormat", format)?;
    let (work_minutes, actual_work) = work.copied().unwrap_or((0, 0));
    x.duration("Work", work_minutes as f64)?;
    x.flag("EffortDriven", task.effort_driven)?;
    x.flag("Milestone", task.milestone)?;
    x.flag("Summary", summary)?;
    if let Some(d) = dates {
        x.flag("Critical", d.critical)?;
        x.datetime("EarlyStart", d.early_start)?;
        x.datetime("EarlyFinish", d.early_finish)?;
        x.datetime("LateStart", d.late_start)?;
        x.datetime("LateFinish", d.late_finish)?;
        // Slack in tenths of a minute.
        x.value("FreeSlack", d.free_slack_minutes * 10)?;
        x.value("TotalSlack", d.total_slack_minutes * 10)?;
    }
    x.value("FixedCost", task.fixed_cost)?;
    x.value(
        "FixedCostAccrual",
        match task.fixed_cost_accrual {
            Accrual::Start => 1,
            Accrual::Prorated => 2,
            Accrual::End => 3,
        },
    )?;
    x.value("PercentComplete", task.percent_complete.min(100))?;
    if let Some(at) = task.actual_start {
        x.datetime("ActualStart", at)?;
    }
    if let Some(at) = task.actual_finish {
        x.datetime("ActualFinish", at)?;
    }
    let done = f64::from(task.percent_complete.min(100)) / 100.0;
    x.duration("ActualDuration", minutes * done)?;
    x.duration("ActualWork", actual_work as f64)?;
    x.duration("RemainingDuration", minutes * (1.0 - done))?;
    x.duration("RemainingWork", (work_minutes - actual_work).max(0) as f64)?;
    let (constraint, constraint_date) = constraint_code(task.constraint);
    x.value("ConstraintType", constraint)?;
    x.value("CalendarUID", task.calendar.map_or(-1, |c| i64::from(c.0)))?;
    if let Some(at) = constraint_date {
        x.datetime("ConstraintDate", at)?;
    }
    if let Some(day) = task.deadline {
        x.datetime(
            "Deadline",
            day.and_time(project.settings.default_finish_time),
        )?;
    }
    let delay = minutes_of(project, task.leveling_delay);
    // In tenths of a minute, shown in its own unit.
    x.value("LevelingDelay", (delay * 10.0).round())?;
    x.value("LevelingDelayFormat", format_code(task.leveling_delay.unit))?;
    x.flag("IgnoreResourceCalendar", task.ignore_resource_calendars)?;
    if !task.notes.is_empty() {
        x.text("Notes", &task.notes)?;
    }
    Ok(())
}

fn write_link(x: &mut Xml, project: &Project, link: &crate::model::Link) -> Result {
    x.open("PredecessorLink")?;
    x.value("PredecessorUID", link.predecessor.0)?;
    x.value("Type", link_code(link.kind))?;
    x.flag("CrossProject", false)?;
    let (lag, format) = match link.lag {
        Lag::None => (0.0, 7),
        // Time lags in tenths of a minute, in the lag's own unit.
        Lag::Time(d) => (minutes_of(project, d) * 10.0, format_code(d.unit)),
        // A percentage as it is (50 for 50 %).
        Lag::PercentOfPredecessor(p) => (p, 19),
    };
    x.value("LinkLag", lag)?;
    x.value("LagFormat", format)?;
    x.close("PredecessorLink")
}

/// What the plan holds that MS Project cannot, said once per kind.
fn left_out(project: &Project) -> Vec<String> {
    let counts = [
        (project.requirements.len(), "requirements"),
        (project.deliverables.len(), "deliverables"),
        (project.test_cases.len(), "test cases"),
        (project.campaigns.len(), "test campaigns"),
        (project.test_runs.len(), "test runs"),
        (project.load_tests.len(), "load tests"),
        (project.anomalies.len(), "anomalies"),
        (project.risks.len(), "risks"),
        (project.meetings.len(), "meetings"),
        (project.cost_items.len(), "cost items"),
        (project.budget_lines.len(), "budget lines"),
        (project.task_estimates.len(), "duration estimates"),
        (project.cost_estimates.len(), "cost estimates"),
    ];
    let mut notes: Vec<String> = counts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}: MS Project has no place for them"))
        .collect();
    let skills = project
        .tasks
        .iter()
        .filter(|t| !t.required_skills.is_empty())
        .count();
    if skills > 0 {
        notes.push(format!("{skills} tasks' required skills"));
    }
    let long = project
        .tasks
        .iter()
        .map(|t| t.name.as_str())
        .chain(project.resources.iter().map(|r| r.name.as_str()))
        .filter(|name| name.chars().count() > NAME_LIMIT)
        .count();
    if long > 0 {
        notes.push(format!(
            "{long} names cut to MS Project's {NAME_LIMIT} characters"
        ));
    }
    notes
}
