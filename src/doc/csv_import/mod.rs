//! Importing a CSV file into one of the plan's tables (tasks, resources, requirements, test
//! cases): each column mapped to a field (found by its header, changed by the user), then a
//! preview of what will be created and of every row that will be refused and why; nothing
//! changes until the preview's one edit is applied, which one undo takes back.

mod fields;
mod items;
mod tasks;

pub use fields::{CsvField, auto_mapping};

use super::edit::Edit;
use crate::i18n::choices::Choice;
use crate::i18n::{Lang, Message, T};
use crate::io::csv::{Read, Table};
use crate::model::Project;

/// A row left out, with the line of the file it is on.
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    pub line: usize,
    pub why: Message,
}

/// What an import would do.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview {
    pub table: Table,
    /// One line per item to create: its line in the file (0 for a new resource a row names)
    /// and what it is.
    pub created: Vec<(usize, String)>,
    pub refused: Vec<Refusal>,
    /// The change, `None` when nothing can be imported.
    pub edit: Option<Edit>,
}

impl ImportPreview {
    /// How many rows of the file will be created (new resources they name come too).
    pub fn rows(&self) -> usize {
        self.created.iter().filter(|(line, _)| *line > 0).count()
    }
}

/// The cells of one row by field.
pub(crate) struct Row<'r> {
    pub line: usize,
    cells: Vec<(CsvField, &'r str)>,
}

impl<'r> Row<'r> {
    pub fn get(&self, field: CsvField) -> Option<&'r str> {
        self.cells
            .iter()
            .find(|(f, text)| *f == field && !text.is_empty())
            .map(|(_, text)| *text)
    }

    pub fn has(&self, field: CsvField) -> bool {
        self.cells.iter().any(|(f, _)| *f == field)
    }
}

/// What the rows of `read`, mapped by `mapping`, would add to `table` of `project`.
pub fn preview(
    project: &Project,
    table: Table,
    read: &Read,
    mapping: &[Option<CsvField>],
    lang: Lang,
) -> ImportPreview {
    let rows: Vec<Row> = read
        .rows
        .iter()
        .map(|(line, cells)| Row {
            line: *line,
            cells: mapping
                .iter()
                .zip(cells)
                .filter_map(|(f, text)| f.map(|f| (f, text.as_str())))
                .collect(),
        })
        .collect();
    let required = CsvField::required(table);
    if !mapping.contains(&Some(required)) {
        return ImportPreview {
            table,
            created: Vec::new(),
            refused: vec![Refusal {
                line: 1,
                why: T::CsvNoNameColumn.with(&[("field", required.label(lang))]),
            }],
            edit: None,
        };
    }
    let mut preview = match table {
        Table::Tasks => tasks::preview(project, &rows, lang),
        Table::Resources => items::resources(project, &rows, lang),
        Table::Requirements => items::requirements(project, &rows, lang),
        Table::Tests => items::tests(project, &rows, lang),
        _ => ImportPreview {
            table,
            created: Vec::new(),
            refused: Vec::new(),
            edit: None,
        },
    };
    preview.refused.sort_by_key(|r| r.line);
    preview
}

/// A number as spreadsheets write it in either language: `1234.5`, `1 234,5`, `1,234.50`,
/// with a currency sign or a `%` around it.
pub(crate) fn number(text: &str) -> Option<f64> {
    let kept: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'))
        .collect();
    let normal = match (kept.rfind(','), kept.rfind('.')) {
        (Some(c), Some(d)) if c > d => kept.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => kept.replace(',', ""),
        (Some(_), None) => kept.replace(',', "."),
        _ => kept,
    };
    normal.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A date, alone or with a time and a weekday as MS Project writes it: `02/03/2026`,
/// `lun. 02/03/26 08:00`, `2026-03-02T08:00:00`.
pub(crate) fn date(text: &str) -> Option<chrono::NaiveDate> {
    date_time(text).map(|(day, _)| day)
}

/// A date and, when the cell has one, its time of day.
pub(crate) fn date_time(text: &str) -> Option<(chrono::NaiveDate, Option<chrono::NaiveTime>)> {
    let mut words = text
        .split(['T', ' '])
        .map(str::trim)
        .skip_while(|w| !w.starts_with(|c: char| c.is_ascii_digit()));
    let day = crate::i18n::parse_date(words.next()?)?;
    let time = words.next().and_then(|w| {
        chrono::NaiveTime::parse_from_str(w, "%H:%M:%S")
            .or_else(|_| chrono::NaiveTime::parse_from_str(w, "%H:%M"))
            .ok()
    });
    Some((day, time))
}

/// The value of enum `C` whose label (in either language) is `text`, without case.
pub(crate) fn choice<C: Choice>(text: &str) -> Option<C> {
    let text = text.trim().to_lowercase();
    C::ALL.iter().copied().find(|c| {
        Lang::ALL
            .iter()
            .any(|&lang| c.label().get(lang).to_lowercase() == text)
    })
}

/// "Yes", "Oui", "1", "true", "x".
pub(crate) fn yes(text: &str) -> bool {
    matches!(
        text.trim().to_lowercase().as_str(),
        "yes" | "oui" | "1" | "true" | "vrai" | "x"
    )
}

/// The refusal "`column`: `text` is not one of …", listing `C`'s labels.
pub(crate) fn bad_choice<C: Choice>(
    line: usize,
    field: CsvField,
    text: &str,
    lang: Lang,
) -> Refusal {
    let choices: Vec<&str> = C::ALL.iter().map(|c| c.label().get(lang)).collect();
    Refusal {
        line,
        why: T::CsvBadChoice.with(&[
            ("column", field.label(lang)),
            ("text", text),
            ("choices", &choices.join(", ")),
        ]),
    }
}
