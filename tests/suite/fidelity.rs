//! Scheduler fidelity: every task of the reference corpus, imported from MS Project XML and
//! scheduled by Pilote from the project start, compared with the start and finish MS Project
//! itself stored; and the same on `tests/data/generated`, plans made by MPXJ's generator
//! (`scripts/gen-fidelity-set.sh`) with the dates its MS-Project-style scheduler gives them.
//! The match rates of each set (start and finish, late dates, total slack, critical flag) are
//! printed and must not fall below the level reached (a ratchet: raise it when the scheduler
//! improves, never lower it). Any other directory of generated plans is measured with
//! `PILOTE_FIDELITY_DIR=DIR cargo test --test suite fidelity_of_a_directory -- --nocapture`.

#![allow(clippy::unwrap_used, reason = "tests: a panic is the failure report")]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use pilote::io::mspdi;
use pilote::schedule::calendar::WorkCalendar;
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
    predecessors: Vec<ExpectedLink>,
    #[serde(default)]
    assignments: Vec<ExpectedAssignment>,
    stored: Stored,
}

#[derive(Deserialize)]
struct ExpectedLink {
    uid: u32,
    #[serde(rename = "type")]
    kind: Option<String>,
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
    free_slack: Option<Minutes>,
    critical: Option<bool>,
}

#[derive(Deserialize)]
struct Minutes {
    minutes: Option<f64>,
}

/// Why a task's dates differ, judged from what the file says about it: a task after a
/// predecessor that already differs follows it; the first of a chain gets a cause.
fn cause(
    t: &ExpectedTask,
    resources: &HashMap<u32, Option<i64>>,
    stored: &Stored,
    tasks: &HashMap<u32, &ExpectedTask>,
    differs: &std::collections::HashSet<u32>,
) -> &'static str {
    if t.predecessors.iter().any(|l| differs.contains(&l.uid)) {
        return "follows a predecessor that differs";
    }
    let alap = |uid: &u32| {
        tasks
            .get(uid)
            .is_some_and(|p| p.constraint_type.as_deref() == Some("AS_LATE_AS_POSSIBLE"))
    };
    if t.predecessors.iter().any(|l| alap(&l.uid)) {
        return "successor of an as-late-as-possible task";
    }
    if t.predecessors
        .iter()
        .any(|l| l.kind.as_deref() == Some("SF"))
    {
        return "start-to-finish link";
    }
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

/// The plans of a set: `DIR/NAME.xml` (or `.xml.gz`) with `DIR/expected/NAME.xml.json` (or
/// `.json.gz`), sorted by name.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.to_string_lossy();
            name.ends_with(".xml") || name.ends_with(".xml.gz")
        })
        .collect();
    files.sort();
    files
}

/// A file's text, gunzipped when its name ends in `.gz`; `None` when it is missing.
fn read_text(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut text)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        Some(text)
    } else {
        Some(String::from_utf8(bytes).unwrap())
    }
}

/// The expected JSON of a plan file, next to it under `expected/`.
fn expected_of(file: &Path) -> Option<String> {
    let name = file.file_name()?.to_string_lossy();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let dir = file.parent()?.join("expected");
    read_text(&dir.join(format!("{name}.json")))
        .or_else(|| read_text(&dir.join(format!("{name}.json.gz"))))
}

fn parse(text: Option<&str>) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text?, "%Y-%m-%dT%H:%M:%S").ok()
}

/// Start/finish matches, tasks compared, mismatch lines, counts by cause, and matches of the
/// early dates, late dates, total and free slack and critical flag.
#[derive(Default)]
struct Measure {
    matched: usize,
    compared: usize,
    mismatches: Vec<String>,
    causes: std::collections::BTreeMap<&'static str, usize>,
    early: usize,
    late: usize,
    slack: usize,
    free: usize,
    critical: usize,
    /// Start and finish that differ only in how they write a period boundary (Friday 17:00
    /// for Monday 08:00): the same instant of working time on the task's calendar.
    same_work_instant: usize,
    /// Tasks whose file stores a total slack, a free slack, a critical flag (files converted
    /// from .mpp often leave them out): the denominators of those rates.
    slack_stored: usize,
    free_stored: usize,
    critical_stored: usize,
}

/// The tasks with every predecessor before its successors (Kahn's order over the file's links;
/// tasks in a cycle, if any, at the end in file order).
fn topological(tasks: &[ExpectedTask]) -> Vec<&ExpectedTask> {
    let index: HashMap<u32, usize> = tasks.iter().enumerate().map(|(i, t)| (t.uid, i)).collect();
    let mut indegree = vec![0usize; tasks.len()];
    let mut successors = vec![Vec::new(); tasks.len()];
    for (i, t) in tasks.iter().enumerate() {
        for l in &t.predecessors {
            if let Some(&p) = index.get(&l.uid) {
                indegree[i] += 1;
                successors[p].push(i);
            }
        }
    }
    let mut ready: std::collections::VecDeque<usize> =
        (0..tasks.len()).filter(|&i| indegree[i] == 0).collect();
    let mut order = Vec::with_capacity(tasks.len());
    let mut done = vec![false; tasks.len()];
    while let Some(i) = ready.pop_front() {
        order.push(&tasks[i]);
        done[i] = true;
        for &s in &successors[i] {
            indegree[s] -= 1;
            if indegree[s] == 0 {
                ready.push_back(s);
            }
        }
    }
    order.extend(
        tasks
            .iter()
            .zip(&done)
            .filter(|(_, d)| !**d)
            .map(|(t, _)| t),
    );
    order
}

fn same_minutes(expected: Option<&Minutes>, got: i64) -> bool {
    expected
        .and_then(|m| m.minutes)
        .is_some_and(|m| (m - got as f64).abs() < 1.0)
}

fn measure(dir: &Path) -> Measure {
    let mut m = Measure::default();
    for file in files(dir) {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let Some(json) = expected_of(&file) else {
            continue;
        };
        let expected: Expected = serde_json::from_str(&json).unwrap();
        let resources: HashMap<u32, Option<i64>> = expected
            .resources
            .iter()
            .map(|r| (r.uid, r.calendar_uid.filter(|c| *c > 0)))
            .collect();
        let imported = mspdi::import(&read_text(&file).unwrap(), &name).unwrap();
        let project = &imported.project;
        let schedule = match cpm::schedule(project) {
            Ok(s) => s,
            Err(error) => {
                m.mismatches.push(format!("{name}: not scheduled: {error}"));
                continue;
            }
        };
        let by_uid: HashMap<u32, &ExpectedTask> =
            expected.tasks.iter().map(|t| (t.uid, t)).collect();
        let mut differs = std::collections::HashSet::new();
        let mut calendars = HashMap::new();
        let rows: HashMap<u32, usize> = project
            .tasks
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.0, i))
            .collect();
        // Predecessors before successors, so that a mismatch is blamed on the first of its chain.
        for t in topological(&expected.tasks) {
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
            m.compared += 1;
            let got = schedule.tasks[row];
            let st = &t.stored;
            if parse(st.early_start.as_deref()) == Some(got.early_start)
                && parse(st.early_finish.as_deref()) == Some(got.early_finish)
            {
                m.early += 1;
            }
            let late = parse(st.late_start.as_deref()) == Some(got.late_start)
                && parse(st.late_finish.as_deref()) == Some(got.late_finish);
            m.late += usize::from(late);
            let stored = |d: &Option<Minutes>| d.as_ref().is_some_and(|m| m.minutes.is_some());
            m.slack_stored += usize::from(stored(&st.total_slack));
            m.free_stored += usize::from(stored(&st.free_slack));
            m.critical_stored += usize::from(st.critical.is_some());
            let slack = same_minutes(st.total_slack.as_ref(), got.total_slack_minutes);
            m.slack += usize::from(slack);
            m.free += usize::from(same_minutes(st.free_slack.as_ref(), got.free_slack_minutes));
            m.critical += usize::from(st.critical == Some(got.critical));
            let calendar = calendars
                .entry(
                    project.tasks[row]
                        .calendar
                        .unwrap_or(project.settings.calendar),
                )
                .or_insert_with_key(|&id| WorkCalendar::resolve(project, id).unwrap());
            if calendar.working_minutes_between(got.start, start) == 0
                && calendar.working_minutes_between(got.finish, finish) == 0
            {
                m.same_work_instant += 1;
            }
            if got.start == start && got.finish == finish {
                m.matched += 1;
                if !late {
                    m.mismatches.push(format!(
                        "{name} UID {}: late {} – {} expected {} – {} [late dates]",
                        t.uid,
                        got.late_start,
                        got.late_finish,
                        st.late_start.as_deref().unwrap_or("-"),
                        st.late_finish.as_deref().unwrap_or("-"),
                    ));
                }
            } else {
                differs.insert(t.uid);
                let why = cause(t, &resources, st, &by_uid, &differs);
                *m.causes.entry(why).or_insert(0) += 1;
                m.mismatches.push(format!(
                    "{name} UID {}: {} – {} expected {} – {} [{why}]",
                    t.uid, got.start, got.finish, start, finish
                ));
            }
        }
    }
    m
}

/// The levels a set has reached, in percent of its auto-scheduled tasks: the ratchet.
struct Floors {
    start_finish: f64,
    late: f64,
    total_slack: f64,
    critical: f64,
    same_work_instant: f64,
}

fn report(set: &str, dir: &Path, floors: &Floors) {
    let m = measure(dir);
    let rate = |n: usize| 100.0 * n as f64 / m.compared.max(1) as f64;
    let rate_of = |n: usize, of: usize| 100.0 * n as f64 / of.max(1) as f64;
    let pct = rate(m.matched);
    println!(
        "{set}: {}/{} tasks match the reference's start and finish ({pct:.2} %)",
        m.matched, m.compared
    );
    println!(
        "{set}: early dates {:.2} %, late dates {:.2} %; where the file stores them: total slack {:.2} %, free slack {:.2} %, critical flag {:.2} %",
        rate(m.early),
        rate(m.late),
        rate_of(m.slack, m.slack_stored),
        rate_of(m.free, m.free_stored),
        rate_of(m.critical, m.critical_stored),
    );
    println!(
        "{set}: {:.2} % at the same instant of working time (a finish at a period boundary \
         written as the end of one period or the start of the next)",
        rate(m.same_work_instant)
    );
    for (why, count) in &m.causes {
        println!("  mismatches by cause: {count:>4}  {why}");
    }
    for line in m.mismatches.iter().take(400) {
        println!("  {line}");
    }
    for (what, got, floor) in [
        ("start and finish", pct, floors.start_finish),
        ("late dates", rate(m.late), floors.late),
        (
            "total slack",
            rate_of(m.slack, m.slack_stored),
            floors.total_slack,
        ),
        (
            "critical flag",
            rate_of(m.critical, m.critical_stored),
            floors.critical,
        ),
        (
            "same working instant",
            rate(m.same_work_instant),
            floors.same_work_instant,
        ),
    ] {
        assert!(
            got >= floor,
            "{set}: {what} {got:.2} % is below the level already reached ({floor} %)"
        );
    }
}

fn corpus(set: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(set)
}

#[test]
fn mspdi_set_matches_ms_project() {
    let floors = Floors {
        start_finish: 99.3,
        late: 95.0,
        total_slack: 95.0,
        critical: 100.0,
        same_work_instant: 99.6,
    };
    report("mspdi", &corpus("mspdi"), &floors);
}

#[test]
fn mspdi_from_mpp_set_matches_ms_project() {
    let floors = Floors {
        start_finish: 97.7,
        late: 89.6,
        total_slack: 77.8,
        critical: 98.4,
        same_work_instant: 98.3,
    };
    report("mspdi-from-mpp", &corpus("mspdi-from-mpp"), &floors);
}

#[test]
fn generated_set_matches_mpxj() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/generated");
    let floors = Floors {
        start_finish: 98.0,
        late: 97.9,
        total_slack: 99.9,
        critical: 100.0,
        same_work_instant: 99.9,
    };
    report("generated", &dir, &floors);
}

/// Measures the directory named by `PILOTE_FIDELITY_DIR` (plans made with other seeds, say);
/// without it, says how to use it.
#[test]
fn fidelity_of_a_directory() {
    let Some(dir) = std::env::var_os("PILOTE_FIDELITY_DIR") else {
        println!("set PILOTE_FIDELITY_DIR=DIR (DIR/*.xml[.gz], DIR/expected/*.xml.json[.gz])");
        return;
    };
    let floors = Floors {
        start_finish: 0.0,
        late: 0.0,
        total_slack: 0.0,
        critical: 0.0,
        same_work_instant: 0.0,
    };
    report("directory", Path::new(&dir), &floors);
}
