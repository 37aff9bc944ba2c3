//! The report as an A4 landscape PDF, written with krilla (pdf-writer's high-level layer from
//! the typst project: pure Rust, fonts subset and embedded, text extractable). The pages are
//! laid out here as shapes — the same shapes the charts are made of — then drawn.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::text::{Font, TextDirection};

use super::drawing::{Anchor, Drawing, Shape};
use super::style::{self, Rgb};
use super::{Report, Table};
use crate::i18n::Lang;

const PAGE_W: f32 = 841.89;
const PAGE_H: f32 = 595.28;
const MARGIN: f32 = 36.0;
const BODY: f32 = 9.0;

/// Text widths from the embedded font's advances.
struct Metrics {
    face: ttf_parser::Face<'static>,
}

impl Metrics {
    fn width(&self, text: &str, size: f32) -> f32 {
        let per_em = f32::from(self.face.units_per_em().max(1));
        let units: f32 = text
            .chars()
            .map(|c| {
                self.face
                    .glyph_index(c)
                    .and_then(|g| self.face.glyph_hor_advance(g))
                    .map_or(per_em / 2.0, f32::from)
            })
            .sum();
        units / per_em * size
    }

    /// `text` with what the font cannot show replaced (a narrow no-break space by a space).
    fn printable(&self, text: &str) -> String {
        text.chars()
            .map(|c| match c {
                c if self.face.glyph_index(c).is_some() || c == ' ' => c,
                '\u{202F}' | '\u{a0}' => ' ',
                '−' => '-',
                _ => '?',
            })
            .collect()
    }

    /// `text` cut with an ellipsis to fit `width`.
    fn fit(&self, text: &str, size: f32, width: f32) -> String {
        if self.width(text, size) <= width {
            return text.to_owned();
        }
        let mut out: String = text.to_owned();
        while !out.is_empty() && self.width(&format!("{out}…"), size) > width {
            out.pop();
        }
        format!("{}…", out.trim_end())
    }

    /// `text` broken into lines of at most `width`.
    fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.lines() {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if self.width(&candidate, size) > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line.push_str(word);
                } else {
                    line = candidate;
                }
            }
            lines.push(line);
        }
        lines
    }
}

/// Pages being laid out, each a list of shapes in page points (y down).
struct Layout<'m> {
    metrics: &'m Metrics,
    pages: Vec<Vec<Shape>>,
    y: f32,
}

impl Layout<'_> {
    fn page(&mut self) -> &mut Vec<Shape> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Room for `height` more points on this page, else a new one.
    fn room(&mut self, height: f32) {
        if self.y + height > PAGE_H - MARGIN {
            self.new_page();
        }
    }

    fn text(&mut self, x: f32, text: &str, size: f32, color: Rgb) {
        let y = self.y + size;
        self.page().push(Shape::Text {
            x,
            y,
            size,
            text: text.to_owned(),
            color,
            anchor: Anchor::Start,
        });
    }

    fn heading(&mut self, text: &str) {
        self.room(40.0);
        self.y += 8.0;
        self.text(MARGIN, text, 13.0, style::ACCENT);
        self.y += 20.0;
    }

    fn paragraph(&mut self, text: &str, size: f32, color: Rgb) {
        for line in self.metrics.wrap(text, size, PAGE_W - 2.0 * MARGIN) {
            self.room(size + 4.0);
            self.text(MARGIN, &line, size, color);
            self.y += size + 4.0;
        }
        self.y += 4.0;
    }

    fn table(&mut self, t: &Table, none: &str, (left, width): (f32, f32)) {
        if t.rows.is_empty() {
            self.paragraph(none, BODY, style::MUTED);
            return;
        }
        let columns = t.headers.len().max(1);
        // Each column as wide as its longest cell wants, within a share of the width.
        let wants: Vec<f32> = (0..columns)
            .map(|c| {
                t.rows
                    .iter()
                    .map(|r| r.get(c).map_or(0, |s| s.chars().count()))
                    .chain([t.headers[c].chars().count()])
                    .max()
                    .unwrap_or(1)
                    .clamp(6, 60) as f32
            })
            .collect();
        let total: f32 = wants.iter().sum();
        let widths: Vec<f32> = wants.iter().map(|w| w / total * width).collect();
        let row_h = BODY + 6.0;
        let draw_row = |layout: &mut Self, cells: &[String], header: bool| {
            layout.room(row_h);
            if header {
                let y = layout.y;
                layout.page().push(Shape::Rect {
                    x: left,
                    y,
                    w: width,
                    h: row_h,
                    fill: style::BAND,
                });
            }
            let mut x = left;
            for (c, w) in widths.iter().enumerate() {
                let cell = cells.get(c).map_or("", String::as_str);
                let text = layout.metrics.fit(cell, BODY, w - 6.0);
                let numeric = t.numeric.get(c) == Some(&true);
                let y = layout.y + BODY + 2.0;
                layout.page().push(Shape::Text {
                    x: if numeric { x + w - 3.0 } else { x + 3.0 },
                    y,
                    size: BODY,
                    text,
                    color: style::INK,
                    anchor: if numeric { Anchor::End } else { Anchor::Start },
                });
                x += w;
            }
            layout.y += row_h;
            let y = layout.y;
            layout.page().push(Shape::Line {
                points: vec![(left, y), (left + width, y)],
                color: style::GRID,
                width: 0.5,
                dashed: false,
            });
        };
        draw_row(self, &t.headers, true);
        for row in &t.rows {
            if self.y + row_h > PAGE_H - MARGIN {
                self.new_page();
                draw_row(self, &t.headers, true);
            }
            draw_row(self, row, false);
        }
        self.y += 6.0;
    }

    /// A chart scaled to the page's width.
    fn drawing(&mut self, d: &Drawing) {
        let scale = ((PAGE_W - 2.0 * MARGIN) / d.width.max(1.0)).min(1.0);
        let height = d.height * scale;
        self.room(height.min(PAGE_H - 2.0 * MARGIN));
        let (dx, dy) = (MARGIN, self.y);
        let map = |(x, y): (f32, f32)| (dx + x * scale, dy + y * scale);
        for shape in &d.shapes {
            let placed = match shape.clone() {
                Shape::Rect { x, y, w, h, fill } => {
                    let (x, y) = map((x, y));
                    Shape::Rect {
                        x,
                        y,
                        w: w * scale,
                        h: h * scale,
                        fill,
                    }
                }
                Shape::Line {
                    points,
                    color,
                    width,
                    dashed,
                } => Shape::Line {
                    points: points.into_iter().map(map).collect(),
                    color,
                    width,
                    dashed,
                },
                Shape::Diamond { x, y, r, fill } => {
                    let (x, y) = map((x, y));
                    Shape::Diamond {
                        x,
                        y,
                        r: r * scale,
                        fill,
                    }
                }
                Shape::Text {
                    x,
                    y,
                    size,
                    text,
                    color,
                    anchor,
                } => {
                    let (x, y) = map((x, y));
                    Shape::Text {
                        x,
                        y,
                        size: size * scale,
                        text,
                        color,
                        anchor,
                    }
                }
            };
            self.page().push(placed);
        }
        self.y += height + 8.0;
    }

    fn tiles(&mut self, r: &Report) {
        let gap = 8.0;
        let count = r.tiles.len().max(1) as f32;
        let w = (PAGE_W - 2.0 * MARGIN - gap * (count - 1.0)) / count;
        let h = 54.0;
        self.room(h + 8.0);
        let top = self.y;
        for (k, tile) in r.tiles.iter().enumerate() {
            let x = MARGIN + (w + gap) * k as f32;
            let page = self.page();
            page.push(Shape::Rect {
                x,
                y: top,
                w,
                h,
                fill: style::BAND,
            });
            page.push(Shape::Rect {
                x,
                y: top,
                w,
                h: 5.0,
                fill: style::rag(tile.rag),
            });
            for (dy, text, size, color) in [
                (17.0, &tile.label, 8.0, style::MUTED),
                (35.0, &tile.value, 14.0, style::INK),
                (48.0, &tile.detail, 7.5, style::MUTED),
            ] {
                let text = self.metrics.fit(text, size, w - 12.0);
                self.page().push(Shape::Text {
                    x: x + 6.0,
                    y: top + dy,
                    size,
                    text,
                    color,
                    anchor: Anchor::Start,
                });
            }
        }
        self.y = top + h + 10.0;
    }
}

fn lay_out(r: &Report, metrics: &Metrics) -> Vec<Vec<Shape>> {
    let h = &r.headings;
    let mut l = Layout {
        metrics,
        pages: Vec::new(),
        y: MARGIN,
    };
    l.text(MARGIN, &r.title.to_uppercase(), 8.0, style::MUTED);
    l.y += 12.0;
    l.text(MARGIN, &r.project, 20.0, style::INK);
    let status_w = metrics.width(&r.status, 10.0);
    let y = l.y + 10.0;
    l.page().push(Shape::Text {
        x: PAGE_W - MARGIN - status_w,
        y,
        size: 10.0,
        text: r.status.clone(),
        color: style::MUTED,
        anchor: Anchor::Start,
    });
    l.y += 26.0;
    l.paragraph(&r.identity, BODY, style::MUTED);
    let y = l.y;
    l.page().push(Shape::Rect {
        x: MARGIN,
        y,
        w: 12.0,
        h: 12.0,
        fill: style::rag(r.overall),
    });
    l.page().push(Shape::Text {
        x: MARGIN + 18.0,
        y: y + 10.0,
        size: 11.0,
        text: format!("{} — {}", r.overall_label, r.overall_reason),
        color: style::INK,
        anchor: Anchor::Start,
    });
    l.y += 20.0;
    l.tiles(r);
    if !r.message.is_empty() {
        l.heading(&h.message);
        l.paragraph(&r.message, 10.0, style::INK);
    }
    l.heading(&h.confidence);
    l.paragraph(&r.confidence, BODY, style::INK);
    let full = (MARGIN, PAGE_W - 2.0 * MARGIN);
    l.heading(&h.milestones_next);
    l.table(&r.milestones_next, &h.none, full);
    l.heading(&h.milestones_slipped);
    l.table(&r.milestones_slipped, &h.none, full);
    l.new_page();
    l.heading(&h.gantt);
    l.drawing(&r.gantt);
    // A chart stays with its heading.
    l.room(60.0 + r.s_curve.height * ((PAGE_W - 2.0 * MARGIN) / r.s_curve.width.max(1.0)).min(1.0));
    l.heading(&h.s_curve);
    l.paragraph(&r.indices, BODY, style::INK);
    l.drawing(&r.s_curve);
    l.heading(&h.budget);
    l.table(&r.budget_by_phase, &h.none, full);
    l.table(&r.budget_by_year, &h.none, full);
    if !r.provider_share.is_empty() {
        l.paragraph(&r.provider_share, BODY, style::INK);
    }
    l.heading(&h.tests);
    l.table(&r.campaigns, &h.none, full);
    l.paragraph(&r.coverage, BODY, style::INK);
    l.paragraph(&h.blocking, 10.0, style::INK);
    l.table(&r.blocking, &h.none, full);
    l.heading(&h.risks);
    l.table(&r.risks, &h.none, full);
    l.heading(&h.decisions);
    if r.decisions.is_empty() {
        l.paragraph(&h.none, BODY, style::MUTED);
    }
    for d in &r.decisions {
        l.paragraph(&format!("• {d}"), BODY, style::INK);
    }
    l.heading(&h.actions);
    l.table(&r.actions, &h.none, full);
    l.pages
}

fn color(c: Rgb) -> rgb::Color {
    rgb::Color::new(c.0, c.1, c.2)
}

fn fill(c: Rgb) -> Fill {
    Fill {
        paint: color(c).into(),
        ..Fill::default()
    }
}

fn draw(surface: &mut krilla::surface::Surface<'_>, shape: &Shape, font: &Font, metrics: &Metrics) {
    match shape {
        Shape::Rect {
            x,
            y,
            w,
            h,
            fill: f,
        } => {
            let mut path = PathBuilder::new();
            if let Some(rect) = Rect::from_xywh(*x, *y, w.max(0.1), h.max(0.1)) {
                path.push_rect(rect);
            }
            if let Some(path) = path.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(fill(*f)));
                surface.draw_path(&path);
            }
        }
        Shape::Line {
            points,
            color: c,
            width,
            dashed,
        } => {
            let mut path = PathBuilder::new();
            for (k, (x, y)) in points.iter().enumerate() {
                if k == 0 {
                    path.move_to(*x, *y);
                } else {
                    path.line_to(*x, *y);
                }
            }
            if let Some(path) = path.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: color(*c).into(),
                    width: *width,
                    dash: dashed.then(|| StrokeDash {
                        array: vec![4.0, 3.0],
                        offset: 0.0,
                    }),
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
        }
        Shape::Diamond { x, y, r, fill: f } => {
            let mut path = PathBuilder::new();
            path.move_to(*x, y - r);
            path.line_to(x + r, *y);
            path.line_to(*x, y + r);
            path.line_to(x - r, *y);
            path.close();
            if let Some(path) = path.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(fill(*f)));
                surface.draw_path(&path);
            }
        }
        Shape::Text {
            x,
            y,
            size,
            text,
            color: c,
            anchor,
        } => {
            let text = metrics.printable(text);
            let w = metrics.width(&text, *size);
            let x = match anchor {
                Anchor::Start => *x,
                Anchor::Middle => x - w / 2.0,
                Anchor::End => x - w,
            };
            surface.set_stroke(None);
            surface.set_fill(Some(fill(*c)));
            surface.draw_text(
                Point::from_xy(x, *y),
                font.clone(),
                *size,
                &text,
                false,
                TextDirection::Auto,
            );
        }
    }
}

/// The report as PDF bytes.
pub fn pdf(r: &Report) -> Result<Vec<u8>, String> {
    let data: &'static [u8] = epaint_default_fonts::UBUNTU_LIGHT;
    let face = ttf_parser::Face::parse(data, 0).map_err(|e| format!("the report's font: {e}"))?;
    let metrics = Metrics { face };
    let font = Font::new(data.into(), 0).ok_or("the report's font cannot be embedded")?;
    let pages = lay_out(r, &metrics);
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!("{} — {}", r.title, r.project))
            .language(match r.lang {
                Lang::En => "en".to_owned(),
                Lang::Fr => "fr".to_owned(),
            })
            .creator("Pilote".to_owned()),
    );
    let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or("bad page size")?;
    for shapes in &pages {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for shape in shapes {
            draw(&mut surface, shape, &font, &metrics);
        }
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| format!("the PDF could not be written: {e:?}"))
}
