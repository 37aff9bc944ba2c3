//! Cut, copy, paste and fill down of the plan's rows, from the Edit menu, the palette or the
//! platform's clipboard events (Ctrl+X, C, V), in the task plan and the Gantt chart.

use super::PiloteApp;
use super::contract::{ClipboardEvent, Command, Status};
use crate::doc::clipboard::{self, Clip, FillColumn};
use crate::doc::task_ops::{self, OpRefusal};
use crate::i18n::{Message, T};
use crate::ui::ViewKind;

impl PiloteApp {
    /// Acts on a clipboard event in the views that show rows of the plan.
    pub(super) fn clipboard_event(&mut self, event: ClipboardEvent, ctx: &egui::Context) {
        if !matches!(self.settings.view, ViewKind::Tasks | ViewKind::Gantt) {
            return;
        }
        match event {
            ClipboardEvent::Cut => self.run_command(Command::Cut, ctx),
            ClipboardEvent::Copy => self.run_command(Command::Copy, ctx),
            ClipboardEvent::Paste(text) => self.paste_text(&text),
        }
    }

    /// Copies the selected rows: whole into the app, as text onto the system clipboard.
    pub(super) fn copy_rows(&mut self, ctx: &egui::Context) -> bool {
        let rows = self.selected_rows();
        let project = &self.doc.project;
        let derived = &self.derived;
        let Some(clip) =
            clipboard::copy(project, &rows, |r| derived.dates(project, r), self.lang())
        else {
            self.refusal(OpRefusal::NoSelection);
            return false;
        };
        ctx.copy_text(clip.text.clone());
        let count = clip.tasks.len().to_string();
        self.status = Status::info(T::Copied.with(&[("count", &count)]));
        self.clip = Some(clip);
        true
    }

    /// Copies the selected rows, then deletes them (one undo step puts them back).
    pub(super) fn cut_rows(&mut self, ctx: &egui::Context) {
        if !self.copy_rows(ctx) {
            return;
        }
        let rows = self.selected_rows();
        match task_ops::delete_rows(&self.doc.project, &rows) {
            Ok(edit) => {
                let status = self.status.clone();
                if self.apply_edit(edit, None) {
                    self.selection.select(None, false);
                    self.status = status;
                }
            }
            Err(refusal) => self.refusal(refusal),
        }
    }

    /// Pastes what this app copied last (the menu's Paste, which cannot read the system
    /// clipboard in every platform).
    pub(super) fn paste_kept(&mut self) {
        match self.clip.clone() {
            Some(clip) => self.paste(&clip, &[]),
            None => self.status = Status::error(T::PasteNothing),
        }
    }

    /// Pastes text from the system clipboard: the rows this app copied when it is their text,
    /// otherwise what a spreadsheet or another program put there.
    pub(super) fn paste_text(&mut self, text: &str) {
        if let Some(clip) = self.clip.clone().filter(|c| c.text == text) {
            self.paste(&clip, &[]);
            return;
        }
        match clipboard::from_text(&self.doc.project, text) {
            Ok((clip, warnings)) => self.paste(&clip, &warnings),
            Err(why) => self.status = Status::error(why),
        }
    }

    fn paste(&mut self, clip: &Clip, warnings: &[Message]) {
        let at = self.selected_rows().last().copied();
        let Some((edit, ids)) = clipboard::paste(&self.doc.project, clip, at) else {
            self.status = Status::error(T::PasteNothing);
            return;
        };
        if !self.apply_edit(edit, None) {
            return;
        }
        self.selection.set(&ids);
        let count = ids.len().to_string();
        self.status = match warnings.first() {
            None => Status::info(T::Pasted.with(&[("count", &count)])),
            Some(first) => Status::error(T::PastedWithWarnings.with(&[
                ("count", &count),
                ("first", &first.text(self.lang())),
                ("more", &(warnings.len() - 1).to_string()),
            ])),
        };
    }

    /// Fill down in the column last edited (the duration when none was).
    pub(super) fn fill_down(&mut self) {
        let rows = self.selected_rows();
        let column = self.selection.column.unwrap_or(FillColumn::Duration);
        match clipboard::fill_down(&self.doc.project, &rows, column) {
            Ok(edit) => {
                if self.apply_edit(edit, None) {
                    let count = (rows.len() - 1).to_string();
                    self.status = Status::info(T::Filled.with(&[("count", &count)]));
                }
            }
            Err(refusal) => self.refusal(refusal),
        }
    }
}
