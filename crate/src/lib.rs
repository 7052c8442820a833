//! The GAN playground: a generator and a discriminator trained live, in the
//! browser or natively, on burn's runtime-dispatched backends.
//!
//! Flow is one way: [`data`] → [`model`] → [`train`] → [`metrics`] → `web`
//! (the only wasm-bindgen code, built for `wasm32` only). The core never
//! touches the DOM and never names a backend type: it takes a `Device`.

pub mod checkpoint;
pub mod config;
pub mod data;
pub mod image;
pub mod metrics;
pub mod model;
pub mod torch;
pub mod train;

#[cfg(target_arch = "wasm32")]
mod web;
