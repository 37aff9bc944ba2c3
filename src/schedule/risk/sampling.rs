//! Random numbers for the risk analysis: a seeded generator per iteration (so that results do
//! not depend on how iterations are shared among threads), and the three-point distributions
//! sampled through their quantile function (so that correlated tasks can share a quantile).

use std::collections::HashMap;
use std::sync::Arc;

use crate::model::Distribution;

/// SplitMix64: tiny, fast, and good enough for Monte Carlo sampling (seeded per iteration)
/// and for drawing the benches' generated plans.
pub struct Rng(u64);

impl Rng {
    /// The generator that starts from `seed` as it is.
    pub fn seeded(seed: u64) -> Self {
        Rng(seed)
    }

    /// The generator of iteration `iteration` of a run seeded with `seed`.
    pub fn for_iteration(seed: u64, iteration: u32) -> Self {
        let mut rng = Rng(seed ^ u64::from(iteration).wrapping_mul(0xD1B5_4A32_D192_ED03));
        // Mix once so that neighbouring iterations do not start from neighbouring states.
        rng.next_u64();
        rng
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in the open interval (0, 1).
    pub fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in 0..n (0 when n is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// Standard normal (Box–Muller, one of the pair).
    pub fn normal(&mut self) -> f64 {
        let (u, v) = (self.uniform(), self.uniform());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

/// The standard normal distribution function (Abramowitz & Stegun 7.1.26 on erf, error below
/// 1.5·10⁻⁷: far under the sampling error of any run).
pub fn normal_cdf(z: f64) -> f64 {
    let x = z.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - poly * (-x * x).exp();
    if z >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

/// A three-point distribution ready to sample: its points sorted, and for PERT's beta a table
/// of its distribution function.
#[derive(Clone, Debug)]
pub struct ThreePoint {
    low: f64,
    mode: f64,
    high: f64,
    shape: Shape,
}

#[derive(Clone, Debug)]
enum Shape {
    Constant,
    Uniform,
    Triangular,
    /// The beta's distribution function at `BETA_STEPS + 1` evenly spaced points of [0, 1],
    /// shared by the estimates of the same shape.
    Beta(Arc<[f64]>),
}

const BETA_STEPS: usize = 1024;

impl ThreePoint {
    /// The points in any order (they are sorted: a low point above the most likely one is a
    /// typing slip the validation reports, not a reason to stop the analysis).
    pub fn new(distribution: Distribution, points: (f64, f64, f64)) -> Self {
        Self::with_tables(distribution, points, &mut BetaTables::default())
    }

    /// [`ThreePoint::new`], reusing the beta tables of the shapes met before: estimates given
    /// as the same percentages of their durations share one (a table costs 16,000 powers).
    pub fn with_tables(
        distribution: Distribution,
        (low, most_likely, high): (f64, f64, f64),
        tables: &mut BetaTables,
    ) -> Self {
        let mut points = [low, most_likely, high];
        points.sort_by(f64::total_cmp);
        let (low, high) = (points[0], points[2]);
        // The most likely point is the middle one unless the entry was merely out of order.
        let mode = most_likely.clamp(low, high);
        let shape = if high - low <= f64::EPSILON * high.abs().max(1.0) {
            Shape::Constant
        } else {
            match distribution {
                Distribution::Uniform => Shape::Uniform,
                Distribution::Triangular => Shape::Triangular,
                Distribution::Pert => Shape::Beta(tables.get((mode - low) / (high - low))),
            }
        };
        Self {
            low,
            mode,
            high,
            shape,
        }
    }

    /// The value at quantile `q` (0–1).
    pub fn quantile(&self, q: f64) -> f64 {
        let (low, mode, high) = (self.low, self.mode, self.high);
        let span = high - low;
        match &self.shape {
            Shape::Constant => mode,
            Shape::Uniform => low + q * span,
            Shape::Triangular => {
                if q < (mode - low) / span {
                    low + (q * span * (mode - low)).sqrt()
                } else {
                    high - ((1.0 - q) * span * (high - mode)).sqrt()
                }
            }
            Shape::Beta(cdf) => {
                // The first table point at or above q, then linear between it and the one before.
                let k = cdf.partition_point(|&p| p < q).clamp(1, BETA_STEPS);
                let (before, after) = (cdf[k - 1], cdf[k]);
                let within = if after > before {
                    (q - before) / (after - before)
                } else {
                    0.0
                };
                low + ((k - 1) as f64 + within) / BETA_STEPS as f64 * span
            }
        }
    }

    /// The mean of the distribution.
    pub fn mean(&self) -> f64 {
        let (low, mode, high) = (self.low, self.mode, self.high);
        match self.shape {
            Shape::Constant => mode,
            Shape::Uniform => f64::midpoint(low, high),
            Shape::Triangular => (low + mode + high) / 3.0,
            Shape::Beta(_) => (low + 4.0 * mode + high) / 6.0,
        }
    }
}

/// The beta tables made so far, by the mode's place between the low and high points (which
/// alone sets PERT's shape), to a millionth.
#[derive(Default)]
pub struct BetaTables(HashMap<i64, Arc<[f64]>>);

impl BetaTables {
    fn get(&mut self, place: f64) -> Arc<[f64]> {
        let key = (place * 1e6).round() as i64;
        self.0
            .entry(key)
            .or_insert_with(|| {
                let place = key as f64 / 1e6;
                beta_table(1.0 + 4.0 * place, 1.0 + 4.0 * (1.0 - place)).into()
            })
            .clone()
    }
}

/// The distribution function of Beta(α, β) on a grid, integrated with the midpoint rule on a
/// finer grid (exact enough: the table is read by linear interpolation).
fn beta_table(alpha: f64, beta: f64) -> Vec<f64> {
    const FINE: usize = 8;
    let density = |x: f64| x.powf(alpha - 1.0) * (1.0 - x).powf(beta - 1.0);
    let h = 1.0 / (BETA_STEPS * FINE) as f64;
    let mut cdf = Vec::with_capacity(BETA_STEPS + 1);
    cdf.push(0.0);
    let mut total = 0.0;
    for step in 0..BETA_STEPS {
        for fine in 0..FINE {
            total += density(((step * FINE + fine) as f64 + 0.5) * h) * h;
        }
        cdf.push(total);
    }
    if total > 0.0 {
        for p in &mut cdf {
            *p /= total;
        }
    }
    cdf
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pert_quantiles_follow_the_beta() {
        // Symmetric PERT: the median is the most likely value.
        let d = ThreePoint::new(Distribution::Pert, (10.0, 20.0, 30.0));
        assert!((d.quantile(0.5) - 20.0).abs() < 0.01);
        // Skewed: Beta(2, 4) on [0, 60] has its median at 60 × 0.3138.
        let d = ThreePoint::new(Distribution::Pert, (0.0, 15.0, 60.0));
        assert!(
            (d.quantile(0.5) - 60.0 * 0.313_8).abs() < 0.05,
            "{}",
            d.quantile(0.5)
        );
    }

    #[test]
    fn the_normal_distribution_function_is_accurate() {
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-7);
        assert!((normal_cdf(1.0) - 0.841_344_7).abs() < 1e-6);
        assert!((normal_cdf(-1.959_964) - 0.025).abs() < 1e-6);
    }
}
