//! What a run samples, read once from the project: the uncertain tasks, risks and cost items
//! with their distributions, and the plan's own figures they are compared with.

use std::collections::HashMap;

use chrono::{Duration as Span, NaiveDateTime};

use super::sampling::{BetaTables, Rng, ThreePoint, normal_cdf};
use super::{Input, RiskOptions};
use crate::model::{EffectKind, Project, RiskStatus, TaskId, outline};
use crate::schedule::cost::cost_sheet;
use crate::schedule::cpm::{self, duration_minutes};

struct TaskInput {
    row: usize,
    id: TaskId,
    planned_minutes: f64,
    sampler: ThreePoint,
    /// Share of the task already done (its % complete): not uncertain any more.
    done: f64,
    group: Option<usize>,
}

enum Effect {
    Delay(i64),
    Cost(f64),
    /// The row exists only when the risk occurs, this share of its planned duration.
    Extra(f64),
}

struct RiskInput {
    id: crate::model::RiskId,
    chance: f64,
    effects: Vec<(usize, Effect)>,
}

struct CostInput {
    id: crate::model::CostItemId,
    planned: f64,
    sampler: ThreePoint,
}

pub struct Model {
    pub(super) rows: usize,
    start: NaiveDateTime,
    tasks: Vec<TaskInput>,
    groups: usize,
    risks: Vec<RiskInput>,
    costs: Vec<CostInput>,
    /// Rows that are extra work of a risk: absent unless one of their risks occurs.
    extra_rows: Vec<usize>,
    /// Per row: the remaining cost of its work (grows with its duration), and all of its
    /// remaining cost (gone when the row does not happen).
    labour_remaining: Vec<f64>,
    remaining: Vec<f64>,
    pub(super) milestones: Vec<usize>,
    pub(super) leaves: Vec<usize>,
    pub(super) deterministic: Vec<NaiveDateTime>,
    pub(super) deterministic_finish: NaiveDateTime,
    pub(super) deterministic_cost: f64,
    pub(super) baseline_finish: Option<NaiveDateTime>,
    pub(super) budget: Option<f64>,
    pub(super) warnings: Vec<String>,
}

/// One iteration's draws, reused from one iteration to the next.
pub struct Draw {
    pub scale: Vec<f64>,
    pub extra_minutes: Vec<i64>,
    /// Each input's sampled value (a duration in minutes, 0 or 1 for a risk, an amount).
    pub inputs: Vec<f64>,
    exists: Vec<bool>,
    row_delta: Vec<f64>,
    group_normal: Vec<f64>,
}

/// The tasks with an estimate, with the number of correlation groups.
fn task_inputs(
    project: &Project,
    planned: &[i64],
    (rows, summary): (&outline::Rows, &[bool]),
    warnings: &mut Vec<String>,
) -> (Vec<TaskInput>, usize) {
    let tasks = &project.tasks;
    let mut groups: Vec<&str> = Vec::new();
    let mut inputs = Vec::new();
    let mut tables = BetaTables::default();
    for e in &project.task_estimates {
        let Some(&row) = rows.get(&e.task) else {
            warnings.push(format!("estimate {} names a missing task {}", e.id, e.task));
            continue;
        };
        let task = &tasks[row];
        if summary[row] || planned[row] == 0 || task.actual_finish.is_some() {
            // A phase's duration comes from its tasks, a milestone takes no time, a finished
            // task is fact: nothing to sample.
            continue;
        }
        let minutes = |d| duration_minutes(project, d).0 as f64;
        let points = (
            minutes(e.optimistic),
            minutes(e.most_likely),
            minutes(e.pessimistic),
        );
        if !(points.0 <= points.1 && points.1 <= points.2) {
            warnings.push(format!(
                "the estimate of \"{}\" is not optimistic ≤ most likely ≤ pessimistic: read in order",
                task.name
            ));
        }
        let group = (!e.group.trim().is_empty()).then(|| {
            let name = e.group.trim();
            groups.iter().position(|&g| g == name).unwrap_or_else(|| {
                groups.push(name);
                groups.len() - 1
            })
        });
        inputs.push(TaskInput {
            row,
            id: task.id,
            planned_minutes: planned[row] as f64,
            sampler: ThreePoint::with_tables(e.distribution, points, &mut tables),
            done: f64::from(task.percent_complete.min(100)) / 100.0,
            group,
        });
    }
    (inputs, groups.len())
}

/// The open risks with effects on the plan, and the rows that are extra work of one.
fn risk_inputs(
    project: &Project,
    options: &RiskOptions,
    rows: &outline::Rows,
    warnings: &mut Vec<String>,
) -> (Vec<RiskInput>, Vec<usize>) {
    let mut risks = Vec::new();
    let mut extra_rows = Vec::new();
    for risk in &project.risks {
        if risk.status == RiskStatus::Closed || risk.effects.is_empty() {
            continue;
        }
        let (chance, share) = match (risk.status, options.mitigated, risk.mitigated) {
            (RiskStatus::Occurred, _, _) => (100.0, 1.0),
            (_, true, Some(m)) => (m.occurrence_percent, m.effect_percent / 100.0),
            _ => (risk.occurrence_percent(), 1.0),
        };
        let mut effects = Vec::new();
        for effect in &risk.effects {
            let Some(&row) = rows.get(&effect.task) else {
                warnings.push(format!(
                    "risk {} names a missing task {}",
                    risk.code, effect.task
                ));
                continue;
            };
            let effect = match effect.kind {
                EffectKind::Delay(d) => {
                    Effect::Delay((duration_minutes(project, d).0 as f64 * share) as i64)
                }
                EffectKind::Cost(c) => Effect::Cost(c * share),
                EffectKind::ExtraTask => {
                    extra_rows.push(row);
                    Effect::Extra(share)
                }
            };
            effects.push((row, effect));
        }
        risks.push(RiskInput {
            id: risk.id,
            chance: chance.clamp(0.0, 100.0) / 100.0,
            effects,
        });
    }
    extra_rows.sort_unstable();
    extra_rows.dedup();
    (risks, extra_rows)
}

/// The planned cost items with an estimate.
fn cost_inputs(project: &Project, warnings: &mut Vec<String>) -> Vec<CostInput> {
    let items: HashMap<_, _> = project.cost_items.iter().map(|c| (c.id, c)).collect();
    let mut costs = Vec::new();
    for e in &project.cost_estimates {
        match items.get(&e.item) {
            Some(item) if !item.actual => costs.push(CostInput {
                id: item.id,
                planned: item.amount,
                sampler: ThreePoint::new(e.distribution, (e.low, e.likely, e.high)),
            }),
            Some(_) => {}
            None => warnings.push(format!(
                "estimate {} names a missing cost item {}",
                e.id, e.item
            )),
        }
    }
    costs
}

impl Model {
    /// The model of `project`; `plan` is its own schedule (each row's finish, the project's),
    /// which the caller has already run on the network it built.
    pub fn new(
        project: &Project,
        options: &RiskOptions,
        planned: &[i64],
        plan: (&[NaiveDateTime], NaiveDateTime),
    ) -> Self {
        let tasks = &project.tasks;
        let rows_count = tasks.len();
        let rows = outline::positions(tasks);
        let summary: Vec<bool> = (0..rows_count)
            .map(|i| outline::is_summary(tasks, i))
            .collect();
        let mut warnings = Vec::new();
        let (inputs, groups) = task_inputs(project, planned, (&rows, &summary), &mut warnings);
        let (risks, extra_rows) = risk_inputs(project, options, &rows, &mut warnings);
        let costs = cost_inputs(project, &mut warnings);

        let sheet = cost_sheet(project, project.earned_value.baseline);
        let labour_remaining = (0..rows_count)
            .map(|i| {
                sheet
                    .own
                    .get(i)
                    .map_or(0.0, |f| f.labour * (1.0 - sheet.progress[i]))
            })
            .collect();
        let remaining = (0..rows_count)
            .map(|i| sheet.own.get(i).map_or(0.0, |f| f.remaining))
            .collect();
        let start = cpm::project_start(project);
        let (deterministic, deterministic_finish) = (plan.0.to_vec(), plan.1);
        let baseline_finish = project
            .baselines
            .iter()
            .find(|b| b.number == project.earned_value.baseline)
            .and_then(|b| b.tasks.iter().map(|t| t.finish).max());
        let budget_total: f64 = project.budget_lines.iter().map(|l| l.amount).sum();
        Self {
            rows: rows_count,
            start,
            tasks: inputs,
            groups,
            risks,
            costs,
            extra_rows,
            labour_remaining,
            remaining,
            milestones: (0..rows_count)
                .filter(|&i| tasks[i].milestone && !summary[i])
                .collect(),
            leaves: (0..rows_count).filter(|&i| !summary[i]).collect(),
            deterministic,
            deterministic_finish,
            deterministic_cost: sheet.project.total,
            baseline_finish,
            budget: (budget_total > 0.0).then_some(budget_total),
            warnings,
        }
    }

    /// How many inputs are uncertain.
    pub fn inputs(&self) -> usize {
        self.tasks.len() + self.risks.len() + self.costs.len()
    }

    /// The inputs in the order of [`Draw::inputs`].
    pub fn input_names(&self) -> impl Iterator<Item = Input> + '_ {
        let tasks = self.tasks.iter().map(|t| Input::Task(t.id));
        let risks = self.risks.iter().map(|r| Input::Risk(r.id));
        let costs = self.costs.iter().map(|c| Input::Cost(c.id));
        tasks.chain(risks).chain(costs)
    }

    pub fn draw_buffers(&self) -> Draw {
        Draw {
            scale: vec![1.0; self.rows],
            extra_minutes: vec![0; self.rows],
            inputs: vec![0.0; self.inputs()],
            exists: vec![true; self.rows],
            row_delta: vec![0.0; self.rows],
            group_normal: vec![0.0; self.groups],
        }
    }

    pub fn minutes_after_start(&self, at: NaiveDateTime) -> i64 {
        (at - self.start).num_minutes()
    }

    pub fn at(&self, minutes: i64) -> NaiveDateTime {
        self.start + Span::minutes(minutes)
    }

    /// Draws iteration `iteration` into `draw` (durations to schedule, inputs' values) and
    /// returns its cost at completion.
    pub fn draw(&self, options: &RiskOptions, iteration: u32, draw: &mut Draw) -> f64 {
        let mut rng = Rng::for_iteration(options.seed, iteration);
        draw.scale.fill(1.0);
        draw.extra_minutes.fill(0);
        let mut cost = self.deterministic_cost;
        for g in &mut draw.group_normal {
            *g = rng.normal();
        }
        let rho = options.correlation.clamp(0.0, 1.0);
        let (shared, own) = (rho.sqrt(), (1.0 - rho).sqrt());
        let mut k = 0;
        for t in &self.tasks {
            let u = match t.group {
                Some(g) => normal_cdf(shared * draw.group_normal[g] + own * rng.normal()),
                None => rng.uniform(),
            };
            let sampled = t.sampler.quantile(u);
            let factor = sampled / t.planned_minutes;
            draw.scale[t.row] = t.done + (1.0 - t.done) * factor;
            let delta = self.labour_remaining[t.row] * (factor - 1.0);
            draw.row_delta[t.row] = delta;
            cost += delta;
            draw.inputs[k] = sampled;
            k += 1;
        }
        for &row in &self.extra_rows {
            draw.exists[row] = false;
        }
        for r in &self.risks {
            let occurs = rng.uniform() < r.chance;
            draw.inputs[k] = f64::from(u8::from(occurs));
            k += 1;
            if !occurs {
                continue;
            }
            for (row, effect) in &r.effects {
                match *effect {
                    Effect::Delay(minutes) => draw.extra_minutes[*row] += minutes,
                    Effect::Cost(amount) => cost += amount,
                    Effect::Extra(share) => {
                        draw.exists[*row] = true;
                        draw.scale[*row] *= share;
                    }
                }
            }
        }
        for &row in &self.extra_rows {
            if !draw.exists[row] {
                draw.scale[row] = 0.0;
                draw.extra_minutes[row] = 0;
                cost -= self.remaining[row] + draw.row_delta[row];
            }
            draw.exists[row] = true;
        }
        for t in &self.tasks {
            draw.row_delta[t.row] = 0.0;
        }
        for c in &self.costs {
            let sampled = c.sampler.quantile(rng.uniform());
            cost += sampled - c.planned;
            draw.inputs[k] = sampled;
            k += 1;
        }
        cost
    }
}
