//! The file format: the sample, round trips, migration of old files, and clear errors (file,
//! line, column, what is wrong) for broken ones.

#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    clippy::unnecessary_wraps,
    reason = "tests: a panic is the failure report, compared values are exact"
)]

use std::path::{Path, PathBuf};

use pilote::io::document::{self, LoadErrorKind};
use pilote::model::{DurationUnit, LinkKind, Origin, RatePer, TaskId, outline, validate::validate};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn the_sample_is_a_believable_erp_roll_out() {
    let project = document::load_strict(pilote::SAMPLE_RON, pilote::SAMPLE_NAME).unwrap();
    let tasks = &project.tasks;
    let phases: Vec<&str> = tasks
        .iter()
        .filter(|t| t.outline_level == 1)
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(
        phases,
        [
            "Framing",
            "Specifications",
            "Build",
            "Tests and acceptance",
            "Deployment"
        ]
    );
    assert!((75..=90).contains(&tasks.len()), "{} tasks", tasks.len());
    assert!(tasks.iter().filter(|t| t.milestone).count() >= 10);
    let kinds: std::collections::HashSet<LinkKind> = project.links.iter().map(|l| l.kind).collect();
    for kind in [
        LinkKind::FinishToStart,
        LinkKind::StartToStart,
        LinkKind::FinishToFinish,
    ] {
        assert!(kinds.contains(&kind), "no {kind:?} link");
    }
    assert!(
        project
            .links
            .iter()
            .any(|l| l.lag != pilote::model::Lag::None)
    );
    assert!(
        project.calendars[0].exceptions.len() >= 11,
        "French public holidays"
    );
    assert_eq!(project.resources.len(), 12);
    let external: Vec<_> = project
        .resources
        .iter()
        .filter(|r| matches!(r.origin, Origin::External { .. }))
        .collect();
    assert!(external.len() >= 3);
    assert!(external.iter().all(|r| r.standard_rate.per == RatePer::Day));
    assert!(project.assignments.len() > 50);
    let years: std::collections::HashSet<i32> =
        project.budget_lines.iter().map(|b| b.year).collect();
    assert!(years.len() >= 2, "budget over two years");
    // The signed-off plan and two later re-plans, for the milestone trend.
    assert_eq!(project.baselines.len(), 3);
    let status = project.meta.status_date.unwrap();
    assert!(tasks.iter().any(|t| t.percent_complete == 100));
    assert!(
        tasks
            .iter()
            .any(|t| t.percent_complete > 0 && t.percent_complete < 100)
    );
    for t in tasks {
        assert!(
            t.percent_complete == 0 || t.start.date() <= status,
            "{} is {} % complete but starts after the status date",
            t.name,
            t.percent_complete
        );
    }
    assert!((28..=35).contains(&project.requirements.len()));
    assert!((14..=18).contains(&project.deliverables.len()));
    assert!((38..=45).contains(&project.test_cases.len()));
    assert_eq!(project.campaigns.len(), 2);
    assert!(!project.test_runs.is_empty());
    assert!((9..=14).contains(&project.anomalies.len()));
    assert!((11..=14).contains(&project.risks.len()));
    assert_eq!(project.meetings.len(), 4);
    assert!(
        project
            .meetings
            .iter()
            .all(|m| !m.decisions.is_empty() && !m.actions.is_empty())
    );
}

#[test]
fn the_sample_survives_a_round_trip_unchanged() {
    let project = document::parse(pilote::SAMPLE_RON, pilote::SAMPLE_NAME).unwrap();
    let text = document::to_text(&project).unwrap();
    let again = document::parse(&text, "round-trip").unwrap();
    assert_eq!(project, again);
    // Saving twice gives the same bytes: files diff cleanly.
    assert_eq!(text, document::to_text(&again).unwrap());
    // And the committed sample is exactly what Pilote writes.
    assert_eq!(text, pilote::SAMPLE_RON);
}

#[test]
fn a_hand_written_minimal_file_loads_with_defaults() {
    let path = data("minimal.pilote.ron");
    let project = document::load_strict(&read(&path), "minimal").unwrap();
    assert_eq!(project.tasks.len(), 3);
    assert_eq!(project.meta.currency, "EUR");
    assert_eq!(project.tasks[0].priority, 500);
    assert_eq!(project.links[1].kind, LinkKind::FinishToStart);
    assert!(project.tasks[2].milestone);
}

#[test]
fn a_version_0_file_is_migrated() {
    let path = data("v0-intranet.ron");
    let project = document::load_strict(&read(&path), "v0").unwrap();
    assert_eq!(project.format_version, pilote::model::FORMAT_VERSION);
    assert_eq!(project.meta.name, "Intranet redesign");
    assert_eq!(project.tasks.len(), 3);
    let build = &project.tasks[1];
    assert_eq!(build.name, "Build");
    assert_eq!(build.duration.amount, 10.0);
    assert_eq!(build.duration.unit, DurationUnit::Days);
    // Ten working days from Monday 12 January end on Friday 23 January.
    assert_eq!(build.finish.to_string(), "2026-01-23 17:00:00");
    assert_eq!(project.tasks[0].percent_complete, 100);
    assert!(project.tasks[2].milestone);
    assert_eq!(project.tasks[2].finish, project.tasks[2].start);
    let links: Vec<(TaskId, TaskId)> = project
        .links
        .iter()
        .map(|l| (l.predecessor, l.successor))
        .collect();
    assert_eq!(links, [(TaskId(1), TaskId(2)), (TaskId(2), TaskId(3))]);
    assert_eq!(project.resources[0].standard_rate.amount, 600.0);
    assert_eq!(project.resources[0].standard_rate.per, RatePer::Day);
    // Saved again, it is a current-version file.
    let text = document::to_text(&project).unwrap();
    assert!(text.contains("format_version: 1"));
    assert_eq!(document::parse(&text, "again").unwrap(), project);
}

/// (file, kind, line, column, words the message must contain)
const MALFORMED: &[(&str, LoadErrorKind, usize, usize, &str)] = &[
    ("truncated", LoadErrorKind::Syntax, 37, 11, "Unexpected end"),
    (
        "wrong-type",
        LoadErrorKind::Syntax,
        38,
        21,
        "Expected integer",
    ),
    (
        "unknown-variant",
        LoadErrorKind::Syntax,
        54,
        42,
        "FinishToBegin",
    ),
    (
        "newer-version",
        LoadErrorKind::TooNew,
        3,
        19,
        "newer Pilote",
    ),
    (
        "dangling-reference",
        LoadErrorKind::Invalid,
        62,
        19,
        "task 9, which does not exist",
    ),
    (
        "duplicate-id",
        LoadErrorKind::Invalid,
        44,
        11,
        "id 2 is used more than once",
    ),
    (
        "dependency-cycle",
        LoadErrorKind::Invalid,
        54,
        5,
        "Dependency cycle",
    ),
    ("unknown-field", LoadErrorKind::Syntax, 39, 7, "durration"),
    (
        "bad-date",
        LoadErrorKind::Syntax,
        33,
        16,
        "not a valid date",
    ),
    (
        "missing-field",
        LoadErrorKind::Syntax,
        33,
        5,
        "missing field named `name`",
    ),
    ("unclosed-string", LoadErrorKind::Syntax, 58, 19, "string"),
    ("empty", LoadErrorKind::Syntax, 1, 1, "empty"),
    (
        "percent-out-of-range",
        LoadErrorKind::Invalid,
        39,
        25,
        "more than 100 %",
    ),
];

#[test]
fn broken_files_give_file_line_column_and_reason() {
    let dir = data("malformed");
    let files = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(files, MALFORMED.len(), "every fixture has an expectation");
    for &(name, kind, line, column, words) in MALFORMED {
        let path = dir.join(format!("{name}.pilote.ron"));
        let shown = format!("{name}.pilote.ron");
        let error = document::load_strict(&read(&path), &shown).unwrap_err();
        assert_eq!(error.kind, kind, "{name}: {error}");
        assert_eq!(
            (error.line, error.column),
            (line, column),
            "{name}: {error}"
        );
        assert!(error.message.contains(words), "{name}: {error}");
        let text = error.to_string();
        assert!(
            text.starts_with(&format!("{shown}:{line}:{column}: ")),
            "{text}"
        );
    }
}

#[test]
fn a_dependency_cycle_names_the_tasks_in_it() {
    let text = read(&data("malformed/dependency-cycle.pilote.ron"));
    let project = document::parse(&text, "cycle").unwrap();
    let issues = validate(&project);
    let cycle = issues.iter().find(|i| i.message.contains("cycle")).unwrap();
    for name in ["\"Design\"", "\"Build\"", "\"Go-live\""] {
        assert!(cycle.message.contains(name), "{}", cycle.message);
    }
}

#[test]
fn the_outline_gives_wbs_codes_and_summaries() {
    let project = document::parse(pilote::SAMPLE_RON, pilote::SAMPLE_NAME).unwrap();
    let wbs = outline::wbs_codes(&project.tasks);
    assert_eq!(wbs[0], "1");
    assert_eq!(wbs[1], "1.1");
    let spec = project
        .tasks
        .iter()
        .position(|t| t.name == "Finance and accounting workshops")
        .unwrap();
    assert_eq!(wbs[spec], "2.1.1");
    assert!(outline::is_summary(&project.tasks, 0));
    assert!(!outline::is_summary(&project.tasks, 1));
}

/// The cases a PM would check first in the traceability matrix verify what their titles say
/// (the sample once tied "Switch the interface to English" to "Daily backups").
#[test]
fn the_sample_s_test_cases_verify_what_their_titles_say() {
    let p = document::load_strict(pilote::SAMPLE_RON, pilote::SAMPLE_NAME).unwrap();
    let title = |code: &str| {
        let case = p.test_cases.iter().find(|c| c.code == code).unwrap();
        case.requirements
            .iter()
            .map(|r| {
                p.requirements
                    .iter()
                    .find(|x| x.id == *r)
                    .unwrap()
                    .title
                    .clone()
            })
            .collect::<Vec<_>>()
    };
    for (case, requirement) in [
        ("TC-023", "Daily backups, 4-hour restore"),
        ("TC-024", "Interfaces monitored with alerting"),
        ("TC-025", "French and English user interface"),
        ("TC-026", "Audit trail of accounting entries"),
        ("TC-039", "200 concurrent users, p95 response under 2 s"),
    ] {
        assert!(
            title(case).iter().any(|t| t == requirement),
            "{case} verifies {requirement}: {:?}",
            title(case)
        );
    }
    // No case claims to verify what it does not touch.
    assert!(
        !title("TC-023")
            .iter()
            .any(|t| t.contains("concurrent users"))
    );
    assert!(!title("TC-025").iter().any(|t| t.contains("backups")));
}
