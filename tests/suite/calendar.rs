//! Working-time arithmetic, checked by hand on a French office calendar: Monday to Friday,
//! 08:00–12:00 and 13:00–17:00, public holidays off.

#![allow(clippy::unwrap_used, reason = "tests: a panic is the failure report")]

use chrono::{NaiveDate, NaiveDateTime, Weekday};
use pilote::model::{
    Calendar, CalendarException, CalendarId, DayRule, Project, Recurrence, TimeRange, WeekOfMonth,
    WorkWeek,
};
use pilote::schedule::calendar::{
    WorkCalendar, easter_sunday, exception_applies, french_public_holidays,
};

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn french_office() -> Project {
    let mut project = Project::new("t", date(2026, 1, 1));
    project.calendars[0].exceptions = french_public_holidays(2026, 2027);
    project
}

fn standard(project: &Project) -> WorkCalendar {
    WorkCalendar::resolve(project, CalendarId(1)).unwrap()
}

#[test]
fn easter_and_french_holidays() {
    assert_eq!(easter_sunday(2024), Some(date(2024, 3, 31)));
    assert_eq!(easter_sunday(2025), Some(date(2025, 4, 20)));
    assert_eq!(easter_sunday(2026), Some(date(2026, 4, 5)));
    assert_eq!(easter_sunday(2027), Some(date(2027, 3, 28)));
    assert_eq!(easter_sunday(2038), Some(date(2038, 4, 25)));
    let cal = standard(&french_office());
    for holiday in [
        date(2026, 1, 1),
        date(2026, 4, 6), // Easter Monday
        date(2026, 5, 1),
        date(2026, 5, 8),
        date(2026, 5, 14), // Ascension
        date(2026, 5, 25), // Whit Monday
        date(2026, 7, 14),
        date(2026, 11, 11),
        date(2026, 12, 25),
        date(2027, 3, 29), // Easter Monday 2027
    ] {
        assert!(!cal.is_working_day(holiday), "{holiday} is a holiday");
    }
    assert!(cal.is_working_day(date(2026, 4, 7)));
    assert!(!cal.is_working_day(date(2026, 4, 4)), "Saturday");
    assert_eq!(cal.day_minutes(date(2026, 4, 7)), 480);
}

#[test]
fn adding_working_time_skips_lunch_nights_weekends_and_holidays() {
    let cal = standard(&french_office());
    // 5 days from Monday 08:00 finish on Friday 17:00, not the next Monday morning.
    assert_eq!(
        cal.add_working(at("2026-01-05 08:00"), 5 * 480),
        Some(at("2026-01-09 17:00"))
    );
    // Half a day from 10:00 crosses lunch.
    assert_eq!(
        cal.add_working(at("2026-01-05 10:00"), 240),
        Some(at("2026-01-05 15:00"))
    );
    // Over the Easter weekend: Friday 3 April 13:00 + 1 day → Tuesday 7 April 12:00.
    assert_eq!(
        cal.add_working(at("2026-04-03 13:00"), 480),
        Some(at("2026-04-07 12:00"))
    );
    // Backwards, the start stays on the start of a range.
    assert_eq!(
        cal.subtract_working(at("2026-01-09 17:00"), 5 * 480),
        Some(at("2026-01-05 08:00"))
    );
    assert_eq!(
        cal.add_working(at("2026-04-07 12:00"), -480),
        Some(at("2026-04-03 13:00"))
    );
}

#[test]
fn counting_working_minutes_agrees_with_adding_them() {
    let cal = standard(&french_office());
    let start = at("2026-03-30 09:30");
    for minutes in [0, 1, 90, 480, 1000, 4800, 30_000] {
        let end = cal.add_working(start, minutes).unwrap();
        assert_eq!(
            cal.working_minutes_between(start, end),
            minutes,
            "{minutes} min"
        );
        assert_eq!(cal.working_minutes_between(end, start), -minutes);
        assert_eq!(
            cal.subtract_working(end, minutes).map(|s| s <= start),
            Some(true)
        );
    }
}

#[test]
fn next_and_previous_working_instants() {
    let cal = standard(&french_office());
    // The end of Friday's work moves to Monday morning.
    assert_eq!(
        cal.next_working(at("2026-01-09 17:00")),
        Some(at("2026-01-12 08:00"))
    );
    assert_eq!(
        cal.next_working(at("2026-01-05 12:30")),
        Some(at("2026-01-05 13:00"))
    );
    assert_eq!(
        cal.next_working(at("2026-01-05 09:15")),
        Some(at("2026-01-05 09:15"))
    );
    // The start of Monday's work moves back to Friday evening.
    assert_eq!(
        cal.previous_working(at("2026-01-12 08:00")),
        Some(at("2026-01-09 17:00"))
    );
    assert_eq!(
        cal.previous_working(at("2026-01-05 12:30")),
        Some(at("2026-01-05 12:00"))
    );
}

#[test]
fn a_derived_calendar_inherits_its_base_and_adds_its_own_days() {
    let mut project = french_office();
    let mut part_time = Calendar::standard(CalendarId(2), "Part time");
    part_time.base = Some(CalendarId(1));
    part_time.week = WorkWeek {
        wednesday: DayRule::NonWorking,
        friday: DayRule::Working(vec![TimeRange::new(8, 0, 12, 0)]),
        ..WorkWeek::default()
    };
    part_time.exceptions.push(CalendarException {
        name: "Leave".into(),
        from: date(2026, 2, 16),
        to: date(2026, 2, 20),
        recurrence: Recurrence::Once,
        ranges: Vec::new(),
    });
    project.calendars.push(part_time);
    let cal = WorkCalendar::resolve(&project, CalendarId(2)).unwrap();
    assert_eq!(cal.day_minutes(date(2026, 1, 5)), 480, "Monday inherited");
    assert_eq!(cal.day_minutes(date(2026, 1, 7)), 0, "Wednesday off");
    assert_eq!(cal.day_minutes(date(2026, 1, 9)), 240, "Friday mornings");
    assert!(!cal.is_working_day(date(2026, 2, 17)), "own leave");
    assert!(
        !cal.is_working_day(date(2026, 5, 14)),
        "base holiday (Ascension)"
    );
    // A week of this calendar is 3 × 8 h + 4 h = 28 h.
    assert_eq!(
        cal.working_minutes_between(at("2026-01-05 00:00"), at("2026-01-12 00:00")),
        28 * 60
    );
}

#[test]
fn recurring_exceptions() {
    let monthly = CalendarException {
        name: "Month-end closing".into(),
        from: date(2026, 1, 1),
        to: date(2026, 12, 31),
        recurrence: Recurrence::MonthlyOnWeekday {
            every_months: 1,
            week: WeekOfMonth::Last,
            weekday: Weekday::Fri,
        },
        ranges: Vec::new(),
    };
    assert!(exception_applies(&monthly, date(2026, 1, 30)));
    assert!(exception_applies(&monthly, date(2026, 7, 31)));
    assert!(!exception_applies(&monthly, date(2026, 7, 24)));
    assert!(
        !exception_applies(&monthly, date(2027, 1, 29)),
        "after `to`"
    );
    let fortnightly = CalendarException {
        name: "Sprint review".into(),
        from: date(2026, 1, 5),
        to: date(2026, 6, 30),
        recurrence: Recurrence::Weekly {
            every_weeks: 2,
            days: vec![Weekday::Thu],
        },
        ranges: vec![TimeRange::new(8, 0, 12, 0)],
    };
    assert!(exception_applies(&fortnightly, date(2026, 1, 8)));
    assert!(!exception_applies(&fortnightly, date(2026, 1, 15)));
    assert!(exception_applies(&fortnightly, date(2026, 1, 22)));
    let mut project = french_office();
    project.calendars[0].exceptions.push(fortnightly);
    let cal = standard(&project);
    assert_eq!(cal.day_minutes(date(2026, 1, 22)), 240, "changed hours");
}

#[test]
fn a_calendar_cycle_or_a_missing_base_is_an_error() {
    let mut project = french_office();
    project.calendars[0].base = Some(CalendarId(1));
    assert!(WorkCalendar::resolve(&project, CalendarId(1)).is_err());
    let project = french_office();
    assert!(WorkCalendar::resolve(&project, CalendarId(9)).is_err());
}
