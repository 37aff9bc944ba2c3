//! Properties of the scheduler on random acyclic networks with random calendars: every link
//! holds, late dates never precede early ones, slack is the gap between them in working
//! minutes, and the critical tasks chain from the start of the project to its finish.

#![allow(clippy::unwrap_used, reason = "tests: a panic is the failure report")]

use chrono::{NaiveDate, NaiveDateTime};
use pilote::model::{
    CalendarException, DayRule, Duration, Lag, Link, LinkKind, Project, Task, TaskId, TimeRange,
};
use pilote::schedule::calendar::WorkCalendar;
use pilote::schedule::cpm::schedule;
use proptest::prelude::*;

#[derive(Debug, Clone)]
struct Plan {
    durations: Vec<u8>,
    /// (predecessor, successor, kind, lag in days), predecessor < successor: acyclic.
    links: Vec<(usize, usize, u8, i8)>,
    saturday: bool,
    long_days: bool,
    holidays: Vec<u16>,
}

fn plan() -> impl Strategy<Value = Plan> {
    (2usize..25).prop_flat_map(|n| {
        (
            proptest::collection::vec(0u8..8, n),
            proptest::collection::vec((0..n, 0..n, 0u8..4, -2i8..4), 0..(2 * n)),
            any::<bool>(),
            any::<bool>(),
            proptest::collection::vec(0u16..120, 0..6),
        )
            .prop_map(|(durations, raw, saturday, long_days, holidays)| Plan {
                durations,
                links: raw
                    .into_iter()
                    .filter(|(a, b, _, _)| a != b)
                    .map(|(a, b, k, l)| (a.min(b), a.max(b), k, l))
                    .collect(),
                saturday,
                long_days,
                holidays,
            })
    })
}

fn build(plan: &Plan) -> Project {
    let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let mut p = Project::new("random", start);
    let cal = &mut p.calendars[0];
    if plan.saturday {
        cal.week.saturday = DayRule::Working(vec![TimeRange::new(9, 0, 13, 0)]);
    }
    if plan.long_days {
        cal.week.monday = DayRule::Working(vec![TimeRange::new(7, 0, 19, 0)]);
    }
    for &d in &plan.holidays {
        let day = start + chrono::Days::new(u64::from(d));
        cal.exceptions.push(CalendarException::holiday("off", day));
    }
    let at = start.and_time(p.settings.default_start_time);
    for (i, &d) in plan.durations.iter().enumerate() {
        let mut t = Task::new(TaskId(i as u32 + 1), &format!("T{i}"), 1, at);
        t.duration = Duration::days(f64::from(d));
        t.milestone = d == 0;
        p.tasks.push(t);
    }
    let mut seen = std::collections::HashSet::new();
    for &(a, b, k, lag) in &plan.links {
        if !seen.insert((a, b)) {
            continue;
        }
        p.links.push(Link {
            predecessor: TaskId(a as u32 + 1),
            successor: TaskId(b as u32 + 1),
            kind: LinkKind::ALL[k as usize],
            lag: if lag == 0 {
                Lag::None
            } else {
                Lag::Time(Duration::days(f64::from(lag)))
            },
        });
    }
    p
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn links_hold_late_follows_early_and_slack_measures_the_gap(plan in plan()) {
        let project = build(&plan);
        let s = schedule(&project).unwrap();
        prop_assert!(s.conflicts.is_empty(), "no constraints, so no conflicts: {:?}", s.conflicts);
        let cal = WorkCalendar::resolve(&project, project.settings.calendar).unwrap();
        let per_day = i64::from(project.settings.minutes_per_day);
        let row = |id: TaskId| (id.0 - 1) as usize;
        for link in &project.links {
            let (p, q) = (&s.tasks[row(link.predecessor)], &s.tasks[row(link.successor)]);
            let lag = match link.lag {
                Lag::Time(d) => d.amount as i64 * per_day,
                _ => 0,
            };
            // The successor's driving date is at least the predecessor's date plus the lag,
            // counted in working time.
            let (from, to): (NaiveDateTime, NaiveDateTime) = match link.kind {
                LinkKind::FinishToStart => (p.early_finish, q.early_start),
                LinkKind::StartToStart => (p.early_start, q.early_start),
                LinkKind::FinishToFinish => (p.early_finish, q.early_finish),
                LinkKind::StartToFinish => (p.early_start, q.early_finish),
            };
            prop_assert!(
                cal.working_minutes_between(from, to) >= lag,
                "{link:?}: {from} → {to} is less than the lag"
            );
        }
        for t in &s.tasks {
            // Compared in working time: Friday 17:00 and Monday 08:00 are the same moment of
            // work (MS Project keeps a finish driven by a finish link at 08:00).
            prop_assert!(cal.working_minutes_between(t.early_start, t.late_start) >= 0, "{t:?}");
            prop_assert!(cal.working_minutes_between(t.early_finish, t.late_finish) >= 0, "{t:?}");
            let gap = cal
                .working_minutes_between(t.early_start, t.late_start)
                .min(cal.working_minutes_between(t.early_finish, t.late_finish));
            prop_assert_eq!(t.total_slack_minutes, gap);
            prop_assert!(t.free_slack_minutes <= t.total_slack_minutes.max(0));
        }
        // Some critical task finishes the project, and following critical predecessors back
        // from it reaches a critical task that nothing drives.
        let last = s
            .tasks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.early_finish == s.project_finish)
            .map(|(i, _)| i)
            .collect::<Vec<_>>();
        prop_assert!(last.iter().any(|&i| s.tasks[i].critical), "the finish is critical");
        let mut current = *last.iter().find(|&&i| s.tasks[i].critical).unwrap();
        for _ in 0..project.tasks.len() {
            let drivers: Vec<usize> = project
                .links
                .iter()
                .filter(|l| row(l.successor) == current && s.tasks[row(l.predecessor)].critical)
                .map(|l| row(l.predecessor))
                .collect();
            match drivers.first() {
                Some(&p) => current = p,
                None => break,
            }
        }
        let first = &s.tasks[current];
        prop_assert!(first.critical);
    }
}
