//! Lesson 0, a probability distribution: a die's probability mass function, and
//! rolls whose histogram approaches it as their number grows.

use rand::{Rng, RngExt};
use serde::{Deserialize, Serialize};

/// A six-sided die: the probability of each face, 1 to 6 (summing to 1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Die {
    pub probs: [f64; 6],
}

impl Die {
    pub fn fair() -> Self {
        Die {
            probs: [1.0 / 6.0; 6],
        }
    }

    /// A die from face weights (any non-negative numbers, not all 0), normalised.
    pub fn from_weights(weights: [f64; 6]) -> Option<Self> {
        let total: f64 = weights.iter().sum();
        if !(total > 0.0 && total.is_finite()) || weights.iter().any(|w| !(*w >= 0.0)) {
            return None;
        }
        Some(Die {
            probs: weights.map(|w| w / total),
        })
    }

    /// An endless stream of rolls, faces 0 to 5 (inverse-CDF sampling; the CDF is built once).
    pub fn rolls<'a, R: Rng + ?Sized>(&self, rng: &'a mut R) -> impl Iterator<Item = usize> + 'a {
        let mut cdf = [0.0; 6];
        let mut acc = 0.0;
        for (c, p) in cdf.iter_mut().zip(self.probs) {
            acc += p;
            *c = acc;
        }
        std::iter::repeat_with(move || {
            let u: f64 = rng.random_range(0.0..acc);
            cdf.iter().position(|&c| u < c).unwrap_or(5)
        })
    }

    /// How often each face came up in `n` rolls.
    pub fn roll<R: Rng + ?Sized>(&self, rng: &mut R, n: usize) -> [u64; 6] {
        let mut counts = [0u64; 6];
        for face in self.rolls(rng).take(n) {
            counts[face] += 1;
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn weights_normalise_and_bad_ones_are_refused() {
        let d = Die::from_weights([1.0, 1.0, 1.0, 1.0, 1.0, 5.0]).unwrap();
        assert!((d.probs[5] - 0.5).abs() < 1e-12 && (d.probs[0] - 0.1).abs() < 1e-12);
        assert!(Die::from_weights([0.0; 6]).is_none());
        assert!(Die::from_weights([1.0, -1.0, 1.0, 1.0, 1.0, 1.0]).is_none());
        assert!(Die::from_weights([f64::NAN, 1.0, 1.0, 1.0, 1.0, 1.0]).is_none());
    }

    #[test]
    fn rolls_follow_the_pmf() {
        let d = Die::from_weights([0.0, 1.0, 1.0, 1.0, 1.0, 6.0]).unwrap();
        let mut rng = rand::rngs::StdRng::seed_from_u64(3);
        let counts = d.roll(&mut rng, 100_000);
        assert_eq!(counts.iter().sum::<u64>(), 100_000);
        assert_eq!(counts[0], 0, "a face of probability 0 never comes up");
        for (c, p) in counts.iter().zip(d.probs) {
            // Binomial sd ≤ 158 at n = 1e5; 5 sd of slack.
            assert!((*c as f64 - 1e5 * p).abs() < 800.0, "{counts:?}");
        }
    }
}
