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
    // Refused as `check` reports it: at the link's line and column.
    assert!(
        err.starts_with("tests/data/malformed/dependency-cycle.pilote.ron:54:5: Dependency cycle"),
        "{err}"
    );
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

fn kpi_json(args: &[&str]) -> serde_json::Value {
    let (code, out, err) = pilote(args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn kpi_at_an_earlier_status_date_gives_what_was_earned_and_spent_by_then() {
    let file = "assets/samples/erp-rollout.pilote.ron";
    let recorded = kpi_json(&["kpi", file, "--json"]);
    assert_eq!(recorded["status_date"], "2026-11-20");
    let june = kpi_json(&["kpi", file, "--status-date", "2026-06-30", "--json"]);
    let february = kpi_json(&["kpi", file, "--status-date", "2026-02-27", "--json"]);
    let num = |v: &serde_json::Value, key: &str| v[key].as_f64().unwrap();
    for earlier in [&june, &february] {
        // Progress stays recorded through the file's status date.
        assert_eq!(earlier["progress_date"], "2026-11-20");
    }
    for key in ["pv", "ev", "ac"] {
        let (feb, jun, nov) = (num(&february, key), num(&june, key), num(&recorded, key));
        assert!(
            0.0 < feb && feb < jun && jun < nov,
            "{key}: {feb} {jun} {nov}"
        );
    }
    // Not November's progress against June's plan (SPI 1.536 before): by June the sample was
    // on plan, as its S-curve shows.
    let spi = num(&june, "spi");
    assert!((0.9..=1.05).contains(&spi), "SPI in June {spi}");
    let cpi = num(&june, "cpi");
    assert!((0.9..=1.05).contains(&cpi), "CPI in June {cpi}");
    assert!(num(&june, "percent_complete") < num(&recorded, "percent_complete"));
    // The text says the figures are by then, not the recorded totals.
    let (code, out, _) = pilote(&["kpi", file, "--status-date", "2026-06-30"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("progress is recorded through 2026-11-20: EV and AC are what had been earned and spent by 2026-06-30"),
        "{out}"
    );
    // A later date: the plan moves on, nothing more was earned or spent.
    let december = kpi_json(&["kpi", file, "--status-date", "2026-12-31", "--json"]);
    assert!(num(&december, "pv") > num(&recorded, "pv"));
    assert_eq!(num(&december, "ev"), num(&recorded, "ev"));
    assert_eq!(num(&december, "ac"), num(&recorded, "ac"));
}

#[test]
fn kpi_on_ms_project_xml_uses_the_file_s_status_date_else_today() {
    let with_status = "../shared/corpus/mspdi-from-mpp/aspose-project5.xml";
    let v = kpi_json(&["kpi", with_status, "--json"]);
    assert_eq!(v["status_date"], "2005-04-12");
    let (code, out, _) = pilote(&["kpi", with_status]);
    assert_eq!(code, 0);
    assert!(
        out.contains("at 2005-04-12 (the file's status date)"),
        "{out}"
    );

    let without = "../shared/corpus/mspdi/task-links-project2016-mspdi.xml";
    let before = chrono::Local::now().date_naive().to_string();
    let v = kpi_json(&["kpi", without, "--json"]);
    let after = chrono::Local::now().date_naive().to_string();
    let date = v["status_date"].as_str().unwrap();
    assert!(before.as_str() <= date && date <= after.as_str(), "{date}");
    let (code, out, err) = pilote(&["kpi", without]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("(today: the file has no status date)"),
        "{out}"
    );
    // The date given still wins.
    let v = kpi_json(&["kpi", without, "--status-date", "2016-03-01", "--json"]);
    assert_eq!(v["status_date"], "2016-03-01");
}

#[test]
fn schedule_prints_slack_in_days_and_json_in_minutes() {
    let file = "assets/samples/erp-rollout.pilote.ron";
    let (code, out, err) = pilote(&["schedule", file]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains(" min"), "{out}");
    // The first task with slack: its working minutes in JSON, days of 8 hours in text.
    let json = kpi_json(&["schedule", file, "--json"]);
    let task = json["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["total_slack_minutes"].as_i64().unwrap() > 0)
        .unwrap();
    let minutes = task["total_slack_minutes"].as_i64().unwrap();
    let uid = task["uid"].as_u64().unwrap();
    let line = out
        .lines()
        .find(|l| l.trim_start().starts_with(&format!("{uid} ")))
        .unwrap();
    let days = minutes as f64 / 480.0;
    assert!(
        line.contains(&format!("slack {:>9}", format!("{days} days"))),
        "{minutes} min: {line}"
    );
    assert!(out.contains("slack    0 days"), "{out}");
}

#[test]
fn level_says_who_remains_over_allocated() {
    let out_file = std::env::temp_dir().join(format!("pilote-level-{}.ron", std::process::id()));
    let out_path = out_file.to_str().unwrap();
    let (code, out, err) = pilote(&[
        "level",
        "assets/samples/erp-rollout.pilote.ron",
        "-o",
        out_path,
    ]);
    std::fs::remove_file(&out_file).ok();
    assert_eq!(code, 0, "{err}");
    let after: usize = out
        .lines()
        .find_map(|l| l.strip_prefix("over-allocated resource-days: "))
        .and_then(|l| l.split(", ").nth(1))
        .and_then(|l| l.strip_suffix(" after"))
        .unwrap()
        .parse()
        .unwrap();
    assert!(after > 0, "{out}");
    // One line per person still over-allocated, adding up to the count after.
    let mut days = 0;
    for line in out
        .lines()
        .filter(|l| l.starts_with("still over-allocated: "))
    {
        let (_, rest) = line.split_once(": ").unwrap();
        let (name, rest) = rest.split_once(": ").unwrap();
        assert!(!name.is_empty(), "{line}");
        assert!(
            rest.contains(" after the status date 2026-11-20, worst "),
            "{line}"
        );
        days += rest.split(' ').next().unwrap().parse::<usize>().unwrap();
    }
    assert_eq!(days, after, "{out}");
}

#[test]
fn a_verb_without_its_file_is_a_usage_error() {
    for verb in ["check", "schedule", "kpi", "level", "trace"] {
        let (code, out, err) = pilote(&[verb]);
        assert_eq!(code, 2, "{verb}: {out}{err}");
        assert!(
            err.starts_with(&format!("pilote {verb}: expected")),
            "{verb}: {err}"
        );
        assert!(err.contains("Usage:"), "{verb}: {err}");
        assert!(out.is_empty(), "{verb}: {out}");
    }
    // Through the library as well: no window opens on a file named "schedule".
    let action = pilote::cli::run(&["schedule".to_owned()]);
    assert!(
        matches!(action, pilote::cli::Action::Exit { code: 2, .. }),
        "{action:?}"
    );
}

#[test]
fn risk_prints_the_p_values_and_the_same_ones_for_the_same_seed() {
    let args = [
        "risk",
        "assets/samples/erp-rollout.pilote.ron",
        "--iterations",
        "3000",
        "--seed",
        "1",
        "--json",
    ];
    let (code, out, err) = pilote(&args);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for key in [
        "iterations",
        "seed",
        "deterministic_finish",
        "finish_p10",
        "finish_p50",
        "finish_p80",
        "finish_p90",
        "cost_p50",
        "cost_p80",
        "probability_on_time",
        "criticality",
        "sensitivity",
        "ms",
    ] {
        assert!(v.get(key).is_some(), "{key} missing from {out}");
    }
    assert_eq!(v["iterations"], 3000);
    let date = |k: &str| v[k].as_str().unwrap().to_owned();
    // ISO timestamps sort as dates.
    assert!(date("finish_p10") <= date("finish_p50"));
    assert!(date("finish_p50") <= date("finish_p80"));
    assert!(date("finish_p80") <= date("finish_p90"));
    assert!(
        date("finish_p80") > date("deterministic_finish"),
        "the sample is uncertain: {out}"
    );
    assert!(v["cost_p50"].as_f64().unwrap() <= v["cost_p80"].as_f64().unwrap());
    let on_time = v["probability_on_time"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&on_time));
    assert!(v["sensitivity"].as_array().unwrap().len() <= 10);
    assert!(!v["sensitivity"].as_array().unwrap().is_empty());
    // Same seed, same figures (the time aside).
    let (_, again, _) = pilote(&args);
    let w: serde_json::Value = serde_json::from_str(&again).unwrap();
    for key in [
        "finish_p50",
        "finish_p80",
        "cost_p80",
        "criticality",
        "sensitivity",
    ] {
        assert_eq!(v[key], w[key], "{key}");
    }
    let (code, _, err) = pilote(&[
        "risk",
        "assets/samples/erp-rollout.pilote.ron",
        "--iterations",
        "0",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("--iterations"), "{err}");
}

#[test]
fn the_schedule_bench_reschedules_edits_and_checks_them_against_a_full_schedule() {
    let args: Vec<String> = [
        "bench", "schedule", "--tasks", "2000", "--runs", "1", "--edits", "12",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    let pilote::cli::Action::Exit {
        code,
        stdout,
        stderr,
    } = pilote::cli::run(&args)
    else {
        panic!("the bench is a command-line verb");
    };
    // A kept schedule that drifted from the full one fails the bench (exit 2, said on stderr).
    assert_eq!(code, 0, "{stdout}{stderr}");
    for key in [
        "schedule_ms: ",
        "reschedule_10k_ms: ",
        "reschedule_10k_ms_p90: ",
        "reschedule_2000_ms: ",
    ] {
        assert!(stdout.contains(key), "{key} missing from {stdout}");
    }
}
