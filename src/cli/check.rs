//! `pilote check FILE...`: load and validate files, print what each holds or its first problem.

use std::fmt::Write as _;

use super::{Action, exit, summary};
use crate::doc::{self, Format};

/// Checks every file in turn (`pilote check assets/samples/*.ron`): what each holds on
/// stdout, each one's first problem on stderr, status 1 if any has one.
pub fn run_all(files: &[String]) -> Action {
    let (mut code, mut stdout, mut stderr) = (0, String::new(), String::new());
    for file in files {
        if let Action::Exit {
            code: c,
            stdout: out,
            stderr: err,
        } = run(file)
        {
            code = code.max(c);
            if !stdout.is_empty() && !out.is_empty() {
                stdout.push('\n');
            }
            stdout.push_str(&out);
            stderr.push_str(&err);
        }
    }
    exit(code, stdout, stderr)
}

pub fn run(file: &str) -> Action {
    let opened = match doc::open::open_path(std::path::Path::new(file)) {
        Ok(opened) => opened,
        Err(error) => return exit(1, String::new(), format!("{error}\n")),
    };
    let mut out = summary::summary(file, &opened.project);
    if !opened.format.is_native() {
        let _ = writeln!(out, "import warnings: {}", opened.warnings.len());
        for warning in &opened.warnings {
            let _ = writeln!(out, "  warning: {warning}");
        }
    }
    match first_problem(file, &opened) {
        None => exit(0, out, String::new()),
        // What the import holds is still worth printing, but not as "ok".
        Some(error) if !opened.format.is_native() => exit(
            1,
            out.replacen(": ok — ", ": imported, with problems — ", 1),
            error,
        ),
        Some(error) => exit(1, String::new(), error),
    }
}

/// The first problem of an opened file, as a line of the error output: placed in the text for
/// a Pilote document; named with its path for an import, which has no text of Pilote's to
/// point into.
pub fn first_problem(file: &str, opened: &doc::Opened) -> Option<String> {
    if !opened.format.is_native() {
        let issues = crate::model::validate::validate(&opened.project);
        let first = issues.first()?;
        // Placed in the file's text, read again only now that there is a problem to place.
        let place = std::fs::read_to_string(file)
            .ok()
            .filter(|_| opened.format == Format::MsProjectXml)
            .and_then(|text| crate::io::mspdi::position(&text, &opened.project, &first.path));
        return Some(match place {
            Some((line, column)) => format!("{file}:{line}:{column}: {first}\n"),
            None => format!("{file}: {first}\n"),
        });
    }
    crate::io::document::first_problem(&opened.issues, file).map(|error| format!("{error}\n"))
}
