//! The task plan's other tables, as MS Project's: variance against the baseline, cost (with
//! time-phased periods) and earned value. Read-only figures computed by the core; the project's
//! totals on the first row, summaries with their subtasks.

use egui::{Align, Layout, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::ViewCtx;
use super::choices::Choice as _;
use super::task_plan::TaskPlanState;
use crate::app::contract::DerivedTracking as Tracking;
use crate::i18n::{self, Lang, T};
use crate::schedule::cost::{CostFigures, Period};
use crate::schedule::earned_value::EvFigures;

/// Which table the task plan shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TableKind {
    #[default]
    Entry,
    Tracking,
    Variance,
    Cost,
    EarnedValue,
    /// Three-point estimates and what the last risk analysis found.
    Risk,
}

impl TableKind {
    pub const ALL: [TableKind; 6] = [
        TableKind::Entry,
        TableKind::Tracking,
        TableKind::Variance,
        TableKind::Cost,
        TableKind::EarnedValue,
        TableKind::Risk,
    ];

    pub fn name(self) -> T {
        match self {
            TableKind::Entry => T::TableEntry,
            TableKind::Tracking => T::TableTracking,
            TableKind::Variance => T::TableVariance,
            TableKind::Cost => T::TableCost,
            TableKind::EarnedValue => T::TableEarnedValue,
            TableKind::Risk => T::TableRisk,
        }
    }
}

const ROW_HEIGHT: f32 = 22.0;
const INDENT_PER_LEVEL: f32 = 16.0;

/// A column: its header and how a row's cell reads.
struct ColumnSpec<'a> {
    title: String,
    width: f32,
    cell: Box<dyn Fn(Option<usize>) -> Cell + 'a>,
}

/// A figure, and whether it is bad news (drawn in the error colour).
struct Cell {
    text: String,
    bad: bool,
}

impl Cell {
    fn plain(text: String) -> Self {
        Self { text, bad: false }
    }
}

/// The selected table for every task: row 0 is the project, then the plan's rows.
#[allow(clippy::too_many_lines, reason = "one table, column after column")]
pub fn figures_table_ui(ui: &mut Ui, view: &mut ViewCtx<'_>, state: &mut TaskPlanState) {
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
    if state.table == TableKind::Cost {
        ui.horizontal(|ui| {
            ui.label(T::TimePhased.get(lang));
            for period in Period::ALL {
                ui.selectable_value(&mut state.period, period, period.label().get(lang));
            }
        });
    }
    let columns = match state.table {
        TableKind::Entry | TableKind::Tracking => return,
        TableKind::Variance => variance_columns(view, tracking),
        TableKind::Cost => cost_columns(view, tracking, state.period),
        TableKind::EarnedValue => ev_columns(view, tracking),
        TableKind::Risk => risk_columns(view),
    };
    let tasks = &view.project.tasks;
    let selected_row = view
        .selection
        .selected
        .and_then(|id| view.derived.rows.get(&id).copied());
    egui::ScrollArea::horizontal().show(ui, |ui| {
        let mut table = TableBuilder::new(ui)
            .id_salt(("task-figures", state.table as u8))
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::exact(38.0))
            .column(Column::initial(56.0).at_least(36.0))
            .column(Column::initial(280.0).at_least(120.0).clip(true));
        for c in &columns {
            table = table.column(Column::initial(c.width).at_least(50.0));
        }
        if let Some(row) = selected_row.filter(|_| view.selection.scroll_to_selected) {
            table = table.scroll_to_row(row + 1, None);
            view.selection.scroll_to_selected = false;
        }
        table
            .header(ROW_HEIGHT, |mut header| {
                for title in [T::ColId, T::ColWbs, T::ColName] {
                    header.col(|ui| {
                        ui.strong(title.get(lang));
                    });
                }
                for c in &columns {
                    header.col(|ui| {
                        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                            ui.strong(&c.title);
                        });
                    });
                }
            })
            .body(|body| {
                body.rows(ROW_HEIGHT, tasks.len() + 1, |mut row| {
                    let index = row.index().checked_sub(1);
                    row.set_selected(index.is_some() && index == selected_row);
                    let summary = index.is_none_or(|i| view.derived.summary[i]);
                    row.col(|ui| {
                        if let Some(i) = index {
                            ui.label(RichText::new((i + 1).to_string()).color(view.theme.muted()));
                        }
                    });
                    row.col(|ui| {
                        if let Some(i) = index {
                            ui.label(RichText::new(&view.derived.wbs[i]).color(view.theme.muted()));
                        }
                    });
                    row.col(|ui| {
                        let (name, level) = match index {
                            Some(i) => (tasks[i].name.as_str(), tasks[i].outline_level),
                            None => (view.project.meta.name.as_str(), 0),
                        };
                        ui.add_space(f32::from(level) * INDENT_PER_LEVEL);
                        let text = RichText::new(name);
                        ui.label(if summary {
                            text.strong().color(view.theme.summary())
                        } else {
                            text
                        });
                    });
                    for c in &columns {
                        row.col(|ui| {
                            let cell = (c.cell)(index);
                            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                                let text = RichText::new(cell.text);
                                let text = if cell.bad {
                                    text.color(view.theme.error())
                                } else {
                                    text
                                };
                                ui.label(if summary { text.strong() } else { text });
                            });
                        });
                    }
                    if row.response().clicked()
                        && let Some(i) = index
                    {
                        view.selection.selected = Some(tasks[i].id);
                    }
                });
            });
    });
}

/// Each task's three-point estimate and, from the last analysis, its criticality index (the
/// share of iterations in which it was critical) and its P80 finish.
fn risk_columns<'a>(view: &ViewCtx<'a>) -> Vec<ColumnSpec<'a>> {
    use crate::model::TaskEstimate;
    let lang = view.lang;
    let project = view.project;
    let estimates: std::collections::HashMap<_, &TaskEstimate> =
        project.task_estimates.iter().map(|e| (e.task, e)).collect();
    let estimates = std::rc::Rc::new(estimates);
    let result = view.analysis.result.clone();
    let point = |pick: fn(&TaskEstimate) -> crate::model::Duration| {
        let estimates = estimates.clone();
        move |i: Option<usize>| {
            let text = i
                .and_then(|i| estimates.get(&project.tasks[i].id))
                .map_or_else(String::new, |e| {
                    crate::io::entry::format_duration(pick(e), lang)
                });
            Cell::plain(text)
        }
    };
    let distribution = {
        let estimates = estimates.clone();
        move |i: Option<usize>| {
            let text = i
                .and_then(|i| estimates.get(&project.tasks[i].id))
                .map_or_else(String::new, |e| e.distribution.label().get(lang).to_owned());
            Cell::plain(text)
        }
    };
    let r = result.clone();
    let criticality = move |i: Option<usize>| {
        let share = i.and_then(|i| r.as_ref()?.criticality_of(project.tasks[i].id));
        Cell {
            text: share.map_or_else(String::new, |c| format!("{:.0} %", c * 100.0)),
            bad: share.is_some_and(|c| c >= 0.5),
        }
    };
    let p80 = move |i: Option<usize>| {
        let Some(r) = result.as_ref() else {
            return Cell::plain(String::new());
        };
        let at = match i {
            None => Some(r.finish_percentile(0.8)),
            Some(i) => r
                .milestones
                .iter()
                .find(|m| m.task == project.tasks[i].id)
                .and_then(|m| crate::schedule::risk::percentile_of(&m.dates, 0.8)),
        };
        Cell::plain(at.map_or_else(String::new, |d| i18n::format_date(lang, d.date())))
    };
    let spec = |title: T, width: f32, cell: Box<dyn Fn(Option<usize>) -> Cell + 'a>| ColumnSpec {
        title: title.get(lang).to_owned(),
        width,
        cell,
    };
    vec![
        spec(T::Optimistic, 90.0, Box::new(point(|e| e.optimistic))),
        spec(T::MostLikely, 90.0, Box::new(point(|e| e.most_likely))),
        spec(T::Pessimistic, 90.0, Box::new(point(|e| e.pessimistic))),
        spec(T::DistributionField, 100.0, Box::new(distribution)),
        spec(T::CriticalityIndex, 110.0, Box::new(criticality)),
        spec(T::FinishP80, 110.0, Box::new(p80)),
    ]
}

fn money(lang: Lang, currency: &str, v: f64) -> String {
    i18n::format_money(lang, v, currency)
}

/// Days with one decimal and a sign: "+2 d" / "+2 j"; blank for no variance.
fn days(lang: Lang, v: f64) -> String {
    if v.abs() < 0.05 {
        return "0".to_owned();
    }
    let unit = match lang {
        Lang::En => "d",
        Lang::Fr => "j",
    };
    let text = if (v - v.round()).abs() < 0.05 {
        format!("{v:+.0} {unit}")
    } else {
        format!("{v:+.1} {unit}")
    };
    match lang {
        Lang::En => text,
        Lang::Fr => text.replace('.', ","),
    }
}

fn variance_columns<'a>(view: &ViewCtx<'a>, tracking: &'a Tracking) -> Vec<ColumnSpec<'a>> {
    let lang = view.lang;
    let project = view.project;
    let derived = view.derived;
    let baseline: std::collections::HashMap<_, _> = project
        .baselines
        .iter()
        .find(|b| b.number == project.earned_value.baseline)
        .map(|b| b.tasks.iter().map(|t| (t.task, t.clone())).collect())
        .unwrap_or_default();
    let baseline = std::rc::Rc::new(baseline);
    let date = move |i: Option<usize>, finish: bool, base: bool| -> Cell {
        let Some(i) = i else {
            return Cell::plain(String::new());
        };
        let at = if base {
            baseline
                .get(&project.tasks[i].id)
                .map(|b| if finish { b.finish } else { b.start })
        } else {
            let (s, f) = derived.dates(project, i);
            Some(if finish { f } else { s })
        };
        Cell::plain(at.map_or_else(|| "—".to_owned(), |d| i18n::format_date(lang, d.date())))
    };
    let date = std::rc::Rc::new(date);
    let v = |pick: fn(&crate::schedule::baseline::Variance) -> f64| {
        move |i: Option<usize>| -> Cell {
            match i.and_then(|i| tracking.variances.get(i).copied().flatten()) {
                Some(var) => Cell {
                    text: days(lang, pick(&var)),
                    bad: pick(&var) > 0.05,
                },
                None => Cell::plain(String::new()),
            }
        }
    };
    let (d1, d2, d3, d4) = (date.clone(), date.clone(), date.clone(), date);
    vec![
        ColumnSpec {
            title: T::ColStart.get(lang).to_owned(),
            width: 130.0,
            cell: Box::new(move |i| d1(i, false, false)),
        },
        ColumnSpec {
            title: T::ColFinish.get(lang).to_owned(),
            width: 130.0,
            cell: Box::new(move |i| d2(i, true, false)),
        },
        ColumnSpec {
            title: T::ColBaselineStart.get(lang).to_owned(),
            width: 130.0,
            cell: Box::new(move |i| d3(i, false, true)),
        },
        ColumnSpec {
            title: T::ColBaselineFinish.get(lang).to_owned(),
            width: 130.0,
            cell: Box::new(move |i| d4(i, true, true)),
        },
        ColumnSpec {
            title: T::ColStartVariance.get(lang).to_owned(),
            width: 90.0,
            cell: Box::new(v(|x| x.start_days)),
        },
        ColumnSpec {
            title: T::ColFinishVariance.get(lang).to_owned(),
            width: 90.0,
            cell: Box::new(v(|x| x.finish_days)),
        },
        ColumnSpec {
            title: T::ColDurationVariance.get(lang).to_owned(),
            width: 90.0,
            cell: Box::new(v(|x| x.duration_days)),
        },
        ColumnSpec {
            title: T::ColLevelingDelay.get(lang).to_owned(),
            width: 100.0,
            cell: Box::new(move |i| {
                let delay = i.map(|i| project.tasks[i].leveling_delay);
                Cell::plain(match delay {
                    Some(d) if d.amount != 0.0 => crate::io::entry::format_duration(d, lang),
                    _ => String::new(),
                })
            }),
        },
        ColumnSpec {
            title: T::ColCostVariance.get(lang).to_owned(),
            width: 110.0,
            cell: Box::new(move |i| {
                match i.and_then(|i| tracking.variances.get(i).copied().flatten()) {
                    Some(var) => Cell {
                        text: money(lang, &project.meta.currency, var.cost),
                        bad: var.cost > 0.5,
                    },
                    None => Cell::plain(String::new()),
                }
            }),
        },
    ]
}

fn cost_columns<'a>(
    view: &ViewCtx<'a>,
    tracking: &'a Tracking,
    period: Period,
) -> Vec<ColumnSpec<'a>> {
    let lang = view.lang;
    let currency = view.project.meta.currency.as_str();
    let sheet = &tracking.report.sheet;
    let figures = move |i: Option<usize>| -> &CostFigures {
        match i {
            Some(i) => &sheet.rolled[i],
            None => &sheet.project,
        }
    };
    let column = |title: T, width: f32, pick: fn(&CostFigures) -> (f64, bool)| ColumnSpec {
        title: title.get(lang).to_owned(),
        width,
        cell: Box::new(move |i| {
            let (v, bad) = pick(figures(i));
            Cell {
                text: money(lang, currency, v),
                bad,
            }
        }),
    };
    let mut columns = vec![
        column(T::ColBaselineCost, 110.0, |f| (f.baseline, false)),
        column(T::ColCost, 110.0, |f| {
            (f.total, f.total > f.baseline + 0.5 && f.baseline > 0.0)
        }),
        column(T::ColActualCost, 110.0, |f| (f.actual, false)),
        column(T::ColRemainingCost, 110.0, |f| (f.remaining, false)),
        column(T::ColCostVariance, 110.0, |f| {
            (f.variance(), f.variance() > 0.5 && f.baseline > 0.0)
        }),
        column(T::ColInternal, 110.0, |f| (f.internal, false)),
        column(T::ColExternal, 110.0, |f| (f.external, false)),
    ];
    if let Some(phased) = view.derived.phased_rows(view.project, period) {
        // The project row adds the root rows; project-level cost items are in no task.
        let tasks = &view.project.tasks;
        let top = tasks.iter().map(|t| t.outline_level).min().unwrap_or(1);
        let mut totals = vec![0.0; phased.periods.len()];
        for (i, t) in tasks.iter().enumerate() {
            if t.outline_level == top {
                for (sum, v) in totals.iter_mut().zip(&phased.rows[i]) {
                    *sum += v;
                }
            }
        }
        let totals = std::rc::Rc::new(totals);
        for (k, start) in phased.periods.iter().enumerate() {
            let title = match period {
                Period::Day | Period::Week => i18n::format_date_numeric(*start),
                Period::Month => format!(
                    "{} {}",
                    i18n::month_name(lang, chrono::Datelike::month0(start)),
                    chrono::Datelike::year(start)
                ),
                Period::Year => chrono::Datelike::year(start).to_string(),
            };
            let phased = std::rc::Rc::clone(&phased);
            let totals = std::rc::Rc::clone(&totals);
            columns.push(ColumnSpec {
                title,
                width: 96.0,
                cell: Box::new(move |i| {
                    let v = match i {
                        Some(i) => phased
                            .rows
                            .get(i)
                            .and_then(|r| r.get(k))
                            .copied()
                            .unwrap_or(0.0),
                        None => totals.get(k).copied().unwrap_or(0.0),
                    };
                    Cell::plain(if v.abs() < 0.5 {
                        String::new()
                    } else {
                        money(lang, currency, v)
                    })
                }),
            });
        }
    }
    columns
}

fn ev_columns<'a>(view: &ViewCtx<'a>, tracking: &'a Tracking) -> Vec<ColumnSpec<'a>> {
    let lang = view.lang;
    let currency = view.project.meta.currency.as_str();
    let ev = &tracking.report.ev;
    let figures = move |i: Option<usize>| -> &EvFigures {
        match i {
            Some(i) => &ev.tasks[i],
            None => &ev.project,
        }
    };
    let amount = |title: &'static str, pick: fn(&EvFigures) -> (f64, bool)| ColumnSpec {
        title: title.to_owned(),
        width: 104.0,
        cell: Box::new(move |i| {
            let (v, bad) = pick(figures(i));
            Cell {
                text: money(lang, currency, v),
                bad,
            }
        }),
    };
    let index =
        |title: &'static str, pick: fn(&EvFigures) -> Option<f64>, bad_below: bool| ColumnSpec {
            title: title.to_owned(),
            width: 70.0,
            cell: Box::new(move |i| match pick(figures(i)) {
                Some(v) => Cell {
                    text: i18n::format_index(lang, v),
                    bad: if bad_below {
                        v < 1.0 - 1e-9
                    } else {
                        v > 1.0 + 1e-9
                    },
                },
                None => Cell::plain("—".to_owned()),
            }),
        };
    vec![
        amount(T::EvBac.get(lang), |f| (f.bac, false)),
        amount(T::EvPv.get(lang), |f| (f.pv, false)),
        amount(T::EvEv.get(lang), |f| (f.ev, false)),
        amount(T::EvAc.get(lang), |f| (f.ac, false)),
        amount(T::EvSv.get(lang), |f| (f.sv, f.sv < -0.5)),
        amount(T::EvCv.get(lang), |f| (f.cv, f.cv < -0.5)),
        index(T::EvSpi.get(lang), |f| f.spi, true),
        index(T::EvCpi.get(lang), |f| f.cpi, true),
        amount(T::EvEac.get(lang), |f| (f.eac, f.eac > f.bac + 0.5)),
        amount(T::EvVac.get(lang), |f| (f.vac, f.vac < -0.5)),
        index(T::EvTcpi.get(lang), |f| f.tcpi, false),
    ]
}
