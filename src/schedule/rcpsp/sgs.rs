//! Serial schedule generation scheme on a time-indexed resource profile.

use super::graph::Graph;

pub struct Sgs {
    resources: usize,
    /// Remaining capacity, `avail[t * resources + r]` for period `[t, t+1)`.
    avail: Vec<u32>,
    /// The untouched profile, copied back over the used prefix after a pass;
    /// cheaper than undoing every placement.
    full: Vec<u32>,
    /// Number of passes run so far; this is the search budget's currency.
    pub passes: usize,
}

impl Sgs {
    pub fn new(graph: &Graph) -> Self {
        let resources = graph.capacities.len();
        // One spare period so that `t + d <= horizon` never needs a check.
        let full: Vec<u32> = graph
            .capacities
            .iter()
            .copied()
            .cycle()
            .take((graph.horizon + 1) * resources)
            .collect();
        Self {
            resources,
            avail: full.clone(),
            full,
            passes: 0,
        }
    }

    /// Schedules the activities in `order` one by one, each at the earliest
    /// period where all of `preds` have finished and its demand fits for its
    /// whole duration. `preds` is `graph.preds` for a forward pass and
    /// `graph.succs` for a backward pass on the mirrored project (then the
    /// written times are mirrored starts). `order` must list every
    /// activity after all of its `preds`. Returns the makespan.
    #[allow(clippy::cast_possible_truncation)] // times <= horizon, checked to fit u32
    pub fn serial(
        &mut self,
        graph: &Graph,
        preds: &[Vec<usize>],
        order: &[usize],
        starts: &mut [u32],
    ) -> u32 {
        self.passes += 1;
        let res = self.resources;
        let mut makespan = 0;
        for &j in order {
            let d = graph.durations[j] as usize;
            let mut t = preds[j]
                .iter()
                .map(|&p| starts[p] + graph.durations[p])
                .max()
                .unwrap_or(0) as usize;
            let demand = &graph.demands[j];
            if !demand.is_empty() {
                // Test the window from its end: a conflict at `tau` rules
                // out every start up to `tau`, so the latest conflict gives
                // the longest jump. The periods passed on the way are known to
                // fit, so the next window is only tested beyond them.
                let mut fits_until = t;
                'search: loop {
                    let end = t + d;
                    for tau in (fits_until.max(t)..end).rev() {
                        let row = &self.avail[tau * res..(tau + 1) * res];
                        if demand.iter().any(|&(r, q)| row[r] < q) {
                            t = tau + 1;
                            fits_until = end;
                            continue 'search;
                        }
                    }
                    break;
                }
                for tau in t..t + d {
                    let row = &mut self.avail[tau * res..(tau + 1) * res];
                    for &(r, q) in demand {
                        row[r] -= q;
                    }
                }
            }
            starts[j] = t as u32;
            makespan = makespan.max(t + d);
        }
        let used = makespan * res;
        self.avail[..used].copy_from_slice(&self.full[..used]);
        makespan as u32
    }
}
