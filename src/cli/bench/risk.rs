//! `pilote bench risk [--tasks N] [--iterations M] [--seed S] [--file FILE]`: the Monte Carlo
//! risk analysis on a generated plan (10,000 tasks by default), staffed and half done like
//! `bench tracking`'s, every open leaf task given a three-point estimate (−10 % / +30 % of its
//! duration, one in three PERT, one group per phase) and a risk per phase delaying one of its
//! tasks; or on FILE as it is.

use std::fmt::Write as _;
use std::time::Instant;

use crate::cli::Action;
use crate::cli::bench::{flag, generate_project, plan_file};
use crate::model::{
    Distribution, Duration, EffectKind, EstimateId, Project, Risk, RiskEffect, RiskId,
    TaskEstimate, outline,
};
use crate::schedule::risk::{Control, RiskOptions, simulate};

pub const USAGE: &str =
    "usage: pilote bench risk [--tasks N] [--iterations M] [--seed S] [--file FILE]\n";

/// `project` with estimates on its open leaf tasks and one risk per phase.
pub fn with_uncertainty(mut project: Project) -> Project {
    let tasks = &project.tasks;
    let mut estimates = Vec::new();
    let mut phase = String::new();
    let mut risks = Vec::new();
    for i in 0..tasks.len() {
        let t = &tasks[i];
        if t.outline_level == 1 {
            phase = format!("phase {}", t.id);
            continue;
        }
        if outline::is_summary(tasks, i) || t.milestone || t.percent_complete >= 100 {
            continue;
        }
        if t.duration.amount <= 0.0 {
            continue;
        }
        let scaled = |f: f64| Duration {
            amount: t.duration.amount * f,
            unit: t.duration.unit,
        };
        let n = estimates.len();
        estimates.push(TaskEstimate {
            id: EstimateId(n as u32 + 1),
            task: t.id,
            optimistic: scaled(0.9),
            most_likely: t.duration,
            pessimistic: scaled(1.3),
            distribution: if n % 3 == 0 {
                Distribution::Pert
            } else {
                Distribution::Triangular
            },
            group: if n % 2 == 0 {
                phase.clone()
            } else {
                String::new()
            },
        });
        if n % 500 == 0 {
            let id = RiskId(risks.len() as u32 + 1);
            let mut risk = Risk::new(id, &format!("Risk on {}", t.name), project.meta.start);
            risk.occurrence_percent = Some(30.0);
            risk.effects = vec![RiskEffect {
                task: t.id,
                kind: EffectKind::Delay(Duration::days(5.0)),
            }];
            risks.push(risk);
        }
    }
    project.task_estimates = estimates;
    project.risks = risks;
    project
}

pub fn run(args: &[String]) -> Action {
    let error = |message: String| Action::Exit {
        code: 2,
        stdout: String::new(),
        stderr: message,
    };
    let iterations = flag(args, "--iterations").unwrap_or(10_000).max(1) as u32;
    let seed = flag(args, "--seed").unwrap_or(1) as u64;
    let project = match plan_file(args) {
        Some(Ok((project, _))) => project,
        Some(Err(message)) => return error(message),
        None => {
            let tasks = flag(args, "--tasks").unwrap_or(10_000);
            match super::tracking::staff(generate_project(tasks, seed)) {
                Ok(p) => with_uncertainty(p),
                Err(message) => return error(format!("pilote bench risk: {message}\n")),
            }
        }
    };
    let options = RiskOptions {
        iterations,
        seed,
        ..RiskOptions::default()
    };
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let clock = Instant::now();
    let result = match simulate(&project, options, threads, &Control::default()) {
        Ok(Some(r)) => r,
        Ok(None) => return error("pilote bench risk: cancelled\n".to_owned()),
        Err(e) => return error(format!("pilote bench risk: {e}\n")),
    };
    let ms = clock.elapsed().as_secs_f64() * 1000.0;
    let mut out = String::new();
    let _ = writeln!(out, "tasks {}", project.tasks.len());
    let _ = writeln!(out, "estimates {}", project.task_estimates.len());
    let _ = writeln!(out, "risks {}", project.risks.len());
    let _ = writeln!(out, "iterations {iterations}");
    let _ = writeln!(out, "threads {threads}");
    let _ = writeln!(out, "risk_ms {ms:.0}");
    let _ = writeln!(out, "ms_per_iteration {:.3}", ms / f64::from(iterations));
    let _ = writeln!(out, "finish_planned {}", result.deterministic_finish);
    let _ = writeln!(out, "finish_p80 {}", result.finish_percentile(0.8));
    Action::Exit {
        code: 0,
        stdout: out,
        stderr: String::new(),
    }
}
