//! Resource leveling of a real plan, as MS Project's "Level resources": tasks are delayed (their
//! leveling delay) until no person works more than their capacity.
//!
//! The heuristic is the serial schedule generation scheme on working days: tasks are taken one
//! at a time, the most important first among those whose predecessors are placed (by priority,
//! then slack, start and ID — or by priority and ID), and each is put at the first day from
//! which its whole duration fits in what its resources have left. It honours links (start-to-
//! start distances derived from FS/SS/FF/SF and their lags), constraints and calendars (tasks
//! never start before their unleveled date), started and manually scheduled tasks (fixed),
//! resources' leave and availability, and optionally each task's slack and a date range.
//! Deterministic. The makespan-optimising search for benchmarks is [`super::rcpsp`].

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};

use super::calendar::WorkCalendar;
use super::cpm;
use super::load::{ResourceCalendars, has_capacity, unavailable};
use crate::model::{Constraint, Duration, Lag, LinkKind, Project, SchedulingMode, TaskId, outline};

/// The order in which tasks get the resources.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Order {
    /// Priority, then total slack, then start, then ID.
    #[default]
    Standard,
    /// Priority, then ID.
    Priority,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Options {
    pub order: Order,
    /// Never delay a task beyond its total slack (the finish date does not move; some
    /// over-allocation may remain).
    pub within_slack: bool,
    /// Only tasks starting in this range (inclusive) are delayed.
    pub range: Option<(NaiveDate, NaiveDate)>,
}

/// Why a task kept an over-allocation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unresolved {
    /// It needs more of a resource than the resource has at all.
    DemandAboveCapacity { task: TaskId, resource: String },
    /// Resolving it would delay the task beyond its slack.
    BeyondSlack(TaskId),
    /// Started, manually scheduled, pinned by a must-start/finish-on constraint, or outside
    /// the date range: not moved.
    Fixed(TaskId),
}

/// The leveling delays to apply, and what could not be resolved.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    /// Every task whose delay changes, with its new delay (zero to clear one).
    pub delays: Vec<(TaskId, Duration)>,
    pub delayed: usize,
    pub unresolved: Vec<Unresolved>,
}

/// The delays that remove every leveling delay within `range` (or all): "Clear leveling".
pub fn clear(project: &Project, range: Option<(NaiveDate, NaiveDate)>) -> Vec<(TaskId, Duration)> {
    project
        .tasks
        .iter()
        .filter(|t| t.leveling_delay.amount != 0.0)
        .filter(|t| range.is_none_or(|(a, b)| a <= t.start.date() && t.start.date() <= b))
        .map(|t| (t.id, Duration::zero()))
        .collect()
}

/// Working days of the project calendar, indexed from the first day of the plan.
struct Days {
    dates: Vec<NaiveDate>,
}

impl Days {
    fn new(cal: &WorkCalendar, from: NaiveDate, count: usize) -> Self {
        let mut dates = Vec::with_capacity(count);
        let mut d = from;
        // Calendars with no working day at all cannot be leveled; stop after ten years.
        let mut guard = 0;
        while dates.len() < count && guard < 3700 {
            if cal.is_working_day(d) {
                dates.push(d);
            }
            d = d.succ_opt().unwrap_or(d);
            guard += 1;
        }
        Self { dates }
    }

    /// The working day on or after `date`.
    fn index(&self, date: NaiveDate) -> usize {
        self.dates.partition_point(|d| *d < date)
    }
}

struct Activity {
    row: usize,
    /// Unleveled start (working-day index) and duration in working days.
    release: i64,
    duration: i64,
    /// (resource index, demand in hundredths of units).
    demands: Vec<(usize, i64)>,
    fixed: bool,
    /// Latest start without delaying the project (release + total slack).
    latest: i64,
    priority: u16,
    slack: i64,
}

/// What the steps of a leveling run share: the plan, the project calendar's working days from
/// the plan's first day, the tasks whose leveling this run may redo.
struct Plan<'a> {
    project: &'a Project,
    options: &'a Options,
    cal: WorkCalendar,
    days: Days,
    day_minutes: f64,
    cleared: HashSet<TaskId>,
    summary: Vec<bool>,
}

/// Levels `project`: the delays to set so that no person is over-allocated.
pub fn level(project: &Project, options: &Options) -> Result<Outcome, String> {
    let cal =
        WorkCalendar::resolve(project, project.settings.calendar).map_err(|e| e.to_string())?;
    // Start from a plan without the leveling this run may redo.
    let cleared: HashSet<TaskId> = clear(project, options.range)
        .into_iter()
        .map(|c| c.0)
        .collect();
    let mut base = project.clone();
    for t in &mut base.tasks {
        if cleared.contains(&t.id) {
            t.leveling_delay = Duration::zero();
        }
    }
    let schedule = cpm::schedule(&base).map_err(|e| e.to_string())?;
    let day_minutes = f64::from(project.settings.minutes_per_day.max(1));
    let days = Days::for_schedule(project, &schedule, &cal, day_minutes);
    let plan = Plan {
        project,
        options,
        cal,
        days,
        day_minutes,
        cleared,
        summary: (0..project.tasks.len())
            .map(|i| outline::is_summary(&project.tasks, i))
            .collect(),
    };
    let capacity = capacity(&plan);
    let (activities, activity_of) = activities(&plan, &schedule);
    let preds = distances(&plan, &activities, &activity_of);
    let mut outcome = place(&plan, &activities, &preds, &capacity);
    // Tasks whose delay is cleared and not set again.
    let rows = outline::positions(&project.tasks);
    let set: HashSet<TaskId> = outcome.delays.iter().map(|d| d.0).collect();
    for t in &project.tasks {
        if plan.cleared.contains(&t.id) && !set.contains(&t.id) && t.leveling_delay.amount != 0.0 {
            let is_fixed = activity_of
                .get(&rows[&t.id])
                .is_some_and(|&i| activities[i].fixed);
            if !is_fixed {
                outcome.delays.push((t.id, Duration::zero()));
            }
        }
    }
    Ok(outcome)
}

impl Days {
    /// The working days from the plan's first day, with room for every task one after the
    /// other in the worst case.
    fn for_schedule(
        project: &Project,
        schedule: &cpm::Schedule,
        cal: &WorkCalendar,
        day_minutes: f64,
    ) -> Self {
        let first = schedule
            .tasks
            .iter()
            .map(|d| d.start.date())
            .min()
            .unwrap_or(project.meta.start)
            .min(project.meta.start);
        let span_days: i64 = schedule
            .tasks
            .iter()
            .map(|d| (d.finish.date() - first).num_days())
            .max()
            .unwrap_or(0);
        let total_work_days: f64 = schedule
            .tasks
            .iter()
            .map(|d| cal.working_minutes_between(d.start, d.finish) as f64 / day_minutes)
            .sum();
        let horizon = (span_days.max(0) as usize) + total_work_days.ceil() as usize + 30;
        Days::new(cal, first, horizon)
    }
}

/// Capacity in hundredths of units, per resource and working day.
fn capacity(plan: &Plan<'_>) -> Vec<Vec<i64>> {
    let calendars = ResourceCalendars::new(plan.project);
    plan.project
        .resources
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let own = calendars.get(k);
            plan.days
                .dates
                .iter()
                .map(|d| {
                    // A day off in the resource's own calendar (a part-timer's Wednesday) is not
                    // a conflict: its tasks are scheduled on that calendar and do not work then.
                    let off = own.is_some_and(|c| !c.is_working_day(*d));
                    if !has_capacity(r) || unavailable(r, *d) {
                        0
                    } else if off {
                        i64::MAX / 4
                    } else {
                        (r.max_units * 100.0).round() as i64
                    }
                })
                .collect()
        })
        .collect()
}

/// The tasks to place (every row but the summaries), in plan order, with their unleveled
/// dates in working days, their demands on people and whether they may move; and the activity
/// of each row.
fn activities(plan: &Plan<'_>, schedule: &cpm::Schedule) -> (Vec<Activity>, HashMap<usize, usize>) {
    let (project, cal, day_minutes) = (plan.project, &plan.cal, plan.day_minutes);
    let day_of = |at: NaiveDateTime| plan.days.index(at.date()) as i64;
    let people: Vec<bool> = project.resources.iter().map(has_capacity).collect();
    let resource_index: HashMap<_, _> = project
        .resources
        .iter()
        .enumerate()
        .map(|(k, r)| (r.id, k))
        .collect();
    // Each task's person assignments: (resource index, hundredths of units).
    let mut demands_of: HashMap<TaskId, Vec<(usize, i64)>> = HashMap::new();
    for a in &project.assignments {
        if let Some(&k) = resource_index.get(&a.resource)
            && people[k]
        {
            let q = (a.units * 100.0).round() as i64;
            if q > 0 {
                demands_of.entry(a.task).or_default().push((k, q));
            }
        }
    }
    let mut activities: Vec<Activity> = Vec::new();
    let mut activity_of: HashMap<usize, usize> = HashMap::new();
    for (row, task) in project.tasks.iter().enumerate() {
        if plan.summary[row] {
            continue;
        }
        let Some(d) = schedule.tasks.get(row) else {
            continue;
        };
        let release = day_of(d.start);
        let duration = (cal.working_minutes_between(d.start, d.finish) as f64 / day_minutes)
            .ceil()
            .max(0.0) as i64;
        let demands = demands_of.remove(&task.id).unwrap_or_default();
        let in_range = plan
            .options
            .range
            .is_none_or(|(a, b)| a <= d.start.date() && d.start.date() <= b);
        let fixed = task.mode == SchedulingMode::Manual
            || task.actual_start.is_some()
            || task.percent_complete > 0
            || matches!(
                task.constraint,
                Constraint::MustStartOn(_) | Constraint::MustFinishOn(_)
            )
            || !in_range
            || !plan.cleared.contains(&task.id) && task.leveling_delay.amount != 0.0;
        let slack = (d.total_slack_minutes as f64 / day_minutes)
            .floor()
            .max(0.0) as i64;
        activity_of.insert(row, activities.len());
        activities.push(Activity {
            row,
            release,
            duration,
            demands,
            fixed,
            latest: release + slack,
            priority: task.priority,
            slack,
        });
    }
    (activities, activity_of)
}

/// Start-to-start distances between activities, in working days: per activity, its
/// predecessors and how many days after their start it may start. Links on summaries stand
/// for links to every task under them.
fn distances(
    plan: &Plan<'_>,
    activities: &[Activity],
    activity_of: &HashMap<usize, usize>,
) -> Vec<Vec<(usize, i64)>> {
    let (project, day_minutes) = (plan.project, plan.day_minutes);
    let rows = outline::positions(&project.tasks);
    let leaves_of = |row: usize| -> Vec<usize> {
        if plan.summary[row] {
            let end = outline::subtree_end(&project.tasks, row);
            (row + 1..end)
                .filter_map(|r| activity_of.get(&r).copied())
                .collect()
        } else {
            activity_of.get(&row).copied().into_iter().collect()
        }
    };
    let mut preds: Vec<Vec<(usize, i64)>> = vec![Vec::new(); activities.len()];
    for link in &project.links {
        let (Some(&a_row), Some(&b_row)) = (rows.get(&link.predecessor), rows.get(&link.successor))
        else {
            continue;
        };
        for a in leaves_of(a_row) {
            for b in leaves_of(b_row) {
                let (da, db) = (activities[a].duration, activities[b].duration);
                let lag = match link.lag {
                    Lag::None => 0,
                    Lag::Time(t) => {
                        let (minutes, _) = cpm::duration_minutes(project, t);
                        (minutes as f64 / day_minutes).round() as i64
                    }
                    Lag::PercentOfPredecessor(p) => (da as f64 * p / 100.0).round() as i64,
                };
                let distance = match link.kind {
                    LinkKind::FinishToStart => da + lag,
                    LinkKind::StartToStart => lag,
                    LinkKind::FinishToFinish => da + lag - db,
                    LinkKind::StartToFinish => lag - db,
                };
                preds[b].push((a, distance));
            }
        }
    }
    preds
}

/// The serial scheme: the most important eligible activity first, each at the first day from
/// which its whole duration fits in what its resources have left; the delays that follow, and
/// what could not be resolved.
fn place(
    plan: &Plan<'_>,
    activities: &[Activity],
    preds: &[Vec<(usize, i64)>],
    capacity: &[Vec<i64>],
) -> Outcome {
    let (project, options, days) = (plan.project, plan.options, &plan.days);
    // Priority key: smaller sorts first.
    let key = |i: usize| {
        let a = &activities[i];
        let id = project.tasks[a.row].id.0;
        match options.order {
            Order::Standard => (
                !a.fixed,
                std::cmp::Reverse(a.priority),
                a.slack,
                a.release,
                id,
            ),
            Order::Priority => (!a.fixed, std::cmp::Reverse(a.priority), 0, 0, id),
        }
    };
    let n = activities.len();
    let mut remaining_preds: Vec<usize> = preds.iter().map(Vec::len).collect();
    let mut succs: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (b, list) in preds.iter().enumerate() {
        for &(a, _) in list {
            succs[a].push(b);
        }
    }
    let mut eligible: BTreeMap<_, usize> = (0..n)
        .filter(|&i| remaining_preds[i] == 0)
        .map(|i| (key(i), i))
        .collect();
    let mut used: Vec<Vec<i64>> = vec![vec![0; days.dates.len()]; project.resources.len()];
    let mut start: Vec<Option<i64>> = vec![None; n];
    let mut outcome = Outcome::default();
    while let Some((_, i)) = eligible.pop_first() {
        let a = &activities[i];
        let from_links = preds[i]
            .iter()
            .filter_map(|&(p, d)| start[p].map(|s| s + d))
            .max()
            .unwrap_or(i64::MIN);
        let earliest = a.release.max(from_links).max(0);
        let t = start_day(
            plan,
            a,
            earliest,
            (&used, capacity),
            &mut outcome.unresolved,
        );
        for day in t..t + a.duration {
            if let Ok(day) = usize::try_from(day) {
                for &(k, q) in &a.demands {
                    if let Some(u) = used[k].get_mut(day) {
                        *u += q;
                    }
                }
            }
        }
        start[i] = Some(t);
        let task = &project.tasks[a.row];
        let delay = t - earliest;
        if !a.fixed {
            let new = Duration::days(delay as f64);
            if delay > 0 {
                outcome.delayed += 1;
            }
            let unchanged =
                task.leveling_delay == new || (task.leveling_delay.amount == 0.0 && delay == 0);
            if !unchanged {
                outcome.delays.push((task.id, new));
            }
        }
        for &b in &succs[i] {
            remaining_preds[b] -= 1;
            if remaining_preds[b] == 0 {
                eligible.insert(key(b), b);
            }
        }
    }
    outcome
}

/// The day activity `a` starts on, not before `earliest`: the first from which its whole
/// duration fits in what its resources have left beside what is `used`. When it cannot fit at
/// all, or only beyond its slack when that is asked, it stays at `earliest` and the reason is
/// reported; so is a fixed task under way that conflicts.
fn start_day(
    plan: &Plan<'_>,
    a: &Activity,
    earliest: i64,
    (used, capacity): (&[Vec<i64>], &[Vec<i64>]),
    unresolved: &mut Vec<Unresolved>,
) -> i64 {
    let (project, options) = (plan.project, plan.options);
    let fits = |t: i64| -> Option<usize> {
        // The first day of [t, t + duration) where some resource lacks room.
        (t..t + a.duration).find_map(|day| {
            let day = usize::try_from(day).ok()?;
            a.demands
                .iter()
                .any(|&(k, q)| used[k].get(day).is_none_or(|u| u + q > capacity[k][day]))
                .then_some(day)
        })
    };
    let last_day = plan.days.dates.len() as i64;
    let mut t = earliest;
    if !a.fixed && !a.demands.is_empty() {
        while t + a.duration <= last_day {
            match fits(t) {
                None => break,
                Some(conflict) => t = conflict as i64 + 1,
            }
        }
        let fitted = t + a.duration <= last_day;
        if !fitted {
            let (k, _) = a.demands[0];
            unresolved.push(Unresolved::DemandAboveCapacity {
                task: project.tasks[a.row].id,
                resource: project.resources[k].name.clone(),
            });
            t = earliest;
        } else if options.within_slack && t > a.latest.max(earliest) {
            unresolved.push(Unresolved::BeyondSlack(project.tasks[a.row].id));
            t = earliest;
        }
    } else if a.fixed
        && !a.demands.is_empty()
        && project.tasks[a.row].percent_complete < 100
        && fits(t).is_some()
    {
        // Work already done is history; a task under way that conflicts is worth saying.
        unresolved.push(Unresolved::Fixed(project.tasks[a.row].id));
    }
    t
}
