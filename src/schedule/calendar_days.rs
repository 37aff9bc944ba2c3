//! Which working ranges each day of a calendar's table has, computed rule by rule rather than
//! day by day: each exception and each work-week period marks the days it covers, then each
//! day reads its marks. A resource calendar tabulates seventy years of days, and a plan has one
//! per resource: asking every rule of the chain about every day made that the slowest part of
//! scheduling a plan with its resources' calendars.

use chrono::{Datelike, Days, NaiveDate};

use super::calendar::{Minutes, exception_applies, ranges_of};
use crate::model::{Calendar, DayRule, Recurrence, WorkWeek};

const NONE: u32 = u32::MAX;

/// How far a one-off exception reaches (as the lookup of days outside the table does).
const ONCE_MAX_DAYS: u64 = 36_600;

/// The distinct lists of working ranges (`0` is a day off) and, for each of `days` days from
/// `first`, the index of its list: exceptions win over work weeks, a calendar's own rules
/// over its base's, one-off exceptions over recurring ones, and the first listed of each kind.
pub(super) fn day_lists(
    chain: &[Calendar],
    first: NaiveDate,
    days: usize,
) -> (Vec<Vec<(Minutes, Minutes)>>, Vec<u32>) {
    let exceptions: Vec<Vec<u32>> = chain
        .iter()
        .map(|c| exception_marks(c, first, days))
        .collect();
    let weeks: Vec<Vec<u32>> = chain.iter().map(|c| week_marks(c, first, days)).collect();
    let mut lists: Vec<Vec<(Minutes, Minutes)>> = vec![Vec::new()];
    // The list of each exception and of each (work week, weekday) of each calendar, found
    // once: most days share a handful of lists.
    let mut exception_list: Vec<Vec<u32>> = chain
        .iter()
        .map(|c| vec![NONE; c.exceptions.len()])
        .collect();
    let mut week_list: Vec<Vec<u32>> = chain
        .iter()
        .map(|c| vec![NONE; (c.work_weeks.len() + 1) * 7])
        .collect();
    let mut intern = |ranges: Vec<(Minutes, Minutes)>| -> u32 {
        match lists.iter().position(|l| *l == ranges) {
            Some(i) => i as u32,
            None => {
                lists.push(ranges);
                (lists.len() - 1) as u32
            }
        }
    };
    let mut of_day = Vec::with_capacity(days);
    let mut date = first;
    for d in 0..days {
        let mut list = None;
        for (level, calendar) in chain.iter().enumerate() {
            let k = exceptions[level][d];
            if k != NONE {
                let cached = &mut exception_list[level][k as usize];
                if *cached == NONE {
                    *cached = intern(ranges_of(&calendar.exceptions[k as usize].ranges));
                }
                list = Some(*cached);
                break;
            }
        }
        if list.is_none() {
            let weekday = date.weekday().num_days_from_monday() as usize;
            for (level, calendar) in chain.iter().enumerate() {
                let w = weeks[level][d];
                let week: &WorkWeek = match w {
                    NONE => &calendar.week,
                    w => &calendar.work_weeks[w as usize].week,
                };
                let slot = (if w == NONE { 0 } else { w as usize + 1 }) * 7 + weekday;
                match week.day(date.weekday()) {
                    DayRule::Inherit => continue,
                    DayRule::NonWorking => list = Some(0),
                    DayRule::Working(ranges) => {
                        let cached = &mut week_list[level][slot];
                        if *cached == NONE {
                            *cached = intern(ranges_of(ranges));
                        }
                        list = Some(*cached);
                    }
                }
                break;
            }
        }
        of_day.push(list.unwrap_or(0));
        match date.succ_opt() {
            Some(next) => date = next,
            None => break,
        }
    }
    (lists, of_day)
}

/// The slots of `days` days from `first` that `from..=to` covers.
fn slots(first: NaiveDate, days: usize, from: NaiveDate, to: NaiveDate) -> std::ops::Range<usize> {
    let offset = |date: NaiveDate| (date - first).num_days().clamp(0, days as i64) as usize;
    let end = to.succ_opt().map_or(days, offset);
    offset(from)..end.max(offset(from))
}

/// For each day, the exception of `calendar` that holds on it (`NONE`: none).
fn exception_marks(calendar: &Calendar, first: NaiveDate, days: usize) -> Vec<u32> {
    let mut marks = vec![NONE; days];
    for (k, e) in calendar.exceptions.iter().enumerate() {
        if e.recurrence != Recurrence::Once {
            continue;
        }
        let reach = e
            .from
            .checked_add_days(Days::new(ONCE_MAX_DAYS - 1))
            .map_or(e.to, |last| last.min(e.to));
        for slot in &mut marks[slots(first, days, e.from, reach)] {
            if *slot == NONE {
                *slot = k as u32;
            }
        }
    }
    // Then the recurring ones, on the days no one-off exception and no earlier recurring one
    // holds.
    for (k, e) in calendar.exceptions.iter().enumerate() {
        if e.recurrence == Recurrence::Once {
            continue;
        }
        for d in slots(first, days, e.from, e.to) {
            if marks[d] == NONE
                && let Some(date) = first.checked_add_days(Days::new(d as u64))
                && exception_applies(e, date)
            {
                marks[d] = k as u32;
            }
        }
    }
    marks
}

/// For each day, the work-week period of `calendar` it falls in (`NONE`: its default week).
fn week_marks(calendar: &Calendar, first: NaiveDate, days: usize) -> Vec<u32> {
    let mut marks = vec![NONE; days];
    for (w, period) in calendar.work_weeks.iter().enumerate() {
        for slot in &mut marks[slots(first, days, period.from, period.to)] {
            if *slot == NONE {
                *slot = w as u32;
            }
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, Weekday};

    use crate::model::{
        Calendar, CalendarException, CalendarId, DayRule, Recurrence, TimeRange, WeekOfMonth,
        WorkWeek, WorkWeekPeriod,
    };
    use crate::schedule::calendar::WorkCalendar;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn exception(
        from: NaiveDate,
        to: NaiveDate,
        recurrence: Recurrence,
        hours: bool,
    ) -> CalendarException {
        CalendarException {
            name: String::new(),
            from,
            to,
            recurrence,
            ranges: if hours {
                vec![TimeRange::new(9, 0, 12, 30)]
            } else {
                Vec::new()
            },
        }
    }

    /// A resource calendar on a base, each with one-off and recurring exceptions of every
    /// kind (overlapping, some inside others), work-week periods and inherited days: every
    /// tabulated day has the ranges the rules give it one by one.
    #[test]
    fn the_table_has_the_days_the_rules_give() {
        let calendar = WorkCalendar::from_chain(vec![own(), base()], date(2026, 1, 5));
        let mut day = date(2019, 1, 1);
        while day < date(2042, 1, 1) {
            assert_eq!(*calendar.day(day), calendar.compute_day(day)[..], "{day}");
            day = day.succ_opt().unwrap_or(day);
        }
    }

    fn base() -> Calendar {
        let mut base = Calendar::standard(CalendarId(1), "Base");
        base.week.saturday = DayRule::Working(vec![TimeRange::new(8, 0, 12, 0)]);
        base.exceptions = vec![
            exception(date(2026, 5, 1), date(2026, 5, 1), Recurrence::Once, false),
            exception(
                date(2020, 1, 1),
                date(2040, 12, 31),
                Recurrence::YearlyOnDate { month: 7, day: 14 },
                false,
            ),
            exception(
                date(2021, 1, 1),
                date(2035, 1, 1),
                Recurrence::YearlyOnWeekday {
                    month: 11,
                    week: WeekOfMonth::Last,
                    weekday: Weekday::Thu,
                },
                true,
            ),
            exception(
                date(2026, 1, 1),
                date(2027, 6, 30),
                Recurrence::Weekly {
                    every_weeks: 2,
                    days: vec![Weekday::Fri, Weekday::Sat],
                },
                true,
            ),
            exception(date(2026, 3, 2), date(2026, 3, 20), Recurrence::Once, true),
        ];
        base.work_weeks = vec![WorkWeekPeriod {
            name: "Summer".into(),
            from: date(2026, 7, 1),
            to: date(2026, 8, 31),
            week: WorkWeek {
                friday: DayRule::NonWorking,
                ..WorkWeek::standard()
            },
        }];
        base
    }

    fn own() -> Calendar {
        let mut own = Calendar::standard(CalendarId(2), "Ana");
        own.base = Some(CalendarId(1));
        own.week = WorkWeek {
            monday: DayRule::Working(vec![TimeRange::new(13, 0, 18, 0)]),
            ..WorkWeek::default()
        };
        own.exceptions = vec![
            exception(
                date(2026, 3, 10),
                date(2026, 4, 10),
                Recurrence::Once,
                false,
            ),
            exception(
                date(2026, 1, 1),
                date(2030, 1, 1),
                Recurrence::MonthlyOnDay {
                    every_months: 3,
                    day: 15,
                },
                true,
            ),
            exception(
                date(2026, 2, 1),
                date(2029, 1, 1),
                Recurrence::MonthlyOnWeekday {
                    every_months: 1,
                    week: WeekOfMonth::Second,
                    weekday: Weekday::Tue,
                },
                false,
            ),
            exception(
                date(2027, 1, 4),
                date(2027, 2, 28),
                Recurrence::Daily { every_days: 3 },
                true,
            ),
            exception(date(2026, 3, 20), date(2026, 3, 25), Recurrence::Once, true),
        ];
        own.work_weeks = vec![
            WorkWeekPeriod {
                name: "Part time".into(),
                from: date(2027, 3, 1),
                to: date(2027, 12, 31),
                week: WorkWeek {
                    wednesday: DayRule::NonWorking,
                    ..WorkWeek::default()
                },
            },
            WorkWeekPeriod {
                name: "Hidden by the first".into(),
                from: date(2027, 6, 1),
                to: date(2028, 6, 30),
                week: WorkWeek::standard(),
            },
        ];
        own
    }
}
