//! Pilote's own file dialog, for desktops where the system's cannot open (no desktop portal,
//! no zenity): the app reads the folders, the view (`ui::file_picker`) shows them and says
//! what the user chose.

use super::PiloteApp;
use super::contract::{FilePicker, Modal, PickerAction, PickerEntry, PickerPurpose, Status};
use super::platform::PickerNeed;
use crate::i18n::T;
use crate::io::document;

impl PiloteApp {
    /// Opens Pilote's dialog for `need`, in the folder of the document (else the home folder);
    /// the first time, the status bar says why.
    pub(super) fn open_picker(&mut self, need: PickerNeed, first: bool) {
        let start = self
            .doc
            .path
            .as_deref()
            .and_then(|p| std::path::Path::new(p).parent())
            .map(|p| p.display().to_string())
            .filter(|p| !p.is_empty())
            .or_else(home)
            .unwrap_or_else(|| ".".to_owned());
        let (purpose, name) = match need {
            PickerNeed::Open => (PickerPurpose::Open, String::new()),
            PickerNeed::ImportCsv => (PickerPurpose::ImportCsv, String::new()),
            PickerNeed::Save { suggested } => (PickerPurpose::Save, suggested),
            PickerNeed::Export {
                suggested,
                ext,
                bytes,
            } => {
                self.pending_export = Some(bytes);
                (PickerPurpose::Export { ext }, suggested)
            }
        };
        let mut picker = FilePicker {
            purpose,
            dir: String::new(),
            entries: Vec::new(),
            name,
            error: None,
        };
        show_folder(&mut picker, &start);
        self.modal = Some(Modal::FilePicker(picker));
        if first {
            self.status = Status::info(T::NoSystemDialog);
        }
    }

    pub(super) fn picker_action(&mut self, action: PickerAction) {
        let Some(Modal::FilePicker(mut picker)) = self.modal.take() else {
            return;
        };
        match action {
            PickerAction::Show(dir) => {
                show_folder(&mut picker, &dir);
                self.modal = Some(Modal::FilePicker(picker));
            }
            PickerAction::Choose(path) => match picker.purpose {
                PickerPurpose::Open => self.dialogs.open_path(&path),
                PickerPurpose::ImportCsv => self.dialogs.read_csv_path(&path),
                PickerPurpose::Save => {
                    let path = with_extension(&path, document::EXTENSION);
                    match self.document_text() {
                        Some(text) => self.dialogs.save_to(&path, &text),
                        None => self.after_save = None,
                    }
                }
                PickerPurpose::Export { ext } => {
                    let path = with_extension(&path, &ext);
                    if let Some(bytes) = self.pending_export.take() {
                        self.dialogs.write_export(&path, &bytes);
                    }
                }
            },
        }
    }
}

fn home() -> Option<String> {
    std::env::var("HOME").ok().filter(|h| !h.is_empty())
}

/// `path` ending in `.ext`, added when the user did not type it.
fn with_extension(path: &str, ext: &str) -> String {
    if path.ends_with(&format!(".{ext}")) {
        path.to_owned()
    } else {
        format!("{path}.{ext}")
    }
}

/// Shows folder `dir` in `picker`: its sub-folders, then the files the purpose uses (project
/// files to open, files of the export's kind), hidden ones left out, by name. A folder that
/// cannot be read keeps the one shown and says why.
fn show_folder(picker: &mut FilePicker, dir: &str) {
    let path = std::path::Path::new(dir);
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let read = match std::fs::read_dir(&path) {
        Ok(read) => read,
        Err(error) => {
            picker.error = Some(format!("{}: {error}", path.display()));
            return;
        }
    };
    let wanted: Vec<String> = match &picker.purpose {
        PickerPurpose::Open | PickerPurpose::Save => {
            vec![
                format!(".{}", document::EXTENSION),
                ".xml".to_owned(),
                ".gan".to_owned(),
                ".planner".to_owned(),
            ]
        }
        PickerPurpose::Export { ext } => vec![format!(".{ext}")],
        PickerPurpose::ImportCsv => vec![".csv".to_owned(), ".txt".to_owned()],
    };
    let mut entries: Vec<PickerEntry> = read
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let folder = e.file_type().ok()?.is_dir();
            let shown = !name.starts_with('.')
                && (folder || wanted.iter().any(|w| name.to_lowercase().ends_with(w)));
            shown.then_some(PickerEntry { name, folder })
        })
        .collect();
    entries.sort_by(|a, b| {
        b.folder
            .cmp(&a.folder)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    picker.dir = path.display().to_string();
    picker.entries = entries;
    picker.error = None;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_linux_desktop_without_a_portal_or_zenity_has_no_system_dialog() {
        use crate::app::platform::system_dialog_possible;
        assert!(!system_dialog_possible(true, false, false));
        assert!(system_dialog_possible(true, true, false));
        assert!(system_dialog_possible(true, false, true));
        assert!(system_dialog_possible(false, false, false));
    }

    #[test]
    fn a_folder_shows_its_folders_then_the_files_the_purpose_uses() {
        let dir = std::env::temp_dir().join(format!("pilote-picker-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("Archive")).unwrap();
        for name in ["b.pilote.ron", "A.xml", "notes.txt", ".hidden.pilote.ron"] {
            std::fs::write(dir.join(name), "x").unwrap();
        }
        let mut picker = FilePicker {
            purpose: PickerPurpose::Open,
            dir: String::new(),
            entries: Vec::new(),
            name: String::new(),
            error: None,
        };
        show_folder(&mut picker, &dir.display().to_string());
        let names: Vec<&str> = picker.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Archive", "A.xml", "b.pilote.ron"]);
        show_folder(&mut picker, &dir.join("missing").display().to_string());
        assert!(picker.error.is_some(), "an unreadable folder says why");
        assert_eq!(picker.entries.len(), 3, "and keeps the one shown");
        assert_eq!(with_extension("plan", "pilote.ron"), "plan.pilote.ron");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
