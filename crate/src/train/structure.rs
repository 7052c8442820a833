//! The structure score: the regressor of [`StructureNet`], trained natively on
//! procedural faces (`gan-train --lesson structure`), and the Fréchet distance
//! between its predicted parameters on generated faces and on real ones.
//!
//! A weight file of the regressor carries, besides the network, the mean and
//! covariance of its predictions on [`REAL_STATS_FACES`] held-out real faces,
//! so the browser scores G against the procedural data with one forward pass
//! over G's samples.

use burn::module::Module;
use burn::optim::{AdamConfig, GradientsParams, ModuleOptimizer};
use burn::tensor::{Device, Tensor, TensorData, Transaction};
use rand::rngs::StdRng;
use rand::SeedableRng;

use super::frame::{execute, floats, named, ReadError};
use super::trainer_faces::to_nchw;
use crate::checkpoint::{check_tensors, Checkpoint, CheckpointError, LessonConfig, NamedTensor};
use crate::config::ConfigError;
use crate::data::faces::{faces, FaceParams, PARAM_COUNT};
use crate::metrics::frechet::{frechet_distance, mean_cov};
use crate::model::params;
use crate::model::structure_net::StructureNet;

/// The shipped regressor (`gan-train --lesson structure`; see the README).
pub const SHIPPED: &[u8] = include_bytes!("../../../www/assets/structure.safetensors");

/// How many held-out real faces the shipped real statistics are computed on.
pub const REAL_STATS_FACES: usize = 2048;
/// How many generated faces the live score reads (the 8 × 8 grid's).
pub const SCORE_SAMPLES: usize = 64;
/// The resolution the regressor trains at (it pools 64 to 32 itself).
const TRAIN_SIZE: usize = 64;

/// Each parameter's mean and standard deviation over the procedural prior
/// (8,192 fixed draws): the regressor predicts `(p − mean) / sd`, so every
/// parameter weighs alike in its loss and in the score.
pub fn param_norm() -> (Vec<f32>, Vec<f32>) {
    let mut rng = StdRng::seed_from_u64(0x5EED_0F_FACE);
    let rows: Vec<f32> = (0..8192)
        .flat_map(|_| FaceParams::random(&mut rng).to_vec())
        .collect();
    let (mean, cov) = mean_cov(&rows, PARAM_COUNT);
    let sd = (0..PARAM_COUNT)
        .map(|i| cov[i * PARAM_COUNT + i].sqrt().max(1e-6) as f32)
        .collect();
    (mean.iter().map(|&m| m as f32).collect(), sd)
}

/// Standardises rows of parameters in place.
pub fn standardise(params: &mut [f32], norm: &(Vec<f32>, Vec<f32>)) {
    for row in params.chunks_exact_mut(PARAM_COUNT) {
        for ((v, m), s) in row.iter_mut().zip(&norm.0).zip(&norm.1) {
            *v = (*v - m) / s;
        }
    }
}

/// How the regressor was trained (camelCase in its weight file).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StructureSetup {
    pub batch: usize,
    pub lr: f64,
    pub seed: u64,
}

impl Default for StructureSetup {
    fn default() -> Self {
        StructureSetup {
            batch: 64,
            lr: 1e-3,
            seed: 1,
        }
    }
}

impl LessonConfig for StructureSetup {
    const LESSON: &'static str = "structure";
    fn from_json(value: &serde_json::Value) -> Result<Self, ConfigError> {
        let s: StructureSetup = serde_json::from_value(value.clone())
            .map_err(|e| ConfigError(format!("the structure setup does not parse: {e}")))?;
        if !(1..=1024).contains(&s.batch) || !(s.lr.is_finite() && s.lr > 0.0 && s.lr <= 1.0) {
            return Err(ConfigError(format!(
                "the structure setup is out of range: {s:?}"
            )));
        }
        Ok(s)
    }
}

/// Trains the regressor with Adam on mean squared error of standardised parameters.
pub struct StructureTrainer {
    setup: StructureSetup,
    device: Device,
    net: StructureNet,
    opt: ModuleOptimizer,
    rng: StdRng,
    norm: (Vec<f32>, Vec<f32>),
    step: u64,
    loss: Option<Tensor<1>>,
}

impl StructureTrainer {
    pub fn new(setup: &StructureSetup, device: &Device) -> Self {
        let ad = device.clone().autodiff();
        let net = StructureNet::new(&mut StdRng::seed_from_u64(setup.seed ^ 0x57C7), &ad);
        StructureTrainer {
            setup: setup.clone(),
            device: device.clone(),
            net,
            opt: AdamConfig::new().init(),
            rng: StdRng::seed_from_u64(setup.seed ^ 0x7EA2),
            norm: param_norm(),
            step: 0,
            loss: None,
        }
    }

    pub fn step_count(&self) -> u64 {
        self.step
    }

    pub fn step(&mut self) {
        let b = self.setup.batch;
        let ad = self.device.clone().autodiff();
        let (imgs, mut p) = faces(&mut self.rng, b, TRAIN_SIZE);
        standardise(&mut p, &self.norm);
        let x = to_nchw(&imgs, b, TRAIN_SIZE, &ad);
        let y = Tensor::<2>::from_data(TensorData::new(p, [b, PARAM_COUNT]), &ad);
        let loss = (self.net.forward(x) - y).square().mean();
        let grads = GradientsParams::from_grads(loss.backward(), &self.net);
        self.net = self.opt.step(self.setup.lr, self.net.clone(), grads);
        self.loss = Some(loss.inner());
        self.step += 1;
    }

    /// The last step's loss (mean squared error in standard deviations²).
    pub async fn loss(&self) -> Result<Option<f64>, ReadError> {
        let Some(l) = &self.loss else { return Ok(None) };
        let data = execute(Transaction::default().register(l.clone())).await?;
        let v = floats(
            data.into_iter()
                .next()
                .ok_or_else(|| ReadError("no loss".into()))?,
        )?;
        Ok(Some(v[0] as f64))
    }

    /// The regressor as a scorer, with real statistics from `n` fresh faces
    /// (drawn from the held-out seed, never seen in training).
    pub async fn scorer(&self, n: usize) -> Result<Structure, ReadError> {
        let net = self.net.valid();
        let mut rng = StdRng::seed_from_u64(HELD_OUT_SEED);
        let (imgs, _) = faces(&mut rng, n, TRAIN_SIZE);
        let pred = predict_host(&net, &imgs, n, TRAIN_SIZE, &self.device).await?;
        let (real_mean, real_cov) = mean_cov(&pred, PARAM_COUNT);
        Ok(Structure {
            net,
            real_mean,
            real_cov,
        })
    }

    /// The weight file: the network, and its predictions' statistics on
    /// [`REAL_STATS_FACES`] held-out faces; f16 when `half`.
    pub async fn export(&self, half: bool) -> Result<Vec<u8>, ReadError> {
        let s = self.scorer(REAL_STATS_FACES).await?;
        let shapes = params::param_shapes(&s.net, "net");
        let data = execute(params::register(&s.net, Transaction::default())).await?;
        let mut tensors = named(shapes, data)?;
        tensors.push(NamedTensor {
            name: "real.mean".into(),
            shape: vec![PARAM_COUNT],
            values: s.real_mean.iter().map(|&v| v as f32).collect(),
        });
        tensors.push(NamedTensor {
            name: "real.cov".into(),
            shape: vec![PARAM_COUNT, PARAM_COUNT],
            values: s.real_cov.iter().map(|&v| v as f32).collect(),
        });
        let ck = Checkpoint {
            config: self.setup.clone(),
            step: self.step,
            tensors,
        };
        Ok(if half { ck.encode_f16() } else { ck.encode() })
    }
}

/// Faces from this seed are the held-out split (the trainer's stream is `seed ^ 0x7EA2`).
pub const HELD_OUT_SEED: u64 = 0x0D0E_5EED;

/// The regressor on host images `[n][size][size][3]` in [0, 1], read back as
/// standardised parameters `[n][PARAM_COUNT]`.
pub async fn predict_host(
    net: &StructureNet,
    images: &[f32],
    n: usize,
    size: usize,
    device: &Device,
) -> Result<Vec<f32>, ReadError> {
    let mut out = Vec::with_capacity(n * PARAM_COUNT);
    // In chunks, so that a large set never needs one huge activation.
    for start in (0..n).step_by(256) {
        let m = (n - start).min(256);
        let chunk = &images[start * size * size * 3..(start + m) * size * size * 3];
        let pred = net.forward(to_nchw(chunk, m, size, device));
        let data = execute(Transaction::default().register(pred)).await?;
        out.extend(floats(
            data.into_iter()
                .next()
                .ok_or_else(|| ReadError("no prediction".into()))?,
        )?);
    }
    Ok(out)
}

/// The scorer: the regressor and the real faces' prediction statistics.
#[derive(Clone, Debug)]
pub struct Structure {
    pub net: StructureNet,
    pub real_mean: Vec<f64>,
    pub real_cov: Vec<f64>,
}

impl Structure {
    /// Loads a regressor weight file onto `device`; a bad file is an error.
    pub fn from_bytes(bytes: &[u8], device: &Device) -> Result<Structure, CheckpointError> {
        let ck = Checkpoint::<StructureSetup>::decode(bytes)?;
        let net = StructureNet::new(&mut StdRng::seed_from_u64(0), device);
        let mut expected = params::param_shapes(&net, "net");
        expected.push(("real.mean".into(), vec![PARAM_COUNT]));
        expected.push(("real.cov".into(), vec![PARAM_COUNT, PARAM_COUNT]));
        check_tensors(&expected, &ck.tensors)?;
        let lookup = |name: &str| ck.values(name);
        let net = params::with_values(net, "net", &lookup);
        let f64s = |name: &str| ck.values(name).iter().map(|&v| v as f64).collect();
        Ok(Structure {
            net,
            real_mean: f64s("real.mean"),
            real_cov: f64s("real.cov"),
        })
    }

    /// Predicted parameters for images `[n, 3, s, s]` in [−1, 1] (on the device: register it).
    pub fn predict(&self, images: Tensor<4>) -> Tensor<2> {
        self.net.forward(images)
    }

    /// The structure score of predictions `[n][PARAM_COUNT]`: their Fréchet
    /// distance to the real faces' (0 when they match).
    pub fn score(&self, predictions: &[f32]) -> f64 {
        let (m, c) = mean_cov(predictions, PARAM_COUNT);
        frechet_distance(&m, &c, &self.real_mean, &self.real_cov)
    }

    /// The same scorer against another real set (say, the user's own photos).
    pub fn with_real(&self, predictions: &[f32]) -> Structure {
        let (real_mean, real_cov) = mean_cov(predictions, PARAM_COUNT);
        Structure {
            net: self.net.clone(),
            real_mean,
            real_cov,
        }
    }
}

/// The latent directions the sliders move along, each named after the
/// procedural parameter it changes, as `(name, index in FaceParams::to_vec)`.
pub const SLIDERS: [(&str, usize); 6] = [
    ("face size", 2),
    ("eye spacing", 5),
    ("smile", 13),
    ("hair style", 14),
    ("skin tone", 15),
    ("background", 22),
];

/// A unit latent direction per slider: the least-squares fit of each predicted
/// parameter on z. For z ~ N(0, I) the normal equations' Zᵀ Z is n·I, so the
/// fit is the covariance Σᵢ zᵢ (pᵢ − p̄) / n, normalised; moving z along it moves
/// that parameter of G(z) the most, to first order.
///
/// - z: `[n][latent]`; predictions: `[n][PARAM_COUNT]`
pub fn fit_directions(z: &[f32], latent: usize, predictions: &[f32]) -> Vec<Vec<f32>> {
    let n = predictions.len() / PARAM_COUNT;
    let (mean, _) = mean_cov(predictions, PARAM_COUNT);
    SLIDERS
        .iter()
        .map(|&(_, j)| {
            let mut w = vec![0.0f64; latent];
            for i in 0..n {
                let dp = predictions[i * PARAM_COUNT + j] as f64 - mean[j];
                for (wk, &zk) in w.iter_mut().zip(&z[i * latent..(i + 1) * latent]) {
                    *wk += zk as f64 * dp / n as f64;
                }
            }
            let norm = w.iter().map(|v| v * v).sum::<f64>().sqrt().max(1e-12);
            w.iter().map(|v| (v / norm) as f32).collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::gaussian_latent;

    #[test]
    fn directions_recover_a_planted_linear_map() {
        // p_j = ⟨z, w_j⟩ + noise for planted unit w_j: the fit points along w_j.
        let (n, k) = (4000, 16);
        let mut rng = StdRng::seed_from_u64(3);
        let z = gaussian_latent(&mut rng, n, k);
        let planted = gaussian_latent(&mut rng, PARAM_COUNT, k);
        let noise = gaussian_latent(&mut rng, n, PARAM_COUNT);
        let mut p = vec![0.0f32; n * PARAM_COUNT];
        for i in 0..n {
            for j in 0..PARAM_COUNT {
                let w = &planted[j * k..(j + 1) * k];
                let dot: f32 = z[i * k..(i + 1) * k]
                    .iter()
                    .zip(w)
                    .map(|(a, b)| a * b)
                    .sum();
                p[i * PARAM_COUNT + j] = dot + 0.3 * noise[i * PARAM_COUNT + j];
            }
        }
        let dirs = fit_directions(&z, k, &p);
        for (d, &(_, j)) in dirs.iter().zip(&SLIDERS) {
            let w = &planted[j * k..(j + 1) * k];
            let nw = w.iter().map(|v| v * v).sum::<f32>().sqrt();
            let cos: f32 = d.iter().zip(w).map(|(a, b)| a * b).sum::<f32>() / nw;
            assert!(cos > 0.99, "cos {cos}");
        }
    }
}
