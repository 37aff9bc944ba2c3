//! Typed identifiers: every reference between items goes through one of these, never through a
//! position in a vector, so that reordering or deleting an item cannot silently retarget a link.

use serde::{Deserialize, Serialize};

macro_rules! typed_id {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        impl From<$name> for u32 {
            fn from(id: $name) -> u32 {
                id.0
            }
        }
    )*};
}

typed_id!(
    /// A task, phase (summary task) or milestone.
    TaskId,
    /// A working-time calendar.
    CalendarId,
    /// A person, a material or a cost resource.
    ResourceId,
    /// One resource working on one task.
    AssignmentId,
    /// An expense or purchase (licences, hardware, services).
    CostItemId,
    /// A budget envelope for a phase and a year.
    BudgetLineId,
    /// A functional or technical requirement.
    RequirementId,
    /// A deliverable (document, release, training…).
    DeliverableId,
    /// A test case.
    TestCaseId,
    /// A test campaign (a set of cases run together, tied to a task of the plan).
    CampaignId,
    /// One execution of one test case within a campaign.
    TestRunId,
    /// A load-test measurement.
    LoadTestId,
    /// A defect found in testing or production.
    AnomalyId,
    /// A project risk.
    RiskId,
    /// A meeting (steering committee, project committee, workshop).
    MeetingId,
    /// A three-point estimate of a task's duration.
    EstimateId,
    /// A three-point estimate of a cost item.
    CostEstimateId,
);

/// Next free id in a collection: one more than the largest in use, so ids are never reused
/// while an item with that id still exists.
pub fn next_id<I, T>(items: &[T], id_of: impl Fn(&T) -> I) -> u32
where
    I: Into<u32>,
{
    items
        .iter()
        .map(|t| id_of(t).into())
        .max()
        .map_or(1, |m| m + 1)
}
