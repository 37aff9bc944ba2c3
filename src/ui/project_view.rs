//! The project's identity card: name, client, sponsor, manager, dates, and what the file holds.

use egui::{RichText, Ui};

use super::ViewCtx;
use crate::doc::edit::Edit;
use crate::doc::history::CoalesceKey;
use crate::i18n::{self, T};
use crate::model::{Methodology, ProjectMeta};

fn meta_key(field: u32) -> CoalesceKey {
    CoalesceKey::named("project.meta", field)
}

/// Gives access to one text field of the project's metadata.
type MetaField = fn(&mut ProjectMeta) -> &mut String;

/// The project view keeps nothing of its own: its fields are the document's.
#[derive(Default)]
pub struct ProjectViewState;

impl super::View for ProjectViewState {
    fn ui(&mut self, ui: &mut Ui, ctx: &mut ViewCtx<'_>) {
        project_view_ui(ui, ctx);
    }
}

#[allow(clippy::too_many_lines, reason = "one form, field after field")]
pub fn project_view_ui(ui: &mut Ui, view: &mut ViewCtx<'_>) {
    let lang = view.lang;
    let meta = &view.project.meta;
    let mut changed: Option<(ProjectMeta, u32)> = None;
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.heading(&meta.name);
        ui.add_space(8.0);
        egui::Grid::new("project-meta")
            .num_columns(2)
            .spacing([16.0, 8.0])
            .show(ui, |ui| {
                let text_fields: [(T, MetaField); 6] = [
                    (T::FieldName, |m| &mut m.name),
                    (T::FieldCode, |m| &mut m.code),
                    (T::FieldClient, |m| &mut m.client),
                    (T::FieldSponsor, |m| &mut m.sponsor),
                    (T::FieldManager, |m| &mut m.manager),
                    (T::FieldCurrency, |m| &mut m.currency),
                ];
                for (k, (label, field)) in text_fields.into_iter().enumerate() {
                    ui.label(label.get(lang));
                    let mut edited = meta.clone();
                    let response =
                        ui.add(egui::TextEdit::singleline(field(&mut edited)).desired_width(360.0));
                    let id = response.id;
                    ui.ctx().accesskit_node_builder(id, |node| {
                        node.set_label(label.get(lang).to_owned());
                    });
                    if response.changed() {
                        changed = Some((edited, k as u32));
                    }
                    if response.lost_focus() {
                        view.out.seal();
                    }
                    ui.end_row();
                }

                ui.label(T::FieldMethodology.get(lang));
                let name = |m: Methodology| match m {
                    Methodology::Waterfall => T::Waterfall.get(lang),
                    Methodology::Agile => T::Agile.get(lang),
                    Methodology::Hybrid => T::Hybrid.get(lang),
                };
                egui::ComboBox::from_id_salt("methodology")
                    .selected_text(name(meta.methodology))
                    .show_ui(ui, |ui| {
                        for m in [
                            Methodology::Waterfall,
                            Methodology::Agile,
                            Methodology::Hybrid,
                        ] {
                            if ui
                                .selectable_label(meta.methodology == m, name(m))
                                .clicked()
                                && meta.methodology != m
                            {
                                let mut edited = meta.clone();
                                edited.methodology = m;
                                changed = Some((edited, 100));
                            }
                        }
                    });
                ui.end_row();

                ui.label(T::FieldStart.get(lang));
                ui.label(i18n::format_date(lang, meta.start));
                ui.end_row();

                ui.label(T::FieldStatusDate.get(lang));
                ui.label(meta.status_date.map_or_else(
                    || T::FieldNone.get(lang).to_owned(),
                    |d| i18n::format_date(lang, d),
                ));
                ui.end_row();

                ui.label(T::FieldDescription.get(lang));
                let mut edited = meta.clone();
                let response = ui.add(
                    egui::TextEdit::multiline(&mut edited.description)
                        .desired_width(360.0)
                        .desired_rows(4),
                );
                ui.ctx().accesskit_node_builder(response.id, |node| {
                    node.set_label(T::FieldDescription.get(lang).to_owned());
                });
                if response.changed() {
                    changed = Some((edited, 101));
                }
                if response.lost_focus() {
                    view.out.seal();
                }
                ui.end_row();
            });

        ui.add_space(16.0);
        ui.label(RichText::new(T::ProjectCounts.get(lang)).strong());
        let p = view.project;
        egui::Grid::new("project-counts")
            .num_columns(2)
            .spacing([16.0, 4.0])
            .show(ui, |ui| {
                for (label, count) in [
                    (T::CountTasks, p.tasks.len()),
                    (T::CountResources, p.resources.len()),
                    (T::CountRequirements, p.requirements.len()),
                    (T::CountDeliverables, p.deliverables.len()),
                    (T::CountTestCases, p.test_cases.len()),
                    (T::CountAnomalies, p.anomalies.len()),
                    (T::CountRisks, p.risks.len()),
                    (T::CountMeetings, p.meetings.len()),
                ] {
                    ui.label(label.get(lang));
                    ui.label(count.to_string());
                    ui.end_row();
                }
            });
    });
    if let Some((meta, field)) = changed {
        view.out
            .edit(Edit::SetMeta(Box::new(meta)), Some(meta_key(field)));
    }
}
