//! The task outline: the plan is a flat list in display order with an outline level per row,
//! as in MS Project. Parents, summaries and WBS codes are derived from it.

use std::collections::HashMap;

use super::ids::TaskId;
use super::task::Task;

/// True when the row below `index` is indented under it (the task is a phase / summary).
pub fn is_summary(tasks: &[Task], index: usize) -> bool {
    match (tasks.get(index), tasks.get(index + 1)) {
        (Some(task), Some(next)) => next.outline_level > task.outline_level,
        _ => false,
    }
}

/// One past the last row of the subtree rooted at `index` (the row itself and its descendants).
pub fn subtree_end(tasks: &[Task], index: usize) -> usize {
    let Some(level) = tasks.get(index).map(|t| t.outline_level) else {
        return index;
    };
    tasks[index + 1..]
        .iter()
        .position(|t| t.outline_level <= level)
        .map_or(tasks.len(), |offset| index + 1 + offset)
}

/// The summary row directly above `index` in the outline, if any.
pub fn parent_index(tasks: &[Task], index: usize) -> Option<usize> {
    let level = tasks.get(index)?.outline_level;
    tasks[..index].iter().rposition(|t| t.outline_level < level)
}

/// The previous row at the same level under the same parent, if any.
pub fn previous_sibling(tasks: &[Task], index: usize) -> Option<usize> {
    let level = tasks.get(index)?.outline_level;
    let candidate = tasks[..index]
        .iter()
        .rposition(|t| t.outline_level <= level)?;
    (tasks[candidate].outline_level == level).then_some(candidate)
}

/// The next row at the same level under the same parent, if any.
pub fn next_sibling(tasks: &[Task], index: usize) -> Option<usize> {
    let level = tasks.get(index)?.outline_level;
    let end = subtree_end(tasks, index);
    tasks
        .get(end)
        .filter(|t| t.outline_level == level)
        .map(|_| end)
}

/// Each row's summary (the nearest row above with a lower level) for rows at these outline
/// levels, in one pass: for outlines not yet applied to the tasks (an indent being checked).
pub fn parents(levels: &[u8]) -> Vec<Option<usize>> {
    let mut parent = Vec::with_capacity(levels.len());
    let mut stack: Vec<usize> = Vec::new();
    for (i, &level) in levels.iter().enumerate() {
        while stack.last().is_some_and(|&top| levels[top] >= level) {
            stack.pop();
        }
        parent.push(stack.last().copied());
        stack.push(i);
    }
    parent
}

/// True when `ancestor` is a summary above `index` in the outline.
pub fn is_ancestor(tasks: &[Task], ancestor: usize, index: usize) -> bool {
    ancestor < index && index < subtree_end(tasks, ancestor)
}

/// WBS codes ("1", "1.2", "1.2.3") for every row, in order.
pub fn wbs_codes(tasks: &[Task]) -> Vec<String> {
    let mut counters: Vec<u32> = Vec::new();
    tasks
        .iter()
        .map(|task| {
            let depth = usize::from(task.outline_level.max(1));
            counters.resize(depth, 0);
            if let Some(last) = counters.last_mut() {
                *last += 1;
            }
            counters
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(".")
        })
        .collect()
}

/// Each task's row, by id. Hashed with foldhash rather than the standard SipHash: ids are not
/// attacker-chosen keys, and the costs, earned value and load build this map for every row of
/// a 100,000-task plan after each edit.
pub type Rows = HashMap<TaskId, usize, foldhash::fast::FixedState>;

/// Row index of every task id.
pub fn positions(tasks: &[Task]) -> Rows {
    tasks.iter().enumerate().map(|(i, t)| (t.id, i)).collect()
}
