//! Text typed in the task table, to and from the model: durations ("5d", "2,5 sem", "3ed") and
//! predecessors written as MS Project users write them ("3FS+2d", "5SS", "7FF-1d", "4SF+50%").
//! Row numbers in predecessor text are the table's ID column (1-based row positions).

use crate::i18n::Lang;
use crate::model::outline;
use crate::model::{Duration, DurationUnit, Lag, Link, LinkKind, Task};

/// Unit spellings accepted on input, English and French, lowercase.
const UNIT_ALIASES: &[(&str, DurationUnit)] = &[
    ("m", DurationUnit::Minutes),
    ("min", DurationUnit::Minutes),
    ("mins", DurationUnit::Minutes),
    ("minute", DurationUnit::Minutes),
    ("minutes", DurationUnit::Minutes),
    ("h", DurationUnit::Hours),
    ("hr", DurationUnit::Hours),
    ("hrs", DurationUnit::Hours),
    ("hour", DurationUnit::Hours),
    ("hours", DurationUnit::Hours),
    ("heure", DurationUnit::Hours),
    ("heures", DurationUnit::Hours),
    ("d", DurationUnit::Days),
    ("day", DurationUnit::Days),
    ("days", DurationUnit::Days),
    ("j", DurationUnit::Days),
    ("jour", DurationUnit::Days),
    ("jours", DurationUnit::Days),
    ("w", DurationUnit::Weeks),
    ("wk", DurationUnit::Weeks),
    ("wks", DurationUnit::Weeks),
    ("week", DurationUnit::Weeks),
    ("weeks", DurationUnit::Weeks),
    ("s", DurationUnit::Weeks),
    ("sem", DurationUnit::Weeks),
    ("semaine", DurationUnit::Weeks),
    ("semaines", DurationUnit::Weeks),
    ("mo", DurationUnit::Months),
    ("mon", DurationUnit::Months),
    ("mons", DurationUnit::Months),
    ("month", DurationUnit::Months),
    ("months", DurationUnit::Months),
    ("mois", DurationUnit::Months),
];

fn elapsed(unit: DurationUnit) -> DurationUnit {
    match unit {
        DurationUnit::Minutes => DurationUnit::ElapsedMinutes,
        DurationUnit::Hours => DurationUnit::ElapsedHours,
        DurationUnit::Days => DurationUnit::ElapsedDays,
        DurationUnit::Weeks => DurationUnit::ElapsedWeeks,
        DurationUnit::Months => DurationUnit::ElapsedMonths,
        other => other,
    }
}

fn unit_from_text(text: &str) -> Option<DurationUnit> {
    let text = text.trim().trim_end_matches('?').to_lowercase();
    if text.is_empty() {
        return Some(DurationUnit::Days);
    }
    let lookup = |t: &str| {
        UNIT_ALIASES
            .iter()
            .find(|(alias, _)| *alias == t)
            .map(|(_, unit)| *unit)
    };
    if let Some(unit) = lookup(&text) {
        return Some(unit);
    }
    // Elapsed: English prefixes an "e" (ed, ewk), French suffixes a "c" (jc, semc).
    if let Some(rest) = text.strip_prefix('e')
        && let Some(unit) = lookup(rest)
    {
        return Some(elapsed(unit));
    }
    if let Some(rest) = text.strip_suffix('c')
        && let Some(unit) = lookup(rest.trim())
    {
        return Some(elapsed(unit));
    }
    None
}

fn parse_number(text: &str) -> Option<f64> {
    let value: f64 = text.trim().replace(',', ".").parse().ok()?;
    value.is_finite().then_some(value)
}

/// Splits "2.5sem" into ("2.5", "sem").
fn split_number(text: &str) -> (&str, &str) {
    let end = text
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == ',' || *c == ' '))
        .map_or(text.len(), |(i, _)| i);
    (&text[..end], &text[end..])
}

/// Reads a duration; a bare number is in days. Negative durations are refused.
pub fn parse_duration(text: &str) -> Option<Duration> {
    let (number, unit) = split_number(text.trim());
    let amount = parse_number(number)?;
    if amount < 0.0 {
        return None;
    }
    Some(Duration {
        amount,
        unit: unit_from_text(unit)?,
    })
}

fn format_amount(amount: f64, lang: Lang) -> String {
    let rounded = (amount * 100.0).round() / 100.0;
    let text = if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded}")
    };
    match lang {
        Lang::En => text,
        Lang::Fr => text.replace('.', ","),
    }
}

/// Short unit label, the one used in lags ("2d", "3jc").
pub fn short_unit(unit: DurationUnit, lang: Lang) -> &'static str {
    use DurationUnit as U;
    match (lang, unit) {
        (_, U::Minutes) => "min",
        (_, U::Hours) => "h",
        (Lang::En, U::Days) => "d",
        (Lang::Fr, U::Days) => "j",
        (Lang::En, U::Weeks) => "w",
        (Lang::Fr, U::Weeks) => "sem",
        (Lang::En, U::Months) => "mo",
        (Lang::Fr, U::Months) => "mois",
        (Lang::En, U::ElapsedMinutes) => "emin",
        (Lang::Fr, U::ElapsedMinutes) => "minc",
        (Lang::En, U::ElapsedHours) => "eh",
        (Lang::Fr, U::ElapsedHours) => "hc",
        (Lang::En, U::ElapsedDays) => "ed",
        (Lang::Fr, U::ElapsedDays) => "jc",
        (Lang::En, U::ElapsedWeeks) => "ew",
        (Lang::Fr, U::ElapsedWeeks) => "semc",
        (Lang::En, U::ElapsedMonths) => "emo",
        (Lang::Fr, U::ElapsedMonths) => "moisc",
    }
}

/// A duration as the table shows it: "5 days", "1 day", "2,5 sem", "3 edays".
pub fn format_duration(duration: Duration, lang: Lang) -> String {
    use DurationUnit as U;
    let amount = format_amount(duration.amount, lang);
    let plural = (duration.amount - 1.0).abs() > f64::EPSILON;
    let unit = match (lang, duration.unit, plural) {
        (Lang::En, U::Minutes, false) => "min",
        (Lang::En, U::Minutes, true) => "mins",
        (Lang::En, U::Hours, false) => "hr",
        (Lang::En, U::Hours, true) => "hrs",
        (Lang::En, U::Days, false) => "day",
        (Lang::En, U::Days, true) => "days",
        (Lang::En, U::Weeks, false) => "wk",
        (Lang::En, U::Weeks, true) => "wks",
        (Lang::En, U::Months, false) => "mon",
        (Lang::En, U::Months, true) => "mons",
        (Lang::En, U::ElapsedMinutes, false) => "emin",
        (Lang::En, U::ElapsedMinutes, true) => "emins",
        (Lang::En, U::ElapsedHours, false) => "ehr",
        (Lang::En, U::ElapsedHours, true) => "ehrs",
        (Lang::En, U::ElapsedDays, false) => "eday",
        (Lang::En, U::ElapsedDays, true) => "edays",
        (Lang::En, U::ElapsedWeeks, false) => "ewk",
        (Lang::En, U::ElapsedWeeks, true) => "ewks",
        (Lang::En, U::ElapsedMonths, false) => "emon",
        (Lang::En, U::ElapsedMonths, true) => "emons",
        (Lang::Fr, U::Days, false) => "jour",
        (Lang::Fr, U::Days, true) => "jours",
        (Lang::Fr, unit, _) => short_unit(unit, Lang::Fr),
    };
    format!("{amount} {unit}")
}

fn link_code(kind: LinkKind, lang: Lang) -> &'static str {
    match (lang, kind) {
        (Lang::En, k) => k.code(),
        (Lang::Fr, LinkKind::FinishToStart) => "FD",
        (Lang::Fr, LinkKind::StartToStart) => "DD",
        (Lang::Fr, LinkKind::FinishToFinish) => "FF",
        (Lang::Fr, LinkKind::StartToFinish) => "DF",
    }
}

fn link_kind_from_code(code: &str) -> Option<LinkKind> {
    match code.to_uppercase().as_str() {
        "" | "FS" | "FD" => Some(LinkKind::FinishToStart),
        "SS" | "DD" => Some(LinkKind::StartToStart),
        "FF" => Some(LinkKind::FinishToFinish),
        "SF" | "DF" => Some(LinkKind::StartToFinish),
        _ => None,
    }
}

/// The predecessors of the task at `row_of` positions, as MS Project writes them:
/// "3", "3FS+2d", "5SS", "4SF+50%". `rows` maps task ids to 1-based row numbers.
pub fn format_predecessors(
    links: &[&Link],
    rows: &crate::model::outline::Rows,
    lang: Lang,
) -> String {
    links
        .iter()
        .map(|link| {
            let row = rows
                .get(&link.predecessor)
                .map_or_else(|| format!("?{}", link.predecessor), |r| (r + 1).to_string());
            let lag = format_lag(link.lag, lang);
            if link.kind == LinkKind::FinishToStart && lag.is_empty() {
                row
            } else {
                format!("{row}{}{lag}", link_code(link.kind, lang))
            }
        })
        .collect::<Vec<_>>()
        .join(separator(lang))
}

/// A lag as MS Project writes it after the link type: "+2d", "-1d", "+50%", "" for none.
pub fn format_lag(lag: Lag, lang: Lang) -> String {
    match lag {
        Lag::None => String::new(),
        Lag::Time(d) if d.amount == 0.0 => String::new(),
        Lag::Time(d) => {
            let sign = if d.amount < 0.0 { "-" } else { "+" };
            let abs = Duration {
                amount: d.amount.abs(),
                unit: d.unit,
            };
            format!(
                "{sign}{}{}",
                format_amount(abs.amount, lang),
                short_unit(abs.unit, lang)
            )
        }
        Lag::PercentOfPredecessor(p) => {
            let sign = if p < 0.0 { "-" } else { "+" };
            format!("{sign}{}%", format_amount(p.abs(), lang))
        }
    }
}

/// List separator: French uses ";" because "," is its decimal mark.
fn separator(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ", ",
        Lang::Fr => "; ",
    }
}

/// Why predecessor text was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PredecessorError {
    /// A part that cannot be read at all.
    Syntax(String),
    /// A row number with no task.
    UnknownRow(usize),
    /// The task is given as its own predecessor.
    SelfLink,
    /// A summary linked to its own subtask (or the reverse).
    SummaryAndSubtask,
}

fn parse_lag(text: &str) -> Option<Lag> {
    let text = text.trim();
    if text.is_empty() {
        return Some(Lag::None);
    }
    let (sign, rest) = match text.as_bytes().first() {
        Some(b'+') => (1.0, &text[1..]),
        Some(b'-') => (-1.0, &text[1..]),
        _ => return None,
    };
    if let Some(percent) = rest.trim().strip_suffix('%') {
        return Some(Lag::PercentOfPredecessor(sign * parse_number(percent)?));
    }
    let duration = parse_duration(rest)?;
    Some(Lag::Time(Duration {
        amount: sign * duration.amount,
        unit: duration.unit,
    }))
}

/// Splits predecessor text on ";" and ",", except a "," between digits inside a lag, which is
/// the French decimal mark ("2FF-1,5j").
fn split_parts(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut parts = Vec::new();
    let mut start = 0;
    let mut in_lag = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'+' | b'-' => in_lag = true,
            b',' if in_lag
                && i > 0
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => {}
            b',' | b';' => {
                parts.push(&text[start..i]);
                start = i + 1;
                in_lag = false;
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

/// Reads predecessor text for the task at row index `successor_row` (0-based). Accepts ","
/// and ";" as separators. The whole text is read before anything is returned: one bad part
/// refuses everything.
pub fn parse_predecessors(
    text: &str,
    tasks: &[Task],
    successor_row: usize,
) -> Result<Vec<Link>, PredecessorError> {
    let Some(successor) = tasks.get(successor_row) else {
        return Err(PredecessorError::UnknownRow(successor_row + 1));
    };
    let mut links: Vec<Link> = Vec::new();
    for part in split_parts(text) {
        let digits = part.chars().take_while(char::is_ascii_digit).count();
        let row: usize = part[..digits]
            .parse()
            .map_err(|_| PredecessorError::Syntax(part.to_owned()))?;
        let rest = &part[digits..];
        let letters = rest.chars().take_while(char::is_ascii_alphabetic).count();
        let kind = link_kind_from_code(&rest[..letters])
            .ok_or_else(|| PredecessorError::Syntax(part.to_owned()))?;
        let lag =
            parse_lag(&rest[letters..]).ok_or_else(|| PredecessorError::Syntax(part.to_owned()))?;
        let pred_row = row.checked_sub(1).filter(|r| *r < tasks.len());
        let Some(pred_row) = pred_row else {
            return Err(PredecessorError::UnknownRow(row));
        };
        if pred_row == successor_row {
            return Err(PredecessorError::SelfLink);
        }
        if outline::is_ancestor(tasks, pred_row, successor_row)
            || outline::is_ancestor(tasks, successor_row, pred_row)
        {
            return Err(PredecessorError::SummaryAndSubtask);
        }
        let predecessor = tasks[pred_row].id;
        // Writing the same predecessor twice keeps the last spelling, as MS Project does.
        links.retain(|l| l.predecessor != predecessor);
        links.push(Link {
            predecessor,
            successor: successor.id,
            kind,
            lag,
        });
    }
    Ok(links)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TaskId;
    use chrono::NaiveDate;

    fn plan() -> Vec<Task> {
        let start = NaiveDate::from_ymd_opt(2026, 1, 5)
            .unwrap()
            .and_hms_opt(8, 0, 0)
            .unwrap();
        vec![
            Task::new(TaskId(10), "Phase", 1, start),
            Task::new(TaskId(11), "A", 2, start),
            Task::new(TaskId(12), "B", 2, start),
            Task::new(TaskId(13), "C", 1, start),
        ]
    }

    #[test]
    fn reads_durations_in_both_languages() {
        assert_eq!(parse_duration("5"), Some(Duration::days(5.0)));
        assert_eq!(parse_duration("5d"), Some(Duration::days(5.0)));
        assert_eq!(parse_duration("5 jours"), Some(Duration::days(5.0)));
        let weeks = parse_duration("2,5 sem").unwrap();
        assert_eq!((weeks.amount, weeks.unit), (2.5, DurationUnit::Weeks));
        assert_eq!(
            parse_duration("3ed").unwrap().unit,
            DurationUnit::ElapsedDays
        );
        assert_eq!(
            parse_duration("3jc").unwrap().unit,
            DurationUnit::ElapsedDays
        );
        assert_eq!(parse_duration("4h").unwrap().unit, DurationUnit::Hours);
        assert_eq!(parse_duration("1mo").unwrap().unit, DurationUnit::Months);
        assert_eq!(parse_duration("-1d"), None);
        assert_eq!(parse_duration("abc"), None);
        assert_eq!(parse_duration("5 parsecs"), None);
    }

    #[test]
    fn formatted_durations_read_back() {
        for lang in Lang::ALL {
            for unit in DurationUnit::ALL {
                let d = Duration { amount: 2.5, unit };
                let text = format_duration(d, lang);
                assert_eq!(parse_duration(&text), Some(d), "{text}");
            }
        }
    }

    #[test]
    fn reads_ms_project_predecessor_notation() {
        let tasks = plan();
        let links = parse_predecessors("2FS+2d, 3SS;  1", &tasks[..], 3).unwrap();
        assert_eq!(links.len(), 3);
        assert_eq!(links[0].predecessor, TaskId(11));
        assert_eq!(links[0].lag, Lag::Time(Duration::days(2.0)));
        assert_eq!(links[1].kind, LinkKind::StartToStart);
        assert_eq!(links[2].kind, LinkKind::FinishToStart);
        let links = parse_predecessors("2FF-1,5j", &tasks[..], 2).unwrap();
        assert_eq!(links[0].lag, Lag::Time(Duration::days(-1.5)));
        let links = parse_predecessors("2SF+50%", &tasks[..], 2).unwrap();
        assert_eq!(links[0].lag, Lag::PercentOfPredecessor(50.0));
        assert_eq!(parse_predecessors("", &tasks[..], 2).unwrap(), vec![]);
    }

    #[test]
    fn refuses_bad_predecessors_whole() {
        let tasks = plan();
        assert_eq!(
            parse_predecessors("2, 9", &tasks[..], 3),
            Err(PredecessorError::UnknownRow(9))
        );
        assert_eq!(
            parse_predecessors("4", &tasks[..], 3),
            Err(PredecessorError::SelfLink)
        );
        assert_eq!(
            parse_predecessors("1", &tasks[..], 1),
            Err(PredecessorError::SummaryAndSubtask)
        );
        assert!(matches!(
            parse_predecessors("2XX", &tasks[..], 3),
            Err(PredecessorError::Syntax(_))
        ));
        assert!(matches!(
            parse_predecessors("2FS+", &tasks[..], 3),
            Err(PredecessorError::Syntax(_))
        ));
    }

    #[test]
    fn formatted_predecessors_read_back() {
        let tasks = plan();
        let rows = outline::positions(&tasks);
        for lang in Lang::ALL {
            let links = parse_predecessors("2FS+2,5d, 3SS-1ed; 1SF+50%", &tasks[..], 3).unwrap();
            let refs: Vec<&Link> = links.iter().collect();
            let text = format_predecessors(&refs, &rows, lang);
            assert_eq!(
                parse_predecessors(&text, &tasks[..], 3).unwrap(),
                links,
                "{text}"
            );
        }
    }
}
