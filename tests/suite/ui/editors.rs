//! The document editors: requirements, tests, deliverables, anomalies, risks, committees, budget.

use super::*;

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
fn attendees_are_typed_one_per_line() {
    let mut h = harness();
    h.run();
    open_view(&mut h, "Meetings");
    h.get_by_label("Add meeting").click();
    h.run();
    let field = h.get_by_role_and_label(
        egui::accesskit::Role::MultilineTextInput,
        "Attendees (one per line)",
    );
    field.focus();
    h.run();
    h.get_by_role_and_label(
        egui::accesskit::Role::MultilineTextInput,
        "Attendees (one per line)",
    )
    .type_text("Claire Martin");
    h.run();
    // The new line just begun is kept while typing: it is not an attendee yet, and the next
    // name goes on it rather than onto the end of the first.
    h.key_press(Key::Enter);
    h.run();
    h.get_by_role_and_label(
        egui::accesskit::Role::MultilineTextInput,
        "Attendees (one per line)",
    )
    .type_text("Paul Durand");
    h.run();
    let m = h.state().doc.project.meetings.last().unwrap();
    assert_eq!(m.attendees, vec!["Claire Martin", "Paul Durand"]);
}
