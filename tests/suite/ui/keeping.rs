//! Never losing a plan, in the window: a recovery copy offered back after a crash, a file
//! changed on disk behind the app's back, a file open elsewhere, merge conflicts settled.

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use pilote::app::PiloteApp;
use pilote::app::settings::Settings;

use super::type_into;

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pilote-keep-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The sample written as a user's file in `dir`.
fn plan_file(dir: &Path) -> PathBuf {
    let file = dir.join("plan.pilote.ron");
    std::fs::write(&file, pilote::SAMPLE_RON).unwrap();
    file
}

/// The desktop app with recovery copies in `recovery`, opened on `file`.
fn window(recovery: &Path, file: Option<&Path>) -> Harness<'static, PiloteApp> {
    let mut app = PiloteApp::new(Settings::default(), None);
    app.use_in_app_file_dialog();
    app.keep_files(recovery.to_path_buf());
    if let Some(file) = file {
        app.open_now(&file.display().to_string());
    }
    let mut h = Harness::builder()
        .with_size([1400.0, 860.0])
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut PiloteApp| app.frame_ui(ui), app);
    h.run();
    h
}

fn recovery_files(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |d| d.flatten().count())
}

#[test]
fn a_plan_edited_then_crashed_is_offered_back_on_the_next_start_and_restores_exactly() {
    let dir = temp("crash");
    let recovery = dir.join("recovery");
    let file = plan_file(&dir);
    let mut h = window(&recovery, Some(&file));
    type_into(&mut h, "Task name 2", "Kick-off, recovered");
    // The window loses focus: the copy is written then, not a minute later.
    h.event(egui::Event::WindowFocused(false));
    h.run();
    assert_eq!(recovery_files(&recovery), 2, "a copy and its note");
    let edited = h.state().doc.project.clone();
    // The crash: the app goes away without quitting.
    drop(h);
    let mut h = window(&recovery, None);
    h.get_by_label("Recover unsaved work?");
    h.get_by_label_contains("plan.pilote.ron");
    h.get_by_label("Restore").click();
    h.run();
    let app = h.state();
    assert_eq!(app.doc.project, edited, "restored exactly");
    assert!(app.doc.is_dirty(), "not saved yet: the title says so");
    assert_eq!(app.doc.path.as_deref(), Some(file.to_str().unwrap()));
    // Saved, nothing is left to recover.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.run();
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("Kick-off, recovered")
    );
    assert_eq!(recovery_files(&recovery), 0);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_on_save_and_their_changes_can_be_merged() {
    let dir = temp("changed");
    let file = plan_file(&dir);
    let mut h = window(&dir.join("recovery"), Some(&file));
    type_into(&mut h, "Task name 2", "Ours: kick-off");
    // A colleague saves the same file from the shared folder meanwhile.
    let mut theirs = h.state().doc.project.clone();
    theirs.tasks[1].name = pilote::io::document::parse(pilote::SAMPLE_RON, "s")
        .unwrap()
        .tasks[1]
        .name
        .clone();
    theirs.tasks[4].name = "Theirs: workshop".to_owned();
    let theirs_text = pilote::io::document::to_text(&theirs).unwrap();
    std::fs::write(&file, &theirs_text).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("The file changed on disk");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        theirs_text,
        "not overwritten"
    );
    h.get_by_label("Show their changes").click();
    h.run();
    h.get_by_label_contains("Theirs: workshop");
    h.get_by_label("Merge their changes").click();
    h.run();
    let p = &h.state().doc.project;
    assert_eq!(p.tasks[1].name, "Ours: kick-off");
    assert_eq!(p.tasks[4].name, "Theirs: workshop");
    // Theirs is taken in: the next save writes without asking again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.run();
    assert!(h.query_by_label("The file changed on disk").is_none());
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("Ours: kick-off") && saved.contains("Theirs: workshop"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_open_elsewhere_says_by_whom_and_opens_read_only() {
    let dir = temp("locked");
    let file = plan_file(&dir);
    let now = chrono::Local::now().naive_local();
    let lock = dir.join(".~lock.plan.pilote.ron#");
    let note = format!(
        "pilote-lock 1\nuser=alice\nhost=pmo-laptop\npid=4242\nsince={0}\nseen={0}\n",
        now.format("%Y-%m-%dT%H:%M:%S")
    );
    std::fs::write(&lock, &note).unwrap();
    let mut h = window(&dir.join("recovery"), Some(&file));
    h.get_by_label("This file is open elsewhere");
    h.get_by_label_contains("alice on pmo-laptop");
    h.get_by_label("Open read-only").click();
    h.run();
    assert_eq!(h.state().doc.name, "plan.pilote.ron");
    type_into(&mut h, "Task name 2", "Mine");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    // Read-only: Save asks for another file, and alice's lock stays.
    h.get_by_label("Save the plan as");
    assert_eq!(std::fs::read_to_string(&lock).unwrap(), note);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), pilote::SAMPLE_RON);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn merge_conflicts_saved_with_a_file_are_settled_field_by_field_in_the_window() {
    let dir = temp("conflicts");
    let base = pilote::io::document::parse(pilote::SAMPLE_RON, "s").unwrap();
    let mut ours = base.clone();
    ours.tasks[1].name = "Ours".to_owned();
    ours.meta.client = "Our client".to_owned();
    let mut theirs = base.clone();
    theirs.tasks[1].name = "Theirs".to_owned();
    theirs.meta.client = "Their client".to_owned();
    let merged = pilote::doc::merge::merge(&base, &ours, &theirs).unwrap();
    assert_eq!(merged.conflicts.len(), 2);
    let file = dir.join("merged.pilote.ron");
    std::fs::write(
        &file,
        pilote::io::document::to_text(&merged.project).unwrap(),
    )
    .unwrap();
    let mut h = window(&dir.join("recovery"), Some(&file));
    // Opened with its conflicts listed.
    h.get_by_label("Merge conflicts");
    h.get_by_label_contains("ours: \"Ours\"");
    // Listed in the document's order: the project's client, then the task.
    h.get_all_by_label("Take theirs").next().unwrap().click();
    h.run();
    assert_eq!(h.state().doc.project.meta.client, "Their client");
    h.get_by_label("Keep ours").click();
    h.run();
    let p = &h.state().doc.project;
    assert_eq!(p.tasks[1].name, "Ours");
    assert!(p.merge_conflicts.is_empty());
    assert!(
        h.query_by_label("Keep ours").is_none(),
        "the dialog closes when all are settled"
    );
    // One undo step per pick.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.project.merge_conflicts.len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}
