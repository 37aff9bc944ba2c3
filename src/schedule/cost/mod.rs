//! What the plan costs: work × rate of each assignment (standard and overtime, per-use costs),
//! fixed costs with their accrual, cost items; actual, remaining and at completion; internal
//! and external; rolled up to summaries and the project, and spread over time.
//!
//! Remaining work follows the task's % complete (remaining = work × (1 − % complete)), so an
//! overrun on the part already done shows in the cost at completion instead of being absorbed
//! by the remaining estimate.
//!
//! This file is the cost sheet: how much, per task and for the project. Where that money falls
//! in time is `phasing`'s; its items are re-exported here so that callers keep naming them
//! `schedule::cost::X` whichever half they come from.

use std::collections::HashMap;
use std::ops::AddAssign;

use crate::model::{Accrual, Origin, Project, Rate, RatePer, ScheduleSettings, Task};

mod phasing;

pub use phasing::{
    Daily, Period, PhaseInput, PhasedCosts, Stream, end_of_day, items_by_row, phased_by_row,
    phased_costs, planned, share_before, spread_into,
};

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
    let rows = crate::model::outline::positions(&project.tasks);
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

/// Per row: (amount of all its cost items, amount of those already incurred).
pub fn item_amounts(project: &Project) -> Vec<(f64, f64)> {
    let rows = crate::model::outline::positions(&project.tasks);
    let mut out = vec![(0.0, 0.0); project.tasks.len()];
    for item in &project.cost_items {
        if let Some(&row) = item.task.and_then(|t| rows.get(&t)) {
            out[row].0 += item.amount;
            if item.actual {
                out[row].1 += item.amount;
            }
        }
    }
    out
}

/// Earned value of a task's own budget `bac` at completion `fraction`: its cost items are
/// earned when incurred, the rest of the budget with the work; never more than the budget.
pub fn earned(bac: f64, fraction: f64, (items, items_incurred): (f64, f64)) -> f64 {
    let work_budget = (bac - items).max(0.0);
    (work_budget * fraction + items_incurred.min(bac - work_budget)).min(bac)
}
