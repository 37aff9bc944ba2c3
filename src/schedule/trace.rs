//! Traceability: which test cases cover each requirement and how they last ran.
//!
//! A case's result is that of its latest run (by date, then by run id). A requirement is
//! *covered* when at least one test case names it. Of the covered ones, it is *failed* when the
//! latest run of any of its cases failed, *passed* when every one of its cases last passed, and
//! *in progress* otherwise (some cases not run yet or blocked). *Untested* requirements have no
//! case, or cases that never ran. Every requirement is exactly one of passed, failed, in
//! progress or untested.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::{Project, TestCaseId, TestResult};

/// Where a requirement stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coverage {
    Untested,
    InProgress,
    Passed,
    Failed,
}

/// One requirement's line of the matrix.
#[derive(Clone, Debug, PartialEq)]
pub struct RequirementTrace {
    /// Index in `project.requirements`.
    pub requirement: usize,
    /// Indices in `project.test_cases` of the cases that name it, with their last result.
    pub cases: Vec<(usize, Option<TestResult>)>,
    pub coverage: Coverage,
}

/// The matrix and its totals.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trace {
    pub rows: Vec<RequirementTrace>,
    pub requirements: usize,
    pub covered: usize,
    pub passed: usize,
    pub failed: usize,
    pub in_progress: usize,
    pub untested: usize,
}

/// Each test case's latest result and its date.
pub fn last_results(project: &Project) -> HashMap<TestCaseId, (TestResult, NaiveDate)> {
    let mut latest: HashMap<TestCaseId, (NaiveDate, u32, TestResult)> = HashMap::new();
    for run in &project.test_runs {
        let key = (run.date, run.id.0);
        let entry = latest
            .entry(run.case)
            .or_insert((run.date, run.id.0, run.result));
        if key >= (entry.0, entry.1) {
            *entry = (run.date, run.id.0, run.result);
        }
    }
    latest
        .into_iter()
        .map(|(case, (date, _, result))| (case, (result, date)))
        .collect()
}

pub fn trace(project: &Project) -> Trace {
    let last = last_results(project);
    let mut out = Trace {
        requirements: project.requirements.len(),
        ..Trace::default()
    };
    for (r, requirement) in project.requirements.iter().enumerate() {
        let cases: Vec<(usize, Option<TestResult>)> = project
            .test_cases
            .iter()
            .enumerate()
            .filter(|(_, c)| c.requirements.contains(&requirement.id))
            .map(|(k, c)| (k, last.get(&c.id).map(|x| x.0)))
            .collect();
        let ran = cases
            .iter()
            .any(|(_, r)| r.is_some_and(|r| r != TestResult::NotRun));
        let coverage = if cases.is_empty() || !ran {
            Coverage::Untested
        } else if cases.iter().any(|(_, r)| *r == Some(TestResult::Failed)) {
            Coverage::Failed
        } else if cases.iter().all(|(_, r)| *r == Some(TestResult::Passed)) {
            Coverage::Passed
        } else {
            Coverage::InProgress
        };
        if !cases.is_empty() {
            out.covered += 1;
        }
        match coverage {
            Coverage::Untested => out.untested += 1,
            Coverage::InProgress => out.in_progress += 1,
            Coverage::Passed => out.passed += 1,
            Coverage::Failed => out.failed += 1,
        }
        out.rows.push(RequirementTrace {
            requirement: r,
            cases,
            coverage,
        });
    }
    out
}
