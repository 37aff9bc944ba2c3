//! Validation reports what serde cannot see: dangling references, duplicate ids, cycles and
//! out-of-range values, each with the path of the offending value.

#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    clippy::unnecessary_wraps,
    reason = "tests: a panic is the failure report, compared values are exact"
)]

use pilote::i18n::Lang;
use pilote::io::document;
use pilote::model::validate::{IssueKind, validate, validate_in};
use pilote::model::{CalendarId, Lag, Link, LinkKind, Project, RequirementId, ResourceId, TaskId};

fn minimal() -> Project {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/minimal.pilote.ron"
    ))
    .unwrap();
    document::parse(&text, "minimal").unwrap()
}

fn kinds(p: &Project) -> Vec<IssueKind> {
    validate(p).into_iter().map(|i| i.kind).collect()
}

#[test]
fn a_sound_document_has_no_issues() {
    assert!(validate(&minimal()).is_empty());
    let sample = document::parse(pilote::SAMPLE_RON, "sample").unwrap();
    assert_eq!(validate(&sample), vec![]);
}

#[test]
fn dangling_references_are_reported_with_their_path() {
    let mut p = minimal();
    p.assignments[0].resource = ResourceId(42);
    p.tasks[1].calendar = Some(CalendarId(7));
    let issues = validate(&p);
    assert_eq!(issues.len(), 2, "{issues:?}");
    assert!(
        issues
            .iter()
            .all(|i| i.kind == IssueKind::DanglingReference)
    );
    let paths: Vec<String> = issues.iter().map(|i| i.path.to_string()).collect();
    assert!(
        paths.contains(&"assignments[0].resource".to_owned()),
        "{paths:?}"
    );
    assert!(paths.contains(&"tasks[1].calendar".to_owned()), "{paths:?}");
    assert!(issues.iter().any(|i| i.message.contains("resource 42")));
}

#[test]
fn duplicate_ids_are_reported() {
    let mut p = minimal();
    p.resources.push(p.resources[0].clone());
    assert_eq!(kinds(&p), vec![IssueKind::DuplicateId]);
}

#[test]
fn dependency_cycles_are_reported_once_per_loop() {
    let mut p = minimal();
    p.links.push(Link {
        predecessor: TaskId(3),
        successor: TaskId(1),
        kind: LinkKind::FinishToStart,
        lag: Lag::None,
    });
    let issues = validate(&p);
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].kind, IssueKind::Cycle);
    assert!(
        issues[0]
            .message
            .contains("\"Design\" → 2 \"Build\" → 3 \"Go-live\""),
        "{}",
        issues[0].message
    );
}

#[test]
fn a_summary_linked_to_its_own_subtask_is_refused() {
    let mut p = minimal();
    p.tasks[1].outline_level = 2; // "Build" under "Design"
    p.links.retain(|l| l.successor != TaskId(2));
    p.links.push(Link {
        predecessor: TaskId(1),
        successor: TaskId(2),
        kind: LinkKind::StartToStart,
        lag: Lag::None,
    });
    assert_eq!(kinds(&p), vec![IssueKind::Link]);
}

#[test]
fn self_links_and_duplicate_links_are_reported() {
    let mut p = minimal();
    let first = p.links[0];
    p.links.push(first);
    p.links.push(Link {
        predecessor: TaskId(2),
        successor: TaskId(2),
        kind: LinkKind::FinishToStart,
        lag: Lag::None,
    });
    assert_eq!(kinds(&p), vec![IssueKind::Link, IssueKind::Link]);
}

#[test]
fn outline_jumps_are_reported() {
    let mut p = minimal();
    p.links.clear();
    p.tasks[1].outline_level = 3;
    assert_eq!(kinds(&p), vec![IssueKind::Outline]);
    let mut p = minimal();
    p.links.clear();
    p.tasks[0].outline_level = 0;
    assert_eq!(kinds(&p), vec![IssueKind::Outline]);
}

#[test]
fn cycles_in_the_requirement_tree_and_calendar_bases_are_reported() {
    let mut p = document::parse(pilote::SAMPLE_RON, "sample").unwrap();
    p.requirements[0].parent = Some(RequirementId(3));
    // Requirement 3 already has requirement 1 as its parent.
    let issues = validate(&p);
    assert_eq!(
        issues.iter().filter(|i| i.kind == IssueKind::Cycle).count(),
        2,
        "both members of the loop: {issues:?}"
    );
    let mut p = minimal();
    let mut derived = p.calendars[0].clone();
    derived.id = CalendarId(2);
    derived.base = Some(CalendarId(2));
    p.calendars.push(derived);
    assert_eq!(kinds(&p), vec![IssueKind::Cycle]);
}

#[test]
fn values_out_of_range_are_reported() {
    let mut p = document::parse(pilote::SAMPLE_RON, "sample").unwrap();
    p.risks[0].probability = 6;
    p.risks[1].impact = 0;
    p.tasks[3].percent_complete = 101;
    p.resources[0].skills[0].level = 9;
    let issues = validate(&p);
    assert_eq!(issues.len(), 4, "{issues:?}");
    assert!(issues.iter().all(|i| i.kind == IssueKind::OutOfRange));
}

#[test]
fn problems_are_described_in_the_interface_language() {
    let mut p = minimal();
    p.assignments[1].task = TaskId(9);
    let en = validate_in(&p, Lang::En);
    let fr = validate_in(&p, Lang::Fr);
    assert_eq!(
        en[0].message,
        "Assignment 2 refers to task 9, which does not exist"
    );
    assert_eq!(
        fr[0].message,
        "L'affectation 2 fait référence à la tâche 9, qui n'existe pas"
    );
    assert_eq!(en[0].path, fr[0].path);
}

#[test]
fn an_action_pointing_at_a_deleted_risk_is_reported() {
    let mut p = document::parse(pilote::SAMPLE_RON, "sample").unwrap();
    p.meetings[0].actions[0].risk = Some(pilote::model::RiskId(999));
    let issues = validate(&p);
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0].kind, IssueKind::DanglingReference);
    assert_eq!(issues[0].path.to_string(), "meetings[0].actions[0].risk");
    assert!(
        issues[0].message.contains("risk 999"),
        "{}",
        issues[0].message
    );
}
