//! `pilote check FILE`: load and validate a file, print what it holds or the first problem.

use std::fmt::Write as _;

use super::{Action, exit, summary};
use crate::doc::{self, Format};

pub fn run(file: &str) -> Action {
    let opened = match doc::open::open_path(std::path::Path::new(file)) {
        Ok(opened) => opened,
        Err(error) => return exit(1, String::new(), format!("{error}\n")),
    };
    let mut out = summary::summary(file, &opened.project);
    if opened.format == Format::MsProjectXml {
        let _ = writeln!(out, "import warnings: {}", opened.warnings.len());
        for warning in &opened.warnings {
            let _ = writeln!(out, "  warning: {warning}");
        }
        // An import has no text of Pilote's to point into: the problem is named, unplaced.
        if let Some(first) = crate::model::validate::validate(&opened.project).first() {
            return exit(1, out, format!("{file}: {first}\n"));
        }
        return exit(0, out, String::new());
    }
    match crate::io::document::first_problem(&opened.issues, file) {
        None => exit(0, out, String::new()),
        Some(error) => exit(1, String::new(), format!("{error}\n")),
    }
}
