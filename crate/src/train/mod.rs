//! Training: the GAN losses and the steps that update D, then G, for the
//! 1-D lesson and the 2-D lab.

pub mod classifier;
pub mod filmstrip;
pub mod frame;
pub mod frame2d;
pub mod loss;
pub mod structure;
pub mod trainer1d;
pub mod trainer2d;
pub mod trainer_faces;

pub use frame::{Frame1d, Metrics1d, PendingExport, PendingFrame, PendingSamples, ReadError};
pub use frame2d::{Frame2d, Metrics2d, PendingFrame2d};
pub use trainer1d::Trainer1d;
pub use trainer2d::{StepMode, Trainer2d};
