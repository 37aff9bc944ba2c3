//! Steering committees (COPIL) and other meetings: minutes, decisions and action items.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::ids::{MeetingId, ResourceId, RiskId, TaskId};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum MeetingKind {
    /// Comité de pilotage: sponsor and project owner decide.
    #[default]
    SteeringCommittee,
    /// Comité de projet: the team's weekly follow-up.
    ProjectCommittee,
    Workshop,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub text: String,
    #[serde(default)]
    pub decided_by: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ActionStatus {
    #[default]
    Open,
    Done,
    Cancelled,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    pub text: String,
    #[serde(default)]
    pub owner: Option<ResourceId>,
    #[serde(default)]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub status: ActionStatus,
    /// The task of the plan the action became, if any.
    #[serde(default)]
    pub task: Option<TaskId>,
    /// The risk the action answers, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<RiskId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub id: MeetingId,
    pub title: String,
    #[serde(default)]
    pub kind: MeetingKind,
    pub date: NaiveDateTime,
    #[serde(default)]
    pub attendees: Vec<String>,
    /// Attendees from outside the company (provider, auditor).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub external_attendees: Vec<String>,
    /// The points to cover, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agenda: Vec<String>,
    #[serde(default)]
    pub minutes: String,
    #[serde(default)]
    pub decisions: Vec<Decision>,
    #[serde(default)]
    pub actions: Vec<ActionItem>,
}
