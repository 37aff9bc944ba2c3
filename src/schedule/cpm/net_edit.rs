//! Edits to a built network: one row's task changed, or the links into one row replaced. The
//! incremental scheduler calls these instead of building the network again (a few
//! microseconds against tens of milliseconds at 100,000 tasks).

use super::duration_minutes;
use super::net::{Graph, driver, drives, lag_minutes, row_flags};
use crate::model::{Project, outline};

impl Graph {
    /// Row `row`'s duration, calendar, flags and driving assignments, and the percentage lags
    /// of the links out of it, from its task in `project`. False when the edit is beyond what
    /// this updates (the row became or stopped being a summary, a calendar not in use yet,
    /// assignments added or removed): the network must then be built again.
    pub(super) fn refresh_row(&mut self, project: &Project, row: usize) -> bool {
        let tasks = &project.tasks;
        let Some(task) = tasks.get(row) else {
            return false;
        };
        if outline::is_summary(tasks, row) != self.summary[row] {
            return false;
        }
        let calendar = task.calendar.unwrap_or(project.settings.calendar);
        let Some(&own) = self.calendar_slot.get(&calendar) else {
            return false;
        };
        self.cal[row] = own;
        let (minutes, elapsed) = duration_minutes(project, task.duration);
        self.dur[row] = minutes.max(0);
        self.elapsed[row] = elapsed;
        self.flags[row] = row_flags(task);
        let mut list = Vec::new();
        for a in project.assignments.iter().filter(|a| a.task == task.id) {
            let Some(resource) = project.resources.iter().find(|r| r.id == a.resource) else {
                continue;
            };
            let slot = match resource.calendar {
                Some(c) => match self.calendar_slot.get(&c) {
                    Some(&slot) => Some(slot),
                    None => return false,
                },
                None => None,
            };
            list.extend(driver(project, (task, own), a, (resource, slot)));
        }
        if !drives(&list, task) {
            list.clear();
        }
        if !self.drivers.replace(row, &list) {
            return false;
        }
        for k in self.outgoing.of(row) {
            if self.link_pred[k] == row {
                self.link_lag[k] = lag_minutes(project, &self.dur, self.link_spec[k], row);
            }
        }
        true
    }

    /// The links into row `succ` replaced by those `project` has now. Returns the rows of
    /// its old and new predecessors, or `None` when a summary is at one end (its links are
    /// passed down to every row under it: the network is then built again). The old links
    /// stay in the graph with no ends, which the passes skip.
    pub(super) fn relink(&mut self, project: &Project, succ: usize) -> Option<Vec<usize>> {
        if self.summary[succ] {
            return None;
        }
        let id = project.tasks.get(succ)?.id;
        let old: Vec<usize> = self
            .incoming
            .of(succ)
            .filter(|&k| self.link_succ[k] == succ)
            .collect();
        if old.iter().any(|&k| self.summary[self.link_pred[k]]) {
            return None;
        }
        let mut fresh = Vec::new();
        for link in project.links.iter().filter(|l| l.successor == id) {
            let pred = self.rows.get(link.predecessor);
            if pred.is_some_and(|p| self.summary[p]) {
                return None;
            }
            fresh.push((pred, *link));
        }
        let mut preds = Vec::with_capacity(old.len() + fresh.len());
        for &k in &old {
            let p = self.link_pred[k];
            preds.push(p);
            let kept: Vec<u32> = self
                .outgoing
                .of(p)
                .filter(|&j| j != k)
                .map(|j| j as u32)
                .collect();
            self.outgoing.replace(p, &kept);
            self.link_pred[k] = usize::MAX;
            self.link_succ[k] = usize::MAX;
        }
        // Into `succ`: its own links first, in the project's order, then the inherited ones.
        let mut into = Vec::with_capacity(fresh.len());
        for (pred, link) in fresh {
            let k = self.link_pred.len();
            let p = pred.unwrap_or(usize::MAX);
            self.link_pred.push(p);
            self.link_succ
                .push(if pred.is_some() { succ } else { usize::MAX });
            self.link_kind.push(link.kind);
            self.link_spec.push(link.lag);
            self.link_lag
                .push(lag_minutes(project, &self.dur, link.lag, p));
            if pred.is_some() {
                preds.push(p);
                into.push(k as u32);
                // Out of `p`: at the end, where the order does not matter (the passes take
                // the tightest of them).
                let mut out: Vec<u32> = self.outgoing.of(p).map(|j| j as u32).collect();
                out.push(k as u32);
                self.outgoing.replace(p, &out);
            }
        }
        into.extend(
            self.incoming
                .of(succ)
                .filter(|k| !old.contains(k))
                .map(|k| k as u32),
        );
        self.incoming.replace(succ, &into);
        Some(preds)
    }
}
