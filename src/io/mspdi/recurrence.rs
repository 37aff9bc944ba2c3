//! MS Project's recurring calendar exceptions, both ways: `Type` 1 (every day), 7 (every N
//! days), 6 (weekly on days of a bit mask, Sunday = 1), 4 and 5 (monthly on a day or on the
//! Nth weekday), 2 and 3 (yearly on a date or on the Nth weekday). Months count from 0
//! (January), `MonthItem` 3–9 are Sunday–Saturday, `MonthPosition` 0–3 the first to fourth,
//! 4 the last.

use chrono::Weekday;

use super::El;
use crate::model::{Recurrence, WeekOfMonth};

/// The elements of an `Exception` that say how it repeats, in the schema's order.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Codes {
    pub kind: i64,
    pub period: Option<i64>,
    pub days_of_week: Option<i64>,
    pub month_item: Option<i64>,
    pub month_position: Option<i64>,
    pub month: Option<i64>,
    pub month_day: Option<i64>,
}

const WEEKDAYS_FROM_SUNDAY: [Weekday; 7] = [
    Weekday::Sun,
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
];

fn weekday_item(weekday: Weekday) -> i64 {
    i64::from(weekday.num_days_from_sunday()) + 3
}

fn position(week: WeekOfMonth) -> i64 {
    match week {
        WeekOfMonth::First => 0,
        WeekOfMonth::Second => 1,
        WeekOfMonth::Third => 2,
        WeekOfMonth::Fourth => 3,
        WeekOfMonth::Last => 4,
    }
}

/// How `recurrence` is written.
pub(super) fn codes(recurrence: &Recurrence) -> Codes {
    match recurrence {
        Recurrence::Once => Codes {
            kind: 1,
            ..Codes::default()
        },
        Recurrence::Daily { every_days } => Codes {
            kind: 7,
            period: Some(i64::from((*every_days).max(1))),
            ..Codes::default()
        },
        Recurrence::Weekly { every_weeks, days } => Codes {
            kind: 6,
            period: Some(i64::from((*every_weeks).max(1))),
            days_of_week: Some(
                days.iter()
                    .map(|d| 1_i64 << d.num_days_from_sunday())
                    .fold(0, |mask, bit| mask | bit),
            ),
            ..Codes::default()
        },
        Recurrence::MonthlyOnDay { every_months, day } => Codes {
            kind: 4,
            period: Some(i64::from((*every_months).max(1))),
            month_day: Some(i64::from(*day)),
            ..Codes::default()
        },
        Recurrence::MonthlyOnWeekday {
            every_months,
            week,
            weekday,
        } => Codes {
            kind: 5,
            period: Some(i64::from((*every_months).max(1))),
            month_item: Some(weekday_item(*weekday)),
            month_position: Some(position(*week)),
            ..Codes::default()
        },
        Recurrence::YearlyOnDate { month, day } => Codes {
            kind: 2,
            month: Some(i64::from(month.saturating_sub(1))),
            month_day: Some(i64::from(*day)),
            ..Codes::default()
        },
        Recurrence::YearlyOnWeekday {
            month,
            week,
            weekday,
        } => Codes {
            kind: 3,
            month: Some(i64::from(month.saturating_sub(1))),
            month_item: Some(weekday_item(*weekday)),
            month_position: Some(position(*week)),
            ..Codes::default()
        },
    }
}

fn count(el: &El, name: &str) -> Result<u16, String> {
    let value = el.int(name).unwrap_or(1);
    u16::try_from(value.max(1)).map_err(|_| format!("{name} {value} is out of range"))
}

fn weekday_of_item(el: &El) -> Result<Weekday, String> {
    match el.int("MonthItem") {
        Some(item @ 3..=9) => Ok(WEEKDAYS_FROM_SUNDAY[(item - 3) as usize]),
        Some(0) => Err("on the Nth day of a month".to_owned()),
        Some(1) => Err("on the Nth weekday of a month".to_owned()),
        Some(2) => Err("on the Nth weekend day of a month".to_owned()),
        other => Err(format!("MonthItem {other:?} is not a day")),
    }
}

fn week_of(el: &El) -> Result<WeekOfMonth, String> {
    Ok(match el.int("MonthPosition") {
        Some(0) => WeekOfMonth::First,
        Some(1) => WeekOfMonth::Second,
        Some(2) => WeekOfMonth::Third,
        Some(3) => WeekOfMonth::Fourth,
        Some(4) => WeekOfMonth::Last,
        other => {
            return Err(format!(
                "MonthPosition {other:?} is not a week of the month"
            ));
        }
    })
}

fn month_of(el: &El) -> Result<u8, String> {
    match el.int("Month") {
        Some(m @ 0..=11) => Ok(m as u8 + 1),
        other => Err(format!("Month {other:?} is not a month")),
    }
}

fn day_of(el: &El) -> Result<u8, String> {
    match el.int("MonthDay") {
        Some(d @ 1..=31) => Ok(d as u8),
        other => Err(format!("MonthDay {other:?} is not a day of the month")),
    }
}

/// How an `Exception` element repeats; `Err` names what Pilote cannot hold.
pub(super) fn read(el: &El) -> Result<Recurrence, String> {
    Ok(match el.int("Type") {
        None | Some(1) => Recurrence::Once,
        Some(7) => match count(el, "Period")? {
            1 => Recurrence::Once,
            every_days => Recurrence::Daily { every_days },
        },
        Some(6) => {
            let mask = el.int("DaysOfWeek").unwrap_or(0);
            let days: Vec<Weekday> = (0..7)
                .filter(|bit| mask & (1 << bit) != 0)
                .map(|bit| WEEKDAYS_FROM_SUNDAY[bit as usize])
                .collect();
            if days.is_empty() {
                return Err("weekly on no day".to_owned());
            }
            Recurrence::Weekly {
                every_weeks: count(el, "Period")?,
                days,
            }
        }
        Some(4) => Recurrence::MonthlyOnDay {
            every_months: count(el, "Period")?,
            day: day_of(el)?,
        },
        Some(5) => Recurrence::MonthlyOnWeekday {
            every_months: count(el, "Period")?,
            week: week_of(el)?,
            weekday: weekday_of_item(el)?,
        },
        Some(2) => Recurrence::YearlyOnDate {
            month: month_of(el)?,
            day: day_of(el)?,
        },
        Some(3) => Recurrence::YearlyOnWeekday {
            month: month_of(el)?,
            week: week_of(el)?,
            weekday: weekday_of_item(el)?,
        },
        Some(other) => return Err(format!("of type {other}")),
    })
}
