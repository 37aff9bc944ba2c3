//! Specifications: the requirements (functional, technical, non-functional) with their
//! priority, status, source and acceptance criteria, linked to tasks, deliverables and test
//! cases; and the traceability matrix, requirements × test cases with each case's last result.

use egui::{Color32, RichText, Sense, Ui, pos2, vec2};

use std::collections::HashMap;
use std::rc::Rc;

use super::ViewCtx;
use super::choices::Choice as _;
use super::collection::{self, EditorItem, Form};
use super::editor::{ListColumn, ListState, task_options};
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
    let t = view.derived.trace(view.project);
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
        matrix_ui(ui, view, t);
        return;
    }
    collection::toolbar_and_actions_ui::<Requirement>(ui, view, &mut state.list);
    collection::detail_panel_ui::<Requirement>(ui, view, &mut state.list, 460.0);
    collection::list_panel_ui::<Requirement>(ui, view, &mut state.list, |_| true, |_| {});
}

impl EditorItem for Requirement {
    const ADD: T = T::AddRequirement;
    const SALT: &'static str = "requirements";

    fn fresh(view: &ViewCtx<'_>, id: Self::Id) -> Self {
        Requirement {
            id,
            code: format!("REQ-F-{:03}", id.0),
            title: T::NewRequirement.get(view.lang).to_owned(),
            parent: None,
            kind: RequirementKind::Functional,
            priority: Moscow::Must,
            status: RequirementStatus::Draft,
            source: String::new(),
            description: String::new(),
            acceptance_criteria: String::new(),
            tasks: Vec::new(),
            deliverables: Vec::new(),
        }
    }

    fn heading(&self, _view: &ViewCtx<'_>) -> String {
        format!("{} {}", self.code, self.title)
    }

    fn columns<'a>(view: &'a ViewCtx<'a>) -> Vec<ListColumn<'a, Self>> {
        let lang = view.lang;
        let project = view.project;
        // Each requirement's number of cases and coverage, looked up once per row.
        let coverage: Rc<HashMap<RequirementId, (usize, Coverage)>> = Rc::new(
            view.derived
                .trace(project)
                .rows
                .iter()
                .map(|r| {
                    (
                        project.requirements[r.requirement].id,
                        (r.cases.len(), r.coverage),
                    )
                })
                .collect(),
        );
        let cov = Rc::clone(&coverage);
        let theme = *view.theme;
        vec![
            ListColumn::new(T::ColCode.get(lang), 90.0, |r: &Requirement| r.code.clone()),
            ListColumn::new(T::ColTitle.get(lang), 250.0, |r: &Requirement| {
                r.title.clone()
            }),
            ListColumn::new(T::ColKind.get(lang), 100.0, move |r: &Requirement| {
                r.kind.label().get(lang).to_owned()
            }),
            ListColumn::new(T::ColPriority.get(lang), 70.0, move |r: &Requirement| {
                r.priority.label().get(lang).to_owned()
            }),
            ListColumn::new(T::ColStatus.get(lang), 100.0, move |r: &Requirement| {
                r.status.label().get(lang).to_owned()
            }),
            ListColumn::new(T::ColCoverage.get(lang), 150.0, move |r: &Requirement| {
                coverage.get(&r.id).map_or_else(String::new, |(n, c)| {
                    T::CoverageCell.fill(
                        lang,
                        &[("cases", &n.to_string()), ("status", c.label().get(lang))],
                    )
                })
            })
            .coloured(move |r: &Requirement| {
                cov.get(&r.id).and_then(|(_, c)| coverage_colour(theme, *c))
            }),
        ]
    }

    fn form_ui(ui: &mut Ui, form: &mut Form<'_, '_>, r: &Self, edited: &mut Self) {
        let project = form.ctx().project;
        let parents: Vec<(RequirementId, String)> = project
            .requirements
            .iter()
            .filter(|x| x.id != r.id)
            .map(|x| (x.id, format!("{} {}", x.code, x.title)))
            .collect();
        let tasks = task_options(form.ctx());
        let deliverables: Vec<_> = project
            .deliverables
            .iter()
            .map(|d| (d.id, format!("{} {}", d.code, d.name)))
            .collect();
        form.grid(ui, |ui, form| {
            if let Some(v) = form.text(ui, T::ColCode, &r.code) {
                edited.code = v;
            }
            if let Some(v) = form.text(ui, T::ColTitle, &r.title) {
                edited.title = v;
            }
            if let Some(v) = form.choice(ui, T::ColKind, r.kind) {
                edited.kind = v;
            }
            if let Some(v) = form.choice(ui, T::ColPriority, r.priority) {
                edited.priority = v;
            }
            if let Some(v) = form.choice(ui, T::ColStatus, r.status) {
                edited.status = v;
            }
            if let Some(v) = form.pick_one(ui, T::FieldParent, r.parent, &parents) {
                // A parent below itself would make a loop in the tree: refused, not written.
                if v.is_some_and(|p| descends_from(project, p, r.id)) {
                    form.refuse();
                    form.view.out.error(T::ParentLoop);
                } else {
                    edited.parent = v;
                }
            }
            if let Some(v) = form.text(ui, T::FieldSource, &r.source) {
                edited.source = v;
            }
            if let Some(v) = form.multiline(ui, T::FieldDescription, &r.description) {
                edited.description = v;
            }
            if let Some(v) = form.multiline(ui, T::FieldAcceptanceCriteria, &r.acceptance_criteria)
            {
                edited.acceptance_criteria = v;
            }
            if let Some(v) = form.pick_many(ui, T::FieldLinkedTasks, &r.tasks, &tasks) {
                edited.tasks = v;
            }
            if let Some(v) =
                form.pick_many(ui, T::FieldDeliverables, &r.deliverables, &deliverables)
            {
                edited.deliverables = v;
            }
        });
        coverage_ui(ui, form.ctx(), r.id);
    }
}

/// The test cases that cover the requirement, with their last result.
fn coverage_ui(ui: &mut Ui, view: &ViewCtx<'_>, id: RequirementId) {
    let lang = view.lang;
    let project = view.project;
    ui.separator();
    ui.strong(T::CoveredBy.get(lang));
    let Some(row) = view
        .derived
        .trace(project)
        .rows
        .iter()
        .find(|x| project.requirements[x.requirement].id == id)
    else {
        return;
    };
    if row.cases.is_empty() {
        ui.label(RichText::new(T::NoTestCase.get(lang)).color(view.theme.warning()));
    }
    for (k, result) in &row.cases {
        let c = &project.test_cases[*k];
        let result = result.map_or(T::ResNeverRun, TestResult::label);
        ui.label(format!("{} {} — {}", c.code, c.title, result.get(lang)));
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
