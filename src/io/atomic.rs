//! Atomic saves: write a temporary file beside the target, flush it to disk, keep the previous
//! version as `*.bak` (itself replaced atomically), then rename over the target. A failure at
//! any step leaves the old file as it was; temporary files of a writer that was killed are
//! cleaned by the next save.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The backup kept beside `path`: `plan.pilote.ron` → `plan.pilote.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// `.NAME.` — what every temporary file of `path` starts with.
fn temporary_prefix(path: &Path) -> String {
    format!(
        ".{}.",
        path.file_name().unwrap_or_default().to_string_lossy()
    )
}

fn temporary_path(path: &Path, pid: u32) -> PathBuf {
    path.with_file_name(format!("{}{pid}.tmp", temporary_prefix(path)))
}

/// Writes `bytes` to `path` atomically, keeping the previous version as `.bak`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// Writes `bytes` to `path` atomically, without a backup (lock notes, recovery files).
pub fn write_atomic_plain(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace(path, false, |file| file.write_all(bytes))
}

/// Writes to `path` atomically through `write`; if `write` fails, nothing at `path` changes.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    replace(path, true, write)
}

fn replace(
    path: &Path,
    backup: bool,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    refuse_non_file(path)?;
    remove_orphans(path);
    let temporary = temporary_path(path, std::process::id());
    let result = (|| {
        {
            // Closed at the end of this block, before the rename.
            let mut file = File::create(&temporary)?;
            write(&mut file)?;
            file.flush()?;
            file.sync_all()?;
        }
        if backup && path.exists() {
            keep_backup(path)?;
        }
        fs::rename(&temporary, path)?;
        sync_parent(path);
        Ok(())
    })();
    if result.is_err() {
        // Best effort: the temporary file is ours and worthless after a failure.
        let _ = fs::remove_file(&temporary);
    }
    result
}

/// A directory, a device or a pipe is not replaced by a file: say so rather than fail later
/// with whatever the system says about the temporary file.
fn refuse_non_file(path: &Path) -> io::Result<()> {
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(io::Error::other(
            "this is a folder, not a file: choose a file name",
        )),
        Ok(meta) if !meta.is_file() => Err(io::Error::other(
            "this is a device or a pipe, not a file: choose a file name",
        )),
        _ => Ok(()),
    }
}

/// The previous version becomes `.bak` through a temporary copy renamed into place, so a
/// crash leaves the old backup or the new one, never half of one.
fn keep_backup(path: &Path) -> io::Result<()> {
    let temporary = path.with_file_name(format!(
        "{}bak.{}.tmp",
        temporary_prefix(path),
        std::process::id()
    ));
    let result = (|| {
        fs::copy(path, &temporary)?;
        File::open(&temporary)?.sync_all()?;
        fs::rename(&temporary, backup_path(path))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result
}

/// Removes the temporary files a killed writer left beside `path`: those whose process no
/// longer runs, where the system says so cheaply (Linux).
fn remove_orphans(path: &Path) {
    let prefix = temporary_prefix(path);
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .map(|rest| rest.strip_prefix("bak.").unwrap_or(rest))
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        // Where the system cannot say whether the writer still runs, its file stays: better a
        // stray temporary file than one removed under a save in progress.
        let orphan = super::lock::process_alive(pid) == Some(false);
        if orphan && pid != std::process::id() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Makes the rename durable where the platform allows it; failing to is not an error, the
/// data itself is already on disk.
fn sync_parent(path: &Path) {
    #[cfg(unix)]
    if let Some(parent) = path.parent()
        && let Ok(dir) = File::open(if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        })
    {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}
