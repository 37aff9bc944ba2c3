//! Rescheduling after an edit without scheduling the whole plan again. The network, its
//! topological order and every pass's dates are kept; an edit updates the rows it touched in
//! the network, then each pass recomputes only the rows its changes reach, in topological
//! order, and stops where dates stop changing. The result is the full schedule's, row for row
//! (a property test holds it to that on random networks and edits); what this cannot follow
//! (rows added or removed, outline, calendars, resources, links at a summary) builds again.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use chrono::NaiveDateTime;

use super::net::{Graph, Net, flag, topological_order};
use super::{
    Conflict, Schedule, ScheduleError, backward_pass, forward_pass, project_start, roll_up,
};
use crate::model::{Project, TaskId};

mod walk;

use walk::Marks;

/// What changed in a project since it was last scheduled, as far as dates go.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Change {
    /// Tasks whose own fields changed (duration, constraint, progress, mode, deadline…).
    pub tasks: Vec<TaskId>,
    /// Tasks whose links in were replaced.
    pub links_into: Vec<TaskId>,
    /// Anything else (rows added or removed, calendars, resources, settings): schedule the
    /// whole plan again.
    pub everything: bool,
}

impl Change {
    pub fn everything() -> Self {
        Self {
            everything: true,
            ..Self::default()
        }
    }

    pub fn task(id: TaskId) -> Self {
        Self {
            tasks: vec![id],
            ..Self::default()
        }
    }

    pub fn links_into(id: TaskId) -> Self {
        Self {
            links_into: vec![id],
            ..Self::default()
        }
    }

    /// This change followed by `other`.
    pub fn merge(&mut self, other: Change) {
        if self.everything || other.everything {
            *self = Self::everything();
            return;
        }
        self.tasks.extend(other.tasks);
        self.links_into.extend(other.links_into);
    }

    pub fn is_empty(&self) -> bool {
        !self.everything && self.tasks.is_empty() && self.links_into.is_empty()
    }
}

/// A project's schedule kept up to date edit by edit (see the module's note).
#[derive(Clone, Default)]
pub struct Rescheduler {
    kept: Option<Box<(Graph, State)>>,
}

/// Early, late and scheduled dates of every row, and the order the passes walk.
#[derive(Clone)]
struct State {
    order: Vec<usize>,
    /// Each row's place in `order`.
    position: Vec<u32>,
    project_start: NaiveDateTime,
    /// The first forward pass: what the backward pass and its conflicts read.
    es1: Vec<NaiveDateTime>,
    ef1: Vec<NaiveDateTime>,
    ls: Vec<NaiveDateTime>,
    lf: Vec<NaiveDateTime>,
    computed_ls: Vec<NaiveDateTime>,
    /// The early dates as scheduled: the second forward pass when some tasks are as late as
    /// possible, the first one's otherwise.
    es: Vec<NaiveDateTime>,
    ef: Vec<NaiveDateTime>,
    start: Vec<NaiveDateTime>,
    finish: Vec<NaiveDateTime>,
    /// The conflicts of each row: of the forward pass, the backward pass and the slack.
    conflicts: [BTreeMap<usize, Conflict>; 3],
    /// A link from a task to itself: the passes would read its own dates, which the full
    /// schedule has fresh and this would have stale, so such a plan is scheduled in full.
    self_link: bool,
    /// Whether some task is as late as possible (the second forward pass runs).
    has_alap: bool,
    marks: Marks,
    schedule: Schedule,
}

const FORWARD: usize = 0;
const BACKWARD: usize = 1;
const SLACK: usize = 2;

impl Rescheduler {
    /// The schedule of `project`, kept for the edits to come.
    pub fn new(project: &Project) -> Result<Self, ScheduleError> {
        Ok(Self {
            kept: Some(Box::new(State::build(project)?)),
        })
    }

    /// The last schedule, if the last update succeeded.
    pub fn schedule(&self) -> Option<&Schedule> {
        self.kept.as_ref().map(|k| &k.1.schedule)
    }

    /// The schedule of `project`, which is the project last scheduled with `change` made to
    /// it (when this has not scheduled it yet, or could not, the whole plan is scheduled).
    pub fn update(
        &mut self,
        project: &Project,
        change: &Change,
    ) -> Result<&Schedule, ScheduleError> {
        let mut kept = None;
        if let Some(both) = self.kept.take()
            && !change.everything
        {
            let (graph, mut state) = *both;
            let mut net = Net { project, graph };
            if state.update(&mut net, change)? {
                kept = Some(Box::new((net.graph, state)));
            }
        }
        let kept = match kept {
            Some(kept) => kept,
            None => Box::new(State::build(project)?),
        };
        Ok(&self.kept.insert(kept).1.schedule)
    }
}

/// The latest early finish of a task (not a summary), or the project start.
fn project_finish(net: &Net<'_>, ef: &[NaiveDateTime], start: NaiveDateTime) -> NaiveDateTime {
    (0..ef.len())
        .filter(|&i| !net.summary[i])
        .map(|i| ef[i])
        .max()
        .unwrap_or(start)
}

/// `conflicts` keyed by the row of their task.
fn by_row(net: &Net<'_>, conflicts: Vec<Conflict>) -> BTreeMap<usize, Conflict> {
    conflicts
        .into_iter()
        .filter_map(|c| Some((net.rows.get(c.task)?, c)))
        .collect()
}

/// Whether a link goes from a task to itself.
fn self_link(net: &Net<'_>) -> bool {
    (0..net.link_pred.len())
        .any(|k| net.link_pred[k] != usize::MAX && net.link_pred[k] == net.link_succ[k])
}

impl State {
    /// The network of `project` and every pass over the whole plan, as
    /// [`super::schedule`] runs them.
    fn build(project: &Project) -> Result<(Graph, State), ScheduleError> {
        let net = Net::build(project)?;
        let order = topological_order(&net)?;
        let n = project.tasks.len();
        let start = project_start(project);
        let (mut es1, mut ef1) = (Vec::new(), Vec::new());
        let mut forward = Vec::new();
        forward_pass(
            &net,
            &order,
            start,
            None,
            &mut forward,
            (&mut es1, &mut ef1),
        );
        roll_up(&net, &mut es1, &mut ef1);
        let mut state = State {
            conflicts: [by_row(&net, forward), BTreeMap::new(), BTreeMap::new()],
            position: positions(&order),
            order,
            project_start: start,
            es1,
            ef1,
            ls: Vec::new(),
            lf: Vec::new(),
            computed_ls: Vec::new(),
            es: Vec::new(),
            ef: Vec::new(),
            start: Vec::new(),
            finish: Vec::new(),
            self_link: self_link(&net),
            has_alap: false,
            marks: Marks::new(n),
            schedule: Schedule {
                tasks: Vec::new(),
                conflicts: Vec::new(),
                project_finish: start,
            },
        };
        state.recompute_from_backward(&net);
        Ok((net.graph, state))
    }

    /// Everything after the first forward pass, over the whole plan: the backward pass, the
    /// second forward pass, the dates as scheduled and the slack.
    fn recompute_from_backward(&mut self, net: &Net<'_>) {
        let finish = project_finish(net, &self.ef1, self.project_start);
        let mut backward = Vec::new();
        let late = (&mut self.ls, &mut self.lf, &mut self.computed_ls);
        let early = (&self.es1[..], &self.ef1[..]);
        backward_pass(net, &self.order, finish, early, &mut backward, late);
        roll_up(net, &mut self.ls, &mut self.lf);
        self.conflicts[BACKWARD] = by_row(net, backward);
        self.second_forward(net);
        self.start.clone_from(&self.es);
        self.finish.clone_from(&self.ef);
        for i in (0..self.es.len()).filter(|&i| alap(net, i)) {
            self.start[i] = self.ls[i];
            self.finish[i] = self.lf[i];
        }
        roll_up(net, &mut self.start, &mut self.finish);
        let mut slack = Vec::new();
        self.schedule.tasks = super::task_dates(
            net,
            (&self.es, &self.ef),
            (&self.ls, &self.lf),
            (&self.start, &self.finish),
            &mut slack,
        );
        self.conflicts[SLACK] = by_row(net, slack);
        self.schedule.project_finish = finish;
        self.gather_conflicts();
    }

    /// The second forward pass over the whole plan, when some tasks are as late as possible
    /// (their successors start after their late dates); the first one's dates otherwise.
    fn second_forward(&mut self, net: &Net<'_>) {
        self.has_alap = (0..self.es1.len()).any(|i| alap(net, i));
        if self.has_alap {
            let mut ignored = Vec::new();
            let late = Some((&self.ls[..], &self.lf[..]));
            let early = (&mut self.es, &mut self.ef);
            forward_pass(
                net,
                &self.order,
                self.project_start,
                late,
                &mut ignored,
                early,
            );
            roll_up(net, &mut self.es, &mut self.ef);
        } else {
            self.es.clone_from(&self.es1);
            self.ef.clone_from(&self.ef1);
        }
    }

    /// The schedule's conflicts in the full schedule's order: the forward pass's in
    /// topological order, the backward pass's in reverse, then the slack's by row.
    fn gather_conflicts(&mut self) {
        let mut forward: Vec<&Conflict> = self.conflicts[FORWARD].values().collect();
        let mut backward: Vec<(usize, &Conflict)> = self.conflicts[BACKWARD]
            .iter()
            .map(|(&r, c)| (r, c))
            .collect();
        let position = &self.position;
        let rows: Vec<usize> = self.conflicts[FORWARD].keys().copied().collect();
        let mut keyed: Vec<(u32, &Conflict)> = rows
            .iter()
            .map(|&r| position[r])
            .zip(forward.drain(..))
            .collect();
        keyed.sort_by_key(|(p, _)| *p);
        backward.sort_by_key(|(r, _)| Reverse(position[*r]));
        self.schedule.conflicts = keyed
            .into_iter()
            .map(|(_, c)| c.clone())
            .chain(backward.into_iter().map(|(_, c)| c.clone()))
            .chain(self.conflicts[SLACK].values().cloned())
            .collect();
    }
}

/// Each row's place in `order`.
fn positions(order: &[usize]) -> Vec<u32> {
    let mut position = vec![0u32; order.len()];
    for (p, &i) in order.iter().enumerate() {
        position[i] = p as u32;
    }
    position
}

/// A task (not a summary) as late as possible.
fn alap(net: &Net<'_>, i: usize) -> bool {
    !net.summary[i] && net.is(i, flag::ALAP)
}
