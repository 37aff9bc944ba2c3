//! Staffing the selected task: its type and effort-driven flag, the skills it requires, its
//! assignments (units and work), and the resources proposed for it — those with the skills
//! first, then the freest during the task. Changes follow MS Project's rules (see
//! `schedule::assign`) and are undoable.

use egui::{RichText, Ui};

use super::ViewCtx;
use super::choices::Choice as _;
use crate::doc::edit::{Edit, TaskField};
use crate::i18n::{Lang, T};
use crate::model::{ResourceKind, TaskType};
use crate::schedule::assign::{self, Staffing};

fn set(view: &mut ViewCtx<'_>, row: usize, s: Staffing, task_type: TaskType, effort: bool) {
    let task = &view.project.tasks[row];
    view.out.edit(
        Edit::SetAssignments {
            task: task.id,
            assignments: s.assignments,
            duration: s.duration,
            task_type,
            effort_driven: effort,
        },
        None,
    );
}

/// A resource proposed for the task: has the required skills, and how free it is then.
struct Proposal {
    resource: usize,
    skills_met: usize,
    free: f64,
}

#[allow(
    clippy::too_many_lines,
    reason = "one panel: the task's type, then each assignment's row"
)]
pub fn staffing_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, row: usize) {
    let lang = view.lang;
    let project = view.project;
    let task = &project.tasks[row];
    if view.derived.summary[row] {
        ui.label(RichText::new(T::SummaryNoAssignments.get(lang)).color(view.theme.muted()));
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.strong(&task.name);
        ui.separator();
        ui.label(T::TaskTypeLabel.get(lang));
        let combo = egui::ComboBox::from_id_salt("task-type")
            .selected_text(task.task_type.label().get(lang))
            .show_ui(ui, |ui| {
                for t in [
                    TaskType::FixedUnits,
                    TaskType::FixedDuration,
                    TaskType::FixedWork,
                ] {
                    if ui
                        .selectable_label(t == task.task_type, t.label().get(lang))
                        .clicked()
                        && t != task.task_type
                    {
                        let same = Staffing {
                            assignments: project
                                .assignments
                                .iter()
                                .filter(|a| a.task == task.id)
                                .cloned()
                                .collect(),
                            duration: task.duration,
                        };
                        set(
                            view,
                            row,
                            same,
                            t,
                            task.effort_driven || t == TaskType::FixedWork,
                        );
                    }
                }
            });
        ui.ctx().accesskit_node_builder(combo.response.id, |node| {
            node.set_label(T::TaskTypeLabel.get(lang).to_owned());
        });
        let mut effort = task.effort_driven || task.task_type == TaskType::FixedWork;
        if ui
            .add_enabled(
                task.task_type != TaskType::FixedWork,
                egui::Checkbox::new(&mut effort, T::EffortDriven.get(lang)),
            )
            .changed()
        {
            let same = Staffing {
                assignments: project
                    .assignments
                    .iter()
                    .filter(|a| a.task == task.id)
                    .cloned()
                    .collect(),
                duration: task.duration,
            };
            set(view, row, same, task.task_type, effort);
        }
        ui.separator();
        ui.label(T::RequiredSkills.get(lang));
        let mut skills = task.required_skills.join(", ");
        let response = ui.add(egui::TextEdit::singleline(&mut skills).desired_width(220.0));
        ui.ctx().accesskit_node_builder(response.id, |node| {
            node.set_label(T::RequiredSkills.get(lang).to_owned());
        });
        if response.changed() {
            let list = skills
                .split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect();
            view.out.edit(
                Edit::SetTask {
                    id: task.id,
                    field: TaskField::RequiredSkills(list),
                },
                Some(crate::doc::history::CoalesceKey::named(
                    "task.required_skills",
                    task.id.0,
                )),
            );
        }
        if response.lost_focus() {
            view.out.seal();
        }
    });

    let assignments: Vec<_> = project
        .assignments
        .iter()
        .filter(|a| a.task == task.id)
        .collect();
    egui::Grid::new("task-assignments")
        .striped(true)
        .num_columns(4)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for a in &assignments {
                let name = project
                    .resources
                    .iter()
                    .find(|r| r.id == a.resource)
                    .map_or("?", |r| r.name.as_str());
                ui.label(name);
                let mut percent = a.units * 100.0;
                let response = ui.add(
                    egui::DragValue::new(&mut percent)
                        .range(0.0..=1000.0)
                        .speed(5.0)
                        .suffix(" %"),
                );
                let label = T::UnitsOf.fill(lang, &[("name", name)]);
                ui.ctx()
                    .accesskit_node_builder(response.id, |node| node.set_label(label));
                if response.drag_stopped() || (response.changed() && !response.dragged()) {
                    let s = assign::set_units(project, row, a.id, percent / 100.0);
                    set(view, row, s, task.task_type, task.effort_driven);
                }
                let mut hours = a.work_minutes as f64 / 60.0;
                let response = ui.add(
                    egui::DragValue::new(&mut hours)
                        .range(0.0..=100_000.0)
                        .speed(1.0)
                        .suffix(" h"),
                );
                let label = T::WorkOf.fill(lang, &[("name", name)]);
                ui.ctx()
                    .accesskit_node_builder(response.id, |node| node.set_label(label));
                if response.drag_stopped() || (response.changed() && !response.dragged()) {
                    let s = assign::set_work(project, row, a.id, (hours * 60.0).round() as i64);
                    set(view, row, s, task.task_type, task.effort_driven);
                }
                if ui.small_button(T::Unassign.get(lang)).clicked() {
                    let s = assign::remove(project, row, a.id);
                    set(view, row, s, task.task_type, task.effort_driven);
                }
                ui.end_row();
            }
        });

    let proposals = proposals(view, row);
    let assigned: Vec<_> = assignments.iter().map(|a| a.resource).collect();
    let combo = egui::ComboBox::from_id_salt("assign-resource")
        .selected_text(T::AssignResource.get(lang))
        .width(380.0)
        .show_ui(ui, |ui| {
            for p in &proposals {
                let r = &project.resources[p.resource];
                if assigned.contains(&r.id) {
                    continue;
                }
                let text = proposal_text(lang, r.name.as_str(), p, task.required_skills.len());
                if ui.selectable_label(false, text).clicked() {
                    let s = assign::add(project, row, r.id, 1.0, assign::next_id(project));
                    set(view, row, s, task.task_type, task.effort_driven);
                }
            }
        });
    ui.ctx().accesskit_node_builder(combo.response.id, |node| {
        node.set_label(T::AssignResource.get(lang).to_owned());
    });
}

fn proposal_text(lang: Lang, name: &str, p: &Proposal, required: usize) -> String {
    let skills = if required == 0 {
        String::new()
    } else if p.skills_met == required {
        format!(" — {}", T::HasSkills.get(lang))
    } else {
        format!(
            " — {}",
            T::SkillsMet.fill(
                lang,
                &[
                    ("met", &p.skills_met.to_string()),
                    ("of", &required.to_string())
                ]
            )
        )
    };
    format!(
        "{name}{skills} — {}",
        T::FreePercent.fill(lang, &[("percent", &format!("{:.0}", p.free * 100.0))])
    )
}

/// People and other resources, best first: all required skills, then the freest during the
/// task, then by name.
fn proposals(view: &ViewCtx<'_>, row: usize) -> Vec<Proposal> {
    let project = view.project;
    let task = &project.tasks[row];
    let (start, finish) = view.derived.dates(project, row);
    let load = view.derived.load(project);
    let mut out: Vec<Proposal> = project
        .resources
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let skills_met = task
                .required_skills
                .iter()
                .filter(|s| {
                    r.skills
                        .iter()
                        .any(|x| x.name.eq_ignore_ascii_case(s.as_str()))
                })
                .count();
            let free = match load {
                Some(l) if r.kind == ResourceKind::Person => {
                    let from = (start.date() - l.first).num_days().max(0) as usize;
                    let to = ((finish.date() - l.first).num_days().max(0) as usize + 1).min(l.days);
                    let cell = l.sum(&[k], from, to);
                    cell.ratio()
                        .map_or(0.0, |ratio| (1.0 - ratio).clamp(0.0, 1.0))
                }
                _ => 1.0,
            };
            Proposal {
                resource: k,
                skills_met,
                free,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.skills_met
            .cmp(&a.skills_met)
            .then(b.free.total_cmp(&a.free))
            .then_with(|| {
                project.resources[a.resource]
                    .name
                    .cmp(&project.resources[b.resource].name)
            })
    });
    out
}
