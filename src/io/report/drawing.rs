//! The report's charts as a list of shapes in points, drawn by two back-ends: SVG inline in
//! the HTML report, and vector paths in the PDF. One description, so that both reports show
//! the same chart.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use super::style::{self, Rgb};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Rgb,
    },
    /// A polyline; dashed for plans and forecasts.
    Line {
        points: Vec<(f32, f32)>,
        color: Rgb,
        width: f32,
        dashed: bool,
    },
    Diamond {
        x: f32,
        y: f32,
        r: f32,
        fill: Rgb,
    },
    Text {
        x: f32,
        y: f32,
        size: f32,
        text: String,
        color: Rgb,
        anchor: Anchor,
    },
}

/// A chart of `width` × `height` points.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drawing {
    pub width: f32,
    pub height: f32,
    pub shapes: Vec<Shape>,
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

impl Drawing {
    /// The chart as an inline SVG element (no external font, no script).
    pub fn svg(&self, label: &str) -> String {
        let mut out = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" \
             role=\"img\" aria-label=\"{label}\" font-family=\"{font}\">",
            w = self.width,
            h = self.height,
            label = escape(label),
            font = style::FONT_STACK,
        );
        for shape in &self.shapes {
            match shape {
                Shape::Rect { x, y, w, h, fill } => {
                    let _ = write!(
                        out,
                        "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"{}\"/>",
                        fill.hex()
                    );
                }
                Shape::Line {
                    points,
                    color,
                    width,
                    dashed,
                } => {
                    let pts: Vec<String> = points
                        .iter()
                        .map(|(x, y)| format!("{x:.1},{y:.1}"))
                        .collect();
                    let dash = if *dashed {
                        " stroke-dasharray=\"4 3\""
                    } else {
                        ""
                    };
                    let _ = write!(
                        out,
                        "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{width}\"{dash}/>",
                        pts.join(" "),
                        color.hex()
                    );
                }
                Shape::Diamond { x, y, r, fill } => {
                    let _ = write!(
                        out,
                        "<polygon points=\"{x:.1},{:.1} {:.1},{y:.1} {x:.1},{:.1} {:.1},{y:.1}\" fill=\"{}\"/>",
                        y - r,
                        x + r,
                        y + r,
                        x - r,
                        fill.hex()
                    );
                }
                Shape::Text {
                    x,
                    y,
                    size,
                    text,
                    color,
                    anchor,
                } => {
                    let anchor = match anchor {
                        Anchor::Start => "start",
                        Anchor::Middle => "middle",
                        Anchor::End => "end",
                    };
                    let _ = write!(
                        out,
                        "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{size}\" fill=\"{}\" text-anchor=\"{anchor}\">{}</text>",
                        color.hex(),
                        escape(text)
                    );
                }
            }
        }
        out.push_str("</svg>");
        out
    }
}

/// Maps dates onto x between `left` and `right`.
pub struct TimeAxis {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub left: f32,
    pub right: f32,
}

impl TimeAxis {
    pub fn x(&self, date: NaiveDate) -> f32 {
        let span = (self.last - self.first).num_days().max(1) as f32;
        let at = (date - self.first).num_days() as f32;
        self.left + (self.right - self.left) * (at / span).clamp(0.0, 1.0)
    }

    /// Month ticks (every month, or every quarter over long spans) with their labels, from
    /// `top` to `bottom`.
    pub fn ticks(&self, drawing: &mut Drawing, (top, bottom): (f32, f32), months: &[&str; 12]) {
        let span_months = (self.last.year() - self.first.year()) * 12 + self.last.month0() as i32
            - self.first.month0() as i32;
        let step = if span_months > 18 { 3 } else { 1 };
        let mut day =
            NaiveDate::from_ymd_opt(self.first.year(), self.first.month(), 1).unwrap_or(self.first);
        while day <= self.last {
            if day >= self.first && (day.month0() as i32) % step == 0 {
                let x = self.x(day);
                drawing.shapes.push(Shape::Line {
                    points: vec![(x, top), (x, bottom)],
                    color: style::GRID,
                    width: 0.5,
                    dashed: false,
                });
                let label = if day.month0() == 0 || step == 1 && day == self.first {
                    format!("{} {}", months[day.month0() as usize], day.year())
                } else {
                    months[day.month0() as usize].to_owned()
                };
                drawing.shapes.push(Shape::Text {
                    x: x + 2.0,
                    y: top - 3.0,
                    size: 7.0,
                    text: label,
                    color: style::MUTED,
                    anchor: Anchor::Start,
                });
            }
            day = day
                .checked_add_months(chrono::Months::new(1))
                .unwrap_or(self.last + chrono::Days::new(1));
        }
    }
}
