//! iCalendar export, read back by an independent parser (the `icalendar` crate): every
//! milestone, deliverable, campaign and meeting of the sample is an event at its date, and a
//! second export gives the same UIDs, so a calendar client updates its events.

#![allow(clippy::unwrap_used, reason = "tests: a panic is the failure report")]

use std::str::FromStr;

use chrono::NaiveDate;
use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};
use pilote::i18n::Lang;
use pilote::io::{document, ics};
use pilote::schedule::cpm;

fn stamp(day: u32) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, day)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

#[test]
fn a_real_parser_reads_every_milestone_and_meeting_with_stable_uids() {
    let p = document::load_strict(pilote::SAMPLE_RON, pilote::SAMPLE_NAME).unwrap();
    let schedule = cpm::schedule(&p).unwrap();
    let text = ics::export(&p, Some(&schedule), Lang::Fr, stamp(3));
    let calendar = Calendar::from_str(&text).unwrap();
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    let milestones: Vec<_> = p
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.milestone)
        .collect();
    assert!(!milestones.is_empty() && !p.meetings.is_empty());
    let deliverables = p
        .deliverables
        .iter()
        .filter(|d| d.due_with.is_some())
        .count();
    assert_eq!(
        events.len(),
        milestones.len() + deliverables + p.campaigns.len() + p.meetings.len()
    );
    let key = p.meta.code.to_lowercase();
    for (row, task) in milestones {
        let uid = format!("milestone-{}@{key}.pilote", task.id.0);
        let event = events
            .iter()
            .find(|e| e.get_uid() == Some(uid.as_str()))
            .unwrap_or_else(|| panic!("milestone {} missing", task.name));
        assert!(event.get_summary().is_some_and(|s| s.ends_with(&task.name)));
        assert_eq!(
            event.get_start(),
            Some(DatePerhapsTime::Date(schedule.tasks[row].finish.date())),
            "{}",
            task.name
        );
    }
    for meeting in &p.meetings {
        let event = events
            .iter()
            .find(|e| e.get_summary().is_some_and(|s| s.ends_with(&meeting.title)))
            .unwrap_or_else(|| panic!("meeting {} missing", meeting.title));
        assert_eq!(
            event.get_start(),
            Some(DatePerhapsTime::DateTime(
                icalendar::CalendarDateTime::Floating(meeting.date)
            ))
        );
    }
    // Exported again a day later: the same events under the same UIDs.
    let again = ics::export(&p, Some(&schedule), Lang::Fr, stamp(4));
    let uids = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(uids(&text), uids(&again));
    let mut unique = uids(&text);
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), events.len(), "UIDs are unique");
}
