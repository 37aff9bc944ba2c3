//! The dialogs that keep a plan from being lost: a recovery copy offered back, a file open
//! elsewhere, a file changed on disk, and the merge conflicts to settle field by field.

use egui::{RichText, Ui};

use super::theme::Theme;
use crate::app::contract::{Outbox, PromptAnswer, Request, ShellCtx};
use crate::i18n::{Lang, T};

fn buttons_ui(ui: &mut Ui, lang: Lang, answers: &[(T, PromptAnswer)], out: &mut Outbox) {
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        for (label, answer) in answers {
            if ui.button(label.get(lang)).clicked() {
                out.answer(*answer);
            }
        }
    });
}

pub fn recover_dialog_ui(
    ui: &mut Ui,
    lang: Lang,
    (name, file, time, more): (&str, Option<&str>, &str, usize),
    out: &mut Outbox,
) {
    ui.heading(T::RecoverTitle.get(lang));
    let file = file.map_or_else(|| T::RecoverNoFile.get(lang).to_owned(), str::to_owned);
    ui.label(T::RecoverBody.fill(lang, &[("name", name), ("file", &file), ("time", time)]));
    if more > 0 {
        ui.label(T::RecoverMore.fill(lang, &[("count", &more.to_string())]));
    }
    buttons_ui(
        ui,
        lang,
        &[
            (T::Restore, PromptAnswer::Restore),
            (T::CmdSaveAs, PromptAnswer::SaveAs),
            (T::Discard, PromptAnswer::Discard),
        ],
        out,
    );
}

pub fn locked_dialog_ui(ui: &mut Ui, lang: Lang, who: [&str; 4], out: &mut Outbox) {
    let [file, user, host, since] = who;
    ui.heading(T::LockedTitle.get(lang));
    ui.label(T::LockedBody.fill(
        lang,
        &[
            ("file", file),
            ("user", user),
            ("host", host),
            ("since", since),
        ],
    ));
    buttons_ui(
        ui,
        lang,
        &[
            (T::OpenReadOnly, PromptAnswer::ReadOnly),
            (T::TakeOver, PromptAnswer::TakeOver),
            (T::Cancel, PromptAnswer::Cancel),
        ],
        out,
    );
}

pub fn changed_dialog_ui(
    ui: &mut Ui,
    lang: Lang,
    file: &str,
    changes: Option<&[String]>,
    out: &mut Outbox,
) {
    ui.heading(T::ChangedTitle.get(lang));
    ui.label(T::ChangedBody.fill(lang, &[("file", file)]));
    if let Some(changes) = changes {
        ui.add_space(4.0);
        ui.label(T::ChangesOnDisk.fill(lang, &[("count", &changes.len().to_string())]));
        egui::ScrollArea::vertical()
            .max_height(220.0)
            .show(ui, |ui| {
                for change in changes {
                    ui.label(RichText::new(change).monospace());
                }
            });
    }
    let mut answers = Vec::with_capacity(5);
    if changes.is_none() {
        answers.push((T::ShowChanges, PromptAnswer::ShowChanges));
    }
    answers.extend([
        (T::MergeTheirs, PromptAnswer::Merge),
        (T::CmdSaveAs, PromptAnswer::SaveAs),
        (T::Overwrite, PromptAnswer::Overwrite),
        (T::Cancel, PromptAnswer::Cancel),
    ]);
    buttons_ui(ui, lang, &answers, out);
}

pub fn conflicts_dialog_ui(ui: &mut Ui, shell: &ShellCtx<'_>, theme: Theme, out: &mut Outbox) {
    let lang = shell.lang;
    ui.heading(T::MergeConflictsTitle.get(lang));
    ui.label(T::ConflictsBody.get(lang));
    ui.add_space(4.0);
    let absent = T::Absent.get(lang);
    egui::ScrollArea::vertical()
        .max_height(360.0)
        .show(ui, |ui| {
            for (index, conflict) in shell.doc.project.merge_conflicts.iter().enumerate() {
                ui.separator();
                let field = if conflict.field.is_empty() {
                    conflict.item.clone()
                } else {
                    format!("{} — {}", conflict.item, conflict.field)
                };
                ui.label(RichText::new(&field).strong());
                let value = |v: &Option<String>| v.clone().unwrap_or_else(|| absent.to_owned());
                ui.label(T::ConflictOurs.fill(lang, &[("value", &value(&conflict.ours))]));
                ui.label(
                    RichText::new(
                        T::ConflictTheirs.fill(lang, &[("value", &value(&conflict.theirs))]),
                    )
                    .color(theme.warning()),
                );
                ui.horizontal(|ui| {
                    // Each pair of buttons names its field, so that a screen reader (and a
                    // test) tells them apart.
                    let keep = ui.button(T::KeepOurs.get(lang)).on_hover_text(&field);
                    if keep.clicked() {
                        out.push(Request::ResolveConflict(index, false));
                    }
                    let take = ui.button(T::TakeTheirs.get(lang)).on_hover_text(&field);
                    if take.clicked() {
                        out.push(Request::ResolveConflict(index, true));
                    }
                });
            }
        });
    ui.add_space(8.0);
    if ui.button(T::Close.get(lang)).clicked() {
        out.close_modal();
    }
}
