//! Data derived from the document for the views, recomputed only when the document's revision
//! changes, never every frame.

use std::collections::HashMap;
use std::fmt::Write as _;

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use chrono::NaiveDate;

use crate::model::{Project, TaskId, outline};
use crate::schedule::baseline::{self, Variance};
use crate::schedule::calendar::WorkCalendar;
use crate::schedule::cost::{self, Period};
use crate::schedule::cpm::{Change, Rescheduler, Schedule};
use crate::schedule::kpi::{self, KpiReport};
use crate::schedule::load::{KeptLoad, Load};

/// Costs, earned value and variances: computed the first time a view asks, then kept until
/// the document changes (the task plan alone never pays for them).
pub struct Tracking {
    pub report: KpiReport,
    /// Against the baseline chosen in the project's earned-value settings.
    pub variances: Vec<Option<Variance>>,
    /// False when the project has no status date and the report is at `today` instead.
    pub status_set: bool,
}

/// Cost at completion of every row by period (see [`cost::phased_by_row`]).
pub struct PhasedRows {
    pub period: Period,
    pub periods: Vec<NaiveDate>,
    pub rows: Vec<Vec<f64>>,
}

pub struct Derived {
    /// The document revision this was computed from.
    pub revision: u64,
    /// The date it was computed at: the status date's stand-in when the project has none.
    pub today: NaiveDate,
    /// Row index of each task.
    pub rows: outline::Rows,
    pub wbs: Vec<String>,
    pub summary: Vec<bool>,
    /// For each row, the indices in `Project::links` of the links into it.
    pub predecessors: Vec<Vec<usize>>,
    /// For each row, its resources as MS Project shows them: "Alice, Bob[50%]".
    pub resources: Vec<String>,
    pub milestone_count: usize,
    pub summary_count: usize,
    /// The computed schedule, or why there is none (a dependency cycle, a broken calendar).
    pub schedule: Result<Schedule, String>,
    /// The schedule kept up to date edit by edit: the app updates it with what each change
    /// moved, a dragged bar's preview with the edit the drop would make.
    pub kept: Rescheduler,
    tracking: OnceCell<Result<Tracking, String>>,
    phased_rows: RefCell<Option<Rc<PhasedRows>>>,
    load: OnceCell<Option<KeptLoad>>,
    baseline_dates: OnceCell<HashMap<TaskId, (chrono::NaiveDateTime, chrono::NaiveDateTime)>>,
    trace: OnceCell<crate::schedule::trace::Trace>,
    rolled_percent: OnceCell<Vec<f64>>,
    plan_span: OnceCell<Option<(chrono::NaiveDateTime, chrono::NaiveDateTime)>>,
}

impl Default for Derived {
    fn default() -> Self {
        Self {
            revision: 0,
            today: NaiveDate::default(),
            rows: outline::Rows::default(),
            wbs: Vec::new(),
            summary: Vec::new(),
            predecessors: Vec::new(),
            resources: Vec::new(),
            milestone_count: 0,
            summary_count: 0,
            schedule: Err(String::new()),
            kept: Rescheduler::default(),
            tracking: OnceCell::new(),
            phased_rows: RefCell::new(None),
            load: OnceCell::new(),
            baseline_dates: OnceCell::new(),
            trace: OnceCell::new(),
            rolled_percent: OnceCell::new(),
            plan_span: OnceCell::new(),
        }
    }
}

impl Derived {
    /// Everything the views read, for `project` at `revision`, with `today` standing in for
    /// a missing status date (the app recomputes when either changes).
    pub fn compute(project: &Project, revision: u64, today: NaiveDate) -> Self {
        let mut kept = Rescheduler::default();
        let schedule = Self::updated(&mut kept, project, &Change::everything());
        Self::compute_with(project, revision, today, (schedule, kept))
    }

    /// The schedule of `project` from `kept`, updated with `change` (what moved since it
    /// last scheduled), or why there is none.
    pub fn updated(
        kept: &mut Rescheduler,
        project: &Project,
        change: &Change,
    ) -> Result<Schedule, String> {
        kept.update(project, change)
            .cloned()
            .map_err(|e| e.to_string())
    }

    /// Like [`Derived::compute`], with `schedule` already computed (and kept in `kept`).
    pub fn compute_with(
        project: &Project,
        revision: u64,
        today: NaiveDate,
        (schedule, kept): (Result<Schedule, String>, Rescheduler),
    ) -> Self {
        let tasks = &project.tasks;
        let rows = outline::positions(tasks);
        let summary: Vec<bool> = (0..tasks.len())
            .map(|i| outline::is_summary(tasks, i))
            .collect();
        let mut predecessors = vec![Vec::new(); tasks.len()];
        for (k, link) in project.links.iter().enumerate() {
            if let Some(&row) = rows.get(&link.successor) {
                predecessors[row].push(k);
            }
        }
        let names: HashMap<_, _> = project
            .resources
            .iter()
            .map(|r| (r.id, r.name.as_str()))
            .collect();
        let mut resources = vec![String::new(); tasks.len()];
        for a in &project.assignments {
            if let (Some(&row), Some(name)) = (rows.get(&a.task), names.get(&a.resource)) {
                let cell = &mut resources[row];
                if !cell.is_empty() {
                    cell.push_str(", ");
                }
                cell.push_str(name);
                if (a.units - 1.0).abs() > 1e-9 {
                    let _ = write!(cell, "[{:.0}%]", a.units * 100.0);
                }
            }
        }
        Self {
            revision,
            today,
            wbs: outline::wbs_codes(tasks),
            milestone_count: tasks.iter().filter(|t| t.milestone).count(),
            summary_count: summary.iter().filter(|s| **s).count(),
            rows,
            summary,
            predecessors,
            resources,
            schedule,
            kept,
            tracking: OnceCell::new(),
            phased_rows: RefCell::new(None),
            load: OnceCell::new(),
            baseline_dates: OnceCell::new(),
            trace: OnceCell::new(),
            rolled_percent: OnceCell::new(),
            plan_span: OnceCell::new(),
        }
    }

    /// Costs, earned value and variances at the status date (at [`Derived::today`] when there
    /// is none).
    pub fn tracking(&self, project: &Project) -> Result<&Tracking, &str> {
        self.tracking
            .get_or_init(|| {
                let schedule = self.schedule.as_ref().map_err(Clone::clone)?;
                let status = project.meta.status_date.unwrap_or(self.today);
                let report = kpi::report(project, schedule, status).map_err(|e| e.to_string())?;
                let cal = WorkCalendar::resolve(project, project.settings.calendar)
                    .map_err(|e| e.to_string())?;
                let variances = baseline::variances(
                    project,
                    schedule,
                    &report.sheet,
                    &cal,
                    project.earned_value.baseline,
                );
                Ok(Tracking {
                    report,
                    variances,
                    status_set: project.meta.status_date.is_some(),
                })
            })
            .as_ref()
            .map_err(String::as_str)
    }

    /// The plan's first start and last finish, or `None` when nothing is scheduled.
    pub fn plan_span(&self) -> Option<(chrono::NaiveDateTime, chrono::NaiveDateTime)> {
        *self.plan_span.get_or_init(|| {
            let tasks = &self.schedule.as_ref().ok()?.tasks;
            let start = tasks.iter().map(|d| d.start).min()?;
            let finish = tasks.iter().map(|d| d.finish).max()?;
            Some((start, finish))
        })
    }

    /// Each row's % complete, summaries' rolled up from their subtasks (see
    /// [`crate::schedule::progress::rolled_percent`]).
    pub fn rolled_percent(&self, project: &Project) -> &[f64] {
        self.rolled_percent
            .get_or_init(|| crate::schedule::progress::rolled_percent(project))
    }

    /// Start and finish of each task in the compared baseline: built once per revision, not
    /// per frame (the Gantt draws and filters with it).
    pub fn baseline_dates(
        &self,
        project: &Project,
    ) -> &HashMap<TaskId, (chrono::NaiveDateTime, chrono::NaiveDateTime)> {
        self.baseline_dates
            .get_or_init(|| baseline::compared_dates(project))
    }

    /// Requirement coverage, once per revision (the requirements view and the dashboard).
    pub fn trace(&self, project: &Project) -> &crate::schedule::trace::Trace {
        self.trace
            .get_or_init(|| crate::schedule::trace::trace(project))
    }

    /// Every resource's load per day, once the plan is scheduled.
    pub fn load(&self, project: &Project) -> Option<&Load> {
        self.load
            .get_or_init(|| {
                let schedule = self.schedule.as_ref().ok()?;
                Some(KeptLoad::new(project, schedule))
            })
            .as_ref()
            .map(|kept| &kept.load)
    }

    /// Whether the load is computed already (carried over from before the last change, or
    /// asked for since).
    pub fn load_is_computed(&self) -> bool {
        self.load.get().is_some_and(Option::is_some)
    }

    /// The load of `previous` (derived data of the project before a change that may have
    /// moved `change`'s dates) brought up to date in this one, when it was computed: only the
    /// tasks whose dates moved or that the change touched are spread again.
    pub fn carry_load(&mut self, project: &Project, mut previous: Derived, change: &Change) {
        let (Some(Some(mut kept)), Ok(schedule)) = (previous.load.take(), &self.schedule) else {
            return;
        };
        if change.is_empty() {
            let _ = self.load.set(Some(kept));
            return;
        }
        let Ok(before) = &previous.schedule else {
            return;
        };
        if !change.everything && kept.follow(project, (before, schedule), &self.rows, &change.tasks)
        {
            let _ = self.load.set(Some(kept));
        }
    }

    /// Each row's cost at completion by `period`, kept until the document or the period
    /// changes.
    pub fn phased_rows(&self, project: &Project, period: Period) -> Option<Rc<PhasedRows>> {
        if let Some(cached) = self.phased_rows.borrow().as_ref()
            && cached.period == period
        {
            return Some(Rc::clone(cached));
        }
        let tracking = self.tracking(project).ok()?;
        let schedule = self.schedule.as_ref().ok()?;
        let cal = WorkCalendar::resolve(project, project.settings.calendar).ok()?;
        let (periods, rows) = cost::phased_by_row(
            &cost::PhaseInput {
                project,
                schedule,
                sheet: &tracking.report.sheet,
                cal: &cal,
                baseline: project.earned_value.baseline,
                status: Some(tracking.report.status),
            },
            period,
        );
        let computed = Rc::new(PhasedRows {
            period,
            periods,
            rows,
        });
        *self.phased_rows.borrow_mut() = Some(Rc::clone(&computed));
        Some(computed)
    }

    /// Start and finish of row `index` as scheduled (as entered when there is no schedule).
    pub fn dates(
        &self,
        project: &Project,
        index: usize,
    ) -> (chrono::NaiveDateTime, chrono::NaiveDateTime) {
        match &self.schedule {
            Ok(s) => s.tasks.get(index).map_or(
                (project.tasks[index].start, project.tasks[index].finish),
                |d| (d.start, d.finish),
            ),
            Err(_) => (project.tasks[index].start, project.tasks[index].finish),
        }
    }
}
