//! CSV as Excel users expect it: UTF-8 with a byte-order mark (so Excel reads accents right),
//! `;` between cells and a decimal comma in French, `,` and `.` in English, dates day first
//! (or ISO 8601 when asked), Windows line ends. Every table of the app can be written
//! ([`Table`]); reading splits a file into a header and rows, whichever separator it uses,
//! each row with the line it starts on, for the import's preview to name.

mod tables;

use chrono::{NaiveDate, NaiveDateTime};

use crate::i18n::Lang;
use crate::model::Project;
use crate::schedule::cpm::Schedule;

/// The tables that can be exported (and, for some, imported).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Table {
    Tasks,
    Resources,
    Assignments,
    Requirements,
    Deliverables,
    Tests,
    Runs,
    Anomalies,
    Risks,
    Actions,
}

impl Table {
    pub const ALL: [Table; 10] = [
        Table::Tasks,
        Table::Resources,
        Table::Assignments,
        Table::Requirements,
        Table::Deliverables,
        Table::Tests,
        Table::Runs,
        Table::Anomalies,
        Table::Risks,
        Table::Actions,
    ];

    /// The tables a CSV file can be imported into.
    pub const IMPORTABLE: [Table; 4] = [
        Table::Tasks,
        Table::Resources,
        Table::Requirements,
        Table::Tests,
    ];

    /// The name on the command line (`--table tasks`) and in file names.
    pub fn slug(self) -> &'static str {
        match self {
            Table::Tasks => "tasks",
            Table::Resources => "resources",
            Table::Assignments => "assignments",
            Table::Requirements => "requirements",
            Table::Deliverables => "deliverables",
            Table::Tests => "tests",
            Table::Runs => "runs",
            Table::Anomalies => "anomalies",
            Table::Risks => "risks",
            Table::Actions => "actions",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.slug() == slug)
    }
}

/// How numbers, dates and cells are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dialect {
    pub lang: Lang,
    /// Dates as 2026-03-02 instead of the language's 02/03/2026.
    pub iso_dates: bool,
}

impl Dialect {
    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            iso_dates: false,
        }
    }

    pub fn separator(self) -> u8 {
        match self.lang {
            Lang::En => b',',
            Lang::Fr => b';',
        }
    }

    /// A number as Excel in this language reads it: `1234.5` / `1234,5`, no grouping.
    pub fn number(self, value: f64) -> String {
        let text = if value.fract().abs() < 1e-9 {
            format!("{value:.0}")
        } else {
            let s = format!("{value:.4}");
            s.trim_end_matches('0').trim_end_matches('.').to_owned()
        };
        match self.lang {
            Lang::En => text,
            Lang::Fr => text.replace('.', ","),
        }
    }

    pub fn date(self, date: NaiveDate) -> String {
        if self.iso_dates {
            date.format("%Y-%m-%d").to_string()
        } else {
            date.format("%d/%m/%Y").to_string()
        }
    }

    pub fn date_time(self, at: NaiveDateTime) -> String {
        if self.iso_dates {
            at.format("%Y-%m-%dT%H:%M").to_string()
        } else {
            at.format("%d/%m/%Y %H:%M").to_string()
        }
    }
}

/// A value to write, formatted by the dialect.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Date(Option<NaiveDate>),
    DateTime(NaiveDateTime),
    Yes(bool),
}

impl Cell {
    fn text(&self, dialect: Dialect) -> String {
        match self {
            Cell::Text(text) => guard_formula(text),
            Cell::Number(n) => dialect.number(*n),
            Cell::Date(d) => d.map(|d| dialect.date(d)).unwrap_or_default(),
            Cell::DateTime(at) => dialect.date_time(*at),
            Cell::Yes(yes) => match (dialect.lang, yes) {
                (Lang::En, true) => "Yes",
                (Lang::En, false) => "No",
                (Lang::Fr, true) => "Oui",
                (Lang::Fr, false) => "Non",
            }
            .to_owned(),
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::Text(text.to_owned())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::Text(text)
    }
}

/// A text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading
/// apostrophe, as Excel itself marks text; reading takes it off again.
fn guard_formula(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// A cell as read, without the apostrophe that guarded a formula-looking text.
pub fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

/// A table's column headers in the dialect's language, and its rows.
pub struct Sheet {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// The table `table` of `project` (with the dates of `schedule`) as CSV text.
pub fn export(
    project: &Project,
    schedule: Option<&Schedule>,
    table: Table,
    dialect: Dialect,
) -> Result<String, String> {
    let sheet = tables::sheet(project, schedule, table, dialect.lang);
    let mut writer = csv::WriterBuilder::new()
        .delimiter(dialect.separator())
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let fail = |e: csv::Error| format!("the CSV could not be written: {e}");
    writer.write_record(&sheet.headers).map_err(fail)?;
    for row in &sheet.rows {
        writer
            .write_record(row.iter().map(|c| c.text(dialect)))
            .map_err(fail)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| format!("the CSV could not be written: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| format!("the CSV is not UTF-8: {e}"))?;
    Ok(format!("\u{feff}{text}"))
}

/// A CSV file read: its header and its rows, each with the line it starts on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Read {
    pub headers: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

/// The separator a file uses: the one of `;`, `,` and tab that splits its first line most.
fn sniff(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|&sep| first.bytes().filter(|&b| b == sep).count())
        .unwrap_or(b',')
}

/// The line (from 1) of byte `offset` of `text`, whatever the line ends.
fn line_at(text: &str, offset: u64) -> usize {
    let bytes = text.as_bytes();
    let mut end = usize::try_from(offset)
        .unwrap_or(usize::MAX)
        .min(bytes.len());
    // After a record ended by CR, the reader places the next one on the LF that follows.
    while end < bytes.len() && matches!(bytes[end], b'\r' | b'\n') {
        end += 1;
    }
    // One more piece than line ends.
    bytes[..end].split(|&b| b == b'\n').count()
}

/// Reads a CSV file (with or without a byte-order mark, any of the three separators).
/// `file` names it in errors, with the line.
pub fn read(text: &str, file: &str) -> Result<Read, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff(text))
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut out = Read::default();
    for (k, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| line_at(text, p.byte()));
            format!("{file}:{line}: not readable as CSV: {e}")
        })?;
        let line = record.position().map_or(k + 1, |p| line_at(text, p.byte()));
        let cells: Vec<String> = record
            .iter()
            .map(|c| unguard(c.trim()).to_owned())
            .collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        if out.headers.is_empty() {
            out.headers = cells;
        } else {
            out.rows.push((line, cells));
        }
    }
    if out.headers.is_empty() {
        return Err(format!("{file}: the file is empty"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_follow_the_language() {
        let fr = Dialect::new(Lang::Fr);
        let en = Dialect::new(Lang::En);
        assert_eq!(fr.number(1234.5), "1234,5");
        assert_eq!(en.number(1234.5), "1234.5");
        assert_eq!(en.number(3.0), "3");
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap_or_default();
        assert_eq!(fr.date(day), "02/03/2026");
        let iso = Dialect {
            iso_dates: true,
            ..en
        };
        assert_eq!(iso.date(day), "2026-03-02");
    }

    #[test]
    fn a_formula_looking_text_is_kept_as_text_both_ways() {
        assert_eq!(guard_formula("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(unguard("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(unguard("'quoted"), "'quoted");
        assert_eq!(guard_formula("Build"), "Build");
    }

    #[test]
    fn any_separator_reads_with_lines_named() {
        let read = read(
            "\u{feff}Name;Duration\r\nBuild;5 jours\r\n\r\n\"Two\nlines\";3\r\n",
            "x.csv",
        )
        .unwrap_or_default();
        assert_eq!(read.headers, ["Name", "Duration"]);
        assert_eq!(read.rows.len(), 2);
        assert_eq!(read.rows[0], (2, vec!["Build".into(), "5 jours".into()]));
        assert_eq!(read.rows[1].0, 4);
        assert_eq!(read.rows[1].1[0], "Two\nlines");
    }
}
