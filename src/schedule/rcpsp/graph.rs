//! Validated, solver-friendly view of an [`Instance`].

use super::Instance;

pub struct Graph {
    pub n: usize,
    pub durations: Vec<u32>,
    pub preds: Vec<Vec<usize>>,
    pub succs: Vec<Vec<usize>>,
    /// Only the non-zero demands `(resource, units)` of each activity, so the
    /// SGS never scans resources an activity does not use.
    pub demands: Vec<Vec<(usize, u32)>>,
    pub capacities: Vec<u32>,
    /// Sum of all durations: no serial SGS schedule can end later.
    pub horizon: usize,
    /// A precedence-feasible order of all activities.
    pub topo: Vec<usize>,
    /// Latest finish times for a deadline equal to the critical path length.
    pub latest_finish: Vec<u32>,
    /// Critical path and resource-energy lower bound on the makespan.
    pub lower_bound: u32,
}

impl Graph {
    pub fn new(instance: &Instance) -> Result<Self, String> {
        let n = instance.durations.len();
        if instance.successors.len() != n || instance.demands.len() != n {
            return Err(format!(
                "{n} durations, {} successor lists and {} demand rows",
                instance.successors.len(),
                instance.demands.len()
            ));
        }
        let resources = instance.capacities.len();
        let mut demands = Vec::with_capacity(n);
        for (j, row) in instance.demands.iter().enumerate() {
            if row.len() != resources {
                return Err(format!(
                    "activity {j} has {} demands for {resources} resources",
                    row.len()
                ));
            }
            let mut nonzero = Vec::new();
            for (r, &q) in row.iter().enumerate() {
                if instance.durations[j] > 0 && q > instance.capacities[r] {
                    return Err(format!(
                        "infeasible: activity {j} demands {q} units of resource {r}, capacity is {}",
                        instance.capacities[r]
                    ));
                }
                if q > 0 && instance.durations[j] > 0 {
                    nonzero.push((r, q));
                }
            }
            demands.push(nonzero);
        }

        let mut preds = vec![Vec::new(); n];
        let mut succs = vec![Vec::new(); n];
        for (j, list) in instance.successors.iter().enumerate() {
            for &s in list {
                if s >= n {
                    return Err(format!("activity {j} has unknown successor {s}"));
                }
                // Duplicate arcs would only slow the SGS down.
                if !succs[j].contains(&s) {
                    succs[j].push(s);
                    preds[s].push(j);
                }
            }
        }

        let topo = topological_order(&preds, &succs)?;
        let horizon_u64: u64 = instance.durations.iter().map(|&d| u64::from(d)).sum();
        let horizon = u32::try_from(horizon_u64)
            .map_err(|_| format!("sum of durations {horizon_u64} exceeds the time range"))?;

        let durations = instance.durations.clone();
        let mut earliest_finish = vec![0u32; n];
        for &j in &topo {
            let es = preds[j]
                .iter()
                .map(|&p| earliest_finish[p])
                .max()
                .unwrap_or(0);
            earliest_finish[j] = es + durations[j];
        }
        let critical = earliest_finish.iter().copied().max().unwrap_or(0);
        let mut latest_finish = vec![critical; n];
        for &j in topo.iter().rev() {
            for &s in &succs[j] {
                latest_finish[j] = latest_finish[j].min(latest_finish[s] - durations[s]);
            }
        }

        // Energy bound: resource r must deliver sum(d*q) units at cap per period.
        let mut lower_bound = critical;
        for (r, &cap) in instance.capacities.iter().enumerate() {
            let energy: u64 = (0..n)
                .map(|j| u64::from(durations[j]) * u64::from(instance.demands[j][r]))
                .sum();
            if cap > 0 {
                let periods = energy.div_ceil(u64::from(cap));
                lower_bound = lower_bound.max(u32::try_from(periods).unwrap_or(u32::MAX));
            }
        }

        Ok(Self {
            n,
            durations,
            preds,
            succs,
            demands,
            capacities: instance.capacities.clone(),
            horizon: horizon as usize,
            topo,
            latest_finish,
            lower_bound,
        })
    }
}

/// Kahn's algorithm; fails on a cycle.
fn topological_order(preds: &[Vec<usize>], succs: &[Vec<usize>]) -> Result<Vec<usize>, String> {
    let n = preds.len();
    let mut missing: Vec<usize> = preds.iter().map(Vec::len).collect();
    let mut order: Vec<usize> = (0..n).filter(|&j| missing[j] == 0).collect();
    let mut head = 0;
    while head < order.len() {
        let j = order[head];
        head += 1;
        for &s in &succs[j] {
            missing[s] -= 1;
            if missing[s] == 0 {
                order.push(s);
            }
        }
    }
    if order.len() < n {
        let j = (0..n).find(|&j| missing[j] > 0).unwrap_or(0);
        return Err(format!(
            "precedence relations contain a cycle through activity {j}"
        ));
    }
    Ok(order)
}
