//! The 2-D lab's configuration and its validation: the same rules as the 1-D
//! lesson (every key checked for type and range, the first bad one rejects the
//! whole patch, the old config untouched), and the same lenient variant for links.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::check::{clip, describe, err, int, num, MAX_SEED};
use super::{BackendChoice, ConfigError};
use crate::data::Dataset2d;
use crate::train::loss::GanLoss;

/// Every key of the 2-D lab, in the order the API documents them.
pub const KEYS_2D: &[&str] = &[
    "lesson",
    "backend",
    "dataset",
    "latent",
    "latentDim",
    "loss",
    "optimizerG",
    "optimizerD",
    "lrG",
    "lrD",
    "beta1",
    "dSteps",
    "gSteps",
    "hidden",
    "layers",
    "batch",
    "seed",
    "stepsPerFrame",
    "clip",
    "gpWeight",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LatentKind {
    /// z ~ N(0, I).
    Gaussian,
    /// z ~ U(−1, 1)ᵈ.
    Uniform,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OptimizerKind {
    /// Adam with the config's β1 (β2 = 0.999).
    Adam,
    /// Plain stochastic gradient descent.
    Sgd,
}

/// The marker for `lesson: "2d"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lesson2d {
    #[serde(rename = "2d")]
    TwoD,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Config2d {
    pub lesson: Lesson2d,
    pub backend: BackendChoice,
    pub dataset: Dataset2d,
    pub latent: LatentKind,
    pub latent_dim: usize,
    pub loss: GanLoss,
    pub optimizer_g: OptimizerKind,
    pub optimizer_d: OptimizerKind,
    pub lr_g: f64,
    pub lr_d: f64,
    pub beta1: f64,
    /// D updates per iteration.
    pub d_steps: usize,
    /// G updates per iteration.
    pub g_steps: usize,
    pub hidden: usize,
    pub layers: usize,
    pub batch: usize,
    pub seed: u64,
    pub steps_per_frame: usize,
    /// WGAN-clip's bound c: D's weights stay in [−c, c].
    pub clip: f64,
    /// WGAN-GP's λ.
    pub gp_weight: f64,
}

/// The "healthy" preset: non-saturating loss, Adam with β1 = 0.5.
impl Default for Config2d {
    fn default() -> Self {
        Config2d {
            lesson: Lesson2d::TwoD,
            backend: BackendChoice::Auto,
            dataset: Dataset2d::default(),
            latent: LatentKind::Gaussian,
            latent_dim: 2,
            loss: GanLoss::NonSaturating,
            optimizer_g: OptimizerKind::Adam,
            optimizer_d: OptimizerKind::Adam,
            lr_g: 1e-3,
            lr_d: 1e-3,
            beta1: 0.5,
            d_steps: 1,
            g_steps: 1,
            hidden: 64,
            layers: 2,
            batch: 256,
            seed: 1,
            steps_per_frame: 5,
            clip: 0.01,
            gp_weight: 10.0,
        }
    }
}

impl Config2d {
    /// A new config with `patch` applied, or the first problem; `self` is untouched.
    pub fn apply(&self, patch: &Value) -> Result<Config2d, ConfigError> {
        let Value::Object(map) = patch else {
            return Err(ConfigError(format!(
                "configure expects an object of config keys ({}); got {}",
                KEYS_2D.join(", "),
                describe(patch)
            )));
        };
        let mut c = self.clone();
        for (key, v) in map {
            match key.as_str() {
                "lesson" => {
                    if v.as_str() != Some("2d") {
                        return Err(err(
                            key,
                            "\"2d\" here (a playground keeps the lesson it starts with)",
                            v,
                        ));
                    }
                }
                "backend" => c.backend = super::check::backend(v)?,
                "dataset" => c.dataset = super::dataset2d::dataset(v)?,
                "latent" => {
                    c.latent = match v.as_str() {
                        Some("gaussian") => LatentKind::Gaussian,
                        Some("uniform") => LatentKind::Uniform,
                        _ => return Err(err(key, "one of \"gaussian\", \"uniform\"", v)),
                    }
                }
                "latentDim" => c.latent_dim = int(key, v, 1, 16)? as usize,
                "loss" => {
                    c.loss = v.as_str().and_then(GanLoss::from_name).ok_or_else(|| {
                        let names: Vec<String> = GanLoss::ALL
                            .iter()
                            .map(|l| format!("\"{}\"", l.name()))
                            .collect();
                        err(key, &format!("one of {}", names.join(", ")), v)
                    })?
                }
                "optimizerG" => c.optimizer_g = optimizer(key, v)?,
                "optimizerD" => c.optimizer_d = optimizer(key, v)?,
                "lrG" => c.lr_g = num(key, v, 1e-6, 1.0)?,
                "lrD" => c.lr_d = num(key, v, 1e-6, 1.0)?,
                "beta1" => c.beta1 = num(key, v, 0.0, 0.999)?,
                "dSteps" => c.d_steps = int(key, v, 1, 10)? as usize,
                "gSteps" => c.g_steps = int(key, v, 1, 10)? as usize,
                "hidden" => c.hidden = int(key, v, 1, 256)? as usize,
                "layers" => c.layers = int(key, v, 1, 6)? as usize,
                "batch" => c.batch = int(key, v, 1, 4096)? as usize,
                "seed" => c.seed = int(key, v, 0, MAX_SEED)?,
                "stepsPerFrame" => c.steps_per_frame = int(key, v, 1, 500)? as usize,
                "clip" => c.clip = num(key, v, 0.001, 1.0)?,
                "gpWeight" => c.gp_weight = num(key, v, 0.0, 100.0)?,
                _ => {
                    return Err(ConfigError(format!(
                        "unknown config key `{}`; the keys are: {}",
                        clip(key),
                        KEYS_2D.join(", ")
                    )))
                }
            }
        }
        Ok(c)
    }

    /// Applies what it can of `patch`, each bad key skipped with its error.
    pub fn apply_lenient(&self, patch: &Value) -> (Config2d, Vec<ConfigError>) {
        super::check::lenient(self, patch, Config2d::apply)
    }

    /// Learning rates, step counts, the clip bound, λ and the frame budget
    /// change live; everything else starts a fresh model from the seed.
    pub fn needs_reset_from(&self, old: &Config2d) -> bool {
        let live = |c: &Config2d| Config2d {
            lr_g: 0.0,
            lr_d: 0.0,
            d_steps: 0,
            g_steps: 0,
            steps_per_frame: 0,
            clip: 0.0,
            gp_weight: 0.0,
            ..c.clone()
        };
        live(self) != live(old)
    }
}

/// The lab's presets, each a story: (name, label, the patch it applies). Each
/// sets every training key and keeps the dataset, backend and seed.
pub fn presets_2d() -> Vec<(&'static str, &'static str, Value)> {
    let base = |loss: &str, lr_g: f64, lr_d: f64, beta1: f64, d_steps: u32| {
        serde_json::json!({
            "loss": loss, "optimizerG": "adam", "optimizerD": "adam", "lrG": lr_g, "lrD": lr_d,
            "beta1": beta1, "dSteps": d_steps, "gSteps": 1, "latent": "gaussian", "latentDim": 2,
            "hidden": 64, "layers": 2, "batch": 256, "clip": 0.01, "gpWeight": 10,
        })
    };
    vec![
        // Non-saturating loss, Adam with β1 = 0.5 (DCGAN's advice): covers the ring.
        (
            "healthy",
            "healthy",
            base("nonsaturating", 1e-3, 1e-3, 0.5, 1),
        ),
        // The saturating minimax loss, D 20× as fast as G, Adam's default β1 = 0.9:
        // few samples land on a mode, and on the sharp ring whole modes go missing.
        (
            "mode-collapse",
            "mode collapse",
            base("minimax", 1e-3, 2e-2, 0.9, 1),
        ),
        // WGAN-GP: a critic trained 5× per G step, λ = 10.
        ("wgan", "WGAN", base("wgan-gp", 1e-3, 1e-3, 0.5, 5)),
    ]
}

fn optimizer(key: &str, v: &Value) -> Result<OptimizerKind, ConfigError> {
    match v.as_str() {
        Some("adam") => Ok(OptimizerKind::Adam),
        Some("sgd") => Ok(OptimizerKind::Sgd),
        _ => Err(err(key, "one of \"adam\", \"sgd\"", v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rejects(patch: Value, needle: &str) {
        match Config2d::default().apply(&patch) {
            Ok(c) => panic!("{patch} accepted as {c:?}"),
            Err(ConfigError(msg)) => {
                assert!(msg.contains(needle), "{patch}: {msg:?} lacks {needle:?}")
            }
        }
    }

    #[test]
    fn defaults_serialise_with_every_key() {
        let v = serde_json::to_value(Config2d::default()).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        let mut want = KEYS_2D.to_vec();
        want.sort();
        let mut got = keys.clone();
        got.sort();
        assert_eq!(got, want);
        assert_eq!(v["loss"], json!("nonsaturating"));
        assert_eq!(
            v["dataset"],
            json!({"kind": "ring", "radius": 1.0, "sigma": 0.05})
        );
        // And it reads back.
        assert_eq!(Config2d::default().apply(&v).unwrap(), Config2d::default());
    }

    #[test]
    fn valid_patches_apply() {
        let c = Config2d::default()
            .apply(&json!({
                "dataset": {"kind": "grid"}, "loss": "wgan-gp", "optimizerD": "sgd", "dSteps": 5,
                "latent": "uniform", "latentDim": 3, "lrD": 0.01, "gpWeight": 1
            }))
            .unwrap();
        assert_eq!(c.dataset, Dataset2d::Grid { sigma: 0.05 });
        assert_eq!(
            (c.loss, c.optimizer_d, c.d_steps, c.latent, c.latent_dim),
            (
                GanLoss::WganGp,
                OptimizerKind::Sgd,
                5,
                LatentKind::Uniform,
                3
            )
        );
        let drawn = Config2d::default()
            .apply(&json!({"dataset": {"kind": "drawn", "points": [[0, 1], [1.5, -2]]}}))
            .unwrap();
        assert_eq!(
            drawn.dataset,
            Dataset2d::Drawn {
                points: vec![[0.0, 1.0], [1.5, -2.0]],
                sigma: 0.03
            }
        );
    }

    #[test]
    fn bad_values_name_the_key_and_the_range() {
        rejects(json!({"loss": "wgan"}), "`loss` must be one of \"minimax\", \"nonsaturating\", \"lsgan\", \"hinge\", \"wgan-clip\", \"wgan-gp\"; got the string \"wgan\"");
        rejects(
            json!({"dSteps": 0}),
            "`dSteps` must be an integer in 1..=10; got 0",
        );
        rejects(
            json!({"optimizerG": "rmsprop"}),
            "`optimizerG` must be one of \"adam\", \"sgd\"",
        );
        rejects(
            json!({"dataset": {"kind": "swirl"}}),
            "`dataset.kind` must be one of \"ring\"",
        );
        rejects(
            json!({"dataset": {"kind": "ring", "sigma": 0}}),
            "`dataset.sigma` must be a number in 0.001..=1",
        );
        rejects(
            json!({"dataset": {"kind": "grid", "radius": 2}}),
            "unknown key `dataset.radius` for this kind",
        );
        rejects(
            json!({"dataset": {"kind": "drawn", "points": []}}),
            "got 0 points",
        );
        rejects(
            json!({"dataset": {"kind": "drawn", "points": [[0, 9]]}}),
            "`dataset.points[0]` must be an [x, y] pair in -5..=5",
        );
        rejects(
            json!({"dataset": {"kind": "drawn", "points": [[0, 1, 2]]}}),
            "`dataset.points[0]`",
        );
        rejects(json!({"lesson": "1d"}), "`lesson` must be \"2d\" here");
        rejects(
            json!({"wings": 1}),
            "unknown config key `wings`; the keys are: lesson, backend, dataset",
        );
        rejects(
            json!({"gpWeight": -1}),
            "`gpWeight` must be a number in 0..=100",
        );
        // The first bad key rejects the whole patch.
        let before = Config2d::default();
        assert!(before.apply(&json!({"batch": 64, "hidden": 0})).is_err());
        assert_eq!(before, Config2d::default());
    }

    #[test]
    fn lenient_skips_each_bad_key() {
        let (c, errors) = Config2d::default()
            .apply_lenient(&json!({"batch": 64, "loss": 3, "dSteps": 99, "seed": 4}));
        assert_eq!(
            (c.batch, c.seed, c.loss, c.d_steps),
            (64, 4, GanLoss::NonSaturating, 1)
        );
        assert_eq!(errors.len(), 2);
    }

    #[test]
    fn presets_are_valid_and_healthy_is_the_default() {
        let presets = presets_2d();
        assert_eq!(
            presets.iter().map(|p| p.0).collect::<Vec<_>>(),
            ["healthy", "mode-collapse", "wgan"]
        );
        for (name, _, patch) in &presets {
            let c = Config2d::default()
                .apply(patch)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(
                c.dataset,
                Config2d::default().dataset,
                "{name} keeps the dataset"
            );
        }
        assert_eq!(
            Config2d::default().apply(&presets[0].2).unwrap(),
            Config2d::default()
        );
        let collapse = Config2d::default().apply(&presets[1].2).unwrap();
        assert_eq!(
            (collapse.loss, collapse.lr_d, collapse.beta1),
            (GanLoss::Minimax, 0.02, 0.9)
        );
    }

    #[test]
    fn what_changes_live() {
        let a = Config2d::default();
        assert!(!a
            .apply(&json!({"lrD": 0.01, "dSteps": 3, "clip": 0.1}))
            .unwrap()
            .needs_reset_from(&a));
        assert!(a
            .apply(&json!({"loss": "hinge"}))
            .unwrap()
            .needs_reset_from(&a));
        assert!(a
            .apply(&json!({"dataset": {"kind": "grid"}}))
            .unwrap()
            .needs_reset_from(&a));
    }
}
