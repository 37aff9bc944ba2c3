//! Pilote's own file dialog, drawn where the system's cannot open: the folder's path (typed or
//! climbed), its sub-folders and the files the purpose uses, the file name, and Open or Save.
//! The app reads the folders; this view says what the user chose.

use egui::{RichText, Ui};

use super::theme::Theme;
use crate::app::contract::{FilePicker, Modal, Outbox, PickerAction, PickerPurpose, Request};
use crate::i18n::{Lang, T};

/// The dialog's contents, inside the shell's modal.
pub fn file_picker_ui(
    ui: &mut Ui,
    lang: Lang,
    theme: Theme,
    picker: &FilePicker,
    out: &mut Outbox,
) {
    let title = match picker.purpose {
        PickerPurpose::Open | PickerPurpose::ImportCsv => T::PickerOpenTitle,
        PickerPurpose::Save => T::PickerSaveTitle,
        PickerPurpose::Export { .. } => T::PickerExportTitle,
    };
    ui.heading(title.get(lang));
    folder_row_ui(ui, lang, picker, out);
    if let Some(error) = &picker.error {
        ui.label(RichText::new(error).color(theme.error()));
    }
    entries_ui(ui, lang, theme, picker, out);
    ui.separator();
    let opening = matches!(
        picker.purpose,
        PickerPurpose::Open | PickerPurpose::ImportCsv
    );
    let mut name = picker.name.clone();
    let mut enter = false;
    ui.horizontal(|ui| {
        ui.label(T::PickerFileName.get(lang));
        let field = ui.add(egui::TextEdit::singleline(&mut name).desired_width(320.0));
        ui.ctx().accesskit_node_builder(field.id, |n| {
            n.set_label(T::PickerFileName.get(lang).to_owned());
        });
        enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if field.changed() {
            out.open_modal(Modal::FilePicker(FilePicker {
                name: name.clone(),
                ..picker.clone()
            }));
        }
    });
    let exists = picker
        .entries
        .iter()
        .any(|e| !e.folder && e.name == name.trim());
    if exists && !opening {
        ui.label(
            RichText::new(T::PickerReplaces.fill(lang, &[("file", name.trim())]))
                .color(theme.warning()),
        );
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let action = if opening {
            T::PickerOpen
        } else {
            T::PickerSave
        };
        let ready = !name.trim().is_empty() && (!opening || exists);
        let clicked = ui
            .add_enabled(ready, egui::Button::new(action.get(lang)))
            .clicked();
        if ready && (clicked || enter) {
            let path = std::path::Path::new(&picker.dir).join(name.trim());
            out.push(Request::Picker(PickerAction::Choose(
                path.display().to_string(),
            )));
        }
        if ui.button(T::Cancel.get(lang)).clicked() {
            out.close_modal();
        }
    });
}

/// The folder's path, editable, with the parent and home folders a click away.
fn folder_row_ui(ui: &mut Ui, lang: Lang, picker: &FilePicker, out: &mut Outbox) {
    let dir_id = egui::Id::unique("file-picker-folder");
    ui.horizontal(|ui| {
        let parent = std::path::Path::new(&picker.dir).parent();
        let up = ui.add_enabled(parent.is_some(), egui::Button::new("⬆"));
        ui.ctx().accesskit_node_builder(up.id, |n| {
            n.set_label(T::PickerParent.get(lang).to_owned());
        });
        if up.on_hover_text(T::PickerParent.get(lang)).clicked()
            && let Some(parent) = parent
        {
            out.push(Request::Picker(PickerAction::Show(
                parent.display().to_string(),
            )));
        }
        if let Some(home) = std::env::var_os("HOME")
            && ui.button(T::PickerHome.get(lang)).clicked()
        {
            out.push(Request::Picker(PickerAction::Show(
                home.to_string_lossy().into_owned(),
            )));
        }
        ui.label(T::PickerFolder.get(lang));
        // The path typed so far lives in egui's memory until Enter or Go shows it.
        let mut typed = ui
            .data(|d| d.get_temp::<(String, String)>(dir_id))
            .filter(|(shown, _)| *shown == picker.dir)
            .map_or_else(|| picker.dir.clone(), |(_, typed)| typed);
        let field = ui.add(egui::TextEdit::singleline(&mut typed).desired_width(300.0));
        ui.ctx().accesskit_node_builder(field.id, |n| {
            n.set_label(T::PickerFolder.get(lang).to_owned());
        });
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let go = ui.button(T::PickerGo.get(lang)).clicked();
        ui.data_mut(|d| d.insert_temp(dir_id, (picker.dir.clone(), typed.clone())));
        if (enter || go) && typed.trim() != picker.dir {
            out.push(Request::Picker(PickerAction::Show(typed.trim().to_owned())));
        }
    });
}

/// Sub-folders (a click opens them) and files (a click takes the name; a double click opens).
fn entries_ui(ui: &mut Ui, lang: Lang, theme: Theme, picker: &FilePicker, out: &mut Outbox) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        egui::ScrollArea::vertical()
            .max_height(300.0)
            .min_scrolled_height(300.0)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if picker.entries.is_empty() {
                    ui.label(RichText::new(T::PickerEmpty.get(lang)).color(theme.muted()));
                }
                for entry in &picker.entries {
                    // A folder ends with a slash, as in a shell listing: every font has one (no
                    // emoji font is bundled).
                    let text = if entry.folder {
                        format!("{}/", entry.name)
                    } else {
                        entry.name.clone()
                    };
                    let chosen = !entry.folder && entry.name == picker.name;
                    let response = ui.selectable_label(chosen, text);
                    ui.ctx().accesskit_node_builder(response.id, |n| {
                        n.set_label(entry.name.clone());
                    });
                    let path = std::path::Path::new(&picker.dir).join(&entry.name);
                    if entry.folder && response.clicked() {
                        out.push(Request::Picker(PickerAction::Show(
                            path.display().to_string(),
                        )));
                    } else if response.double_clicked() {
                        out.push(Request::Picker(PickerAction::Choose(
                            path.display().to_string(),
                        )));
                    } else if response.clicked() {
                        out.open_modal(Modal::FilePicker(FilePicker {
                            name: entry.name.clone(),
                            ..picker.clone()
                        }));
                    }
                }
            });
    });
}
