//! Activity-list genetic algorithm with forward-backward improvement.

use super::Options;
use super::Solution;
use super::graph::Graph;
use super::rng::Rng;
use super::sgs::Sgs;

/// Population size. Small populations converge faster, which pays off at a
/// budget of a few thousand schedules (30 was as good as 20..40 and better
/// than 60..100 on PSPLIB j60/j120 at 5000 schedules).
const POPULATION: usize = 30;
/// Probability of swapping each activity with its neighbour in a child.
const MUTATION: f64 = 0.05;

struct Individual {
    order: Vec<usize>,
    makespan: u32,
}

/// Search state shared by all evaluations.
struct Search<'a> {
    graph: &'a Graph,
    sgs: Sgs,
    budget: usize,
    forward: Vec<u32>,
    backward: Vec<u32>,
    scratch: Vec<usize>,
    counts: Vec<usize>,
    best: Solution,
}

impl<'a> Search<'a> {
    fn new(graph: &'a Graph, budget: usize) -> Self {
        let n = graph.n;
        // The topological order is a valid (if poor) fallback schedule in case
        // the budget is zero.
        let mut sgs = Sgs::new(graph);
        let mut starts = vec![0; n];
        let makespan = sgs.serial(graph, &graph.preds, &graph.topo, &mut starts);
        Self {
            graph,
            sgs,
            budget,
            forward: vec![0; n],
            backward: vec![0; n],
            scratch: Vec::with_capacity(n),
            counts: Vec::new(),
            best: Solution { starts, makespan },
        }
    }

    fn exhausted(&self) -> bool {
        self.sgs.passes >= self.budget || self.best.makespan <= self.graph.lower_bound
    }

    /// Decodes `order` with the serial SGS, then justifies the schedule right
    /// and left again as long as that shortens it (double justification). On
    /// return `order` lists the activities by start time in the final
    /// schedule, so decoding it again reproduces that schedule.
    fn evaluate(&mut self, order: &mut Vec<usize>) -> u32 {
        let g = self.graph;
        let mut makespan = self.sgs.serial(g, &g.preds, order, &mut self.forward);
        self.record_forward(makespan);
        while !self.exhausted() {
            // Right justification: latest finish first; ties keep the reverse
            // list order, which respects zero-duration precedences.
            let (fwd, span) = (&self.forward, makespan as usize);
            counting_sort(
                order.iter().rev().copied(),
                |j| span - (fwd[j] + g.durations[j]) as usize,
                span,
                &mut self.counts,
                &mut self.scratch,
            );
            let back = self
                .sgs
                .serial(g, &g.succs, &self.scratch, &mut self.backward);
            self.record_backward(back);
            // Left justification: earliest start in the right-justified
            // schedule first.
            let (bwd, span) = (&self.backward, back as usize);
            counting_sort(
                self.scratch.iter().rev().copied(),
                |j| span - (bwd[j] + g.durations[j]) as usize,
                span,
                &mut self.counts,
                order,
            );
            let again = self.sgs.serial(g, &g.preds, order, &mut self.forward);
            self.record_forward(again);
            // Justification never lengthens a schedule; stop at a fixpoint.
            let improved = again < makespan;
            makespan = again;
            if !improved {
                break;
            }
        }
        let fwd = &self.forward;
        counting_sort(
            order.iter().copied(),
            |j| fwd[j] as usize,
            makespan as usize,
            &mut self.counts,
            &mut self.scratch,
        );
        std::mem::swap(order, &mut self.scratch);
        makespan
    }

    fn record_forward(&mut self, makespan: u32) {
        if makespan < self.best.makespan {
            self.best.makespan = makespan;
            self.best.starts.copy_from_slice(&self.forward);
        }
    }

    /// Mirrored starts of a backward pass become real starts by reflecting
    /// them at the makespan.
    fn record_backward(&mut self, makespan: u32) {
        if makespan < self.best.makespan {
            self.best.makespan = makespan;
            for j in 0..self.graph.n {
                self.best.starts[j] = makespan - self.backward[j] - self.graph.durations[j];
            }
        }
    }
}

pub fn run(graph: &Graph, options: &Options) -> Solution {
    let mut search = Search::new(graph, options.schedules);
    let mut rng = Rng::new(options.seed);
    let n = graph.n;

    let mut population: Vec<Individual> = Vec::with_capacity(2 * POPULATION);
    while population.len() < POPULATION && !search.exhausted() {
        // The first list follows the LFT rule exactly, the rest are biased
        // random samples around it.
        let mut order = if population.is_empty() {
            sample(graph, None)
        } else {
            sample(graph, Some(&mut rng))
        };
        let makespan = search.evaluate(&mut order);
        population.push(Individual { order, makespan });
    }

    let mut used = vec![false; n];
    let mut mates: Vec<usize> = (0..population.len()).collect();
    while !search.exhausted() && population.len() >= 2 {
        shuffle(&mut mates, &mut rng);
        let parents = population.len();
        let mut children = Vec::with_capacity(parents);
        for pair in mates.chunks_exact(2) {
            for (mother, father) in [(pair[0], pair[1]), (pair[1], pair[0])] {
                if search.exhausted() {
                    break;
                }
                let q1 = rng.below(n + 1);
                let q2 = q1 + rng.below(n + 1 - q1);
                let mut order = crossover(
                    &population[mother].order,
                    &population[father].order,
                    q1,
                    q2,
                    &mut used,
                );
                mutate(graph, &mut order, &mut rng);
                let makespan = search.evaluate(&mut order);
                children.push(Individual { order, makespan });
            }
        }
        // Survival of the fittest among parents and children; children go
        // first so that on equal makespans the newer lists survive, which
        // keeps the population moving.
        children.append(&mut population);
        population = children;
        population.sort_by_key(|ind| ind.makespan);
        population = distinct_first(population);
        population.truncate(parents);
    }
    search.best
}

/// Moves repeated lists behind all distinct ones (keeping the makespan order
/// otherwise): copies waste population slots and let the search collapse onto
/// a single schedule. `population` must be sorted by makespan.
fn distinct_first(population: Vec<Individual>) -> Vec<Individual> {
    let mut distinct: Vec<Individual> = Vec::with_capacity(population.len());
    let mut copies = Vec::new();
    for ind in population {
        let seen = distinct
            .iter()
            .rev()
            .take_while(|kept| kept.makespan == ind.makespan)
            .any(|kept| kept.order == ind.order);
        if seen {
            copies.push(ind);
        } else {
            distinct.push(ind);
        }
    }
    distinct.append(&mut copies);
    distinct
}

/// Builds a precedence-feasible list by repeatedly picking an eligible
/// activity. Without `rng` the one with the smallest latest finish time is
/// taken (LFT rule); with it, regret-based biased random sampling: weights
/// `(max LFT among eligible - LFT + 1)^2`.
fn sample(graph: &Graph, mut rng: Option<&mut Rng>) -> Vec<usize> {
    let n = graph.n;
    let lft = &graph.latest_finish;
    let mut missing: Vec<usize> = graph.preds.iter().map(Vec::len).collect();
    let mut eligible: Vec<usize> = (0..n).filter(|&j| missing[j] == 0).collect();
    let mut order = Vec::with_capacity(n);
    let mut weights: Vec<f64> = Vec::with_capacity(n);
    while !eligible.is_empty() {
        let pick = match rng.as_deref_mut() {
            None => (0..eligible.len())
                .min_by_key(|&k| (lft[eligible[k]], eligible[k]))
                .unwrap_or(0),
            Some(rng) => {
                let worst = eligible.iter().map(|&j| lft[j]).max().unwrap_or(0);
                weights.clear();
                weights.extend(eligible.iter().map(|&j| {
                    let regret = f64::from(worst - lft[j]) + 1.0;
                    regret * regret
                }));
                let total: f64 = weights.iter().sum();
                let mut x = rng.unit() * total;
                let mut k = 0;
                while k + 1 < weights.len() && x >= weights[k] {
                    x -= weights[k];
                    k += 1;
                }
                k
            }
        };
        let j = eligible.swap_remove(pick);
        order.push(j);
        for &s in &graph.succs[j] {
            missing[s] -= 1;
            if missing[s] == 0 {
                eligible.push(s);
            }
        }
    }
    order
}

/// Hartmann's two-point crossover: positions `..q1` from the mother, then
/// the father's relative order up to position `q2`, then the mother's order
/// for the rest. Each part keeps a parent's relative order, so the child is
/// precedence-feasible.
fn crossover(
    mother: &[usize],
    father: &[usize],
    q1: usize,
    q2: usize,
    used: &mut [bool],
) -> Vec<usize> {
    used.fill(false);
    let mut child = Vec::with_capacity(mother.len());
    for &j in &mother[..q1] {
        child.push(j);
        used[j] = true;
    }
    for &j in father {
        if child.len() >= q2 {
            break;
        }
        if !used[j] {
            child.push(j);
            used[j] = true;
        }
    }
    child.extend(mother.iter().copied().filter(|&j| !used[j]));
    child
}

/// Swaps neighbours with a small probability unless the first must precede
/// the second (only a direct arc can link neighbours in a feasible list).
fn mutate(graph: &Graph, order: &mut [usize], rng: &mut Rng) {
    for i in 1..order.len() {
        if rng.unit() < MUTATION && !graph.succs[order[i - 1]].contains(&order[i]) {
            order.swap(i - 1, i);
        }
    }
}

fn shuffle(items: &mut [usize], rng: &mut Rng) {
    for i in (1..items.len()).rev() {
        items.swap(i, rng.below(i + 1));
    }
}

/// Stable counting sort of `items` by `key` (at most `max_key`) into `out`;
/// schedule times are small integers, so this beats a comparison sort.
fn counting_sort(
    items: impl Iterator<Item = usize> + Clone,
    key: impl Fn(usize) -> usize,
    max_key: usize,
    counts: &mut Vec<usize>,
    out: &mut Vec<usize>,
) {
    counts.clear();
    counts.resize(max_key + 2, 0);
    let mut len = 0;
    for j in items.clone() {
        counts[key(j) + 1] += 1;
        len += 1;
    }
    for k in 1..counts.len() {
        counts[k] += counts[k - 1];
    }
    out.clear();
    out.resize(len, 0);
    for j in items {
        let slot = &mut counts[key(j)];
        out[*slot] = j;
        *slot += 1;
    }
}
