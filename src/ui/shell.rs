//! The frame around the views: menu bar, navigation, status bar and dialogs.

use egui::{RichText, Ui};

use super::ViewCtx;
use super::interchange_dialogs::{csv_import_dialog_ui, export_dialog_ui};
use super::keeping_dialogs::{
    changed_dialog_ui, conflicts_dialog_ui, locked_dialog_ui, recover_dialog_ui,
};
use super::palette::refusal;
use super::theme::Theme;
use super::tracking_dialogs::{
    baseline_dialog_ui, delete_resource_dialog_ui, level_dialog_ui, update_dialog_ui,
};
use super::widgets::command_menu_item_ui;
use super::{ViewKind, Views};
use crate::app::contract::{
    Command, Modal, Outbox, PromptAnswer, Selection, ShellCtx, TASK_ADD_COMMANDS,
    TASK_ROW_COMMANDS, TRACKING_COMMANDS,
};
use crate::i18n::{Lang, T};

/// The whole window: menus, navigation, status bar, the current view, the task editor and
/// the modal dialogs.
pub fn app_ui(
    ui: &mut Ui,
    shell: &ShellCtx<'_>,
    views: &mut Views,
    selection: &mut Selection,
    theme: Theme,
    out: &mut Outbox,
) {
    let lang = shell.lang;
    egui::Panel::top("menu-bar").show(ui, |ui| menu_bar_ui(ui, shell, out));
    egui::Panel::bottom("status-bar").show(ui, |ui| status_bar_ui(ui, shell, theme, out));
    egui::Panel::left("navigation")
        .resizable(false)
        .exact_size(150.0)
        .show(ui, |ui| navigation_ui(ui, shell.view, lang, out));
    egui::CentralPanel::default_margins().show(ui, |ui| {
        let mut view = ViewCtx {
            project: &shell.doc.project,
            derived: shell.derived,
            analysis: shell.analysis,
            lang,
            theme: &theme,
            out,
            today: shell.today,
            selection,
        };
        views.show_ui(shell.view, ui, &mut view);
        // The task editor floats over whichever view is open.
        super::task_dialog::task_dialog_ui(ui.ctx(), &mut view, &mut views.task_dialog);
    });
    modal_ui(ui.ctx(), shell, theme, out);
    let ctx = ui.ctx().clone();
    super::guide::guide_ui(&ctx, lang, theme, &mut views.guide);
    super::palette::palette_ui(&ctx, shell, theme, &mut views.palette, out);
    if let Some(target) = super::search::search_ui(&ctx, shell, theme, &mut views.search) {
        super::search::reveal(views, target, out);
    }
}

fn menu_bar_ui(ui: &mut Ui, shell: &ShellCtx<'_>, out: &mut Outbox) {
    let lang = shell.lang;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(T::MenuFile.get(lang), |ui| {
            for command in [Command::New, Command::Open] {
                command_menu_item_ui(ui, command, lang, true, out);
            }
            if cfg!(not(target_arch = "wasm32")) {
                ui.menu_button(T::CmdOpenRecent.get(lang), |ui| {
                    if shell.recent.is_empty() {
                        ui.label(T::RecentEmpty.get(lang));
                    }
                    for path in shell.recent {
                        if ui.button(path).clicked() {
                            out.open_recent(path.clone());
                            ui.close();
                        }
                    }
                });
            }
            command_menu_item_ui(ui, Command::OpenSample, lang, true, out);
            ui.separator();
            command_menu_item_ui(ui, Command::Save, lang, true, out);
            command_menu_item_ui(ui, Command::SaveAs, lang, true, out);
            ui.separator();
            command_menu_item_ui(ui, Command::ImportCsv, lang, true, out);
            ui.menu_button(T::MenuExport.get(lang), |ui| {
                for command in crate::app::contract::EXPORT_COMMANDS {
                    command_menu_item_ui(ui, command, lang, true, out);
                }
            });
            if cfg!(not(target_arch = "wasm32")) {
                ui.separator();
                command_menu_item_ui(ui, Command::Quit, lang, true, out);
            }
        });
        // The palette greys out the same commands for the same reasons.
        let enabled = |command| refusal(shell, command).is_none();
        ui.menu_button(T::MenuEdit.get(lang), |ui| {
            for command in [Command::Undo, Command::Redo] {
                command_menu_item_ui(ui, command, lang, enabled(command), out);
            }
            ui.separator();
            for command in [
                Command::Cut,
                Command::Copy,
                Command::Paste,
                Command::FillDown,
            ] {
                command_menu_item_ui(ui, command, lang, enabled(command), out);
            }
            ui.separator();
            command_menu_item_ui(ui, Command::Search, lang, true, out);
            let conflicts = Command::Conflicts;
            command_menu_item_ui(ui, conflicts, lang, enabled(conflicts), out);
        });
        ui.menu_button(T::MenuTask.get(lang), |ui| {
            for command in TASK_ADD_COMMANDS {
                command_menu_item_ui(ui, command, lang, true, out);
            }
            ui.separator();
            for command in TASK_ROW_COMMANDS {
                command_menu_item_ui(ui, command, lang, enabled(command), out);
            }
        });
        ui.menu_button(T::MenuTracking.get(lang), |ui| {
            for command in TRACKING_COMMANDS {
                command_menu_item_ui(ui, command, lang, true, out);
            }
        });
        ui.menu_button(T::MenuView.get(lang), |ui| {
            for view in ViewKind::ALL {
                command_menu_item_ui(ui, view.command(), lang, true, out);
            }
            ui.separator();
            command_menu_item_ui(ui, Command::Palette, lang, true, out);
            command_menu_item_ui(ui, Command::ToggleTheme, lang, true, out);
        });
        ui.menu_button(T::MenuLanguage.get(lang), |ui| {
            for choice in Lang::ALL {
                if ui
                    .selectable_label(choice == lang, choice.native_name())
                    .clicked()
                {
                    out.lang(choice);
                    ui.close();
                }
            }
        });
        ui.menu_button(T::MenuHelp.get(lang), |ui| {
            command_menu_item_ui(ui, Command::Guide, lang, true, out);
            command_menu_item_ui(ui, Command::Shortcuts, lang, true, out);
            ui.separator();
            command_menu_item_ui(ui, Command::About, lang, true, out);
        });
    });
}

fn navigation_ui(ui: &mut Ui, current: ViewKind, lang: Lang, out: &mut Outbox) {
    ui.add_space(6.0);
    for view in ViewKind::ALL {
        let command = view.command();
        let response = ui
            .add(
                egui::Button::selectable(current == view, command.label(lang))
                    .min_size(egui::vec2(ui.available_width(), 28.0)),
            )
            .on_hover_text(command.tooltip(lang));
        if response.clicked() {
            out.show(view);
        }
    }
}

fn status_bar_ui(ui: &mut Ui, shell: &ShellCtx<'_>, theme: Theme, out: &mut Outbox) {
    let lang = shell.lang;
    ui.horizontal(|ui| {
        ui.label(RichText::new(&shell.doc.name).strong());
        if shell.doc.is_dirty() {
            ui.label(RichText::new(T::Modified.get(lang)).color(theme.modified()));
        }
        ui.separator();
        let conflicts = shell
            .derived
            .schedule
            .as_ref()
            .map_or(1, |s| s.conflicts.len());
        let issues = shell.doc.issues.len() + conflicts;
        if issues == 0 {
            ui.label(RichText::new(T::NoProblems.get(lang)).color(theme.muted()));
        } else {
            let text = T::Problems.fill(lang, &[("count", &issues.to_string())]);
            if ui
                .button(RichText::new(text).color(theme.error()))
                .clicked()
            {
                out.open_modal(Modal::Problems);
            }
        }
        ui.separator();
        let status = shell.status;
        let color = if status.error {
            theme.error()
        } else {
            ui.visuals().text_color()
        };
        ui.add(egui::Label::new(RichText::new(status.text(shell.lang)).color(color)).truncate());
    });
}

fn modal_ui(ctx: &egui::Context, shell: &ShellCtx<'_>, theme: Theme, out: &mut Outbox) {
    let lang = shell.lang;
    let Some(modal) = shell.modal else {
        return;
    };
    let response = egui::Modal::new(egui::Id::unique("pilote-modal")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        match modal {
            Modal::Unsaved(_) => {
                ui.heading(T::UnsavedTitle.get(lang));
                ui.label(T::UnsavedBody.fill(lang, &[("name", &shell.doc.name)]));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(T::CmdSave.get(lang)).clicked() {
                        out.answer(PromptAnswer::Save);
                    }
                    if ui.button(T::DontSave.get(lang)).clicked() {
                        out.answer(PromptAnswer::Discard);
                    }
                    if ui.button(T::Cancel.get(lang)).clicked() {
                        out.answer(PromptAnswer::Cancel);
                    }
                });
            }
            Modal::About => {
                ui.heading(T::AppName.get(lang));
                ui.label(T::AboutBody.fill(lang, &[("version", env!("CARGO_PKG_VERSION"))]));
                if ui.button(T::Close.get(lang)).clicked() {
                    out.close_modal();
                }
            }
            Modal::Restore => {
                ui.heading(T::RestoreTitle.get(lang));
                let name = shell.pending_restore.unwrap_or_default();
                ui.label(T::RestoreBody.fill(lang, &[("name", name)]));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(T::Restore.get(lang)).clicked() {
                        out.answer(PromptAnswer::Restore);
                    }
                    if ui.button(T::StartFromSample.get(lang)).clicked() {
                        out.answer(PromptAnswer::Cancel);
                    }
                });
            }
            Modal::Recover {
                name,
                file,
                time,
                more,
            } => recover_dialog_ui(ui, lang, (name, file.as_deref(), time, *more), out),
            Modal::Locked {
                file,
                user,
                host,
                since,
            } => locked_dialog_ui(ui, lang, [file, user, host, since], out),
            Modal::ChangedOnDisk { file, changes } => {
                changed_dialog_ui(ui, lang, file, changes.as_deref(), out);
            }
            Modal::Conflicts => conflicts_dialog_ui(ui, shell, theme, out),
            Modal::Baseline {
                clear,
                number,
                selected_only,
            } => baseline_dialog_ui(ui, shell, &theme, (*clear, *number, *selected_only), out),
            Modal::UpdateProject { date } => update_dialog_ui(ui, shell, &theme, date, out),
            Modal::Level(dialog) => level_dialog_ui(ui, shell, &theme, dialog, out),
            Modal::DeleteResource(id) => delete_resource_dialog_ui(ui, shell, *id, out),
            Modal::Confirm { title, body, edit } => {
                ui.heading(title);
                ui.label(body);
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(T::DeleteItem.get(lang)).clicked() {
                        out.edit((**edit).clone(), None);
                        out.close_modal();
                    }
                    if ui.button(T::Cancel.get(lang)).clicked() {
                        out.close_modal();
                    }
                });
            }
            Modal::FilePicker(picker) => {
                super::file_picker::file_picker_ui(ui, lang, theme, picker, out);
            }
            Modal::Problems => problems_dialog_ui(ui, shell, out),
            Modal::Export(dialog) => export_dialog_ui(ui, shell, &theme, dialog, out),
            Modal::ImportCsv(dialog) => csv_import_dialog_ui(ui, shell, &theme, dialog, out),
        }
    });
    modal_answer_keys(ctx, modal, response.should_close(), out);
}

/// Enter gives a prompt's default answer (save, restore, or close); Escape or a click outside
/// cancels.
fn modal_answer_keys(ctx: &egui::Context, modal: &Modal, should_close: bool, out: &mut Outbox) {
    if ctx.input(|i| i.key_pressed(egui::Key::Enter)) && !out.has_answer() {
        match modal {
            Modal::Unsaved(_) => out.answer(PromptAnswer::Save),
            Modal::Restore | Modal::Recover { .. } => out.answer(PromptAnswer::Restore),
            Modal::About | Modal::Problems | Modal::Conflicts => out.close_modal(),
            // Enter in the dialogs' fields must not confirm a half-typed choice.
            Modal::Baseline { .. }
            | Modal::UpdateProject { .. }
            | Modal::Level(_)
            | Modal::DeleteResource(_)
            | Modal::Confirm { .. }
            | Modal::Locked { .. }
            | Modal::ChangedOnDisk { .. }
            | Modal::FilePicker(_)
            | Modal::Export(_)
            | Modal::ImportCsv(_) => {}
        }
    }
    if should_close {
        match modal {
            Modal::Unsaved(_) | Modal::Restore | Modal::Locked { .. } => {
                out.answer(PromptAnswer::Cancel);
            }
            // A recovery copy is never dropped by a stray click or Escape: it stays for the
            // next start unless discarded on purpose.
            Modal::Recover { .. } => {}
            Modal::ChangedOnDisk { .. } => out.answer(PromptAnswer::Cancel),
            _ => out.close_modal(),
        }
    }
}

fn problems_dialog_ui(ui: &mut Ui, shell: &ShellCtx<'_>, out: &mut Outbox) {
    let lang = shell.lang;
    ui.heading(T::ProblemsTitle.get(lang));
    egui::ScrollArea::vertical()
        .max_height(360.0)
        .show(ui, |ui| {
            for issue in &shell.doc.issues {
                ui.label(issue.to_string());
            }
            schedule_problems_ui(ui, shell, lang);
        });
    if ui.button(T::Close.get(lang)).clicked() {
        out.close_modal();
    }
}

/// Why the plan is not scheduled, or what the schedule could not honour.
fn schedule_problems_ui(ui: &mut Ui, shell: &ShellCtx<'_>, lang: Lang) {
    match &shell.derived.schedule {
        Err(error) => {
            ui.label(T::NotScheduled.fill(lang, &[("error", error)]));
        }
        Ok(schedule) if !schedule.conflicts.is_empty() => {
            ui.separator();
            ui.strong(T::ConflictsTitle.get(lang));
            for conflict in &schedule.conflicts {
                let row = shell.derived.rows.get(&conflict.task).map_or(0, |r| r + 1);
                ui.label(format!("{row}: {}", conflict.message));
            }
        }
        Ok(_) => {}
    }
}
