//! The GAN losses on discriminator logits, written with softplus so that they
//! stay finite for any logit: −log σ(l) = softplus(−l), −log(1 − σ(l)) = softplus(l).

use burn::tensor::activation::softplus;
use burn::tensor::Tensor;

/// Mean binary cross-entropy of `logits` against the constant label
/// `real` (1) or fake (0).
///
/// # Shapes
/// - logits: `[n, 1]`
/// - output: `[1]`
pub fn bce_with_logits(logits: Tensor<2>, real: bool) -> Tensor<1> {
    let signed = if real { logits.neg() } else { logits };
    softplus(signed, 1.0).mean()
}

/// D's loss: −E[log D(x)] − E[log(1 − D(G(z)))]. At the equilibrium
/// D ≡ ½ it equals 2·log 2.
pub fn discriminator_loss(real_logits: Tensor<2>, fake_logits: Tensor<2>) -> Tensor<1> {
    bce_with_logits(real_logits, true) + bce_with_logits(fake_logits, false)
}

/// G's non-saturating loss: −E[log D(G(z))] (Goodfellow et al. 2014, §3).
/// At the equilibrium D ≡ ½ it equals log 2.
pub fn generator_loss_nonsaturating(fake_logits: Tensor<2>) -> Tensor<1> {
    bce_with_logits(fake_logits, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use burn::tensor::{Device, TensorData};

    const LOGITS: [f32; 6] = [-30.0, -3.0, -0.5, 0.0, 2.0, 30.0];

    fn sigmoid(l: f64) -> f64 {
        1.0 / (1.0 + (-l).exp())
    }

    fn logits(device: &Device) -> Tensor<2> {
        Tensor::from_data(TensorData::new(LOGITS.to_vec(), [LOGITS.len(), 1]), device)
    }

    fn scalar(t: Tensor<1>) -> f64 {
        t.into_data().try_to_vec::<f32>().unwrap()[0] as f64
    }

    #[test]
    fn bce_matches_closed_form() {
        let device = Device::flex();
        let n = LOGITS.len() as f64;
        // −log σ(l) and −log(1 − σ(l)), in f64; ln_1p keeps the tails exact.
        let real_ref: f64 = LOGITS
            .iter()
            .map(|&l| {
                let l = l as f64;
                if l < 0.0 {
                    -l + l.exp().ln_1p()
                } else {
                    (-l).exp().ln_1p()
                }
            })
            .sum::<f64>()
            / n;
        let fake_ref: f64 = LOGITS
            .iter()
            .map(|&l| {
                let l = l as f64;
                if l > 0.0 {
                    l + (-l).exp().ln_1p()
                } else {
                    l.exp().ln_1p()
                }
            })
            .sum::<f64>()
            / n;
        assert!((scalar(bce_with_logits(logits(&device), true)) - real_ref).abs() < 1e-5);
        assert!((scalar(bce_with_logits(logits(&device), false)) - fake_ref).abs() < 1e-5);
        assert!(
            (scalar(discriminator_loss(logits(&device), logits(&device))) - (real_ref + fake_ref))
                .abs()
                < 1e-5
        );
        assert!((scalar(generator_loss_nonsaturating(logits(&device))) - real_ref).abs() < 1e-5);
    }

    #[test]
    fn equilibrium_values_are_log2_and_2log2() {
        let device = Device::flex();
        let zero = || Tensor::<2>::zeros([4, 1], &device);
        let ln2 = std::f64::consts::LN_2;
        assert!((scalar(generator_loss_nonsaturating(zero())) - ln2).abs() < 1e-6);
        assert!((scalar(discriminator_loss(zero(), zero())) - 2.0 * ln2).abs() < 1e-6);
    }

    #[test]
    fn gradient_matches_closed_form() {
        // d/dl mean(−log σ(l)) = −(1 − σ(l))/n and d/dl mean(−log(1 − σ(l))) = σ(l)/n.
        let device = Device::flex().autodiff();
        let n = LOGITS.len() as f64;
        for real in [true, false] {
            let l = logits(&device).require_grad();
            let grads = bce_with_logits(l.clone(), real).backward();
            let g: Vec<f32> = l.grad(&grads).unwrap().into_data().try_to_vec().unwrap();
            for (&li, &gi) in LOGITS.iter().zip(&g) {
                let s = sigmoid(li as f64);
                let expected = if real { -(1.0 - s) / n } else { s / n };
                assert!(
                    (gi as f64 - expected).abs() < 1e-6,
                    "real={real} l={li}: {gi} vs {expected}"
                );
            }
        }
    }
}
