//! Opening bytes of any format Pilote reads, recognised by their content rather than by the
//! file name: a `.xml` renamed `.ron` (or a browser upload without a name) still opens. The
//! formats of later issues (GanttProject, Planner, CSV) plug in here.

use crate::io::document::{self, LoadError, LocatedIssue};
use crate::io::mspdi;
use crate::model::Project;

/// The formats [`open`] recognises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Pilote's own RON document (`*.pilote.ron`): opened, saved back to the same file.
    Pilote,
    /// MS Project XML (MSPDI): imported, saved as a new Pilote document.
    MsProjectXml,
    /// GanttProject (`.gan`): imported.
    GanttProject,
    /// GNOME Planner (`.planner`): imported.
    Planner,
}

impl Format {
    /// Whether saving writes back to the file it came from (false for imports).
    pub fn is_native(self) -> bool {
        self == Format::Pilote
    }
}

/// A document read from bytes, with what the reader had to say about it.
#[derive(Debug)]
pub struct Opened {
    pub project: Project,
    pub format: Format,
    /// Validation problems placed in the text (Pilote documents).
    pub issues: Vec<LocatedIssue>,
    /// What an import could not carry over (MS Project XML).
    pub warnings: Vec<String>,
}

/// Why bytes could not be opened; the message names the file, line and column.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum OpenError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Import(#[from] mspdi::ImportError),
}

/// Which format `text` is in: XML whose root is a `Project` element is MS Project's, a
/// `project` root is Planner's (with its `mrproject-version`) or GanttProject's; anything
/// else is read as a Pilote document (whose parser gives the precise error).
pub fn detect(text: &str) -> Format {
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    // Skip the XML declaration, comments and processing instructions before the root.
    while let Some(after) = rest.strip_prefix('<') {
        if let Some(body) = after.strip_prefix("!--") {
            match body.find("-->") {
                Some(end) => rest = body[end + 3..].trim_start(),
                None => return Format::Pilote,
            }
        } else if after.starts_with('?') || after.starts_with('!') {
            // A DOCTYPE's internal subset holds '>' of its own: skip to the ']' closing it.
            let subset = match (after.find('['), after.find('>')) {
                (Some(open), Some(close)) if open < close => after.find(']').unwrap_or(open),
                _ => 0,
            };
            match after[subset..].find('>').map(|end| end + subset) {
                Some(end) => rest = after[end + 1..].trim_start(),
                None => return Format::Pilote,
            }
        } else {
            let name: String = after
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
                .collect();
            return if name == "Project" || name.ends_with(":Project") {
                Format::MsProjectXml
            } else if name == "project" {
                // Planner marks its root with its version; GanttProject's has none of it.
                let head: String = after.chars().take_while(|c| *c != '>').collect();
                if head.contains("mrproject-version") {
                    Format::Planner
                } else {
                    Format::GanttProject
                }
            } else {
                Format::Pilote
            };
        }
    }
    Format::Pilote
}

/// Opens `bytes` named `name` (a path or a browser file name, for messages).
pub fn open(name: &str, bytes: &[u8]) -> Result<Opened, OpenError> {
    let text = document::text_from_bytes(bytes, name)?;
    open_text(name, &text)
}

/// Opens text already decoded.
pub fn open_text(name: &str, text: &str) -> Result<Opened, OpenError> {
    let format = detect(text);
    let imported = match format {
        Format::MsProjectXml => mspdi::import(text, name)?,
        Format::GanttProject => crate::io::gan::import(text, name)?,
        Format::Planner => crate::io::planner::import(text, name)?,
        Format::Pilote => {
            let (project, issues) = document::load(text, name)?;
            return Ok(Opened {
                project,
                format: Format::Pilote,
                issues,
                warnings: Vec::new(),
            });
        }
    };
    Ok(Opened {
        project: imported.project,
        format,
        issues: Vec::new(),
        warnings: imported.warnings,
    })
}

/// Reads and opens a file from disk (native only: the web gets bytes from the browser).
pub fn open_path(path: &std::path::Path) -> Result<Opened, OpenError> {
    let text = document::read_file(path)?;
    open_text(&path.display().to_string(), &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_apart_by_content() {
        assert_eq!(detect("(format_version: 1)"), Format::Pilote);
        assert_eq!(
            detect(
                "\u{feff}<?xml version=\"1.0\"?>\n<!-- by MS Project -->\n<Project xmlns=\"x\">"
            ),
            Format::MsProjectXml
        );
        assert_eq!(detect("<Project><Tasks/></Project>"), Format::MsProjectXml);
        assert_eq!(detect("<html></html>"), Format::Pilote);
        assert_eq!(
            detect("<?xml version=\"1.0\"?><project name=\"\" version=\"3.3\">"),
            Format::GanttProject
        );
        assert_eq!(
            detect("<?xml version=\"1.0\"?>\n<project mrproject-version=\"2\">"),
            Format::Planner
        );
        assert_eq!(detect(""), Format::Pilote);
    }
}
