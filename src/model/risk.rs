//! The risk register.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{ResourceId, RiskId, TaskId};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum RiskCategory {
    #[default]
    Schedule,
    Budget,
    Technical,
    Organisational,
    Supplier,
    Legal,
    Security,
    Human,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum RiskStatus {
    #[default]
    Open,
    Mitigating,
    Occurred,
    Closed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum RiskTrend {
    Rising,
    #[default]
    Stable,
    Falling,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    pub id: RiskId,
    /// Human reference, e.g. `RSK-04`.
    pub code: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub category: RiskCategory,
    /// 1 (rare) to 5 (almost certain).
    pub probability: u8,
    /// 1 (negligible) to 5 (critical).
    pub impact: u8,
    /// Money at stake if it occurs, in the project's currency.
    #[serde(default)]
    pub cost_exposure: f64,
    #[serde(default)]
    pub owner: Option<ResourceId>,
    #[serde(default)]
    pub mitigation: String,
    #[serde(default)]
    pub contingency: String,
    /// Tasks of the plan that carry the mitigation.
    #[serde(default)]
    pub action_tasks: Vec<TaskId>,
    #[serde(default)]
    pub status: RiskStatus,
    #[serde(default)]
    pub trend: RiskTrend,
    pub identified_on: NaiveDate,
}

impl Risk {
    /// Probability × impact, 1–25.
    pub fn exposure(&self) -> u8 {
        self.probability.saturating_mul(self.impact)
    }
}
