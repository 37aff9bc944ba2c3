//! Resource load and leveling on plans worked out by hand, and on the sample; the standard
//! calendar (Monday–Friday, 8 hours a day).

#![allow(clippy::unwrap_used, reason = "tests: a panic is the failure report")]
#![allow(
    clippy::float_cmp,
    reason = "minutes compared are whole numbers, rounded, exact in floating point"
)]
#![allow(
    clippy::many_single_char_names,
    reason = "p, s, l: project, schedule, load"
)]

/// A task of a test plan: name, days, and (resource number, units) assignments.
type TaskRow<'a> = (&'a str, f64, &'a [(u32, f64)]);

use chrono::{NaiveDate, NaiveDateTime};
use pilote::model::{
    Assignment, AssignmentId, Duration, Lag, Link, LinkKind, Project, Resource, ResourceId, Task,
    TaskId,
};
use pilote::schedule::leveling::{self, Options, Order, Unresolved};
use pilote::schedule::{cpm, load};

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Tasks (name, days, [(resource, units)]) starting Monday 5 January 2026, no links; resources
/// (name, max units).
fn plan(resources: &[(&str, f64)], tasks: &[TaskRow<'_>]) -> Project {
    let mut p = Project::new("t", day("2026-01-05"));
    for (k, (name, units)) in resources.iter().enumerate() {
        let mut r = Resource::person(ResourceId(k as u32 + 1), name);
        r.max_units = *units;
        p.resources.push(r);
    }
    for (i, (name, days, who)) in tasks.iter().enumerate() {
        let id = TaskId(i as u32 + 1);
        let mut t = Task::new(id, name, 1, at("2026-01-05 08:00"));
        t.duration = Duration::days(*days);
        p.tasks.push(t);
        for (resource, units) in *who {
            p.assignments.push(Assignment::new(
                AssignmentId(p.assignments.len() as u32 + 1),
                (id, ResourceId(*resource)),
                *units,
                (days * 480.0 * units) as i64,
            ));
        }
    }
    p
}

fn apply(p: &mut Project, outcome: &leveling::Outcome) {
    for (id, delay) in &outcome.delays {
        p.tasks
            .iter_mut()
            .find(|t| t.id == *id)
            .unwrap()
            .leveling_delay = *delay;
    }
}

#[test]
fn load_is_work_per_day_against_calendar_capacity() {
    // Alice (full time) on two 2-day tasks at once; Bob (half time) on a 4-day task at 50 %.
    let p = plan(
        &[("Alice", 1.0), ("Bob", 0.5)],
        &[
            ("A", 2.0, &[(1, 1.0)]),
            ("B", 2.0, &[(1, 1.0)]),
            ("C", 4.0, &[(2, 0.5)]),
        ],
    );
    let s = cpm::schedule(&p).unwrap();
    let l = load::load(&p, &s);
    // The load covers whole months.
    assert_eq!(l.first, day("2026-01-01"));
    assert_eq!(l.days, 31);
    let monday = 4;
    assert_eq!(l.date(monday), day("2026-01-05"));
    // Monday: Alice 16 hours for 8, Bob 4 hours for 4.
    assert_eq!(l.cell(0, monday).load_minutes.round(), 960.0);
    assert_eq!(l.cell(0, monday).capacity_minutes, 480.0);
    assert!(l.cell(0, monday).over());
    assert_eq!(l.cell(1, monday).load_minutes.round(), 240.0);
    assert_eq!(l.cell(1, monday).capacity_minutes, 240.0);
    assert!(!l.cell(1, monday).over());
    // Saturday: nothing, no capacity.
    assert_eq!(l.cell(0, monday + 5).capacity_minutes, 0.0);
    assert_eq!(l.over_days(&p, 0), vec![monday, monday + 1]);
    assert!(l.over_days(&p, 1).is_empty());
    // The week of 5 January: Alice 32 hours of 40.
    let week = l
        .periods(pilote::schedule::cost::Period::Week)
        .into_iter()
        .find(|w| w.0 == day("2026-01-05"))
        .unwrap();
    let sum = l.sum(&[0], week.1, week.2);
    assert_eq!(
        (sum.load_minutes.round(), sum.capacity_minutes),
        (1920.0, 2400.0)
    );
    // What makes Monday: both of Alice's assignments, 8 hours each.
    let parts = load::contributions(&p, &s, &l, 0, monday, monday + 1);
    assert_eq!(parts.len(), 2);
    assert!(parts.iter().all(|(_, m)| m.round() == 480.0));
}

#[test]
fn leveling_delays_the_lower_priority_task_and_keeps_the_links() {
    // A and B both need Alice; C follows B. B has the lower priority: it waits for A, and C
    // moves with it.
    let mut p = plan(
        &[("Alice", 1.0)],
        &[
            ("A", 2.0, &[(1, 1.0)]),
            ("B", 3.0, &[(1, 1.0)]),
            ("C", 1.0, &[]),
        ],
    );
    p.tasks[0].priority = 800;
    p.links.push(Link {
        predecessor: TaskId(2),
        successor: TaskId(3),
        kind: LinkKind::FinishToStart,
        lag: Lag::None,
    });
    let outcome = leveling::level(&p, &Options::default()).unwrap();
    assert_eq!(outcome.delayed, 1);
    assert!(outcome.unresolved.is_empty(), "{:?}", outcome.unresolved);
    apply(&mut p, &outcome);
    let s = cpm::schedule(&p).unwrap();
    assert_eq!(s.tasks[0].start, at("2026-01-05 08:00"));
    assert_eq!(s.tasks[1].start, at("2026-01-07 08:00"), "B after A");
    assert_eq!(s.tasks[1].finish, at("2026-01-09 17:00"));
    assert!(s.tasks[2].start >= s.tasks[1].finish, "the link holds");
    assert!(load::load(&p, &s).over_allocations(&p).is_empty());
    // Clearing the leveling puts B back.
    let cleared = leveling::clear(&p, None);
    assert_eq!(cleared, vec![(TaskId(2), Duration::zero())]);
}

#[test]
fn by_priority_the_important_task_goes_first_even_with_more_slack() {
    let mut p = plan(
        &[("Alice", 1.0)],
        &[("A", 2.0, &[(1, 1.0)]), ("B", 2.0, &[(1, 1.0)])],
    );
    p.tasks[1].priority = 900;
    let options = Options {
        order: Order::Priority,
        ..Options::default()
    };
    let outcome = leveling::level(&p, &options).unwrap();
    assert_eq!(outcome.delays, vec![(TaskId(1), Duration::days(2.0))]);
}

#[test]
fn what_leveling_cannot_resolve_is_reported() {
    // C needs 150 % of a full-time person.
    let p = plan(&[("Alice", 1.0)], &[("C", 2.0, &[(1, 1.5)])]);
    let outcome = leveling::level(&p, &Options::default()).unwrap();
    assert_eq!(
        outcome.unresolved,
        vec![Unresolved::DemandAboveCapacity {
            task: TaskId(1),
            resource: "Alice".into()
        }]
    );
    // Within slack: B is on the critical path (it drives the finish), A too; one of them would
    // have to slip the finish.
    let p = plan(
        &[("Alice", 1.0)],
        &[("A", 2.0, &[(1, 1.0)]), ("B", 2.0, &[(1, 1.0)])],
    );
    let options = Options {
        within_slack: true,
        ..Options::default()
    };
    let outcome = leveling::level(&p, &options).unwrap();
    assert_eq!(outcome.unresolved.len(), 1);
    assert!(matches!(outcome.unresolved[0], Unresolved::BeyondSlack(_)));
}

#[test]
fn leveling_the_sample_leaves_no_over_allocation_ahead_and_keeps_every_link() {
    let text = std::fs::read_to_string("assets/samples/erp-rollout.pilote.ron").unwrap();
    let mut p = pilote::io::document::parse(&text, "sample").unwrap();
    let s = cpm::schedule(&p).unwrap();
    let before = load::load(&p, &s).over_allocations(&p);
    assert!(
        !before.is_empty(),
        "the sample has over-allocations to level"
    );
    let links = p.links.clone();
    let outcome = leveling::level(&p, &Options::default()).unwrap();
    assert!(outcome.delayed > 0);
    apply(&mut p, &outcome);
    let s = cpm::schedule(&p).unwrap();
    let l = load::load(&p, &s);
    // Work already done is history: what is left after the status date is leveled, except
    // what leveling reported it could not resolve.
    let status = p.meta.status_date.unwrap();
    let reported: Vec<TaskId> = outcome
        .unresolved
        .iter()
        .map(|u| match u {
            Unresolved::DemandAboveCapacity { task, .. }
            | Unresolved::BeyondSlack(task)
            | Unresolved::Fixed(task) => *task,
        })
        .collect();
    for (k, d) in l.over_allocations(&p) {
        if l.date(d) <= status {
            continue;
        }
        let parts = load::contributions(&p, &s, &l, k, d, d + 1);
        assert!(
            parts
                .iter()
                .any(|(a, _)| reported.contains(&p.assignments[*a].task)),
            "{} over-allocated on {} by tasks leveling did not report",
            p.resources[k].name,
            l.date(d)
        );
    }
    // Links are untouched and hold (tasks already started keep their actual dates).
    assert_eq!(p.links, links);
    let rows = pilote::model::outline::positions(&p.tasks);
    for link in &p.links {
        let (a, b) = (rows[&link.predecessor], rows[&link.successor]);
        if p.tasks[b].actual_start.is_some() {
            continue;
        }
        if link.kind == LinkKind::FinishToStart && link.lag == Lag::None {
            assert!(s.tasks[b].start >= s.tasks[a].finish, "{link:?}");
        }
    }
}

#[test]
fn a_second_developer_shortens_an_effort_driven_task() {
    use pilote::model::TaskType;
    use pilote::schedule::assign;
    let p = plan(
        &[("Alice", 1.0), ("Bob", 1.0)],
        &[("Build", 10.0, &[(1, 1.0)])],
    );
    // Fixed units, effort-driven (the default): 80 hours of work, now shared by two.
    let s = assign::add(&p, 0, ResourceId(2), 1.0, assign::next_id(&p));
    assert_eq!(s.duration, Duration::days(5.0));
    assert_eq!(s.assignments.len(), 2);
    assert!(s.assignments.iter().all(|a| a.work_minutes == 5 * 480));

    // Not effort-driven: the duration stays and the work grows.
    let mut q = p.clone();
    q.tasks[0].effort_driven = false;
    let s = assign::add(&q, 0, ResourceId(2), 1.0, assign::next_id(&q));
    assert_eq!(s.duration, Duration::days(10.0));
    assert_eq!(
        s.assignments.iter().map(|a| a.work_minutes).sum::<i64>(),
        20 * 480
    );

    // Fixed duration, effort-driven: same time, same work, half time each.
    let mut r = p.clone();
    r.tasks[0].task_type = TaskType::FixedDuration;
    let s = assign::add(&r, 0, ResourceId(2), 1.0, assign::next_id(&r));
    assert_eq!(s.duration, Duration::days(10.0));
    assert!(s.assignments.iter().all(|a| (a.units - 0.5).abs() < 1e-9));

    // Halving Alice's units on the fixed-units task doubles its duration.
    let s = assign::set_units(&p, 0, p.assignments[0].id, 0.5);
    assert_eq!(s.duration, Duration::days(20.0));

    // Typing 120 hours of work: the fixed-units task lasts 15 days; the fixed-duration one
    // keeps 10 days and Alice works 150 %.
    let s = assign::set_work(&p, 0, p.assignments[0].id, 120 * 60);
    assert_eq!(s.duration, Duration::days(15.0));
    let s = assign::set_work(&r, 0, r.assignments[0].id, 120 * 60);
    assert_eq!(s.duration, Duration::days(10.0));
    assert!((s.assignments[0].units - 1.5).abs() < 1e-9);
}
