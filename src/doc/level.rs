//! Resource leveling as one undoable edit: the window's *Level resources* and `pilote level`
//! both go through here, so they delay the same tasks.

use chrono::NaiveDate;

use super::edit::Edit;
use crate::model::{Project, TaskId};
use crate::schedule::leveling::{self, Options, Unresolved};

/// Level (with these options) or clear the leveling (of the tasks starting in the range, or
/// of every task).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LevelRequest {
    Level(Options),
    Clear(Option<(NaiveDate, NaiveDate)>),
}

/// What a leveling run decided.
#[derive(Clone, Debug, PartialEq)]
pub struct Leveled {
    /// The edit that sets the new delays; `None` when no delay changes.
    pub edit: Option<Edit>,
    /// Tasks delayed (or whose delay was cleared).
    pub delayed: usize,
    /// What leveling could not resolve.
    pub unresolved: Vec<Unresolved>,
}

/// The edit leveling (or clearing it) makes, with what it did and could not do.
pub fn level(project: &Project, request: LevelRequest) -> Result<Leveled, String> {
    let (delays, delayed, unresolved) = match request {
        LevelRequest::Clear(range) => {
            let delays = leveling::clear(project, range);
            let n = delays.len();
            (delays, n, Vec::new())
        }
        LevelRequest::Level(options) => {
            let o = leveling::level(project, &options)?;
            (o.delays, o.delayed, o.unresolved)
        }
    };
    Ok(Leveled {
        edit: (!delays.is_empty()).then_some(Edit::SetLevelingDelays(delays)),
        delayed,
        unresolved,
    })
}

/// One line saying why a task stayed over-allocated, naming the task.
pub fn unresolved_text(project: &Project, unresolved: &Unresolved) -> String {
    let name = |id: TaskId| {
        project
            .tasks
            .iter()
            .find(|t| t.id == id)
            .map_or_else(|| id.to_string(), |t| t.name.clone())
    };
    match unresolved {
        Unresolved::DemandAboveCapacity { task, resource } => {
            format!(
                "needs more of {resource} than {resource} has: {}",
                name(*task)
            )
        }
        Unresolved::BeyondSlack(task) => format!("would slip beyond its slack: {}", name(*task)),
        Unresolved::Fixed(task) => format!("started or pinned, not moved: {}", name(*task)),
    }
}
