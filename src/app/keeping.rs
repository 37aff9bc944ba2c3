//! Keeping the desktop user's plan: a recovery copy of unsaved work, the lock note beside the
//! open file, and a file someone else saved since it was opened (see their changes, merge them,
//! save as another file, or overwrite on purpose). The file work is in `crate::io`
//! (`recovery`, `lock`, `stamp`) and the merge in `crate::doc::merge`; this is when and why.

use std::path::{Path, PathBuf};

use super::contract::{Modal, PromptAnswer, Status};
use super::{Document, PiloteApp, display_name};
use crate::doc::{Edit, Opened, merge};
use crate::i18n::T;
use crate::io::{document, lock, recovery, stamp};
use crate::model::Project;

/// A recovery copy is written at most this often while there are unsaved changes, and
/// whenever the window loses focus.
const RECOVERY_EVERY_S: f64 = 60.0;
/// The lock note is refreshed this often, well within [`lock::STALE_AFTER_MINUTES`].
const LOCK_REFRESH_S: f64 = 240.0;

/// What the open file held when it was last read or written: the base of a merge with what
/// someone else saved since.
struct OnDisk {
    path: PathBuf,
    stamp: stamp::DiskStamp,
    project: Project,
}

/// A document opened over someone else's lock note, until the user answers.
pub(super) struct PendingOpen {
    opened: Opened,
    path: String,
    text: String,
}

#[derive(Default)]
pub(super) struct Keeping {
    /// Where recovery copies go; `None`: none are kept (the browser, tests that do not ask).
    dir: Option<PathBuf>,
    session: String,
    /// Lock notes and on-disk checks are on (the desktop app, tests that ask).
    files: bool,
    /// The revision last written as a recovery copy, and when (egui time, seconds).
    written: Option<u64>,
    written_at: f64,
    /// The file whose lock note this window holds, and when the note was refreshed.
    locked: Option<PathBuf>,
    lock_refreshed_at: f64,
    /// Opened read-only: Save asks for another file.
    pub(super) read_only: bool,
    disk: Option<OnDisk>,
    /// The text and project the save under way writes.
    saving: Option<(String, Project)>,
    /// Recovery copies still to offer.
    recoveries: Vec<recovery::Recovered>,
    pub(super) pending_open: Option<PendingOpen>,
    /// What was on disk when a save was stopped.
    theirs: Option<String>,
    /// The recovery folder could not be written: said once.
    failed: bool,
}

fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

fn me() -> lock::LockNote {
    lock::me(std::process::id(), now())
}

/// Where the desktop app keeps recovery copies: `PILOTE_RECOVERY_DIR`, else the platform's
/// data directory.
#[cfg(not(target_arch = "wasm32"))]
pub fn recovery_dir() -> Option<PathBuf> {
    std::env::var_os("PILOTE_RECOVERY_DIR")
        .map(PathBuf::from)
        .or_else(|| eframe::storage_dir("Pilote").map(|d| d.join("recovery")))
}

impl PiloteApp {
    /// Turns on recovery copies in `dir`, lock notes and on-disk checks (the desktop app does
    /// at start), and offers what sessions that did not quit left in `dir`.
    pub fn keep_files(&mut self, dir: PathBuf) {
        let started = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        self.keeping.session = recovery::session_name(std::process::id(), started);
        self.keeping.recoveries = recovery::orphans(&dir, &self.keeping.session);
        self.keeping.dir = Some(dir);
        self.keeping.files = true;
        self.offer_next_recovery();
    }

    /// Once a frame: the recovery copy and the lock note kept up to date.
    pub(super) fn keep_frame(&mut self, ctx: &egui::Context) {
        let time = ctx.input(|i| i.time);
        if let Some(dir) = self.keeping.dir.clone() {
            let focus_lost = ctx.input(|i| {
                i.raw
                    .events
                    .iter()
                    .any(|e| matches!(e, egui::Event::WindowFocused(false)))
            });
            if !self.doc.is_dirty() {
                if self.keeping.written.take().is_some() {
                    recovery::remove(&dir, &self.keeping.session);
                }
            } else if self.keeping.written != Some(self.doc.revision) {
                let due = self.keeping.written_at + RECOVERY_EVERY_S - time;
                if focus_lost || due <= 0.0 {
                    self.write_recovery(&dir, time);
                } else {
                    ctx.request_repaint_after(std::time::Duration::from_secs_f64(due));
                }
            }
        }
        if let Some(path) = self.keeping.locked.clone()
            && time - self.keeping.lock_refreshed_at >= LOCK_REFRESH_S
        {
            self.keeping.lock_refreshed_at = time;
            let mut note = lock::read(&path)
                .filter(|n| n.is_mine(&me()))
                .unwrap_or_else(me);
            note.seen = now();
            let _ = lock::write(&path, &note);
        }
    }

    fn write_recovery(&mut self, dir: &Path, time: f64) {
        self.keeping.written_at = time;
        let Ok(text) = document::to_text(&self.doc.project) else {
            return;
        };
        let note = recovery::RecoveryNote {
            file: self.doc.path.clone(),
            name: self.doc.name.clone(),
            saved_at: now().format("%Y-%m-%d %H:%M").to_string(),
            pid: std::process::id(),
        };
        match recovery::write(dir, &self.keeping.session, &note, &text) {
            Ok(()) => self.keeping.written = Some(self.doc.revision),
            Err(error) if !self.keeping.failed => {
                self.keeping.failed = true;
                self.status =
                    Status::error(T::RecoveryFailed.with(&[("error", &error.to_string())]));
            }
            Err(_) => {}
        }
    }

    /// A clean quit leaves no recovery copy and no lock note behind.
    pub(super) fn quit_cleanly(&mut self) {
        if let Some(dir) = &self.keeping.dir {
            recovery::remove(dir, &self.keeping.session);
        }
        self.keeping.written = None;
        self.release_file();
    }

    fn offer_next_recovery(&mut self) {
        if let Some(first) = self.keeping.recoveries.first() {
            self.modal = Some(Modal::Recover {
                name: first.note.name.clone(),
                file: first.note.file.clone(),
                time: first.note.saved_at.clone(),
                more: self.keeping.recoveries.len() - 1,
            });
        } else if self.modal.is_none() && !self.doc.project.merge_conflicts.is_empty() {
            self.modal = Some(Modal::Conflicts);
        }
    }

    pub(super) fn answer_recover(&mut self, answer: PromptAnswer) {
        self.modal = None;
        if self.keeping.recoveries.is_empty() {
            return;
        }
        let found = self.keeping.recoveries.remove(0);
        if matches!(answer, PromptAnswer::Restore | PromptAnswer::SaveAs) {
            match std::fs::read_to_string(&found.document)
                .map_err(|e| e.to_string())
                .and_then(|text| {
                    document::parse(&text, &found.note.name).map_err(|e| e.to_string())
                }) {
                Ok(project) => {
                    let mut doc = Document::new(project, found.note.file.clone(), found.note.name);
                    doc.history.mark_unsaved();
                    let name = doc.name.clone();
                    self.replace_document(doc);
                    if let Some(path) = found.note.file.as_deref() {
                        self.hold_file(Path::new(path));
                        if let Ok(text) = std::fs::read_to_string(path)
                            && let Ok(base) = document::parse(&text, path)
                        {
                            self.remember_disk(Path::new(path), text.as_bytes(), base);
                        }
                    }
                    self.status = Status::info(
                        T::RecoveredStatus.with(&[("name", &name), ("time", &found.note.saved_at)]),
                    );
                    if answer == PromptAnswer::SaveAs {
                        self.save(true);
                    }
                }
                Err(error) => {
                    self.status = Status::error(T::OpenFailed.with(&[("error", &error)]));
                    return;
                }
            }
        }
        if let Some(dir) = &self.keeping.dir {
            recovery::remove(dir, &found.session);
        }
        if self.modal.is_none() {
            self.offer_next_recovery();
        }
    }

    /// Someone else's live lock note beside `path`, if there is one.
    pub(super) fn locked_elsewhere(&self, path: &str) -> Option<lock::LockNote> {
        if !self.keeping.files {
            return None;
        }
        let note = lock::read(Path::new(path))?;
        let me = me();
        (!note.is_mine(&me) && !note.is_stale(&me, now())).then_some(note)
    }

    /// Keeps `opened` until the user says whether to open it read-only or take it over.
    pub(super) fn ask_about_lock(
        &mut self,
        opened: Opened,
        path: &str,
        text: &str,
        note: &lock::LockNote,
    ) {
        self.keeping.pending_open = Some(PendingOpen {
            opened,
            path: path.to_owned(),
            text: text.to_owned(),
        });
        self.modal = Some(Modal::Locked {
            file: display_name(path),
            user: note.user.clone(),
            host: note.host.clone(),
            since: note.since.format("%Y-%m-%d %H:%M").to_string(),
        });
    }

    pub(super) fn answer_locked(&mut self, answer: PromptAnswer) {
        self.modal = None;
        let Some(pending) = self.keeping.pending_open.take() else {
            return;
        };
        match answer {
            PromptAnswer::ReadOnly => {
                self.finish_open(pending.opened, &pending.path, &pending.text, false);
                self.keeping.read_only = true;
                self.status = Status::info(T::ReadOnlyStatus.with(&[("file", &self.doc.name)]));
            }
            PromptAnswer::TakeOver => {
                self.finish_open(pending.opened, &pending.path, &pending.text, true);
            }
            _ => {}
        }
    }

    /// The document was just opened from `path`, which held `text`: remember what is on
    /// disk, and (unless read-only) put this window's lock note beside it.
    pub(super) fn file_opened(&mut self, path: &str, text: &str, lock_it: bool) {
        if !self.keeping.files {
            return;
        }
        if lock_it {
            self.hold_file(Path::new(path));
        }
        self.remember_disk(Path::new(path), text.as_bytes(), self.doc.project.clone());
        if self.modal.is_none() && !self.doc.project.merge_conflicts.is_empty() {
            self.modal = Some(Modal::Conflicts);
        }
    }

    /// Puts this window's lock note beside `path` (releasing the one it held elsewhere).
    fn hold_file(&mut self, path: &Path) {
        if self.keeping.files && self.keeping.locked.as_deref() != Some(path) {
            self.release_file();
            let _ = lock::write(path, &me());
            self.keeping.locked = Some(path.to_path_buf());
        }
    }

    /// `path` holds `bytes`, read or written just now, which are `project`.
    fn remember_disk(&mut self, path: &Path, bytes: &[u8], project: Project) {
        if self.keeping.files {
            self.keeping.disk = Some(OnDisk {
                path: path.to_path_buf(),
                stamp: stamp::DiskStamp::of(path, bytes),
                project,
            });
        }
    }

    /// The open document leaves the window: its lock note goes, what was on disk is forgotten.
    pub(super) fn release_file(&mut self) {
        if let Some(path) = self.keeping.locked.take() {
            lock::release(&path, &me());
        }
        self.keeping.disk = None;
        self.keeping.read_only = false;
    }

    /// Remembers what the save under way writes.
    pub(super) fn saving(&mut self, text: &str, project: Project) {
        self.keeping.saving = Some((text.to_owned(), project));
    }

    /// The save under way reached `path`: that is what is on disk now.
    pub(super) fn file_saved(&mut self, path: &str) {
        self.keeping.read_only = false;
        if let Some((text, project)) = self.keeping.saving.take() {
            self.hold_file(Path::new(path));
            self.remember_disk(Path::new(path), text.as_bytes(), project);
        }
    }

    /// Whether `path` changed on disk since it was opened or saved; if it did, the user is
    /// asked what to do and the save waits.
    pub(super) fn stopped_by_change(&mut self, path: &str) -> bool {
        let Some(disk) = self
            .keeping
            .disk
            .as_ref()
            .filter(|d| d.path == Path::new(path))
        else {
            return false;
        };
        match stamp::check(&disk.path, &disk.stamp) {
            Ok(stamp::OnDisk::Changed(text)) => {
                self.keeping.theirs = Some(text);
                self.modal = Some(Modal::ChangedOnDisk {
                    file: display_name(path),
                    changes: None,
                });
                true
            }
            // Gone: saving puts it back. Unreadable: the save says why.
            Ok(stamp::OnDisk::Unchanged | stamp::OnDisk::Gone) | Err(_) => false,
        }
    }

    pub(super) fn answer_changed(&mut self, answer: PromptAnswer) {
        let Some(Modal::ChangedOnDisk { file, .. }) = self.modal.clone() else {
            return;
        };
        match answer {
            PromptAnswer::ShowChanges => {
                if let Some((base, theirs)) = self.base_and_theirs(&file) {
                    let changes = merge::diff(&base, &theirs)
                        .map(|c| c.iter().map(merge::Change::line).collect())
                        .unwrap_or_default();
                    self.modal = Some(Modal::ChangedOnDisk {
                        file,
                        changes: Some(changes),
                    });
                }
            }
            PromptAnswer::Merge => {
                self.modal = None;
                self.merge_theirs(&file);
            }
            PromptAnswer::Overwrite => {
                self.modal = None;
                if let (Some(path), Some(text)) = (self.doc.path.clone(), self.document_text()) {
                    self.dialogs.save_to(&path, &text);
                }
            }
            PromptAnswer::SaveAs => {
                self.modal = None;
                self.save(true);
            }
            _ => {
                self.modal = None;
                self.after_save = None;
            }
        }
    }

    /// The project as this window last read or wrote it, and as someone saved it since.
    fn base_and_theirs(&mut self, file: &str) -> Option<(Project, Project)> {
        let base = self.keeping.disk.as_ref()?.project.clone();
        let text = self.keeping.theirs.as_deref()?;
        match document::parse(text, file) {
            Ok(theirs) => Some((base, theirs)),
            Err(error) => {
                self.modal = None;
                self.status = Status::error(
                    T::ChangedUnreadable.with(&[("file", file), ("error", &error.to_string())]),
                );
                None
            }
        }
    }

    /// Takes what was saved on disk into the open document, as one undo step; what both
    /// changed differently is listed to settle.
    fn merge_theirs(&mut self, file: &str) {
        let Some((base, theirs)) = self.base_and_theirs(file) else {
            return;
        };
        let merged = match merge::merge(&base, &self.doc.project, &theirs) {
            Ok(merged) => merged,
            Err(error) => {
                self.status = Status::error(error.to_string());
                return;
            }
        };
        let count = merged.conflicts.len();
        if !self.apply_edit(Edit::SetProject(Box::new(merged.project)), None) {
            return;
        }
        // What is on disk is theirs now: the next save writes over it without asking again.
        if let (Some(disk), Some(text)) = (self.keeping.disk.as_mut(), self.keeping.theirs.take()) {
            disk.stamp = stamp::DiskStamp::of(&disk.path, text.as_bytes());
            disk.project = theirs;
        }
        self.status =
            Status::info(T::MergedStatus.with(&[("file", file), ("count", &count.to_string())]));
        if count > 0 {
            self.modal = Some(Modal::Conflicts);
        }
    }

    /// Settles conflict `index` of the document, as one undo step.
    pub(super) fn resolve_conflict(&mut self, index: usize, take_theirs: bool) {
        match merge::resolve(&self.doc.project, index, take_theirs) {
            Ok(project) => {
                if self.apply_edit(Edit::SetProject(Box::new(project)), None) {
                    let left = self.doc.project.merge_conflicts.len();
                    if left == 0 {
                        self.modal = None;
                        self.status = Status::info(T::NoConflicts);
                    } else {
                        self.status =
                            Status::info(T::ConflictsStatus.with(&[("count", &left.to_string())]));
                    }
                }
            }
            Err(error) => self.status = Status::error(error.to_string()),
        }
    }
}
