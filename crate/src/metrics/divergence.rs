//! Histograms on a fixed range, and the Jensen–Shannon divergence between two.

/// Equal-width bins over `[low, high]`. Samples outside the range count in the
/// edge bins, so that no mass goes missing from a divergence.
#[derive(Clone, Debug, PartialEq)]
pub struct Histogram {
    pub low: f64,
    pub high: f64,
    pub bins: usize,
}

impl Histogram {
    pub fn new(low: f64, high: f64, bins: usize) -> Self {
        assert!(high > low && bins > 0, "empty histogram range");
        Histogram { low, high, bins }
    }

    /// Counts per bin; non-finite samples are skipped.
    pub fn counts(&self, samples: &[f32]) -> Vec<f64> {
        let mut counts = vec![0.0; self.bins];
        let width = (self.high - self.low) / self.bins as f64;
        for &s in samples.iter().filter(|s| s.is_finite()) {
            let i = ((s as f64 - self.low) / width).floor();
            counts[i.clamp(0.0, (self.bins - 1) as f64) as usize] += 1.0;
        }
        counts
    }

    /// Counts divided by (total × bin width): a density comparable to a pdf.
    pub fn density(&self, samples: &[f32]) -> Vec<f64> {
        let counts = self.counts(samples);
        let total: f64 = counts.iter().sum();
        let width = (self.high - self.low) / self.bins as f64;
        counts
            .iter()
            .map(|c| {
                if total > 0.0 {
                    c / (total * width)
                } else {
                    0.0
                }
            })
            .collect()
    }
}

/// JS(p ‖ q) in nats, between two histograms (normalised here), in [0, ln 2].
/// Returns `None` when either has no mass.
pub fn js_divergence(p: &[f64], q: &[f64]) -> Option<f64> {
    assert_eq!(p.len(), q.len(), "histograms of different bin counts");
    let (sp, sq): (f64, f64) = (p.iter().sum(), q.iter().sum());
    if sp <= 0.0 || sq <= 0.0 {
        return None;
    }
    let kl_to_mid = |a: f64, m: f64| if a > 0.0 { a * (a / m).ln() } else { 0.0 };
    let mut js = 0.0;
    for (&a, &b) in p.iter().zip(q) {
        let (a, b) = (a / sp, b / sq);
        let m = 0.5 * (a + b);
        js += 0.5 * kl_to_mid(a, m) + 0.5 * kl_to_mid(b, m);
    }
    Some(js.max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::f64::consts::LN_2;

    #[test]
    fn js_hand_computed_cases() {
        assert!(
            js_divergence(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0])
                .unwrap()
                .abs()
                < 1e-12
        );
        assert!((js_divergence(&[1.0, 0.0], &[0.0, 5.0]).unwrap() - LN_2).abs() < 1e-12);
        // p = [1, 0], q = [½, ½]; m = [¾, ¼]:
        // ½·ln(4/3) + ½·(½·ln(2/3) + ½·ln 2) = 0.2157615…
        assert!((js_divergence(&[1.0, 0.0], &[0.5, 0.5]).unwrap() - 0.215_761_554_3).abs() < 1e-9);
        assert_eq!(js_divergence(&[0.0, 0.0], &[1.0, 1.0]), None);
    }

    #[test]
    fn js_is_symmetric() {
        let (p, q) = ([0.1, 0.6, 0.3], [0.5, 0.2, 0.3]);
        assert!((js_divergence(&p, &q).unwrap() - js_divergence(&q, &p).unwrap()).abs() < 1e-15);
    }

    #[test]
    fn histogram_counts_and_clamps_outliers() {
        let h = Histogram::new(0.0, 4.0, 4);
        assert_eq!(
            h.counts(&[0.5, 1.5, 1.7, 3.99, -7.0, 9.0, f32::NAN]),
            vec![2.0, 2.0, 0.0, 2.0]
        );
        let d = h.density(&[0.5, 1.5]);
        assert_eq!(d, vec![0.5, 0.5, 0.0, 0.0]);
    }
}
