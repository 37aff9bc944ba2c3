//! Specifications: the requirements (functional, technical, non-functional) with their
//! priority, status, source and acceptance criteria, linked to tasks, deliverables and test
//! cases; and the traceability matrix, requirements × test cases with each case's last result.

use egui::{Color32, RichText, Sense, Ui, pos2, vec2};

use super::ViewCtx;
use super::choices::Choice as _;
use super::collection;
use super::editor::{
    ListAction, ListColumn, ListState, choice_ui, key, list_ui, pick_many_ui, pick_one_ui,
    task_options, text_ui, toolbar_ui,
};
use crate::doc::edit::{Collection, Edit};
use crate::i18n::{Lang, T};
use crate::model::{
    Moscow, Requirement, RequirementId, RequirementKind, RequirementStatus, TestResult,
};
use crate::schedule::trace::{self, Coverage};

#[derive(Default)]
pub struct SpecsState {
    pub list: ListState,
    pub matrix: bool,
}

impl super::View for SpecsState {
    fn ui(&mut self, ui: &mut Ui, ctx: &mut ViewCtx<'_>) {
        specs_ui(ui, ctx, self);
    }
}

fn moscow_name(m: Moscow) -> &'static str {
    match m {
        Moscow::Must => "Must",
        Moscow::Should => "Should",
        Moscow::Could => "Could",
        Moscow::Wont => "Won't",
    }
}

fn coverage_colour(theme: super::theme::Theme, c: Coverage) -> Option<Color32> {
    match c {
        Coverage::Failed => Some(theme.error()),
        Coverage::Untested => Some(theme.warning()),
        Coverage::Passed => Some(theme.earned()),
        Coverage::InProgress => None,
    }
}

pub fn specs_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut SpecsState) {
    let lang = view.lang;
    let t = view.derived.trace(view.project).clone();
    ui.horizontal(|ui| {
        ui.selectable_value(&mut state.matrix, false, T::RequirementsList.get(lang));
        ui.selectable_value(&mut state.matrix, true, T::TraceabilityMatrix.get(lang));
        ui.separator();
        ui.label(T::TraceSummary.fill(
            lang,
            &[
                ("total", &t.requirements.to_string()),
                ("covered", &t.covered.to_string()),
                ("passed", &t.passed.to_string()),
                ("failed", &t.failed.to_string()),
                ("untested", &t.untested.to_string()),
            ],
        ));
    });
    ui.separator();
    if state.matrix {
        matrix_ui(ui, view, &t);
        return;
    }
    let project = view.project;
    let action = toolbar_ui(
        ui,
        lang,
        T::AddRequirement,
        &mut state.list,
        project.requirements.len(),
    );
    act(view, state, action);
    let coverage: std::collections::HashMap<RequirementId, (usize, Coverage)> = t
        .rows
        .iter()
        .map(|r| {
            (
                project.requirements[r.requirement].id,
                (r.cases.len(), r.coverage),
            )
        })
        .collect();
    let cov = &coverage;
    let theme = *view.theme;
    let columns = vec![
        ListColumn::new(T::ColCode.get(lang), 90.0, |r: &Requirement| r.code.clone()),
        ListColumn::new(T::ColTitle.get(lang), 250.0, |r: &Requirement| {
            r.title.clone()
        }),
        ListColumn::new(T::ColKind.get(lang), 100.0, move |r: &Requirement| {
            r.kind.label().get(lang).to_owned()
        }),
        ListColumn::new(T::ColPriority.get(lang), 70.0, |r: &Requirement| {
            moscow_name(r.priority).to_owned()
        }),
        ListColumn::new(T::ColStatus.get(lang), 100.0, move |r: &Requirement| {
            r.status.label().get(lang).to_owned()
        }),
        ListColumn::new(T::ColCoverage.get(lang), 150.0, move |r: &Requirement| {
            cov.get(&r.id).map_or_else(String::new, |(n, c)| {
                T::CoverageCell.fill(
                    lang,
                    &[("cases", &n.to_string()), ("status", c.label().get(lang))],
                )
            })
        })
        .coloured(move |r: &Requirement| {
            cov.get(&r.id).and_then(|(_, c)| coverage_colour(theme, *c))
        }),
    ];
    egui::Panel::right("requirement-detail")
        .resizable(true)
        .default_size(460.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| detail_ui(ui, view, state, &t));
        });
    egui::CentralPanel::default_margins().show(ui, |ui| {
        list_ui(
            ui,
            "requirements",
            &mut state.list,
            &project.requirements,
            |r| r.id.0,
            &columns,
        );
    });
}

fn act(view: &mut ViewCtx<'_>, state: &mut SpecsState, action: ListAction) {
    let lang = view.lang;
    let project = view.project;
    let next = collection::next::<Requirement>(project);
    let selected = state
        .list
        .selected
        .and_then(|s| project.requirements.iter().position(|r| r.id.0 == s));
    match action {
        ListAction::None => {}
        ListAction::Add | ListAction::Duplicate => {
            let mut list = project.requirements.clone();
            let item = match (action, selected) {
                (ListAction::Duplicate, Some(i)) => {
                    let mut copy = list[i].clone();
                    copy.id = next;
                    copy.code = format!("{}-copy", copy.code);
                    copy
                }
                _ => Requirement {
                    id: next,
                    code: format!("REQ-F-{:03}", next.0),
                    title: T::NewRequirement.get(lang).to_owned(),
                    parent: None,
                    kind: RequirementKind::Functional,
                    priority: Moscow::Must,
                    status: RequirementStatus::Draft,
                    source: String::new(),
                    description: String::new(),
                    acceptance_criteria: String::new(),
                    tasks: Vec::new(),
                    deliverables: Vec::new(),
                },
            };
            let at = selected.map_or(list.len(), |i| i + 1);
            list.insert(at, item);
            view.out.edit(
                Edit::SetCollection(Box::new(Collection::Requirements(list))),
                None,
            );
            state.list.selected = Some(next.0);
        }
        ListAction::Delete => collection::delete_selected::<Requirement>(view, &mut state.list),
    }
}

#[allow(clippy::too_many_lines, reason = "one form, field after field")]
fn detail_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut SpecsState, t: &trace::Trace) {
    let lang = view.lang;
    let project = view.project;
    let Some(i) = state
        .list
        .selected
        .and_then(|s| project.requirements.iter().position(|r| r.id.0 == s))
    else {
        ui.label(RichText::new(T::SelectAnItem.get(lang)).color(view.theme.muted()));
        return;
    };
    let r = &project.requirements[i];
    let mut edited = r.clone();
    let mut what = None;
    ui.heading(format!("{} {}", r.code, r.title));
    egui::Grid::new("requirement-fields")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            if let Some(v) = text_ui(ui, T::ColCode.get(lang), &r.code, false, view.out) {
                edited.code = v;
                what = Some("req.code");
            }
            if let Some(v) = text_ui(ui, T::ColTitle.get(lang), &r.title, false, view.out) {
                edited.title = v;
                what = Some("req.title");
            }
            let kinds: Vec<(RequirementKind, &str)> = [
                RequirementKind::Functional,
                RequirementKind::Technical,
                RequirementKind::Security,
                RequirementKind::Performance,
                RequirementKind::Usability,
                RequirementKind::Availability,
                RequirementKind::Compliance,
            ]
            .into_iter()
            .map(|k| (k, k.label().get(lang)))
            .collect();
            if let Some(v) = choice_ui(ui, "req-kind", T::ColKind.get(lang), r.kind, &kinds) {
                edited.kind = v;
                what = Some("req.kind");
            }
            let priorities: Vec<(Moscow, &str)> =
                [Moscow::Must, Moscow::Should, Moscow::Could, Moscow::Wont]
                    .into_iter()
                    .map(|m| (m, moscow_name(m)))
                    .collect();
            if let Some(v) = choice_ui(
                ui,
                "req-priority",
                T::ColPriority.get(lang),
                r.priority,
                &priorities,
            ) {
                edited.priority = v;
                what = Some("req.priority");
            }
            let statuses: Vec<(RequirementStatus, &str)> = [
                RequirementStatus::Draft,
                RequirementStatus::Validated,
                RequirementStatus::Implemented,
                RequirementStatus::Verified,
                RequirementStatus::Dropped,
            ]
            .into_iter()
            .map(|s| (s, s.label().get(lang)))
            .collect();
            if let Some(v) = choice_ui(
                ui,
                "req-status",
                T::ColStatus.get(lang),
                r.status,
                &statuses,
            ) {
                edited.status = v;
                what = Some("req.status");
            }
            let parents: Vec<(RequirementId, String)> = project
                .requirements
                .iter()
                .filter(|x| x.id != r.id)
                .map(|x| (x.id, format!("{} {}", x.code, x.title)))
                .collect();
            if let Some(v) = pick_one_ui(
                ui,
                "req-parent",
                T::FieldParent.get(lang),
                lang,
                r.parent,
                &parents,
            ) {
                // A parent below itself would make a loop in the tree.
                if v.is_some_and(|p| descends_from(project, p, r.id)) {
                    view.out.error(T::ParentLoop.get(lang));
                } else {
                    edited.parent = v;
                    what = Some("req.parent");
                }
            }
            if let Some(v) = text_ui(ui, T::FieldSource.get(lang), &r.source, false, view.out) {
                edited.source = v;
                what = Some("req.source");
            }
            if let Some(v) = text_ui(
                ui,
                T::FieldDescription.get(lang),
                &r.description,
                true,
                view.out,
            ) {
                edited.description = v;
                what = Some("req.description");
            }
            if let Some(v) = text_ui(
                ui,
                T::FieldAcceptanceCriteria.get(lang),
                &r.acceptance_criteria,
                true,
                view.out,
            ) {
                edited.acceptance_criteria = v;
                what = Some("req.acceptance");
            }
            if let Some(v) = pick_many_ui(
                ui,
                "req-tasks",
                T::FieldLinkedTasks.get(lang),
                lang,
                &r.tasks,
                &task_options(view),
            ) {
                edited.tasks = v;
                what = Some("req.tasks");
            }
            let deliverables: Vec<_> = project
                .deliverables
                .iter()
                .map(|d| (d.id, format!("{} {}", d.code, d.name)))
                .collect();
            if let Some(v) = pick_many_ui(
                ui,
                "req-deliverables",
                T::FieldDeliverables.get(lang),
                lang,
                &r.deliverables,
                &deliverables,
            ) {
                edited.deliverables = v;
                what = Some("req.deliverables");
            }
        });
    ui.separator();
    ui.strong(T::CoveredBy.get(lang));
    if let Some(row) = t.rows.iter().find(|x| x.requirement == i) {
        if row.cases.is_empty() {
            ui.label(RichText::new(T::NoTestCase.get(lang)).color(view.theme.warning()));
        }
        for (k, result) in &row.cases {
            let c = &project.test_cases[*k];
            let result = result.map_or(T::ResNeverRun, TestResult::label);
            ui.label(format!("{} {} — {}", c.code, c.title, result.get(lang)));
        }
    }
    if let Some(what) = what {
        let mut list = project.requirements.clone();
        list[i] = edited;
        view.out.edit(
            Edit::SetCollection(Box::new(Collection::Requirements(list))),
            key(what, r.id.0),
        );
    }
}

/// Whether `candidate` is `id` or below it in the requirement tree.
fn descends_from(
    project: &crate::model::Project,
    candidate: RequirementId,
    id: RequirementId,
) -> bool {
    let mut at = Some(candidate);
    let mut steps = 0;
    while let Some(c) = at {
        if c == id {
            return true;
        }
        at = project
            .requirements
            .iter()
            .find(|r| r.id == c)
            .and_then(|r| r.parent);
        steps += 1;
        if steps > project.requirements.len() {
            return true;
        }
    }
    false
}

/// Requirements × test cases: each cell the case's last result; rows coloured by coverage so
/// untested and failing requirements show at once.
fn matrix_ui(ui: &mut Ui, view: &ViewCtx<'_>, t: &trace::Trace) {
    let lang = view.lang;
    let project = view.project;
    let last = trace::last_results(project);
    let cell = 22.0;
    let name_w = 320.0;
    let header_h = 70.0;
    let cases = &project.test_cases;
    let size = vec2(
        name_w + cell * cases.len() as f32 + 110.0,
        header_h + cell * t.rows.len() as f32,
    );
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
            let painter = ui.painter().clone();
            let font = egui::FontId::proportional(11.0);
            let text = ui.visuals().text_color();
            for (k, c) in cases.iter().enumerate() {
                let x = rect.min.x + name_w + k as f32 * cell + cell / 2.0;
                painter.add(egui::Shape::Text(
                    egui::epaint::TextShape::new(
                        pos2(x - 6.0, rect.min.y + header_h - 4.0),
                        painter.layout_no_wrap(c.code.clone(), font.clone(), text),
                        text,
                    )
                    .with_angle(-std::f32::consts::FRAC_PI_2),
                ));
            }
            for (r, row) in t.rows.iter().enumerate() {
                let req = &project.requirements[row.requirement];
                let y = rect.min.y + header_h + r as f32 * cell;
                let colour = coverage_colour(*view.theme, row.coverage).unwrap_or(text);
                painter.text(
                    pos2(rect.min.x, y + cell / 2.0),
                    egui::Align2::LEFT_CENTER,
                    format!("{} {}", req.code, req.title),
                    font.clone(),
                    colour,
                );
                let label = format!("{}: {}", req.code, row.coverage.label().get(lang));
                let id = egui::Id::unique(("matrix-row", r));
                let _ = ui.interact(
                    egui::Rect::from_min_size(pos2(rect.min.x, y), vec2(name_w, cell)),
                    id,
                    Sense::hover(),
                );
                ui.ctx().accesskit_node_builder(id, |node| {
                    node.set_role(egui::accesskit::Role::RowHeader);
                    node.set_label(label);
                });
                for (k, c) in cases.iter().enumerate() {
                    if !c.requirements.contains(&req.id) {
                        continue;
                    }
                    let x = rect.min.x + name_w + k as f32 * cell;
                    let cell_rect =
                        egui::Rect::from_min_size(pos2(x, y), vec2(cell, cell)).shrink(2.0);
                    let result = last.get(&c.id).map(|x| x.0);
                    let fill = match result {
                        Some(TestResult::Passed) => view.theme.earned(),
                        Some(TestResult::Failed) => view.theme.error(),
                        Some(TestResult::Blocked) => view.theme.warning(),
                        _ => view.theme.muted(),
                    };
                    painter.rect_filled(cell_rect, 3.0, fill);
                    let id = egui::Id::unique(("matrix-cell", r, k));
                    let response = ui.interact(cell_rect, id, Sense::hover());
                    let result_text = result.map_or(T::ResNeverRun, TestResult::label).get(lang);
                    let label = format!("{} × {}: {result_text}", req.code, c.code);
                    ui.ctx().accesskit_node_builder(id, |node| {
                        node.set_role(egui::accesskit::Role::Cell);
                        node.set_label(label.clone());
                    });
                    response.on_hover_text(format!("{label}\n{}", c.title));
                }
                painter.text(
                    pos2(
                        rect.min.x + name_w + cases.len() as f32 * cell + 8.0,
                        y + cell / 2.0,
                    ),
                    egui::Align2::LEFT_CENTER,
                    row.coverage.label().get(lang),
                    font.clone(),
                    colour,
                );
            }
        });
}

/// The requirement-coverage label used by tests and screen readers: "REQ-F-001: failed".
pub fn coverage_label(lang: Lang, code: &str, c: Coverage) -> String {
    format!("{code}: {}", c.label().get(lang))
}
