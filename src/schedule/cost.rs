//! What the plan costs: work × rate of each assignment (standard and overtime, per-use costs),
//! fixed costs with their accrual, cost items; actual, remaining and at completion; internal
//! and external; rolled up to summaries and the project, and spread over time.
//!
//! Remaining work follows the task's % complete (remaining = work × (1 − % complete)), so an
//! overrun on the part already done shows in the cost at completion instead of being absorbed
//! by the remaining estimate.

use std::collections::HashMap;
use std::ops::AddAssign;

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime};

use super::calendar::WorkCalendar;
use super::cpm::Schedule;
use crate::model::{Accrual, Origin, Project, Rate, RatePer, ScheduleSettings, Task, TaskId};

/// `rate` in money per working minute, with the project's unit conversions.
pub fn per_minute(rate: Rate, settings: &ScheduleSettings) -> f64 {
    let minutes = match rate.per {
        RatePer::Hour => 60.0,
        RatePer::Day => f64::from(settings.minutes_per_day),
        RatePer::Week => f64::from(settings.minutes_per_week),
        RatePer::Month => f64::from(settings.days_per_month) * f64::from(settings.minutes_per_day),
    };
    if minutes > 0.0 {
        rate.amount / minutes
    } else {
        0.0
    }
}

/// Money figures of a task (its own, or rolled up with its subtasks) or of the project.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CostFigures {
    /// Cost in the compared baseline.
    pub baseline: f64,
    /// Cost at completion by the current plan: actual + remaining.
    pub total: f64,
    pub actual: f64,
    pub remaining: f64,
    /// Of `total`: work of the assigned resources.
    pub labour: f64,
    /// Of `total`: the task's fixed cost.
    pub fixed: f64,
    /// Of `total`: cost items.
    pub items: f64,
    /// Of `total`: spent in-house.
    pub internal: f64,
    /// Of `total`: paid to providers.
    pub external: f64,
}

impl CostFigures {
    /// Cost at completion minus baseline: positive is an overrun.
    pub fn variance(&self) -> f64 {
        self.total - self.baseline
    }
}

impl AddAssign for CostFigures {
    fn add_assign(&mut self, o: Self) {
        self.baseline += o.baseline;
        self.total += o.total;
        self.actual += o.actual;
        self.remaining += o.remaining;
        self.labour += o.labour;
        self.fixed += o.fixed;
        self.items += o.items;
        self.internal += o.internal;
        self.external += o.external;
    }
}

/// The costs of every task of a project (rows in plan order) and of the project.
#[derive(Clone, Debug, Default)]
pub struct CostSheet {
    /// Each task's own cost.
    pub own: Vec<CostFigures>,
    /// Each task's cost with its subtasks'.
    pub rolled: Vec<CostFigures>,
    /// Cost items attached to no task.
    pub unattached: CostFigures,
    pub project: CostFigures,
    /// Each task's completion, 0–1; a summary's is duration-weighted over its subtasks, as in
    /// MS Project.
    pub progress: Vec<f64>,
}

/// How far a task has got.
#[derive(Clone, Copy, Debug)]
pub struct Progress {
    pub fraction: f64,
    pub started: bool,
    pub finished: bool,
}

/// Completion of every row: leaves from their % complete, summaries weighted by the working
/// duration of their leaves.
pub fn progress_fractions(project: &Project) -> Vec<f64> {
    let tasks = &project.tasks;
    let mut fraction = vec![0.0; tasks.len()];
    // (level, done minutes, total minutes) of rows already seen, walking upwards.
    let mut stack: Vec<(u8, f64, f64)> = Vec::new();
    for i in (0..tasks.len()).rev() {
        let level = tasks[i].outline_level;
        let mut done = 0.0;
        let mut total = 0.0;
        let mut children = false;
        while stack.last().is_some_and(|top| top.0 > level) {
            if let Some((_, d, t)) = stack.pop() {
                done += d;
                total += t;
                children = true;
            }
        }
        let own = f64::from(tasks[i].percent_complete.min(100)) / 100.0;
        if children {
            fraction[i] = if total > 0.0 { done / total } else { own };
        } else {
            let (minutes, _) = super::cpm::duration_minutes(project, tasks[i].duration);
            // Milestones weigh as one minute so a plan of milestones still has a completion.
            let weight = (minutes as f64).max(1.0);
            fraction[i] = own;
            done = own * weight;
            total = weight;
        }
        stack.push((level, done, total));
    }
    fraction
}

fn progress_of(task: &Task, fraction: f64) -> Progress {
    Progress {
        fraction,
        started: fraction > 0.0 || task.actual_start.is_some(),
        finished: fraction >= 1.0 || task.actual_finish.is_some(),
    }
}

/// The accrued part of an amount with `accrual`, given progress.
fn accrued(amount: f64, accrual: Accrual, p: Progress) -> f64 {
    match accrual {
        Accrual::Start if p.started => amount,
        Accrual::End if p.finished => amount,
        Accrual::Prorated => amount * p.fraction,
        Accrual::Start | Accrual::End => 0.0,
    }
}

/// The cost sheet, comparing with baseline `baseline` (0 = "Baseline").
pub fn cost_sheet(project: &Project, baseline: u8) -> CostSheet {
    let n = project.tasks.len();
    let rows: HashMap<TaskId, usize> = crate::model::outline::positions(&project.tasks);
    let progress = progress_fractions(project);
    let mut own = vec![CostFigures::default(); n];
    let resources: HashMap<_, _> = project.resources.iter().map(|r| (r.id, r)).collect();
    let settings = &project.settings;

    for a in &project.assignments {
        let (Some(&row), Some(resource)) = (rows.get(&a.task), resources.get(&a.resource)) else {
            continue;
        };
        let p = progress_of(&project.tasks[row], progress[row]);
        let standard = per_minute(resource.standard_rate, settings);
        let overtime = per_minute(resource.overtime_rate, settings);
        let work = a.work_minutes.max(0) as f64;
        let overtime_work = (a.overtime_work_minutes.max(0) as f64).min(work);
        let per_minute_avg = if work > 0.0 {
            ((work - overtime_work) * standard + overtime_work * overtime) / work
        } else {
            standard
        };
        let per_use = resource.cost_per_use;
        let actual_work = a.actual_work_minutes.max(0) as f64;
        let actual = actual_work * per_minute_avg
            + if p.started || actual_work > 0.0 {
                per_use
            } else {
                0.0
            };
        let remaining = if p.finished {
            0.0
        } else {
            work * (1.0 - p.fraction) * per_minute_avg
                + if p.started || actual_work > 0.0 {
                    0.0
                } else {
                    per_use
                }
        };
        let f = &mut own[row];
        f.actual += actual;
        f.remaining += remaining;
        f.labour += actual + remaining;
        if matches!(resource.origin, Origin::External { .. }) {
            f.external += actual + remaining;
        } else {
            f.internal += actual + remaining;
        }
    }

    for (row, task) in project.tasks.iter().enumerate() {
        if task.fixed_cost != 0.0 {
            let p = progress_of(task, progress[row]);
            let actual = accrued(task.fixed_cost, task.fixed_cost_accrual, p);
            let f = &mut own[row];
            f.actual += actual;
            f.remaining += task.fixed_cost - actual;
            f.fixed += task.fixed_cost;
            f.internal += task.fixed_cost;
        }
    }

    let mut unattached = CostFigures::default();
    for item in &project.cost_items {
        let f = match item.task.and_then(|t| rows.get(&t)) {
            Some(&row) => &mut own[row],
            None => &mut unattached,
        };
        if item.actual {
            f.actual += item.amount;
        } else {
            f.remaining += item.amount;
        }
        f.items += item.amount;
        if item.external {
            f.external += item.amount;
        } else {
            f.internal += item.amount;
        }
    }
    unattached.total = unattached.actual + unattached.remaining;

    if let Some(b) = project.baselines.iter().find(|b| b.number == baseline) {
        for entry in &b.tasks {
            if let Some(&row) = rows.get(&entry.task) {
                own[row].baseline = entry.cost;
            }
        }
    }
    for f in &mut own {
        f.total = f.actual + f.remaining;
    }

    let rolled = roll_up(&project.tasks, &own);
    // Every task's own cost once: the same as the roots' rolled-up costs.
    let mut total = unattached;
    for f in &own {
        total += *f;
    }
    CostSheet {
        own,
        rolled,
        unattached,
        project: total,
        progress,
    }
}

/// Each row's figures plus its subtasks'.
pub fn roll_up<F: Copy + AddAssign>(tasks: &[Task], own: &[F]) -> Vec<F> {
    let mut rolled = own.to_vec();
    let mut stack: Vec<(u8, F)> = Vec::new();
    for i in (0..tasks.len()).rev() {
        let level = tasks[i].outline_level;
        while stack.last().is_some_and(|top| top.0 > level) {
            if let Some((_, f)) = stack.pop() {
                rolled[i] += f;
            }
        }
        stack.push((level, rolled[i]));
    }
    rolled
}

/// The end of `date`: midnight after it. Status dates count the whole day.
pub fn end_of_day(date: NaiveDate) -> NaiveDateTime {
    date.checked_add_days(Days::new(1))
        .unwrap_or(date)
        .and_time(NaiveTime::MIN)
}

/// The share of `[from, to]`'s working time that lies before `at` (1 when `to` ≤ `at`).
pub fn share_before(
    cal: &WorkCalendar,
    from: NaiveDateTime,
    to: NaiveDateTime,
    at: NaiveDateTime,
) -> f64 {
    if to <= at {
        return 1.0;
    }
    if from >= at {
        return 0.0;
    }
    let total = cal.working_minutes_between(from, to);
    if total <= 0 {
        // No working time inside: the amount falls at `from`, which is before `at`.
        return 1.0;
    }
    (cal.working_minutes_between(from, at) as f64 / total as f64).clamp(0.0, 1.0)
}

/// Money per calendar day over a date range, to draw curves and fill period columns.
#[derive(Clone, Debug, PartialEq)]
pub struct Daily {
    pub first: NaiveDate,
    pub values: Vec<f64>,
}

/// Period of a time-phased view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Period {
    Day,
    Week,
    #[default]
    Month,
    Year,
}

impl Period {
    pub const ALL: [Period; 4] = [Period::Day, Period::Week, Period::Month, Period::Year];

    /// The first day of the period holding `date` (weeks start on Monday).
    pub fn start_of(self, date: NaiveDate) -> NaiveDate {
        match self {
            Period::Day => date,
            Period::Week => date
                .checked_sub_days(Days::new(u64::from(date.weekday().num_days_from_monday())))
                .unwrap_or(date),
            Period::Month => date.with_day(1).unwrap_or(date),
            Period::Year => NaiveDate::from_ymd_opt(date.year(), 1, 1).unwrap_or(date),
        }
    }

    /// The first day of the next period.
    pub fn next(self, start: NaiveDate) -> NaiveDate {
        let next = match self {
            Period::Day => start.checked_add_days(Days::new(1)),
            Period::Week => start.checked_add_days(Days::new(7)),
            Period::Month => start.checked_add_months(chrono::Months::new(1)),
            Period::Year => start.checked_add_months(chrono::Months::new(12)),
        };
        next.unwrap_or(NaiveDate::MAX)
    }
}

impl Daily {
    /// Zeros from `first` to `last` inclusive.
    pub fn new(first: NaiveDate, last: NaiveDate) -> Self {
        let days = (last - first).num_days().max(0) as usize + 1;
        Self {
            first,
            values: vec![0.0; days],
        }
    }

    pub fn last(&self) -> NaiveDate {
        self.first
            .checked_add_days(Days::new(self.values.len().saturating_sub(1) as u64))
            .unwrap_or(self.first)
    }

    fn index(&self, date: NaiveDate) -> usize {
        ((date - self.first).num_days().max(0) as usize).min(self.values.len().saturating_sub(1))
    }

    /// Adds `amount` on `date` (clamped into the range).
    pub fn add_at(&mut self, date: NaiveDate, amount: f64) {
        if self.values.is_empty() {
            return;
        }
        let i = self.index(date);
        self.values[i] += amount;
    }

    /// Spreads `amount` over the working time of `[from, to]` in proportion to each day's
    /// working minutes; all at `from` when there is no working time inside.
    pub fn spread(
        &mut self,
        cal: &WorkCalendar,
        from: NaiveDateTime,
        to: NaiveDateTime,
        amount: f64,
    ) {
        if amount == 0.0 {
            return;
        }
        let total = if to > from {
            cal.working_minutes_between(from, to)
        } else {
            0
        };
        if total <= 0 {
            self.add_at(from.date(), amount);
            return;
        }
        let mut day = from.date();
        while day <= to.date() {
            let lo = from.max(day.and_time(NaiveTime::MIN));
            let hi = to.min(end_of_day(day));
            let minutes = cal.working_minutes_between(lo, hi);
            if minutes > 0 {
                self.add_at(day, amount * minutes as f64 / total as f64);
            }
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
    }

    /// The sum of the days up to and including `date`.
    pub fn cumulative_through(&self, date: NaiveDate) -> f64 {
        if date < self.first {
            return 0.0;
        }
        let end = ((date - self.first).num_days() as usize + 1).min(self.values.len());
        self.values[..end].iter().sum()
    }

    /// Running totals, one per day.
    pub fn cumulative(&self) -> Vec<f64> {
        let mut sum = 0.0;
        self.values
            .iter()
            .map(|v| {
                sum += v;
                sum
            })
            .collect()
    }

    /// Sums by period: (first day of the period, amount), every period of the range.
    pub fn by_period(&self, period: Period) -> Vec<(NaiveDate, f64)> {
        let mut out: Vec<(NaiveDate, f64)> = Vec::new();
        let mut day = self.first;
        for v in &self.values {
            let start = period.start_of(day);
            match out.last_mut() {
                Some((s, sum)) if *s == start => *sum += v,
                _ => out.push((start, *v)),
            }
            day = day.succ_opt().unwrap_or(day);
        }
        out
    }
}

/// Where each task's actual work stops: its actual finish, else the status date's end, else its
/// start plus its % complete of its duration.
fn done_until(
    task: &Task,
    dates: (NaiveDateTime, NaiveDateTime),
    p: Progress,
    status_end: Option<NaiveDateTime>,
    cal: &WorkCalendar,
) -> NaiveDateTime {
    let start = task.actual_start.unwrap_or(dates.0);
    if let Some(f) = task.actual_finish {
        return f.max(start);
    }
    if p.finished {
        return dates.1.max(start);
    }
    if let Some(s) = status_end
        && s > start
    {
        return s.min(dates.1.max(start));
    }
    let minutes = cal.working_minutes_between(start, dates.1.max(start));
    cal.add_working(start, (minutes as f64 * p.fraction).round() as i64)
        .unwrap_or(start)
}

/// Cost over time: what was spent (actual), what is left (remaining, after the status date),
/// and what the baseline planned; summed over the project.
#[derive(Clone, Debug, PartialEq)]
pub struct PhasedCosts {
    pub actual: Daily,
    pub remaining: Daily,
    pub baseline: Daily,
    /// Earned value (baseline cost × completion) over the time the work was done.
    pub earned: Daily,
}

/// Only leaves and summaries' own costs are spread, so nothing counts twice.
pub fn phased_costs(
    project: &Project,
    schedule: &Schedule,
    sheet: &CostSheet,
    cal: &WorkCalendar,
    baseline: u8,
    status: Option<NaiveDate>,
) -> PhasedCosts {
    let status_end = status.map(end_of_day);
    let base = project.baselines.iter().find(|b| b.number == baseline);
    let dates = |i: usize| {
        schedule
            .tasks
            .get(i)
            .map_or((project.tasks[i].start, project.tasks[i].finish), |d| {
                (d.start, d.finish)
            })
    };
    // The range: everything that carries money.
    let mut first = project.meta.start;
    let mut last = project.meta.start;
    let mut widen = |d: NaiveDate| {
        first = first.min(d);
        last = last.max(d);
    };
    for (i, t) in project.tasks.iter().enumerate() {
        let (s, f) = dates(i);
        widen(t.actual_start.unwrap_or(s).date());
        widen(f.date());
    }
    for b in base.iter().flat_map(|b| &b.tasks) {
        widen(b.start.date());
        widen(b.finish.date());
    }
    for item in &project.cost_items {
        widen(item.date);
    }
    if let Some(s) = status {
        widen(s);
    }
    let mut out = PhasedCosts {
        actual: Daily::new(first, last),
        remaining: Daily::new(first, last),
        baseline: Daily::new(first, last),
        earned: Daily::new(first, last),
    };

    let rows = crate::model::outline::positions(&project.tasks);
    // The sheet's own figures mix labour, fixed cost and items; take the fixed cost and the
    // items out so each is placed by its own rule.
    let mut fixed_actual = vec![0.0; project.tasks.len()];
    for (row, task) in project.tasks.iter().enumerate() {
        let p = progress_of(task, sheet.progress[row]);
        fixed_actual[row] = accrued(task.fixed_cost, task.fixed_cost_accrual, p);
    }
    let mut items_actual = vec![0.0; project.tasks.len()];
    let mut items_remaining = vec![0.0; project.tasks.len()];
    for item in &project.cost_items {
        if let Some(&row) = item.task.and_then(|t| rows.get(&t)) {
            if item.actual {
                items_actual[row] += item.amount;
            } else {
                items_remaining[row] += item.amount;
            }
        }
    }
    for (row, task) in project.tasks.iter().enumerate() {
        let f = &sheet.own[row];
        let labour_actual = f.actual - fixed_actual[row] - items_actual[row];
        let labour_remaining =
            f.remaining - (task.fixed_cost - fixed_actual[row]) - items_remaining[row];
        let p = progress_of(task, sheet.progress[row]);
        let (start, finish) = dates(row);
        let actual_start = task.actual_start.unwrap_or(start);
        let until = done_until(task, (start, finish), p, status_end, cal);
        out.actual.spread(cal, actual_start, until, labour_actual);
        let rest_from = until.max(start);
        out.remaining
            .spread(cal, rest_from, finish.max(rest_from), labour_remaining);
        match task.fixed_cost_accrual {
            Accrual::Start => {
                if p.started {
                    out.actual.add_at(actual_start.date(), fixed_actual[row]);
                } else {
                    out.remaining.add_at(start.date(), task.fixed_cost);
                }
            }
            Accrual::End => {
                if p.finished {
                    out.actual.add_at(until.date(), fixed_actual[row]);
                } else {
                    out.remaining.add_at(finish.date(), task.fixed_cost);
                }
            }
            Accrual::Prorated => {
                out.actual
                    .spread(cal, actual_start, until, fixed_actual[row]);
                out.remaining.spread(
                    cal,
                    rest_from,
                    finish.max(rest_from),
                    task.fixed_cost - fixed_actual[row],
                );
            }
        }
        let earned = f.baseline * p.fraction;
        out.earned.spread(cal, actual_start, until, earned);
    }
    for item in &project.cost_items {
        if item.actual {
            out.actual.add_at(item.date, item.amount);
        } else {
            out.remaining.add_at(item.date, item.amount);
        }
    }
    for b in base.iter().flat_map(|b| &b.tasks) {
        if rows.contains_key(&b.task) {
            out.baseline.spread(cal, b.start, b.finish, b.cost);
        }
    }
    out
}
