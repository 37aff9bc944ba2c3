//! The report's colours and type: its own small style sheet, shared by the HTML and the PDF
//! (the window's theme is the UI's, which the formats do not see).

use crate::schedule::kpi::Rag;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

pub const INK: Rgb = Rgb(0x1f, 0x29, 0x37);
pub const MUTED: Rgb = Rgb(0x6b, 0x72, 0x80);
pub const GRID: Rgb = Rgb(0xe5, 0xe7, 0xeb);
pub const BAND: Rgb = Rgb(0xf3, 0xf4, 0xf6);
pub const ACCENT: Rgb = Rgb(0x1d, 0x4e, 0xd8);
pub const PHASE: Rgb = Rgb(0x3b, 0x82, 0xf6);
pub const DONE: Rgb = Rgb(0x1e, 0x3a, 0x8a);
pub const MILESTONE: Rgb = Rgb(0x11, 0x18, 0x27);
pub const TODAY: Rgb = Rgb(0xdc, 0x26, 0x26);
pub const PV: Rgb = Rgb(0x6b, 0x72, 0x80);
pub const EV: Rgb = Rgb(0x16, 0xa3, 0x4a);
pub const AC: Rgb = Rgb(0xdc, 0x26, 0x26);

/// What the HTML asks the browser for; the PDF embeds its own font.
pub const FONT_STACK: &str = "Ubuntu, 'Segoe UI', Helvetica, Arial, sans-serif";

pub fn rag(rag: Rag) -> Rgb {
    match rag {
        Rag::Green => Rgb(0x16, 0xa3, 0x4a),
        Rag::Amber => Rgb(0xf5, 0x9e, 0x0b),
        Rag::Red => Rgb(0xdc, 0x26, 0x26),
        Rag::Unknown => Rgb(0x9c, 0xa3, 0xaf),
    }
}
