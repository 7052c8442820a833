//! The known distribution the generator maps from: z ~ N(0, I).

use rand::{Rng, RngExt};
use rand_distr::StandardNormal;

/// `n` latent vectors of dimension `dim`, row-major.
///
/// # Shapes
/// Returns `n * dim` values, to be read as `[n, dim]`.
pub fn gaussian_latent<R: Rng + ?Sized>(rng: &mut R, n: usize, dim: usize) -> Vec<f32> {
    (0..n * dim)
        .map(|_| rng.sample::<f32, _>(StandardNormal))
        .collect()
}

/// `n` latent vectors of dimension `dim` from U(−1, 1)ᵈ, row-major.
pub fn uniform_latent<R: Rng + ?Sized>(rng: &mut R, n: usize, dim: usize) -> Vec<f32> {
    (0..n * dim)
        .map(|_| rng.random_range(-1.0f32..1.0))
        .collect()
}

/// Spherical interpolation from `a` (t = 0) to `b` (t = 1) along the great
/// circle between them, with the norm interpolated linearly. Gaussian latents
/// in many dimensions lie near a sphere of radius √d; a straight line between
/// two of them cuts inside it, where G saw no training latents (White 2016).
pub fn slerp(a: &[f32], b: &[f32], t: f32) -> Vec<f32> {
    let norm = |v: &[f32]| v.iter().map(|x| (*x as f64).powi(2)).sum::<f64>().sqrt();
    let (na, nb) = (norm(a), norm(b));
    let t = t as f64;
    let lerp = || {
        a.iter()
            .zip(b)
            .map(|(x, y)| (*x as f64 * (1.0 - t) + *y as f64 * t) as f32)
            .collect()
    };
    if na < 1e-12 || nb < 1e-12 {
        return lerp();
    }
    let cos = (a
        .iter()
        .zip(b)
        .map(|(x, y)| (*x as f64) * (*y as f64))
        .sum::<f64>()
        / (na * nb))
        .clamp(-1.0, 1.0);
    let omega = cos.acos();
    if omega.sin().abs() < 1e-6 {
        return lerp();
    }
    let (wa, wb) = (
        ((1.0 - t) * omega).sin() / omega.sin(),
        (t * omega).sin() / omega.sin(),
    );
    // Directions on the unit sphere, then the interpolated norm.
    let r = na * (1.0 - t) + nb * t;
    a.iter()
        .zip(b)
        .map(|(x, y)| ((wa * *x as f64 / na + wb * *y as f64 / nb) * r) as f32)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn slerp_follows_the_great_circle() {
        // Unit vectors 90° apart: halfway is at 45°, on the circle, not at the chord's middle.
        let (a, b) = ([1.0f32, 0.0, 0.0], [0.0f32, 1.0, 0.0]);
        let h = slerp(&a, &b, 0.5);
        let s = std::f32::consts::FRAC_1_SQRT_2;
        assert!(
            (h[0] - s).abs() < 1e-6 && (h[1] - s).abs() < 1e-6 && h[2] == 0.0,
            "{h:?}"
        );
        assert_eq!(slerp(&a, &b, 0.0), a.to_vec());
        let end = slerp(&a, &b, 1.0);
        assert!((end[1] - 1.0).abs() < 1e-6 && end[0].abs() < 1e-6);
        // The angle grows linearly with t, and the norm goes from |a| to |b|.
        let (a, b) = ([2.0f32, 0.0], [0.0f32, 4.0]);
        let p = slerp(&a, &b, 1.0 / 3.0);
        let angle = (p[1] as f64).atan2(p[0] as f64);
        assert!(
            (angle - std::f64::consts::FRAC_PI_6).abs() < 1e-6,
            "{angle}"
        );
        let r = ((p[0] * p[0] + p[1] * p[1]) as f64).sqrt();
        assert!((r - (2.0 + 2.0 / 3.0)).abs() < 1e-5, "{r}");
    }

    #[test]
    fn latent_is_standard_normal() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        let z = gaussian_latent(&mut rng, 50_000, 2);
        assert_eq!(z.len(), 100_000);
        let n = z.len() as f64;
        let mean = z.iter().map(|&v| v as f64).sum::<f64>() / n;
        let var = z.iter().map(|&v| (v as f64 - mean).powi(2)).sum::<f64>() / n;
        // Standard error of the mean is 1/sqrt(n) ≈ 0.003.
        assert!(mean.abs() < 0.015, "mean {mean}");
        assert!((var - 1.0).abs() < 0.02, "var {var}");
    }

    #[test]
    fn uniform_latent_spans_minus_one_to_one() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        let z = uniform_latent(&mut rng, 50_000, 2);
        assert!(z.iter().all(|v| (-1.0..1.0).contains(v)));
        let n = z.len() as f64;
        let var = z.iter().map(|&v| (v as f64).powi(2)).sum::<f64>() / n;
        // U(−1, 1) has variance 1/3.
        assert!((var - 1.0 / 3.0).abs() < 0.01, "var {var}");
    }
}
