//! Money outside of work × rate: expenses, budget envelopes, and the baselines the plan is
//! compared with.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::ids::{BudgetLineId, CostItemId, TaskId};
use super::task::Accrual;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum CostCategory {
    #[default]
    Labour,
    Licences,
    Hardware,
    Services,
    Travel,
    Training,
    Other,
}

/// An expense: planned or actual, attached to a task or to the project.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostItem {
    pub id: CostItemId,
    pub label: String,
    #[serde(default)]
    pub task: Option<TaskId>,
    #[serde(default)]
    pub category: CostCategory,
    pub amount: f64,
    pub date: NaiveDate,
    /// Paid to a provider rather than spent internally.
    #[serde(default)]
    pub external: bool,
    /// Already spent (actual cost) rather than forecast.
    #[serde(default)]
    pub actual: bool,
    #[serde(default)]
    pub accrual: Accrual,
}

/// A budget envelope for a phase (a summary task, or the whole project) in a calendar year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetLine {
    pub id: BudgetLineId,
    #[serde(default)]
    pub phase: Option<TaskId>,
    pub year: i32,
    #[serde(default)]
    pub category: CostCategory,
    pub amount: f64,
    #[serde(default)]
    pub label: String,
}

/// One task as it was when a baseline was saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineTask {
    pub task: TaskId,
    pub start: NaiveDateTime,
    pub finish: NaiveDateTime,
    pub duration_minutes: i64,
    #[serde(default)]
    pub work_minutes: i64,
    /// The task's own cost (its assignments, fixed cost and attached cost items), not the sum
    /// of its subtasks: summaries add their subtasks' costs when compared.
    #[serde(default)]
    pub cost: f64,
}

/// A saved copy of the plan: "Baseline" is number 0, then "Baseline 1" to "Baseline 10".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub number: u8,
    pub saved_on: NaiveDate,
    #[serde(default)]
    pub label: String,
    pub tasks: Vec<BaselineTask>,
}
