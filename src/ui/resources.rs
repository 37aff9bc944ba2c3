//! The resource sheet: the team and the providers' people, materials and cost resources, in a
//! table, and the selected resource's detail pane where everything about it is edited — kind,
//! origin (internal, or provider and contract), team, skills with a level, rates, capacity,
//! calendar, leave and availability — each change an undoable edit.

use std::collections::HashMap;

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::ViewCtx;
use super::choices::Choice as _;
use super::editor::{DateChange, date_ui, text_ui};
use crate::app::contract::Modal;
use crate::doc::edit::Edit;
use crate::doc::history::CoalesceKey;
use crate::i18n::{self, Lang, T};
use crate::model::{
    CalendarId, Leave, Origin, Rate, RatePer, Resource, ResourceId, ResourceKind, Skill,
};
use crate::ui::ViewKind;

/// The view's own state.
#[derive(Default)]
pub struct ResourcesState {
    pub selected: Option<ResourceId>,
    /// Dates being typed that do not read yet, by field.
    drafts: HashMap<egui::Id, String>,
}

impl super::View for ResourcesState {
    fn ui(&mut self, ui: &mut Ui, ctx: &mut ViewCtx<'_>) {
        resources_ui(ui, ctx, self);
    }
}

const ROW_HEIGHT: f32 = 22.0;

fn rate_text(lang: Lang, rate: Rate, currency: &str) -> String {
    if rate.amount == 0.0 {
        return String::new();
    }
    format!(
        "{}{}",
        i18n::format_money(lang, rate.amount, currency),
        rate.per.label().get(lang)
    )
}

pub fn resources_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut ResourcesState) {
    let lang = view.lang;
    let project = view.project;
    if state
        .selected
        .is_some_and(|id| !project.resources.iter().any(|r| r.id == id))
    {
        state.selected = None;
    }
    ui.horizontal_wrapped(|ui| {
        for (text, kind) in [
            (T::AddPerson, ResourceKind::Person),
            (T::AddMaterial, ResourceKind::Material),
            (T::AddCostResource, ResourceKind::Cost),
        ] {
            if ui.button(text.get(lang)).clicked() {
                let id =
                    ResourceId(project.resources.iter().map(|r| r.id.0).max().unwrap_or(0) + 1);
                let mut resource = Resource::person(id, T::NewResourceName.get(lang));
                resource.kind = kind;
                let index = state
                    .selected
                    .and_then(|s| project.resources.iter().position(|r| r.id == s))
                    .map_or(project.resources.len(), |i| i + 1);
                view.out.edit(
                    Edit::AddResource {
                        index,
                        resource: Box::new(resource),
                    },
                    None,
                );
                state.selected = Some(id);
            }
        }
        ui.separator();
        let selected = state.selected;
        if ui
            .add_enabled(
                selected.is_some(),
                egui::Button::new(T::DeleteResource.get(lang)),
            )
            .clicked()
            && let Some(id) = selected
        {
            let (tasks, refs) = crate::doc::resource_ops::removal_impact(project, id);
            if tasks.is_empty() && refs == 0 {
                view.out.edit(Edit::RemoveResource(id), None);
            } else {
                view.out.open_modal(Modal::DeleteResource(id));
            }
        }
        ui.separator();
        ui.label(
            RichText::new(
                T::ResourcesSummary.fill(
                    lang,
                    &[
                        ("count", &project.resources.len().to_string()),
                        (
                            "external",
                            &project
                                .resources
                                .iter()
                                .filter(|r| matches!(r.origin, Origin::External { .. }))
                                .count()
                                .to_string(),
                        ),
                    ],
                ),
            )
            .color(view.theme.muted()),
        );
    });
    ui.separator();
    egui::Panel::right("resource-detail")
        .resizable(true)
        .default_size(330.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| detail_ui(ui, view, state));
        });
    egui::CentralPanel::default_margins().show(ui, |ui| sheet_ui(ui, view, state));
}

fn sheet_ui(ui: &mut Ui, view: &ViewCtx<'_>, state: &mut ResourcesState) {
    let lang = view.lang;
    let project = view.project;
    let currency = project.meta.currency.as_str();
    let mut count: HashMap<ResourceId, usize> = HashMap::new();
    for a in &project.assignments {
        *count.entry(a.resource).or_default() += 1;
    }
    let headers = [
        T::ColResourceName,
        T::ColKind,
        T::ColOrigin,
        T::ColTeam,
        T::ColSkills,
        T::ColStandardRate,
        T::ColMaxUnits,
        T::ColAssignments,
    ];
    // Full height (the last rows above the scroll bar), sideways only when the window is
    // narrower than every column at its least.
    egui::ScrollArea::horizontal()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            TableBuilder::new(ui)
                .id_salt("resource-sheet")
                .striped(true)
                .resizable(true)
                .sense(egui::Sense::click())
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .column(Column::initial(130.0).at_least(90.0).clip(true))
                .column(Column::initial(70.0).clip(true))
                .column(Column::initial(100.0).clip(true))
                .column(Column::initial(100.0).clip(true))
                .column(Column::remainder().at_least(100.0).clip(true))
                .column(Column::initial(84.0))
                .column(Column::initial(56.0))
                .column(Column::initial(76.0))
                .header(ROW_HEIGHT, |mut header| {
                    for title in headers {
                        header.col(|ui| {
                            ui.strong(title.get(lang));
                        });
                    }
                })
                .body(|body| {
                    body.rows(ROW_HEIGHT, project.resources.len(), |mut row| {
                        let r = &project.resources[row.index()];
                        row.set_selected(state.selected == Some(r.id));
                        let mut clicked = false;
                        row.col(|ui| {
                            let response = ui.add(
                                egui::Label::new(RichText::new(&r.name).strong())
                                    .sense(egui::Sense::click()),
                            );
                            clicked |= response.clicked();
                        });
                        row.col(|ui| {
                            ui.label(r.kind.label().get(lang));
                        });
                        row.col(|ui| {
                            let origin = match &r.origin {
                                Origin::Internal => T::Internal.get(lang).to_owned(),
                                Origin::External { provider, .. } => provider.clone(),
                            };
                            ui.add(egui::Label::new(origin).truncate());
                        });
                        row.col(|ui| {
                            ui.add(egui::Label::new(&r.team).truncate());
                        });
                        row.col(|ui| {
                            let skills: Vec<String> = r
                                .skills
                                .iter()
                                .map(|s| format!("{} ({})", s.name, s.level))
                                .collect();
                            ui.add(egui::Label::new(skills.join(", ")).truncate());
                        });
                        row.col(|ui| {
                            ui.label(rate_text(lang, r.standard_rate, currency));
                        });
                        row.col(|ui| {
                            if r.kind == ResourceKind::Person {
                                ui.label(format!("{:.0} %", r.max_units * 100.0));
                            }
                        });
                        row.col(|ui| {
                            ui.label(count.get(&r.id).copied().unwrap_or(0).to_string());
                        });
                        if clicked || row.response().clicked() {
                            state.selected = Some(r.id);
                        }
                    });
                });
        });
}

fn key(what: &'static str, id: ResourceId) -> CoalesceKey {
    CoalesceKey::named(what, id.0)
}

#[allow(clippy::too_many_lines, reason = "one form, field after field")]
fn detail_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut ResourcesState) {
    let lang = view.lang;
    let project = view.project;
    let Some(resource) = state
        .selected
        .and_then(|id| project.resources.iter().find(|r| r.id == id))
    else {
        ui.label(RichText::new(T::SelectAResource.get(lang)).color(view.theme.muted()));
        return;
    };
    let id = resource.id;
    let mut edited = resource.clone();
    let mut changed: Option<&'static str> = None;
    ui.heading(&resource.name);
    egui::Grid::new("resource-fields")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            if let Some(v) = text_ui(
                ui,
                T::ColResourceName.get(lang),
                &resource.name,
                false,
                view.out,
            ) {
                edited.name = v;
                changed = Some("resource.name");
            }
            if let Some(v) = text_ui(
                ui,
                T::FieldInitials.get(lang),
                &resource.initials,
                false,
                view.out,
            ) {
                edited.initials = v;
                changed = Some("resource.initials");
            }
            ui.label(T::ColKind.get(lang));
            let combo = egui::ComboBox::from_id_salt("resource-kind")
                .selected_text(resource.kind.label().get(lang))
                .show_ui(ui, |ui| {
                    for k in [
                        ResourceKind::Person,
                        ResourceKind::Material,
                        ResourceKind::Cost,
                    ] {
                        if ui
                            .selectable_label(k == resource.kind, k.label().get(lang))
                            .clicked()
                        {
                            edited.kind = k;
                            changed = Some("resource.kind");
                        }
                    }
                });
            ui.ctx().accesskit_node_builder(combo.response.id, |node| {
                node.set_label(T::ColKind.get(lang).to_owned());
            });
            ui.end_row();
            ui.label(T::ColOrigin.get(lang));
            ui.horizontal(|ui| {
                let external = matches!(resource.origin, Origin::External { .. });
                if ui.radio(!external, T::Internal.get(lang)).clicked() && external {
                    edited.origin = Origin::Internal;
                    changed = Some("resource.origin");
                }
                if ui.radio(external, T::External.get(lang)).clicked() && !external {
                    edited.origin = Origin::External {
                        provider: String::new(),
                        contract: String::new(),
                    };
                    changed = Some("resource.origin");
                }
            });
            ui.end_row();
            if let Origin::External { provider, contract } = &resource.origin {
                if let Some(v) = text_ui(ui, T::FieldProvider.get(lang), provider, false, view.out)
                {
                    edited.origin = Origin::External {
                        provider: v,
                        contract: contract.clone(),
                    };
                    changed = Some("resource.provider");
                }
                if let Some(v) = text_ui(ui, T::FieldContract.get(lang), contract, false, view.out)
                {
                    edited.origin = Origin::External {
                        provider: provider.clone(),
                        contract: v,
                    };
                    changed = Some("resource.contract");
                }
            }
            if let Some(v) = text_ui(ui, T::ColTeam.get(lang), &resource.team, false, view.out) {
                edited.team = v;
                changed = Some("resource.team");
            }
            if let Some(v) = text_ui(ui, T::FieldRole.get(lang), &resource.role, false, view.out) {
                edited.role = v;
                changed = Some("resource.role");
            }
            if let Some(v) = text_ui(
                ui,
                T::FieldEmail.get(lang),
                &resource.email,
                false,
                view.out,
            ) {
                edited.email = v;
                changed = Some("resource.email");
            }
            for (label, rate, what) in [
                (
                    T::ColStandardRate,
                    resource.standard_rate,
                    "resource.standard_rate",
                ),
                (
                    T::FieldOvertimeRate,
                    resource.overtime_rate,
                    "resource.overtime_rate",
                ),
            ] {
                ui.label(label.get(lang));
                ui.horizontal(|ui| {
                    let mut amount = rate.amount;
                    let response = ui.add(
                        egui::DragValue::new(&mut amount)
                            .range(0.0..=1_000_000.0)
                            .speed(5.0)
                            .suffix(format!(" {}", project.meta.currency)),
                    );
                    ui.ctx().accesskit_node_builder(response.id, |node| {
                        node.set_label(label.get(lang).to_owned());
                    });
                    let mut per = rate.per;
                    let combo = egui::ComboBox::from_id_salt(("rate-per", what))
                        .selected_text(per.label().get(lang))
                        .show_ui(ui, |ui| {
                            for p in [RatePer::Hour, RatePer::Day, RatePer::Week, RatePer::Month] {
                                ui.selectable_value(&mut per, p, p.label().get(lang));
                            }
                        });
                    let unit_label = format!("{} {}", label.get(lang), T::RateUnit.get(lang));
                    ui.ctx().accesskit_node_builder(combo.response.id, |node| {
                        node.set_label(unit_label);
                    });
                    if (amount - rate.amount).abs() > f64::EPSILON || per != rate.per {
                        let new = Rate { amount, per };
                        if what == "resource.standard_rate" {
                            edited.standard_rate = new;
                        } else {
                            edited.overtime_rate = new;
                        }
                        changed = Some(what);
                    }
                });
                ui.end_row();
            }
            ui.label(T::FieldCostPerUse.get(lang));
            let mut per_use = resource.cost_per_use;
            let response = ui.add(
                egui::DragValue::new(&mut per_use)
                    .range(0.0..=1_000_000.0)
                    .speed(5.0),
            );
            ui.ctx().accesskit_node_builder(response.id, |node| {
                node.set_label(T::FieldCostPerUse.get(lang).to_owned());
            });
            if response.changed() {
                edited.cost_per_use = per_use;
                changed = Some("resource.cost_per_use");
            }
            ui.end_row();
            if resource.kind == ResourceKind::Person {
                ui.label(T::ColMaxUnits.get(lang));
                let mut percent = resource.max_units * 100.0;
                let response = ui.add(
                    egui::DragValue::new(&mut percent)
                        .range(0.0..=10_000.0)
                        .speed(5.0)
                        .suffix(" %"),
                );
                ui.ctx().accesskit_node_builder(response.id, |node| {
                    node.set_label(T::ColMaxUnits.get(lang).to_owned());
                });
                if response.changed() {
                    edited.max_units = percent / 100.0;
                    changed = Some("resource.max_units");
                }
                ui.end_row();
                ui.label(T::FieldCalendar.get(lang));
                let name_of = |c: Option<CalendarId>| {
                    c.and_then(|c| project.calendars.iter().find(|x| x.id == c))
                        .map_or_else(
                            || T::ProjectCalendar.get(lang).to_owned(),
                            |c| c.name.clone(),
                        )
                };
                let combo = egui::ComboBox::from_id_salt("resource-calendar")
                    .selected_text(name_of(resource.calendar))
                    .show_ui(ui, |ui| {
                        if ui
                            .selectable_label(resource.calendar.is_none(), name_of(None))
                            .clicked()
                        {
                            edited.calendar = None;
                            changed = Some("resource.calendar");
                        }
                        for c in &project.calendars {
                            if ui
                                .selectable_label(resource.calendar == Some(c.id), &c.name)
                                .clicked()
                            {
                                edited.calendar = Some(c.id);
                                changed = Some("resource.calendar");
                            }
                        }
                    });
                ui.ctx().accesskit_node_builder(combo.response.id, |node| {
                    node.set_label(T::FieldCalendar.get(lang).to_owned());
                });
                ui.end_row();
                ui.label(T::FieldAvailability.get(lang));
                ui.horizontal(|ui| {
                    let theme = *view.theme;
                    if let DateChange::Set(v) = date_ui(
                        ui,
                        egui::Id::unique(("available-from", id)),
                        T::FieldAvailableFrom.get(lang),
                        resource.available_from,
                        &mut state.drafts,
                        lang,
                        &theme,
                    ) {
                        edited.available_from = v;
                        changed = Some("resource.available_from");
                    }
                    ui.label("–");
                    if let DateChange::Set(v) = date_ui(
                        ui,
                        egui::Id::unique(("available-to", id)),
                        T::FieldAvailableTo.get(lang),
                        resource.available_to,
                        &mut state.drafts,
                        lang,
                        &theme,
                    ) {
                        edited.available_to = v;
                        changed = Some("resource.available_to");
                    }
                });
                ui.end_row();
            }
        });

    ui.separator();
    ui.strong(T::FieldSkills.get(lang));
    let mut remove_skill = None;
    for (k, skill) in resource.skills.iter().enumerate() {
        ui.horizontal(|ui| {
            let mut name = skill.name.clone();
            let response = ui.add(egui::TextEdit::singleline(&mut name).desired_width(200.0));
            let label = format!("{} {}", T::FieldSkill.get(lang), k + 1);
            ui.ctx()
                .accesskit_node_builder(response.id, |node| node.set_label(label));
            if response.changed() {
                edited.skills[k].name = name;
                changed = Some("resource.skills");
            }
            let mut level = skill.level;
            if ui
                .add(egui::Slider::new(&mut level, 1..=5).text(T::FieldLevel.get(lang)))
                .changed()
            {
                edited.skills[k].level = level;
                changed = Some("resource.skills");
            }
            if ui.small_button(T::Remove.get(lang)).clicked() {
                remove_skill = Some(k);
            }
        });
    }
    if let Some(k) = remove_skill {
        edited.skills.remove(k);
        changed = Some("resource.skills.remove");
    }
    if ui.small_button(T::AddSkill.get(lang)).clicked() {
        edited.skills.push(Skill {
            name: T::NewSkillName.get(lang).to_owned(),
            level: 3,
        });
        changed = Some("resource.skills.add");
    }

    if resource.kind == ResourceKind::Person {
        ui.separator();
        ui.strong(T::FieldLeave.get(lang));
        let mut remove_leave = None;
        let theme = *view.theme;
        for (k, leave) in resource.leave.iter().enumerate() {
            ui.horizontal(|ui| {
                if let DateChange::Set(Some(d)) = date_ui(
                    ui,
                    egui::Id::unique(("leave-from", id, k)),
                    &format!("{} {}", T::LeaveFrom.get(lang), k + 1),
                    Some(leave.from),
                    &mut state.drafts,
                    lang,
                    &theme,
                ) {
                    edited.leave[k].from = d;
                    changed = Some("resource.leave");
                }
                ui.label("–");
                if let DateChange::Set(Some(d)) = date_ui(
                    ui,
                    egui::Id::unique(("leave-to", id, k)),
                    &format!("{} {}", T::LeaveTo.get(lang), k + 1),
                    Some(leave.to),
                    &mut state.drafts,
                    lang,
                    &theme,
                ) {
                    edited.leave[k].to = d;
                    changed = Some("resource.leave");
                }
                let mut reason = leave.reason.clone();
                if ui
                    .add(egui::TextEdit::singleline(&mut reason).desired_width(140.0))
                    .changed()
                {
                    edited.leave[k].reason = reason;
                    changed = Some("resource.leave");
                }
                if ui.small_button(T::Remove.get(lang)).clicked() {
                    remove_leave = Some(k);
                }
            });
            if leave.to < leave.from {
                ui.label(RichText::new(T::LeaveEndsBeforeStart.get(lang)).color(theme.error()));
            }
        }
        if let Some(k) = remove_leave {
            edited.leave.remove(k);
            changed = Some("resource.leave.remove");
        }
        if ui.small_button(T::AddLeave.get(lang)).clicked() {
            let from = project.meta.status_date.unwrap_or(view.today);
            edited.leave.push(Leave {
                from,
                to: from.checked_add_days(chrono::Days::new(4)).unwrap_or(from),
                reason: String::new(),
            });
            changed = Some("resource.leave.add");
        }
    }

    ui.separator();
    ui.strong(T::ColAssignments.get(lang));
    let mut any = false;
    egui::Grid::new("resource-assignments")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            for a in project.assignments.iter().filter(|a| a.resource == id) {
                let Some(&row) = view.derived.rows.get(&a.task) else {
                    continue;
                };
                any = true;
                ui.label(format!(
                    "{} {}",
                    view.derived.wbs[row], project.tasks[row].name
                ));
                ui.label(format!(
                    "{:.0} % · {:.0} h",
                    a.units * 100.0,
                    a.work_minutes as f64 / 60.0
                ));
                if ui.small_button(T::GoToTask.get(lang)).clicked() {
                    view.out.show(ViewKind::Tasks);
                    view.out.select_task(a.task);
                }
                ui.end_row();
            }
        });
    if !any {
        ui.label(RichText::new(T::NoAssignments.get(lang)).color(view.theme.muted()));
    }

    if let Some(what) = changed {
        view.out
            .edit(Edit::SetResource(Box::new(edited)), Some(key(what, id)));
    }
}
