//! Metrics: how far P_model is from P_data, computed on the host from samples.
//!
//! Plain `f32`/`f64` slices in, numbers out; the trainer reads samples back
//! once per frame and these run on them.

pub mod divergence;
pub mod frechet;
pub mod modes;
pub mod wasserstein;

pub use divergence::{js_divergence, Histogram};
pub use modes::{coverage, histogram_2d, total_variation, Coverage};
pub use wasserstein::wasserstein_1d;
