//! The chart's toolbar (zoom, fit, today, the exports, the columns and the bar labels) and
//! the splitter between the list and the timeline.

use egui::{Rect, Sense, Stroke, Ui, pos2};

use super::state::{BarLabel, GanttState};
use super::{MAX_PX_PER_DAY, MIN_PX_PER_DAY, list};
use crate::i18n::T;
use crate::ui::ViewCtx;

/// Zoom, fit, today, exports, columns and labels; returns whether fit or today was asked.
pub fn toolbar_ui(
    ui: &mut Ui,
    view: &mut ViewCtx<'_>,
    state: &mut GanttState,
    schedule: &crate::schedule::cpm::Schedule,
) -> (bool, bool) {
    let lang = view.lang;
    let mut fit = false;
    let mut goto_today = false;
    ui.horizontal(|ui| {
        if ui.button(T::ZoomIn.get(lang)).clicked() {
            state.px_per_day = (state.px_per_day * 1.5).min(MAX_PX_PER_DAY);
        }
        if ui.button(T::ZoomOut.get(lang)).clicked() {
            state.px_per_day = (state.px_per_day / 1.5).max(MIN_PX_PER_DAY);
        }
        fit = ui.button(T::FitProject.get(lang)).clicked();
        goto_today = ui.button(T::GoToToday.get(lang)).clicked();
        ui.separator();
        ui.menu_button(T::Columns.get(lang), |ui| {
            if list::chooser_ui(ui, view, &mut state.columns) {
                state.table_width = list::columns_width(&state.columns);
            }
        });
        let label_name = |l: BarLabel| match l {
            BarLabel::None => T::LabelNone,
            BarLabel::Name => T::ColName,
            BarLabel::Resources => T::ColResources,
            BarLabel::NameAndResources => T::LabelNameAndResources,
        };
        let combo = egui::ComboBox::from_id_salt("gantt-bar-label")
            .selected_text(label_name(state.bar_label).get(lang))
            .show_ui(ui, |ui| {
                for l in [
                    BarLabel::None,
                    BarLabel::Name,
                    BarLabel::Resources,
                    BarLabel::NameAndResources,
                ] {
                    ui.selectable_value(&mut state.bar_label, l, label_name(l).get(lang));
                }
            });
        ui.ctx().accesskit_node_builder(combo.response.id, |n| {
            n.set_label(T::BarLabels.get(lang).to_owned());
        });
        if view.analysis.result.is_some() {
            ui.checkbox(&mut state.risk_tint, T::TintCriticality.get(lang))
                .on_hover_text(T::TintCriticalityTip.get(lang));
        }
        ui.separator();
        if ui
            .button(T::ExportSvg.get(lang))
            .on_hover_text(T::ExportSvgTip.get(lang))
            .clicked()
        {
            let svg = crate::io::gantt_svg::gantt_svg(
                view.project,
                schedule,
                &view.derived.wbs,
                f64::from(state.px_per_day.clamp(1.0, 40.0)),
                lang,
            );
            view.out.export(
                format!(
                    "{}-gantt.svg",
                    crate::ui::dashboard::file_stem(&view.project.meta.name)
                ),
                svg.into_bytes(),
                "SVG",
                "svg",
            );
        }
        if ui
            .button(T::ExportPng.get(lang))
            .on_hover_text(T::ExportViewPngTip.get(lang))
            .clicked()
        {
            let rect = ui.max_rect();
            view.out.capture(
                egui::Rect::from_min_max(rect.min, ui.ctx().content_rect().max),
                format!(
                    "{}-gantt.png",
                    crate::ui::dashboard::file_stem(&view.project.meta.name)
                ),
            );
        }
        ui.separator();
        // The gestures and what each mark means, a click away rather than a line cut short.
        ui.menu_button(T::GanttLegend.get(lang), |ui| {
            super::legend::legend_ui(ui, *view.theme, lang);
        });
    });
    (fit, goto_today)
}

/// The splitter between the list and the timeline: drag it to give either more room.
pub fn splitter_ui(
    ui: &mut Ui,
    view: &ViewCtx<'_>,
    state: &mut GanttState,
    top: f32,
    bottom: f32,
    x: f32,
) {
    let id = egui::Id::unique("gantt-splitter");
    let rect = Rect::from_min_max(pos2(x - 3.0, top), pos2(x + 3.0, bottom));
    let response = ui.interact(rect, id, Sense::drag());
    ui.ctx().accesskit_node_builder(id, |n| {
        n.set_role(egui::accesskit::Role::Splitter);
        n.set_label(T::ListSplitter.get(view.lang).to_owned());
    });
    let active = response.hovered() || response.dragged();
    if active {
        ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
    }
    ui.painter().line_segment(
        [pos2(x, top), pos2(x, bottom)],
        Stroke::new(
            if active { 2.0 } else { 1.0 },
            view.theme
                .muted()
                .gamma_multiply(if active { 1.0 } else { 0.6 }),
        ),
    );
    if response.dragged() {
        state.table_width += response.drag_delta().x;
    }
}
