//! Rows of the plan as tab-separated text, the form spreadsheets copy and paste: a header
//! line, then a task per line with its name, duration, start, finish, predecessors (row
//! numbers within the block), resources, % complete and outline level. Reading accepts what
//! Excel or MS Project put on the clipboard: a header in English or French (ours or MS
//! Project's column names) in any order, or no header (our column order), or one name per
//! line.

use chrono::NaiveDate;

use super::entry;
use crate::i18n::{self, Lang, T};
use crate::model::Duration;

/// A column of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Name,
    Duration,
    Start,
    Finish,
    Predecessors,
    Resources,
    Percent,
    OutlineLevel,
}

impl Column {
    /// The columns written, in order (and read in this order when there is no header).
    pub const ALL: [Column; 8] = [
        Column::Name,
        Column::Duration,
        Column::Start,
        Column::Finish,
        Column::Predecessors,
        Column::Resources,
        Column::Percent,
        Column::OutlineLevel,
    ];

    fn title(self) -> T {
        match self {
            Column::Name => T::ColName,
            Column::Duration => T::ColDuration,
            Column::Start => T::ColStart,
            Column::Finish => T::ColFinish,
            Column::Predecessors => T::ColPredecessors,
            Column::Resources => T::ColResources,
            Column::Percent => T::ColPercent,
            Column::OutlineLevel => T::ColOutlineLevel,
        }
    }

    /// MS Project's own column names (English and French), as its copies carry them.
    fn ms_project_names(self) -> &'static [&'static str] {
        match self {
            Column::Name => &["name", "task name", "nom", "tâche"],
            Column::Duration => &["duration"],
            Column::Start => &["start", "début"],
            Column::Finish => &["finish", "fin"],
            Column::Predecessors => &["predecessors", "prédécesseurs"],
            Column::Resources => &["resource names", "noms ressources", "resources"],
            Column::Percent => &["% complete", "% achevé"],
            Column::OutlineLevel => &["outline level", "niveau hiérarchique"],
        }
    }

    fn from_header(cell: &str) -> Option<Column> {
        let cell = cell.trim().to_lowercase();
        Column::ALL.into_iter().find(|c| {
            Lang::ALL
                .iter()
                .any(|&lang| c.title().get(lang).to_lowercase() == cell)
                || c.ms_project_names().contains(&cell.as_str())
        })
    }
}

/// One task as text: each cell as written, the ones that read as figures read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TextRow {
    pub name: String,
    pub duration: Option<Duration>,
    pub start: Option<NaiveDate>,
    /// As written: row numbers within the block ("1FS+2d, 3").
    pub predecessors: String,
    /// As written: "Claire Martin[50%], Paul".
    pub resources: String,
    pub percent: Option<u8>,
    pub outline_level: Option<u8>,
    /// Cells that were there but did not read ("soon" as a duration), by column.
    pub unread: Vec<(Column, String)>,
}

/// The cells of one row to write, in [`Column::ALL`] order.
pub struct RowCells {
    pub name: String,
    pub duration: Duration,
    pub start: NaiveDate,
    pub finish: NaiveDate,
    pub predecessors: String,
    pub resources: String,
    pub percent: u8,
    pub outline_level: u8,
}

/// The text of `rows` with a header in `lang`. Dates are ISO (2026-03-02), which spreadsheets
/// read as dates in every locale.
pub fn write(rows: &[RowCells], lang: Lang) -> String {
    let mut out: Vec<String> = vec![
        Column::ALL
            .iter()
            .map(|c| c.title().get(lang))
            .collect::<Vec<_>>()
            .join("\t"),
    ];
    for r in rows {
        let cells = [
            clean(&r.name),
            entry::format_duration(r.duration, lang),
            r.start.format("%Y-%m-%d").to_string(),
            r.finish.format("%Y-%m-%d").to_string(),
            clean(&r.predecessors),
            clean(&r.resources),
            format!("{}%", r.percent),
            r.outline_level.to_string(),
        ];
        out.push(cells.join("\t"));
    }
    out.join("\n") + "\n"
}

/// A cell's text without what would break the row apart.
fn clean(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

/// The rows of `text`, empty lines left out. A first line naming known columns is the header;
/// without one the columns are ours, in order.
pub fn read(text: &str) -> Vec<TextRow> {
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
        .collect();
    let Some(first) = lines.first() else {
        return Vec::new();
    };
    let header: Vec<Option<Column>> = first.split('\t').map(Column::from_header).collect();
    let (columns, body) = if header.contains(&Some(Column::Name)) {
        (header, &lines[1..])
    } else {
        (Column::ALL.iter().copied().map(Some).collect(), &lines[..])
    };
    body.iter()
        .filter_map(|line| read_row(line, &columns))
        .collect()
}

fn read_row(line: &str, columns: &[Option<Column>]) -> Option<TextRow> {
    let mut row = TextRow::default();
    for (cell, column) in line.split('\t').zip(columns) {
        let cell = cell.trim();
        let Some(column) = column else { continue };
        if cell.is_empty() {
            continue;
        }
        let read = match column {
            Column::Name => {
                cell.clone_into(&mut row.name);
                true
            }
            Column::Duration => {
                row.duration = entry::parse_duration(cell);
                row.duration.is_some()
            }
            Column::Start => {
                row.start = i18n::parse_date(date_part(cell));
                row.start.is_some()
            }
            // The finish follows from the start and the duration.
            Column::Finish => true,
            Column::Predecessors => {
                cell.clone_into(&mut row.predecessors);
                true
            }
            Column::Resources => {
                cell.clone_into(&mut row.resources);
                true
            }
            Column::Percent => {
                row.percent = cell
                    .trim_end_matches('%')
                    .trim()
                    .parse::<u8>()
                    .ok()
                    .filter(|p| *p <= 100);
                row.percent.is_some()
            }
            Column::OutlineLevel => {
                row.outline_level = cell.parse::<u8>().ok().filter(|l| *l >= 1);
                row.outline_level.is_some()
            }
        };
        if !read {
            row.unread.push((*column, cell.to_owned()));
        }
    }
    (!row.name.is_empty()).then_some(row)
}

/// The date of a date and time as MS Project copies it ("02/03/2026 08:00", "Mon 02/03/26").
fn date_part(cell: &str) -> &str {
    cell.split_whitespace()
        .find(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .unwrap_or(cell)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_written_reads_back() {
        let rows = [RowCells {
            name: "Build\tinterfaces".into(),
            duration: Duration::days(5.0),
            start: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap_or_default(),
            finish: NaiveDate::from_ymd_opt(2026, 3, 6).unwrap_or_default(),
            predecessors: "1FS+2d".into(),
            resources: "Claire Martin[50%]".into(),
            percent: 40,
            outline_level: 2,
        }];
        for lang in Lang::ALL {
            let back = read(&write(&rows, lang));
            assert_eq!(back.len(), 1);
            let r = &back[0];
            assert_eq!(r.name, "Build interfaces");
            assert_eq!(r.duration, Some(Duration::days(5.0)));
            assert_eq!(r.start, NaiveDate::from_ymd_opt(2026, 3, 2));
            assert_eq!(r.predecessors, "1FS+2d");
            assert_eq!(r.resources, "Claire Martin[50%]");
            assert_eq!((r.percent, r.outline_level), (Some(40), Some(2)));
            assert!(r.unread.is_empty());
        }
    }

    #[test]
    fn a_spreadsheet_s_columns_are_found_by_their_header_or_taken_in_order() {
        let excel = "Durée\tNom de la tâche\tDébut\n3j\tRecette\t12/01/2027\n\n2\tBascule\tsoon\n";
        let rows = read(excel);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].name, "Recette");
        assert_eq!(rows[0].duration, Some(Duration::days(3.0)));
        assert_eq!(rows[0].start, NaiveDate::from_ymd_opt(2027, 1, 12));
        assert_eq!(rows[1].unread, vec![(Column::Start, "soon".to_owned())]);
        let names = read("Kick-off\nWorkshops\n");
        assert_eq!(names.len(), 2);
        assert_eq!(names[1].name, "Workshops");
        assert_eq!(names[1].duration, None);
    }
}
