//! Models: the generator G and the discriminator D.
//!
//! Generic over nothing but burn's runtime `Device`; the same code runs on
//! flex (CPU) and on wgpu (WebGPU, Vulkan), natively and in the browser.

pub mod dcgan;
pub mod gan1d;
pub mod mlp;
pub mod params;
pub mod structure_net;

pub use gan1d::{Discriminator1d, Generator1d};
pub use mlp::Mlp;
