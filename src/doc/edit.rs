//! Every change to the document is an [`Edit`] value. Applying one returns its inverse, which
//! is what the history keeps for undo; views never mutate the document themselves.

use chrono::NaiveDateTime;

use super::resource_ops::{self, ResourceSnapshot};
use crate::model::{
    Anomaly, BudgetLine, Campaign, CostEstimate, CostItem, Deliverable, LoadTest, Meeting,
    Requirement, Resource, ResourceId, Risk, RiskEffect, TaskEstimate, TaskType, TestCase, TestRun,
};
use crate::model::{
    Assignment, Baseline, BaselineTask, Constraint, Duration, EarnedValueSettings, Link, Project,
    ProjectMeta, Task, TaskId, outline,
};
use crate::schedule::cpm::Change;
use crate::schedule::progress::ProgressState;

/// One field of a task, with its new value.
#[derive(Clone, Debug, PartialEq)]
pub enum TaskField {
    Name(String),
    Duration(Duration),
    Start(NaiveDateTime),
    Finish(NaiveDateTime),
    PercentComplete(u8),
    Milestone(bool),
    Notes(String),
    Constraint(Constraint),
    RequiredSkills(Vec<String>),
    Mode(crate::model::SchedulingMode),
    Deadline(Option<chrono::NaiveDate>),
    /// 0–1000 (1000: never levelled).
    Priority(u16),
}

/// A reference to a task held by another item, cleared when the task is deleted and restored
/// when the deletion is undone.
#[derive(Clone, Debug, PartialEq)]
pub enum DetachedRef {
    CostItem(usize, TaskId),
    BudgetLine(usize, TaskId),
    Deliverable(usize, TaskId),
    Campaign(usize, TaskId),
    Anomaly(usize, TaskId),
    MeetingAction(usize, usize, TaskId),
    Requirement {
        item: usize,
        position: usize,
        task: TaskId,
    },
    RiskAction {
        item: usize,
        position: usize,
        task: TaskId,
    },
    Baseline {
        item: usize,
        position: usize,
        entry: BaselineTask,
    },
    /// A three-point estimate of a removed task, at its position.
    Estimate(usize, Box<TaskEstimate>),
    /// A risk's effect on a removed task.
    RiskEffect {
        item: usize,
        position: usize,
        effect: RiskEffect,
    },
}

/// What a deletion took away, so that undo can put all of it back where it was.
#[derive(Clone, Debug, PartialEq)]
pub struct Removal {
    pub index: usize,
    pub tasks: Vec<Task>,
    /// Links touching the removed tasks, with their positions in `Project::links`.
    pub links: Vec<(usize, Link)>,
    pub assignments: Vec<(usize, Assignment)>,
    pub refs: Vec<DetachedRef>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    SetTask {
        id: TaskId,
        field: TaskField,
    },
    /// Inserts new rows at `index` (they must not have links or references yet).
    InsertTasks {
        index: usize,
        tasks: Vec<Task>,
    },
    /// Removes `count` rows from `index`, with their links, assignments and references.
    RemoveTasks {
        index: usize,
        count: usize,
    },
    /// Puts back what a [`Edit::RemoveTasks`] took.
    Restore(Box<Removal>),
    SetOutlineLevels {
        index: usize,
        levels: Vec<u8>,
    },
    /// Moves the block of `count` rows at `from` so that it starts at `to` afterwards.
    MoveRows {
        from: usize,
        count: usize,
        to: usize,
    },
    /// Replaces all the links into `task`.
    SetPredecessors {
        task: TaskId,
        links: Vec<Link>,
    },
    SetMeta(Box<ProjectMeta>),
    /// Replaces all the baselines (saving or clearing one).
    SetBaselines(Vec<Baseline>),
    /// Writes recorded progress: status date, completion, actual dates and work.
    SetProgress(Box<ProgressState>),
    SetEarnedValue(EarnedValueSettings),
    /// Sets tasks' leveling delays (leveling, clearing it).
    SetLevelingDelays(Vec<(TaskId, Duration)>),
    /// Replaces the resource with the same id.
    SetResource(Box<Resource>),
    /// Inserts a new resource at `index` of the resource sheet.
    AddResource {
        index: usize,
        resource: Box<Resource>,
    },
    /// Removes a resource with its assignments and the references to it.
    RemoveResource(ResourceId),
    /// Puts the team back as it was (what undoing a removal does).
    ResourceState(Box<ResourceSnapshot>),
    /// Replaces a task's assignments and sets how it is scheduled (its duration, type and
    /// effort-driven flag, which assignments change in MS Project).
    SetAssignments {
        task: TaskId,
        assignments: Vec<Assignment>,
        duration: Duration,
        task_type: TaskType,
        effort_driven: bool,
    },
    /// Replaces one of the document collections (requirements, deliverables, tests…).
    SetCollection(Box<Collection>),
    /// Several edits as one undo step; applied in order, undone in reverse.
    Batch(Vec<Edit>),
    /// Replaces the whole project (a merge conflict settled, a merge taken in).
    SetProject(Box<Project>),
}

/// A whole collection of the project's documents, as an editor changes it.
#[derive(Clone, Debug, PartialEq)]
pub enum Collection {
    Requirements(Vec<Requirement>),
    Deliverables(Vec<Deliverable>),
    TestCases(Vec<TestCase>),
    Campaigns(Vec<Campaign>),
    TestRuns(Vec<TestRun>),
    LoadTests(Vec<LoadTest>),
    Anomalies(Vec<Anomaly>),
    Risks(Vec<Risk>),
    Meetings(Vec<Meeting>),
    CostItems(Vec<CostItem>),
    BudgetLines(Vec<BudgetLine>),
    TaskEstimates(Vec<TaskEstimate>),
    CostEstimates(Vec<CostEstimate>),
}

impl Collection {
    /// Puts this collection in `project` and returns the one it replaces.
    fn swap(self, p: &mut Project) -> Collection {
        use std::mem::replace;
        match self {
            Collection::Requirements(v) => {
                Collection::Requirements(replace(&mut p.requirements, v))
            }
            Collection::Deliverables(v) => {
                Collection::Deliverables(replace(&mut p.deliverables, v))
            }
            Collection::TestCases(v) => Collection::TestCases(replace(&mut p.test_cases, v)),
            Collection::Campaigns(v) => Collection::Campaigns(replace(&mut p.campaigns, v)),
            Collection::TestRuns(v) => Collection::TestRuns(replace(&mut p.test_runs, v)),
            Collection::LoadTests(v) => Collection::LoadTests(replace(&mut p.load_tests, v)),
            Collection::Anomalies(v) => Collection::Anomalies(replace(&mut p.anomalies, v)),
            Collection::Risks(v) => Collection::Risks(replace(&mut p.risks, v)),
            Collection::Meetings(v) => Collection::Meetings(replace(&mut p.meetings, v)),
            Collection::CostItems(v) => Collection::CostItems(replace(&mut p.cost_items, v)),
            Collection::BudgetLines(v) => Collection::BudgetLines(replace(&mut p.budget_lines, v)),
            Collection::TaskEstimates(v) => {
                Collection::TaskEstimates(replace(&mut p.task_estimates, v))
            }
            Collection::CostEstimates(v) => {
                Collection::CostEstimates(replace(&mut p.cost_estimates, v))
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("task {0} does not exist")]
    NoSuchTask(TaskId),
    #[error("rows {0}..{1} are outside the plan")]
    OutOfRange(usize, usize),
    #[error("resource {0} does not exist")]
    NoSuchResource(ResourceId),
}

fn task_mut(project: &mut Project, id: TaskId) -> Result<&mut Task, EditError> {
    project
        .tasks
        .iter_mut()
        .find(|t| t.id == id)
        .ok_or(EditError::NoSuchTask(id))
}

fn check_range(project: &Project, index: usize, count: usize) -> Result<(), EditError> {
    if index + count > project.tasks.len() {
        return Err(EditError::OutOfRange(index, index + count));
    }
    Ok(())
}

impl Edit {
    /// Whether the edit can change a date of the schedule: a task's name, notes, skills or
    /// leveling priority, the document collections (requirements, tests, risks, meetings,
    /// budget), baselines and earned-value settings cannot, so the plan is not rescheduled
    /// for them.
    pub fn can_move_dates(&self) -> bool {
        match self {
            Edit::SetTask { field, .. } => !matches!(
                field,
                TaskField::Name(_)
                    | TaskField::Notes(_)
                    | TaskField::RequiredSkills(_)
                    | TaskField::Priority(_)
            ),
            Edit::SetCollection(_) | Edit::SetBaselines(_) | Edit::SetEarnedValue(_) => false,
            Edit::Batch(edits) => edits.iter().any(Edit::can_move_dates),
            _ => true,
        }
    }

    /// What the edit changes for the schedule: the tasks it touched and the tasks whose links
    /// in it replaced, so that only what those reach is scheduled again; everything for an
    /// edit of the outline, the rows, the resources or the calendars.
    pub fn schedule_change(&self) -> Change {
        match self {
            _ if !self.can_move_dates() => Change::default(),
            Edit::SetTask { id, .. } | Edit::SetAssignments { task: id, .. } => Change::task(*id),
            Edit::SetLevelingDelays(delays) => Change {
                tasks: delays.iter().map(|(id, _)| *id).collect(),
                ..Change::default()
            },
            Edit::SetPredecessors { task, .. } => Change::links_into(*task),
            Edit::Batch(edits) => edits.iter().fold(Change::default(), |mut all, e| {
                all.merge(e.schedule_change());
                all
            }),
            _ => Change::everything(),
        }
    }

    /// Applies the edit and returns the edit that undoes it. On error the document is
    /// unchanged.
    pub fn apply(self, project: &mut Project) -> Result<Edit, EditError> {
        match self {
            // A new duration changes the work of the task's assignments (or their units for a
            // fixed-work task), as in MS Project; undo gives back both.
            Edit::SetTask {
                id,
                field: TaskField::Duration(duration),
            } if project.assignments.iter().any(|a| a.task == id) => {
                let row = project
                    .tasks
                    .iter()
                    .position(|t| t.id == id)
                    .ok_or(EditError::NoSuchTask(id))?;
                let task = &project.tasks[row];
                let how = (duration, task.task_type, task.effort_driven);
                let assignments = crate::schedule::assign::with_duration(project, row, duration);
                set_assignments(project, id, assignments, how)
            }
            Edit::SetTask { id, field } => {
                let task = task_mut(project, id)?;
                let old = set_field(task, field);
                Ok(Edit::SetTask { id, field: old })
            }
            Edit::InsertTasks { index, tasks } => {
                if index > project.tasks.len() {
                    return Err(EditError::OutOfRange(index, index));
                }
                let count = tasks.len();
                project.tasks.splice(index..index, tasks);
                Ok(Edit::RemoveTasks { index, count })
            }
            Edit::RemoveTasks { index, count } => {
                check_range(project, index, count)?;
                Ok(Edit::Restore(Box::new(remove_tasks(project, index, count))))
            }
            Edit::Restore(removal) => {
                if removal.index > project.tasks.len() {
                    return Err(EditError::OutOfRange(removal.index, removal.index));
                }
                let (index, count) = (removal.index, removal.tasks.len());
                restore_tasks(project, *removal);
                Ok(Edit::RemoveTasks { index, count })
            }
            Edit::SetOutlineLevels { index, levels } => set_outline_levels(project, index, levels),
            Edit::MoveRows { from, count, to } => move_rows(project, from, count, to),
            Edit::SetPredecessors { task, links } => set_predecessors(project, task, links),
            Edit::SetProject(new) => Ok(Edit::SetProject(swap(project, new))),
            Edit::SetMeta(meta) => Ok(Edit::SetMeta(swap(&mut project.meta, meta))),
            Edit::SetBaselines(baselines) => Ok(Edit::SetBaselines(std::mem::replace(
                &mut project.baselines,
                baselines,
            ))),
            Edit::SetProgress(state) => {
                let old = ProgressState::current(project, &state);
                state.apply(project);
                Ok(Edit::SetProgress(Box::new(old)))
            }
            Edit::SetEarnedValue(settings) => Ok(Edit::SetEarnedValue(std::mem::replace(
                &mut project.earned_value,
                settings,
            ))),
            Edit::SetLevelingDelays(delays) => set_leveling_delays(project, delays),
            Edit::SetResource(resource) => set_resource(project, *resource),
            Edit::AddResource { index, resource } => {
                let id = resource.id;
                let index = index.min(project.resources.len());
                project.resources.insert(index, *resource);
                Ok(Edit::RemoveResource(id))
            }
            Edit::RemoveResource(id) => {
                if !project.resources.iter().any(|r| r.id == id) {
                    return Err(EditError::NoSuchResource(id));
                }
                let old = ResourceSnapshot::take(project);
                resource_ops::remove(project, id);
                Ok(Edit::ResourceState(Box::new(old)))
            }
            Edit::ResourceState(snapshot) => {
                let old = ResourceSnapshot::take(project);
                snapshot.restore(project);
                Ok(Edit::ResourceState(Box::new(old)))
            }
            Edit::SetAssignments {
                task,
                assignments,
                duration,
                task_type,
                effort_driven,
            } => set_assignments(
                project,
                task,
                assignments,
                (duration, task_type, effort_driven),
            ),
            Edit::SetCollection(collection) => {
                Ok(Edit::SetCollection(Box::new(collection.swap(project))))
            }
            Edit::Batch(edits) => apply_batch(project, edits),
        }
    }
}

/// Sets the outline levels of the rows from `index` on; the inverse gives back the old ones.
fn set_outline_levels(
    project: &mut Project,
    index: usize,
    levels: Vec<u8>,
) -> Result<Edit, EditError> {
    check_range(project, index, levels.len())?;
    let old = project.tasks[index..index + levels.len()]
        .iter_mut()
        .zip(levels)
        .map(|(task, level)| std::mem::replace(&mut task.outline_level, level))
        .collect();
    Ok(Edit::SetOutlineLevels { index, levels: old })
}

/// Moves rows `from..from + count` to start at row `to`; the inverse moves them back.
fn move_rows(
    project: &mut Project,
    from: usize,
    count: usize,
    to: usize,
) -> Result<Edit, EditError> {
    check_range(project, from, count)?;
    if to + count > project.tasks.len() {
        return Err(EditError::OutOfRange(to, to + count));
    }
    let block: Vec<Task> = project.tasks.drain(from..from + count).collect();
    project.tasks.splice(to..to, block);
    Ok(Edit::MoveRows {
        from: to,
        count,
        to: from,
    })
}

/// Replaces the links into `task`; the inverse gives back the old ones.
fn set_predecessors(
    project: &mut Project,
    task: TaskId,
    links: Vec<Link>,
) -> Result<Edit, EditError> {
    if !project.tasks.iter().any(|t| t.id == task) {
        return Err(EditError::NoSuchTask(task));
    }
    let old: Vec<Link> = project
        .links
        .iter()
        .filter(|l| l.successor == task)
        .copied()
        .collect();
    // Keep the links where they were, so that files diff cleanly after an edit.
    let position = project
        .links
        .iter()
        .position(|l| l.successor == task)
        .unwrap_or(project.links.len());
    project.links.retain(|l| l.successor != task);
    let position = position.min(project.links.len());
    project.links.splice(position..position, links);
    Ok(Edit::SetPredecessors { task, links: old })
}

/// Sets the leveling delay of each task listed; the inverse gives back the old delays.
fn set_leveling_delays(
    project: &mut Project,
    delays: Vec<(TaskId, Duration)>,
) -> Result<Edit, EditError> {
    // Check every task first, so a failure leaves the document untouched.
    let rows = outline::positions(&project.tasks);
    let mut at = Vec::with_capacity(delays.len());
    for (id, _) in &delays {
        at.push(*rows.get(id).ok_or(EditError::NoSuchTask(*id))?);
    }
    let mut old = Vec::with_capacity(delays.len());
    for ((id, delay), row) in delays.into_iter().zip(at) {
        let task = &mut project.tasks[row];
        old.push((id, std::mem::replace(&mut task.leveling_delay, delay)));
    }
    Ok(Edit::SetLevelingDelays(old))
}

/// Replaces the resource with `resource`'s id; the inverse gives back the old one.
fn set_resource(project: &mut Project, resource: Resource) -> Result<Edit, EditError> {
    let slot = project
        .resources
        .iter_mut()
        .find(|r| r.id == resource.id)
        .ok_or(EditError::NoSuchResource(resource.id))?;
    Ok(Edit::SetResource(Box::new(std::mem::replace(
        slot, resource,
    ))))
}

/// Sets the assignments of `task` with the duration, type and effort-driven flag they were
/// computed with; the inverse gives back the old ones.
fn set_assignments(
    project: &mut Project,
    task: TaskId,
    assignments: Vec<Assignment>,
    (duration, task_type, effort_driven): (Duration, TaskType, bool),
) -> Result<Edit, EditError> {
    let t = task_mut(project, task)?;
    let old_duration = std::mem::replace(&mut t.duration, duration);
    let old_type = std::mem::replace(&mut t.task_type, task_type);
    let old_effort = std::mem::replace(&mut t.effort_driven, effort_driven);
    let old = resource_ops::set_task_assignments(project, task, assignments);
    Ok(Edit::SetAssignments {
        task,
        assignments: old,
        duration: old_duration,
        task_type: old_type,
        effort_driven: old_effort,
    })
}

/// Applies `edits` in order, all or nothing; the inverse undoes them in reverse order.
/// Puts `new` in `slot` and gives back what was there, in the same box (the inverse edit
/// holds it boxed, as the edit did).
#[allow(
    clippy::unnecessary_box_returns,
    reason = "the box is the edit's, reused for its inverse"
)]
fn swap<V>(slot: &mut V, mut new: Box<V>) -> Box<V> {
    std::mem::swap(slot, &mut new);
    new
}

fn apply_batch(project: &mut Project, edits: Vec<Edit>) -> Result<Edit, EditError> {
    let mut inverses = Vec::with_capacity(edits.len());
    for edit in edits {
        match edit.apply(project) {
            Ok(inverse) => inverses.push(inverse),
            Err(error) => {
                // Roll back what was applied so the batch is all or nothing.
                for inverse in inverses.into_iter().rev() {
                    let _ = inverse.apply(project);
                }
                return Err(error);
            }
        }
    }
    inverses.reverse();
    Ok(Edit::Batch(inverses))
}

fn set_field(task: &mut Task, field: TaskField) -> TaskField {
    match field {
        TaskField::Name(v) => TaskField::Name(std::mem::replace(&mut task.name, v)),
        TaskField::Duration(v) => TaskField::Duration(std::mem::replace(&mut task.duration, v)),
        TaskField::Start(v) => TaskField::Start(std::mem::replace(&mut task.start, v)),
        TaskField::Finish(v) => TaskField::Finish(std::mem::replace(&mut task.finish, v)),
        TaskField::PercentComplete(v) => {
            TaskField::PercentComplete(std::mem::replace(&mut task.percent_complete, v))
        }
        TaskField::Milestone(v) => TaskField::Milestone(std::mem::replace(&mut task.milestone, v)),
        TaskField::Notes(v) => TaskField::Notes(std::mem::replace(&mut task.notes, v)),
        TaskField::Constraint(v) => {
            TaskField::Constraint(std::mem::replace(&mut task.constraint, v))
        }
        TaskField::RequiredSkills(v) => {
            TaskField::RequiredSkills(std::mem::replace(&mut task.required_skills, v))
        }
        TaskField::Mode(v) => TaskField::Mode(std::mem::replace(&mut task.mode, v)),
        TaskField::Deadline(v) => TaskField::Deadline(std::mem::replace(&mut task.deadline, v)),
        TaskField::Priority(v) => TaskField::Priority(std::mem::replace(&mut task.priority, v)),
    }
}

/// Takes out rows `index..index + count` and everything that points at them.
fn remove_tasks(project: &mut Project, index: usize, count: usize) -> Removal {
    let tasks: Vec<Task> = project.tasks.drain(index..index + count).collect();
    let gone: std::collections::HashSet<TaskId> = tasks.iter().map(|t| t.id).collect();
    let hit = |id: &TaskId| gone.contains(id);

    let links = take_where(&mut project.links, |l| {
        hit(&l.predecessor) || hit(&l.successor)
    });
    let assignments = take_where(&mut project.assignments, |a| hit(&a.task));

    let mut refs = Vec::new();
    let mut clear = |slot: &mut Option<TaskId>, make: &dyn Fn(TaskId) -> DetachedRef| {
        if let Some(id) = *slot
            && hit(&id)
        {
            *slot = None;
            refs.push(make(id));
        }
    };
    for (i, x) in project.cost_items.iter_mut().enumerate() {
        clear(&mut x.task, &|id| DetachedRef::CostItem(i, id));
    }
    for (i, x) in project.budget_lines.iter_mut().enumerate() {
        clear(&mut x.phase, &|id| DetachedRef::BudgetLine(i, id));
    }
    for (i, x) in project.deliverables.iter_mut().enumerate() {
        clear(&mut x.due_with, &|id| DetachedRef::Deliverable(i, id));
    }
    for (i, x) in project.campaigns.iter_mut().enumerate() {
        clear(&mut x.task, &|id| DetachedRef::Campaign(i, id));
    }
    for (i, x) in project.anomalies.iter_mut().enumerate() {
        clear(&mut x.correction_task, &|id| DetachedRef::Anomaly(i, id));
    }
    for (m, meeting) in project.meetings.iter_mut().enumerate() {
        for (k, action) in meeting.actions.iter_mut().enumerate() {
            clear(&mut action.task, &|id| DetachedRef::MeetingAction(m, k, id));
        }
    }
    for (item, r) in project.requirements.iter_mut().enumerate() {
        for (position, task) in take_where(&mut r.tasks, hit) {
            refs.push(DetachedRef::Requirement {
                item,
                position,
                task,
            });
        }
    }
    for (item, r) in project.risks.iter_mut().enumerate() {
        for (position, task) in take_where(&mut r.action_tasks, hit) {
            refs.push(DetachedRef::RiskAction {
                item,
                position,
                task,
            });
        }
    }
    for (item, r) in project.risks.iter_mut().enumerate() {
        for (position, effect) in take_where(&mut r.effects, |e| hit(&e.task)) {
            refs.push(DetachedRef::RiskEffect {
                item,
                position,
                effect,
            });
        }
    }
    for (position, estimate) in take_where(&mut project.task_estimates, |e| hit(&e.task)) {
        refs.push(DetachedRef::Estimate(position, Box::new(estimate)));
    }
    for (item, b) in project.baselines.iter_mut().enumerate() {
        for (position, entry) in take_where(&mut b.tasks, |e| hit(&e.task)) {
            refs.push(DetachedRef::Baseline {
                item,
                position,
                entry,
            });
        }
    }
    Removal {
        index,
        tasks,
        links,
        assignments,
        refs,
    }
}

/// Removes the elements matching `pred`, returning them with their original positions.
fn take_where<T>(items: &mut Vec<T>, mut pred: impl FnMut(&T) -> bool) -> Vec<(usize, T)> {
    let mut taken = Vec::new();
    let mut kept = Vec::with_capacity(items.len());
    for (i, item) in items.drain(..).enumerate() {
        if pred(&item) {
            taken.push((i, item));
        } else {
            kept.push(item);
        }
    }
    *items = kept;
    taken
}

/// Re-inserts elements at their original positions (ascending order restores them exactly).
fn put_back<T>(items: &mut Vec<T>, taken: Vec<(usize, T)>) {
    for (i, item) in taken {
        let i = i.min(items.len());
        items.insert(i, item);
    }
}

fn restore_tasks(project: &mut Project, removal: Removal) {
    let Removal {
        index,
        tasks,
        links,
        assignments,
        refs,
    } = removal;
    project.tasks.splice(index..index, tasks);
    put_back(&mut project.links, links);
    put_back(&mut project.assignments, assignments);
    for r in refs {
        match r {
            DetachedRef::CostItem(i, id) => {
                if let Some(x) = project.cost_items.get_mut(i) {
                    x.task = Some(id);
                }
            }
            DetachedRef::BudgetLine(i, id) => {
                if let Some(x) = project.budget_lines.get_mut(i) {
                    x.phase = Some(id);
                }
            }
            DetachedRef::Deliverable(i, id) => {
                if let Some(x) = project.deliverables.get_mut(i) {
                    x.due_with = Some(id);
                }
            }
            DetachedRef::Campaign(i, id) => {
                if let Some(x) = project.campaigns.get_mut(i) {
                    x.task = Some(id);
                }
            }
            DetachedRef::Anomaly(i, id) => {
                if let Some(x) = project.anomalies.get_mut(i) {
                    x.correction_task = Some(id);
                }
            }
            DetachedRef::MeetingAction(m, k, id) => {
                if let Some(x) = project
                    .meetings
                    .get_mut(m)
                    .and_then(|m| m.actions.get_mut(k))
                {
                    x.task = Some(id);
                }
            }
            DetachedRef::Requirement {
                item,
                position,
                task,
            } => {
                if let Some(x) = project.requirements.get_mut(item) {
                    x.tasks.insert(position.min(x.tasks.len()), task);
                }
            }
            DetachedRef::RiskAction {
                item,
                position,
                task,
            } => {
                if let Some(x) = project.risks.get_mut(item) {
                    x.action_tasks
                        .insert(position.min(x.action_tasks.len()), task);
                }
            }
            DetachedRef::Baseline {
                item,
                position,
                entry,
            } => {
                if let Some(x) = project.baselines.get_mut(item) {
                    x.tasks.insert(position.min(x.tasks.len()), entry);
                }
            }
            DetachedRef::Estimate(position, estimate) => {
                let list = &mut project.task_estimates;
                list.insert(position.min(list.len()), *estimate);
            }
            DetachedRef::RiskEffect {
                item,
                position,
                effect,
            } => {
                if let Some(x) = project.risks.get_mut(item) {
                    x.effects.insert(position.min(x.effects.len()), effect);
                }
            }
        }
    }
}

/// What deleting rows `index..index + count` would take with them, for the confirmation and
/// the status message.
pub fn removal_summary(project: &Project, index: usize, count: usize) -> (usize, usize) {
    let end = (index + count).min(project.tasks.len());
    let gone: std::collections::HashSet<TaskId> = project.tasks[index.min(end)..end]
        .iter()
        .map(|t| t.id)
        .collect();
    let links = project
        .links
        .iter()
        .filter(|l| gone.contains(&l.predecessor) || gone.contains(&l.successor))
        .count();
    let assignments = project
        .assignments
        .iter()
        .filter(|a| gone.contains(&a.task))
        .count();
    (links, assignments)
}

/// The rows a deletion of the task at `index` covers: the task and its subtasks.
pub fn subtree(project: &Project, index: usize) -> (usize, usize) {
    (index, outline::subtree_end(&project.tasks, index) - index)
}
