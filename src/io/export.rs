//! Every export of a plan, in one place for the command line, the window and the browser:
//! MS Project XML, a CSV table, iCalendar, and the steering-committee report in HTML or PDF.

use chrono::{NaiveDate, NaiveDateTime};

use super::csv::{self, Dialect, Table};
use super::{ics, mspdi, report};
use crate::i18n::Lang;
use crate::model::Project;
use crate::schedule::{cpm, kpi, risk::RiskResult};

/// What to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    MsProjectXml,
    Csv(Table),
    ICalendar,
    ReportHtml,
    ReportPdf,
}

impl ExportKind {
    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportKind::MsProjectXml => "xml",
            ExportKind::Csv(_) => "csv",
            ExportKind::ICalendar => "ics",
            ExportKind::ReportHtml => "html",
            ExportKind::ReportPdf => "pdf",
        }
    }

    /// The name a save dialog offers for `project` at `status`.
    pub fn file_name(self, project: &Project, status: NaiveDate) -> String {
        let stem = if project.meta.code.trim().is_empty() {
            project.meta.name.trim().to_owned()
        } else {
            project.meta.code.trim().to_owned()
        };
        match self {
            ExportKind::ReportHtml | ExportKind::ReportPdf => {
                report::file_name(project, status, self.extension())
            }
            ExportKind::Csv(table) => format!("{stem} {}.csv", table.slug()),
            _ => format!("{stem}.{}", self.extension()),
        }
    }
}

/// How to export.
pub struct Options<'a> {
    pub lang: Lang,
    /// CSV dates in ISO 8601.
    pub iso_dates: bool,
    /// The date the report stands at.
    pub status: NaiveDate,
    /// When the export is made (UTC), which iCalendar stamps every event with.
    pub now_utc: NaiveDateTime,
    /// The last schedule risk analysis, for the report's confidence section.
    pub risk: Option<&'a RiskResult>,
    /// The project manager's message, at the top of the report.
    pub message: &'a str,
}

/// The bytes of the export, and what it could not carry (MS Project XML).
pub fn export(
    project: &Project,
    kind: ExportKind,
    options: &Options<'_>,
) -> Result<(Vec<u8>, Vec<String>), String> {
    let schedule = cpm::schedule(project);
    Ok(match kind {
        ExportKind::MsProjectXml => {
            let exported = mspdi::export(project)?;
            (exported.text.into_bytes(), exported.left_out)
        }
        ExportKind::Csv(table) => {
            let dialect = Dialect {
                lang: options.lang,
                iso_dates: options.iso_dates,
            };
            let text = csv::export(project, schedule.as_ref().ok(), table, dialect)?;
            (text.into_bytes(), Vec::new())
        }
        ExportKind::ICalendar => {
            let text = ics::export(
                project,
                schedule.as_ref().ok(),
                options.lang,
                options.now_utc,
            );
            (text.into_bytes(), Vec::new())
        }
        ExportKind::ReportHtml | ExportKind::ReportPdf => {
            let schedule = schedule.map_err(|e| format!("the plan cannot be scheduled: {e}"))?;
            let kpi = kpi::report(project, &schedule, options.status)
                .map_err(|e| format!("the plan's calendar: {e}"))?;
            let built = report::build(&report::Input {
                project,
                schedule: &schedule,
                kpi: &kpi,
                risk: options.risk,
                message: options.message,
                lang: options.lang,
            });
            let bytes = if kind == ExportKind::ReportPdf {
                report::pdf(&built)?
            } else {
                report::html(&built).into_bytes()
            };
            (bytes, Vec::new())
        }
    })
}
