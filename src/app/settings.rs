//! What persists between runs (eframe storage): language, theme, recent files, last view.
//! Window size and position are persisted by eframe itself.

use serde::{Deserialize, Serialize};

use super::commands::ViewKind;
use crate::i18n::Lang;

pub const STORAGE_KEY: &str = "pilote.settings";
pub const MAX_RECENT: usize = 8;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
    pub dark: bool,
    /// Most recent first; native paths as text.
    pub recent: Vec<String>,
    pub view: ViewKind,
    /// The Gantt's columns, splitter and bar labels.
    pub gantt: crate::ui::gantt::GanttPrefs,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            lang: Lang::En,
            dark: true,
            recent: Vec::new(),
            view: ViewKind::Tasks,
            gantt: crate::ui::gantt::GanttPrefs::default(),
        }
    }
}

impl Settings {
    /// Puts `path` first in the recent list, without duplicates, keeping at most
    /// [`MAX_RECENT`].
    pub fn remember(&mut self, path: &str) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(MAX_RECENT);
    }
}
