//! Tracking: the status date, baselines, update project, the cost and tracking tables.

use super::*;

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
fn an_earlier_status_date_shows_what_was_earned_and_spent_by_then() {
    use egui_kittest::kittest::NodeT as _;
    let mut h = harness();
    h.run();
    h.get_by_label("Dashboard").click();
    h.run();
    h.run();
    let sample = h.state().doc.project.clone();
    // The strip's figures are labelled "EV €803,260".
    let figure = |h: &Harness<'_, PiloteApp>, name: &str| -> String {
        h.query_all_by_label_contains("€")
            .filter_map(|n| n.accesskit_node().label())
            .find(|l| l.starts_with(&format!("{name} ")))
            .unwrap()
    };
    let recorded_ev = figure(&h, "EV");
    let recorded_ac = figure(&h, "AC");

    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Status date");
    field.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Status date")
        .type_text("30/06/2026");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.run();
    let june = chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    assert_eq!(h.state().doc.project.meta.status_date, Some(june));

    // The same figures as `pilote kpi --status-date 2026-06-30` on the file as recorded.
    let schedule = pilote::schedule::cpm::schedule(&sample).unwrap();
    let expected = pilote::schedule::kpi::report(&sample, &schedule, june).unwrap();
    let f = expected.ev.project;
    let money = |v: f64| pilote::i18n::format_money(pilote::i18n::Lang::En, v, "EUR");
    assert_eq!(figure(&h, "EV"), format!("EV {}", money(f.ev)));
    assert_eq!(figure(&h, "AC"), format!("AC {}", money(f.ac)));
    assert_ne!(figure(&h, "EV"), recorded_ev, "EV follows the date back");
    assert_ne!(figure(&h, "AC"), recorded_ac, "AC follows the date back");
    assert!(
        h.query_by_label_contains("Progress is recorded through")
            .is_some(),
        "the dashboard says the figures are as of the earlier date"
    );
}
