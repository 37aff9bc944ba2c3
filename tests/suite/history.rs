//! Edits and the undo history: every change undoes exactly, typing coalesces into one step,
//! the dirty flag follows the saved state, and structural commands keep the outline sound.

#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    clippy::unnecessary_wraps,
    reason = "tests: a panic is the failure report, compared values are exact"
)]

use pilote::doc::edit::{Edit, TaskField};
use pilote::doc::history::{CoalesceKey, History};
use pilote::doc::task_ops::{self, NewRow, OpRefusal};
use pilote::io::document;
use pilote::model::{Project, TaskId, outline, validate::validate};

fn sample() -> Project {
    document::parse(pilote::SAMPLE_RON, "sample").unwrap()
}

fn rename(id: u32, name: &str) -> Edit {
    Edit::SetTask {
        id: TaskId(id),
        field: TaskField::Name(name.to_owned()),
    }
}

fn key(id: u32) -> Option<CoalesceKey> {
    Some(CoalesceKey::named("task.name", id))
}

fn row_of(p: &Project, name: &str) -> usize {
    p.tasks.iter().position(|t| t.name == name).unwrap()
}

#[test]
fn undo_and_redo_restore_each_state() {
    let mut p = sample();
    let original = p.clone();
    let mut h = History::default();
    h.apply(&mut p, rename(2, "Kick-off"), None).unwrap();
    let renamed = p.clone();
    h.apply(&mut p, rename(3, "Interviews"), None).unwrap();
    assert!(h.undo(&mut p));
    assert_eq!(p, renamed);
    assert!(h.undo(&mut p));
    assert_eq!(p, original);
    assert!(!h.undo(&mut p), "nothing left to undo");
    assert!(h.redo(&mut p));
    assert!(h.redo(&mut p));
    assert_eq!(p.tasks[2].name, "Interviews");
    assert!(!h.redo(&mut p));
}

#[test]
fn a_new_edit_clears_the_redo_stack() {
    let mut p = sample();
    let mut h = History::default();
    h.apply(&mut p, rename(2, "A"), None).unwrap();
    h.undo(&mut p);
    h.apply(&mut p, rename(2, "B"), None).unwrap();
    assert!(!h.can_redo());
    assert_eq!(p.tasks[1].name, "B");
}

#[test]
fn typing_coalesces_into_one_step_until_sealed() {
    let mut p = sample();
    let before = p.tasks[1].name.clone();
    let mut h = History::default();
    for text in ["S", "St", "Sta", "Star", "Start"] {
        h.apply(&mut p, rename(2, text), key(2)).unwrap();
    }
    assert_eq!(h.undo_depth(), 1);
    h.seal();
    h.apply(&mut p, rename(2, "Start!"), key(2)).unwrap();
    assert_eq!(h.undo_depth(), 2);
    // Typing in another cell is another step even without sealing.
    h.apply(&mut p, rename(3, "X"), key(3)).unwrap();
    assert_eq!(h.undo_depth(), 3);
    h.undo(&mut p);
    h.undo(&mut p);
    assert_eq!(p.tasks[1].name, "Start");
    h.undo(&mut p);
    assert_eq!(p.tasks[1].name, before);
}

#[test]
fn the_dirty_flag_clears_when_undoing_back_to_the_saved_state() {
    let mut p = sample();
    let mut h = History::default();
    assert!(!h.is_dirty());
    h.apply(&mut p, rename(2, "A"), None).unwrap();
    assert!(h.is_dirty());
    h.mark_saved();
    assert!(!h.is_dirty());
    h.apply(&mut p, rename(2, "B"), None).unwrap();
    assert!(h.is_dirty());
    h.undo(&mut p);
    assert!(!h.is_dirty(), "back at the saved state");
    h.undo(&mut p);
    assert!(h.is_dirty(), "before the saved state");
    h.redo(&mut p);
    assert!(!h.is_dirty());
    // Coalescing into the saved step changes the document: dirty again.
    h.apply(&mut p, rename(2, "C"), key(2)).unwrap();
    h.apply(&mut p, rename(2, "CD"), key(2)).unwrap();
    assert!(h.is_dirty());
}

#[test]
fn at_least_a_hundred_steps_can_be_undone() {
    let mut p = sample();
    let original = p.clone();
    let mut h = History::default();
    for i in 0..150 {
        h.apply(&mut p, rename(2, &format!("v{i}")), None).unwrap();
    }
    let mut undone = 0;
    while h.undo(&mut p) {
        undone += 1;
    }
    assert!(undone >= 100, "only {undone} steps");
    if undone == 150 {
        assert_eq!(p, original);
    }
}

#[test]
fn a_failing_edit_changes_nothing_and_is_not_recorded() {
    let mut p = sample();
    let before = p.clone();
    let mut h = History::default();
    let batch = Edit::Batch(vec![rename(2, "ok"), rename(9999, "missing")]);
    assert!(h.apply(&mut p, batch, None).is_err());
    assert_eq!(p, before);
    assert!(!h.can_undo());
}

#[test]
fn deleting_a_phase_takes_its_links_assignments_and_references_and_undo_restores_them() {
    let mut p = sample();
    let before = p.clone();
    let tests_phase = row_of(&p, "Tests and acceptance");
    let edit = task_ops::delete(&p, Some(tests_phase)).unwrap();
    let mut h = History::default();
    h.apply(&mut p, edit, None).unwrap();
    assert!(p.tasks.iter().all(|t| t.name != "Integration tests"));
    assert!(
        validate(&p).is_empty(),
        "no dangling reference left: {:?}",
        validate(&p)
    );
    assert!(p.tasks.len() < before.tasks.len() - 5);
    h.undo(&mut p);
    assert_eq!(p, before);
}

#[test]
fn adding_and_inserting_tasks_place_them_as_ms_project_does() {
    let p = sample();
    let framing = row_of(&p, "Framing");
    // Below a summary: its first subtask.
    let (edit, index) = task_ops::new_task(&p, Some(framing), NewRow::Below, "New", false);
    let mut q = p.clone();
    edit.apply(&mut q).unwrap();
    assert_eq!(index, framing + 1);
    assert_eq!(q.tasks[index].outline_level, 2);
    assert!(validate(&q).is_empty());
    // Insert above a task: same level, same place.
    let kickoff = row_of(&p, "Stakeholder interviews");
    let (edit, index) = task_ops::new_task(&p, Some(kickoff), NewRow::Above, "New", false);
    let mut q = p.clone();
    edit.apply(&mut q).unwrap();
    assert_eq!(index, kickoff);
    assert_eq!(q.tasks[kickoff + 1].name, "Stakeholder interviews");
    // With nothing selected: at the end. A milestone has no duration.
    let (edit, index) = task_ops::new_task(&p, None, NewRow::Below, "M", true);
    let mut q = p.clone();
    edit.apply(&mut q).unwrap();
    assert_eq!(index, p.tasks.len());
    assert!(q.tasks[index].milestone);
    assert_eq!(q.tasks[index].duration.amount, 0.0);
    let ids: std::collections::HashSet<_> = q.tasks.iter().map(|t| t.id).collect();
    assert_eq!(ids.len(), q.tasks.len(), "new ids are unique");
}

#[test]
fn indent_outdent_and_moves_keep_the_outline_sound() {
    let mut p = sample();
    let mut h = History::default();
    let original = p.clone();
    // The first phase cannot be indented; its first task cannot be outdented past level 1.
    assert_eq!(task_ops::indent(&p, Some(0)), Err(OpRefusal::CannotIndent));
    assert_eq!(
        task_ops::outdent(&p, Some(0)),
        Err(OpRefusal::CannotOutdent)
    );
    assert_eq!(task_ops::indent(&p, None), Err(OpRefusal::NoSelection));
    // "Stakeholder interviews" follows "Kick-off meeting": under it, the kick-off would be the
    // summary of its own successor, which cannot be scheduled.
    let interviews = row_of(&p, "Stakeholder interviews");
    assert_eq!(
        task_ops::indent(&p, Some(interviews)),
        Err(OpRefusal::SummaryLink)
    );
    // Indent "Business case and budget" under "Risk analysis", which it is not linked to.
    let business_case = row_of(&p, "Business case and budget");
    let edit = task_ops::indent(&p, Some(business_case)).unwrap();
    h.apply(&mut p, edit, None).unwrap();
    assert_eq!(p.tasks[business_case].outline_level, 3);
    assert!(outline::is_summary(&p.tasks, business_case - 1));
    assert!(pilote::schedule::cpm::schedule(&p).is_ok());
    // Outdent it back.
    let edit = task_ops::outdent(&p, Some(business_case)).unwrap();
    h.apply(&mut p, edit, None).unwrap();
    assert_eq!(p.tasks[business_case].outline_level, 2);
    // Move the whole "Build" phase above "Specifications", subtasks included.
    let build = row_of(&p, "Build");
    let size = outline::subtree_end(&p.tasks, build) - build;
    let (edit, new_row) = task_ops::move_up(&p, Some(build)).unwrap();
    h.apply(&mut p, edit, None).unwrap();
    assert_eq!(p.tasks[new_row].name, "Build");
    assert_eq!(outline::subtree_end(&p.tasks, new_row) - new_row, size);
    assert_eq!(p.tasks[new_row + size].name, "Specifications");
    assert!(validate(&p).is_empty());
    let (edit, back) = task_ops::move_down(&p, Some(new_row)).unwrap();
    h.apply(&mut p, edit, None).unwrap();
    assert_eq!(back, build);
    assert_eq!(p.tasks[build].name, "Build");
    // The last phase cannot move down.
    let last_phase = row_of(&p, "Deployment");
    assert_eq!(
        task_ops::move_down(&p, Some(last_phase)).err(),
        Some(OpRefusal::CannotMove)
    );
    while h.undo(&mut p) {}
    assert_eq!(p, original);
}

#[test]
#[allow(
    clippy::many_single_char_names,
    reason = "three rows a, b, c and the plans before and after"
)]
fn link_and_unlink_act_on_the_selected_rows_and_refuse_a_loop() {
    let p = sample();
    let (a, b, c) = (
        row_of(&p, "Risk analysis"),
        row_of(&p, "Business case and budget"),
        row_of(&p, "Integrator selection (RFP)"),
    );
    let ids = |r: usize| p.tasks[r].id;
    let linked = |q: &Project, x: usize, y: usize| {
        q.links
            .iter()
            .any(|l| l.predecessor == ids(x) && l.successor == ids(y))
    };
    // Link tasks chains them in plan order, whatever the order they were selected in.
    let mut q = p.clone();
    task_ops::link_rows(&p, &[c, a, b])
        .unwrap()
        .apply(&mut q)
        .unwrap();
    assert!(linked(&q, a, b) && linked(&q, b, c));
    assert!(pilote::schedule::cpm::schedule(&q).is_ok());
    // Unlink tasks removes exactly the links between the selected rows.
    let mut r = q.clone();
    task_ops::unlink_rows(&q, &[a, b, c])
        .unwrap()
        .apply(&mut r)
        .unwrap();
    assert!(!linked(&r, a, b) && !linked(&r, b, c));
    assert_eq!(r.links.len(), q.links.len() - 2);
    // A link backwards along an existing chain would close a loop: refused.
    let kickoff = row_of(&p, "Kick-off meeting");
    let signed_off = row_of(&p, "Framing signed off (COPIL 1)");
    let mut backwards = p.clone();
    backwards.tasks.swap(kickoff, signed_off);
    assert_eq!(
        task_ops::link_rows(&backwards, &[kickoff, signed_off]),
        Err(OpRefusal::WouldLoop)
    );
    assert_eq!(task_ops::link_rows(&p, &[a]), Err(OpRefusal::LinkNeedsTwo));
}

#[test]
fn deleting_several_rows_is_one_step_and_a_selected_summary_takes_its_subtasks_once() {
    let mut p = sample();
    let original = p.clone();
    let mut h = History::default();
    let framing = row_of(&p, "Framing");
    let interviews = row_of(&p, "Stakeholder interviews");
    let build = row_of(&p, "Build");
    let framing_size = outline::subtree_end(&p.tasks, framing) - framing;
    let build_size = outline::subtree_end(&p.tasks, build) - build;
    let edit = task_ops::delete_rows(&p, &[build, interviews, framing]).unwrap();
    h.apply(&mut p, edit, None).unwrap();
    assert_eq!(
        p.tasks.len(),
        original.tasks.len() - framing_size - build_size
    );
    assert!(p.tasks.iter().all(|t| t.name != "Build"));
    assert!(validate(&p).is_empty());
    assert!(h.undo(&mut p));
    assert_eq!(p, original);
}

#[test]
fn only_edits_that_can_move_dates_ask_for_a_new_schedule() {
    let project = document::parse(pilote::SAMPLE_RON, "sample").unwrap();
    let mut doc = pilote::doc::Document::new(project, None, "sample".into());
    let id = doc.project.tasks[3].id;
    let dates = doc.dates_revision;
    let rename = Edit::SetTask {
        id,
        field: TaskField::Name("Renamed".into()),
    };
    assert!(!rename.can_move_dates());
    doc.apply(rename, None).unwrap();
    assert!(doc.revision > dates, "the document changed");
    assert_eq!(doc.dates_revision, dates, "but not its dates");
    let longer = Edit::SetTask {
        id,
        field: TaskField::Duration(pilote::model::Duration::days(9.0)),
    };
    assert!(longer.can_move_dates());
    doc.apply(longer, None).unwrap();
    assert_eq!(doc.dates_revision, doc.revision);
    // A batch moves dates as soon as one of its edits can.
    let batch = Edit::Batch(vec![
        Edit::SetTask {
            id,
            field: TaskField::Notes("n".into()),
        },
        Edit::SetTask {
            id,
            field: TaskField::Milestone(true),
        },
    ]);
    assert!(batch.can_move_dates());
}
