//! Schedule and cost risk analysis (Monte Carlo): the real scheduler run on sampled durations
//! and occurring risks, thousands of times, seeded and deterministic.
//!
//! Each iteration draws from its own generator (seeded by the run's seed and its number), and
//! iterations are grouped in fixed blocks whose partial sums are combined in block order: the
//! results are the same bit for bit on one thread or on several.
//!
//! What is uncertain: the tasks with a three-point estimate (the sampled duration replaces the
//! planned one; of a started task only the remaining part varies; a finished task is fact),
//! the cost items with one, and the risks of the register with effects on tasks (each occurs
//! with its chance; closed risks are ignored, occurred ones are certain). Estimates of one
//! group are correlated through a Gaussian copula: they share a normal draw weighted by the
//! run's correlation. The cost of a task's work grows with its sampled duration.

mod model;
pub mod sampling;

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use chrono::{NaiveDate, NaiveDateTime};

use super::cpm::{Scenarios, ScheduleError};
use crate::model::{CostItemId, Project, RiskId, TaskId};
pub use model::Model;

/// How a run is made.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RiskOptions {
    pub iterations: u32,
    pub seed: u64,
    /// Risks as they will be once mitigated (their mitigated chance and effects).
    pub mitigated: bool,
    /// Correlation (0–1) between the estimates of one group.
    pub correlation: f64,
}

impl Default for RiskOptions {
    fn default() -> Self {
        Self {
            iterations: 10_000,
            seed: 1,
            mitigated: false,
            correlation: 0.8,
        }
    }
}

/// An uncertain input, as the sensitivity names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Input {
    Task(TaskId),
    Risk(RiskId),
    Cost(CostItemId),
}

impl Input {
    /// The input's name as the user knows it: the task's name, the risk's code and title,
    /// the cost item's label.
    pub fn label(self, project: &Project) -> String {
        match self {
            Input::Task(id) => project
                .tasks
                .iter()
                .find(|t| t.id == id)
                .map_or_else(|| format!("task {id}"), |t| t.name.clone()),
            Input::Risk(id) => project.risks.iter().find(|r| r.id == id).map_or_else(
                || format!("risk {id}"),
                |r| format!("{} {}", r.code, r.title),
            ),
            Input::Cost(id) => project
                .cost_items
                .iter()
                .find(|c| c.id == id)
                .map_or_else(|| format!("cost item {id}"), |c| c.label.clone()),
        }
    }
}

/// How much one input's uncertainty moves the project finish: the correlation (Pearson, −1 to
/// 1) between its sampled value and the finish over the iterations.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sensitivity {
    pub input: Input,
    pub correlation: f64,
}

/// A milestone's sampled dates.
#[derive(Clone, Debug, PartialEq)]
pub struct MilestoneDates {
    pub task: TaskId,
    pub deterministic: NaiveDateTime,
    pub deadline: Option<NaiveDate>,
    /// Sorted.
    pub dates: Vec<NaiveDateTime>,
}

impl MilestoneDates {
    /// Share of iterations in which the milestone falls on or before its deadline's day.
    pub fn deadline_share(&self) -> Option<f64> {
        let deadline = self.deadline?;
        let met = self.dates.partition_point(|d| d.date() <= deadline);
        Some(share(met, self.dates.len()))
    }

    pub fn percentile(&self, p: f64) -> NaiveDateTime {
        percentile_of(&self.dates, p).unwrap_or(self.deterministic)
    }
}

/// What a run found.
#[derive(Clone, Debug, PartialEq)]
pub struct RiskResult {
    pub options: RiskOptions,
    /// The plan's own finish and cost at completion, without uncertainty.
    pub deterministic_finish: NaiveDateTime,
    pub deterministic_cost: f64,
    /// The project finish of every iteration, sorted.
    pub finishes: Vec<NaiveDateTime>,
    /// The cost at completion of every iteration, sorted.
    pub costs: Vec<f64>,
    pub milestones: Vec<MilestoneDates>,
    /// Per task: the share of iterations (0–1) in which it was critical.
    pub criticality: BTreeMap<TaskId, f64>,
    /// Every uncertain input, the strongest (by absolute correlation) first.
    pub sensitivity: Vec<Sensitivity>,
    /// The compared baseline's finish, and the approved budget (the budget lines' total).
    pub baseline_finish: Option<NaiveDateTime>,
    pub budget: Option<f64>,
    /// Inputs the analysis read with a correction (points out of order…), to show the user.
    pub warnings: Vec<String>,
}

/// The value below which a share `p` (0–1) of the sorted samples lie (nearest rank).
pub fn percentile_of<T: Copy>(sorted: &[T], p: f64) -> Option<T> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (p.clamp(0.0, 1.0) * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

impl RiskResult {
    pub fn finish_percentile(&self, p: f64) -> NaiveDateTime {
        percentile_of(&self.finishes, p).unwrap_or(self.deterministic_finish)
    }

    pub fn cost_percentile(&self, p: f64) -> f64 {
        percentile_of(&self.costs, p).unwrap_or(self.deterministic_cost)
    }

    /// Share of iterations finishing by `at`.
    pub fn probability_finish_by(&self, at: NaiveDateTime) -> f64 {
        share(
            self.finishes.partition_point(|&f| f <= at),
            self.finishes.len(),
        )
    }

    /// Share of iterations costing at most `budget`.
    pub fn probability_within(&self, budget: f64) -> f64 {
        share(
            self.costs.partition_point(|&c| c <= budget),
            self.costs.len(),
        )
    }

    /// Share of iterations in which `task` was critical.
    pub fn criticality_of(&self, task: TaskId) -> Option<f64> {
        self.criticality.get(&task).copied()
    }
}

fn share(count: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        count as f64 / of as f64
    }
}

/// Iterations per block: the unit of work shared among threads and of progress.
pub const BLOCK_ITERATIONS: u32 = 100;

/// How many blocks a run of `iterations` makes.
pub fn block_count(iterations: u32) -> u32 {
    iterations.div_ceil(BLOCK_ITERATIONS)
}

/// The partial results of one block of iterations, combined in block order.
#[derive(Clone, Debug, Default)]
pub struct Block {
    /// Project finish of each iteration, in minutes after the project start.
    finish_minutes: Vec<i64>,
    costs: Vec<f64>,
    /// Per milestone, its date of each iteration (minutes after the project start).
    milestone_minutes: Vec<Vec<i64>>,
    /// Per row: iterations in which it was critical.
    critical: Vec<u32>,
    /// Per input: Σx, Σx², Σxy with y the finish in minutes; and Σy, Σy².
    sums: Vec<[f64; 3]>,
    finish_sums: [f64; 2],
}

/// A network ready to be run block after block (one per thread).
pub struct Simulator<'p> {
    model: Model,
    scenarios: Scenarios<'p>,
    options: RiskOptions,
}

impl<'p> Simulator<'p> {
    pub fn new(project: &'p Project, options: RiskOptions) -> Result<Self, ScheduleError> {
        let mut scenarios = Scenarios::new(project)?;
        // The plan as it is, on the network just built: what the iterations are compared with.
        let rows = project.tasks.len();
        let plan = scenarios.outcome(&vec![1.0; rows], &vec![0; rows]);
        let plan = (plan.finish.clone(), plan.project_finish);
        let model = Model::new(
            project,
            &options,
            scenarios.planned_minutes(),
            (&plan.0, plan.1),
        );
        Ok(Self {
            model,
            scenarios,
            options,
        })
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Runs block `index` of the run.
    pub fn block(&mut self, index: u32) -> Block {
        let first = index * BLOCK_ITERATIONS;
        let last = (first + BLOCK_ITERATIONS).min(self.options.iterations);
        let model = &self.model;
        let mut block = Block {
            milestone_minutes: vec![Vec::new(); model.milestones.len()],
            critical: vec![0; model.rows],
            sums: vec![[0.0; 3]; model.inputs()],
            ..Block::default()
        };
        let mut draw = model.draw_buffers();
        for iteration in first..last {
            let cost = model.draw(&self.options, iteration, &mut draw);
            let outcome = self.scenarios.outcome(&draw.scale, &draw.extra_minutes);
            let y = model.minutes_after_start(outcome.project_finish) as f64;
            block.finish_minutes.push(y as i64);
            block.costs.push(cost);
            for (dates, &row) in block.milestone_minutes.iter_mut().zip(&model.milestones) {
                dates.push(model.minutes_after_start(outcome.finish[row]));
            }
            for (count, &critical) in block.critical.iter_mut().zip(&outcome.critical) {
                *count += u32::from(critical);
            }
            for (sum, &x) in block.sums.iter_mut().zip(&draw.inputs) {
                sum[0] += x;
                sum[1] += x * x;
                sum[2] += x * y;
            }
            block.finish_sums[0] += y;
            block.finish_sums[1] += y * y;
        }
        block
    }
}

/// Progress and cancellation shared with whoever watches a run.
#[derive(Default)]
pub struct Control {
    pub cancel: AtomicBool,
    /// Iterations done so far.
    pub done: AtomicU32,
}

/// Runs the whole analysis on `threads` threads (1: on the calling thread). `None` when
/// cancelled through `control`.
pub fn simulate(
    project: &Project,
    options: RiskOptions,
    threads: usize,
    control: &Control,
) -> Result<Option<RiskResult>, ScheduleError> {
    let blocks = block_count(options.iterations);
    let results: Mutex<Vec<Option<Block>>> = Mutex::new(vec![None; blocks as usize]);
    let next = AtomicU32::new(0);
    let mut first = Simulator::new(project, options)?;
    let work = |sim: &mut Simulator<'_>| {
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            if index >= blocks || control.cancel.load(Ordering::Relaxed) {
                return;
            }
            let block = sim.block(index);
            control
                .done
                .fetch_add(block.finish_minutes.len() as u32, Ordering::Relaxed);
            if let Ok(mut results) = results.lock() {
                results[index as usize] = Some(block);
            }
        }
    };
    if threads <= 1 {
        work(&mut first);
    } else {
        std::thread::scope(|scope| {
            for _ in 1..threads {
                scope.spawn(|| {
                    // The network built for the first thread proved the plan can be scheduled.
                    if let Ok(mut sim) = Simulator::new(project, options) {
                        work(&mut sim);
                    }
                });
            }
            work(&mut first);
        });
    }
    if control.cancel.load(Ordering::Relaxed) {
        return Ok(None);
    }
    let blocks: Option<Vec<Block>> = results
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .into_iter()
        .collect();
    Ok(blocks.map(|blocks| combine(project, &first, blocks)))
}

/// The result of a run from its blocks, in block order.
pub fn combine(project: &Project, sim: &Simulator<'_>, blocks: Vec<Block>) -> RiskResult {
    let model = &sim.model;
    let n = blocks.iter().map(|b| b.finish_minutes.len()).sum::<usize>();
    let mut finishes = Vec::with_capacity(n);
    let mut costs = Vec::with_capacity(n);
    let mut milestone_minutes = vec![Vec::with_capacity(n); model.milestones.len()];
    let mut critical = vec![0u64; model.rows];
    let mut sums = vec![[0.0; 3]; model.inputs()];
    let mut finish_sums = [0.0; 2];
    for block in blocks {
        finishes.extend(block.finish_minutes.iter().map(|&m| model.at(m)));
        costs.extend(block.costs);
        for (all, dates) in milestone_minutes.iter_mut().zip(block.milestone_minutes) {
            all.extend(dates);
        }
        for (all, count) in critical.iter_mut().zip(block.critical) {
            *all += u64::from(count);
        }
        for (all, s) in sums.iter_mut().zip(&block.sums) {
            for k in 0..3 {
                all[k] += s[k];
            }
        }
        finish_sums[0] += block.finish_sums[0];
        finish_sums[1] += block.finish_sums[1];
    }
    finishes.sort_unstable();
    costs.sort_by(f64::total_cmp);
    let count = n as f64;
    let y_var = finish_sums[1] - finish_sums[0] * finish_sums[0] / count.max(1.0);
    let mut sensitivity: Vec<Sensitivity> = model
        .input_names()
        .zip(&sums)
        .map(|(input, s)| {
            let x_var = s[1] - s[0] * s[0] / count.max(1.0);
            let cov = s[2] - s[0] * finish_sums[0] / count.max(1.0);
            let correlation = if x_var > 1e-12 && y_var > 1e-12 {
                (cov / (x_var * y_var).sqrt()).clamp(-1.0, 1.0)
            } else {
                0.0
            };
            Sensitivity { input, correlation }
        })
        .collect();
    sensitivity.sort_by(|a, b| b.correlation.abs().total_cmp(&a.correlation.abs()));
    let milestones = model
        .milestones
        .iter()
        .zip(milestone_minutes)
        .map(|(&row, mut minutes)| {
            minutes.sort_unstable();
            let task = &project.tasks[row];
            MilestoneDates {
                task: task.id,
                deterministic: model.deterministic[row],
                deadline: task.deadline,
                dates: minutes.into_iter().map(|m| model.at(m)).collect(),
            }
        })
        .collect();
    let criticality = model
        .leaves
        .iter()
        .map(|&row| (project.tasks[row].id, share(critical[row] as usize, n)))
        .collect();
    RiskResult {
        options: sim.options,
        deterministic_finish: model.deterministic_finish,
        deterministic_cost: model.deterministic_cost,
        finishes,
        costs,
        milestones,
        criticality,
        sensitivity,
        baseline_finish: model.baseline_finish,
        budget: model.budget,
        warnings: model.warnings.clone(),
    }
}
