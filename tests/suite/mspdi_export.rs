//! MS Project XML export: a plan exported and imported again is the same plan — tasks, links,
//! calendars, resources, assignments, baselines — and schedules to the same dates, task by task;
//! for the sample and for every file of the reference corpus (imported first). An independent
//! reader (MPXJ) reads the exported sample as Pilote has it.

#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    reason = "tests: a panic is the failure report"
)]

use std::path::{Path, PathBuf};

use pilote::io::{document, mspdi};
use pilote::model::{Duration, Lag, Project};
use pilote::schedule::cost::per_minute;
use pilote::schedule::cpm;

fn corpus_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut files = Vec::new();
    for set in ["mspdi", "mspdi-from-mpp"] {
        for entry in std::fs::read_dir(root.join(set)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "xml") {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(files.len() > 50, "corpus not found");
    files
}

fn minutes(p: &Project, d: Duration) -> f64 {
    d.amount * p.settings.minutes_per(d.unit)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-3 * (1.0 + a.abs().max(b.abs()))
}

fn lag_minutes(p: &Project, lag: Lag) -> (f64, bool) {
    match lag {
        Lag::None => (0.0, false),
        Lag::Time(d) => (minutes(p, d), false),
        Lag::PercentOfPredecessor(x) => (x, true),
    }
}

/// Every difference between `a` (before) and `b` (after the round trip) that a user would
/// see, named.
#[allow(clippy::too_many_lines, reason = "one comparison per field")]
fn differences(a: &Project, b: &Project) -> Vec<String> {
    let mut out = Vec::new();
    let mut check = |same: bool, what: String| {
        if !same {
            out.push(what);
        }
    };
    check(
        a.meta.name == b.meta.name,
        format!("name {:?} → {:?}", a.meta.name, b.meta.name),
    );
    check(
        a.meta.start == b.meta.start,
        format!("start {} → {}", a.meta.start, b.meta.start),
    );
    check(
        a.meta.status_date == b.meta.status_date,
        "status date".into(),
    );
    check(
        a.settings == b.settings,
        format!("settings {:?} → {:?}", a.settings, b.settings),
    );
    check(
        a.tasks.len() == b.tasks.len(),
        format!("{} tasks → {}", a.tasks.len(), b.tasks.len()),
    );
    for (x, y) in a.tasks.iter().zip(&b.tasks) {
        let id = x.id;
        check(x.id == y.id, format!("task {id}: id → {}", y.id));
        check(
            x.name.chars().take(255).eq(y.name.chars()),
            format!("task {id}: name {:?} → {:?}", x.name, y.name),
        );
        check(
            x.outline_level == y.outline_level,
            format!("task {id}: outline level"),
        );
        check(x.milestone == y.milestone, format!("task {id}: milestone"));
        check(x.mode == y.mode, format!("task {id}: mode"));
        check(
            x.duration.unit == y.duration.unit,
            format!(
                "task {id}: duration unit {:?} → {:?}",
                x.duration.unit, y.duration.unit
            ),
        );
        check(
            close(minutes(a, x.duration), minutes(b, y.duration)),
            format!("task {id}: duration {:?} → {:?}", x.duration, y.duration),
        );
        check(
            x.constraint == y.constraint,
            format!(
                "task {id}: constraint {:?} → {:?}",
                x.constraint, y.constraint
            ),
        );
        check(x.deadline == y.deadline, format!("task {id}: deadline"));
        check(
            x.priority.min(1000) == y.priority,
            format!("task {id}: priority"),
        );
        check(
            x.percent_complete == y.percent_complete,
            format!("task {id}: % complete"),
        );
        check(
            x.actual_start == y.actual_start,
            format!("task {id}: actual start"),
        );
        check(
            x.actual_finish == y.actual_finish,
            format!("task {id}: actual finish"),
        );
        check(x.calendar == y.calendar, format!("task {id}: calendar"));
        check(x.task_type == y.task_type, format!("task {id}: type"));
        check(
            x.effort_driven == y.effort_driven,
            format!("task {id}: effort driven"),
        );
        check(
            x.ignore_resource_calendars == y.ignore_resource_calendars,
            format!("task {id}: ignore resource calendars"),
        );
        check(
            close(x.fixed_cost, y.fixed_cost),
            format!("task {id}: fixed cost"),
        );
        check(
            x.fixed_cost_accrual == y.fixed_cost_accrual,
            format!("task {id}: fixed cost accrual"),
        );
        check(
            close(minutes(a, x.leveling_delay), minutes(b, y.leveling_delay)),
            format!("task {id}: leveling delay"),
        );
        check(x.notes == y.notes, format!("task {id}: notes"));
        if x.mode == pilote::model::SchedulingMode::Manual {
            check(
                x.start == y.start && x.finish == y.finish,
                format!("task {id}: manual dates"),
            );
        }
    }
    check(
        a.links.len() == b.links.len(),
        format!("{} links → {}", a.links.len(), b.links.len()),
    );
    for x in &a.links {
        let found = b
            .links
            .iter()
            .find(|y| y.predecessor == x.predecessor && y.successor == x.successor);
        let same = found.is_some_and(|y| {
            let (lx, px) = lag_minutes(a, x.lag);
            let (ly, py) = lag_minutes(b, y.lag);
            y.kind == x.kind && px == py && close(lx, ly)
        });
        check(
            same,
            format!(
                "link {} → {}: {:?} → {:?}",
                x.predecessor, x.successor, x, found
            ),
        );
    }
    check(
        a.calendars.len() == b.calendars.len(),
        "calendar count".into(),
    );
    for x in &a.calendars {
        let y = b.calendars.iter().find(|c| c.id == x.id);
        let same = y.is_some_and(|y| {
            let mut ex = x.exceptions.clone();
            let mut ey = y.exceptions.clone();
            ex.sort_by_key(|e| (e.from, e.to));
            ey.sort_by_key(|e| (e.from, e.to));
            let mut wx = x.work_weeks.clone();
            wx.sort_by_key(|w| (w.from, w.to));
            y.base == x.base
                && ex == ey
                && wx == y.work_weeks
                && y.week == x.week
                && y.name.chars().eq(x.name.chars().take(255))
        });
        check(
            same,
            format!(
                "calendar {} \"{}\" differs: {:?}\n→ {:?}",
                x.id, x.name, x, y
            ),
        );
    }
    check(
        a.resources.len() == b.resources.len(),
        "resource count".into(),
    );
    for (x, y) in a.resources.iter().zip(&b.resources) {
        let id = x.id;
        check(
            x.id == y.id && x.kind == y.kind && x.calendar == y.calendar,
            format!("resource {id}: id, kind or calendar"),
        );
        check(
            x.initials == y.initials
                && x.team == y.team
                && x.email == y.email
                && x.notes == y.notes,
            format!("resource {id}: texts"),
        );
        check(
            close(x.max_units, y.max_units),
            format!("resource {id}: max units"),
        );
        check(
            x.available_from == y.available_from && x.available_to == y.available_to,
            format!("resource {id}: availability"),
        );
        let rate = |p: &Project, r| per_minute(r, &p.settings);
        check(
            close(rate(a, x.standard_rate), rate(b, y.standard_rate)),
            format!(
                "resource {id}: standard rate {:?} → {:?}",
                x.standard_rate, y.standard_rate
            ),
        );
        check(
            close(rate(a, x.overtime_rate), rate(b, y.overtime_rate)),
            format!("resource {id}: overtime rate"),
        );
        check(
            close(x.cost_per_use, y.cost_per_use),
            format!("resource {id}: cost per use"),
        );
    }
    check(
        a.assignments.len() == b.assignments.len(),
        format!(
            "{} assignments → {}",
            a.assignments.len(),
            b.assignments.len()
        ),
    );
    for (x, y) in a.assignments.iter().zip(&b.assignments) {
        check(x == y, format!("assignment {x:?} → {y:?}"));
    }
    let baselines = |p: &Project| {
        let mut v: Vec<_> = p
            .baselines
            .iter()
            .filter(|b| b.number <= 10)
            .map(|b| {
                let mut t = b.tasks.clone();
                t.sort_by_key(|t| t.task);
                (b.number, t)
            })
            .collect();
        v.sort_by_key(|(n, _)| *n);
        v
    };
    for ((n, x), (m, y)) in baselines(a).iter().zip(baselines(b).iter()) {
        check(n == m && x.len() == y.len(), format!("baseline {n}"));
        for (p, q) in x.iter().zip(y) {
            let same = p.task == q.task
                && p.start == q.start
                && p.finish == q.finish
                && p.duration_minutes == q.duration_minutes
                && p.work_minutes == q.work_minutes
                && (p.cost - q.cost).abs() < 0.01;
            check(same, format!("baseline {n}: {p:?} → {q:?}"));
        }
    }
    check(
        baselines(a).len() == baselines(b).len(),
        "baseline count".into(),
    );
    out
}

/// The dates both plans schedule to, task by task.
fn schedule_differences(a: &Project, b: &Project) -> Vec<String> {
    let (Ok(x), Ok(y)) = (cpm::schedule(a), cpm::schedule(b)) else {
        return match (cpm::schedule(a), cpm::schedule(b)) {
            (Err(_), Err(_)) => Vec::new(),
            _ => vec!["one schedules, the other does not".to_owned()],
        };
    };
    let mut out = Vec::new();
    if x.project_finish != y.project_finish {
        out.push(format!(
            "project finish {} → {}",
            x.project_finish, y.project_finish
        ));
    }
    for ((t, p), q) in a.tasks.iter().zip(&x.tasks).zip(&y.tasks) {
        if p != q {
            out.push(format!("task {} \"{}\": {p:?}\n→ {q:?}", t.id, t.name));
        }
    }
    out
}

fn round_trip(project: &Project, file: &str) -> Project {
    let exported = mspdi::export(project).unwrap();
    mspdi::import(&exported.text, file)
        .unwrap_or_else(|e| panic!("{file}: the export does not import: {e}"))
        .project
}

#[test]
fn the_sample_comes_back_from_ms_project_xml_the_same_plan() {
    let sample = document::load_strict(pilote::SAMPLE_RON, pilote::SAMPLE_NAME).unwrap();
    let exported = mspdi::export(&sample).unwrap();
    // What MS Project cannot hold is said.
    let left_out = exported.left_out.join("\n");
    for what in ["requirements", "test cases", "risks", "meetings"] {
        assert!(left_out.contains(what), "{what} not named in {left_out}");
    }
    let back = round_trip(&sample, "sample.xml");
    let mut problems = differences(&sample, &back);
    problems.extend(schedule_differences(&sample, &back));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // UIDs are stable: a second export is the same text.
    assert_eq!(mspdi::export(&sample).unwrap().text, exported.text);
}

#[test]
fn every_corpus_file_comes_back_from_its_export_the_same_plan() {
    let mut failures = Vec::new();
    for file in corpus_files() {
        let name = file.display().to_string();
        let text = std::fs::read_to_string(&file).unwrap();
        let Ok(first) = mspdi::import(&text, &name) else {
            continue; // files the import refuses are checked in mspdi.rs
        };
        let back = round_trip(&first.project, &name);
        let mut problems = differences(&first.project, &back);
        problems.extend(schedule_differences(&first.project, &back));
        if !problems.is_empty() {
            let shown: Vec<_> = problems.iter().take(4).cloned().collect();
            failures.push(format!(
                "{name}: {} differences, first:\n{}",
                problems.len(),
                shown.join("\n")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n\n{} files differ",
        failures.join("\n\n"),
        failures.len()
    );
}

#[test]
fn the_export_is_in_the_schema_order_ms_project_needs() {
    let sample = document::load_strict(pilote::SAMPLE_RON, pilote::SAMPLE_NAME).unwrap();
    let text = mspdi::export(&sample).unwrap().text;
    // A task's elements in the order of MS Project's schema (a few that matter most).
    let order = [
        "<UID>",
        "<ID>",
        "<Name>",
        "<Manual>",
        "<Type>",
        "<OutlineNumber>",
        "<OutlineLevel>",
        "<Priority>",
        "<Start>",
        "<Finish>",
        "<Duration>",
        "<DurationFormat>",
        "<Milestone>",
        "<Summary>",
        "<EarlyStart>",
        "<LateFinish>",
        "<TotalSlack>",
        "<PercentComplete>",
        "<ConstraintType>",
        "<CalendarUID>",
        "<PredecessorLink>",
    ];
    let task = text.split("<Task>").nth(3).unwrap();
    let mut at = 0;
    for tag in order {
        if let Some(found) = task[at..].find(tag) {
            at += found;
        } else {
            assert!(!task.contains(tag), "{tag} out of order in\n{task}");
        }
    }
    // The project's own summary row comes first, with UID 0.
    let first = text.split("<Task>").nth(1).unwrap();
    assert!(first.contains("<UID>0</UID>"), "{first}");
    assert!(first.contains("<OutlineLevel>0</OutlineLevel>"), "{first}");
}

/// The python of the MPXJ venv (`scripts/mpxj-venv.sh` makes it), when it and Java are here.
fn mpxj_python() -> Option<PathBuf> {
    let python = std::env::var_os("MPXJ_PYTHON")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join("mpxj-venv/bin/python")))?;
    let java = std::process::Command::new("java").arg("-version").output();
    (python.exists() && java.is_ok_and(|o| o.status.success())).then_some(python)
}

fn field<'v>(value: &'v serde_json::Value, path: &[&str]) -> &'v serde_json::Value {
    path.iter().fold(value, |v, key| &v[*key])
}

#[test]
#[allow(clippy::too_many_lines, reason = "one check per field MPXJ reports")]
fn mpxj_reads_the_exported_sample_as_pilote_has_it() {
    let Some(python) = mpxj_python() else {
        eprintln!(
            "SKIPPED mpxj_reads_the_exported_sample_as_pilote_has_it: no MPXJ venv or no Java \
             (bash scripts/mpxj-venv.sh makes the venv; scripts/check.sh runs it)"
        );
        return;
    };
    let sample = document::load_strict(pilote::SAMPLE_RON, pilote::SAMPLE_NAME).unwrap();
    let dir = std::env::temp_dir().join(format!("pilote-mpxj-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let xml = dir.join("sample.xml");
    std::fs::write(&xml, mspdi::export(&sample).unwrap().text).unwrap();
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/mpxj/dump_schedule.py");
    let run = std::process::Command::new(&python)
        .arg(&script)
        .arg(&xml)
        .arg("--outdir")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "dump_schedule.py failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let json = std::fs::read_to_string(dir.join("sample.xml.json")).unwrap();
    let read: serde_json::Value = serde_json::from_str(&json).unwrap();
    let schedule = cpm::schedule(&sample).unwrap();
    let tasks = read["tasks"].as_array().unwrap();
    let mut problems = Vec::new();
    for (row, task) in sample.tasks.iter().enumerate() {
        let Some(t) = tasks.iter().find(|t| t["uid"] == task.id.0) else {
            problems.push(format!("task {} missing", task.id));
            continue;
        };
        let at = |s: chrono::NaiveDateTime| {
            serde_json::Value::from(s.format("%Y-%m-%dT%H:%M:%S").to_string())
        };
        let dates = &schedule.tasks[row];
        let expect = [
            ("name", t["name"] == task.name.as_str()),
            ("outline level", t["outline_level"] == task.outline_level),
            ("milestone", t["milestone"] == task.milestone),
            ("start", t["stored"]["start"] == at(dates.start)),
            ("finish", t["stored"]["finish"] == at(dates.finish)),
            ("critical", t["stored"]["critical"] == dates.critical),
            (
                "predecessors",
                t["predecessors"].as_array().unwrap().len()
                    == sample
                        .links
                        .iter()
                        .filter(|l| l.successor == task.id)
                        .count(),
            ),
        ];
        for (what, same) in expect {
            if !same {
                problems.push(format!(
                    "task {} \"{}\": {what} differs: {t}",
                    task.id, task.name
                ));
            }
        }
        if !task.duration.unit.is_elapsed() {
            let read_minutes = field(t, &["duration", "minutes"])
                .as_f64()
                .unwrap_or(f64::NAN);
            if !close(read_minutes, minutes(&sample, task.duration)) {
                problems.push(format!("task {}: duration {read_minutes} minutes", task.id));
            }
        }
        for link in sample.links.iter().filter(|l| l.successor == task.id) {
            let found = t["predecessors"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["uid"] == link.predecessor.0 && p["type"] == link.kind.code());
            if !found {
                problems.push(format!(
                    "link {} → {} not read",
                    link.predecessor, link.successor
                ));
            }
        }
        let assigned = sample.assignments.iter().filter(|a| a.task == task.id);
        for a in assigned {
            let found = t["assignments"].as_array().unwrap().iter().any(|x| {
                x["resource_uid"] == a.resource.0
                    && close(x["units"].as_f64().unwrap_or(-1.0), a.units * 100.0)
                    && close(
                        field(x, &["work", "minutes"]).as_f64().unwrap_or(-1.0),
                        a.work_minutes as f64,
                    )
            });
            if !found {
                problems.push(format!("assignment {} of task {} not read", a.id, task.id));
            }
        }
    }
    for r in &sample.resources {
        let found = read["resources"].as_array().unwrap().iter().any(|x| {
            x["uid"] == r.id.0
                && close(x["max_units"].as_f64().unwrap_or(-1.0), r.max_units * 100.0)
        });
        if !found {
            problems.push(format!("resource {} \"{}\" not read", r.id, r.name));
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
