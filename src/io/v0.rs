//! Format version 0: the files of Pilote's first prototype, before `format_version` existed.
//! A flat task list with durations in days and predecessors inside each task, resources with a
//! day rate. Read here and migrated to the current model.
//!
//! ```ron
//! (
//!     name: "Intranet",
//!     start: "2025-01-06",
//!     tasks: [(id: 1, name: "Design", level: 1, duration_days: 5.0, start: "2025-01-06")],
//!     resources: [(id: 1, name: "Alice", day_rate: 600.0)],
//! )
//! ```

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use serde::Deserialize;

use crate::model::{
    Duration, Lag, Link, LinkKind, Project, Rate, RatePer, Resource, ResourceId, Task, TaskId,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ProjectV0 {
    #[serde(default)]
    #[allow(
        dead_code,
        reason = "always 0 when present; read so that it is not an unknown field"
    )]
    format_version: u32,
    name: String,
    start: NaiveDate,
    #[serde(default)]
    tasks: Vec<TaskV0>,
    #[serde(default)]
    resources: Vec<ResourceV0>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TaskV0 {
    id: u32,
    name: String,
    #[serde(default = "one")]
    level: u8,
    duration_days: f64,
    start: NaiveDate,
    #[serde(default)]
    predecessors: Vec<u32>,
    #[serde(default)]
    percent_complete: u8,
    #[serde(default)]
    milestone: bool,
}

fn one() -> u8 {
    1
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ResourceV0 {
    id: u32,
    name: String,
    #[serde(default)]
    day_rate: f64,
}

pub(super) fn parse(text: &str) -> Result<ProjectV0, ron::error::SpannedError> {
    ron::Options::default().from_str(text)
}

/// Adds working days (Monday–Friday) to a date: v0 knew no calendars. Whole weeks are added
/// at once (a fuzzed file asked for four billion days); beyond the calendar, the last date.
fn add_weekdays(date: NaiveDate, days: u32) -> NaiveDate {
    if days == 0 {
        return date;
    }
    // From a weekend, the count starts on the Friday before, as stepping day by day does.
    let mut date = match date.weekday() {
        Weekday::Sat => date.pred_opt().unwrap_or(date),
        Weekday::Sun => date.pred_opt().and_then(|d| d.pred_opt()).unwrap_or(date),
        _ => date,
    };
    let weeks = u64::from(days / 5);
    date = date
        .checked_add_days(chrono::Days::new(weeks * 7))
        .unwrap_or(NaiveDate::MAX);
    let mut left = days % 5;
    while left > 0 {
        let Some(next) = date.succ_opt() else {
            return date;
        };
        date = next;
        if !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    date
}

pub(super) fn migrate(old: &ProjectV0) -> Project {
    let mut project = Project::new(&old.name, old.start);
    let morning = NaiveTime::from_hms_opt(8, 0, 0).unwrap_or_default();
    let evening = NaiveTime::from_hms_opt(17, 0, 0).unwrap_or_default();
    for t in &old.tasks {
        let mut task = Task::new(TaskId(t.id), &t.name, t.level, t.start.and_time(morning));
        task.duration = Duration::days(t.duration_days);
        task.milestone = t.milestone;
        task.percent_complete = t.percent_complete;
        let whole_days = t.duration_days.ceil().max(0.0) as u32;
        task.finish = if whole_days == 0 {
            task.start
        } else {
            add_weekdays(t.start, whole_days - 1).and_time(evening)
        };
        project.tasks.push(task);
        for &p in &t.predecessors {
            project.links.push(Link {
                predecessor: TaskId(p),
                successor: TaskId(t.id),
                kind: LinkKind::FinishToStart,
                lag: Lag::None,
            });
        }
    }
    for r in &old.resources {
        let mut resource = Resource::person(ResourceId(r.id), &r.name);
        resource.standard_rate = Rate {
            amount: r.day_rate,
            per: RatePer::Day,
        };
        project.resources.push(resource);
    }
    project
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn working_days_added_by_weeks_land_where_stepping_day_by_day_does() {
        let step = |mut date: NaiveDate, mut left: u32| {
            while left > 0 {
                date = date.succ_opt().unwrap_or(date);
                if !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
                    left -= 1;
                }
            }
            date
        };
        let monday = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default();
        for offset in 0..14 {
            let start = monday + chrono::Days::new(offset);
            for days in 0..40 {
                assert_eq!(
                    add_weekdays(start, days),
                    step(start, days),
                    "{start} + {days}"
                );
            }
        }
        // Four billion working days end at the calendar's last date, at once.
        assert_eq!(add_weekdays(monday, u32::MAX), NaiveDate::MAX);
    }
}
