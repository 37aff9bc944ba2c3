//! Requirements: the client's needs turned into functional and technical specifications.

use serde::{Deserialize, Serialize};

use super::ids::{DeliverableId, RequirementId, TaskId};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum RequirementKind {
    #[default]
    Functional,
    Technical,
    Security,
    Performance,
    Usability,
    Availability,
    Compliance,
}

/// MoSCoW priority.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub enum Moscow {
    #[default]
    Must,
    Should,
    Could,
    Wont,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum RequirementStatus {
    #[default]
    Draft,
    /// Validated by the project owner.
    Validated,
    Implemented,
    Verified,
    Dropped,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub id: RequirementId,
    /// Human reference, e.g. `REQ-F-001`.
    pub code: String,
    pub title: String,
    #[serde(default)]
    pub parent: Option<RequirementId>,
    #[serde(default)]
    pub kind: RequirementKind,
    #[serde(default)]
    pub priority: Moscow,
    #[serde(default)]
    pub status: RequirementStatus,
    /// Who asked for it (stakeholder, workshop, document).
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub acceptance_criteria: String,
    #[serde(default)]
    pub tasks: Vec<TaskId>,
    #[serde(default)]
    pub deliverables: Vec<DeliverableId>,
}
