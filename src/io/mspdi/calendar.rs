//! An MS Project calendar element: its week days, working times, exceptions and work weeks.

#[allow(clippy::wildcard_imports, reason = "the reader's own element helpers")]
use super::*;

/// One `Calendar` element, `None` without a usable UID.
pub(super) fn read_calendar(el: &El, warnings: &mut Vec<String>) -> Option<Calendar> {
    let uid = u32::try_from(el.int("UID")?).ok()?;
    let name = el.text_of("Name").unwrap_or("Calendar").to_owned();
    let base_uid = el.int("BaseCalendarUID").filter(|b| *b > 0);
    let is_base = el.flag("IsBaseCalendar") || base_uid.is_none();
    let (week, mut exceptions) = read_week_days(el, is_base);
    exceptions.extend(read_exceptions(el, &name, warnings));
    let work_weeks = read_work_weeks(el);
    Some(Calendar {
        id: CalendarId(uid),
        name,
        base: if is_base {
            None
        } else {
            base_uid.and_then(|b| u32::try_from(b).ok()).map(CalendarId)
        },
        week,
        work_weeks,
        exceptions,
    })
}

/// The calendar's week, and the exceptions that older files write as week days. A base
/// calendar's days not in the file are non-working; a derived one's inherit from its base.
fn read_week_days(el: &El, is_base: bool) -> (WorkWeek, Vec<CalendarException>) {
    let mut week = WorkWeek::default();
    if is_base {
        week = WorkWeek {
            monday: DayRule::NonWorking,
            tuesday: DayRule::NonWorking,
            wednesday: DayRule::NonWorking,
            thursday: DayRule::NonWorking,
            friday: DayRule::NonWorking,
            saturday: DayRule::NonWorking,
            sunday: DayRule::NonWorking,
        };
    }
    let mut exceptions = Vec::new();
    if let Some(days) = el.child("WeekDays") {
        for day in days.all("WeekDay") {
            match day.int("DayType") {
                // Before MS Project 2007, exceptions were week days of type 0 with a period.
                Some(0) => {
                    if let Some((from, to)) = period(day) {
                        exceptions.push(CalendarException {
                            name: String::new(),
                            from,
                            to,
                            recurrence: Recurrence::Once,
                            ranges: match day_rule(day, true) {
                                DayRule::Working(r) => r,
                                _ => Vec::new(),
                            },
                        });
                    }
                }
                Some(t) => {
                    if let Some(weekday) = weekday_of(t) {
                        set_day(&mut week, weekday, day_rule(day, is_base));
                    }
                }
                None => {}
            }
        }
    }
    (week, exceptions)
}

/// The `Exceptions` of calendar `name`, with how they recur; one that repeats in a way Pilote
/// cannot hold is kept as its whole period, with a warning.
fn read_exceptions(el: &El, name: &str, warnings: &mut Vec<String>) -> Vec<CalendarException> {
    let mut exceptions = Vec::new();
    if let Some(list) = el.child("Exceptions") {
        for ex in list.all("Exception") {
            let Some((from, to)) = period(ex) else {
                continue;
            };
            let recurrence = match super::recurrence::read(ex) {
                Ok(recurrence) => recurrence,
                Err(why) => {
                    warnings.push(format!(
                        "calendar \"{name}\": a recurring exception {why} is kept as the whole \
                         period {from} – {to}"
                    ));
                    Recurrence::Once
                }
            };
            exceptions.push(CalendarException {
                name: ex.text_of("Name").unwrap_or_default().to_owned(),
                from,
                to,
                recurrence,
                ranges: if ex.flag("DayWorking") {
                    working_times(ex)
                } else {
                    Vec::new()
                },
            });
        }
    }
    exceptions
}

/// The `WorkWeeks`: other weeks than the default one, each over its period.
fn read_work_weeks(el: &El) -> Vec<WorkWeekPeriod> {
    let mut work_weeks = Vec::new();
    if let Some(list) = el.child("WorkWeeks") {
        for ww in list.all("WorkWeek") {
            let Some((from, to)) = period(ww) else {
                continue;
            };
            let mut w = WorkWeek::default();
            if let Some(days) = ww.child("WeekDays") {
                for day in days.all("WeekDay") {
                    if let Some(weekday) = day.int("DayType").and_then(weekday_of) {
                        set_day(&mut w, weekday, day_rule(day, false));
                    }
                }
            }
            work_weeks.push(WorkWeekPeriod {
                name: ww.text_of("Name").unwrap_or_default().to_owned(),
                from,
                to,
                week: w,
            });
        }
    }
    work_weeks
}
