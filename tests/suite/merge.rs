//! Two people edit copies of one plan: `pilote merge` joins them by item and field, reports
//! what both changed differently, and works as git's merge driver; `pilote diff` says what
//! changed.

#![allow(clippy::unwrap_used, reason = "tests: a panic is the failure report")]

use std::path::Path;
use std::process::Command;

use pilote::doc::merge::{diff, merge, resolve};
use pilote::doc::task_ops::{NewRow, new_task};
use pilote::doc::{Edit, TaskField, scheduled_for_saving};
use pilote::io::document;
use pilote::model::{Duration, Link, LinkKind, Project, SchedulingMode, validate::validate};
use pilote::schedule::cpm::schedule;

const SAMPLE: &str = "assets/samples/erp-rollout.pilote.ron";

fn sample() -> Project {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE)).unwrap();
    document::parse(&text, SAMPLE).unwrap()
}

fn edited(project: &Project, edits: Vec<Edit>) -> Project {
    let mut out = project.clone();
    for edit in edits {
        edit.apply(&mut out).unwrap();
    }
    // Saved as the window saves: with the dates of the edited plan.
    scheduled_for_saving(&out)
}

/// Two automatic leaf tasks with no link between them, the second after the first.
fn unlinked_leaves(p: &Project) -> (usize, usize) {
    let leaf = |i: usize| {
        p.tasks[i].mode == SchedulingMode::Auto
            && !p.tasks[i].milestone
            && p.tasks
                .get(i + 1)
                .is_none_or(|n| n.outline_level <= p.tasks[i].outline_level)
    };
    let linked = |a: usize, b: usize| {
        p.links.iter().any(|l| {
            (l.predecessor, l.successor) == (p.tasks[a].id, p.tasks[b].id)
                || (l.predecessor, l.successor) == (p.tasks[b].id, p.tasks[a].id)
        })
    };
    let leaves: Vec<usize> = (0..p.tasks.len()).filter(|&i| leaf(i)).collect();
    for &a in &leaves {
        for &b in leaves.iter().filter(|&&b| b > a + 3) {
            if !linked(a, b) {
                return (a, b);
            }
        }
    }
    panic!("the sample has no two unlinked leaves");
}

fn set(p: &Project, row: usize, field: TaskField) -> Edit {
    Edit::SetTask {
        id: p.tasks[row].id,
        field,
    }
}

#[test]
fn edits_of_different_tasks_and_fields_merge_into_a_plan_that_validates_and_schedules() {
    let base = sample();
    let (a, b) = unlinked_leaves(&base);
    let ours = edited(
        &base,
        vec![set(&base, a, TaskField::Name("Renamed by us".into()))],
    );
    let mut links = base
        .links
        .iter()
        .filter(|l| l.successor == base.tasks[b].id)
        .copied()
        .collect::<Vec<_>>();
    links.push(Link {
        predecessor: base.tasks[a].id,
        successor: base.tasks[b].id,
        kind: LinkKind::FinishToStart,
        lag: pilote::model::Lag::default(),
    });
    let theirs = edited(
        &base,
        vec![
            Edit::SetPredecessors {
                task: base.tasks[b].id,
                links,
            },
            set(&base, b, TaskField::Duration(Duration::days(17.0))),
        ],
    );
    let merged = merge(&base, &ours, &theirs).unwrap();
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let p = &merged.project;
    assert_eq!(p.tasks[a].name, "Renamed by us");
    assert_eq!(p.tasks[b].duration, Duration::days(17.0));
    assert!(
        p.links
            .iter()
            .any(|l| (l.predecessor, l.successor) == (base.tasks[a].id, base.tasks[b].id)),
        "their link is missing"
    );
    assert!(validate(p).is_empty(), "{:?}", validate(p));
    // The merged file holds the dates of the merged plan, not those of either copy.
    let s = schedule(p).unwrap();
    assert_eq!(p.tasks[b].finish, s.tasks[b].finish);
    assert_eq!(p.tasks.len(), base.tasks.len());
}

#[test]
fn the_same_field_changed_both_ways_is_a_conflict_named_by_item_and_field_and_keeps_ours() {
    let base = sample();
    let (a, _) = unlinked_leaves(&base);
    let ours = edited(
        &base,
        vec![set(&base, a, TaskField::Duration(Duration::days(4.0)))],
    );
    let theirs = edited(
        &base,
        vec![set(&base, a, TaskField::Duration(Duration::days(9.0)))],
    );
    let merged = merge(&base, &ours, &theirs).unwrap();
    // The duration, and the work of the task's assignments that each edit rescaled with it
    // (as MS Project does): nothing else.
    let task = &base.tasks[a];
    let assignments: Vec<String> = base
        .assignments
        .iter()
        .filter(|x| x.task == task.id)
        .map(|x| format!("assignment {}", x.id.0))
        .collect();
    assert_eq!(
        merged.conflicts.len(),
        1 + assignments.len(),
        "{:?}",
        merged.conflicts
    );
    for (conflict, item) in merged.conflicts[1..].iter().zip(&assignments) {
        assert_eq!(
            (&conflict.item, conflict.field.as_str()),
            (item, "work_minutes")
        );
    }
    let conflict = &merged.conflicts[0];
    assert_eq!(conflict.item, format!("task {} “{}”", task.id, task.name));
    assert_eq!(conflict.field, "duration.amount");
    assert_eq!(conflict.ours.as_deref(), Some("4.0"));
    assert_eq!(conflict.theirs.as_deref(), Some("9.0"));
    assert_eq!(merged.project.tasks[a].duration, Duration::days(4.0));
    // Saved with the file, and settled from it: theirs taken, the list empties.
    assert_eq!(merged.project.merge_conflicts, merged.conflicts);
    let text = document::to_text(&merged.project).unwrap();
    let reread = document::parse(&text, "merged").unwrap();
    assert_eq!(reread.merge_conflicts, merged.conflicts);
    let settled = resolve(&reread, 0, true).unwrap();
    assert_eq!(settled.tasks[a].duration, Duration::days(9.0));
    assert_eq!(settled.merge_conflicts.len(), merged.conflicts.len() - 1);
    let kept = resolve(&reread, 0, false).unwrap();
    assert_eq!(kept.tasks[a].duration, Duration::days(4.0));
}

#[test]
fn tasks_added_on_both_sides_are_both_kept_with_their_links() {
    let base = sample();
    let (add_ours, _) = new_task(&base, Some(2), NewRow::Below, "Ours new", false);
    let ours = edited(&base, vec![add_ours]);
    let (add_theirs, row) = new_task(&base, Some(5), NewRow::Below, "Theirs new", false);
    let mut theirs = edited(&base, vec![add_theirs]);
    let new_id = theirs.tasks[row].id;
    let after = theirs.tasks[row - 1].id;
    Edit::SetPredecessors {
        task: new_id,
        links: vec![Link {
            predecessor: after,
            successor: new_id,
            kind: LinkKind::FinishToStart,
            lag: pilote::model::Lag::default(),
        }],
    }
    .apply(&mut theirs)
    .unwrap();
    let merged = merge(&base, &ours, &theirs).unwrap();
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let p = &merged.project;
    assert_eq!(p.tasks.len(), base.tasks.len() + 2);
    let theirs_task = p.tasks.iter().find(|t| t.name == "Theirs new").unwrap();
    assert!(p.tasks.iter().any(|t| t.name == "Ours new"));
    assert_ne!(theirs_task.id, new_id, "theirs was not given a fresh id");
    assert_eq!(merged.renumbered, vec![(new_id, theirs_task.id)]);
    assert!(
        p.links
            .iter()
            .any(|l| l.successor == theirs_task.id && l.predecessor == after)
    );
    assert!(validate(p).is_empty(), "{:?}", validate(p));
}

#[test]
fn a_document_merged_with_itself_over_an_unchanged_base_is_the_document() {
    let base = sample();
    let merged = merge(&base, &base, &base).unwrap();
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.project, scheduled_for_saving(&base));
    assert!(diff(&base, &base).unwrap().is_empty());
}

#[test]
fn diff_lists_each_change_by_item_and_field() {
    let base = sample();
    let (a, _) = unlinked_leaves(&base);
    let mut new = edited(
        &base,
        vec![set(&base, a, TaskField::Name("Kick-off again".into()))],
    );
    let gone = new.risks.remove(0);
    let changes = diff(&base, &new).unwrap();
    let task = &base.tasks[a];
    assert!(
        changes
            .iter()
            .any(|c| c.item == format!("task {} “Kick-off again”", task.id)
                && c.field == "name"
                && c.old.as_deref() == Some(&format!("\"{}\"", task.name) as &str))
    );
    assert!(
        changes
            .iter()
            .any(|c| c.item.starts_with(&format!("risk {} ", gone.id))
                && c.field.is_empty()
                && c.new.is_none())
    );
}

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .output()
        .unwrap()
}

#[test]
fn the_git_merge_driver_merges_two_branches_by_item() {
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("SKIPPED: git is not installed");
        return;
    }
    let dir = std::env::temp_dir().join(format!("pilote-git-merge-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let base = sample();
    let (a, b) = unlinked_leaves(&base);
    let write = |p: &Project| {
        std::fs::write(dir.join("plan.pilote.ron"), document::to_text(p).unwrap()).unwrap();
    };
    let ok = |out: std::process::Output| {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    };
    ok(git(&dir, &["init", "-q", "-b", "main"]));
    std::fs::write(dir.join(".gitattributes"), "*.pilote.ron merge=pilote\n").unwrap();
    let driver = format!("{} merge %O %A %B -o %A", env!("CARGO_BIN_EXE_pilote"));
    ok(git(&dir, &["config", "merge.pilote.driver", &driver]));
    write(&scheduled_for_saving(&base));
    ok(git(&dir, &["add", "."]));
    ok(git(&dir, &["commit", "-q", "-m", "base"]));
    ok(git(&dir, &["checkout", "-q", "-b", "theirs"]));
    write(&edited(
        &base,
        vec![set(&base, b, TaskField::Duration(Duration::days(21.0)))],
    ));
    ok(git(&dir, &["commit", "-q", "-am", "longer"]));
    ok(git(&dir, &["checkout", "-q", "main"]));
    write(&edited(
        &base,
        vec![set(&base, a, TaskField::Name("Renamed on main".into()))],
    ));
    ok(git(&dir, &["commit", "-q", "-am", "renamed"]));
    ok(git(&dir, &["merge", "-q", "--no-edit", "theirs"]));
    let text = std::fs::read_to_string(dir.join("plan.pilote.ron")).unwrap();
    let merged = document::parse(&text, "merged").unwrap();
    assert_eq!(merged.tasks[a].name, "Renamed on main");
    assert_eq!(merged.tasks[b].duration, Duration::days(21.0));
    assert!(merged.merge_conflicts.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_merge_command_exits_1_and_lists_a_conflict() {
    let dir = std::env::temp_dir().join(format!("pilote-merge-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let base = sample();
    let (a, _) = unlinked_leaves(&base);
    let files = [
        ("base.pilote.ron", base.clone()),
        (
            "ours.pilote.ron",
            edited(&base, vec![set(&base, a, TaskField::Name("Ours".into()))]),
        ),
        (
            "theirs.pilote.ron",
            edited(&base, vec![set(&base, a, TaskField::Name("Theirs".into()))]),
        ),
    ];
    for (name, p) in &files {
        std::fs::write(dir.join(name), document::to_text(p).unwrap()).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_pilote"))
        .current_dir(&dir)
        .args([
            "merge",
            "base.pilote.ron",
            "ours.pilote.ron",
            "theirs.pilote.ron",
            "-o",
            "out.pilote.ron",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "CONFLICT task {} “Ours” name: ours \"Ours\", theirs \"Theirs\"",
            base.tasks[a].id
        )),
        "{err}"
    );
    let merged = std::fs::read_to_string(dir.join("out.pilote.ron")).unwrap();
    assert!(
        document::parse(&merged, "out")
            .unwrap()
            .merge_conflicts
            .len()
            == 1
    );
    let _ = std::fs::remove_dir_all(&dir);
}
