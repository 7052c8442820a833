//! The 1-D target distributions P_data of the lecture's "deterministic
//! transformation" lesson, with their analytic moments and densities.
//!
//! The analytic side (`mean`, `std`, `pdf`) is what the tests and the page's
//! density curve use as the reference the samples must approach.

use rand::{Rng, RngExt};
use rand_distr::StandardNormal;
use serde::{Deserialize, Serialize};

/// The three-mode mixture's fixed means, shared standard deviation and weights.
pub const MIXTURE3_MEANS: [f64; 3] = [-3.0, 0.0, 3.0];
pub const MIXTURE3_STD: f64 = 0.35;
pub const MIXTURE3_WEIGHTS: [f64; 3] = [0.3, 0.4, 0.3];

/// A 1-D target distribution. Serialised with a `kind` tag, e.g.
/// `{"kind":"gaussian","mean":4,"std":0.5}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Target1d {
    Gaussian {
        mean: f64,
        std: f64,
    },
    /// Two Gaussians of equal spread; `weight` is the mass of the first.
    Bimodal {
        mean1: f64,
        mean2: f64,
        std: f64,
        weight: f64,
    },
    Uniform {
        low: f64,
        high: f64,
    },
    Exponential {
        rate: f64,
    },
    /// Three Gaussians at [`MIXTURE3_MEANS`].
    Mixture3,
    /// A user-drawn histogram: bin weights (not necessarily normalised) over
    /// `[low, high]`, uniform inside each bin.
    Custom {
        histogram: Vec<f64>,
        low: f64,
        high: f64,
    },
}

impl Default for Target1d {
    fn default() -> Self {
        Target1d::Bimodal {
            mean1: -2.0,
            mean2: 2.0,
            std: 0.5,
            weight: 0.5,
        }
    }
}

/// The index that `u` ∈ [0, 1) falls on when [0, 1) is cut into pieces of the
/// (normalised) `weights`; never a zero-weight index, even when rounding
/// leaves the cumulative sum just under 1.
fn pick(weights: &[f64], u: f64) -> usize {
    let mut acc = 0.0;
    for (i, &w) in weights.iter().enumerate() {
        acc += w;
        if u < acc && w > 0.0 {
            return i;
        }
    }
    weights.iter().rposition(|&w| w > 0.0).unwrap_or(0)
}

impl Target1d {
    /// Gaussian components `(weight, mean, std)` for the mixture kinds.
    fn components(&self) -> Option<Vec<(f64, f64, f64)>> {
        match *self {
            Target1d::Gaussian { mean, std } => Some(vec![(1.0, mean, std)]),
            Target1d::Bimodal {
                mean1,
                mean2,
                std,
                weight,
            } => Some(vec![(weight, mean1, std), (1.0 - weight, mean2, std)]),
            Target1d::Mixture3 => Some(
                MIXTURE3_WEIGHTS
                    .iter()
                    .zip(MIXTURE3_MEANS)
                    .map(|(&w, m)| (w, m, MIXTURE3_STD))
                    .collect(),
            ),
            _ => None,
        }
    }

    /// Normalised bin probabilities and the bin width of a custom histogram.
    fn custom_bins(histogram: &[f64], low: f64, high: f64) -> (Vec<f64>, f64) {
        let total: f64 = histogram.iter().sum();
        let probs = histogram.iter().map(|w| w / total).collect();
        (probs, (high - low) / histogram.len() as f64)
    }

    /// Draws `n` samples.
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R, n: usize) -> Vec<f32> {
        (0..n).map(|_| self.sample_one(rng) as f32).collect()
    }

    fn sample_one<R: Rng + ?Sized>(&self, rng: &mut R) -> f64 {
        if let Some(components) = self.components() {
            let weights: Vec<f64> = components.iter().map(|c| c.0).collect();
            let (_, mean, std) = components[pick(&weights, rng.random())];
            let n: f64 = rng.sample(StandardNormal);
            return mean + std * n;
        }
        match self {
            Target1d::Uniform { low, high } => low + (high - low) * rng.random::<f64>(),
            Target1d::Exponential { rate } => {
                // 1 - U lies in (0, 1], so the log is finite.
                -(1.0 - rng.random::<f64>()).ln() / rate
            }
            Target1d::Custom {
                histogram,
                low,
                high,
            } => {
                let (probs, width) = Self::custom_bins(histogram, *low, *high);
                let bin = pick(&probs, rng.random());
                low + width * (bin as f64 + rng.random::<f64>())
            }
            _ => unreachable!("mixture kinds return above"),
        }
    }

    /// The analytic mean.
    pub fn mean(&self) -> f64 {
        self.moments().0
    }

    /// The analytic standard deviation.
    pub fn std(&self) -> f64 {
        self.moments().1.sqrt()
    }

    /// `(mean, variance)`.
    fn moments(&self) -> (f64, f64) {
        if let Some(cs) = self.components() {
            let mean: f64 = cs.iter().map(|(w, m, _)| w * m).sum();
            let second: f64 = cs.iter().map(|(w, m, s)| w * (s * s + m * m)).sum();
            return (mean, second - mean * mean);
        }
        match self {
            Target1d::Uniform { low, high } => ((low + high) / 2.0, (high - low).powi(2) / 12.0),
            Target1d::Exponential { rate } => (1.0 / rate, 1.0 / (rate * rate)),
            Target1d::Custom {
                histogram,
                low,
                high,
            } => {
                let (probs, width) = Self::custom_bins(histogram, *low, *high);
                let centre = |i: usize| low + width * (i as f64 + 0.5);
                let mean: f64 = probs.iter().enumerate().map(|(i, p)| p * centre(i)).sum();
                let second: f64 = probs
                    .iter()
                    .enumerate()
                    .map(|(i, p)| p * (centre(i).powi(2) + width * width / 12.0))
                    .sum();
                (mean, second - mean * mean)
            }
            _ => unreachable!("mixture kinds return above"),
        }
    }

    /// The probability density at `x`.
    pub fn pdf(&self, x: f64) -> f64 {
        if let Some(cs) = self.components() {
            return cs
                .iter()
                .map(|(w, m, s)| {
                    let u = (x - m) / s;
                    w * (-0.5 * u * u).exp() / (s * (2.0 * std::f64::consts::PI).sqrt())
                })
                .sum();
        }
        match self {
            Target1d::Uniform { low, high } => {
                if x >= *low && x < *high {
                    1.0 / (high - low)
                } else {
                    0.0
                }
            }
            Target1d::Exponential { rate } => {
                if x >= 0.0 {
                    rate * (-rate * x).exp()
                } else {
                    0.0
                }
            }
            Target1d::Custom {
                histogram,
                low,
                high,
            } => {
                if x < *low || x >= *high {
                    return 0.0;
                }
                let (probs, width) = Self::custom_bins(histogram, *low, *high);
                let bin = (((x - low) / width) as usize).min(probs.len() - 1);
                probs[bin] / width
            }
            _ => unreachable!("mixture kinds return above"),
        }
    }

    /// The x interval the page draws for this target: where nearly all its
    /// mass lies, with a margin.
    pub fn display_range(&self) -> (f64, f64) {
        if let Some(cs) = self.components() {
            let lo = cs
                .iter()
                .map(|(_, m, s)| m - 4.0 * s)
                .fold(f64::INFINITY, f64::min);
            let hi = cs
                .iter()
                .map(|(_, m, s)| m + 4.0 * s)
                .fold(f64::NEG_INFINITY, f64::max);
            return (lo, hi);
        }
        match self {
            Target1d::Uniform { low, high } | Target1d::Custom { low, high, .. } => {
                let pad = 0.15 * (high - low);
                (low - pad, high + pad)
            }
            // The 0.999 quantile is ln(1000)/rate ≈ 6.9/rate.
            Target1d::Exponential { rate } => (-0.5 / rate, 7.0 / rate),
            _ => unreachable!("mixture kinds return above"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn all_targets() -> Vec<Target1d> {
        vec![
            Target1d::Gaussian {
                mean: 4.0,
                std: 0.5,
            },
            Target1d::default(),
            Target1d::Bimodal {
                mean1: -1.0,
                mean2: 3.0,
                std: 0.3,
                weight: 0.2,
            },
            Target1d::Uniform {
                low: -1.0,
                high: 2.0,
            },
            Target1d::Exponential { rate: 1.5 },
            Target1d::Mixture3,
            Target1d::Custom {
                histogram: vec![1.0, 0.0, 3.0, 2.0],
                low: -2.0,
                high: 2.0,
            },
        ]
    }

    #[test]
    fn sample_moments_match_analytic_moments() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(11);
        let n = 200_000;
        for target in all_targets() {
            let xs = target.sample(&mut rng, n);
            let mean = xs.iter().map(|&v| v as f64).sum::<f64>() / n as f64;
            let var = xs.iter().map(|&v| (v as f64 - mean).powi(2)).sum::<f64>() / n as f64;
            let (m, s) = (target.mean(), target.std());
            // Five standard errors of the mean, and 2 % on the std.
            assert!(
                (mean - m).abs() < 5.0 * s / (n as f64).sqrt(),
                "{target:?}: mean {mean} vs {m}"
            );
            assert!(
                (var.sqrt() - s).abs() < 0.02 * s,
                "{target:?}: std {} vs {s}",
                var.sqrt()
            );
        }
    }

    #[test]
    fn hand_computed_moments() {
        // Bimodal ±2, σ 0.5: mean 0, var = 0.25 + 4.
        let b = Target1d::default();
        assert!((b.mean()).abs() < 1e-12);
        assert!((b.std() - 4.25f64.sqrt()).abs() < 1e-12);
        let u = Target1d::Uniform {
            low: -1.0,
            high: 2.0,
        };
        assert!((u.mean() - 0.5).abs() < 1e-12 && (u.std() - (0.75f64).sqrt()).abs() < 1e-12);
        let e = Target1d::Exponential { rate: 2.0 };
        assert!((e.mean() - 0.5).abs() < 1e-12 && (e.std() - 0.5).abs() < 1e-12);
    }

    #[test]
    fn pdf_integrates_to_one_and_matches_closed_form() {
        for target in all_targets() {
            let (lo, hi) = target.display_range();
            let (lo, hi) = (lo - 5.0, hi + 5.0);
            let steps = 200_000;
            let dx = (hi - lo) / steps as f64;
            let integral: f64 = (0..steps)
                .map(|i| target.pdf(lo + (i as f64 + 0.5) * dx) * dx)
                .sum();
            assert!(
                (integral - 1.0).abs() < 1e-3,
                "{target:?}: ∫pdf = {integral}"
            );
        }
        let g = Target1d::Gaussian {
            mean: 1.0,
            std: 2.0,
        };
        assert!((g.pdf(1.0) - 1.0 / (2.0 * (2.0 * std::f64::consts::PI).sqrt())).abs() < 1e-12);
        let c = Target1d::Custom {
            histogram: vec![1.0, 3.0],
            low: 0.0,
            high: 2.0,
        };
        assert!((c.pdf(0.5) - 0.25).abs() < 1e-12 && (c.pdf(1.5) - 0.75).abs() < 1e-12);
    }

    #[test]
    fn custom_never_samples_an_empty_bin() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(3);
        let t = Target1d::Custom {
            histogram: vec![0.0, 1.0, 0.0, 0.0],
            low: 0.0,
            high: 4.0,
        };
        assert!(t
            .sample(&mut rng, 10_000)
            .iter()
            .all(|&x| (1.0..2.0).contains(&x)));
    }

    #[test]
    fn pick_cuts_the_unit_interval_by_weight() {
        let w = [0.25, 0.0, 0.75];
        assert_eq!(pick(&w, 0.0), 0);
        assert_eq!(pick(&w, 0.2499), 0);
        assert_eq!(pick(&w, 0.25), 2);
        // A sum that rounds short of 1 falls back to the last non-zero weight.
        assert_eq!(pick(&[0.5, 0.4999, 0.0], 0.99995), 1);
    }

    #[test]
    fn serde_uses_the_kind_tag() {
        let t: Target1d =
            serde_json::from_str(r#"{"kind":"gaussian","mean":4,"std":0.5}"#).unwrap();
        assert_eq!(
            t,
            Target1d::Gaussian {
                mean: 4.0,
                std: 0.5
            }
        );
        assert_eq!(
            serde_json::to_string(&Target1d::Mixture3).unwrap(),
            r#"{"kind":"mixture3"}"#
        );
    }
}
