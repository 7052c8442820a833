//! The faces lesson's views: the grid and the timeline as drawn last, fresh
//! samples, the slerp walk, the latent sliders and real samples. Each reads
//! G (and the regressor) in one transaction and hands RGBA tiles to JS.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Promise, Uint8Array, Uint8ClampedArray};
use rand::rngs::StdRng;
use rand::SeedableRng;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use super::uploads::{at_resolution, UPLOAD_SIZE};
use super::{FacesLesson, Inner, GRID, MAX_IMAGES};
use crate::config::FacesDataset;
use crate::data::{faces::faces, gaussian_latent, slerp};
use crate::image::rgba;
use crate::train::structure::{fit_directions, SLIDERS};
use crate::web::playground::{count, js_error, to_js};

/// Latents the sliders' directions are fitted on.
const DIRECTION_SAMPLES: usize = 256;

/// G on `z` (`[n][latent]`), read back as RGBA tiles.
async fn render(inner: &Rc<RefCell<Inner>>, z: Vec<f32>) -> Result<Vec<u8>, JsValue> {
    let pending = inner.borrow().trainer.begin_images(z);
    let (images, _) = pending.read().await.map_err(js_error)?;
    Ok(rgba(&images))
}

/// The index of a grid face from JS, or `None` for "a random one" (−1).
fn grid_index(what: &str, i: f64) -> Result<Option<usize>, JsValue> {
    if i == -1.0 {
        return Ok(None);
    }
    if i.is_finite() && i.fract() == 0.0 && (0.0..GRID as f64).contains(&i) {
        Ok(Some(i as usize))
    } else {
        Err(js_error(format!(
            "{what}: a face is a grid index in 0..={} or −1 for a random one; got {i}",
            GRID - 1
        )))
    }
}

#[wasm_bindgen]
impl FacesLesson {
    /// The 8 × 8 grid as it was last drawn: 64 RGBA tiles (`64 × s × s × 4` bytes).
    #[wasm_bindgen(js_name = gridPixels)]
    pub fn grid_pixels(&self) -> Uint8Array {
        Uint8Array::from(self.inner.borrow().grid.as_slice())
    }

    /// The fixed-noise timeline: `{ steps: [..], pixels: Uint8Array }`, each
    /// column the same 8 latents' faces at that step.
    pub fn timeline(&self) -> Result<JsValue, JsValue> {
        let s = self.inner.borrow();
        let steps = Array::new();
        let mut bytes = Vec::new();
        for (step, column) in s.timeline.columns() {
            steps.push(&JsValue::from_f64(*step as f64));
            bytes.extend_from_slice(column);
        }
        let out = js_sys::Object::new();
        js_sys::Reflect::set(&out, &"steps".into(), &steps)?;
        js_sys::Reflect::set(&out, &"pixels".into(), &Uint8Array::from(bytes.as_slice()))?;
        Ok(out.into())
    }

    /// Resolves to `n` faces of G on fresh latents, each a `Uint8ClampedArray`
    /// of RGBA pixels at the model's resolution.
    pub fn sample(&self, n: f64) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            let n = count("sampleImages", n, MAX_IMAGES)?;
            let z = {
                let mut s = inner.borrow_mut();
                let k = s.config.latent_dim;
                gaussian_latent(&mut s.rng, n, k)
            };
            let size = inner.borrow().config.resolution;
            let bytes = render(&inner, z).await?;
            let out = Array::new();
            for tile in bytes.chunks_exact(size * size * 4) {
                out.push(&Uint8ClampedArray::from(tile));
            }
            Ok(out.into())
        })
    }

    /// Resolves to `frames` RGBA tiles walking the great circle from face `a`
    /// to face `b` of the grid (−1: a random latent).
    pub fn interpolate(&self, a: f64, b: f64, frames: f64) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            let (a, b) = (grid_index("interpolate", a)?, grid_index("interpolate", b)?);
            let frames = count("interpolate", frames, 256.0)?.max(2);
            let z = {
                let mut s = inner.borrow_mut();
                let k = s.config.latent_dim;
                let pick = |i: Option<usize>, s: &mut Inner| match i {
                    Some(i) => s.grid_z[i * k..(i + 1) * k].to_vec(),
                    None => gaussian_latent(&mut s.rng, 1, k),
                };
                let za = pick(a, &mut s);
                let zb = pick(b, &mut s);
                (0..frames)
                    .flat_map(|f| slerp(&za, &zb, f as f32 / (frames - 1) as f32))
                    .collect()
            };
            Ok(Uint8Array::from(render(&inner, z).await?.as_slice()).into())
        })
    }

    /// Fits the sliders' latent directions to the current G (see
    /// [`fit_directions`]); resolves to their names.
    #[wasm_bindgen(js_name = fitDirections)]
    pub fn fit_directions(&self) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            fit(&inner).await?;
            to_js(&SLIDERS.iter().map(|s| s.0).collect::<Vec<_>>())
        })
    }

    /// Resolves to one RGBA tile: grid face `face` moved `values[j]` units
    /// along slider j's direction (fitted first if it was not).
    pub fn slide(&self, face: f64, values: Vec<f64>) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            let i = grid_index("slide", face)?
                .ok_or_else(|| js_error("slide: pick a grid face (0..=63)"))?;
            if values.len() != SLIDERS.len()
                || values.iter().any(|v| !v.is_finite() || v.abs() > 10.0)
            {
                return Err(js_error(format!(
                    "slide: values must be {} numbers in −10..=10, one per slider",
                    SLIDERS.len()
                )));
            }
            if inner.borrow().directions.is_none() {
                fit(&inner).await?;
            }
            let z = {
                let s = inner.borrow();
                let k = s.config.latent_dim;
                let mut z = s.grid_z[i * k..(i + 1) * k].to_vec();
                for (dir, &v) in s.directions.as_ref().expect("fitted").iter().zip(&values) {
                    for (zk, dk) in z.iter_mut().zip(dir) {
                        *zk += v as f32 * dk;
                    }
                }
                z
            };
            Ok(Uint8Array::from(render(&inner, z).await?.as_slice()).into())
        })
    }

    /// `n` real faces of the current dataset as RGBA tiles at the model's
    /// resolution: fresh procedural ones (from a fixed seed), or the uploads.
    #[wasm_bindgen(js_name = realPixels)]
    pub fn real_pixels(&self, n: f64) -> Result<Uint8Array, JsValue> {
        let n = count("realPixels", n, MAX_IMAGES)?;
        let s = self.inner.borrow();
        let size = s.config.resolution;
        let images = match (&s.config.dataset, &s.uploaded) {
            (FacesDataset::Uploaded, Some((pixels, count))) => {
                let m = n.min(*count);
                at_resolution(&pixels[..m * UPLOAD_SIZE * UPLOAD_SIZE * 3], size)
            }
            _ => faces(&mut StdRng::seed_from_u64(s.config.seed ^ 0xDA7A), n, size).0,
        };
        Ok(Uint8Array::from(rgba(&images).as_slice()))
    }
}

/// Fits the sliders' directions on fresh latents, through G and the regressor.
async fn fit(inner: &Rc<RefCell<Inner>>) -> Result<(), JsValue> {
    let (pending, z, k) = {
        let mut s = inner.borrow_mut();
        let k = s.config.latent_dim;
        let z = gaussian_latent(&mut s.rng, DIRECTION_SAMPLES, k);
        let p = s.trainer.begin_view(z.clone(), Some(&s.structure.net));
        (p, z, k)
    };
    let view = pending.read_view().await.map_err(js_error)?;
    let pred = view
        .predictions
        .ok_or_else(|| js_error("the regressor's predictions are missing"))?;
    inner.borrow_mut().directions = Some(fit_directions(&z, k, &pred));
    Ok(())
}
