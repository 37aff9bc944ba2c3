//! The critical-path scheduler: forward and backward passes over the task network with the four
//! link types and their lags (working, elapsed or percent), links to and from summary tasks,
//! summary roll-up, milestones, manually scheduled tasks (kept as entered), the eight constraint
//! types, and actual dates. Outputs early and late dates, total and free slack in working
//! minutes, the critical flag, and the conflicts found (never silently dropped).

use std::collections::HashMap;

use chrono::{Duration as Span, NaiveDateTime};

use super::calendar::{CalendarError, WorkCalendar};
use crate::model::{
    CalendarId, Constraint, Duration, Lag, LinkKind, Project, SchedulingMode, TaskId, outline,
    validate::find_cycles,
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
    (
        (duration.amount * project.settings.minutes_per(duration.unit)).round() as i64,
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
    incoming: Lists,
    /// Per row: links out of it, including those of the summaries above it.
    outgoing: Lists,
    /// Per row: the summary directly above it.
    parent: Vec<Option<usize>>,
    rows: RowIndex,
}

/// One list per row, stored flat (compressed rows): no allocation per row.
struct Lists {
    offsets: Vec<u32>,
    items: Vec<u32>,
}

impl Lists {
    fn of(&self, row: usize) -> impl Iterator<Item = usize> + '_ {
        let (a, b) = (self.offsets[row] as usize, self.offsets[row + 1] as usize);
        self.items[a..b].iter().map(|&k| k as usize)
    }

    fn is_empty(&self, row: usize) -> bool {
        self.offsets[row] == self.offsets[row + 1]
    }

    /// Builds the lists from each row's items, given by `fill(row, push)`.
    fn build(rows: usize, mut fill: impl FnMut(usize, &mut Vec<u32>)) -> Self {
        let mut offsets = Vec::with_capacity(rows + 1);
        let mut items = Vec::new();
        for row in 0..rows {
            offsets.push(items.len() as u32);
            fill(row, &mut items);
        }
        offsets.push(items.len() as u32);
        Self { offsets, items }
    }
}

/// Row of a task id: a plain vector when ids are dense (the usual case), a map otherwise.
enum RowIndex {
    Dense(Vec<u32>),
    Sparse(HashMap<TaskId, usize>),
}

impl RowIndex {
    fn new(tasks: &[crate::model::Task]) -> Self {
        let max = tasks.iter().map(|t| t.id.0 as usize).max().unwrap_or(0);
        if max <= tasks.len() * 4 + 1024 {
            let mut rows = vec![u32::MAX; max + 1];
            for (i, t) in tasks.iter().enumerate() {
                rows[t.id.0 as usize] = i as u32;
            }
            RowIndex::Dense(rows)
        } else {
            RowIndex::Sparse(outline::positions(tasks))
        }
    }

    fn get(&self, id: TaskId) -> Option<usize> {
        match self {
            RowIndex::Dense(rows) => rows
                .get(id.0 as usize)
                .filter(|&&r| r != u32::MAX)
                .map(|&r| r as usize),
            RowIndex::Sparse(map) => map.get(&id).copied(),
        }
    }
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

impl<'p> Net<'p> {
    /// The network of `project`: the calendar and duration of every row, and the links into
    /// and out of each row, those of summaries passed down to every row below them.
    #[allow(
        clippy::too_many_lines,
        reason = "MS Project's rules for one pass, in the order it applies them"
    )]
    fn build(project: &'p Project) -> Result<Self, ScheduleError> {
        let tasks = &project.tasks;
        let n = tasks.len();
        let rows = RowIndex::new(tasks);
        // The project's calendar first, then each other calendar a task uses.
        let mut calendars: Vec<WorkCalendar> =
            vec![WorkCalendar::resolve(project, project.settings.calendar)?];
        let mut calendar_slot: HashMap<CalendarId, usize> =
            HashMap::from([(project.settings.calendar, 0)]);
        let mut cal = Vec::with_capacity(n);
        // A task without a calendar of its own works on the calendar of the resource assigned to
        // it, as in MS Project (with several resources, the first one's: an approximation).
        let mut resource_calendar: HashMap<TaskId, CalendarId> = HashMap::new();
        let calendars_of: HashMap<_, _> = project
            .resources
            .iter()
            .filter_map(|r| r.calendar.map(|c| (r.id, c)))
            .collect();
        for a in &project.assignments {
            if let Some(&c) = calendars_of.get(&a.resource) {
                resource_calendar.entry(a.task).or_insert(c);
            }
        }
        for task in tasks {
            let id = task
                .calendar
                .or_else(|| resource_calendar.get(&task.id).copied())
                .unwrap_or(project.settings.calendar);
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
            // The milestone flag only changes how a task is drawn: MS Project lets a task with a
            // duration be marked as a milestone, and schedules its duration.
            let (minutes, is_elapsed) = duration_minutes(project, task.duration);
            dur.push(minutes.max(0));
            elapsed.push(is_elapsed);
        }

        // Links, with those of summaries passed down to every row below them.
        let mut link_pred = vec![usize::MAX; project.links.len()];
        let mut link_succ = vec![usize::MAX; project.links.len()];
        let mut in_count = vec![0u32; n];
        let mut out_count = vec![0u32; n];
        for (k, link) in project.links.iter().enumerate() {
            if let (Some(p), Some(s)) = (rows.get(link.predecessor), rows.get(link.successor)) {
                link_pred[k] = p;
                link_succ[k] = s;
                in_count[s] += 1;
                out_count[p] += 1;
            }
        }
        let direct = |counts: &[u32], endpoint: &[usize]| {
            let mut offsets = vec![0u32; n + 1];
            for i in 0..n {
                offsets[i + 1] = offsets[i] + counts[i];
            }
            let mut items = vec![0u32; offsets[n] as usize];
            let mut next = offsets.clone();
            for (k, &row) in endpoint.iter().enumerate() {
                if row != usize::MAX && link_pred[k] != usize::MAX {
                    items[next[row] as usize] = k as u32;
                    next[row] += 1;
                }
            }
            Lists { offsets, items }
        };
        let direct_in = direct(&in_count, &link_succ);
        let direct_out = direct(&out_count, &link_pred);
        let mut parent: Vec<Option<usize>> = vec![None; n];
        let mut ancestors: Vec<usize> = Vec::new();
        for i in 0..n {
            while let Some(&a) = ancestors.last() {
                if tasks[a].outline_level >= tasks[i].outline_level {
                    ancestors.pop();
                } else {
                    break;
                }
            }
            parent[i] = ancestors.last().copied();
            if summary[i] {
                ancestors.push(i);
            }
        }
        let inherited = |own: &Lists| {
            Lists::build(n, |row, items| {
                items.extend(own.of(row).map(|k| k as u32));
                let mut up = parent[row];
                while let Some(a) = up {
                    items.extend(own.of(a).map(|k| k as u32));
                    up = parent[a];
                }
            })
        };
        let incoming = inherited(&direct_in);
        let outgoing = inherited(&direct_out);

        Ok(Net {
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
            parent,
            rows,
        })
    }
}

/// The forward pass: each task's early dates in topological order, from its links, lags,
/// constraints, progress and calendar. Summaries are left to [`roll_up`].
#[allow(
    clippy::too_many_lines,
    reason = "MS Project's rules for one pass, in the order it applies them"
)]
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
        let mut start = match task.constraint {
            Constraint::StartNoEarlierThan(d) => d,
            Constraint::FinishNoEarlierThan(d) => cal.subtract_working(d, net.dur[i]).unwrap_or(d),
            _ => project_start,
        };
        let mut finish_floor: Option<NaiveDateTime> = None;
        for k in net.incoming.of(i) {
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
        // predecessors (or the project start) put it, even on a non-working day, as in MS
        // Project.
        if net.dur[i] > 0 && !net.elapsed[i] {
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
    (es, ef)
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

/// Rows in an order where every row comes after all it depends on: its predecessors (direct or
/// inherited) and, for a summary, its rows. A cycle is an error naming its tasks.
fn topological_order(net: &Net<'_>) -> Result<Vec<usize>, ScheduleError> {
    let tasks = &net.project.tasks;
    let n = tasks.len();
    // Edges: predecessor → successor for every (inherited) link, child → parent for roll-up.
    let mut indegree = vec![0u32; n];
    let mut out_edges = vec![0u32; n];
    let each_edge = |f: &mut dyn FnMut(usize, usize)| {
        for i in 0..n {
            for k in net.incoming.of(i) {
                let p = net.link_pred[k];
                if p != usize::MAX && p != i {
                    f(p, i);
                }
            }
            if let Some(parent) = net.parent[i] {
                f(i, parent);
            }
        }
    };
    each_edge(&mut |from, to| {
        out_edges[from] += 1;
        indegree[to] += 1;
    });
    let mut offsets = vec![0u32; n + 1];
    for i in 0..n {
        offsets[i + 1] = offsets[i] + out_edges[i];
    }
    let mut targets = vec![0u32; offsets[n] as usize];
    let mut next = offsets.clone();
    each_edge(&mut |from, to| {
        targets[next[from] as usize] = to as u32;
        next[from] += 1;
    });
    let mut ready: Vec<usize> = (0..n).rev().filter(|&i| indegree[i] == 0).collect();
    let mut order = Vec::with_capacity(n);
    while let Some(i) = ready.pop() {
        order.push(i);
        for &s in &targets[offsets[i] as usize..offsets[i + 1] as usize] {
            let s = s as usize;
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
            net.rows
                .get(*id)
                .map_or_else(|| id.to_string(), |i| format!("{id} \"{}\"", tasks[i].name))
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
