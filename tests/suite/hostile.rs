//! Files a careless or hostile user may hand Pilote (the reproducers of issue 18): durations,
//! lags and delays far beyond any plan, and XML nested without end. Each gives a clear error
//! naming the value, and the scheduler given such a plan anyway returns, never panics.

#![allow(clippy::unwrap_used, reason = "tests: a panic is the failure report")]

use std::time::{Duration, Instant};

use pilote::doc::open::{open_path, open_text};
use pilote::model::validate::validate;
use pilote::schedule::cpm::schedule;

fn hostile(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/hostile")
        .join(name)
}

#[test]
fn durations_lags_and_delays_beyond_the_model_s_limit_are_named_and_schedule_without_panic() {
    for (file, field) in [
        ("leveling-delay-1e308.xml", "tasks[0].leveling_delay"),
        ("elapsed-duration-overflow.xml", "tasks[0].duration"),
        ("negative-lag-1e308.xml", "links[0].lag"),
    ] {
        let opened = open_path(&hostile(file)).unwrap();
        let issues = validate(&opened.project);
        let issue = issues
            .first()
            .unwrap_or_else(|| panic!("{file}: nothing reported"));
        assert_eq!(issue.path.to_string(), field, "{file}: {issue}");
        assert!(
            issue.message.contains("beyond what a plan can hold"),
            "{file}: {issue}"
        );
        // Scheduled anyway (the window shows a plan while its problems are listed): bounded
        // dates, quickly.
        let began = Instant::now();
        let s = schedule(&opened.project).unwrap();
        assert!(
            began.elapsed() < Duration::from_secs(1),
            "{file}: {:?}",
            began.elapsed()
        );
        assert!(
            chrono::Datelike::year(&s.project_finish) < 3000,
            "{file}: {}",
            s.project_finish
        );
    }
}

#[test]
fn the_command_line_refuses_to_schedule_an_invalid_plan_and_says_where() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pilote"))
        .args([
            "schedule",
            "tests/data/hostile/negative-lag-1e308.xml",
            "--json",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("negative-lag-1e308.xml:1:60: Link 1 → 2: -2.08"),
        "{err}"
    );
    assert!(err.contains("is beyond what a plan can hold"), "{err}");
    assert!(err.contains("links[0].lag"), "{err}");
}

#[test]
fn xml_nested_without_end_is_refused_at_its_line_and_column() {
    let text = format!(
        "<Project>{}{}</Project>",
        "<a>".repeat(160_000),
        "</a>".repeat(160_000)
    );
    let error = open_text("deep.xml", &text).err().unwrap().to_string();
    assert!(error.starts_with("deep.xml:1:"), "{error}");
    assert!(error.contains("nested deeper than 64 levels"), "{error}");
}

#[test]
fn a_ron_plan_with_an_elapsed_duration_of_a_billion_days_is_reported_and_schedules() {
    let mut p =
        pilote::model::Project::new("t", chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap());
    let mut t = pilote::model::Task::new(
        pilote::model::TaskId(1),
        "Forever",
        1,
        chrono::NaiveDate::from_ymd_opt(2026, 1, 5)
            .unwrap()
            .and_hms_opt(8, 0, 0)
            .unwrap(),
    );
    t.duration = pilote::model::Duration {
        amount: 1e9,
        unit: pilote::model::DurationUnit::ElapsedDays,
    };
    p.tasks.push(t);
    let text = pilote::io::document::to_text(&p).unwrap();
    let opened = open_text("forever.pilote.ron", &text).unwrap();
    let first = pilote::io::document::first_problem(&opened.issues, "forever.pilote.ron")
        .unwrap()
        .to_string();
    assert!(first.starts_with("forever.pilote.ron:"), "{first}");
    assert!(first.contains("1e9 ElapsedDays is beyond"), "{first}");
    assert!(schedule(&opened.project).is_ok());
}

#[test]
fn a_device_is_not_read_as_a_plan() {
    let error = open_path(std::path::Path::new("/dev/zero"))
        .err()
        .unwrap()
        .to_string();
    assert!(
        error.contains("/dev/zero") && error.contains("not a regular file"),
        "{error}"
    );
}

#[test]
fn an_entity_xml_does_not_define_is_refused_not_dropped_from_a_name() {
    let text = "<!DOCTYPE p [<!ENTITY lol \"lol\">]>\n<Project><Tasks><Task><UID>1</UID>\n<Name>a&lol;b</Name></Task></Tasks></Project>";
    let error = open_text("entity.xml", text).err().unwrap().to_string();
    assert!(error.starts_with("entity.xml:3:"), "{error}");
    assert!(error.contains("entity &lol;"), "{error}");
    // XML's own entities and character references still read.
    let ok = "<Project><Tasks><Task><UID>1</UID><Name>R&amp;D &#233;t&#xE9;</Name></Task></Tasks></Project>";
    let opened = open_text("ok.xml", ok).unwrap();
    assert_eq!(opened.project.tasks[0].name, "R&D été");
}

#[test]
fn a_calendar_without_any_working_time_is_refused_by_name() {
    let mut p =
        pilote::model::Project::new("t", chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap());
    let week = &mut p.calendars[0].week;
    for day in [
        &mut week.monday,
        &mut week.tuesday,
        &mut week.wednesday,
        &mut week.thursday,
        &mut week.friday,
    ] {
        *day = pilote::model::DayRule::NonWorking;
    }
    p.tasks.push(pilote::model::Task::new(
        pilote::model::TaskId(1),
        "Work",
        1,
        chrono::NaiveDate::from_ymd_opt(2026, 1, 5)
            .unwrap()
            .and_hms_opt(8, 0, 0)
            .unwrap(),
    ));
    let error = schedule(&p).err().unwrap().to_string();
    assert_eq!(
        error,
        format!("calendar {} has no working time", p.settings.calendar)
    );
}

#[test]
fn dates_far_from_any_plan_are_named() {
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let mut p = pilote::model::Project::new("t", day(2026, 1, 5));
    let mut t = pilote::model::Task::new(
        pilote::model::TaskId(1),
        "Typo",
        1,
        day(2026, 1, 5).and_hms_opt(8, 0, 0).unwrap(),
    );
    t.deadline = Some(day(1, 1, 1));
    t.constraint = pilote::model::Constraint::StartNoEarlierThan(
        day(-262_143, 1, 1).and_hms_opt(8, 0, 0).unwrap(),
    );
    p.tasks.push(t);
    let issues = validate(&p);
    let paths: Vec<String> = issues.iter().map(|i| i.path.to_string()).collect();
    assert_eq!(
        paths,
        ["tasks[0].constraint", "tasks[0].deadline"],
        "{issues:?}"
    );
    assert!(
        issues[1]
            .message
            .contains("0001-01-01 is beyond what a plan can hold (years 1900 to 2200 at most)"),
        "{}",
        issues[1]
    );
}

/// What `scripts/fuzz.sh` found, kept as files: each opens or is refused, is reported, and
/// schedules quickly to dates a plan can hold.
#[test]
fn every_input_the_fuzzer_found_is_reported_and_schedules_at_once() {
    let dir = hostile("fuzz");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for file in files {
        let began = Instant::now();
        let Ok(opened) = open_path(&file) else {
            continue;
        };
        let issues = validate(&opened.project);
        assert!(!issues.is_empty(), "{}: nothing reported", file.display());
        if let Ok(s) = schedule(&opened.project) {
            assert!(
                chrono::Datelike::year(&s.project_finish) < 3000,
                "{}: {}",
                file.display(),
                s.project_finish
            );
        }
        assert!(
            began.elapsed() < Duration::from_secs(1),
            "{}: {:?}",
            file.display(),
            began.elapsed()
        );
    }
}

#[test]
fn a_gigabyte_file_is_refused_at_once_by_its_size() {
    let dir = std::env::temp_dir().join(format!("pilote-huge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("huge.xml");
    // Sparse: a gigabyte on paper, nothing on the disk.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(1_000_000_000).unwrap();
    let began = Instant::now();
    let error = open_path(&path).unwrap_err().to_string();
    assert!(error.contains("huge.xml"), "{error}");
    assert!(
        error.contains("1000 MB is more than a plan holds"),
        "{error}"
    );
    assert!(began.elapsed() < Duration::from_secs(1));
    let _ = std::fs::remove_dir_all(&dir);
}
