//! People, materials and cost resources, and their assignments to tasks.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{AssignmentId, CalendarId, ResourceId, TaskId};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ResourceKind {
    /// A person (or a team counted in full-time equivalents): has a calendar and a capacity.
    #[default]
    Person,
    /// Consumed by quantity (licences, servers).
    Material,
    /// A cost entered per task (travel, training fees).
    Cost,
}

/// Where the resource comes from: the company's own staff or a provider under contract.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Origin {
    #[default]
    Internal,
    External {
        provider: String,
        contract: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    pub name: String,
    /// 1 (notions) to 5 (expert).
    pub level: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum RatePer {
    #[default]
    Hour,
    Day,
    Week,
    Month,
}

/// A price of work: `amount` in the project's currency per `per`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Rate {
    pub amount: f64,
    pub per: RatePer,
}

/// A period the resource is away (holiday, training, another project).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Leave {
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[serde(default)]
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    pub id: ResourceId,
    pub name: String,
    #[serde(default)]
    pub initials: String,
    #[serde(default)]
    pub kind: ResourceKind,
    #[serde(default)]
    pub origin: Origin,
    #[serde(default)]
    pub team: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub skills: Vec<Skill>,
    #[serde(default)]
    pub standard_rate: Rate,
    #[serde(default)]
    pub overtime_rate: Rate,
    #[serde(default)]
    pub cost_per_use: f64,
    /// Capacity as a fraction of full time: 1.0 = 100 %, 0.5 = half time, 3.0 = a team of three.
    #[serde(default = "one")]
    pub max_units: f64,
    #[serde(default)]
    pub calendar: Option<CalendarId>,
    #[serde(default)]
    pub leave: Vec<Leave>,
    #[serde(default)]
    pub available_from: Option<NaiveDate>,
    #[serde(default)]
    pub available_to: Option<NaiveDate>,
    /// Unit label of a material resource ("licence", "server").
    #[serde(default)]
    pub material_label: String,
    #[serde(default)]
    pub notes: String,
}

fn one() -> f64 {
    1.0
}

impl Resource {
    pub fn person(id: ResourceId, name: &str) -> Self {
        Self {
            id,
            name: name.to_owned(),
            initials: String::new(),
            kind: ResourceKind::Person,
            origin: Origin::Internal,
            team: String::new(),
            role: String::new(),
            email: String::new(),
            skills: Vec::new(),
            // IT staff and providers are priced by the day (TJM), not by the hour.
            standard_rate: Rate {
                amount: 0.0,
                per: RatePer::Day,
            },
            overtime_rate: Rate {
                amount: 0.0,
                per: RatePer::Day,
            },
            cost_per_use: 0.0,
            max_units: 1.0,
            calendar: None,
            leave: Vec::new(),
            available_from: None,
            available_to: None,
            material_label: String::new(),
            notes: String::new(),
        }
    }
}

/// A resource working on a task.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    pub id: AssignmentId,
    pub task: TaskId,
    pub resource: ResourceId,
    /// 1.0 = full time on this task.
    pub units: f64,
    pub work_minutes: i64,
    #[serde(default)]
    pub actual_work_minutes: i64,
    /// The part of `work_minutes` done as overtime, paid at the resource's overtime rate (as in
    /// MS Project, overtime is included in work).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub overtime_work_minutes: i64,
    /// How the work is spread over the assignment (MS Project's work contour). Pilote spreads
    /// it evenly in the load; a shaped assignment lasts as long as its task, not work ÷ units.
    #[serde(default, skip_serializing_if = "WorkContour::is_flat")]
    pub contour: WorkContour,
    /// For a shaped assignment, how long it lasts in working minutes of its resource's
    /// calendar, as the file that shaped it says (the shape is not recomputed); `None`: as long
    /// as the task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shaped_span_minutes: Option<i64>,
    /// Working minutes after the task's start before this resource starts on it (MS Project's
    /// assignment delay and assignment leveling delay).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub delay_minutes: i64,
}

impl Assignment {
    /// `resource` on `task` at `units` (1.0 = full time) for `work_minutes`: nothing done yet,
    /// no overtime, the work spread flat from the task's start.
    pub fn new(
        id: AssignmentId,
        (task, resource): (TaskId, ResourceId),
        units: f64,
        work_minutes: i64,
    ) -> Self {
        Self {
            id,
            task,
            resource,
            units,
            work_minutes,
            actual_work_minutes: 0,
            overtime_work_minutes: 0,
            contour: WorkContour::Flat,
            shaped_span_minutes: None,
            delay_minutes: 0,
        }
    }
}

/// MS Project's work contours: flat, the eight shapes, and "contoured" (edited by hand).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum WorkContour {
    #[default]
    Flat,
    BackLoaded,
    FrontLoaded,
    DoublePeak,
    EarlyPeak,
    LatePeak,
    Bell,
    Turtle,
    Contoured,
}

impl WorkContour {
    /// MSPDI's `WorkContour` code.
    pub fn from_code(code: i64) -> Self {
        match code {
            1 => Self::BackLoaded,
            2 => Self::FrontLoaded,
            3 => Self::DoublePeak,
            4 => Self::EarlyPeak,
            5 => Self::LatePeak,
            6 => Self::Bell,
            7 => Self::Turtle,
            8 => Self::Contoured,
            _ => Self::Flat,
        }
    }

    /// MSPDI's `WorkContour` code (see [`WorkContour::from_code`]).
    pub fn code(self) -> i64 {
        match self {
            Self::Flat => 0,
            Self::BackLoaded => 1,
            Self::FrontLoaded => 2,
            Self::DoublePeak => 3,
            Self::EarlyPeak => 4,
            Self::LatePeak => 5,
            Self::Bell => 6,
            Self::Turtle => 7,
            Self::Contoured => 8,
        }
    }

    #[allow(
        clippy::trivially_copy_pass_by_ref,
        reason = "serde's skip_serializing_if signature"
    )]
    pub fn is_flat(&self) -> bool {
        *self == Self::Flat
    }
}

#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if signature (flagged on 64-bit targets only)"
)]
fn is_zero(value: &i64) -> bool {
    *value == 0
}
