//! Figures at a date earlier than the recorded progress: what had been earned and spent by
//! then.
//!
//! Progress (% complete, actual work, actual starts and finishes, actual cost items) is
//! recorded through one date, its *progress date*: the status date it was recorded at, or a
//! later actual date when the status date has since been moved back. At that date and after,
//! the earned value and the actual cost are the recorded totals. Before it, they are the
//! recorded actuals placed in time — each task's actual work spread pro rata over its actual
//! dates, its cost items on their own dates — summed up to the end of the asked date. So an
//! earlier date never shows more earned or spent than a later one, and a cost item dated after
//! the date is not spent by then.

use chrono::NaiveDate;

use super::cost::{PhaseInput, Stream};
use crate::model::Project;

/// The date the recorded progress stands at: the latest of the project's status date, its
/// tasks' actual starts and finishes and its actual cost items' dates; `None` when there is
/// none of these.
pub fn progress_date(project: &Project) -> Option<NaiveDate> {
    let tasks = project
        .tasks
        .iter()
        .flat_map(|t| [t.actual_start, t.actual_finish])
        .flatten()
        .map(|d| d.date());
    let items = project
        .cost_items
        .iter()
        .filter(|i| i.actual)
        .map(|i| i.date);
    project
        .meta
        .status_date
        .into_iter()
        .chain(tasks)
        .chain(items)
        .max()
}

/// What was earned and spent by the end of a date, from the recorded actuals placed in time.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SpentBy {
    pub date: Option<NaiveDate>,
    /// Each task's own earned value by the date (plan order).
    pub earned: Vec<f64>,
    /// Each task's own actual cost by the date (plan order).
    pub actual: Vec<f64>,
    /// Actual cost items attached to no task and dated by the date.
    pub unattached_actual: f64,
}

/// Each task's own earned value and actual cost by the end of `date`. `input` places the
/// actuals in time: its status must be the progress date (see [`progress_date`]), so that
/// work under way is spread up to the day it was recorded at, not up to `date`.
pub fn spent_by(input: &PhaseInput<'_>, date: NaiveDate) -> SpentBy {
    let n = input.project.tasks.len();
    let mut out = SpentBy {
        date: Some(date),
        earned: vec![0.0; n],
        actual: vec![0.0; n],
        unattached_actual: 0.0,
    };
    input.each_amount(&mut |row, stream, day, amount| {
        if day > date {
            return;
        }
        match (row, stream) {
            (Some(row), Stream::Earned) => out.earned[row] += amount,
            (Some(row), Stream::Actual) => out.actual[row] += amount,
            (None, Stream::Actual) => out.unattached_actual += amount,
            _ => {}
        }
    });
    out
}
