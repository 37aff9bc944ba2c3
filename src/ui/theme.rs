//! Every colour Pilote draws with. Views ask the theme; they never name a colour themselves.

use egui::{Color32, Visuals};

#[derive(Clone, Copy, Debug)]
pub struct Theme {
    pub dark: bool,
}

impl Theme {
    pub fn new(dark: bool) -> Self {
        Self { dark }
    }

    pub fn apply(&self, ctx: &egui::Context) {
        ctx.set_visuals(if self.dark {
            Visuals::dark()
        } else {
            Visuals::light()
        });
    }

    /// Error messages in the status bar, refused input.
    pub fn error(&self) -> Color32 {
        if self.dark {
            Color32::from_rgb(0xFF, 0x6B, 0x6B)
        } else {
            Color32::from_rgb(0xB0, 0x1E, 0x1E)
        }
    }

    /// A change not yet saved.
    pub fn modified(&self) -> Color32 {
        if self.dark {
            Color32::from_rgb(0xF2, 0xB7, 0x4B)
        } else {
            Color32::from_rgb(0x9A, 0x5B, 0x00)
        }
    }

    /// Secondary text: WBS codes, ids, hints.
    pub fn muted(&self) -> Color32 {
        if self.dark {
            Color32::from_gray(140)
        } else {
            Color32::from_gray(110)
        }
    }

    /// Summary (phase) rows.
    pub fn summary(&self) -> Color32 {
        if self.dark {
            Color32::from_rgb(0x9C, 0xC8, 0xFF)
        } else {
            Color32::from_rgb(0x0B, 0x3D, 0x91)
        }
    }

    /// Tasks on the critical path.
    pub fn critical(&self) -> Color32 {
        if self.dark {
            Color32::from_rgb(0xFF, 0x7A, 0x6E)
        } else {
            Color32::from_rgb(0xC6, 0x28, 0x28)
        }
    }

    /// Milestone diamonds.
    pub fn milestone(&self) -> Color32 {
        if self.dark {
            Color32::from_rgb(0xC9, 0x9C, 0xFF)
        } else {
            Color32::from_rgb(0x5B, 0x2C, 0x9E)
        }
    }
}
