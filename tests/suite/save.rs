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

#[test]
fn temporary_files_of_a_killed_save_are_cleaned_by_the_next_one() {
    let dir = temp_dir("orphans");
    let path = dir.join("plan.pilote.ron");
    write_atomic(&path, b"first").unwrap();
    // What `kill -9` during a save leaves: a temporary file of a process that is gone (pid 1
    // is never ours, and on Linux a pid above the kernel's maximum never runs).
    let dead = dir.join(".plan.pilote.ron.4194399.tmp");
    let dead_backup = dir.join(".plan.pilote.ron.bak.4194399.tmp");
    std::fs::write(&dead, b"half").unwrap();
    std::fs::write(&dead_backup, b"half").unwrap();
    write_atomic(&path, b"second").unwrap();
    if cfg!(target_os = "linux") {
        assert!(!dead.exists() && !dead_backup.exists());
    }
    assert_eq!(std::fs::read(backup_path(&path)).unwrap(), b"first");
}

#[test]
fn a_folder_or_a_device_as_target_is_named_as_such() {
    let dir = temp_dir("not-a-file");
    let error = write_atomic(&dir, b"x").unwrap_err().to_string();
    assert!(error.contains("folder, not a file"), "{error}");
    if std::path::Path::new("/dev/full").exists() {
        let error = write_atomic(std::path::Path::new("/dev/full"), b"x")
            .unwrap_err()
            .to_string();
        assert!(error.contains("device or a pipe"), "{error}");
    }
}

#[test]
fn a_lock_note_names_its_owner_and_is_stale_once_its_process_is_gone() {
    use pilote::io::lock;
    let dir = temp_dir("lock");
    let file = dir.join("plan.pilote.ron");
    let now = chrono::NaiveDate::from_ymd_opt(2026, 12, 3)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let me = lock::me(std::process::id(), now);
    lock::write(&file, &me).unwrap();
    assert_eq!(lock::read(&file).unwrap(), me);
    assert!(dir.join(".~lock.plan.pilote.ron#").is_file());
    let other = lock::LockNote {
        user: "alice".into(),
        host: "pmo-laptop".into(),
        pid: 77,
        since: now,
        seen: now,
    };
    assert!(!other.is_stale(&me, now + chrono::TimeDelta::minutes(5)));
    assert!(other.is_stale(
        &me,
        now + chrono::TimeDelta::minutes(lock::STALE_AFTER_MINUTES)
    ));
    let dead_here = lock::LockNote {
        host: me.host.clone(),
        pid: 4_194_399,
        ..other.clone()
    };
    if cfg!(target_os = "linux") {
        assert!(dead_here.is_stale(&me, now));
    }
    // Released only by its owner.
    lock::write(&file, &other).unwrap();
    lock::release(&file, &me);
    assert_eq!(lock::read(&file).unwrap(), other);
}

#[test]
fn recovery_copies_of_a_gone_session_are_found_and_a_clean_quit_leaves_none() {
    use pilote::io::recovery::{self, RecoveryNote};
    let dir = temp_dir("recovery");
    let note = |pid| RecoveryNote {
        file: Some("/plans/erp.pilote.ron".into()),
        name: "erp.pilote.ron".into(),
        saved_at: "2026-12-03 09:00".into(),
        pid,
    };
    recovery::write(&dir, "session-gone", &note(4_194_399), "(gone)").unwrap();
    recovery::write(&dir, "session-mine", &note(std::process::id()), "(mine)").unwrap();
    let found = recovery::orphans(&dir, "session-mine");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].session, "session-gone");
    assert_eq!(
        std::fs::read_to_string(&found[0].document).unwrap(),
        "(gone)"
    );
    recovery::remove(&dir, "session-mine");
    recovery::remove(&dir, "session-gone");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
}
