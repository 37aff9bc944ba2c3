//! File ▸ Export and File ▸ Import CSV as a user drives them: the steering-committee report
//! with the project manager's message, MS Project XML through the menu, and a CSV import
//! whose preview names every refused row and changes nothing until confirmed.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

use super::{harness, pick, type_into};

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("pilote-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn save_in(
    h: &mut egui_kittest::Harness<'_, pilote::app::PiloteApp>,
    dir: &std::path::Path,
    name: &str,
) {
    type_into(h, "Folder", &dir.display().to_string());
    h.get_by_label("Go").click();
    h.run();
    type_into(h, "File name", name);
    h.get_by_label("Save").click();
    h.run();
}

#[test]
fn the_committee_report_carries_the_message_typed_before_exporting() {
    let dir = temp_dir("report");
    let mut h = harness();
    h.state_mut().use_in_app_file_dialog();
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export").hover();
    h.run();
    h.get_by_label_contains("Steering committee report").click();
    h.run();
    assert!(
        matches!(
            h.state().modal,
            Some(pilote::app::contract::Modal::Export(_))
        ),
        "{:?}",
        h.state().modal
    );
    let message = "Message from the project manager";
    let role = egui::accesskit::Role::MultilineTextInput;
    h.get_by_role_and_label(role, message).focus();
    h.run();
    h.get_by_role_and_label(role, message)
        .type_text("Go-live moved to 29 January.");
    h.run();
    h.get_by_label("Export HTML…").click();
    h.run();
    save_in(&mut h, &dir, "copil");
    let html = std::fs::read_to_string(dir.join("copil.html")).expect("the report is written");
    assert!(html.contains("Go-live moved to 29 January."));
    assert!(html.contains("Steering committee status report"));
    assert!(
        h.state()
            .status
            .text(pilote::i18n::Lang::En)
            .contains("Exported copil.html")
    );
    // The message is kept for the next report.
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    let kept = h.get_by_role_and_label(role, message);
    assert_eq!(
        kept.value().as_deref(),
        Some("Go-live moved to 29 January.")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn ms_project_xml_and_a_csv_table_export_from_the_dialog() {
    let dir = temp_dir("exports");
    let mut h = harness();
    h.state_mut().use_in_app_file_dialog();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("MS Project XML").click();
    h.run();
    h.get_by_label("Export…").click();
    h.run();
    save_in(&mut h, &dir, "plan");
    let xml = std::fs::read_to_string(dir.join("plan.xml")).unwrap();
    let back = pilote::io::mspdi::import(&xml, "plan.xml").unwrap().project;
    assert_eq!(back.tasks.len(), h.state().doc.project.tasks.len());
    // What MS Project cannot hold is said.
    let status = h.state().status.text(pilote::i18n::Lang::En);
    assert!(
        status.contains("requirements") && status.contains("risks"),
        "{status}"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run();
    h.get_by_label("CSV table").click();
    h.run();
    pick(&mut h, "Table", "Risks");
    h.get_by_label("Export…").click();
    h.run();
    save_in(&mut h, &dir, "risks");
    let csv = std::fs::read_to_string(dir.join("risks.csv")).unwrap();
    assert!(csv.starts_with('\u{feff}') && csv.contains("RSK-01"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_csv_import_previews_its_refusals_and_changes_nothing_until_confirmed() {
    let dir = temp_dir("import");
    let file = dir.join("backlog.csv");
    std::fs::write(
        &file,
        "Summary,Original Estimate,Assignee\nLogin page,57600,\n,28800,\nPassword reset,soon,\nAudit log,28800,Nobody Known\n",
    )
    .unwrap();
    let mut h = harness();
    h.state_mut().use_in_app_file_dialog();
    h.run();
    let before = h.state().doc.project.clone();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import CSV…").click();
    h.run();
    type_into(&mut h, "Folder", &dir.display().to_string());
    h.get_by_label("Go").click();
    h.run();
    type_into(&mut h, "File name", "backlog.csv");
    h.get_by_label("Open").click();
    h.run();
    // The preview: two rows created (one with a new resource), two refused with their lines.
    h.get_by_label("2 rows will be created");
    h.get_by_label("2 rows refused");
    h.get_by_label("line 3: no name");
    h.get_by_label("line 4: Original Estimate: “soon” is not a number");
    assert_eq!(
        h.state().doc.project,
        before,
        "nothing changes before the import"
    );
    // The columns were found by their Jira headers; ignoring the estimate makes "soon" fine.
    pick(&mut h, "Column “Original Estimate”", "(not imported)");
    h.get_by_label("3 rows will be created");
    h.get_by_label("Import 3 rows").click();
    h.run();
    let tasks = &h.state().doc.project.tasks;
    assert_eq!(tasks.len(), before.tasks.len() + 3);
    assert!(tasks.iter().any(|t| t.name == "Audit log"));
    assert!(
        h.state()
            .doc
            .project
            .resources
            .iter()
            .any(|r| r.name == "Nobody Known")
    );
    // One undo takes it all back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.project.tasks, before.tasks);
    assert_eq!(h.state().doc.project.resources, before.resources);
    let _ = std::fs::remove_dir_all(&dir);
}
