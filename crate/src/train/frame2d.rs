//! The 2-D lab's frame: every layer the lab draws and every metric, read back
//! in one asynchronous transaction.

use std::sync::Arc;

use burn::tensor::Transaction;
use serde::Serialize;

use super::frame::{execute, finite, floats, ReadError};
use super::loss::GanLoss;
use crate::metrics::{coverage, histogram_2d, js_divergence};

/// Points of each set the page draws (the metrics use all 2,500).
pub const DRAWN_POINTS: usize = 600;
/// Cells per side of the grid the JS divergence is computed on.
pub const JS_BINS: usize = 30;

/// The 2-D lab's live metrics.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Metrics2d {
    /// VEEGAN: modes with a high-quality sample nearest to them (mixtures only).
    pub modes_covered: Option<usize>,
    pub modes_total: Option<usize>,
    /// VEEGAN: the fraction of samples within 3σ of their nearest mode.
    pub high_quality: Option<f64>,
    /// JS divergence (nats) between real and generated samples on a 30 × 30 grid.
    pub js: Option<f64>,
}

/// What one frame of the lab shows. Points are row-major `[n, 2]` in data units.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Frame2d {
    pub step: u64,
    pub loss_d: Option<f64>,
    pub loss_g: Option<f64>,
    pub metrics: Metrics2d,
    /// The lab's square is [−extent, extent]².
    pub extent: f64,
    pub real: Vec<f32>,
    pub fake: Vec<f32>,
    /// D on a `heatSize × heatSize` grid of cell centres, row-major by y then x:
    /// a probability σ(logit) for the logit losses, the raw score otherwise.
    pub heat: Vec<f32>,
    pub heat_size: usize,
    pub heat_is_probability: bool,
    /// G's image of a regular latent grid, `manifoldShape = [rows, cols]`.
    pub manifold: Vec<f32>,
    pub manifold_shape: [usize; 2],
    /// −∇ₓ L_G at the first `arrows.len() / 2` points of `fake`: where G's loss
    /// pushes each sample, in data units per unit of loss.
    pub arrows: Vec<f32>,
}

/// The host-side inputs a frame is computed against.
pub struct FrameContext2d {
    pub step: u64,
    pub scale: f32,
    pub extent: f32,
    pub has_loss_d: bool,
    pub has_loss_g: bool,
    pub loss: GanLoss,
    pub modes: Option<(Vec<[f64; 2]>, f64)>,
    pub real: Arc<Vec<f32>>,
    pub manifold_shape: [usize; 2],
}

pub struct PendingFrame2d {
    pub(crate) tx: Transaction,
    pub(crate) ctx: FrameContext2d,
}

impl PendingFrame2d {
    /// Reads the frame. Registered order: fake, manifold, heat, push, then
    /// D's and G's losses where present.
    pub async fn read(self) -> Result<Frame2d, ReadError> {
        let data = execute(self.tx).await?;
        let ctx = self.ctx;
        let mut it = data.into_iter();
        let mut next = || {
            it.next()
                .ok_or_else(|| ReadError("a frame tensor is missing".into()))
                .and_then(floats)
        };
        let s = ctx.scale;
        let fake: Vec<f32> = next()?.into_iter().map(|v| v * s).collect();
        let manifold: Vec<f32> = next()?.into_iter().map(|v| v * s).collect();
        let raw_heat = next()?;
        // The networks see x / s, so ∂L/∂x = (∂L/∂(x/s)) / s.
        let arrows: Vec<f32> = next()?.into_iter().map(|v| v / s).collect();
        let loss_d = if ctx.has_loss_d {
            finite(next()?[0])
        } else {
            None
        };
        let loss_g = if ctx.has_loss_g {
            finite(next()?[0])
        } else {
            None
        };
        let probability = ctx.loss.has_logits();
        let heat = if probability {
            raw_heat.iter().map(|&l| 1.0 / (1.0 + (-l).exp())).collect()
        } else {
            raw_heat
        };
        let cov = ctx
            .modes
            .as_ref()
            .map(|(m, sigma)| (coverage(&fake, m, *sigma), m.len()));
        let h = ctx.extent as f64;
        let js = if fake.iter().all(|v| v.is_finite()) {
            js_divergence(
                &histogram_2d(&ctx.real, h, JS_BINS),
                &histogram_2d(&fake, h, JS_BINS),
            )
        } else {
            None
        };
        let heat_size = (heat.len() as f64).sqrt().round() as usize;
        Ok(Frame2d {
            step: ctx.step,
            loss_d,
            loss_g,
            metrics: Metrics2d {
                modes_covered: cov.as_ref().map(|(c, _)| c.modes_covered),
                modes_total: cov.as_ref().map(|(_, n)| *n),
                high_quality: cov.as_ref().map(|(c, _)| c.high_quality),
                js,
            },
            extent: h,
            real: ctx.real[..2 * DRAWN_POINTS.min(ctx.real.len() / 2)].to_vec(),
            fake: fake[..2 * DRAWN_POINTS.min(fake.len() / 2)].to_vec(),
            heat,
            heat_size,
            heat_is_probability: probability,
            manifold,
            manifold_shape: ctx.manifold_shape,
            arrows,
        })
    }
}
