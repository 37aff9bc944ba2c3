//! The plan: tasks (phases, tasks, milestones) in outline order, and the links between them.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::ids::{CalendarId, TaskId};

/// The unit a duration or a lag was entered in. `Elapsed*` units run round the clock, ignoring
/// calendars, as MS Project's "ed", "eh"… units do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum DurationUnit {
    Minutes,
    Hours,
    #[default]
    Days,
    Weeks,
    Months,
    ElapsedMinutes,
    ElapsedHours,
    ElapsedDays,
    ElapsedWeeks,
    ElapsedMonths,
}

impl DurationUnit {
    pub const ALL: [DurationUnit; 10] = [
        DurationUnit::Minutes,
        DurationUnit::Hours,
        DurationUnit::Days,
        DurationUnit::Weeks,
        DurationUnit::Months,
        DurationUnit::ElapsedMinutes,
        DurationUnit::ElapsedHours,
        DurationUnit::ElapsedDays,
        DurationUnit::ElapsedWeeks,
        DurationUnit::ElapsedMonths,
    ];

    pub fn is_elapsed(self) -> bool {
        matches!(
            self,
            DurationUnit::ElapsedMinutes
                | DurationUnit::ElapsedHours
                | DurationUnit::ElapsedDays
                | DurationUnit::ElapsedWeeks
                | DurationUnit::ElapsedMonths
        )
    }
}

/// The longest duration, lag or delay the model holds, in minutes: 200 years of elapsed time.
/// Validation names a value beyond it; the scheduler holds such a value at the limit.
pub const MAX_DURATION_MINUTES: f64 = 200.0 * 365.25 * 1440.0;

/// An amount of time as the user entered it ("5d", "2.5w", "3ed").
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Duration {
    pub amount: f64,
    pub unit: DurationUnit,
}

impl Duration {
    pub fn days(amount: f64) -> Self {
        Self {
            amount,
            unit: DurationUnit::Days,
        }
    }

    pub fn zero() -> Self {
        Self::days(0.0)
    }
}

/// How MS Project's constraint types pin a task. Dated constraints carry their date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Constraint {
    /// As soon as possible.
    #[default]
    Asap,
    /// As late as possible.
    Alap,
    StartNoEarlierThan(NaiveDateTime),
    StartNoLaterThan(NaiveDateTime),
    FinishNoEarlierThan(NaiveDateTime),
    FinishNoLaterThan(NaiveDateTime),
    MustStartOn(NaiveDateTime),
    MustFinishOn(NaiveDateTime),
}

/// Which way a dated constraint holds a task at its date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pin {
    /// Not before the date (start or finish no earlier than): the task may move later.
    NoEarlier,
    /// Not after it (start or finish no later than): the task may move earlier.
    NoLater,
    /// Exactly on it (must start or finish on).
    On,
}

impl Constraint {
    /// The constraint's date and how it holds the task there; `None` for as soon or as late
    /// as possible.
    pub fn pin(self) -> Option<(NaiveDateTime, Pin)> {
        match self {
            Constraint::Asap | Constraint::Alap => None,
            Constraint::StartNoEarlierThan(at) | Constraint::FinishNoEarlierThan(at) => {
                Some((at, Pin::NoEarlier))
            }
            Constraint::StartNoLaterThan(at) | Constraint::FinishNoLaterThan(at) => {
                Some((at, Pin::NoLater))
            }
            Constraint::MustStartOn(at) | Constraint::MustFinishOn(at) => Some((at, Pin::On)),
        }
    }
}

/// Whether the scheduler computes the task's dates or keeps the ones entered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum SchedulingMode {
    #[default]
    Auto,
    Manual,
}

/// Which of units, duration or work stays fixed when one of the others changes (MS Project).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum TaskType {
    #[default]
    FixedUnits,
    FixedDuration,
    FixedWork,
}

/// When a fixed cost is incurred.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Accrual {
    Start,
    #[default]
    Prorated,
    End,
}

/// A row of the plan. Whether it is a summary (phase) is not stored: a task is a summary when
/// the next row is indented below it, as in MS Project.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    pub id: TaskId,
    pub name: String,
    /// 1 for a top-level row; a row may be at most one level deeper than the row above it.
    pub outline_level: u8,
    #[serde(default)]
    pub milestone: bool,
    #[serde(default)]
    pub mode: SchedulingMode,
    pub duration: Duration,
    /// Current start and finish: computed by the scheduler for auto-scheduled tasks, entered for
    /// manual ones. Stored so that a file shows the plan as it was last scheduled.
    pub start: NaiveDateTime,
    pub finish: NaiveDateTime,
    #[serde(default)]
    pub constraint: Constraint,
    #[serde(default)]
    pub deadline: Option<NaiveDate>,
    /// 0–1000, 500 by default; 1000 means "do not level".
    #[serde(default = "default_priority")]
    pub priority: u16,
    #[serde(default)]
    pub percent_complete: u8,
    #[serde(default)]
    pub actual_start: Option<NaiveDateTime>,
    #[serde(default)]
    pub actual_finish: Option<NaiveDateTime>,
    #[serde(default)]
    pub calendar: Option<CalendarId>,
    #[serde(default)]
    pub task_type: TaskType,
    /// Scheduled on its own calendar even when its resources have theirs (MS Project's
    /// "Ignore resource calendars").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ignore_resource_calendars: bool,
    #[serde(default = "default_true")]
    pub effort_driven: bool,
    #[serde(default)]
    pub fixed_cost: f64,
    #[serde(default)]
    pub fixed_cost_accrual: Accrual,
    /// Skills the work needs (matched against resources' skills when staffing).
    #[serde(default)]
    pub required_skills: Vec<String>,
    /// Delay added by resource leveling before the task may start (working or elapsed time).
    #[serde(default)]
    pub leveling_delay: Duration,
    #[serde(default)]
    pub notes: String,
}

fn default_priority() -> u16 {
    500
}

fn default_true() -> bool {
    true
}

impl Task {
    pub fn new(id: TaskId, name: &str, outline_level: u8, start: NaiveDateTime) -> Self {
        Self {
            id,
            name: name.to_owned(),
            outline_level,
            milestone: false,
            mode: SchedulingMode::Auto,
            duration: Duration::days(1.0),
            start,
            finish: start,
            constraint: Constraint::Asap,
            deadline: None,
            priority: default_priority(),
            percent_complete: 0,
            actual_start: None,
            actual_finish: None,
            calendar: None,
            task_type: TaskType::FixedUnits,
            ignore_resource_calendars: false,
            effort_driven: true,
            fixed_cost: 0.0,
            fixed_cost_accrual: Accrual::Prorated,
            required_skills: Vec::new(),
            leveling_delay: Duration::zero(),
            notes: String::new(),
        }
    }
}

/// The four dependency types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum LinkKind {
    #[default]
    FinishToStart,
    StartToStart,
    FinishToFinish,
    StartToFinish,
}

impl LinkKind {
    pub const ALL: [LinkKind; 4] = [
        LinkKind::FinishToStart,
        LinkKind::StartToStart,
        LinkKind::FinishToFinish,
        LinkKind::StartToFinish,
    ];

    /// Whether the link leaves its predecessor at its finish (FS, FF) rather than its start.
    pub fn from_finish(self) -> bool {
        matches!(self, LinkKind::FinishToStart | LinkKind::FinishToFinish)
    }

    /// Whether the link reaches its successor at its finish (FF, SF) rather than its start.
    pub fn to_finish(self) -> bool {
        matches!(self, LinkKind::FinishToFinish | LinkKind::StartToFinish)
    }

    /// MS Project's two-letter code.
    pub fn code(self) -> &'static str {
        match self {
            LinkKind::FinishToStart => "FS",
            LinkKind::StartToStart => "SS",
            LinkKind::FinishToFinish => "FF",
            LinkKind::StartToFinish => "SF",
        }
    }
}

/// A lag (positive) or lead (negative): a duration, or a percentage of the predecessor's
/// duration.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, Default)]
pub enum Lag {
    #[default]
    None,
    Time(Duration),
    PercentOfPredecessor(f64),
}

/// "`successor` depends on `predecessor`".
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub predecessor: TaskId,
    pub successor: TaskId,
    #[serde(default)]
    pub kind: LinkKind,
    #[serde(default)]
    pub lag: Lag,
}
