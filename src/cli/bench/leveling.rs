//! `pilote bench leveling DIR`: solves every PSPLIB `.sm` instance of a directory with the
//! leveling heuristic, checks each schedule with the independent feasibility checker and
//! compares its makespan with `DIR/../best_known.csv`.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::cli::Action;
use crate::schedule::rcpsp::{Options, check_feasible, parse_psplib_sm, solve};

pub const USAGE: &str = "usage: pilote bench leveling DIR [--schedules N] [--seed S]\n";

pub fn run(args: &[String]) -> Action {
    match measure(args) {
        Ok(stdout) => Action::Exit {
            code: 0,
            stdout,
            stderr: String::new(),
        },
        Err(message) => Action::Exit {
            code: 1,
            stdout: String::new(),
            stderr: format!("pilote bench leveling: {message}\n"),
        },
    }
}

fn measure(args: &[String]) -> Result<String, String> {
    let mut rest = args.iter();
    let mut dir: Option<PathBuf> = None;
    let mut options = Options::default();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--schedules" => options.schedules = number(rest.next(), "--schedules")?,
            "--seed" => options.seed = number(rest.next(), "--seed")?,
            _ if dir.is_none() => dir = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument '{arg}'\n{USAGE}")),
        }
    }
    let dir = dir.ok_or_else(|| USAGE.to_owned())?;
    let best_known = read_best_known(&dir.join("..").join("best_known.csv"))?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sm"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("{}: no .sm file", dir.display()));
    }

    let (mut feasible, mut optimal) = (0usize, 0usize);
    let (mut sum_dev, mut max_dev) = (0.0f64, 0.0f64);
    let mut solving = Duration::ZERO;
    let mut slowest = Duration::ZERO;
    let mut problems = String::new();
    for path in &files {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let instance = parse_psplib_sm(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        // Parsing is input, not the algorithm's time.
        let clock = Instant::now();
        let solution = solve(&instance, &options).map_err(|e| format!("{name}: {e}"))?;
        let took = clock.elapsed();
        solving += took;
        slowest = slowest.max(took);
        match check_feasible(&instance, &solution.starts) {
            Ok(()) => feasible += 1,
            Err(e) => {
                let _ = writeln!(problems, "{name}: INFEASIBLE: {e}");
            }
        }
        let best = *best_known
            .get(name)
            .ok_or_else(|| format!("{name}: missing from best_known.csv"))?;
        let dev = 100.0 * (f64::from(solution.makespan) - f64::from(best)) / f64::from(best);
        sum_dev += dev;
        max_dev = max_dev.max(dev);
        if solution.makespan <= best {
            optimal += 1;
        }
    }
    let count = files.len();
    let denominator = count as f64;
    let mut out = problems;
    let _ = writeln!(out, "instances: {count}");
    let _ = writeln!(out, "feasible: {feasible}/{count}");
    let _ = writeln!(out, "mean_deviation_pct: {:.2}", sum_dev / denominator);
    let _ = writeln!(out, "max_deviation_pct: {max_dev:.2}");
    let _ = writeln!(out, "optimal_or_best_found: {optimal}");
    let _ = writeln!(
        out,
        "ms_per_instance: {:.1}",
        solving.as_secs_f64() * 1000.0 / denominator
    );
    let _ = writeln!(
        out,
        "ms_slowest_instance: {:.1}",
        slowest.as_secs_f64() * 1000.0
    );
    let _ = writeln!(out, "schedules_per_instance: {}", options.schedules);
    Ok(out)
}

fn number<T: std::str::FromStr>(value: Option<&String>, flag: &str) -> Result<T, String> {
    value
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| format!("{flag} needs a non-negative integer"))
}

/// Lines `instance,best_known,lower_bound`; `#` comments and the title line are skipped.
fn read_best_known(path: &Path) -> Result<HashMap<String, u32>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut map = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let mut fields = line.split(',');
        let (Some(name), Some(value)) = (fields.next(), fields.next()) else {
            continue;
        };
        if name.starts_with('#') || name == "instance" {
            continue;
        }
        let value = value
            .trim()
            .parse()
            .map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))?;
        map.insert(name.trim().to_owned(), value);
    }
    Ok(map)
}
