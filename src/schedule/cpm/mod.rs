//! The critical-path scheduler: forward and backward passes over the task network with the four
//! link types and their lags (working, elapsed or percent), links to and from summary tasks,
//! summary roll-up, milestones, manually scheduled tasks (kept as entered), the eight constraint
//! types, and actual dates. Outputs early and late dates, total and free slack in working
//! minutes, the critical flag, and the conflicts found (never silently dropped).
//!
//! The passes are here; the network they walk (calendars, durations, the links of each row)
//! and its topological order are built once in `net`, which keeps them flat and fast.

use chrono::NaiveDateTime;

use super::calendar::CalendarError;
use crate::model::{
    CalendarId, Constraint, Duration, LinkKind, Project, SchedulingMode, TaskId, outline,
};

mod incremental;
mod net;
mod net_edit;
mod scenarios;

pub use incremental::{Change, Rescheduler};
use net::{Net, flag, topological_order};
pub use net::{assignment_span, driving_minutes};
pub use scenarios::Scenarios;

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

/// Working (or elapsed) minutes of a duration under the project's conversions, held within
/// the model's limit (validation reports a value beyond it; the scheduler never overflows on
/// one, nor on a value that is not a number).
pub fn duration_minutes(project: &Project, duration: Duration) -> (i64, bool) {
    let minutes = duration.amount * project.settings.minutes_per(duration.unit);
    (clamp_minutes(minutes), duration.unit.is_elapsed())
}

/// `minutes` rounded and held within ±[`crate::model::MAX_DURATION_MINUTES`]; 0 for NaN.
pub fn clamp_minutes(minutes: f64) -> i64 {
    if minutes.is_nan() {
        return 0;
    }
    let limit = crate::model::MAX_DURATION_MINUTES;
    minutes.round().clamp(-limit, limit) as i64
}

/// Schedules the whole project from its start date: the network, a topological order, the
/// forward pass, the summaries rolled up, the backward pass, then, when some tasks are as late
/// as possible, a second forward pass that starts their successors after their late dates.
pub fn schedule(project: &Project) -> Result<Schedule, ScheduleError> {
    let net = Net::build(project)?;
    let order = topological_order(&net)?;
    Ok(passes(&net, &order, project_start(project)))
}

/// When the project starts: its start date at its start time.
pub fn project_start(project: &Project) -> NaiveDateTime {
    project.meta.start.and_time(
        project
            .meta
            .start_time
            .unwrap_or(project.settings.default_start_time),
    )
}

/// Every row's dates from the passes: early, late, and as scheduled. Kept between runs of
/// [`Scenarios`], so that rescheduling allocates nothing.
#[derive(Default)]
struct Dates {
    es: Vec<NaiveDateTime>,
    ef: Vec<NaiveDateTime>,
    ls: Vec<NaiveDateTime>,
    lf: Vec<NaiveDateTime>,
    /// The late starts before actual starts replace them (the backward pass's scratch).
    computed_ls: Vec<NaiveDateTime>,
    start: Vec<NaiveDateTime>,
    finish: Vec<NaiveDateTime>,
    project_finish: NaiveDateTime,
}

/// `v` as `n` copies of `value`, in its own memory.
fn refill(v: &mut Vec<NaiveDateTime>, n: usize, value: NaiveDateTime) {
    v.clear();
    v.resize(n, value);
}

/// The passes over a built network in its topological order, into `d`. With `leaves_only`,
/// the summaries are not rolled up and the dates as scheduled are not written: the passes
/// never read them (a link to or from a summary reads its rows), and a risk iteration reads
/// only the leaves' early and late dates.
fn dates(
    net: &Net<'_>,
    order: &[usize],
    project_start: NaiveDateTime,
    (conflicts, leaves_only): (&mut Vec<Conflict>, bool),
    d: &mut Dates,
) {
    let n = net.project.tasks.len();
    let roll_up = |start: &mut [NaiveDateTime], finish: &mut [NaiveDateTime]| {
        if !leaves_only {
            roll_up(net, start, finish);
        }
    };
    let early = (&mut d.es, &mut d.ef);
    forward_pass(net, order, project_start, None, conflicts, early);
    // Summaries roll up their rows.
    roll_up(&mut d.es, &mut d.ef);
    let project_finish = (0..n)
        .filter(|&i| !net.summary[i])
        .map(|i| d.ef[i])
        .max()
        .unwrap_or(project_start);
    d.project_finish = project_finish;
    let late = (&mut d.ls, &mut d.lf, &mut d.computed_ls);
    backward_pass(net, order, project_finish, (&d.es, &d.ef), conflicts, late);
    roll_up(&mut d.ls, &mut d.lf);
    let alap = |i: usize| !net.summary[i] && net.is(i, flag::ALAP);
    if (0..n).any(alap) {
        // MS Project starts the successors of an as-late-as-possible task after its late
        // dates, where it really is; their late dates stay those of the backward pass.
        let mut ignored = Vec::new();
        let late = Some((d.ls.as_slice(), d.lf.as_slice()));
        let early = (&mut d.es, &mut d.ef);
        forward_pass(net, order, project_start, late, &mut ignored, early);
        roll_up(&mut d.es, &mut d.ef);
    }
    if leaves_only {
        return;
    }
    // As late as possible: at its late dates.
    d.start.clone_from(&d.es);
    d.finish.clone_from(&d.ef);
    for i in (0..n).filter(|&i| alap(i)) {
        d.start[i] = d.ls[i];
        d.finish[i] = d.lf[i];
    }
    roll_up(&mut d.start, &mut d.finish);
}

/// The schedule: the passes, then each row's slack.
fn passes(net: &Net<'_>, order: &[usize], project_start: NaiveDateTime) -> Schedule {
    let mut conflicts = Vec::new();
    let mut d = Dates::default();
    dates(net, order, project_start, (&mut conflicts, false), &mut d);
    let out = task_dates(
        net,
        (&d.es, &d.ef),
        (&d.ls, &d.lf),
        (&d.start, &d.finish),
        &mut conflicts,
    );
    Schedule {
        tasks: out,
        conflicts,
        project_finish: d.project_finish,
    }
}

/// What one run of the risk analysis reads of a schedule: the project finish, and each leaf
/// row's finish and critical flag (as [`Schedule`] has them), without free slack nor
/// conflicts. Summaries are not rolled up: their entries are not theirs (never critical).
#[derive(Default)]
pub struct Outcome {
    pub project_finish: NaiveDateTime,
    pub finish: Vec<NaiveDateTime>,
    pub critical: Vec<bool>,
}

/// The passes into `d`, then `out` from them.
fn outcome(
    net: &Net<'_>,
    order: &[usize],
    project_start: NaiveDateTime,
    (d, out): (&mut Dates, &mut Outcome),
) {
    let mut ignored = Vec::new();
    dates(net, order, project_start, (&mut ignored, true), d);
    let n = d.es.len();
    out.critical.clear();
    out.critical.extend((0..n).map(|i| {
        !net.summary[i]
            && total_slack(net, i, (&d.es, &d.ef), (&d.ls, &d.lf)) <= 0
            && !net.is(i, flag::DONE)
    }));
    out.finish.clear();
    out.finish.extend((0..n).map(|i| {
        if !net.summary[i] && net.is(i, flag::ALAP) {
            d.lf[i]
        } else {
            d.ef[i]
        }
    }));
    out.project_finish = d.project_finish;
}

/// The forward pass: each task's early dates in topological order, from its links, lags,
/// constraints, progress and calendars. Summaries are left to [`roll_up`]. With `late`, the
/// links out of as-late-as-possible tasks start from those tasks' late dates.
fn forward_pass(
    net: &Net<'_>,
    order: &[usize],
    project_start: NaiveDateTime,
    late: Option<(&[NaiveDateTime], &[NaiveDateTime])>,
    conflicts: &mut Vec<Conflict>,
    (es, ef): (&mut Vec<NaiveDateTime>, &mut Vec<NaiveDateTime>),
) {
    let n = net.project.tasks.len();
    refill(es, n, project_start);
    refill(ef, n, project_start);
    for &i in order {
        if net.summary[i] {
            continue;
        }
        (es[i], ef[i]) = forward_row(net, i, (es, ef), late, project_start, conflicts);
    }
}

/// Row `i`'s early start and finish (a leaf: summaries are rolled up) from the dates of the
/// rows before it in topological order.
fn forward_row(
    net: &Net<'_>,
    i: usize,
    (es, ef): (&[NaiveDateTime], &[NaiveDateTime]),
    late: Option<(&[NaiveDateTime], &[NaiveDateTime])>,
    project_start: NaiveDateTime,
    conflicts: &mut Vec<Conflict>,
) -> (NaiveDateTime, NaiveDateTime) {
    let task = &net.project.tasks[i];
    if net.is(i, flag::MANUAL) {
        return (task.start, task.finish);
    }
    let started = if net.is(i, flag::STARTED) {
        task.actual_start
    } else {
        None
    };
    let (start, finish) = match started {
        Some(actual) => {
            let finish = task.actual_finish.unwrap_or_else(|| {
                let f = net.finish_from(i, actual);
                match task.constraint {
                    Constraint::FinishNoEarlierThan(d) => f.max(d),
                    _ => f,
                }
            });
            (actual, Some(finish))
        }
        None => {
            let by_links = link_start(net, i, (es, ef), late, project_start);
            early_dates(net, i, by_links, project_start, conflicts)
        }
    };
    (start, finish.unwrap_or_else(|| net.finish_from(i, start)))
}

/// Task `i`'s early start (and finish, when a constraint sets it) from what its links allow
/// (`None` without links), its constraint and leveling delay, as MS Project computes them.
fn early_dates(
    net: &Net<'_>,
    i: usize,
    by_links: Option<(NaiveDateTime, Option<NaiveDateTime>)>,
    project_start: NaiveDateTime,
    conflicts: &mut Vec<Conflict>,
) -> (NaiveDateTime, Option<NaiveDateTime>) {
    let task = &net.project.tasks[i];
    // A plain task's constraint is as soon (or as late) as possible: not read.
    let constraint = if net.is(i, flag::PLAIN) {
        Constraint::Asap
    } else {
        task.constraint
    };
    let mut finish = None;
    let (by_links, link_finish) = (by_links.map(|(s, _)| s), by_links.and_then(|(_, f)| f));
    // Without links, a start-no-earlier-than or finish-no-earlier-than date replaces the
    // project start (it may even lie before it).
    let mut start = match (by_links, constraint) {
        (Some(s), _) => s,
        (None, Constraint::StartNoEarlierThan(d)) => d,
        (None, Constraint::FinishNoEarlierThan(d)) => {
            finish = Some(d);
            net.start_from(i, d)
        }
        (None, _) => project_start,
    };
    // A task starts when it can work. A milestone stays where its links or constraint put it,
    // even on a non-working day, as MS Project leaves it (MPXJ moves it to the next working
    // time: the corpus, MS Project's own dates, decides).
    if net.dur[i] > 0 {
        start = net.next_start(i, start);
    }
    let links_start = start;
    match constraint {
        Constraint::StartNoEarlierThan(d) => start = start.max(d),
        Constraint::FinishNoEarlierThan(d) => start = start.max(net.start_from(i, d)),
        // Constraints win over links, as MS Project does by default: reported.
        Constraint::StartNoLaterThan(d) if start > d => start = d,
        Constraint::FinishNoLaterThan(d) => start = start.min(net.start_from(i, d)),
        Constraint::MustStartOn(d) => start = d,
        Constraint::MustFinishOn(d) => {
            finish = Some(d);
            start = net.start_from(i, d);
        }
        _ => {}
    }
    if start < links_start {
        conflicts.push(Conflict {
            task: task.id,
            message: format!(
                "{} but its predecessors end later",
                constraint_phrase(constraint)
            ),
        });
    }
    if !net.is(i, flag::PLAIN) && task.leveling_delay.amount > 0.0 {
        let (delay, delay_elapsed) = duration_minutes(net.project, task.leveling_delay);
        start = net.next_start(i, net.add(i, start, delay, delay_elapsed));
        return (start, None);
    }
    // A finish link without lag that drives the task keeps the finish where it puts it.
    if let Some(pinned) = link_finish.filter(|_| finish.is_none() && start == links_start) {
        let f = net.finish_from(i, start);
        // Only the same instant of work written as the start of the next working period.
        if net.previous_finish(i, pinned) == f && net.next_start(i, pinned) == pinned {
            finish = Some(pinned);
        }
    }
    (start, finish)
}

/// How a conflict names a constraint.
fn constraint_phrase(constraint: Constraint) -> String {
    match constraint {
        Constraint::MustStartOn(d) => format!("must start on {d}"),
        Constraint::MustFinishOn(d) => format!("must finish on {d}"),
        Constraint::StartNoLaterThan(d) => format!("must start no later than {d}"),
        Constraint::FinishNoLaterThan(d) => format!("must finish no later than {d}"),
        _ => "is constrained".to_owned(),
    }
}

/// The earliest start task `i`'s links into it allow, given its predecessors' dates (`None`
/// when it has no links), and the finish the driving link sets when it is a finish link.
/// Each link gives a start: a finish link's finish less the task's duration (a
/// finish-to-finish one never before the project start).
fn link_start(
    net: &Net<'_>,
    i: usize,
    (es, ef): (&[NaiveDateTime], &[NaiveDateTime]),
    late: Option<(&[NaiveDateTime], &[NaiveDateTime])>,
    project_start: NaiveDateTime,
) -> Option<(NaiveDateTime, Option<NaiveDateTime>)> {
    let succ_alap = net.is(i, flag::ALAP);
    // A finish link without lag puts the finish on its predecessor's date itself, which MS
    // Project keeps even at the start of a working period (Monday 08:00, not Friday 17:00);
    // with a lag, the finish is the end of the working time the lag reaches (every MS Project
    // version from 98 to 2019 in the corpus does both).
    let unlagged = |k: usize, at: NaiveDateTime| (net.link_lag[k].0 == 0).then_some(at);
    let mut best: Option<(NaiveDateTime, Option<NaiveDateTime>)> = None;
    for k in net.incoming.of(i) {
        let p = net.link_pred[k];
        if p == usize::MAX {
            continue;
        }
        let (p_start, p_finish) = match late {
            Some((ls, lf)) if !succ_alap && !net.summary[p] && net.is(p, flag::ALAP) => {
                (ls[p], lf[p])
            }
            _ if net.summary[p] => summary_bounds(net, es, ef, p),
            _ => (es[p], ef[p]),
        };
        let (s, f) = match net.link_kind[k] {
            LinkKind::FinishToStart => (net.add_lag(k, p_finish), None),
            LinkKind::StartToStart => (net.add_lag(k, p_start), None),
            LinkKind::FinishToFinish => (
                net.add_lag(k, net.start_from(i, p_finish))
                    .max(project_start),
                unlagged(k, p_finish),
            ),
            LinkKind::StartToFinish => (
                net.add_lag(k, net.start_from(i, p_start)),
                unlagged(k, p_start),
            ),
        };
        best = match best {
            Some((held, pin)) if s < held => Some((held, pin)),
            // A tie with a start link leaves the finish to the duration.
            Some((held, pin)) if s == held => Some((held, f.and(pin))),
            _ => Some((s, f)),
        };
    }
    best
}

/// The backward pass: each task's late dates in reverse topological order, from the project
/// finish, its successors, deadline and late constraints. Manual tasks keep their dates.
fn backward_pass(
    net: &Net<'_>,
    order: &[usize],
    project_finish: NaiveDateTime,
    (es, ef): (&[NaiveDateTime], &[NaiveDateTime]),
    conflicts: &mut Vec<Conflict>,
    (ls, lf, computed_ls): (
        &mut Vec<NaiveDateTime>,
        &mut Vec<NaiveDateTime>,
        &mut Vec<NaiveDateTime>,
    ),
) {
    let n = net.project.tasks.len();
    refill(ls, n, project_finish);
    refill(lf, n, project_finish);
    // The late start as computed, before an actual start replaces it: what a finish-to-start
    // predecessor must finish by.
    refill(computed_ls, n, project_finish);
    for &i in order.iter().rev() {
        if net.summary[i] {
            continue;
        }
        let late = (&ls[..], &lf[..], &computed_ls[..]);
        let row = backward_row(net, i, late, project_finish, (es[i], ef[i]), conflicts);
        (ls[i], lf[i], computed_ls[i]) = row;
    }
}

/// Row `i`'s late start, late finish and late start as computed (before an actual start
/// replaces it) from the late dates of the rows after it in topological order; `early` is
/// its own early start and finish.
fn backward_row(
    net: &Net<'_>,
    i: usize,
    late: (&[NaiveDateTime], &[NaiveDateTime], &[NaiveDateTime]),
    project_finish: NaiveDateTime,
    (es, ef): (NaiveDateTime, NaiveDateTime),
    conflicts: &mut Vec<Conflict>,
) -> (NaiveDateTime, NaiveDateTime, NaiveDateTime) {
    if net.is(i, flag::MANUAL) {
        return (es, ef, es);
    }
    let task = &net.project.tasks[i];
    let finished = if net.is(i, flag::FINISHED) {
        task.actual_finish
    } else {
        None
    };
    let finish = match finished {
        Some(actual) => actual,
        None => {
            let by_links = link_finish(net, i, late, project_finish);
            late_finish(net, i, by_links, ef, conflicts)
        }
    };
    let start = net.start_from(i, finish);
    let late_start = if net.is(i, flag::STARTED) {
        task.actual_start.unwrap_or(start)
    } else {
        start
    };
    (late_start, finish, start)
}

/// The latest finish task `i`'s links out of it allow, never after the project finish.
fn link_finish(
    net: &Net<'_>,
    i: usize,
    (ls, lf, computed_ls): (&[NaiveDateTime], &[NaiveDateTime], &[NaiveDateTime]),
    project_finish: NaiveDateTime,
) -> NaiveDateTime {
    let mut finish = project_finish;
    for k in net.outgoing.of(i) {
        let s = net.link_succ[k];
        if s == usize::MAX || net.is(s, flag::FINISHED) {
            continue;
        }
        let (s_start, s_finish, s_computed) = if net.summary[s] {
            let (a, b) = summary_bounds(net, ls, lf, s);
            (a, b, a)
        } else {
            (ls[s], lf[s], computed_ls[s])
        };
        let limit = match net.link_kind[k] {
            LinkKind::FinishToStart => net.remove_lag(k, s_computed),
            LinkKind::FinishToFinish => net.remove_lag(k, s_finish),
            LinkKind::StartToStart => {
                let at = net.calendar(i).next_working(s_start).unwrap_or(s_start);
                net.finish_from(i, net.remove_lag(k, at))
            }
            LinkKind::StartToFinish => net.remove_lag(k, net.finish_from(i, s_finish)),
        };
        finish = finish.min(limit);
    }
    finish
}

/// Task `i`'s late finish from what its links allow: its constraint, then its deadline (which
/// does not move the task but limits its late finish, as in MS Project: missing it shows as
/// negative slack), moved back to the end of a working period.
fn late_finish(
    net: &Net<'_>,
    i: usize,
    by_links: NaiveDateTime,
    early_finish: NaiveDateTime,
    conflicts: &mut Vec<Conflict>,
) -> NaiveDateTime {
    let project = net.project;
    let task = &project.tasks[i];
    let mut finish = by_links;
    if net.is(i, flag::PLAIN) {
        return late_period_end(net, i, finish);
    }
    match task.constraint {
        Constraint::MustStartOn(d) => finish = net.finish_from(i, d),
        Constraint::MustFinishOn(d) => finish = d,
        Constraint::StartNoLaterThan(d) => finish = finish.min(net.finish_from(i, d)),
        Constraint::FinishNoLaterThan(d) => finish = finish.min(d),
        _ => {}
    }
    if let Some(deadline) = task.deadline {
        let end_of_day = deadline.and_time(project.settings.default_finish_time);
        finish = finish.min(end_of_day);
        if early_finish > end_of_day {
            conflicts.push(Conflict {
                task: task.id,
                message: format!("finishes on {early_finish} after its deadline {deadline}"),
            });
        }
    }
    late_period_end(net, i, finish)
}

/// A late finish moved back to the end of a working period, but for a milestone or an elapsed
/// duration, which MS Project leaves where they are (at the project finish, say).
fn late_period_end(net: &Net<'_>, i: usize, finish: NaiveDateTime) -> NaiveDateTime {
    if net.dur[i] == 0 || net.elapsed[i] {
        finish
    } else {
        net.previous_finish(i, finish)
    }
}

/// Each task's dates and its total and free slack from the passes' results; negative slack is
/// reported as a conflict. As in MS Project, an as-late-as-possible task has no slack, and a
/// started task's slack is its finish slack.
fn task_dates(
    net: &Net<'_>,
    early: (&[NaiveDateTime], &[NaiveDateTime]),
    late: (&[NaiveDateTime], &[NaiveDateTime]),
    scheduled: (&[NaiveDateTime], &[NaiveDateTime]),
    conflicts: &mut Vec<Conflict>,
) -> Vec<TaskDates> {
    (0..net.project.tasks.len())
        .map(|i| row_dates(net, i, early, late, scheduled, conflicts))
        .collect()
}

/// Row `i`'s dates and slack (see [`task_dates`]).
fn row_dates(
    net: &Net<'_>,
    i: usize,
    early: (&[NaiveDateTime], &[NaiveDateTime]),
    late: (&[NaiveDateTime], &[NaiveDateTime]),
    scheduled: (&[NaiveDateTime], &[NaiveDateTime]),
    conflicts: &mut Vec<Conflict>,
) -> TaskDates {
    let ((es, ef), (ls, lf), (start, finish)) = (early, late, scheduled);
    let total = total_slack(net, i, (es, ef), (ls, lf));
    let free = if net.summary[i] {
        total.max(0)
    } else {
        // Never more than the total slack, which MS Project's free slack is part of.
        free_slack(net, i, (start, finish))
            .unwrap_or(total)
            .min(total)
            .max(0)
    };
    if total < 0 {
        conflicts.push(Conflict {
            task: net.project.tasks[i].id,
            message: format!(
                "negative slack of {} working minutes: a constraint or deadline cannot be met",
                -total
            ),
        });
    }
    TaskDates {
        start: start[i],
        finish: finish[i],
        early_start: es[i],
        early_finish: ef[i],
        late_start: ls[i],
        late_finish: lf[i],
        total_slack_minutes: total,
        free_slack_minutes: free,
        critical: total <= 0 && !net.is(i, flag::DONE),
    }
}

/// Row `i`'s total slack in working minutes of its calendar: none for an as-late-as-possible
/// task, the finish slack for a started one, else the smaller of start and finish slack.
fn total_slack(
    net: &Net<'_>,
    i: usize,
    (es, ef): (&[NaiveDateTime], &[NaiveDateTime]),
    (ls, lf): (&[NaiveDateTime], &[NaiveDateTime]),
) -> i64 {
    if !net.summary[i] && net.is(i, flag::ALAP) {
        return 0;
    }
    let cal = net.calendar(i);
    let finish_slack = cal.working_minutes_between(ef[i], lf[i]);
    if net.is(i, flag::STARTED) && !net.summary[i] {
        finish_slack
    } else {
        cal.working_minutes_between(es[i], ls[i]).min(finish_slack)
    }
}

/// How far task `i` can slip before it delays one of its unfinished successors, as they are
/// scheduled (`None` without any).
fn free_slack(
    net: &Net<'_>,
    i: usize,
    (start, finish): (&[NaiveDateTime], &[NaiveDateTime]),
) -> Option<i64> {
    let cal = net.calendar(i);
    let mut free: Option<i64> = None;
    for k in net.outgoing.of(i) {
        let s = net.link_succ[k];
        if s == usize::MAX || net.is(s, flag::FINISHED) {
            continue;
        }
        let (lag, _) = net.link_lag[k];
        let gap = match net.link_kind[k] {
            LinkKind::FinishToStart => cal.working_minutes_between(finish[i], start[s]),
            LinkKind::StartToStart => cal.working_minutes_between(start[i], start[s]),
            LinkKind::FinishToFinish => cal.working_minutes_between(finish[i], finish[s]),
            LinkKind::StartToFinish => cal.working_minutes_between(start[i], finish[s]),
        } - lag;
        free = Some(free.map_or(gap, |f| f.min(gap)));
    }
    free
}

/// Gives every summary the earliest start and latest finish of the rows under it, bottom-up
/// in one pass (rows come after their summary, so reverse order sees children first). No
/// allocation: this runs several times per schedule, thousands of times in a risk analysis.
fn roll_up(net: &Net<'_>, start: &mut [NaiveDateTime], finish: &mut [NaiveDateTime]) {
    for &i in &net.summaries {
        start[i as usize] = NaiveDateTime::MAX;
        finish[i as usize] = NaiveDateTime::MIN;
    }
    for &(i, p) in &net.rollup {
        let (i, p) = (i as usize, p as usize);
        start[p] = start[p].min(start[i]);
        finish[p] = finish[p].max(finish[i]);
    }
}

/// Earliest start and latest finish of the tasks under summary `i` (its leaves: the summaries
/// under it are rolled up only after a pass, their entries are not yet theirs during it).
fn summary_bounds(
    net: &Net<'_>,
    start: &[NaiveDateTime],
    finish: &[NaiveDateTime],
    i: usize,
) -> (NaiveDateTime, NaiveDateTime) {
    let end = outline::subtree_end(&net.project.tasks, i);
    let leaves = (i + 1..end).filter(|&j| !net.summary[j]);
    let s = leaves.clone().map(|j| start[j]).min().unwrap_or(start[i]);
    let f = leaves.map(|j| finish[j]).max().unwrap_or(finish[i]);
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
