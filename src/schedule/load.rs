//! Resource load: for each resource and day, the minutes of work assigned against the minutes it
//! can give (its calendar × its maximum units, nothing on leave or outside its availability).
//! Each assignment's work is spread over its task's working time on the resource's calendar
//! (a flat contour, MS Project's default).

use std::collections::HashMap;

use chrono::{Days, NaiveDate, NaiveDateTime};

use super::calendar::WorkCalendar;
use super::cost::{Period, spread_into};
use super::cpm::{Schedule, assignment_span, driving_minutes};
use crate::model::{Assignment, Origin, Project, Resource, ResourceKind};

mod kept;

pub use kept::KeptLoad;

/// Load and capacity per resource and day, over the days the plan's assignments cover.
#[derive(Clone, Debug, PartialEq)]
pub struct Load {
    pub first: NaiveDate,
    pub days: usize,
    /// `[resource row][day]`: minutes of work assigned.
    pub load: Vec<Vec<f64>>,
    /// `[resource row][day]`: minutes the resource can work.
    pub capacity: Vec<Vec<f64>>,
}

/// A day (or period) of one resource, or of a group of resources.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Cell {
    pub load_minutes: f64,
    pub capacity_minutes: f64,
}

impl Cell {
    /// Load as a share of capacity; `None` when there is no capacity (then any load is over).
    pub fn ratio(&self) -> Option<f64> {
        (self.capacity_minutes > 0.0).then(|| self.load_minutes / self.capacity_minutes)
    }

    /// More work than the resource can give, beyond a minute of rounding.
    pub fn over(&self) -> bool {
        self.load_minutes > self.capacity_minutes + 1.0
    }
}

/// The calendar a resource works on: its own, else the project's.
pub fn resource_calendar(project: &Project, resource: &Resource) -> Option<WorkCalendar> {
    let id = resource.calendar.unwrap_or(project.settings.calendar);
    WorkCalendar::resolve(project, id)
        .or_else(|_| WorkCalendar::resolve(project, project.settings.calendar))
        .ok()
}

/// Every resource's working calendar, each distinct calendar resolved once (a resolved
/// calendar tabulates decades of days: resolving one per resource would dominate).
pub struct ResourceCalendars {
    by_id: HashMap<crate::model::CalendarId, WorkCalendar>,
    of: Vec<Option<crate::model::CalendarId>>,
}

impl ResourceCalendars {
    pub fn new(project: &Project) -> Self {
        let mut by_id = HashMap::new();
        let of = project
            .resources
            .iter()
            .map(|r| {
                let own = r.calendar.unwrap_or(project.settings.calendar);
                for id in [own, project.settings.calendar] {
                    if let std::collections::hash_map::Entry::Vacant(slot) = by_id.entry(id) {
                        match WorkCalendar::resolve(project, id) {
                            Ok(c) => {
                                slot.insert(c);
                            }
                            // A broken calendar of its own: the project's instead.
                            Err(_) => continue,
                        }
                    }
                    return Some(id);
                }
                None
            })
            .collect();
        Self { by_id, of }
    }

    /// The calendar of resource row `k`.
    pub fn get(&self, k: usize) -> Option<&WorkCalendar> {
        self.of
            .get(k)
            .copied()
            .flatten()
            .and_then(|id| self.by_id.get(&id))
    }
}

/// Whether `resource` is away or not yet / no longer available on `date`.
pub fn unavailable(resource: &Resource, date: NaiveDate) -> bool {
    resource
        .leave
        .iter()
        .any(|l| l.from <= date && date <= l.to)
        || resource.available_from.is_some_and(|d| date < d)
        || resource.available_to.is_some_and(|d| date > d)
}

/// Only people are over-allocated; materials and cost resources have no working time.
pub fn has_capacity(resource: &Resource) -> bool {
    resource.kind == ResourceKind::Person
}

fn dates(project: &Project, schedule: &Schedule, row: usize) -> (NaiveDateTime, NaiveDateTime) {
    let t = &project.tasks[row];
    schedule
        .tasks
        .get(row)
        .map_or((t.start, t.finish), |d| (d.start, d.finish))
}

/// When assignment `a` of task `row` (scheduled from `start` to `finish`) works: as its task,
/// or, when its resource's calendar sets the task's dates, from its delay after the task's
/// start for as long as its work at its units lasts on that calendar, as the scheduler counts.
pub fn assignment_dates(
    project: &Project,
    (row, a): (usize, &Assignment),
    (resource, cal): (&Resource, &WorkCalendar),
    (start, finish): (NaiveDateTime, NaiveDateTime),
) -> (NaiveDateTime, NaiveDateTime) {
    let task = &project.tasks[row];
    match driving_minutes(project, task, a, resource) {
        Some(minutes) if task.actual_start.is_none() => {
            let delay = crate::schedule::cpm::clamp_minutes(a.delay_minutes as f64);
            let (begin, end) = assignment_span(cal, start, delay, minutes);
            (begin, end.min(finish).max(begin))
        }
        _ => (start, finish),
    }
}

/// The load of every resource (rows in `project.resources` order).
pub fn load(project: &Project, schedule: &Schedule) -> Load {
    KeptLoad::new(project, schedule).load
}

/// The days the load covers: whole months around the project start and every assigned
/// task's dates, so that week and month totals at the edges compare like with like.
fn span(
    project: &Project,
    schedule: &Schedule,
    rows: &crate::model::outline::Rows,
) -> (NaiveDate, usize) {
    let mut first = project.meta.start;
    let mut last = project.meta.start;
    for a in &project.assignments {
        if let Some(&row) = rows.get(&a.task) {
            let (s, f) = dates(project, schedule, row);
            first = first.min(s.date());
            last = last.max(f.date());
        }
    }
    let first = Period::Month.start_of(first);
    let last = Period::Month
        .next(Period::Month.start_of(last))
        .pred_opt()
        .unwrap_or(last);
    (first, (last - first).num_days().max(0) as usize + 1)
}

/// `[resource row][day]`: the minutes each resource can work over `days` days from `first`.
fn capacity(
    project: &Project,
    calendars: &ResourceCalendars,
    (first, days): (NaiveDate, usize),
) -> Vec<Vec<f64>> {
    project
        .resources
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let cal = calendars.get(k);
            (0..days)
                .map(|i| {
                    let date = first.checked_add_days(Days::new(i as u64)).unwrap_or(first);
                    match cal {
                        Some(cal) if has_capacity(r) && !unavailable(r, date) => {
                            cal.day_minutes(date) as f64 * r.max_units
                        }
                        _ => 0.0,
                    }
                })
                .collect()
        })
        .collect()
}

impl Load {
    pub fn date(&self, day: usize) -> NaiveDate {
        self.first
            .checked_add_days(Days::new(day as u64))
            .unwrap_or(self.first)
    }

    /// Resource `k` on day `day`.
    pub fn cell(&self, k: usize, day: usize) -> Cell {
        Cell {
            load_minutes: self
                .load
                .get(k)
                .and_then(|l| l.get(day))
                .copied()
                .unwrap_or(0.0),
            capacity_minutes: self
                .capacity
                .get(k)
                .and_then(|c| c.get(day))
                .copied()
                .unwrap_or(0.0),
        }
    }

    /// The periods covering the range: (first day of the period, first day index, end index).
    pub fn periods(&self, period: Period) -> Vec<(NaiveDate, usize, usize)> {
        let mut out: Vec<(NaiveDate, usize, usize)> = Vec::new();
        for day in 0..self.days {
            let start = period.start_of(self.date(day));
            match out.last_mut() {
                Some((s, _, end)) if *s == start => *end = day + 1,
                _ => out.push((start, day, day + 1)),
            }
        }
        out
    }

    /// Resources `members` summed over days `from..to`.
    pub fn sum(&self, members: &[usize], from: usize, to: usize) -> Cell {
        let mut cell = Cell::default();
        for &k in members {
            for day in from..to.min(self.days) {
                let c = self.cell(k, day);
                cell.load_minutes += c.load_minutes;
                cell.capacity_minutes += c.capacity_minutes;
            }
        }
        cell
    }

    /// The days on which resource `k` (a person) has more work than time.
    pub fn over_days(&self, project: &Project, k: usize) -> Vec<usize> {
        if !project.resources.get(k).is_some_and(has_capacity) {
            return Vec::new();
        }
        (0..self.days).filter(|&d| self.cell(k, d).over()).collect()
    }

    /// Every over-allocated (resource row, day).
    pub fn over_allocations(&self, project: &Project) -> Vec<(usize, usize)> {
        (0..project.resources.len())
            .flat_map(|k| self.over_days(project, k).into_iter().map(move |d| (k, d)))
            .collect()
    }

    /// What remains over-allocated, one entry per person who is, in resource order; days after
    /// `status` (all days without one) are also counted apart, as what leveling can still move.
    pub fn over_allocation_summary(
        &self,
        project: &Project,
        status: Option<NaiveDate>,
    ) -> Vec<OverAllocation> {
        (0..project.resources.len())
            .filter_map(|k| {
                let days = self.over_days(project, k);
                let (&first, &last) = (days.first()?, days.last()?);
                let excess = |d: &usize| {
                    let c = self.cell(k, *d);
                    c.load_minutes - c.capacity_minutes
                };
                let worst = days
                    .iter()
                    .copied()
                    .max_by(|a, b| excess(a).total_cmp(&excess(b)))
                    .unwrap_or(first);
                Some(OverAllocation {
                    resource: k,
                    days: days.len(),
                    days_after_status: days
                        .iter()
                        .filter(|d| status.is_none_or(|s| self.date(**d) > s))
                        .count(),
                    first: self.date(first),
                    last: self.date(last),
                    worst: self.date(worst),
                    worst_cell: self.cell(k, worst),
                })
            })
            .collect()
    }
}

/// One person's over-allocated days.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OverAllocation {
    /// Row of the resource in `Project::resources`.
    pub resource: usize,
    /// How many days have more work than time.
    pub days: usize,
    /// Of `days`, those after the status date (all of them without one).
    pub days_after_status: usize,
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// The day with the most work beyond the time, and its load and capacity.
    pub worst: NaiveDate,
    pub worst_cell: Cell,
}

/// How the heatmap groups its rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Grouping {
    #[default]
    Team,
    Skill,
    Provider,
}

impl Grouping {
    pub const ALL: [Grouping; 3] = [Grouping::Team, Grouping::Skill, Grouping::Provider];
}

/// Groups of resource rows by `grouping`, in name order: a resource with several skills is in
/// each of their groups; internal staff group under `internal` by provider.
pub fn groups(
    project: &Project,
    grouping: Grouping,
    internal: &str,
    none: &str,
) -> Vec<(String, Vec<usize>)> {
    let mut map: std::collections::BTreeMap<String, Vec<usize>> = std::collections::BTreeMap::new();
    for (k, r) in project.resources.iter().enumerate() {
        let keys: Vec<String> = match grouping {
            Grouping::Team => vec![if r.team.is_empty() {
                none.to_owned()
            } else {
                r.team.clone()
            }],
            Grouping::Skill if r.skills.is_empty() => vec![none.to_owned()],
            Grouping::Skill => r.skills.iter().map(|s| s.name.clone()).collect(),
            Grouping::Provider => vec![match &r.origin {
                Origin::Internal => internal.to_owned(),
                Origin::External { provider, .. } => provider.clone(),
            }],
        };
        for key in keys {
            map.entry(key).or_default().push(k);
        }
    }
    map.into_iter().collect()
}

/// The assignments of resource `k` that put work on days `from..to`, with their minutes there:
/// what makes up a heatmap cell.
pub fn contributions(
    project: &Project,
    schedule: &Schedule,
    load: &Load,
    k: usize,
    from: usize,
    to: usize,
) -> Vec<(usize, f64)> {
    let Some(resource) = project.resources.get(k) else {
        return Vec::new();
    };
    let Some(cal) = resource_calendar(project, resource) else {
        return Vec::new();
    };
    let rows = crate::model::outline::positions(&project.tasks);
    let (lo, hi) = (load.date(from), load.date(to.saturating_sub(1)));
    let mut out = Vec::new();
    for (index, a) in project.assignments.iter().enumerate() {
        if a.resource != resource.id {
            continue;
        }
        let Some(&row) = rows.get(&a.task) else {
            continue;
        };
        let (s, f) = dates(project, schedule, row);
        if f.date() < lo || s.date() > hi {
            continue;
        }
        let mut minutes = 0.0;
        spread_into(&cal, s, f, a.work_minutes.max(0) as f64, &mut |day, v| {
            if lo <= day && day <= hi {
                minutes += v;
            }
        });
        if minutes > 0.5 {
            out.push((index, minutes));
        }
    }
    out
}
