//! Saves are atomic: the previous file is kept as `*.bak`, and a save that fails half-way leaves
//! the file on disk exactly as it was.

#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    clippy::unnecessary_wraps,
    reason = "tests: a panic is the failure report, compared values are exact"
)]

use std::io::Write as _;

use pilote::io::atomic::{backup_path, write_atomic, write_atomic_with};
use pilote::io::document;

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("pilote-save-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn saving_keeps_the_previous_version_as_bak() {
    let dir = temp_dir("bak");
    let path = dir.join("plan.pilote.ron");
    write_atomic(&path, b"first").unwrap();
    assert!(!backup_path(&path).exists(), "no backup of nothing");
    write_atomic(&path, b"second").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"second");
    assert_eq!(std::fs::read(backup_path(&path)).unwrap(), b"first");
    assert_eq!(
        backup_path(&path).file_name().unwrap(),
        "plan.pilote.ron.bak"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 2, "no temporary file left: {leftovers:?}");
}

#[test]
fn a_save_that_fails_while_writing_leaves_the_old_file_intact() {
    let dir = temp_dir("fail");
    let path = dir.join("plan.pilote.ron");
    let sample = pilote::SAMPLE_RON.as_bytes();
    write_atomic(&path, sample).unwrap();
    let result = write_atomic_with(&path, |file| {
        file.write_all(b"(format_version: 1, meta: (name: \"half")?;
        Err(std::io::Error::other("disk full"))
    });
    assert!(result.is_err());
    assert_eq!(std::fs::read(&path).unwrap(), sample);
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["plan.pilote.ron"], "temporary file removed");
    // The file still opens.
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(document::load_strict(&text, "plan").is_ok());
}

#[test]
fn saving_into_a_missing_folder_is_an_error_not_a_panic() {
    let dir = temp_dir("missing");
    let path = dir.join("no/such/folder/plan.pilote.ron");
    assert!(write_atomic(&path, b"x").is_err());
    assert!(!path.exists());
}

#[test]
fn a_saved_document_opens_again_equal() {
    let dir = temp_dir("roundtrip");
    let path = dir.join("erp.pilote.ron");
    let project = document::parse(pilote::SAMPLE_RON, "sample").unwrap();
    write_atomic(&path, document::to_text(&project).unwrap().as_bytes()).unwrap();
    let text = document::read_file(&path).unwrap();
    assert_eq!(document::load_strict(&text, "erp").unwrap(), project);
}
