//! The `Calendars` of an MS Project XML export: base calendars first (MS Project resolves a
//! derived calendar's base as it reads), each with its week, its work weeks and its exceptions
//! in date order.

use chrono::{Days, Weekday};

use super::super::recurrence;
use super::super::xml_out::{Result, Xml};
use crate::model::{Calendar, CalendarException, DayRule, Project, TimeRange, WorkWeek};
use crate::schedule::calendar::exception_applies;

/// MSPDI day types: Sunday = 1 … Saturday = 7.
const DAY_TYPES: [(Weekday, i64); 7] = [
    (Weekday::Sun, 1),
    (Weekday::Mon, 2),
    (Weekday::Tue, 3),
    (Weekday::Wed, 4),
    (Weekday::Thu, 5),
    (Weekday::Fri, 6),
    (Weekday::Sat, 7),
];

pub(super) fn write(x: &mut Xml, project: &Project) -> Result {
    x.open("Calendars")?;
    let (bases, derived): (Vec<&Calendar>, Vec<&Calendar>) =
        project.calendars.iter().partition(|c| c.base.is_none());
    for calendar in bases.into_iter().chain(derived) {
        write_calendar(x, calendar)?;
    }
    x.close("Calendars")
}

fn write_calendar(x: &mut Xml, calendar: &Calendar) -> Result {
    let is_base = calendar.base.is_none();
    x.open("Calendar")?;
    x.value("UID", calendar.id.0)?;
    x.text("Name", &super::limited(&calendar.name))?;
    x.flag("IsBaseCalendar", is_base)?;
    x.value(
        "BaseCalendarUID",
        calendar.base.map_or(-1, |b| i64::from(b.0)),
    )?;
    x.open("WeekDays")?;
    write_week_days(x, &calendar.week, is_base)?;
    x.close("WeekDays")?;
    if !calendar.exceptions.is_empty() {
        let mut exceptions: Vec<&CalendarException> = calendar.exceptions.iter().collect();
        exceptions.sort_by_key(|e| (e.from, e.to));
        x.open("Exceptions")?;
        for exception in exceptions {
            write_exception(x, exception)?;
        }
        x.close("Exceptions")?;
    }
    if !calendar.work_weeks.is_empty() {
        let mut weeks: Vec<_> = calendar.work_weeks.iter().collect();
        weeks.sort_by_key(|w| (w.from, w.to));
        x.open("WorkWeeks")?;
        for week in weeks {
            x.open("WorkWeek")?;
            period(x, week.from, week.to)?;
            x.text("Name", &super::limited(&week.name))?;
            x.open("WeekDays")?;
            write_week_days(x, &week.week, false)?;
            x.close("WeekDays")?;
            x.close("WorkWeek")?;
        }
        x.close("WorkWeeks")?;
    }
    x.close("Calendar")
}

/// Every day of a base calendar's week (a day it leaves to inherit is non-working: a base has
/// nothing to inherit from); the days a derived calendar or a work week sets.
fn write_week_days(x: &mut Xml, week: &WorkWeek, is_base: bool) -> Result {
    for (weekday, day_type) in DAY_TYPES {
        let rule = week.day(weekday);
        let working = match rule {
            DayRule::Inherit if !is_base => continue,
            DayRule::Inherit | DayRule::NonWorking => None,
            DayRule::Working(ranges) => Some(ranges),
        };
        x.open("WeekDay")?;
        x.value("DayType", day_type)?;
        x.flag("DayWorking", working.is_some())?;
        if let Some(ranges) = working {
            working_times(x, ranges)?;
        }
        x.close("WeekDay")?;
    }
    Ok(())
}

fn working_times(x: &mut Xml, ranges: &[TimeRange]) -> Result {
    x.open("WorkingTimes")?;
    for range in ranges {
        x.open("WorkingTime")?;
        x.time("FromTime", range.start)?;
        x.time("ToTime", range.end)?;
        x.close("WorkingTime")?;
    }
    x.close("WorkingTimes")
}

fn period(x: &mut Xml, from: chrono::NaiveDate, to: chrono::NaiveDate) -> Result {
    x.open("TimePeriod")?;
    x.date("FromDate", from)?;
    x.datetime(
        "ToDate",
        to.and_hms_opt(23, 59, 0)
            .unwrap_or_else(|| to.and_time(chrono::NaiveTime::MIN)),
    )?;
    x.close("TimePeriod")
}

/// How many days of its period an exception falls on (MS Project stores the count).
fn occurrences(exception: &CalendarException) -> usize {
    let mut day = exception.from;
    let mut count = 0;
    // A century of days at most, as the scheduler expands a period.
    for _ in 0..36_600 {
        if day > exception.to {
            break;
        }
        if exception_applies(exception, day) {
            count += 1;
        }
        let Some(next) = day.checked_add_days(Days::new(1)) else {
            break;
        };
        day = next;
    }
    count.max(1)
}

fn write_exception(x: &mut Xml, exception: &CalendarException) -> Result {
    let codes = recurrence::codes(&exception.recurrence);
    x.open("Exception")?;
    x.flag("EnteredByOccurrences", false)?;
    period(x, exception.from, exception.to)?;
    x.value("Occurrences", occurrences(exception))?;
    x.text("Name", &super::limited(&exception.name))?;
    x.value("Type", codes.kind)?;
    for (name, value) in [
        ("Period", codes.period),
        ("DaysOfWeek", codes.days_of_week),
        ("MonthItem", codes.month_item),
        ("MonthPosition", codes.month_position),
        ("Month", codes.month),
        ("MonthDay", codes.month_day),
    ] {
        if let Some(value) = value {
            x.value(name, value)?;
        }
    }
    x.flag("DayWorking", !exception.ranges.is_empty())?;
    if !exception.ranges.is_empty() {
        working_times(x, &exception.ranges)?;
    }
    x.close("Exception")
}
