//! Cut, copy and paste of rows of the plan, and fill down. A copy keeps the tasks whole (with
//! their subtasks, the links among them and their assignments) for a paste in this window or
//! another open plan, and puts them on the system clipboard as tab-separated text for a
//! spreadsheet or another program. Pasting text from a spreadsheet reads it as
//! [`crate::io::task_text`] does. A paste is one undoable edit, placed after the selected
//! row's subtree at its level.

use std::collections::HashMap;

use chrono::NaiveDateTime;

use super::edit::{Edit, TaskField};
use super::task_ops::OpRefusal;
use crate::i18n::{Lang, Message, T};
use crate::io::entry;
use crate::io::resource_entry;
use crate::io::task_text::{self, RowCells};
use crate::model::{
    Assignment, AssignmentId, Constraint, Duration, Link, Project, Task, TaskId, next_id, outline,
};
use crate::schedule::{assign, cpm};

/// Rows copied: the tasks as they were, and the text the system clipboard got.
#[derive(Clone, Debug, PartialEq)]
pub struct Clip {
    pub tasks: Vec<Task>,
    /// The links among the copied tasks (by their ids in `tasks`).
    pub links: Vec<Link>,
    pub assignments: Vec<Assignment>,
    /// Tab-separated, with a header: what a spreadsheet receives.
    pub text: String,
}

/// The rows `rows` with their subtasks, in plan order; `dates` gives a row's scheduled start
/// and finish. `None` when nothing is selected.
pub fn copy(
    project: &Project,
    rows: &[usize],
    dates: impl Fn(usize) -> (NaiveDateTime, NaiveDateTime),
    lang: Lang,
) -> Option<Clip> {
    let tasks = &project.tasks;
    let mut all: Vec<usize> = rows
        .iter()
        .filter(|&&r| r < tasks.len())
        .flat_map(|&r| r..outline::subtree_end(tasks, r))
        .collect();
    all.sort_unstable();
    all.dedup();
    if all.is_empty() {
        return None;
    }
    let copied: Vec<Task> = all.iter().map(|&r| tasks[r].clone()).collect();
    let position: crate::model::outline::Rows =
        copied.iter().enumerate().map(|(k, t)| (t.id, k)).collect();
    let links: Vec<Link> = project
        .links
        .iter()
        .filter(|l| position.contains_key(&l.predecessor) && position.contains_key(&l.successor))
        .copied()
        .collect();
    let assignments: Vec<Assignment> = project
        .assignments
        .iter()
        .filter(|a| position.contains_key(&a.task))
        .cloned()
        .collect();
    let cells: Vec<RowCells> = all
        .iter()
        .zip(&copied)
        .map(|(&row, task)| {
            let into: Vec<&Link> = links.iter().filter(|l| l.successor == task.id).collect();
            let (start, finish) = dates(row);
            RowCells {
                name: task.name.clone(),
                duration: task.duration,
                start: start.date(),
                finish: finish.date(),
                predecessors: entry::format_predecessors(&into, &position, lang),
                resources: resource_entry::format_resources(project, &assignments, task.id),
                percent: task.percent_complete,
                outline_level: task.outline_level,
            }
        })
        .collect();
    Some(Clip {
        tasks: copied,
        links,
        assignments,
        text: task_text::write(&cells, lang),
    })
}

/// Rows read from text a spreadsheet or another program copied, with what could not be read
/// (a predecessor out of the block, an unknown resource), which the paste leaves out and says.
pub fn from_text(project: &Project, text: &str) -> Result<(Clip, Vec<Message>), Message> {
    let rows = task_text::read(text);
    if rows.is_empty() {
        return Err(T::PasteNothing.into());
    }
    let mut warnings = Vec::new();
    let start = project
        .meta
        .start
        .and_time(project.settings.default_start_time);
    let mut tasks: Vec<Task> = Vec::with_capacity(rows.len());
    let mut level = 1u8;
    for (k, row) in rows.iter().enumerate() {
        // A level can go down any number of steps but up only one: a task's parent is the
        // row above.
        let wanted = row.outline_level.unwrap_or(level);
        level = if k == 0 {
            1
        } else {
            wanted.clamp(1, level.saturating_add(1))
        };
        let id = TaskId(u32::try_from(k + 1).unwrap_or(u32::MAX));
        let mut task = Task::new(id, &row.name, level, start);
        task.duration = row.duration.unwrap_or(Duration::days(1.0));
        task.milestone = task.duration.amount == 0.0;
        task.percent_complete = row.percent.unwrap_or(0);
        if let Some(date) = row.start {
            // A start typed in a spreadsheet holds the task there, as MS Project does.
            task.constraint =
                Constraint::StartNoEarlierThan(date.and_time(project.settings.default_start_time));
        }
        for (column, cell) in &row.unread {
            warnings.push(T::PasteCellUnread.with(&[
                ("row", &(k + 1).to_string()),
                ("text", cell),
                ("column", column_title(*column)),
            ]));
        }
        tasks.push(task);
    }
    let mut links = Vec::new();
    let mut assignments = Vec::new();
    for (k, row) in rows.iter().enumerate() {
        if !row.predecessors.is_empty() {
            match entry::parse_predecessors(&row.predecessors, &tasks, k) {
                Ok(found) => links.extend(found),
                Err(_) => warnings.push(
                    T::PastePredecessorsLeftOut
                        .with(&[("row", &(k + 1).to_string()), ("text", &row.predecessors)]),
                ),
            }
        }
        if !row.resources.is_empty() {
            match resource_entry::parse_resources(&row.resources, &project.resources) {
                Ok(found) => {
                    let minutes = cpm::duration_minutes(project, tasks[k].duration).0 as f64;
                    for (resource, units) in found {
                        assignments.push(Assignment::new(
                            AssignmentId(0),
                            (tasks[k].id, resource),
                            units,
                            (units * minutes).round() as i64,
                        ));
                    }
                }
                Err(_) => warnings.push(
                    T::PasteResourcesLeftOut
                        .with(&[("row", &(k + 1).to_string()), ("text", &row.resources)]),
                ),
            }
        }
    }
    Ok((
        Clip {
            tasks,
            links,
            assignments,
            text: text.to_owned(),
        },
        warnings,
    ))
}

/// The English name of a column, for a warning (the column's header in the text may be
/// either language).
fn column_title(column: task_text::Column) -> &'static str {
    use task_text::Column as C;
    match column {
        C::Name => "name",
        C::Duration => "duration",
        C::Start => "start",
        C::Finish => "finish",
        C::Predecessors => "predecessors",
        C::Resources => "resources",
        C::Percent => "% complete",
        C::OutlineLevel => "outline level",
    }
}

/// Pastes `clip` after the selected row's subtree, at its level (at the end of the plan
/// without a selection), under new ids: one edit, and the new tasks.
pub fn paste(
    project: &Project,
    clip: &Clip,
    selected: Option<usize>,
) -> Option<(Edit, Vec<TaskId>)> {
    let first = clip.tasks.first()?;
    let tasks = &project.tasks;
    let (index, level) = match selected.filter(|&i| i < tasks.len()) {
        Some(i) => (outline::subtree_end(tasks, i), tasks[i].outline_level),
        None => (tasks.len(), 1),
    };
    let shift = i16::from(level) - i16::from(first.outline_level);
    let mut new_ids = HashMap::new();
    let mut pasted = Vec::with_capacity(clip.tasks.len());
    let mut previous = level;
    for (id, (k, task)) in (next_id(tasks, |t| t.id)..).zip(clip.tasks.iter().enumerate()) {
        let mut t = task.clone();
        new_ids.insert(task.id, TaskId(id));
        t.id = TaskId(id);
        let shifted = (i16::from(task.outline_level) + shift).clamp(1, i16::from(u8::MAX));
        let shifted = u8::try_from(shifted).unwrap_or(1);
        t.outline_level = if k == 0 {
            level
        } else {
            shifted.min(previous.saturating_add(1))
        };
        previous = t.outline_level;
        pasted.push(t);
    }
    let ids: Vec<TaskId> = pasted.iter().map(|t| t.id).collect();
    let mut edits = vec![Edit::InsertTasks {
        index,
        tasks: pasted.clone(),
    }];
    for t in &pasted {
        let into: Vec<Link> = clip
            .links
            .iter()
            .filter_map(|l| {
                let successor = *new_ids.get(&l.successor)?;
                let predecessor = *new_ids.get(&l.predecessor)?;
                (successor == t.id).then_some(Link {
                    predecessor,
                    successor,
                    ..*l
                })
            })
            .collect();
        if !into.is_empty() {
            edits.push(Edit::SetPredecessors {
                task: t.id,
                links: into,
            });
        }
    }
    let mut next_assignment = assign::next_id(project).0;
    for t in &pasted {
        let staffed: Vec<Assignment> = clip
            .assignments
            .iter()
            .filter(|a| new_ids.get(&a.task) == Some(&t.id))
            .map(|a| {
                next_assignment += 1;
                Assignment {
                    id: AssignmentId(next_assignment - 1),
                    task: t.id,
                    ..a.clone()
                }
            })
            .collect();
        if !staffed.is_empty() {
            edits.push(Edit::SetAssignments {
                task: t.id,
                assignments: staffed,
                duration: t.duration,
                task_type: t.task_type,
                effort_driven: t.effort_driven,
            });
        }
    }
    Some((Edit::Batch(edits), ids))
}

/// A column that Fill down copies from the top selected row into the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FillColumn {
    Name,
    Duration,
    Resources,
    Percent,
}

/// The top row's value of `column` copied into the other rows of `rows` (phases keep theirs,
/// since they follow their tasks), as one edit.
pub fn fill_down(project: &Project, rows: &[usize], column: FillColumn) -> Result<Edit, OpRefusal> {
    let tasks = &project.tasks;
    let mut rows: Vec<usize> = rows.iter().copied().filter(|&r| r < tasks.len()).collect();
    rows.sort_unstable();
    rows.dedup();
    let Some((&top, rest)) = rows.split_first().filter(|(_, rest)| !rest.is_empty()) else {
        return Err(OpRefusal::FillNeedsTwo);
    };
    let source = &tasks[top];
    let staffing: Vec<_> = project
        .assignments
        .iter()
        .filter(|a| a.task == source.id)
        .map(|a| (a.resource, a.units))
        .collect();
    let mut edits = Vec::new();
    for &r in rest {
        let task = &tasks[r];
        if outline::is_summary(tasks, r) {
            continue;
        }
        let field = match column {
            FillColumn::Name if task.name != source.name => TaskField::Name(source.name.clone()),
            FillColumn::Duration if task.duration != source.duration && !task.milestone => {
                TaskField::Duration(source.duration)
            }
            FillColumn::Percent if task.percent_complete != source.percent_complete => {
                TaskField::PercentComplete(source.percent_complete)
            }
            FillColumn::Resources => {
                let s = assign::set_all(project, r, &staffing);
                edits.push(Edit::SetAssignments {
                    task: task.id,
                    assignments: s.assignments,
                    duration: s.duration,
                    task_type: task.task_type,
                    effort_driven: task.effort_driven,
                });
                continue;
            }
            _ => continue,
        };
        edits.push(Edit::SetTask { id: task.id, field });
    }
    if edits.is_empty() {
        return Err(OpRefusal::NothingToChange);
    }
    Ok(Edit::Batch(edits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LinkKind;

    fn plan() -> Project {
        let text = include_str!("../../assets/samples/erp-rollout.pilote.ron");
        crate::io::document::parse(text, "sample").unwrap()
    }

    fn dates(project: &Project) -> impl Fn(usize) -> (NaiveDateTime, NaiveDateTime) + '_ {
        |r| (project.tasks[r].start, project.tasks[r].finish)
    }

    #[test]
    fn a_phase_copied_and_pasted_comes_back_whole_under_new_ids() {
        let mut p = plan();
        let phase = (0..p.tasks.len())
            .find(|&r| outline::is_summary(&p.tasks, r) && p.tasks[r].outline_level == 1)
            .unwrap();
        let clip = copy(&p, &[phase], dates(&p), Lang::En).unwrap();
        let end = outline::subtree_end(&p.tasks, phase);
        assert_eq!(clip.tasks.len(), end - phase, "the phase with its tasks");
        let before = p.clone();
        let (edit, ids) = paste(&p, &clip, Some(phase)).unwrap();
        let undo = edit.apply(&mut p).unwrap();
        assert_eq!(p.tasks.len(), before.tasks.len() + clip.tasks.len());
        assert_eq!(p.tasks[end].id, ids[0], "pasted after the phase's subtree");
        assert_eq!(p.tasks[end].outline_level, 1);
        let inside = |l: &Link| ids.contains(&l.predecessor) && ids.contains(&l.successor);
        assert_eq!(
            p.links.iter().filter(|l| inside(l)).count(),
            clip.links.len()
        );
        assert_eq!(
            p.assignments
                .iter()
                .filter(|a| ids.contains(&a.task))
                .count(),
            clip.assignments.len()
        );
        undo.apply(&mut p).unwrap();
        assert_eq!(p, before, "one undo takes the paste back");
    }

    #[test]
    fn text_from_a_spreadsheet_becomes_tasks_with_links_inside_the_block() {
        let p = plan();
        let text = "Task name\tDuration\tPredecessors\tResources\n\
                    Specify\t3d\t\tClaire Martin\n\
                    Build\t5d\t1\tNobody Known\n\
                    Test\t2d\t2SS+1d, 9\t\n";
        let (clip, warnings) = from_text(&p, text).unwrap();
        assert_eq!(clip.tasks.len(), 3);
        assert_eq!(clip.tasks[1].duration, Duration::days(5.0));
        assert_eq!(clip.links.len(), 1, "row 9 is outside the block: left out");
        assert_eq!(clip.links[0].kind, LinkKind::FinishToStart);
        assert_eq!(clip.assignments.len(), 1);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
    }
}
