//! The Fréchet distance between two Gaussians fitted to samples (the FID's
//! formula, here over the structure regressor's predicted face parameters):
//!
//! d² = |μ₁ − μ₂|² + Tr(Σ₁ + Σ₂ − 2 (Σ₁^½ Σ₂ Σ₁^½)^½)
//!
//! The matrix square roots come from a cyclic Jacobi eigendecomposition of
//! symmetric matrices, in f64: exact enough for the 25 × 25 covariances here
//! and free of any linear-algebra dependency. Also `pooled_frechet`, a cruder
//! diagonal distance over pooled colours that needs no regressor.

/// The mean and the (biased, 1/n) covariance of `n` rows of `d` values.
pub fn mean_cov(rows: &[f32], d: usize) -> (Vec<f64>, Vec<f64>) {
    let n = (rows.len() / d).max(1) as f64;
    let mut mean = vec![0.0f64; d];
    for row in rows.chunks_exact(d) {
        for (m, &v) in mean.iter_mut().zip(row) {
            *m += v as f64 / n;
        }
    }
    let mut cov = vec![0.0f64; d * d];
    for row in rows.chunks_exact(d) {
        for i in 0..d {
            let a = row[i] as f64 - mean[i];
            for j in i..d {
                cov[i * d + j] += a * (row[j] as f64 - mean[j]) / n;
            }
        }
    }
    for i in 0..d {
        for j in 0..i {
            cov[i * d + j] = cov[j * d + i];
        }
    }
    (mean, cov)
}

/// Eigenvalues and eigenvectors (columns of the row-major `d × d` result) of a
/// symmetric matrix, by cyclic Jacobi rotations.
pub fn symmetric_eigen(m: &[f64], d: usize) -> (Vec<f64>, Vec<f64>) {
    let mut a = m.to_vec();
    let mut v = vec![0.0f64; d * d];
    for i in 0..d {
        v[i * d + i] = 1.0;
    }
    let scale: f64 = a.iter().map(|x| x * x).sum::<f64>().sqrt().max(1e-300);
    for _sweep in 0..100 {
        let off: f64 = (0..d)
            .flat_map(|i| (0..d).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i * d + j] * a[i * d + j])
            .sum::<f64>()
            .sqrt();
        if off <= 1e-15 * scale {
            break;
        }
        for p in 0..d {
            for q in p + 1..d {
                let apq = a[p * d + q];
                if apq.abs() <= 1e-300 {
                    continue;
                }
                let theta = (a[q * d + q] - a[p * d + p]) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..d {
                    let (akp, akq) = (a[k * d + p], a[k * d + q]);
                    a[k * d + p] = c * akp - s * akq;
                    a[k * d + q] = s * akp + c * akq;
                }
                for k in 0..d {
                    let (apk, aqk) = (a[p * d + k], a[q * d + k]);
                    a[p * d + k] = c * apk - s * aqk;
                    a[q * d + k] = s * apk + c * aqk;
                }
                for k in 0..d {
                    let (vkp, vkq) = (v[k * d + p], v[k * d + q]);
                    v[k * d + p] = c * vkp - s * vkq;
                    v[k * d + q] = s * vkp + c * vkq;
                }
            }
        }
    }
    ((0..d).map(|i| a[i * d + i]).collect(), v)
}

/// The square root of a symmetric positive semi-definite matrix (negative
/// eigenvalues, which rounding can leave, count as zero).
fn sqrt_psd(m: &[f64], d: usize) -> Vec<f64> {
    let (vals, vecs) = symmetric_eigen(m, d);
    let mut out = vec![0.0f64; d * d];
    for k in 0..d {
        let s = vals[k].max(0.0).sqrt();
        for i in 0..d {
            for j in 0..d {
                out[i * d + j] += vecs[i * d + k] * s * vecs[j * d + k];
            }
        }
    }
    out
}

fn matmul(a: &[f64], b: &[f64], d: usize) -> Vec<f64> {
    let mut out = vec![0.0f64; d * d];
    for i in 0..d {
        for k in 0..d {
            let aik = a[i * d + k];
            for j in 0..d {
                out[i * d + j] += aik * b[k * d + j];
            }
        }
    }
    out
}

/// The Fréchet distance (squared, as the FID reports it) between N(μ₁, Σ₁) and N(μ₂, Σ₂).
pub fn frechet_distance(mu1: &[f64], cov1: &[f64], mu2: &[f64], cov2: &[f64]) -> f64 {
    let d = mu1.len();
    let mean_term: f64 = mu1.iter().zip(mu2).map(|(a, b)| (a - b).powi(2)).sum();
    let root1 = sqrt_psd(cov1, d);
    let mut inner = matmul(&matmul(&root1, cov2, d), &root1, d);
    // Symmetrise what rounding bent.
    for i in 0..d {
        for j in 0..i {
            let m = 0.5 * (inner[i * d + j] + inner[j * d + i]);
            inner[i * d + j] = m;
            inner[j * d + i] = m;
        }
    }
    let (vals, _) = symmetric_eigen(&inner, d);
    let cross: f64 = vals.iter().map(|v| v.max(0.0).sqrt()).sum();
    let trace = |c: &[f64]| (0..d).map(|i| c[i * d + i]).sum::<f64>();
    (mean_term + trace(cov1) + trace(cov2) - 2.0 * cross).max(0.0)
}

/// A simple distance between two sets of images (`[n][size][size][3]`):
/// the diagonal Fréchet distance Σ (μ₁ − μ₂)² + (σ₁ − σ₂)² over 4 × 4 average-pooled
/// colour features (48 per image). Not the lesson's structure score (that
/// needs the parameter regressor); a check that samples move toward the data.
pub fn pooled_frechet(a: &[f32], b: &[f32], size: usize) -> f64 {
    let features = |imgs: &[f32]| -> Vec<Vec<f64>> {
        let cell = size / 4;
        imgs.chunks(size * size * 3)
            .map(|img| {
                let mut f = vec![0.0f64; 48];
                for y in 0..size {
                    for x in 0..size {
                        for c in 0..3 {
                            f[((y / cell) * 4 + x / cell) * 3 + c] +=
                                img[(y * size + x) * 3 + c] as f64;
                        }
                    }
                }
                f.iter_mut().for_each(|v| *v /= (cell * cell) as f64);
                f
            })
            .collect()
    };
    let stats = |fs: &[Vec<f64>]| -> (Vec<f64>, Vec<f64>) {
        let n = fs.len() as f64;
        let mean: Vec<f64> = (0..48)
            .map(|j| fs.iter().map(|f| f[j]).sum::<f64>() / n)
            .collect();
        let sd: Vec<f64> = (0..48)
            .map(|j| (fs.iter().map(|f| (f[j] - mean[j]).powi(2)).sum::<f64>() / n).sqrt())
            .collect();
        (mean, sd)
    };
    let ((ma, sa), (mb, sb)) = (stats(&features(a)), stats(&features(b)));
    (0..48)
        .map(|j| (ma[j] - mb[j]).powi(2) + (sa[j] - sb[j]).powi(2))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{faces::faces, gaussian_latent};
    use rand::rngs::StdRng;
    use rand::SeedableRng;

    #[test]
    fn the_distance_is_zero_on_the_same_set_and_large_for_noise() {
        let mut rng = StdRng::seed_from_u64(2);
        let (a, _) = faces(&mut rng, 200, 32);
        let (b, _) = faces(&mut rng, 200, 32);
        let noise: Vec<f32> = gaussian_latent(&mut rng, 200 * 32 * 32 * 3, 1)
            .iter()
            .map(|v| (0.5 + 0.25 * v).clamp(0.0, 1.0))
            .collect();
        let same = pooled_frechet(&a, &a, 32);
        let held_out = pooled_frechet(&a, &b, 32);
        let far = pooled_frechet(&a, &noise, 32);
        assert!(same < 1e-12, "{same}");
        assert!(far > 20.0 * held_out, "held-out {held_out}, noise {far}");
    }

    #[test]
    fn eigen_reconstructs_the_matrix() {
        let m = [4.0, 1.0, 0.5, 1.0, 3.0, -0.2, 0.5, -0.2, 2.0];
        let (vals, vecs) = symmetric_eigen(&m, 3);
        for i in 0..3 {
            for j in 0..3 {
                let r: f64 = (0..3)
                    .map(|k| vecs[i * 3 + k] * vals[k] * vecs[j * 3 + k])
                    .sum();
                assert!((r - m[i * 3 + j]).abs() < 1e-12, "{r} vs {}", m[i * 3 + j]);
            }
        }
        // The trace and the determinant are the eigenvalues' sum and product.
        assert!((vals.iter().sum::<f64>() - 9.0).abs() < 1e-12);
        let det = 4.0 * (3.0 * 2.0 - 0.04) - 1.0 * (2.0 + 0.1) + 0.5 * (-0.2 - 1.5);
        assert!((vals.iter().product::<f64>() - det).abs() < 1e-10);
    }

    #[test]
    fn matches_the_closed_forms() {
        // Diagonal covariances commute: d² = Σ (μ₁ − μ₂)² + Σ (σ₁ − σ₂)².
        let (mu1, mu2) = ([0.0, 1.0, 2.0], [1.0, 1.0, 0.0]);
        let cov1 = [4.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 9.0];
        let cov2 = [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.25];
        let want = 1.0 + 4.0 + (1.0 + 0.0 + 2.5f64.powi(2));
        let got = frechet_distance(&mu1, &cov1, &mu2, &cov2);
        assert!((got - want).abs() < 1e-10, "{got} vs {want}");
        // The same Gaussian: zero, with a full covariance.
        let full = [2.0, 0.7, 0.1, 0.7, 1.5, -0.3, 0.1, -0.3, 1.0];
        assert!(frechet_distance(&mu1, &full, &mu1, &full) < 1e-10);
        // Rotating both by the same orthogonal matrix changes nothing: Σ₂ = R Σ₁ Rᵀ
        // against a scaled copy k²Σ₁ gives (1 − k)² Tr Σ₁ when Σ₂ = k² Σ₁.
        let scaled: Vec<f64> = full.iter().map(|v| v * 9.0).collect();
        let got = frechet_distance(&mu1, &full, &mu1, &scaled);
        assert!((got - 4.0 * 4.5).abs() < 1e-9, "{got}");
    }

    #[test]
    fn mean_cov_matches_a_hand_computation() {
        let rows = [1.0f32, 2.0, 3.0, 6.0];
        let (m, c) = mean_cov(&rows, 2);
        assert_eq!(m, vec![2.0, 4.0]);
        assert_eq!(c, vec![1.0, 2.0, 2.0, 4.0]);
    }
}
