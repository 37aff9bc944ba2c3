//! Working-time calendars: the data only. The arithmetic on them lives in `schedule`.

use chrono::{NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use super::ids::CalendarId;

/// A working-time range within one day, `start` < `end` (an `end` of 00:00 means midnight).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeRange {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl TimeRange {
    pub fn new(start_hour: u32, start_minute: u32, end_hour: u32, end_minute: u32) -> Self {
        Self {
            start: NaiveTime::from_hms_opt(start_hour, start_minute, 0).unwrap_or_default(),
            end: NaiveTime::from_hms_opt(end_hour, end_minute, 0).unwrap_or_default(),
        }
    }

    /// Length in minutes; an end at 00:00 is read as midnight at the end of the day.
    pub fn minutes(&self) -> i64 {
        let start = self
            .start
            .signed_duration_since(NaiveTime::MIN)
            .num_minutes();
        let mut end = self.end.signed_duration_since(NaiveTime::MIN).num_minutes();
        if end == 0 {
            end = 24 * 60;
        }
        (end - start).max(0)
    }
}

/// What one weekday looks like in a calendar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum DayRule {
    /// Same as the base calendar (derived calendars only).
    #[default]
    Inherit,
    NonWorking,
    Working(Vec<TimeRange>),
}

impl DayRule {
    pub fn office_day() -> Self {
        DayRule::Working(vec![
            TimeRange::new(8, 0, 12, 0),
            TimeRange::new(13, 0, 17, 0),
        ])
    }
}

/// The seven days of a working week, Monday first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct WorkWeek {
    pub monday: DayRule,
    pub tuesday: DayRule,
    pub wednesday: DayRule,
    pub thursday: DayRule,
    pub friday: DayRule,
    pub saturday: DayRule,
    pub sunday: DayRule,
}

impl WorkWeek {
    /// Monday to Friday, 08:00–12:00 and 13:00–17:00: MS Project's "Standard" calendar.
    pub fn standard() -> Self {
        Self {
            monday: DayRule::office_day(),
            tuesday: DayRule::office_day(),
            wednesday: DayRule::office_day(),
            thursday: DayRule::office_day(),
            friday: DayRule::office_day(),
            saturday: DayRule::NonWorking,
            sunday: DayRule::NonWorking,
        }
    }

    pub fn day(&self, weekday: Weekday) -> &DayRule {
        match weekday {
            Weekday::Mon => &self.monday,
            Weekday::Tue => &self.tuesday,
            Weekday::Wed => &self.wednesday,
            Weekday::Thu => &self.thursday,
            Weekday::Fri => &self.friday,
            Weekday::Sat => &self.saturday,
            Weekday::Sun => &self.sunday,
        }
    }
}

/// A work week that applies only between two dates (MS Project's "Work Weeks" tab).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkWeekPeriod {
    pub name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub week: WorkWeek,
}

/// Which week of the month a "monthly on the Nth weekday" recurrence means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WeekOfMonth {
    First,
    Second,
    Third,
    Fourth,
    Last,
}

/// How an exception repeats between its `from` and `to` dates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Recurrence {
    /// Every day from `from` to `to`.
    #[default]
    Once,
    Daily {
        every_days: u16,
    },
    Weekly {
        every_weeks: u16,
        days: Vec<Weekday>,
    },
    MonthlyOnDay {
        every_months: u16,
        day: u8,
    },
    MonthlyOnWeekday {
        every_months: u16,
        week: WeekOfMonth,
        weekday: Weekday,
    },
    YearlyOnDate {
        month: u8,
        day: u8,
    },
    YearlyOnWeekday {
        month: u8,
        week: WeekOfMonth,
        weekday: Weekday,
    },
}

/// A day or a period that differs from the work week: a holiday (no ranges) or changed hours.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarException {
    pub name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[serde(default)]
    pub recurrence: Recurrence,
    /// Working ranges on the affected days; empty means non-working.
    #[serde(default)]
    pub ranges: Vec<TimeRange>,
}

impl CalendarException {
    pub fn holiday(name: &str, date: NaiveDate) -> Self {
        Self {
            name: name.to_owned(),
            from: date,
            to: date,
            recurrence: Recurrence::Once,
            ranges: Vec::new(),
        }
    }
}

/// A base calendar (no `base`) or a derived one (resource or task calendar) that inherits the
/// days it leaves as [`DayRule::Inherit`] and all of its base's exceptions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    pub id: CalendarId,
    pub name: String,
    #[serde(default)]
    pub base: Option<CalendarId>,
    pub week: WorkWeek,
    #[serde(default)]
    pub work_weeks: Vec<WorkWeekPeriod>,
    #[serde(default)]
    pub exceptions: Vec<CalendarException>,
}

impl Calendar {
    pub fn standard(id: CalendarId, name: &str) -> Self {
        Self {
            id,
            name: name.to_owned(),
            base: None,
            week: WorkWeek::standard(),
            work_weeks: Vec::new(),
            exceptions: Vec::new(),
        }
    }
}
