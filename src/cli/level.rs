//! `pilote level FILE -o OUT …`: level the resources (or clear the leveling) through the
//! document layer, as the window does, and write the result.

use std::fmt::Write as _;

use super::{Action, exit, load_any};
use crate::doc::{
    self,
    level::{LevelRequest, Leveled},
};
use crate::model::Project;
use crate::schedule::leveling::{Options, Order};

/// What the command line asked for.
struct Args {
    file: String,
    out_file: String,
    request: LevelRequest,
}

/// Runs `pilote level` on the arguments after the verb.
pub fn run(args: &[String]) -> Action {
    let asked = match parse(args) {
        Ok(asked) => asked,
        Err(usage) => return usage,
    };
    let (file, out_file) = (&asked.file, &asked.out_file);
    let (mut project, _) = match load_any(file) {
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
    // The same edit the window's Level resources applies, through the same history.
    let leveled = match doc::level::level(&project, asked.request) {
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
    if let Err(e) = crate::io::atomic::write_atomic(std::path::Path::new(out_file), text.as_bytes())
    {
        return exit(1, String::new(), format!("{out_file}: {e}\n"));
    }
    let out = report(&asked, &leveled, &saved, (before, after));
    exit(0, out, String::new())
}

/// The options and the files, or the usage error to exit with.
fn parse(args: &[String]) -> Result<Args, Action> {
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
                _ => return Err(usage("--order is standard or priority")),
            },
            "--from" => match date(rest.next(), "--from") {
                Ok(d) => from = Some(d),
                Err(e) => return Err(usage(&e)),
            },
            "--to" => match date(rest.next(), "--to") {
                Ok(d) => to = Some(d),
                Err(e) => return Err(usage(&e)),
            },
            other if other.starts_with('-') => {
                return Err(usage(&format!("unknown option {other}")));
            }
            other if file.is_none() => file = Some(other.to_owned()),
            other => return Err(usage(&format!("unexpected argument {other}"))),
        }
    }
    let (Some(file), Some(out_file)) = (file, out_file) else {
        return Err(usage("expected FILE and -o OUT"));
    };
    options.range = match (from, to) {
        (Some(a), Some(b)) if a <= b => Some((a, b)),
        (None, None) => None,
        _ => return Err(usage("--from and --to go together, --from first")),
    };
    let request = if clear {
        LevelRequest::Clear(options.range)
    } else {
        LevelRequest::Level(options)
    };
    Ok(Args {
        file,
        out_file,
        request,
    })
}

/// What was delayed (or cleared), where it was written, the over-allocations before and after,
/// and what could not be resolved.
fn report(
    asked: &Args,
    leveled: &Leveled,
    saved: &Project,
    (before, after): (usize, usize),
) -> String {
    let (file, out_file) = (&asked.file, &asked.out_file);
    let mut out = String::new();
    let verb = if matches!(asked.request, LevelRequest::Clear(_)) {
        "cleared"
    } else {
        "delayed"
    };
    let _ = writeln!(
        out,
        "{file}: {} tasks {verb}; written to {out_file}",
        leveled.delayed
    );
    let _ = writeln!(
        out,
        "over-allocated resource-days: {before} before, {after} after"
    );
    for u in &leveled.unresolved {
        let _ = writeln!(out, "unresolved: {}", doc::level::unresolved_text(saved, u));
    }
    out
}
