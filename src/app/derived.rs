//! Data derived from the document for the views, recomputed only when the document's revision
//! changes, never every frame.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::model::{Project, TaskId, outline};
use crate::schedule::cpm::{self, Schedule};

pub struct Derived {
    /// The document revision this was computed from.
    pub revision: u64,
    /// Row index of each task.
    pub rows: HashMap<TaskId, usize>,
    pub wbs: Vec<String>,
    pub summary: Vec<bool>,
    /// For each row, the indices in `Project::links` of the links into it.
    pub predecessors: Vec<Vec<usize>>,
    /// For each row, its resources as MS Project shows them: "Alice, Bob[50%]".
    pub resources: Vec<String>,
    pub milestone_count: usize,
    pub summary_count: usize,
    /// The computed schedule, or why there is none (a dependency cycle, a broken calendar).
    pub schedule: Result<Schedule, String>,
}

impl Default for Derived {
    fn default() -> Self {
        Self {
            revision: 0,
            rows: HashMap::new(),
            wbs: Vec::new(),
            summary: Vec::new(),
            predecessors: Vec::new(),
            resources: Vec::new(),
            milestone_count: 0,
            summary_count: 0,
            schedule: Err(String::new()),
        }
    }
}

impl Derived {
    pub fn compute(project: &Project, revision: u64) -> Self {
        let tasks = &project.tasks;
        let rows = outline::positions(tasks);
        let summary: Vec<bool> = (0..tasks.len())
            .map(|i| outline::is_summary(tasks, i))
            .collect();
        let mut predecessors = vec![Vec::new(); tasks.len()];
        for (k, link) in project.links.iter().enumerate() {
            if let Some(&row) = rows.get(&link.successor) {
                predecessors[row].push(k);
            }
        }
        let names: HashMap<_, _> = project
            .resources
            .iter()
            .map(|r| (r.id, r.name.as_str()))
            .collect();
        let mut resources = vec![String::new(); tasks.len()];
        for a in &project.assignments {
            if let (Some(&row), Some(name)) = (rows.get(&a.task), names.get(&a.resource)) {
                let cell = &mut resources[row];
                if !cell.is_empty() {
                    cell.push_str(", ");
                }
                cell.push_str(name);
                if (a.units - 1.0).abs() > 1e-9 {
                    let _ = write!(cell, "[{:.0}%]", a.units * 100.0);
                }
            }
        }
        Self {
            revision,
            wbs: outline::wbs_codes(tasks),
            milestone_count: tasks.iter().filter(|t| t.milestone).count(),
            summary_count: summary.iter().filter(|s| **s).count(),
            rows,
            summary,
            predecessors,
            resources,
            schedule: cpm::schedule(project).map_err(|e| e.to_string()),
        }
    }

    /// Start and finish of row `index` as scheduled (as entered when there is no schedule).
    pub fn dates(
        &self,
        project: &Project,
        index: usize,
    ) -> (chrono::NaiveDateTime, chrono::NaiveDateTime) {
        match &self.schedule {
            Ok(s) => s.tasks.get(index).map_or(
                (project.tasks[index].start, project.tasks[index].finish),
                |d| (d.start, d.finish),
            ),
            Err(_) => (project.tasks[index].start, project.tasks[index].finish),
        }
    }
}
