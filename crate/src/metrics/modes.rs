//! Mode coverage on the 2-D mixtures, in the VEEGAN paper's definition
//! (Srivastava et al. 2017, §5.1): a sample is *high quality* if it lies within
//! 3σ of its nearest mode; a mode is *covered* if it is the nearest mode of at
//! least one high-quality sample. The lab computes both on 2,500 samples.
//! Also the total-variation distance (the dice lesson) and a 2-D histogram for
//! the JS divergence on a grid.

/// The number of generated samples the lab scores.
pub const COVERAGE_SAMPLES: usize = 2500;

#[derive(Clone, Debug, PartialEq)]
pub struct Coverage {
    /// Modes with at least one high-quality sample nearest to them.
    pub modes_covered: usize,
    /// The fraction of samples within 3σ of their nearest mode, in [0, 1].
    pub high_quality: f64,
}

/// Scores `samples` (row-major `[n, 2]`) against the mixture's `modes` and σ.
pub fn coverage(samples: &[f32], modes: &[[f64; 2]], sigma: f64) -> Coverage {
    let mut covered = vec![false; modes.len()];
    let mut good = 0usize;
    let mut n = 0usize;
    for p in samples.chunks_exact(2) {
        n += 1;
        let (x, y) = (p[0] as f64, p[1] as f64);
        if !(x.is_finite() && y.is_finite()) {
            continue;
        }
        let (nearest, d2) = modes
            .iter()
            .enumerate()
            .map(|(i, m)| (i, (x - m[0]).powi(2) + (y - m[1]).powi(2)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .expect("at least one mode");
        if d2 <= (3.0 * sigma).powi(2) {
            good += 1;
            covered[nearest] = true;
        }
    }
    Coverage {
        modes_covered: covered.iter().filter(|&&c| c).count(),
        high_quality: if n == 0 { 0.0 } else { good as f64 / n as f64 },
    }
}

/// Total variation between two distributions on the same finite support:
/// ½ Σ |p − q|, in [0, 1]. Both are normalised first (counts are fine).
pub fn total_variation(p: &[f64], q: &[f64]) -> f64 {
    assert_eq!(p.len(), q.len(), "distributions on different supports");
    let (sp, sq): (f64, f64) = (p.iter().sum(), q.iter().sum());
    if sp <= 0.0 || sq <= 0.0 {
        return 1.0;
    }
    0.5 * p
        .iter()
        .zip(q)
        .map(|(a, b)| (a / sp - b / sq).abs())
        .sum::<f64>()
}

/// Counts of `points` (row-major `[n, 2]`) in a `bins × bins` grid over
/// `[-h, h]²`, row-major by y then x; points outside count in the edge cells.
pub fn histogram_2d(points: &[f32], h: f64, bins: usize) -> Vec<f64> {
    let mut counts = vec![0.0; bins * bins];
    let cell = |v: f32| -> usize {
        let i = ((v as f64 + h) / (2.0 * h) * bins as f64).floor();
        i.clamp(0.0, (bins - 1) as f64) as usize
    };
    for p in points
        .chunks_exact(2)
        .filter(|p| p[0].is_finite() && p[1].is_finite())
    {
        counts[cell(p[1]) * bins + cell(p[0])] += 1.0;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIGMA: f64 = 0.1;

    fn ring() -> Vec<[f64; 2]> {
        (0..8)
            .map(|k| {
                let a = std::f64::consts::PI * k as f64 / 4.0;
                [a.cos(), a.sin()]
            })
            .collect()
    }

    /// `per_mode` points at each listed mode, offset by `offset` along x.
    fn at(modes: &[[f64; 2]], which: &[usize], per_mode: usize, offset: f64) -> Vec<f32> {
        which
            .iter()
            .flat_map(|&i| std::iter::repeat_n([modes[i][0] + offset, modes[i][1]], per_mode))
            .flat_map(|p| [p[0] as f32, p[1] as f32])
            .collect()
    }

    #[test]
    fn every_mode_covered() {
        let m = ring();
        let c = coverage(&at(&m, &[0, 1, 2, 3, 4, 5, 6, 7], 10, 0.0), &m, SIGMA);
        assert_eq!(
            c,
            Coverage {
                modes_covered: 8,
                high_quality: 1.0
            }
        );
    }

    #[test]
    fn one_mode_collapsed() {
        let m = ring();
        let c = coverage(&at(&m, &[3], 80, 0.05), &m, SIGMA);
        assert_eq!(
            c,
            Coverage {
                modes_covered: 1,
                high_quality: 1.0
            }
        );
    }

    #[test]
    fn off_mode_samples_are_low_quality_and_cover_nothing() {
        let m = ring();
        // 30 samples 2.9σ off modes 0 and 1 (high quality), 10 at 3.1σ off mode 5
        // (not), 20 at the origin (far from all).
        let mut s = at(&m, &[0, 1], 15, 2.9 * SIGMA);
        s.extend(at(&m, &[5], 10, 3.1 * SIGMA));
        s.extend(std::iter::repeat_n(0.0f32, 40));
        let c = coverage(&s, &m, SIGMA);
        assert_eq!(c.modes_covered, 2);
        assert!((c.high_quality - 30.0 / 60.0).abs() < 1e-12, "{c:?}");
        // A non-finite sample counts as a sample, and as a low-quality one.
        let c = coverage(&[f32::NAN, 0.0, 1.0, 0.0], &m, SIGMA);
        assert_eq!(
            c,
            Coverage {
                modes_covered: 1,
                high_quality: 0.5
            }
        );
    }

    #[test]
    fn total_variation_by_hand() {
        // ½(|½−⅙| + |½−⅙| + 4·⅙) = ½(⅓ + ⅓ + ⅔) = ⅔.
        let tv = total_variation(&[3.0, 3.0, 0.0, 0.0, 0.0, 0.0], &[1.0; 6]);
        assert!((tv - 2.0 / 3.0).abs() < 1e-12, "{tv}");
        assert_eq!(total_variation(&[1.0; 6], &[2.0; 6]), 0.0);
        assert_eq!(total_variation(&[1.0, 0.0], &[0.0, 1.0]), 1.0);
    }

    #[test]
    fn histogram_2d_cells() {
        // A 2×2 grid on [−1, 1]²: (−0.5, −0.5) → cell 0, (0.5, −0.5) → 1, (−0.5, 0.5) → 2,
        // (9, 9) → the last cell (clamped).
        let h = histogram_2d(
            &[-0.5, -0.5, 0.5, -0.5, -0.5, 0.5, 9.0, 9.0, f32::NAN, 0.0],
            1.0,
            2,
        );
        assert_eq!(h, vec![1.0, 1.0, 1.0, 1.0]);
    }
}
