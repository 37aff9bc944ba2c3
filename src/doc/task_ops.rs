//! The task plan's structural commands, as pure functions from the document and the selected
//! row to the [`Edit`] that performs them. The view and the shortcuts share these.

use chrono::{NaiveDateTime, NaiveTime};

use super::edit::Edit;
use crate::model::{Duration, Project, Task, TaskId, next_id, outline};

/// Why a structural command cannot run on the current selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpRefusal {
    NoSelection,
    CannotIndent,
    CannotOutdent,
    CannotMove,
    /// The new outline would make a task the summary of a task it is linked to.
    SummaryLink,
    /// Link tasks needs two tasks or more.
    LinkNeedsTwo,
    /// The links asked for would close a loop.
    WouldLoop,
    /// The selected tasks are already as asked.
    NothingToChange,
    /// Fill down needs the row to copy and at least one below it.
    FillNeedsTwo,
}

/// Where new rows go and how they look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewRow {
    /// Below the selected row (as its first subtask if it is a summary), or at the end.
    Below,
    /// Above the selected row, at its level (MS Project's Insert key).
    Above,
}

fn day_start(project: &Project, date: chrono::NaiveDate) -> NaiveDateTime {
    date.and_time(project.settings.default_start_time)
}

/// A new task (or milestone) placed by `where_`; returns the edit and the new row's index.
pub fn new_task(
    project: &Project,
    selected: Option<usize>,
    where_: NewRow,
    name: &str,
    milestone: bool,
) -> (Edit, usize) {
    let tasks = &project.tasks;
    let selected = selected.filter(|&i| i < tasks.len());
    let (index, level) = match (selected, where_) {
        (None, _) => (tasks.len(), tasks.last().map_or(1, |t| t.outline_level)),
        (Some(i), NewRow::Above) => (i, tasks[i].outline_level),
        (Some(i), NewRow::Below) if outline::is_summary(tasks, i) => {
            (i + 1, tasks[i].outline_level + 1)
        }
        (Some(i), NewRow::Below) => (i + 1, tasks[i].outline_level),
    };
    let start = selected.map_or_else(
        || day_start(project, project.meta.start),
        |i| tasks[i].start,
    );
    let id = TaskId(next_id(tasks, |t| t.id));
    let mut task = Task::new(id, name, level.max(1), start);
    if milestone {
        task.milestone = true;
        task.duration = Duration::zero();
        task.finish = start;
    } else {
        task.duration = Duration::days(1.0);
        task.finish = start
            .date()
            .and_time(project.settings.default_finish_time.max(NaiveTime::MIN));
    }
    (
        Edit::InsertTasks {
            index,
            tasks: vec![task],
        },
        index,
    )
}

/// Deletes the selected row and its subtasks.
pub fn delete(project: &Project, selected: Option<usize>) -> Result<Edit, OpRefusal> {
    delete_rows(project, selected.as_slice())
}

/// The selected rows that are not inside another selected row's subtree, in plan order: a
/// summary selected with some of its subtasks acts once, for all of them.
fn roots(project: &Project, rows: &[usize]) -> Vec<usize> {
    let tasks = &project.tasks;
    let mut sorted: Vec<usize> = rows.iter().copied().filter(|&i| i < tasks.len()).collect();
    sorted.sort_unstable();
    sorted.dedup();
    let mut out: Vec<usize> = Vec::with_capacity(sorted.len());
    let mut covered_to = 0;
    for i in sorted {
        if !out.is_empty() && i < covered_to {
            continue;
        }
        covered_to = outline::subtree_end(tasks, i);
        out.push(i);
    }
    out
}

/// Deletes the selected rows and their subtasks, as one undo step.
pub fn delete_rows(project: &Project, rows: &[usize]) -> Result<Edit, OpRefusal> {
    let roots = roots(project, rows);
    // From the bottom up, so each removal leaves the rows above it where they were.
    let mut edits: Vec<Edit> = roots
        .iter()
        .rev()
        .map(|&i| Edit::RemoveTasks {
            index: i,
            count: outline::subtree_end(&project.tasks, i) - i,
        })
        .collect();
    match edits.len() {
        0 => Err(OpRefusal::NoSelection),
        1 => Ok(edits.remove(0)),
        _ => Ok(Edit::Batch(edits)),
    }
}

/// Makes the selected row (and its subtasks) a subtask of the row above it.
pub fn indent(project: &Project, selected: Option<usize>) -> Result<Edit, OpRefusal> {
    indent_rows(project, selected.as_slice())
}

/// Moves the selected row (and its subtasks) one level up; the siblings below it become its
/// subtasks, as in MS Project.
pub fn outdent(project: &Project, selected: Option<usize>) -> Result<Edit, OpRefusal> {
    outdent_rows(project, selected.as_slice())
}

/// Indents every selected row with its subtasks, top to bottom, each against the row above it
/// as already indented (consecutive siblings all go one level down); one edit. Refused, with
/// nothing changed, when one of them cannot go deeper.
pub fn indent_rows(project: &Project, rows: &[usize]) -> Result<Edit, OpRefusal> {
    shift_rows(project, rows, 1, |levels, i| {
        if i > 0 && levels[i - 1] >= levels[i] {
            Ok(())
        } else {
            Err(OpRefusal::CannotIndent)
        }
    })
}

/// Outdents every selected row with its subtasks; one edit.
pub fn outdent_rows(project: &Project, rows: &[usize]) -> Result<Edit, OpRefusal> {
    shift_rows(project, rows, -1, |levels, i| {
        if levels[i] > 1 {
            Ok(())
        } else {
            Err(OpRefusal::CannotOutdent)
        }
    })
}

fn shift_rows(
    project: &Project,
    rows: &[usize],
    delta: i16,
    allowed: impl Fn(&[u8], usize) -> Result<(), OpRefusal>,
) -> Result<Edit, OpRefusal> {
    let tasks = &project.tasks;
    let roots = roots(project, rows);
    let (Some(&first), Some(&last)) = (roots.first(), roots.last()) else {
        return Err(OpRefusal::NoSelection);
    };
    let mut levels: Vec<u8> = tasks.iter().map(|t| t.outline_level).collect();
    for &i in &roots {
        allowed(&levels, i)?;
        for level in &mut levels[i..outline::subtree_end(tasks, i)] {
            *level = (i16::from(*level) + delta).clamp(1, i16::from(u8::MAX)) as u8;
        }
    }
    if links_summary_to_subtask(project, &levels) {
        return Err(OpRefusal::SummaryLink);
    }
    let end = outline::subtree_end(tasks, last);
    Ok(Edit::SetOutlineLevels {
        index: first,
        levels: levels[first..end].to_vec(),
    })
}

/// Whether, with these outline levels, some link would join a summary and one of its own
/// subtasks (which cannot be scheduled, and which MS Project refuses).
fn links_summary_to_subtask(project: &Project, levels: &[u8]) -> bool {
    let parent = outline::parents(levels);
    let row = outline::positions(&project.tasks);
    let above = |mut at: usize, ancestor: usize| {
        while let Some(p) = parent[at] {
            if p == ancestor {
                return true;
            }
            at = p;
        }
        false
    };
    project
        .links
        .iter()
        .any(|l| match (row.get(&l.predecessor), row.get(&l.successor)) {
            (Some(&a), Some(&b)) => above(a, b) || above(b, a),
            _ => false,
        })
}

/// Links the selected tasks finish-to-start in plan order (MS Project's Link Tasks); links
/// that exist already are kept, one that would close a loop refuses the whole command.
pub fn link_rows(project: &Project, rows: &[usize]) -> Result<Edit, OpRefusal> {
    let tasks = &project.tasks;
    let mut sorted: Vec<usize> = rows.iter().copied().filter(|&i| i < tasks.len()).collect();
    sorted.sort_unstable();
    sorted.dedup();
    if sorted.len() < 2 {
        return Err(OpRefusal::LinkNeedsTwo);
    }
    let mut links = project.links.clone();
    let mut edits = Vec::new();
    for pair in sorted.windows(2) {
        let (a, b) = (tasks[pair[0]].id, tasks[pair[1]].id);
        if links.iter().any(|l| l.predecessor == a && l.successor == b) {
            continue;
        }
        links.push(crate::model::Link {
            predecessor: a,
            successor: b,
            kind: crate::model::LinkKind::FinishToStart,
            lag: crate::model::Lag::None,
        });
        edits.push(Edit::SetPredecessors {
            task: b,
            links: links.iter().filter(|l| l.successor == b).copied().collect(),
        });
    }
    if has_cycle(&links) {
        return Err(OpRefusal::WouldLoop);
    }
    match edits.len() {
        0 => Err(OpRefusal::NothingToChange),
        1 => Ok(edits.remove(0)),
        _ => Ok(Edit::Batch(edits)),
    }
}

/// Removes the links between the selected tasks; with one task selected, all its links in and
/// out (MS Project's Unlink Tasks).
pub fn unlink_rows(project: &Project, rows: &[usize]) -> Result<Edit, OpRefusal> {
    let tasks = &project.tasks;
    let ids: std::collections::HashSet<TaskId> = rows
        .iter()
        .filter_map(|&i| tasks.get(i))
        .map(|t| t.id)
        .collect();
    if ids.is_empty() {
        return Err(OpRefusal::NoSelection);
    }
    let cut = |l: &crate::model::Link| {
        if ids.len() == 1 {
            ids.contains(&l.predecessor) || ids.contains(&l.successor)
        } else {
            ids.contains(&l.predecessor) && ids.contains(&l.successor)
        }
    };
    // One edit per successor that loses links, in plan order.
    let mut successors: Vec<TaskId> = Vec::new();
    for l in project.links.iter().filter(|l| cut(l)) {
        if !successors.contains(&l.successor) {
            successors.push(l.successor);
        }
    }
    let mut edits: Vec<Edit> = successors
        .into_iter()
        .map(|s| Edit::SetPredecessors {
            task: s,
            links: project
                .links
                .iter()
                .filter(|l| l.successor == s && !cut(l))
                .copied()
                .collect(),
        })
        .collect();
    match edits.len() {
        0 => Err(OpRefusal::NothingToChange),
        1 => Ok(edits.remove(0)),
        _ => Ok(Edit::Batch(edits)),
    }
}

/// Whether the links form a loop (the validator's cycle search).
fn has_cycle(links: &[crate::model::Link]) -> bool {
    let mut nodes: Vec<TaskId> = Vec::new();
    let mut successors: std::collections::HashMap<TaskId, Vec<TaskId>> =
        std::collections::HashMap::new();
    for l in links {
        for id in [l.predecessor, l.successor] {
            if let std::collections::hash_map::Entry::Vacant(e) = successors.entry(id) {
                e.insert(Vec::new());
                nodes.push(id);
            }
        }
        successors
            .entry(l.predecessor)
            .or_default()
            .push(l.successor);
    }
    !crate::model::validate::find_cycles(&nodes, &successors).is_empty()
}

/// Moves the selected row and its subtasks above its previous sibling; returns the edit and
/// the row's new index.
pub fn move_up(project: &Project, selected: Option<usize>) -> Result<(Edit, usize), OpRefusal> {
    let tasks = &project.tasks;
    let i = selected
        .filter(|&i| i < tasks.len())
        .ok_or(OpRefusal::NoSelection)?;
    let previous = outline::previous_sibling(tasks, i).ok_or(OpRefusal::CannotMove)?;
    let count = outline::subtree_end(tasks, i) - i;
    Ok((
        Edit::MoveRows {
            from: i,
            count,
            to: previous,
        },
        previous,
    ))
}

/// Moves the selected row and its subtasks below its next sibling; returns the edit and the
/// row's new index.
pub fn move_down(project: &Project, selected: Option<usize>) -> Result<(Edit, usize), OpRefusal> {
    let tasks = &project.tasks;
    let i = selected
        .filter(|&i| i < tasks.len())
        .ok_or(OpRefusal::NoSelection)?;
    let next = outline::next_sibling(tasks, i).ok_or(OpRefusal::CannotMove)?;
    let count = next - i;
    let next_len = outline::subtree_end(tasks, next) - next;
    let to = i + next_len;
    Ok((Edit::MoveRows { from: i, count, to }, to))
}
