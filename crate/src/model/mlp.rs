//! A multilayer perceptron with LeakyReLU(0.2) between its layers, initialised
//! from a seeded host RNG so that a seed means the same weights on every backend.

use burn::module::{Module, Param};
use burn::nn::Linear;
use burn::tensor::activation::leaky_relu;
use burn::tensor::{Device, Tensor, TensorData, Transaction};
use rand::{Rng, RngExt};

/// The slope of the LeakyReLU between layers.
pub const LEAKY_SLOPE: f64 = 0.2;

/// Widths `[input, hidden × layers, output]`.
pub fn widths(input: usize, hidden: usize, layers: usize, output: usize) -> Vec<usize> {
    std::iter::once(input)
        .chain(std::iter::repeat_n(hidden, layers))
        .chain(std::iter::once(output))
        .collect()
}

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

impl Mlp {
    /// The output and ∇ₓ of the output's sum, for a one-output MLP, written out
    /// as tensor ops (the chain rule back through every layer) so that the
    /// gradient stays inside the autodiff graph: a penalty built from it has a
    /// gradient with respect to the weights. burn 0.22's autodiff is first-order
    /// only (`x.grad()` comes back untracked), which is why WGAN-GP needs this.
    ///
    /// Row i of the gradient is ∂ out_i / ∂ x_i:
    /// g_L = 1 · W_Lᵀ; then g ← (g ⊙ lrelu′(a_l)) · W_lᵀ down to the input,
    /// where a_l is layer l's pre-activation and lrelu′ is 1 or 0.2 (a constant
    /// mask: its own derivative is 0 almost everywhere).
    ///
    /// # Shapes
    /// - x: `[n, dims[0]]`
    /// - output: (`[n, 1]`, `[n, dims[0]]`)
    pub fn forward_with_input_grad(&self, x: Tensor<2>) -> (Tensor<2>, Tensor<2>) {
        let last = self.layers.len() - 1;
        let [n, _] = x.dims();
        let mut pre = Vec::with_capacity(last);
        let mut h = x.clone();
        for (i, layer) in self.layers.iter().enumerate() {
            let a = layer.forward(h);
            if i < last {
                pre.push(a.clone());
                h = leaky_relu(a, LEAKY_SLOPE);
            } else {
                h = a;
            }
        }
        assert_eq!(
            h.dims()[1],
            1,
            "the input gradient is for one-output networks"
        );
        let ones = Tensor::<2>::ones([n, 1], &x.device());
        let mut g = ones.matmul(self.layers[last].weight.val().transpose());
        for i in (0..last).rev() {
            let slope = pre[i]
                .clone()
                .greater_elem(0.0)
                .float()
                .mul_scalar(1.0 - LEAKY_SLOPE)
                .add_scalar(LEAKY_SLOPE);
            g = (g * slope).matmul(self.layers[i].weight.val().transpose());
        }
        (h, g)
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

    /// Central finite difference of Σ out over each input coordinate, in f32.
    fn fd_input_grad(mlp: &Mlp, x: &[f32], dim: usize, device: &Device) -> Vec<f32> {
        let f = |v: Vec<f32>| -> f32 {
            let n = v.len() / dim;
            let t = Tensor::<2>::from_data(TensorData::new(v, [n, dim]), device);
            mlp.forward(t)
                .sum()
                .into_data()
                .try_to_vec::<f32>()
                .unwrap()[0]
        };
        let h = 1e-3f32;
        (0..x.len())
            .map(|i| {
                let (mut up, mut down) = (x.to_vec(), x.to_vec());
                up[i] += h;
                down[i] -= h;
                (f(up) - f(down)) / (2.0 * h)
            })
            .collect()
    }

    #[test]
    fn input_gradient_matches_finite_differences() {
        let device = Device::flex();
        let mut rng = rand::rngs::StdRng::seed_from_u64(4);
        let mlp = Mlp::new(&[2, 7, 7, 1], &mut rng, &device);
        let x: Vec<f32> = (0..16).map(|_| rng.random_range(-2.0f32..2.0)).collect();
        let t = Tensor::<2>::from_data(TensorData::new(x.clone(), [8, 2]), &device);
        let (out, g) = mlp.forward_with_input_grad(t.clone());
        let same: Vec<f32> = mlp.forward(t).into_data().try_to_vec().unwrap();
        assert_eq!(out.into_data().try_to_vec::<f32>().unwrap(), same);
        let g: Vec<f32> = g.into_data().try_to_vec().unwrap();
        let fd = fd_input_grad(&mlp, &x, 2, &device);
        for (a, b) in g.iter().zip(&fd) {
            // Piecewise linear: exact unless a kink lies within h of x (none does here).
            assert!(
                (a - b).abs() < 2e-3,
                "closed form {g:?}\nfinite diff {fd:?}"
            );
        }
        assert!(g.iter().any(|v| v.abs() > 1e-2), "a non-trivial gradient");
    }

    #[test]
    fn input_gradient_matches_autodiff() {
        // burn's own first-order x.grad() is a second reference for ∇ₓ (untracked, but right).
        let device = Device::flex().autodiff();
        let mut rng = rand::rngs::StdRng::seed_from_u64(9);
        let mlp = Mlp::new(&[3, 5, 1], &mut rng, &device);
        let x: Vec<f32> = (0..12).map(|_| rng.random_range(-1.5f32..1.5)).collect();
        let t = Tensor::<2>::from_data(TensorData::new(x, [4, 3]), &device).require_grad();
        let grads = mlp.forward(t.clone()).sum().backward();
        let auto: Vec<f32> = t.grad(&grads).unwrap().into_data().try_to_vec().unwrap();
        let (_, g) = mlp.forward_with_input_grad(t);
        let ours: Vec<f32> = g.into_data().try_to_vec().unwrap();
        for (a, b) in ours.iter().zip(&auto) {
            assert!((a - b).abs() < 1e-6, "{ours:?} vs {auto:?}");
        }
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
