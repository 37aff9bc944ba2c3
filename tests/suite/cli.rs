//! The command line, as a user or a script runs it.

#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    clippy::unnecessary_wraps,
    reason = "tests: a panic is the failure report, compared values are exact"
)]

use std::process::Command;

fn pilote(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_pilote"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn check_prints_one_line_per_kind_of_item_for_the_sample() {
    let (code, out, err) = pilote(&["check", "assets/samples/erp-rollout.pilote.ron"]);
    assert_eq!(code, 0, "{err}");
    for start in [
        "tasks: 80 (14 summaries, 12 milestones)",
        "links: ",
        "resources: 12",
        "requirements: 30",
        "deliverables: 15",
        "test cases: 40 in 2 campaigns",
        "anomalies: 11",
        "risks: 12",
        "meetings: 4",
    ] {
        assert!(
            out.lines().any(|l| l.starts_with(start)),
            "no line starting with {start:?} in:\n{out}"
        );
    }
}

#[test]
fn check_reports_file_line_column_and_exits_1() {
    let file = "tests/data/malformed/dangling-reference.pilote.ron";
    let (code, out, err) = pilote(&["check", file]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.starts_with(&format!("{file}:62:19: Assignment 2 refers to task 9")),
        "{err}"
    );
    let (code, _, err) = pilote(&["check", "no/such/file.pilote.ron"]);
    assert_eq!(code, 1);
    assert!(err.starts_with("no/such/file.pilote.ron: "), "{err}");
}

#[test]
fn help_version_and_bad_arguments() {
    let (code, out, _) = pilote(&["--version"]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), format!("pilote {}", env!("CARGO_PKG_VERSION")));
    let (code, out, _) = pilote(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("pilote check FILE"));
    let (code, _, err) = pilote(&["--frobnicate"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown arguments"));
}

#[test]
fn check_imports_ms_project_xml() {
    let file = "../shared/corpus/mspdi/task-links-project2016-mspdi.xml";
    let (code, out, err) = pilote(&["check", file]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("tasks: 16"), "{out}");
    assert!(out.contains("links: 8"), "{out}");
    assert!(out.contains("import warnings: 0"), "{out}");
}

#[test]
fn schedule_prints_the_documented_json_and_refuses_cycles() {
    let file = "../shared/corpus/mspdi/task-links-project2016-mspdi.xml";
    let (code, out, err) = pilote(&["schedule", file, "--json"]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let tasks = json["tasks"].as_array().unwrap();
    assert_eq!(tasks.len(), 16);
    let keys: Vec<&str> = tasks[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "uid",
            "name",
            "summary",
            "milestone",
            "manual",
            "start",
            "finish",
            "early_start",
            "early_finish",
            "late_start",
            "late_finish",
            "total_slack_minutes",
            "free_slack_minutes",
            "critical"
        ]
    );
    assert!(json["warnings"].is_array());
    assert!(json["schedule_ms"].as_f64().unwrap() >= 0.0);
    assert_eq!(tasks[1]["start"], "2016-02-09T08:00:00");

    let (code, _, err) = pilote(&[
        "schedule",
        "tests/data/malformed/dependency-cycle.pilote.ron",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("dependency cycle"), "{err}");
    assert!(
        err.contains("\"Design\"") && err.contains("\"Go-live\""),
        "{err}"
    );
}

#[test]
fn the_leveling_bench_checks_and_compares_psplib_instances() {
    // A directory of three j30 instances next to a copy of best_known.csv, as the corpus is laid
    // out.
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/psplib");
    if !corpus.join("j30").exists() {
        eprintln!("skipped: no PSPLIB corpus");
        return;
    }
    let root = std::env::temp_dir().join(format!("pilote-psplib-{}", std::process::id()));
    let dir = root.join("j30");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(corpus.join("best_known.csv"), root.join("best_known.csv")).unwrap();
    for name in ["j301_1.sm", "j3010_1.sm", "j3048_10.sm"] {
        std::fs::copy(corpus.join("j30").join(name), dir.join(name)).unwrap();
    }
    let args: Vec<String> = ["bench", "leveling", dir.to_str().unwrap()]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    let pilote::cli::Action::Exit { code, stdout, .. } = pilote::cli::run(&args) else {
        panic!("the bench is a command-line verb");
    };
    std::fs::remove_dir_all(&root).unwrap();
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("instances: 3\n"), "{stdout}");
    assert!(stdout.contains("feasible: 3/3\n"), "{stdout}");
    for key in [
        "mean_deviation_pct: ",
        "max_deviation_pct: ",
        "ms_per_instance: ",
    ] {
        assert!(stdout.contains(key), "{key} missing from {stdout}");
    }
}

#[test]
fn trace_json_agrees_with_the_matrix_totals() {
    let args: Vec<String> = ["trace", "assets/samples/erp-rollout.pilote.ron", "--json"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    let pilote::cli::Action::Exit { code, stdout, .. } = pilote::cli::run(&args) else {
        panic!("trace is a command-line verb");
    };
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let text = std::fs::read_to_string("assets/samples/erp-rollout.pilote.ron").unwrap();
    let project = pilote::io::document::parse(&text, "sample").unwrap();
    let t = pilote::schedule::trace::trace(&project);
    assert_eq!(v["requirements"], t.requirements);
    assert_eq!(v["covered"], t.covered);
    assert_eq!(v["passed"], t.passed);
    assert_eq!(v["failed"], t.failed);
    assert_eq!(v["untested"], t.untested);
    // Every requirement is in exactly one state.
    assert_eq!(
        t.passed + t.failed + t.in_progress + t.untested,
        t.requirements
    );
    assert!(t.failed > 0, "the sample's acceptance found failures");
}
