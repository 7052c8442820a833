//! Strict parsing of a partial 1-D config: every key's type and range, with
//! messages a user can act on (the checks themselves are in `check.rs`).

use serde_json::{Map, Value};

use super::check::{backend, clip, describe, err, int, num, ConfigError, MAX_SEED};
use super::{Config1d, Lesson};
use crate::data::Target1d;

/// The keys `configure` accepts, in the order the error message lists them.
pub const KEYS: &[&str] = &[
    "lesson",
    "backend",
    "target",
    "batch",
    "lrG",
    "lrD",
    "beta1",
    "latentDim",
    "hidden",
    "layers",
    "seed",
    "stepsPerFrame",
];

pub(super) fn apply(old: &Config1d, patch: &Value) -> Result<Config1d, ConfigError> {
    let Value::Object(map) = patch else {
        return Err(ConfigError(format!(
            "configure expects an object of config keys ({}); got {}",
            KEYS.join(", "),
            describe(patch)
        )));
    };
    let mut c = old.clone();
    for (key, v) in map {
        match key.as_str() {
            "lesson" => {
                c.lesson = match v.as_str() {
                    Some("1d") => Lesson::OneD,
                    _ => return Err(err(key, "\"1d\" here (a playground keeps the lesson it starts with; the others are \"2d\" and \"dice\")", v)),
                }
            }
            "backend" => c.backend = backend(v)?,
            "target" => c.target = target(v)?,
            "batch" => c.batch = int(key, v, 1, 4096)? as usize,
            "lrG" => c.lr_g = num(key, v, 1e-6, 1.0)?,
            "lrD" => c.lr_d = num(key, v, 1e-6, 1.0)?,
            "beta1" => c.beta1 = num(key, v, 0.0, 0.999)?,
            "latentDim" => c.latent_dim = int(key, v, 1, 16)? as usize,
            "hidden" => c.hidden = int(key, v, 1, 256)? as usize,
            "layers" => c.layers = int(key, v, 1, 6)? as usize,
            "seed" => c.seed = int(key, v, 0, MAX_SEED)?,
            "stepsPerFrame" => c.steps_per_frame = int(key, v, 1, 500)? as usize,
            _ => {
                return Err(ConfigError(format!(
                    "unknown config key `{}`; the keys are: {}",
                    clip(key),
                    KEYS.join(", ")
                )))
            }
        }
    }
    Ok(c)
}

fn target(v: &Value) -> Result<Target1d, ConfigError> {
    const KINDS: &str =
        "\"gaussian\", \"bimodal\", \"uniform\", \"exponential\", \"mixture3\", \"custom\"";
    let Value::Object(map) = v else {
        return Err(err(
            "target",
            &format!("an object with a `kind` of {KINDS}"),
            v,
        ));
    };
    let kind = map.get("kind").unwrap_or(&Value::Null);
    let mut f = Fields {
        map,
        allowed: vec!["kind"],
    };
    let t = match kind.as_str() {
        Some("gaussian") => Target1d::Gaussian {
            mean: f.num("mean", -10.0, 10.0, 0.0)?,
            std: f.num("std", 0.01, 5.0, 1.0)?,
        },
        Some("bimodal") => Target1d::Bimodal {
            mean1: f.num("mean1", -10.0, 10.0, -2.0)?,
            mean2: f.num("mean2", -10.0, 10.0, 2.0)?,
            std: f.num("std", 0.01, 5.0, 0.5)?,
            weight: f.num("weight", 0.05, 0.95, 0.5)?,
        },
        Some("uniform") => {
            let low = f.num("low", -10.0, 10.0, -1.0)?;
            let high = f.num("high", -10.0, 10.0, 1.0)?;
            if high - low < 0.01 {
                return Err(ConfigError(format!(
                    "`target.high` must exceed `target.low` by at least 0.01; got low {low}, high {high}"
                )));
            }
            Target1d::Uniform { low, high }
        }
        Some("exponential") => Target1d::Exponential {
            rate: f.num("rate", 0.1, 10.0, 1.0)?,
        },
        Some("mixture3") => Target1d::Mixture3,
        Some("custom") => {
            let histogram = f.histogram()?;
            let low = f.num("low", -10.0, 10.0, -4.0)?;
            let high = f.num("high", -10.0, 10.0, 4.0)?;
            if high - low < 0.1 {
                return Err(ConfigError(format!(
                    "`target.high` must exceed `target.low` by at least 0.1; got low {low}, high {high}"
                )));
            }
            Target1d::Custom {
                histogram,
                low,
                high,
            }
        }
        _ => return Err(err("target.kind", &format!("one of {KINDS}"), kind)),
    };
    f.reject_unknown()?;
    Ok(t)
}

/// The fields of one target object; remembers which were read, so the rest
/// can be rejected as unknown.
struct Fields<'a> {
    map: &'a Map<String, Value>,
    allowed: Vec<&'static str>,
}

impl Fields<'_> {
    fn num(
        &mut self,
        name: &'static str,
        min: f64,
        max: f64,
        default: f64,
    ) -> Result<f64, ConfigError> {
        self.allowed.push(name);
        match self.map.get(name) {
            None => Ok(default),
            Some(v) => num(&format!("target.{name}"), v, min, max),
        }
    }

    fn histogram(&mut self) -> Result<Vec<f64>, ConfigError> {
        self.allowed.push("histogram");
        const WHAT: &str = "an array of 2 to 200 non-negative numbers with a positive sum";
        let v = self.map.get("histogram").unwrap_or(&Value::Null);
        let Value::Array(items) = v else {
            return Err(err("target.histogram", WHAT, v));
        };
        if !(2..=200).contains(&items.len()) {
            return Err(ConfigError(format!(
                "`target.histogram` must be {WHAT}; got {} bins",
                items.len()
            )));
        }
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match item.as_f64() {
                Some(w) if w.is_finite() && (0.0..=1e9).contains(&w) => out.push(w),
                _ => {
                    return Err(err(
                        &format!("target.histogram[{i}]"),
                        "a number in 0..=1e9",
                        item,
                    ))
                }
            }
        }
        if out.iter().sum::<f64>() <= 0.0 {
            return Err(ConfigError(format!(
                "`target.histogram` must be {WHAT}; all bins are 0"
            )));
        }
        Ok(out)
    }

    fn reject_unknown(&self) -> Result<(), ConfigError> {
        match self
            .map
            .keys()
            .find(|k| !self.allowed.contains(&k.as_str()))
        {
            None => Ok(()),
            Some(k) => Err(ConfigError(format!(
                "unknown key `target.{}` for this kind; its keys are: {}",
                clip(k),
                self.allowed.join(", ")
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::BackendChoice;
    use serde_json::json;

    fn rejects(patch: Value, needle: &str) {
        let old = Config1d::default();
        match old.apply(&patch) {
            Ok(c) => panic!("{patch} accepted as {c:?}"),
            Err(ConfigError(msg)) => assert!(
                msg.contains(needle),
                "{patch}: message {msg:?} lacks {needle:?}"
            ),
        }
    }

    #[test]
    fn accepts_a_full_valid_patch() {
        let c = Config1d::default()
            .apply(&json!({
                "lesson": "1d", "backend": "cpu",
                "target": {"kind": "gaussian", "mean": 4, "std": 0.5},
                "batch": 256, "lrG": 0.002, "lrD": 0.0005, "beta1": 0.9, "latentDim": 3,
                "hidden": 64, "layers": 3, "seed": 42.0, "stepsPerFrame": 20
            }))
            .unwrap();
        assert_eq!(
            c.target,
            Target1d::Gaussian {
                mean: 4.0,
                std: 0.5
            }
        );
        assert_eq!(
            (
                c.batch,
                c.latent_dim,
                c.hidden,
                c.layers,
                c.seed,
                c.steps_per_frame
            ),
            (256, 3, 64, 3, 42, 20)
        );
        assert_eq!((c.lr_g, c.lr_d, c.beta1), (0.002, 0.0005, 0.9));
        assert_eq!(c.backend, BackendChoice::Cpu);
    }

    #[test]
    fn target_fields_default_per_kind() {
        let c = Config1d::default()
            .apply(&json!({"target": {"kind": "exponential"}}))
            .unwrap();
        assert_eq!(c.target, Target1d::Exponential { rate: 1.0 });
        let c = Config1d::default()
            .apply(&json!({"target": {"kind": "custom", "histogram": [0, 1, 2]}}))
            .unwrap();
        assert_eq!(
            c.target,
            Target1d::Custom {
                histogram: vec![0.0, 1.0, 2.0],
                low: -4.0,
                high: 4.0
            }
        );
    }

    #[test]
    fn rejects_with_key_and_range() {
        rejects(
            json!({"batch": 0}),
            "`batch` must be an integer in 1..=4096; got 0",
        );
        rejects(
            json!({"batch": 2.5}),
            "`batch` must be an integer in 1..=4096; got 2.5",
        );
        rejects(
            json!({"batch": "128"}),
            "`batch` must be an integer in 1..=4096; got the string \"128\"",
        );
        rejects(json!({"lrG": -1}), "`lrG` must be a number in 0.000001..=1");
        rejects(json!({"lrD": null}), "`lrD` must be a number");
        rejects(
            json!({"beta1": 1}),
            "`beta1` must be a number in 0..=0.999; got 1",
        );
        rejects(
            json!({"latentDim": 17}),
            "`latentDim` must be an integer in 1..=16",
        );
        rejects(
            json!({"hidden": true}),
            "`hidden` must be an integer in 1..=256; got the boolean true",
        );
        rejects(json!({"layers": 7}), "`layers` must be an integer in 1..=6");
        rejects(
            json!({"seed": -1}),
            "`seed` must be an integer in 0..=9007199254740991",
        );
        rejects(
            json!({"stepsPerFrame": 0}),
            "`stepsPerFrame` must be an integer in 1..=500",
        );
        rejects(
            json!({"backend": "cuda"}),
            "`backend` must be one of \"auto\", \"cpu\", \"webgpu\"",
        );
        rejects(json!({"lesson": "2d"}), "`lesson` must be \"1d\"");
        rejects(
            json!({"bogus": 1}),
            "unknown config key `bogus`; the keys are: lesson, backend",
        );
        rejects(json!(5), "configure expects an object");
    }

    #[test]
    fn rejects_bad_targets() {
        rejects(json!({"target": "gaussian"}), "`target` must be an object");
        rejects(
            json!({"target": {"kind": "cauchy"}}),
            "`target.kind` must be one of",
        );
        rejects(
            json!({"target": {"kind": "gaussian", "std": 0}}),
            "`target.std` must be a number in 0.01..=5; got 0",
        );
        rejects(
            json!({"target": {"kind": "gaussian", "sigma": 1}}),
            "unknown key `target.sigma`",
        );
        rejects(
            json!({"target": {"kind": "uniform", "low": 2, "high": 1}}),
            "`target.high` must exceed `target.low`",
        );
        rejects(
            json!({"target": {"kind": "bimodal", "weight": 1}}),
            "`target.weight` must be a number in 0.05..=0.95",
        );
        rejects(
            json!({"target": {"kind": "exponential", "rate": 0}}),
            "`target.rate`",
        );
        rejects(
            json!({"target": {"kind": "custom"}}),
            "`target.histogram` must be an array",
        );
        rejects(
            json!({"target": {"kind": "custom", "histogram": [1]}}),
            "got 1 bins",
        );
        rejects(
            json!({"target": {"kind": "custom", "histogram": [0, 0]}}),
            "all bins are 0",
        );
        rejects(
            json!({"target": {"kind": "custom", "histogram": [1, -1]}}),
            "`target.histogram[1]` must be a number",
        );
    }

    #[test]
    fn a_rejected_patch_changes_nothing_even_after_valid_keys() {
        let old = Config1d::default();
        // `batch` is valid and comes first, but `hidden` fails: the whole patch is refused.
        assert!(old.apply(&json!({"batch": 64, "hidden": 0})).is_err());
        assert_eq!(old, Config1d::default());
    }

    #[test]
    fn long_strings_are_clipped_in_messages() {
        let long = "x".repeat(10_000);
        let msg = Config1d::default()
            .apply(&json!({ long.clone(): 1 }))
            .unwrap_err()
            .0;
        assert!(msg.len() < 200, "{} chars", msg.len());
    }

    #[test]
    fn lenient_apply_keeps_the_good_keys_and_reports_each_bad_one() {
        let (c, errors) = Config1d::default().apply_lenient(&json!({
            "batch": "lots", "seed": 5, "wings": 1, "target": {"kind": "uniform", "low": 0, "high": 2}, "beta1": 2
        }));
        assert_eq!(c.seed, 5);
        assert_eq!(
            c.target,
            Target1d::Uniform {
                low: 0.0,
                high: 2.0
            }
        );
        assert_eq!(c.batch, Config1d::default().batch);
        assert_eq!(c.beta1, Config1d::default().beta1);
        let messages: Vec<String> = errors.into_iter().map(|e| e.0).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("`batch`")));
        assert!(messages
            .iter()
            .any(|m| m.contains("unknown config key `wings`")));
        assert!(messages.iter().any(|m| m.contains("`beta1`")));
        let (same, errors) = Config1d::default().apply_lenient(&json!("nope"));
        assert_eq!((same, errors.len()), (Config1d::default(), 1));
    }

    #[test]
    fn live_keys_do_not_reset() {
        let old = Config1d::default();
        let lr = old
            .apply(&json!({"lrG": 0.01, "stepsPerFrame": 3}))
            .unwrap();
        assert!(!lr.needs_reset_from(&old));
        let t = old.apply(&json!({"target": {"kind": "mixture3"}})).unwrap();
        assert!(t.needs_reset_from(&old));
    }

    #[test]
    fn config_round_trips_through_its_json() {
        let c = Config1d::default();
        let v = serde_json::to_value(&c).unwrap();
        assert_eq!(v["lrG"], json!(0.001));
        assert_eq!(v["target"]["kind"], json!("bimodal"));
        assert_eq!(Config1d::default().apply(&v).unwrap(), c);
    }
}
