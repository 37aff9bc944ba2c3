//! Atomic saves: write a temporary file beside the target, flush it to disk, keep the previous
//! version as `*.bak`, then rename over the target. A failure at any step leaves the old file as
//! it was.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The backup kept beside `path`: `plan.pilote.ron` → `plan.pilote.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

fn temporary_path(path: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(".{}.tmp", std::process::id()));
    path.with_file_name(name)
}

/// Writes `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// Writes to `path` atomically through `write`; if `write` fails, nothing at `path` changes.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let temporary = temporary_path(path);
    let result = (|| {
        {
            // Closed at the end of this block, before the rename.
            let mut file = File::create(&temporary)?;
            write(&mut file)?;
            file.flush()?;
            file.sync_all()?;
        }
        if path.exists() {
            fs::copy(path, backup_path(path))?;
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
