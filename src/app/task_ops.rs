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
    let i = selected
        .filter(|&i| i < project.tasks.len())
        .ok_or(OpRefusal::NoSelection)?;
    let end = outline::subtree_end(&project.tasks, i);
    Ok(Edit::RemoveTasks {
        index: i,
        count: end - i,
    })
}

fn shift_levels(project: &Project, i: usize, delta: i16) -> Edit {
    let end = outline::subtree_end(&project.tasks, i);
    let levels = project.tasks[i..end]
        .iter()
        .map(|t| (i16::from(t.outline_level) + delta).clamp(1, i16::from(u8::MAX)) as u8)
        .collect();
    Edit::SetOutlineLevels { index: i, levels }
}

/// Makes the selected row (and its subtasks) a subtask of the row above it.
pub fn indent(project: &Project, selected: Option<usize>) -> Result<Edit, OpRefusal> {
    let tasks = &project.tasks;
    let i = selected
        .filter(|&i| i < tasks.len())
        .ok_or(OpRefusal::NoSelection)?;
    if i == 0 || tasks[i - 1].outline_level < tasks[i].outline_level {
        return Err(OpRefusal::CannotIndent);
    }
    Ok(shift_levels(project, i, 1))
}

/// Moves the selected row (and its subtasks) one level up; the siblings below it become its
/// subtasks, as in MS Project.
pub fn outdent(project: &Project, selected: Option<usize>) -> Result<Edit, OpRefusal> {
    let tasks = &project.tasks;
    let i = selected
        .filter(|&i| i < tasks.len())
        .ok_or(OpRefusal::NoSelection)?;
    if tasks[i].outline_level <= 1 {
        return Err(OpRefusal::CannotOutdent);
    }
    Ok(shift_levels(project, i, -1))
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
