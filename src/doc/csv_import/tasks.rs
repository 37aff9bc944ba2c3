//! CSV rows into tasks: name, outline (a level or a WBS code), duration (or Jira's estimate in
//! seconds), constraint, deadline, progress, notes, resources by name, and predecessors by the
//! file's own ID column (or the row's number) as MS Project writes them. A row whose
//! predecessor is not imported is refused too, so that no link is silently dropped.

use std::collections::HashMap;

use chrono::NaiveDateTime;

use super::{CsvField, ImportPreview, Refusal, Row, date, date_time, number, yes};
use crate::doc::clipboard::{self, Clip};
use crate::doc::edit::Edit;
use crate::i18n::{Lang, Message, T};
use crate::io::csv::Table;
use crate::io::{entry, resource_entry};
use crate::model::{
    Assignment, AssignmentId, Constraint, Duration, Link, Project, Resource, ResourceId, Task,
    TaskId, next_id,
};
use crate::schedule::cpm;

struct Candidate {
    line: usize,
    /// What the Predecessors of other rows call this one.
    key: String,
    task: Task,
    predecessors: String,
    resources: Vec<(crate::model::ResourceId, f64)>,
    refusal: Option<Message>,
}

const DONE: [&str; 7] = [
    "done", "closed", "resolved", "terminé", "fermé", "résolu", "fait",
];

/// Makes a constraint at a date (dateless ones ignore it).
type Make = fn(NaiveDateTime) -> Constraint;

/// The constraint whose label (MS Project's words, either language) is `text`, at `at`.
fn constraint(text: &str, at: Option<NaiveDateTime>) -> Option<Result<Constraint, ()>> {
    let text = text.trim().to_lowercase();
    let any = NaiveDateTime::default();
    let kinds: [(T, Make); 8] = [
        (T::ConstraintAsap, |_| Constraint::Asap),
        (T::ConstraintAlap, |_| Constraint::Alap),
        (T::ConstraintSnet, Constraint::StartNoEarlierThan),
        (T::ConstraintSnlt, Constraint::StartNoLaterThan),
        (T::ConstraintFnet, Constraint::FinishNoEarlierThan),
        (T::ConstraintFnlt, Constraint::FinishNoLaterThan),
        (T::ConstraintMso, Constraint::MustStartOn),
        (T::ConstraintMfo, Constraint::MustFinishOn),
    ];
    let (_, make) = kinds.iter().find(|(label, _)| {
        Lang::ALL
            .iter()
            .any(|&l| label.get(l).to_lowercase() == text)
    })?;
    let dated = make(any).pin().is_some();
    Some(match (dated, at) {
        (false, _) => Ok(make(any)),
        (true, Some(at)) => Ok(make(at)),
        (true, None) => Err(()),
    })
}

#[allow(
    clippy::unnecessary_wraps,
    reason = "callers keep the first refusal of a row, an Option"
)]
fn refuse(why: T, values: &[(&'static str, &str)]) -> Option<Message> {
    Some(why.with(values))
}

#[allow(
    clippy::too_many_lines,
    reason = "one field after the other, as a row reads"
)]
fn candidate(
    project: &Project,
    row: &Row<'_>,
    (ordinal, lang): (usize, Lang),
    known: &mut Vec<Resource>,
) -> Candidate {
    let settings = &project.settings;
    let start = project.meta.start.and_time(settings.default_start_time);
    let name = row.get(CsvField::Name).unwrap_or_default();
    let mut task = Task::new(TaskId(0), name, 1, start);
    let mut refusal = if name.is_empty() {
        refuse(T::CsvNoName, &[])
    } else {
        None
    };
    let mut fail = |why: Option<Message>| {
        if refusal.is_none() {
            refusal = why;
        }
    };
    if let Some(text) = row.get(CsvField::Duration) {
        match entry::parse_duration(text) {
            Some(d) => task.duration = d,
            None => fail(refuse(T::CsvBadDuration, &[("text", text)])),
        }
    } else if let Some(text) = row.get(CsvField::EstimateSeconds) {
        match number(text) {
            Some(seconds) if seconds >= 0.0 => {
                task.duration =
                    Duration::days(seconds / 60.0 / f64::from(settings.minutes_per_day.max(1)));
            }
            _ => fail(refuse(
                T::CsvBadNumber,
                &[
                    ("column", CsvField::EstimateSeconds.label(lang)),
                    ("text", text),
                ],
            )),
        }
    }
    task.milestone = row.get(CsvField::Milestone).is_some_and(yes)
        || (row.has(CsvField::Duration) && task.duration.amount == 0.0);
    if task.milestone {
        task.duration.amount = 0.0;
    }
    if let Some(text) = row.get(CsvField::OutlineLevel) {
        match text.trim().parse::<u8>() {
            Ok(level) if level >= 1 => task.outline_level = level,
            _ => fail(refuse(T::CsvBadLevel, &[("text", text)])),
        }
    } else if let Some(wbs) = row.get(CsvField::Wbs) {
        let depth = wbs.trim().trim_end_matches('.').split('.').count();
        task.outline_level = u8::try_from(depth.max(1)).unwrap_or(u8::MAX);
    }
    if let Some(text) = row.get(CsvField::Percent) {
        match number(text).filter(|p| (0.0..=100.0).contains(p)) {
            Some(p) => task.percent_complete = p.round() as u8,
            None => fail(refuse(T::CsvBadPercent, &[("text", text)])),
        }
    } else if row
        .get(CsvField::Status)
        .is_some_and(|s| DONE.contains(&s.trim().to_lowercase().as_str()))
    {
        task.percent_complete = 100;
    }
    let dated = |field: CsvField, fail: &mut dyn FnMut(Option<Message>)| {
        let text = row.get(field)?;
        let day = date(text);
        if day.is_none() {
            fail(refuse(
                T::CsvBadDate,
                &[("column", field.label(lang)), ("text", text)],
            ));
        }
        day
    };
    let constraint_at = row.get(CsvField::ConstraintDate).and_then(|text| {
        let at = date_time(text);
        if at.is_none() {
            fail(refuse(
                T::CsvBadDate,
                &[
                    ("column", CsvField::ConstraintDate.label(lang)),
                    ("text", text),
                ],
            ));
        }
        at.map(|(day, time)| day.and_time(time.unwrap_or(settings.default_start_time)))
    });
    let start_day = dated(CsvField::Start, &mut fail);
    task.deadline = dated(CsvField::Deadline, &mut fail);
    if let Some(text) = row.get(CsvField::ConstraintType) {
        match constraint(text, constraint_at) {
            Some(Ok(c)) => task.constraint = c,
            Some(Err(())) => fail(refuse(T::CsvConstraintNoDate, &[("text", text)])),
            None => fail(refuse(
                T::CsvBadChoice,
                &[
                    ("column", CsvField::ConstraintType.label(lang)),
                    ("text", text),
                    ("choices", "ASAP, ALAP, …"),
                ],
            )),
        }
    } else if let Some(day) = start_day {
        // A start typed in a spreadsheet holds the task there, as MS Project does.
        task.constraint = Constraint::StartNoEarlierThan(day.and_time(settings.default_start_time));
    }
    let mut notes = String::new();
    if let Some(key) = row.get(CsvField::Key) {
        notes = format!("Jira {key}");
    }
    if let Some(text) = row.get(CsvField::Notes) {
        if !notes.is_empty() {
            notes.push('\n');
        }
        notes.push_str(text);
    }
    task.notes = notes;
    let mut resources = Vec::new();
    if let Some(text) = row.get(CsvField::Resources) {
        match staffing(text, known) {
            Ok(found) => resources = found,
            Err(why) => fail(Some(why)),
        }
    }
    Candidate {
        line: row.line,
        key: row
            .get(CsvField::Id)
            .map_or_else(|| ordinal.to_string(), |id| id.trim().to_owned()),
        task,
        predecessors: row
            .get(CsvField::Predecessors)
            .unwrap_or_default()
            .to_owned(),
        resources,
        refusal,
    }
}

/// The resources a Resources cell names, each with its units; a name no resource has is a new
/// resource (as MS Project's import makes one), added to `known`.
fn staffing(text: &str, known: &mut Vec<Resource>) -> Result<Vec<(ResourceId, f64)>, Message> {
    // Each round adds one unknown name; a cell names a handful.
    for _ in 0..=text.len() {
        match resource_entry::parse_resources(text, known) {
            Ok(found) => return Ok(found),
            Err(resource_entry::ResourceEntryError::Unknown(name)) if !name.trim().is_empty() => {
                let id = ResourceId(next_id(known, |r| r.id));
                known.push(Resource::person(id, name.trim()));
            }
            Err(_) => break,
        }
    }
    Err(T::CsvBadResources.with(&[("text", text)]))
}

/// `text` with each part's leading row key replaced by the candidate's number in `numbers`;
/// `Err` with the first key that is not there.
fn renumber(text: &str, numbers: &HashMap<&str, usize>) -> Result<String, String> {
    let mut parts = Vec::new();
    for part in text
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let digits = part.chars().take_while(char::is_ascii_digit).count();
        let key = &part[..digits];
        let Some(k) = numbers.get(key) else {
            return Err(key.to_owned());
        };
        parts.push(format!("{}{}", k + 1, &part[digits..]));
    }
    Ok(parts.join(", "))
}

/// Each row's links (by the rows' numbers in `all`) and why a row is refused: its own
/// refusal, predecessors that do not read or name no row, or a predecessor that is refused.
fn resolve(all: &[Candidate], tasks: &[Task]) -> (Vec<Vec<Link>>, Vec<Option<Message>>) {
    let numbers: HashMap<&str, usize> = all
        .iter()
        .enumerate()
        .map(|(k, c)| (c.key.as_str(), k))
        .collect();
    // Every row's links, read once; a row whose text does not read is refused.
    let mut links: Vec<Vec<Link>> = vec![Vec::new(); all.len()];
    let mut refusals: Vec<Option<Message>> = all.iter().map(|c| c.refusal.clone()).collect();
    for (k, c) in all.iter().enumerate() {
        if c.predecessors.is_empty() || refusals[k].is_some() {
            continue;
        }
        match renumber(&c.predecessors, &numbers) {
            Err(key) => refusals[k] = refuse(T::CsvPredecessorMissing, &[("id", &key)]),
            Ok(text) => match entry::parse_predecessors(&text, tasks, k) {
                Ok(found) => links[k] = found,
                Err(_) => {
                    refusals[k] = refuse(T::CsvBadPredecessors, &[("text", &c.predecessors)]);
                }
            },
        }
    }
    // A row that depends on a refused row is refused, until none is left.
    loop {
        let mut changed = false;
        for k in 0..all.len() {
            if refusals[k].is_some() {
                continue;
            }
            if let Some(missing) = links[k].iter().find(|l| {
                let p = l.predecessor.0 as usize - 1;
                refusals.get(p).is_none_or(Option::is_some)
            }) {
                let key = all[missing.predecessor.0 as usize - 1].key.clone();
                refusals[k] = refuse(T::CsvPredecessorMissing, &[("id", &key)]);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    (links, refusals)
}

pub(super) fn preview(project: &Project, rows: &[Row<'_>], lang: Lang) -> ImportPreview {
    let mut known = project.resources.clone();
    let mut all: Vec<Candidate> = rows
        .iter()
        .enumerate()
        .map(|(k, row)| candidate(project, row, (k + 1, lang), &mut known))
        .collect();
    for (k, c) in all.iter_mut().enumerate() {
        c.task.id = TaskId(u32::try_from(k + 1).unwrap_or(u32::MAX));
    }
    let tasks: Vec<Task> = all.iter().map(|c| c.task.clone()).collect();
    let (links, refusals) = resolve(&all, &tasks);
    let mut preview = ImportPreview {
        table: Table::Tasks,
        created: Vec::new(),
        refused: Vec::new(),
        edit: None,
    };
    let mut clip = Clip {
        tasks: Vec::new(),
        links: Vec::new(),
        assignments: Vec::new(),
        text: String::new(),
    };
    let mut level = 1u8;
    for ((c, refusal), links) in all.into_iter().zip(refusals).zip(links) {
        if let Some(why) = refusal {
            preview.refused.push(Refusal { line: c.line, why });
            continue;
        }
        let mut task = c.task;
        // A level can go down any number of steps but up only one.
        task.outline_level = if clip.tasks.is_empty() {
            1
        } else {
            task.outline_level.clamp(1, level.saturating_add(1))
        };
        level = task.outline_level;
        let minutes = cpm::duration_minutes(project, task.duration).0 as f64;
        for (resource, units) in c.resources {
            clip.assignments.push(Assignment::new(
                AssignmentId(0),
                (task.id, resource),
                units,
                (units * minutes).round() as i64,
            ));
        }
        preview.created.push((
            c.line,
            format!(
                "{} ({})",
                task.name,
                entry::format_duration(task.duration, lang)
            ),
        ));
        clip.links.extend(links);
        clip.tasks.push(task);
    }
    // New resources first, then the rows that work with them: only those some accepted row
    // names are made.
    let used: std::collections::HashSet<ResourceId> =
        clip.assignments.iter().map(|a| a.resource).collect();
    let mut edits = Vec::new();
    for r in known.into_iter().skip(project.resources.len()) {
        if used.contains(&r.id) {
            preview
                .created
                .push((0, T::CsvNewResource.fill(lang, &[("name", &r.name)])));
            edits.push(Edit::AddResource {
                index: project.resources.len() + edits.len(),
                resource: Box::new(r),
            });
        }
    }
    if let Some((edit, _)) = clipboard::paste(project, &clip, None) {
        edits.push(edit);
        preview.edit = Some(Edit::Batch(edits));
    }
    preview
}
