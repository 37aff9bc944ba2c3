//! `pilote risk FILE [--iterations N] [--seed S] [--mitigated] [--correlation R] [--json]`:
//! the Monte Carlo schedule and cost risk analysis of FILE, on every core.

use std::fmt::Write as _;

use chrono::NaiveDateTime;

use super::{Action, exit, load_any};
use crate::model::Project;
use crate::schedule::risk::{self, Control, Input, RiskOptions, RiskResult};

/// Reads the options of the verb (everything but FILE), or says what is wrong.
fn options(args: &[String]) -> Result<(Option<String>, RiskOptions, bool), String> {
    let mut options = RiskOptions::default();
    let mut file = None;
    let mut json = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |name: &str| {
            rest.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match arg.as_str() {
            "--json" => json = true,
            "--mitigated" => options.mitigated = true,
            "--iterations" => {
                let v = value("--iterations")?;
                options.iterations = v
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or(format!("--iterations: \"{v}\" is not a positive number"))?;
            }
            "--seed" => {
                let v = value("--seed")?;
                options.seed = v
                    .parse()
                    .map_err(|_| format!("--seed: \"{v}\" is not a number"))?;
            }
            "--correlation" => {
                let v = value("--correlation")?;
                options.correlation = v
                    .parse()
                    .ok()
                    .filter(|r| (0.0..=1.0).contains(r))
                    .ok_or(format!("--correlation: \"{v}\" is not between 0 and 1"))?;
            }
            other if other.starts_with('-') => return Err(format!("unknown option {other}")),
            other if file.is_none() => file = Some(other.to_owned()),
            other => return Err(format!("unexpected argument {other}")),
        }
    }
    Ok((file, options, json))
}

pub fn run(args: &[String]) -> Action {
    let usage = |why: &str| {
        exit(
            2,
            String::new(),
            format!("pilote risk: {why}\n\n{}", super::usage()),
        )
    };
    let (file, options, json) = match options(args) {
        Ok((Some(file), options, json)) => (file, options, json),
        Ok((None, ..)) => return usage("expected a FILE"),
        Err(why) => return usage(&why),
    };
    let (project, _) = match load_any(&file) {
        Ok(loaded) => loaded,
        Err(error) => return exit(1, String::new(), format!("{error}\n")),
    };
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let clock = std::time::Instant::now();
    let result = match risk::simulate(&project, options, threads, &Control::default()) {
        Ok(Some(result)) => result,
        Ok(None) => return exit(1, String::new(), format!("{file}: cancelled\n")),
        Err(error) => return exit(1, String::new(), format!("{file}: {error}\n")),
    };
    let ms = clock.elapsed().as_secs_f64() * 1000.0;
    let stdout = if json {
        json_text(&project, &result, ms)
    } else {
        text(&project, &result, ms)
    };
    let mut stderr = String::new();
    for w in &result.warnings {
        let _ = writeln!(stderr, "{file}: {w}");
    }
    exit(0, stdout, stderr)
}

fn stamp(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M").to_string()
}

fn json_text(project: &Project, r: &RiskResult, ms: f64) -> String {
    let criticality: serde_json::Map<String, serde_json::Value> = r
        .criticality
        .iter()
        .map(|(id, c)| (id.0.to_string(), serde_json::json!(c)))
        .collect();
    let sensitivity: Vec<serde_json::Value> = r
        .sensitivity
        .iter()
        .take(10)
        .map(|s| {
            let (kind, id) = match s.input {
                Input::Task(id) => ("task", id.0),
                Input::Risk(id) => ("risk", id.0),
                Input::Cost(id) => ("cost_item", id.0),
            };
            serde_json::json!({
                "kind": kind,
                "id": id,
                "name": s.input.label(project),
                "correlation": s.correlation,
            })
        })
        .collect();
    let milestones: Vec<serde_json::Value> = r
        .milestones
        .iter()
        .map(|m| {
            serde_json::json!({
                "id": m.task.0,
                "deterministic": stamp(m.deterministic),
                "p50": stamp(m.percentile(0.5)),
                "p80": stamp(m.percentile(0.8)),
                "deadline": m.deadline.map(|d| d.to_string()),
                "probability_by_deadline": m.deadline_share(),
            })
        })
        .collect();
    let out = serde_json::json!({
        "iterations": r.options.iterations,
        "seed": r.options.seed,
        "mitigated": r.options.mitigated,
        "deterministic_finish": stamp(r.deterministic_finish),
        "finish_p10": stamp(r.finish_percentile(0.1)),
        "finish_p50": stamp(r.finish_percentile(0.5)),
        "finish_p80": stamp(r.finish_percentile(0.8)),
        "finish_p90": stamp(r.finish_percentile(0.9)),
        "deterministic_cost": r.deterministic_cost,
        "cost_p50": r.cost_percentile(0.5),
        "cost_p80": r.cost_percentile(0.8),
        "baseline_finish": r.baseline_finish.map(stamp),
        "probability_on_time": r.baseline_finish.map(|b| r.probability_finish_by(b)),
        "budget": r.budget,
        "probability_within_budget": r.budget.map(|b| r.probability_within(b)),
        "criticality": criticality,
        "sensitivity": sensitivity,
        "milestones": milestones,
        "ms": ms,
    });
    format!("{out:#}\n")
}

fn text(project: &Project, r: &RiskResult, ms: f64) -> String {
    let mut out = String::new();
    let pct = |p: f64| format!("{:.0} %", p * 100.0);
    let _ = writeln!(
        out,
        "{} iterations (seed {}{}) in {ms:.0} ms",
        r.options.iterations,
        r.options.seed,
        if r.options.mitigated {
            ", mitigated"
        } else {
            ""
        }
    );
    let _ = writeln!(out, "finish    planned {}", stamp(r.deterministic_finish));
    for p in [0.1, 0.5, 0.8, 0.9] {
        let _ = writeln!(
            out,
            "          P{:<2}     {}",
            (p * 100.0) as u32,
            stamp(r.finish_percentile(p))
        );
    }
    if let Some(b) = r.baseline_finish {
        let _ = writeln!(
            out,
            "          on time (baseline {}): {}",
            stamp(b),
            pct(r.probability_finish_by(b))
        );
    }
    let _ = writeln!(out, "cost      planned {:.0}", r.deterministic_cost);
    for p in [0.5, 0.8] {
        let _ = writeln!(
            out,
            "          P{:<2}     {:.0}",
            (p * 100.0) as u32,
            r.cost_percentile(p)
        );
    }
    if let Some(b) = r.budget {
        let _ = writeln!(
            out,
            "          within budget ({b:.0}): {}",
            pct(r.probability_within(b))
        );
    }
    let _ = writeln!(out, "sensitivity (correlation with the finish):");
    for s in r.sensitivity.iter().take(10) {
        let _ = writeln!(out, "  {:+.2}  {}", s.correlation, s.input.label(project));
    }
    out
}
