//! The critical-path scheduler: forward and backward passes over the task network with the four
//! link types and their lags (working, elapsed or percent), links to and from summary tasks,
//! summary roll-up, milestones, manually scheduled tasks (kept as entered), the eight constraint
//! types, and actual dates. Outputs early and late dates, total and free slack in working
//! minutes, the critical flag, and the conflicts found (never silently dropped).

use std::collections::HashMap;

use chrono::{Duration as Span, NaiveDateTime};

use super::calendar::{CalendarError, WorkCalendar};
use crate::model::{
    CalendarId, Constraint, Duration, DurationUnit, Lag, LinkKind, Project, SchedulingMode, TaskId,
    outline, validate::find_cycles,
};

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
    let s = &project.settings;
    let day = f64::from(s.minutes_per_day);
    let per_unit = match duration.unit {
        DurationUnit::Minutes | DurationUnit::ElapsedMinutes => 1.0,
        DurationUnit::Hours | DurationUnit::ElapsedHours => 60.0,
        DurationUnit::Days => day,
        DurationUnit::Weeks => f64::from(s.minutes_per_week),
        DurationUnit::Months => f64::from(s.days_per_month) * day,
        DurationUnit::ElapsedDays => 1440.0,
        DurationUnit::ElapsedWeeks => 7.0 * 1440.0,
        DurationUnit::ElapsedMonths => 30.0 * 1440.0,
    };
    (
        (duration.amount * per_unit).round() as i64,
        duration.unit.is_elapsed(),
    )
}

struct Net<'a> {
    project: &'a Project,
    /// The calendars in use, and each row's position in that list.
    calendars: Vec<WorkCalendar>,
    /// Per row: calendar id, duration minutes, elapsed flag.
    cal: Vec<usize>,
    /// Row of each link's predecessor and successor (`usize::MAX` when the task is missing).
    link_pred: Vec<usize>,
    link_succ: Vec<usize>,
    dur: Vec<i64>,
    elapsed: Vec<bool>,
    summary: Vec<bool>,
    /// Per row: links into it (index into project.links), including those inherited from the
    /// summaries above it.
    incoming: Vec<Vec<usize>>,
    /// Per row: links out of it, including those of the summaries above it.
    outgoing: Vec<Vec<usize>>,
    rows: HashMap<TaskId, usize>,
}

impl Net<'_> {
    fn calendar(&self, row: usize) -> &WorkCalendar {
        &self.calendars[self.cal[row]]
    }

    fn add(&self, row: usize, at: NaiveDateTime, minutes: i64, elapsed: bool) -> NaiveDateTime {
        if elapsed {
            return at + Span::minutes(minutes);
        }
        self.calendar(row).add_working(at, minutes).unwrap_or(at)
    }

    fn lag_minutes(&self, link: usize, pred: usize) -> (i64, bool) {
        match self.project.links[link].lag {
            Lag::None => (0, false),
            Lag::Time(d) => duration_minutes(self.project, d),
            Lag::PercentOfPredecessor(p) => {
                ((self.dur[pred] as f64 * p / 100.0).round() as i64, false)
            }
        }
    }
}

/// Schedules the whole project from its start date.
pub fn schedule(project: &Project) -> Result<Schedule, ScheduleError> {
    let tasks = &project.tasks;
    let n = tasks.len();
    let rows = outline::positions(tasks);

    let mut calendars: Vec<WorkCalendar> = Vec::new();
    let mut calendar_slot: HashMap<CalendarId, usize> = HashMap::new();
    let mut cal = Vec::with_capacity(n);
    for task in tasks {
        let id = task.calendar.unwrap_or(project.settings.calendar);
        let slot = match calendar_slot.get(&id) {
            Some(&slot) => slot,
            None => {
                calendars.push(WorkCalendar::resolve(project, id)?);
                calendar_slot.insert(id, calendars.len() - 1);
                calendars.len() - 1
            }
        };
        cal.push(slot);
    }
    let summary: Vec<bool> = (0..n).map(|i| outline::is_summary(tasks, i)).collect();
    let mut dur = Vec::with_capacity(n);
    let mut elapsed = Vec::with_capacity(n);
    for task in tasks {
        let (minutes, is_elapsed) = if task.milestone {
            (0, false)
        } else {
            duration_minutes(project, task.duration)
        };
        dur.push(minutes.max(0));
        elapsed.push(is_elapsed);
    }

    // Links, with those of summaries passed down to every row below them.
    let mut direct_in: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut direct_out: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut link_pred = vec![usize::MAX; project.links.len()];
    let mut link_succ = vec![usize::MAX; project.links.len()];
    for (k, link) in project.links.iter().enumerate() {
        if let (Some(&p), Some(&s)) = (rows.get(&link.predecessor), rows.get(&link.successor)) {
            direct_in[s].push(k);
            direct_out[p].push(k);
            link_pred[k] = p;
            link_succ[k] = s;
        }
    }
    let mut incoming = direct_in.clone();
    let mut outgoing = direct_out.clone();
    let mut ancestors: Vec<usize> = Vec::new();
    for i in 0..n {
        while let Some(&a) = ancestors.last() {
            if tasks[a].outline_level >= tasks[i].outline_level {
                ancestors.pop();
            } else {
                break;
            }
        }
        for &a in &ancestors {
            incoming[i].extend_from_slice(&direct_in[a]);
            outgoing[i].extend_from_slice(&direct_out[a]);
        }
        if summary[i] {
            ancestors.push(i);
        }
    }

    let net = Net {
        project,
        calendars,
        cal,
        link_pred,
        link_succ,
        dur,
        elapsed,
        summary,
        incoming,
        outgoing,
        rows,
    };
    let order = topological_order(&net)?;

    let project_start = project
        .meta
        .start
        .and_time(project.settings.default_start_time);
    let mut conflicts = Vec::new();
    let mut es = vec![project_start; n];
    let mut ef = vec![project_start; n];

    // Forward pass.
    for &i in &order {
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
        let mut start = match task.constraint {
            Constraint::StartNoEarlierThan(d) => d,
            Constraint::FinishNoEarlierThan(d) => cal.subtract_working(d, net.dur[i]).unwrap_or(d),
            _ => project_start,
        };
        let mut finish_floor: Option<NaiveDateTime> = None;
        for &k in &net.incoming[i] {
            let link = &project.links[k];
            let p = net.link_pred[k];
            if p == usize::MAX {
                continue;
            }
            let (lag, lag_elapsed) = net.lag_minutes(k, p);
            let (p_start, p_finish) = if net.summary[p] {
                summary_bounds(tasks, &es, &ef, p)
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
        // predecessors left it.
        let has_work = net.dur[i] > 0 && !net.elapsed[i];
        let milestone_off_work = net.dur[i] == 0 && !cal.is_working_day(start.date());
        if has_work || milestone_off_work {
            start = cal.next_working(start).unwrap_or(start);
        }
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
                let s = cal.subtract_working(d, net.dur[i]).unwrap_or(d);
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
    // Summaries roll up their rows.
    for i in (0..n).rev() {
        if net.summary[i] {
            let (s, f) = summary_bounds(tasks, &es, &ef, i);
            es[i] = s;
            ef[i] = f;
        }
    }
    let project_finish = (0..n)
        .filter(|&i| !net.summary[i])
        .map(|i| ef[i])
        .max()
        .unwrap_or(project_start);

    // Backward pass.
    let mut ls = vec![project_finish; n];
    let mut lf = vec![project_finish; n];
    for &i in order.iter().rev() {
        if net.summary[i] {
            continue;
        }
        let task = &tasks[i];
        let cal = net.calendar(i);
        let mut finish = project_finish;
        for &k in &net.outgoing[i] {
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
    for i in (0..n).rev() {
        if net.summary[i] {
            let (s, f) = summary_bounds(tasks, &ls, &lf, i);
            ls[i] = s;
            lf[i] = f;
        }
    }

    // As late as possible: at its late dates.
    let mut start = es.clone();
    let mut finish = ef.clone();
    for i in 0..n {
        if !net.summary[i] && tasks[i].constraint == Constraint::Alap {
            start[i] = ls[i];
            finish[i] = lf[i];
        }
    }

    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let cal = net.calendar(i);
        let total = cal
            .working_minutes_between(es[i], ls[i])
            .min(cal.working_minutes_between(ef[i], lf[i]));
        let mut free = total;
        for &k in &net.outgoing[i] {
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
        if net.outgoing[i].is_empty() {
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
    Ok(Schedule {
        tasks: out,
        conflicts,
        project_finish,
    })
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

/// Rows in an order where every row comes after all it depends on: its predecessors (direct or
/// inherited) and, for a summary, its rows. A cycle is an error naming its tasks.
fn topological_order(net: &Net<'_>) -> Result<Vec<usize>, ScheduleError> {
    let tasks = &net.project.tasks;
    let n = tasks.len();
    let mut successors: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indegree = vec![0usize; n];
    let mut add = |from: usize, to: usize, successors: &mut Vec<Vec<usize>>| {
        successors[from].push(to);
        indegree[to] += 1;
    };
    for i in 0..n {
        for &k in &net.incoming[i] {
            let p = net.link_pred[k];
            if p != usize::MAX && p != i {
                add(p, i, &mut successors);
            }
        }
        if net.summary[i] {
            for j in i + 1..outline::subtree_end(tasks, i) {
                add(j, i, &mut successors);
            }
        }
    }
    let mut ready: Vec<usize> = (0..n).rev().filter(|&i| indegree[i] == 0).collect();
    let mut order = Vec::with_capacity(n);
    while let Some(i) = ready.pop() {
        order.push(i);
        for &s in &successors[i] {
            indegree[s] -= 1;
            if indegree[s] == 0 {
                ready.push(s);
            }
        }
    }
    if order.len() == n {
        return Ok(order);
    }
    // Name the loop among the explicit links.
    let ids: Vec<TaskId> = tasks.iter().map(|t| t.id).collect();
    let mut graph: HashMap<TaskId, Vec<TaskId>> = HashMap::new();
    for link in &net.project.links {
        graph
            .entry(link.predecessor)
            .or_default()
            .push(link.successor);
    }
    let cycle = find_cycles(&ids, &graph)
        .into_iter()
        .next()
        .unwrap_or_else(|| {
            (0..n)
                .filter(|&i| indegree[i] > 0)
                .map(|i| tasks[i].id)
                .collect()
        });
    let names = cycle
        .iter()
        .map(|id| {
            net.rows.get(id).map_or_else(
                || id.to_string(),
                |&i| format!("{id} \"{}\"", tasks[i].name),
            )
        })
        .collect();
    Err(ScheduleError::Cycle {
        tasks: cycle,
        names,
    })
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
