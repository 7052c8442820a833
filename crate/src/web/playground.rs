//! `Playground`: one lesson's model and state, exported to JS.
//!
//! Methods that read from the device return Promises; none holds a borrow of
//! the state across an `await`, so a JS caller may query `state()` while a
//! read is in flight. The JS shell serialises the mutating calls.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Promise;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use super::backend::{select, ActiveBackend};
use crate::checkpoint::Checkpoint1d;
use crate::config::{Config1d, Config2d, ConfigDice};
use crate::train::{Frame1d, Metrics1d, Trainer1d};

/// The most steps one `step(n)` call, and the most samples one `sample(n)`, may ask for.
pub(super) const MAX_STEPS_PER_CALL: f64 = 100_000.0;
pub(super) const MAX_SAMPLES: f64 = 100_000.0;

struct Inner {
    trainer: Trainer1d,
    backend: ActiveBackend,
    last: Option<Frame1d>,
}

#[wasm_bindgen]
pub struct Playground {
    inner: Rc<RefCell<Inner>>,
}

/// `state()`'s plain-JSON shape.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct State<'a> {
    step: u64,
    backend: &'static str,
    adapter: Option<&'a str>,
    backend_reason: Option<&'a str>,
    loss_d: Option<f64>,
    loss_g: Option<f64>,
    metrics: Metrics1d,
    config: &'a Config1d,
}

pub(super) fn js_error(message: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&message.to_string()).into()
}

pub(super) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    // Plain objects and arrays, not Maps: what JSON.stringify and tests expect.
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(js_error)
}

pub(super) fn patch_from_js(value: JsValue) -> Result<serde_json::Value, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(serde_json::Value::Object(Default::default()));
    }
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| js_error(format!("configure: could not read the config object: {e}")))
}

/// A count from JS (a plain number) checked to be an integer in 1..=max.
pub(super) fn count(name: &str, n: f64, max: f64) -> Result<usize, JsValue> {
    if n.is_finite() && n.fract() == 0.0 && (1.0..=max).contains(&n) {
        Ok(n as usize)
    } else {
        Err(js_error(format!(
            "{name}: n must be an integer in 1..={max}; got {n}"
        )))
    }
}

impl Inner {
    fn state(&self) -> State<'_> {
        let last = self.last.as_ref();
        State {
            step: self.trainer.step_count(),
            backend: self.backend.kind,
            adapter: self.backend.adapter.as_deref(),
            backend_reason: self.backend.reason.as_deref(),
            loss_d: last.and_then(|f| f.loss_d),
            loss_g: last.and_then(|f| f.loss_g),
            metrics: last.map(|f| f.metrics.clone()).unwrap_or_default(),
            config: self.trainer.config(),
        }
    }
}

/// Reads a frame and keeps it as the latest; resolves to the frame.
async fn refresh(inner: &Rc<RefCell<Inner>>) -> Result<Frame1d, JsValue> {
    let pending = inner.borrow().trainer.begin_frame();
    let frame = pending.read().await.map_err(js_error)?;
    inner.borrow_mut().last = Some(frame.clone());
    Ok(frame)
}

/// `sanitizeConfig(patch)`: the default config of the patch's lesson (`"1d"`
/// unless it says `lesson: "2d"`, `"faces"` or `"dice"`) with every valid key of `patch` applied, and
/// one message for each key that was not. For untrusted input, such as a
/// shared link's hash or a widget's attributes, that should apply what it can.
#[wasm_bindgen(js_name = sanitizeConfig)]
pub fn sanitize_config(patch: JsValue) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Sanitized<C: Serialize> {
        config: C,
        notices: Vec<String>,
    }
    let patch = patch_from_js(patch)?;
    let notices =
        |errors: Vec<crate::config::ConfigError>| errors.into_iter().map(|e| e.0).collect();
    let lesson = patch.get("lesson").and_then(|l| l.as_str());
    if lesson == Some("2d") {
        let (config, errors) = Config2d::default().apply_lenient(&patch);
        to_js(&Sanitized {
            config,
            notices: notices(errors),
        })
    } else if lesson == Some("faces") {
        let (config, errors) = crate::config::ConfigFaces::default().apply_lenient(&patch);
        to_js(&Sanitized {
            config,
            notices: notices(errors),
        })
    } else if lesson == Some("dice") {
        let (config, errors) = ConfigDice::default().apply_lenient(&patch);
        to_js(&Sanitized {
            config,
            notices: notices(errors),
        })
    } else {
        let (config, errors) = Config1d::default().apply_lenient(&patch);
        to_js(&Sanitized {
            config,
            notices: notices(errors),
        })
    }
}

/// `configKeys()`: every config key of every lesson, each once. The widget maps
/// its (case-insensitive) attributes onto these.
#[wasm_bindgen(js_name = configKeys)]
pub fn config_keys() -> Vec<String> {
    let mut keys: Vec<String> = crate::config::KEYS.iter().map(|k| k.to_string()).collect();
    for k in crate::config::KEYS_2D
        .iter()
        .chain(crate::config::KEYS_DICE)
        .chain(crate::config::KEYS_FACES)
    {
        if !keys.iter().any(|x| x == k) {
            keys.push(k.to_string());
        }
    }
    keys
}

/// After a change: reads a frame, keeps it, and resolves to the new state.
async fn refreshed_state(inner: &Rc<RefCell<Inner>>) -> Result<JsValue, JsValue> {
    refresh(inner).await?;
    let state = to_js(&inner.borrow().state());
    state
}

#[wasm_bindgen]
impl Playground {
    /// `Playground.create(partialConfig)`: resolves to a ready playground, or
    /// rejects on a bad config.
    pub fn create(patch: JsValue) -> Promise {
        future_to_promise(async move {
            let config = Config1d::default()
                .apply(&patch_from_js(patch)?)
                .map_err(js_error)?;
            let backend = select(config.backend, false).await.map_err(js_error)?;
            let trainer = Trainer1d::new(&config, &backend.device);
            let inner = Rc::new(RefCell::new(Inner {
                trainer,
                backend,
                last: None,
            }));
            refresh(&inner).await?;
            Ok(Playground { inner }.into())
        })
    }

    /// The plain-JSON state: step, backend, adapter, losses, metrics, config.
    pub fn state(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.borrow().state())
    }

    /// Validates and applies a partial config; resolves to the new state.
    /// Rejects, changing nothing, on any bad key.
    pub fn configure(&self, patch: JsValue) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            let patch = patch_from_js(patch)?;
            let old = inner.borrow().trainer.config().clone();
            let new = old.apply(&patch).map_err(js_error)?;
            let backend = if new.backend != old.backend {
                Some(select(new.backend, true).await.map_err(js_error)?)
            } else {
                None
            };
            {
                let mut s = inner.borrow_mut();
                if let Some(backend) = backend {
                    s.backend = backend;
                }
                if new.needs_reset_from(&old) {
                    s.trainer = Trainer1d::new(&new, &s.backend.device);
                    s.last = None;
                } else {
                    s.trainer.set_live_config(&new);
                }
            }
            refreshed_state(&inner).await
        })
    }

    /// Enqueues `n` training steps. Reads nothing back; call `frame()` after.
    pub fn step(&self, n: f64) -> Result<(), JsValue> {
        let n = count("step", n, MAX_STEPS_PER_CALL)?;
        let mut s = self.inner.borrow_mut();
        for _ in 0..n {
            s.trainer.step();
        }
        Ok(())
    }

    /// The frame read last (by `frame()`, or by the call that changed the
    /// model), without another readback.
    #[wasm_bindgen(js_name = lastFrame)]
    pub fn last_frame(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.borrow().last)
    }

    /// Reads back what the page draws (one transaction); resolves to the frame.
    pub fn frame(&self) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move { to_js(&refresh(&inner).await?) })
    }

    /// Resolves to a plain array of `n` values of x = G(z) on fresh latents.
    pub fn sample(&self, n: f64) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            let n = count("sample", n, MAX_SAMPLES)?;
            let pending = inner.borrow_mut().trainer.begin_sample(n);
            to_js(&pending.read().await.map_err(js_error)?)
        })
    }

    /// Resolves to a `Uint8Array`: G, D and the config as safetensors.
    #[wasm_bindgen(js_name = exportWeights)]
    pub fn export_weights(&self) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            let pending = inner.borrow().trainer.begin_export();
            let bytes = pending.read().await.map_err(js_error)?;
            Ok(js_sys::Uint8Array::from(bytes.as_slice()).into())
        })
    }

    /// Replaces G, D, the config and the step with a weight file's (the
    /// backend stays); resolves to the new state. A bad file rejects with
    /// the reason and changes nothing.
    #[wasm_bindgen(js_name = importWeights)]
    pub fn import_weights(&self, bytes: &[u8]) -> Promise {
        let inner = self.inner.clone();
        let bytes = bytes.to_vec();
        future_to_promise(async move {
            let fail = |e: &dyn std::fmt::Display| js_error(format!("importWeights: {e}"));
            let mut ck = Checkpoint1d::decode(&bytes).map_err(|e| fail(&e))?;
            let device = {
                let s = inner.borrow();
                ck.config.backend = s.trainer.config().backend;
                s.backend.device.clone()
            };
            let trainer = Trainer1d::from_checkpoint(&ck, &device).map_err(|e| fail(&e))?;
            {
                let mut s = inner.borrow_mut();
                s.trainer = trainer;
                s.last = None;
            }
            refreshed_state(&inner).await
        })
    }

    /// A fresh model from the current config and seed; resolves to the state.
    pub fn reset(&self) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            {
                let mut s = inner.borrow_mut();
                let config = s.trainer.config().clone();
                s.trainer = Trainer1d::new(&config, &s.backend.device);
                s.last = None;
            }
            refreshed_state(&inner).await
        })
    }
}
