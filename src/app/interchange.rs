//! File ▸ Export and File ▸ Import CSV: the dialogs' commands and what their answers do. The
//! formats themselves are in `io` (export) and `doc::csv_import` (the preview and its edit).

use super::PiloteApp;
use super::contract::{CsvImportDialog, ExportDialog, ExportFormat, Modal, Status};
use super::display_name;
use crate::doc::csv_import;
use crate::i18n::T;
use crate::io::csv::Table;
use crate::io::export::{self, ExportKind, Options};

impl PiloteApp {
    /// Opens the export dialog on `format`, with the last report message kept.
    pub(super) fn open_export(&mut self, format: ExportFormat) {
        self.modal = Some(Modal::Export(ExportDialog {
            format,
            table: Table::Tasks,
            iso_dates: false,
            message: self.report_message.clone(),
        }));
    }

    /// Makes the export the dialog describes and asks where to put it (downloads it on the
    /// web).
    pub(super) fn export_plan(&mut self, dialog: &ExportDialog, pdf: bool) {
        let kind = match dialog.format {
            ExportFormat::MsProject => ExportKind::MsProjectXml,
            ExportFormat::Csv => ExportKind::Csv(dialog.table),
            ExportFormat::Calendar => ExportKind::ICalendar,
            ExportFormat::Report if pdf => ExportKind::ReportPdf,
            ExportFormat::Report => ExportKind::ReportHtml,
        };
        dialog.message.clone_into(&mut self.report_message);
        let project = &self.doc.project;
        let status = project.meta.status_date.unwrap_or_else(|| self.today());
        let options = Options {
            lang: self.settings.lang,
            iso_dates: dialog.iso_dates,
            status,
            now_utc: chrono::Utc::now().naive_utc(),
            risk: self.analysis.status.result.as_deref(),
            message: &dialog.message,
        };
        match export::export(project, kind, &options) {
            Ok((bytes, left_out)) => {
                let name = kind.file_name(project, status);
                let filter = match kind {
                    ExportKind::MsProjectXml => "MS Project XML",
                    ExportKind::Csv(_) => "CSV",
                    ExportKind::ICalendar => "iCalendar",
                    ExportKind::ReportHtml => "HTML",
                    ExportKind::ReportPdf => "PDF",
                };
                self.modal = None;
                self.pending_left_out = left_out;
                self.dialogs
                    .export_bytes(&name, &bytes, filter, kind.extension());
            }
            Err(error) => {
                self.status = Status::error(T::ExportFailed.with(&[("error", &error)]));
            }
        }
    }

    /// A CSV file was read: the import dialog opens on it, its columns mapped by their headers.
    pub(super) fn csv_read(&mut self, path: &str, text: &str) {
        let file = display_name(path);
        let read = match crate::io::csv::read(text, &file) {
            Ok(read) => read,
            Err(error) => {
                self.status =
                    Status::error(T::CsvReadFailed.with(&[("file", &file), ("error", &error)]));
                return;
            }
        };
        let table = Table::Tasks;
        let mapping = csv_import::auto_mapping(table, &read.headers);
        let preview = csv_import::preview(
            &self.doc.project,
            table,
            &read,
            &mapping,
            self.settings.lang,
        );
        self.modal = Some(Modal::ImportCsv(Box::new(CsvImportDialog {
            file,
            read,
            table,
            mapping,
            preview,
        })));
    }
}
