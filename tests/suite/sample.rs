//! The embedded sample reads as a real project: what its items point at makes sense in time
//! and in kind (a PM opening it finds nothing absurd).

#![allow(clippy::unwrap_used, reason = "tests: a panic is the failure report")]

use chrono::{Datelike, NaiveDate, Weekday};
use pilote::io::document;
use pilote::model::{AnomalyStatus, Project, RequirementStatus, TestResult};

fn sample() -> Project {
    document::load_strict(pilote::SAMPLE_RON, pilote::SAMPLE_NAME).unwrap()
}

fn working_day(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Every link of the sample holds in time: runs inside their campaign on working days, with
/// a case of that campaign; anomalies corrected in a task that had started by the time they
/// were closed; load tests inside their campaign; no resource staffed before it is available.
pub fn assert_links_make_sense(p: &Project) {
    let task = |id| p.tasks.iter().find(|t| t.id == id).unwrap();
    for run in &p.test_runs {
        let campaign = p.campaigns.iter().find(|c| c.id == run.campaign).unwrap();
        assert!(campaign.cases.contains(&run.case), "run {:?}", run.id);
        assert!(working_day(run.date), "run {:?} on {}", run.id, run.date);
        assert!(
            (campaign.start..=campaign.finish).contains(&run.date),
            "run {:?} on {} outside its campaign",
            run.id,
            run.date
        );
    }
    for load in &p.load_tests {
        let campaign = p.campaigns.iter().find(|c| c.id == load.campaign).unwrap();
        assert!(
            (campaign.start..=campaign.finish).contains(&load.date),
            "{}",
            load.scenario
        );
    }
    for a in &p.anomalies {
        if let Some(run) = a.found_in {
            let run = p.test_runs.iter().find(|r| r.id == run).unwrap();
            assert_eq!(run.anomaly, Some(a.id), "{}", a.code);
            assert_eq!(run.date, a.reported_on, "{}", a.code);
            assert_ne!(run.result, TestResult::Passed, "{}", a.code);
        }
        match (a.status, a.correction_task) {
            (AnomalyStatus::Rejected, task) => assert_eq!(task, None, "{} was rejected", a.code),
            (_, Some(t)) => {
                let closed = a.closed_on.unwrap_or(NaiveDate::MAX);
                assert!(
                    task(t).start.date() <= closed,
                    "{} closed on {closed} before its correction task starts",
                    a.code
                );
            }
            (_, None) => {}
        }
        // A closed anomaly was retested before it was closed.
        if a.status == AnomalyStatus::Closed {
            let case = p
                .test_runs
                .iter()
                .find(|r| Some(r.id) == a.found_in)
                .unwrap()
                .case;
            assert!(
                p.test_runs.iter().any(|r| r.case == case
                    && r.result == TestResult::Passed
                    && r.date > a.reported_on
                    && r.date <= a.closed_on.unwrap()),
                "{} closed without a retest",
                a.code
            );
        }
    }
    for asg in &p.assignments {
        let r = p.resources.iter().find(|r| r.id == asg.resource).unwrap();
        let t = task(asg.task);
        if let Some(from) = r.available_from {
            assert!(
                t.start.date() >= from,
                "{} on {} before {from}",
                r.name,
                t.name
            );
        }
    }
    for m in &p.meetings {
        for action in &m.actions {
            assert!(action.due.unwrap() > m.date.date(), "{}", action.text);
        }
    }
    // A requirement is not verified while one of its cases last failed.
    for r in &p.requirements {
        if r.status != RequirementStatus::Verified {
            continue;
        }
        for case in p
            .test_cases
            .iter()
            .filter(|c| c.requirements.contains(&r.id))
        {
            let last = p
                .test_runs
                .iter()
                .filter(|run| run.case == case.id)
                .max_by_key(|run| (run.date, run.id));
            assert!(
                last.is_none_or(|run| run.result == TestResult::Passed),
                "{} verified while {} fails",
                r.code,
                case.code
            );
        }
    }
}

#[test]
fn the_sample_s_links_make_sense() {
    assert_links_make_sense(&sample());
}

/// A few of the links the review of the sample fixed, by name.
#[test]
fn the_sample_s_reviewed_links_hold() {
    let p = sample();
    let case = |code: &str| p.test_cases.iter().find(|c| c.code == code).unwrap();
    let requirement = |code: &str| p.requirements.iter().find(|r| r.code == code).unwrap();
    // The nightly batch says nothing of 200 users' response times.
    assert!(
        !case("TC-040")
            .requirements
            .contains(&requirement("REQ-T-003").id)
    );
    // The bilingual interface fails its test (ANO-008): implemented, not verified.
    assert_eq!(
        requirement("REQ-T-009").status,
        RequirementStatus::Implemented
    );
    // Interfaces monitoring is about every interface, not the data warehouse feed alone.
    let interfaces = p.tasks.iter().find(|t| t.name == "Interfaces").unwrap();
    assert_eq!(requirement("REQ-T-008").tasks, [interfaces.id]);
    // COPIL 3 and 4 have been held (build review, test phase); the milestones ahead are later
    // committees.
    assert!(
        p.tasks
            .iter()
            .any(|t| t.name == "Acceptance pronounced (COPIL 5)")
    );
    assert!(
        p.tasks
            .iter()
            .any(|t| t.name == "Go / no-go decision (COPIL 6)")
    );
}

fn french() -> Project {
    document::load_strict(pilote::SAMPLE_FR_RON, pilote::SAMPLE_FR_NAME).unwrap()
}

#[test]
fn the_french_sample_s_links_make_sense() {
    assert_links_make_sense(&french());
}

#[test]
fn both_samples_pass_pilote_check() {
    let files = [
        "assets/samples/erp-rollout.pilote.ron",
        "assets/samples/erp-rollout.fr.pilote.ron",
    ];
    let args: Vec<String> = std::iter::once("check")
        .chain(files)
        .map(str::to_owned)
        .collect();
    let pilote::cli::Action::Exit {
        code,
        stdout,
        stderr,
    } = pilote::cli::run(&args)
    else {
        panic!("check is a command-line verb");
    };
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    for file in files {
        assert!(stdout.contains(&format!("{file}: ok")), "{stdout}");
    }
    assert!(
        stdout.contains("\"Déploiement ERP — Valmont Industries\""),
        "{stdout}"
    );
    // What each holds is the same, line for line, but for the name.
    let (en, fr) = stdout.split_once("\n\n").unwrap();
    let rest = |s: &str| s.lines().skip(1).map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(rest(en), rest(fr));
}

/// The texts a person writes, which the French sample translates; every other value (ids,
/// codes, dates, amounts, links, statuses) is the same in both samples.
const TEXT_FIELDS: &[&str] = &[
    "name",
    "client",
    "sponsor",
    "description",
    "notes",
    "required_skills",
    "team",
    "role",
    "reason",
    "label",
    "title",
    "source",
    "acceptance_criteria",
    "comment",
    "reservations",
    "steps",
    "expected",
    "environment",
    "scenario",
    "mitigation",
    "contingency",
    "attendees",
    "external_attendees",
    "agenda",
    "minutes",
    "text",
    "decided_by",
];

/// Walks both documents side by side: same shape, same values, texts aside. Returns how many
/// texts differ.
fn same_but_texts(
    en: &serde_json::Value,
    fr: &serde_json::Value,
    path: &str,
    field: &str,
) -> usize {
    use serde_json::Value;
    match (en, fr) {
        (Value::Object(a), Value::Object(b)) => {
            let keys = |o: &serde_json::Map<String, Value>| o.keys().cloned().collect::<Vec<_>>();
            assert_eq!(keys(a), keys(b), "{path}");
            a.iter()
                .map(|(k, v)| same_but_texts(v, &b[k], &format!("{path}.{k}"), k))
                .sum()
        }
        (Value::Array(a), Value::Array(b)) => {
            assert_eq!(a.len(), b.len(), "{path}: not as many items");
            a.iter()
                .zip(b)
                .enumerate()
                .map(|(i, (x, y))| same_but_texts(x, y, &format!("{path}[{i}]"), field))
                .sum()
        }
        (Value::String(a), Value::String(b)) if a != b => {
            assert!(
                TEXT_FIELDS.contains(&field),
                "{path} differs and is not a text: {a:?} / {b:?}"
            );
            usize::from(!a.is_empty())
        }
        _ => {
            assert_eq!(en, fr, "{path}");
            0
        }
    }
}

/// The French sample is the English one with its texts in French: the same items with the same
/// ids and links, the same dates once scheduled, the same coverage. They cannot drift apart.
#[test]
fn the_french_sample_is_the_english_one_in_french() {
    let (en, fr) = (sample(), french());
    let json = |p: &Project| serde_json::to_value(p).unwrap();
    let translated = same_but_texts(&json(&en), &json(&fr), "", "");
    assert!(translated > 300, "only {translated} texts in French");
    // Same dates once scheduled.
    let (s_en, s_fr) = (
        pilote::schedule::cpm::schedule(&en).unwrap(),
        pilote::schedule::cpm::schedule(&fr).unwrap(),
    );
    assert_eq!(s_en.tasks.len(), s_fr.tasks.len());
    for (a, b) in s_en.tasks.iter().zip(&s_fr.tasks) {
        assert_eq!((a.start, a.finish), (b.start, b.finish));
        assert_eq!(a.critical, b.critical);
    }
    // Same coverage of the requirements.
    let (t_en, t_fr) = (
        pilote::schedule::trace::trace(&en),
        pilote::schedule::trace::trace(&fr),
    );
    assert_eq!(
        (
            t_en.covered,
            t_en.passed,
            t_en.failed,
            t_en.in_progress,
            t_en.untested
        ),
        (
            t_fr.covered,
            t_fr.passed,
            t_fr.failed,
            t_fr.in_progress,
            t_fr.untested
        )
    );
    // And it reads in French.
    let phases: Vec<&str> = fr
        .tasks
        .iter()
        .filter(|t| t.outline_level == 1)
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(
        phases,
        [
            "Cadrage",
            "Spécifications",
            "Réalisation",
            "Tests et recette",
            "Déploiement"
        ]
    );
    assert_eq!(fr.meta.name, "Déploiement ERP — Valmont Industries");
}

/// The French file is exactly what Pilote writes, as the English one is: it diffs cleanly.
#[test]
fn the_french_sample_survives_a_round_trip_unchanged() {
    let text = document::to_text(&french()).unwrap();
    assert_eq!(text, pilote::SAMPLE_FR_RON);
}
