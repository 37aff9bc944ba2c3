//! The Gantt chart: folding, zoom, drags, links, filters, selection, the task editor.

use super::*;

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
