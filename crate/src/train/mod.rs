//! Training: the GAN losses and the step that updates D, then G.

pub mod frame;
pub mod loss;
pub mod trainer1d;

pub use frame::{Frame1d, Metrics1d, PendingExport, PendingFrame, PendingSamples, ReadError};
pub use trainer1d::Trainer1d;
