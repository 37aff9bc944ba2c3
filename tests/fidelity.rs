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
}

#[derive(Deserialize)]
struct ExpectedTask {
    uid: u32,
    summary: bool,
    manual: bool,
    null: bool,
    stored: Stored,
}

#[derive(Deserialize)]
struct Stored {
    start: Option<String>,
    finish: Option<String>,
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

/// (matched, compared, mismatch lines)
fn measure(set: &str) -> (usize, usize, Vec<String>) {
    let (mut matched, mut compared) = (0, 0);
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
            if got.start == start && got.finish == finish {
                matched += 1;
            } else {
                mismatches.push(format!(
                    "{name} UID {}: {} – {} expected {} – {}",
                    t.uid, got.start, got.finish, start, finish
                ));
            }
        }
    }
    (matched, compared, mismatches)
}

fn report(set: &str, floor_pct: f64) {
    let (matched, compared, mismatches) = measure(set);
    let pct = 100.0 * matched as f64 / compared.max(1) as f64;
    println!("{set}: {matched}/{compared} tasks match MS Project's start and finish ({pct:.1} %)");
    for line in mismatches.iter().take(400) {
        println!("  {line}");
    }
    assert!(
        pct >= floor_pct,
        "{set}: {pct:.1} % is below the level already reached ({floor_pct} %)"
    );
}

#[test]
fn mspdi_set_matches_ms_project() {
    report("mspdi", 96.99);
}

#[test]
fn mspdi_from_mpp_set_matches_ms_project() {
    report("mspdi-from-mpp", 90.02);
}
