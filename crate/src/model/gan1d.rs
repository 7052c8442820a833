//! The 1-D GAN: G maps latent z to x; D maps x to a logit of "real".

use burn::module::Module;
use burn::tensor::{Device, Tensor};
use rand::Rng;

use super::mlp::widths;
use super::Mlp;

/// x = G(z): the lecture's deterministic transformation of a known distribution.
///
/// An MLP plus a linear skip path from z: the affine map, exactly right for
/// a Gaussian target, is one weight away, and G starts near a monotone map
/// (a folded, non-monotone 1-D G piles samples at the fold's edge and loses
/// a tail of the target).
#[derive(Module, Debug)]
pub struct Generator1d {
    pub net: Mlp,
    pub skip: Mlp,
}

impl Generator1d {
    pub fn new<R: Rng + ?Sized>(
        latent_dim: usize,
        hidden: usize,
        layers: usize,
        rng: &mut R,
        device: &Device,
    ) -> Self {
        Generator1d {
            net: Mlp::new(&widths(latent_dim, hidden, layers, 1), rng, device),
            skip: Mlp::new(&[latent_dim, 1], rng, device),
        }
    }

    /// # Shapes
    /// - z: `[n, latent_dim]`
    /// - output: `[n, 1]`
    pub fn forward(&self, z: Tensor<2>) -> Tensor<2> {
        self.net.forward(z.clone()) + self.skip.forward(z)
    }
}

/// D(x) as a logit; σ(logit) is the probability that x is real.
#[derive(Module, Debug)]
pub struct Discriminator1d {
    pub net: Mlp,
}

impl Discriminator1d {
    pub fn new<R: Rng + ?Sized>(
        hidden: usize,
        layers: usize,
        rng: &mut R,
        device: &Device,
    ) -> Self {
        Discriminator1d {
            net: Mlp::new(&widths(1, hidden, layers, 1), rng, device),
        }
    }

    /// # Shapes
    /// - x: `[n, 1]`
    /// - output: `[n, 1]` logits
    pub fn forward(&self, x: Tensor<2>) -> Tensor<2> {
        self.net.forward(x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn shapes_and_parameter_counts() {
        let device = Device::flex();
        let mut rng = rand::rngs::StdRng::seed_from_u64(0);
        let g = Generator1d::new(3, 8, 2, &mut rng, &device);
        let d = Discriminator1d::new(8, 2, &mut rng, &device);
        // G: 3·8+8 + 8·8+8 + 8·1+1 = 113, plus the skip's 3+1; D: 1·8+8 + 72 + 9 = 97.
        assert_eq!(g.num_params(), 117);
        assert_eq!(d.num_params(), 97);
        let z = Tensor::<2>::zeros([5, 3], &device);
        assert_eq!(g.forward(z).dims(), [5, 1]);
        assert_eq!(
            d.forward(Tensor::<2>::zeros([7, 1], &device)).dims(),
            [7, 1]
        );
    }
}
