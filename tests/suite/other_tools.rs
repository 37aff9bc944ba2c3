//! GanttProject and GNOME Planner files open as MPXJ (an independent reader) reads them: the
//! same tasks in the same outline, milestones, durations, dependencies and assignments; and
//! the plan schedules, each task where the other tool placed it.

#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    reason = "tests: a panic is the failure report"
)]

use std::path::{Path, PathBuf};

use pilote::doc::open::{self, Format};
use pilote::schedule::cpm;
use serde_json::Value;

fn files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/other-tools");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "gan" || e == "planner"))
        .collect();
    files.sort();
    assert!(files.len() >= 15, "corpus not found in {}", dir.display());
    files
}

fn expected(file: &Path) -> Value {
    let name = file.file_name().unwrap().to_string_lossy();
    let path = file
        .parent()
        .unwrap()
        .join("expected")
        .join(format!("{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
#[allow(clippy::too_many_lines, reason = "one check per thing MPXJ reads")]
fn every_ganttproject_and_planner_file_opens_as_mpxj_reads_it() {
    let mut problems = Vec::new();
    for file in files() {
        let name = file.display().to_string();
        let opened = match open::open_path(&file) {
            Ok(o) => o,
            Err(e) => {
                problems.push(format!("{name}: {e}"));
                continue;
            }
        };
        let want = if file.extension().is_some_and(|e| e == "gan") {
            Format::GanttProject
        } else {
            Format::Planner
        };
        assert_eq!(opened.format, want, "{name}");
        let p = &opened.project;
        let e = expected(&file);
        let tasks = e["tasks"].as_array().unwrap();
        if p.tasks.len() != tasks.len() {
            problems.push(format!(
                "{name}: {} tasks, MPXJ reads {}",
                p.tasks.len(),
                tasks.len()
            ));
            continue;
        }
        for (t, x) in p.tasks.iter().zip(tasks) {
            let same = x["name"].as_str().unwrap_or_default() == t.name
                && x["outline_level"] == t.outline_level
                && x["milestone"] == t.milestone;
            if !same {
                problems.push(format!(
                    "{name}: task {} \"{}\" differs from {x}",
                    t.id, t.name
                ));
            }
            let minutes = x["duration"]["minutes"].as_f64().unwrap_or(0.0);
            let ours = t.duration.amount * p.settings.minutes_per(t.duration.unit);
            let leaf = !tasks.iter().any(|y| y["parent_uid"] == x["uid"]);
            if leaf && (ours - minutes).abs() > 1.0 {
                problems.push(format!(
                    "{name}: task \"{}\" lasts {ours} min, MPXJ {minutes}",
                    t.name
                ));
            }
            // Every dependency MPXJ reads is here. (MPXJ reads a GanttProject file's
            // dependencies on top-level tasks only; the nested ones count below.)
            for pred in x["predecessors"].as_array().unwrap() {
                let kind = pred["type"].as_str().unwrap_or_default();
                let found = p.links.iter().any(|l| {
                    l.successor == t.id
                        && p.tasks
                            .iter()
                            .find(|k| k.id == l.predecessor)
                            .map(|k| k.name.as_str())
                            == tasks
                                .iter()
                                .find(|y| y["uid"] == pred["uid"])
                                .and_then(|y| y["name"].as_str())
                        && l.kind.code() == kind
                });
                if !found {
                    problems.push(format!(
                        "{name}: task \"{}\" lacks predecessor {pred}",
                        t.name
                    ));
                }
            }
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let written = if file.extension().is_some_and(|e| e == "gan") {
            text.matches("<depend ").count()
        } else {
            text.matches("<predecessor ").count()
        };
        if p.links.len()
            + opened
                .warnings
                .iter()
                .filter(|w| w.contains("predecessor"))
                .count()
            != written
        {
            problems.push(format!(
                "{name}: {} links of {written} in the file",
                p.links.len()
            ));
        }
        let assignments: usize = tasks
            .iter()
            .map(|x| x["assignments"].as_array().unwrap().len())
            .sum();
        if p.assignments.len() != assignments {
            problems.push(format!(
                "{name}: {} assignments, MPXJ {assignments}",
                p.assignments.len()
            ));
        }
        if let Err(e) = cpm::schedule(p) {
            problems.push(format!("{name}: does not schedule: {e}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn ganttproject_tasks_stay_where_it_placed_them() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/other-tools");
    for file in [
        "task-with-dependencies.gan",
        "task-with-earliest-start-date.gan",
        "HouseBuildingSample.gan",
    ] {
        let path = dir.join(file);
        let p = open::open_path(&path).unwrap().project;
        let s = cpm::schedule(&p).unwrap();
        let e = expected(&path);
        for ((row, t), x) in p
            .tasks
            .iter()
            .enumerate()
            .zip(e["tasks"].as_array().unwrap())
        {
            let stored = x["stored"]["start"].as_str().unwrap();
            if pilote::model::outline::is_summary(&p.tasks, row) {
                continue;
            }
            assert_eq!(
                s.tasks[row].start.date().to_string(),
                stored[..10],
                "{file}: {}",
                t.name
            );
        }
    }
}
