//! The task network the passes walk: each row's calendar and duration, the rows of each link's
//! ends, the links into and out of each row (those of summaries passed down to the rows below
//! them), stored flat so that a plan of 100,000 tasks allocates a handful of vectors; and a
//! topological order of the rows.

use std::collections::HashMap;

use chrono::{Duration as Span, NaiveDateTime};

use super::{ScheduleError, duration_minutes};
use crate::model::{
    Assignment, CalendarId, Constraint, Lag, LinkKind, Project, Resource, ResourceKind,
    SchedulingMode, Task, TaskId, TaskType, outline, validate::find_cycles,
};
use crate::schedule::calendar::WorkCalendar;

/// The network of a project as the passes read it: the project, and what was built from it.
pub(super) struct Net<'a> {
    pub(super) project: &'a Project,
    pub(super) graph: Graph,
}

impl std::ops::Deref for Net<'_> {
    type Target = Graph;
    fn deref(&self) -> &Graph {
        &self.graph
    }
}

impl std::ops::DerefMut for Net<'_> {
    fn deref_mut(&mut self) -> &mut Graph {
        &mut self.graph
    }
}

/// Everything the passes read that is built from the project, owned: kept between edits by
/// the incremental scheduler, which updates the rows an edit touched.
#[derive(Clone)]
pub(super) struct Graph {
    /// The calendars in use, and each row's position in that list.
    pub(super) calendars: Vec<WorkCalendar>,
    /// The position of each calendar in `calendars`.
    pub(super) calendar_slot: HashMap<CalendarId, usize>,
    /// Per row: its own calendar, or the project's (lags and slack are counted on it).
    pub(super) cal: Vec<usize>,
    /// Per row: the assignments whose resources' calendars set its dates; empty when its own
    /// calendar does.
    pub(super) drivers: Drivers,
    /// Row of each link's predecessor and successor (`usize::MAX` when the task is missing).
    pub(super) link_pred: Vec<usize>,
    pub(super) link_succ: Vec<usize>,
    pub(super) dur: Vec<i64>,
    pub(super) elapsed: Vec<bool>,
    pub(super) summary: Vec<bool>,
    /// Per row: what the passes need to know of its task without reading it (a task is 200
    /// bytes, read in topological order: a cache miss each), see the `flag` constants.
    pub(super) flags: Vec<u8>,
    /// Per link: its kind and its lag in minutes (working, or elapsed when the flag is set).
    pub(super) link_kind: Vec<LinkKind>,
    pub(super) link_lag: Vec<(i64, bool)>,
    /// Per link: its lag as entered (a percentage is recomputed when its predecessor's
    /// duration changes).
    pub(super) link_spec: Vec<Lag>,
    /// Per row: links into it (index into project.links), including those inherited from the
    /// summaries above it.
    pub(super) incoming: Lists,
    /// Per row: links out of it, including those of the summaries above it.
    pub(super) outgoing: Lists,
    /// Per row: the summary directly above it.
    pub(super) parent: Vec<Option<usize>>,
    /// (row, its summary) for every row under a summary, last row first: the roll-up's walk,
    /// packed (it runs several times per schedule, thousands of times in a risk analysis).
    pub(super) rollup: Vec<(u32, u32)>,
    /// The summary rows.
    pub(super) summaries: Vec<u32>,
    pub(super) rows: RowIndex,
}

/// The bits of `Net::flags`.
pub(super) mod flag {
    pub const MANUAL: u8 = 1;
    pub const ALAP: u8 = 2;
    /// As soon or as late as possible, without actual dates, leveling delay nor deadline: the
    /// passes need nothing else of the task.
    pub const PLAIN: u8 = 4;
    pub const STARTED: u8 = 8;
    pub const FINISHED: u8 = 16;
    pub const MILESTONE: u8 = 32;
    /// 100 % complete: never critical.
    pub const DONE: u8 = 64;
}

/// One list per row, stored flat (compressed rows): no allocation per row.
#[derive(Clone)]
pub(super) struct Lists {
    offsets: Vec<u32>,
    items: Vec<u32>,
}

impl Lists {
    pub(super) fn of(&self, row: usize) -> impl Iterator<Item = usize> + '_ {
        let (a, b) = (self.offsets[row] as usize, self.offsets[row + 1] as usize);
        self.items[a..b].iter().map(|&k| k as usize)
    }

    /// Row `row`'s list replaced by `items` (the rows after it move along).
    pub(super) fn replace(&mut self, row: usize, items: &[u32]) {
        let (a, b) = (self.offsets[row] as usize, self.offsets[row + 1] as usize);
        self.items.splice(a..b, items.iter().copied());
        if items.len() != b - a {
            for offset in &mut self.offsets[row + 1..] {
                *offset = (i64::from(*offset) + items.len() as i64 - (b - a) as i64) as u32;
            }
        }
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

/// Per row, the assignments that drive it: (calendar slot, working minutes on that calendar),
/// stored flat.
#[derive(Clone)]
pub(super) struct Drivers {
    offsets: Vec<u32>,
    items: Vec<Driver>,
}

/// One assignment driving a task: its calendar's slot, how long it works and how long after
/// the task's start it begins, in working minutes of that calendar.
#[derive(Clone, Copy)]
pub(super) struct Driver {
    cal: u32,
    minutes: i64,
    delay: i64,
}

impl Drivers {
    pub(super) fn of(&self, row: usize) -> &[Driver] {
        &self.items[self.span(row)]
    }

    /// Where row `row`'s drivers are among all of them.
    pub(super) fn span(&self, row: usize) -> std::ops::Range<usize> {
        self.offsets[row] as usize..self.offsets[row + 1] as usize
    }

    /// Every driver's working minutes, in order.
    pub(super) fn minutes(&self) -> Vec<i64> {
        self.items.iter().map(|d| d.minutes).collect()
    }

    /// Row `row`'s drivers replaced by `list`, when they are as many; false otherwise.
    pub(super) fn replace(&mut self, row: usize, list: &[Driver]) -> bool {
        let span = self.span(row);
        if span.len() != list.len() {
            return false;
        }
        self.items[span].copy_from_slice(list);
        true
    }

    pub(super) fn set_minutes(&mut self, k: usize, minutes: i64) {
        self.items[k].minutes = minutes;
    }
}

/// Row of a task id: a plain vector when ids are dense (the usual case), a map otherwise.
#[derive(Clone)]
pub(super) enum RowIndex {
    Dense(Vec<u32>),
    Sparse(outline::Rows),
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

    pub(super) fn get(&self, id: TaskId) -> Option<usize> {
        match self {
            RowIndex::Dense(rows) => rows
                .get(id.0 as usize)
                .filter(|&&r| r != u32::MAX)
                .map(|&r| r as usize),
            RowIndex::Sparse(map) => map.get(&id).copied(),
        }
    }
}

/// `at` moved by `minutes` of elapsed time, held at the last representable date rather than
/// overflowing (durations are within the model's limit; dates may still be extreme).
fn shift(at: NaiveDateTime, minutes: i64) -> NaiveDateTime {
    Span::try_minutes(minutes)
        .and_then(|d| at.checked_add_signed(d))
        .unwrap_or(if minutes < 0 {
            NaiveDateTime::MIN
        } else {
            NaiveDateTime::MAX
        })
}

impl Net<'_> {
    pub(super) fn calendar(&self, row: usize) -> &WorkCalendar {
        &self.calendars[self.cal[row]]
    }

    pub(super) fn add(
        &self,
        row: usize,
        at: NaiveDateTime,
        minutes: i64,
        elapsed: bool,
    ) -> NaiveDateTime {
        if elapsed {
            return shift(at, minutes);
        }
        self.calendar(row).add_working(at, minutes).unwrap_or(at)
    }

    /// `at` plus the lag of `link`, counted on the successor's calendar, as MS Project does.
    pub(super) fn add_lag(&self, link: usize, at: NaiveDateTime) -> NaiveDateTime {
        match self.link_lag[link] {
            (0, _) => at,
            (lag, elapsed) => self.add(self.link_succ[link], at, lag, elapsed),
        }
    }

    /// `at` minus the lag of `link`, counted on the successor's calendar.
    pub(super) fn remove_lag(&self, link: usize, at: NaiveDateTime) -> NaiveDateTime {
        match self.link_lag[link] {
            (0, _) => at,
            (lag, true) => shift(at, -lag),
            (lag, false) => self
                .calendar(self.link_succ[link])
                .subtract_working(at, lag)
                .unwrap_or(at),
        }
    }

    /// `f` on the calendar that sets row `row`'s dates: its own (`None`), or each of its
    /// driving assignments' (`Some`), keeping the latest (`latest`) or the earliest result.
    fn across(
        &self,
        row: usize,
        latest: bool,
        f: impl Fn(&WorkCalendar, Option<&Driver>) -> NaiveDateTime,
    ) -> NaiveDateTime {
        let drivers = self.drivers.of(row);
        let own = || f(self.calendar(row), None);
        let each = drivers
            .iter()
            .map(|d| f(&self.calendars[d.cal as usize], Some(d)));
        let picked = if latest { each.max() } else { each.min() };
        picked.unwrap_or_else(own)
    }

    /// When row `row` finishes if it starts at `start`: its duration on its calendar, or the
    /// last of its assignments, each working on its resource's calendar.
    pub(super) fn finish_from(&self, row: usize, start: NaiveDateTime) -> NaiveDateTime {
        self.across(row, true, |cal, driver| match driver {
            None => self.add(row, start, self.dur[row], self.elapsed[row]),
            Some(d) => assignment_span(cal, start, d.delay, d.minutes).1,
        })
    }

    /// When row `row` starts if it finishes at `finish` (the first of its assignments).
    pub(super) fn start_from(&self, row: usize, finish: NaiveDateTime) -> NaiveDateTime {
        self.across(row, false, |cal, driver| match driver {
            None if self.elapsed[row] => shift(finish, -self.dur[row]),
            None => cal
                .subtract_working(finish, self.dur[row])
                .unwrap_or(finish),
            Some(d) => {
                let begin = cal.subtract_working(finish, d.minutes).unwrap_or(finish);
                cal.subtract_working(begin, d.delay).unwrap_or(begin)
            }
        })
    }

    /// The first instant at or after `at` when row `row` can work (the earliest of its
    /// resources'); a milestone may also stay at the end of a working period.
    pub(super) fn next_start(&self, row: usize, at: NaiveDateTime) -> NaiveDateTime {
        let milestone = self.is(row, flag::MILESTONE);
        self.across(row, false, |cal, _| {
            let next = cal.next_working(at).unwrap_or(at);
            if next > at && milestone && cal.previous_working(at) == Some(at) {
                at
            } else {
                next
            }
        })
    }

    /// A finish at the start of a working period moved back to the end of the previous one,
    /// when no work lies between them (the latest of its resources').
    pub(super) fn previous_finish(&self, row: usize, at: NaiveDateTime) -> NaiveDateTime {
        self.across(row, true, |cal, _| match cal.previous_working(at) {
            Some(previous) if cal.working_minutes_between(previous, at) == 0 => previous,
            _ => at,
        })
    }

    pub(super) fn is(&self, row: usize, bit: u8) -> bool {
        self.flags[row] & bit != 0
    }
}

impl<'p> Net<'p> {
    /// The network of `project`: the calendar and duration of every row, and the links into
    /// and out of each row, those of summaries passed down to every row below them.
    pub(super) fn build(project: &'p Project) -> Result<Self, ScheduleError> {
        let tasks = &project.tasks;
        let n = tasks.len();
        let rows = RowIndex::new(tasks);
        let TaskCalendars {
            calendars,
            calendar_slot,
            cal,
            drivers,
        } = task_calendars(project, &rows)?;
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
        let parent = parents(tasks, &summary);
        let rollup = (0..n)
            .rev()
            .filter_map(|i| parent[i].map(|p| (i as u32, p as u32)))
            .collect();
        let summaries = (0..n).filter(|&i| summary[i]).map(|i| i as u32).collect();
        let flags = tasks.iter().map(row_flags).collect();
        let (link_pred, link_succ) = link_rows(project, &rows);
        let link_kind = project.links.iter().map(|l| l.kind).collect();
        let link_spec = project.links.iter().map(|l| l.lag).collect();
        let link_lag = (0..project.links.len())
            .map(|k| lag_minutes(project, &dur, project.links[k].lag, link_pred[k]))
            .collect();
        let incoming = inherited(&direct(n, &link_succ), &parent);
        let outgoing = inherited(&direct(n, &link_pred), &parent);

        Ok(Net {
            project,
            graph: Graph {
                calendars,
                calendar_slot,
                cal,
                drivers,
                link_pred,
                link_succ,
                dur,
                elapsed,
                summary,
                flags,
                link_kind,
                link_lag,
                link_spec,
                incoming,
                outgoing,
                parent,
                rollup,
                summaries,
                rows,
            },
        })
    }
}

/// What the passes need to know of a task, as `flag` bits.
pub(super) fn row_flags(task: &Task) -> u8 {
    let mut bits = 0;
    if task.mode == SchedulingMode::Manual {
        bits |= flag::MANUAL;
    }
    if task.constraint == Constraint::Alap {
        bits |= flag::ALAP;
    }
    if matches!(task.constraint, Constraint::Asap | Constraint::Alap)
        && task.actual_start.is_none()
        && task.actual_finish.is_none()
        && task.leveling_delay.amount <= 0.0
        && task.deadline.is_none()
    {
        bits |= flag::PLAIN;
    }
    if task.actual_start.is_some() {
        bits |= flag::STARTED;
    }
    if task.actual_finish.is_some() {
        bits |= flag::FINISHED;
    }
    if task.milestone {
        bits |= flag::MILESTONE;
    }
    if task.percent_complete >= 100 {
        bits |= flag::DONE;
    }
    bits
}

/// Link `k`'s lag in minutes and whether they are elapsed; a percentage is of its
/// predecessor's duration (row `pred`).
pub(super) fn lag_minutes(project: &Project, dur: &[i64], lag: Lag, pred: usize) -> (i64, bool) {
    match lag {
        Lag::None => (0, false),
        Lag::Time(d) => duration_minutes(project, d),
        Lag::PercentOfPredecessor(p) => match dur.get(pred) {
            Some(&d) => (super::clamp_minutes(d as f64 * p / 100.0), false),
            None => (0, false),
        },
    }
}

/// The calendars the rows work on (the project's first), each calendar's slot, each row's own
/// calendar slot, and the assignments that drive each row.
struct TaskCalendars {
    calendars: Vec<WorkCalendar>,
    calendar_slot: HashMap<CalendarId, usize>,
    cal: Vec<usize>,
    drivers: Drivers,
}

/// Builds the [`TaskCalendars`] of `project`.
///
/// As in MS Project, a task that is not of fixed duration and has work assigned is scheduled
/// on its resources' calendars: each assignment works its work at its units on its resource's
/// calendar (the task's own when the resource has none), and the task finishes with the last
/// one. A fixed-duration task, or one told to ignore resource calendars, keeps its own.
fn task_calendars(project: &Project, rows: &RowIndex) -> Result<TaskCalendars, ScheduleError> {
    let tasks = &project.tasks;
    // A calendar without any working time would give every task on it no length at all:
    // refused, naming it (within ten years of the project start, as the searches look).
    let start = project
        .meta
        .start
        .and_time(project.settings.default_start_time);
    let working = |id: CalendarId| -> Result<WorkCalendar, ScheduleError> {
        let calendar = WorkCalendar::resolve(project, id)?;
        match calendar.next_working(start) {
            Some(_) => Ok(calendar),
            None => Err(ScheduleError::NoWorkingTime(id)),
        }
    };
    let mut calendars: Vec<WorkCalendar> = vec![working(project.settings.calendar)?];
    let mut calendar_slot: HashMap<CalendarId, usize> =
        HashMap::from([(project.settings.calendar, 0)]);
    let mut slot_of = |id: CalendarId| -> Result<usize, ScheduleError> {
        if let Some(&slot) = calendar_slot.get(&id) {
            return Ok(slot);
        }
        calendars.push(working(id)?);
        calendar_slot.insert(id, calendars.len() - 1);
        Ok(calendars.len() - 1)
    };
    let mut cal = Vec::with_capacity(tasks.len());
    for task in tasks {
        cal.push(slot_of(task.calendar.unwrap_or(project.settings.calendar))?);
    }
    let resources: HashMap<_, _> = project.resources.iter().map(|r| (r.id, r)).collect();
    let mut per_row: Vec<Vec<Driver>> = Vec::new();
    for a in &project.assignments {
        let (Some(row), Some(resource)) = (rows.get(a.task), resources.get(&a.resource)) else {
            continue;
        };
        let slot = match resource.calendar {
            Some(c) => Some(slot_of(c)?),
            None => None,
        };
        let Some(driver) = driver(project, (&tasks[row], cal[row]), a, (resource, slot)) else {
            continue;
        };
        if per_row.is_empty() {
            per_row = vec![Vec::new(); tasks.len()];
        }
        per_row[row].push(driver);
    }
    let mut offsets = Vec::with_capacity(tasks.len() + 1);
    let mut items = Vec::new();
    for (row, task) in tasks.iter().enumerate() {
        offsets.push(items.len() as u32);
        if let Some(list) = per_row.get(row)
            && drives(list, task)
        {
            items.extend_from_slice(list);
        }
    }
    offsets.push(items.len() as u32);
    let drivers = Drivers { offsets, items };
    Ok(TaskCalendars {
        calendars,
        calendar_slot,
        cal,
        drivers,
    })
}

/// Assignment `a` of `task` (on calendar slot `own`) as a driver, its resource's calendar in
/// `slot` (`None`: the resource has none and works on the task's); `None` when the task's
/// own calendar sets its dates.
pub(super) fn driver(
    project: &Project,
    (task, own): (&Task, usize),
    a: &Assignment,
    (resource, slot): (&Resource, Option<usize>),
) -> Option<Driver> {
    let minutes = driving_minutes(project, task, a, resource)?;
    // A resource without a calendar works on the task's; a task calendar and a resource
    // calendar together would be their intersection in MS Project: Pilote takes the
    // resource's (see the fidelity note in README).
    Some(Driver {
        cal: slot.unwrap_or(own) as u32,
        minutes,
        delay: super::clamp_minutes(a.delay_minutes as f64).max(0),
    })
}

/// Whether a task's assignments `list` set its dates: work left unset on every assignment
/// leaves them to the task's duration.
pub(super) fn drives(list: &[Driver], task: &Task) -> bool {
    !list.is_empty() && (list.iter().any(|d| d.minutes > 0) || task.duration.amount <= 0.0)
}

/// When an assignment that drives its task works, on its resource's calendar `cal`: from
/// `delay` working minutes after the task's `start`, for `minutes`.
pub fn assignment_span(
    cal: &WorkCalendar,
    start: NaiveDateTime,
    delay: i64,
    minutes: i64,
) -> (NaiveDateTime, NaiveDateTime) {
    let begin = cal.add_working(start, delay).unwrap_or(start);
    (begin, cal.add_working(begin, minutes).unwrap_or(begin))
}

/// How many working minutes of its resource's calendar assignment `a` works when it sets its
/// task's dates (see [`task_calendars`]); `None` when the task's own calendar does.
pub fn driving_minutes(
    project: &Project,
    task: &Task,
    a: &Assignment,
    resource: &Resource,
) -> Option<i64> {
    if task.task_type == TaskType::FixedDuration
        || task.ignore_resource_calendars
        || task.mode == SchedulingMode::Manual
        || resource.kind != ResourceKind::Person
        || a.units <= 0.0
    {
        return None;
    }
    // Overtime is worked outside the calendar; a shaped (contoured) assignment lasts as long
    // as its shape made it, or as its task.
    let minutes = if a.contour.is_flat() {
        super::clamp_minutes(
            a.work_minutes.saturating_sub(a.overtime_work_minutes) as f64 / a.units,
        )
    } else {
        a.shaped_span_minutes.map_or_else(
            || duration_minutes(project, task.duration).0,
            |m| super::clamp_minutes(m as f64),
        )
    };
    Some(minutes.max(0))
}

/// The summary directly above each row.
fn parents(tasks: &[crate::model::Task], summary: &[bool]) -> Vec<Option<usize>> {
    let n = tasks.len();
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
    parent
}

/// The row of each link's predecessor and successor (`usize::MAX` when either task is missing).
fn link_rows(project: &Project, rows: &RowIndex) -> (Vec<usize>, Vec<usize>) {
    let mut link_pred = vec![usize::MAX; project.links.len()];
    let mut link_succ = vec![usize::MAX; project.links.len()];
    for (k, link) in project.links.iter().enumerate() {
        if let (Some(p), Some(s)) = (rows.get(link.predecessor), rows.get(link.successor)) {
            link_pred[k] = p;
            link_succ[k] = s;
        }
    }
    (link_pred, link_succ)
}

/// Per row, the links whose `endpoint` it is (the successor for the links into it, the
/// predecessor for those out of it), in link order; links with a missing task (both ends
/// `usize::MAX`, see [`link_rows`]) are left out.
pub(super) fn direct(n: usize, endpoint: &[usize]) -> Lists {
    let mut counts = vec![0u32; n];
    for &row in endpoint {
        if row != usize::MAX {
            counts[row] += 1;
        }
    }
    let mut offsets = vec![0u32; n + 1];
    for i in 0..n {
        offsets[i + 1] = offsets[i] + counts[i];
    }
    let mut items = vec![0u32; offsets[n] as usize];
    let mut next = offsets.clone();
    for (k, &row) in endpoint.iter().enumerate() {
        if row != usize::MAX {
            items[next[row] as usize] = k as u32;
            next[row] += 1;
        }
    }
    Lists { offsets, items }
}

/// Each row's own links followed by those of every summary above it, nearest first.
pub(super) fn inherited(own: &Lists, parent: &[Option<usize>]) -> Lists {
    Lists::build(parent.len(), |row, items| {
        items.extend(own.of(row).map(|k| k as u32));
        let mut up = parent[row];
        while let Some(a) = up {
            items.extend(own.of(a).map(|k| k as u32));
            up = parent[a];
        }
    })
}

/// Rows in an order where every row comes after all it depends on: its predecessors (direct or
/// inherited) and, for a summary, its rows. A cycle is an error naming its tasks.
pub(super) fn topological_order(net: &Net<'_>) -> Result<Vec<usize>, ScheduleError> {
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
