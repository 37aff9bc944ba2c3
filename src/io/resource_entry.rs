//! The Resources cell of the task plan, read as MS Project reads it: names separated by "," or
//! ";", each with its units in brackets when not full time — "Claire Martin[50%], Paul".
//! A name is a resource's name or initials, in any case; the whole text is read before
//! anything is returned, so one unknown name refuses everything.

use std::fmt::Write as _;

use crate::model::{Assignment, Project, Resource, ResourceId, TaskId};

/// Why the text of a Resources cell was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResourceEntryError {
    /// No resource has this name or these initials.
    Unknown(String),
    /// Units that cannot be read ("[half]", "[-20%]").
    BadUnits(String),
    /// The same resource twice.
    Twice(String),
}

/// "Claire Martin[50%], Paul": a task's resources as its Resources cell shows them.
pub fn format_resources(project: &Project, assignments: &[Assignment], task: TaskId) -> String {
    let mut text = String::new();
    for a in assignments.iter().filter(|a| a.task == task) {
        let Some(r) = project.resources.iter().find(|r| r.id == a.resource) else {
            continue;
        };
        if !text.is_empty() {
            text.push_str(", ");
        }
        text.push_str(&r.name);
        if (a.units - 1.0).abs() > 1e-9 {
            let _ = write!(text, "[{:.0}%]", a.units * 100.0);
        }
    }
    text
}

/// The resources named in `text`, each with its units (1.0 = full time), in the order written.
pub fn parse_resources(
    text: &str,
    resources: &[Resource],
) -> Result<Vec<(ResourceId, f64)>, ResourceEntryError> {
    let mut out: Vec<(ResourceId, f64)> = Vec::new();
    for part in split_outside_brackets(text) {
        let (name, units) = match part.split_once('[') {
            Some((name, rest)) => {
                let inside = rest
                    .trim_end()
                    .strip_suffix(']')
                    .ok_or_else(|| ResourceEntryError::BadUnits(part.to_owned()))?;
                let units = parse_units(inside)
                    .ok_or_else(|| ResourceEntryError::BadUnits(part.to_owned()))?;
                (name.trim(), units)
            }
            None => (part, 1.0),
        };
        let resource =
            find(resources, name).ok_or_else(|| ResourceEntryError::Unknown(name.to_owned()))?;
        if out.iter().any(|(id, _)| *id == resource.id) {
            return Err(ResourceEntryError::Twice(resource.name.clone()));
        }
        out.push((resource.id, units));
    }
    Ok(out)
}

/// The resource called `name`: by name first, then by initials, in any case.
fn find<'r>(resources: &'r [Resource], name: &str) -> Option<&'r Resource> {
    let wanted = name.trim().to_lowercase();
    resources
        .iter()
        .find(|r| r.name.trim().to_lowercase() == wanted)
        .or_else(|| {
            resources
                .iter()
                .find(|r| !r.initials.is_empty() && r.initials.trim().to_lowercase() == wanted)
        })
}

/// "50%", "50 %", "50", "150%": a percentage of full time, as the cell shows it; "0.5" or
/// "0,5" (with a decimal separator and below 1.5) as a fraction.
fn parse_units(text: &str) -> Option<f64> {
    let text = text.trim();
    let (number, percent) = match text.strip_suffix('%') {
        Some(n) => (n.trim(), true),
        None => (text, false),
    };
    let value: f64 = number.replace(',', ".").parse().ok()?;
    let fraction = !percent && number.contains(['.', ',']) && value < 1.5;
    let units = if fraction { value } else { value / 100.0 };
    (units.is_finite() && units > 0.0 && units <= 100.0).then_some(units)
}

/// The parts of `text` between "," or ";", not splitting inside brackets (where "0,5" is a
/// number), trimmed, empty ones left out.
fn split_outside_brackets(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            ',' | ';' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool() -> Vec<Resource> {
        ["Claire Martin", "Paul Durand"]
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let mut r = Resource::person(ResourceId(u32::try_from(i).unwrap_or(0) + 1), name);
                if i == 1 {
                    r.initials = "PD".into();
                }
                r
            })
            .collect()
    }

    #[test]
    fn names_units_and_separators_as_ms_project_writes_them() {
        let pool = pool();
        assert_eq!(
            parse_resources("Claire Martin[50%], pd", &pool),
            Ok(vec![(ResourceId(1), 0.5), (ResourceId(2), 1.0)])
        );
        assert_eq!(
            parse_resources("claire martin [0,5]; Paul Durand[150 %]", &pool),
            Ok(vec![(ResourceId(1), 0.5), (ResourceId(2), 1.5)])
        );
        assert_eq!(parse_resources("  ", &pool), Ok(vec![]));
    }

    #[test]
    fn a_bad_part_refuses_everything_and_says_which() {
        let pool = pool();
        assert_eq!(
            parse_resources("Claire Martin, Claire Maritn", &pool),
            Err(ResourceEntryError::Unknown("Claire Maritn".into()))
        );
        assert_eq!(
            parse_resources("Paul Durand[half]", &pool),
            Err(ResourceEntryError::BadUnits("Paul Durand[half]".into()))
        );
        assert_eq!(
            parse_resources("Paul Durand, PD[50%]", &pool),
            Err(ResourceEntryError::Twice("Paul Durand".into()))
        );
    }
}
