//! Every choice a form offers among an enum's values, with its label: one trait, one table.
//! Pickers list [`Choice::ALL`] in this order; lists and reports show [`Choice::label`].

use crate::i18n::{Lang, T};
use crate::model::{
    AcceptanceVerdict, Accrual, ActionStatus, AnomalyPriority, AnomalyStatus, CostCategory,
    DeliverableKind, DeliverableStatus, Distribution, LinkKind, MeetingKind, Moscow, RatePer,
    RequirementKind, RequirementStatus, ResourceKind, RiskCategory, RiskStatus, RiskTrend,
    Severity, TaskType, TestKind, TestResult,
};
use crate::schedule::cost::Period;
use crate::schedule::trace::Coverage;

/// An enum a form picks from.
pub trait Choice: Copy + PartialEq + 'static {
    /// Every value, in the order pickers show them.
    const ALL: &'static [Self];
    fn label(self) -> T;

    /// Each value with its label in `lang`, for a picker.
    fn options(lang: Lang) -> Vec<(Self, &'static str)> {
        Self::ALL
            .iter()
            .map(|v| (*v, v.label().get(lang)))
            .collect()
    }
}

macro_rules! choices {
    ($($ty:ty { $($variant:ident => $text:ident),* $(,)? })*) => {$(
        impl Choice for $ty {
            const ALL: &'static [Self] = &[$(<$ty>::$variant),*];
            fn label(self) -> T {
                match self {
                    $(<$ty>::$variant => T::$text,)*
                }
            }
        }
    )*};
}

choices! {
    Distribution {
        Triangular => DistTriangular,
        Pert => DistPert,
        Uniform => DistUniform,
    }
    RiskCategory {
        Schedule => RiskSchedule,
        Budget => RiskBudget,
        Technical => RiskTechnical,
        Organisational => RiskOrganisational,
        Supplier => RiskSupplier,
        Legal => RiskLegal,
        Security => RiskSecurity,
        Human => RiskHuman,
    }
    RiskStatus {
        Open => RiskOpen,
        Mitigating => RiskMitigating,
        Occurred => RiskOccurred,
        Closed => RiskClosed,
    }
    RiskTrend {
        Rising => TrendRising,
        Stable => TrendStable,
        Falling => TrendFalling,
    }
    MeetingKind {
        SteeringCommittee => Copil,
        ProjectCommittee => Coproj,
        Workshop => Workshop,
    }
    ActionStatus {
        Open => ActionOpen,
        Done => ActionDone,
        Cancelled => ActionCancelled,
    }
    CostCategory {
        Labour => CatLabour,
        Licences => CatLicences,
        Hardware => CatHardware,
        Services => CatServices,
        Travel => CatTravel,
        Training => CatTraining,
        Other => CatOther,
    }
    Accrual {
        Start => AccrualStart,
        Prorated => AccrualProrated,
        End => AccrualEnd,
    }
    Moscow {
        Must => MoscowMust,
        Should => MoscowShould,
        Could => MoscowCould,
        Wont => MoscowWont,
    }
    RequirementKind {
        Functional => ReqFunctional,
        Technical => ReqTechnical,
        Security => ReqSecurity,
        Performance => ReqPerformance,
        Usability => ReqUsability,
        Availability => ReqAvailability,
        Compliance => ReqCompliance,
    }
    RequirementStatus {
        Draft => ReqDraft,
        Validated => ReqValidated,
        Implemented => ReqImplemented,
        Verified => ReqVerified,
        Dropped => ReqDropped,
    }
    Coverage {
        Untested => CovUntested,
        InProgress => CovInProgress,
        Passed => CovPassed,
        Failed => CovFailed,
    }
    TestResult {
        NotRun => ResNotRun,
        Passed => ResPassed,
        Failed => ResFailed,
        Blocked => ResBlocked,
    }
    Severity {
        Blocking => SevBlocking,
        Major => SevMajor,
        Minor => SevMinor,
    }
    AnomalyPriority {
        Urgent => PrioUrgent,
        High => PrioHigh,
        Normal => PrioNormal,
        Low => PrioLow,
    }
    AnomalyStatus {
        New => AnoNew,
        Analysed => AnoAnalysed,
        InCorrection => AnoInCorrection,
        Fixed => AnoFixed,
        Verified => AnoVerified,
        Closed => AnoClosed,
        Rejected => AnoRejected,
    }
    DeliverableKind {
        Document => DelDocument,
        SoftwareRelease => DelRelease,
        Module => DelModule,
        Training => DelTraining,
        Environment => DelEnvironment,
        Data => DelData,
    }
    DeliverableStatus {
        Planned => DelPlanned,
        InProgress => DelInProgress,
        Delivered => DelDelivered,
        InReview => DelInReview,
        Validated => DelValidatedStatus,
        Rejected => DelRejected,
    }
    AcceptanceVerdict {
        Accepted => Accepted,
        AcceptedWithReservations => AcceptedWithReservations,
        Refused => Refused,
    }
    TestKind {
        Unit => TestUnit,
        Integration => TestIntegration,
        System => TestSystem,
        Load => TestLoad,
        Acceptance => TestAcceptance,
    }
    ResourceKind {
        Person => KindPerson,
        Material => KindMaterial,
        Cost => KindCost,
    }
    RatePer {
        Hour => PerHour,
        Day => PerDay,
        Week => PerWeek,
        Month => PerMonth,
    }
    crate::schedule::load::Grouping {
        Team => ByTeam,
        Skill => BySkill,
        Provider => ByProvider,
    }
    Period {
        Day => PeriodDay,
        Week => PeriodWeek,
        Month => PeriodMonth,
        Year => PeriodYear,
    }
    TaskType {
        FixedUnits => FixedUnits,
        FixedDuration => FixedDuration,
        FixedWork => FixedWork,
    }
    LinkKind {
        FinishToStart => LinkFs,
        StartToStart => LinkSs,
        FinishToFinish => LinkFf,
        StartToFinish => LinkSf,
    }
}
