//! One network scheduled again and again with other durations: what the risk analysis runs
//! thousands of times. The network, its calendars and its topological order are built once;
//! each run only rewrites the durations and walks the passes.

use chrono::NaiveDateTime;

use super::net::{Net, topological_order};
use super::{Dates, Outcome, Schedule, ScheduleError, outcome, passes, project_start};
use crate::model::Project;

pub struct Scenarios<'p> {
    net: Net<'p>,
    order: Vec<usize>,
    start: NaiveDateTime,
    /// Each row's duration in the plan, in working (or elapsed) minutes.
    planned: Vec<i64>,
    /// Each driving assignment's working minutes in the plan.
    planned_drivers: Vec<i64>,
    /// The passes' dates and the last outcome, reused from one run to the next.
    dates: Dates,
    outcome: Outcome,
}

impl<'p> Scenarios<'p> {
    pub fn new(project: &'p Project) -> Result<Self, ScheduleError> {
        let net = Net::build(project)?;
        let order = topological_order(&net)?;
        Ok(Self {
            planned: net.dur.clone(),
            planned_drivers: net.drivers.minutes(),
            start: project_start(project),
            net,
            order,
            dates: Dates::default(),
            outcome: Outcome::default(),
        })
    }

    /// Each row's planned duration, in working (or elapsed) minutes.
    pub fn planned_minutes(&self) -> &[i64] {
        &self.planned
    }

    /// The schedule with each row lasting `scale[row]` times its planned duration plus
    /// `extra_minutes[row]` (a resource-driven row: each of its assignments), the rest of the
    /// plan as it is. A row scaled to 0 without extra takes no time.
    pub fn schedule(&mut self, scale: &[f64], extra_minutes: &[i64]) -> Schedule {
        self.resize(scale, extra_minutes);
        passes(&self.net, &self.order, self.start)
    }

    /// [`Scenarios::schedule`]'s finish dates and critical flags only (no free slack, no
    /// conflicts): what each iteration of the risk analysis reads, for less.
    pub fn outcome(&mut self, scale: &[f64], extra_minutes: &[i64]) -> &Outcome {
        self.resize(scale, extra_minutes);
        let buffers = (&mut self.dates, &mut self.outcome);
        outcome(&self.net, &self.order, self.start, buffers);
        &self.outcome
    }

    fn resize(&mut self, scale: &[f64], extra_minutes: &[i64]) {
        let resize = |planned: i64, row: usize| {
            ((planned as f64 * scale[row]).round() as i64 + extra_minutes[row]).max(0)
        };
        for row in 0..self.planned.len() {
            self.net.dur[row] = resize(self.planned[row], row);
            for k in self.net.drivers.span(row) {
                self.net
                    .drivers
                    .set_minutes(k, resize(self.planned_drivers[k], row));
            }
        }
    }
}
