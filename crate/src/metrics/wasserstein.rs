//! The exact 1-D Wasserstein-1 distance between two empirical distributions.

/// W1 between the empirical distributions of `a` and `b`:
/// ∫ |F_a(x) − F_b(x)| dx, integrated exactly over the merged sorted samples.
/// For equal sizes this equals the mean of |a_(i) − b_(i)| over sorted samples.
/// Returns `None` when either side is empty or holds a non-finite value.
pub fn wasserstein_1d(a: &[f32], b: &[f32]) -> Option<f64> {
    if a.is_empty() || b.is_empty() || a.iter().chain(b).any(|v| !v.is_finite()) {
        return None;
    }
    let sorted = |s: &[f32]| {
        let mut v: Vec<f64> = s.iter().map(|&x| x as f64).collect();
        v.sort_by(f64::total_cmp);
        v
    };
    let (a, b) = (sorted(a), sorted(b));
    let (na, nb) = (a.len() as f64, b.len() as f64);
    let (mut i, mut j) = (0usize, 0usize);
    let mut x = a[0].min(b[0]);
    let mut total = 0.0;
    while i < a.len() || j < b.len() {
        // The next breakpoint of either step function.
        let next = match (a.get(i), b.get(j)) {
            (Some(&p), Some(&q)) => p.min(q),
            (Some(&p), None) => p,
            (None, Some(&q)) => q,
            (None, None) => unreachable!(),
        };
        total += (i as f64 / na - j as f64 / nb).abs() * (next - x);
        x = next;
        while i < a.len() && a[i] == next {
            i += 1;
        }
        while j < b.len() && b[j] == next {
            j += 1;
        }
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} vs {b}");
    }

    #[test]
    fn hand_computed_cases() {
        close(wasserstein_1d(&[0.0, 1.0], &[1.0, 2.0]).unwrap(), 1.0);
        close(wasserstein_1d(&[3.0], &[3.0]).unwrap(), 0.0);
        // Mass 1 at 0 against half at 0 and half at 2: move 1/2 by 2.
        close(wasserstein_1d(&[0.0], &[0.0, 2.0]).unwrap(), 1.0);
        // Order does not matter; a shift by c costs c.
        close(
            wasserstein_1d(&[5.0, -1.0, 2.0], &[7.5, 1.5, 4.5]).unwrap(),
            2.5,
        );
        // Unequal sizes: {0,1,2,3} vs {1.5}: mean |x - 1.5| = 1.
        close(wasserstein_1d(&[3.0, 0.0, 2.0, 1.0], &[1.5]).unwrap(), 1.0);
    }

    #[test]
    fn equals_sorted_mean_absolute_difference() {
        let a: Vec<f32> = (0..500).map(|i| ((i * 37) % 101) as f32 * 0.1).collect();
        let b: Vec<f32> = (0..500)
            .map(|i| ((i * 53) % 97) as f32 * 0.13 - 1.0)
            .collect();
        let (mut sa, mut sb) = (a.clone(), b.clone());
        sa.sort_by(f32::total_cmp);
        sb.sort_by(f32::total_cmp);
        let reference = sa
            .iter()
            .zip(&sb)
            .map(|(x, y)| (*x as f64 - *y as f64).abs())
            .sum::<f64>()
            / 500.0;
        assert!((wasserstein_1d(&a, &b).unwrap() - reference).abs() < 1e-5);
    }

    #[test]
    fn empty_or_nan_has_no_distance() {
        assert_eq!(wasserstein_1d(&[], &[1.0]), None);
        assert_eq!(wasserstein_1d(&[f32::NAN], &[1.0]), None);
    }
}
