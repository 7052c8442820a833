//! Lesson 0's configuration: the die's face weights, how many rolls, the seed.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::check::{clip, describe, err, int, MAX_SEED};
use super::ConfigError;
use crate::data::Die;

pub const KEYS_DICE: &[&str] = &["lesson", "weights", "rolls", "seed", "stepsPerFrame"];
/// The most rolls the lesson tallies.
pub const MAX_ROLLS: u64 = 100_000;

/// The marker for `lesson: "dice"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LessonDice {
    #[serde(rename = "dice")]
    Dice,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfigDice {
    pub lesson: LessonDice,
    /// Face weights for 1 to 6, normalised into the PMF (all equal: a fair die).
    pub weights: [f64; 6],
    /// N: the rolls the histogram starts from.
    pub rolls: u64,
    pub seed: u64,
    /// Rolls added per animation frame while playing.
    pub steps_per_frame: usize,
}

impl Default for ConfigDice {
    fn default() -> Self {
        ConfigDice {
            lesson: LessonDice::Dice,
            weights: [1.0; 6],
            rolls: 10,
            seed: 1,
            steps_per_frame: 20,
        }
    }
}

impl ConfigDice {
    pub fn die(&self) -> Die {
        Die::from_weights(self.weights).expect("validated weights")
    }

    pub fn apply(&self, patch: &Value) -> Result<ConfigDice, ConfigError> {
        let Value::Object(map) = patch else {
            return Err(ConfigError(format!(
                "configure expects an object of config keys ({}); got {}",
                KEYS_DICE.join(", "),
                describe(patch)
            )));
        };
        let mut c = self.clone();
        for (key, v) in map {
            match key.as_str() {
                "lesson" => {
                    if v.as_str() != Some("dice") {
                        return Err(err(
                            key,
                            "\"dice\" here (a playground keeps the lesson it starts with)",
                            v,
                        ));
                    }
                }
                "weights" => {
                    const WHAT: &str = "an array of 6 face weights in 0..=1000, not all 0";
                    let ws = v
                        .as_array()
                        .filter(|a| a.len() == 6)
                        .ok_or_else(|| err(key, WHAT, v))?;
                    let mut w = [0.0; 6];
                    for (i, x) in ws.iter().enumerate() {
                        w[i] = x
                            .as_f64()
                            .filter(|x| x.is_finite() && (0.0..=1000.0).contains(x))
                            .ok_or_else(|| {
                                err(&format!("weights[{i}]"), "a number in 0..=1000", x)
                            })?;
                    }
                    if w.iter().sum::<f64>() <= 0.0 {
                        return Err(ConfigError(format!("`weights` must be {WHAT}; all are 0")));
                    }
                    c.weights = w;
                }
                "rolls" => c.rolls = int(key, v, 1, MAX_ROLLS)?,
                "seed" => c.seed = int(key, v, 0, MAX_SEED)?,
                "stepsPerFrame" => c.steps_per_frame = int(key, v, 1, 10_000)? as usize,
                _ => {
                    return Err(ConfigError(format!(
                        "unknown config key `{}`; the keys are: {}",
                        clip(key),
                        KEYS_DICE.join(", ")
                    )))
                }
            }
        }
        Ok(c)
    }

    pub fn apply_lenient(&self, patch: &Value) -> (ConfigDice, Vec<ConfigError>) {
        super::check::lenient(self, patch, ConfigDice::apply)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn applies_and_rejects_by_key() {
        let c = ConfigDice::default()
            .apply(&json!({"weights": [1, 1, 1, 1, 1, 5], "rolls": 1000}))
            .unwrap();
        assert!((c.die().probs[5] - 0.5).abs() < 1e-12);
        assert_eq!(c.rolls, 1000);
        let bad = |p: Value, needle: &str| {
            let msg = ConfigDice::default().apply(&p).unwrap_err().0;
            assert!(msg.contains(needle), "{p}: {msg}");
        };
        bad(
            json!({"rolls": 0}),
            "`rolls` must be an integer in 1..=100000; got 0",
        );
        bad(
            json!({"rolls": 200000}),
            "`rolls` must be an integer in 1..=100000",
        );
        bad(
            json!({"weights": [1, 2]}),
            "`weights` must be an array of 6 face weights",
        );
        bad(json!({"weights": [0, 0, 0, 0, 0, 0]}), "all are 0");
        bad(
            json!({"weights": [1, 1, 1, 1, 1, -1]}),
            "`weights[5]` must be a number in 0..=1000",
        );
        bad(
            json!({"loss": "hinge"}),
            "unknown config key `loss`; the keys are: lesson, weights, rolls",
        );
        let (c, errors) =
            ConfigDice::default().apply_lenient(&json!({"rolls": 50, "weights": "loaded"}));
        assert_eq!((c.rolls, errors.len()), (50, 1));
    }
}
