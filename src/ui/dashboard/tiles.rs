//! The dashboard's headline: the red / amber / green tiles (schedule, cost, scope, quality,
//! risk) and the strip of earned-value figures.

use egui::{Align, Layout, RichText, Sense, Ui, UiBuilder, vec2};

use crate::i18n::{self, T};
use crate::schedule::earned_value::EvFigures;
use crate::schedule::kpi::{Headline, Rag};
use crate::ui::ViewCtx;

fn rag_text(rag: Rag) -> T {
    match rag {
        Rag::Green => T::RagGreen,
        Rag::Amber => T::RagAmber,
        Rag::Red => T::RagRed,
        Rag::Unknown => T::RagUnknown,
    }
}

/// One tile: a coloured band, the title, the headline figure, a line of detail.
fn tile_ui(
    ui: &mut Ui,
    view: &ViewCtx<'_>,
    width: f32,
    title: T,
    rag: Rag,
    value: &str,
    detail: &str,
) {
    let lang = view.lang;
    let height = 96.0;
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let painter = ui.painter_at(rect);
    let colour = view.theme.rag(rag);
    painter.rect_filled(rect, 6.0, view.theme.tile_fill());
    painter.rect_filled(
        egui::Rect::from_min_size(rect.min, vec2(6.0, height)),
        egui::CornerRadius {
            nw: 6,
            sw: 6,
            ne: 0,
            se: 0,
        },
        colour,
    );
    let mut child = ui.new_child(
        UiBuilder::new()
            .max_rect(rect.shrink2(vec2(14.0, 8.0)))
            .layout(Layout::top_down(Align::Min)),
    );
    child.horizontal(|ui| {
        ui.label(RichText::new(title.get(lang)).strong());
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            ui.label(
                RichText::new(rag_text(rag).get(lang))
                    .color(colour)
                    .strong(),
            );
        });
    });
    child.label(RichText::new(value).size(22.0).strong());
    child.add(egui::Label::new(RichText::new(detail).color(view.theme.muted())).wrap());
    let label = format!(
        "{}: {} — {value}; {detail}",
        title.get(lang),
        rag_text(rag).get(lang)
    );
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_role(egui::accesskit::Role::Group);
        node.set_label(label);
    });
}

pub fn tiles_ui(ui: &mut Ui, view: &ViewCtx<'_>, h: &Headline) {
    let lang = view.lang;
    let cur = &view.project.meta.currency;
    let money = |v: f64| i18n::format_money(lang, v, cur);
    let index = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| i18n::format_index(lang, v));
    let width = ((ui.available_width() - 4.0 * 10.0) / 5.0).max(150.0);
    let finish = match (h.forecast_finish, h.finish_slip_days) {
        (Some(f), Some(slip)) => T::TileFinish.fill(
            lang,
            &[
                ("date", &i18n::format_date(lang, f.date())),
                ("slip", &format!("{slip:+}")),
            ],
        ),
        (Some(f), None) => {
            T::TileFinishNoBaseline.fill(lang, &[("date", &i18n::format_date(lang, f.date()))])
        }
        _ => String::new(),
    };
    let coverage = if h.requirements > 0 {
        format!(
            "{:.0} %",
            100.0 * h.requirements_covered as f64 / h.requirements as f64
        )
    } else {
        "—".to_owned()
    };
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 10.0;
        tile_ui(
            ui,
            view,
            width,
            T::TileSchedule,
            h.schedule,
            &format!("{} {}", T::EvSpi.get(lang), index(h.spi)),
            &finish,
        );
        tile_ui(
            ui,
            view,
            width,
            T::TileCost,
            h.cost,
            &format!("{} {}", T::EvCpi.get(lang), index(h.cpi)),
            &T::TileEacBac.fill(lang, &[("eac", &money(h.eac)), ("bac", &money(h.bac))]),
        );
        tile_ui(
            ui,
            view,
            width,
            T::TileScope,
            h.scope,
            &coverage,
            &T::TileCoverage.fill(
                lang,
                &[
                    ("covered", &h.requirements_covered.to_string()),
                    ("total", &h.requirements.to_string()),
                ],
            ),
        );
        tile_ui(
            ui,
            view,
            width,
            T::TileQuality,
            h.quality,
            &T::TileBlocking.fill(lang, &[("count", &h.open_blocking_anomalies.to_string())]),
            &T::TileOpenAnomalies.fill(lang, &[("count", &h.open_anomalies.to_string())]),
        );
        tile_ui(
            ui,
            view,
            width,
            T::TileRisk,
            h.risk,
            &T::TileCritical.fill(lang, &[("count", &h.critical_risks.to_string())]),
            &T::TileOpenRisks.fill(
                lang,
                &[
                    ("count", &h.open_risks.to_string()),
                    ("amount", &money(h.risk_cost_exposure)),
                ],
            ),
        );
    });
}

/// The project's earned-value figures in one strip, each with its definition on hover.
pub fn figures_ui(ui: &mut Ui, view: &ViewCtx<'_>, f: &EvFigures) {
    let lang = view.lang;
    let cur = &view.project.meta.currency;
    let money = |v: f64| i18n::format_money(lang, v, cur);
    let index = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| i18n::format_index(lang, v));
    let figures: [(&str, String, T, bool); 12] = [
        (T::EvBac.get(lang), money(f.bac), T::TipBac, false),
        (T::EvPv.get(lang), money(f.pv), T::TipPv, false),
        (T::EvEv.get(lang), money(f.ev), T::TipEv, false),
        (T::EvAc.get(lang), money(f.ac), T::TipAc, false),
        (T::EvSv.get(lang), money(f.sv), T::TipSv, f.sv < 0.0),
        (T::EvCv.get(lang), money(f.cv), T::TipCv, f.cv < 0.0),
        (
            T::EvSpi.get(lang),
            index(f.spi),
            T::TipSpi,
            f.spi.is_some_and(|v| v < 1.0),
        ),
        (
            T::EvCpi.get(lang),
            index(f.cpi),
            T::TipCpi,
            f.cpi.is_some_and(|v| v < 1.0),
        ),
        (T::EvEac.get(lang), money(f.eac), T::TipEac, f.eac > f.bac),
        (T::EvEtc.get(lang), money(f.etc), T::TipEtc, false),
        (T::EvVac.get(lang), money(f.vac), T::TipVac, f.vac < 0.0),
        (
            T::EvTcpi.get(lang),
            index(f.tcpi),
            T::TipTcpi,
            f.tcpi.is_some_and(|v| v > 1.0),
        ),
    ];
    egui::Grid::new("ev-figures")
        .num_columns(12)
        .spacing([18.0, 2.0])
        .show(ui, |ui| {
            for (name, _, tip, _) in &figures {
                ui.label(RichText::new(*name).color(view.theme.muted()).small())
                    .on_hover_text(tip.get(lang));
            }
            ui.end_row();
            for (name, value, tip, bad) in &figures {
                let text = RichText::new(value).strong();
                let text = if *bad {
                    text.color(view.theme.error())
                } else {
                    text
                };
                let response = ui.label(text).on_hover_text(tip.get(lang));
                ui.ctx().accesskit_node_builder(response.id, |node| {
                    node.set_label(format!("{name} {value}"));
                });
            }
            ui.end_row();
        });
}
