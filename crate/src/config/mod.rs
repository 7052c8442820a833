//! The playground's configuration: one schema, owned by Rust, validated here.
//!
//! The web layer hands a partial config (a JSON object from `configure`) to
//! [`Config1d::apply`]; every key is checked for its type and range, and the
//! first bad one rejects the whole patch with a message that names the key and
//! what it allows. The old config is untouched, so nothing is lost.

mod check;
mod dataset2d;
mod dice;
mod faces;
mod lab2d;
mod patch;

use serde::{Deserialize, Serialize};

use crate::data::Target1d;

pub use check::ConfigError;
pub use dice::{ConfigDice, LessonDice, KEYS_DICE, MAX_ROLLS};
pub use faces::{ConfigFaces, FacesDataset, LessonFaces, KEYS_FACES};
pub use lab2d::{presets_2d, Config2d, LatentKind, Lesson2d, OptimizerKind, KEYS_2D};
pub use patch::KEYS;

/// Which lesson a playground shows. Only the 1-D lesson exists so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lesson {
    #[serde(rename = "1d")]
    OneD,
}

/// Which compute backend the web layer should use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BackendChoice {
    /// WebGPU on a hardware adapter, otherwise the CPU backend.
    Auto,
    Cpu,
    /// WebGPU even on a software (fallback) adapter.
    Webgpu,
}

/// The full configuration of the 1-D lesson. Serialised in camelCase, as the
/// JS API shows it in `state().config`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Config1d {
    pub lesson: Lesson,
    pub backend: BackendChoice,
    pub target: Target1d,
    pub batch: usize,
    pub lr_g: f64,
    pub lr_d: f64,
    pub beta1: f64,
    pub latent_dim: usize,
    /// Width of every hidden layer, in G and in D.
    pub hidden: usize,
    /// Number of hidden layers, in G and in D.
    pub layers: usize,
    pub seed: u64,
    /// The most training steps the page runs between two redraws.
    pub steps_per_frame: usize,
}

impl Default for Config1d {
    fn default() -> Self {
        Config1d {
            lesson: Lesson::OneD,
            backend: BackendChoice::Auto,
            target: Target1d::default(),
            batch: 128,
            lr_g: 1e-3,
            lr_d: 1e-3,
            beta1: 0.5,
            latent_dim: 1,
            hidden: 32,
            layers: 2,
            seed: 1,
            steps_per_frame: 10,
        }
    }
}

impl Config1d {
    /// Returns a new config with `patch` (a JSON object of some keys) applied,
    /// or the first problem found. `self` is never modified.
    pub fn apply(&self, patch: &serde_json::Value) -> Result<Config1d, ConfigError> {
        patch::apply(self, patch)
    }

    /// Applies what it can of `patch`, key by key: each bad key is skipped with
    /// its error, and the others still apply. For untrusted input that should
    /// degrade gracefully (a shared link's hash) rather than fail whole.
    pub fn apply_lenient(&self, patch: &serde_json::Value) -> (Config1d, Vec<ConfigError>) {
        check::lenient(self, patch, Config1d::apply)
    }

    /// Whether going from `old` to `self` needs a fresh model. Learning rates
    /// and the frame budget change live; everything else shapes the model, its
    /// data or its randomness, so it starts again from the seed.
    pub fn needs_reset_from(&self, old: &Config1d) -> bool {
        let live = |c: &Config1d| Config1d {
            lr_g: 0.0,
            lr_d: 0.0,
            steps_per_frame: 0,
            ..c.clone()
        };
        live(self) != live(old)
    }
}
