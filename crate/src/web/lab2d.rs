//! `Lab2d`: the 2-D lab's model and state, exported to JS with the same call
//! surface as `Playground` (so the JS shell's `GanApi` drives either), plus a
//! step mode for D-only and G-only steps.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Promise;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use super::backend::{select, ActiveBackend};
use super::playground::{count, js_error, patch_from_js, to_js, MAX_SAMPLES, MAX_STEPS_PER_CALL};
use crate::checkpoint::Checkpoint2d;
use crate::config::Config2d;
use crate::train::{Frame2d, Metrics2d, StepMode, Trainer2d};

struct Inner {
    trainer: Trainer2d,
    backend: ActiveBackend,
    last: Option<Frame2d>,
}

#[wasm_bindgen]
pub struct Lab2d {
    inner: Rc<RefCell<Inner>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct State<'a> {
    step: u64,
    backend: &'static str,
    adapter: Option<&'a str>,
    backend_reason: Option<&'a str>,
    loss_d: Option<f64>,
    loss_g: Option<f64>,
    metrics: Metrics2d,
    config: &'a Config2d,
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

async fn refresh(inner: &Rc<RefCell<Inner>>) -> Result<Frame2d, JsValue> {
    let pending = inner.borrow().trainer.begin_frame();
    let frame = pending.read().await.map_err(js_error)?;
    inner.borrow_mut().last = Some(frame.clone());
    Ok(frame)
}

async fn refreshed_state(inner: &Rc<RefCell<Inner>>) -> Result<JsValue, JsValue> {
    refresh(inner).await?;
    let state = to_js(&inner.borrow().state());
    state
}

fn step_mode(mode: Option<String>) -> Result<StepMode, JsValue> {
    match mode.as_deref() {
        None | Some("both") => Ok(StepMode::Both),
        Some("d") => Ok(StepMode::DOnly),
        Some("g") => Ok(StepMode::GOnly),
        Some(other) => Err(js_error(format!(
            "step: mode must be \"both\", \"d\" or \"g\"; got \"{}\"",
            other.chars().take(40).collect::<String>()
        ))),
    }
}

#[wasm_bindgen]
impl Lab2d {
    /// `Lab2d.create(partialConfig)`: resolves to a ready lab, or rejects on a bad config.
    pub fn create(patch: JsValue) -> Promise {
        future_to_promise(async move {
            let config = Config2d::default()
                .apply(&patch_from_js(patch)?)
                .map_err(js_error)?;
            let backend = select(config.backend, false).await.map_err(js_error)?;
            let trainer = Trainer2d::new(&config, &backend.device);
            let inner = Rc::new(RefCell::new(Inner {
                trainer,
                backend,
                last: None,
            }));
            refresh(&inner).await?;
            Ok(Lab2d { inner }.into())
        })
    }

    pub fn state(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.borrow().state())
    }

    /// Validates and applies a partial config; rejects, changing nothing, on any bad key.
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
                    s.trainer = Trainer2d::new(&new, &s.backend.device);
                    s.last = None;
                } else {
                    s.trainer.set_live_config(&new);
                }
            }
            refreshed_state(&inner).await
        })
    }

    /// Enqueues `n` iterations; `mode` is "both" (default), "d" or "g".
    pub fn step(&self, n: f64, mode: Option<String>) -> Result<(), JsValue> {
        let n = count("step", n, MAX_STEPS_PER_CALL)?;
        let mode = step_mode(mode)?;
        let mut s = self.inner.borrow_mut();
        for _ in 0..n {
            s.trainer.step(mode);
        }
        Ok(())
    }

    #[wasm_bindgen(js_name = lastFrame)]
    pub fn last_frame(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.borrow().last)
    }

    pub fn frame(&self) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move { to_js(&refresh(&inner).await?) })
    }

    /// Resolves to `n` points of G(z) on fresh latents, as `[[x, y], ...]`.
    pub fn sample(&self, n: f64) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            let n = count("sample", n, MAX_SAMPLES)?;
            let pending = inner.borrow_mut().trainer.begin_sample(n);
            let flat = pending.read().await.map_err(js_error)?;
            let points: Vec<[f32; 2]> = flat.chunks_exact(2).map(|p| [p[0], p[1]]).collect();
            to_js(&points)
        })
    }

    /// Resolves to a `Uint8Array`: G, D, the config and the step as safetensors.
    #[wasm_bindgen(js_name = exportWeights)]
    pub fn export_weights(&self) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            let pending = inner.borrow().trainer.begin_export();
            let bytes = pending.read().await.map_err(js_error)?;
            Ok(js_sys::Uint8Array::from(bytes.as_slice()).into())
        })
    }

    /// Replaces G, D, the config and the step with a 2-D weight file's (the
    /// backend stays). A bad file rejects with the reason and changes nothing.
    #[wasm_bindgen(js_name = importWeights)]
    pub fn import_weights(&self, bytes: &[u8]) -> Promise {
        let inner = self.inner.clone();
        let bytes = bytes.to_vec();
        future_to_promise(async move {
            let fail = |e: &dyn std::fmt::Display| js_error(format!("importWeights: {e}"));
            let mut ck = Checkpoint2d::decode(&bytes).map_err(|e| fail(&e))?;
            let device = {
                let s = inner.borrow();
                ck.config.backend = s.trainer.config().backend;
                s.backend.device.clone()
            };
            let trainer = Trainer2d::from_checkpoint(&ck, &device).map_err(|e| fail(&e))?;
            {
                let mut s = inner.borrow_mut();
                s.trainer = trainer;
                s.last = None;
            }
            refreshed_state(&inner).await
        })
    }

    pub fn reset(&self) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            {
                let mut s = inner.borrow_mut();
                let config = s.trainer.config().clone();
                s.trainer = Trainer2d::new(&config, &s.backend.device);
                s.last = None;
            }
            refreshed_state(&inner).await
        })
    }
}

/// `presets2d()`: the lab's presets, `[{ name, label, patch }]`.
#[wasm_bindgen(js_name = presets2d)]
pub fn presets_2d() -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Preset {
        name: &'static str,
        label: &'static str,
        patch: serde_json::Value,
    }
    let list: Vec<Preset> = crate::config::presets_2d()
        .into_iter()
        .map(|(name, label, patch)| Preset { name, label, patch })
        .collect();
    to_js(&list)
}
