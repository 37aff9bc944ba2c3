//! Bytes and text to and from the model. Never opens a dialog, never reads the clock.

mod allocations;
pub mod atomic;
pub mod csv;
pub mod document;
pub mod entry;
pub mod export;
pub mod gan;
pub mod gantt_svg;
pub mod ics;
pub mod locate;
pub mod lock;
pub mod mspdi;
pub mod planner;
pub mod png;
pub mod recovery;
pub mod report;
pub mod resource_entry;
pub mod slug;
pub mod stamp;
pub mod task_text;
mod v0;
pub mod xml_tree;
