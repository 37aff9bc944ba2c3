//! `pilote kpi FILE [--status-date D] [--json]`: earned value at the status date.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::{Action, exit, load_any};
use crate::model::Project;
use crate::schedule::earned_value::EvFigures;

/// What the command line asked for.
struct Request {
    file: String,
    status: Option<NaiveDate>,
    json: bool,
}

/// Runs `pilote kpi` on the arguments after the verb.
pub fn run(args: &[String]) -> Action {
    let Request { file, status, json } = match parse(args) {
        Ok(request) => request,
        Err(usage) => return usage,
    };
    let (project, _) = match load_any(&file) {
        Ok(loaded) => loaded,
        Err(error) => return exit(1, String::new(), format!("{error}\n")),
    };
    let Some(status) = status.or(project.meta.status_date) else {
        return exit(
            1,
            String::new(),
            format!(
                "{file}: the project has no status date; give one with --status-date YYYY-MM-DD\n"
            ),
        );
    };
    let schedule = match crate::schedule::cpm::schedule(&project) {
        Ok(s) => s,
        Err(error) => return exit(1, String::new(), format!("{file}: {error}\n")),
    };
    let report = match crate::schedule::kpi::report(&project, &schedule, status) {
        Ok(r) => r,
        Err(error) => return exit(1, String::new(), format!("{file}: {error}\n")),
    };
    let f = &report.ev.project;
    let out = if json {
        as_json(&project, status, f)
    } else {
        as_table(&project, &file, status, f)
    };
    exit(0, out, String::new())
}

/// The options and the file, or the usage error to exit with.
fn parse(args: &[String]) -> Result<Request, Action> {
    let usage = |why: &str| {
        exit(
            2,
            String::new(),
            format!("pilote kpi: {why}\n\n{}", super::usage()),
        )
    };
    let mut file = None;
    let mut status = None;
    let mut json = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--status-date" => match rest.next().map(|d| (d, d.parse::<NaiveDate>())) {
                Some((_, Ok(d))) => status = Some(d),
                Some((d, Err(_))) => {
                    return Err(usage(&format!(
                        "--status-date: \"{d}\" is not a date (YYYY-MM-DD)"
                    )));
                }
                None => return Err(usage("--status-date needs a date (YYYY-MM-DD)")),
            },
            other if other.starts_with('-') => {
                return Err(usage(&format!("unknown option {other}")));
            }
            other if file.is_none() => file = Some(other.to_owned()),
            other => return Err(usage(&format!("unexpected argument {other}"))),
        }
    }
    let Some(file) = file else {
        return Err(usage("expected a FILE"));
    };
    Ok(Request { file, status, json })
}

/// The figures as one JSON object: money to the cent, indices to four decimals.
fn as_json(project: &Project, status: NaiveDate, f: &EvFigures) -> String {
    let money = |v: f64| (v * 100.0).round() / 100.0;
    let index = |v: Option<f64>| v.map(|v| (v * 10_000.0).round() / 10_000.0);
    let out = serde_json::json!({
        "status_date": status.to_string(),
        "currency": project.meta.currency,
        "baseline": project.earned_value.baseline,
        "pv": money(f.pv),
        "ev": money(f.ev),
        "ac": money(f.ac),
        "sv": money(f.sv),
        "cv": money(f.cv),
        "spi": index(f.spi),
        "cpi": index(f.cpi),
        "eac": money(f.eac),
        "etc": money(f.etc),
        "vac": money(f.vac),
        "tcpi": index(f.tcpi),
        "bac": money(f.bac),
        "percent_complete": (f.percent_complete * 100.0).round() / 100.0,
    });
    format!("{out}\n")
}

/// The figures as a table for reading, with the currency and "—" where an index is undefined.
fn as_table(project: &Project, file: &str, status: NaiveDate, f: &EvFigures) -> String {
    let cur = &project.meta.currency;
    let idx = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| format!("{v:.3}"));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{file}: earned value at {status} against baseline {}",
        project.earned_value.baseline
    );
    for (name, value) in [
        ("BAC", f.bac),
        ("PV", f.pv),
        ("EV", f.ev),
        ("AC", f.ac),
        ("SV", f.sv),
        ("CV", f.cv),
        ("EAC", f.eac),
        ("ETC", f.etc),
        ("VAC", f.vac),
    ] {
        let _ = writeln!(out, "  {name:<5}{value:>16.2} {cur}");
    }
    let _ = writeln!(out, "  SPI  {:>16}", idx(f.spi));
    let _ = writeln!(out, "  CPI  {:>16}", idx(f.cpi));
    let _ = writeln!(out, "  TCPI {:>16}", idx(f.tcpi));
    let _ = writeln!(out, "  complete {:>12.1} %", f.percent_complete);
    out
}
