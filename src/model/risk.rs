//! The risk register.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{ResourceId, RiskId, TaskId};
use super::task::Duration;

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
    /// Chance it occurs, 0–100 %; without it, read from the 1–5 probability (see
    /// [`Risk::occurrence_percent`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurrence_percent: Option<f64>,
    /// What it does to the plan when it occurs, as the risk analysis samples it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub effects: Vec<RiskEffect>,
    /// The risk once its mitigation is in place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mitigated: Option<Mitigated>,
}

/// One consequence of a risk on a task of the plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskEffect {
    pub task: TaskId,
    pub kind: EffectKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum EffectKind {
    /// The task takes this much longer.
    Delay(Duration),
    /// The task costs this much more, in the project's currency.
    Cost(f64),
    /// The task is extra work that only happens when the risk occurs (a contingency task of
    /// the plan): when it does not, the task takes no time and costs nothing.
    ExtraTask,
}

/// A risk after its mitigation: its chance, and the share of each effect that remains.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mitigated {
    pub occurrence_percent: f64,
    /// 100 leaves the effects whole; 50 halves each delay and cost.
    pub effect_percent: f64,
}

impl Risk {
    /// A fresh risk: possible (3) and of moderate impact (3), open, stable, nothing else yet.
    pub fn new(id: RiskId, title: &str, identified_on: NaiveDate) -> Self {
        Risk {
            id,
            code: format!("RSK-{:02}", id.0),
            title: title.to_owned(),
            description: String::new(),
            category: RiskCategory::Schedule,
            probability: 3,
            impact: 3,
            cost_exposure: 0.0,
            owner: None,
            mitigation: String::new(),
            contingency: String::new(),
            action_tasks: Vec::new(),
            status: RiskStatus::Open,
            trend: RiskTrend::Stable,
            identified_on,
            occurrence_percent: None,
            effects: Vec::new(),
            mitigated: None,
        }
    }

    /// Probability × impact, 1–25.
    pub fn exposure(&self) -> u8 {
        self.probability.saturating_mul(self.impact)
    }

    /// Chance it occurs, 0–100 %: the one entered, or the middle of the band of its 1–5
    /// probability (rare 10 %, unlikely 30 %, possible 50 %, likely 70 %, almost certain 90 %).
    pub fn occurrence_percent(&self) -> f64 {
        self.occurrence_percent
            .unwrap_or_else(|| f64::from(self.probability.clamp(1, 5)) * 20.0 - 10.0)
            .clamp(0.0, 100.0)
    }
}
