//! Rescheduling after one edit, as the app does it: the edit goes through the document's edit
//! (what undo and the Gantt apply), then the kept schedule is updated from what it changed.
//! The edits are drawn at random among what a planner does all day: a duration, a link (its
//! lag or type, one more from a task already upstream, one removed) or a constraint.

use std::time::Instant;

use chrono::Days;

use crate::doc::edit::{Edit, TaskField};
use crate::model::{Constraint, Duration, Lag, LinkKind, Project, outline};
use crate::schedule::cpm::{self, Rescheduler};
use crate::schedule::risk::sampling::Rng;

/// Milliseconds of each of `edits` random edits (edit applied and schedule updated), after
/// which the kept schedule is checked against a full one: an error says where they differ.
pub fn time_edits(project: &mut Project, edits: usize, seed: u64) -> Result<Vec<f64>, String> {
    let mut kept = Rescheduler::new(project).map_err(|e| e.to_string())?;
    let leaves: Vec<usize> = (0..project.tasks.len())
        .filter(|&i| !outline::is_summary(&project.tasks, i))
        .collect();
    if leaves.is_empty() {
        return Ok(Vec::new());
    }
    let mut rng = Rng::seeded(seed);
    let mut times = Vec::with_capacity(edits);
    for _ in 0..edits {
        let row = leaves[rng.below(leaves.len())];
        let edit = random_edit(project, &kept, row, &mut rng);
        let started = Instant::now();
        let change = edit.schedule_change();
        if edit.apply(project).is_err() {
            continue;
        }
        kept.update(project, &change).map_err(|e| e.to_string())?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let full = cpm::schedule(project).map_err(|e| e.to_string())?;
    match kept.schedule() {
        Some(fast) if fast.tasks == full.tasks && fast.project_finish == full.project_finish => {
            Ok(times)
        }
        _ => Err("the kept schedule differs from a full schedule after the edits".into()),
    }
}

/// One edit of the task at `row`: a third of the time its duration, a third one of its links
/// into it, a third its constraint, dated around where it is scheduled now.
fn random_edit(project: &Project, kept: &Rescheduler, row: usize, rng: &mut Rng) -> Edit {
    let task = &project.tasks[row];
    let id = task.id;
    let links: Vec<_> = project
        .links
        .iter()
        .filter(|l| l.successor == id)
        .copied()
        .collect();
    match rng.below(3) {
        1 if !links.is_empty() => Edit::SetPredecessors {
            task: id,
            links: edited_links(project, links, rng),
        },
        2 => {
            let at = kept
                .schedule()
                .and_then(|s| s.tasks.get(row))
                .map_or(task.start, |d| d.start);
            let shift = rng.below(21);
            let date = at.checked_add_days(Days::new(shift as u64)).unwrap_or(at);
            let constraint = match rng.below(5) {
                0 => Constraint::Asap,
                1 => Constraint::StartNoEarlierThan(date),
                2 => Constraint::FinishNoLaterThan(date),
                3 => Constraint::MustStartOn(date),
                _ => Constraint::FinishNoEarlierThan(date),
            };
            Edit::SetTask {
                id,
                field: TaskField::Constraint(constraint),
            }
        }
        _ => Edit::SetTask {
            id,
            field: TaskField::Duration(Duration::days(1.0 + rng.below(20) as f64)),
        },
    }
}

/// `links` (all those into one task) with one changed: its lag and type, one removed, or one
/// more from a predecessor of a predecessor (already upstream, so no cycle can come of it).
fn edited_links(
    project: &Project,
    mut links: Vec<crate::model::Link>,
    rng: &mut Rng,
) -> Vec<crate::model::Link> {
    let k = rng.below(links.len());
    match rng.below(3) {
        0 => {
            links[k].kind = LinkKind::ALL[rng.below(LinkKind::ALL.len())];
            links[k].lag = Lag::Time(Duration::days(rng.below(6) as f64 - 1.0));
        }
        1 => {
            links.remove(k);
        }
        _ => {
            let upstream = links[k].predecessor;
            let further: Vec<_> = project
                .links
                .iter()
                .filter(|l| l.successor == upstream)
                .map(|l| l.predecessor)
                .filter(|p| links.iter().all(|l| l.predecessor != *p))
                .collect();
            if let Some(&p) = further.get(rng.below(further.len().max(1))) {
                let mut link = links[k];
                link.predecessor = p;
                link.kind = LinkKind::FinishToStart;
                link.lag = Lag::Time(Duration::days(rng.below(4) as f64));
                links.push(link);
            } else {
                links[k].lag = Lag::Time(Duration::days(rng.below(4) as f64));
            }
        }
    }
    links
}
