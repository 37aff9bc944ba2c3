//! Cost over time: where in the calendar the cost sheet's money falls. Each task's actual cost
//! is spread over the time its work was done, its remaining cost over the rest of its dates,
//! the baseline over the baseline's dates, fixed costs by their accrual and cost items on
//! their own dates; summed per day for the curves or per period and row for the tables.
//!
//! Kept apart from the sheet ([`super`]) because it answers "when", not "how much": it only
//! reads the sheet's figures, and the sheet never needs a calendar.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime};

use super::{CostSheet, Progress, accrued, earned, item_amounts, progress_of};
use crate::model::{Accrual, Project, Task};
use crate::schedule::calendar::WorkCalendar;
use crate::schedule::cpm::Schedule;

/// Per row, its cost items as (date, amount), in date order.
pub fn items_by_row(project: &Project) -> Vec<Vec<(NaiveDate, f64)>> {
    let rows = crate::model::outline::positions(&project.tasks);
    let mut out = vec![Vec::new(); project.tasks.len()];
    for item in &project.cost_items {
        if let Some(&row) = item.task.and_then(|t| rows.get(&t)) {
            out[row].push((item.date, item.amount));
        }
    }
    for items in &mut out {
        items.sort_by_key(|i| i.0);
    }
    out
}

/// Planned value of a task's own budget `bac` (baseline from `start` to `finish`) by `at`: the
/// work's share of the budget in proportion to the baseline's working time elapsed, the cost
/// items' share on their dates — as they are earned (see [`earned`]).
pub fn planned(
    cal: &WorkCalendar,
    bac: f64,
    (start, finish): (NaiveDateTime, NaiveDateTime),
    items: &[(NaiveDate, f64)],
    at: NaiveDateTime,
) -> f64 {
    let items_total: f64 = items.iter().map(|i| i.1).sum();
    let work_budget = (bac - items_total).max(0.0);
    let items_due: f64 = items
        .iter()
        .filter(|i| end_of_day(i.0) <= at)
        .map(|i| i.1)
        .sum();
    work_budget * share_before(cal, start, finish, at) + items_due.min(bac - work_budget)
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

/// Gives `amount` out over the working time of `[from, to]`, day by day in proportion to each
/// day's working minutes; all at `from` when there is no working time inside.
pub fn spread_into(
    cal: &WorkCalendar,
    from: NaiveDateTime,
    to: NaiveDateTime,
    amount: f64,
    emit: &mut impl FnMut(NaiveDate, f64),
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
        emit(from.date(), amount);
        return;
    }
    cal.minutes_by_day(from, to, &mut |day, minutes| {
        emit(day, amount * minutes as f64 / total as f64);
    });
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

    /// Spreads `amount` over the working time of `[from, to]` (see [`spread_into`]).
    pub fn spread(
        &mut self,
        cal: &WorkCalendar,
        from: NaiveDateTime,
        to: NaiveDateTime,
        amount: f64,
    ) {
        spread_into(cal, from, to, amount, &mut |day, v| self.add_at(day, v));
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

/// Which curve a dated amount belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Actual,
    Remaining,
    Baseline,
    Earned,
}

/// What the time-phased views need to place money in time.
pub struct PhaseInput<'a> {
    pub project: &'a Project,
    pub schedule: &'a Schedule,
    pub sheet: &'a CostSheet,
    pub cal: &'a WorkCalendar,
    pub baseline: u8,
    pub status: Option<NaiveDate>,
}

impl PhaseInput<'_> {
    fn dates(&self, i: usize) -> (NaiveDateTime, NaiveDateTime) {
        let t = &self.project.tasks[i];
        self.schedule
            .tasks
            .get(i)
            .map_or((t.start, t.finish), |d| (d.start, d.finish))
    }

    /// The first and last day that carry money.
    pub fn range(&self) -> (NaiveDate, NaiveDate) {
        let p = self.project;
        let mut first = p.meta.start;
        let mut last = p.meta.start;
        let mut widen = |d: NaiveDate| {
            first = first.min(d);
            last = last.max(d);
        };
        for (i, t) in p.tasks.iter().enumerate() {
            let (s, f) = self.dates(i);
            widen(t.actual_start.unwrap_or(s).date());
            widen(f.date());
        }
        let base = p.baselines.iter().find(|b| b.number == self.baseline);
        for b in base.iter().flat_map(|b| &b.tasks) {
            widen(b.start.date());
            widen(b.finish.date());
        }
        for item in &p.cost_items {
            widen(item.date);
        }
        if let Some(s) = self.status {
            widen(s);
        }
        (first, last)
    }

    /// Every dated amount of the project: (row of the task it belongs to, curve, day, amount).
    /// Only each task's own costs are given, so nothing counts twice in a sum.
    pub fn each_amount(&self, emit: &mut impl FnMut(Option<usize>, Stream, NaiveDate, f64)) {
        let (project, sheet, cal) = (self.project, self.sheet, self.cal);
        let status_end = self.status.map(end_of_day);
        let rows = crate::model::outline::positions(&project.tasks);
        // The sheet's own figures mix labour, fixed cost and items; take the fixed cost and the
        // items out so each is placed by its own rule.
        let amounts = item_amounts(project);
        let items_all: Vec<f64> = amounts.iter().map(|a| a.0).collect();
        let items_actual: Vec<f64> = amounts.iter().map(|a| a.1).collect();
        // What each row's incurred items may still earn: its budget beyond the work's share.
        let mut earnable: Vec<f64> = (0..project.tasks.len())
            .map(|row| {
                let bac = sheet.own[row].baseline;
                earned(bac, 0.0, amounts[row]).max(0.0)
            })
            .collect();
        for item in &project.cost_items {
            let row = item.task.and_then(|t| rows.get(&t)).copied();
            let stream = if item.actual {
                Stream::Actual
            } else {
                Stream::Remaining
            };
            emit(row, stream, item.date, item.amount);
            if item.actual
                && let Some(row) = row
            {
                let e = item.amount.min(earnable[row]);
                earnable[row] -= e;
                emit(Some(row), Stream::Earned, item.date, e);
            }
        }
        for (row, task) in project.tasks.iter().enumerate() {
            let f = &sheet.own[row];
            let p = progress_of(task, sheet.progress[row]);
            let fixed_actual = accrued(task.fixed_cost, task.fixed_cost_accrual, p);
            let labour_actual = f.actual - fixed_actual - items_actual[row];
            let labour_remaining = f.remaining
                - (task.fixed_cost - fixed_actual)
                - (items_all[row] - items_actual[row]);
            let (start, finish) = self.dates(row);
            let actual_start = task.actual_start.unwrap_or(start);
            let until = done_until(task, (start, finish), p, status_end, cal);
            let rest_from = until.max(start);
            let rest_to = finish.max(rest_from);
            let mut actual = |d: NaiveDate, v: f64| emit(Some(row), Stream::Actual, d, v);
            spread_into(cal, actual_start, until, labour_actual, &mut actual);
            match task.fixed_cost_accrual {
                Accrual::Start if p.started => actual(actual_start.date(), fixed_actual),
                Accrual::End if p.finished => actual(until.date(), fixed_actual),
                Accrual::Prorated => {
                    spread_into(cal, actual_start, until, fixed_actual, &mut actual);
                }
                Accrual::Start | Accrual::End => {}
            }
            let mut remaining = |d: NaiveDate, v: f64| emit(Some(row), Stream::Remaining, d, v);
            spread_into(cal, rest_from, rest_to, labour_remaining, &mut remaining);
            match task.fixed_cost_accrual {
                Accrual::Start if !p.started => remaining(start.date(), task.fixed_cost),
                Accrual::End if !p.finished => remaining(finish.date(), task.fixed_cost),
                Accrual::Prorated => spread_into(
                    cal,
                    rest_from,
                    rest_to,
                    task.fixed_cost - fixed_actual,
                    &mut remaining,
                ),
                Accrual::Start | Accrual::End => {}
            }
            // The work's share of the earned value over the time it was done; the cost items'
            // share on the days they were incurred (below).
            let work_earned = earned(f.baseline, p.fraction, (items_all[row], 0.0));
            spread_into(cal, actual_start, until, work_earned, &mut |d, v| {
                emit(Some(row), Stream::Earned, d, v);
            });
        }
        // The baseline: the work's share over its dates, the items' share on their dates.
        let base = project.baselines.iter().find(|b| b.number == self.baseline);
        for b in base.iter().flat_map(|b| &b.tasks) {
            if let Some(&row) = rows.get(&b.task) {
                let work_budget = (b.cost - items_all[row]).max(0.0);
                spread_into(cal, b.start, b.finish, work_budget, &mut |d, v| {
                    emit(Some(row), Stream::Baseline, d, v);
                });
                let mut left = b.cost - work_budget;
                for item in project.cost_items.iter().filter(|i| i.task == Some(b.task)) {
                    let v = item.amount.min(left);
                    left -= v;
                    emit(Some(row), Stream::Baseline, item.date, v);
                }
            }
        }
    }
}

/// The project's costs over time, day by day.
pub fn phased_costs(input: &PhaseInput<'_>) -> PhasedCosts {
    let (first, last) = input.range();
    let mut out = PhasedCosts {
        actual: Daily::new(first, last),
        remaining: Daily::new(first, last),
        baseline: Daily::new(first, last),
        earned: Daily::new(first, last),
    };
    input.each_amount(&mut |_, stream, day, amount| {
        let daily = match stream {
            Stream::Actual => &mut out.actual,
            Stream::Remaining => &mut out.remaining,
            Stream::Baseline => &mut out.baseline,
            Stream::Earned => &mut out.earned,
        };
        daily.add_at(day, amount);
    });
    out
}

/// Cost at completion (actual + remaining) of every row by period, summaries with their
/// subtasks: the periods' first days, then one row of amounts per task.
pub fn phased_by_row(input: &PhaseInput<'_>, period: Period) -> (Vec<NaiveDate>, Vec<Vec<f64>>) {
    let (first, last) = input.range();
    let mut periods = Vec::new();
    let mut p = period.start_of(first);
    while p <= last {
        periods.push(p);
        p = period.next(p);
    }
    let n = input.project.tasks.len();
    let mut own = vec![vec![0.0; periods.len()]; n];
    input.each_amount(&mut |row, stream, day, amount| {
        if let (Some(row), Stream::Actual | Stream::Remaining) = (row, stream) {
            let k = periods.partition_point(|p| *p <= day).saturating_sub(1);
            if let Some(cell) = own[row].get_mut(k) {
                *cell += amount;
            }
        }
    });
    // Roll up, deepest rows first, as `roll_up` does for single figures.
    let tasks = &input.project.tasks;
    let mut stack: Vec<usize> = Vec::new();
    for i in (0..n).rev() {
        let level = tasks[i].outline_level;
        while let Some(&top) = stack.last() {
            if tasks[top].outline_level <= level {
                break;
            }
            stack.pop();
            let (head, tail) = own.split_at_mut(top);
            for (a, b) in head[i].iter_mut().zip(&tail[0]) {
                *a += *b;
            }
        }
        stack.push(i);
    }
    (periods, own)
}
