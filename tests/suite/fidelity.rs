//! Scheduler fidelity: every task of the reference corpus, imported from MS Project XML and
//! scheduled by Pilote from the project start, compared with the start and finish MS Project
//! itself stored. The match rate of each set is printed and must not fall below the level
//! reached (a ratchet: raise it when the scheduler improves, never lower it).

#![allow(clippy::unwrap_used, reason = "tests: a panic is the failure report")]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use pilote::io::mspdi;
use pilote::schedule::cpm;
use serde::Deserialize;

#[derive(Deserialize)]
struct Expected {
    tasks: Vec<ExpectedTask>,
    #[serde(default)]
    resources: Vec<ExpectedResource>,
}

#[derive(Deserialize)]
struct ExpectedResource {
    uid: u32,
    calendar_uid: Option<i64>,
}

#[derive(Deserialize)]
struct ExpectedTask {
    uid: u32,
    summary: bool,
    manual: bool,
    null: bool,
    calendar_uid: Option<i64>,
    ignore_resource_calendar: Option<bool>,
    percent_complete: Option<f64>,
    actual_start: Option<String>,
    constraint_type: Option<String>,
    #[serde(default)]
    assignments: Vec<ExpectedAssignment>,
    stored: Stored,
}

#[derive(Deserialize)]
struct ExpectedAssignment {
    resource_uid: Option<u32>,
}

#[derive(Deserialize)]
struct Stored {
    start: Option<String>,
    finish: Option<String>,
    early_start: Option<String>,
    early_finish: Option<String>,
    late_start: Option<String>,
    late_finish: Option<String>,
    total_slack: Option<Minutes>,
}

#[derive(Deserialize)]
struct Minutes {
    minutes: Option<f64>,
}

/// Why a task's dates differ, judged from what the file says about it.
fn cause(t: &ExpectedTask, resources: &HashMap<u32, Option<i64>>, stored: &Stored) -> &'static str {
    let resource_calendar = !t.ignore_resource_calendar.unwrap_or(false)
        && t.assignments.iter().any(|a| {
            a.resource_uid
                .and_then(|r| resources.get(&r))
                .is_some_and(Option::is_some)
        });
    let seconds = [&stored.start, &stored.finish]
        .iter()
        .any(|d| d.as_deref().is_some_and(|d| !d.ends_with(":00")));
    if t.actual_start.is_some() || t.percent_complete.unwrap_or(0.0) > 0.0 {
        "progress (actual dates, % complete)"
    } else if resource_calendar {
        "resource calendars drive the task"
    } else if seconds {
        "durations with seconds"
    } else if t.calendar_uid.is_some_and(|c| c > 0) {
        "task calendar"
    } else if t
        .constraint_type
        .as_deref()
        .is_some_and(|c| c != "AS_SOON_AS_POSSIBLE")
    {
        "constraint"
    } else {
        "other (split tasks, links through summaries, …)"
    }
}

fn files(set: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(set);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    files
}

fn parse(text: Option<&str>) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text?, "%Y-%m-%dT%H:%M:%S").ok()
}

/// Start/finish matches, tasks compared, mismatch lines, counts by cause, and matches of the
/// early dates, late dates and total slack.
struct Measure {
    matched: usize,
    compared: usize,
    mismatches: Vec<String>,
    causes: std::collections::BTreeMap<&'static str, usize>,
    early: usize,
    late: usize,
    slack: usize,
}

fn measure(set: &str) -> Measure {
    let (mut matched, mut compared) = (0, 0);
    let (mut early, mut late, mut slack) = (0, 0, 0);
    let mut causes = std::collections::BTreeMap::new();
    let mut mismatches = Vec::new();
    for file in files(set) {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let json = file
            .parent()
            .unwrap()
            .join("expected")
            .join(format!("{name}.json"));
        let Ok(json) = std::fs::read_to_string(json) else {
            continue;
        };
        let expected: Expected = serde_json::from_str(&json).unwrap();
        let resources: HashMap<u32, Option<i64>> = expected
            .resources
            .iter()
            .map(|r| (r.uid, r.calendar_uid.filter(|c| *c > 0)))
            .collect();
        let imported = mspdi::import(&std::fs::read_to_string(&file).unwrap(), &name).unwrap();
        let project = &imported.project;
        let schedule = match cpm::schedule(project) {
            Ok(s) => s,
            Err(error) => {
                mismatches.push(format!("{name}: not scheduled: {error}"));
                continue;
            }
        };
        let rows: HashMap<u32, usize> = project
            .tasks
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.0, i))
            .collect();
        for t in &expected.tasks {
            if t.uid == 0 || t.summary || t.manual || t.null {
                continue;
            }
            let (Some(start), Some(finish)) = (
                parse(t.stored.start.as_deref()),
                parse(t.stored.finish.as_deref()),
            ) else {
                continue;
            };
            let Some(&row) = rows.get(&t.uid) else {
                continue;
            };
            compared += 1;
            let got = schedule.tasks[row];
            let st = &t.stored;
            if parse(st.early_start.as_deref()) == Some(got.early_start)
                && parse(st.early_finish.as_deref()) == Some(got.early_finish)
            {
                early += 1;
            }
            if parse(st.late_start.as_deref()) == Some(got.late_start)
                && parse(st.late_finish.as_deref()) == Some(got.late_finish)
            {
                late += 1;
            }
            if st
                .total_slack
                .as_ref()
                .and_then(|m| m.minutes)
                .is_some_and(|m| (m - got.total_slack_minutes as f64).abs() < 1.0)
            {
                slack += 1;
            }
            if got.start == start && got.finish == finish {
                matched += 1;
            } else {
                let why = cause(t, &resources, st);
                *causes.entry(why).or_insert(0) += 1;
                mismatches.push(format!(
                    "{name} UID {}: {} – {} expected {} – {} [{why}]",
                    t.uid, got.start, got.finish, start, finish
                ));
            }
        }
    }
    Measure {
        matched,
        compared,
        mismatches,
        causes,
        early,
        late,
        slack,
    }
}

fn report(set: &str, floor_pct: f64) {
    let m = measure(set);
    let rate = |n: usize| 100.0 * n as f64 / m.compared.max(1) as f64;
    let pct = rate(m.matched);
    println!(
        "{set}: {}/{} tasks match MS Project's start and finish ({pct:.1} %)",
        m.matched, m.compared
    );
    println!(
        "{set}: early dates {:.1} %, late dates {:.1} %, total slack {:.1} % (reported, not enforced)",
        rate(m.early),
        rate(m.late),
        rate(m.slack)
    );
    for (why, count) in &m.causes {
        println!("  mismatches by cause: {count:>4}  {why}");
    }
    for line in m.mismatches.iter().take(400) {
        println!("  {line}");
    }
    assert!(
        pct >= floor_pct,
        "{set}: {pct:.1} % is below the level already reached ({floor_pct} %)"
    );
}

#[test]
fn mspdi_set_matches_ms_project() {
    report("mspdi", 98.03);
}

#[test]
fn mspdi_from_mpp_set_matches_ms_project() {
    report("mspdi-from-mpp", 91.99);
}
