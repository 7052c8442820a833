//! The 2-D lab's trainer: any of the six losses, SGD or Adam per network, k D
//! updates and k G updates per iteration, and step modes (both, D only, G only)
//! for the lab's slow, phase-by-phase teaching mode.
//!
//! As in the 1-D trainer, every random number comes from host RNG streams
//! seeded by `config.seed`, and nothing here reads the device: a frame is one
//! asynchronous transaction ([`PendingFrame2d`]).

use std::sync::Arc;

use burn::module::{Module, ModuleMapper, Param};
use burn::optim::{AdamConfig, GradientsParams, ModuleOptimizer, SgdConfig};
use burn::tensor::{Device, Tensor, Transaction};
use rand::rngs::StdRng;
use rand::{Rng, RngExt};

use super::frame2d::{FrameContext2d, PendingFrame2d};
use super::loss::{gradient_penalty, GanLoss};
use super::trainer1d::{host_tensor, stream_rng, Stream};
use crate::checkpoint::{check_tensors, Checkpoint2d, CheckpointError};
use crate::config::{Config2d, LatentKind, OptimizerKind};
use crate::data::{gaussian_latent, uniform_latent};
use crate::metrics::modes::COVERAGE_SAMPLES;
use crate::model::mlp::widths;
use crate::model::Mlp;

/// D's heatmap is evaluated on a HEAT × HEAT grid over the lab's square.
pub const HEAT: usize = 48;
/// G's manifold: the image of a MANIFOLD × MANIFOLD grid of latents.
pub const MANIFOLD: usize = 21;
/// Gradient arrows are drawn on the first ARROWS evaluation samples.
pub const ARROWS: usize = 150;

/// Which networks one iteration updates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepMode {
    /// `dSteps` D updates, then `gSteps` G updates.
    Both,
    DOnly,
    GOnly,
}

fn rng(seed: u64, stream: Stream) -> StdRng {
    stream_rng(seed, stream, 16)
}

fn optimizer(kind: OptimizerKind, beta1: f64) -> ModuleOptimizer {
    match kind {
        OptimizerKind::Adam => AdamConfig::new()
            .with_beta_1(beta1 as f32)
            .with_epsilon(1e-8)
            .init(),
        OptimizerKind::Sgd => SgdConfig::new().init(),
    }
}

/// Clamps every float parameter into [−c, c], keeping its id (and so the
/// optimizer's state for it).
struct Clip(f32);

impl ModuleMapper for Clip {
    fn map_float<const D: usize>(&mut self, param: Param<Tensor<D>>) -> Param<Tensor<D>> {
        let c = self.0;
        param.map(|t| t.clamp(-c, c).detach().require_grad())
    }
}

/// Latents of the config's kind.
fn latent<R: Rng + ?Sized>(kind: LatentKind, rng: &mut R, n: usize, dim: usize) -> Vec<f32> {
    match kind {
        LatentKind::Gaussian => gaussian_latent(rng, n, dim),
        LatentKind::Uniform => uniform_latent(rng, n, dim),
    }
}

pub struct Trainer2d {
    config: Config2d,
    device: Device,
    ad: Device,
    /// G: latent → 2-D, in the networks' units; D: 2-D → one output.
    g: Mlp,
    d: Mlp,
    opt_g: ModuleOptimizer,
    opt_d: ModuleOptimizer,
    train_rng: StdRng,
    sample_rng: StdRng,
    step: u64,
    /// The last D and G losses, detached and not yet read (each absent until its first update).
    loss_d: Option<Tensor<1>>,
    loss_g: Option<Tensor<1>>,
    /// Data units per network unit: D sees x / scale, G's output is scale · net(z).
    scale: f32,
    extent: f32,
    eval_in: Tensor<2>,
    arrows_in: Tensor<2>,
    heat_in: Tensor<2>,
    manifold_in: Tensor<2>,
    manifold_shape: [usize; 2],
    real: Arc<Vec<f32>>,
}

impl Trainer2d {
    /// A fresh G and D for a validated `config` on a plain `device`.
    pub fn new(config: &Config2d, device: &Device) -> Self {
        let device = device.clone();
        let ad = device.clone().autodiff();
        let mut init = rng(config.seed, Stream::Init);
        let k = config.latent_dim;
        let g = Mlp::new(&widths(k, config.hidden, config.layers, 2), &mut init, &ad);
        let d = Mlp::new(&widths(2, config.hidden, config.layers, 1), &mut init, &ad);
        // One network unit per unit of the data's spread. Measured against 2 and
        // 4 units (grid of 25, 4,000 steps, seed 1): 22 modes at 1, 20 at 2, 15 at 4.
        let scale = config.dataset.scale() as f32;
        let extent = config.dataset.half_extent() as f32;

        let mut eval = rng(config.seed, Stream::Eval);
        let eval_z = latent(config.latent, &mut eval, COVERAGE_SAMPLES, k);
        let real = Arc::new(config.dataset.sample(&mut eval, COVERAGE_SAMPLES));
        // D's grid, cell centres, row-major by y then x, in the networks' units.
        let heat: Vec<f32> = (0..HEAT * HEAT)
            .flat_map(|i| {
                let c =
                    |j: usize| (-extent + (j as f32 + 0.5) * 2.0 * extent / HEAT as f32) / scale;
                [c(i % HEAT), c(i / HEAT)]
            })
            .collect();
        // The manifold: a regular grid over the first two latent coordinates
        // (±2 for the Gaussian, ±1 for the uniform), the others held at 0; a
        // line when the latent is 1-D.
        let reach = match config.latent {
            LatentKind::Gaussian => 2.0,
            LatentKind::Uniform => 1.0,
        };
        let lin = |j: usize, n: usize| -reach + 2.0 * reach * j as f32 / (n - 1) as f32;
        let (rows, cols) = if k >= 2 {
            (MANIFOLD, MANIFOLD)
        } else {
            (1, 4 * MANIFOLD)
        };
        let mut manifold = vec![0.0f32; rows * cols * k];
        for r in 0..rows {
            for c in 0..cols {
                let at = (r * cols + c) * k;
                manifold[at] = lin(c, cols);
                if k >= 2 {
                    manifold[at + 1] = lin(r, rows);
                }
            }
        }
        let arrows_z = eval_z[..ARROWS * k].to_vec();
        Trainer2d {
            eval_in: host_tensor(eval_z, k, &device),
            arrows_in: host_tensor(arrows_z, k, &ad),
            heat_in: host_tensor(heat, 2, &device),
            manifold_in: host_tensor(manifold, k, &device),
            manifold_shape: [rows, cols],
            opt_g: optimizer(config.optimizer_g, config.beta1),
            opt_d: optimizer(config.optimizer_d, config.beta1),
            train_rng: rng(config.seed, Stream::Train),
            sample_rng: rng(config.seed, Stream::Sample),
            step: 0,
            loss_d: None,
            loss_g: None,
            scale,
            extent,
            real,
            g,
            d,
            config: config.clone(),
            device,
            ad,
        }
    }

    pub fn config(&self) -> &Config2d {
        &self.config
    }

    /// Takes the keys that change live; the caller resets for anything else.
    pub fn set_live_config(&mut self, config: &Config2d) {
        debug_assert!(!config.needs_reset_from(&self.config));
        self.config = config.clone();
    }

    pub fn step_count(&self) -> u64 {
        self.step
    }

    fn real_batch(&mut self) -> Tensor<2> {
        let x = self
            .config
            .dataset
            .sample(&mut self.train_rng, self.config.batch);
        let inv = 1.0 / self.scale;
        host_tensor(x.into_iter().map(|v| v * inv).collect(), 2, &self.ad)
    }

    fn latent_batch(&mut self) -> Tensor<2> {
        let (b, k) = (self.config.batch, self.config.latent_dim);
        host_tensor(
            latent(self.config.latent, &mut self.train_rng, b, k),
            k,
            &self.ad,
        )
    }

    fn update_d(&mut self) -> Tensor<1> {
        let real = self.real_batch();
        let z = self.latent_batch();
        let fake = self.g.forward(z).detach();
        let loss = self.config.loss;
        let mut total = loss.d_loss(self.d.forward(real.clone()), self.d.forward(fake.clone()));
        if loss == GanLoss::WganGp && self.config.gp_weight > 0.0 {
            let eps: Vec<f32> = (0..self.config.batch)
                .map(|_| self.train_rng.random_range(0.0..1.0))
                .collect();
            let eps = host_tensor(eps, 1, &self.ad);
            let gp = gradient_penalty(&self.d, real, fake, eps);
            total = total + gp.mul_scalar(self.config.gp_weight);
        }
        let grads = GradientsParams::from_grads(total.backward(), &self.d);
        self.d = self.opt_d.step(self.config.lr_d, self.d.clone(), grads);
        if loss == GanLoss::WganClip {
            self.d = self.d.clone().map(&mut Clip(self.config.clip as f32));
        }
        total
    }

    fn update_g(&mut self) -> Tensor<1> {
        let z = self.latent_batch();
        let frozen_d = self.d.clone().no_grad();
        let fake = self.g.forward(z);
        let loss = self.config.loss.g_loss(frozen_d.forward(fake));
        let grads = GradientsParams::from_grads(loss.backward(), &self.g);
        self.g = self.opt_g.step(self.config.lr_g, self.g.clone(), grads);
        loss
    }

    /// One iteration in `mode`. Enqueues work only; reads nothing back.
    pub fn step(&mut self, mode: StepMode) {
        if mode != StepMode::GOnly {
            for _ in 0..self.config.d_steps {
                self.loss_d = Some(self.update_d().inner());
            }
        }
        if mode != StepMode::DOnly {
            for _ in 0..self.config.g_steps {
                self.loss_g = Some(self.update_g().inner());
            }
        }
        self.step += 1;
    }

    /// Registers everything a frame draws in one transaction: G on the
    /// evaluation latents and on the manifold grid, D on its grid, the
    /// direction G's loss pushes the first samples, and the losses.
    pub fn begin_frame(&self) -> PendingFrame2d {
        let g = self.g.valid();
        let fake = g.forward(self.eval_in.clone());
        let manifold = g.forward(self.manifold_in.clone());
        let heat = self.d.valid().forward(self.heat_in.clone());
        // −∇ₓ L_G at G's samples: where G's loss pushes each one (first-order
        // autodiff is enough here; the samples are leaves, D is frozen).
        let x = self
            .g
            .forward(self.arrows_in.clone())
            .detach()
            .require_grad();
        let frozen_d = self.d.clone().no_grad();
        let grads = self
            .config
            .loss
            .g_loss(frozen_d.forward(x.clone()))
            .backward();
        let push = x
            .grad(&grads)
            .expect("G's loss depends on its samples")
            .neg();
        let mut tx = Transaction::default()
            .register(fake)
            .register(manifold)
            .register(heat)
            .register(push);
        for loss in [&self.loss_d, &self.loss_g].into_iter().flatten() {
            tx = tx.register(loss.clone());
        }
        PendingFrame2d {
            tx,
            ctx: FrameContext2d {
                step: self.step,
                scale: self.scale,
                extent: self.extent,
                has_loss_d: self.loss_d.is_some(),
                has_loss_g: self.loss_g.is_some(),
                loss: self.config.loss,
                modes: self.config.dataset.modes(),
                real: self.real.clone(),
                manifold_shape: self.manifold_shape,
            },
        }
    }

    /// G applied to `n` fresh latents from the sampling stream, in data units
    /// (row-major `[n, 2]`).
    pub fn begin_sample(&mut self, n: usize) -> super::PendingSamples {
        let k = self.config.latent_dim;
        let z = latent(self.config.latent, &mut self.sample_rng, n, k);
        let x = self.g.valid().forward(host_tensor(z, k, &self.device));
        super::PendingSamples {
            tx: Transaction::default().register(x),
            norm: super::trainer1d::Standardize::scaling(self.scale),
        }
    }

    /// G's loss (against the current D) if G had produced exactly `points`
    /// (data units, row-major `[n, 2]`): the function the frame's arrows are
    /// the negative gradient of.
    pub fn begin_g_loss_at(&self, points: Vec<f32>) -> PendingScalar {
        let inv = 1.0 / self.scale;
        let x = host_tensor(
            points.into_iter().map(|v| v * inv).collect(),
            2,
            &self.device,
        );
        let loss = self.config.loss.g_loss(self.d.valid().forward(x));
        PendingScalar(Transaction::default().register(loss))
    }

    /// Registers every parameter of G and D for a weight file.
    pub fn begin_export(&self) -> super::PendingExport<Config2d> {
        let tx = self.d.register(self.g.register(Transaction::default()));
        let mut shapes = self.g.param_shapes("g");
        shapes.extend(self.d.param_shapes("d"));
        super::PendingExport {
            tx,
            shapes,
            config: self.config.clone(),
            step: self.step,
        }
    }

    /// A trainer with the weights, config and step of `ck`, on `device`; the
    /// optimizers restart. Fails, naming the tensor, on a missing, extra or
    /// misshapen one.
    pub fn from_checkpoint(
        ck: &Checkpoint2d,
        device: &Device,
    ) -> Result<Trainer2d, CheckpointError> {
        let mut t = Trainer2d::new(&ck.config, device);
        let mut expected = t.g.param_shapes("g");
        expected.extend(t.d.param_shapes("d"));
        check_tensors(&expected, &ck.tensors)?;
        let lookup = |name: &str| ck.values(name);
        t.g = t.g.with_values("g", &lookup, &t.ad);
        t.d = t.d.with_values("d", &lookup, &t.ad);
        t.step = ck.step;
        Ok(t)
    }

    /// Every parameter of G (`g.layers.i.weight` / `.bias`) and D (`d....`),
    /// with its values.
    pub fn begin_weights(&self) -> PendingWeights {
        let tx = self.d.register(self.g.register(Transaction::default()));
        let mut names: Vec<String> = self
            .g
            .param_shapes("g")
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        names.extend(self.d.param_shapes("d").into_iter().map(|(n, _)| n));
        PendingWeights { tx, names }
    }
}

/// One scalar whose read is in flight.
pub struct PendingScalar(Transaction);

impl PendingScalar {
    pub async fn read(self) -> Result<f64, super::ReadError> {
        let data = super::frame::execute(self.0).await?;
        let v = super::frame::floats(
            data.into_iter()
                .next()
                .ok_or_else(|| super::ReadError("no value came back".into()))?,
        )?;
        Ok(v[0] as f64)
    }
}

/// Named parameters whose read is in flight.
pub struct PendingWeights {
    tx: Transaction,
    names: Vec<String>,
}

impl PendingWeights {
    pub async fn read(self) -> Result<Vec<(String, Vec<f32>)>, super::ReadError> {
        let data = super::frame::execute(self.tx).await?;
        if data.len() != self.names.len() {
            return Err(super::ReadError(
                "a parameter is missing from the readback".into(),
            ));
        }
        self.names
            .into_iter()
            .zip(data)
            .map(|(n, d)| Ok((n, super::frame::floats(d)?)))
            .collect()
    }
}
