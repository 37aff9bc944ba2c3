//! The lock note beside an open file, as LibreOffice's `.~lock.NAME#`: who has the file open,
//! on which machine, since when. It informs, it does not forbid: a second user is told and may
//! open the file read-only or take it over. A note whose owner is gone is stale: its process
//! no longer runs (same machine), or it has not been refreshed for [`STALE_AFTER_MINUTES`].

use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

/// An open window refreshes its note every few minutes; one not refreshed for this long
/// belongs to a machine that died or lost the share.
pub const STALE_AFTER_MINUTES: i64 = 15;

const TIME_FORMAT: &str = "%Y-%m-%dT%H:%M:%S";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockNote {
    pub user: String,
    pub host: String,
    pub pid: u32,
    /// When the file was opened.
    pub since: NaiveDateTime,
    /// When the owner last said it still has the file open.
    pub seen: NaiveDateTime,
}

/// `plan.pilote.ron` → `.~lock.plan.pilote.ron#`, beside it.
pub fn lock_path(file: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".~lock.");
    name.push(file.file_name().unwrap_or_default());
    name.push("#");
    file.with_file_name(name)
}

/// This process's user and machine.
pub fn me(pid: u32, now: NaiveDateTime) -> LockNote {
    let user = ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "someone".to_owned());
    let host = std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "this computer".to_owned());
    LockNote {
        user,
        host,
        pid,
        since: now,
        seen: now,
    }
}

impl LockNote {
    fn to_text(&self) -> String {
        format!(
            "pilote-lock 1\nuser={}\nhost={}\npid={}\nsince={}\nseen={}\n",
            self.user.replace('\n', " "),
            self.host.replace('\n', " "),
            self.pid,
            self.since.format(TIME_FORMAT),
            self.seen.format(TIME_FORMAT),
        )
    }

    fn from_text(text: &str) -> Option<Self> {
        let mut lines = text.lines();
        if lines.next()? != "pilote-lock 1" {
            return None;
        }
        let (mut user, mut host, mut pid, mut since, mut seen) = (None, None, None, None, None);
        for line in lines {
            let (key, value) = line.split_once('=')?;
            match key {
                "user" => user = Some(value.to_owned()),
                "host" => host = Some(value.to_owned()),
                "pid" => pid = value.parse().ok(),
                "since" => since = NaiveDateTime::parse_from_str(value, TIME_FORMAT).ok(),
                "seen" => seen = NaiveDateTime::parse_from_str(value, TIME_FORMAT).ok(),
                _ => {}
            }
        }
        Some(Self {
            user: user?,
            host: host?,
            pid: pid?,
            since: since?,
            seen: seen?,
        })
    }

    /// Held by this very process.
    pub fn is_mine(&self, me: &LockNote) -> bool {
        self.host == me.host && self.pid == me.pid
    }

    /// Its owner is gone: the process died on this machine, or it stopped refreshing it.
    pub fn is_stale(&self, me: &LockNote, now: NaiveDateTime) -> bool {
        let dead_here = self.host == me.host && process_alive(self.pid) == Some(false);
        dead_here || (now - self.seen).num_minutes() >= STALE_AFTER_MINUTES
    }
}

/// Whether process `pid` runs on this machine, where the system says so cheaply.
pub fn process_alive(pid: u32) -> Option<bool> {
    if cfg!(target_os = "linux") {
        Some(Path::new(&format!("/proc/{pid}")).exists())
    } else {
        None
    }
}

/// The note beside `file`, if there is a readable one.
pub fn read(file: &Path) -> Option<LockNote> {
    let text = std::fs::read_to_string(lock_path(file)).ok()?;
    LockNote::from_text(&text)
}

/// Writes (or refreshes) `note` beside `file`.
pub fn write(file: &Path, note: &LockNote) -> io::Result<()> {
    super::atomic::write_atomic_plain(&lock_path(file), note.to_text().as_bytes())
}

/// Removes the note beside `file` if it is `me`'s (someone who took the file over keeps theirs).
pub fn release(file: &Path, me: &LockNote) {
    if read(file).is_some_and(|note| note.is_mine(me)) {
        let _ = std::fs::remove_file(lock_path(file));
    }
}
