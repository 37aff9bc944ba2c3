//! `pilote bench …`: measurements on generated projects. The generator has the shape of
//! `../shared/tools/mpxj/gen_mspdi.py`: phases, work packages, leaf tasks with day or hour
//! durations and some milestones, about 1.4 links per task of the four types with lags
//! (working, negative, percent and elapsed) in a layered network, a calendar with holidays and
//! a few constraints. Seeded: the same arguments always give the same project.

pub mod gantt;
pub mod leveling;
pub mod reschedule;
pub mod risk;
pub mod tracking;

use std::fmt::Write as _;
use std::time::Instant;

use chrono::{Days, NaiveDate, NaiveDateTime};

use crate::cli::Action;
use crate::model::{
    Calendar, CalendarException, Constraint, Duration, DurationUnit, Lag, Link, LinkKind, Project,
    Recurrence, Task, TaskId,
};
use crate::schedule::cpm;

use crate::schedule::risk::sampling::Rng;

const TASKS_PER_PACKAGE: usize = 10;
const PACKAGES_PER_PHASE: usize = 10;

/// A project of `leaves` leaf tasks (plus their phases and work packages): its calendar, its
/// tasks, its links, then its constraints, drawn in the order gen_mspdi.py draws them.
pub fn generate_project(leaves: usize, seed: u64) -> Project {
    let mut rng = Rng::seeded(seed);
    let start = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default();
    let mut project = Project::new(&format!("random-{leaves}-seed{seed}"), start);
    add_holidays(&mut project.calendars[0], 2026..2036);
    let at = start.and_time(project.settings.default_start_time);
    let layers = ((leaves as f64).sqrt().round() as usize).clamp(2, 400);
    let (leaf_ids, layer_of) = add_tasks(&mut project, &mut rng, (leaves, layers), at);
    add_links(&mut project, &mut rng, &leaf_ids, &layer_of, layers);
    add_constraints(&mut project, &mut rng, &leaf_ids, layers, at);
    project
}

/// Five yearly holidays and a year-end shutdown over `years`.
fn add_holidays(calendar: &mut Calendar, years: std::ops::Range<i32>) {
    let (first, last) = (
        NaiveDate::from_ymd_opt(years.start, 1, 1).unwrap_or_default(),
        NaiveDate::from_ymd_opt(years.end, 12, 31).unwrap_or_default(),
    );
    for (name, month, day) in [
        ("New Year", 1, 1),
        ("Labour Day", 5, 1),
        ("Independence Day", 7, 4),
        ("Christmas", 12, 25),
        ("Boxing Day", 12, 26),
    ] {
        calendar.exceptions.push(CalendarException {
            name: name.to_owned(),
            from: first,
            to: last,
            recurrence: Recurrence::YearlyOnDate { month, day },
            ranges: Vec::new(),
        });
    }
    for year in years {
        if let (Some(from), Some(to)) = (
            NaiveDate::from_ymd_opt(year, 12, 27),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) {
            calendar.exceptions.push(CalendarException {
                name: "Shutdown".to_owned(),
                from,
                to,
                recurrence: Recurrence::Once,
                ranges: Vec::new(),
            });
        }
    }
}

/// The phases, work packages and `leaves` leaf tasks with their durations; the leaves' ids,
/// and the layer of the network each leaf is in.
fn add_tasks(
    project: &mut Project,
    rng: &mut Rng,
    (leaves, layers): (usize, usize),
    at: NaiveDateTime,
) -> (Vec<TaskId>, Vec<usize>) {
    let mut leaf_ids: Vec<TaskId> = Vec::with_capacity(leaves);
    let mut layer_of: Vec<usize> = Vec::with_capacity(leaves);
    let mut next_id = 1u32;
    let mut new_task = |project: &mut Project, name: String, level: u8| {
        let id = TaskId(next_id);
        next_id += 1;
        project.tasks.push(Task::new(id, &name, level, at));
        id
    };
    for i in 0..leaves {
        if i % (TASKS_PER_PACKAGE * PACKAGES_PER_PHASE) == 0 {
            let phase = i / (TASKS_PER_PACKAGE * PACKAGES_PER_PHASE) + 1;
            new_task(project, format!("Phase {phase}"), 1);
        }
        if i % TASKS_PER_PACKAGE == 0 {
            new_task(project, format!("WP {}", i / TASKS_PER_PACKAGE + 1), 2);
        }
        let id = new_task(project, format!("T{}", i + 1), 3);
        if let Some(task) = project.tasks.last_mut() {
            if rng.unit() < 0.05 {
                task.milestone = true;
                task.duration = Duration::zero();
            } else if rng.unit() < 0.15 {
                let hours = [2.0, 4.0, 6.0, 12.0, 20.0][rng.below(5)];
                task.duration = Duration {
                    amount: hours,
                    unit: DurationUnit::Hours,
                };
            } else {
                task.duration = Duration::days((rng.below(10) + 1) as f64);
            }
        }
        leaf_ids.push(id);
        layer_of.push(i * layers / leaves.max(1));
    }
    (leaf_ids, layer_of)
}

/// Zero to three links into each leaf past the first layer, from the layers just before it,
/// of the four kinds with their lags.
fn add_links(
    project: &mut Project,
    rng: &mut Rng,
    leaf_ids: &[TaskId],
    layer_of: &[usize],
    layers: usize,
) {
    let leaves = leaf_ids.len();
    let mut by_layer: Vec<Vec<usize>> = vec![Vec::new(); layers];
    for (i, &layer) in layer_of.iter().enumerate() {
        by_layer[layer].push(i);
    }
    for i in 0..leaves {
        let layer = layer_of[i];
        if layer == 0 {
            continue;
        }
        let r = rng.unit();
        let count = if r < 0.10 {
            0
        } else if r < 0.60 {
            1
        } else if r < 0.88 {
            2
        } else {
            3
        };
        let mut chosen: Vec<usize> = Vec::new();
        for _ in 0..count {
            let back = [1, 1, 1, 2, 3][rng.below(5)];
            let candidates = &by_layer[layer.saturating_sub(back)];
            let p = candidates[rng.below(candidates.len())];
            if chosen.contains(&p) {
                continue;
            }
            chosen.push(p);
            let x = rng.unit();
            let kind = if x < 0.70 {
                LinkKind::FinishToStart
            } else if x < 0.82 {
                LinkKind::StartToStart
            } else if x < 0.94 {
                LinkKind::FinishToFinish
            } else {
                LinkKind::StartToFinish
            };
            let l = rng.unit();
            let lag = if l < 0.60 {
                Lag::None
            } else if l < 0.85 {
                Lag::Time(Duration::days((rng.below(5) + 1) as f64))
            } else if l < 0.95 {
                Lag::Time(Duration::days(-((rng.below(3) + 1) as f64)))
            } else if l < 0.98 {
                Lag::PercentOfPredecessor([25.0, 50.0][rng.below(2)])
            } else {
                Lag::Time(Duration {
                    amount: (rng.below(3) + 1) as f64,
                    unit: DurationUnit::ElapsedDays,
                })
            };
            project.links.push(Link {
                predecessor: leaf_ids[p],
                successor: leaf_ids[i],
                kind,
                lag,
            });
        }
    }
}

/// A few constraints, dated within the expected span of the plan.
fn add_constraints(
    project: &mut Project,
    rng: &mut Rng,
    leaf_ids: &[TaskId],
    layers: usize,
    at: NaiveDateTime,
) {
    let span_days = (15 * layers).min(500) as u64;
    let rows: std::collections::HashMap<TaskId, usize> = project
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id, i))
        .collect();
    for id in leaf_ids {
        let x = rng.unit();
        let date = |rng: &mut Rng| -> NaiveDateTime {
            at.checked_add_days(Days::new(rng.below(span_days as usize) as u64))
                .unwrap_or(at)
        };
        let constraint = if x < 0.03 {
            Constraint::StartNoEarlierThan(date(rng))
        } else if x < 0.035 {
            Constraint::StartNoLaterThan(date(rng))
        } else if x < 0.04 {
            Constraint::FinishNoEarlierThan(date(rng))
        } else if x < 0.05 {
            Constraint::FinishNoLaterThan(date(rng))
        } else if x < 0.052 {
            Constraint::Alap
        } else {
            continue;
        };
        if let Some(&row) = rows.get(id) {
            project.tasks[row].constraint = constraint;
        }
    }
}

/// The value nine in ten are at or under.
fn p90(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values
        .get((values.len() * 9 / 10).min(values.len().saturating_sub(1)))
        .copied()
        .unwrap_or(0.0)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

pub(crate) fn flag(args: &[String], name: &str) -> Option<usize> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
}

/// The plan `--file FILE` names (an MS Project XML, say one of `gen_mspdi.py`'s, with
/// resource calendars and assignments), or `None` without the flag.
pub(crate) fn plan_file(
    args: &[String],
) -> Option<Result<(crate::model::Project, String), String>> {
    let i = args.iter().position(|a| a == "--file")?;
    let Some(file) = args.get(i + 1) else {
        return Some(Err("pilote bench: --file needs a file\n".into()));
    };
    Some(
        crate::cli::load_any(file)
            .map(|(project, _)| (project, file.clone()))
            .map_err(|e| format!("{e}\n")),
    )
}

/// A plan size as the figures name it, from its leaf tasks: `100k` from 100,000, `10k` from
/// 10,000, the count itself below.
fn size_label(leaves: usize) -> String {
    match leaves {
        n if n >= 100_000 => format!("{}k", n / 100_000 * 100),
        n if n >= 10_000 => format!("{}k", n / 10_000 * 10),
        n => n.to_string(),
    }
}

/// `pilote bench schedule [--tasks N] [--seed S] [--runs R] [--edits E] [--file FILE]`.
pub fn run(args: &[String]) -> Action {
    let error = |message: String| Action::Exit {
        code: 2,
        stdout: String::new(),
        stderr: message,
    };
    match args.first().map(String::as_str) {
        Some("schedule") => {}
        Some("leveling") => return crate::cli::bench::leveling::run(&args[1..]),
        Some("tracking") => return crate::cli::bench::tracking::run(&args[1..]),
        Some("gantt") => return crate::cli::bench::gantt::run(&args[1..]),
        Some("risk") => return crate::cli::bench::risk::run(&args[1..]),
        _ => {
            return error(format!(
                "usage: pilote bench schedule [--tasks N] [--seed S] [--runs R] [--edits E] [--file FILE]\n{}{}{}{}",
                crate::cli::bench::leveling::USAGE,
                crate::cli::bench::tracking::USAGE,
                crate::cli::bench::gantt::USAGE,
                crate::cli::bench::risk::USAGE
            ));
        }
    }
    let tasks = flag(args, "--tasks").unwrap_or(100_000);
    let seed = flag(args, "--seed").unwrap_or(1) as u64;
    let runs = flag(args, "--runs").unwrap_or(5).max(1);

    let started = Instant::now();
    let (project, source) = match plan_file(args) {
        Some(Ok((project, file))) => (project, format!("read from {file}")),
        Some(Err(message)) => return error(message),
        None => (generate_project(tasks, seed), "generated".to_owned()),
    };
    let generate_ms = started.elapsed().as_secs_f64() * 1000.0;
    let mut times = Vec::with_capacity(runs);
    let mut finish = None;
    for _ in 0..runs {
        let started = Instant::now();
        match cpm::schedule(&project) {
            Ok(schedule) => finish = Some(schedule.project_finish),
            Err(e) => return error(format!("pilote bench: {e}\n")),
        }
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }

    // Rescheduling after one edit (median over 100 random edits, see `reschedule`): on the
    // 10,000-task plan generated with the same seed and on the plan itself.
    let edits = flag(args, "--edits").unwrap_or(100).max(1);
    let mut small = generate_project(10_000, seed);
    let reschedule_10k = match reschedule::time_edits(&mut small, edits, seed) {
        Ok(times) => (median(times.clone()), p90(times)),
        Err(e) => return error(format!("pilote bench: 10,000 tasks: {e}\n")),
    };
    let mut edited = project.clone();
    let reschedule_here = match reschedule::time_edits(&mut edited, edits, seed) {
        Ok(times) => (median(times.clone()), p90(times)),
        Err(e) => return error(format!("pilote bench: {e}\n")),
    };

    let mut out = String::new();
    let _ = writeln!(
        out,
        "tasks: {}, links: {}, assignments: {}, {source} in {generate_ms:.0} ms",
        project.tasks.len(),
        project.links.len(),
        project.assignments.len()
    );
    if let Some(finish) = finish {
        let _ = writeln!(out, "project_finish: {finish}");
    }
    let _ = writeln!(out, "schedule_ms: {:.1}", median(times));
    // The median is the figure; the 90th percentile shows the edits that move the project's
    // finish, after which every late date is computed again.
    let _ = writeln!(out, "reschedule_10k_ms: {:.3}", reschedule_10k.0);
    let _ = writeln!(out, "reschedule_10k_ms_p90: {:.3}", reschedule_10k.1);
    let label = size_label(
        (0..project.tasks.len())
            .filter(|&i| !crate::model::outline::is_summary(&project.tasks, i))
            .count(),
    );
    if label != "10k" {
        let _ = writeln!(out, "reschedule_{label}_ms: {:.3}", reschedule_here.0);
        let _ = writeln!(out, "reschedule_{label}_ms_p90: {:.3}", reschedule_here.1);
    }
    Action::Exit {
        code: 0,
        stdout: out,
        stderr: String::new(),
    }
}
