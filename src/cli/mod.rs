//! The command line: `pilote [FILE]`, `pilote VERB …`, `--help`, `--version`; one file per
//! verb, the benches under `bench/`. Pure text in, text out, so that tests call it directly.
//! Files are opened and changed through `crate::doc`, as the window does.

pub mod bench;
pub mod check;
pub mod export;
pub mod kpi;
pub mod level;
pub mod merge;
pub mod risk;
pub mod schedule;
pub mod summary;
pub mod trace;

use crate::model::Project;
use crate::ui::ViewKind;

/// What `main` should do after parsing the arguments.
#[derive(Debug, PartialEq, Eq)]
pub enum Action {
    /// Open the window, on this file or on the sample, showing this view (else the last one).
    Gui {
        file: Option<String>,
        view: Option<ViewKind>,
        /// The interface language, when given (else the one last chosen).
        lang: Option<crate::i18n::Lang>,
    },
    /// Print `stdout` / `stderr` and exit with `code`.
    Exit {
        code: u8,
        stdout: String,
        stderr: String,
    },
}

/// The help text; the views are listed from [`ViewKind::ALL`], so it cannot drift.
pub fn usage() -> String {
    let views: Vec<&str> = ViewKind::ALL.iter().map(|v| v.slug()).collect();
    let mut lines = String::new();
    let mut line = String::from("                         showing VIEW (");
    for (k, view) in views.iter().enumerate() {
        let word = if k + 1 == views.len() {
            format!("{view})")
        } else {
            format!("{view}, ")
        };
        if line.len() + word.trim_end().len() > 94 {
            lines.push_str(line.trim_end());
            lines.push('\n');
            line = String::from("                         ");
        }
        line.push_str(&word);
    }
    lines.push_str(&line);
    format!("{USAGE_HEAD}{lines}\n{USAGE_VERBS}")
}

const USAGE_HEAD: &str = "\
Pilote — a planner for IT project managers

Usage:
  pilote [--lang en|fr] [--view VIEW] [FILE]
                         open the window on FILE (a .pilote.ron project or an MS Project
                         .xml file) or on the sample,
";

const USAGE_VERBS: &str =
    "  pilote check FILE...   load and validate each FILE (a .pilote.ron project or an MS Project
                         .xml file); print what it holds, or the first error as
                         FILE:LINE:COLUMN: message (exit status 1 if any FILE has one)
  pilote schedule FILE [--json]
                         schedule FILE (.pilote.ron or MS Project .xml) from its start and
                         print each task's dates, slack (days; minutes in JSON) and critical
                         flag (exit 1 on a dependency cycle)
  pilote kpi FILE [--status-date YYYY-MM-DD] [--json]
                         earned value of FILE at the date given, else its status date, else
                         today: PV, EV, AC, SV, CV, SPI, CPI, EAC, ETC, VAC, TCPI, BAC and
                         % complete; before the recorded progress, what was earned and spent
                         by then
  pilote bench schedule [--tasks N] [--seed S] [--runs R]
                         schedule a generated project of N tasks (100,000 by default) and
                         print the median time (schedule_ms), and the time to reschedule a
                         10,000-task plan after one edit (reschedule_10k_ms)
  pilote level FILE -o OUT [--order standard|priority] [--within-slack]
                         [--from YYYY-MM-DD --to YYYY-MM-DD] [--clear]
                         level the resources of FILE (delay tasks until nobody is
                         over-allocated; --clear removes the leveling instead) and write the
                         result to OUT; prints what was delayed and what remains
  pilote risk FILE [--iterations N] [--seed S] [--mitigated] [--correlation R] [--json]
                         schedule risk analysis (Monte Carlo, 10,000 iterations by default):
                         the finish and cost at P10/P50/P80/P90, the chance of meeting the
                         baseline finish and the budget, each task's criticality index and the
                         inputs that move the finish most; --mitigated takes the risks as
                         mitigated
  pilote merge BASE OURS THEIRS [-o OUT]
                         merge two copies of a project edited from BASE, by item and field;
                         the same field changed both ways is a conflict (kept as OURS, listed
                         here and in the file; exit 1). Without -o the result goes to stdout.
                         As a git merge driver: pilote merge %O %A %B -o %A
  pilote diff OLD NEW    what changed from OLD to NEW, item by item and field by field
                         (exit 1 when they differ, as diff does)
  pilote export FILE --to mspdi|csv|ics|html|pdf -o OUT [--table NAME] [--lang en|fr]
                         [--iso-dates] [--message TEXT] [--status-date YYYY-MM-DD]
                         [--risk-iterations N [--seed S]]
                         MS Project XML (what it cannot hold is listed), a CSV table (--table
                         tasks by default, or resources, assignments, requirements,
                         deliverables, tests, runs, anomalies, risks, actions), iCalendar
                         (milestones, deliverables, campaigns, meetings), or the steering-
                         committee report in HTML or PDF (with a risk analysis of N runs when
                         asked); FILE may be .pilote.ron, MS Project .xml, .gan or .planner
  pilote import FILE.csv --into PROJECT -o OUT [--table tasks|resources|requirements|tests]
                         [--lang en|fr] [--skip-bad-rows]
                         add the rows of a CSV file (headers of Pilote, MS Project or Jira,
                         English or French) to PROJECT, written to OUT; every refused row is
                         named by its line, and nothing is written unless --skip-bad-rows
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
  pilote bench risk [--tasks N] [--iterations M] [--seed S] [--file FILE]
                         the risk analysis of a generated plan (10,000 tasks, staffed, half
                         done, every open task estimated): risk_ms and ms_per_iteration
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
            lang: None,
        },
        [flag, code, rest @ ..] if flag == "--lang" => {
            let lang = match code.as_str() {
                "en" => crate::i18n::Lang::En,
                "fr" => crate::i18n::Lang::Fr,
                _ => {
                    return exit(
                        2,
                        String::new(),
                        format!("pilote: unknown language \"{code}\" (languages: en, fr)\n"),
                    );
                }
            };
            match run(rest) {
                Action::Gui { file, view, .. } => Action::Gui {
                    file,
                    view,
                    lang: Some(lang),
                },
                other @ Action::Exit { .. } => other,
            }
        }
        [flag, slug, rest @ ..] if flag == "--view" => {
            let Some(view) = ViewKind::from_slug(slug) else {
                let known: Vec<&str> = ViewKind::ALL.iter().map(|v| v.slug()).collect();
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
                Action::Gui { file, lang, .. } => Action::Gui {
                    file,
                    view: Some(view),
                    lang,
                },
                other @ Action::Exit { .. } => other,
            }
        }
        [flag] if flag == "--help" || flag == "-h" => exit(0, usage(), String::new()),
        [flag] if flag == "--version" || flag == "-V" => exit(
            0,
            format!("pilote {}\n", env!("CARGO_PKG_VERSION")),
            String::new(),
        ),
        [verb, rest @ ..] if verb == "bench" => bench::run(rest),
        [verb, files @ ..] if verb == "check" && !files.is_empty() => check::run_all(files),
        [verb, file] if verb == "schedule" => schedule::run(file, false),
        [verb, file, flag] | [verb, flag, file] if verb == "schedule" && flag == "--json" => {
            schedule::run(file, true)
        }
        [verb, rest @ ..] if verb == "kpi" => kpi::run(rest),
        [verb, rest @ ..] if verb == "level" => level::run(rest),
        [verb, rest @ ..] if verb == "risk" => risk::run(rest),
        [verb, rest @ ..] if verb == "merge" => merge::run_merge(rest),
        [verb, rest @ ..] if verb == "diff" => merge::run_diff(rest),
        [verb, rest @ ..] if verb == "export" => export::run_export(rest),
        [verb, rest @ ..] if verb == "import" => export::run_import(rest),
        [verb, file] if verb == "trace" => trace::run(file, false),
        [verb, file, flag] | [verb, flag, file] if verb == "trace" && flag == "--json" => {
            trace::run(file, true)
        }
        // A verb without its FILE is a usage error, never a window opened on a file named
        // after the verb.
        [verb, ..] if verb == "check" => exit(
            2,
            String::new(),
            format!("pilote check: expected a FILE\n\n{}", usage()),
        ),
        [verb, ..] if verb == "schedule" || verb == "trace" => exit(
            2,
            String::new(),
            format!(
                "pilote {verb}: expected a FILE, then --json or nothing\n\n{}",
                usage()
            ),
        ),
        [file] if !file.starts_with('-') => Action::Gui {
            file: Some(file.clone()),
            view: None,
            lang: None,
        },
        _ => exit(
            2,
            String::new(),
            format!(
                "pilote: unknown arguments: {}\n\n{}",
                args.join(" "),
                usage()
            ),
        ),
    }
}

/// Loads a Pilote document or imports an MS Project file (recognised by content), with the
/// import's warnings.
fn load_any(file: &str) -> Result<(Project, Vec<String>), String> {
    crate::doc::open::open_path(std::path::Path::new(file))
        .map(|opened| (opened.project, opened.warnings))
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_opens_in_the_language_asked_and_refuses_an_unknown_one() {
        let args = |a: &[&str]| a.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            run(&args(&["--lang", "fr", "--view", "gantt"])),
            Action::Gui {
                file: None,
                view: Some(ViewKind::Gantt),
                lang: Some(crate::i18n::Lang::Fr),
            }
        );
        assert!(matches!(
            run(&args(&["--lang", "de"])),
            Action::Exit { code: 2, .. }
        ));
    }

    #[test]
    fn the_help_names_every_view() {
        // The list comes from the registry: it once missed `budget` and `gantt`.
        let help = usage();
        for view in ViewKind::ALL {
            assert!(help.contains(view.slug()), "{} missing", view.slug());
        }
        assert!(help.contains("\n  pilote check FILE"), "{help}");
    }
}
