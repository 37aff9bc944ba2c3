//! `pilote schedule FILE [--json]`: each task's dates, slack and critical flag; slack in the
//! plan's working days in text, in working minutes in JSON.

use std::fmt::Write as _;

use super::{Action, exit};
use crate::model::outline;

pub fn run(file: &str, json: bool) -> Action {
    let opened = match crate::doc::open::open_path(std::path::Path::new(file)) {
        Ok(opened) => opened,
        Err(error) => return exit(1, String::new(), format!("{error}\n")),
    };
    // A plan with dangling links, self-links, cycles or values beyond the model's limits is
    // refused as `check` reports it (at its line and column), not scheduled into dates that
    // mean nothing.
    if let Some(error) = super::check::first_problem(file, &opened) {
        return exit(1, String::new(), error);
    }
    let (project, warnings) = (opened.project, opened.warnings);
    let started = std::time::Instant::now();
    let result = crate::schedule::cpm::schedule(&project);
    let schedule_ms = started.elapsed().as_secs_f64() * 1000.0;
    let schedule = match result {
        Ok(s) => s,
        Err(error) => return exit(1, String::new(), format!("{file}: {error}\n")),
    };
    let stamp = |d: chrono::NaiveDateTime| d.format("%Y-%m-%dT%H:%M:%S").to_string();
    let mut warnings = warnings;
    warnings.extend(
        schedule
            .conflicts
            .iter()
            .map(|c| format!("task {}: {}", c.task, c.message)),
    );
    if json {
        // Rows serialised straight from borrowed fields: a tree of JSON values for 100,000
        // tasks took more memory than the plan itself.
        let tasks: Vec<JsonTask<'_>> = project
            .tasks
            .iter()
            .zip(&schedule.tasks)
            .enumerate()
            .map(|(i, (task, d))| JsonTask {
                uid: task.id.0,
                name: &task.name,
                summary: outline::is_summary(&project.tasks, i),
                milestone: task.milestone,
                manual: task.mode == crate::model::SchedulingMode::Manual,
                start: stamp(d.start),
                finish: stamp(d.finish),
                early_start: stamp(d.early_start),
                early_finish: stamp(d.early_finish),
                late_start: stamp(d.late_start),
                late_finish: stamp(d.late_finish),
                total_slack_minutes: d.total_slack_minutes,
                free_slack_minutes: d.free_slack_minutes,
                critical: d.critical,
            })
            .collect();
        let out = JsonSchedule {
            tasks,
            warnings: &warnings,
            schedule_ms: (schedule_ms * 1000.0).round() / 1000.0,
        };
        return match serde_json::to_string(&out) {
            Ok(text) => exit(0, text + "\n", String::new()),
            Err(error) => exit(1, String::new(), format!("{file}: {error}\n")),
        };
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{file}: {} tasks scheduled in {schedule_ms:.2} ms, finish {}",
        project.tasks.len(),
        stamp(schedule.project_finish)
    );
    for (task, d) in project.tasks.iter().zip(&schedule.tasks) {
        let _ = writeln!(
            out,
            "{:>6}  {} – {}  slack {:>9}{}  {}",
            task.id.0,
            stamp(d.start),
            stamp(d.finish),
            slack_text(&project.settings, d.total_slack_minutes),
            if d.critical { "  critical" } else { "" },
            task.name
        );
    }
    for warning in &warnings {
        let _ = writeln!(out, "warning: {warning}");
    }
    exit(0, out, String::new())
}

/// Slack as the task table shows durations: in working days of the plan ("20 days", "0.5
/// days"), in minutes only when the plan's day has no length.
#[derive(serde::Serialize)]
struct JsonTask<'a> {
    uid: u32,
    name: &'a str,
    summary: bool,
    milestone: bool,
    manual: bool,
    start: String,
    finish: String,
    early_start: String,
    early_finish: String,
    late_start: String,
    late_finish: String,
    total_slack_minutes: i64,
    free_slack_minutes: i64,
    critical: bool,
}

#[derive(serde::Serialize)]
struct JsonSchedule<'a> {
    tasks: Vec<JsonTask<'a>>,
    warnings: &'a [String],
    schedule_ms: f64,
}

fn slack_text(settings: &crate::model::ScheduleSettings, minutes: i64) -> String {
    if settings.minutes_per_day == 0 {
        return format!("{minutes} min");
    }
    let days = minutes as f64 / f64::from(settings.minutes_per_day);
    let days = (days * 100.0).round() / 100.0;
    crate::io::entry::format_duration(crate::model::Duration::days(days), crate::i18n::Lang::En)
}
