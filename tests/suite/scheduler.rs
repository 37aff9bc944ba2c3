//! The scheduler on small plans worked out by hand on the standard calendar (Monday–Friday,
//! 08:00–12:00 and 13:00–17:00).

#![allow(clippy::unwrap_used, reason = "tests: a panic is the failure report")]

use chrono::{NaiveDate, NaiveDateTime};
use pilote::model::{
    Constraint, Duration, DurationUnit, Lag, Link, LinkKind, Project, Task, TaskId,
};
use pilote::schedule::cpm::{ScheduleError, schedule};

pub(super) fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

/// A project starting Monday 5 January 2026 with tasks (name, level, days).
pub(super) fn plan(rows: &[(&str, u8, f64)]) -> Project {
    let mut p = Project::new("t", NaiveDate::from_ymd_opt(2026, 1, 5).unwrap());
    for (i, (name, level, days)) in rows.iter().enumerate() {
        let mut t = Task::new(TaskId(i as u32 + 1), name, *level, at("2026-01-05 08:00"));
        t.duration = Duration::days(*days);
        t.milestone = *days == 0.0;
        p.tasks.push(t);
    }
    p
}

pub(super) fn link(p: &mut Project, from: u32, to: u32, kind: LinkKind, lag_days: f64) {
    p.links.push(Link {
        predecessor: TaskId(from),
        successor: TaskId(to),
        kind,
        lag: if lag_days == 0.0 {
            Lag::None
        } else {
            Lag::Time(Duration::days(lag_days))
        },
    });
}

pub(super) fn dates(p: &Project, row: usize) -> (NaiveDateTime, NaiveDateTime) {
    let s = schedule(p).unwrap();
    (s.tasks[row].start, s.tasks[row].finish)
}

#[test]
fn finish_to_start_with_a_lag_crosses_the_weekend() {
    let mut p = plan(&[("A", 1, 3.0), ("B", 1, 2.0), ("Done", 1, 0.0)]);
    link(&mut p, 1, 2, LinkKind::FinishToStart, 1.0);
    link(&mut p, 2, 3, LinkKind::FinishToStart, 0.0);
    assert_eq!(
        dates(&p, 0),
        (at("2026-01-05 08:00"), at("2026-01-07 17:00"))
    );
    // Wednesday evening + 1 day of lag = Thursday evening; B starts Friday, ends Monday.
    assert_eq!(
        dates(&p, 1),
        (at("2026-01-09 08:00"), at("2026-01-12 17:00"))
    );
    // A milestone sits at its predecessor's finish.
    assert_eq!(
        dates(&p, 2),
        (at("2026-01-12 17:00"), at("2026-01-12 17:00"))
    );
    let s = schedule(&p).unwrap();
    assert!(
        s.tasks.iter().all(|t| t.critical),
        "one chain: all critical"
    );
}

#[test]
fn start_to_start_finish_to_finish_and_start_to_finish() {
    let mut p = plan(&[
        ("A", 1, 5.0),
        ("SS", 1, 2.0),
        ("FF", 1, 2.0),
        ("SF", 1, 1.0),
    ]);
    link(&mut p, 1, 2, LinkKind::StartToStart, 2.0);
    link(&mut p, 1, 3, LinkKind::FinishToFinish, 0.0);
    link(&mut p, 1, 4, LinkKind::StartToFinish, 3.0);
    assert_eq!(
        dates(&p, 1),
        (at("2026-01-07 08:00"), at("2026-01-08 17:00"))
    );
    assert_eq!(
        dates(&p, 2),
        (at("2026-01-08 08:00"), at("2026-01-09 17:00"))
    );
    // SF: finishes once A's start + 3 working days is reached (Wednesday evening).
    assert_eq!(
        dates(&p, 3),
        (at("2026-01-07 08:00"), at("2026-01-07 17:00"))
    );
}

#[test]
fn slack_late_dates_and_the_critical_path() {
    let mut p = plan(&[("Long", 1, 5.0), ("Short", 1, 2.0), ("End", 1, 1.0)]);
    link(&mut p, 1, 3, LinkKind::FinishToStart, 0.0);
    link(&mut p, 2, 3, LinkKind::FinishToStart, 0.0);
    let s = schedule(&p).unwrap();
    assert!(s.tasks[0].critical && s.tasks[2].critical);
    assert!(!s.tasks[1].critical);
    assert_eq!(s.tasks[1].total_slack_minutes, 3 * 480);
    assert_eq!(s.tasks[1].free_slack_minutes, 3 * 480);
    assert_eq!(s.tasks[1].late_start, at("2026-01-08 08:00"));
    assert_eq!(s.tasks[1].late_finish, at("2026-01-09 17:00"));
    assert_eq!(s.project_finish, at("2026-01-12 17:00"));
}

#[test]
fn constraints_are_honoured_and_conflicts_reported() {
    let mut p = plan(&[("A", 1, 5.0), ("B", 1, 1.0), ("C", 1, 1.0), ("D", 1, 2.0)]);
    p.tasks[1].constraint = Constraint::StartNoEarlierThan(at("2026-01-14 08:00"));
    link(&mut p, 1, 3, LinkKind::FinishToStart, 0.0);
    p.tasks[2].constraint = Constraint::MustStartOn(at("2026-01-07 08:00"));
    p.tasks[3].constraint = Constraint::Alap;
    let s = schedule(&p).unwrap();
    assert_eq!(s.tasks[1].start, at("2026-01-14 08:00"));
    assert_eq!(
        s.tasks[2].start,
        at("2026-01-07 08:00"),
        "must start on wins"
    );
    assert!(
        s.conflicts.iter().any(|c| c.task == TaskId(3)),
        "the link it breaks is reported: {:?}",
        s.conflicts
    );
    // As late as possible: ends with the project (B's finish on 14 January).
    assert_eq!(s.tasks[3].finish, at("2026-01-14 17:00"));
}

#[test]
fn links_to_a_summary_apply_to_its_tasks_and_summaries_roll_up() {
    let mut p = plan(&[
        ("Spec", 1, 3.0),
        ("Build", 1, 0.0),
        ("Code", 2, 4.0),
        ("Test", 2, 2.0),
    ]);
    p.tasks[1].milestone = false;
    link(&mut p, 1, 2, LinkKind::FinishToStart, 0.0);
    link(&mut p, 3, 4, LinkKind::FinishToStart, 0.0);
    let s = schedule(&p).unwrap();
    assert_eq!(
        s.tasks[2].start,
        at("2026-01-08 08:00"),
        "inherits the summary's link"
    );
    assert_eq!(s.tasks[1].start, at("2026-01-08 08:00"));
    assert_eq!(s.tasks[1].finish, s.tasks[3].finish, "summary rolls up");
}

#[test]
fn elapsed_durations_run_round_the_clock() {
    let mut p = plan(&[("Cure concrete", 1, 0.0)]);
    p.tasks[0].milestone = false;
    p.tasks[0].duration = Duration {
        amount: 3.0,
        unit: DurationUnit::ElapsedDays,
    };
    assert_eq!(
        dates(&p, 0),
        (at("2026-01-05 08:00"), at("2026-01-08 08:00"))
    );
}

#[test]
fn a_cycle_is_an_error_naming_its_tasks() {
    let mut p = plan(&[("A", 1, 1.0), ("B", 1, 1.0)]);
    link(&mut p, 1, 2, LinkKind::FinishToStart, 0.0);
    link(&mut p, 2, 1, LinkKind::FinishToStart, 0.0);
    match schedule(&p) {
        Err(ScheduleError::Cycle { tasks, names }) => {
            assert_eq!(tasks.len(), 2);
            assert!(names.iter().any(|n| n.contains("\"A\"")));
        }
        other => panic!("expected a cycle, got {other:?}"),
    }
}

#[test]
fn a_missed_deadline_gives_negative_slack_and_a_conflict() {
    let mut p = plan(&[("A", 1, 5.0), ("B", 1, 3.0)]);
    link(&mut p, 1, 2, LinkKind::FinishToStart, 0.0);
    p.tasks[1].deadline = Some(NaiveDate::from_ymd_opt(2026, 1, 12).unwrap());
    let s = schedule(&p).unwrap();
    // B finishes Wednesday 14 January, two working days after its deadline.
    assert_eq!(s.tasks[1].finish, at("2026-01-14 17:00"));
    assert_eq!(s.tasks[1].total_slack_minutes, -2 * 480);
    assert!(
        s.tasks[0].total_slack_minutes < 0,
        "the driving task is late too"
    );
    assert!(
        s.conflicts
            .iter()
            .any(|c| c.task == TaskId(2) && c.message.contains("deadline"))
    );
}
