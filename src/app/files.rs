//! Opening, saving and the prompts around them: what the app does with the platform's file
//! events and the unsaved-changes and restore prompts.

use super::contract::{After, Modal, PromptAnswer, Status};
use super::platform::FileEvent;
use super::{Document, PiloteApp, display_name, sample_document, suggested_file_name};
use crate::doc::{self, Format};
use crate::i18n::{Lang, T};
use crate::io::document;
use crate::model::Project;

impl PiloteApp {
    /// Replaces the document with the one in `text`, whatever its format; on error keeps the
    /// current one. An import (MS Project XML) has no file yet, so Save asks where to write it.
    pub(super) fn open_text(&mut self, path: &str, text: &str) {
        let opened = match doc::open_text(path, text) {
            Ok(opened) => opened,
            Err(error) => {
                self.status = Status::error(T::OpenFailed.with(&[("error", &error.to_string())]));
                return;
            }
        };
        let source = display_name(path);
        if opened.format != Format::Pilote {
            let stem = source.rsplit_once('.').map_or(source.as_str(), |(s, _)| s);
            let name = format!("{stem}.{}", document::EXTENSION);
            self.replace_document(Document::new(opened.project, None, name));
            self.status = Status::info(T::Imported.with(&[
                ("file", &source),
                ("warnings", &opened.warnings.len().to_string()),
            ]));
            return;
        }
        if let Some(note) = self.locked_elsewhere(path) {
            self.ask_about_lock(opened, path, text, &note);
            return;
        }
        self.finish_open(opened, path, text, true);
    }

    /// Puts the Pilote document read from `path` in the window; `lock_it`: with this
    /// window's lock note beside the file (not when opened read-only).
    pub(super) fn finish_open(
        &mut self,
        opened: doc::Opened,
        path: &str,
        text: &str,
        lock_it: bool,
    ) {
        let source = display_name(path);
        let remember = cfg!(not(target_arch = "wasm32"));
        self.replace_document(Document::new(
            opened.project,
            Some(path.to_owned()),
            source.clone(),
        ));
        if remember {
            self.settings.remember(path);
        }
        self.file_opened(path, text, lock_it);
        self.status = match opened.issues.first() {
            None => Status::info(T::Opened.with(&[("file", &source)])),
            Some(first) => {
                // Same checks in the same order: the located issue and the translated one match.
                let message = self
                    .doc
                    .issues
                    .first()
                    .map_or(first.issue.message.as_str(), |i| i.message.as_str());
                Status::error(T::OpenedWithIssue.with(&[
                    ("file", &source),
                    ("line", &first.line.to_string()),
                    ("column", &first.column.to_string()),
                    ("message", message),
                ]))
            }
        };
    }

    /// Opening results; everything else is ignored here (used before the first frame).
    pub(super) fn handle_opening(&mut self, event: FileEvent) {
        match event {
            FileEvent::Opened { path, text } => self.open_text(&path, &text),
            FileEvent::CsvRead { path, text } => self.csv_read(&path, &text),
            FileEvent::OpenFailed { path, error } => {
                let error = if error.starts_with(&path) {
                    error
                } else {
                    format!("{}: {error}", display_name(&path))
                };
                self.status = Status::error(T::OpenFailed.with(&[("error", &error)]));
            }
            FileEvent::NeedPicker { need, first } => self.open_picker(need, first),
            FileEvent::Saved { .. }
            | FileEvent::SaveFailed { .. }
            | FileEvent::Cancelled
            | FileEvent::Captured { .. }
            | FileEvent::Exported { .. }
            | FileEvent::ExportFailed { .. } => {}
        }
    }

    pub(super) fn handle_file_event(&mut self, event: FileEvent, ctx: &egui::Context) {
        match event {
            event @ (FileEvent::Opened { .. }
            | FileEvent::CsvRead { .. }
            | FileEvent::OpenFailed { .. }
            | FileEvent::NeedPicker { .. }) => {
                self.handle_opening(event);
            }
            FileEvent::Saved { path } => {
                self.doc.history.mark_saved();
                self.file_saved(&path);
                self.doc.name = display_name(&path);
                if cfg!(not(target_arch = "wasm32")) {
                    self.settings.remember(&path);
                }
                self.doc.path = Some(path);
                self.status = Status::info(T::Saved.with(&[("file", &self.doc.name)]));
                if let Some(after) = self.after_save.take() {
                    self.proceed(after, ctx);
                }
            }
            FileEvent::Cancelled => {
                self.after_save = None;
                self.pending_left_out.clear();
            }
            FileEvent::Captured { file_name, bytes } => {
                self.dialogs.export_bytes(&file_name, &bytes, "PNG", "png");
            }
            FileEvent::Exported { path } => {
                let file = display_name(&path);
                let left_out = std::mem::take(&mut self.pending_left_out);
                self.status = if left_out.is_empty() {
                    Status::info(T::Exported.with(&[("file", &file)]))
                } else {
                    let what: Vec<&str> = left_out
                        .iter()
                        .map(|w| w.split(':').next().unwrap_or(w))
                        .collect();
                    Status::info(
                        T::ExportLeftOut.with(&[("file", &file), ("what", &what.join(", "))]),
                    )
                };
            }
            FileEvent::ExportFailed { path, error } => {
                self.status = Status::error(
                    T::SaveFailed.with(&[("file", &display_name(&path)), ("error", &error)]),
                );
            }
            FileEvent::SaveFailed { path, error } => {
                self.after_save = None;
                self.status = Status::error(
                    T::SaveFailed.with(&[("file", &display_name(&path)), ("error", &error)]),
                );
            }
        }
    }

    pub(super) fn answer_prompt(&mut self, answer: PromptAnswer, ctx: &egui::Context) {
        match self.modal {
            Some(Modal::Recover { .. }) => return self.answer_recover(answer),
            Some(Modal::Locked { .. }) => return self.answer_locked(answer),
            Some(Modal::ChangedOnDisk { .. }) => return self.answer_changed(answer),
            _ => {}
        }
        if self.modal == Some(Modal::Restore) {
            self.modal = None;
            let pending = self.pending_restore.take();
            if answer == PromptAnswer::Restore
                && let Some(doc) = pending
            {
                let name = doc.name.clone();
                self.replace_document(doc);
                self.status = Status::info(T::Restored.with(&[("file", &name)]));
            }
            return;
        }
        let Some(Modal::Unsaved(after)) = self.modal.take() else {
            return;
        };
        match answer {
            PromptAnswer::Save => {
                self.after_save = Some(after);
                self.save(false);
            }
            PromptAnswer::Discard => self.proceed(after, ctx),
            _ => {}
        }
    }

    pub(super) fn document_text(&mut self) -> Option<String> {
        // Files keep the last computed schedule, as MS Project's do.
        let saved = doc::as_saved(&self.doc.project, self.derived.schedule.as_ref().ok());
        match document::to_text(&saved) {
            Ok(text) => {
                self.saving(&text, saved);
                Some(text)
            }
            Err(error) => {
                self.status = Status::error(
                    T::SaveFailed.with(&[("file", &self.doc.name), ("error", &error.to_string())]),
                );
                None
            }
        }
    }

    pub(super) fn save(&mut self, save_as: bool) {
        let Some(text) = self.document_text() else {
            self.after_save = None;
            return;
        };
        let elsewhere = save_as || self.keeping.read_only || cfg!(target_arch = "wasm32");
        match (self.doc.path.clone(), elsewhere) {
            (Some(path), false) => {
                if !self.stopped_by_change(&path) {
                    self.dialogs.save_to(&path, &text);
                }
            }
            _ => {
                let suggested = suggested_file_name(&self.doc);
                let filter = T::FileFilterName.get(self.lang());
                self.dialogs.save_as(&suggested, &text, filter);
            }
        }
    }

    /// Runs `after` now if the document is clean, or asks first.
    pub(super) fn guard(&mut self, after: After, ctx: &egui::Context) {
        if self.doc.is_dirty() {
            self.modal = Some(Modal::Unsaved(after));
        } else {
            self.proceed(after, ctx);
        }
    }

    fn proceed(&mut self, after: After, ctx: &egui::Context) {
        match after {
            After::New => {
                let mut project = Project::new(T::NewProjectName.get(self.lang()), self.today());
                project.meta.locale = match self.lang() {
                    Lang::En => crate::model::Locale::EnGb,
                    Lang::Fr => crate::model::Locale::FrFr,
                };
                let name = T::Untitled.get(self.lang()).to_owned();
                self.replace_document(Document::new(project, None, name));
                // The status bar speaks of this plan, not of the one before.
                self.status = Status::info(T::NewPlanStatus);
            }
            After::Open => self.dialogs.open(
                T::FileFilterName.get(self.lang()),
                T::MsProjectFilterName.get(self.lang()),
            ),
            After::OpenSample => {
                self.replace_document(sample_document(self.lang()));
                let name = self.doc.name.clone();
                self.status = Status::info(T::Opened.with(&[("file", &name)]));
            }
            After::OpenRecent(path) => self.dialogs.open_path(&path),
            After::Quit => {
                self.closing = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }
}
