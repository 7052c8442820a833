//! A multilayer perceptron with LeakyReLU(0.2) between its layers, initialised
//! from a seeded host RNG so that a seed means the same weights on every backend.

use burn::module::{Module, Param};
use burn::nn::Linear;
use burn::tensor::activation::leaky_relu;
use burn::tensor::{Device, Tensor, TensorData, Transaction};
use rand::{Rng, RngExt};

/// The slope of the LeakyReLU between layers.
pub const LEAKY_SLOPE: f64 = 0.2;

#[derive(Module, Debug)]
pub struct Mlp {
    pub layers: Vec<Linear>,
}

impl Mlp {
    /// An MLP through the widths `dims` (input, hidden..., output), with weights
    /// and biases drawn from U(−1/√fan_in, 1/√fan_in), as PyTorch's `nn.Linear`.
    pub fn new<R: Rng + ?Sized>(dims: &[usize], rng: &mut R, device: &Device) -> Self {
        assert!(dims.len() >= 2, "an MLP needs an input and an output width");
        let layers = dims
            .windows(2)
            .map(|w| {
                let (fan_in, fan_out) = (w[0], w[1]);
                let bound = 1.0 / (fan_in as f32).sqrt();
                let mut uniform = |n: usize| -> Vec<f32> {
                    (0..n).map(|_| rng.random_range(-bound..bound)).collect()
                };
                let weight = TensorData::new(uniform(fan_in * fan_out), [fan_in, fan_out]);
                let bias = TensorData::new(uniform(fan_out), [fan_out]);
                Linear {
                    weight: Param::from_data(weight, device),
                    bias: Some(Param::from_data(bias, device)),
                }
            })
            .collect();
        Mlp { layers }
    }

    /// The parameters' names (`{prefix}.layers.{i}.weight` / `.bias`) and
    /// shapes, in the order [`Mlp::register`] reads them.
    pub fn param_shapes(&self, prefix: &str) -> Vec<(String, Vec<usize>)> {
        self.layers
            .iter()
            .enumerate()
            .flat_map(|(i, l)| {
                let w = l.weight.val().dims().to_vec();
                let b = vec![w[1]];
                [
                    (format!("{prefix}.layers.{i}.weight"), w),
                    (format!("{prefix}.layers.{i}.bias"), b),
                ]
            })
            .collect()
    }

    /// Registers every weight and bias, in [`Mlp::param_shapes`] order.
    pub fn register(&self, mut tx: Transaction) -> Transaction {
        for l in &self.layers {
            tx = tx.register(l.weight.val().inner());
            if let Some(b) = &l.bias {
                tx = tx.register(b.val().inner());
            }
        }
        tx
    }

    /// The same architecture with the values `lookup` gives for each name
    /// of [`Mlp::param_shapes`] (already checked to have those shapes).
    pub fn with_values(
        self,
        prefix: &str,
        lookup: &dyn Fn(&str) -> Vec<f32>,
        device: &Device,
    ) -> Self {
        let layers = self
            .layers
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                let [fan_in, fan_out] = l.weight.val().dims();
                let weight = TensorData::new(
                    lookup(&format!("{prefix}.layers.{i}.weight")),
                    [fan_in, fan_out],
                );
                let bias = TensorData::new(lookup(&format!("{prefix}.layers.{i}.bias")), [fan_out]);
                Linear {
                    weight: Param::from_data(weight, device),
                    bias: Some(Param::from_data(bias, device)),
                }
            })
            .collect();
        Mlp { layers }
    }

    /// # Shapes
    /// - input: `[n, dims[0]]`
    /// - output: `[n, dims[last]]`, no activation on the last layer.
    pub fn forward(&self, x: Tensor<2>) -> Tensor<2> {
        let last = self.layers.len() - 1;
        self.layers.iter().enumerate().fold(x, |h, (i, layer)| {
            let h = layer.forward(h);
            if i < last {
                leaky_relu(h, LEAKY_SLOPE)
            } else {
                h
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn forward_matches_a_hand_computed_network() {
        let device = Device::flex();
        let mut rng = rand::rngs::StdRng::seed_from_u64(0);
        let mut mlp = Mlp::new(&[1, 2, 1], &mut rng, &device);
        // Overwrite with known weights: h = lrelu([x, -x] + [0, 1]); y = h·[1, 2] + 0.5
        mlp.layers[0].weight =
            Param::from_data(TensorData::new(vec![1.0f32, -1.0], [1, 2]), &device);
        mlp.layers[0].bias = Some(Param::from_data(
            TensorData::new(vec![0.0f32, 1.0], [2]),
            &device,
        ));
        mlp.layers[1].weight =
            Param::from_data(TensorData::new(vec![1.0f32, 2.0], [2, 1]), &device);
        mlp.layers[1].bias = Some(Param::from_data(
            TensorData::new(vec![0.5f32], [1]),
            &device,
        ));
        let x = Tensor::<2>::from_data(TensorData::new(vec![3.0f32, -0.5], [2, 1]), &device);
        let y: Vec<f32> = mlp.forward(x).into_data().try_to_vec().unwrap();
        // x = 3: h = [3, lrelu(-2) = -0.4]; y = 3 - 0.8 + 0.5 = 2.7
        // x = -0.5: h = [lrelu(-0.5) = -0.1, 1.5]; y = -0.1 + 3 + 0.5 = 3.4
        assert!(
            (y[0] - 2.7).abs() < 1e-6 && (y[1] - 3.4).abs() < 1e-6,
            "{y:?}"
        );
    }

    #[test]
    fn init_is_seeded_and_bounded() {
        let device = Device::flex();
        let weights = |seed| {
            let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
            let mlp = Mlp::new(&[4, 16, 1], &mut rng, &device);
            mlp.layers[0]
                .weight
                .val()
                .into_data()
                .try_to_vec::<f32>()
                .unwrap()
        };
        let (a, b, c) = (weights(1), weights(1), weights(2));
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(a.iter().all(|w| w.abs() <= 0.5), "bound is 1/sqrt(4)");
    }
}
