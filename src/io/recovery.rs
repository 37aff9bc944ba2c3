//! Recovery files: the open document written every minute to a folder of the platform's data
//! directory, never over the user's file, so that a crash or a kill loses at most a minute.
//! Each window writes under its own session name; a clean quit removes them. At the next
//! start the files of sessions whose process is gone are offered back.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// What a recovery file belongs to, kept beside it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryNote {
    /// The user's file the document was opened from or saved to, if any.
    pub file: Option<String>,
    /// The document's name as the window showed it.
    pub name: String,
    /// When it was written, local time, `YYYY-MM-DD HH:MM`.
    pub saved_at: String,
    pub pid: u32,
}

/// A recovery file found at start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovered {
    pub session: String,
    pub note: RecoveryNote,
    pub document: PathBuf,
}

fn document_path(dir: &Path, session: &str) -> PathBuf {
    dir.join(format!("{session}.pilote.ron"))
}

fn note_path(dir: &Path, session: &str) -> PathBuf {
    dir.join(format!("{session}.json"))
}

/// A session name unique to this process and start.
pub fn session_name(pid: u32, started_nanos: u128) -> String {
    format!("session-{pid}-{started_nanos}")
}

/// Writes the document's `text` for `session`, atomically (the note last, so a note always has
/// its document).
pub fn write(dir: &Path, session: &str, note: &RecoveryNote, text: &str) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    super::atomic::write_atomic_plain(&document_path(dir, session), text.as_bytes())?;
    let note = serde_json::to_vec_pretty(note).map_err(io::Error::other)?;
    super::atomic::write_atomic_plain(&note_path(dir, session), &note)
}

/// Removes `session`'s files (a save made the document clean, or a clean quit).
pub fn remove(dir: &Path, session: &str) {
    let _ = std::fs::remove_file(note_path(dir, session));
    let _ = std::fs::remove_file(document_path(dir, session));
}

/// The recovery files left by sessions that are gone (not `own`, and not a window still
/// running), newest first.
pub fn orphans(dir: &Path, own: &str) -> Vec<Recovered> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<Recovered> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let session = name.strip_suffix(".json")?.to_owned();
            if session == own {
                return None;
            }
            let note: RecoveryNote =
                serde_json::from_slice(&std::fs::read(entry.path()).ok()?).ok()?;
            let document = document_path(dir, &session);
            let running = super::lock::process_alive(note.pid) == Some(true)
                && note.pid != std::process::id();
            (!running && document.is_file()).then_some(Recovered {
                session,
                note,
                document,
            })
        })
        .collect();
    found.sort_by(|a, b| b.note.saved_at.cmp(&a.note.saved_at));
    found
}
