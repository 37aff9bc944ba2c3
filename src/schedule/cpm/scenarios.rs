//! One network scheduled again and again with other durations: what the risk analysis runs
//! thousands of times. The network, its calendars and its topological order are built once;
//! each run only rewrites the durations and walks the passes.

use chrono::NaiveDateTime;

use super::net::{Net, topological_order};
use super::{Schedule, ScheduleError, passes, project_start};
use crate::model::Project;

pub struct Scenarios<'p> {
    net: Net<'p>,
    order: Vec<usize>,
    start: NaiveDateTime,
    /// Each row's duration in the plan, in working (or elapsed) minutes.
    planned: Vec<i64>,
    /// Each driving assignment's working minutes in the plan.
    planned_drivers: Vec<i64>,
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
        passes(&self.net, &self.order, self.start)
    }
}
