//! Parsing of the 2-D lab's `dataset` objects, drawn points included.

use serde_json::Value;

use super::check::{clip, err, num, ConfigError};
use crate::data::target2d::MAX_DRAWN_POINTS;
use crate::data::Dataset2d;

pub(super) fn dataset(v: &Value) -> Result<Dataset2d, ConfigError> {
    const KINDS: &str = "\"ring\", \"grid\", \"spiral\", \"moons\", \"drawn\"";
    let Value::Object(map) = v else {
        return Err(err(
            "dataset",
            &format!("an object with a `kind` of {KINDS}"),
            v,
        ));
    };
    let field = |name: &str, min: f64, max: f64, default: f64| -> Result<f64, ConfigError> {
        match map.get(name) {
            None => Ok(default),
            Some(x) => num(&format!("dataset.{name}"), x, min, max),
        }
    };
    let kind = map.get("kind").unwrap_or(&Value::Null);
    let (set, allowed): (Dataset2d, &[&str]) = match kind.as_str() {
        Some("ring") => (
            Dataset2d::Ring {
                radius: field("radius", 0.1, 5.0, 1.0)?,
                sigma: field("sigma", 0.001, 1.0, 0.05)?,
            },
            &["kind", "radius", "sigma"],
        ),
        Some("grid") => (
            Dataset2d::Grid {
                sigma: field("sigma", 0.001, 1.0, 0.05)?,
            },
            &["kind", "sigma"],
        ),
        Some("spiral") => (
            Dataset2d::Spiral {
                noise: field("noise", 0.0, 1.0, 0.05)?,
            },
            &["kind", "noise"],
        ),
        Some("moons") => (
            Dataset2d::Moons {
                noise: field("noise", 0.0, 1.0, 0.05)?,
            },
            &["kind", "noise"],
        ),
        Some("drawn") => (
            Dataset2d::Drawn {
                points: points(map.get("points").unwrap_or(&Value::Null))?,
                sigma: field("sigma", 0.001, 1.0, 0.03)?,
            },
            &["kind", "points", "sigma"],
        ),
        _ => return Err(err("dataset.kind", &format!("one of {KINDS}"), kind)),
    };
    if let Some(k) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
        return Err(ConfigError(format!(
            "unknown key `dataset.{}` for this kind; its keys are: {}",
            clip(k),
            allowed.join(", ")
        )));
    }
    Ok(set)
}

/// A drawn dataset's points: `[[x, y], ...]`, 1 to 5,000 of them, each coordinate in [−5, 5].
fn points(v: &Value) -> Result<Vec<[f64; 2]>, ConfigError> {
    let what = format!("an array of 1 to {MAX_DRAWN_POINTS} [x, y] pairs, each in -5..=5");
    let Value::Array(items) = v else {
        return Err(err("dataset.points", &what, v));
    };
    if !(1..=MAX_DRAWN_POINTS).contains(&items.len()) {
        return Err(ConfigError(format!(
            "`dataset.points` must be {what}; got {} points",
            items.len()
        )));
    }
    items
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let xy = p.as_array().filter(|a| a.len() == 2).and_then(|a| {
                let (x, y) = (a[0].as_f64()?, a[1].as_f64()?);
                (x.is_finite() && y.is_finite() && x.abs() <= 5.0 && y.abs() <= 5.0)
                    .then_some([x, y])
            });
            xy.ok_or_else(|| {
                err(
                    &format!("dataset.points[{i}]"),
                    "an [x, y] pair in -5..=5",
                    p,
                )
            })
        })
        .collect()
}
