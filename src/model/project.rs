//! The document: one project and everything a project manager answers for.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::calendar::Calendar;
use super::cost::{Baseline, BudgetLine, CostItem};
use super::deliverable::Deliverable;
use super::estimate::{CostEstimate, TaskEstimate};
use super::ids::CalendarId;
use super::meeting::Meeting;
use super::merge::MergeConflict;
use super::resource::{Assignment, Resource};
use super::risk::Risk;
use super::spec::Requirement;
use super::task::{Link, Task};
use super::testing::{Anomaly, Campaign, LoadTest, TestCase, TestRun};

/// The document format this build writes. Older files are migrated on load; newer ones are
/// refused (see `io::document`).
pub const FORMAT_VERSION: u32 = 1;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Methodology {
    /// Sequential phases (cycle en V).
    #[default]
    Waterfall,
    Agile,
    Hybrid,
}

/// Language and date conventions of the project's own documents (reports, exports).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Locale {
    #[default]
    FrFr,
    EnGb,
    EnUs,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectMeta {
    pub name: String,
    #[serde(default)]
    pub code: String,
    /// The client / project owner (maîtrise d'ouvrage).
    #[serde(default)]
    pub client: String,
    #[serde(default)]
    pub sponsor: String,
    #[serde(default)]
    pub manager: String,
    #[serde(default)]
    pub description: String,
    /// ISO 4217 code, e.g. "EUR".
    #[serde(default = "default_currency")]
    pub currency: String,
    #[serde(default)]
    pub methodology: Methodology,
    pub start: NaiveDate,
    /// Time of day the project starts when it is not the default start time (imported plans).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<NaiveTime>,
    /// The date progress is reported at; `None` until the first status update.
    #[serde(default)]
    pub status_date: Option<NaiveDate>,
    #[serde(default)]
    pub locale: Locale,
}

fn default_currency() -> String {
    "EUR".to_owned()
}

/// How durations convert between units and where a day starts: MS Project's "Calendar"
/// options.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleSettings {
    pub calendar: CalendarId,
    pub minutes_per_day: u32,
    pub minutes_per_week: u32,
    pub days_per_month: u32,
    pub default_start_time: NaiveTime,
    pub default_finish_time: NaiveTime,
}

impl ScheduleSettings {
    /// Minutes in one `unit`: working minutes under these conversions, or calendar minutes for
    /// elapsed units (an elapsed month is 30 days, as in MS Project).
    pub fn minutes_per(&self, unit: super::task::DurationUnit) -> f64 {
        use super::task::DurationUnit as U;
        let day = f64::from(self.minutes_per_day);
        match unit {
            U::Minutes | U::ElapsedMinutes => 1.0,
            U::Hours | U::ElapsedHours => 60.0,
            U::Days => day,
            U::Weeks => f64::from(self.minutes_per_week),
            U::Months => f64::from(self.days_per_month) * day,
            U::ElapsedDays => 1440.0,
            U::ElapsedWeeks => 7.0 * 1440.0,
            U::ElapsedMonths => 30.0 * 1440.0,
        }
    }
}

impl Default for ScheduleSettings {
    fn default() -> Self {
        Self {
            calendar: CalendarId(1),
            minutes_per_day: 480,
            minutes_per_week: 2400,
            days_per_month: 20,
            default_start_time: NaiveTime::from_hms_opt(8, 0, 0).unwrap_or_default(),
            default_finish_time: NaiveTime::from_hms_opt(17, 0, 0).unwrap_or_default(),
        }
    }
}

/// Red / amber / green thresholds for the dashboard tiles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RagThresholds {
    /// SPI or CPI at or above this is green.
    pub index_green: f64,
    /// SPI or CPI at or above this (and below green) is amber; below is red.
    pub index_amber: f64,
    /// Share of requirements covered by at least one test case (0–1) at or above which scope
    /// is green.
    #[serde(default = "coverage_green")]
    pub coverage_green: f64,
    /// Coverage at or above this (and below green) is amber; below is red.
    #[serde(default = "coverage_amber")]
    pub coverage_amber: f64,
    /// Open blocking anomalies up to this count are amber; none is green; more is red.
    #[serde(default = "one_u32")]
    pub blocking_anomalies_amber: u32,
    /// Open risks of exposure (probability × impact) at or above this are "critical".
    #[serde(default = "critical_exposure")]
    pub critical_risk_exposure: u8,
    /// Open critical risks up to this count are amber; none is green; more is red.
    #[serde(default = "two_u32")]
    pub critical_risks_amber: u32,
    /// Forecast finish later than the baseline's by more than this many calendar days turns
    /// the schedule amber (whatever the SPI)…
    #[serde(default)]
    pub slip_green_days: i64,
    /// …and by more than this, red.
    #[serde(default = "slip_amber_days")]
    pub slip_amber_days: i64,
}

fn slip_amber_days() -> i64 {
    30
}

fn coverage_green() -> f64 {
    0.9
}
fn coverage_amber() -> f64 {
    0.75
}
fn one_u32() -> u32 {
    1
}
fn two_u32() -> u32 {
    2
}
fn critical_exposure() -> u8 {
    15
}

impl Default for RagThresholds {
    fn default() -> Self {
        Self {
            index_green: 0.95,
            index_amber: 0.85,
            coverage_green: coverage_green(),
            coverage_amber: coverage_amber(),
            blocking_anomalies_amber: one_u32(),
            critical_risk_exposure: critical_exposure(),
            critical_risks_amber: two_u32(),
            slip_green_days: 0,
            slip_amber_days: slip_amber_days(),
        }
    }
}

/// How the estimate at completion is forecast (the usual earned-value formulas).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum EacMethod {
    /// EAC = BAC / CPI: the cost efficiency so far continues.
    #[default]
    Cpi,
    /// EAC = AC + (BAC − EV): the remaining work goes as budgeted.
    Budget,
    /// EAC = AC + (BAC − EV) / (CPI × SPI): cost and schedule performance both weigh.
    CpiSpi,
}

impl EacMethod {
    pub const ALL: [EacMethod; 3] = [EacMethod::Cpi, EacMethod::Budget, EacMethod::CpiSpi];
}

/// Earned-value options: which baseline the plan is compared with and how EAC is forecast.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct EarnedValueSettings {
    /// 0 = "Baseline", 1–10 = "Baseline 1" … "Baseline 10".
    #[serde(default)]
    pub baseline: u8,
    #[serde(default)]
    pub eac: EacMethod,
}

/// One project file. Collections keep a deterministic order (tasks in outline order, other
/// items by id) so that saved files diff cleanly.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub format_version: u32,
    pub meta: ProjectMeta,
    #[serde(default)]
    pub settings: ScheduleSettings,
    #[serde(default)]
    pub rag: RagThresholds,
    #[serde(default)]
    pub earned_value: EarnedValueSettings,
    pub calendars: Vec<Calendar>,
    #[serde(default)]
    pub tasks: Vec<Task>,
    #[serde(default)]
    pub links: Vec<Link>,
    #[serde(default)]
    pub resources: Vec<Resource>,
    #[serde(default)]
    pub assignments: Vec<Assignment>,
    #[serde(default)]
    pub cost_items: Vec<CostItem>,
    #[serde(default)]
    pub budget_lines: Vec<BudgetLine>,
    #[serde(default)]
    pub baselines: Vec<Baseline>,
    #[serde(default)]
    pub requirements: Vec<Requirement>,
    #[serde(default)]
    pub deliverables: Vec<Deliverable>,
    #[serde(default)]
    pub test_cases: Vec<TestCase>,
    #[serde(default)]
    pub campaigns: Vec<Campaign>,
    #[serde(default)]
    pub test_runs: Vec<TestRun>,
    #[serde(default)]
    pub load_tests: Vec<LoadTest>,
    #[serde(default)]
    pub anomalies: Vec<Anomaly>,
    #[serde(default)]
    pub risks: Vec<Risk>,
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    /// Three-point estimates of task durations, for the risk analysis.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub task_estimates: Vec<TaskEstimate>,
    /// Three-point estimates of cost items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cost_estimates: Vec<CostEstimate>,
    /// What `pilote merge` left undecided, until the user picks in the window.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_conflicts: Vec<MergeConflict>,
}

impl Project {
    /// An empty project starting on `start`, with MS Project's standard calendar.
    pub fn new(name: &str, start: NaiveDate) -> Self {
        Self {
            format_version: FORMAT_VERSION,
            meta: ProjectMeta {
                name: name.to_owned(),
                code: String::new(),
                client: String::new(),
                sponsor: String::new(),
                manager: String::new(),
                description: String::new(),
                currency: default_currency(),
                methodology: Methodology::Waterfall,
                start,
                start_time: None,
                status_date: None,
                locale: Locale::FrFr,
            },
            settings: ScheduleSettings::default(),
            rag: RagThresholds::default(),
            earned_value: EarnedValueSettings::default(),
            calendars: vec![Calendar::standard(CalendarId(1), "Standard")],
            tasks: Vec::new(),
            links: Vec::new(),
            resources: Vec::new(),
            assignments: Vec::new(),
            cost_items: Vec::new(),
            budget_lines: Vec::new(),
            baselines: Vec::new(),
            requirements: Vec::new(),
            deliverables: Vec::new(),
            test_cases: Vec::new(),
            campaigns: Vec::new(),
            test_runs: Vec::new(),
            load_tests: Vec::new(),
            anomalies: Vec::new(),
            risks: Vec::new(),
            meetings: Vec::new(),
            task_estimates: Vec::new(),
            cost_estimates: Vec::new(),
            merge_conflicts: Vec::new(),
        }
    }
}
