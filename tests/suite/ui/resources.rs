//! Resources and workload: the heatmap, leveling, the resource sheet.

use super::*;

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
    let hers = h
        .state()
        .doc
        .project
        .assignments
        .iter()
        .filter(|a| a.resource == emilie)
        .count();
    let word = if hers == 1 {
        "assignment"
    } else {
        "assignments"
    };
    h.get_by_label_contains(&format!(
        "Its {hers} {word} will be removed, on: Test strategy and plan"
    ));
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
