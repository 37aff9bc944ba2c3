//! Every colour Pilote draws with. Views ask the theme; they never name a colour themselves.

use egui::{Color32, Visuals};

#[derive(Clone, Copy, Debug)]
pub struct Theme {
    pub dark: bool,
}

/// egui's fonts, with its monospace font (Hack) as a last resort for the proportional text:
/// Ubuntu Light has no arrows, which the messages naming a dependency cycle use
/// ("A → B → C"); without it they would be drawn as empty boxes in the browser.
///
/// A bold face (DejaVu Sans Condensed Bold, cut down to Latin: 34 kB) for what a planner sets
/// in bold: summary rows, as MS Project does. egui's own fonts have none.
fn fonts() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    if let Some(family) = fonts.families.get_mut(&egui::FontFamily::Proportional) {
        family.push("Hack".to_owned());
    }
    fonts.font_data.insert(
        BOLD.to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(include_bytes!(
            "../../assets/fonts/DejaVuSansCondensed-Bold.subset.ttf"
        ))),
    );
    let mut bold = vec![BOLD.to_owned()];
    if let Some(regular) = fonts.families.get(&egui::FontFamily::Proportional) {
        bold.extend(regular.iter().cloned());
    }
    fonts
        .families
        .insert(egui::FontFamily::Name(BOLD.into()), bold);
    fonts
}

const BOLD: &str = "bold";

/// The bold face at `size` points.
pub fn bold(size: f32) -> egui::FontId {
    egui::FontId::new(size, egui::FontFamily::Name(BOLD.into()))
}

impl Theme {
    pub fn new(dark: bool) -> Self {
        Self { dark }
    }

    pub fn apply(&self, ctx: &egui::Context) {
        ctx.set_fonts(fonts());
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

    /// Selected rows in the Gantt (behind the list and the timeline) and the rubber band.
    pub fn selection(&self) -> Color32 {
        self.pick(
            Color32::from_rgba_unmultiplied(0x4A, 0x90, 0xE2, 60),
            Color32::from_rgba_unmultiplied(0x1A, 0x56, 0xDB, 40),
        )
    }

    /// The outline of the rubber band and of the selected row's bar.
    pub fn selection_stroke(&self) -> Color32 {
        self.pick(
            Color32::from_rgb(0x8A, 0xB4, 0xF8),
            Color32::from_rgb(0x1A, 0x56, 0xDB),
        )
    }

    /// Where a task's constraint pins it (start or finish no earlier than…).
    pub fn constraint(&self) -> Color32 {
        self.pick(
            Color32::from_rgb(0x4D, 0xD0, 0xE1),
            Color32::from_rgb(0x00, 0x83, 0x8F),
        )
    }

    /// Bars where a drag would put them, rescheduled live.
    pub fn ghost(&self) -> Color32 {
        self.pick(
            Color32::from_rgb(0xFF, 0xD5, 0x4F),
            Color32::from_rgb(0xB2, 0x6A, 0x00),
        )
    }

    fn pick(self, dark: Color32, light: Color32) -> Color32 {
        if self.dark { dark } else { light }
    }

    /// Warnings that are not errors: a baseline about to be overwritten.
    pub fn warning(&self) -> Color32 {
        self.modified()
    }

    /// The red / amber / green status colours of the dashboard tiles; grey when unknown.
    pub fn rag(&self, rag: crate::schedule::kpi::Rag) -> Color32 {
        use crate::schedule::kpi::Rag;
        match rag {
            Rag::Green => self.pick(
                Color32::from_rgb(0x3F, 0xB9, 0x50),
                Color32::from_rgb(0x1E, 0x7E, 0x34),
            ),
            Rag::Amber => self.pick(
                Color32::from_rgb(0xF0, 0xA8, 0x30),
                Color32::from_rgb(0xD9, 0x82, 0x00),
            ),
            Rag::Red => self.pick(
                Color32::from_rgb(0xF0, 0x5A, 0x4F),
                Color32::from_rgb(0xC6, 0x28, 0x28),
            ),
            Rag::Unknown => Color32::from_gray(128),
        }
    }

    /// Planned value (the baseline's cost curve), and budgets.
    /// A bar tinted by its criticality index (0–1): the plan's blue when never critical, the
    /// critical red when always.
    pub fn criticality(&self, share: f64) -> Color32 {
        let (a, b) = (self.planned(), self.critical());
        let t = share.clamp(0.0, 1.0) as f32;
        let mix = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
        Color32::from_rgb(mix(a.r(), b.r()), mix(a.g(), b.g()), mix(a.b(), b.b()))
    }

    pub fn planned(&self) -> Color32 {
        self.pick(
            Color32::from_rgb(0x8A, 0xB4, 0xF8),
            Color32::from_rgb(0x1A, 0x56, 0xDB),
        )
    }

    /// Earned value.
    pub fn earned(&self) -> Color32 {
        self.rag(crate::schedule::kpi::Rag::Green)
    }

    /// Actual cost.
    pub fn actual(&self) -> Color32 {
        self.pick(
            Color32::from_rgb(0xF4, 0x8F, 0xB1),
            Color32::from_rgb(0xAD, 0x14, 0x57),
        )
    }

    /// Forecasts: cost to completion, estimate at completion.
    pub fn forecast(&self) -> Color32 {
        self.pick(
            Color32::from_rgb(0xFF, 0xB7, 0x4D),
            Color32::from_rgb(0xE6, 0x5C, 0x00),
        )
    }

    /// Reference lines: the status date, index 1.0.
    pub fn reference(&self) -> Color32 {
        self.muted()
    }

    /// The background of a dashboard tile.
    pub fn tile_fill(&self) -> Color32 {
        self.pick(Color32::from_gray(38), Color32::from_gray(246))
    }

    /// Distinct colours for the lines of one chart (milestones of the trend analysis).
    pub fn series(&self, index: usize) -> Color32 {
        const DARK: [Color32; 8] = [
            Color32::from_rgb(0x8A, 0xB4, 0xF8),
            Color32::from_rgb(0xF2, 0x8B, 0x82),
            Color32::from_rgb(0x81, 0xC9, 0x95),
            Color32::from_rgb(0xFD, 0xD6, 0x63),
            Color32::from_rgb(0xC5, 0x8A, 0xF9),
            Color32::from_rgb(0x78, 0xD9, 0xEC),
            Color32::from_rgb(0xFC, 0xAD, 0x70),
            Color32::from_rgb(0xFF, 0x8B, 0xCB),
        ];
        const LIGHT: [Color32; 8] = [
            Color32::from_rgb(0x1A, 0x73, 0xE8),
            Color32::from_rgb(0xD9, 0x30, 0x25),
            Color32::from_rgb(0x18, 0x80, 0x38),
            Color32::from_rgb(0xE3, 0x74, 0x00),
            Color32::from_rgb(0x84, 0x30, 0xCE),
            Color32::from_rgb(0x12, 0x85, 0x99),
            Color32::from_rgb(0xB0, 0x60, 0x00),
            Color32::from_rgb(0xC2, 0x18, 0x5B),
        ];
        let palette = if self.dark { DARK } else { LIGHT };
        palette[index % palette.len()]
    }

    /// Heatmap: a day with no working time.
    pub fn heat_off(self) -> Color32 {
        self.pick(Color32::from_gray(45), Color32::from_gray(232))
    }

    /// Heatmap: available and not used.
    pub fn heat_idle(self) -> Color32 {
        self.pick(
            Color32::from_rgb(0x2B, 0x3A, 0x55),
            Color32::from_rgb(0xDC, 0xE6, 0xF5),
        )
    }

    /// Heatmap: partly loaded.
    pub fn heat_normal(self) -> Color32 {
        self.pick(
            Color32::from_rgb(0x2E, 0x7D, 0x4F),
            Color32::from_rgb(0x8F, 0xD1, 0x9E),
        )
    }

    /// Heatmap: fully loaded.
    pub fn heat_full(self) -> Color32 {
        self.pick(
            Color32::from_rgb(0xC2, 0x8A, 0x1A),
            Color32::from_rgb(0xF4, 0xC4, 0x5A),
        )
    }

    /// Heatmap: over-allocated.
    pub fn heat_over(self) -> Color32 {
        self.pick(
            Color32::from_rgb(0xD6, 0x45, 0x45),
            Color32::from_rgb(0xE0, 0x3B, 0x3B),
        )
    }

    /// Figures written on heatmap cells.
    pub fn heat_text(self) -> Color32 {
        self.pick(Color32::from_gray(235), Color32::from_gray(20))
    }
}
