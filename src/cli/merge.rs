//! `pilote merge BASE OURS THEIRS [-o OUT]` (also a git merge driver) and `pilote diff OLD
//! NEW`: project files merged and compared by item identity, field by field, not by lines.

use std::fmt::Write as _;

use super::{Action, exit, load_any};
use crate::doc::merge;
use crate::model::validate::validate;

fn usage(verb: &str, why: &str) -> Action {
    exit(
        2,
        String::new(),
        format!("pilote {verb}: {why}\n\n{}", super::usage()),
    )
}

pub fn run_merge(args: &[String]) -> Action {
    let mut files = Vec::new();
    let mut out_file = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "-o" | "--output" => match rest.next() {
                Some(out) => out_file = Some(out.clone()),
                None => return usage("merge", "-o needs a file"),
            },
            other if other.starts_with('-') => {
                return usage("merge", &format!("unknown option {other}"));
            }
            other => files.push(other.to_owned()),
        }
    }
    let [base, ours, theirs] = files.as_slice() else {
        return usage("merge", "expected BASE OURS THEIRS");
    };
    let mut loaded = Vec::with_capacity(3);
    for file in [base, ours, theirs] {
        match load_any(file) {
            Ok((project, _)) => loaded.push(project),
            Err(error) => return exit(2, String::new(), format!("{error}\n")),
        }
    }
    let merged = match merge::merge(&loaded[0], &loaded[1], &loaded[2]) {
        Ok(merged) => merged,
        Err(error) => return exit(2, String::new(), format!("pilote merge: {error}\n")),
    };
    let text = match crate::io::document::to_text(&merged.project) {
        Ok(text) => text,
        Err(error) => return exit(2, String::new(), format!("pilote merge: {error}\n")),
    };
    let mut report = String::new();
    for (old, new) in &merged.renumbered {
        let _ = writeln!(
            report,
            "{theirs}: task {old} was added on both sides; theirs is now task {new}"
        );
    }
    for conflict in &merged.conflicts {
        let _ = writeln!(report, "{}", merge::conflict_line(conflict));
    }
    let problems = validate(&merged.project);
    for issue in &problems {
        let _ = writeln!(report, "PROBLEM {}: {}", issue.path, issue.message);
    }
    let clean = merged.conflicts.is_empty() && problems.is_empty();
    let _ = writeln!(
        report,
        "{}: {} conflicts, {} problems{}",
        if clean {
            "merged"
        } else {
            "merged with conflicts"
        },
        merged.conflicts.len(),
        problems.len(),
        if merged.conflicts.is_empty() {
            ""
        } else {
            " (listed in the file: open it in Pilote to pick per field)"
        }
    );
    let code = u8::from(!clean);
    match out_file {
        Some(out) => {
            if let Err(e) =
                crate::io::atomic::write_atomic(std::path::Path::new(&out), text.as_bytes())
            {
                return exit(2, String::new(), format!("{out}: {e}\n"));
            }
            exit(code, String::new(), report)
        }
        None => exit(code, text, report),
    }
}

pub fn run_diff(args: &[String]) -> Action {
    let [old, new] = args else {
        return usage("diff", "expected OLD NEW");
    };
    let (a, b) = match (load_any(old), load_any(new)) {
        (Ok((a, _)), Ok((b, _))) => (a, b),
        (Err(error), _) | (_, Err(error)) => return exit(2, String::new(), format!("{error}\n")),
    };
    let changes = match merge::diff(&a, &b) {
        Ok(changes) => changes,
        Err(error) => return exit(2, String::new(), format!("pilote diff: {error}\n")),
    };
    let mut out = String::new();
    for change in &changes {
        let _ = writeln!(out, "{}", change.line());
    }
    let _ = writeln!(out, "{} changes", changes.len());
    exit(u8::from(!changes.is_empty()), out, String::new())
}
