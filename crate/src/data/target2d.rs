//! The 2-D datasets of the GAN lab: the mode-collapse benchmarks (a ring of 8
//! Gaussians and a grid of 25, as in the VEEGAN and PacGAN papers), a spiral,
//! two moons, and a user-drawn point set.
//!
//! The mixtures know their modes and σ, which is what the VEEGAN metrics
//! (`metrics::modes`) score samples against.

use std::f64::consts::PI;

use rand::{Rng, RngExt};
use rand_distr::StandardNormal;
use serde::{Deserialize, Serialize};

/// The grid's mode coordinates, on both axes.
pub const GRID_COORDS: [f64; 5] = [-4.0, -2.0, 0.0, 2.0, 4.0];
/// The most points a drawn dataset may hold.
pub const MAX_DRAWN_POINTS: usize = 5000;

/// A 2-D dataset. Serialised with a `kind` tag, e.g. `{"kind":"ring","sigma":0.05,"radius":1}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Dataset2d {
    /// Eight Gaussians evenly spaced on a circle.
    Ring { radius: f64, sigma: f64 },
    /// Twenty-five Gaussians at [`GRID_COORDS`]².
    Grid { sigma: f64 },
    /// A two-turn Archimedean spiral, with Gaussian noise across it.
    Spiral { noise: f64 },
    /// Two interleaved half circles (scikit-learn's `make_moons`), centred.
    Moons { noise: f64 },
    /// Points painted by the user; each sample is one of them, jittered by `sigma`.
    Drawn { points: Vec<[f64; 2]>, sigma: f64 },
}

/// The ring's friendly default: σ = 0.05 on radius 1. The papers' standard,
/// σ = 0.01, is one `{"kind":"ring","sigma":0.01}` away.
impl Default for Dataset2d {
    fn default() -> Self {
        Dataset2d::Ring {
            radius: 1.0,
            sigma: 0.05,
        }
    }
}

fn normal<R: Rng + ?Sized>(rng: &mut R) -> f64 {
    rng.sample::<f64, _>(StandardNormal)
}

impl Dataset2d {
    /// The mixture's means and their shared σ; `None` for the datasets without modes.
    pub fn modes(&self) -> Option<(Vec<[f64; 2]>, f64)> {
        match self {
            Dataset2d::Ring { radius, sigma } => Some((
                (0..8)
                    .map(|k| {
                        let a = 2.0 * PI * k as f64 / 8.0;
                        [radius * a.cos(), radius * a.sin()]
                    })
                    .collect(),
                *sigma,
            )),
            Dataset2d::Grid { sigma } => Some((
                GRID_COORDS
                    .iter()
                    .flat_map(|&x| GRID_COORDS.iter().map(move |&y| [x, y]))
                    .collect(),
                *sigma,
            )),
            _ => None,
        }
    }

    /// `n` points, row-major `[n, 2]`.
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R, n: usize) -> Vec<f32> {
        let mut out = Vec::with_capacity(2 * n);
        for _ in 0..n {
            let [x, y] = match self {
                Dataset2d::Ring { .. } | Dataset2d::Grid { .. } => {
                    let (modes, sigma) = self.modes().expect("a mixture");
                    let m = modes[rng.random_range(0..modes.len())];
                    [m[0] + sigma * normal(rng), m[1] + sigma * normal(rng)]
                }
                Dataset2d::Spiral { noise } => {
                    // r grows linearly with the angle over two turns, r ∈ [0.2, 2].
                    let t: f64 = rng.random_range(0.0..1.0);
                    let angle = 4.0 * PI * t;
                    let r = 0.2 + 1.8 * t;
                    [
                        r * angle.cos() + noise * normal(rng),
                        r * angle.sin() + noise * normal(rng),
                    ]
                }
                Dataset2d::Moons { noise } => {
                    let t: f64 = rng.random_range(0.0..PI);
                    let (x, y) = if rng.random_bool(0.5) {
                        (t.cos(), t.sin())
                    } else {
                        (1.0 - t.cos(), 0.5 - t.sin())
                    };
                    // Centred on the origin: the moons span x ∈ [−1, 2], y ∈ [−0.5, 1].
                    [
                        x - 0.5 + noise * normal(rng),
                        y - 0.25 + noise * normal(rng),
                    ]
                }
                Dataset2d::Drawn { points, sigma } => {
                    let p = points[rng.random_range(0..points.len())];
                    [p[0] + sigma * normal(rng), p[1] + sigma * normal(rng)]
                }
            };
            out.push(x as f32);
            out.push(y as f32);
        }
        out
    }

    /// The square `[-h, h]²` the lab draws, holding the whole dataset with a margin.
    pub fn half_extent(&self) -> f64 {
        match self {
            Dataset2d::Ring { radius, sigma } => 1.5 * (radius + 3.0 * sigma),
            Dataset2d::Grid { sigma } => 5.5 + 3.0 * sigma,
            Dataset2d::Spiral { noise } => 2.5 + 3.0 * noise,
            Dataset2d::Moons { noise } => 2.0 + 3.0 * noise,
            Dataset2d::Drawn { points, sigma } => {
                let m = points
                    .iter()
                    .flat_map(|p| [p[0].abs(), p[1].abs()])
                    .fold(0.0f64, f64::max);
                (1.2 * (m + 3.0 * sigma)).max(1.0)
            }
        }
    }

    /// The data's spread per coordinate (the root mean square distance from
    /// the origin over √2): the networks see x / scale.
    pub fn scale(&self) -> f64 {
        match self {
            Dataset2d::Ring { radius, sigma } => (radius * radius / 2.0 + sigma * sigma).sqrt(),
            // Each grid coordinate is uniform on {−4, −2, 0, 2, 4}: variance 8.
            Dataset2d::Grid { sigma } => (8.0 + sigma * sigma).sqrt(),
            // r = 0.2 + 1.8 t, t ~ U(0, 1): E[r²] = 0.04 + 0.36 + 1.08.
            Dataset2d::Spiral { noise } => (1.48 / 2.0 + noise * noise).sqrt(),
            // The lower moon is the upper one negated; on the upper,
            // E[(cos t − ½)² + (sin t − ¼)²] = 1 + 5/16 − (2/π)/2 for t ~ U(0, π).
            Dataset2d::Moons { noise } => ((1.3125 - 1.0 / PI) / 2.0 + noise * noise).sqrt(),
            Dataset2d::Drawn { points, sigma } => {
                let n = points.len() as f64;
                let ms = points
                    .iter()
                    .map(|p| p[0] * p[0] + p[1] * p[1])
                    .sum::<f64>()
                    / n;
                (ms / 2.0 + sigma * sigma).sqrt().max(0.05)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn rng() -> rand::rngs::StdRng {
        rand::rngs::StdRng::seed_from_u64(5)
    }

    #[test]
    fn ring_modes_sit_on_the_circle_and_samples_around_them() {
        let ring = Dataset2d::Ring {
            radius: 2.0,
            sigma: 0.01,
        };
        let (modes, sigma) = ring.modes().unwrap();
        assert_eq!(modes.len(), 8);
        assert_eq!(sigma, 0.01);
        for m in &modes {
            assert!(((m[0] * m[0] + m[1] * m[1]).sqrt() - 2.0).abs() < 1e-12);
        }
        assert!(
            (modes[2][0]).abs() < 1e-12 && (modes[2][1] - 2.0).abs() < 1e-12,
            "mode 2 is at 90°"
        );
        let xs = ring.sample(&mut rng(), 8000);
        // Every sample within 5σ of a mode, and each mode near 1/8 of them.
        let mut counts = [0usize; 8];
        for p in xs.chunks(2) {
            let (i, d) = modes
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    (
                        i,
                        ((p[0] as f64 - m[0]).powi(2) + (p[1] as f64 - m[1]).powi(2)).sqrt(),
                    )
                })
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .unwrap();
            assert!(d < 5.0 * sigma, "sample {p:?} is {d} from its mode");
            counts[i] += 1;
        }
        // Binomial(8000, 1/8): sd ≈ 30; 6 sd of slack.
        for c in counts {
            assert!((c as i64 - 1000).abs() < 180, "{counts:?}");
        }
    }

    #[test]
    fn grid_has_25_modes_and_its_scale_matches_the_samples() {
        let grid = Dataset2d::Grid { sigma: 0.05 };
        let (modes, _) = grid.modes().unwrap();
        assert_eq!(modes.len(), 25);
        assert!(modes.contains(&[-4.0, 2.0]));
        let xs = grid.sample(&mut rng(), 20_000);
        let ms = xs.iter().map(|&v| (v as f64).powi(2)).sum::<f64>() / xs.len() as f64;
        assert!(
            (ms.sqrt() - grid.scale()).abs() / grid.scale() < 0.03,
            "rms {} vs {}",
            ms.sqrt(),
            grid.scale()
        );
    }

    #[test]
    fn every_dataset_fits_its_square_and_its_stated_scale() {
        let sets = [
            Dataset2d::default(),
            Dataset2d::Grid { sigma: 0.05 },
            Dataset2d::Spiral { noise: 0.05 },
            Dataset2d::Moons { noise: 0.05 },
            Dataset2d::Drawn {
                points: vec![[1.0, 1.0], [-2.0, 0.5]],
                sigma: 0.05,
            },
        ];
        for set in sets {
            let xs = set.sample(&mut rng(), 5000);
            let h = set.half_extent() as f32;
            let inside = xs
                .chunks(2)
                .filter(|p| p[0].abs() <= h && p[1].abs() <= h)
                .count();
            assert!(inside >= 4995, "{set:?}: {inside} of 5000 inside ±{h}");
            let rms =
                (xs.iter().map(|&v| (v as f64).powi(2)).sum::<f64>() / xs.len() as f64).sqrt();
            let ratio = rms / set.scale();
            assert!(
                (0.85..1.15).contains(&ratio),
                "{set:?}: rms {rms} vs scale {}",
                set.scale()
            );
        }
    }

    #[test]
    fn drawn_samples_are_the_points_jittered() {
        let set = Dataset2d::Drawn {
            points: vec![[1.0, -1.0]],
            sigma: 0.1,
        };
        let xs = set.sample(&mut rng(), 5000);
        let n = 5000.0;
        let mx = xs.chunks(2).map(|p| p[0] as f64).sum::<f64>() / n;
        let my = xs.chunks(2).map(|p| p[1] as f64).sum::<f64>() / n;
        let vx = xs
            .chunks(2)
            .map(|p| (p[0] as f64 - mx).powi(2))
            .sum::<f64>()
            / n;
        assert!(
            (mx - 1.0).abs() < 0.01 && (my + 1.0).abs() < 0.01,
            "{mx} {my}"
        );
        assert!((vx.sqrt() - 0.1).abs() < 0.005, "sd {}", vx.sqrt());
    }
}
