//! Properties of the document on random edit sequences of the sample: everything undone gives
//! the document back exactly (and redone, the edited one), a save reads back equal, and a
//! merge of a copy with itself, or with an unchanged side, is that copy.

#![allow(clippy::unwrap_used, reason = "tests: a panic is the failure report")]

use pilote::doc::collection;
use pilote::doc::merge::merge;
use pilote::doc::task_ops::{self, NewRow};
use pilote::doc::{Edit, History, TaskField, scheduled_for_saving};
use pilote::io::document;
use pilote::model::{Duration, Project, Risk};
use proptest::prelude::*;

fn sample() -> Project {
    document::parse(pilote::SAMPLE_RON, "sample").unwrap()
}

/// One edit as the window makes it, from three numbers; `None` when the document layer
/// refuses it (a move past the end, an indent under nothing…), as the window would say.
fn edit_for(p: &Project, (op, a, b): (u8, usize, usize)) -> Option<Edit> {
    let rows = p.tasks.len().max(1);
    let (row, other) = (a % rows, b % rows);
    let id = p.tasks.get(row).map(|t| t.id);
    match op % 11 {
        0 => Some(Edit::SetTask {
            id: id?,
            field: TaskField::Name(format!("renamed {a}")),
        }),
        1 => Some(Edit::SetTask {
            id: id?,
            field: TaskField::Duration(Duration::days((b % 30) as f64 + 0.5)),
        }),
        2 => Some(task_ops::new_task(p, Some(row), NewRow::Below, "new", b % 4 == 0).0),
        3 => task_ops::delete(p, Some(row)).ok(),
        4 => task_ops::indent(p, Some(row)).ok(),
        5 => task_ops::outdent(p, Some(row)).ok(),
        6 => task_ops::move_up(p, Some(row)).ok().map(|(e, _)| e),
        7 => task_ops::move_down(p, Some(row)).ok().map(|(e, _)| e),
        8 => task_ops::link_rows(p, &[row.min(other), row.max(other)]).ok(),
        9 => Some(Edit::SetTask {
            id: id?,
            field: TaskField::PercentComplete((b % 101) as u8),
        }),
        _ => {
            let risk = p.risks.get(a % p.risks.len().max(1))?;
            collection::delete::<Risk>(p, risk.id).map(|d| d.edit)
        }
    }
}

/// The sample after the edits that apply, with its history.
fn edited(ops: &[(u8, usize, usize)]) -> (Project, History, Project) {
    let original = sample();
    let mut project = original.clone();
    let mut history = History::default();
    for &op in ops {
        if let Some(edit) = edit_for(&project, op) {
            // An edit the layer made may still be refused on apply: nothing changes then.
            let _ = history.apply(&mut project, edit, None);
        }
    }
    (original, history, project)
}

fn ops() -> impl Strategy<Value = Vec<(u8, usize, usize)>> {
    proptest::collection::vec((any::<u8>(), 0usize..200, 0usize..200), 1..30)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn edits_undone_give_the_document_back_exactly_and_redone_the_edited_one(ops in ops()) {
        let (original, mut history, mut project) = edited(&ops);
        let end = project.clone();
        while history.undo(&mut project) {}
        prop_assert_eq!(&project, &original);
        while history.redo(&mut project) {}
        prop_assert_eq!(&project, &end);
    }

    #[test]
    fn an_edited_document_saved_reads_back_equal(ops in ops()) {
        let (_, _, project) = edited(&ops);
        let saved = scheduled_for_saving(&project);
        let text = document::to_text(&saved).unwrap();
        prop_assert_eq!(document::parse(&text, "saved").unwrap(), saved);
    }

    #[test]
    fn merging_with_an_unchanged_side_or_with_itself_gives_the_edited_copy(ops in ops()) {
        let (base, _, project) = edited(&ops);
        let expected = scheduled_for_saving(&project);
        for (ours, theirs) in [(&project, &base), (&base, &project), (&project, &project)] {
            let merged = merge(&base, ours, theirs).unwrap();
            prop_assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
            prop_assert_eq!(&merged.project, &expected);
        }
    }
}
