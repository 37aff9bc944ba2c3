//! The critical-path scheduler: forward and backward passes over the task network with the four
//! link types and their lags (working, elapsed or percent), links to and from summary tasks,
//! summary roll-up, milestones, manually scheduled tasks (kept as entered), the eight constraint
//! types, and actual dates. Outputs early and late dates, total and free slack in working
//! minutes, the critical flag, and the conflicts found (never silently dropped).
//!
//! The passes are here; the network they walk (calendars, durations, the links of each row)
//! and its topological order are built once in `net`, which keeps them flat and fast.

use chrono::{Duration as Span, NaiveDateTime};

use super::calendar::{CalendarError, WorkCalendar};
use crate::model::{
    CalendarId, Constraint, Duration, LinkKind, Project, SchedulingMode, Task, TaskId, outline,
};

mod net;

use net::{Net, topological_order};

/// What the scheduler computed for one task (same order as `Project::tasks`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaskDates {
    pub start: NaiveDateTime,
    pub finish: NaiveDateTime,
    pub early_start: NaiveDateTime,
    pub early_finish: NaiveDateTime,
    pub late_start: NaiveDateTime,
    pub late_finish: NaiveDateTime,
    pub total_slack_minutes: i64,
    pub free_slack_minutes: i64,
    pub critical: bool,
}

/// Something the schedule could not honour.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub task: TaskId,
    pub message: String,
}

#[derive(Clone, Debug)]
pub struct Schedule {
    pub tasks: Vec<TaskDates>,
    pub conflicts: Vec<Conflict>,
    pub project_finish: NaiveDateTime,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error("dependency cycle: {}", names.join(" → "))]
    Cycle {
        tasks: Vec<TaskId>,
        names: Vec<String>,
    },
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    #[error("calendar {0} has no working time")]
    NoWorkingTime(CalendarId),
}

/// Working (or elapsed) minutes of a duration under the project's conversions.
pub fn duration_minutes(project: &Project, duration: Duration) -> (i64, bool) {
    (
        (duration.amount * project.settings.minutes_per(duration.unit)).round() as i64,
        duration.unit.is_elapsed(),
    )
}

/// Schedules the whole project from its start date: the network, a topological order, the
/// forward pass, the summaries rolled up, the backward pass, then as-late-as-possible tasks
/// moved to their late dates.
pub fn schedule(project: &Project) -> Result<Schedule, ScheduleError> {
    let tasks = &project.tasks;
    let n = tasks.len();
    let net = Net::build(project)?;
    let order = topological_order(&net)?;
    let project_start = project.meta.start.and_time(
        project
            .meta
            .start_time
            .unwrap_or(project.settings.default_start_time),
    );
    let mut conflicts = Vec::new();
    let (mut es, mut ef) = forward_pass(&net, &order, project_start, &mut conflicts);
    // Summaries roll up their rows.
    roll_up(&net, &mut es, &mut ef);
    let project_finish = (0..n)
        .filter(|&i| !net.summary[i])
        .map(|i| ef[i])
        .max()
        .unwrap_or(project_start);
    let (mut ls, mut lf) = backward_pass(&net, &order, project_finish, (&es, &ef), &mut conflicts);
    roll_up(&net, &mut ls, &mut lf);

    // As late as possible: at its late dates.
    let mut start = es.clone();
    let mut finish = ef.clone();
    for i in 0..n {
        if !net.summary[i] && tasks[i].constraint == Constraint::Alap {
            start[i] = ls[i];
            finish[i] = lf[i];
        }
    }
    let out = task_dates(
        &net,
        (&es, &ef),
        (&ls, &lf),
        (&start, &finish),
        &mut conflicts,
    );
    Ok(Schedule {
        tasks: out,
        conflicts,
        project_finish,
    })
}

/// The forward pass: each task's early dates in topological order, from its links, lags,
/// constraints, progress and calendar. Summaries are left to [`roll_up`].
fn forward_pass(
    net: &Net<'_>,
    order: &[usize],
    project_start: NaiveDateTime,
    conflicts: &mut Vec<Conflict>,
) -> (Vec<NaiveDateTime>, Vec<NaiveDateTime>) {
    let project = net.project;
    let tasks = &project.tasks;
    let n = tasks.len();
    let mut es = vec![project_start; n];
    let mut ef = vec![project_start; n];
    for &i in order {
        let task = &tasks[i];
        if net.summary[i] {
            continue;
        }
        if task.mode == SchedulingMode::Manual {
            es[i] = task.start;
            ef[i] = task.finish;
            continue;
        }
        let cal = net.calendar(i);
        // A start-no-earlier-than or finish-no-earlier-than date replaces the project start as
        // the task's lower bound, as in MS Project (it may even lie before the project start).
        let floor = match task.constraint {
            Constraint::StartNoEarlierThan(d) => d,
            Constraint::FinishNoEarlierThan(d) => cal.subtract_working(d, net.dur[i]).unwrap_or(d),
            _ => project_start,
        };
        let (mut start, finish_floor) = by_links(net, i, (&es, &ef), floor);
        // When a finish link drives the task, MS Project keeps the finish exactly where the
        // link puts it (a Monday 08:00 stays 08:00, not Friday 17:00).
        let mut pinned_finish = None;
        if let Some(floor) = finish_floor {
            let s = if net.elapsed[i] {
                floor - Span::minutes(net.dur[i])
            } else {
                cal.subtract_working(floor, net.dur[i]).unwrap_or(floor)
            };
            if s > start {
                start = s;
                pinned_finish = Some(floor);
            }
        }
        match task.constraint {
            Constraint::StartNoEarlierThan(d) if d > start => {
                start = d;
                pinned_finish = None;
            }
            Constraint::FinishNoEarlierThan(d) => {
                let s = cal.subtract_working(d, net.dur[i]).unwrap_or(d);
                if s > start {
                    start = s;
                    pinned_finish = None;
                }
            }
            _ => {}
        }
        // A task with work starts at the next working instant; a milestone sits where its
        // predecessors (or the project start) put it, even on a non-working day, as in MS
        // Project.
        if net.dur[i] > 0 && !net.elapsed[i] {
            start = cal.next_working(start).unwrap_or(start);
        }
        start = must_dates(task, cal, net.dur[i], start, conflicts);
        if task.leveling_delay.amount > 0.0 {
            let (delay, delay_elapsed) = duration_minutes(project, task.leveling_delay);
            start = net.add(i, start, delay, delay_elapsed);
            if net.dur[i] > 0 {
                start = cal.next_working(start).unwrap_or(start);
            }
            pinned_finish = None;
        }
        if let Some(actual) = task.actual_start {
            start = actual;
            pinned_finish = None;
        }
        let mut finish = match pinned_finish {
            Some(f)
                if !matches!(
                    task.constraint,
                    Constraint::MustStartOn(_) | Constraint::MustFinishOn(_)
                ) =>
            {
                f
            }
            _ => net.add(i, start, net.dur[i], net.elapsed[i]),
        };
        if let Some(actual) = task.actual_finish {
            finish = actual;
        }
        es[i] = start;
        ef[i] = finish;
    }
    (es, ef)
}

/// What task `i`'s links into it allow, given the early dates of its predecessors: the
/// earliest start its start links leave it, not before `floor`, and the earliest finish its
/// finish links leave it, if it has some.
fn by_links(
    net: &Net<'_>,
    i: usize,
    (es, ef): (&[NaiveDateTime], &[NaiveDateTime]),
    floor: NaiveDateTime,
) -> (NaiveDateTime, Option<NaiveDateTime>) {
    let project = net.project;
    let tasks = &project.tasks;
    let mut start = floor;
    let mut finish_floor: Option<NaiveDateTime> = None;
    for k in net.incoming.of(i) {
        let link = &project.links[k];
        let p = net.link_pred[k];
        if p == usize::MAX {
            continue;
        }
        let (lag, lag_elapsed) = net.lag_minutes(k, p);
        let (p_start, p_finish) = if net.summary[p] {
            summary_bounds(tasks, es, ef, p)
        } else {
            (es[p], ef[p])
        };
        match link.kind {
            LinkKind::FinishToStart => {
                start = start.max(net.add(i, p_finish, lag, lag_elapsed));
            }
            LinkKind::StartToStart => start = start.max(net.add(i, p_start, lag, lag_elapsed)),
            LinkKind::FinishToFinish => {
                let f = net.add(i, p_finish, lag, lag_elapsed);
                finish_floor = Some(finish_floor.map_or(f, |x| x.max(f)));
            }
            LinkKind::StartToFinish => {
                let f = net.add(i, p_start, lag, lag_elapsed);
                finish_floor = Some(finish_floor.map_or(f, |x| x.max(f)));
            }
        }
    }
    (start, finish_floor)
}

/// A must-start-on or must-finish-on constraint puts the task on its date, whatever its
/// predecessors say; a predecessor that ends later is reported.
fn must_dates(
    task: &Task,
    cal: &WorkCalendar,
    dur: i64,
    mut start: NaiveDateTime,
    conflicts: &mut Vec<Conflict>,
) -> NaiveDateTime {
    match task.constraint {
        Constraint::MustStartOn(d) => {
            if start > d {
                conflicts.push(Conflict {
                    task: task.id,
                    message: format!("must start on {d} but its predecessors end later"),
                });
            }
            start = d;
        }
        Constraint::MustFinishOn(d) => {
            let s = cal.subtract_working(d, dur).unwrap_or(d);
            if start > s {
                conflicts.push(Conflict {
                    task: task.id,
                    message: format!("must finish on {d} but its predecessors end later"),
                });
            }
            start = s;
        }
        _ => {}
    }
    start
}

/// The backward pass: each task's late dates in reverse topological order, from the project
/// finish, its successors, deadline and late constraints. Pinned, manual and finished tasks
/// keep their early dates.
fn backward_pass(
    net: &Net<'_>,
    order: &[usize],
    project_finish: NaiveDateTime,
    (es, ef): (&[NaiveDateTime], &[NaiveDateTime]),
    conflicts: &mut Vec<Conflict>,
) -> (Vec<NaiveDateTime>, Vec<NaiveDateTime>) {
    let project = net.project;
    let tasks = &project.tasks;
    let n = tasks.len();
    let mut ls = vec![project_finish; n];
    let mut lf = vec![project_finish; n];
    for &i in order.iter().rev() {
        if net.summary[i] {
            continue;
        }
        let task = &tasks[i];
        let cal = net.calendar(i);
        let mut finish = project_finish;
        for k in net.outgoing.of(i) {
            let link = &project.links[k];
            let s = net.link_succ[k];
            if s == usize::MAX {
                continue;
            }
            let (lag, lag_elapsed) = net.lag_minutes(k, i);
            let (s_start, s_finish) = if net.summary[s] {
                summary_bounds(tasks, &ls, &lf, s)
            } else {
                (ls[s], lf[s])
            };
            let back = |at: NaiveDateTime| {
                if lag_elapsed {
                    at - Span::minutes(lag)
                } else {
                    cal.subtract_working(at, lag).unwrap_or(at)
                }
            };
            let limit = match link.kind {
                LinkKind::FinishToStart => back(s_start),
                LinkKind::FinishToFinish => back(s_finish),
                LinkKind::StartToStart => net.add(i, back(s_start), net.dur[i], net.elapsed[i]),
                LinkKind::StartToFinish => net.add(i, back(s_finish), net.dur[i], net.elapsed[i]),
            };
            finish = finish.min(limit);
        }
        // A deadline does not move the task, but it limits its late finish, as in MS Project:
        // missing it shows as negative slack.
        if let Some(deadline) = task.deadline {
            let end_of_day = deadline.and_time(project.settings.default_finish_time);
            finish = finish.min(end_of_day);
            if ef[i] > end_of_day {
                conflicts.push(Conflict {
                    task: task.id,
                    message: format!("finishes on {} after its deadline {deadline}", ef[i]),
                });
            }
        }
        match task.constraint {
            Constraint::FinishNoLaterThan(d) => finish = finish.min(d),
            Constraint::StartNoLaterThan(d) => {
                finish = finish.min(net.add(i, d, net.dur[i], net.elapsed[i]));
            }
            _ => {}
        }
        if net.dur[i] > 0 && !net.elapsed[i] {
            finish = cal.previous_working(finish).unwrap_or(finish);
        }
        let mut start = if net.elapsed[i] {
            finish - Span::minutes(net.dur[i])
        } else {
            cal.subtract_working(finish, net.dur[i]).unwrap_or(finish)
        };
        if matches!(
            task.constraint,
            Constraint::MustStartOn(_) | Constraint::MustFinishOn(_)
        ) || task.mode == SchedulingMode::Manual
            || task.actual_finish.is_some()
        {
            start = es[i];
            finish = ef[i];
        }
        ls[i] = start;
        lf[i] = finish;
    }
    (ls, lf)
}

/// Each task's dates and its total and free slack from the four passes' results; negative
/// slack is reported as a conflict.
fn task_dates(
    net: &Net<'_>,
    early: (&[NaiveDateTime], &[NaiveDateTime]),
    late: (&[NaiveDateTime], &[NaiveDateTime]),
    scheduled: (&[NaiveDateTime], &[NaiveDateTime]),
    conflicts: &mut Vec<Conflict>,
) -> Vec<TaskDates> {
    let project = net.project;
    let tasks = &project.tasks;
    let n = tasks.len();
    let ((es, ef), (ls, lf), (start, finish)) = (early, late, scheduled);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let cal = net.calendar(i);
        let total = cal
            .working_minutes_between(es[i], ls[i])
            .min(cal.working_minutes_between(ef[i], lf[i]));
        let mut free = total;
        for k in net.outgoing.of(i) {
            let link = &project.links[k];
            let s = net.link_succ[k];
            if s == usize::MAX {
                continue;
            }
            let (lag, _) = net.lag_minutes(k, i);
            let gap = match link.kind {
                LinkKind::FinishToStart => cal.working_minutes_between(ef[i], es[s]) - lag,
                LinkKind::StartToStart => cal.working_minutes_between(es[i], es[s]) - lag,
                LinkKind::FinishToFinish => cal.working_minutes_between(ef[i], ef[s]) - lag,
                LinkKind::StartToFinish => cal.working_minutes_between(es[i], ef[s]) - lag,
            };
            free = free.min(gap.max(0));
        }
        if net.outgoing.is_empty(i) {
            free = total.max(0);
        }
        if total < 0 {
            conflicts.push(Conflict {
                task: tasks[i].id,
                message: format!(
                    "negative slack of {} working minutes: a constraint or deadline cannot be met",
                    -total
                ),
            });
        }
        out.push(TaskDates {
            start: start[i],
            finish: finish[i],
            early_start: es[i],
            early_finish: ef[i],
            late_start: ls[i],
            late_finish: lf[i],
            total_slack_minutes: total,
            free_slack_minutes: free.min(total.max(0)),
            critical: total <= 0 && tasks[i].percent_complete < 100,
        });
    }
    out
}

/// Gives every summary the earliest start and latest finish of the rows under it, bottom-up
/// in one pass (rows come after their summary, so reverse order sees children first).
fn roll_up(net: &Net<'_>, start: &mut [NaiveDateTime], finish: &mut [NaiveDateTime]) {
    let n = start.len();
    let mut seen = vec![false; n];
    for i in (0..n).rev() {
        if let Some(p) = net.parent[i] {
            if seen[p] {
                start[p] = start[p].min(start[i]);
                finish[p] = finish[p].max(finish[i]);
            } else {
                start[p] = start[i];
                finish[p] = finish[i];
                seen[p] = true;
            }
        }
    }
}

/// Earliest start and latest finish of the rows under summary `i`.
fn summary_bounds(
    tasks: &[crate::model::Task],
    start: &[NaiveDateTime],
    finish: &[NaiveDateTime],
    i: usize,
) -> (NaiveDateTime, NaiveDateTime) {
    let end = outline::subtree_end(tasks, i);
    let rows = i + 1..end;
    let s = rows.clone().map(|j| start[j]).min().unwrap_or(start[i]);
    let f = rows.map(|j| finish[j]).max().unwrap_or(finish[i]);
    (s, f)
}

/// The project with its computed dates written into its tasks (manual tasks keep theirs), as
/// MS Project stores the last schedule in its files.
pub fn with_scheduled_dates(project: &Project, schedule: &Schedule) -> Project {
    let mut out = project.clone();
    for (task, dates) in out.tasks.iter_mut().zip(&schedule.tasks) {
        if task.mode == SchedulingMode::Auto {
            task.start = dates.start;
            task.finish = dates.finish;
        }
    }
    out
}
