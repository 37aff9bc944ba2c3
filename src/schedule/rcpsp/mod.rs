//! Resource-constrained project scheduling (single mode, renewable resources,
//! finish-to-start precedences with lag 0), minimising the makespan.
//!
//! The heuristic is an activity-list genetic algorithm (Hartmann 1998) whose
//! individuals are decoded by the serial schedule generation scheme and then
//! improved by forward-backward improvement / double justification (Valls,
//! Ballestín & Quintanilla 2005). The initial population is drawn by
//! regret-based biased random sampling on latest finish times. The search is
//! bounded by a count of generated schedules, not by wall-clock time, so that
//! results are reproducible; the only randomness is a seeded xorshift64*.

mod check;
mod ga;
mod graph;
mod parse;
mod rng;
mod sgs;

pub use check::check_feasible;
pub use parse::parse_psplib_sm;

/// A project: activity `j` lasts `durations[j]` periods, needs
/// `demands[j][r]` units of resource `r` in every period it runs, and must
/// finish before each of `successors[j]` starts. Resource `r` offers
/// `capacities[r]` units per period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instance {
    pub durations: Vec<u32>,
    pub successors: Vec<Vec<usize>>,
    /// `[activity][resource]`.
    pub demands: Vec<Vec<u32>>,
    pub capacities: Vec<u32>,
}

/// Start time of every activity and the resulting project length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Solution {
    pub starts: Vec<u32>,
    pub makespan: u32,
}

/// Search parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Number of schedule generation passes (each forward or backward serial
    /// SGS pass counts as one) the search may spend.
    pub schedules: usize,
    /// Seed of the pseudo-random generator; equal seeds give equal results.
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            schedules: 5000,
            seed: 0x5EED,
        }
    }
}

/// Computes a feasible schedule with a short makespan.
///
/// Activities with zero duration occupy no period, so their demands are not
/// checked against the capacities.
///
/// # Errors
/// Returns a message when the instance is malformed (inconsistent vector
/// lengths, unknown successor, cyclic precedences, time overflow) or
/// infeasible because an activity with positive duration demands more of a
/// resource than its capacity.
pub fn solve(instance: &Instance, options: &Options) -> Result<Solution, String> {
    let graph = graph::Graph::new(instance)?;
    Ok(ga::run(&graph, options))
}

#[cfg(test)]
mod tests;
