//! Direct manipulation of the bars: what a drag becomes (a start-no-earlier-than constraint,
//! a duration, a % complete, a link), and the plan rescheduled live with the edit a drag would
//! make, so its ghost and its successors' show where they will land before the button is
//! released.

use chrono::NaiveDateTime;

use super::GanttState;
use super::scale::days_of;
use crate::doc::edit::Edit;
use crate::model::{LinkKind, Project, TaskId};
use crate::schedule::cpm::{Change, Rescheduler};
use crate::ui::ViewCtx;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DragKind {
    Move,
    Resize,
    /// From the bar's left edge (anywhere on a started task's bar): the % complete.
    Progress,
    /// From the bar's finish (or start) to another bar's start or finish.
    Link {
        from_finish: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Drag {
    pub task: TaskId,
    pub row: usize,
    pub kind: DragKind,
    /// Where the button went down.
    pub origin_x: f32,
}

/// What a drag snaps to, in days: whole days, or hours at the hour zoom.
pub fn snap_days(px_per_day: f32) -> f64 {
    if px_per_day >= super::HOUR_ZOOM_PX_PER_DAY {
        1.0 / 24.0
    } else {
        1.0
    }
}

/// The edit a finished drag makes, or `None` when it changes nothing (or a message is shown).
pub fn drop_edit(
    view: &ViewCtx<'_>,
    state: &GanttState,
    drag: Drag,
    p: egui::Pos2,
    row_at: impl Fn(f32) -> Option<usize>,
    left: f32,
) -> Option<crate::doc::edit::Edit> {
    use crate::doc::edit::{Edit, TaskField};
    use crate::model::{Constraint, Duration};
    let schedule = view.derived.schedule.as_ref().ok()?;
    let (_, cal) = state.calendar.as_ref()?;
    let task = &view.project.tasks[drag.row];
    let d = schedule.tasks.get(drag.row)?;
    let step = snap_days(state.px_per_day);
    let moved = (f64::from((p.x - drag.origin_x) / state.px_per_day) / step).round() * step;
    match drag.kind {
        DragKind::Move => {
            if moved == 0.0 {
                return None;
            }
            let minutes = (moved * 1440.0).round() as i64;
            let target = d.start + chrono::Duration::minutes(minutes);
            // As in MS Project: a moved task gets a start-no-earlier-than constraint, on the
            // next working time.
            let start = if task.milestone {
                target
            } else {
                cal.next_working(target).unwrap_or(target)
            };
            Some(Edit::SetTask {
                id: task.id,
                field: TaskField::Constraint(Constraint::StartNoEarlierThan(start)),
            })
        }
        DragKind::Resize => {
            if moved == 0.0 {
                return None;
            }
            let finish = d.finish + chrono::Duration::minutes((moved * 1440.0).round() as i64);
            let minutes = cal.working_minutes_between(d.start, finish).max(0);
            let per_day = f64::from(view.project.settings.minutes_per_day.max(1));
            let duration = if step < 1.0 {
                Duration {
                    amount: (minutes as f64 / 60.0).round(),
                    unit: crate::model::DurationUnit::Hours,
                }
            } else {
                Duration::days((minutes as f64 / per_day).round())
            };
            Some(Edit::SetTask {
                id: task.id,
                field: TaskField::Duration(duration),
            })
        }
        DragKind::Progress => {
            let (xs, xf) = (
                state.x_of(left, days_of(d.start)),
                state.x_of(left, days_of(d.finish)),
            );
            let share = if xf > xs {
                ((p.x - xs) / (xf - xs)).clamp(0.0, 1.0)
            } else {
                1.0
            };
            let percent = (share * 100.0).round() as u8;
            if percent == task.percent_complete {
                return None;
            }
            let update = crate::schedule::progress::update_task(
                view.project,
                drag.row,
                (d.start, d.finish),
                crate::schedule::progress::TaskUpdate::Percent(percent),
            )
            .ok()?;
            Some(Edit::SetProgress(Box::new(update)))
        }
        DragKind::Link { from_finish } => {
            link_edit(view, state, drag, from_finish, p, row_at, left)
        }
    }
}

/// The link a drag from the bar's finish (or start) makes to the start or the finish of the
/// bar under `p`, whichever half of it `p` is on; `None` off the rows, on the bar itself, or
/// when the link is there already or would make a cycle.
fn link_edit(
    view: &ViewCtx<'_>,
    state: &GanttState,
    drag: Drag,
    from_finish: bool,
    p: egui::Pos2,
    row_at: impl Fn(f32) -> Option<usize>,
    left: f32,
) -> Option<Edit> {
    use crate::model::{Lag, Link};
    let schedule = view.derived.schedule.as_ref().ok()?;
    let task = &view.project.tasks[drag.row];
    let target = row_at(p.y)?;
    if target == drag.row {
        return None;
    }
    let to = &view.project.tasks[target];
    let td = schedule.tasks.get(target)?;
    let (xs, xf) = (
        state.x_of(left, days_of(td.start)),
        state.x_of(left, days_of(td.finish)),
    );
    let to_start = p.x <= f32::midpoint(xs, xf);
    let kind = match (from_finish, to_start) {
        (true, true) => LinkKind::FinishToStart,
        (false, true) => LinkKind::StartToStart,
        (true, false) => LinkKind::FinishToFinish,
        (false, false) => LinkKind::StartToFinish,
    };
    let mut links: Vec<Link> = view
        .project
        .links
        .iter()
        .filter(|l| l.successor == to.id)
        .copied()
        .collect();
    if links.iter().any(|l| l.predecessor == task.id) {
        return None;
    }
    links.push(Link {
        predecessor: task.id,
        successor: to.id,
        kind,
        lag: Lag::None,
    });
    if crate::ui::task_plan::would_cycle(view, to.id, &links) {
        return None;
    }
    Some(Edit::SetPredecessors { task: to.id, links })
}

/// The plan rescheduled with the edit a drag in progress would make.
pub struct Preview {
    /// A copy of the plan taken when the drag began (at this revision), with the edit of the
    /// moment applied: each new position undoes the last edit and applies the next, so a drag
    /// copies the plan once, not once per snapped day.
    plan: Project,
    /// The app's kept schedule, copied with the plan and updated with each edit's change:
    /// only what the dragged task reaches is scheduled again, at any size of plan.
    kept: Rescheduler,
    /// What moved in `plan` since `kept` last scheduled it.
    change: Change,
    revision: u64,
    edit: Option<Edit>,
    undo: Option<Edit>,
    /// Start and finish of every row with the edit applied; `None` when the drag changes
    /// nothing yet, or when the plan cannot be scheduled with it (the drop would then be
    /// refused by the history too).
    pub dates: Option<Vec<(NaiveDateTime, NaiveDateTime)>>,
}

/// Reschedules the copy of the plan with `edit` applied, unless it already has that edit (the
/// pointer moved within the same snapped day or hour).
pub fn update_preview(view: &ViewCtx<'_>, preview: &mut Option<Preview>, edit: Option<Edit>) {
    let p = match preview {
        Some(p) if p.revision == view.derived.revision => p,
        _ => preview.insert(Preview {
            plan: view.project.clone(),
            kept: view.derived.kept.clone(),
            change: Change::default(),
            revision: view.derived.revision,
            edit: None,
            undo: None,
            dates: None,
        }),
    };
    if p.edit == edit {
        return;
    }
    if let Some(undo) = p.undo.take() {
        p.change.merge(undo.schedule_change());
        let _ = undo.apply(&mut p.plan);
    }
    p.dates = None;
    p.edit.clone_from(&edit);
    if let Some(edit) = edit {
        let change = edit.schedule_change();
        if let Ok(undo) = edit.apply(&mut p.plan) {
            p.undo = Some(undo);
            p.change.merge(change);
            let change = std::mem::take(&mut p.change);
            p.dates = p
                .kept
                .update(&p.plan, &change)
                .ok()
                .map(|s| s.tasks.iter().map(|d| (d.start, d.finish)).collect());
        }
    }
}
