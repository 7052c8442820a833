//! The faces lesson's configuration: the DCGAN's shape (resolution, widths,
//! latent), its training (batch, learning rate, loss, seed), the dataset
//! (procedural faces or the user's own images), and how often the page redraws.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::check::{backend, clip, describe, err, int, num, MAX_SEED};
use super::{BackendChoice, ConfigError};
use crate::train::loss::GanLoss;
use crate::train::trainer_faces::{FacesSetup, FACES_LOSSES};

pub const KEYS_FACES: &[&str] = &[
    "lesson",
    "backend",
    "dataset",
    "resolution",
    "ngf",
    "ndf",
    "latentDim",
    "batch",
    "lr",
    "loss",
    "seed",
    "stepsPerFrame",
    "refreshEvery",
    "pretrained",
];

/// The marker for `lesson: "faces"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LessonFaces {
    #[serde(rename = "faces")]
    Faces,
}

/// What D sees as real faces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FacesDataset {
    /// The procedural generator: endless, seeded, with ground-truth parameters.
    Procedural,
    /// The images the user loaded (they never leave the device).
    Uploaded,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfigFaces {
    pub lesson: LessonFaces,
    pub backend: BackendChoice,
    pub dataset: FacesDataset,
    pub resolution: usize,
    pub ngf: usize,
    pub ndf: usize,
    pub latent_dim: usize,
    pub batch: usize,
    pub lr: f64,
    pub loss: GanLoss,
    pub seed: u64,
    /// The most training steps between two readbacks while playing.
    pub steps_per_frame: usize,
    /// Redraw the 8 × 8 grid (and score its structure) every this many steps.
    pub refresh_every: usize,
    /// Start from the shipped pretrained generator when its shape matches.
    pub pretrained: bool,
}

impl Default for ConfigFaces {
    fn default() -> Self {
        let s = FacesSetup::default();
        ConfigFaces {
            lesson: LessonFaces::Faces,
            backend: BackendChoice::Auto,
            dataset: FacesDataset::Procedural,
            resolution: s.resolution,
            ngf: s.ngf,
            ndf: s.ndf,
            latent_dim: s.latent_dim,
            batch: s.batch,
            lr: s.lr,
            loss: s.loss,
            seed: s.seed,
            steps_per_frame: 1,
            refresh_every: 5,
            pretrained: true,
        }
    }
}

impl ConfigFaces {
    /// The trainer's setup.
    pub fn setup(&self) -> FacesSetup {
        FacesSetup {
            resolution: self.resolution,
            ngf: self.ngf,
            ndf: self.ndf,
            latent_dim: self.latent_dim,
            batch: self.batch,
            lr: self.lr,
            seed: self.seed,
            loss: self.loss,
        }
    }

    /// This config with a weight file's setup (its shape and training) in place.
    pub fn with_setup(&self, s: &FacesSetup) -> ConfigFaces {
        ConfigFaces {
            resolution: s.resolution,
            ngf: s.ngf,
            ndf: s.ndf,
            latent_dim: s.latent_dim,
            batch: s.batch,
            lr: s.lr,
            loss: s.loss,
            seed: s.seed,
            ..self.clone()
        }
    }

    pub fn apply(&self, patch: &Value) -> Result<ConfigFaces, ConfigError> {
        let Value::Object(map) = patch else {
            return Err(ConfigError(format!(
                "configure expects an object of config keys ({}); got {}",
                KEYS_FACES.join(", "),
                describe(patch)
            )));
        };
        let mut c = self.clone();
        for (key, v) in map {
            match key.as_str() {
                "lesson" => {
                    if v.as_str() != Some("faces") {
                        return Err(err(
                            key,
                            "\"faces\" here (a playground keeps the lesson it starts with)",
                            v,
                        ));
                    }
                }
                "backend" => c.backend = backend(v)?,
                "dataset" => {
                    // A bare word, or `{kind}` as the widget's attribute shorthand gives.
                    let kind = v.as_str().or_else(|| v.get("kind").and_then(Value::as_str));
                    c.dataset = match kind {
                        Some("procedural") => FacesDataset::Procedural,
                        Some("uploaded") => FacesDataset::Uploaded,
                        _ => return Err(err(key, "\"procedural\" or \"uploaded\"", v)),
                    }
                }
                "resolution" => {
                    // A number, or its text (a <select>'s value).
                    let x = v
                        .as_f64()
                        .or_else(|| v.as_str().and_then(|t| t.parse().ok()));
                    c.resolution = match x {
                        Some(x) if x == 32.0 || x == 64.0 => x as usize,
                        _ => return Err(err(key, "32 or 64", v)),
                    }
                }
                "ngf" => c.ngf = int(key, v, 4, 64)? as usize,
                "ndf" => c.ndf = int(key, v, 4, 64)? as usize,
                "latentDim" => c.latent_dim = int(key, v, 2, 256)? as usize,
                "batch" => c.batch = int(key, v, 1, 256)? as usize,
                "lr" => c.lr = num(key, v, 1e-6, 0.1)?,
                "loss" => {
                    let names = FACES_LOSSES.map(|l| format!("\"{}\"", l.name())).join(", ");
                    c.loss = v
                        .as_str()
                        .and_then(GanLoss::from_name)
                        .filter(|l| FACES_LOSSES.contains(l))
                        .ok_or_else(|| err(key, &format!("one of {names}"), v))?
                }
                "seed" => c.seed = int(key, v, 0, MAX_SEED)?,
                "stepsPerFrame" => c.steps_per_frame = int(key, v, 1, 100)? as usize,
                "refreshEvery" => c.refresh_every = int(key, v, 1, 1000)? as usize,
                "pretrained" => {
                    c.pretrained = v.as_bool().ok_or_else(|| err(key, "true or false", v))?
                }
                _ => {
                    return Err(ConfigError(format!(
                        "unknown config key `{}`; the keys are: {}",
                        clip(key),
                        KEYS_FACES.join(", ")
                    )))
                }
            }
        }
        Ok(c)
    }

    pub fn apply_lenient(&self, patch: &Value) -> (ConfigFaces, Vec<ConfigError>) {
        super::check::lenient(self, patch, ConfigFaces::apply)
    }

    /// Whether going from `old` to `self` needs a fresh model: the networks'
    /// shape, the seed, the backend and the pretrained choice do; the batch,
    /// learning rate, loss, dataset and redraw pacing change live (so the
    /// pretrained G can be fine-tuned on your own photos).
    pub fn needs_reset_from(&self, old: &ConfigFaces) -> bool {
        let shape = |c: &ConfigFaces| {
            (
                c.backend,
                c.resolution,
                c.ngf,
                c.ndf,
                c.latent_dim,
                c.seed,
                c.pretrained,
            )
        };
        shape(self) != shape(old)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn applies_and_rejects_by_key() {
        let c = ConfigFaces::default()
            .apply(&json!({"ngf": 8, "resolution": 32, "dataset": {"kind": "uploaded"}, "loss": "hinge"}))
            .unwrap();
        assert_eq!(
            (c.ngf, c.resolution, c.dataset, c.loss),
            (8, 32, FacesDataset::Uploaded, GanLoss::Hinge)
        );
        assert!(c.needs_reset_from(&ConfigFaces::default()));
        let live = ConfigFaces::default()
            .apply(&json!({"lr": 1e-3, "batch": 4, "dataset": "uploaded", "loss": "lsgan"}))
            .unwrap();
        assert!(!live.needs_reset_from(&ConfigFaces::default()));
        let bad = |p: Value, needle: &str| {
            let msg = ConfigFaces::default().apply(&p).unwrap_err().0;
            assert!(msg.contains(needle), "{p}: {msg}");
        };
        bad(
            json!({"resolution": 48}),
            "`resolution` must be 32 or 64; got 48",
        );
        bad(json!({"ngf": 1000}), "`ngf` must be an integer in 4..=64");
        bad(
            json!({"loss": "wgan-gp"}),
            "`loss` must be one of \"nonsaturating\"",
        );
        bad(
            json!({"dataset": "celeba"}),
            "`dataset` must be \"procedural\" or \"uploaded\"",
        );
        bad(json!({"lesson": "2d"}), "`lesson` must be \"faces\" here");
        bad(
            json!({"pretrained": 1}),
            "`pretrained` must be true or false",
        );
        bad(json!({"colour": 1}), "unknown config key `colour`");
    }
}
