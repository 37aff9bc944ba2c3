//! Where an item of an imported plan sits in its MS Project XML text, so that a problem found
//! after the import (validation speaks of `tasks[3].duration`) is reported at a line and
//! column, as for a Pilote file. Found by the item's UID in its section, only when there is a
//! problem to report: the import keeps no positions.

use crate::model::Project;
use crate::model::validate::{ItemPath, PathSeg};

/// The line and column of the element the item at `path` was read from, if it can be found.
pub fn position(text: &str, project: &Project, path: &ItemPath) -> Option<(usize, usize)> {
    let (Some(PathSeg::Field(collection)), Some(PathSeg::Index(index))) =
        (path.0.first(), path.0.get(1))
    else {
        return None;
    };
    // A link is written inside its successor, as a PredecessorLink naming its predecessor.
    let (section, element, uid, inner) = match *collection {
        "tasks" => ("Tasks", "Task", project.tasks.get(*index)?.id.0, None),
        "links" => {
            let link = project.links.get(*index)?;
            let inner = ("PredecessorUID", link.predecessor.0);
            ("Tasks", "Task", link.successor.0, Some(inner))
        }
        "resources" => (
            "Resources",
            "Resource",
            project.resources.get(*index)?.id.0,
            None,
        ),
        "assignments" => {
            let id = project.assignments.get(*index)?.id.0;
            ("Assignments", "Assignment", id, None)
        }
        "calendars" => (
            "Calendars",
            "Calendar",
            project.calendars.get(*index)?.id.0,
            None,
        ),
        _ => return None,
    };
    let from = text.find(&format!("<{section}>"))?;
    let uid_at = from + text[from..].find(&format!("<UID>{uid}</UID>"))?;
    let start = text[..uid_at].rfind(&format!("<{element}>"))?;
    let at = match inner {
        None => start,
        Some((tag, value)) => {
            let end = text[start..]
                .find(&format!("</{element}>"))
                .map_or(text.len(), |e| start + e);
            let link = text[start..end].find(&format!("<{tag}>{value}</{tag}>"))?;
            // The PredecessorLink element itself, not its first child.
            text[..start + link]
                .rfind("<PredecessorLink>")
                .unwrap_or(start + link)
        }
    };
    Some(crate::io::locate::line_column(text, at))
}
