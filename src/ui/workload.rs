//! The workload: a heatmap of every person's load by day, week or month, grouped by team, skill
//! or provider; hovering a cell tells its figures, clicking it lists the assignments that make
//! it up; a histogram of the selected resource or group against its capacity. Leveling starts
//! here.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};
use egui::{Align2, Color32, FontId, Rect, RichText, Sense, Ui, pos2, vec2};
use egui_plot::{Bar, BarChart, Legend, Line, Plot, PlotPoints};

use super::ViewCtx;
use super::choices::Choice as _;
use crate::app::contract::Modal;
use crate::i18n::{self, Lang, T};
use crate::schedule::cost::Period;
use crate::schedule::load::{self, Cell, Grouping, Load};
use crate::ui::ViewKind;

/// The view's own state.
pub struct WorkloadState {
    pub grouping: Grouping,
    pub period: Period,
    /// The cell whose assignments are listed: (resource row, first day, end day).
    pub selected_cell: Option<(usize, usize, usize)>,
    /// The row the histogram shows: a resource, or a group by name.
    selected_row: Option<RowKey>,
    collapsed: HashSet<String>,
    /// The heatmap opens scrolled to the status date (what can still change), once per period.
    scrolled_for: Option<Period>,
    /// The columns the heatmap showed last frame, as the histogram's x range (bar `c` at `c`):
    /// the chart shows the same periods as the heatmap and follows its scrolling.
    heat_span: Option<(Period, f64, f64)>,
}

impl super::View for WorkloadState {
    fn ui(&mut self, ui: &mut Ui, ctx: &mut ViewCtx<'_>) {
        workload_ui(ui, ctx, self);
    }
}

impl Default for WorkloadState {
    fn default() -> Self {
        Self {
            grouping: Grouping::Team,
            period: Period::Week,
            selected_cell: None,
            selected_row: None,
            collapsed: HashSet::new(),
            scrolled_for: None,
            heat_span: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum RowKey {
    Group(String),
    Resource(usize),
}

/// A line of the heatmap.
struct Row {
    key: RowKey,
    label: String,
    members: Vec<usize>,
}

const NAME_WIDTH: f32 = 230.0;
const ROW_HEIGHT: f32 = 24.0;
const HEADER_HEIGHT: f32 = 40.0;

fn cell_width(period: Period) -> f32 {
    match period {
        Period::Day => 30.0,
        Period::Week => 46.0,
        Period::Month | Period::Year => 64.0,
    }
}

/// "week of 23 Nov 2026", "Nov 2026", "Mon 23 Nov 2026".
fn period_label(lang: Lang, period: Period, start: NaiveDate) -> String {
    match period {
        Period::Day => i18n::format_date(lang, start),
        Period::Week => T::WeekOf.fill(lang, &[("date", &i18n::format_date(lang, start))]),
        Period::Month => format!(
            "{} {}",
            i18n::month_name(lang, start.month0()),
            start.year()
        ),
        Period::Year => start.year().to_string(),
    }
}

fn hours(lang: Lang, minutes: f64) -> String {
    let text = format!("{:.1} h", minutes / 60.0);
    if lang == Lang::Fr {
        text.replace('.', ",")
    } else {
        text
    }
}

/// The colour of a cell: idle, normal, full, over-allocated, from the theme.
fn heat(view: &ViewCtx<'_>, cell: Cell) -> Color32 {
    let theme = view.theme;
    if cell.capacity_minutes <= 0.0 && cell.load_minutes <= 0.5 {
        return theme.heat_off();
    }
    match cell.ratio() {
        _ if cell.over() => theme.heat_over(),
        Some(r) if r >= 0.95 => theme.heat_full(),
        Some(r) if r > 0.05 => theme.heat_normal(),
        _ => theme.heat_idle(),
    }
}

pub fn workload_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut WorkloadState) {
    let lang = view.lang;
    let Some(load) = view.derived.load(view.project) else {
        if let Err(error) = &view.derived.schedule {
            ui.label(
                RichText::new(T::NotScheduled.fill(lang, &[("error", error)]))
                    .color(view.theme.error()),
            );
        }
        return;
    };
    toolbar_ui(ui, view, state);
    ui.separator();
    let period = state.period;
    let periods = load.periods(period);
    let rows = rows(view, state);

    let details_width = 330.0;
    egui::Panel::right("workload-details")
        .resizable(true)
        .default_size(details_width)
        .show(ui, |ui| details_ui(ui, view, state, load, &periods));
    egui::Panel::bottom("workload-histogram")
        .resizable(true)
        .default_size(230.0)
        .show(ui, |ui| {
            histogram_ui(ui, view, state, load, &periods, &rows);
        });
    egui::CentralPanel::default_margins().show(ui, |ui| {
        heatmap_ui(ui, view, state, load, &periods, &rows);
    });
}

fn toolbar_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut WorkloadState) {
    let lang = view.lang;
    ui.horizontal_wrapped(|ui| {
        ui.label(T::GroupBy.get(lang));
        for g in Grouping::ALL {
            ui.selectable_value(&mut state.grouping, g, g.label().get(lang));
        }
        ui.separator();
        for p in [Period::Day, Period::Week, Period::Month] {
            ui.selectable_value(&mut state.period, p, p.label().get(lang));
        }
        ui.separator();
        if ui
            .button(T::LevelResources.get(lang))
            .on_hover_text(T::LevelResourcesTip.get(lang))
            .clicked()
        {
            view.out
                .open_modal(Modal::Level(crate::app::contract::LevelDialog::default()));
        }
        if ui
            .button(T::ClearLeveling.get(lang))
            .on_hover_text(T::ClearLevelingTip.get(lang))
            .clicked()
        {
            view.out.level(crate::doc::level::LevelRequest::Clear(None));
        }
        ui.separator();
        for (text, colour) in [
            (T::HeatIdle, view.theme.heat_idle()),
            (T::HeatNormal, view.theme.heat_normal()),
            (T::HeatFull, view.theme.heat_full()),
            (T::HeatOver, view.theme.heat_over()),
        ] {
            let (rect, _) = ui.allocate_exact_size(vec2(14.0, 14.0), Sense::hover());
            ui.painter().rect_filled(rect, 2.0, colour);
            ui.label(text.get(lang));
        }
    });
}

fn rows(view: &ViewCtx<'_>, state: &WorkloadState) -> Vec<Row> {
    let lang = view.lang;
    let project = view.project;
    let groups = load::groups(
        project,
        state.grouping,
        T::Internal.get(lang),
        T::Ungrouped.get(lang),
    );
    let mut out = Vec::new();
    for (name, members) in groups {
        let people: Vec<usize> = members
            .into_iter()
            .filter(|&k| load::has_capacity(&project.resources[k]))
            .collect();
        if people.is_empty() {
            continue;
        }
        out.push(Row {
            key: RowKey::Group(name.clone()),
            label: name.clone(),
            members: people.clone(),
        });
        if state.collapsed.contains(&name) {
            continue;
        }
        for k in people {
            out.push(Row {
                key: RowKey::Resource(k),
                label: project.resources[k].name.clone(),
                members: vec![k],
            });
        }
    }
    out
}

#[allow(
    clippy::too_many_lines,
    reason = "one heatmap: rows, then cells, then their tooltips"
)]
fn heatmap_ui(
    ui: &mut Ui,
    view: &mut ViewCtx<'_>,
    state: &mut WorkloadState,
    load: &Load,
    periods: &[(NaiveDate, usize, usize)],
    rows: &[Row],
) {
    let lang = view.lang;
    let period = state.period;
    let width = cell_width(period);
    let status = view.project.meta.status_date;
    let total = vec2(
        NAME_WIDTH + width * periods.len() as f32,
        HEADER_HEIGHT + ROW_HEIGHT * rows.len() as f32,
    );
    let mut area = egui::ScrollArea::both()
        .id_salt(("heatmap", period as u8))
        .auto_shrink([false, false]);
    if state.scrolled_for != Some(period) {
        state.scrolled_for = Some(period);
        let at = status.unwrap_or(view.today);
        let column = periods
            .iter()
            .position(|p| p.0 > at)
            .unwrap_or(periods.len());
        // Two periods of history before the status date stay in view.
        area = area.horizontal_scroll_offset(column.saturating_sub(3) as f32 * width);
    }
    area.show_viewport(ui, |ui, viewport| {
        let (origin_rect, _) = ui.allocate_exact_size(total, Sense::hover());
        let origin = origin_rect.min;
        let painter = ui.painter().clone();
        let visible = viewport.translate(origin.to_vec2());
        let span = visible_span(period, viewport.min.x, viewport.max.x, width);
        if state.heat_span != Some(span) {
            // The histogram, drawn before the heatmap, follows on the next frame.
            state.heat_span = Some(span);
            ui.ctx().request_repaint();
        }
        let first_col = (((viewport.min.x - NAME_WIDTH) / width).floor().max(0.0)) as usize;
        let last_col =
            ((((viewport.max.x - NAME_WIDTH) / width).ceil()).max(0.0) as usize).min(periods.len());
        let first_row = (((viewport.min.y - HEADER_HEIGHT) / ROW_HEIGHT)
            .floor()
            .max(0.0)) as usize;
        let last_row = ((((viewport.max.y - HEADER_HEIGHT) / ROW_HEIGHT).ceil()).max(0.0) as usize)
            .min(rows.len());
        let font = FontId::proportional(11.0);
        let text_colour = ui.visuals().text_color();
        for (r, row) in rows.iter().enumerate().take(last_row).skip(first_row) {
            let y = origin.y + HEADER_HEIGHT + r as f32 * ROW_HEIGHT;
            let group = matches!(row.key, RowKey::Group(_));
            for (c, &(start, from, to)) in periods.iter().enumerate().take(last_col).skip(first_col)
            {
                let x = origin.x + NAME_WIDTH + c as f32 * width;
                let rect = Rect::from_min_size(pos2(x, y), vec2(width, ROW_HEIGHT)).shrink(1.0);
                let cell = load.sum(&row.members, from, to);
                let mut colour = heat(view, cell);
                // Work already done is history: drawn fainter.
                if status.is_some_and(|s| load.date(to.saturating_sub(1)) <= s) {
                    colour = colour.gamma_multiply(0.45);
                }
                painter.rect_filled(rect, 2.0, colour);
                if group {
                    painter.rect_stroke(
                        rect,
                        2.0,
                        egui::Stroke::new(1.0, view.theme.muted()),
                        egui::StrokeKind::Inside,
                    );
                }
                let percent = cell
                    .ratio()
                    .map_or_else(|| "—".into(), |r| format!("{:.0}", r * 100.0));
                if width >= 30.0 && cell.load_minutes > 0.5 && cell.capacity_minutes > 0.0 {
                    painter.text(
                        rect.center(),
                        Align2::CENTER_CENTER,
                        &percent,
                        font.clone(),
                        view.theme.heat_text(),
                    );
                }
                let id = egui::Id::unique(("heat-cell", r, c, state.grouping as u8, period as u8));
                let response = ui.interact(rect, id, Sense::click());
                let label = format!(
                    "{} {} {}",
                    row.label,
                    period_label(lang, period, start),
                    if percent == "—" {
                        percent.clone()
                    } else {
                        format!("{percent} %")
                    }
                );
                ui.ctx().accesskit_node_builder(id, |node| {
                    node.set_role(egui::accesskit::Role::Cell);
                    node.set_label(label.clone());
                });
                let response = response.on_hover_ui(|ui| {
                    ui.strong(&row.label);
                    ui.label(period_label(lang, period, start));
                    ui.label(T::LoadOfCapacity.fill(
                        lang,
                        &[
                            ("load", &hours(lang, cell.load_minutes)),
                            ("capacity", &hours(lang, cell.capacity_minutes)),
                            ("percent", &percent),
                        ],
                    ));
                });
                if response.clicked() {
                    state.selected_row = Some(row.key.clone());
                    if let RowKey::Resource(k) = row.key {
                        state.selected_cell = Some((k, from, to));
                    }
                }
            }
        }
        // Header (dates) and names stay in view while scrolling.
        let header = Rect::from_min_size(
            pos2(visible.min.x, visible.min.y),
            vec2(visible.width(), HEADER_HEIGHT),
        );
        painter.rect_filled(header, 0.0, ui.visuals().panel_fill);
        for (c, &(start, _, _)) in periods.iter().enumerate().take(last_col).skip(first_col) {
            let x = origin.x + NAME_WIDTH + c as f32 * width;
            let top = match period {
                Period::Day | Period::Week => {
                    // The first visible column names its month unless the next month starts
                    // right after (the labels would overlap).
                    let new_month = if c == first_col {
                        periods
                            .get(c + 1)
                            .is_none_or(|next| next.0.month() == start.month())
                    } else {
                        periods[c - 1].0.month() != start.month()
                    };
                    new_month.then(|| {
                        format!(
                            "{} {}",
                            i18n::month_name(lang, start.month0()),
                            start.year()
                        )
                    })
                }
                Period::Month | Period::Year => {
                    (c == first_col || start.month0() == 0).then(|| start.year().to_string())
                }
            };
            if let Some(top) = top {
                painter.text(
                    pos2(x + 2.0, visible.min.y + 4.0),
                    Align2::LEFT_TOP,
                    top,
                    font.clone(),
                    text_colour,
                );
            }
            let bottom = match period {
                Period::Day | Period::Week => start.day().to_string(),
                Period::Month | Period::Year => i18n::month_name(lang, start.month0()).to_owned(),
            };
            painter.text(
                pos2(x + width / 2.0, visible.min.y + HEADER_HEIGHT - 4.0),
                Align2::CENTER_BOTTOM,
                bottom,
                font.clone(),
                view.theme.muted(),
            );
        }
        let names = Rect::from_min_size(
            pos2(visible.min.x, visible.min.y + HEADER_HEIGHT),
            vec2(NAME_WIDTH, visible.height()),
        );
        painter.rect_filled(names, 0.0, ui.visuals().panel_fill);
        painter.rect_filled(
            Rect::from_min_size(visible.min, vec2(NAME_WIDTH, HEADER_HEIGHT)),
            0.0,
            ui.visuals().panel_fill,
        );
        for (r, row) in rows.iter().enumerate().take(last_row).skip(first_row) {
            let y = origin.y + HEADER_HEIGHT + r as f32 * ROW_HEIGHT;
            if y + ROW_HEIGHT <= names.min.y {
                continue;
            }
            let rect = Rect::from_min_size(pos2(visible.min.x, y), vec2(NAME_WIDTH, ROW_HEIGHT));
            let group = matches!(row.key, RowKey::Group(_));
            let selected = state.selected_row.as_ref() == Some(&row.key);
            if selected {
                painter.rect_filled(rect, 2.0, ui.visuals().selection.bg_fill);
            }
            let (indent, text, colour) = if group {
                // A triangle drawn, not taken from a font: open (down) or collapsed (right).
                let c = pos2(rect.min.x + 10.0, rect.center().y);
                super::widgets::fold_triangle_ui(
                    &painter,
                    c,
                    state.collapsed.contains(&row.label),
                    view.theme.summary(),
                );
                (20.0, row.label.clone(), view.theme.summary())
            } else {
                (28.0, row.label.clone(), text_colour)
            };
            painter.text(
                pos2(rect.min.x + indent, rect.center().y),
                Align2::LEFT_CENTER,
                text,
                FontId::proportional(13.0),
                colour,
            );
            let id = egui::Id::unique(("heat-row", r, state.grouping as u8));
            let response = ui.interact(rect, id, Sense::click());
            ui.ctx().accesskit_node_builder(id, |node| {
                node.set_role(egui::accesskit::Role::RowHeader);
                node.set_label(row.label.clone());
            });
            if response.clicked() {
                // A second click on a selected group folds or unfolds it.
                if group
                    && state.selected_row.as_ref() == Some(&row.key)
                    && !state.collapsed.remove(&row.label)
                {
                    state.collapsed.insert(row.label.clone());
                }
                state.selected_row = Some(row.key.clone());
            }
        }
    });
}

fn details_ui(
    ui: &mut Ui,
    view: &mut ViewCtx<'_>,
    state: &mut WorkloadState,
    load: &Load,
    periods: &[(NaiveDate, usize, usize)],
) {
    let lang = view.lang;
    let project = view.project;
    let Some((k, from, to)) = state.selected_cell else {
        ui.label(RichText::new(T::ClickACell.get(lang)).color(view.theme.muted()));
        return;
    };
    let Some(resource) = project.resources.get(k) else {
        state.selected_cell = None;
        return;
    };
    let Ok(schedule) = &view.derived.schedule else {
        return;
    };
    let start = periods
        .iter()
        .find(|p| p.1 == from)
        .map_or_else(|| load.date(from), |p| p.0);
    ui.heading(&resource.name);
    ui.label(period_label(lang, state.period, start));
    let cell = load.sum(&[k], from, to);
    let percent = cell
        .ratio()
        .map_or_else(|| "—".to_owned(), |r| format!("{:.0}", r * 100.0));
    let text = RichText::new(T::LoadOfCapacity.fill(
        lang,
        &[
            ("load", &hours(lang, cell.load_minutes)),
            ("capacity", &hours(lang, cell.capacity_minutes)),
            ("percent", &percent),
        ],
    ));
    ui.label(if cell.over() {
        text.color(view.theme.error()).strong()
    } else {
        text
    });
    ui.separator();
    ui.strong(T::MadeOf.get(lang));
    let parts = load::contributions(project, schedule, load, k, from, to);
    if parts.is_empty() {
        ui.label(RichText::new(T::NoAssignmentThen.get(lang)).color(view.theme.muted()));
    }
    egui::Grid::new("cell-assignments")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            for (a, minutes) in parts {
                let assignment = &project.assignments[a];
                let Some(&row) = view.derived.rows.get(&assignment.task) else {
                    continue;
                };
                let task = &project.tasks[row];
                ui.label(format!("{} {}", view.derived.wbs[row], task.name));
                ui.label(format!(
                    "{} · {:.0} %",
                    hours(lang, minutes),
                    assignment.units * 100.0
                ));
                if ui
                    .small_button(T::GoToTask.get(lang))
                    .on_hover_text(T::GoToTaskTip.get(lang))
                    .clicked()
                {
                    view.out.show(ViewKind::Tasks);
                    view.out.select_task(task.id);
                }
                ui.end_row();
            }
        });
}

/// The histogram's x range showing the heatmap's visible columns: the cells lie right of the
/// frozen names, column `c` over `[c, c + 1)` of the content and bar `c` centred on `c`.
fn visible_span(
    period: Period,
    viewport_min_x: f32,
    viewport_max_x: f32,
    width: f32,
) -> (Period, f64, f64) {
    let lo = f64::from(viewport_min_x / width) - 0.5;
    let hi = f64::from((viewport_max_x - NAME_WIDTH) / width) - 0.5;
    (period, lo, hi.max(lo + 1.0))
}

/// A mark on every period there is room to label (some 60 points each; `base_step_size` is
/// the smallest grid step, about 6 points), as the heat map above names its periods.
fn period_marks(input: &egui_plot::GridInput) -> Vec<egui_plot::GridMark> {
    let (lo, hi) = input.bounds;
    let every = (input.base_step_size * 10.0).ceil().max(1.0);
    let first = (lo.max(0.0) / every).ceil() as i64;
    let last = (hi / every).floor() as i64;
    (first..=last)
        .map(|k| egui_plot::GridMark {
            value: k as f64 * every,
            step_size: every,
        })
        .collect()
}

fn histogram_ui(
    ui: &mut Ui,
    view: &ViewCtx<'_>,
    state: &WorkloadState,
    load: &Load,
    periods: &[(NaiveDate, usize, usize)],
    rows: &[Row],
) {
    let lang = view.lang;
    let theme = view.theme;
    let Some(row) = state
        .selected_row
        .as_ref()
        .and_then(|key| rows.iter().find(|r| &r.key == key))
        .or_else(|| rows.iter().find(|r| matches!(r.key, RowKey::Resource(_))))
    else {
        return;
    };
    ui.strong(T::HistogramOf.fill(lang, &[("name", &row.label)]));
    let cells: Vec<Cell> = periods
        .iter()
        .map(|&(_, from, to)| load.sum(&row.members, from, to))
        .collect();
    let bars: Vec<Bar> = cells
        .iter()
        .enumerate()
        .map(|(c, cell)| {
            let colour = if cell.over() {
                theme.heat_over()
            } else {
                theme.heat_normal()
            };
            Bar::new(c as f64, cell.load_minutes / 60.0)
                .width(0.8)
                .fill(colour)
        })
        .collect();
    // Capacity as steps across each period.
    let mut capacity = Vec::with_capacity(cells.len() * 2);
    for (c, cell) in cells.iter().enumerate() {
        capacity.push([c as f64 - 0.5, cell.capacity_minutes / 60.0]);
        capacity.push([c as f64 + 0.5, cell.capacity_minutes / 60.0]);
    }
    let starts: Vec<NaiveDate> = periods.iter().map(|p| p.0).collect();
    let period = state.period;
    let span = state.heat_span;
    let label_starts = starts.clone();
    Plot::new(("histogram", state.grouping as u8))
        .legend(
            Legend::default()
                .follow_insertion_order(true)
                .position(egui_plot::Corner::LeftTop),
        )
        .x_grid_spacer(|input| period_marks(&input))
        .x_axis_formatter(move |mark, _| {
            let k = mark.value.round();
            if (mark.value - k).abs() > 0.01 || k < 0.0 {
                return String::new();
            }
            label_starts
                .get(k as usize)
                .map_or_else(String::new, |d| match period {
                    Period::Day | Period::Week => {
                        format!("{} {}", d.day(), i18n::month_name(lang, d.month0()))
                    }
                    Period::Month | Period::Year => {
                        format!("{} {}", i18n::month_name(lang, d.month0()), d.year())
                    }
                })
        })
        .y_axis_formatter(|mark, _| format!("{:.0} h", mark.value))
        .label_formatter(move |pos| match pos {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => {
                let d = starts.get(position.x.round().max(0.0) as usize)?;
                Some(format!(
                    "{plot_name}\n{}\n{:.1} h",
                    period_label(lang, period, *d),
                    position.y
                ))
            }
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .allow_scroll(false)
        .allow_drag([false, true])
        .allow_zoom([false, true])
        .include_y(0.0)
        .show(ui, |plot| {
            if let Some((p, lo, hi)) = span
                && p == period
            {
                plot.set_plot_bounds_x(lo..=hi);
            }
            plot.bar_chart(BarChart::new(T::SeriesLoad.get(lang), bars).color(theme.heat_normal()));
            plot.line(
                Line::new(T::SeriesCapacity.get(lang), PlotPoints::from(capacity))
                    .color(theme.reference())
                    .allow_band(false)
                    .width(2.0),
            );
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_histogram_shows_the_heatmap_s_visible_columns() {
        let width = cell_width(Period::Week);
        // Scrolled by 40 columns, 10 columns of cells right of the names: bars 40 to 49.
        let min = 40.0 * width;
        let max = min + NAME_WIDTH + 10.0 * width;
        let (period, lo, hi) = visible_span(Period::Week, min, max, width);
        assert_eq!(period, Period::Week);
        assert!(
            (lo - 39.5).abs() < 1e-3 && (hi - 49.5).abs() < 1e-3,
            "{lo} {hi}"
        );
        // A viewport narrower than the names still shows one bar.
        let (_, lo, hi) = visible_span(Period::Week, 0.0, NAME_WIDTH / 2.0, width);
        assert!(hi - lo >= 1.0);
    }
}
