//! The quality and risk indicators over time, for the dashboard: test execution (planned,
//! executed, passed), open anomalies by severity and closed ones, and risk exposure.
//!
//! The file keeps each risk's current probability and impact, not their history: exposure over
//! time counts each risk from the day it was identified with its current exposure, and leaves
//! out the risks closed since.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::model::{AnomalyStatus, Project, RiskStatus, Severity, TestResult};

/// One weekly point of the test curves.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TestPoint {
    pub date: NaiveDate,
    /// Cases planned to have run by then: each campaign's cases spread over its dates.
    pub planned: f64,
    pub executed: usize,
    pub passed: usize,
}

/// One weekly point of the anomaly curves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AnomalyPoint {
    pub date: NaiveDate,
    /// Open by severity: blocking, major, minor.
    pub open: [usize; 3],
    pub closed: usize,
}

/// Fridays from `first` to `last`, and `last` itself.
fn weeks(first: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut d = first;
    while d <= last {
        if d.weekday() == Weekday::Fri || d == last {
            out.push(d);
        }
        match d.checked_add_days(Days::new(1)) {
            Some(n) => d = n,
            None => break,
        }
    }
    out
}

pub fn test_execution(project: &Project, until: NaiveDate) -> Vec<TestPoint> {
    let Some(first) = project.campaigns.iter().map(|c| c.start).min() else {
        return Vec::new();
    };
    let last = project
        .campaigns
        .iter()
        .map(|c| c.finish)
        .max()
        .unwrap_or(first)
        .max(until);
    weeks(first, last)
        .into_iter()
        .map(|date| {
            let planned = project
                .campaigns
                .iter()
                .map(|c| {
                    let span = (c.finish - c.start).num_days().max(0) as f64 + 1.0;
                    let done = ((date - c.start).num_days() as f64 + 1.0).clamp(0.0, span);
                    c.cases.len() as f64 * done / span
                })
                .sum();
            let ran = |r: &&crate::model::TestRun| r.date <= date;
            TestPoint {
                date,
                planned,
                executed: project
                    .test_runs
                    .iter()
                    .filter(ran)
                    .filter(|r| r.result != TestResult::NotRun)
                    .count(),
                passed: project
                    .test_runs
                    .iter()
                    .filter(ran)
                    .filter(|r| r.result == TestResult::Passed)
                    .count(),
            }
        })
        .collect()
}

pub fn anomalies(project: &Project, until: NaiveDate) -> Vec<AnomalyPoint> {
    let Some(first) = project.anomalies.iter().map(|a| a.reported_on).min() else {
        return Vec::new();
    };
    weeks(first, until.max(first))
        .into_iter()
        .map(|date| {
            let mut open = [0; 3];
            let mut closed = 0;
            for a in project.anomalies.iter().filter(|a| a.reported_on <= date) {
                let done = matches!(
                    a.status,
                    AnomalyStatus::Verified | AnomalyStatus::Closed | AnomalyStatus::Rejected
                ) && a.closed_on.is_none_or(|c| c <= date);
                if done {
                    closed += 1;
                } else {
                    let k = match a.severity {
                        Severity::Blocking => 0,
                        Severity::Major => 1,
                        Severity::Minor => 2,
                    };
                    open[k] += 1;
                }
            }
            AnomalyPoint { date, open, closed }
        })
        .collect()
}

/// (date, total exposure of the risks not closed that were identified by then).
pub fn risk_exposure(project: &Project, until: NaiveDate) -> Vec<(NaiveDate, u32)> {
    let Some(first) = project.risks.iter().map(|r| r.identified_on).min() else {
        return Vec::new();
    };
    weeks(first, until.max(first))
        .into_iter()
        .map(|date| {
            let total = project
                .risks
                .iter()
                .filter(|r| r.identified_on <= date && r.status != RiskStatus::Closed)
                .map(|r| u32::from(r.exposure()))
                .sum();
            (date, total)
        })
        .collect()
}
