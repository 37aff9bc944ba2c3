//! `pilote bench tracking [--tasks N] [--seed S]`: what opening the dashboard and the workload
//! costs on a large staffed plan. The generated project gets a team (one person per twenty
//! tasks), one assignment per task, a baseline, and progress recorded half-way through; then
//! the KPI report (costs, earned value, curves, tiles), the resource load and a leveling run
//! are timed.

use std::fmt::Write as _;
use std::time::Instant;

use crate::cli::Action;
use crate::cli::bench::generate_project;
use crate::model::{
    Assignment, AssignmentId, Project, Rate, RatePer, Resource, ResourceId, outline,
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
    let _ = writeln!(out, "load_ms: {load_ms:.1}");
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
