//! Daily use: the command palette, the search across the project and the user guide.

use egui::accesskit::Role;
use pilote::ui::ViewKind;
use pilote::ui::guide::Page;

use super::*;

#[test]
fn the_palette_runs_a_command_found_by_part_of_its_label() {
    let mut h = harness();
    h.run();
    let before = h.state().doc.project.tasks.len();
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    assert!(h.state().views.palette.is_open());
    h.get_by_role_and_label(Role::TextInput, "Find a command")
        .type_text("add mil");
    h.run();
    // The line shows the command's shortcut from the command table.
    h.get_by_label_contains("Add milestone Ctrl+Shift+M");
    h.key_press(Key::Enter);
    h.run();
    let tasks = &h.state().doc.project.tasks;
    assert_eq!(tasks.len(), before + 1);
    assert!(
        tasks
            .iter()
            .any(|t| t.milestone && t.name == "New milestone")
    );
    assert!(!h.state().views.palette.is_open(), "running closes it");
}

#[test]
fn the_palette_shows_why_a_command_cannot_run_and_closes_on_escape() {
    let mut h = harness();
    h.run();
    // Ctrl+Shift+P opens it too, as in VS Code.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Find a command")
        .type_text("undo");
    h.run();
    h.get_by_label_contains("Undo Nothing to undo");
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().views.palette.is_open(), "nothing ran");
    assert_eq!(
        h.state().status.text(pilote::i18n::Lang::En),
        "Nothing to undo"
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().views.palette.is_open());
}

#[test]
fn the_search_finds_a_requirement_and_an_anomaly_and_opens_them() {
    let mut h = harness();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Search the project")
        .type_text("req-f-010");
    h.run();
    h.get_by_label("Requirements (1)");
    h.get_by_label("REQ-F-010 — Customer portal: order tracking")
        .click();
    h.run();
    h.run();
    let app = h.state();
    let requirement = app
        .doc
        .project
        .requirements
        .iter()
        .find(|r| r.code == "REQ-F-010")
        .unwrap();
    assert_eq!(app.settings.view, ViewKind::Requirements);
    assert_eq!(app.views.requirements.list.selected, Some(requirement.id.0));
    assert!(!app.views.search.is_open());
    // The form on the right shows it.
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Title").value(),
        Some("Customer portal: order tracking".to_owned())
    );

    // Reopened, the last query is selected: typing replaces it; Enter opens the first result.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Search the project")
        .type_text("orders of other customers");
    h.run();
    h.get_by_label("Anomalies (1)");
    h.key_press(Key::Enter);
    h.run();
    h.run();
    let app = h.state();
    let anomaly = app
        .doc
        .project
        .anomalies
        .iter()
        .find(|a| a.code == "ANO-003")
        .unwrap();
    assert_eq!(app.settings.view, ViewKind::Anomalies);
    assert_eq!(app.views.anomalies.list.selected, Some(anomaly.id.0));
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Title").value(),
        Some(anomaly.title.clone())
    );
}

#[test]
fn the_search_selects_a_task_in_the_plan() {
    let mut h = harness();
    h.run();
    open_view(&mut h, "Risks");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Search the project")
        .type_text("user acceptance campaign 1");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let app = h.state();
    let task = app
        .doc
        .project
        .tasks
        .iter()
        .find(|t| t.name == "User acceptance campaign 1")
        .unwrap();
    assert_eq!(app.settings.view, ViewKind::Tasks);
    assert_eq!(app.selection.selected, Some(task.id));
}

#[test]
fn f1_opens_the_guide_of_the_current_view() {
    let mut h = harness();
    h.run();
    open_view(&mut h, "Risks");
    h.key_press(Key::F1);
    h.run();
    assert_eq!(
        h.state().views.guide.page(),
        Some(Page::View(ViewKind::Risks))
    );
    h.get_by_label_contains("Keep the risk register");
    h.get_by_label_contains("Click a matrix cell to filter the register");
    // Another view, F1 again: the guide turns to its page.
    open_view(&mut h, "Gantt chart");
    assert_eq!(h.state().settings.view, ViewKind::Gantt);
    h.key_press(Key::F1);
    h.run();
    assert_eq!(
        h.state().views.guide.page(),
        Some(Page::View(ViewKind::Gantt))
    );
    h.get_by_label_contains("Double-click opens Task information");
}

#[test]
fn the_shortcuts_page_lists_the_command_table() {
    let mut h = harness();
    h.run();
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label_contains("Keyboard shortcuts").click();
    h.run();
    assert_eq!(h.state().views.guide.page(), Some(Page::Shortcuts));
    h.get_by_label("Save as…");
    h.get_by_label("Ctrl+Shift+S");
    h.get_by_label("Ctrl+K or Ctrl+Shift+P");
    h.get_by_label("F1");
}

#[test]
fn the_guide_is_in_french_too() {
    let mut h = harness();
    h.state_mut().settings.lang = pilote::i18n::Lang::Fr;
    h.run();
    open_view(&mut h, "Risques");
    h.key_press(Key::F1);
    h.run();
    h.get_by_label_contains("Tenir le registre des risques");
}

#[test]
fn shortcuts_wait_while_the_palette_has_the_keyboard() {
    let mut h = harness();
    h.run();
    type_into(&mut h, "Task name 2", "Kick-off with the sponsor");
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    assert!(h.state().views.palette.is_open());
    // Ctrl+Z in the palette's field must not undo the plan behind it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().doc.project.tasks[1].name,
        "Kick-off with the sponsor"
    );
}
