//! The structure regressor: a small CNN that reads a face image and predicts
//! its procedural parameters (where the face and the eyes are, their sizes,
//! the colours; see [`crate::data::faces::FaceParams::to_vec`]), standardised.
//! It is the lecture's discriminative model put to work: trained natively on
//! procedural faces (weights shipped), it turns "a face has structure" into
//! numbers, and the Fréchet distance between its predictions on generated and
//! on real faces is the faces lesson's structure score.
//!
//! 64 × 64 inputs are 2 × 2 average-pooled to 32 × 32 first, so one network
//! reads both resolutions the lesson offers.

use burn::module::{Module, Param};
use burn::nn::conv::{Conv2d, Conv2dConfig};
use burn::nn::pool::AvgPool2dConfig;
use burn::nn::{Linear, LinearConfig, PaddingConfig2d};
use burn::tensor::activation::leaky_relu;
use burn::tensor::{Device, Tensor, TensorData};
use rand::Rng;
use rand_distr::{Distribution, Normal};

use crate::data::faces::PARAM_COUNT;

/// Channel widths of the three stride-2 convolutions (32 → 16 → 8 → 4).
const WIDTHS: [usize; 3] = [16, 32, 64];
const HIDDEN: usize = 64;

#[derive(Module, Debug)]
pub struct StructureNet {
    pub convs: Vec<Conv2d>,
    pub hidden: Linear,
    pub out: Linear,
}

/// He-normal values (std √(2 / fan_in)) for a LeakyReLU network.
fn he<R: Rng + ?Sized>(rng: &mut R, n: usize, fan_in: usize) -> Vec<f32> {
    let d = Normal::new(0.0, (2.0 / fan_in as f32).sqrt()).expect("a valid normal");
    (0..n).map(|_| d.sample(rng)).collect()
}

impl StructureNet {
    pub fn new<R: Rng + ?Sized>(rng: &mut R, device: &Device) -> Self {
        let mut convs = Vec::new();
        let mut input = 3;
        for &out in &WIDTHS {
            let mut conv = Conv2dConfig::new([input, out], [4, 4])
                .with_stride([2, 2])
                .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
                .init(device);
            conv.weight = Param::from_data(
                TensorData::new(he(rng, out * input * 16, input * 16), [out, input, 4, 4]),
                device,
            );
            conv.bias = Some(Param::from_data(
                TensorData::new(vec![0.0f32; out], [out]),
                device,
            ));
            convs.push(conv);
            input = out;
        }
        let flat = input * 4 * 4;
        let linear = |rng: &mut R, i: usize, o: usize| {
            let mut l = LinearConfig::new(i, o).init(device);
            l.weight = Param::from_data(TensorData::new(he(rng, i * o, i), [i, o]), device);
            l.bias = Some(Param::from_data(
                TensorData::new(vec![0.0f32; o], [o]),
                device,
            ));
            l
        };
        let hidden = linear(rng, flat, HIDDEN);
        let out = linear(rng, HIDDEN, PARAM_COUNT);
        StructureNet { convs, hidden, out }
    }

    /// # Shapes
    /// - x: `[n, 3, s, s]` in [−1, 1] (G's output range), s = 32 or 64
    /// - output: `[n, PARAM_COUNT]`, standardised parameters
    pub fn forward(&self, x: Tensor<4>) -> Tensor<2> {
        let [n, _, s, _] = x.dims();
        let mut h = if s == 64 {
            AvgPool2dConfig::new([2, 2])
                .with_strides([2, 2])
                .init()
                .forward(x)
        } else {
            x
        };
        for conv in &self.convs {
            h = leaky_relu(conv.forward(h), 0.2);
        }
        let h = h.reshape([n as i32, -1]);
        self.out.forward(leaky_relu(self.hidden.forward(h), 0.2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn reads_both_resolutions_into_one_vector_per_image() {
        let device = Device::flex();
        let net = StructureNet::new(&mut rand::rngs::StdRng::seed_from_u64(1), &device);
        for s in [32, 64] {
            let y = net.forward(Tensor::zeros([3, 3, s, s], &device));
            assert_eq!(y.dims(), [3, PARAM_COUNT]);
        }
        // The pooled 64 × 64 image of a 32 × 32 one (each pixel doubled) reads the same.
        let mut rng = rand::rngs::StdRng::seed_from_u64(2);
        let values: Vec<f32> = (0..3 * 32 * 32)
            .map(|_| rand::RngExt::random_range(&mut rng, -1.0f32..1.0))
            .collect();
        let small = Tensor::<4>::from_data(TensorData::new(values, [1, 3, 32, 32]), &device);
        let big = small
            .clone()
            .reshape([1, 3, 32, 1, 32, 1])
            .repeat_dim(3, 2)
            .repeat_dim(5, 2)
            .reshape([1, 3, 64, 64]);
        let (a, b) = (net.forward(small), net.forward(big));
        let diff: f32 = (a - b).abs().max().into_scalar();
        assert!(diff < 1e-5, "{diff}");
    }
}
