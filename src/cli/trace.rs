//! `pilote trace FILE [--json]`: requirement coverage by the test cases' latest runs.

use std::fmt::Write as _;

use super::{Action, exit, load_any};

pub fn run(file: &str, json: bool) -> Action {
    let (project, _) = match load_any(file) {
        Ok(loaded) => loaded,
        Err(error) => return exit(1, String::new(), format!("{error}\n")),
    };
    let t = crate::schedule::trace::trace(&project);
    if json {
        let out = serde_json::json!({
            "requirements": t.requirements,
            "covered": t.covered,
            "passed": t.passed,
            "failed": t.failed,
            "in_progress": t.in_progress,
            "untested": t.untested,
        });
        return exit(0, format!("{out}\n"), String::new());
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{file}: {} requirements, {} covered by a test case; {} passed, {} failed, {} in progress, {} untested",
        t.requirements, t.covered, t.passed, t.failed, t.in_progress, t.untested
    );
    for row in &t.rows {
        let r = &project.requirements[row.requirement];
        let status = match row.coverage {
            crate::schedule::trace::Coverage::Untested => "untested",
            crate::schedule::trace::Coverage::InProgress => "in progress",
            crate::schedule::trace::Coverage::Passed => "passed",
            crate::schedule::trace::Coverage::Failed => "FAILED",
        };
        let cases: Vec<&str> = row
            .cases
            .iter()
            .map(|(k, _)| project.test_cases[*k].code.as_str())
            .collect();
        let _ = writeln!(
            out,
            "{:<12} {:<12} {}  [{}]",
            r.code,
            status,
            r.title,
            cases.join(", ")
        );
    }
    exit(0, out, String::new())
}
