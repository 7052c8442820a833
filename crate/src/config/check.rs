//! The checks every lesson's config parser shares: the error type, per-key
//! type and range checks with messages a user can act on, and the lenient
//! (key-by-key) application for links and attributes.

use serde_json::Value;

use super::BackendChoice;

/// A rejected config patch. The message names the key and what it allows.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

/// JavaScript's `Number.MAX_SAFE_INTEGER`: larger seeds would not survive a round trip.
pub(super) const MAX_SEED: u64 = (1 << 53) - 1;

/// Applies what it can of `patch`, key by key, with `apply`: each bad key is
/// skipped with its error and the others still apply. Every lesson's
/// `apply_lenient` is this.
pub(super) fn lenient<C: Clone>(
    base: &C,
    patch: &Value,
    apply: impl Fn(&C, &Value) -> Result<C, ConfigError>,
) -> (C, Vec<ConfigError>) {
    let Value::Object(map) = patch else {
        return match apply(base, patch) {
            Ok(c) => (c, vec![]),
            Err(e) => (base.clone(), vec![e]),
        };
    };
    let mut config = base.clone();
    let mut errors = Vec::new();
    for (key, value) in map {
        let one = Value::Object([(key.clone(), value.clone())].into_iter().collect());
        match apply(&config, &one) {
            Ok(next) => config = next,
            Err(e) => errors.push(e),
        }
    }
    (config, errors)
}

pub(super) fn backend(v: &Value) -> Result<BackendChoice, ConfigError> {
    match v.as_str() {
        Some("auto") => Ok(BackendChoice::Auto),
        Some("cpu") => Ok(BackendChoice::Cpu),
        Some("webgpu") => Ok(BackendChoice::Webgpu),
        _ => Err(err("backend", "one of \"auto\", \"cpu\", \"webgpu\"", v)),
    }
}

pub(super) fn err(key: &str, allowed: &str, got: &Value) -> ConfigError {
    ConfigError(format!("`{key}` must be {allowed}; got {}", describe(got)))
}

pub(super) fn num(key: &str, v: &Value, min: f64, max: f64) -> Result<f64, ConfigError> {
    match v.as_f64() {
        Some(x) if x.is_finite() && x >= min && x <= max => Ok(x),
        _ => Err(err(key, &format!("a number in {min}..={max}"), v)),
    }
}

/// Integers may arrive as JSON floats (JavaScript has one number type), so a
/// float with no fractional part counts.
pub(super) fn int(key: &str, v: &Value, min: u64, max: u64) -> Result<u64, ConfigError> {
    let as_int = v.as_u64().or_else(|| {
        v.as_f64()
            .filter(|x| x.fract() == 0.0 && *x >= 0.0 && *x <= MAX_SEED as f64)
            .map(|x| x as u64)
    });
    match as_int {
        Some(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(err(key, &format!("an integer in {min}..={max}"), v)),
    }
}

/// A short description of a bad value, safe to show: long strings are cut.
pub(super) fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("the string \"{}\"", clip(s)),
        Value::Array(a) => format!("an array of {} items", a.len()),
        Value::Object(_) => "an object".into(),
    }
}

pub(super) fn clip(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(MAX).collect::<String>())
    }
}
