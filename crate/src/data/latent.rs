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

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

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
