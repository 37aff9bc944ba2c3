//! `pilote kpi FILE [--status-date D] [--json]`: earned value at the status date (the date
//! given, else the file's, else today); at a date before the recorded progress, what had been
//! earned and spent by then.

use std::fmt::Write as _;

use super::{Action, exit, load_any};

#[allow(
    clippy::too_many_lines,
    reason = "one verb: its options, the run, what it prints"
)]
pub fn run(args: &[String]) -> Action {
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
            "--status-date" => match rest.next().map(|d| (d, d.parse::<chrono::NaiveDate>())) {
                Some((_, Ok(d))) => status = Some(d),
                Some((d, Err(_))) => {
                    return usage(&format!(
                        "--status-date: \"{d}\" is not a date (YYYY-MM-DD)"
                    ));
                }
                None => return usage("--status-date needs a date (YYYY-MM-DD)"),
            },
            other if other.starts_with('-') => return usage(&format!("unknown option {other}")),
            other if file.is_none() => file = Some(other.to_owned()),
            other => return usage(&format!("unexpected argument {other}")),
        }
    }
    let Some(file) = file else {
        return usage("expected a FILE");
    };
    let (project, _) = match load_any(&file) {
        Ok(loaded) => loaded,
        Err(error) => return exit(1, String::new(), format!("{error}\n")),
    };
    // As MS Project does: the date given, else the file's status date, else today.
    let (status, why) = match (status, project.meta.status_date) {
        (Some(d), _) => (d, "the date given"),
        (None, Some(d)) => (d, "the file's status date"),
        (None, None) => (
            chrono::Local::now().date_naive(),
            "today: the file has no status date",
        ),
    };
    let schedule = match crate::schedule::cpm::schedule(&project) {
        Ok(s) => s,
        Err(error) => return exit(1, String::new(), format!("{file}: {error}\n")),
    };
    let report = match crate::schedule::kpi::report(&project, &schedule, status) {
        Ok(r) => r,
        Err(error) => return exit(1, String::new(), format!("{file}: {error}\n")),
    };
    let f = report.ev.project;
    if json {
        // Full precision: SPI is exactly EV / PV here; rounding is for the text output.
        let out = serde_json::json!({
            "status_date": status.to_string(),
            "progress_date": report.progress_date.to_string(),
            "currency": project.meta.currency,
            "baseline": project.earned_value.baseline,
            "pv": f.pv,
            "ev": f.ev,
            "ac": f.ac,
            "sv": f.sv,
            "cv": f.cv,
            "spi": f.spi,
            "cpi": f.cpi,
            "eac": f.eac,
            "etc": f.etc,
            "vac": f.vac,
            "tcpi": f.tcpi,
            "bac": f.bac,
            "percent_complete": f.percent_complete,
        });
        return exit(0, format!("{out}\n"), String::new());
    }
    let cur = &project.meta.currency;
    let idx = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| format!("{v:.3}"));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{file}: earned value at {status} ({why}) against baseline {}",
        project.earned_value.baseline
    );
    if report.before_progress() {
        let _ = writeln!(
            out,
            "  progress is recorded through {}: EV and AC are what had been earned and spent by {status}",
            report.progress_date
        );
    }
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
    exit(0, out, String::new())
}
