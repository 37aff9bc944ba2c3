//! The tracking table: actual start and finish, % complete and actual work typed per task as
//! in MS Project's tracking table, with remaining work and the actual and remaining cost.
//! Every entry is one undoable edit; summaries are computed from their subtasks.

use egui::{Align, Layout, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::ViewCtx;
use super::task_plan::TaskPlanState;
use super::widgets::{CellOutcome, text_cell_ui};
use crate::doc::edit::Edit;
use crate::i18n::{self, T};
use crate::model::Task;
use crate::schedule::progress::{TaskUpdate, UpdateRefusal, update_task};

const ROW_HEIGHT: f32 = 22.0;
const INDENT_PER_LEVEL: f32 = 16.0;

#[derive(Clone, Copy, Debug, Hash)]
enum Field {
    ActualStart,
    ActualFinish,
    Percent,
    ActualWork,
}

#[allow(clippy::too_many_lines, reason = "one table, column after column")]
pub fn tracking_table_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut TaskPlanState) {
    let lang = view.lang;
    let tracking = match view.derived.tracking(view.project) {
        Ok(t) => t,
        Err(error) => {
            ui.label(
                RichText::new(T::NotScheduled.fill(lang, &[("error", error)]))
                    .color(view.theme.error()),
            );
            return;
        }
    };
    let sheet = &tracking.report.sheet;
    let project = view.project;
    let tasks = &project.tasks;
    // Work per row: (work, actual work) in minutes, subtasks included for summaries.
    let mut own_work = vec![(0i64, 0i64); tasks.len()];
    for a in &project.assignments {
        if let Some(&row) = view.derived.rows.get(&a.task) {
            own_work[row].0 += a.work_minutes;
            own_work[row].1 += a.actual_work_minutes;
        }
    }
    let work = rolled_work(tasks, &own_work);
    let selected_row = view
        .selection
        .selected
        .and_then(|id| view.derived.rows.get(&id).copied());
    let hours = |minutes: f64| {
        format!("{:.1} h", minutes / 60.0)
            .replace('.', if lang == i18n::Lang::Fr { "," } else { "." })
    };
    let currency = project.meta.currency.as_str();
    let headers = [
        T::ColId,
        T::ColWbs,
        T::ColName,
        T::ColActualStart,
        T::ColActualFinish,
        T::ColPercent,
        T::ColActualWork,
        T::ColRemainingWork,
        T::ColActualCost,
        T::ColRemainingCost,
    ];
    let mut table = TableBuilder::new(ui)
        .id_salt("task-tracking")
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(Layout::left_to_right(Align::Center))
        .column(Column::exact(38.0))
        .column(Column::initial(56.0).at_least(36.0))
        .column(Column::initial(280.0).at_least(120.0).clip(true));
    for width in [140.0, 140.0, 80.0, 100.0, 100.0, 110.0, 110.0] {
        table = table.column(Column::initial(width).at_least(50.0));
    }
    if let Some(row) = selected_row.filter(|_| view.selection.scroll_to_selected) {
        table = table.scroll_to_row(row, None);
        view.selection.scroll_to_selected = false;
    }
    table
        .header(ROW_HEIGHT, |mut header| {
            for title in headers {
                header.col(|ui| {
                    ui.strong(title.get(lang));
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, tasks.len(), |mut row| {
                let index = row.index();
                let task = &tasks[index];
                let summary = view.derived.summary[index];
                row.set_selected(selected_row == Some(index));
                let mut select = false;
                row.col(|ui| {
                    ui.label(RichText::new((index + 1).to_string()).color(view.theme.muted()));
                });
                row.col(|ui| {
                    ui.label(RichText::new(&view.derived.wbs[index]).color(view.theme.muted()));
                });
                row.col(|ui| {
                    ui.add_space(
                        f32::from(task.outline_level.saturating_sub(1)) * INDENT_PER_LEVEL,
                    );
                    let text = RichText::new(&task.name);
                    ui.label(if summary {
                        text.strong().color(view.theme.summary())
                    } else {
                        text
                    });
                });
                for field in [
                    Field::ActualStart,
                    Field::ActualFinish,
                    Field::Percent,
                    Field::ActualWork,
                ] {
                    row.col(|ui| {
                        let shown = match field {
                            Field::ActualStart => task.actual_start.map_or_else(
                                || "—".to_owned(),
                                |d| i18n::format_date(lang, d.date()),
                            ),
                            Field::ActualFinish => task.actual_finish.map_or_else(
                                || "—".to_owned(),
                                |d| i18n::format_date(lang, d.date()),
                            ),
                            Field::Percent => {
                                let fraction = sheet.progress.get(index).copied().unwrap_or(0.0);
                                format!("{:.0} %", fraction * 100.0)
                            }
                            Field::ActualWork => hours(work[index].1 as f64),
                        };
                        if summary {
                            ui.label(RichText::new(shown).strong());
                            return;
                        }
                        select |= field_cell_ui(ui, view, state, index, task, field, &shown);
                    });
                }
                let remaining_work = if summary {
                    rolled_remaining(tasks, index, &own_work, &sheet.progress)
                } else {
                    own_work[index].0 as f64 * (1.0 - sheet.progress[index])
                };
                let cost = &sheet.rolled[index];
                for text in [
                    hours(remaining_work),
                    i18n::format_money(lang, cost.actual, currency),
                    i18n::format_money(lang, cost.remaining, currency),
                ] {
                    row.col(|ui| {
                        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                            let text = RichText::new(text);
                            ui.label(if summary { text.strong() } else { text });
                        });
                    });
                }
                if select || row.response().clicked() {
                    view.selection.selected = Some(task.id);
                }
            });
        });
}

/// Each row's (work, actual work) with its subtasks'.
fn rolled_work(tasks: &[Task], own: &[(i64, i64)]) -> Vec<(i64, i64)> {
    #[derive(Clone, Copy)]
    struct W(i64, i64);
    impl std::ops::AddAssign for W {
        fn add_assign(&mut self, o: Self) {
            self.0 += o.0;
            self.1 += o.1;
        }
    }
    let own: Vec<W> = own.iter().map(|&(a, b)| W(a, b)).collect();
    crate::schedule::cost::roll_up(tasks, &own)
        .into_iter()
        .map(|w| (w.0, w.1))
        .collect()
}

/// Remaining work of a summary: its leaves' work × (1 − completion).
fn rolled_remaining(tasks: &[Task], index: usize, own: &[(i64, i64)], progress: &[f64]) -> f64 {
    let end = crate::model::outline::subtree_end(tasks, index);
    (index + 1..end)
        .map(|i| own[i].0 as f64 * (1.0 - progress.get(i).copied().unwrap_or(0.0)))
        .sum()
}

/// An editable tracking cell; true when it was clicked or focused.
fn field_cell_ui(
    ui: &mut Ui,
    view: &mut ViewCtx<'_>,
    state: &mut TaskPlanState,
    index: usize,
    task: &Task,
    field: Field,
    shown: &str,
) -> bool {
    let lang = view.lang;
    let id = egui::Id::unique(("tracking-cell", task.id, field));
    let title = match field {
        Field::ActualStart => T::ColActualStart,
        Field::ActualFinish => T::ColActualFinish,
        Field::Percent => T::ColPercent,
        Field::ActualWork => T::ColActualWork,
    };
    let label = format!("{} {}", title.get(lang), index + 1);
    let edit_text = || match field {
        Field::ActualStart => task
            .actual_start
            .map_or_else(String::new, |d| i18n::format_date_numeric(d.date())),
        Field::ActualFinish => task
            .actual_finish
            .map_or_else(String::new, |d| i18n::format_date_numeric(d.date())),
        Field::Percent => task.percent_complete.to_string(),
        Field::ActualWork => shown.trim_end_matches(" h").to_owned(),
    };
    let (response, outcome) = text_cell_ui(ui, id, shown, edit_text, state.drafts_mut(), &label);
    if let CellOutcome::Commit(text) = outcome {
        let text = text.trim();
        let scheduled = view.derived.dates(view.project, index);
        let at_time = |d: chrono::NaiveDate, finish: bool| {
            let s = &view.project.settings;
            d.and_time(if finish {
                s.default_finish_time
            } else {
                s.default_start_time
            })
        };
        let update = match field {
            Field::ActualStart | Field::ActualFinish => {
                let finish = matches!(field, Field::ActualFinish);
                if text.is_empty() || text == "—" {
                    Some(if finish {
                        TaskUpdate::ActualFinish(None)
                    } else {
                        TaskUpdate::ActualStart(None)
                    })
                } else if let Some(d) = i18n::parse_date(text) {
                    let at = Some(at_time(d, finish));
                    Some(if finish {
                        TaskUpdate::ActualFinish(at)
                    } else {
                        TaskUpdate::ActualStart(at)
                    })
                } else {
                    let format = T::DateFormatHint.get(lang);
                    view.out
                        .error(T::BadDate.with(&[("text", text), ("format", format)]));
                    None
                }
            }
            Field::Percent => match text.trim_end_matches('%').trim().parse::<u8>() {
                Ok(p) if p <= 100 => Some(TaskUpdate::Percent(p)),
                _ => {
                    view.out.error(T::BadPercent.with(&[("text", text)]));
                    None
                }
            },
            Field::ActualWork => {
                let number = text.trim_end_matches('h').trim().replace(',', ".");
                match number.parse::<f64>() {
                    Ok(h) if h >= 0.0 && h.is_finite() => {
                        Some(TaskUpdate::ActualWork((h * 60.0).round() as i64))
                    }
                    _ => {
                        view.out.error(T::BadHours.with(&[("text", text)]));
                        None
                    }
                }
            }
        };
        if let Some(update) = update {
            match update_task(view.project, index, scheduled, update) {
                Ok(progress) => view.out.edit(Edit::SetProgress(Box::new(progress)), None),
                Err(UpdateRefusal::NoAssignment) => view.out.error(T::NoAssignment),
                Err(UpdateRefusal::FinishBeforeStart) => {
                    view.out.error(T::FinishBeforeStart);
                }
            }
        }
    }
    response.gained_focus() || response.clicked()
}
