//! One readback per frame: everything the page draws and every metric, read
//! from the device in a single asynchronous [`Transaction`].
//!
//! A [`PendingFrame`] owns what it needs, so the trainer is free (and may be
//! stepped or replaced) while the read is in flight.

use burn::tensor::{TensorData, Transaction};
use serde::Serialize;

use super::trainer1d::Standardize;
use crate::checkpoint::{Checkpoint, LessonConfig, NamedTensor};
use crate::config::Config1d;
use crate::data::Target1d;
use crate::metrics::{js_divergence, wasserstein_1d, Histogram};

/// A failed read from the device.
#[derive(Debug, thiserror::Error)]
#[error("reading results back from the device failed: {0}")]
pub struct ReadError(pub String);

/// The live metrics of the 1-D lesson.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Metrics1d {
    /// Exact W1 between G's samples on the fixed evaluation latents and the fixed real set.
    pub w1: Option<f64>,
    /// JS divergence (nats) between their histograms on the display bins.
    pub js: Option<f64>,
}

/// What one frame shows. Serialised in camelCase for the JS shell.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Frame1d {
    pub step: u64,
    pub loss_d: Option<f64>,
    pub loss_g: Option<f64>,
    pub metrics: Metrics1d,
    /// The x interval of the histograms and of D's curve.
    pub range: [f64; 2],
    /// Densities per bin of the real and the generated evaluation samples.
    pub real_hist: Vec<f64>,
    pub fake_hist: Vec<f64>,
    /// P_data's analytic density at `disc_x`.
    pub target_pdf: Vec<f64>,
    /// G's mapping along the first latent coordinate: x = G(z, 0, …, 0).
    pub curve_z: Vec<f32>,
    pub curve_x: Vec<f32>,
    /// N(0, 1) density at `curve_z`.
    pub latent_pdf: Vec<f64>,
    /// D(x) = σ(logit) on a grid over `range`.
    pub disc_x: Vec<f32>,
    pub disc_d: Vec<f32>,
}

/// The host-side inputs a frame is computed against.
#[derive(Clone, Debug)]
pub(crate) struct FrameContext {
    pub step: u64,
    pub norm: Standardize,
    pub has_losses: bool,
    pub target: Target1d,
    pub real: std::sync::Arc<Vec<f32>>,
    pub histogram: Histogram,
    pub curve_z: Vec<f32>,
    pub disc_x: Vec<f32>,
}

/// A frame whose tensors are registered but not yet read.
pub struct PendingFrame {
    pub(crate) tx: Transaction,
    pub(crate) ctx: FrameContext,
}

pub(crate) fn floats(d: TensorData) -> Result<Vec<f32>, ReadError> {
    d.try_to_vec::<f32>()
        .map_err(|e| ReadError(format!("{e:?}")))
}

/// Awaits a transaction's one readback.
pub(crate) async fn execute(tx: Transaction) -> Result<Vec<TensorData>, ReadError> {
    tx.execute_async()
        .await
        .map_err(|e| ReadError(format!("{e:?}")))
}

pub(crate) fn finite(v: f32) -> Option<f64> {
    v.is_finite().then_some(v as f64)
}

impl PendingFrame {
    /// Reads the frame back. Registered order: fake, curve, disc, then the
    /// two losses when there are any.
    pub async fn read(self) -> Result<Frame1d, ReadError> {
        let data = execute(self.tx).await?;
        let ctx = self.ctx;
        let mut it = data.into_iter();
        let mut next = || {
            it.next()
                .ok_or_else(|| ReadError("a frame tensor is missing".into()))
                .and_then(floats)
        };
        // G works in standardised units; the page and the metrics see data units.
        let fake = ctx.norm.to_data(&next()?);
        let curve_x = ctx.norm.to_data(&next()?);
        let logits = next()?;
        let (loss_d, loss_g) = if ctx.has_losses {
            (finite(next()?[0]), finite(next()?[0]))
        } else {
            (None, None)
        };
        let h = &ctx.histogram;
        let real_counts = h.counts(&ctx.real);
        let fake_counts = h.counts(&fake);
        let metrics = Metrics1d {
            w1: wasserstein_1d(&fake, &ctx.real),
            js: if fake.iter().all(|v| v.is_finite()) {
                js_divergence(&real_counts, &fake_counts)
            } else {
                None
            },
        };
        let normal =
            |z: f32| (-0.5 * (z as f64).powi(2)).exp() / (2.0 * std::f64::consts::PI).sqrt();
        Ok(Frame1d {
            step: ctx.step,
            loss_d,
            loss_g,
            metrics,
            range: [h.low, h.high],
            real_hist: h.density(&ctx.real),
            fake_hist: h.density(&fake),
            target_pdf: ctx
                .disc_x
                .iter()
                .map(|&x| ctx.target.pdf(x as f64))
                .collect(),
            latent_pdf: ctx.curve_z.iter().map(|&z| normal(z)).collect(),
            curve_z: ctx.curve_z,
            curve_x,
            disc_d: logits.iter().map(|&l| 1.0 / (1.0 + (-l).exp())).collect(),
            disc_x: ctx.disc_x,
        })
    }
}

/// Generated samples whose read is in flight.
pub struct PendingSamples {
    pub(crate) tx: Transaction,
    pub(crate) norm: Standardize,
}

impl PendingSamples {
    pub async fn read(self) -> Result<Vec<f32>, ReadError> {
        let data = execute(self.tx).await?;
        let ys = floats(
            data.into_iter()
                .next()
                .ok_or_else(|| ReadError("no samples came back".into()))?,
        )?;
        Ok(self.norm.to_data(&ys))
    }
}

/// G's and D's parameters whose read is in flight, for a weight file.
pub struct PendingExport<C = Config1d> {
    pub(crate) tx: Transaction,
    pub(crate) shapes: Vec<(String, Vec<usize>)>,
    pub(crate) config: C,
    pub(crate) step: u64,
}

/// Read-back parameters with their names and shapes (as `params::register` registered them).
pub(crate) fn named(
    shapes: Vec<(String, Vec<usize>)>,
    data: Vec<TensorData>,
) -> Result<Vec<NamedTensor>, ReadError> {
    if data.len() != shapes.len() {
        return Err(ReadError("a parameter is missing from the readback".into()));
    }
    shapes
        .into_iter()
        .zip(data)
        .map(|((name, shape), d)| {
            Ok(NamedTensor {
                name,
                shape,
                values: floats(d)?,
            })
        })
        .collect()
}

impl<C: LessonConfig> PendingExport<C> {
    /// The safetensors bytes of G, D and the config.
    pub async fn read(self) -> Result<Vec<u8>, ReadError> {
        let tensors = named(self.shapes, execute(self.tx).await?)?;
        Ok(Checkpoint {
            config: self.config,
            step: self.step,
            tensors,
        }
        .encode())
    }
}
