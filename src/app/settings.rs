//! What persists between runs (eframe storage): language, theme, recent files, last view, and
//! each view's preferences. Window size and position are persisted by eframe itself.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::ui::ViewKind;

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
    /// Each view's preferences (the Gantt's columns, splitter and bar labels…) by view slug,
    /// as the view writes them: the app does not know their shape.
    pub view_prefs: BTreeMap<String, String>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            lang: Lang::En,
            dark: true,
            recent: Vec::new(),
            view: ViewKind::default(),
            view_prefs: BTreeMap::new(),
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
