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

fn harness() -> Harness<'static, PiloteApp> {
    let app = PiloteApp::new(Settings::default(), None);
    Harness::builder()
        .with_size([1400.0, 860.0])
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut PiloteApp| app.frame_ui(ui), app)
}

fn last_task_name(h: &Harness<'_, PiloteApp>) -> String {
    h.state().doc.project.tasks.last().unwrap().name.clone()
}

#[test]
fn opens_on_the_sample_task_plan() {
    let mut h = harness();
    h.run();
    h.get_by_label("Task plan");
    h.get_by_label("Task name");
    let kickoff = h.get_by_label("Task name 2");
    assert_eq!(kickoff.value().as_deref(), Some("Kick-off meeting"));
    h.get_by_label("erp-rollout.pilote.ron");
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn add_rename_undo_redo_a_task() {
    let mut h = harness();
    h.run();
    let rows = h.state().doc.project.tasks.len();

    h.get_by_label("Add task").click();
    h.run();
    assert_eq!(h.state().doc.project.tasks.len(), rows + 1);
    assert_eq!(last_task_name(&h), "New task");
    let new_row = format!("Task name {}", rows + 1);
    assert!(
        h.get_by_label(&new_row).is_focused(),
        "the new name is ready to type"
    );

    // The whole name is selected: typing replaces it.
    h.get_by_label(&new_row)
        .type_text("Configure single sign-on");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(last_task_name(&h), "Configure single sign-on");
    assert!(h.state().doc.is_dirty());
    h.get_by_label("modified");

    // Typing was one undo step: the first undo brings back the default name.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(last_task_name(&h), "New task");
    // The second undo, from the Edit menu, removes the task.
    h.get_by_label("Edit").click();
    h.run();
    // The menu entry's accessible label carries its shortcut, e.g. "Undo Ctrl+Z".
    let shortcut = Command::Undo.spec().shortcut.unwrap();
    let label = format!("Undo {}", h.ctx.format_shortcut(&shortcut));
    h.get_by_label(&label).click();
    h.run();
    assert_eq!(h.state().doc.project.tasks.len(), rows);
    assert!(!h.state().doc.is_dirty(), "back to the file as opened");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(h.state().doc.project.tasks.len(), rows + 1);
    assert_eq!(last_task_name(&h), "Configure single sign-on");
}

#[test]
fn bad_predecessor_text_is_refused_with_a_message() {
    let mut h = harness();
    h.run();
    let before = h.state().doc.project.links.clone();
    let cell = h.get_by_label("Predecessors 4");
    assert_eq!(cell.value().as_deref(), Some("3SS+5d"));
    cell.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Predecessors 4").type_text("3SS+5d, 999");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().doc.project.links, before, "nothing half-applied");
    assert!(h.state().status.error);
    assert!(
        h.state().status.text.contains("999"),
        "{}",
        h.state().status.text
    );

    // A correct entry goes through as one undoable edit.
    h.get_by_label("Predecessors 4").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Predecessors 4").type_text("2FS+1d");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_ne!(h.state().doc.project.links, before);
    assert_eq!(
        h.get_by_label("Predecessors 4").value().as_deref(),
        Some("2FS+1d")
    );
}

#[test]
fn switching_to_french_translates_the_interface() {
    let mut h = harness();
    h.run();
    h.get_by_label("Language").click();
    h.run();
    h.get_by_label("Français").click();
    h.run();
    for label in [
        "Plan de tâches",
        "Ajouter une tâche",
        "Nom de la tâche",
        "Durée",
        "Début",
        "Prédécesseurs",
        "Fichier",
        "Édition",
    ] {
        h.get_by_label(label);
    }
    // Dates follow the language.
    let start = h.get_by_label("Début 2");
    assert!(
        start.value().unwrap().starts_with("lun. 5 janv. 2026"),
        "{:?}",
        start.value()
    );
    assert!(h.query_by_label("Add task").is_none());
}

#[test]
fn new_asks_before_discarding_unsaved_changes() {
    let mut h = harness();
    h.run();
    h.get_by_label("Add task").click();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().doc.is_dirty());
    let rows = h.state().doc.project.tasks.len();

    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Unsaved changes");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(
        h.state().doc.project.tasks.len(),
        rows,
        "cancel keeps the document"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Don't save").click();
    h.run();
    assert!(
        h.state().doc.project.tasks.is_empty(),
        "a new, empty project"
    );
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn a_document_autosaved_by_the_browser_is_offered_back() {
    let mut h = harness();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/minimal.pilote.ron"
    ))
    .unwrap();
    h.state_mut()
        .offer_autosaved(Some("minimal.pilote.ron".to_owned()), Some(text));
    h.run();
    h.get_by_label("Restore your last project?");
    assert_eq!(
        h.state().doc.name,
        "erp-rollout.pilote.ron",
        "nothing replaced yet"
    );
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(h.state().doc.name, "minimal.pilote.ron");
    assert_eq!(h.state().doc.project.meta.name, "Intranet redesign");
}

#[test]
fn an_ms_project_file_is_imported_and_saving_asks_for_a_new_file() {
    let xml = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/mspdi/task-links-project2016-mspdi.xml"
    );
    let app = PiloteApp::new(Settings::default(), Some(xml.to_owned()));
    let mut h = Harness::builder()
        .with_size([1400.0, 860.0])
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut PiloteApp| app.frame_ui(ui), app);
    h.run();
    assert_eq!(h.state().doc.project.tasks.len(), 16);
    assert_eq!(
        h.state().doc.name,
        "task-links-project2016-mspdi.pilote.ron"
    );
    assert!(
        h.state().doc.path.is_none(),
        "the XML file is never overwritten"
    );
    assert!(
        h.state().status.text.starts_with("Imported"),
        "{}",
        h.state().status.text
    );
    assert_eq!(
        h.get_by_label("Predecessors 4").value().as_deref(),
        Some("3FS+1d")
    );
}

#[test]
fn editing_a_duration_reschedules_the_plan_at_once() {
    let mut h = harness();
    h.run();
    // "Final data migration" (row 75, not started) drives "Go-live" (row 76). Selecting it
    // scrolls the table to it (rows out of view are not laid out).
    let id = h.state().task_at(74);
    h.state_mut().selection.select(id, false);
    h.run();
    assert_eq!(
        h.get_by_label("Task name 75").value().as_deref(),
        Some("Final data migration")
    );
    assert_eq!(
        h.get_by_label("Finish 75").value().as_deref(),
        Some("Fri 29 Jan 2027")
    );
    assert_eq!(
        h.get_by_label("Start 76").value().as_deref(),
        Some("Fri 29 Jan 2027")
    );
    h.get_by_label("Duration 75").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Duration 75").type_text("10d");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    // Ten working days from Monday 25 January end on Friday 5 February; the go-live follows.
    assert_eq!(
        h.get_by_label("Finish 75").value().as_deref(),
        Some("Fri 5 Feb 2027")
    );
    assert_eq!(
        h.get_by_label("Start 76").value().as_deref(),
        Some("Fri 5 Feb 2027")
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.get_by_label("Start 76").value().as_deref(),
        Some("Fri 29 Jan 2027")
    );
}

/// The schedule tile's accessible label: "Schedule: Amber — SPI 0.980; Finish …".
fn schedule_tile(h: &Harness<'_, PiloteApp>) -> String {
    use egui_kittest::kittest::NodeT as _;
    h.get_by_label_contains("Schedule: ")
        .accesskit_node()
        .label()
        .unwrap_or_default()
}

/// What the core computes for the sample at `status`: the schedule tile's status and SPI.
fn expected_schedule_tile(project: &pilote::model::Project, status: chrono::NaiveDate) -> String {
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

#[test]
fn moving_the_status_date_updates_the_dashboard_tiles() {
    let mut h = harness();
    h.run();
    h.get_by_label("Dashboard").click();
    h.run();
    let sample = h.state().doc.project.clone();
    let status = sample.meta.status_date.unwrap();
    let before = schedule_tile(&h);
    assert!(
        before.starts_with(&expected_schedule_tile(&sample, status)),
        "{before}"
    );

    // Type an earlier status date: eight weeks back, in the middle of the build.
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Status date");
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Status date")
        .type_text("25/09/2026");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.run();
    let earlier = chrono::NaiveDate::from_ymd_opt(2026, 9, 25).unwrap();
    assert_eq!(h.state().doc.project.meta.status_date, Some(earlier));
    let after = schedule_tile(&h);
    assert_ne!(after, before, "the tile follows the status date");
    assert!(
        after.starts_with(&expected_schedule_tile(&h.state().doc.project, earlier)),
        "{after}"
    );

    // A week forward with the button, then undo twice: back to the sample's status date.
    h.get_by_label("+1 week").click();
    h.run();
    assert_eq!(
        h.state().doc.project.meta.status_date,
        earlier.checked_add_days(chrono::Days::new(7))
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.project.meta.status_date, Some(status));
    assert_eq!(schedule_tile(&h), before);
}

/// Shows a view from the navigation panel (whose labels may also be column titles).
fn open_view(h: &mut Harness<'_, PiloteApp>, label: &str) {
    h.get_all_by_label(label)
        .find(|n| n.rect().min.x < 150.0)
        .unwrap()
        .click();
    h.run();
    h.run();
}

/// "Tracking" is both a menu and a table of the task plan: the menu is the one in the menu bar.
fn open_tracking_menu(h: &mut Harness<'_, PiloteApp>) {
    h.get_all_by_label("Tracking")
        .find(|n| n.rect().min.y < 30.0)
        .unwrap()
        .click();
    h.run();
}

#[test]
fn saving_a_baseline_from_the_tracking_menu_is_undoable() {
    let mut h = harness();
    h.run();
    let original = h.state().doc.project.baselines.clone();
    open_tracking_menu(&mut h);
    h.get_by_label("Save baseline…").click();
    h.run();
    // Baseline 0 exists: the dialog warns before replacing it.
    h.get_by_label_contains("saving replaces it");
    h.get_by_label("OK").click();
    h.run();
    let saved = &h.state().doc.project.baselines;
    assert_eq!(saved.len(), original.len());
    assert_eq!(saved[0].saved_on, h.state().today());
    assert_eq!(saved[0].tasks.len(), h.state().doc.project.tasks.len());
    assert_ne!(saved[0], original[0]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.project.baselines, original);
}

#[test]
fn a_fixed_today_is_the_date_of_everything_the_app_dates() {
    // Tests and screenshots pin the date; no default may read the clock behind it.
    let day = chrono::NaiveDate::from_ymd_opt(2027, 3, 15).unwrap();
    let mut app = PiloteApp::new(Settings::default(), None);
    app.fixed_today = Some(day);
    let mut h = Harness::builder()
        .with_size([1400.0, 860.0])
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut PiloteApp| app.frame_ui(ui), app);
    h.run();
    open_tracking_menu(&mut h);
    h.get_by_label("Save baseline…").click();
    h.run();
    h.get_by_label("OK").click();
    h.run();
    assert_eq!(h.state().doc.project.baselines[0].saved_on, day);

    // A new project starts on that day, and Update project offers it when there is no
    // status date yet.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("New").click();
    h.run();
    h.get_by_label("Don't save").click();
    h.run();
    assert_eq!(h.state().doc.project.meta.start, day);
    assert_eq!(h.state().doc.project.meta.status_date, None);
    open_tracking_menu(&mut h);
    h.get_by_label("Update project…").click();
    h.run();
    let field = h.get_by_role_and_label(
        egui::accesskit::Role::TextInput,
        "Update work as complete through",
    );
    assert_eq!(field.value().as_deref(), Some("15/03/2027"));
}

#[test]
fn updating_the_project_records_progress_and_undo_restores_it() {
    let mut h = harness();
    h.run();
    let original = h.state().doc.project.clone();
    open_tracking_menu(&mut h);
    h.get_by_label("Update project…").click();
    h.run();
    let field = h.get_by_role_and_label(
        egui::accesskit::Role::TextInput,
        "Update work as complete through",
    );
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(
        egui::accesskit::Role::TextInput,
        "Update work as complete through",
    )
    .type_text("18/12/2026");
    h.run();
    h.get_by_label("OK").click();
    h.run();
    let updated = &h.state().doc.project;
    assert_eq!(
        updated.meta.status_date,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 18)
    );
    let raised = updated
        .tasks
        .iter()
        .zip(&original.tasks)
        .filter(|(a, b)| a.percent_complete > b.percent_complete)
        .count();
    assert!(raised > 0, "tasks due by then moved forward");
    assert!(
        updated
            .tasks
            .iter()
            .zip(&original.tasks)
            .all(|(a, b)| a.percent_complete >= b.percent_complete),
        "recorded progress is never lowered"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.project, original);
}

#[test]
fn the_cost_and_earned_value_tables_show_the_core_figures() {
    let mut h = harness();
    h.run();
    let project = h.state().doc.project.clone();
    let schedule = pilote::schedule::cpm::schedule(&project).unwrap();
    let report =
        pilote::schedule::kpi::report(&project, &schedule, project.meta.status_date.unwrap())
            .unwrap();
    let lang = pilote::i18n::Lang::En;
    let money = |v: f64| pilote::i18n::format_money(lang, v, "EUR");

    h.get_by_label("Cost").click();
    h.run();
    // The project's row first: baseline cost, cost at completion, actual.
    h.get_by_label(&money(report.sheet.project.baseline));
    h.get_by_label(&money(report.sheet.project.total));
    h.get_by_label(&money(report.sheet.project.actual));

    h.get_by_label("Earned value").click();
    h.run();
    let spi = pilote::i18n::format_index(lang, report.ev.project.spi.unwrap());
    assert!(!h.get_all_by_label(&spi).collect::<Vec<_>>().is_empty());
    h.get_by_label(&money(report.ev.project.eac));
}

#[test]
fn progress_typed_in_the_tracking_table_is_recorded_and_undone() {
    let mut h = harness();
    h.run();
    let original = h.state().doc.project.clone();
    // "Non-regression tests" (row 64) has not started.
    let row = original
        .tasks
        .iter()
        .position(|t| t.name == "Non-regression tests")
        .unwrap();
    assert_eq!(original.tasks[row].percent_complete, 0);
    let id = original.tasks[row].id;
    h.state_mut().selection.select(Some(id), false);
    // "Tracking" is both a menu and a table: the table switch is the one below the menu bar.
    h.get_all_by_label("Tracking")
        .find(|n| n.rect().min.y > 40.0)
        .unwrap()
        .click();
    h.run();
    // Scroll the tracking table to the task.
    h.state_mut().selection.select(Some(id), false);
    h.run();
    let label = format!("% complete {}", row + 1);
    h.get_by_label(&label).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(&label).type_text("40");
    h.key_press(Key::Enter);
    h.run();
    h.run();
    let task = &h.state().doc.project.tasks[row];
    assert_eq!(task.percent_complete, 40);
    assert!(task.actual_start.is_some(), "the task has started");
    let work: i64 = h
        .state()
        .doc
        .project
        .assignments
        .iter()
        .filter(|a| a.task == id)
        .map(|a| a.actual_work_minutes)
        .sum();
    let planned: i64 = original
        .assignments
        .iter()
        .filter(|a| a.task == id)
        .map(|a| a.work_minutes)
        .sum();
    assert_eq!(work, (planned as f64 * 0.4).round() as i64);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.project, original);
}

#[test]
fn clicking_an_over_allocated_heatmap_cell_lists_its_assignments() {
    let mut h = harness();
    h.run();
    open_view(&mut h, "Workload");
    // Émilie Leroy runs user acceptance campaign 1 and the non-regression tests at once in the
    // week of 23 November 2026.
    let cell = h.get_by_label("Émilie Leroy week of Mon 23 Nov 2026 160 %");
    cell.click();
    h.run();
    assert!(
        h.state().views.workload.selected_cell.is_some(),
        "the cell is selected"
    );
    // The details list each task with its WBS code.
    h.get_by_label("4.6 User acceptance campaign 1");
    h.get_by_label("4.8 Non-regression tests");
    assert!(
        h.query_by_label_contains("Train the trainers").is_none(),
        "only her own assignments of that week"
    );
}

#[test]
fn leveling_from_the_workload_view_removes_the_over_allocation_and_undoes() {
    let mut h = harness();
    h.run();
    open_view(&mut h, "Workload");
    h.get_by_label("Émilie Leroy week of Mon 23 Nov 2026 160 %");
    h.get_by_label("Level resources…").click();
    h.run();
    h.get_by_label("Level").click();
    h.run();
    h.run();
    let leveled = h
        .state()
        .doc
        .project
        .tasks
        .iter()
        .filter(|t| t.leveling_delay.amount > 0.0)
        .count();
    assert!(leveled >= 2, "{leveled} tasks delayed");
    assert!(
        h.query_by_label("Émilie Leroy week of Mon 23 Nov 2026 160 %")
            .is_none(),
        "the week is no longer over-allocated"
    );
    h.get_by_label("Émilie Leroy week of Mon 23 Nov 2026 100 %");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.run();
    h.get_by_label("Émilie Leroy week of Mon 23 Nov 2026 160 %");
}

#[test]
fn a_resource_is_added_edited_and_deleted_with_a_warning_and_undo() {
    let mut h = harness();
    h.run();
    open_view(&mut h, "Resources");
    let before = h.state().doc.project.resources.len();
    h.get_by_label("Add person").click();
    h.run();
    assert_eq!(h.state().doc.project.resources.len(), before + 1);
    let name = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Name");
    name.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Name")
        .type_text("Paul Girard");
    h.run();
    assert_eq!(
        h.state().doc.project.resources.last().unwrap().name,
        "Paul Girard"
    );

    // A resource with assignments: deleting asks first and says what goes.
    let emilie = h
        .state()
        .doc
        .project
        .resources
        .iter()
        .find(|r| r.name == "Émilie Leroy")
        .unwrap()
        .id;
    let assignments = h.state().doc.project.assignments.len();
    h.state_mut().views.resources.selected = Some(emilie);
    h.run();
    h.get_by_label("Delete resource").click();
    h.run();
    h.get_by_label("Delete Émilie Leroy?");
    h.get_by_label_contains("assignment(s) will be removed, on: Test strategy and plan");
    // The dialog's own button.
    h.get_all_by_label("Delete resource")
        .last()
        .unwrap()
        .click();
    h.run();
    let p = &h.state().doc.project;
    assert!(p.resources.iter().all(|r| r.id != emilie));
    assert!(p.assignments.iter().all(|a| a.resource != emilie));
    assert!(p.assignments.len() < assignments);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let p = &h.state().doc.project;
    assert!(p.resources.iter().any(|r| r.id == emilie));
    assert_eq!(p.assignments.len(), assignments);
}

/// Types `text` into the text field labelled `label`, replacing what it holds.
fn type_into(h: &mut Harness<'_, PiloteApp>, label: &str, text: &str) {
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
fn find_option<'a>(h: &'a Harness<'_, PiloteApp>, option: &'a str) -> egui_kittest::Node<'a> {
    use egui_kittest::kittest::NodeT as _;
    h.get_all_by_label(option)
        .rfind(|n| n.accesskit_node().role() != egui::accesskit::Role::Label)
        .unwrap()
}

/// Opens the picker labelled `picker` and chooses `option` (scrolled into view first).
fn pick(h: &mut Harness<'_, PiloteApp>, picker: &str, option: &str) {
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, picker)
        .click();
    h.run();
    find_option(h, option).scroll_to_me();
    h.run();
    find_option(h, option).click();
    h.run();
}

fn undo(h: &mut Harness<'_, PiloteApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

#[test]
fn a_requirement_is_created_linked_edited_and_undone() {
    let mut h = harness();
    h.run();
    open_view(&mut h, "Requirements");
    let before = h.state().doc.project.requirements.clone();
    h.get_by_label("Add requirement").click();
    h.run();
    assert_eq!(h.state().doc.project.requirements.len(), before.len() + 1);
    type_into(&mut h, "Title", "Single sign-on for suppliers");
    pick(&mut h, "Add to tasks", "4.6 User acceptance campaign 1");
    let r = h
        .state()
        .doc
        .project
        .requirements
        .iter()
        .find(|r| r.title == "Single sign-on for suppliers")
        .unwrap();
    let uat = h
        .state()
        .doc
        .project
        .tasks
        .iter()
        .find(|t| t.name == "User acceptance campaign 1")
        .unwrap()
        .id;
    assert_eq!(r.tasks, vec![uat]);
    undo(&mut h);
    let r = h
        .state()
        .doc
        .project
        .requirements
        .iter()
        .find(|r| r.title == "Single sign-on for suppliers")
        .unwrap();
    assert!(r.tasks.is_empty(), "the link is undone first");
    undo(&mut h);
    undo(&mut h);
    assert_eq!(h.state().doc.project.requirements, before);
}

#[test]
fn the_traceability_matrix_shows_a_failed_run_at_once() {
    let mut h = harness();
    h.run();
    // TC-002 (bank reconciliation) passed: its requirement REQ-F-002 is passed.
    open_view(&mut h, "Requirements");
    h.get_by_label("Traceability matrix").click();
    h.run();
    h.get_by_label("REQ-F-002: passed");
    // Record a failed run of TC-002 in the Tests view.
    open_view(&mut h, "Tests");
    h.get_by_label("Runs").click();
    h.run();
    h.get_by_label("Record a run").click();
    h.run();
    pick(
        &mut h,
        "Test case",
        "TC-002 Import a bank statement and reconcile",
    );
    pick(&mut h, "Result", "failed");
    let run = h.state().doc.project.test_runs.last().unwrap().clone();
    assert_eq!(run.result, pilote::model::TestResult::Failed);
    open_view(&mut h, "Requirements");
    h.get_by_label("REQ-F-002: failed");
    h.get_by_label_contains("REQ-F-002 × TC-002: failed");
}

#[test]
fn deleting_a_test_case_that_runs_use_asks_first() {
    let mut h = harness();
    h.run();
    open_view(&mut h, "Tests");
    let case = h.state().doc.project.test_cases[0].clone();
    let runs = h
        .state()
        .doc
        .project
        .test_runs
        .iter()
        .filter(|r| r.case == case.id)
        .count();
    assert!(runs > 0);
    h.state_mut().views.testing.cases.selected = Some(case.id.0);
    h.run();
    h.get_all_by_label("Delete").next().unwrap().click();
    h.run();
    h.get_by_label(&format!("Delete {}?", case.code));
    h.get_by_label_contains(&format!("{runs} run(s) of this case will be deleted"));
    assert!(
        h.state().doc.project.test_cases.contains(&case),
        "nothing deleted before the answer"
    );
    // The dialog's own button is the last "Delete".
    h.get_all_by_label("Delete").last().unwrap().click();
    h.run();
    assert!(!h.state().doc.project.test_cases.contains(&case));
    assert!(
        h.state()
            .doc
            .project
            .test_runs
            .iter()
            .all(|r| r.case != case.id)
    );
    undo(&mut h);
    assert!(h.state().doc.project.test_cases.contains(&case));
    assert_eq!(
        h.state()
            .doc
            .project
            .test_runs
            .iter()
            .filter(|r| r.case == case.id)
            .count(),
        runs
    );
}

#[test]
fn a_deliverable_is_created_due_with_a_milestone_moved_on_and_undone() {
    let mut h = harness();
    h.run();
    open_view(&mut h, "Deliverables");
    let before = h.state().doc.project.deliverables.clone();
    h.get_by_label("Add deliverable").click();
    h.run();
    type_into(&mut h, "Name", "Cutover runbook");
    pick(&mut h, "Due with", "5.2.4 Go-live");
    h.get_by_label_contains("Due on Fri 29 Jan 2027");
    h.get_by_label("Move to In progress").click();
    h.run();
    let d = h
        .state()
        .doc
        .project
        .deliverables
        .iter()
        .find(|d| d.name == "Cutover runbook")
        .unwrap();
    assert_eq!(d.status, pilote::model::DeliverableStatus::InProgress);
    assert!(d.due_with.is_some());
    for _ in 0..4 {
        undo(&mut h);
    }
    assert_eq!(h.state().doc.project.deliverables, before);
}

#[test]
fn an_anomaly_is_created_made_blocking_moved_through_its_workflow_and_undone() {
    let mut h = harness();
    h.run();
    open_view(&mut h, "Anomalies");
    let before = h.state().doc.project.anomalies.clone();
    h.get_by_label("Add anomaly").click();
    h.run();
    type_into(&mut h, "Title", "Invoice PDF missing the VAT number");
    pick(&mut h, "Severity", "Blocking");
    pick(&mut h, "Correction task", "4.7 Anomaly correction sprint");
    h.get_by_label("Move to Analysed").click();
    h.run();
    let a = h.state().doc.project.anomalies.last().unwrap();
    assert_eq!(a.severity, pilote::model::Severity::Blocking);
    assert_eq!(a.status, pilote::model::AnomalyStatus::Analysed);
    assert!(a.correction_task.is_some());
    for _ in 0..5 {
        undo(&mut h);
    }
    assert_eq!(h.state().doc.project.anomalies, before);
}

#[test]
fn a_risk_is_created_linked_to_a_task_filtered_by_the_matrix_and_undone() {
    let mut h = harness();
    h.run();
    open_view(&mut h, "Risks");
    let before = h.state().doc.project.risks.clone();
    h.get_by_label("Add risk").click();
    h.run();
    type_into(&mut h, "Title", "Key user unavailable during acceptance");
    pick(
        &mut h,
        "Add to action tasks",
        "4.9 User acceptance campaign 2",
    );
    let r = h.state().doc.project.risks.last().unwrap().clone();
    assert_eq!(r.action_tasks.len(), 1);
    // The new risk (probability 3, impact 3) is counted in its matrix cell, which filters.
    let label = format!(
        "Probability 3, impact 3: {} open risk(s)",
        h.state()
            .doc
            .project
            .risks
            .iter()
            .filter(|x| x.probability == 3
                && x.impact == 3
                && x.status != pilote::model::RiskStatus::Closed)
            .count()
    );
    h.get_by_label(&label).click();
    h.run();
    h.get_by_label("Risks of probability 3 and impact 3");
    for _ in 0..3 {
        undo(&mut h);
    }
    assert_eq!(h.state().doc.project.risks, before);
}

#[test]
fn a_steering_committee_gets_an_action_with_an_owner_and_undo() {
    let mut h = harness();
    h.run();
    open_view(&mut h, "Meetings");
    let before = h.state().doc.project.meetings.clone();
    h.get_by_label("Add meeting").click();
    h.run();
    type_into(&mut h, "Title", "COPIL 5");
    h.get_by_label("Add action").click();
    h.run();
    type_into(&mut h, "Action 1", "Confirm the cutover weekend");
    let m = h.state().doc.project.meetings.last().unwrap();
    assert_eq!(m.title, "COPIL 5");
    assert_eq!(m.actions[0].text, "Confirm the cutover weekend");
    for _ in 0..4 {
        undo(&mut h);
    }
    assert_eq!(h.state().doc.project.meetings, before);
}

#[test]
fn a_budget_line_is_added_and_counts_in_the_dashboard_budget() {
    let mut h = harness();
    h.run();
    open_view(&mut h, "Budget");
    let before = h.state().doc.project.budget_lines.clone();
    h.get_by_label("Add budget line").click();
    h.run();
    pick(&mut h, "Phase", "5 Deployment");
    h.get_by_role_and_label(egui::accesskit::Role::SpinButton, "Amount")
        .set_value_accesskit(25_000.0);
    h.run();
    let line = h.state().doc.project.budget_lines.last().unwrap().clone();
    assert_eq!(line.amount, 25_000.0);
    let deployment = h
        .state()
        .doc
        .project
        .tasks
        .iter()
        .find(|t| t.name == "Deployment")
        .unwrap()
        .id;
    assert_eq!(line.phase, Some(deployment));
    // The dashboard's budget by phase counts it.
    let p = h.state().doc.project.clone();
    let sheet = pilote::schedule::cost::cost_sheet(&p, 0);
    let rows = pilote::schedule::kpi::budget_by_phase(&p, &sheet);
    let deployment_budget = rows
        .iter()
        .find(|r| r.label == "Deployment")
        .unwrap()
        .budget;
    let before_budget: f64 = before
        .iter()
        .filter(|b| b.phase == Some(deployment))
        .map(|b| b.amount)
        .sum();
    assert_eq!(deployment_budget, before_budget + 25_000.0);
    for _ in 0..3 {
        undo(&mut h);
    }
    assert_eq!(h.state().doc.project.budget_lines, before);
}

#[test]
fn the_gantt_folds_a_summary_and_zooms_through_time_scales() {
    let mut h = harness();
    h.run();
    open_view(&mut h, "Gantt chart");
    h.get_by_label("Bar 2: Kick-off meeting");
    h.get_by_label("Collapse Framing").click();
    h.run();
    assert!(
        h.query_by_label("Bar 2: Kick-off meeting").is_none(),
        "the phase's tasks are hidden"
    );
    h.get_by_label("Bar 1: Framing");
    h.get_by_label("Expand Framing").click();
    h.run();
    h.get_by_label("Bar 2: Kick-off meeting");

    // Fitted to the project: months by weeks or years by months; zooming in reaches days.
    let before = pilote::ui::gantt::scale_name(&h.state().views.gantt);
    for _ in 0..12 {
        h.get_by_label("Zoom in").click();
        h.run();
    }
    let after = pilote::ui::gantt::scale_name(&h.state().views.gantt);
    assert_ne!(before, after, "the time scale changes with the zoom");
    assert_eq!(after, pilote::ui::gantt::Scale::DayHours);
}

/// The Gantt with phases 1 to 3 folded, so the test phase's rows are on screen.
fn gantt_on_tests_phase() -> Harness<'static, PiloteApp> {
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
fn mouse_drag(h: &mut Harness<'_, PiloteApp>, from: egui::Pos2, to: egui::Pos2) {
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

fn pos_between(a: egui::Pos2, b: egui::Pos2) -> egui::Pos2 {
    egui::pos2(f32::midpoint(a.x, b.x), f32::midpoint(a.y, b.y))
}

fn row_of(h: &Harness<'_, PiloteApp>, name: &str) -> usize {
    h.state()
        .doc
        .project
        .tasks
        .iter()
        .position(|t| t.name == name)
        .unwrap()
}

#[test]
fn dragging_a_gantt_bar_three_days_right_moves_its_start_and_undo_restores_it() {
    let mut h = gantt_on_tests_phase();
    let row = row_of(&h, "Non-regression tests");
    let before = h.state().doc.project.tasks[row].clone();
    let px_per_day = h.state().views.gantt.px_per_day;
    let bar = h
        .get_by_label(&format!("Bar {}: Non-regression tests", row + 1))
        .rect();
    // Tuesday 24 November 2026 + 3 days = Friday 27 November: three working days.
    let from = egui::pos2(bar.min.x + bar.width() * 0.3, bar.center().y);
    mouse_drag(&mut h, from, from + egui::vec2(3.0 * px_per_day, 0.0));
    let at = |text: &str| chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap();
    assert_eq!(
        h.state().doc.project.tasks[row].constraint,
        pilote::model::Constraint::StartNoEarlierThan(at("2026-11-27 08:00"))
    );
    let schedule = h.state().derived.schedule.as_ref().unwrap().clone();
    assert_eq!(schedule.tasks[row].start, at("2026-11-27 08:00"));
    undo(&mut h);
    assert_eq!(h.state().doc.project.tasks[row], before);
}

#[test]
fn dragging_a_gantt_bar_end_changes_the_duration() {
    let mut h = gantt_on_tests_phase();
    let row = row_of(&h, "Non-regression tests");
    let before = h.state().doc.project.tasks[row].duration;
    let px_per_day = h.state().views.gantt.px_per_day;
    let bar = h
        .get_by_label(&format!("Bar {}: Non-regression tests", row + 1))
        .rect();
    // The bar's right end a week further: five more working days.
    let from = egui::pos2(bar.max.x - 4.0, bar.center().y);
    mouse_drag(&mut h, from, from + egui::vec2(7.0 * px_per_day, 0.0));
    let after = h.state().doc.project.tasks[row].duration;
    assert_eq!(after.unit, pilote::model::DurationUnit::Days);
    assert!(
        (after.amount - (before.amount + 5.0)).abs() < 1e-9,
        "{before:?} -> {after:?}"
    );
}

#[test]
fn dragging_from_one_bar_to_another_creates_the_link() {
    let mut h = gantt_on_tests_phase();
    let a = row_of(&h, "Load tests");
    let b = row_of(&h, "Non-regression tests");
    let (ida, idb) = (
        h.state().doc.project.tasks[a].id,
        h.state().doc.project.tasks[b].id,
    );
    assert!(
        !h.state()
            .doc
            .project
            .links
            .iter()
            .any(|l| l.predecessor == ida && l.successor == idb)
    );
    let handle = h
        .get_by_label(&format!("Link from the finish of {}: Load tests", a + 1))
        .rect();
    let target = h
        .get_by_label(&format!("Bar {}: Non-regression tests", b + 1))
        .rect();
    mouse_drag(
        &mut h,
        handle.center(),
        egui::pos2(target.min.x + 2.0, target.center().y),
    );
    let link = h
        .state()
        .doc
        .project
        .links
        .iter()
        .find(|l| l.predecessor == ida && l.successor == idb)
        .copied();
    assert_eq!(
        link.map(|l| l.kind),
        Some(pilote::model::LinkKind::FinishToStart)
    );
    undo(&mut h);
    assert!(
        !h.state()
            .doc
            .project
            .links
            .iter()
            .any(|l| l.predecessor == ida && l.successor == idb)
    );
}

#[test]
fn the_gantt_filters_milestones_and_finds_by_name() {
    let mut h = harness();
    h.run();
    open_view(&mut h, "Gantt chart");
    h.get_by_label("Milestones").click();
    h.run();
    assert!(h.query_by_label("Bar 2: Kick-off meeting").is_none());
    h.get_by_label("Bar 8: Integrator contracted");
    // Its phase stays, to say where it belongs.
    h.get_by_label("Bar 1: Framing");
    h.get_by_label("All tasks").click();
    h.run();
    type_into(&mut h, "Find a task", "kick-off");
    h.get_by_label("Bar 2: Kick-off meeting");
    assert!(h.query_by_label("Bar 3: Stakeholder interviews").is_none());
}

#[test]
fn a_gantt_bar_context_menu_acts_on_its_task() {
    let mut h = harness();
    h.run();
    open_view(&mut h, "Gantt chart");
    let before = h.state().doc.project.tasks.len();
    h.get_by_label("Bar 3: Stakeholder interviews")
        .click_secondary();
    h.run();
    h.run();
    h.get_by_label("Remove its predecessors").click();
    h.run();
    let id = h.state().doc.project.tasks[2].id;
    assert!(
        h.state()
            .doc
            .project
            .links
            .iter()
            .all(|l| l.successor != id)
    );
    undo(&mut h);
    assert!(
        h.state()
            .doc
            .project
            .links
            .iter()
            .any(|l| l.successor == id)
    );
    h.get_by_label("Bar 3: Stakeholder interviews")
        .click_secondary();
    h.run();
    h.run();
    h.get_by_label("Add milestone").click();
    h.run();
    assert_eq!(h.state().doc.project.tasks.len(), before + 1);
    assert!(
        h.state().doc.project.tasks[3].milestone,
        "added below the task"
    );
}

#[test]
fn dragging_from_a_bar_left_edge_records_progress() {
    let mut h = gantt_on_tests_phase();
    let row = row_of(&h, "Non-regression tests");
    assert_eq!(h.state().doc.project.tasks[row].percent_complete, 0);
    let bar = h
        .get_by_label(&format!("Bar {}: Non-regression tests", row + 1))
        .rect();
    let from = egui::pos2(bar.min.x + 1.0, bar.center().y);
    mouse_drag(&mut h, from, egui::pos2(bar.center().x, bar.center().y));
    let task = &h.state().doc.project.tasks[row];
    assert!(
        (40..=60).contains(&task.percent_complete),
        "about half done: {}",
        task.percent_complete
    );
    assert!(task.actual_start.is_some(), "the task has started");
    undo(&mut h);
    assert_eq!(h.state().doc.project.tasks[row].percent_complete, 0);
}

fn bar_label(h: &Harness<'_, PiloteApp>, row: usize) -> String {
    let name = &h.state().doc.project.tasks[row].name;
    format!("Bar {}: {name}", row + 1)
}

fn selected_rows(h: &Harness<'_, PiloteApp>) -> Vec<usize> {
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

#[test]
fn ctrl_click_selects_several_bars_and_delete_removes_them_as_one_undo_step() {
    let mut h = harness();
    h.run();
    open_view(&mut h, "Gantt chart");
    let before = h.state().doc.project.clone();
    h.get_by_label(&bar_label(&h, 2)).click();
    h.run();
    h.get_by_label(&bar_label(&h, 4))
        .click_modifiers(Modifiers::COMMAND);
    h.run();
    assert_eq!(selected_rows(&h), vec![2, 4]);
    h.key_press(Key::Delete);
    h.run();
    let names: Vec<&str> = h
        .state()
        .doc
        .project
        .tasks
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(names.len(), before.tasks.len() - 2);
    assert!(!names.contains(&"Stakeholder interviews"));
    assert!(!names.contains(&"Risk analysis"));
    assert!(
        names.contains(&"As-is process mapping"),
        "the row between stays"
    );
    undo(&mut h);
    assert_eq!(h.state().doc.project, before, "one undo brings both back");
}

#[test]
fn shift_click_selects_a_range_and_indent_moves_them_all() {
    let mut h = harness();
    h.run();
    open_view(&mut h, "Gantt chart");
    let before = h.state().doc.project.clone();
    let indent = |h: &mut Harness<'_, PiloteApp>| {
        h.key_press_modifiers(Modifiers::ALT | Modifiers::SHIFT, Key::ArrowRight);
        h.run();
    };
    // Under "Stakeholder interviews", which is linked to two of them: refused, nothing moves.
    h.get_by_label("Row 4: As-is process mapping").click();
    h.run();
    h.get_by_label("Row 6: Business case and budget")
        .click_modifiers(Modifiers::SHIFT);
    h.run();
    assert_eq!(selected_rows(&h), vec![3, 4, 5]);
    indent(&mut h);
    assert_eq!(h.state().doc.project, before);
    assert!(h.state().status.error, "the refusal says why");
    assert!(h.state().derived.schedule.is_ok());

    h.get_by_label("Row 6: Business case and budget").click();
    h.run();
    h.get_by_label("Row 7: Integrator selection (RFP)")
        .click_modifiers(Modifiers::SHIFT);
    h.run();
    assert_eq!(selected_rows(&h), vec![5, 6]);
    indent(&mut h);
    let levels: Vec<u8> = h.state().doc.project.tasks[4..8]
        .iter()
        .map(|t| t.outline_level)
        .collect();
    // Both under "Risk analysis", which becomes their summary; one undo step.
    assert_eq!(levels, vec![2, 3, 3, 2]);
    undo(&mut h);
    assert_eq!(h.state().doc.project, before);
}

#[test]
fn a_rubber_band_over_the_list_selects_rows_and_link_tasks_chains_them() {
    let mut h = harness();
    h.run();
    open_view(&mut h, "Gantt chart");
    let before = h.state().doc.project.links.clone();
    let from = h.get_by_label("Row 4: As-is process mapping").rect();
    let to = h.get_by_label("Row 6: Business case and budget").rect();
    mouse_drag(
        &mut h,
        egui::pos2(from.min.x + 60.0, from.center().y),
        egui::pos2(to.min.x + 80.0, to.center().y),
    );
    assert_eq!(selected_rows(&h), vec![3, 4, 5]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F2);
    h.run();
    let tasks = &h.state().doc.project.tasks;
    let linked = |a: usize, b: usize| {
        h.state().doc.project.links.iter().any(|l| {
            l.predecessor == tasks[a].id
                && l.successor == tasks[b].id
                && l.kind == pilote::model::LinkKind::FinishToStart
        })
    };
    assert!(linked(3, 4), "mapping → risk analysis");
    assert!(linked(4, 5), "risk analysis → business case");
    undo(&mut h);
    assert_eq!(h.state().doc.project.links, before);
}

#[test]
fn arrow_keys_move_the_selection_in_the_gantt() {
    let mut h = harness();
    h.run();
    open_view(&mut h, "Gantt chart");
    h.get_by_label(&bar_label(&h, 2)).click();
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(selected_rows(&h), vec![3]);
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
    h.run();
    assert_eq!(selected_rows(&h), vec![3, 4]);
    h.key_press(Key::ArrowUp);
    h.run();
    assert_eq!(selected_rows(&h), vec![3]);
}

#[test]
fn double_clicking_a_bar_opens_the_task_editor_whose_edits_apply_and_undo() {
    // Short frames, so that two clicks a few frames apart make a double-click.
    let app = PiloteApp::new(Settings::default(), None);
    let mut h = Harness::builder()
        .with_size([1400.0, 860.0])
        .with_max_steps(12)
        .with_step_dt(0.02)
        .build_ui_state(|ui, app: &mut PiloteApp| app.frame_ui(ui), app);
    h.run();
    open_view(&mut h, "Gantt chart");
    let before = h.state().doc.project.tasks[2].clone();
    let label = bar_label(&h, 2);
    // Long enough after the last click (opening the view) not to make a triple-click.
    for _ in 0..20 {
        h.step();
    }
    h.get_by_label(&label).click();
    h.step();
    h.get_by_label(&label).click();
    h.run();
    assert_eq!(
        h.state().views.task_dialog.task,
        Some(before.id),
        "the editor is open on the task"
    );
    h.get_by_label("Task information");
    type_into(&mut h, "Duration", "7d");
    assert_eq!(
        h.state().doc.project.tasks[2].duration,
        pilote::model::Duration::days(7.0)
    );
    // A constraint chosen in the editor pins the task.
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Constraint")
        .click();
    h.run();
    h.get_by_label("Must start on").click();
    h.run();
    assert!(matches!(
        h.state().doc.project.tasks[2].constraint,
        pilote::model::Constraint::MustStartOn(_)
    ));
    // Text that cannot be read changes nothing and says why.
    type_into(&mut h, "Duration", "soon");
    assert_eq!(
        h.state().doc.project.tasks[2].duration,
        pilote::model::Duration::days(7.0)
    );
    assert!(h.state().status.error);
    h.get_by_label("Notes").click();
    h.run();
    let notes = h.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Notes");
    notes.focus();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Notes")
        .type_text("Interview the plant managers first");
    h.run();
    assert_eq!(
        h.state().doc.project.tasks[2].notes,
        "Interview the plant managers first"
    );
    h.get_by_label("Close").click();
    h.run();
    assert!(h.query_by_label("Task information").is_none());
    for _ in 0..3 {
        undo(&mut h);
    }
    assert_eq!(h.state().doc.project.tasks[2], before);
}

#[test]
fn the_gantt_list_columns_are_chosen_and_resized_and_the_splitter_moves() {
    let mut h = harness();
    h.run();
    open_view(&mut h, "Gantt chart");
    assert!(h.query_by_label("Resize column Predecessors").is_none());
    h.get_by_label("Columns").click();
    h.run();
    h.get_by_label("Predecessors").click();
    h.run();
    h.key_press(Key::Escape);
    h.run();
    let handle = h.get_by_label("Resize column Predecessors").rect();
    let width = |h: &Harness<'_, PiloteApp>| {
        h.state()
            .views
            .gantt
            .columns
            .iter()
            .find(|c| c.kind == pilote::ui::gantt::list::ColumnKind::Predecessors)
            .unwrap()
            .width_px
    };
    let before = width(&h);
    mouse_drag(
        &mut h,
        handle.center(),
        handle.center() + egui::vec2(40.0, 0.0),
    );
    assert!(
        (width(&h) - (before + 40.0)).abs() < 2.0,
        "{before} -> {}",
        width(&h)
    );

    let list = h.state().views.gantt.table_width;
    let splitter = h.get_by_label("Resize the task list").rect();
    mouse_drag(
        &mut h,
        splitter.center(),
        splitter.center() - egui::vec2(100.0, 0.0),
    );
    assert!((h.state().views.gantt.table_width - (list - 100.0)).abs() < 2.0);

    // The choice is kept for the next run, through the settings eframe stores (as RON).
    let settings = Settings {
        view_prefs: h.state().views.prefs(),
        view: pilote::ui::ViewKind::Gantt,
        ..Settings::default()
    };
    let stored = ron::to_string(&settings).unwrap();
    let restored: Settings = ron::from_str(&stored).unwrap();
    let app = PiloteApp::new(restored, None);
    let mut next = Harness::builder()
        .with_size([1400.0, 860.0])
        .build_ui_state(|ui, app: &mut PiloteApp| app.frame_ui(ui), app);
    next.run();
    next.get_by_label("Resize column Predecessors");
    assert!((width(&next) - width(&h)).abs() < 0.01);
    let list_width = |h: &Harness<'_, PiloteApp>| h.state().views.gantt.table_width;
    assert!((list_width(&next) - list_width(&h)).abs() < 0.01);
}

#[test]
fn dragging_a_bar_reschedules_its_successors_live_before_the_drop() {
    let mut h = gantt_on_tests_phase();
    let row = row_of(&h, "Non-regression tests");
    let id = h.state().doc.project.tasks[row].id;
    let successor = h
        .state()
        .doc
        .project
        .links
        .iter()
        .find(|l| l.predecessor == id)
        .map(|l| h.state().derived.rows[&l.successor])
        .unwrap();
    let before = h.state().doc.project.clone();
    let successor_start = h.state().derived.schedule.as_ref().unwrap().tasks[successor].start;
    let px_per_day = h.state().views.gantt.px_per_day;
    let rect = h.get_by_label(&bar_label(&h, row)).rect();
    let from = egui::pos2(rect.min.x + rect.width() * 0.4, rect.center().y);
    let to = from + egui::vec2(7.0 * px_per_day, 0.0);
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    h.hover_at(pos_between(from, to));
    h.run();
    h.hover_at(to);
    h.run();
    // Still dragging: the document is untouched, the ghost's plan has moved on.
    assert_eq!(h.state().doc.project, before);
    let (ghost_start, _) = h.state().views.gantt.previewed(successor).unwrap();
    assert!(
        ghost_start > successor_start,
        "the successor's ghost moves: {successor_start} -> {ghost_start}"
    );
    h.drop_at(to);
    h.run();
    let after = h.state().derived.schedule.as_ref().unwrap().tasks[successor].start;
    assert_eq!(after, ghost_start, "the drop lands where the ghost showed");
}

#[test]
fn insert_in_the_gantt_keeps_the_chart_and_names_the_new_task_in_its_editor() {
    let mut h = harness();
    h.run();
    open_view(&mut h, "Gantt chart");
    let before = h.state().doc.project.clone();
    h.get_by_label("Row 5: Risk analysis").click();
    h.run();
    h.key_press(Key::Insert);
    h.run();
    let tasks = &h.state().doc.project.tasks;
    assert_eq!(tasks.len(), before.tasks.len() + 1);
    assert_eq!(tasks[4].name, "New task", "inserted above the selected row");
    assert_eq!(
        h.state().settings.view,
        pilote::ui::ViewKind::Gantt,
        "the chart stays on screen"
    );
    assert_eq!(h.state().views.task_dialog.task, Some(tasks[4].id));
    // The editor's name field has the keyboard: typing names the task, in one undo step.
    let field = egui::accesskit::Role::TextInput;
    assert!(
        h.get_by_role_and_label(field, "Task name").is_focused(),
        "the name is ready to type"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(field, "Task name")
        .type_text("Data protection impact assessment");
    h.run();
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(
        h.state().doc.project.tasks[4].name,
        "Data protection impact assessment"
    );
    h.get_by_label("Row 5: Data protection impact assessment");
    undo(&mut h);
    assert_eq!(h.state().doc.project.tasks[4].name, "New task");
    undo(&mut h);
    assert_eq!(h.state().doc.project, before);
}

#[test]
fn go_to_today_brings_the_work_under_way_at_the_status_date_into_view() {
    let mut h = harness();
    h.run();
    open_view(&mut h, "Gantt chart");
    h.get_by_label("Bar 2: Kick-off meeting");
    let campaign = row_of(&h, "User acceptance campaign 1");
    assert!(h.query_by_label(&bar_label(&h, campaign)).is_none());
    h.get_by_label("Go to today").click();
    h.run();
    // Under way on 20 November 2026, the sample's status date.
    let bar = h.get_by_label(&bar_label(&h, campaign)).rect();
    assert!(h.query_by_label("Bar 2: Kick-off meeting").is_none());
    // The status date's line is in view, a third of the way along the timeline.
    let state = &h.state().views.gantt;
    let status = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let status_days = f64::from(chrono::Datelike::num_days_from_ce(&status));
    assert!(state.origin_days < status_days);
    assert!(bar.width() > 0.0);
}

#[test]
fn a_phase_s_percent_complete_is_rolled_up_from_its_tasks_in_the_task_plan() {
    let mut h = harness();
    h.run();
    let phase = row_of(&h, "Tests and acceptance");
    let rolled = pilote::schedule::progress::rolled_percent(&h.state().doc.project)[phase];
    assert!(
        rolled > 0.0 && rolled < 100.0,
        "the test phase is under way: {rolled}"
    );
    // The phase is below the first screen of the task plan: bring it up by selecting it.
    let id = h.state().doc.project.tasks[phase].id;
    h.state_mut().selection.select(Some(id), false);
    h.run();
    h.get_by_label(&format!("Task name {}", phase + 1));
    let label = format!("% complete {}", phase + 1);
    let cell = h.get_by_label(&label);
    assert_eq!(
        cell.value().as_deref(),
        Some(format!("{rolled:.0} %").as_str())
    );
}
