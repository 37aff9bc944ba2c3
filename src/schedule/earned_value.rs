//! Earned value at a status date, per task, summary and project, and over time.
//!
//! PV (BCWS) is the compared baseline's cost spread over its dates' working time up to the end
//! of the status date; EV (BCWP) is the baseline cost times the completion; AC (ACWP) is the
//! actual cost. Summaries add their subtasks. A task's cost items (licences, hardware,
//! services) are earned when they are incurred, the rest of its budget as its work progresses. Cost items attached to no task have no baseline
//! and stay out of earned value (they show in the cost figures).

use std::collections::HashMap;
use std::ops::AddAssign;

use chrono::{Datelike, NaiveDate, Weekday};

use super::as_of::SpentBy;
use super::calendar::WorkCalendar;
use super::cost::{self, CostSheet, PhasedCosts};
use crate::model::{EacMethod, Project};

/// The earned-value figures of a task, a summary or the project.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct EvFigures {
    /// Budget at completion.
    pub bac: f64,
    pub pv: f64,
    pub ev: f64,
    pub ac: f64,
    /// EV − PV.
    pub sv: f64,
    /// EV − AC.
    pub cv: f64,
    /// EV / PV; none while nothing was planned.
    pub spi: Option<f64>,
    /// EV / AC; none while nothing was spent.
    pub cpi: Option<f64>,
    pub eac: f64,
    /// EAC − AC.
    pub etc: f64,
    /// BAC − EAC.
    pub vac: f64,
    /// (BAC − EV) / (BAC − AC): the efficiency the rest must reach to finish on budget; none
    /// when the budget is spent.
    pub tcpi: Option<f64>,
    /// EV / BAC × 100.
    pub percent_complete: f64,
}

fn ratio(a: f64, b: f64) -> Option<f64> {
    (b.abs() > 1e-9).then(|| a / b)
}

impl EvFigures {
    /// The derived figures from BAC, PV, EV and AC. When an index needed by `method` is
    /// undefined or zero, EAC falls back to AC + (BAC − EV).
    pub fn new(bac: f64, pv: f64, ev: f64, ac: f64, method: EacMethod) -> Self {
        let spi = ratio(ev, pv);
        let cpi = ratio(ev, ac);
        let by_budget = ac + (bac - ev);
        let eac = match method {
            EacMethod::Budget => by_budget,
            EacMethod::Cpi => match cpi {
                Some(c) if c > 1e-9 => bac / c,
                _ => by_budget,
            },
            EacMethod::CpiSpi => match (cpi, spi) {
                (Some(c), Some(s)) if c * s > 1e-9 => ac + (bac - ev) / (c * s),
                _ => by_budget,
            },
        };
        Self {
            bac,
            pv,
            ev,
            ac,
            sv: ev - pv,
            cv: ev - ac,
            spi,
            cpi,
            eac,
            etc: eac - ac,
            vac: bac - eac,
            tcpi: ratio(bac - ev, bac - ac),
            percent_complete: ratio(ev, bac).map_or(0.0, |r| r * 100.0),
        }
    }
}

#[derive(Clone, Copy, Debug, Default)]
struct Base {
    bac: f64,
    pv: f64,
    ev: f64,
    ac: f64,
}

impl AddAssign for Base {
    fn add_assign(&mut self, o: Self) {
        self.bac += o.bac;
        self.pv += o.pv;
        self.ev += o.ev;
        self.ac += o.ac;
    }
}

/// Earned value of every task (rows in plan order, summaries rolled up) and of the project.
#[derive(Clone, Debug, Default)]
pub struct EarnedValue {
    pub status: Option<NaiveDate>,
    pub tasks: Vec<EvFigures>,
    pub project: EvFigures,
}

/// Earned value at the end of `status`, against the baseline chosen in the project's settings,
/// with EV and AC the recorded totals (progress recorded through `status`).
pub fn earned_value(
    project: &Project,
    sheet: &CostSheet,
    cal: &WorkCalendar,
    status: NaiveDate,
) -> EarnedValue {
    earned_value_as_of(project, sheet, cal, status, None)
}

/// Earned value at the end of `status`; with `spent`, each task's EV and AC are what had been
/// earned and spent by then (see [`super::as_of`]) instead of the recorded totals.
pub fn earned_value_as_of(
    project: &Project,
    sheet: &CostSheet,
    cal: &WorkCalendar,
    status: NaiveDate,
    spent: Option<&SpentBy>,
) -> EarnedValue {
    let status_end = cost::end_of_day(status);
    let method = project.earned_value.eac;
    let baseline: HashMap<_, _, foldhash::fast::FixedState> = project
        .baselines
        .iter()
        .find(|b| b.number == project.earned_value.baseline)
        .map(|b| b.tasks.iter().map(|t| (t.task, t)).collect())
        .unwrap_or_default();
    let items = cost::item_amounts(project);
    let dated_items = cost::items_by_row(project);
    let own: Vec<Base> = project
        .tasks
        .iter()
        .enumerate()
        .map(|(row, task)| {
            let bac = sheet.own[row].baseline;
            let pv = baseline.get(&task.id).map_or(0.0, |b| {
                cost::planned(
                    cal,
                    b.cost,
                    (b.start, b.finish),
                    &dated_items[row],
                    status_end,
                )
            });
            let (ev, ac) = match spent {
                Some(s) => (s.earned[row], s.actual[row]),
                None => (
                    cost::earned(bac, sheet.progress[row], items[row]),
                    sheet.own[row].actual,
                ),
            };
            Base { bac, pv, ev, ac }
        })
        .collect();
    let rolled = cost::roll_up(&project.tasks, &own);
    let mut total = Base::default();
    for b in &own {
        total += *b;
    }
    EarnedValue {
        status: Some(status),
        tasks: rolled
            .iter()
            .map(|b| EvFigures::new(b.bac, b.pv, b.ev, b.ac, method))
            .collect(),
        project: EvFigures::new(total.bac, total.pv, total.ev, total.ac, method),
    }
}

/// One point of the S-curves. EV and AC stop at the status date; the forecast starts there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EvPoint {
    pub date: NaiveDate,
    pub pv: f64,
    pub ev: Option<f64>,
    pub ac: Option<f64>,
    /// AC at the status date plus the remaining cost as planned, scaled to end at EAC.
    pub forecast: Option<f64>,
}

impl EvPoint {
    pub fn spi(&self) -> Option<f64> {
        self.ev.and_then(|ev| ratio(ev, self.pv))
    }

    pub fn cpi(&self) -> Option<f64> {
        self.ev.zip(self.ac).and_then(|(ev, ac)| ratio(ev, ac))
    }
}

/// Weekly points (each Friday), plus the status date and the last day, over the whole range
/// of the phased costs.
pub fn series(phased: &PhasedCosts, status: NaiveDate, eac: f64) -> Vec<EvPoint> {
    let pv = phased.baseline.cumulative();
    let ev = phased.earned.cumulative();
    let ac = phased.actual.cumulative();
    let remaining = phased.remaining.cumulative();
    let first = phased.baseline.first;
    let index =
        |d: NaiveDate| ((d - first).num_days().max(0) as usize).min(pv.len().saturating_sub(1));
    let at = |v: &[f64], d: NaiveDate| v.get(index(d)).copied().unwrap_or(0.0);
    let ac_status = at(&ac, status);
    let remaining_total = remaining.last().copied().unwrap_or(0.0);
    let remaining_at_status = at(&remaining, status);
    let to_spend = eac - ac_status;
    let mut dates: Vec<NaiveDate> = Vec::new();
    let mut day = first;
    let last = phased.baseline.last();
    while day <= last {
        if day.weekday() == Weekday::Fri || day == status || day == last {
            dates.push(day);
        }
        match day.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
    }
    dates
        .into_iter()
        .map(|d| {
            let done = d <= status;
            let forecast = (d >= status).then(|| {
                let left = remaining_total - remaining_at_status;
                let planned = at(&remaining, d) - remaining_at_status;
                if left > 1e-9 {
                    ac_status + to_spend * (planned / left)
                } else {
                    eac
                }
            });
            EvPoint {
                date: d,
                pv: at(&pv, d),
                ev: done.then(|| at(&ev, d)),
                ac: done.then(|| at(&ac, d)),
                forecast,
            }
        })
        .collect()
}
