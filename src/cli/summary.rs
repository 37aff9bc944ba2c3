//! What a file holds, one line per kind of item (`pilote check`).

use std::fmt::Write as _;

use crate::model::{Project, outline};

/// One line per kind of item.
pub fn summary(file: &str, p: &Project) -> String {
    let summaries = (0..p.tasks.len())
        .filter(|&i| outline::is_summary(&p.tasks, i))
        .count();
    let milestones = p.tasks.iter().filter(|t| t.milestone).count();
    let runs_failed = p
        .test_runs
        .iter()
        .filter(|r| r.result == crate::model::TestResult::Failed)
        .count();
    let open_anomalies = p
        .anomalies
        .iter()
        .filter(|a| {
            !matches!(
                a.status,
                crate::model::AnomalyStatus::Closed | crate::model::AnomalyStatus::Rejected
            )
        })
        .count();
    let decisions: usize = p.meetings.iter().map(|m| m.decisions.len()).sum();
    let actions: usize = p.meetings.iter().map(|m| m.actions.len()).sum();
    let external = p
        .resources
        .iter()
        .filter(|r| matches!(r.origin, crate::model::Origin::External { .. }))
        .count();
    let mut out = String::new();
    let _ = writeln!(out, "{file}: ok — \"{}\" ({})", p.meta.name, p.meta.code);
    let _ = writeln!(
        out,
        "tasks: {} ({summaries} summaries, {milestones} milestones)",
        p.tasks.len()
    );
    let _ = writeln!(out, "links: {}", p.links.len());
    let _ = writeln!(
        out,
        "resources: {} ({external} external), assignments: {}",
        p.resources.len(),
        p.assignments.len()
    );
    let _ = writeln!(out, "requirements: {}", p.requirements.len());
    let _ = writeln!(out, "deliverables: {}", p.deliverables.len());
    let _ = writeln!(
        out,
        "test cases: {} in {} campaigns, {} runs ({runs_failed} failed)",
        p.test_cases.len(),
        p.campaigns.len(),
        p.test_runs.len()
    );
    let _ = writeln!(
        out,
        "anomalies: {} ({open_anomalies} open)",
        p.anomalies.len()
    );
    let _ = writeln!(out, "risks: {}", p.risks.len());
    let _ = writeln!(
        out,
        "meetings: {} ({decisions} decisions, {actions} actions)",
        p.meetings.len()
    );
    out
}
