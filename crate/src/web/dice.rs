//! `DiceLesson`: lesson 0, a probability distribution. A die's PMF and the
//! histogram of N rolls, with their total-variation distance; the same call
//! surface as `Playground` (`step(n)` rolls n more), so the JS shell drives it alike.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::Promise;
use rand::rngs::StdRng;
use rand::SeedableRng;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use super::playground::{count, js_error, patch_from_js, to_js, MAX_SAMPLES, MAX_STEPS_PER_CALL};
use crate::config::{ConfigDice, MAX_ROLLS};
use crate::metrics::total_variation;

struct Inner {
    config: ConfigDice,
    rng: StdRng,
    counts: [u64; 6],
    /// TV at log-spaced N (about ten per decade) as the rolls came in.
    tv_curve: Vec<(u64, f64)>,
}

/// The N at which the TV curve takes a point: 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, ...
fn checkpoint_after(n: u64) -> u64 {
    ((n as f64 * 1.2).ceil() as u64).max(n + 1)
}

#[wasm_bindgen]
pub struct DiceLesson {
    inner: Rc<RefCell<Inner>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Metrics {
    /// ½ Σ |histogram − PMF|.
    tv: f64,
}

/// Rolls `n` more, one by one, noting TV at each checkpoint on the way.
fn roll_into(inner: &mut Inner, n: u64) {
    let die = inner.config.die();
    let Inner {
        rng,
        counts,
        tv_curve,
        ..
    } = inner;
    let mut total: u64 = counts.iter().sum();
    let mut next = tv_curve.last().map_or(1, |&(at, _)| checkpoint_after(at));
    for face in die.rolls(rng).take(n as usize) {
        counts[face] += 1;
        total += 1;
        if total >= next {
            let c: Vec<f64> = counts.iter().map(|&c| c as f64).collect();
            tv_curve.push((total, total_variation(&c, &die.probs)));
            next = checkpoint_after(total);
        }
    }
}

/// The dice lesson's frame, and (with `config`) its state.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Frame<'a> {
    /// Rolls so far.
    step: u64,
    backend: &'static str,
    adapter: Option<&'static str>,
    backend_reason: Option<&'static str>,
    loss_d: Option<f64>,
    loss_g: Option<f64>,
    metrics: Metrics,
    probs: [f64; 6],
    counts: [u64; 6],
    /// `[N, TV]` at log-spaced N since the start.
    tv_curve: &'a [(u64, f64)],
    #[serde(skip_serializing_if = "Option::is_none")]
    config: Option<&'a ConfigDice>,
}

impl Inner {
    fn fresh(config: ConfigDice) -> Inner {
        let rng = StdRng::seed_from_u64(config.seed);
        let n = config.rolls;
        let mut inner = Inner {
            config,
            rng,
            counts: [0; 6],
            tv_curve: Vec::new(),
        };
        roll_into(&mut inner, n);
        inner
    }

    fn frame(&self, with_config: bool) -> Frame<'_> {
        let probs = self.config.die().probs;
        let c: Vec<f64> = self.counts.iter().map(|&c| c as f64).collect();
        Frame {
            step: self.counts.iter().sum(),
            backend: "cpu",
            adapter: None,
            backend_reason: Some("the dice lesson runs on the CPU; it trains no network"),
            loss_d: None,
            loss_g: None,
            metrics: Metrics {
                tv: total_variation(&c, &probs),
            },
            probs,
            counts: self.counts,
            tv_curve: &self.tv_curve,
            config: with_config.then_some(&self.config),
        }
    }
}

#[wasm_bindgen]
impl DiceLesson {
    pub fn create(patch: JsValue) -> Promise {
        future_to_promise(async move {
            let config = ConfigDice::default()
                .apply(&patch_from_js(patch)?)
                .map_err(js_error)?;
            Ok(DiceLesson {
                inner: Rc::new(RefCell::new(Inner::fresh(config))),
            }
            .into())
        })
    }

    pub fn state(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.borrow().frame(true))
    }

    /// A new die, N or seed rolls afresh; `stepsPerFrame` changes live.
    pub fn configure(&self, patch: JsValue) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            let patch = patch_from_js(patch)?;
            let new = inner.borrow().config.apply(&patch).map_err(js_error)?;
            let mut s = inner.borrow_mut();
            let live = ConfigDice {
                steps_per_frame: s.config.steps_per_frame,
                ..new.clone()
            } == s.config;
            if live {
                s.config = new;
            } else {
                *s = Inner::fresh(new);
            }
            to_js(&s.frame(true))
        })
    }

    /// Rolls `n` more (up to 100,000 in all).
    pub fn step(&self, n: f64, _mode: Option<String>) -> Result<(), JsValue> {
        let n = count("step", n, MAX_STEPS_PER_CALL)? as u64;
        let mut s = self.inner.borrow_mut();
        let total: u64 = s.counts.iter().sum();
        let n = n.min(MAX_ROLLS.saturating_sub(total));
        roll_into(&mut s, n);
        Ok(())
    }

    #[wasm_bindgen(js_name = lastFrame)]
    pub fn last_frame(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.borrow().frame(false))
    }

    pub fn frame(&self) -> Promise {
        let f = self.last_frame();
        future_to_promise(async move { f })
    }

    /// `n` fresh rolls (faces 1 to 6), not added to the tally.
    pub fn sample(&self, n: f64) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            let n = count("sample", n, MAX_SAMPLES)?;
            let s = inner.borrow();
            let mut rng = StdRng::seed_from_u64(s.config.seed ^ 0x5EED);
            let counts = s.config.die().roll(&mut rng, n);
            let faces: Vec<u8> = (0..6u8)
                .flat_map(|f| std::iter::repeat_n(f + 1, counts[f as usize] as usize))
                .collect();
            to_js(&faces)
        })
    }

    #[wasm_bindgen(js_name = exportWeights)]
    pub fn export_weights(&self) -> Promise {
        future_to_promise(async {
            Err(js_error(
                "exportWeights: the dice lesson has no model to export",
            ))
        })
    }

    #[wasm_bindgen(js_name = importWeights)]
    pub fn import_weights(&self, _bytes: &[u8]) -> Promise {
        future_to_promise(async {
            Err(js_error(
                "importWeights: the dice lesson has no model to import into",
            ))
        })
    }

    /// Back to N rolls from the seed.
    pub fn reset(&self) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            let config = inner.borrow().config.clone();
            *inner.borrow_mut() = Inner::fresh(config);
            to_js(&inner.borrow().frame(true))
        })
    }
}
