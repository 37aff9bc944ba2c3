//! Applying what a frame asked for, in the order it was asked: edits, commands, dialogs,
//! selection, exports.

use super::PiloteApp;
use super::contract::{Outbox, Request, Status};
use crate::doc::level::{self, LevelRequest};
use crate::doc::task_ops::OpRefusal;
use crate::doc::tracking;
use crate::i18n::T;

impl PiloteApp {
    pub(super) fn apply_requests(&mut self, out: Outbox, ctx: &egui::Context) {
        // What the frame asked for changes what is drawn: draw again now, not at the next
        // input event.
        if out.asks_anything() {
            ctx.request_repaint();
        }
        for request in out.into_requests() {
            self.apply_request(request, ctx);
        }
        self.refresh_derived();
        if self.url_view != self.settings.view.slug() {
            self.settings.view.slug().clone_into(&mut self.url_view);
            super::platform::set_url_view(&self.url_view);
        }
    }

    fn apply_request(&mut self, request: Request, ctx: &egui::Context) {
        match request {
            Request::Edit(edit, key) => {
                self.apply_edit(edit, key);
            }
            Request::Command(command) => self.run_command(command, ctx),
            Request::Seal => self.doc.history.seal(),
            Request::Status(status) => self.status = status,
            Request::Picker(action) => self.picker_action(action),
            Request::OpenRecent(path) => self.guard(super::contract::After::OpenRecent(path), ctx),
            Request::Lang(lang) => self.set_lang(lang),
            Request::OpenModal(modal) => self.modal = Some(modal),
            Request::CloseModal => self.modal = None,
            Request::Answer(answer) => self.answer_prompt(answer, ctx),
            Request::Tracking(action) => self.track(action),
            Request::Capture(rect, name) => self.dialogs.capture_png(ctx, rect, &name),
            Request::Level(request) => self.level(request),
            Request::Export(name, bytes, filter, extension) => {
                self.dialogs.export_bytes(&name, &bytes, filter, extension);
            }
            Request::SelectTask(task) => self.selection.select(Some(task), false),
            Request::Selection(ids) => self.selection.set(&ids),
            Request::RunAnalysis(options) => {
                self.analysis
                    .start(&self.doc.project, options, self.doc.revision);
                ctx.request_repaint();
            }
            Request::CancelAnalysis => self.analysis.cancel(),
            Request::ExportPlan(dialog, pdf) => self.export_plan(&dialog, pdf),
            Request::ResolveConflict(index, take_theirs) => {
                self.resolve_conflict(index, take_theirs);
            }
            Request::OpenTask(task) => {
                self.selection.select(Some(task), false);
                self.views.task_dialog.open(task);
            }
        }
    }

    /// Levels the resources (or clears the leveling) as one undoable edit, and says what was
    /// done and what could not be resolved.
    fn level(&mut self, request: LevelRequest) {
        let leveled = match level::level(&self.doc.project, request) {
            Ok(leveled) => leveled,
            Err(why) => {
                self.status = Status::error(why);
                return;
            }
        };
        if let Some(edit) = leveled.edit
            && !self.apply_edit(edit, None)
        {
            return;
        }
        let text = match request {
            LevelRequest::Clear(_) => {
                T::LevelingCleared.with(&[("count", &leveled.delayed.to_string())])
            }
            LevelRequest::Level(_) => T::Leveled.with(&[
                ("count", &leveled.delayed.to_string()),
                ("unresolved", &leveled.unresolved.len().to_string()),
            ]),
        };
        self.status = if leveled.unresolved.is_empty() {
            Status::info(text)
        } else {
            Status::error(text)
        };
    }

    /// Carries out a tracking command chosen in its dialog, as one undoable edit.
    fn track(&mut self, action: tracking::Tracking) {
        let lang = self.lang();
        let today = self.today();
        let schedule = self.derived.schedule.as_ref().map_err(String::as_str);
        match tracking::edit_for(&self.doc.project, schedule, action, today, lang) {
            Ok((edit, status)) => {
                if self.apply_edit(edit, None) {
                    self.status = Status::info(status);
                }
            }
            Err(why) => self.status = Status::error(why),
        }
    }

    pub(super) fn refusal(&mut self, refusal: OpRefusal) {
        let text = match refusal {
            OpRefusal::NoSelection => T::NoSelection,
            OpRefusal::CannotIndent => T::CannotIndent,
            OpRefusal::CannotOutdent => T::CannotOutdent,
            OpRefusal::CannotMove => T::CannotMove,
            OpRefusal::SummaryLink => T::SummaryLinkRefused,
            OpRefusal::LinkNeedsTwo => T::LinkNeedsTwo,
            OpRefusal::WouldLoop => T::LinksWouldLoop,
            OpRefusal::NothingToChange => T::NothingToChange,
            OpRefusal::FillNeedsTwo => T::FillNeedsTwo,
        };
        self.status = Status::error(text);
    }
}
