//! The window as a user meets it, driven through egui_kittest by accessible labels: open on the
//! sample, add and rename a task, undo, redo, switch to French.

#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    clippy::unnecessary_wraps,
    reason = "tests: a panic is the failure report, compared values are exact"
)]

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use pilote::app::PiloteApp;
use pilote::app::commands::Command;
use pilote::app::settings::Settings;

mod daily;
mod editors;
mod gantt;
mod interchange;
mod keeping;
mod plan;
mod resources;
mod risk;
mod tracking;

pub fn harness() -> Harness<'static, PiloteApp> {
    let app = PiloteApp::new(Settings::default(), None);
    Harness::builder()
        .with_size([1400.0, 860.0])
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut PiloteApp| app.frame_ui(ui), app)
}

pub fn last_task_name(h: &Harness<'_, PiloteApp>) -> String {
    h.state().doc.project.tasks.last().unwrap().name.clone()
}

/// The schedule tile's accessible label: "Schedule: Amber — SPI 0.980; Finish …".
pub fn schedule_tile(h: &Harness<'_, PiloteApp>) -> String {
    use egui_kittest::kittest::NodeT as _;
    h.get_by_label_contains("Schedule: ")
        .accesskit_node()
        .label()
        .unwrap_or_default()
}

/// What the core computes for the sample at `status`: the schedule tile's status and SPI.
pub fn expected_schedule_tile(
    project: &pilote::model::Project,
    status: chrono::NaiveDate,
) -> String {
    let schedule = pilote::schedule::cpm::schedule(project).unwrap();
    let report = pilote::schedule::kpi::report(project, &schedule, status).unwrap();
    let rag = match report.headline.schedule {
        pilote::schedule::kpi::Rag::Green => "Green",
        pilote::schedule::kpi::Rag::Amber => "Amber",
        pilote::schedule::kpi::Rag::Red => "Red",
        pilote::schedule::kpi::Rag::Unknown => "No data",
    };
    format!("Schedule: {rag} — SPI {:.3}", report.headline.spi.unwrap())
}

/// Shows a view from the navigation panel (whose labels may also be column titles).
pub fn open_view(h: &mut Harness<'_, PiloteApp>, label: &str) {
    h.get_all_by_label(label)
        .find(|n| n.rect().min.x < 150.0)
        .unwrap()
        .click();
    h.run();
    h.run();
}

/// "Tracking" is both a menu and a table of the task plan: the menu is the one in the menu bar.
pub fn open_tracking_menu(h: &mut Harness<'_, PiloteApp>) {
    h.get_all_by_label("Tracking")
        .find(|n| n.rect().min.y < 30.0)
        .unwrap()
        .click();
    h.run();
}

/// Types `text` into the text field labelled `label`, replacing what it holds.
pub fn type_into(h: &mut Harness<'_, PiloteApp>, label: &str, text: &str) {
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, label);
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, label)
        .type_text(text);
    h.run();
    h.key_press(Key::Tab);
    h.run();
}

/// The option of an open picker, not a list cell showing the same text: options are
/// selectable, cells are labels.
pub fn find_option<'a>(h: &'a Harness<'_, PiloteApp>, option: &'a str) -> egui_kittest::Node<'a> {
    use egui_kittest::kittest::NodeT as _;
    h.get_all_by_label(option)
        .rfind(|n| n.accesskit_node().role() != egui::accesskit::Role::Label)
        .unwrap()
}

/// Opens the picker labelled `picker` and chooses `option` (scrolled into view first).
pub fn pick(h: &mut Harness<'_, PiloteApp>, picker: &str, option: &str) {
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, picker)
        .click();
    h.run();
    find_option(h, option).scroll_to_me();
    h.run();
    find_option(h, option).click();
    h.run();
}

pub fn undo(h: &mut Harness<'_, PiloteApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

/// The Gantt with phases 1 to 3 folded, so the test phase's rows are on screen.
pub fn gantt_on_tests_phase() -> Harness<'static, PiloteApp> {
    let mut h = harness();
    h.run();
    open_view(&mut h, "Gantt chart");
    for phase in ["Framing", "Specifications", "Build"] {
        h.get_by_label(&format!("Collapse {phase}")).click();
        h.run();
    }
    // Wide enough days to drag precisely.
    for _ in 0..5 {
        h.get_by_label("Zoom in").click();
        h.run();
    }
    h.get_by_label("Go to today").click();
    h.run();
    h
}

/// Drags with the mouse from `from` to `to`, a few frames apart.
pub fn mouse_drag(h: &mut Harness<'_, PiloteApp>, from: egui::Pos2, to: egui::Pos2) {
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    h.hover_at(pos_between(from, to));
    h.run();
    h.hover_at(to);
    h.run();
    h.drop_at(to);
    h.run();
}

pub fn pos_between(a: egui::Pos2, b: egui::Pos2) -> egui::Pos2 {
    egui::pos2(f32::midpoint(a.x, b.x), f32::midpoint(a.y, b.y))
}

pub fn row_of(h: &Harness<'_, PiloteApp>, name: &str) -> usize {
    h.state()
        .doc
        .project
        .tasks
        .iter()
        .position(|t| t.name == name)
        .unwrap()
}

pub fn bar_label(h: &Harness<'_, PiloteApp>, row: usize) -> String {
    let name = &h.state().doc.project.tasks[row].name;
    format!("Bar {}: {name}", row + 1)
}

pub fn selected_rows(h: &Harness<'_, PiloteApp>) -> Vec<usize> {
    let mut rows: Vec<usize> = h
        .state()
        .selection
        .tasks()
        .iter()
        .map(|id| h.state().derived.rows[id])
        .collect();
    rows.sort_unstable();
    rows
}
