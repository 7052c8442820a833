//! Data: the distributions a generator learns, and the latent it starts from.
//!
//! Everything here is plain host-side Rust (`Vec<f32>` and a seeded RNG): no
//! tensors, no backend, no DOM. Sampling on the host keeps seeded runs
//! bit-identical across backends, because the CPU and the GPU see the same
//! numbers.

pub mod dice;
pub mod faces;
pub mod latent;
pub mod target1d;
pub mod target2d;

pub use dice::Die;
pub use latent::{gaussian_latent, slerp, uniform_latent};
pub use target1d::Target1d;
pub use target2d::Dataset2d;
