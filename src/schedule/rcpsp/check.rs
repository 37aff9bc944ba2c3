//! Independent feasibility checker. It deliberately shares no code with the
//! scheduler so that a bug in the profile bookkeeping cannot hide itself.

use super::Instance;

/// Checks that `starts` satisfies every finish-to-start precedence (lag 0)
/// and every resource capacity in every unit period `[t, t+1)`.
///
/// # Errors
/// Returns a message naming the first violation found.
pub fn check_feasible(instance: &Instance, starts: &[u32]) -> Result<(), String> {
    let n = instance.durations.len();
    if starts.len() != n {
        return Err(format!("{} start times for {n} activities", starts.len()));
    }
    if instance.successors.len() != n || instance.demands.len() != n {
        return Err("instance vectors have different lengths".to_string());
    }
    let finish = |j: usize| u64::from(starts[j]) + u64::from(instance.durations[j]);
    for (j, succs) in instance.successors.iter().enumerate() {
        for &s in succs {
            if s >= n {
                return Err(format!("activity {j} has unknown successor {s}"));
            }
            if u64::from(starts[s]) < finish(j) {
                return Err(format!(
                    "precedence violated: activity {s} starts at {} before its predecessor {j} finishes at {}",
                    starts[s],
                    finish(j)
                ));
            }
        }
    }

    // Usage per period via a difference array over the event times.
    let mut events: Vec<(u64, usize, bool)> = Vec::with_capacity(2 * n);
    for (j, (&start, &duration)) in starts.iter().zip(&instance.durations).enumerate() {
        if duration > 0 {
            events.push((u64::from(start), j, true));
            events.push((finish(j), j, false));
        }
    }
    // Releases before acquisitions at equal times: an activity ending at t
    // frees its resources for one starting at t.
    events.sort_by_key(|&(t, j, acquire)| (t, acquire, j));
    let resources = instance.capacities.len();
    let mut usage = vec![0u64; resources];
    let mut k = 0;
    while k < events.len() {
        let time = events[k].0;
        while k < events.len() && events[k].0 == time {
            let (_, j, acquire) = events[k];
            let demand = &instance.demands[j];
            if demand.len() != resources {
                return Err(format!(
                    "activity {j} has {} demands for {resources} resources",
                    demand.len()
                ));
            }
            for (r, &q) in demand.iter().enumerate() {
                if acquire {
                    usage[r] += u64::from(q);
                } else {
                    usage[r] -= u64::from(q);
                }
            }
            k += 1;
        }
        for (r, &used) in usage.iter().enumerate() {
            if used > u64::from(instance.capacities[r]) {
                return Err(format!(
                    "capacity violated: resource {r} uses {used} > {} in the period starting at {time}",
                    instance.capacities[r]
                ));
            }
        }
    }
    Ok(())
}
