//! `pilote bench tracking [--tasks N] [--seed S]`: what opening the dashboard and the workload
//! costs on a large staffed plan. The generated project gets a team (one person per twenty
//! tasks), one assignment per task, a baseline, and progress recorded half-way through; then
//! the KPI report (costs, earned value, curves, tiles), the resource load and a leveling run
//! are timed.

use std::fmt::Write as _;
use std::time::Instant;

use crate::cli::Action;
use crate::cli::bench::generate_project;
use crate::doc::edit::{Edit, TaskField};
use crate::model::{
    Assignment, AssignmentId, Duration, Project, Rate, RatePer, Resource, ResourceId, outline,
};
use crate::schedule::calendar::WorkCalendar;
use crate::schedule::{baseline, cost, cpm, kpi, leveling, load, progress};

pub const USAGE: &str = "usage: pilote bench tracking [--tasks N] [--seed S]\n";

/// `project` with a team, assignments, a baseline and progress half-way.
pub fn staff(mut project: Project) -> Result<Project, String> {
    let leaves: Vec<usize> = (0..project.tasks.len())
        .filter(|&i| !outline::is_summary(&project.tasks, i) && !project.tasks[i].milestone)
        .collect();
    let people = (leaves.len() / 20).max(5);
    for k in 0..people {
        let mut r = Resource::person(ResourceId(k as u32 + 1), &format!("Person {}", k + 1));
        r.standard_rate = Rate {
            amount: 400.0 + (k % 5) as f64 * 100.0,
            per: RatePer::Day,
        };
        project.resources.push(r);
    }
    for (n, &i) in leaves.iter().enumerate() {
        let (minutes, _) = cpm::duration_minutes(&project, project.tasks[i].duration);
        project.assignments.push(Assignment::new(
            AssignmentId(n as u32 + 1),
            (project.tasks[i].id, ResourceId((n % people) as u32 + 1)),
            1.0,
            minutes,
        ));
    }
    let schedule = cpm::schedule(&project).map_err(|e| e.to_string())?;
    let sheet = cost::cost_sheet(&project, 0);
    project.baselines = baseline::save(&project, &schedule, &sheet, 0, project.meta.start, None);
    let cal =
        WorkCalendar::resolve(&project, project.settings.calendar).map_err(|e| e.to_string())?;
    let first = project.meta.start;
    let middle = first + (schedule.project_finish.date() - first) / 2;
    progress::update_through(&project, &schedule, &cal, middle).apply(&mut project);
    Ok(project)
}

pub fn run(args: &[String]) -> Action {
    let flag = |name: &str| -> Option<usize> {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
    };
    let tasks = flag("--tasks").unwrap_or(10_000);
    let seed = flag("--seed").unwrap_or(1) as u64;
    let fail = |e: String| Action::Exit {
        code: 1,
        stdout: String::new(),
        stderr: format!("pilote bench tracking: {e}\n"),
    };
    let project = match staff(generate_project(tasks, seed)) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    let schedule = match cpm::schedule(&project) {
        Ok(s) => s,
        Err(e) => return fail(e.to_string()),
    };
    let Some(status) = project.meta.status_date else {
        return fail("no status date".into());
    };
    let started = Instant::now();
    let report = match kpi::report(&project, &schedule, status) {
        Ok(r) => r,
        Err(e) => return fail(e.to_string()),
    };
    let kpi_ms = started.elapsed().as_secs_f64() * 1000.0;
    let started = Instant::now();
    let l = load::load(&project, &schedule);
    let load_ms = started.elapsed().as_secs_f64() * 1000.0;
    let started = Instant::now();
    let leveled = match leveling::level(&project, &leveling::Options::default()) {
        Ok(o) => o,
        Err(e) => return fail(e),
    };
    let level_ms = started.elapsed().as_secs_f64() * 1000.0;
    let (load_after_edit, report_after_edit) = match after_edits(project.clone(), 21, seed) {
        Ok(ms) => ms,
        Err(e) => return fail(e),
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "tasks: {}, resources: {}, assignments: {}, status date {status}",
        project.tasks.len(),
        project.resources.len(),
        project.assignments.len()
    );
    let _ = writeln!(
        out,
        "spi: {:.3}, cpi: {:.3}",
        report.ev.project.spi.unwrap_or(0.0),
        report.ev.project.cpi.unwrap_or(0.0)
    );
    let _ = writeln!(out, "kpi_report_ms: {kpi_ms:.1}");
    let _ = writeln!(
        out,
        "kpi_report_after_edit_ms: {report_after_edit:.1} (median of 21 duration edits: reschedule and report)"
    );
    let _ = writeln!(out, "load_ms: {load_ms:.1}");
    let _ = writeln!(
        out,
        "load_after_edit_ms: {load_after_edit:.1} (median of 21 duration edits: reschedule and load)"
    );
    let _ = writeln!(
        out,
        "over_allocated_resource_days: {}",
        l.over_allocations(&project).len()
    );
    let _ = writeln!(
        out,
        "level_ms: {level_ms:.1} ({} tasks delayed)",
        leveled.delayed
    );
    Action::Exit {
        code: 0,
        stdout: out,
        stderr: String::new(),
    }
}

/// Milliseconds to bring the schedule and the load, then the schedule and the dashboard's
/// report, up to date after a task's duration changes, as the app does (medians of `edits`
/// random edits); the load is checked against a full one after.
fn after_edits(mut project: Project, edits: usize, seed: u64) -> Result<(f64, f64), String> {
    let status = project.meta.status_date.ok_or("no status date")?;
    let mut kept = cpm::Rescheduler::new(&project).map_err(|e| e.to_string())?;
    let mut schedule = kept.schedule().cloned().ok_or("no schedule")?;
    let mut kept_load = load::KeptLoad::new(&project, &schedule);
    let rows = outline::positions(&project.tasks);
    let leaves: Vec<usize> = (0..project.tasks.len())
        .filter(|&i| !outline::is_summary(&project.tasks, i) && !project.tasks[i].milestone)
        .collect();
    let mut rng = crate::schedule::risk::sampling::Rng::seeded(seed);
    let mut times = Vec::with_capacity(edits);
    let mut reports = Vec::with_capacity(edits);
    for _ in 0..edits {
        let row = leaves[rng.below(leaves.len().max(1))];
        let edit = Edit::SetTask {
            id: project.tasks[row].id,
            field: TaskField::Duration(Duration::days(1.0 + rng.below(15) as f64)),
        };
        let started = Instant::now();
        let change = edit.schedule_change();
        edit.apply(&mut project).map_err(|e| e.to_string())?;
        let before = std::mem::replace(
            &mut schedule,
            kept.update(&project, &change)
                .map_err(|e| e.to_string())?
                .clone(),
        );
        let rescheduled_ms = started.elapsed().as_secs_f64() * 1000.0;
        if !kept_load.follow(&project, (&before, &schedule), &rows, &change.tasks) {
            kept_load = load::KeptLoad::new(&project, &schedule);
        }
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        let started = Instant::now();
        kpi::report(&project, &schedule, status).map_err(|e| e.to_string())?;
        reports.push(rescheduled_ms + started.elapsed().as_secs_f64() * 1000.0);
    }
    let full = load::load(&project, &schedule);
    let off = full
        .load
        .iter()
        .zip(&kept_load.load.load)
        .flat_map(|(a, b)| a.iter().zip(b).map(|(x, y)| (x - y).abs()))
        .fold(0.0, f64::max);
    if full.days != kept_load.load.days || off > 1e-6 {
        return Err(format!("the kept load is {off} minutes off a full one"));
    }
    Ok((super::median(times), super::median(reports)))
}
