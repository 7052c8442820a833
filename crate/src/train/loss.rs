//! The GAN losses on discriminator logits, written with softplus so that they
//! stay finite for any logit: −log σ(l) = softplus(−l), −log(1 − σ(l)) = softplus(l).

use burn::tensor::activation::{relu, softplus};
use burn::tensor::Tensor;
use serde::{Deserialize, Serialize};

use crate::model::Mlp;

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

/// The 2-D lab's losses. D's output is a logit for the first three, and a
/// critic's score (no sigmoid) for hinge and the two WGANs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum GanLoss {
    /// The original minimax game: G minimises E[log(1 − D(G(z)))], which saturates.
    #[serde(rename = "minimax")]
    Minimax,
    /// G maximises E[log D(G(z))] instead: strong gradients early (Goodfellow et al. 2014).
    #[serde(rename = "nonsaturating")]
    NonSaturating,
    /// Least squares on D's raw output, targets 1 (real) and 0 (fake) (Mao et al. 2017).
    #[serde(rename = "lsgan")]
    Lsgan,
    /// Hinge: D wants real ≥ 1 and fake ≤ −1; G raises D(G(z)) (Lim & Ye 2017; SAGAN).
    #[serde(rename = "hinge")]
    Hinge,
    /// Wasserstein: a critic E[D(x)] − E[D(G(z))], kept Lipschitz by clipping its weights (Arjovsky et al. 2017).
    #[serde(rename = "wgan-clip")]
    WganClip,
    /// Wasserstein with a gradient penalty λ·E[(‖∇D(x̂)‖ − 1)²] instead of clipping (Gulrajani et al. 2017).
    #[serde(rename = "wgan-gp")]
    WganGp,
}

impl GanLoss {
    pub const ALL: [GanLoss; 6] = [
        GanLoss::Minimax,
        GanLoss::NonSaturating,
        GanLoss::Lsgan,
        GanLoss::Hinge,
        GanLoss::WganClip,
        GanLoss::WganGp,
    ];

    /// The name the API and the UI use.
    pub fn name(self) -> &'static str {
        match self {
            GanLoss::Minimax => "minimax",
            GanLoss::NonSaturating => "nonsaturating",
            GanLoss::Lsgan => "lsgan",
            GanLoss::Hinge => "hinge",
            GanLoss::WganClip => "wgan-clip",
            GanLoss::WganGp => "wgan-gp",
        }
    }

    pub fn from_name(name: &str) -> Option<GanLoss> {
        GanLoss::ALL.into_iter().find(|l| l.name() == name)
    }

    /// Whether D's output is a logit (σ of it is a probability) rather than a critic's score.
    pub fn has_logits(self) -> bool {
        matches!(self, GanLoss::Minimax | GanLoss::NonSaturating)
    }

    /// D's loss on its outputs for a real and a generated batch (WGAN-GP's
    /// penalty is added by the trainer: see [`gradient_penalty`]).
    ///
    /// # Shapes
    /// - real, fake: `[n, 1]`
    /// - output: `[1]`
    pub fn d_loss(self, real: Tensor<2>, fake: Tensor<2>) -> Tensor<1> {
        match self {
            GanLoss::Minimax | GanLoss::NonSaturating => discriminator_loss(real, fake),
            GanLoss::Lsgan => (real.sub_scalar(1.0).powi_scalar(2).mean()
                + fake.powi_scalar(2).mean())
            .mul_scalar(0.5),
            GanLoss::Hinge => {
                relu(real.neg().add_scalar(1.0)).mean() + relu(fake.add_scalar(1.0)).mean()
            }
            GanLoss::WganClip | GanLoss::WganGp => fake.mean() - real.mean(),
        }
    }

    /// G's loss on D's outputs for a generated batch.
    pub fn g_loss(self, fake: Tensor<2>) -> Tensor<1> {
        match self {
            // E[log(1 − σ(l))] = −E[softplus(l)].
            GanLoss::Minimax => softplus(fake, 1.0).mean().neg(),
            GanLoss::NonSaturating => generator_loss_nonsaturating(fake),
            GanLoss::Lsgan => fake.sub_scalar(1.0).powi_scalar(2).mean().mul_scalar(0.5),
            GanLoss::Hinge | GanLoss::WganClip | GanLoss::WganGp => fake.mean().neg(),
        }
    }
}

/// WGAN-GP's penalty E[(‖∇ₓ D(x̂)‖₂ − 1)²] at x̂ = ε·real + (1 − ε)·fake, with
/// ∇ₓ D in closed form ([`Mlp::forward_with_input_grad`]) so that the penalty's
/// gradient reaches D's weights. Multiply by λ (10 in the paper) yourself.
///
/// # Shapes
/// - real, fake: `[n, d]`; eps: `[n, 1]`, each in [0, 1]
/// - output: `[1]`
pub fn gradient_penalty(d: &Mlp, real: Tensor<2>, fake: Tensor<2>, eps: Tensor<2>) -> Tensor<1> {
    let mix = real * eps.clone() + fake * eps.neg().add_scalar(1.0);
    let (_, grad) = d.forward_with_input_grad(mix);
    // The 1e-12 keeps the square root's derivative finite at a zero gradient.
    let norm = grad.powi_scalar(2).sum_dim(1).add_scalar(1e-12).sqrt();
    norm.sub_scalar(1.0).powi_scalar(2).mean()
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

    /// The losses in f64 on the host, from their definitions: the reference.
    fn reference(loss: GanLoss, real: &[f64], fake: &[f64]) -> (f64, f64) {
        let mean = |v: &[f64], f: &dyn Fn(f64) -> f64| {
            v.iter().map(|&x| f(x)).sum::<f64>() / v.len() as f64
        };
        let ln_sig = |l: f64| -(1.0 + (-l).exp()).ln(); // log σ(l)
        let ln_one_minus_sig = |l: f64| -(1.0 + l.exp()).ln(); // log(1 − σ(l))
        match loss {
            GanLoss::Minimax => (
                -mean(real, &ln_sig) - mean(fake, &ln_one_minus_sig),
                mean(fake, &ln_one_minus_sig),
            ),
            GanLoss::NonSaturating => (
                -mean(real, &ln_sig) - mean(fake, &ln_one_minus_sig),
                -mean(fake, &ln_sig),
            ),
            GanLoss::Lsgan => (
                0.5 * mean(real, &|x| (x - 1.0).powi(2)) + 0.5 * mean(fake, &|x| x * x),
                0.5 * mean(fake, &|x| (x - 1.0).powi(2)),
            ),
            GanLoss::Hinge => (
                mean(real, &|x| (1.0 - x).max(0.0)) + mean(fake, &|x| (1.0 + x).max(0.0)),
                -mean(fake, &|x| x),
            ),
            GanLoss::WganClip | GanLoss::WganGp => {
                (mean(fake, &|x| x) - mean(real, &|x| x), -mean(fake, &|x| x))
            }
        }
    }

    #[test]
    fn every_loss_value_and_gradient_matches_its_definition() {
        let device = Device::flex().autodiff();
        // Away from the hinge's kinks at ±1, where finite differences are one-sided.
        let real: Vec<f64> = vec![-2.5, -0.3, 0.4, 1.7, 3.0];
        let fake: Vec<f64> = vec![-1.6, -0.2, 0.6, 2.2, -4.0];
        let t = |v: &[f64]| {
            Tensor::<2>::from_data(
                TensorData::new(
                    v.iter().map(|&x| x as f32).collect::<Vec<_>>(),
                    [v.len(), 1],
                ),
                &device,
            )
            .require_grad()
        };
        for loss in GanLoss::ALL {
            let (d_ref, g_ref) = reference(loss, &real, &fake);
            let (r, f) = (t(&real), t(&fake));
            let ld = loss.d_loss(r.clone(), f.clone());
            let lg = loss.g_loss(f.clone());
            assert!(
                (scalar(ld.clone().inner()) - d_ref).abs() < 1e-5,
                "{loss:?} D loss"
            );
            assert!(
                (scalar(lg.clone().inner()) - g_ref).abs() < 1e-5,
                "{loss:?} G loss"
            );
            // Gradients against central differences of the f64 reference.
            let gd = ld.backward();
            let (gr, gf): (Vec<f32>, Vec<f32>) = (
                r.grad(&gd).unwrap().into_data().try_to_vec().unwrap(),
                f.grad(&gd).unwrap().into_data().try_to_vec().unwrap(),
            );
            let f2 = t(&fake);
            let gg: Vec<f32> = f2
                .grad(&loss.g_loss(f2.clone()).backward())
                .unwrap()
                .into_data()
                .try_to_vec()
                .unwrap();
            let h = 1e-6;
            for i in 0..real.len() {
                let bump = |v: &[f64], s: f64| {
                    let mut w = v.to_vec();
                    w[i] += s;
                    w
                };
                let fd_r = (reference(loss, &bump(&real, h), &fake).0
                    - reference(loss, &bump(&real, -h), &fake).0)
                    / (2.0 * h);
                let fd_f = (reference(loss, &real, &bump(&fake, h)).0
                    - reference(loss, &real, &bump(&fake, -h)).0)
                    / (2.0 * h);
                let fd_g = (reference(loss, &real, &bump(&fake, h)).1
                    - reference(loss, &real, &bump(&fake, -h)).1)
                    / (2.0 * h);
                assert!(
                    (gr[i] as f64 - fd_r).abs() < 1e-5,
                    "{loss:?} ∂D/∂real[{i}] {} vs {fd_r}",
                    gr[i]
                );
                assert!(
                    (gf[i] as f64 - fd_f).abs() < 1e-5,
                    "{loss:?} ∂D/∂fake[{i}] {} vs {fd_f}",
                    gf[i]
                );
                assert!(
                    (gg[i] as f64 - fd_g).abs() < 1e-5,
                    "{loss:?} ∂G/∂fake[{i}] {} vs {fd_g}",
                    gg[i]
                );
            }
        }
    }

    #[test]
    fn loss_names_round_trip() {
        for loss in GanLoss::ALL {
            assert_eq!(GanLoss::from_name(loss.name()), Some(loss));
            assert_eq!(
                serde_json::to_value(loss).unwrap(),
                serde_json::json!(loss.name())
            );
        }
        assert_eq!(GanLoss::from_name("wgan"), None);
    }

    /// The penalty on the plain device, for finite differences.
    fn penalty_value(d: &Mlp, real: &[f32], fake: &[f32], eps: &[f32], device: &Device) -> f64 {
        let t = |v: &[f32], c: usize| {
            Tensor::<2>::from_data(TensorData::new(v.to_vec(), [v.len() / c, c]), device)
        };
        scalar(gradient_penalty(d, t(real, 2), t(fake, 2), t(eps, 1)))
    }

    #[test]
    fn gradient_penalty_value_and_weight_gradient_match_finite_differences() {
        use burn::module::Module;
        use rand::{RngExt, SeedableRng};
        let plain = Device::flex();
        let ad = plain.clone().autodiff();
        let mut rng = rand::rngs::StdRng::seed_from_u64(21);
        let d = Mlp::new(&[2, 6, 6, 1], &mut rng, &ad);
        let mut pts =
            |n: usize| -> Vec<f32> { (0..n).map(|_| rng.random_range(-1.5f32..1.5)).collect() };
        let (real, fake) = (pts(12), pts(12));
        let eps: Vec<f32> = pts(6).iter().map(|v| (v + 1.5) / 3.0).collect();
        let t = |v: &[f32], c: usize| {
            Tensor::<2>::from_data(TensorData::new(v.to_vec(), [v.len() / c, c]), &ad)
        };

        // The value, against ‖∇ₓD‖ from burn's own (first-order) autodiff at the same x̂.
        let mix: Vec<f32> = (0..6)
            .flat_map(|i| (0..2).map(move |j| (i, j)))
            .map(|(i, j)| eps[i] * real[2 * i + j] + (1.0 - eps[i]) * fake[2 * i + j])
            .collect();
        let x = t(&mix, 2).require_grad();
        let gx: Vec<f32> = x
            .grad(&d.forward(x.clone()).sum().backward())
            .unwrap()
            .into_data()
            .try_to_vec()
            .unwrap();
        let expected = gx
            .chunks(2)
            .map(|g| (((g[0] as f64).powi(2) + (g[1] as f64).powi(2)).sqrt() - 1.0).powi(2))
            .sum::<f64>()
            / 6.0;
        let gp = gradient_penalty(&d, t(&real, 2), t(&fake, 2), t(&eps, 1));
        assert!((scalar(gp.clone().inner()) - expected).abs() < 1e-5);

        // Its gradient with respect to D's weights, against central differences.
        let grads = gp.backward();
        let d_plain = d.valid();
        let mut nonzero = 0;
        for layer in 0..3 {
            let w = d.layers[layer].weight.val();
            let auto: Vec<f32> = w
                .grad(&grads)
                .expect("the penalty reaches every layer")
                .into_data()
                .try_to_vec()
                .unwrap();
            let values: Vec<f32> = d_plain.layers[layer]
                .weight
                .val()
                .into_data()
                .try_to_vec()
                .unwrap();
            let dims = d_plain.layers[layer].weight.val().dims();
            for k in [0, values.len() / 2, values.len() - 1] {
                let at = |s: f32| {
                    let mut v = values.clone();
                    v[k] += s;
                    let mut m = d_plain.clone();
                    m.layers[layer].weight =
                        burn::module::Param::from_data(TensorData::new(v, dims), &plain);
                    penalty_value(&m, &real, &fake, &eps, &plain)
                };
                let h = 1e-3;
                let fd = (at(h) - at(-h)) / (2.0 * h as f64);
                assert!(
                    (auto[k] as f64 - fd).abs() < 2e-3 * (1.0 + fd.abs()),
                    "layer {layer} weight {k}: autodiff {} vs finite difference {fd}",
                    auto[k]
                );
                if fd.abs() > 1e-3 {
                    nonzero += 1;
                }
            }
        }
        assert!(
            nonzero >= 5,
            "the penalty must move D's weights ({nonzero} of 9 probed did)"
        );
    }
}
