//! The faces lesson's trainer: the DCGAN on procedural faces (or on a fixed
//! set of images, the user's own), with Adam(2e-4, β1 0.5) as in the DCGAN
//! paper and the hinge loss by default (see `FacesSetup::default`). Faces are
//! drawn on the host per batch (the generator is fast), so a seed fixes the run
//! on every backend. Also: weight files, the PyTorch `netG` import, and
//! `begin_view`, which reads G's images and the structure regressor's
//! predictions on them in one transaction.

use burn::module::Module;
use burn::optim::{AdamConfig, GradientsParams, ModuleOptimizer};
use burn::tensor::{Device, Tensor, TensorData, Transaction};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use std::sync::Arc;

use super::frame::{execute, floats, ReadError};
use super::loss::GanLoss;
use super::trainer1d::host_tensor;
use crate::checkpoint::{check_tensors, Checkpoint, CheckpointError};
use crate::data::faces::faces;
use crate::data::gaussian_latent;
use crate::model::dcgan::{DcganDiscriminator, DcganGenerator};
use crate::model::params;
use crate::model::structure_net::StructureNet;

/// What the faces trainer is built from (camelCase in weight files).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FacesSetup {
    pub resolution: usize,
    pub ngf: usize,
    pub ndf: usize,
    pub latent_dim: usize,
    pub batch: usize,
    pub lr: f64,
    pub seed: u64,
    /// The GAN loss: hinge by default (see `Default`); the non-saturating one
    /// of DCGAN, minimax and LSGAN also apply (the WGANs need a critic without
    /// batch norm). Files that predate the field were trained non-saturating.
    #[serde(default = "nonsaturating")]
    pub loss: GanLoss,
}

fn nonsaturating() -> GanLoss {
    GanLoss::NonSaturating
}

/// The losses the faces lesson offers.
pub const FACES_LOSSES: [GanLoss; 4] = [
    GanLoss::NonSaturating,
    GanLoss::Minimax,
    GanLoss::Lsgan,
    GanLoss::Hinge,
];

impl Default for FacesSetup {
    fn default() -> Self {
        FacesSetup {
            resolution: 64,
            ngf: 16,
            ndf: 16,
            latent_dim: 100,
            batch: 8,
            lr: 2e-4,
            seed: 1,
            // Measured at 64×64, ngf = ndf = 16: with the non-saturating loss D
            // won outright (D loss 0.001–0.004 from step 200 to 685, batch 16
            // and 32) and G gave grey noise; hinge left that by step 400.
            loss: GanLoss::Hinge,
        }
    }
}

impl crate::checkpoint::LessonConfig for FacesSetup {
    const LESSON: &'static str = "faces";
    fn from_json(value: &serde_json::Value) -> Result<Self, crate::config::ConfigError> {
        let bad = |m: String| crate::config::ConfigError(m);
        let s: FacesSetup = serde_json::from_value(value.clone())
            .map_err(|e| bad(format!("the faces setup does not parse: {e}")))?;
        if ![32, 64].contains(&s.resolution) {
            return Err(bad(format!(
                "`resolution` must be 32 or 64; got {}",
                s.resolution
            )));
        }
        for (name, v, max) in [
            ("ngf", s.ngf, 128),
            ("ndf", s.ndf, 128),
            ("latentDim", s.latent_dim, 512),
            ("batch", s.batch, 1024),
        ] {
            if !(1..=max).contains(&v) {
                return Err(bad(format!(
                    "`{name}` must be an integer in 1..={max}; got {v}"
                )));
            }
        }
        if !FACES_LOSSES.contains(&s.loss) {
            return Err(bad(format!(
                "`loss` must be one of {} in the faces lesson; got \"{}\" (the WGANs need a critic without batch norm)",
                FACES_LOSSES.map(|l| format!("\"{}\"", l.name())).join(", "),
                s.loss.name()
            )));
        }
        if !(s.lr.is_finite() && s.lr > 0.0 && s.lr <= 1.0) {
            return Err(bad(format!("`lr` must be a number in 0..=1; got {}", s.lr)));
        }
        Ok(s)
    }
}

/// Host faces `[n, h, w, 3]` in [0, 1] → a `[n, 3, h, w]` tensor in [−1, 1] (tanh's range).
pub(crate) fn to_nchw(images: &[f32], n: usize, size: usize, device: &Device) -> Tensor<4> {
    let mut out = vec![0.0f32; images.len()];
    for k in 0..n {
        for y in 0..size {
            for x in 0..size {
                for c in 0..3 {
                    out[((k * 3 + c) * size + y) * size + x] =
                        2.0 * images[((k * size + y) * size + x) * 3 + c] - 1.0;
                }
            }
        }
    }
    Tensor::from_data(TensorData::new(out, [n, 3, size, size]), device)
}

/// Where D's real faces come from.
#[derive(Clone, Debug)]
pub enum FaceData {
    /// Fresh procedural faces every batch.
    Procedural,
    /// A fixed set of images `[n][size][size][3]` in [0, 1] at the model's
    /// resolution (the user's own), drawn with replacement and mirrored at random.
    Images { pixels: Arc<Vec<f32>>, n: usize },
}

pub struct TrainerFaces {
    setup: FacesSetup,
    data: FaceData,
    device: Device,
    ad: Device,
    g: DcganGenerator,
    d: DcganDiscriminator,
    opt_g: ModuleOptimizer,
    opt_d: ModuleOptimizer,
    rng: StdRng,
    step: u64,
    losses: Option<(Tensor<1>, Tensor<1>)>,
}

impl TrainerFaces {
    pub fn new(setup: &FacesSetup, device: &Device) -> Self {
        let device = device.clone();
        let ad = device.clone().autodiff();
        let mut init = StdRng::seed_from_u64(setup.seed ^ 0xFACE);
        let g = DcganGenerator::new(
            setup.latent_dim,
            setup.ngf,
            setup.resolution,
            &mut init,
            &ad,
        );
        let d = DcganDiscriminator::new(setup.ndf, setup.resolution, &mut init, &ad);
        let adam = || AdamConfig::new().with_beta_1(0.5).with_epsilon(1e-8).init();
        TrainerFaces {
            rng: StdRng::seed_from_u64(setup.seed ^ 0x7EA1),
            setup: setup.clone(),
            data: FaceData::Procedural,
            opt_g: adam(),
            opt_d: adam(),
            g,
            d,
            step: 0,
            losses: None,
            device,
            ad,
        }
    }

    pub fn step_count(&self) -> u64 {
        self.step
    }

    /// One D update on a batch of real and generated faces, then one G update.
    pub fn step(&mut self) {
        let (b, k, size) = (
            self.setup.batch,
            self.setup.latent_dim,
            self.setup.resolution,
        );
        let imgs = match &self.data {
            FaceData::Procedural => faces(&mut self.rng, b, size).0,
            FaceData::Images { pixels, n } => {
                let one = size * size * 3;
                let mut out = Vec::with_capacity(b * one);
                for _ in 0..b {
                    let img = &pixels[self.rng.random_range(0..*n) * one..][..one];
                    if self.rng.random_bool(0.5) {
                        out.extend_from_slice(img);
                    } else {
                        for row in img.chunks_exact(size * 3) {
                            out.extend(row.chunks_exact(3).rev().flatten());
                        }
                    }
                }
                out
            }
        };
        let real = to_nchw(&imgs, b, size, &self.ad);
        let z = Tensor::from_data(
            TensorData::new(gaussian_latent(&mut self.rng, b, k), [b, k]),
            &self.ad,
        );
        // One G forward serves both updates, as in the PyTorch DCGAN tutorial:
        // D learns on it detached, then G's loss runs it through the updated D.
        // (A second G forward on fresh latents cost 20–25 % more per step.)
        let fake = self.g.forward(z);
        let loss = self.setup.loss;
        let loss_d = loss.d_loss(self.d.forward(real), self.d.forward(fake.clone().detach()));
        let grads = GradientsParams::from_grads(loss_d.backward(), &self.d);
        self.d = self.opt_d.step(self.setup.lr, self.d.clone(), grads);

        let frozen_d = self.d.clone().no_grad();
        let loss_g = loss.g_loss(frozen_d.forward(fake));
        let grads = GradientsParams::from_grads(loss_g.backward(), &self.g);
        self.g = self.opt_g.step(self.setup.lr, self.g.clone(), grads);
        self.losses = Some((loss_d.inner(), loss_g.inner()));
        self.step += 1;
    }

    pub fn setup(&self) -> &FacesSetup {
        &self.setup
    }

    /// Changes what needs no new model: the batch, the learning rate, the loss.
    /// (Adam's moments carry over; the shape fields of `setup` are ignored.)
    pub fn set_live(&mut self, setup: &FacesSetup) {
        self.setup.batch = setup.batch;
        self.setup.lr = setup.lr;
        self.setup.loss = setup.loss;
    }

    /// Where the real faces come from from the next step on. Images must be
    /// `[n][resolution][resolution][3]` in [0, 1], n ≥ 1.
    pub fn set_data(&mut self, data: FaceData) {
        if let FaceData::Images { pixels, n } = &data {
            let s = self.setup.resolution;
            assert!(
                *n >= 1 && pixels.len() == n * s * s * 3,
                "images at the model's resolution"
            );
        }
        self.data = data;
    }

    /// Registers every parameter of G and D (batch norms' running statistics
    /// included) for a weight file.
    pub fn begin_export(&self) -> super::PendingExport<FacesSetup> {
        let tx = params::register(
            &self.d.valid(),
            params::register(&self.g.valid(), Transaction::default()),
        );
        let mut shapes = params::param_shapes(&self.g, "g");
        shapes.extend(params::param_shapes(&self.d, "d"));
        super::PendingExport {
            tx,
            shapes,
            config: self.setup.clone(),
            step: self.step,
        }
    }

    /// A trainer with the weights, setup and step of `ck`; the optimizers restart.
    pub fn from_checkpoint(
        ck: &Checkpoint<FacesSetup>,
        device: &Device,
    ) -> Result<TrainerFaces, CheckpointError> {
        let mut t = TrainerFaces::new(&ck.config, device);
        let mut expected = params::param_shapes(&t.g, "g");
        expected.extend(params::param_shapes(&t.d, "d"));
        check_tensors(&expected, &ck.tensors)?;
        let lookup = |name: &str| ck.values(name);
        t.g = params::with_values(t.g, "g", &lookup);
        t.d = params::with_values(t.d, "d", &lookup);
        t.step = ck.step;
        Ok(t)
    }

    /// A trainer whose G is a PyTorch-tutorial DCGAN generator checkpoint
    /// (`netG`'s state dict, as `torch.save` writes it), with a fresh D of
    /// width `ndf`; the latent, ngf and resolution come from the file.
    pub fn from_torch_generator(
        bytes: &[u8],
        base: &FacesSetup,
        device: &Device,
    ) -> Result<TrainerFaces, CheckpointError> {
        let tensors = crate::torch::read_state_dict(bytes)?;
        let (latent_dim, ngf, resolution) = crate::torch::dcgan_generator_shape(&tensors)?;
        let setup = FacesSetup {
            latent_dim,
            ngf,
            resolution,
            ..base.clone()
        };
        if !(1..=512).contains(&latent_dim) || !(1..=128).contains(&ngf) {
            return Err(CheckpointError(format!(
                "a generator with a {latent_dim}-D latent and ngf {ngf} is beyond what the lesson runs"
            )));
        }
        let mut t = TrainerFaces::new(&setup, device);
        let find = |ours: &str| {
            crate::torch::torch_name(ours)
                .and_then(|theirs| tensors.iter().find(|x| x.name == theirs))
        };
        for (name, shape) in params::param_shapes(&t.g, "g") {
            let theirs = crate::torch::torch_name(&name).unwrap_or_default();
            match find(&name) {
                None => {
                    return Err(CheckpointError(format!(
                        "the checkpoint lacks `{theirs}` (our `{name}`)"
                    )))
                }
                Some(x) if x.shape != shape => {
                    return Err(CheckpointError(format!(
                        "`{theirs}` has shape {:?}; our `{name}` needs {shape:?}",
                        x.shape
                    )))
                }
                Some(_) => {}
            }
        }
        let lookup = |name: &str| find(name).map(|x| x.values.clone()).unwrap_or_default();
        t.g = params::with_values(t.g, "g", &lookup);
        Ok(t)
    }

    /// G on the latents `z` (`[n, latent]`, row-major), read back as images
    /// `[n][size][size][3]` in [0, 1], with the last losses.
    pub fn begin_images(&self, z: Vec<f32>) -> PendingImages {
        self.begin_view(z, None)
    }

    /// [`Self::begin_images`], and the structure regressor's predictions on the
    /// same images (computed on the device, in the same readback).
    pub fn begin_view(&self, z: Vec<f32>, regressor: Option<&StructureNet>) -> PendingImages {
        let k = self.setup.latent_dim;
        let n = z.len() / k;
        let z = host_tensor(z, k, &self.device);
        let images = self.g.valid().forward(z);
        let mut tx = Transaction::default().register(images.clone());
        if let Some(net) = regressor {
            tx = tx.register(net.forward(images));
        }
        if let Some((d, g)) = &self.losses {
            tx = tx.register(d.clone()).register(g.clone());
        }
        PendingImages {
            tx,
            n,
            size: self.setup.resolution,
            has_losses: self.losses.is_some(),
            has_predictions: regressor.is_some(),
        }
    }

    /// Only the last (D, G) losses, when no images are due.
    pub fn begin_losses(&self) -> PendingImages {
        let mut tx = Transaction::default();
        if let Some((d, g)) = &self.losses {
            tx = tx.register(d.clone()).register(g.clone());
        }
        PendingImages {
            tx,
            n: 0,
            size: self.setup.resolution,
            has_losses: self.losses.is_some(),
            has_predictions: false,
        }
    }
}

/// Generated images whose read is in flight.
pub struct PendingImages {
    tx: Transaction,
    n: usize,
    size: usize,
    has_losses: bool,
    has_predictions: bool,
}

/// What a [`PendingImages`] reads: images `[n][size][size][3]` in [0, 1], the
/// regressor's predictions `[n][PARAM_COUNT]` when asked for, and the last losses.
#[derive(Clone, Debug, Default)]
pub struct View {
    pub images: Vec<f32>,
    pub predictions: Option<Vec<f32>>,
    pub losses: Option<(f64, f64)>,
}

/// Images `[n][size][size][3]` in [0, 1], and the last (D, G) losses.
pub type Images = (Vec<f32>, Option<(f64, f64)>);

impl PendingImages {
    pub async fn read(self) -> Result<Images, ReadError> {
        let v = self.read_view().await?;
        Ok((v.images, v.losses))
    }

    pub async fn read_view(self) -> Result<View, ReadError> {
        let data = if self.n == 0 && !self.has_losses {
            Vec::new()
        } else {
            execute(self.tx).await?
        };
        let mut it = data.into_iter();
        let mut next = || {
            it.next()
                .ok_or_else(|| ReadError("a tensor is missing from the readback".into()))
                .and_then(floats)
        };
        let nchw = if self.n > 0 { next()? } else { Vec::new() };
        let predictions = if self.has_predictions {
            Some(next()?)
        } else {
            None
        };
        let losses = if self.has_losses {
            Some((next()?[0] as f64, next()?[0] as f64))
        } else {
            None
        };
        let (n, s) = (self.n, self.size);
        let mut out = vec![0.0f32; nchw.len()];
        for k in 0..n {
            for c in 0..3 {
                for y in 0..s {
                    for x in 0..s {
                        out[((k * s + y) * s + x) * 3 + c] =
                            0.5 * (nchw[((k * 3 + c) * s + y) * s + x] + 1.0);
                    }
                }
            }
        }
        Ok(View {
            images: out,
            predictions,
            losses,
        })
    }
}
