//! MS Project XML (MSPDI) import: project properties, calendars (week days, exceptions, work
//! weeks), the task tree, links with their lags, constraints, deadlines, progress, resources,
//! assignments and baselines. What Pilote cannot represent is listed in `warnings`.
//!
//! The file is read with quick-xml's streaming reader into a light element tree of the parts
//! that matter, then mapped. Traps handled (as MPXJ's reader does): durations are ISO 8601
//! (`PT8H0M0S`), link lags are in tenths of minutes, day types count from Sunday = 1, UID 0 is
//! the project's own summary row, blank rows are "null" tasks.

mod assignments;
mod calendar;
mod export;
mod position;
mod recurrence;
mod resources;
mod xml_out;

use calendar::read_calendar;
pub use export::{Exported, export};
pub use position::position;

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use quick_xml::events::Event;

use crate::model::{
    Baseline, BaselineTask, Calendar, CalendarException, CalendarId, Constraint, DayRule, Duration,
    DurationUnit, Lag, Link, LinkKind, Project, Recurrence, SchedulingMode, Task, TaskId,
    TimeRange, WorkWeek, WorkWeekPeriod,
};

/// An imported project and what could not be carried over.
#[derive(Debug)]
pub struct Imported {
    pub project: Project,
    pub warnings: Vec<String>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{file}:{line}:{column}: {message}")]
pub struct ImportError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// One element: its local name, its text, its children. Names and texts borrow from the
/// file's text when they can (nearly always): a 284 MB file holds 6.5 million elements.
#[derive(Debug, Default)]
struct El<'a> {
    name: Cow<'a, str>,
    text: Cow<'a, str>,
    /// A boxed slice, not a vector: no spare room, 8 bytes less per element.
    children: Box<[El<'a>]>,
}

/// `piece` as a slice of `source` when it lies inside it (the reader hands out slices of the
/// file's text, tied to its events' lifetimes), else a copy.
fn borrowed<'a>(source: &'a str, piece: &str) -> Cow<'a, str> {
    let offset = (piece.as_ptr() as usize).wrapping_sub(source.as_ptr() as usize);
    match source.get(offset..offset + piece.len()) {
        Some(slice) if slice.as_ptr() == piece.as_ptr() => Cow::Borrowed(slice),
        _ => Cow::Owned(piece.to_owned()),
    }
}

/// The local name of an element (without its namespace prefix).
fn local_name<'a>(source: &'a str, start: &quick_xml::events::BytesStart<'_>) -> Cow<'a, str> {
    borrowed(source, start.local_name().as_ref())
}

/// Appends a piece of text to an element's, borrowing it when it is the first (the usual case).
fn push_text<'a>(text: &mut Cow<'a, str>, piece: Cow<'a, str>) {
    if text.is_empty() {
        *text = piece;
    } else {
        text.to_mut().push_str(&piece);
    }
}

impl El<'_> {
    fn child(&self, name: &str) -> Option<&Self> {
        self.children.iter().find(|c| c.name == name)
    }

    fn all<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s Self> + 's {
        self.children.iter().filter(move |c| c.name == name)
    }

    fn text_of(&self, name: &str) -> Option<&str> {
        self.child(name)
            .map(|c| c.text.trim())
            .filter(|t| !t.is_empty())
    }

    /// The text exactly as written (names may end with a space that matters to their owner).
    fn raw_text_of(&self, name: &str) -> Option<&str> {
        self.child(name).map(|c| c.text.as_ref())
    }

    fn int(&self, name: &str) -> Option<i64> {
        self.text_of(name).and_then(|t| t.parse().ok())
    }

    fn float(&self, name: &str) -> Option<f64> {
        self.text_of(name).and_then(|t| t.parse().ok())
    }

    fn flag(&self, name: &str) -> bool {
        matches!(self.text_of(name), Some("1" | "true"))
    }

    /// An ISO 8601 duration field in whole minutes (0 when absent).
    fn minutes(&self, name: &str) -> i64 {
        self.text_of(name)
            .and_then(parse_iso_duration_minutes)
            .map_or(0, |m| m.round() as i64)
    }

    fn datetime(&self, name: &str) -> Option<NaiveDateTime> {
        self.text_of(name).and_then(parse_datetime)
    }
}

fn parse_datetime(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M"))
        .ok()
}

fn parse_time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text, "%H:%M:%S").ok()
}

/// `PT8H30M0S` (also with days or a fraction of seconds) in minutes; negative with a leading
/// `-`.
pub fn parse_iso_duration_minutes(text: &str) -> Option<f64> {
    let (sign, rest) = match text.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, text),
    };
    let rest = rest.strip_prefix('P')?;
    let mut minutes = 0.0;
    let mut number = String::new();
    let mut in_time = false;
    for c in rest.chars() {
        match c {
            'T' => in_time = true,
            '0'..='9' | '.' => number.push(c),
            unit => {
                let value: f64 = number.parse().ok()?;
                number.clear();
                minutes += match (unit, in_time) {
                    ('Y', false) => value * 365.0 * 1440.0,
                    ('M', false) => value * 30.0 * 1440.0,
                    ('W', false) => value * 7.0 * 1440.0,
                    ('D', _) => value * 1440.0,
                    ('H', true) => value * 60.0,
                    ('M', true) => value,
                    ('S', true) => value / 60.0,
                    _ => return None,
                };
            }
        }
    }
    Some(sign * minutes)
}

/// The unit of an MSPDI duration format code (the `?` estimated codes are 32 more).
fn unit_of_format(code: i64) -> Option<DurationUnit> {
    let code = if code >= 35 { code - 32 } else { code };
    Some(match code {
        3 => DurationUnit::Minutes,
        4 => DurationUnit::ElapsedMinutes,
        5 => DurationUnit::Hours,
        6 => DurationUnit::ElapsedHours,
        7 => DurationUnit::Days,
        8 => DurationUnit::ElapsedDays,
        9 => DurationUnit::Weeks,
        10 => DurationUnit::ElapsedWeeks,
        11 => DurationUnit::Months,
        12 => DurationUnit::ElapsedMonths,
        _ => return None,
    })
}

fn duration_from_minutes(minutes: f64, unit: DurationUnit, project: &Project) -> Duration {
    Duration {
        amount: minutes / project.settings.minutes_per(unit),
        unit,
    }
}

/// An error at byte `offset` of the file's text.
fn located(text: &str, offset: usize, file: &str, message: String) -> ImportError {
    let (line, column) = super::locate::line_column(text, offset);
    ImportError {
        file: file.to_owned(),
        line,
        column,
        message,
    }
}

/// A character reference or one of XML's five entities; `None` for anything a DTD declares.
pub(crate) fn xml_entity(r: &quick_xml::events::BytesRef<'_>) -> Option<char> {
    match r.resolve_char_ref() {
        Ok(Some(c)) => Some(c),
        _ => match r.xml10_content().as_ref() {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => None,
        },
    }
}

/// How deep elements may nest in an MS Project XML file.
const MAX_DEPTH: usize = 64;

/// Reads the elements of the document into a tree (text of leaves, structure of the rest).
fn read_tree<'a>(text: &'a str, file: &str) -> Result<El<'a>, ImportError> {
    let mut reader = quick_xml::Reader::from_str(text);
    // The open elements, each with the children read so far.
    let mut stack: Vec<(El, Vec<El>)> = vec![(El::default(), Vec::new())];
    loop {
        let position = reader.buffer_position();
        let event = reader.read_event().map_err(|e| {
            located(
                text,
                position as usize,
                file,
                format!("not well-formed XML: {e}"),
            )
        })?;
        match event {
            // MS Project's files nest six levels deep; a deeper file is not one, and a tree of
            // unbounded depth would overflow the stack when it is dropped.
            Event::Start(_) if stack.len() > MAX_DEPTH => {
                let message = format!("elements nested deeper than {MAX_DEPTH} levels");
                return Err(located(text, position as usize, file, message));
            }
            Event::Start(start) => stack.push((
                El {
                    name: local_name(text, &start),
                    ..El::default()
                },
                Vec::new(),
            )),
            Event::Empty(start) => {
                let el = El {
                    name: local_name(text, &start),
                    ..El::default()
                };
                if let Some((_, siblings)) = stack.last_mut() {
                    siblings.push(el);
                }
            }
            Event::End(_) => {
                if stack.len() > 1
                    && let Some((mut done, children)) = stack.pop()
                    && let Some((_, siblings)) = stack.last_mut()
                {
                    // Boxed without the room each list grew by doubling into.
                    done.children = children.into_boxed_slice();
                    siblings.push(done);
                }
            }
            Event::Text(t) => {
                if let Some((el, children)) = stack.last_mut() {
                    // The layout between child elements is not the parent's text.
                    if !children.is_empty() && t.trim_ascii().is_empty() {
                        continue;
                    }
                    // Entities arrive apart (GeneralRef); only line ends need normalising.
                    let piece = match t.xml10_content() {
                        Cow::Borrowed(piece) => borrowed(text, piece),
                        Cow::Owned(piece) => Cow::Owned(piece),
                    };
                    push_text(&mut el.text, piece);
                }
            }
            Event::CData(t) => {
                if let Some((el, _)) = stack.last_mut() {
                    let piece = match t.into_inner() {
                        Cow::Borrowed(piece) => borrowed(text, piece),
                        Cow::Owned(piece) => Cow::Owned(piece),
                    };
                    push_text(&mut el.text, piece);
                }
            }
            Event::GeneralRef(r) => {
                if let Some((el, _)) = stack.last_mut() {
                    let resolved = xml_entity(&r);
                    // Entities a DTD would declare are refused, never expanded (no billion
                    // laughs, no external files), nor silently dropped from a name.
                    let Some(c) = resolved else {
                        let message = format!(
                            "entity &{}; is not one of XML's own (&amp; &lt; &gt; &quot; &apos; or a character reference)",
                            r.xml10_content()
                        );
                        return Err(located(text, position as usize, file, message));
                    };
                    el.text.to_mut().push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let (_, mut top) = stack.swap_remove(0);
    top.pop()
        .filter(|p| p.name == "Project")
        .or_else(|| {
            top.clear();
            None
        })
        .ok_or_else(|| ImportError {
            file: file.to_owned(),
            line: 1,
            column: 1,
            message: "not an MS Project XML file: no <Project> element".to_owned(),
        })
}

/// MSPDI day types: 1 = Sunday … 7 = Saturday.
fn weekday_of(day_type: i64) -> Option<Weekday> {
    Some(match day_type {
        1 => Weekday::Sun,
        2 => Weekday::Mon,
        3 => Weekday::Tue,
        4 => Weekday::Wed,
        5 => Weekday::Thu,
        6 => Weekday::Fri,
        7 => Weekday::Sat,
        _ => return None,
    })
}

fn set_day(week: &mut WorkWeek, weekday: Weekday, rule: DayRule) {
    let slot = match weekday {
        Weekday::Mon => &mut week.monday,
        Weekday::Tue => &mut week.tuesday,
        Weekday::Wed => &mut week.wednesday,
        Weekday::Thu => &mut week.thursday,
        Weekday::Fri => &mut week.friday,
        Weekday::Sat => &mut week.saturday,
        Weekday::Sun => &mut week.sunday,
    };
    *slot = rule;
}

fn working_times(el: &El) -> Vec<TimeRange> {
    el.child("WorkingTimes")
        .map(|w| {
            w.all("WorkingTime")
                .filter_map(|t| {
                    Some(TimeRange {
                        start: parse_time(t.text_of("FromTime")?)?,
                        end: parse_time(t.text_of("ToTime")?)?,
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

fn day_rule(el: &El, base: bool) -> DayRule {
    match el.int("DayWorking") {
        Some(1) => DayRule::Working(working_times(el)),
        Some(0) => DayRule::NonWorking,
        _ if base => DayRule::NonWorking,
        _ => DayRule::Inherit,
    }
}

fn period(el: &El) -> Option<(NaiveDate, NaiveDate)> {
    let p = el.child("TimePeriod")?;
    Some((p.datetime("FromDate")?.date(), p.datetime("ToDate")?.date()))
}

fn link_kind(code: i64) -> LinkKind {
    match code {
        0 => LinkKind::FinishToFinish,
        2 => LinkKind::StartToFinish,
        3 => LinkKind::StartToStart,
        _ => LinkKind::FinishToStart,
    }
}

fn constraint(el: &El) -> Constraint {
    let date = el.datetime("ConstraintDate");
    match (el.int("ConstraintType"), date) {
        (Some(1), _) => Constraint::Alap,
        (Some(2), Some(d)) => Constraint::MustStartOn(d),
        (Some(3), Some(d)) => Constraint::MustFinishOn(d),
        (Some(4), Some(d)) => Constraint::StartNoEarlierThan(d),
        (Some(5), Some(d)) => Constraint::StartNoLaterThan(d),
        (Some(6), Some(d)) => Constraint::FinishNoEarlierThan(d),
        (Some(7), Some(d)) => Constraint::FinishNoLaterThan(d),
        _ => Constraint::Asap,
    }
}

/// Imports an MSPDI document. `file` names it in errors.
pub fn import(text: &str, file: &str) -> Result<Imported, ImportError> {
    let root = read_tree(text, file)?;
    let mut warnings = Vec::new();
    let start = root
        .datetime("StartDate")
        .map_or_else(NaiveDate::default, |d| d.date());
    let name = root
        .text_of("Title")
        .or_else(|| root.text_of("Name"))
        .unwrap_or(file)
        .to_owned();
    let mut project = Project::new(&name, start);
    project.calendars.clear();
    root.text_of("Manager")
        .unwrap_or_default()
        .clone_into(&mut project.meta.manager);
    root.text_of("Company")
        .unwrap_or_default()
        .clone_into(&mut project.meta.client);
    if let Some(code) = root.text_of("CurrencyCode") {
        code.clone_into(&mut project.meta.currency);
    }
    project.meta.status_date = root.datetime("StatusDate").map(|d| d.date());
    let settings = &mut project.settings;
    if let Some(v) = root
        .int("MinutesPerDay")
        .and_then(|v| u32::try_from(v).ok())
    {
        settings.minutes_per_day = v;
    }
    if let Some(v) = root
        .int("MinutesPerWeek")
        .and_then(|v| u32::try_from(v).ok())
    {
        settings.minutes_per_week = v;
    }
    if let Some(v) = root.int("DaysPerMonth").and_then(|v| u32::try_from(v).ok()) {
        settings.days_per_month = v;
    }
    if let Some(t) = root.text_of("DefaultStartTime").and_then(parse_time) {
        settings.default_start_time = t;
    }
    if let Some(t) = root.text_of("DefaultFinishTime").and_then(parse_time) {
        settings.default_finish_time = t;
    }
    if let Some(uid) = root.int("CalendarUID").and_then(|v| u32::try_from(v).ok()) {
        settings.calendar = CalendarId(uid);
    }
    if !root.flag("ScheduleFromStart") && root.child("ScheduleFromStart").is_some() {
        warnings.push(
            "the project is scheduled from its finish date; Pilote schedules from the start"
                .to_owned(),
        );
    }

    if let Some(list) = root.child("Calendars") {
        for el in list.all("Calendar") {
            if let Some(calendar) = read_calendar(el, &mut warnings) {
                project.calendars.push(calendar);
            }
        }
    }
    // A project may start at another time of day than tasks do by default (a 24-hour plan
    // starting at midnight).
    if let Some(at) = root.datetime("StartDate")
        && at.time() != project.settings.default_start_time
    {
        project.meta.start_time = Some(at.time());
    }
    if project.calendars.is_empty() {
        project
            .calendars
            .push(Calendar::standard(project.settings.calendar, "Standard"));
    }

    read_tasks(&root, &mut project, &mut warnings);
    // Some files carry a start date after their finish date (rewritten by another tool after
    // MS Project scheduled them): the tasks' own dates tell when the project really starts.
    if let (Some(start), Some(finish)) = (root.datetime("StartDate"), root.datetime("FinishDate"))
        && start > finish
        && let Some(earliest) = project.tasks.iter().map(|t| t.start).min()
    {
        warnings.push(format!(
            "the project's start date {start} is after its finish date {finish}; the earliest \
             task start {earliest} is used instead"
        ));
        project.meta.start = earliest.date();
    }
    resources::read(&root, &mut project);
    unsupported(&root, &project, &mut warnings);
    Ok(Imported { project, warnings })
}

fn read_tasks(root: &El, project: &mut Project, warnings: &mut Vec<String>) {
    let Some(list) = root.child("Tasks") else {
        return;
    };
    let mut baselines: HashMap<u8, Vec<BaselineTask>> = HashMap::new();
    let mut links = Vec::new();
    for el in list.all("Task") {
        let Some(task) = read_task(el, project, warnings) else {
            continue;
        };
        let uid = task.id.0;
        read_links(el, uid, project, warnings, &mut links);
        read_baseline_tasks(el, uid, &mut baselines);
        project.tasks.push(task);
    }
    // Links to rows that were skipped (blank rows, the project summary) cannot be kept.
    let known: std::collections::HashSet<TaskId> = project.tasks.iter().map(|t| t.id).collect();
    for link in links {
        if known.contains(&link.predecessor) && known.contains(&link.successor) {
            project.links.push(link);
        } else {
            warnings.push(format!(
                "link {} → {} refers to a row that was not imported",
                link.predecessor, link.successor
            ));
        }
    }
    let mut numbers: Vec<u8> = baselines.keys().copied().collect();
    numbers.sort_unstable();
    for number in numbers {
        project.baselines.push(Baseline {
            number,
            saved_on: project.meta.start,
            label: String::new(),
            tasks: baselines.remove(&number).unwrap_or_default(),
        });
    }
}

/// One `Task` element's own fields; `None` for the project's summary row, a blank row (with a
/// warning) or a task without a usable UID.
fn read_task(el: &El, project: &Project, warnings: &mut Vec<String>) -> Option<Task> {
    let uid = el.int("UID").and_then(|v| u32::try_from(v).ok())?;
    let level = el.int("OutlineLevel").unwrap_or(1);
    if uid == 0 || level == 0 {
        return None; // the project's own summary row
    }
    if el.flag("IsNull") {
        warnings.push(format!("blank row (task UID {uid}) skipped"));
        return None;
    }
    let start = el.datetime("Start").unwrap_or_else(|| {
        project
            .meta
            .start
            .and_time(project.settings.default_start_time)
    });
    let mut task = Task::new(
        TaskId(uid),
        el.raw_text_of("Name").unwrap_or_default(),
        u8::try_from(level).unwrap_or(u8::MAX),
        start,
    );
    task.finish = el.datetime("Finish").unwrap_or(start);
    let minutes = el
        .text_of("Duration")
        .and_then(parse_iso_duration_minutes)
        .unwrap_or(0.0);
    let unit = el
        .int("DurationFormat")
        .and_then(unit_of_format)
        .unwrap_or(DurationUnit::Days);
    task.duration = duration_from_minutes(minutes, unit, project);
    task.milestone = el.flag("Milestone");
    task.mode = if el.flag("Manual") {
        SchedulingMode::Manual
    } else {
        SchedulingMode::Auto
    };
    task.constraint = constraint(el);
    task.deadline = el.datetime("Deadline").map(|d| d.date());
    task.priority = el
        .int("Priority")
        .and_then(|p| u16::try_from(p).ok())
        .unwrap_or(500);
    task.percent_complete = el
        .int("PercentComplete")
        .and_then(|p| u8::try_from(p.clamp(0, 100)).ok())
        .unwrap_or(0);
    task.actual_start = el.datetime("ActualStart");
    task.actual_finish = el.datetime("ActualFinish");
    task.calendar = el
        .int("CalendarUID")
        .filter(|c| *c > 0)
        .and_then(|c| u32::try_from(c).ok())
        .map(CalendarId);
    task.ignore_resource_calendars = el.flag("IgnoreResourceCalendar");
    task.fixed_cost = el.float("FixedCost").unwrap_or(0.0);
    task.fixed_cost_accrual = match el.int("FixedCostAccrual") {
        Some(1) => crate::model::Accrual::Start,
        Some(3) => crate::model::Accrual::End,
        _ => crate::model::Accrual::Prorated,
    };
    task.effort_driven = el.flag("EffortDriven");
    task.task_type = match el.int("Type") {
        Some(1) => crate::model::TaskType::FixedDuration,
        Some(2) => crate::model::TaskType::FixedWork,
        _ => crate::model::TaskType::FixedUnits,
    };
    // Leveling delay is in tenths of minutes, shown in its own format.
    let delay_minutes = el.float("LevelingDelay").unwrap_or(0.0) / 10.0;
    if delay_minutes != 0.0 {
        let unit = el
            .int("LevelingDelayFormat")
            .and_then(unit_of_format)
            .unwrap_or(DurationUnit::ElapsedDays);
        task.leveling_delay = duration_from_minutes(delay_minutes, unit, project);
    }
    el.raw_text_of("Notes")
        .unwrap_or_default()
        .clone_into(&mut task.notes);
    Some(task)
}

/// The task `uid`'s `PredecessorLink`s, onto `links`; links to another project are skipped
/// with a warning.
fn read_links(
    el: &El,
    uid: u32,
    project: &Project,
    warnings: &mut Vec<String>,
    links: &mut Vec<Link>,
) {
    for p in el.all("PredecessorLink") {
        let Some(pred) = p.int("PredecessorUID").and_then(|v| u32::try_from(v).ok()) else {
            continue;
        };
        if p.flag("CrossProject") {
            warnings.push(format!("task UID {uid}: link to another project skipped"));
            continue;
        }
        let tenths = p.float("LinkLag").unwrap_or(0.0); // of a minute, for time lags
        let lag = match p.int("LagFormat") {
            // A percentage is written as it is (50 for 50 %), not in tenths like time lags.
            Some(19 | 20 | 51 | 52) => Lag::PercentOfPredecessor(tenths),
            _ if tenths == 0.0 => Lag::None,
            format => {
                let unit = format
                    .and_then(unit_of_format)
                    .unwrap_or(DurationUnit::Days);
                Lag::Time(duration_from_minutes(tenths / 10.0, unit, project))
            }
        };
        links.push(Link {
            predecessor: TaskId(pred),
            successor: TaskId(uid),
            kind: link_kind(p.int("Type").unwrap_or(1)),
            lag,
        });
    }
}

/// The task `uid`'s entries in each numbered `Baseline`, onto `baselines`.
fn read_baseline_tasks(el: &El, uid: u32, baselines: &mut HashMap<u8, Vec<BaselineTask>>) {
    for b in el.all("Baseline") {
        let Some(number) = b.int("Number").and_then(|n| u8::try_from(n).ok()) else {
            continue;
        };
        let (Some(start), Some(finish)) = (b.datetime("Start"), b.datetime("Finish")) else {
            continue;
        };
        baselines.entry(number).or_default().push(BaselineTask {
            task: TaskId(uid),
            start,
            finish,
            duration_minutes: b.minutes("Duration"),
            work_minutes: b.minutes("Work"),
            cost: b.float("Cost").unwrap_or(0.0) / 100.0,
        });
    }
}

/// What the file holds that Pilote does not carry over or does not schedule with, said once
/// per kind.
fn unsupported(root: &El, project: &Project, warnings: &mut Vec<String>) {
    let resource_calendars = project
        .resources
        .iter()
        .filter(|r| r.calendar.is_some())
        .count();
    let with_calendar: std::collections::HashSet<_> = project
        .resources
        .iter()
        .filter(|r| r.calendar.is_some())
        .map(|r| r.id)
        .collect();
    let on_resource_calendars: std::collections::HashSet<_> = project
        .assignments
        .iter()
        .filter(|a| with_calendar.contains(&a.resource))
        .map(|a| a.task)
        .collect();
    let combined = project
        .tasks
        .iter()
        .filter(|t| t.calendar.is_some() && !t.ignore_resource_calendars)
        .filter(|t| on_resource_calendars.contains(&t.id))
        .count();
    if resource_calendars > 0 && combined > 0 {
        warnings.push(format!(
            "{combined} tasks have a calendar of their own and resources with theirs: MS Project \
             works them when both calendars do, Pilote on the resource's calendar"
        ));
    }
    let tasks = root.child("Tasks");
    let count =
        |flag: &str| tasks.map_or(0, |t| t.all("Task").filter(|task| task.flag(flag)).count());
    for (flag, what) in [
        (
            "IsSubproject",
            "inserted subprojects are imported as plain tasks",
        ),
        ("Recurring", "recurring tasks are imported as plain tasks"),
        ("External", "external tasks are imported as plain tasks"),
    ] {
        let n = count(flag);
        if n > 0 {
            warnings.push(format!("{n} tasks: {what}"));
        }
    }
    let custom_fields = root
        .child("ExtendedAttributes")
        .map_or(0, |e| e.all("ExtendedAttribute").count());
    if custom_fields > 0 {
        warnings.push(format!("{custom_fields} custom fields are not imported"));
    }
    let contoured = root.child("Assignments").map_or(0, |a| {
        a.all("Assignment")
            .filter(|x| x.int("WorkContour").is_some_and(|c| c != 0))
            .count()
    });
    if contoured > 0 {
        warnings.push(format!(
            "{contoured} assignments have a work contour: Pilote keeps it and their dates but \
             spreads their work evenly in the load"
        ));
    }
}
