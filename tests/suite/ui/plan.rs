//! The task plan: entering and editing tasks, languages, opening, importing.

use super::*;

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
        h.state()
            .status
            .text(pilote::i18n::Lang::En)
            .contains("999"),
        "{}",
        h.state().status.text(pilote::i18n::Lang::En)
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
        h.state()
            .status
            .text(pilote::i18n::Lang::En)
            .starts_with("Imported"),
        "{}",
        h.state().status.text(pilote::i18n::Lang::En)
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

#[test]
fn a_status_message_follows_a_change_of_language() {
    let mut h = harness();
    h.run();
    // A refusal written while the interface is English…
    let cell = h.get_by_label("Predecessors 4");
    cell.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Predecessors 4").type_text("999");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().status.error);
    h.get_by_label("Language").click();
    h.run();
    h.get_by_label("Français").click();
    h.run();
    // …is read in French once the interface is French, in the status bar itself.
    let shown = h.state().status.text(pilote::i18n::Lang::Fr);
    assert!(shown.contains("999"), "{shown}");
    h.get_by_label(&shown);
    assert_ne!(shown, h.state().status.text(pilote::i18n::Lang::En));
}

/// The first three consecutive rows that are neither phases nor linked to one another (the
/// sample has some).
fn three_free_rows(h: &Harness<'_, PiloteApp>) -> usize {
    let p = &h.state().doc.project;
    let d = &h.state().derived;
    (0..p.tasks.len() - 2)
        .find(|&r| {
            (r..r + 3).all(|k| !d.summary[k])
                && !p.links.iter().any(|l| {
                    let rows = [p.tasks[r].id, p.tasks[r + 1].id, p.tasks[r + 2].id];
                    rows.contains(&l.predecessor) && rows.contains(&l.successor)
                })
        })
        .unwrap()
}

#[test]
fn shift_and_ctrl_click_select_rows_that_ctrl_f2_links() {
    let mut h = harness();
    h.run();
    let first = three_free_rows(&h);
    let name = |row: usize| format!("Task name {}", row + 1);
    h.get_by_label(&name(first)).click();
    h.run();
    // One task alone cannot be linked: the refusal says so…
    h.key_press_modifiers(Modifiers::COMMAND, Key::F2);
    h.run();
    assert!(h.state().status.error);
    h.get_by_label(&name(first + 2))
        .click_modifiers(Modifiers::SHIFT);
    h.run();
    assert_eq!(selected_rows(&h), vec![first, first + 1, first + 2]);
    // Ctrl+click takes the middle one out, and puts it back.
    h.get_by_label(&name(first + 1))
        .click_modifiers(Modifiers::COMMAND);
    h.run();
    assert_eq!(selected_rows(&h), vec![first, first + 2]);
    h.get_by_label(&name(first + 1))
        .click_modifiers(Modifiers::COMMAND);
    h.run();
    assert_eq!(selected_rows(&h), vec![first, first + 1, first + 2]);
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F2);
    h.run();
    let p = &h.state().doc.project;
    let id = |row: usize| p.tasks[row].id;
    for (a, b) in [(first, first + 1), (first + 1, first + 2)] {
        assert!(
            p.links
                .iter()
                .any(|l| l.predecessor == id(a) && l.successor == id(b)),
            "row {} → row {} linked",
            a + 1,
            b + 1
        );
    }
    // …and once the links are made, that refusal no longer stands in the status bar.
    assert!(!h.state().status.error, "{:?}", h.state().status);
}

#[test]
fn shift_and_arrows_extend_the_selection_in_the_plan() {
    let mut h = harness();
    h.run();
    h.get_by_label("Task name 3").click();
    h.run();
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
    h.run();
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
    h.run();
    assert_eq!(selected_rows(&h), vec![2, 3, 4]);
}

#[test]
fn predecessors_are_typed_in_task_information() {
    let mut h = harness();
    h.run();
    h.get_by_label("Task name 4").click();
    h.run();
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::SHIFT, Key::F2);
    h.run();
    h.get_by_label("Task information");
    find_option(&h, "Predecessors").click();
    h.run();
    // The field is there to be seen and clicked, not drawn zero wide.
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Predecessors");
    assert!(field.rect().width() > 100.0, "{:?}", field.rect());
    type_into(&mut h, "Predecessors", "2FS+1d");
    let p = &h.state().doc.project;
    let (two, four) = (p.tasks[1].id, p.tasks[3].id);
    let links: Vec<_> = p.links.iter().filter(|l| l.successor == four).collect();
    assert_eq!(links.len(), 1, "{links:?}");
    assert_eq!(links[0].predecessor, two);
    assert_eq!(
        h.get_by_label("Predecessors 4").value().as_deref(),
        Some("2FS+1d")
    );
}

#[test]
fn typing_a_resource_with_units_in_the_resources_cell_staffs_the_task() {
    let mut h = harness();
    h.run();
    let p = &h.state().doc.project;
    let d = &h.state().derived;
    // A task to staff: not a phase, not a milestone, Claire not on it yet.
    let claire_id = p
        .resources
        .iter()
        .find(|r| r.name == "Claire Martin")
        .unwrap()
        .id;
    let row = (0..p.tasks.len())
        .find(|&r| {
            !d.summary[r]
                && !p.tasks[r].milestone
                && !p
                    .assignments
                    .iter()
                    .any(|a| a.task == p.tasks[r].id && a.resource == claire_id)
        })
        .unwrap();
    let task = p.tasks[row].id;
    let before: Vec<_> = p
        .assignments
        .iter()
        .filter(|a| a.task == task)
        .cloned()
        .collect();
    let claire = p
        .resources
        .iter()
        .find(|r| r.name == "Claire Martin")
        .unwrap()
        .id;
    let label = format!("Resources {}", row + 1);
    let cell = h.get_by_label(&label);
    cell.focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(&label).type_text("Claire Martin[50%]");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let on_task: Vec<_> = h
        .state()
        .doc
        .project
        .assignments
        .iter()
        .filter(|a| a.task == task)
        .cloned()
        .collect();
    assert_eq!(on_task.len(), 1, "{on_task:?}");
    assert_eq!(on_task[0].resource, claire);
    assert!((on_task[0].units - 0.5).abs() < 1e-9);
    assert!(on_task[0].work_minutes > 0, "work follows the units");
    assert_eq!(
        h.get_by_label(&label).value().as_deref(),
        Some("Claire Martin[50%]")
    );
    // A name that is nobody's changes nothing and says which.
    h.get_by_label(&label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(&label).type_text("Claire Maritn");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().status.error);
    assert!(
        h.state()
            .status
            .text(pilote::i18n::Lang::En)
            .contains("Claire Maritn")
    );
    assert_eq!(
        h.state()
            .doc
            .project
            .assignments
            .iter()
            .filter(|a| a.task == task)
            .count(),
        1
    );
    undo(&mut h);
    let after_undo: Vec<_> = h
        .state()
        .doc
        .project
        .assignments
        .iter()
        .filter(|a| a.task == task)
        .cloned()
        .collect();
    assert_eq!(after_undo, before, "one undo takes the staffing back");
}

/// What the last frame put on the system clipboard.
fn copied_text(h: &Harness<'_, PiloteApp>) -> Option<String> {
    h.output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
}

#[test]
fn three_rows_are_copied_as_text_and_pasted_whole_after_another_row() {
    let mut h = harness();
    h.run();
    let first = three_free_rows(&h);
    h.get_by_label(&format!("Task name {}", first + 1)).click();
    h.run();
    h.get_by_label(&format!("Task name {}", first + 3))
        .click_modifiers(Modifiers::SHIFT);
    h.run();
    // Link the three, so that the paste has links among them to keep.
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F2);
    h.run();
    let p = h.state().doc.project.clone();
    let names: Vec<String> = (first..first + 3)
        .map(|r| p.tasks[r].name.clone())
        .collect();
    // Ctrl+C arrives as the platform's copy event.
    h.event(egui::Event::Copy);
    h.step();
    let text = copied_text(&h).expect("the rows went to the clipboard");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "a header and three rows: {text}");
    assert!(lines[0].starts_with("Task name\tDuration\tStart"));
    assert!(lines[1].starts_with(&format!("{}\t", names[0])));
    h.run();
    // Pasted after the last of them (a row with no subtasks: right below it).
    let last = first + 3;
    h.get_by_label(&format!("Task name {last}")).click();
    h.run();
    h.key_press(Key::Escape);
    h.run();
    h.event(egui::Event::Paste(text));
    h.run();
    let after = &h.state().doc.project;
    assert_eq!(after.tasks.len(), p.tasks.len() + 3);
    let pasted: Vec<_> = after.tasks[last..last + 3].iter().collect();
    for (t, name) in pasted.iter().zip(&names) {
        assert_eq!(&t.name, name);
    }
    for pair in pasted.windows(2) {
        assert!(
            after
                .links
                .iter()
                .any(|l| l.predecessor == pair[0].id && l.successor == pair[1].id),
            "the links among the copied rows come with them"
        );
    }
    assert_eq!(selected_rows(&h), vec![last, last + 1, last + 2]);
    undo(&mut h);
    assert_eq!(h.state().doc.project.tasks.len(), p.tasks.len(), "one undo");
}

#[test]
fn cells_pasted_from_a_spreadsheet_become_tasks() {
    let mut h = harness();
    h.run();
    let before = h.state().doc.project.tasks.len();
    let at = three_free_rows(&h) + 1;
    h.get_by_label(&format!("Task name {at}")).click();
    h.run();
    h.key_press(Key::Escape);
    h.run();
    // As Excel copies three rows of two columns, in French, with a header.
    h.event(egui::Event::Paste(
        "Nom de la tâche\tDurée\r\nRecette utilisateur\t10j\r\nBascule\t2j\r\nHypercare\t3 sem\r\n"
            .into(),
    ));
    h.run();
    let p = &h.state().doc.project;
    assert_eq!(p.tasks.len(), before + 3, "{:?}", h.state().status);
    let names: Vec<&str> = p.tasks[at..at + 3]
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(names, ["Recette utilisateur", "Bascule", "Hypercare"]);
    assert_eq!(p.tasks[at].duration, pilote::model::Duration::days(10.0));
    let weeks = pilote::model::Duration {
        amount: 3.0,
        unit: pilote::model::DurationUnit::Weeks,
    };
    assert_eq!(p.tasks[at + 2].duration, weeks);
    assert!(!h.state().status.error, "{:?}", h.state().status);
}

#[test]
fn fill_down_copies_the_top_duration_into_the_rows_below() {
    let mut h = harness();
    h.run();
    let first = three_free_rows(&h);
    let top = h.state().doc.project.tasks[first].duration;
    h.get_by_label(&format!("Duration {}", first + 1)).click();
    h.run();
    h.get_by_label(&format!("Duration {}", first + 3))
        .click_modifiers(Modifiers::SHIFT);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.run();
    let p = &h.state().doc.project;
    for r in first + 1..first + 3 {
        assert_eq!(p.tasks[r].duration, top, "row {}", r + 1);
    }
}

#[test]
fn where_the_system_file_dialog_cannot_open_pilote_s_own_saves_the_plan() {
    let dir = std::env::temp_dir().join(format!("pilote-save-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut h = harness();
    h.state_mut().use_in_app_file_dialog();
    h.run();
    type_into(
        &mut h,
        "Task name 2",
        "Kick-off with the steering committee",
    );
    assert!(h.state().doc.is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    // Not nothing: Pilote's own dialog, and the status bar says why.
    h.get_by_label("Save the plan as");
    assert!(
        h.state()
            .status
            .text(pilote::i18n::Lang::En)
            .contains("cannot open here")
    );
    type_into(&mut h, "Folder", &dir.display().to_string());
    h.get_by_label("Go").click();
    h.run();
    type_into(&mut h, "File name", "copil-plan");
    h.get_by_label("Save").click();
    h.run();
    let saved = dir.join("copil-plan.pilote.ron");
    let text = std::fs::read_to_string(&saved).expect("the plan is written where chosen");
    assert!(text.contains("Kick-off with the steering committee"));
    assert!(!h.state().doc.is_dirty(), "the title loses its *");
    assert_eq!(h.state().doc.name, "copil-plan.pilote.ron");
    assert!(h.query_by_label("Save the plan as").is_none());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_new_plan_says_how_to_start_and_its_gantt_shows_its_own_dates() {
    let mut h = harness();
    h.run();
    open_view(&mut h, "Gantt chart");
    // Zoomed and panned on the sample, far from today.
    h.state_mut().views.gantt.origin_days -= 400.0;
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(h.state().doc.project.tasks.is_empty());
    let start = f64::from(chrono::Datelike::num_days_from_ce(
        &h.state().doc.project.meta.start,
    ));
    let origin = h.state().views.gantt.origin_days;
    assert!(
        (origin - start).abs() < 7.0,
        "the timeline starts at the new plan's start, not the sample's ({origin} vs {start})"
    );
    open_view(&mut h, "Task plan");
    h.get_by_label("An empty plan");
    // The empty plan's own button, below the toolbar's.
    h.get_all_by_label("Add task").last().unwrap().click();
    h.run();
    assert_eq!(h.state().doc.project.tasks.len(), 1);
    // A person added to the team is priced by the day, as IT providers are.
    open_view(&mut h, "Resources");
    h.get_by_label("Add person").click();
    h.run();
    let r = h.state().doc.project.resources.last().unwrap();
    assert_eq!(r.standard_rate.per, pilote::model::RatePer::Day);
}

#[test]
fn opening_the_sample_in_french_says_so_in_french_and_names_it() {
    let mut h = harness();
    h.run();
    h.get_by_label("Language").click();
    h.run();
    h.get_by_label("Français").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Fichier").click();
    h.run();
    h.get_by_label("Ouvrir le projet exemple").click();
    h.run();
    let name = h.state().doc.name.clone();
    let shown = h.state().status.text(pilote::i18n::Lang::Fr);
    assert_eq!(
        shown,
        format!("{name} ouvert"),
        "not the status of the plan before"
    );
    h.get_by_label(&shown);
}

#[test]
fn the_sample_speaks_the_interface_s_language() {
    // A French interface starts on the French sample.
    let settings = Settings {
        lang: pilote::i18n::Lang::Fr,
        ..Settings::default()
    };
    let app = PiloteApp::new(settings, None);
    assert_eq!(app.doc.name, pilote::SAMPLE_FR_NAME);
    assert_eq!(app.doc.project.tasks[1].name, "Réunion de lancement");

    // The sample as shipped follows the language chosen, keeping the selected row.
    let mut h = harness();
    h.run();
    h.get_by_label("Task name 2").click();
    h.run();
    let selected = h.state().selection.selected;
    assert!(selected.is_some());
    h.get_by_label("Language").click();
    h.run();
    h.get_by_label("Français").click();
    h.run();
    assert_eq!(h.state().doc.name, pilote::SAMPLE_FR_NAME);
    assert_eq!(
        h.get_by_label("Nom de la tâche 2").value().as_deref(),
        Some("Réunion de lancement")
    );
    assert_eq!(h.state().selection.selected, selected);
    assert!(!h.state().doc.is_dirty());

    // Once edited it is the user's plan: the language no longer touches it.
    h.state_mut()
        .doc
        .apply(
            pilote::doc::Edit::SetTask {
                id: pilote::model::TaskId(2),
                field: pilote::doc::TaskField::Name("Lancement".into()),
            },
            None,
        )
        .unwrap();
    h.state_mut().set_lang(pilote::i18n::Lang::En);
    h.run();
    assert_eq!(h.state().doc.name, pilote::SAMPLE_FR_NAME);
    assert_eq!(h.state().doc.project.tasks[1].name, "Lancement");
}
