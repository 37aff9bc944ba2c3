//! iCalendar (RFC 5545) export of the plan's dates: milestones and deliverables due as all-day
//! events, test campaigns over their period, steering committees and other meetings at their
//! time (two hours: the model keeps no length). Every event's UID is made of the project's
//! code (or name) and the item's id, so that a calendar that subscribes to the file, or
//! imports it again, updates its events instead of adding them twice.

use std::fmt::Write as _;

use chrono::{Days, NaiveDate, NaiveDateTime};

use crate::i18n::choices::Choice;
use crate::i18n::{Lang, T};
use crate::model::{Project, outline};
use crate::schedule::cpm::Schedule;

/// How long a meeting is shown, in minutes.
const MEETING_MINUTES: i64 = 120;

/// The text of a property value with RFC 5545's escapes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded at 75 octets (continuation lines start with a space), ended by CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// The part of every UID that names the project: its code, else its name, in letters and
/// digits only.
fn project_key(project: &Project) -> String {
    let source = if project.meta.code.trim().is_empty() {
        &project.meta.name
    } else {
        &project.meta.code
    };
    super::slug::slug(source, "plan")
}

enum When {
    /// All day, from the first day to the last (inclusive).
    Days(NaiveDate, NaiveDate),
    /// From a time, for minutes.
    At(NaiveDateTime, i64),
}

struct Event {
    uid: String,
    summary: String,
    description: String,
    when: When,
    categories: &'static str,
}

fn day(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

fn local(at: NaiveDateTime) -> String {
    at.format("%Y%m%dT%H%M%S").to_string()
}

/// The events of `project` with its schedule's dates (the stored ones without it).
fn events(project: &Project, schedule: Option<&Schedule>, lang: Lang) -> Vec<Event> {
    let key = project_key(project);
    let finish_of = |row: usize| {
        schedule
            .and_then(|s| s.tasks.get(row))
            .map_or(project.tasks[row].finish, |d| d.finish)
    };
    let rows = outline::positions(&project.tasks);
    let mut out = Vec::new();
    for (row, task) in project
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.milestone)
    {
        let date = finish_of(row).date();
        out.push(Event {
            uid: format!("milestone-{}@{key}.pilote", task.id.0),
            summary: format!("◆ {}", task.name),
            description: task.notes.clone(),
            when: When::Days(date, date),
            categories: "MILESTONE",
        });
    }
    for d in &project.deliverables {
        let Some(&row) = d.due_with.as_ref().and_then(|t| rows.get(t)) else {
            continue;
        };
        let date = finish_of(row).date();
        out.push(Event {
            uid: format!("deliverable-{}@{key}.pilote", d.id.0),
            summary: format!("{} {} — {}", d.code, d.name, T::IcsDue.get(lang)),
            description: d.description.clone(),
            when: When::Days(date, date),
            categories: "DELIVERABLE",
        });
    }
    for c in &project.campaigns {
        out.push(Event {
            uid: format!("campaign-{}@{key}.pilote", c.id.0),
            summary: format!("{} — {}", c.name, c.kind.label().get(lang)),
            description: c.environment.clone(),
            when: When::Days(c.start, c.finish.max(c.start)),
            categories: "TEST CAMPAIGN",
        });
    }
    for m in &project.meetings {
        let mut description = m.agenda.join("\n");
        if !m.attendees.is_empty() {
            let _ = write!(description, "\n\n{}", m.attendees.join(", "));
        }
        out.push(Event {
            uid: format!("meeting-{}@{key}.pilote", m.id.0),
            summary: format!("{} — {}", m.kind.label().get(lang), m.title),
            description: description.trim().to_owned(),
            when: When::At(m.date, MEETING_MINUTES),
            categories: "MEETING",
        });
    }
    out
}

/// The calendar of `project`. `stamp` (UTC) is when it was made, which RFC 5545 asks of every
/// event; the caller gives it (the pure layers never read the clock).
pub fn export(
    project: &Project,
    schedule: Option<&Schedule>,
    lang: Lang,
    stamp: NaiveDateTime,
) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Pilote//Pilote planner//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, line);
    }
    push_line(
        &mut out,
        &format!("X-WR-CALNAME:{}", escape(&project.meta.name)),
    );
    for event in events(project, schedule, lang) {
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}", event.uid));
        push_line(&mut out, &format!("DTSTAMP:{}Z", local(stamp)));
        match event.when {
            When::Days(first, last) => {
                let end = last.checked_add_days(Days::new(1)).unwrap_or(last);
                push_line(&mut out, &format!("DTSTART;VALUE=DATE:{}", day(first)));
                push_line(&mut out, &format!("DTEND;VALUE=DATE:{}", day(end)));
                push_line(&mut out, "TRANSP:TRANSPARENT");
            }
            When::At(at, minutes) => {
                let end = at + chrono::Duration::minutes(minutes);
                push_line(&mut out, &format!("DTSTART:{}", local(at)));
                push_line(&mut out, &format!("DTEND:{}", local(end)));
            }
        }
        push_line(&mut out, &format!("SUMMARY:{}", escape(&event.summary)));
        if !event.description.is_empty() {
            push_line(
                &mut out,
                &format!("DESCRIPTION:{}", escape(&event.description)),
            );
        }
        push_line(&mut out, &format!("CATEGORIES:{}", event.categories));
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_and_texts_are_escaped() {
        let mut out = String::new();
        push_line(&mut out, &format!("SUMMARY:{}", "é".repeat(60)));
        for line in out.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        assert_eq!(escape("a;b,c\nd\\"), "a\\;b\\,c\\nd\\\\");
    }
}
