//! The native document format: `*.pilote.ron`, pretty-printed RON with a `format_version` at
//! the top. Older versions are migrated on load; newer ones are refused with a clear message.

use std::fmt;

use serde::Deserialize;

use super::locate::{line_column, locate};
use super::v0;
use crate::model::validate::{ItemPath, PathSeg, ValidationIssue, validate};
use crate::model::{FORMAT_VERSION, Project};

/// The file name suffix of Pilote documents.
pub const EXTENSION: &str = "pilote.ron";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadErrorKind {
    /// Not well-formed RON, or a value of the wrong type, an unknown field or variant.
    Syntax,
    /// Written by a newer Pilote.
    TooNew,
    /// Well-formed, but inconsistent (dangling reference, duplicate id, cycle…).
    Invalid,
    /// The file could not be read.
    Io,
}

/// A document that cannot be opened, with where and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    pub kind: LoadErrorKind,
    pub file: String,
    /// 1-based; 0 when the error is not about a place in the file.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        }
    }
}

impl std::error::Error for LoadError {}

/// A validation problem with its place in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocatedIssue {
    pub line: usize,
    pub column: usize,
    pub issue: ValidationIssue,
}

/// Reads only `format_version`; named like the document so that errors speak of `Project`.
#[derive(Deserialize)]
#[serde(rename = "Project")]
struct VersionProbe {
    #[serde(default)]
    format_version: u32,
}

fn ron_options() -> ron::Options {
    ron::Options::default()
}

/// Messages chrono gives for a date or time that does not parse.
const CHRONO_MESSAGES: &[&str] = &[
    "input is out of range",
    "no possible date and time matching input",
    "input is not enough for unique date and time",
    "input contains invalid characters",
    "premature end of input",
    "trailing input",
    "bad or unsupported format string",
];

fn syntax_error(file: &str, error: &ron::error::SpannedError) -> LoadError {
    let mut message = error.code.to_string();
    if CHRONO_MESSAGES.contains(&message.as_str()) {
        message = format!(
            "not a valid date or time ({message}); expected e.g. \"2026-01-05\" or \"2026-01-05T08:00:00\""
        );
    }
    LoadError {
        kind: LoadErrorKind::Syntax,
        file: file.to_owned(),
        line: error.span.start.line,
        column: error.span.start.col,
        message,
    }
}

/// Parses a document of any supported version into the current model, without validating it.
/// `file` names the source in error messages.
pub fn parse(text: &str, file: &str) -> Result<Project, LoadError> {
    parse_versioned(text, file).map(|(project, _)| project)
}

/// Like [`parse`], also giving the version the file was written in.
fn parse_versioned(text: &str, file: &str) -> Result<(Project, u32), LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError {
            kind: LoadErrorKind::Syntax,
            file: file.to_owned(),
            line: 1,
            column: 1,
            message: "the file is empty; a Pilote project starts with `(format_version: …`"
                .to_owned(),
        });
    }
    let probe: VersionProbe = ron_options()
        .from_str(text)
        .map_err(|e| syntax_error(file, &e))?;
    match probe.format_version {
        FORMAT_VERSION => ron_options()
            .from_str::<Project>(text)
            .map(|p| (p, FORMAT_VERSION))
            .map_err(|e| syntax_error(file, &e)),
        0 => v0::parse(text)
            .map(|old| (v0::migrate(&old), 0))
            .map_err(|e| syntax_error(file, &e)),
        newer => {
            let (line, column) = locate(text, &ItemPath(vec![PathSeg::Field("format_version")]));
            Err(LoadError {
                kind: LoadErrorKind::TooNew,
                file: file.to_owned(),
                line,
                column,
                message: format!(
                    "format version {newer} was written by a newer Pilote; this one reads up to \
                     version {FORMAT_VERSION}. Update Pilote to open this file."
                ),
            })
        }
    }
}

/// Validation problems of a parsed document, placed in its text.
pub fn locate_issues(text: &str, issues: Vec<ValidationIssue>) -> Vec<LocatedIssue> {
    issues
        .into_iter()
        .map(|issue| {
            let (line, column) = locate(text, &issue.path);
            LocatedIssue {
                line,
                column,
                issue,
            }
        })
        .collect()
}

/// Parses and validates; the document and its problems (empty when it is sound).
pub fn load(text: &str, file: &str) -> Result<(Project, Vec<LocatedIssue>), LoadError> {
    let (project, version) = parse_versioned(text, file)?;
    let issues = validate(&project);
    // Paths point into the current format; a migrated file's text has another shape.
    let located = if version == FORMAT_VERSION {
        locate_issues(text, issues)
    } else {
        issues
            .into_iter()
            .map(|issue| LocatedIssue {
                line: 0,
                column: 0,
                issue,
            })
            .collect()
    };
    Ok((project, located))
}

/// Parses and validates; any validation problem is an error pointing at the first one.
pub fn load_strict(text: &str, file: &str) -> Result<Project, LoadError> {
    let (project, issues) = load(text, file)?;
    match first_problem(&issues, file) {
        None => Ok(project),
        Some(error) => Err(error),
    }
}

/// The first validation problem as an error placed in `file` (saying how many more there
/// are), or `None` when there is none.
pub fn first_problem(issues: &[LocatedIssue], file: &str) -> Option<LoadError> {
    let first = issues.first()?;
    let mut message = first.issue.message.clone();
    if issues.len() > 1 {
        message = format!("{message} (and {} more problems)", issues.len() - 1);
    }
    Some(LoadError {
        kind: LoadErrorKind::Invalid,
        file: file.to_owned(),
        line: first.line,
        column: first.column,
        message,
    })
}

/// Reads a document from disk (native only: the web gets bytes from the browser).
/// The largest file Pilote opens: a 100,000-task MS Project XML is 284 MB, so this holds over
/// a quarter of a million tasks; opening takes up to 3.5 times the file's size in memory, and a
/// gigabyte file is refused at once rather than read for a minute into 4 GB.
pub const MAX_FILE_BYTES: u64 = 800_000_000;

pub fn read_file(path: &std::path::Path) -> Result<String, LoadError> {
    let file = path.display().to_string();
    let io_error = |message: String| LoadError {
        kind: LoadErrorKind::Io,
        file: file.clone(),
        line: 0,
        column: 0,
        message,
    };
    // Only a regular file of a plan's size: /dev/zero or a pipe would be read until memory
    // runs out.
    let metadata = std::fs::metadata(path).map_err(|e| io_error(e.to_string()))?;
    if !metadata.is_file() {
        return Err(io_error("not a regular file".to_owned()));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(io_error(format!(
            "{} MB is more than a plan holds ({} MB at most)",
            metadata.len() / 1_000_000,
            MAX_FILE_BYTES / 1_000_000
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| io_error(e.to_string()))?;
    // The bytes become the text without a copy (a 284 MB MS Project XML would double).
    String::from_utf8(bytes).map_err(|e| not_utf8(&e, &file))
}

/// The bytes as UTF-8 text, or an error placed where they stop being UTF-8.
pub fn text_from_bytes(bytes: &[u8], file: &str) -> Result<String, LoadError> {
    String::from_utf8(bytes.to_vec()).map_err(|e| not_utf8(&e, file))
}

/// Where bytes stop being UTF-8 text, as a load error.
fn not_utf8(e: &std::string::FromUtf8Error, file: &str) -> LoadError {
    let (line, column) = line_column(
        &String::from_utf8_lossy(e.as_bytes()),
        e.utf8_error().valid_up_to(),
    );
    LoadError {
        kind: LoadErrorKind::Syntax,
        file: file.to_owned(),
        line,
        column,
        message: "the file is not UTF-8 text".to_owned(),
    }
}

/// The document as pretty RON text, always in the current format version.
pub fn to_text(project: &Project) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("  ".to_owned())
        .struct_names(false);
    let mut text = ron_options().to_string_pretty(project, config)?;
    text.push('\n');
    Ok(text)
}
