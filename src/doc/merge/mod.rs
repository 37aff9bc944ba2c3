//! Merging two edited copies of one project by item identity, field by field (`pilote merge`,
//! the git merge driver, the window's "changed on disk"), and listing what changed between two
//! copies (`pilote diff`). Conflicts name the item and the field; the merged project holds
//! "ours" for them and carries their list, which the window resolves.

mod renumber;
pub mod tree;

use serde_json::Value;

use crate::model::{MergeConflict, Project, SchedulingMode, TaskId};

/// The result of a three-way merge.
#[derive(Clone, Debug)]
pub struct Merged {
    /// Scheduled, and holding the conflicts in `merge_conflicts`.
    pub project: Project,
    pub conflicts: Vec<MergeConflict>,
    /// Tasks theirs added under an id ours also used: `(id in theirs, id in the result)`.
    pub renumbered: Vec<(TaskId, TaskId)>,
}

/// One change between two copies, as `pilote diff` prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub item: String,
    pub field: String,
    /// Compact JSON; `None` where the item (or field) is absent.
    pub old: Option<String>,
    pub new: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("the merged document does not read back: {0}")]
    Decode(serde_json::Error),
    #[error("the document cannot be written as a tree: {0}")]
    Encode(serde_json::Error),
    #[error("{0} is no longer in the document")]
    Gone(String),
}

/// The list that holds what merges leave undecided: not merged itself.
const CONFLICTS_KEY: &str = "merge_conflicts";

/// The document as a tree, with the dates the scheduler computes (automatic tasks' start and
/// finish) taken from `base`: they follow from the rest and are computed again after the
/// merge, so they must not clash.
fn tree(project: &Project, base: &Project) -> Result<Value, MergeError> {
    let mut project = project.clone();
    let base_dates: std::collections::HashMap<TaskId, _> = base
        .tasks
        .iter()
        .map(|t| (t.id, (t.start, t.finish)))
        .collect();
    for task in &mut project.tasks {
        if task.mode == SchedulingMode::Auto
            && let Some((start, finish)) = base_dates.get(&task.id)
        {
            (task.start, task.finish) = (*start, *finish);
        }
    }
    project.merge_conflicts.clear();
    let mut value = serde_json::to_value(&project).map_err(MergeError::Encode)?;
    if let Some(object) = value.as_object_mut() {
        object.remove(CONFLICTS_KEY);
    }
    Ok(value)
}

fn compact(value: Option<&Value>) -> Option<String> {
    value.map(Value::to_string)
}

/// Merges `ours` and `theirs`, both edited from `base`.
pub fn merge(base: &Project, ours: &Project, theirs: &Project) -> Result<Merged, MergeError> {
    let mut theirs = theirs.clone();
    let renumbered = renumber::separate_new_tasks(base, ours, &mut theirs);
    let (b, o, t) = (tree(base, base)?, tree(ours, base)?, tree(&theirs, base)?);
    let mut clashes = Vec::new();
    let merged = tree::merge(&mut Vec::new(), Some(&b), Some(&o), Some(&t), &mut clashes)
        .unwrap_or(o.clone());
    let mut project: Project = serde_json::from_value(merged).map_err(MergeError::Decode)?;
    let conflicts: Vec<MergeConflict> = clashes
        .iter()
        .map(|clash| {
            let (item, field) = describe(&clash.path, &[&o, &t, &b]);
            MergeConflict {
                item,
                field,
                path: clash.path.clone(),
                base: compact(clash.base.as_ref()),
                ours: compact(clash.ours.as_ref()),
                theirs: compact(clash.theirs.as_ref()),
            }
        })
        .collect();
    project = super::scheduled_for_saving(&project);
    project.merge_conflicts.clone_from(&conflicts);
    Ok(Merged {
        project,
        conflicts,
        renumbered,
    })
}

/// What changed from `old` to `new`, item by item.
pub fn diff(old: &Project, new: &Project) -> Result<Vec<Change>, MergeError> {
    let encode = |p: &Project| serde_json::to_value(p).map_err(MergeError::Encode);
    let (o, n) = (encode(old)?, encode(new)?);
    let mut found = Vec::new();
    tree::differences(&mut Vec::new(), Some(&o), Some(&n), &mut found);
    Ok(found
        .iter()
        .map(|d| {
            let (item, field) = describe(&d.path, &[&n, &o]);
            Change {
                item,
                field,
                old: compact(d.old.as_ref()),
                new: compact(d.new.as_ref()),
            }
        })
        .collect())
}

fn shown(value: Option<&String>) -> &str {
    value.map_or("(absent)", String::as_str)
}

fn with_field(field: &str) -> String {
    if field.is_empty() {
        String::new()
    } else {
        format!(" {field}")
    }
}

/// One conflict on one line: the item, the field, each side's value.
pub fn conflict_line(conflict: &MergeConflict) -> String {
    format!(
        "CONFLICT {}{}: ours {}, theirs {} (base {}); kept ours",
        conflict.item,
        with_field(&conflict.field),
        shown(conflict.ours.as_ref()),
        shown(conflict.theirs.as_ref()),
        shown(conflict.base.as_ref()),
    )
}

impl Change {
    /// The change on one line: `+` added, `-` removed, `~` changed.
    pub fn line(&self) -> String {
        match (&self.old, &self.new) {
            (None, Some(_)) if self.field.is_empty() => format!("+ {}", self.item),
            (Some(_), None) if self.field.is_empty() => format!("- {}", self.item),
            (old, new) => format!(
                "~ {}{}: {} → {}",
                self.item,
                with_field(&self.field),
                shown(old.as_ref()),
                shown(new.as_ref())
            ),
        }
    }
}

/// Settles a conflict: with `take_theirs`, their value replaces ours; either way the conflict
/// leaves the list. Returns the project to put in place (one undo step for the caller).
pub fn resolve(project: &Project, index: usize, take_theirs: bool) -> Result<Project, MergeError> {
    let Some(conflict) = project.merge_conflicts.get(index) else {
        return Err(MergeError::Gone(format!("conflict {}", index + 1)));
    };
    let mut resolved = if take_theirs {
        let mut value = serde_json::to_value(project).map_err(MergeError::Encode)?;
        let theirs = match &conflict.theirs {
            Some(text) => Some(serde_json::from_str(text).map_err(MergeError::Decode)?),
            None => None,
        };
        if !tree::set(&mut value, &conflict.path, theirs) {
            return Err(MergeError::Gone(conflict.item.clone()));
        }
        serde_json::from_value(value).map_err(MergeError::Decode)?
    } else {
        project.clone()
    };
    resolved.merge_conflicts.remove(index);
    Ok(resolved)
}

/// The item a path points into, as a person names it, and the field within it.
fn describe(path: &[String], documents: &[&Value]) -> (String, String) {
    let Some(collection) = path.first() else {
        return ("project".to_owned(), String::new());
    };
    let Some(key) = path.get(1).and_then(|s| s.strip_prefix('@')) else {
        return ("project".to_owned(), path.join("."));
    };
    let kind = singular(collection);
    let field = path[2..]
        .iter()
        .map(|s| s.strip_prefix('@').map_or(s.clone(), |k| format!("[{k}]")))
        .collect::<Vec<_>>()
        .join(".");
    let name = documents
        .iter()
        .find_map(|d| tree::get(d, &path[..2]))
        .and_then(|item| {
            ["name", "title", "code"]
                .iter()
                .find_map(|f| item.get(*f).and_then(Value::as_str))
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        });
    let key = key.replace('>', " → ");
    let item = match name {
        Some(name) => format!("{kind} {key} “{name}”"),
        None => format!("{kind} {key}"),
    };
    (item, field)
}

/// A collection's item, in words.
fn singular(collection: &str) -> String {
    let word = match collection {
        "tasks" => "task",
        "links" => "link",
        "calendars" => "calendar",
        "resources" => "resource",
        "assignments" => "assignment",
        "cost_items" => "cost item",
        "budget_lines" => "budget line",
        "baselines" => "baseline",
        "requirements" => "requirement",
        "deliverables" => "deliverable",
        "test_cases" => "test case",
        "campaigns" => "campaign",
        "test_runs" => "test run",
        "load_tests" => "load test",
        "anomalies" => "anomaly",
        "risks" => "risk",
        "meetings" => "meeting",
        "task_estimates" => "estimate",
        "cost_estimates" => "cost estimate",
        other => return other.replace('_', " "),
    };
    word.to_owned()
}
