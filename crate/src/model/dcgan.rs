//! The DCGAN generator and discriminator (Radford et al. 2016), in the PyTorch
//! tutorial's layout: G is a stack of transposed convolutions with batch norm
//! and ReLU, ending in tanh; D mirrors it with strided convolutions and
//! LeakyReLU(0.2). Widths `ngf`, `ndf`; resolution 32 or 64 (one stage fewer
//! at 32). Weights are drawn from N(0, 0.02), batch-norm scales from
//! N(1, 0.02), as in the paper, from a seeded host RNG.
//! The faces lesson trains them (`train/trainer_faces.rs`).

use burn::module::{Module, Param};
use burn::nn::conv::{Conv2d, Conv2dConfig, ConvTranspose2d, ConvTranspose2dConfig};
use burn::nn::{BatchNorm, BatchNormConfig, PaddingConfig2d};
use burn::tensor::activation::{leaky_relu, relu, tanh};
use burn::tensor::{Device, Tensor, TensorData};
use rand::Rng;
use rand_distr::{Distribution, Normal};

/// The resolutions the faces lesson offers.
pub const RESOLUTIONS: [usize; 2] = [32, 64];

fn normal_values<R: Rng + ?Sized>(rng: &mut R, n: usize, mean: f32, std: f32) -> Vec<f32> {
    let d = Normal::new(mean, std).expect("a valid normal");
    (0..n).map(|_| d.sample(rng)).collect()
}

fn weight4<R: Rng + ?Sized>(rng: &mut R, shape: [usize; 4], device: &Device) -> Param<Tensor<4>> {
    let n = shape.iter().product();
    Param::from_data(
        TensorData::new(normal_values(rng, n, 0.0, 0.02), shape),
        device,
    )
}

fn batch_norm<R: Rng + ?Sized>(rng: &mut R, c: usize, device: &Device) -> BatchNorm {
    let mut bn = BatchNormConfig::new(c).init(device);
    bn.gamma = Param::from_data(
        TensorData::new(normal_values(rng, c, 1.0, 0.02), [c]),
        device,
    );
    bn.beta = Param::from_data(TensorData::new(vec![0.0f32; c], [c]), device);
    bn
}

/// The channel widths, from the latent (or the image) inward: `[8, 4, 2, 1] × width` at 64, `[4, 2, 1] × width` at 32.
fn widths(width: usize, resolution: usize) -> Vec<usize> {
    let stages = match resolution {
        64 => 4,
        32 => 3,
        _ => panic!("resolution must be 32 or 64; got {resolution}"),
    };
    (0..stages).rev().map(|k| width << k).collect()
}

#[derive(Module, Debug)]
pub struct DcganGenerator {
    pub convs: Vec<ConvTranspose2d>,
    pub norms: Vec<BatchNorm>,
}

impl DcganGenerator {
    /// G: z `[n, latent]` → images `[n, 3, resolution, resolution]` in [−1, 1].
    pub fn new<R: Rng + ?Sized>(
        latent: usize,
        ngf: usize,
        resolution: usize,
        rng: &mut R,
        device: &Device,
    ) -> Self {
        let w = widths(ngf, resolution);
        let mut convs = Vec::new();
        let mut norms = Vec::new();
        let mut input = latent;
        for (i, &out) in w.iter().enumerate() {
            // The first stage turns 1×1 into 4×4; the others double the size.
            let (stride, pad) = if i == 0 { (1, 0) } else { (2, 1) };
            let mut conv = ConvTranspose2dConfig::new([input, out], [4, 4])
                .with_stride([stride, stride])
                .with_padding([pad, pad])
                .with_bias(false)
                .init(device);
            conv.weight = weight4(rng, [input, out, 4, 4], device);
            convs.push(conv);
            norms.push(batch_norm(rng, out, device));
            input = out;
        }
        let mut last = ConvTranspose2dConfig::new([input, 3], [4, 4])
            .with_stride([2, 2])
            .with_padding([1, 1])
            .with_bias(false)
            .init(device);
        last.weight = weight4(rng, [input, 3, 4, 4], device);
        convs.push(last);
        DcganGenerator { convs, norms }
    }

    /// # Shapes
    /// - z: `[n, latent]`
    /// - output: `[n, 3, resolution, resolution]`
    pub fn forward(&self, z: Tensor<2>) -> Tensor<4> {
        let [n, k] = z.dims();
        let mut h = z.reshape([n, k, 1, 1]);
        for (conv, norm) in self.convs.iter().zip(&self.norms) {
            h = relu(norm.forward(conv.forward(h)));
        }
        tanh(self.convs.last().expect("an output layer").forward(h))
    }
}

#[derive(Module, Debug)]
pub struct DcganDiscriminator {
    pub convs: Vec<Conv2d>,
    /// One per conv but the first and the last (DCGAN has no norm on D's input layer).
    pub norms: Vec<BatchNorm>,
}

impl DcganDiscriminator {
    /// D: images `[n, 3, resolution, resolution]` → logits `[n, 1]`.
    pub fn new<R: Rng + ?Sized>(
        ndf: usize,
        resolution: usize,
        rng: &mut R,
        device: &Device,
    ) -> Self {
        let mut w = widths(ndf, resolution);
        w.reverse(); // ndf, 2·ndf, ...
        let mut convs = Vec::new();
        let mut norms = Vec::new();
        let mut input = 3;
        for (i, &out) in w.iter().enumerate() {
            let mut conv = Conv2dConfig::new([input, out], [4, 4])
                .with_stride([2, 2])
                .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
                .with_bias(false)
                .init(device);
            conv.weight = weight4(rng, [out, input, 4, 4], device);
            convs.push(conv);
            if i > 0 {
                norms.push(batch_norm(rng, out, device));
            }
            input = out;
        }
        let mut last = Conv2dConfig::new([input, 1], [4, 4])
            .with_bias(false)
            .init(device);
        last.weight = weight4(rng, [1, input, 4, 4], device);
        convs.push(last);
        DcganDiscriminator { convs, norms }
    }

    /// # Shapes
    /// - x: `[n, 3, resolution, resolution]`
    /// - output: `[n, 1]` logits
    pub fn forward(&self, x: Tensor<4>) -> Tensor<2> {
        let stages = self.convs.len() - 1;
        let mut h = x;
        for i in 0..stages {
            h = self.convs[i].forward(h);
            if i > 0 {
                h = self.norms[i - 1].forward(h);
            }
            h = leaky_relu(h, 0.2);
        }
        let out = self.convs[stages].forward(h); // [n, 1, 1, 1]
        let n = out.dims()[0];
        out.reshape([n, 1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn shapes_through_g_and_d_at_both_resolutions() {
        let device = Device::flex();
        for res in RESOLUTIONS {
            let mut rng = rand::rngs::StdRng::seed_from_u64(1);
            let g = DcganGenerator::new(100, 8, res, &mut rng, &device);
            let d = DcganDiscriminator::new(8, res, &mut rng, &device);
            let img = g.forward(Tensor::zeros([2, 100], &device));
            assert_eq!(img.dims(), [2, 3, res, res]);
            assert_eq!(d.forward(img).dims(), [2, 1]);
        }
    }

    #[test]
    fn parameter_counts_follow_the_layout() {
        let device = Device::flex();
        let mut rng = rand::rngs::StdRng::seed_from_u64(2);
        let (nz, ngf, ndf) = (100, 16, 16);
        let g = DcganGenerator::new(nz, ngf, 64, &mut rng, &device);
        let d = DcganDiscriminator::new(ndf, 64, &mut rng, &device);
        // G: 4×4 kernels through nz → 8·ngf → 4·ngf → 2·ngf → ngf → 3, no biases;
        // batch norms hold a scale, a shift and the running mean and variance per
        // channel (burn counts all four).
        let convs_g =
            16 * (nz * 8 * ngf + 8 * ngf * 4 * ngf + 4 * ngf * 2 * ngf + 2 * ngf * ngf + ngf * 3);
        let norms_g = 4 * (8 + 4 + 2 + 1) * ngf;
        assert_eq!(g.num_params(), convs_g + norms_g);
        let convs_d =
            16 * (3 * ndf + ndf * 2 * ndf + 2 * ndf * 4 * ndf + 4 * ndf * 8 * ndf + 8 * ndf);
        let norms_d = 4 * (2 + 4 + 8) * ndf;
        assert_eq!(d.num_params(), convs_d + norms_d);
    }

    #[test]
    fn weights_are_drawn_from_n_0_0_02() {
        let device = Device::flex();
        let mut rng = rand::rngs::StdRng::seed_from_u64(3);
        let g = DcganGenerator::new(100, 16, 64, &mut rng, &device);
        let w: Vec<f32> = g.convs[1].weight.val().into_data().try_to_vec().unwrap();
        let n = w.len() as f64;
        let mean = w.iter().map(|&v| v as f64).sum::<f64>() / n;
        let sd = (w.iter().map(|&v| (v as f64 - mean).powi(2)).sum::<f64>() / n).sqrt();
        // 8,192 draws: the sd's standard error is ≈ 0.02 / √(2n) ≈ 1.6e-4.
        assert!(
            mean.abs() < 1e-3 && (sd - 0.02).abs() < 1e-3,
            "mean {mean}, sd {sd}"
        );
        let gamma: Vec<f32> = g.norms[0].gamma.val().into_data().try_to_vec().unwrap();
        assert!(gamma.iter().all(|v| (v - 1.0).abs() < 0.1));
        let out: Vec<f32> = g
            .forward(Tensor::ones([1, 100], &device))
            .into_data()
            .try_to_vec()
            .unwrap();
        assert!(out.iter().all(|v| (-1.0..=1.0).contains(v)), "tanh output");
    }
}
