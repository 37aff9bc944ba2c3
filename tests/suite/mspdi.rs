//! MS Project XML import, checked against every file of the reference corpus: what MPXJ (an
//! independent reader) found in each file — tasks, outline, durations, links, constraints —
//! must be what Pilote imports.

#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    reason = "tests: a panic is the failure report"
)]

use std::path::{Path, PathBuf};

use pilote::io::mspdi;
use pilote::model::{Constraint, Lag, LinkKind, validate::validate};
use serde::Deserialize;

#[derive(Deserialize)]
struct Expected {
    tasks: Vec<ExpectedTask>,
}

#[derive(Deserialize)]
struct ExpectedTask {
    uid: u32,
    name: Option<String>,
    outline_level: Option<u8>,
    null: bool,
    manual: bool,
    milestone: bool,
    duration: Option<Minutes>,
    predecessors: Vec<ExpectedLink>,
    constraint_type: Option<String>,
}

#[derive(Deserialize)]
struct Minutes {
    minutes: Option<f64>,
}

#[derive(Deserialize)]
struct ExpectedLink {
    uid: u32,
    #[serde(rename = "type")]
    kind: String,
    lag: Option<Minutes>,
}

fn corpus(set: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(set);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "xml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn expected_for(file: &Path) -> Option<Expected> {
    let json = file
        .parent()?
        .join("expected")
        .join(format!("{}.json", file.file_name()?.to_string_lossy()));
    let text = std::fs::read_to_string(json).ok()?;
    Some(serde_json::from_str(&text).unwrap())
}

fn constraint_name(c: &Constraint) -> &'static str {
    match c {
        Constraint::Asap => "AS_SOON_AS_POSSIBLE",
        Constraint::Alap => "AS_LATE_AS_POSSIBLE",
        Constraint::StartNoEarlierThan(_) => "START_NO_EARLIER_THAN",
        Constraint::StartNoLaterThan(_) => "START_NO_LATER_THAN",
        Constraint::FinishNoEarlierThan(_) => "FINISH_NO_EARLIER_THAN",
        Constraint::FinishNoLaterThan(_) => "FINISH_NO_LATER_THAN",
        Constraint::MustStartOn(_) => "MUST_START_ON",
        Constraint::MustFinishOn(_) => "MUST_FINISH_ON",
    }
}

#[allow(
    clippy::too_many_lines,
    reason = "one corpus set: read, schedule, compare each task, report"
)]
fn check_set(set: &str) -> usize {
    let files = corpus(set);
    assert!(!files.is_empty(), "corpus {set} not found");
    let mut checked = 0;
    let mut problems = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let imported = match mspdi::import(&text, &name) {
            Ok(imported) => imported,
            Err(error) => {
                problems.push(format!("{name}: {error}"));
                continue;
            }
        };
        let project = &imported.project;
        let issues: Vec<String> = validate(project)
            .into_iter()
            .filter(|i| i.kind != pilote::model::validate::IssueKind::Cycle)
            .map(|i| i.to_string())
            .collect();
        if !issues.is_empty() {
            problems.push(format!("{name}: invalid after import: {}", issues[0]));
        }
        let Some(expected) = expected_for(file) else {
            continue;
        };
        let wanted: Vec<&ExpectedTask> = expected
            .tasks
            .iter()
            .filter(|t| t.uid != 0 && !t.null && t.outline_level.unwrap_or(1) > 0)
            .collect();
        if wanted.len() != project.tasks.len() {
            problems.push(format!(
                "{name}: {} tasks imported, {} expected",
                project.tasks.len(),
                wanted.len()
            ));
            continue;
        }
        for (task, want) in project.tasks.iter().zip(&wanted) {
            let at = format!("{name} task UID {}", want.uid);
            if task.id.0 != want.uid {
                problems.push(format!("{at}: order differs (got UID {})", task.id));
                break;
            }
            if task.name != want.name.clone().unwrap_or_default() {
                problems.push(format!("{at}: name {:?}", task.name));
            }
            if Some(task.outline_level) != want.outline_level {
                problems.push(format!("{at}: outline level {}", task.outline_level));
            }
            if task.milestone != want.milestone
                || (task.mode == pilote::model::SchedulingMode::Manual) != want.manual
            {
                problems.push(format!("{at}: milestone/manual flags differ"));
            }
            if let Some(minutes) = want.duration.as_ref().and_then(|d| d.minutes) {
                let unit = project_minutes(project, task.duration);
                if (unit - minutes).abs() > 0.6 {
                    problems.push(format!("{at}: duration {unit} min, expected {minutes}"));
                }
            }
            if let Some(kind) = &want.constraint_type
                && constraint_name(&task.constraint) != kind
            {
                problems.push(format!(
                    "{at}: constraint {:?}, expected {kind}",
                    task.constraint
                ));
            }
            let mut links: Vec<_> = project
                .links
                .iter()
                .filter(|l| l.successor == task.id)
                .collect();
            links.sort_by_key(|l| l.predecessor);
            let mut want_links: Vec<&ExpectedLink> = want.predecessors.iter().collect();
            want_links.sort_by_key(|l| l.uid);
            if links.len() != want_links.len() {
                problems.push(format!(
                    "{at}: {} links, expected {}",
                    links.len(),
                    want_links.len()
                ));
                continue;
            }
            for (link, w) in links.iter().zip(want_links) {
                let code = match link.kind {
                    LinkKind::FinishToStart => "FS",
                    LinkKind::StartToStart => "SS",
                    LinkKind::FinishToFinish => "FF",
                    LinkKind::StartToFinish => "SF",
                };
                let lag = match link.lag {
                    Lag::None => 0.0,
                    Lag::Time(d) => project_minutes(project, d),
                    Lag::PercentOfPredecessor(p) => p,
                };
                let want_lag = w.lag.as_ref().and_then(|l| l.minutes).unwrap_or(0.0);
                if link.predecessor.0 != w.uid || code != w.kind || (lag - want_lag).abs() > 0.6 {
                    problems.push(format!(
                        "{at}: link from {} {code} lag {lag}, expected from {} {} lag {want_lag}",
                        link.predecessor, w.uid, w.kind
                    ));
                }
            }
        }
        checked += 1;
    }
    assert!(
        problems.is_empty(),
        "{} problems in {set}:\n{}",
        problems.len(),
        problems.join("\n")
    );
    checked
}

/// A duration in minutes under the project's conversions.
fn project_minutes(project: &pilote::model::Project, d: pilote::model::Duration) -> f64 {
    d.amount * project.settings.minutes_per(d.unit)
}

#[test]
fn every_mspdi_file_imports_as_mpxj_reads_it() {
    let checked = check_set("mspdi");
    assert!(checked >= 55, "only {checked} files compared");
}

#[test]
fn every_converted_mpp_file_imports_as_mpxj_reads_it() {
    let checked = check_set("mspdi-from-mpp");
    assert!(checked >= 40, "only {checked} files compared");
}

#[test]
fn durations_and_broken_files() {
    assert_eq!(mspdi::parse_iso_duration_minutes("PT8H0M0S"), Some(480.0));
    assert_eq!(mspdi::parse_iso_duration_minutes("PT0H30M0S"), Some(30.0));
    assert_eq!(
        mspdi::parse_iso_duration_minutes("P2DT1H0M0S"),
        Some(2940.0)
    );
    assert_eq!(mspdi::parse_iso_duration_minutes("-PT4H0M0S"), Some(-240.0));
    let error = mspdi::import("<Project><Tasks><Task></Project>", "bad.xml").unwrap_err();
    assert_eq!(error.file, "bad.xml");
    assert!(error.line >= 1 && error.column >= 1, "{error}");
    let error = mspdi::import("<Other/>", "other.xml").unwrap_err();
    assert!(error.message.contains("<Project>"), "{error}");
}
