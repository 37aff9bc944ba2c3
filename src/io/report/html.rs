//! The report as one self-contained HTML page: inline style sheet and SVG charts, nothing
//! fetched from the network, printable (A4 landscape) as it is.

use std::fmt::Write as _;

use super::style;
use super::{Report, Table};
use crate::i18n::Lang;

fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn table(out: &mut String, t: &Table, none: &str) {
    if t.rows.is_empty() {
        let _ = write!(out, "<p class=\"none\">{}</p>", esc(none));
        return;
    }
    out.push_str("<table><thead><tr>");
    for (k, h) in t.headers.iter().enumerate() {
        let class = if t.numeric.get(k) == Some(&true) {
            " class=\"num\""
        } else {
            ""
        };
        let _ = write!(out, "<th{class}>{}</th>", esc(h));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &t.rows {
        out.push_str("<tr>");
        for (k, cell) in row.iter().enumerate() {
            let class = if t.numeric.get(k) == Some(&true) {
                " class=\"num\""
            } else {
                ""
            };
            let _ = write!(out, "<td{class}>{}</td>", esc(cell));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

fn section(out: &mut String, title: &str) {
    let _ = write!(out, "<h2>{}</h2>", esc(title));
}

fn css() -> String {
    format!(
        "@page {{ size: A4 landscape; margin: 12mm; }}\n\
         body {{ font-family: {font}; color: {ink}; margin: 24px auto; max-width: 1100px; \
         font-size: 13px; line-height: 1.4; }}\n\
         header {{ display: flex; justify-content: space-between; align-items: flex-end; \
         border-bottom: 3px solid {accent}; padding-bottom: 8px; }}\n\
         h1 {{ font-size: 24px; margin: 0; }} .kind {{ color: {muted}; font-size: 13px; \
         text-transform: uppercase; letter-spacing: .06em; }}\n\
         h2 {{ font-size: 16px; margin: 22px 0 8px; color: {accent}; break-after: avoid; }}\n\
         h3 {{ font-size: 13px; margin: 12px 0 4px; }}\n\
         .status {{ text-align: right; color: {muted}; }}\n\
         .overall {{ display: flex; gap: 12px; align-items: center; margin: 14px 0; }}\n\
         .dot {{ width: 18px; height: 18px; border-radius: 50%; display: inline-block; }}\n\
         .tiles {{ display: grid; grid-template-columns: repeat(5, 1fr); gap: 10px; }}\n\
         .tile {{ border: 1px solid {grid}; border-top: 6px solid; border-radius: 6px; \
         padding: 8px 10px; }}\n\
         .tile .label {{ color: {muted}; font-size: 12px; }} .tile .value {{ font-size: 20px; }}\n\
         .tile .detail {{ color: {muted}; font-size: 12px; }}\n\
         .message {{ background: {band}; border-left: 4px solid {accent}; padding: 8px 12px; \
         white-space: pre-wrap; }}\n\
         table {{ border-collapse: collapse; width: 100%; margin: 4px 0 8px; }}\n\
         th, td {{ border-bottom: 1px solid {grid}; padding: 4px 6px; text-align: left; \
         vertical-align: top; }}\n\
         th {{ background: {band}; font-weight: 600; }} .num {{ text-align: right; \
         white-space: nowrap; }}\n\
         .cols {{ display: grid; grid-template-columns: 1fr 1fr; gap: 18px; }}\n\
         .none {{ color: {muted}; }} section {{ break-inside: avoid; }}\n\
         svg {{ display: block; }}\n",
        font = style::FONT_STACK,
        ink = style::INK.hex(),
        muted = style::MUTED.hex(),
        accent = style::ACCENT.hex(),
        grid = style::GRID.hex(),
        band = style::BAND.hex(),
    )
}

/// The report as an HTML document.
pub fn html(r: &Report) -> String {
    let h = &r.headings;
    let lang = match r.lang {
        Lang::En => "en",
        Lang::Fr => "fr",
    };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} — {}</title><style>{}</style></head><body>",
        esc(&r.title),
        esc(&r.project),
        css()
    );
    let _ = write!(
        out,
        "<header><div><div class=\"kind\">{}</div><h1>{}</h1><div>{}</div></div>\
         <div class=\"status\">{}</div></header>",
        esc(&r.title),
        esc(&r.project),
        esc(&r.identity),
        esc(&r.status)
    );
    let _ = write!(
        out,
        "<div class=\"overall\"><span class=\"dot\" style=\"background:{}\"></span>\
         <strong>{}</strong><span>{}</span></div><div class=\"tiles\">",
        style::rag(r.overall).hex(),
        esc(&r.overall_label),
        esc(&r.overall_reason)
    );
    for tile in &r.tiles {
        let _ = write!(
            out,
            "<div class=\"tile\" style=\"border-top-color:{}\"><div class=\"label\">{}</div>\
             <div class=\"value\">{}</div><div class=\"detail\">{}</div></div>",
            style::rag(tile.rag).hex(),
            esc(&tile.label),
            esc(&tile.value),
            esc(&tile.detail)
        );
    }
    out.push_str("</div>");
    if !r.message.is_empty() {
        section(&mut out, &h.message);
        let _ = write!(out, "<div class=\"message\">{}</div>", esc(&r.message));
    }
    section(&mut out, &h.confidence);
    let _ = write!(out, "<p>{}</p>", esc(&r.confidence));
    out.push_str("<div class=\"cols\"><section>");
    section(&mut out, &h.milestones_next);
    table(&mut out, &r.milestones_next, &h.none);
    out.push_str("</section><section>");
    section(&mut out, &h.milestones_slipped);
    table(&mut out, &r.milestones_slipped, &h.none);
    out.push_str("</section></div><section>");
    section(&mut out, &h.gantt);
    out.push_str(&r.gantt.svg(&h.gantt));
    out.push_str("</section><section>");
    section(&mut out, &h.s_curve);
    let _ = write!(out, "<p>{}</p>", esc(&r.indices));
    out.push_str(&r.s_curve.svg(&h.s_curve));
    out.push_str("</section><section>");
    section(&mut out, &h.budget);
    out.push_str("<div class=\"cols\"><div>");
    table(&mut out, &r.budget_by_phase, &h.none);
    out.push_str("</div><div>");
    table(&mut out, &r.budget_by_year, &h.none);
    let _ = write!(
        out,
        "</div></div><p>{}</p></section><section>",
        esc(&r.provider_share)
    );
    section(&mut out, &h.tests);
    table(&mut out, &r.campaigns, &h.none);
    let _ = write!(
        out,
        "<p>{}</p><h3>{}</h3>",
        esc(&r.coverage),
        esc(&h.blocking)
    );
    table(&mut out, &r.blocking, &h.none);
    out.push_str("</section><section>");
    section(&mut out, &h.risks);
    table(&mut out, &r.risks, &h.none);
    out.push_str("</section><div class=\"cols\"><section>");
    section(&mut out, &h.decisions);
    if r.decisions.is_empty() {
        let _ = write!(out, "<p class=\"none\">{}</p>", esc(&h.none));
    } else {
        out.push_str("<ul>");
        for d in &r.decisions {
            let _ = write!(out, "<li>{}</li>", esc(d));
        }
        out.push_str("</ul>");
    }
    out.push_str("</section><section>");
    section(&mut out, &h.actions);
    table(&mut out, &r.actions, &h.none);
    out.push_str("</section></div></body></html>\n");
    out
}
