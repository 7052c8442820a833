//! The 1-D GAN trainer: one step updates D once, then G once (Goodfellow et al.
//! 2014, Algorithm 1 with k = 1), with Adam and the non-saturating G loss.
//!
//! Every random number comes from host RNGs seeded by `config.seed`, one
//! stream per purpose, so a seed fixes the run step for step and sampling for
//! display never disturbs training.

use std::sync::Arc;

use burn::module::Module;
use burn::optim::{AdamConfig, GradientsParams, ModuleOptimizer};
use burn::tensor::{Device, Tensor, TensorData, Transaction};
use rand::rngs::StdRng;
use rand::SeedableRng;

use super::frame::{FrameContext, PendingExport, PendingFrame, PendingSamples};
use super::loss::{discriminator_loss, generator_loss_nonsaturating};
use crate::checkpoint::{check_tensors, Checkpoint1d, CheckpointError};
use crate::config::Config1d;
use crate::data::gaussian_latent;
use crate::metrics::Histogram;
use crate::model::{Discriminator1d, Generator1d, Mlp};

/// Samples in the fixed evaluation sets behind the metrics and histograms.
pub const EVAL_SAMPLES: usize = 2000;
/// Histogram bins over the target's display range.
pub const HIST_BINS: usize = 60;
/// Points on G's mapping curve, over z ∈ [−Z_EXTENT, Z_EXTENT].
pub const CURVE_POINTS: usize = 121;
pub const Z_EXTENT: f32 = 3.5;
/// Points on D's curve over the display range.
pub const DISC_POINTS: usize = 200;

/// The RNG streams derived from one seed.
#[derive(Clone, Copy)]
pub(crate) enum Stream {
    Init = 1,
    Train = 2,
    Eval = 3,
    Sample = 4,
}

/// How many of the networks' units one standard deviation of the target spans.
///
/// With 1 (plain standardisation) D's weights, initialised at ±1/√fan_in, are
/// too small to resolve structure finer than the target's overall spread: on
/// the bimodal target (modes ±2, σ 0.5) D stayed flat across each mode and G's
/// modes came out 2–3× too narrow (W1 ≈ 0.26–0.56 after 4,000 steps, seeds 1
/// and 3). Measured at 3, 8 and 16: 8 gave W1 0.08–0.14 there, and 0.02–0.07
/// on Gaussian(4, 0.5) (from 0.04–0.14 at 1); 16 was no better and slower on
/// the 3-mixture.
pub const NET_UNITS_PER_STD: f64 = 8.0;

/// The fixed affine map between data units and the networks' units, from the
/// target's analytic mean and std: D sees (x − shift) / scale and G's output
/// is shift + scale · net(z). Without it D sees, say, x ∈ [3, 5], where its
/// LeakyReLU kinks (initialised near the origin) are sparse: D is then nearly
/// linear over the data, tells only a shifted mean, and G learns to fold (a
/// non-monotone map that loses one tail). Standardising both ends also makes
/// the step size of Adam the same relative to every target's spread.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Standardize {
    shift: f32,
    scale: f32,
}

impl Standardize {
    /// Only a scale: data = scale · net, as the 2-D lab uses.
    pub(crate) fn scaling(scale: f32) -> Self {
        Standardize { shift: 0.0, scale }
    }

    pub(crate) fn to_net(self, xs: &[f32]) -> Vec<f32> {
        xs.iter().map(|x| (x - self.shift) / self.scale).collect()
    }

    pub(crate) fn to_data(self, ys: &[f32]) -> Vec<f32> {
        ys.iter().map(|y| self.shift + self.scale * y).collect()
    }
}

/// A `[values.len() / cols, cols]` tensor of host values.
pub(crate) fn host_tensor(values: Vec<f32>, cols: usize, device: &Device) -> Tensor<2> {
    let rows = values.len() / cols;
    Tensor::from_data(TensorData::new(values, [rows, cols]), device)
}

/// The RNG of one purpose for one lesson: `lesson` (0 for the 1-D lesson, 16
/// for the 2-D lab) keeps the lessons' streams apart for the same seed.
pub(crate) fn stream_rng(seed: u64, stream: Stream, lesson: u64) -> StdRng {
    StdRng::seed_from_u64(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (stream as u64 + lesson))
}

fn rng(seed: u64, stream: Stream) -> StdRng {
    stream_rng(seed, stream, 0)
}

pub struct Trainer1d {
    config: Config1d,
    /// The plain device (evaluation) and its autodiff twin (training).
    device: Device,
    ad: Device,
    g: Generator1d,
    d: Discriminator1d,
    opt_g: ModuleOptimizer,
    opt_d: ModuleOptimizer,
    train_rng: StdRng,
    sample_rng: StdRng,
    step: u64,
    /// The last step's losses, detached and not yet read.
    losses: Option<(Tensor<1>, Tensor<1>)>,
    /// Data units ↔ the networks' units.
    norm: Standardize,
    /// The evaluation inputs, uploaded once: the fixed latents, the latents
    /// of G's curve, and D's grid in the networks' units.
    eval_in: Tensor<2>,
    curve_in: Tensor<2>,
    disc_in: Tensor<2>,
    real: Arc<Vec<f32>>,
    histogram: Histogram,
    curve_z: Vec<f32>,
    disc_x: Vec<f32>,
}

impl Trainer1d {
    /// A fresh G and D for `config` on `device` (a plain device; autodiff is
    /// added here). The config must have been validated.
    pub fn new(config: &Config1d, device: &Device) -> Self {
        let device = device.clone();
        let ad = device.clone().autodiff();
        let mut init = rng(config.seed, Stream::Init);
        let g = Generator1d::new(
            config.latent_dim,
            config.hidden,
            config.layers,
            &mut init,
            &ad,
        );
        let d = Discriminator1d::new(config.hidden, config.layers, &mut init, &ad);
        let adam = || {
            AdamConfig::new()
                .with_beta_1(config.beta1 as f32)
                .with_epsilon(1e-8)
                .init()
        };

        let mut eval = rng(config.seed, Stream::Eval);
        let eval_z = gaussian_latent(&mut eval, EVAL_SAMPLES, config.latent_dim);
        let real = Arc::new(config.target.sample(&mut eval, EVAL_SAMPLES));
        let (low, high) = config.target.display_range();
        let lin = |lo: f32, hi: f32, n: usize| -> Vec<f32> {
            (0..n)
                .map(|i| lo + (hi - lo) * i as f32 / (n - 1) as f32)
                .collect()
        };
        let norm = Standardize {
            shift: config.target.mean() as f32,
            scale: (config.target.std() / NET_UNITS_PER_STD) as f32,
        };
        let k = config.latent_dim;
        let curve_z = lin(-Z_EXTENT, Z_EXTENT, CURVE_POINTS);
        // Along the first latent coordinate, the others held at 0.
        let mut curve = vec![0.0f32; CURVE_POINTS * k];
        for (i, &z) in curve_z.iter().enumerate() {
            curve[i * k] = z;
        }
        let disc_x = lin(low as f32, high as f32, DISC_POINTS);
        Trainer1d {
            eval_in: host_tensor(eval_z, k, &device),
            curve_in: host_tensor(curve, k, &device),
            disc_in: host_tensor(norm.to_net(&disc_x), 1, &device),
            curve_z,
            disc_x,
            norm,
            g,
            d,
            opt_g: adam(),
            opt_d: adam(),
            train_rng: rng(config.seed, Stream::Train),
            sample_rng: rng(config.seed, Stream::Sample),
            step: 0,
            losses: None,
            real,
            histogram: Histogram::new(low, high, HIST_BINS),
            config: config.clone(),
            device,
            ad,
        }
    }

    pub fn config(&self) -> &Config1d {
        &self.config
    }

    /// Takes the keys that change live (learning rates, frame budget) from
    /// `config`; the caller resets for anything else.
    pub fn set_live_config(&mut self, config: &Config1d) {
        debug_assert!(!config.needs_reset_from(&self.config));
        self.config = config.clone();
    }

    pub fn step_count(&self) -> u64 {
        self.step
    }

    /// One D update, then one G update. Enqueues work only: nothing is read
    /// back, so on WebGPU this returns before the GPU finishes.
    pub fn step(&mut self) {
        let (b, k) = (self.config.batch, self.config.latent_dim);

        let real = self
            .norm
            .to_net(&self.config.target.sample(&mut self.train_rng, b));
        let real = host_tensor(real, 1, &self.ad);
        let z = gaussian_latent(&mut self.train_rng, b, k);
        let fake = self.g.forward(host_tensor(z, k, &self.ad)).detach();
        let loss_d = discriminator_loss(self.d.forward(real), self.d.forward(fake));
        let grads = GradientsParams::from_grads(loss_d.backward(), &self.d);
        self.d = self.opt_d.step(self.config.lr_d, self.d.clone(), grads);

        let z = gaussian_latent(&mut self.train_rng, b, k);
        // D is a fixed function during G's update: no gradients for its weights.
        let frozen_d = self.d.clone().no_grad();
        let fake = self.g.forward(host_tensor(z, k, &self.ad));
        let loss_g = generator_loss_nonsaturating(frozen_d.forward(fake));
        let grads = GradientsParams::from_grads(loss_g.backward(), &self.g);
        self.g = self.opt_g.step(self.config.lr_g, self.g.clone(), grads);

        self.losses = Some((loss_d.inner(), loss_g.inner()));
        self.step += 1;
    }

    /// Registers everything a frame draws in one transaction.
    pub fn begin_frame(&self) -> PendingFrame {
        let g = self.g.valid();
        let fake = g.forward(self.eval_in.clone());
        let curve_x = g.forward(self.curve_in.clone());
        let disc = self.d.valid().forward(self.disc_in.clone());
        let mut tx = Transaction::default()
            .register(fake)
            .register(curve_x)
            .register(disc);
        if let Some((loss_d, loss_g)) = &self.losses {
            tx = tx.register(loss_d.clone()).register(loss_g.clone());
        }
        PendingFrame {
            tx,
            ctx: FrameContext {
                step: self.step,
                norm: self.norm,
                has_losses: self.losses.is_some(),
                target: self.config.target.clone(),
                real: self.real.clone(),
                histogram: self.histogram.clone(),
                curve_z: self.curve_z.clone(),
                disc_x: self.disc_x.clone(),
            },
        }
    }

    /// The networks' parameters: `(prefix, mlp)` in file order.
    fn nets(&self) -> [(&'static str, &Mlp); 3] {
        [
            ("g.net", &self.g.net),
            ("g.skip", &self.g.skip),
            ("d.net", &self.d.net),
        ]
    }

    /// Registers every parameter of G and D for export.
    pub fn begin_export(&self) -> PendingExport {
        let mut tx = Transaction::default();
        let mut shapes = Vec::new();
        for (prefix, net) in self.nets() {
            tx = net.register(tx);
            shapes.extend(net.param_shapes(prefix));
        }
        PendingExport {
            tx,
            shapes,
            config: self.config.clone(),
            step: self.step,
        }
    }

    /// A trainer with the weights of `ck` (and its config and step), on
    /// `device`. Adam restarts from zero moments. Fails, naming the tensor,
    /// when a tensor is missing, extra or of the wrong shape for the config.
    pub fn from_checkpoint(
        ck: &Checkpoint1d,
        device: &Device,
    ) -> Result<Trainer1d, CheckpointError> {
        let mut t = Trainer1d::new(&ck.config, device);
        let expected: Vec<(String, Vec<usize>)> = t
            .nets()
            .iter()
            .flat_map(|(prefix, net)| net.param_shapes(prefix))
            .collect();
        check_tensors(&expected, &ck.tensors)?;
        let lookup = |name: &str| ck.values(name);
        t.g.net = t.g.net.with_values("g.net", &lookup, &t.ad);
        t.g.skip = t.g.skip.with_values("g.skip", &lookup, &t.ad);
        t.d.net = t.d.net.with_values("d.net", &lookup, &t.ad);
        t.step = ck.step;
        Ok(t)
    }

    /// G applied to `n` fresh latents from the sampling stream.
    pub fn begin_sample(&mut self, n: usize) -> PendingSamples {
        let k = self.config.latent_dim;
        let z = gaussian_latent(&mut self.sample_rng, n, k);
        let x = self.g.valid().forward(host_tensor(z, k, &self.device));
        PendingSamples {
            tx: Transaction::default().register(x),
            norm: self.norm,
        }
    }
}
