//! The command line: `pilote [FILE]`, `pilote check FILE`, `--help`, `--version`.
//! Pure text in, text out, so that tests call it directly.

use std::fmt::Write as _;

use crate::io::document;
use crate::model::{Project, outline};

/// What `main` should do after parsing the arguments.
#[derive(Debug, PartialEq, Eq)]
pub enum Action {
    /// Open the window, on this file or on the sample, showing this view (else the last one).
    Gui {
        file: Option<String>,
        view: Option<crate::app::commands::ViewKind>,
    },
    /// Print `stdout` / `stderr` and exit with `code`.
    Exit {
        code: u8,
        stdout: String,
        stderr: String,
    },
}

pub const USAGE: &str = "\
Pilote — a planner for IT project managers

Usage:
  pilote [--view VIEW] [FILE]
                         open the window on FILE (a .pilote.ron project) or on the sample,
                         showing VIEW (tasks, resources, workload, dashboard, requirements,
                         deliverables, tests, anomalies, risks, meetings, project)
  pilote check FILE      load and validate FILE (a .pilote.ron project or an MS Project .xml
                         file); print what it holds, or the first error as
                         FILE:LINE:COLUMN: message (exit status 1)
  pilote schedule FILE [--json]
                         schedule FILE (.pilote.ron or MS Project .xml) from its start and
                         print each task's dates, slack and critical flag (exit 1 on a
                         dependency cycle)
  pilote kpi FILE [--status-date YYYY-MM-DD] [--json]
                         earned value of FILE at its status date (or the date given):
                         PV, EV, AC, SV, CV, SPI, CPI, EAC, ETC, VAC, TCPI, BAC and % complete
  pilote bench schedule [--tasks N] [--seed S] [--runs R]
                         schedule a generated project of N tasks (100,000 by default) and
                         print the median time (schedule_ms), and the time to reschedule a
                         10,000-task plan after one edit (reschedule_10k_ms)
  pilote level FILE -o OUT [--order standard|priority] [--within-slack]
                         [--from YYYY-MM-DD --to YYYY-MM-DD] [--clear]
                         level the resources of FILE (delay tasks until nobody is
                         over-allocated; --clear removes the leveling instead) and write the
                         result to OUT; prints what was delayed and what remains
  pilote trace FILE [--json]
                         requirement coverage: requirements, covered by a test case, passed,
                         failed, in progress and untested (by each case's latest run)
  pilote bench leveling DIR [--schedules N] [--seed S]
                         level every PSPLIB .sm instance of DIR (makespan objective), check
                         each schedule and compare with DIR/../best_known.csv: prints
                         mean_deviation_pct, max_deviation_pct, feasible and ms_per_instance
  pilote bench gantt [--tasks N] [--frames F] [--drag]
                         the Gantt view of a generated project, 1920x1080 headless, scrolled
                         and zoomed: frame_ms_median and frame_ms_p99 (CPU time per frame);
                         --drag: while a bar is dragged, drag_frame_ms_median, _p90, _p99
  pilote bench tracking [--tasks N] [--seed S]
                         staff a generated project, record progress half-way, and time the
                         dashboard report, the resource load and a leveling run
  pilote --help          this help
  pilote --version       the version
";

fn exit(code: u8, stdout: String, stderr: String) -> Action {
    Action::Exit {
        code,
        stdout,
        stderr,
    }
}

/// Parses the arguments (without the program name) and runs CLI verbs.
pub fn run(args: &[String]) -> Action {
    match args {
        [] => Action::Gui {
            file: None,
            view: None,
        },
        [flag, slug, rest @ ..] if flag == "--view" => {
            let Some(view) = crate::app::commands::ViewKind::from_slug(slug) else {
                let known: Vec<&str> = crate::app::commands::ViewKind::ALL
                    .iter()
                    .map(|v| v.slug())
                    .collect();
                return exit(
                    2,
                    String::new(),
                    format!(
                        "pilote: unknown view \"{slug}\" (views: {})\n",
                        known.join(", ")
                    ),
                );
            };
            match run(rest) {
                Action::Gui { file, .. } => Action::Gui {
                    file,
                    view: Some(view),
                },
                other @ Action::Exit { .. } => other,
            }
        }
        [flag] if flag == "--help" || flag == "-h" => exit(0, USAGE.to_owned(), String::new()),
        [flag] if flag == "--version" || flag == "-V" => exit(
            0,
            format!("pilote {}\n", env!("CARGO_PKG_VERSION")),
            String::new(),
        ),
        [verb, rest @ ..] if verb == "bench" => crate::bench::run(rest),
        [verb, file] if verb == "check" => check(file),
        [verb, file] if verb == "schedule" => schedule(file, false),
        [verb, file, flag] | [verb, flag, file] if verb == "schedule" && flag == "--json" => {
            schedule(file, true)
        }
        [verb, rest @ ..] if verb == "kpi" => kpi(rest),
        [verb, rest @ ..] if verb == "level" => level(rest),
        [verb, file] if verb == "trace" => trace(file, false),
        [verb, file, flag] | [verb, flag, file] if verb == "trace" && flag == "--json" => {
            trace(file, true)
        }
        [verb, ..] if verb == "check" => exit(
            2,
            String::new(),
            format!("pilote check: expected exactly one FILE\n\n{USAGE}"),
        ),
        [file] if !file.starts_with('-') => Action::Gui {
            file: Some(file.clone()),
            view: None,
        },
        _ => exit(
            2,
            String::new(),
            format!("pilote: unknown arguments: {}\n\n{USAGE}", args.join(" ")),
        ),
    }
}

/// True for MS Project XML files, which are imported rather than opened.
pub fn is_ms_project_xml(file: &str) -> bool {
    std::path::Path::new(file)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xml"))
}

fn check(file: &str) -> Action {
    let text = match document::read_file(std::path::Path::new(file)) {
        Ok(text) => text,
        Err(error) => return exit(1, String::new(), format!("{error}\n")),
    };
    if is_ms_project_xml(file) {
        return match crate::io::mspdi::import(&text, file) {
            Ok(imported) => {
                let issues = crate::model::validate::validate(&imported.project);
                let mut out = summary(file, &imported.project);
                let _ = writeln!(out, "import warnings: {}", imported.warnings.len());
                for warning in &imported.warnings {
                    let _ = writeln!(out, "  warning: {warning}");
                }
                if let Some(first) = issues.first() {
                    return exit(1, out, format!("{file}: {first}\n"));
                }
                exit(0, out, String::new())
            }
            Err(error) => exit(1, String::new(), format!("{error}\n")),
        };
    }
    match document::load_strict(&text, file) {
        Ok(project) => exit(0, summary(file, &project), String::new()),
        Err(error) => exit(1, String::new(), format!("{error}\n")),
    }
}

/// Loads a Pilote document or imports an MS Project file, with the import's warnings.
fn load_any(file: &str) -> Result<(Project, Vec<String>), String> {
    let text = document::read_file(std::path::Path::new(file)).map_err(|e| e.to_string())?;
    if is_ms_project_xml(file) {
        crate::io::mspdi::import(&text, file)
            .map(|i| (i.project, i.warnings))
            .map_err(|e| e.to_string())
    } else {
        document::parse(&text, file)
            .map(|p| (p, Vec::new()))
            .map_err(|e| e.to_string())
    }
}

fn schedule(file: &str, json: bool) -> Action {
    let (project, warnings) = match load_any(file) {
        Ok(loaded) => loaded,
        Err(error) => return exit(1, String::new(), format!("{error}\n")),
    };
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
        let tasks: Vec<serde_json::Value> = project
            .tasks
            .iter()
            .zip(&schedule.tasks)
            .enumerate()
            .map(|(i, (task, d))| {
                serde_json::json!({
                    "uid": task.id.0,
                    "name": task.name,
                    "summary": outline::is_summary(&project.tasks, i),
                    "milestone": task.milestone,
                    "manual": task.mode == crate::model::SchedulingMode::Manual,
                    "start": stamp(d.start),
                    "finish": stamp(d.finish),
                    "early_start": stamp(d.early_start),
                    "early_finish": stamp(d.early_finish),
                    "late_start": stamp(d.late_start),
                    "late_finish": stamp(d.late_finish),
                    "total_slack_minutes": d.total_slack_minutes,
                    "free_slack_minutes": d.free_slack_minutes,
                    "critical": d.critical,
                })
            })
            .collect();
        let out = serde_json::json!({
            "tasks": tasks,
            "warnings": warnings,
            "schedule_ms": (schedule_ms * 1000.0).round() / 1000.0,
        });
        return exit(0, format!("{out}\n"), String::new());
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
            "{:>6}  {} – {}  slack {:>6} min{}  {}",
            task.id.0,
            stamp(d.start),
            stamp(d.finish),
            d.total_slack_minutes,
            if d.critical { "  critical" } else { "" },
            task.name
        );
    }
    for warning in &warnings {
        let _ = writeln!(out, "warning: {warning}");
    }
    exit(0, out, String::new())
}

fn kpi(args: &[String]) -> Action {
    let usage = |why: &str| exit(2, String::new(), format!("pilote kpi: {why}\n\n{USAGE}"));
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
    let f = report.ev.project;
    let money = |v: f64| (v * 100.0).round() / 100.0;
    let index = |v: Option<f64>| v.map(|v| (v * 10_000.0).round() / 10_000.0);
    if json {
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
        return exit(0, format!("{out}\n"), String::new());
    }
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
    exit(0, out, String::new())
}

fn level(args: &[String]) -> Action {
    use crate::schedule::leveling::{self, Options, Order, Unresolved};
    let usage = |why: &str| exit(2, String::new(), format!("pilote level: {why}\n\n{USAGE}"));
    let date = |v: Option<&String>, flag: &str| -> Result<chrono::NaiveDate, String> {
        v.and_then(|d| d.parse().ok())
            .ok_or_else(|| format!("{flag} needs a date (YYYY-MM-DD)"))
    };
    let (mut file, mut out_file) = (None, None);
    let mut options = Options::default();
    let (mut from, mut to) = (None, None);
    let mut clear = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "-o" | "--output" => out_file = rest.next().cloned(),
            "--within-slack" => options.within_slack = true,
            "--clear" => clear = true,
            "--order" => match rest.next().map(String::as_str) {
                Some("standard") => options.order = Order::Standard,
                Some("priority") => options.order = Order::Priority,
                _ => return usage("--order is standard or priority"),
            },
            "--from" => match date(rest.next(), "--from") {
                Ok(d) => from = Some(d),
                Err(e) => return usage(&e),
            },
            "--to" => match date(rest.next(), "--to") {
                Ok(d) => to = Some(d),
                Err(e) => return usage(&e),
            },
            other if other.starts_with('-') => return usage(&format!("unknown option {other}")),
            other if file.is_none() => file = Some(other.to_owned()),
            other => return usage(&format!("unexpected argument {other}")),
        }
    }
    let (Some(file), Some(out_file)) = (file, out_file) else {
        return usage("expected FILE and -o OUT");
    };
    options.range = match (from, to) {
        (Some(a), Some(b)) if a <= b => Some((a, b)),
        (None, None) => None,
        _ => return usage("--from and --to go together, --from first"),
    };
    let (mut project, _) = match load_any(&file) {
        Ok(loaded) => loaded,
        Err(error) => return exit(1, String::new(), format!("{error}\n")),
    };
    let over = |p: &Project| -> Result<usize, String> {
        let s = crate::schedule::cpm::schedule(p).map_err(|e| format!("{file}: {e}"))?;
        Ok(crate::schedule::load::load(p, &s).over_allocations(p).len())
    };
    let before = match over(&project) {
        Ok(n) => n,
        Err(e) => return exit(1, String::new(), format!("{e}\n")),
    };
    let (delays, delayed, unresolved) = if clear {
        let delays = leveling::clear(&project, options.range);
        let n = delays.len();
        (delays, n, Vec::new())
    } else {
        match leveling::level(&project, &options) {
            Ok(o) => (o.delays, o.delayed, o.unresolved),
            Err(e) => return exit(1, String::new(), format!("{file}: {e}\n")),
        }
    };
    for (id, delay) in &delays {
        if let Some(t) = project.tasks.iter_mut().find(|t| t.id == *id) {
            t.leveling_delay = *delay;
        }
    }
    let after = match over(&project) {
        Ok(n) => n,
        Err(e) => return exit(1, String::new(), format!("{e}\n")),
    };
    // Saved with the dates the leveled plan gets, as the window saves it.
    if let Ok(s) = crate::schedule::cpm::schedule(&project) {
        project = crate::schedule::cpm::with_scheduled_dates(&project, &s);
    }
    let text = match document::to_text(&project) {
        Ok(t) => t,
        Err(e) => return exit(1, String::new(), format!("{out_file}: {e}\n")),
    };
    if let Err(e) =
        crate::io::atomic::write_atomic(std::path::Path::new(&out_file), text.as_bytes())
    {
        return exit(1, String::new(), format!("{out_file}: {e}\n"));
    }
    let name = |id: crate::model::TaskId| {
        project
            .tasks
            .iter()
            .find(|t| t.id == id)
            .map_or_else(|| id.to_string(), |t| t.name.clone())
    };
    let mut out = String::new();
    let verb = if clear { "cleared" } else { "delayed" };
    let _ = writeln!(out, "{file}: {delayed} tasks {verb}; written to {out_file}");
    let _ = writeln!(
        out,
        "over-allocated resource-days: {before} before, {after} after"
    );
    for u in &unresolved {
        let line = match u {
            Unresolved::DemandAboveCapacity { task, resource } => {
                format!(
                    "needs more of {resource} than {resource} has: {}",
                    name(*task)
                )
            }
            Unresolved::BeyondSlack(task) => {
                format!("would slip beyond its slack: {}", name(*task))
            }
            Unresolved::Fixed(task) => format!("started or pinned, not moved: {}", name(*task)),
        };
        let _ = writeln!(out, "unresolved: {line}");
    }
    exit(0, out, String::new())
}

fn trace(file: &str, json: bool) -> Action {
    let (project, _) = match load_any(file) {
        Ok(loaded) => loaded,
        Err(error) => return exit(1, String::new(), format!("{error}\n")),
    };
    let t = crate::schedule::trace::trace(&project);
    if json {
        let out = serde_json::json!({
            "requirements": t.requirements,
            "covered": t.covered,
            "passed": t.passed,
            "failed": t.failed,
            "in_progress": t.in_progress,
            "untested": t.untested,
        });
        return exit(0, format!("{out}\n"), String::new());
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{file}: {} requirements, {} covered by a test case; {} passed, {} failed, {} in progress, {} untested",
        t.requirements, t.covered, t.passed, t.failed, t.in_progress, t.untested
    );
    for row in &t.rows {
        let r = &project.requirements[row.requirement];
        let status = match row.coverage {
            crate::schedule::trace::Coverage::Untested => "untested",
            crate::schedule::trace::Coverage::InProgress => "in progress",
            crate::schedule::trace::Coverage::Passed => "passed",
            crate::schedule::trace::Coverage::Failed => "FAILED",
        };
        let cases: Vec<&str> = row
            .cases
            .iter()
            .map(|(k, _)| project.test_cases[*k].code.as_str())
            .collect();
        let _ = writeln!(
            out,
            "{:<12} {:<12} {}  [{}]",
            r.code,
            status,
            r.title,
            cases.join(", ")
        );
    }
    exit(0, out, String::new())
}

/// One line per kind of item.
pub fn summary(file: &str, p: &Project) -> String {
    let summaries = (0..p.tasks.len())
        .filter(|&i| outline::is_summary(&p.tasks, i))
        .count();
    let milestones = p.tasks.iter().filter(|t| t.milestone).count();
    let runs_failed = p
        .test_runs
        .iter()
        .filter(|r| r.result == crate::model::TestResult::Failed)
        .count();
    let open_anomalies = p
        .anomalies
        .iter()
        .filter(|a| {
            !matches!(
                a.status,
                crate::model::AnomalyStatus::Closed | crate::model::AnomalyStatus::Rejected
            )
        })
        .count();
    let decisions: usize = p.meetings.iter().map(|m| m.decisions.len()).sum();
    let actions: usize = p.meetings.iter().map(|m| m.actions.len()).sum();
    let external = p
        .resources
        .iter()
        .filter(|r| matches!(r.origin, crate::model::Origin::External { .. }))
        .count();
    let mut out = String::new();
    let _ = writeln!(out, "{file}: ok — \"{}\" ({})", p.meta.name, p.meta.code);
    let _ = writeln!(
        out,
        "tasks: {} ({summaries} summaries, {milestones} milestones)",
        p.tasks.len()
    );
    let _ = writeln!(out, "links: {}", p.links.len());
    let _ = writeln!(
        out,
        "resources: {} ({external} external), assignments: {}",
        p.resources.len(),
        p.assignments.len()
    );
    let _ = writeln!(out, "requirements: {}", p.requirements.len());
    let _ = writeln!(out, "deliverables: {}", p.deliverables.len());
    let _ = writeln!(
        out,
        "test cases: {} in {} campaigns, {} runs ({runs_failed} failed)",
        p.test_cases.len(),
        p.campaigns.len(),
        p.test_runs.len()
    );
    let _ = writeln!(
        out,
        "anomalies: {} ({open_anomalies} open)",
        p.anomalies.len()
    );
    let _ = writeln!(out, "risks: {}", p.risks.len());
    let _ = writeln!(
        out,
        "meetings: {} ({decisions} decisions, {actions} actions)",
        p.meetings.len()
    );
    out
}
