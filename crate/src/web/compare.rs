//! `Compare`: the lecture's first contrast, side by side on the same two moons.
//! A discriminative model learns p(y | x) (a classifier, trained on labels);
//! a generative model learns p(x) (the 2-D GAN, trained on the points alone).
//! Both are small and run on burn's CPU backend.

use std::cell::RefCell;
use std::rc::Rc;

use burn::tensor::Device;
use js_sys::Promise;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use super::playground::{count, js_error, to_js};
use crate::config::Config2d;
use crate::data::Dataset2d;
use crate::train::classifier::{Classifier2d, ClassifierFrame, MOONS_NOISE};
use crate::train::{Frame2d, StepMode, Trainer2d};

struct Inner {
    classifier: Classifier2d,
    gan: Trainer2d,
}

#[wasm_bindgen]
pub struct Compare {
    inner: Rc<RefCell<Inner>>,
}

#[derive(Serialize)]
struct Frame {
    classifier: ClassifierFrame,
    gan: Frame2d,
}

#[wasm_bindgen]
impl Compare {
    /// A fresh classifier and GAN from `seed`.
    #[wasm_bindgen(constructor)]
    pub fn new(seed: f64) -> Result<Compare, JsValue> {
        if !(seed.is_finite()
            && seed >= 0.0
            && seed.fract() == 0.0
            && seed <= 9_007_199_254_740_991.0)
        {
            return Err(js_error("Compare: seed must be a non-negative integer"));
        }
        let device = Device::flex();
        let config = Config2d {
            dataset: Dataset2d::Moons { noise: MOONS_NOISE },
            seed: seed as u64,
            ..Config2d::default()
        };
        Ok(Compare {
            inner: Rc::new(RefCell::new(Inner {
                classifier: Classifier2d::new(seed as u64, &device),
                gan: Trainer2d::new(&config, &device),
            })),
        })
    }

    /// `n` steps of each model.
    pub fn step(&self, n: f64) -> Result<(), JsValue> {
        let n = count("step", n, 10_000.0)?;
        let mut s = self.inner.borrow_mut();
        for _ in 0..n {
            s.classifier.step();
            s.gan.step(StepMode::Both);
        }
        Ok(())
    }

    /// Resolves to `{ classifier, gan }`: both models' frames.
    pub fn frame(&self) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            let (c, g) = {
                let s = inner.borrow();
                (s.classifier.begin_frame(), s.gan.begin_frame())
            };
            let frame = Frame {
                classifier: c.read().await.map_err(js_error)?,
                gan: g.read().await.map_err(js_error)?,
            };
            to_js(&frame)
        })
    }
}
