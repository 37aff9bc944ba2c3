//! What the plan does not know for sure: three-point estimates of task durations and of cost
//! items, read by the schedule risk analysis (`schedule::risk`). A task or a cost item without
//! an estimate is taken as certain.

use serde::{Deserialize, Serialize};

use super::ids::{CostEstimateId, CostItemId, EstimateId, TaskId};
use super::task::Duration;

/// How a three-point estimate spreads between its points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Distribution {
    /// Straight lines from the optimistic point up to the most likely and down to the
    /// pessimistic one: the usual choice, heavy tails.
    #[default]
    Triangular,
    /// PERT's beta (mean (a + 4m + b) / 6): closer to the most likely value than the triangle.
    Pert,
    /// Every value between the optimistic and pessimistic points as likely: no idea of a
    /// most likely value.
    Uniform,
}

impl Distribution {
    pub const ALL: [Distribution; 3] = [
        Distribution::Triangular,
        Distribution::Pert,
        Distribution::Uniform,
    ];
}

/// A three-point estimate of a task's duration. The sampled duration replaces the planned
/// one; of a started task only the remaining part is uncertain.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskEstimate {
    pub id: EstimateId,
    pub task: TaskId,
    pub optimistic: Duration,
    pub most_likely: Duration,
    pub pessimistic: Duration,
    #[serde(default)]
    pub distribution: Distribution,
    /// Tasks of the same group run late (or early) together: their samples are correlated.
    /// Empty: independent.
    #[serde(default)]
    pub group: String,
}

/// A three-point estimate of a cost item's amount, in the project's currency.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostEstimate {
    pub id: CostEstimateId,
    pub item: CostItemId,
    pub low: f64,
    pub likely: f64,
    pub high: f64,
    #[serde(default)]
    pub distribution: Distribution,
}
