//! Deliverables and their review, sign-off and acceptance.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{DeliverableId, ResourceId, TaskId};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum DeliverableKind {
    #[default]
    Document,
    SoftwareRelease,
    Module,
    Training,
    Environment,
    Data,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum DeliverableStatus {
    #[default]
    Planned,
    InProgress,
    Delivered,
    InReview,
    Validated,
    Rejected,
}

/// One review verdict, kept as a history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Validation {
    pub by: String,
    pub date: NaiveDate,
    pub approved: bool,
    #[serde(default)]
    pub comment: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AcceptanceVerdict {
    Accepted,
    AcceptedWithReservations,
    Refused,
}

/// The acceptance (recette) decision on a deliverable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acceptance {
    pub verdict: AcceptanceVerdict,
    pub date: NaiveDate,
    pub by: String,
    #[serde(default)]
    pub reservations: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deliverable {
    pub id: DeliverableId,
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub kind: DeliverableKind,
    /// The milestone or task it is due with; its due date comes from the schedule.
    #[serde(default)]
    pub due_with: Option<TaskId>,
    #[serde(default)]
    pub owner: Option<ResourceId>,
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    pub status: DeliverableStatus,
    #[serde(default)]
    pub validations: Vec<Validation>,
    #[serde(default)]
    pub acceptance: Option<Acceptance>,
    #[serde(default)]
    pub description: String,
}
