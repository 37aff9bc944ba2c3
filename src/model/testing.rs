//! Tests and acceptance: cases, campaigns, runs, load-test measurements, and anomalies.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{
    AnomalyId, CampaignId, DeliverableId, LoadTestId, RequirementId, ResourceId, TaskId,
    TestCaseId, TestRunId,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum TestKind {
    Unit,
    Integration,
    #[default]
    System,
    Load,
    Acceptance,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestCase {
    pub id: TestCaseId,
    pub code: String,
    pub title: String,
    #[serde(default)]
    pub kind: TestKind,
    #[serde(default)]
    pub steps: Vec<String>,
    #[serde(default)]
    pub expected: String,
    #[serde(default)]
    pub requirements: Vec<RequirementId>,
}

/// A set of cases run together in one environment, as a task of the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    pub id: CampaignId,
    pub name: String,
    #[serde(default)]
    pub kind: TestKind,
    #[serde(default)]
    pub task: Option<TaskId>,
    pub start: NaiveDate,
    pub finish: NaiveDate,
    #[serde(default)]
    pub environment: String,
    #[serde(default)]
    pub cases: Vec<TestCaseId>,
    /// The deliverable whose acceptance this campaign gives evidence for.
    #[serde(default)]
    pub deliverable: Option<DeliverableId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum TestResult {
    #[default]
    NotRun,
    Passed,
    Failed,
    Blocked,
}

/// One execution of one case in one campaign.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestRun {
    pub id: TestRunId,
    pub campaign: CampaignId,
    pub case: TestCaseId,
    pub result: TestResult,
    pub date: NaiveDate,
    #[serde(default)]
    pub tester: Option<ResourceId>,
    #[serde(default)]
    pub anomaly: Option<AnomalyId>,
    #[serde(default)]
    pub comment: String,
}

/// A load-test measurement against its target.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoadTest {
    pub id: LoadTestId,
    pub campaign: CampaignId,
    pub scenario: String,
    pub date: NaiveDate,
    pub target_throughput_per_s: f64,
    pub measured_throughput_per_s: f64,
    pub target_latency_p95_ms: f64,
    pub measured_latency_p95_ms: f64,
    #[serde(default)]
    pub concurrent_users: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub enum Severity {
    Blocking,
    Major,
    #[default]
    Minor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub enum AnomalyPriority {
    Urgent,
    High,
    #[default]
    Normal,
    Low,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum AnomalyStatus {
    #[default]
    New,
    Analysed,
    InCorrection,
    Fixed,
    Verified,
    Closed,
    Rejected,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anomaly {
    pub id: AnomalyId,
    /// Human reference, e.g. `ANO-012`.
    pub code: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub severity: Severity,
    #[serde(default)]
    pub priority: AnomalyPriority,
    #[serde(default)]
    pub status: AnomalyStatus,
    #[serde(default)]
    pub found_in: Option<TestRunId>,
    #[serde(default)]
    pub assignee: Option<ResourceId>,
    /// The task of the plan that carries the fix.
    #[serde(default)]
    pub correction_task: Option<TaskId>,
    pub reported_on: NaiveDate,
    #[serde(default)]
    pub closed_on: Option<NaiveDate>,
}
