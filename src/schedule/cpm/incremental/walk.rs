//! The incremental passes: from the rows an edit touched, each pass recomputes in topological
//! order (reverse order for the backward pass) the rows whose inputs changed, and goes on past
//! a row only when its dates changed.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use chrono::NaiveDateTime;

use super::{BACKWARD, Change, FORWARD, SLACK, State, alap, positions, project_finish};
use crate::model::outline;
use crate::schedule::cpm::net::{Net, flag, topological_order};
use crate::schedule::cpm::{
    Conflict, ScheduleError, backward_row, forward_row, row_dates, summary_bounds,
};

/// Rows seen in the current walk, without clearing a vector per walk: a row is seen when
/// its mark is the walk's stamp.
#[derive(Clone)]
pub(super) struct Marks {
    mark: Vec<u32>,
    stamp: u32,
}

impl Marks {
    pub(super) fn new(n: usize) -> Self {
        Self {
            mark: vec![0; n],
            stamp: 0,
        }
    }

    /// A new walk: no row seen yet.
    fn next(&mut self) {
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            self.mark.fill(0);
            self.stamp = 1;
        }
    }

    /// True the first time `row` is seen in this walk.
    fn first(&mut self, row: usize) -> bool {
        let seen = self.mark[row] == self.stamp;
        self.mark[row] = self.stamp;
        !seen
    }
}

/// The rows each pass starts from.
#[derive(Default)]
struct Seeds {
    forward: Vec<usize>,
    backward: Vec<usize>,
    slack: Vec<usize>,
}

/// `f` on row `row`, or on every task under it when it is a summary (its links are theirs).
fn each_task(net: &Net<'_>, row: usize, mut f: impl FnMut(usize)) {
    if net.summary[row] {
        let end = outline::subtree_end(&net.project.tasks, row);
        (row + 1..end).filter(|&j| !net.summary[j]).for_each(f);
    } else {
        f(row);
    }
}

/// The rows whose dates `row`'s dates set: the successors of its links and of those of the
/// summaries above it.
fn successors(net: &Net<'_>, row: usize, mut f: impl FnMut(usize)) {
    for k in net.outgoing.of(row) {
        let s = net.link_succ[k];
        if s != usize::MAX {
            each_task(net, s, &mut f);
        }
    }
}

/// The rows whose late dates and free slack `row`'s dates set: the predecessors of its links
/// and of those of the summaries above it.
fn predecessors(net: &Net<'_>, row: usize, mut f: impl FnMut(usize)) {
    for k in net.incoming.of(row) {
        let p = net.link_pred[k];
        if p != usize::MAX {
            each_task(net, p, &mut f);
        }
    }
}

impl State {
    /// `change` made to the plan: the rows it touched updated in the network, then each pass
    /// over the rows its changes reach. False when the change is beyond what this follows.
    pub(super) fn update(
        &mut self,
        net: &mut Net<'_>,
        change: &Change,
    ) -> Result<bool, ScheduleError> {
        let project = net.project;
        if project.tasks.len() != self.position.len() || self.self_link {
            return Ok(false);
        }
        let row_of = |net: &Net<'_>, id| {
            net.rows
                .get(id)
                .filter(|&r| project.tasks.get(r).is_some_and(|t| t.id == id))
        };
        let mut seeds = Seeds::default();
        for &id in &change.tasks {
            let Some(row) = row_of(net, id) else {
                return Ok(false);
            };
            if !net.graph.refresh_row(project, row) {
                return Ok(false);
            }
            // A summary stands for its tasks (and a percentage lag out of it reads its
            // duration).
            seeds.forward.push(row);
            seeds.backward.push(row);
            seeds.slack.push(row);
            // The tasks under a summary have its links out as theirs: their late dates and
            // free slack read those links' lags, which its duration may have changed.
            if net.summary[row] {
                each_task(net, row, |t| {
                    seeds.backward.push(t);
                    seeds.slack.push(t);
                });
            }
            // Its predecessors read its flags (finished, as late as possible).
            predecessors(net, row, |p| {
                seeds.backward.push(p);
                seeds.slack.push(p);
            });
        }
        let mut reorder = false;
        for &id in &change.links_into {
            let Some(succ) = row_of(net, id) else {
                return Ok(false);
            };
            let Some(preds) = net.graph.relink(project, succ) else {
                return Ok(false);
            };
            if preds.contains(&succ) {
                return Ok(false);
            }
            let position = &self.position;
            reorder |= net.incoming.of(succ).any(|k| {
                let p = net.link_pred[k];
                p != usize::MAX && position[p] >= position[succ]
            });
            seeds.forward.push(succ);
            seeds.slack.push(succ);
            seeds.backward.extend(&preds);
            seeds.slack.extend(preds);
        }
        if reorder {
            self.order = topological_order(net)?;
            self.position = positions(&self.order);
        }
        self.walk(net, &seeds);
        Ok(true)
    }

    /// The passes from `seeds`.
    fn walk(&mut self, net: &Net<'_>, seeds: &Seeds) {
        let start = self.project_start;
        let had_alap = self.has_alap;
        let walk = (&self.order[..], &self.position[..]);
        let early = (&mut self.es1[..], &mut self.ef1[..]);
        let first = Some(&mut self.conflicts[FORWARD]);
        let c1 = forward_walk(
            net,
            walk,
            early,
            (None, start),
            &seeds.forward,
            &mut self.marks,
            first,
        );
        roll_up_rows(net, &c1, (&mut self.es1, &mut self.ef1), &mut self.marks);
        let finish = project_finish(net, &self.ef1, start);
        if finish != self.schedule.project_finish {
            // Every late date hangs on the project's finish.
            self.recompute_from_backward(net);
            return;
        }
        // The backward pass reads a row's own early dates for a deadline and a manual task.
        let mut from = seeds.backward.clone();
        from.extend(
            c1.iter()
                .filter(|&&i| !net.is(i, flag::PLAIN) || net.is(i, flag::MANUAL)),
        );
        let late = (
            &mut self.ls[..],
            &mut self.lf[..],
            &mut self.computed_ls[..],
        );
        let early = (&self.es1[..], &self.ef1[..]);
        let backward = &mut self.conflicts[BACKWARD];
        let cb = backward_walk(
            net,
            walk,
            late,
            (early, finish),
            &from,
            &mut self.marks,
            backward,
        );
        let ab = roll_up_rows(net, &cb, (&mut self.ls, &mut self.lf), &mut self.marks);
        let c2 = self.second_walk(net, seeds, (&c1, &cb), had_alap);
        let a2 = roll_up_rows(net, &c2, (&mut self.es, &mut self.ef), &mut self.marks);
        let mut cs = Vec::new();
        // An edited row may have become (or stopped being) as late as possible.
        let alap_moved = cb.iter().filter(|&&i| alap(net, i));
        let edited = seeds.forward.iter().filter(|&&i| !net.summary[i]);
        // Leaves only: a summary's dates as scheduled are its leaves' span (rolled up below),
        // not its early dates, whatever moved in those.
        for &i in c2.iter().chain(alap_moved).chain(edited) {
            if net.summary[i] {
                continue;
            }
            let at = if alap(net, i) {
                (self.ls[i], self.lf[i])
            } else {
                (self.es[i], self.ef[i])
            };
            if at != (self.start[i], self.finish[i]) {
                (self.start[i], self.finish[i]) = at;
                cs.push(i);
            }
        }
        let up = roll_up_rows(
            net,
            &cs,
            (&mut self.start, &mut self.finish),
            &mut self.marks,
        );
        cs.extend(up);
        let changed = [&seeds.slack, &c2, &a2, &cb, &ab];
        self.slack_walk(net, &changed, &cs);
        self.gather_conflicts();
    }

    /// The second forward pass (successors of as-late-as-possible tasks after their late
    /// dates) from what changed, or the first one's dates when no task is as late as
    /// possible; the rows whose early dates changed (every row when that switched).
    fn second_walk(
        &mut self,
        net: &Net<'_>,
        seeds: &Seeds,
        (c1, cb): (&[usize], &[usize]),
        had_alap: bool,
    ) -> Vec<usize> {
        let n = self.es.len();
        let has_alap = (0..n).any(|i| alap(net, i));
        self.has_alap = has_alap;
        match (had_alap, has_alap) {
            (true, true) => {
                let mut from = seeds.forward.clone();
                for &i in cb.iter().filter(|&&i| alap(net, i)) {
                    successors(net, i, |s| from.push(s));
                }
                let walk = (&self.order[..], &self.position[..]);
                let late = Some((&self.ls[..], &self.lf[..]));
                let early = (&mut self.es[..], &mut self.ef[..]);
                let start = self.project_start;
                forward_walk(
                    net,
                    walk,
                    early,
                    (late, start),
                    &from,
                    &mut self.marks,
                    None,
                )
            }
            (false, false) => {
                for &i in c1 {
                    (self.es[i], self.ef[i]) = (self.es1[i], self.ef1[i]);
                }
                c1.to_vec()
            }
            _ => {
                self.second_forward(net);
                (0..n).collect()
            }
        }
    }

    /// Slack and dates of the rows in `changed`, and of the predecessors of the rows whose
    /// dates as scheduled changed (`moved`: their free slack runs up to them).
    fn slack_walk(&mut self, net: &Net<'_>, changed: &[&Vec<usize>], moved: &[usize]) {
        self.marks.next();
        let mut rows = Vec::new();
        let marks = &mut self.marks;
        let mut add = |r: usize| {
            if marks.first(r) {
                rows.push(r);
            }
        };
        for &r in changed.iter().flat_map(|c| c.iter()).chain(moved) {
            add(r);
        }
        for &r in moved {
            predecessors(net, r, &mut add);
        }
        let mut found = Vec::new();
        for r in rows {
            found.clear();
            self.schedule.tasks[r] = row_dates(
                net,
                r,
                (&self.es, &self.ef),
                (&self.ls, &self.lf),
                (&self.start, &self.finish),
                &mut found,
            );
            keep(&mut self.conflicts[SLACK], r, found.pop());
        }
    }
}

/// `conflict` as row `row`'s in `map`, or none.
fn keep(map: &mut BTreeMap<usize, Conflict>, row: usize, conflict: Option<Conflict>) {
    match conflict {
        Some(c) => {
            map.insert(row, c);
        }
        None => {
            map.remove(&row);
        }
    }
}

type Walk<'a> = (&'a [usize], &'a [u32]);
type Late<'a> = Option<(&'a [NaiveDateTime], &'a [NaiveDateTime])>;

/// The forward pass over the rows `seeds` reach, into `(es, ef)`; the rows whose dates
/// changed. The seeds' successors are recomputed whatever the seeds' dates (an edit may have
/// changed a lag or flag they read).
fn forward_walk(
    net: &Net<'_>,
    (order, position): Walk<'_>,
    (es, ef): (&mut [NaiveDateTime], &mut [NaiveDateTime]),
    (late, start): (Late<'_>, NaiveDateTime),
    seeds: &[usize],
    marks: &mut Marks,
    mut conflicts: Option<&mut BTreeMap<usize, Conflict>>,
) -> Vec<usize> {
    marks.next();
    let mut heap = BinaryHeap::new();
    let queue = |marks: &mut Marks, heap: &mut BinaryHeap<Reverse<u32>>, row: usize| {
        if marks.first(row) {
            heap.push(Reverse(position[row]));
        }
    };
    for &s in seeds {
        each_task(net, s, |r| queue(marks, &mut heap, r));
        successors(net, s, |r| queue(marks, &mut heap, r));
    }
    let mut found = Vec::new();
    let mut changed = Vec::new();
    while let Some(Reverse(p)) = heap.pop() {
        let i = order[p as usize];
        found.clear();
        let dates = forward_row(net, i, (&*es, &*ef), late, start, &mut found);
        if let Some(map) = conflicts.as_deref_mut() {
            keep(map, i, found.pop());
        }
        if dates != (es[i], ef[i]) {
            (es[i], ef[i]) = dates;
            changed.push(i);
            successors(net, i, |r| queue(marks, &mut heap, r));
        }
    }
    changed
}

/// The backward pass over the rows `seeds` reach, into the late dates; the rows whose late
/// dates changed.
fn backward_walk(
    net: &Net<'_>,
    (order, position): Walk<'_>,
    (ls, lf, computed_ls): (
        &mut [NaiveDateTime],
        &mut [NaiveDateTime],
        &mut [NaiveDateTime],
    ),
    ((es, ef), finish): ((&[NaiveDateTime], &[NaiveDateTime]), NaiveDateTime),
    seeds: &[usize],
    marks: &mut Marks,
    conflicts: &mut BTreeMap<usize, Conflict>,
) -> Vec<usize> {
    marks.next();
    let mut heap = BinaryHeap::new();
    let queue = |marks: &mut Marks, heap: &mut BinaryHeap<u32>, row: usize| {
        if marks.first(row) {
            heap.push(position[row]);
        }
    };
    for &s in seeds {
        each_task(net, s, |r| queue(marks, &mut heap, r));
    }
    let mut found = Vec::new();
    let mut changed = Vec::new();
    while let Some(p) = heap.pop() {
        let i = order[p as usize];
        found.clear();
        let late = (&*ls, &*lf, &*computed_ls);
        let dates = backward_row(net, i, late, finish, (es[i], ef[i]), &mut found);
        keep(conflicts, i, found.pop());
        if dates != (ls[i], lf[i], computed_ls[i]) {
            (ls[i], lf[i], computed_ls[i]) = dates;
            changed.push(i);
            predecessors(net, i, |r| queue(marks, &mut heap, r));
        }
    }
    changed
}

/// The summaries above the rows in `changed` rolled up again from their tasks; those whose
/// dates changed.
fn roll_up_rows(
    net: &Net<'_>,
    changed: &[usize],
    (start, finish): (&mut [NaiveDateTime], &mut [NaiveDateTime]),
    marks: &mut Marks,
) -> Vec<usize> {
    marks.next();
    let mut above = Vec::new();
    for &i in changed {
        let mut up = net.parent[i];
        while let Some(p) = up {
            if !marks.first(p) {
                break;
            }
            above.push(p);
            up = net.parent[p];
        }
    }
    above.retain(|&p| {
        let bounds = summary_bounds(net, start, finish, p);
        let moved = bounds != (start[p], finish[p]);
        (start[p], finish[p]) = bounds;
        moved
    });
    above
}
