//! What the dashboard shows: headline indicators with their red / amber / green status, budget
//! against actual and forecast by phase and by year, and the milestone trend.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::as_of::SpentBy;
use super::cost::{CostSheet, Period, PhasedCosts};
use super::cpm::Schedule;
use super::earned_value::EvFigures;
use crate::model::{AnomalyStatus, Project, RiskStatus, Severity, TaskId, outline};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rag {
    Green,
    Amber,
    Red,
    /// Not enough data to judge (no baseline, nothing planned yet).
    Unknown,
}

/// Green at or above `green`, amber at or above `amber`, red below.
fn rag_at_least(value: Option<f64>, green: f64, amber: f64) -> Rag {
    match value {
        Some(v) if v >= green => Rag::Green,
        Some(v) if v >= amber => Rag::Amber,
        Some(_) => Rag::Red,
        None => Rag::Unknown,
    }
}

/// The worse of two statuses; unknown only when both are.
fn worst(a: Rag, b: Rag) -> Rag {
    let rank = |r: Rag| match r {
        Rag::Unknown => 0,
        Rag::Green => 1,
        Rag::Amber => 2,
        Rag::Red => 3,
    };
    if rank(a) >= rank(b) { a } else { b }
}

/// Green at zero, amber up to `amber`, red above.
fn rag_count(count: u32, amber: u32) -> Rag {
    match count {
        0 => Rag::Green,
        c if c <= amber => Rag::Amber,
        _ => Rag::Red,
    }
}

/// The five headline indicators of a steering committee.
#[derive(Clone, Debug, PartialEq)]
pub struct Headline {
    pub schedule: Rag,
    pub spi: Option<f64>,
    /// Forecast finish minus the baseline's finish, in calendar days (positive is late).
    pub finish_slip_days: Option<i64>,
    pub forecast_finish: Option<NaiveDateTime>,
    pub cost: Rag,
    pub cpi: Option<f64>,
    pub eac: f64,
    pub bac: f64,
    pub scope: Rag,
    pub requirements: usize,
    pub requirements_covered: usize,
    pub quality: Rag,
    pub open_blocking_anomalies: u32,
    pub open_anomalies: u32,
    pub risk: Rag,
    pub critical_risks: u32,
    pub open_risks: u32,
    pub risk_cost_exposure: f64,
}

fn anomaly_open(status: AnomalyStatus) -> bool {
    matches!(
        status,
        AnomalyStatus::New
            | AnomalyStatus::Analysed
            | AnomalyStatus::InCorrection
            | AnomalyStatus::Fixed
    )
}

/// Requirements referenced by at least one test case.
pub fn covered_requirements(project: &Project) -> usize {
    let covered: std::collections::HashSet<_> = project
        .test_cases
        .iter()
        .flat_map(|c| c.requirements.iter().copied())
        .collect();
    project
        .requirements
        .iter()
        .filter(|r| covered.contains(&r.id))
        .count()
}

pub fn headline(project: &Project, schedule: Option<&Schedule>, ev: &EvFigures) -> Headline {
    let rag = &project.rag;
    let baseline_finish = project
        .baselines
        .iter()
        .find(|b| b.number == project.earned_value.baseline)
        .and_then(|b| b.tasks.iter().map(|t| t.finish).max());
    let forecast_finish = schedule.map(|s| s.project_finish);
    let finish_slip_days = baseline_finish
        .zip(forecast_finish)
        .map(|(b, f)| (f.date() - b.date()).num_days());

    let requirements = project.requirements.len();
    let requirements_covered = covered_requirements(project);
    let coverage = (requirements > 0).then(|| requirements_covered as f64 / requirements as f64);

    let open = project.anomalies.iter().filter(|a| anomaly_open(a.status));
    let open_anomalies = open.clone().count() as u32;
    let open_blocking_anomalies = open.filter(|a| a.severity == Severity::Blocking).count() as u32;

    let open_risks: Vec<_> = project
        .risks
        .iter()
        .filter(|r| r.status != RiskStatus::Closed)
        .collect();
    let critical_risks = open_risks
        .iter()
        .filter(|r| r.exposure() >= rag.critical_risk_exposure)
        .count() as u32;

    let slip = match finish_slip_days {
        Some(d) if d > rag.slip_amber_days => Rag::Red,
        Some(d) if d > rag.slip_green_days => Rag::Amber,
        Some(_) => Rag::Green,
        None => Rag::Unknown,
    };
    Headline {
        schedule: worst(rag_at_least(ev.spi, rag.index_green, rag.index_amber), slip),
        spi: ev.spi,
        finish_slip_days,
        forecast_finish,
        cost: rag_at_least(ev.cpi, rag.index_green, rag.index_amber),
        cpi: ev.cpi,
        eac: ev.eac,
        bac: ev.bac,
        scope: rag_at_least(coverage, rag.coverage_green, rag.coverage_amber),
        requirements,
        requirements_covered,
        quality: rag_count(open_blocking_anomalies, rag.blocking_anomalies_amber),
        open_blocking_anomalies,
        open_anomalies,
        risk: rag_count(critical_risks, rag.critical_risks_amber),
        critical_risks,
        open_risks: open_risks.len() as u32,
        risk_cost_exposure: open_risks
            .iter()
            .map(|r| r.cost_exposure * f64::from(r.probability) / 5.0)
            .sum(),
    }
}

/// Budget, actual and forecast of one phase or one year.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetRow {
    pub label: String,
    pub budget: f64,
    pub actual: f64,
    /// Cost at completion by the current plan.
    pub forecast: f64,
}

/// One row per top-level task, plus one for the project-level budget and costs when there are.
pub fn budget_by_phase(project: &Project, sheet: &CostSheet) -> Vec<BudgetRow> {
    budget_by_phase_as_of(project, sheet, None)
}

/// [`budget_by_phase`], with the actual costs spent by `spent`'s date when given (the forecast
/// stays the cost at completion by the current plan).
pub fn budget_by_phase_as_of(
    project: &Project,
    sheet: &CostSheet,
    spent: Option<&SpentBy>,
) -> Vec<BudgetRow> {
    let rolled_actual: Vec<f64> = match spent {
        Some(s) => super::cost::roll_up(&project.tasks, &s.actual),
        None => sheet.rolled.iter().map(|r| r.actual).collect(),
    };
    let unattached_actual = spent.map_or(sheet.unattached.actual, |s| s.unattached_actual);
    let top = project
        .tasks
        .iter()
        .map(|t| t.outline_level)
        .min()
        .unwrap_or(1);
    let mut rows = Vec::new();
    let mut phase_ids: Vec<TaskId> = Vec::new();
    for (i, t) in project.tasks.iter().enumerate() {
        if t.outline_level == top {
            phase_ids.push(t.id);
            let r = &sheet.rolled[i];
            rows.push(BudgetRow {
                label: t.name.clone(),
                budget: 0.0,
                actual: rolled_actual[i],
                forecast: r.total,
            });
        }
    }
    // A budget line may name a phase below the top level: it counts in its top-level parent.
    let top_of = |id: TaskId| -> Option<usize> {
        let index = project.tasks.iter().position(|t| t.id == id)?;
        let mut i = index;
        while project.tasks[i].outline_level > top {
            i = outline::parent_index(&project.tasks, i)?;
        }
        phase_ids.iter().position(|p| *p == project.tasks[i].id)
    };
    let mut project_level = BudgetRow {
        label: String::new(),
        budget: 0.0,
        actual: unattached_actual,
        forecast: sheet.unattached.total,
    };
    for line in &project.budget_lines {
        match line.phase.and_then(top_of) {
            Some(k) => rows[k].budget += line.amount,
            None => project_level.budget += line.amount,
        }
    }
    if project_level.budget != 0.0 || project_level.forecast != 0.0 {
        rows.push(project_level);
    }
    rows
}

/// One row per calendar year that has a budget or a cost.
pub fn budget_by_year(project: &Project, phased: &PhasedCosts) -> Vec<BudgetRow> {
    budget_by_year_through(project, phased, None)
}

/// [`budget_by_year`], counting as actual only what was spent by the end of `through` when
/// given; what was spent after it stays in the forecast.
pub fn budget_by_year_through(
    project: &Project,
    phased: &PhasedCosts,
    through: Option<NaiveDate>,
) -> Vec<BudgetRow> {
    fn row(years: &mut BTreeMap<i32, BudgetRow>, year: i32) -> &mut BudgetRow {
        years.entry(year).or_insert_with(|| BudgetRow {
            label: year.to_string(),
            budget: 0.0,
            actual: 0.0,
            forecast: 0.0,
        })
    }
    let mut years: BTreeMap<i32, BudgetRow> = BTreeMap::new();
    for line in &project.budget_lines {
        row(&mut years, line.year).budget += line.amount;
    }
    match through {
        None => {
            for (start, amount) in phased.actual.by_period(Period::Year) {
                if amount != 0.0 {
                    let r = row(&mut years, start.year());
                    r.actual += amount;
                    r.forecast += amount;
                }
            }
        }
        Some(through) => {
            let mut day = phased.actual.first;
            for &amount in &phased.actual.values {
                if amount != 0.0 {
                    let r = row(&mut years, day.year());
                    if day <= through {
                        r.actual += amount;
                    }
                    r.forecast += amount;
                }
                day = day.succ_opt().unwrap_or(day);
            }
        }
    }
    for (start, amount) in phased.remaining.by_period(Period::Year) {
        if amount != 0.0 {
            row(&mut years, start.year()).forecast += amount;
        }
    }
    years.into_values().collect()
}

/// A milestone's forecast date as it stood at successive reports.
#[derive(Clone, Debug, PartialEq)]
pub struct MilestoneTrend {
    pub task: TaskId,
    pub name: String,
    /// (report date, forecast date of the milestone), oldest first.
    pub points: Vec<(NaiveDate, NaiveDate)>,
}

/// Each milestone's date in every baseline (reported on the day it was saved) and in the
/// current schedule (reported on the status date).
pub fn milestone_trend(
    project: &Project,
    schedule: &Schedule,
    status: NaiveDate,
) -> Vec<MilestoneTrend> {
    let mut baselines: Vec<_> = project.baselines.iter().collect();
    baselines.sort_by_key(|b| (b.saved_on, b.number));
    let milestones: Vec<usize> = (0..project.tasks.len())
        .filter(|&i| project.tasks[i].milestone && !outline::is_summary(&project.tasks, i))
        .collect();
    let place: std::collections::HashMap<TaskId, usize> = milestones
        .iter()
        .enumerate()
        .map(|(m, &i)| (project.tasks[i].id, m))
        .collect();
    // Each baseline read once (a baseline holds every task: looking each milestone up in it
    // made this quadratic), its first entry for a milestone taken.
    let mut points: Vec<Vec<(NaiveDate, NaiveDate)>> = vec![Vec::new(); milestones.len()];
    let mut seen_in = vec![usize::MAX; milestones.len()];
    for (k, b) in baselines.iter().enumerate() {
        for entry in &b.tasks {
            if let Some(&m) = place.get(&entry.task)
                && seen_in[m] != k
            {
                seen_in[m] = k;
                points[m].push((b.saved_on, entry.finish.date()));
            }
        }
    }
    milestones
        .into_iter()
        .zip(points)
        .map(|(i, mut points)| {
            let t = &project.tasks[i];
            let current = schedule
                .tasks
                .get(i)
                .map_or(t.finish.date(), |d| d.finish.date());
            points.push((status, current));
            MilestoneTrend {
                task: t.id,
                name: t.name.clone(),
                points,
            }
        })
        .collect()
}

/// Everything the dashboard and `pilote kpi` show, computed once per document revision and
/// status date.
#[derive(Clone, Debug)]
pub struct KpiReport {
    pub status: NaiveDate,
    /// The date the recorded progress stands at (see [`super::as_of::progress_date`]): when it
    /// is after `status`, EV, AC and the actual costs are what had been earned and spent by
    /// `status`, not the recorded totals.
    pub progress_date: NaiveDate,
    pub sheet: CostSheet,
    pub phased: PhasedCosts,
    pub ev: super::earned_value::EarnedValue,
    pub series: Vec<super::earned_value::EvPoint>,
    pub headline: Headline,
    pub by_phase: Vec<BudgetRow>,
    pub by_year: Vec<BudgetRow>,
    pub trend: Vec<MilestoneTrend>,
}

impl KpiReport {
    /// True when the figures are at a date before the recorded progress.
    pub fn before_progress(&self) -> bool {
        self.status < self.progress_date
    }
}

/// The report at `status` (the project's status date when the caller has no other). At a date
/// before the recorded progress, EV and AC are what had been earned and spent by then (see
/// [`super::as_of`]); PV is always the baseline's by `status`.
pub fn report(
    project: &Project,
    schedule: &Schedule,
    status: NaiveDate,
) -> Result<KpiReport, super::calendar::CalendarError> {
    let cal = super::calendar::WorkCalendar::resolve(project, project.settings.calendar)?;
    let baseline = project.earned_value.baseline;
    let sheet = super::cost::cost_sheet(project, baseline);
    let progress_date = super::as_of::progress_date(project).map_or(status, |p| p.max(status));
    // The actuals are placed in time as recorded, through the progress date.
    let input = super::cost::PhaseInput {
        project,
        schedule,
        sheet: &sheet,
        cal: &cal,
        baseline,
        status: Some(progress_date),
    };
    let phased = super::cost::phased_costs(&input);
    let spent = (status < progress_date).then(|| super::as_of::spent_by(&input, status));
    let ev = super::earned_value::earned_value_as_of(project, &sheet, &cal, status, spent.as_ref());
    let series = super::earned_value::series(&phased, status, ev.project.eac);
    let headline = headline(project, Some(schedule), &ev.project);
    Ok(KpiReport {
        status,
        progress_date,
        by_phase: budget_by_phase_as_of(project, &sheet, spent.as_ref()),
        by_year: budget_by_year_through(project, &phased, spent.as_ref().map(|_| status)),
        trend: milestone_trend(project, schedule, status),
        sheet,
        phased,
        ev,
        series,
        headline,
    })
}
