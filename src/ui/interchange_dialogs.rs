//! The dialogs of File ▸ Export (a format, its options, the report's message) and File ▸
//! Import CSV (the table, each column's field, the preview of what will be created and of
//! every row refused). Choices come back as a new modal state; the preview is computed when a
//! choice changes, not every frame.

use egui::{RichText, Ui};

use super::theme::Theme;
use crate::app::contract::{
    Command, CsvImportDialog, ExportDialog, ExportFormat, Modal, Outbox, Request, ShellCtx, Status,
};
use crate::doc::csv_import::{self, CsvField};
use crate::i18n::{Lang, T};
use crate::io::csv::Table;

/// A table's name in the interface.
fn table_label(table: Table, lang: Lang) -> String {
    match table {
        Table::Tasks => T::TableTasks,
        Table::Resources => T::TableResources,
        Table::Assignments => T::TableAssignments,
        Table::Requirements => T::TableRequirements,
        Table::Deliverables => T::TableDeliverables,
        Table::Tests => T::TableTests,
        Table::Runs => T::TableRuns,
        Table::Anomalies => T::TableAnomalies,
        Table::Risks => T::TableRisks,
        Table::Actions => T::TableActions,
    }
    .get(lang)
    .to_owned()
}

fn format_label(format: ExportFormat, lang: Lang) -> String {
    let command = match format {
        ExportFormat::MsProject => Command::ExportMsProject,
        ExportFormat::Csv => Command::ExportCsv,
        ExportFormat::Calendar => Command::ExportCalendar,
        ExportFormat::Report => Command::ExportReport,
    };
    command.label(lang).trim_end_matches('…').to_owned()
}

fn table_picker_ui(
    ui: &mut Ui,
    label: &str,
    tables: &[Table],
    current: Table,
    lang: Lang,
) -> Option<Table> {
    let mut picked = None;
    ui.horizontal(|ui| {
        ui.label(label);
        let combo = egui::ComboBox::from_id_salt(label)
            .selected_text(table_label(current, lang))
            .show_ui(ui, |ui| {
                for &table in tables {
                    if ui
                        .selectable_label(table == current, table_label(table, lang))
                        .clicked()
                    {
                        picked = Some(table);
                    }
                }
            });
        ui.ctx().accesskit_node_builder(combo.response.id, |node| {
            node.set_label(label.to_owned());
        });
    });
    picked
}

/// The export dialog's body.
pub fn export_dialog_ui(
    ui: &mut Ui,
    shell: &ShellCtx<'_>,
    theme: &Theme,
    dialog: &ExportDialog,
    out: &mut Outbox,
) {
    let lang = shell.lang;
    ui.heading(T::ExportTitle.get(lang));
    ui.add_space(6.0);
    let mut next = dialog.clone();
    ui.horizontal_wrapped(|ui| {
        ui.label(T::ExportFormat.get(lang));
        for format in [
            ExportFormat::MsProject,
            ExportFormat::Csv,
            ExportFormat::Calendar,
            ExportFormat::Report,
        ] {
            ui.radio_value(&mut next.format, format, format_label(format, lang));
        }
    });
    ui.add_space(6.0);
    match dialog.format {
        ExportFormat::MsProject => {
            ui.label(RichText::new(T::CmdExportMsProjectTip.get(lang)).color(theme.muted()));
        }
        ExportFormat::Calendar => {
            ui.label(RichText::new(T::CmdExportCalendarTip.get(lang)).color(theme.muted()));
        }
        ExportFormat::Csv => {
            if let Some(table) = table_picker_ui(
                ui,
                T::ExportTable.get(lang),
                &Table::ALL,
                dialog.table,
                lang,
            ) {
                next.table = table;
            }
            ui.checkbox(&mut next.iso_dates, T::ExportIsoDates.get(lang));
        }
        ExportFormat::Report => {
            ui.label(T::ExportMessage.get(lang));
            let response = ui.add(
                egui::TextEdit::multiline(&mut next.message)
                    .desired_rows(5)
                    .desired_width(f32::INFINITY),
            );
            ui.ctx().accesskit_node_builder(response.id, |node| {
                node.set_label(T::ExportMessage.get(lang).to_owned());
            });
            ui.label(RichText::new(T::ExportConfidenceNote.get(lang)).color(theme.muted()));
        }
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if dialog.format == ExportFormat::Report {
            if ui.button(T::ExportHtml.get(lang)).clicked() {
                out.push(Request::ExportPlan(next.clone(), false));
            }
            if ui.button(T::ExportPdf.get(lang)).clicked() {
                out.push(Request::ExportPlan(next.clone(), true));
            }
        } else if ui.button(T::ExportButton.get(lang)).clicked() {
            out.push(Request::ExportPlan(next.clone(), false));
        }
        if ui.button(T::Cancel.get(lang)).clicked() {
            out.close_modal();
        }
    });
    if next != *dialog {
        out.open_modal(Modal::Export(next));
    }
}

/// The CSV import dialog's body.
pub fn csv_import_dialog_ui(
    ui: &mut Ui,
    shell: &ShellCtx<'_>,
    theme: &Theme,
    dialog: &CsvImportDialog,
    out: &mut Outbox,
) {
    let lang = shell.lang;
    ui.set_min_width(640.0);
    ui.heading(T::CsvImportTitle.fill(lang, &[("file", &dialog.file)]));
    ui.add_space(6.0);
    let mut next = dialog.clone();
    let mut changed = false;
    if let Some(table) = table_picker_ui(
        ui,
        T::CsvImportInto.get(lang),
        &Table::IMPORTABLE,
        dialog.table,
        lang,
    ) {
        next.table = table;
        next.mapping = csv_import::auto_mapping(table, &dialog.read.headers);
        changed = true;
    }
    ui.add_space(4.0);
    changed |= mapping_ui(ui, lang, dialog, &mut next);
    ui.separator();
    preview_ui(ui, lang, *theme, &dialog.preview);
    let created = dialog.preview.rows().to_string();
    let preview = &dialog.preview;
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let import = T::CsvImportButton.fill(lang, &[("count", &created)]);
        if ui
            .add_enabled(preview.edit.is_some(), egui::Button::new(import))
            .clicked()
            && let Some(edit) = preview.edit.clone()
        {
            out.edit(edit, None);
            out.status(Status::info(T::CsvImported.with(&[
                ("count", &created),
                ("file", &dialog.file),
                ("table", &table_label(dialog.table, lang)),
            ])));
            out.close_modal();
        }
        if ui.button(T::Cancel.get(lang)).clicked() {
            out.close_modal();
        }
    });
    if changed {
        next.preview = csv_import::preview(
            &shell.doc.project,
            next.table,
            &next.read,
            &next.mapping,
            lang,
        );
        out.open_modal(Modal::ImportCsv(Box::new(next)));
    }
}

/// Each column of the file with the field it is read as; true when one changed.
fn mapping_ui(
    ui: &mut Ui,
    lang: Lang,
    dialog: &CsvImportDialog,
    next: &mut CsvImportDialog,
) -> bool {
    let mut changed = false;
    egui::ScrollArea::vertical()
        .id_salt("csv-mapping")
        .max_height(180.0)
        .show(ui, |ui| {
            egui::Grid::new("csv-mapping-grid")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for (k, header) in dialog.read.headers.iter().enumerate() {
                        let column = T::CsvColumn.fill(lang, &[("name", header)]);
                        ui.label(&column);
                        let current = dialog.mapping.get(k).copied().flatten();
                        let shown = current.map_or_else(
                            || T::CsvIgnore.get(lang).to_owned(),
                            |f| f.label(lang).to_owned(),
                        );
                        let combo = egui::ComboBox::from_id_salt(("csv-field", k))
                            .selected_text(shown)
                            .show_ui(ui, |ui| {
                                let mut pick =
                                    |ui: &mut Ui, field: Option<CsvField>, label: &str| {
                                        if ui.selectable_label(current == field, label).clicked() {
                                            if let Some(slot) = next.mapping.get_mut(k) {
                                                *slot = field;
                                            }
                                            changed = true;
                                        }
                                    };
                                pick(ui, None, T::CsvIgnore.get(lang));
                                for &field in CsvField::of(dialog.table) {
                                    pick(ui, Some(field), field.label(lang));
                                }
                            });
                        ui.ctx().accesskit_node_builder(combo.response.id, |node| {
                            node.set_label(column.clone());
                        });
                        ui.end_row();
                    }
                });
        });
    changed
}

/// What will be created, then every refused row with its line and reason.
fn preview_ui(ui: &mut Ui, lang: Lang, theme: Theme, preview: &csv_import::ImportPreview) {
    let created = preview.rows().to_string();
    let refused = preview.refused.len().to_string();
    ui.label(RichText::new(T::CsvWillCreate.fill(lang, &[("count", &created)])).strong());
    egui::ScrollArea::vertical()
        .id_salt("csv-preview")
        .max_height(160.0)
        .show(ui, |ui| {
            for (line, what) in preview.created.iter().take(200) {
                let line = if *line == 0 {
                    String::new()
                } else {
                    format!(
                        "{}: ",
                        T::CsvLine.fill(lang, &[("line", &line.to_string())])
                    )
                };
                ui.label(format!("{line}{what}"));
            }
        });
    if !preview.refused.is_empty() {
        ui.label(
            RichText::new(T::CsvWillRefuse.fill(lang, &[("count", &refused)]))
                .color(theme.error())
                .strong(),
        );
        egui::ScrollArea::vertical()
            .id_salt("csv-refused")
            .max_height(160.0)
            .show(ui, |ui| {
                for r in &preview.refused {
                    let line = T::CsvLine.fill(lang, &[("line", &r.line.to_string())]);
                    ui.label(
                        RichText::new(format!("{line}: {}", r.why.text(lang))).color(theme.error()),
                    );
                }
            });
    }
}
