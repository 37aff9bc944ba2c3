//! `pilote level FILE -o OUT …`: level the resources (or clear the leveling) through the
//! document layer, as the window does, and write the result.

use std::fmt::Write as _;

use super::{Action, exit, load_any};
use crate::doc::{self, level::LevelRequest};
use crate::model::Project;
use crate::schedule::leveling::{Options, Order};
use crate::schedule::load::OverAllocation;

#[allow(
    clippy::too_many_lines,
    reason = "one verb: its options, the run, what it prints"
)]
pub fn run(args: &[String]) -> Action {
    let usage = |why: &str| {
        exit(
            2,
            String::new(),
            format!("pilote level: {why}\n\n{}", super::usage()),
        )
    };
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
    let over = |p: &Project| -> Result<Vec<OverAllocation>, String> {
        let s = crate::schedule::cpm::schedule(p).map_err(|e| format!("{file}: {e}"))?;
        Ok(crate::schedule::load::load(p, &s).over_allocation_summary(p, p.meta.status_date))
    };
    let before = match over(&project) {
        Ok(n) => n,
        Err(e) => return exit(1, String::new(), format!("{e}\n")),
    };
    let request = if clear {
        LevelRequest::Clear(options.range)
    } else {
        LevelRequest::Level(options)
    };
    // The same edit the window's Level resources applies, through the same history.
    let leveled = match doc::level::level(&project, request) {
        Ok(leveled) => leveled,
        Err(e) => return exit(1, String::new(), format!("{file}: {e}\n")),
    };
    if let Some(edit) = leveled.edit.clone() {
        let mut history = doc::History::default();
        if let Err(e) = history.apply(&mut project, edit, None) {
            return exit(1, String::new(), format!("{file}: {e}\n"));
        }
    }
    let after = match over(&project) {
        Ok(n) => n,
        Err(e) => return exit(1, String::new(), format!("{e}\n")),
    };
    // Saved with the dates the leveled plan gets, as the window saves it.
    let saved = doc::scheduled_for_saving(&project);
    let text = match crate::io::document::to_text(&saved) {
        Ok(t) => t,
        Err(e) => return exit(1, String::new(), format!("{out_file}: {e}\n")),
    };
    if let Err(e) =
        crate::io::atomic::write_atomic(std::path::Path::new(&out_file), text.as_bytes())
    {
        return exit(1, String::new(), format!("{out_file}: {e}\n"));
    }
    let mut out = String::new();
    let verb = if clear { "cleared" } else { "delayed" };
    let _ = writeln!(
        out,
        "{file}: {} tasks {verb}; written to {out_file}",
        leveled.delayed
    );
    let days = |o: &[OverAllocation]| o.iter().map(|o| o.days).sum::<usize>();
    let _ = writeln!(
        out,
        "over-allocated resource-days: {} before, {} after",
        days(&before),
        days(&after)
    );
    remaining_text(&mut out, &saved, &after);
    for u in &leveled.unresolved {
        let _ = writeln!(
            out,
            "unresolved: {}",
            doc::level::unresolved_text(&saved, u)
        );
    }
    exit(0, out, String::new())
}

/// What is still over-allocated after the run, one line per person: how many days, over which
/// span, and the worst day's work against the time available.
fn remaining_text(out: &mut String, project: &Project, after: &[OverAllocation]) {
    if after.is_empty() {
        let _ = writeln!(out, "nobody remains over-allocated");
        return;
    }
    let hours = |minutes: f64| (minutes / 60.0 * 10.0).round() / 10.0;
    for o in after {
        let name = project
            .resources
            .get(o.resource)
            .map_or("?", |r| r.name.as_str());
        let after = match project.meta.status_date {
            Some(status) => format!(", {} after the status date {status}", o.days_after_status),
            None => String::new(),
        };
        let _ = writeln!(
            out,
            "still over-allocated: {name}: {} day{} from {} to {}{after}, worst {} ({} h of work for {} h)",
            o.days,
            if o.days == 1 { "" } else { "s" },
            o.first,
            o.last,
            o.worst,
            hours(o.worst_cell.load_minutes),
            hours(o.worst_cell.capacity_minutes),
        );
    }
}
