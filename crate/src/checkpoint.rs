//! Weight files: G and D of a lesson, with its config, as safetensors
//! (f32 tensors, or f16 for shipped files; the config as JSON and the step in
//! the metadata). Reading accepts either and gives f32.
//!
//! Parsing is the `safetensors` crate's, which rejects truncated files and
//! hostile header lengths; on top of it every name, dtype, shape and the
//! config are checked before anything is used, so a bad file is an error and
//! never a half-loaded model.

use safetensors::{Dtype, SafeTensors, View};
use std::borrow::Cow;

use crate::config::{Config1d, Config2d, ConfigError};

/// A lesson's config as a weight file carries it.
pub trait LessonConfig: serde::Serialize + Sized {
    /// The lesson's name in the file's metadata.
    const LESSON: &'static str;
    /// The config from the file's JSON, validated as `configure` would.
    fn from_json(value: &serde_json::Value) -> Result<Self, ConfigError>;
}

impl LessonConfig for Config1d {
    const LESSON: &'static str = "1d";
    fn from_json(value: &serde_json::Value) -> Result<Self, ConfigError> {
        Config1d::default().apply(value)
    }
}

impl LessonConfig for Config2d {
    const LESSON: &'static str = "2d";
    fn from_json(value: &serde_json::Value) -> Result<Self, ConfigError> {
        Config2d::default().apply(value)
    }
}

/// The metadata key that names the lesson a file belongs to.
pub const LESSON_KEY: &str = "lesson";

/// A rejected weight file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct CheckpointError(pub String);

/// One named f32 tensor.
#[derive(Clone, Debug, PartialEq)]
pub struct NamedTensor {
    pub name: String,
    pub shape: Vec<usize>,
    pub values: Vec<f32>,
}

/// A decoded weight file of one lesson.
#[derive(Clone, Debug, PartialEq)]
pub struct Checkpoint<C> {
    pub config: C,
    pub step: u64,
    pub tensors: Vec<NamedTensor>,
}

pub type Checkpoint1d = Checkpoint<Config1d>;
pub type Checkpoint2d = Checkpoint<Config2d>;

struct F32View<'a>(&'a NamedTensor, Vec<u8>, Dtype);

impl View for &F32View<'_> {
    fn dtype(&self) -> Dtype {
        self.2
    }
    fn shape(&self) -> &[usize] {
        &self.0.shape
    }
    fn data(&self) -> Cow<'_, [u8]> {
        Cow::Borrowed(&self.1)
    }
    fn data_len(&self) -> usize {
        self.1.len()
    }
}

impl<C: LessonConfig> Checkpoint<C> {
    /// The safetensors bytes, f32.
    pub fn encode(&self) -> Vec<u8> {
        self.encode_as(false)
    }

    /// The safetensors bytes with every tensor rounded to f16: half the size,
    /// for the files the page ships (a value beyond f16's ±65504 saturates).
    pub fn encode_f16(&self) -> Vec<u8> {
        self.encode_as(true)
    }

    fn encode_as(&self, f16: bool) -> Vec<u8> {
        let views: Vec<F32View> = self
            .tensors
            .iter()
            .map(|t| {
                if f16 {
                    let bytes = t
                        .values
                        .iter()
                        .flat_map(|&v| {
                            half::f16::from_f32(v.clamp(-65504.0, 65504.0)).to_le_bytes()
                        })
                        .collect();
                    F32View(t, bytes, Dtype::F16)
                } else {
                    let bytes = t.values.iter().flat_map(|v| v.to_le_bytes()).collect();
                    F32View(t, bytes, Dtype::F32)
                }
            })
            .collect();
        let mut metadata = hashbrown::HashMap::new();
        metadata.insert(LESSON_KEY.to_string(), C::LESSON.to_string());
        metadata.insert(
            "config".to_string(),
            serde_json::to_string(&self.config).expect("config serialises"),
        );
        metadata.insert("step".to_string(), self.step.to_string());
        metadata.insert("format".to_string(), "gan-playground".to_string());
        safetensors::serialize(views.iter().map(|v| (v.0.name.clone(), v)), Some(metadata))
            .expect("f32 tensors with consistent shapes serialise")
    }

    /// Parses and checks a weight file of this lesson. Tensor shapes are
    /// checked against the config by the caller, which knows the model.
    pub fn decode(bytes: &[u8]) -> Result<Checkpoint<C>, CheckpointError> {
        let bad = |m: String| CheckpointError(m);
        if bytes.is_empty() {
            return Err(bad("the file is empty".into()));
        }
        let (_, meta) = SafeTensors::read_metadata(bytes)
            .map_err(|e| bad(format!("not a readable safetensors file ({e})")))?;
        let st = SafeTensors::deserialize(bytes)
            .map_err(|e| bad(format!("not a readable safetensors file ({e})")))?;
        let info = meta.metadata().as_ref().ok_or_else(|| {
            bad("the file has no metadata: it was not exported by the playground".into())
        })?;
        match info.get(LESSON_KEY).map(String::as_str) {
            Some(lesson) if lesson == C::LESSON => {}
            Some(other) => {
                return Err(bad(format!(
                    "these weights are for the \"{}\" lesson, not \"{}\"",
                    other.chars().take(20).collect::<String>(),
                    C::LESSON
                )))
            }
            None => return Err(bad("the file does not say which lesson it is for".into())),
        }
        let config_json = info
            .get("config")
            .ok_or_else(|| bad("the file carries no config".into()))?;
        let config_value: serde_json::Value = serde_json::from_str(config_json)
            .map_err(|e| bad(format!("the file's config is not JSON ({e})")))?;
        let config = C::from_json(&config_value)
            .map_err(|e| bad(format!("the file's config is invalid: {e}")))?;
        let step = info.get("step").and_then(|s| s.parse().ok()).unwrap_or(0);
        let mut tensors = Vec::new();
        for (name, view) in st.tensors() {
            let values = match view.dtype() {
                Dtype::F32 => view
                    .data()
                    .chunks_exact(4)
                    .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                    .collect::<Vec<_>>(),
                Dtype::F16 => view
                    .data()
                    .chunks_exact(2)
                    .map(|b| half::f16::from_le_bytes([b[0], b[1]]).to_f32())
                    .collect::<Vec<_>>(),
                other => {
                    return Err(bad(format!(
                        "tensor `{name}` is {other:?}; the playground reads f32 or f16"
                    )))
                }
            };
            if values.iter().any(|v| !v.is_finite()) {
                return Err(bad(format!("tensor `{name}` holds a NaN or an infinity")));
            }
            tensors.push(NamedTensor {
                name,
                shape: view.shape().to_vec(),
                values,
            });
        }
        tensors.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Checkpoint {
            config,
            step,
            tensors,
        })
    }
}

/// Checks that `tensors` are exactly the `expected` names with their shapes:
/// the error names the first missing, misshapen or extra tensor.
pub fn check_tensors(
    expected: &[(String, Vec<usize>)],
    tensors: &[NamedTensor],
) -> Result<(), CheckpointError> {
    for (name, shape) in expected {
        match tensors.iter().find(|x| &x.name == name) {
            None => return Err(CheckpointError(format!("the file lacks tensor `{name}`"))),
            Some(x) if &x.shape != shape => {
                return Err(CheckpointError(format!(
                    "tensor `{name}` has shape {:?}; the file's config needs {shape:?}",
                    x.shape
                )))
            }
            Some(_) => {}
        }
    }
    if let Some(extra) = tensors
        .iter()
        .find(|x| !expected.iter().any(|(n, _)| n == &x.name))
    {
        return Err(CheckpointError(format!(
            "the file has tensor `{}`, which this model does not",
            extra.name.chars().take(60).collect::<String>()
        )));
    }
    Ok(())
}

impl<C> Checkpoint<C> {
    /// The values of the tensor `name` (empty if absent; check first).
    pub fn values(&self, name: &str) -> Vec<f32> {
        self.tensors
            .iter()
            .find(|x| x.name == name)
            .map(|x| x.values.clone())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Checkpoint1d {
        Checkpoint1d {
            config: Config1d {
                seed: 9,
                ..Config1d::default()
            },
            step: 42,
            tensors: vec![
                NamedTensor {
                    name: "a".into(),
                    shape: vec![2, 3],
                    values: vec![1.0, -2.0, 3.5, 0.0, 1e-3, 7.0],
                },
                NamedTensor {
                    name: "b".into(),
                    shape: vec![1],
                    values: vec![0.25],
                },
            ],
        }
    }

    #[test]
    fn round_trips() {
        let c = sample();
        assert_eq!(Checkpoint1d::decode(&c.encode()).unwrap(), c);
    }

    #[test]
    fn an_f16_file_is_half_the_size_and_reads_back_within_f16_rounding() {
        let c = sample();
        let (full, half) = (c.encode(), c.encode_f16());
        let back = Checkpoint1d::decode(&half).unwrap();
        assert_eq!(back.config, c.config);
        for (a, b) in c.tensors.iter().zip(&back.tensors) {
            assert_eq!(a.shape, b.shape);
            for (x, y) in a.values.iter().zip(&b.values) {
                // f16 keeps 11 significant bits: relative error ≤ 2⁻¹¹ (normal range).
                assert!((x - y).abs() <= x.abs() * 4.9e-4 + 1e-7, "{x} vs {y}");
            }
        }
        let payload = |bytes: &[u8]| {
            let (header, _) = SafeTensors::read_metadata(bytes).unwrap();
            bytes.len() - 8 - header
        };
        assert_eq!(payload(&full), 2 * payload(&half));
    }

    #[test]
    fn rejects_bad_files_with_clear_messages() {
        let good = sample().encode();
        let err = |bytes: &[u8]| Checkpoint1d::decode(bytes).unwrap_err().0;
        assert_eq!(err(&[]), "the file is empty");
        assert!(err(&good[..good.len() - 3]).starts_with("not a readable safetensors file"));
        assert!(err(b"PK\x03\x04 this is a zip").starts_with("not a readable safetensors file"));
        // A header length far beyond the file, and one of u64::MAX.
        let mut hostile = good.clone();
        hostile[..8].copy_from_slice(&(1u64 << 40).to_le_bytes());
        assert!(err(&hostile).starts_with("not a readable safetensors file"));
        hostile[..8].copy_from_slice(&u64::MAX.to_le_bytes());
        assert!(err(&hostile).starts_with("not a readable safetensors file"));
        // Valid safetensors, but not ours, or for another lesson.
        let plain = safetensors::serialize(Vec::<(String, &F32View)>::new(), None).unwrap();
        assert!(err(&plain).contains("no metadata"));
        let mut meta = hashbrown::HashMap::new();
        meta.insert(LESSON_KEY.to_string(), "faces".to_string());
        let faces = safetensors::serialize(Vec::<(String, &F32View)>::new(), Some(meta)).unwrap();
        assert_eq!(
            err(&faces),
            "these weights are for the \"faces\" lesson, not \"1d\""
        );
    }

    #[test]
    fn rejects_an_invalid_config_in_the_file() {
        let mut meta = hashbrown::HashMap::new();
        meta.insert(LESSON_KEY.to_string(), "1d".to_string());
        meta.insert("config".to_string(), r#"{"batch": 0}"#.to_string());
        let bytes = safetensors::serialize(Vec::<(String, &F32View)>::new(), Some(meta)).unwrap();
        assert!(Checkpoint1d::decode(&bytes)
            .unwrap_err()
            .0
            .contains("`batch` must be an integer"));
    }

    #[test]
    fn a_2d_file_round_trips_and_is_refused_by_the_1d_lesson() {
        let c = Checkpoint2d {
            config: Config2d {
                seed: 4,
                ..Config2d::default()
            },
            step: 7,
            tensors: sample().tensors,
        };
        let bytes = c.encode();
        assert_eq!(Checkpoint2d::decode(&bytes).unwrap(), c);
        assert_eq!(
            Checkpoint1d::decode(&bytes).unwrap_err().0,
            "these weights are for the \"2d\" lesson, not \"1d\""
        );
        assert_eq!(
            Checkpoint2d::decode(&sample().encode()).unwrap_err().0,
            "these weights are for the \"1d\" lesson, not \"2d\""
        );
    }
}
