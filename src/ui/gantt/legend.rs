//! The Gantt chart's legend: each mark drawn as the chart draws it, with what it means, and
//! the mouse and keyboard gestures.

use egui::{Color32, Painter, Rect, RichText, Sense, Shape, Stroke, Ui, pos2, vec2};

use crate::i18n::{Lang, T};
use crate::ui::theme::Theme;

/// A sample of a mark, drawn in a small box.
#[derive(Clone, Copy)]
enum Mark {
    Task,
    Critical,
    Progress,
    Baseline,
    Slack,
    Summary,
    Milestone,
    Deadline,
    Constraint,
    Today,
    StatusDate,
}

const MARKS: [(Mark, T); 11] = [
    (Mark::Task, T::LegendTask),
    (Mark::Critical, T::LegendCritical),
    (Mark::Progress, T::LegendProgress),
    (Mark::Baseline, T::LegendBaseline),
    (Mark::Slack, T::LegendSlack),
    (Mark::Summary, T::LegendSummary),
    (Mark::Milestone, T::LegendMilestone),
    (Mark::Deadline, T::LegendDeadline),
    (Mark::Constraint, T::LegendConstraint),
    (Mark::Today, T::LegendToday),
    (Mark::StatusDate, T::LegendStatusDate),
];

pub fn legend_ui(ui: &mut Ui, theme: Theme, lang: Lang) {
    ui.set_max_width(420.0);
    egui::Grid::new("gantt-legend")
        .num_columns(2)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            for (mark, text) in MARKS {
                let (rect, _) = ui.allocate_exact_size(vec2(44.0, 16.0), Sense::hover());
                mark_ui(ui.painter(), rect, mark, theme);
                ui.label(text.get(lang));
                ui.end_row();
            }
        });
    ui.separator();
    ui.label(RichText::new(T::GanttHelp.get(lang)).color(theme.muted()));
}

fn mark_ui(painter: &Painter, rect: Rect, mark: Mark, theme: Theme) {
    let mid = rect.center().y;
    let bar = Rect::from_min_max(
        pos2(rect.min.x + 4.0, mid - 4.0),
        pos2(rect.max.x - 12.0, mid + 4.0),
    );
    let line = |x: f32, colour: Color32| {
        painter.line_segment(
            [pos2(x, rect.min.y), pos2(x, rect.max.y)],
            Stroke::new(1.5, colour),
        );
    };
    match mark {
        Mark::Task => {
            painter.rect_filled(bar, 2.0, theme.planned());
        }
        Mark::Critical => {
            painter.rect_filled(bar, 2.0, theme.critical());
        }
        Mark::Progress => {
            painter.rect_filled(bar, 2.0, theme.planned());
            let done =
                Rect::from_min_max(pos2(bar.min.x, mid - 3.0), pos2(bar.center().x, mid + 1.0));
            painter.rect_filled(done, 1.0, theme.heat_text());
        }
        Mark::Baseline => {
            painter.rect_filled(
                bar.translate(vec2(0.0, -2.0)).shrink2(vec2(0.0, 1.0)),
                2.0,
                theme.planned(),
            );
            let under = Rect::from_min_max(
                pos2(bar.min.x + 4.0, mid + 5.0),
                pos2(bar.max.x + 4.0, mid + 8.0),
            );
            painter.rect_filled(under, 1.0, theme.muted());
        }
        Mark::Slack => {
            let short = Rect::from_min_max(bar.min, pos2(bar.center().x, bar.max.y));
            painter.rect_filled(short, 2.0, theme.planned());
            painter.line_segment(
                [
                    pos2(short.max.x, mid - 1.0),
                    pos2(rect.max.x - 4.0, mid - 1.0),
                ],
                Stroke::new(1.0, theme.muted()),
            );
        }
        Mark::Summary => {
            let bracket = Rect::from_min_max(pos2(bar.min.x, mid - 3.0), pos2(bar.max.x, mid));
            painter.rect_filled(bracket, 0.0, theme.summary());
            for x in [bracket.min.x, bracket.max.x] {
                painter.add(Shape::convex_polygon(
                    vec![pos2(x - 4.0, mid), pos2(x + 4.0, mid), pos2(x, mid + 5.0)],
                    theme.summary(),
                    Stroke::NONE,
                ));
            }
        }
        Mark::Milestone => {
            let c = rect.center();
            painter.add(Shape::convex_polygon(
                vec![
                    pos2(c.x, c.y - 6.0),
                    pos2(c.x + 6.0, c.y),
                    pos2(c.x, c.y + 6.0),
                    pos2(c.x - 6.0, c.y),
                ],
                theme.milestone(),
                Stroke::NONE,
            ));
        }
        Mark::Deadline => {
            let x = rect.center().x;
            painter.add(Shape::convex_polygon(
                vec![
                    pos2(x - 4.0, mid - 5.0),
                    pos2(x + 4.0, mid - 5.0),
                    pos2(x, mid + 1.0),
                ],
                theme.error(),
                Stroke::NONE,
            ));
        }
        Mark::Constraint => {
            let x = rect.center().x;
            let stroke = Stroke::new(1.5, theme.constraint());
            let (top, bottom) = (mid - 7.0, mid + 7.0);
            painter.line_segment([pos2(x, top), pos2(x, bottom)], stroke);
            for y in [top, bottom] {
                painter.line_segment([pos2(x, y), pos2(x + 4.0, y)], stroke);
            }
        }
        Mark::Today => line(rect.center().x, theme.forecast()),
        Mark::StatusDate => line(rect.center().x, theme.error()),
    }
}
