//! The load kept with each task's share of it, so that after an edit only the tasks whose
//! dates or assignments changed are spread again: at 100,000 tasks a full load is a second,
//! an edit's adjustment a few milliseconds.

use std::collections::HashMap;

use super::{Load, ResourceCalendars, assignment_dates, capacity, dates, span};
use crate::model::{Assignment, Project, ResourceId, TaskId};
use crate::schedule::cost::spread_into;
use crate::schedule::cpm::Schedule;

/// One assignment's work by day: resource row `k`, minutes from day index `from` on.
#[derive(Clone, Debug)]
struct Share {
    k: usize,
    from: usize,
    minutes: Vec<f64>,
    /// Some work fell before the load's first day (and is not counted).
    clipped: bool,
}

/// A [`Load`] with what each task put in it.
pub struct KeptLoad {
    pub load: Load,
    calendars: ResourceCalendars,
    /// The resources in the order of the load's rows, as they were when it was built.
    team: Vec<ResourceId>,
    /// Each resource's row.
    index: HashMap<ResourceId, usize>,
    shares: HashMap<TaskId, Vec<Share>, foldhash::fast::FixedState>,
}

impl KeptLoad {
    /// The load of `project` scheduled as `schedule`.
    pub fn new(project: &Project, schedule: &Schedule) -> Self {
        let rows = crate::model::outline::positions(&project.tasks);
        let (first, days) = span(project, schedule, &rows);
        let calendars = ResourceCalendars::new(project);
        let load = Load {
            first,
            days,
            load: vec![vec![0.0; days]; project.resources.len()],
            capacity: capacity(project, &calendars, (first, days)),
        };
        let team: Vec<ResourceId> = project.resources.iter().map(|r| r.id).collect();
        let mut kept = Self {
            load,
            calendars,
            index: team.iter().enumerate().map(|(k, id)| (*id, k)).collect(),
            team,
            shares: HashMap::default(),
        };
        // In the plan's order of assignments, as the totals have always been summed.
        for a in &project.assignments {
            if let Some(&row) = rows.get(&a.task)
                && let Some(share) = kept.share(project, schedule, row, a)
            {
                kept.add(&share, 1.0);
                kept.shares.entry(a.task).or_default().push(share);
            }
        }
        kept
    }

    /// After an edit, with `project` scheduled as `schedule`: spreads again the work of
    /// `tasks` (those whose dates or assignments may have changed; `rows` gives each task's
    /// row). False, and nothing changed, when the team changed or some work now falls outside
    /// the days the load covers: then build it anew.
    pub fn update(
        &mut self,
        project: &Project,
        schedule: &Schedule,
        rows: &crate::model::outline::Rows,
        tasks: &[TaskId],
    ) -> bool {
        if project.resources.len() != self.team.len()
            || project
                .resources
                .iter()
                .zip(&self.team)
                .any(|(r, id)| r.id != *id)
        {
            return false;
        }
        let mut fresh: HashMap<TaskId, Vec<Share>, foldhash::fast::FixedState> =
            tasks.iter().map(|&t| (t, Vec::new())).collect();
        for a in &project.assignments {
            if let Some(shares) = fresh.get_mut(&a.task)
                && let Some(&row) = rows.get(&a.task)
                && let Some(share) = self.share(project, schedule, row, a)
            {
                if share.clipped || share.from + share.minutes.len() > self.load.days {
                    return false;
                }
                shares.push(share);
            }
        }
        for (task, shares) in fresh {
            for old in self.shares.remove(&task).unwrap_or_default() {
                self.add(&old, -1.0);
            }
            for share in &shares {
                self.add(share, 1.0);
            }
            if !shares.is_empty() {
                self.shares.insert(task, shares);
            }
        }
        true
    }

    /// After an edit that rescheduled `project` from `before` to `after`: spreads again the
    /// tasks whose dates moved and those in `touched` (their assignments or work may have
    /// changed without their dates). False as [`KeptLoad::update`] says.
    pub fn follow(
        &mut self,
        project: &Project,
        (before, after): (&Schedule, &Schedule),
        rows: &crate::model::outline::Rows,
        touched: &[TaskId],
    ) -> bool {
        if before.tasks.len() != after.tasks.len() {
            return false;
        }
        let mut tasks: Vec<TaskId> = touched.to_vec();
        tasks.extend(
            before
                .tasks
                .iter()
                .zip(&after.tasks)
                .enumerate()
                .filter(|(_, (a, b))| (a.start, a.finish) != (b.start, b.finish))
                .filter_map(|(row, _)| project.tasks.get(row).map(|t| t.id)),
        );
        tasks.sort_unstable();
        tasks.dedup();
        self.update(project, after, rows, &tasks)
    }

    fn add(&mut self, share: &Share, sign: f64) {
        if let Some(line) = self.load.load.get_mut(share.k) {
            for (cell, v) in line[share.from..].iter_mut().zip(&share.minutes) {
                *cell += sign * v;
            }
        }
    }

    /// The work of assignment `a` (of the task at `row`) by day, as the full load spreads it.
    fn share(
        &self,
        project: &Project,
        schedule: &Schedule,
        row: usize,
        a: &Assignment,
    ) -> Option<Share> {
        let first = self.load.first;
        let k = *self.index.get(&a.resource)?;
        let cal = self.calendars.get(k)?;
        let (begin, end) = assignment_dates(
            project,
            (row, a),
            (&project.resources[k], cal),
            dates(project, schedule, row),
        );
        let mut by_day: Vec<(usize, f64)> = Vec::new();
        let mut clipped = false;
        spread_into(
            cal,
            begin,
            end,
            a.work_minutes.max(0) as f64,
            &mut |day, v| match usize::try_from((day - first).num_days()) {
                Ok(i) => by_day.push((i, v)),
                Err(_) => clipped = true,
            },
        );
        let from = by_day.iter().map(|&(i, _)| i).min()?;
        let to = by_day.iter().map(|&(i, _)| i).max().unwrap_or(from);
        let mut minutes = vec![0.0; to - from + 1];
        for (i, v) in by_day {
            minutes[i - from] += v;
        }
        Some(Share {
            k,
            from,
            minutes,
            clipped,
        })
    }
}
