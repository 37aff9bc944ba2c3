//! The dialogs of the tracking menu: save or clear a baseline, update the project.

use egui::{RichText, Ui};

use super::theme::Theme;
use crate::app::contract::{Modal, Outbox, ShellCtx};
use crate::doc::tracking::{Tracking, baseline_name};
use crate::i18n::{self, T};
use crate::schedule::baseline::LAST_BASELINE;

/// The baseline dialog's body. Field changes come back as a new modal state.
pub fn baseline_dialog_ui(
    ui: &mut Ui,
    shell: &ShellCtx<'_>,
    theme: &Theme,
    (clear, number, selected_only): (bool, u8, bool),
    out: &mut Outbox,
) {
    let lang = shell.lang;
    let project = &shell.doc.project;
    let saved_on = |n: u8| {
        project
            .baselines
            .iter()
            .find(|b| b.number == n)
            .map(|b| b.saved_on)
    };
    let describe = |n: u8| {
        let when = saved_on(n).map_or_else(
            || T::BaselineNotSaved.get(lang).to_owned(),
            |d| T::BaselineSavedOn.fill(lang, &[("date", &i18n::format_date(lang, d))]),
        );
        format!("{} ({when})", baseline_name(n, lang))
    };
    let command = if clear {
        T::CmdClearBaseline
    } else {
        T::CmdSaveBaseline
    };
    ui.heading(command.get(lang).trim_end_matches('…'));
    ui.add_space(6.0);
    let mut next = (number, selected_only);
    ui.horizontal(|ui| {
        ui.label(T::BaselineWhich.get(lang));
        let combo = egui::ComboBox::from_id_salt("baseline-number")
            .selected_text(describe(number))
            .width(300.0)
            .show_ui(ui, |ui| {
                for n in 0..=LAST_BASELINE {
                    if ui.selectable_label(n == number, describe(n)).clicked() {
                        next.0 = n;
                    }
                }
            });
        ui.ctx().accesskit_node_builder(combo.response.id, |node| {
            node.set_label(T::BaselineWhich.get(lang).to_owned());
        });
    });
    if ui
        .radio(!selected_only, T::BaselineScopeAll.get(lang))
        .clicked()
    {
        next.1 = false;
    }
    let selected = shell.selected_task;
    let selected_name = selected
        .and_then(|id| project.tasks.iter().find(|t| t.id == id))
        .map(|t| t.name.as_str());
    let scope_text = match selected_name {
        Some(name) => format!("{} — {name}", T::BaselineScopeSelected.get(lang)),
        None => T::BaselineScopeSelected.get(lang).to_owned(),
    };
    if ui
        .add_enabled(
            selected_name.is_some(),
            egui::RadioButton::new(selected_only, scope_text),
        )
        .clicked()
    {
        next.1 = true;
    }
    if selected_name.is_none() {
        ui.label(RichText::new(T::BaselineNoSelection.get(lang)).color(theme.muted()));
    }
    if !clear && let Some(date) = saved_on(number) {
        ui.label(
            RichText::new(T::BaselineOverwrite.fill(
                lang,
                &[
                    ("baseline", &baseline_name(number, lang)),
                    ("date", &i18n::format_date(lang, date)),
                ],
            ))
            .color(theme.warning()),
        );
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(T::Ok.get(lang)).clicked() {
            let task = if selected_only { selected } else { None };
            out.track(if clear {
                Tracking::ClearBaseline { number, task }
            } else {
                Tracking::SaveBaseline { number, task }
            });
            out.close_modal();
        }
        if ui.button(T::Cancel.get(lang)).clicked() {
            out.close_modal();
        }
    });
    if next != (number, selected_only) {
        out.open_modal(Modal::Baseline {
            clear,
            number: next.0,
            selected_only: next.1,
        });
    }
}

/// The update-project dialog's body.
pub fn update_dialog_ui(
    ui: &mut Ui,
    shell: &ShellCtx<'_>,
    theme: &Theme,
    date: &str,
    out: &mut Outbox,
) {
    let lang = shell.lang;
    ui.heading(T::CmdUpdateProject.get(lang).trim_end_matches('…'));
    ui.add_space(6.0);
    ui.label(RichText::new(T::UpdateExplain.get(lang)).color(theme.muted()));
    ui.add_space(6.0);
    let mut text = date.to_owned();
    let parsed = i18n::parse_date(&text);
    ui.horizontal(|ui| {
        ui.label(T::UpdateThrough.get(lang));
        let response = ui.add(egui::TextEdit::singleline(&mut text).desired_width(110.0));
        ui.ctx().accesskit_node_builder(response.id, |node| {
            node.set_label(T::UpdateThrough.get(lang).to_owned());
        });
        if response.changed() {
            out.open_modal(Modal::UpdateProject { date: text.clone() });
        }
    });
    if parsed.is_none() {
        ui.label(RichText::new(T::NotADate.fill(lang, &[("text", date)])).color(theme.error()));
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(parsed.is_some(), egui::Button::new(T::Ok.get(lang)))
            .clicked()
            && let Some(d) = parsed
        {
            out.track(Tracking::UpdateThrough(d));
            out.close_modal();
        }
        if ui.button(T::Cancel.get(lang)).clicked() {
            out.close_modal();
        }
    });
}

/// The leveling dialog: MS Project's options.
pub fn level_dialog_ui(
    ui: &mut Ui,
    shell: &ShellCtx<'_>,
    theme: &Theme,
    dialog: &crate::app::contract::LevelDialog,
    out: &mut Outbox,
) {
    use crate::schedule::leveling::Order;
    let lang = shell.lang;
    ui.heading(T::LevelResources.get(lang).trim_end_matches('…'));
    ui.add_space(6.0);
    ui.label(RichText::new(T::LevelExplain.get(lang)).color(theme.muted()));
    ui.add_space(6.0);
    let mut next = dialog.clone();
    ui.label(T::LevelingOrder.get(lang));
    ui.radio_value(
        &mut next.options.order,
        Order::Standard,
        T::OrderStandard.get(lang),
    );
    ui.radio_value(
        &mut next.options.order,
        Order::Priority,
        T::OrderPriority.get(lang),
    );
    ui.checkbox(&mut next.options.within_slack, T::WithinSlack.get(lang));
    ui.checkbox(&mut next.use_range, T::LevelRange.get(lang));
    let mut range_ok = true;
    if next.use_range {
        ui.horizontal(|ui| {
            for (text, label) in [(&mut next.from, T::RangeFrom), (&mut next.to, T::RangeTo)] {
                ui.label(label.get(lang));
                let response = ui.add(egui::TextEdit::singleline(text).desired_width(96.0));
                ui.ctx().accesskit_node_builder(response.id, |node| {
                    node.set_label(label.get(lang).to_owned());
                });
            }
        });
        let from = i18n::parse_date(&next.from);
        let to = i18n::parse_date(&next.to);
        next.options.range = from.zip(to).filter(|(a, b)| a <= b);
        range_ok = next.options.range.is_some();
        if !range_ok {
            ui.label(RichText::new(T::RangeInvalid.get(lang)).color(theme.error()));
        }
    } else {
        next.options.range = None;
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(range_ok, egui::Button::new(T::LevelNow.get(lang)))
            .clicked()
        {
            out.level(crate::doc::level::LevelRequest::Level(next.options));
            out.close_modal();
        }
        if ui.button(T::Cancel.get(lang)).clicked() {
            out.close_modal();
        }
    });
    if !out.changes_modal() && next != *dialog {
        out.open_modal(Modal::Level(next));
    }
}

/// Asks before deleting a resource that has assignments or is named by other items.
pub fn delete_resource_dialog_ui(
    ui: &mut Ui,
    shell: &ShellCtx<'_>,
    id: crate::model::ResourceId,
    out: &mut Outbox,
) {
    let lang = shell.lang;
    let project = &shell.doc.project;
    let name = project
        .resources
        .iter()
        .find(|r| r.id == id)
        .map_or_else(String::new, |r| r.name.clone());
    let (tasks, refs) = crate::doc::resource_ops::removal_impact(project, id);
    let task_names: Vec<String> = tasks
        .iter()
        .filter_map(|t| project.tasks.iter().find(|x| x.id == *t))
        .map(|t| t.name.clone())
        .collect();
    ui.heading(T::DeleteResourceTitle.fill(lang, &[("name", &name)]));
    ui.label(T::DeleteResourceBody.fill(
        lang,
        &[
            ("count", &tasks.len().to_string()),
            ("tasks", &task_names.join(", ")),
            ("refs", &refs.to_string()),
        ],
    ));
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(T::DeleteResource.get(lang)).clicked() {
            out.edit(crate::doc::edit::Edit::RemoveResource(id), None);
            out.close_modal();
        }
        if ui.button(T::Cancel.get(lang)).clicked() {
            out.close_modal();
        }
    });
}
