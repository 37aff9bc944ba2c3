//! The undo history: pure, no UI toolkit. Keeps the inverse of every applied edit;
//! consecutive edits with the same [`CoalesceKey`] (typing in one cell, one drag) merge into one undo step until
//! the history is sealed (focus left the cell, the drag ended).

use super::edit::{Edit, EditError};
use crate::model::Project;

/// Identifies a stream of edits that should undo as one: the same field of the same item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CoalesceKey {
    /// A named field of a task, a resource or the project (task plan cells, staffing, the
    /// project's form, the status date).
    Named { what: &'static str, id: u32 },
    /// One field of one item of a collection: the item's type, its id, and the field named
    /// by its label (each field of a form has its own), so no key is typed by hand.
    Field {
        item: &'static str,
        id: u32,
        field: crate::i18n::T,
    },
}

impl CoalesceKey {
    pub const fn named(what: &'static str, id: u32) -> Self {
        Self::Named { what, id }
    }

    /// Typing in the field labelled `field` of the collection item `id`.
    pub fn field<I: super::collection::Item>(id: I::Id, field: crate::i18n::T) -> Self {
        Self::Field {
            item: std::any::type_name::<I>(),
            id: id.into(),
            field,
        }
    }
}

#[derive(Clone, Debug)]
struct Entry {
    redo: Edit,
    undo: Edit,
    key: Option<CoalesceKey>,
    /// The document state this entry leads to; compared with the saved state for the dirty flag.
    state: u64,
}

/// The minimum number of steps that can be undone.
pub const DEFAULT_DEPTH: usize = 200;

#[derive(Clone, Debug)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    next_state: u64,
    saved_state: Option<u64>,
    max_depth: usize,
    /// When set, the next edit starts a new step even if its key matches the last one.
    sealed: bool,
}

impl Default for History {
    fn default() -> Self {
        Self::new(DEFAULT_DEPTH)
    }
}

impl History {
    pub fn new(max_depth: usize) -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            next_state: 1,
            saved_state: Some(0),
            max_depth: max_depth.max(1),
            sealed: true,
        }
    }

    fn current_state(&self) -> u64 {
        self.undo.last().map_or(0, |e| e.state)
    }

    /// Applies `edit` and records it. Nothing is recorded if it fails.
    pub fn apply(
        &mut self,
        project: &mut Project,
        edit: Edit,
        key: Option<CoalesceKey>,
    ) -> Result<(), EditError> {
        let undo = edit.clone().apply(project)?;
        let state = self.next_state;
        self.next_state += 1;
        self.redo.clear();
        if let Some(last) = self.undo.last_mut()
            && !self.sealed
            && key.is_some()
            && last.key == key
        {
            // Same stream: keep the oldest undo, take the newest redo.
            last.redo = edit;
            last.state = state;
        } else {
            self.undo.push(Entry {
                redo: edit,
                undo,
                key,
                state,
            });
            if self.undo.len() > self.max_depth {
                self.undo.remove(0);
                // The saved state may have scrolled out: then it can never be reached again.
            }
        }
        self.sealed = key.is_none();
        Ok(())
    }

    /// Ends the current coalescing stream.
    pub fn seal(&mut self) {
        self.sealed = true;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    /// The edit the next undo (or redo, `undo` false) would apply.
    pub fn next_step(&self, undo: bool) -> Option<&Edit> {
        let entries = if undo { &self.undo } else { &self.redo };
        entries.last().map(|e| if undo { &e.undo } else { &e.redo })
    }

    /// Undoes one step; false when there is nothing to undo.
    pub fn undo(&mut self, project: &mut Project) -> bool {
        self.step(project, true)
    }

    /// Redoes one step; false when there is nothing to redo.
    pub fn redo(&mut self, project: &mut Project) -> bool {
        self.step(project, false)
    }

    /// Moves one entry from the undo stack to the redo stack (or back), applying its edit.
    fn step(&mut self, project: &mut Project, undo: bool) -> bool {
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(mut entry) = from.pop() else {
            return false;
        };
        let edit = if undo { &entry.undo } else { &entry.redo };
        match edit.clone().apply(project) {
            Ok(inverse) => {
                if undo {
                    entry.redo = inverse;
                } else {
                    entry.undo = inverse;
                }
                to.push(entry);
                self.sealed = true;
                true
            }
            Err(_) => {
                // Cannot happen for inverses produced by `apply`; drop the history rather than
                // leave it pointing at a document it no longer matches.
                self.undo.clear();
                self.redo.clear();
                false
            }
        }
    }

    /// Records that the document as it is now is what is on disk.
    pub fn mark_saved(&mut self) {
        self.saved_state = Some(self.current_state());
        self.sealed = true;
    }

    /// Records that nothing on disk holds the document as it is (a recovered copy): it stays
    /// unsaved until saved.
    pub fn mark_unsaved(&mut self) {
        self.saved_state = None;
    }

    /// True when the document differs from the last saved (or opened) state.
    pub fn is_dirty(&self) -> bool {
        self.saved_state != Some(self.current_state())
    }
}
