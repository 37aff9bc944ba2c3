//! The incremental scheduler against the full one: on random plans (summaries, the eight
//! constraints, deadlines, manual tasks, progress, resources on their own calendars, the four
//! link kinds with working, elapsed and percentage lags) and random sequences of edits made
//! through the document's edits, every task's dates, slack and critical flag, the project's
//! finish and the conflicts are those of scheduling the whole plan again.

#![allow(clippy::unwrap_used, reason = "tests: a panic is the failure report")]

use chrono::{Days, NaiveDate, NaiveDateTime};
use pilote::doc::edit::{Edit, TaskField};
use pilote::model::{
    Assignment, AssignmentId, CalendarId, Constraint, DayRule, Duration, DurationUnit, Lag, Link,
    LinkKind, Project, Resource, ResourceId, SchedulingMode, Task, TaskId, TimeRange, outline,
};
use pilote::schedule::cpm::{Rescheduler, schedule};
use proptest::prelude::*;

#[derive(Debug, Clone)]
struct Row {
    level: u8,
    duration: u8,
    hours: bool,
    constraint: (u8, u8),
    deadline: Option<u8>,
    manual: bool,
    progress: u8,
    assigned: Option<u8>,
}

#[derive(Debug, Clone)]
enum Change {
    Duration(usize, u8),
    Constraint(usize, u8, u8),
    Deadline(usize, Option<u8>),
    Manual(usize, bool),
    Done(usize, bool),
    Milestone(usize, bool),
    /// The links into a task replaced: (predecessor, kind, lag).
    Links(usize, Vec<(usize, u8, i8)>),
}

fn row() -> impl Strategy<Value = Row> {
    (
        (1u8..4, 0u8..6, any::<bool>()),
        (0u8..12, 0u8..40),
        proptest::option::weighted(0.15, 0u8..40),
        proptest::bool::weighted(0.08),
        0u8..10,
        proptest::option::weighted(0.3, 0u8..2),
    )
        .prop_map(
            |((level, duration, hours), constraint, deadline, manual, progress, assigned)| Row {
                level,
                duration,
                hours,
                constraint,
                deadline,
                manual,
                progress,
                assigned,
            },
        )
}

fn change(n: usize) -> impl Strategy<Value = Change> {
    prop_oneof![
        3 => (0..n, 0u8..8).prop_map(|(r, d)| Change::Duration(r, d)),
        2 => (0..n, 0u8..12, 0u8..40).prop_map(|(r, k, d)| Change::Constraint(r, k, d)),
        1 => (0..n, proptest::option::of(0u8..40)).prop_map(|(r, d)| Change::Deadline(r, d)),
        1 => (0..n, any::<bool>()).prop_map(|(r, m)| Change::Manual(r, m)),
        1 => (0..n, any::<bool>()).prop_map(|(r, m)| Change::Done(r, m)),
        1 => (0..n, any::<bool>()).prop_map(|(r, m)| Change::Milestone(r, m)),
        3 => (0..n, proptest::collection::vec((0..n, 0u8..4, -2i8..8), 0..4))
            .prop_map(|(r, l)| Change::Links(r, l)),
    ]
}

/// A link as drawn: predecessor row, successor row, kind code, lag code.
type LinkSpec = (usize, usize, u8, i8);

fn plan() -> impl Strategy<Value = (Vec<Row>, Vec<LinkSpec>, Vec<Change>)> {
    (3usize..30).prop_flat_map(|n| {
        (
            proptest::collection::vec(row(), n),
            proptest::collection::vec((0..n, 0..n, 0u8..4, -2i8..8), 0..(2 * n)),
            proptest::collection::vec(change(n), 1..10),
        )
    })
}

fn day(start: NaiveDateTime, d: u8) -> NaiveDateTime {
    start.checked_add_days(Days::new(u64::from(d))).unwrap()
}

/// A lag from a small number: none, working days, negative, elapsed days or a percentage.
fn lag(l: i8) -> Lag {
    match l {
        0 => Lag::None,
        5 => Lag::Time(Duration {
            amount: 2.0,
            unit: DurationUnit::ElapsedDays,
        }),
        6 => Lag::PercentOfPredecessor(50.0),
        7 => Lag::Time(Duration {
            amount: 3.0,
            unit: DurationUnit::Hours,
        }),
        l => Lag::Time(Duration::days(f64::from(l))),
    }
}

fn constraint(start: NaiveDateTime, (kind, d): (u8, u8)) -> Constraint {
    let at = day(start, d);
    match kind {
        1 => Constraint::Alap,
        2 => Constraint::StartNoEarlierThan(at),
        3 => Constraint::StartNoLaterThan(at),
        4 => Constraint::FinishNoEarlierThan(at),
        5 => Constraint::FinishNoLaterThan(at),
        6 => Constraint::MustStartOn(at),
        7 => Constraint::MustFinishOn(at),
        _ => Constraint::Asap,
    }
}

fn duration(d: u8, hours: bool) -> Duration {
    if hours {
        Duration {
            amount: f64::from(d) * 3.0,
            unit: DurationUnit::Hours,
        }
    } else {
        Duration::days(f64::from(d))
    }
}

/// Whether `p` may be linked to `s` without a loop: before it, and neither inside the other.
fn linkable(tasks: &[Task], p: usize, s: usize) -> bool {
    p < s && s >= outline::subtree_end(tasks, p)
}

fn build(rows: &[Row], links: &[(usize, usize, u8, i8)]) -> Project {
    let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let mut p = Project::new("incremental", start);
    let mut part_time = p.calendars[0].clone();
    part_time.id = CalendarId(2);
    "Part time".clone_into(&mut part_time.name);
    part_time.week.friday = DayRule::NonWorking;
    part_time.week.monday = DayRule::Working(vec![TimeRange::new(9, 0, 12, 0)]);
    p.calendars.push(part_time);
    let at = start.and_time(p.settings.default_start_time);
    for (i, r) in [(1, "Ana"), (2, "Bo")].into_iter().enumerate() {
        let mut resource = Resource::person(ResourceId(r.0), r.1);
        resource.calendar = (i == 1).then_some(CalendarId(2));
        p.resources.push(resource);
    }
    let mut level = 0u8;
    for (i, r) in rows.iter().enumerate() {
        level = r.level.min(level + 1).max(1);
        let mut t = Task::new(TaskId(i as u32 + 1), &format!("T{i}"), level, at);
        t.duration = duration(r.duration, r.hours);
        t.milestone = r.duration == 0;
        t.constraint = constraint(at, r.constraint);
        t.deadline = r.deadline.map(|d| day(at, d).date());
        if r.manual {
            t.mode = SchedulingMode::Manual;
            t.start = day(at, r.constraint.1 % 10);
            t.finish = day(t.start, r.duration);
        }
        if r.progress >= 8 {
            t.actual_start = Some(at);
            t.percent_complete = 50;
            if r.progress == 9 {
                t.actual_finish = Some(day(at, r.duration + 1));
                t.percent_complete = 100;
            }
        }
        if let Some(who) = r.assigned {
            p.assignments.push(Assignment::new(
                AssignmentId(i as u32 + 1),
                (t.id, ResourceId(u32::from(who) + 1)),
                if who == 0 { 1.0 } else { 0.5 },
                i64::from(r.duration) * 480,
            ));
        }
        p.tasks.push(t);
    }
    let mut seen = std::collections::HashSet::new();
    for &(a, b, k, l) in links {
        let (a, b) = (a.min(b), a.max(b));
        if !linkable(&p.tasks, a, b) || !seen.insert((a, b)) {
            continue;
        }
        p.links.push(Link {
            predecessor: TaskId(a as u32 + 1),
            successor: TaskId(b as u32 + 1),
            kind: LinkKind::ALL[k as usize],
            lag: lag(l),
        });
    }
    p
}

/// The document edit `change` stands for in `project`.
fn edit(project: &Project, change: &Change) -> Edit {
    let at = pilote::schedule::cpm::project_start(project);
    let id = |r: usize| project.tasks[r].id;
    let set = |r: usize, field| Edit::SetTask { id: id(r), field };
    match change {
        Change::Duration(r, d) => set(*r, TaskField::Duration(duration(*d, *r % 2 == 0))),
        Change::Constraint(r, k, d) => set(*r, TaskField::Constraint(constraint(at, (*k, *d)))),
        Change::Deadline(r, d) => set(*r, TaskField::Deadline(d.map(|d| day(at, d).date()))),
        Change::Manual(r, m) => set(
            *r,
            TaskField::Mode(if *m {
                SchedulingMode::Manual
            } else {
                SchedulingMode::Auto
            }),
        ),
        Change::Done(r, done) => set(*r, TaskField::PercentComplete(if *done { 100 } else { 0 })),
        Change::Milestone(r, m) => set(*r, TaskField::Milestone(*m)),
        Change::Links(s, preds) => {
            let mut links: Vec<Link> = Vec::new();
            for &(p, k, l) in preds {
                if linkable(&project.tasks, p, *s) && !links.iter().any(|x| x.predecessor == id(p))
                {
                    links.push(Link {
                        predecessor: id(p),
                        successor: id(*s),
                        kind: LinkKind::ALL[k as usize],
                        lag: lag(l),
                    });
                }
            }
            Edit::SetPredecessors {
                task: id(*s),
                links,
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn rescheduling_an_edit_gives_the_full_schedule((rows, links, changes) in plan()) {
        let mut project = build(&rows, &links);
        let Ok(mut kept) = Rescheduler::new(&project) else {
            return Ok(());
        };
        for (step, c) in changes.iter().enumerate() {
            let edit = edit(&project, c);
            let what = edit.schedule_change();
            if edit.apply(&mut project).is_err() {
                continue;
            }
            let full = schedule(&project);
            let fast = kept.update(&project, &what).cloned();
            let (Ok(full), Ok(fast)) = (&full, &fast) else {
                prop_assert!(schedule(&project).is_err(), "step {step}: only the incremental schedule failed");
                kept = Rescheduler::default();
                continue;
            };
            for (row, (a, b)) in full.tasks.iter().zip(&fast.tasks).enumerate() {
                prop_assert_eq!(a, b, "step {} ({:?}), row {}", step, c, row);
            }
            prop_assert_eq!(full.tasks.len(), fast.tasks.len());
            prop_assert_eq!(full.project_finish, fast.project_finish);
            let sorted = |s: &pilote::schedule::cpm::Schedule| {
                let mut v: Vec<String> = s.conflicts.iter().map(|c| format!("{} {}", c.task, c.message)).collect();
                v.sort();
                v
            };
            prop_assert_eq!(sorted(full), sorted(fast), "step {} ({:?})", step, c);
        }
    }
}

/// The document says what each change moved, undo and redo and coalesced typing included, so
/// that a schedule kept up to date from it stays the full schedule; a rename moves nothing.
#[test]
fn the_document_says_what_its_changes_moved() {
    use pilote::doc::{CoalesceKey, Document};
    let project =
        pilote::cli::bench::tracking::staff(pilote::cli::bench::generate_project(800, 5)).unwrap();
    let mut doc = Document::new(project, None, "plan".into());
    let mut kept = Rescheduler::default();
    let mut check = |doc: &mut Document, what: &str| {
        let change = doc.take_schedule_change();
        let fast = kept.update(&doc.project, &change).unwrap().clone();
        let full = schedule(&doc.project).unwrap();
        assert_eq!(fast.tasks, full.tasks, "after {what}");
        assert_eq!(fast.project_finish, full.project_finish, "after {what}");
        change
    };
    assert!(check(&mut doc, "opening").everything);
    let leaves: Vec<TaskId> = (0..doc.project.tasks.len())
        .filter(|&i| !outline::is_summary(&doc.project.tasks, i))
        .map(|i| doc.project.tasks[i].id)
        .collect();
    let (a, b) = (leaves[40], leaves[leaves.len() / 2]);
    // Typing a duration digit by digit: one undo step, every keystroke rescheduled.
    for days in [3.0, 30.0, 300.0] {
        let edit = Edit::SetTask {
            id: a,
            field: TaskField::Duration(Duration::days(days)),
        };
        let key = CoalesceKey::Named {
            what: "duration",
            id: a.0,
        };
        doc.apply(edit, Some(key)).unwrap();
        assert_eq!(check(&mut doc, "typing").tasks, vec![a]);
    }
    let before = doc.dates_revision;
    doc.apply(
        Edit::SetTask {
            id: b,
            field: TaskField::Name("Renamed".into()),
        },
        None,
    )
    .unwrap();
    assert!(check(&mut doc, "a rename").is_empty());
    assert_eq!(doc.dates_revision, before, "a rename moves no date");
    doc.apply(
        Edit::SetPredecessors {
            task: b,
            links: vec![Link {
                predecessor: a,
                successor: b,
                kind: LinkKind::FinishToStart,
                lag: Lag::None,
            }],
        },
        None,
    )
    .unwrap();
    check(&mut doc, "a new link");
    assert!(doc.undo());
    assert_eq!(check(&mut doc, "undoing the link").links_into, vec![b]);
    assert!(doc.undo());
    assert!(check(&mut doc, "undoing the rename").is_empty());
    assert!(doc.undo());
    assert_eq!(check(&mut doc, "undoing the typing").tasks, vec![a]);
    assert!(doc.redo());
    check(&mut doc, "redoing the typing");
    doc.apply(
        Edit::RemoveTasks {
            index: doc.project.tasks.len() - 1,
            count: 1,
        },
        None,
    )
    .unwrap();
    assert!(check(&mut doc, "a removal").everything);
}

/// The workload the app keeps after an edit (only the tasks whose dates moved, or that the
/// edit touched, spread again) is the workload of the edited plan: a duration, a resource
/// swapped on a task, a link, then a removed row (which recomputes it).
#[test]
fn the_kept_workload_follows_each_edit() {
    use pilote::app::derived::Derived;
    use pilote::model::ResourceId;
    let mut project =
        pilote::cli::bench::tracking::staff(pilote::cli::bench::generate_project(600, 9)).unwrap();
    let today = project.meta.start;
    let mut derived = Derived::compute(&project, 1, today);
    assert!(derived.load(&project).is_some());
    let leaves: Vec<usize> = (0..project.tasks.len())
        .filter(|&i| !outline::is_summary(&project.tasks, i) && !project.tasks[i].milestone)
        .collect();
    let (a, b) = (project.tasks[leaves[3]].id, project.tasks[leaves[200]].id);
    let mut swapped = project
        .assignments
        .iter()
        .find(|x| x.task == b)
        .unwrap()
        .clone();
    swapped.resource = ResourceId(2);
    let task_b = &project.tasks[leaves[200]];
    let edits = [
        Edit::SetTask {
            id: a,
            field: TaskField::Duration(Duration::days(40.0)),
        },
        Edit::SetAssignments {
            task: b,
            assignments: vec![swapped],
            duration: task_b.duration,
            task_type: task_b.task_type,
            effort_driven: task_b.effort_driven,
        },
        Edit::SetPredecessors {
            task: b,
            links: vec![Link {
                predecessor: a,
                successor: b,
                kind: LinkKind::FinishToStart,
                lag: Lag::None,
            }],
        },
        Edit::RemoveTasks {
            index: leaves[10],
            count: 1,
        },
    ];
    for (step, edit) in edits.into_iter().enumerate() {
        let change = edit.schedule_change();
        edit.apply(&mut project).unwrap();
        let mut kept = std::mem::take(&mut derived.kept);
        let schedule = Derived::updated(&mut kept, &project, &change);
        let revision = step as u64 + 2;
        let mut next = Derived::compute_with(&project, revision, today, (schedule, kept));
        next.carry_load(&project, derived, &change);
        derived = next;
        // Carried over and adjusted, except after the removal (rows renumbered: recomputed).
        assert_eq!(derived.load_is_computed(), step < 3, "step {step}");
        let full = pilote::schedule::load::load(&project, derived.schedule.as_ref().unwrap());
        let kept = derived.load(&project).unwrap();
        assert_eq!(
            (kept.first, kept.days),
            (full.first, full.days),
            "step {step}"
        );
        for (k, (x, y)) in kept.load.iter().zip(&full.load).enumerate() {
            for (day, (u, v)) in x.iter().zip(y).enumerate() {
                assert!(
                    (u - v).abs() < 1e-6,
                    "step {step}: resource {k}, day {day}: {u} ≠ {v}"
                );
            }
        }
        assert_eq!(kept.capacity, full.capacity, "step {step}");
    }
}
