//! The dashboard's toolbar: the status date (typed, or a week back or forward), the
//! baseline compared with, the EAC formula.

use chrono::{Days, NaiveDate};
use egui::{RichText, Ui};

use super::DashboardState;
use crate::doc::edit::Edit;
use crate::doc::history::CoalesceKey;
use crate::doc::tracking::baseline_name;
use crate::i18n::{self, T};
use crate::model::EacMethod;
use crate::schedule::baseline::LAST_BASELINE;
use crate::ui::ViewCtx;

fn status_key() -> CoalesceKey {
    CoalesceKey::named("project.status_date", 0)
}

/// Status date (typed, or a week back / forward), baseline compared with, EAC formula.
pub fn toolbar_ui(
    ui: &mut Ui,
    view: &mut ViewCtx<'_>,
    state: &mut DashboardState,
    status: NaiveDate,
) {
    let lang = view.lang;
    let project = view.project;
    let mut new_status = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(T::FieldStatusDate.get(lang));
        let mut text = state
            .status_draft
            .clone()
            .unwrap_or_else(|| i18n::format_date_numeric(status));
        let response = ui.add(egui::TextEdit::singleline(&mut text).desired_width(96.0));
        ui.ctx().accesskit_node_builder(response.id, |node| {
            node.set_label(T::FieldStatusDate.get(lang).to_owned());
        });
        if response.changed() {
            state.status_draft = Some(text.clone());
        }
        let typed = i18n::parse_date(&text);
        if response.lost_focus() {
            if let Some(d) = typed {
                new_status = Some(d);
            }
            state.status_draft = None;
        } else if response.has_focus() && typed.is_none() && !text.trim().is_empty() {
            ui.label(
                RichText::new(T::NotADate.fill(lang, &[("text", &text)])).color(view.theme.error()),
            );
        }
        ui.label(RichText::new(i18n::format_date(lang, status)).color(view.theme.muted()));
        if ui.button(T::WeekBack.get(lang)).clicked() {
            new_status = status.checked_sub_days(Days::new(7));
        }
        if ui.button(T::WeekForward.get(lang)).clicked() {
            new_status = status.checked_add_days(Days::new(7));
        }
        ui.separator();
        ui.label(T::CompareWith.get(lang));
        let current = project.earned_value.baseline;
        let combo = egui::ComboBox::from_id_salt("dashboard-baseline")
            .selected_text(baseline_name(current, lang))
            .show_ui(ui, |ui| {
                for n in 0..=LAST_BASELINE {
                    let saved = project.baselines.iter().any(|b| b.number == n);
                    if ui
                        .add_enabled(
                            saved,
                            egui::Button::selectable(n == current, baseline_name(n, lang)),
                        )
                        .clicked()
                        && n != current
                    {
                        let mut settings = project.earned_value.clone();
                        settings.baseline = n;
                        view.out.edit(Edit::SetEarnedValue(settings), None);
                    }
                }
            });
        ui.ctx().accesskit_node_builder(combo.response.id, |node| {
            node.set_label(T::CompareWith.get(lang).to_owned());
        });
        ui.separator();
        ui.label(T::EacFormula.get(lang));
        let formula = |m: EacMethod| match m {
            EacMethod::Cpi => "BAC / CPI",
            EacMethod::Budget => "AC + (BAC − EV)",
            EacMethod::CpiSpi => "AC + (BAC − EV) / (CPI × SPI)",
        };
        let eac = project.earned_value.eac;
        let combo = egui::ComboBox::from_id_salt("dashboard-eac")
            .selected_text(formula(eac))
            .show_ui(ui, |ui| {
                for m in EacMethod::ALL {
                    if ui.selectable_label(m == eac, formula(m)).clicked() && m != eac {
                        let mut settings = project.earned_value.clone();
                        settings.eac = m;
                        view.out.edit(Edit::SetEarnedValue(settings), None);
                    }
                }
            });
        ui.ctx().accesskit_node_builder(combo.response.id, |node| {
            node.set_label(T::EacFormula.get(lang).to_owned());
        });
    });
    if let Some(date) = new_status
        && project.meta.status_date != Some(date)
    {
        let mut meta = project.meta.clone();
        meta.status_date = Some(date);
        view.out
            .edit(Edit::SetMeta(Box::new(meta)), Some(status_key()));
        view.out.seal();
    }
}
