//! What a file on disk was when Pilote last read or wrote it, to notice that someone else saved
//! it since: its size, modification time and a hash of its bytes (a touched file whose bytes
//! did not change is not a change).

use std::hash::{Hash, Hasher};
use std::io;
use std::path::Path;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    len: u64,
    /// The file's modification time, since the Unix epoch (read from the file, not the clock).
    modified: Option<std::time::Duration>,
    hash: u64,
}

fn modified(meta: &std::fs::Metadata) -> Option<std::time::Duration> {
    meta.modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
}

fn hash(bytes: &[u8]) -> u64 {
    // SipHash with fixed keys: the same bytes hash the same in every run.
    let mut hasher = std::hash::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

impl DiskStamp {
    /// The stamp of `path`, which holds `bytes` (just read or just written).
    pub fn of(path: &Path, bytes: &[u8]) -> Self {
        let meta = std::fs::metadata(path).ok();
        Self {
            len: bytes.len() as u64,
            modified: meta.as_ref().and_then(modified),
            hash: hash(bytes),
        }
    }
}

/// What is at `path` now, compared with `stamp`.
#[derive(Debug, PartialEq, Eq)]
pub enum OnDisk {
    Unchanged,
    /// The file was deleted or moved away.
    Gone,
    /// Someone wrote other bytes: the file's text now.
    Changed(String),
}

/// Whether `path` still holds what `stamp` recorded. Reads the file only when its size or
/// time moved.
pub fn check(path: &Path, stamp: &DiskStamp) -> io::Result<OnDisk> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(OnDisk::Gone),
        Err(e) => return Err(e),
    };
    if meta.len() == stamp.len && modified(&meta) == stamp.modified {
        return Ok(OnDisk::Unchanged);
    }
    let bytes = std::fs::read(path)?;
    if hash(&bytes) == stamp.hash && bytes.len() as u64 == stamp.len {
        return Ok(OnDisk::Unchanged);
    }
    Ok(OnDisk::Changed(
        String::from_utf8_lossy(&bytes).into_owned(),
    ))
}
