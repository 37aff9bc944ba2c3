//! The task list left of the timeline: the columns a project manager picks (WBS, name,
//! duration, start, finish, predecessors, resources, % complete, slack), each resizable by
//! dragging its header's right edge; only the visible rows are painted.

use egui::{Align2, Color32, FontId, Painter, Rect, Sense, Stroke, Ui, pos2, vec2};

use crate::i18n::{self, T};
use crate::io::entry;
use crate::model::{Duration, Link};
use crate::ui::ViewCtx;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ColumnKind {
    Wbs,
    Name,
    Duration,
    Start,
    Finish,
    Predecessors,
    Resources,
    Percent,
    Slack,
}

impl ColumnKind {
    pub fn title(self) -> T {
        match self {
            Self::Wbs => T::ColWbs,
            Self::Name => T::ColName,
            Self::Duration => T::ColDuration,
            Self::Start => T::ColStart,
            Self::Finish => T::ColFinish,
            Self::Predecessors => T::ColPredecessors,
            Self::Resources => T::ColResources,
            Self::Percent => T::ColPercent,
            Self::Slack => T::ColSlack,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Column {
    pub kind: ColumnKind,
    pub width_px: f32,
    pub shown: bool,
}

const MIN_COLUMN_PX: f32 = 28.0;
/// Left of the name: the fold triangle's room.
const FOLD_PX: f32 = 16.0;
const INDENT_PX_PER_LEVEL: f32 = 14.0;

/// The columns as the chart opens: the ones MS Project's Gantt shows first.
pub fn default_columns() -> Vec<Column> {
    let column = |kind, width_px, shown| Column {
        kind,
        width_px,
        shown,
    };
    vec![
        column(ColumnKind::Wbs, 44.0, true),
        column(ColumnKind::Name, 230.0, true),
        column(ColumnKind::Duration, 64.0, true),
        column(ColumnKind::Start, 84.0, true),
        column(ColumnKind::Finish, 84.0, true),
        column(ColumnKind::Predecessors, 96.0, false),
        column(ColumnKind::Resources, 150.0, false),
        column(ColumnKind::Percent, 52.0, false),
        column(ColumnKind::Slack, 62.0, false),
    ]
}

/// Columns as saved by an earlier run, made whole: unknown or repeated kinds dropped, the
/// kinds missing added (hidden) in their default place at the end, the name always shown.
pub fn restored_columns(saved: &[Column]) -> Vec<Column> {
    let mut out: Vec<Column> = Vec::new();
    for c in saved {
        if !out.iter().any(|o| o.kind == c.kind) {
            out.push(Column {
                width_px: c.width_px.max(MIN_COLUMN_PX),
                shown: c.shown || c.kind == ColumnKind::Name,
                ..*c
            });
        }
    }
    for d in default_columns() {
        if !out.iter().any(|o| o.kind == d.kind) {
            out.push(Column {
                shown: d.kind == ColumnKind::Name,
                ..d
            });
        }
    }
    out
}

/// The width the shown columns need.
pub fn columns_width(columns: &[Column]) -> f32 {
    columns.iter().filter(|c| c.shown).map(|c| c.width_px).sum()
}

/// The left edge of each shown column, with the column.
pub fn layout(columns: &[Column], left: f32) -> Vec<(f32, Column)> {
    let mut x = left;
    columns
        .iter()
        .filter(|c| c.shown)
        .map(|c| {
            let at = x;
            x += c.width_px;
            (at, *c)
        })
        .collect()
}

/// The list's titles, with a handle on each column's right edge to resize it.
pub fn header_ui(ui: &mut Ui, view: &ViewCtx<'_>, columns: &mut [Column], rect: Rect) {
    let lang = view.lang;
    let painter = ui.painter_at(rect);
    let text = view.theme.heat_text();
    let muted = view.theme.muted();
    for (x, column) in layout(columns, rect.min.x) {
        let cell = Rect::from_min_max(pos2(x, rect.min.y), pos2(x + column.width_px, rect.max.y));
        painter.with_clip_rect(cell.shrink2(vec2(2.0, 0.0))).text(
            pos2(x + 4.0, rect.max.y - 6.0),
            Align2::LEFT_BOTTOM,
            column.kind.title().get(lang),
            FontId::proportional(12.0),
            text,
        );
        let edge = x + column.width_px;
        painter.line_segment(
            [pos2(edge, rect.min.y + 8.0), pos2(edge, rect.max.y)],
            Stroke::new(1.0, muted.gamma_multiply(0.5)),
        );
        let id = egui::Id::unique(("gantt-column-resize", column.kind as u8));
        let handle = ui.interact(
            Rect::from_min_max(pos2(edge - 3.0, rect.min.y), pos2(edge + 3.0, rect.max.y)),
            id,
            Sense::drag(),
        );
        let label = T::ResizeColumn.fill(lang, &[("name", column.kind.title().get(lang))]);
        ui.ctx().accesskit_node_builder(id, |n| {
            n.set_role(egui::accesskit::Role::Splitter);
            n.set_label(label);
        });
        if handle.hovered() || handle.dragged() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeColumn);
        }
        if handle.dragged()
            && let Some(c) = columns.iter_mut().find(|c| c.kind == column.kind)
        {
            c.width_px = (c.width_px + handle.drag_delta().x).max(MIN_COLUMN_PX);
        }
    }
}

/// Checkboxes choosing the columns, in a menu of the toolbar.
pub fn chooser_ui(ui: &mut Ui, view: &ViewCtx<'_>, columns: &mut [Column]) -> bool {
    let mut changed = false;
    for column in columns.iter_mut() {
        // The name stays: a row without it says nothing.
        let enabled = column.kind != ColumnKind::Name;
        changed |= ui
            .add_enabled(
                enabled,
                egui::Checkbox::new(&mut column.shown, column.kind.title().get(view.lang)),
            )
            .changed();
    }
    changed
}

/// What the row's cells paint with.
pub struct RowStyle {
    pub name: Color32,
    pub muted: Color32,
}

/// `text` from `at` (its left, vertically centred), ended with "…" where it would pass `right`.
fn ellipsized(
    painter: &Painter,
    at: egui::Pos2,
    right: f32,
    text: &str,
    font: FontId,
    colour: Color32,
) {
    let mut job = egui::text::LayoutJob::simple_singleline(text.to_owned(), font, colour);
    job.wrap = egui::text::TextWrapping::truncate_at_width((right - at.x).max(0.0));
    let galley = painter.layout_job(job);
    let top = at.y - galley.size().y / 2.0;
    painter.galley(pos2(at.x, top), galley, colour);
}

/// The cells of row `i` at height `y`; returns where the fold triangle is, for summaries.
#[allow(
    clippy::too_many_arguments,
    reason = "each is a different aspect of the row"
)]
pub fn row_ui(
    painter: &Painter,
    view: &ViewCtx<'_>,
    columns: &[(f32, Column)],
    right: f32,
    i: usize,
    y: f32,
    row_height: f32,
    style: &RowStyle,
) -> Option<egui::Pos2> {
    let lang = view.lang;
    let task = &view.project.tasks[i];
    let summary = view.derived.summary[i];
    let dates = view
        .derived
        .schedule
        .as_ref()
        .ok()
        .and_then(|s| s.tasks.get(i));
    let font = FontId::proportional(13.0);
    let mid = y + row_height / 2.0;
    let mut fold = None;
    for &(x, column) in columns {
        if x >= right {
            break;
        }
        let cell = Rect::from_min_max(
            pos2(x + 2.0, y),
            pos2((x + column.width_px - 2.0).min(right), y + row_height),
        );
        let clip = painter.with_clip_rect(cell);
        let plain = |text: &str, colour: Color32| {
            ellipsized(
                &clip,
                pos2(cell.min.x + 2.0, mid),
                cell.max.x,
                text,
                font.clone(),
                colour,
            );
        };
        match column.kind {
            ColumnKind::Wbs => plain(&view.derived.wbs[i], style.muted),
            ColumnKind::Name => {
                let indent = f32::from(task.outline_level.saturating_sub(1)) * INDENT_PX_PER_LEVEL;
                if summary {
                    fold = Some(pos2(cell.min.x + indent + 6.0, mid));
                }
                // Phases in bold, as in the task plan and MS Project.
                let name_font = if summary {
                    crate::ui::theme::bold(font.size)
                } else {
                    font.clone()
                };
                ellipsized(
                    &clip,
                    pos2(cell.min.x + indent + FOLD_PX, mid),
                    cell.max.x,
                    &task.name,
                    name_font,
                    style.name,
                );
            }
            ColumnKind::Duration => {
                plain(&entry::format_duration(task.duration, lang), style.name);
            }
            ColumnKind::Start | ColumnKind::Finish => {
                if let Some(d) = dates {
                    let at = if column.kind == ColumnKind::Start {
                        d.start
                    } else {
                        d.finish
                    };
                    plain(&i18n::format_date_numeric(at.date()), style.muted);
                }
            }
            ColumnKind::Predecessors => {
                let links: Vec<&Link> = view.derived.predecessors[i]
                    .iter()
                    .filter_map(|&k| view.project.links.get(k))
                    .collect();
                plain(
                    &entry::format_predecessors(&links, &view.derived.rows, lang),
                    style.muted,
                );
            }
            ColumnKind::Resources => plain(&view.derived.resources[i], style.muted),
            ColumnKind::Percent => {
                // A summary's, rolled up from its subtasks.
                let percent = view.derived.rolled_percent(view.project)[i];
                plain(&format!("{percent:.0} %"), style.muted);
            }
            ColumnKind::Slack => {
                if let Some(d) = dates
                    && !summary
                {
                    let per_day = f64::from(view.project.settings.minutes_per_day.max(1));
                    let slack = Duration::days(d.total_slack_minutes as f64 / per_day);
                    plain(&entry::format_duration(slack, lang), style.muted);
                }
            }
        }
    }
    fold
}
