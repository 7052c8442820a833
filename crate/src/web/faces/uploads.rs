//! Your own images: taken from the JS shell as 64 × 64 RGBA tiles (it has
//! decoded, centre-cropped and resized them in the page), kept for
//! `dataset: "uploaded"`, and scored by the regressor as that dataset's real faces.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use super::{refreshed_state, FacesLesson, Inner, MAX_IMAGES};
use crate::image::{from_rgba, halve};
use crate::train::structure::predict_host;
use crate::web::playground::{count, js_error};

/// The side uploads arrive at (the JS shell centre-crops and resizes to it).
pub(super) const UPLOAD_SIZE: usize = 64;

/// The uploads at the model's resolution.
pub(super) fn at_resolution(pixels: &[f32], resolution: usize) -> Vec<f32> {
    if resolution == UPLOAD_SIZE {
        pixels.to_vec()
    } else {
        halve(pixels, UPLOAD_SIZE)
    }
}

#[wasm_bindgen]
impl FacesLesson {
    /// Takes the user's images: `n` RGBA tiles of 64 × 64 (the shell has
    /// centre-cropped and resized them), kept for `dataset: "uploaded"` and
    /// scored by the regressor as that dataset's real faces. Resolves to the state.
    #[wasm_bindgen(js_name = setImages)]
    pub fn set_images(&self, bytes: &[u8], n: f64) -> Promise {
        let inner = self.inner.clone();
        let result = count("setImages", n, MAX_IMAGES).and_then(|n| {
            let want = n * UPLOAD_SIZE * UPLOAD_SIZE * 4;
            if bytes.len() == want {
                Ok((n, from_rgba(bytes)))
            } else {
                Err(js_error(format!(
                    "setImages: {n} images of {UPLOAD_SIZE}×{UPLOAD_SIZE} RGBA are {want} bytes; got {}",
                    bytes.len()
                )))
            }
        });
        future_to_promise(async move {
            let (n, pixels) = result?;
            {
                let mut s = inner.borrow_mut();
                s.uploaded = Some((Arc::new(pixels), n));
                s.dataset_note = None;
                s.structure_uploaded = None;
                s.apply_data();
            }
            rescore_uploads(&inner).await?;
            refreshed_state(&inner).await
        })
    }
}

/// After the uploads or the backend change: the regressor's statistics on the uploads.
pub(super) async fn rescore_uploads(inner: &Rc<RefCell<Inner>>) -> Result<(), JsValue> {
    let (net, device, pixels, n) = {
        let s = inner.borrow();
        let Some((pixels, n)) = s.uploaded.clone() else {
            return Ok(());
        };
        if s.structure_uploaded.is_some() {
            return Ok(());
        }
        (s.structure.net.clone(), s.backend.device.clone(), pixels, n)
    };
    let pred = predict_host(&net, &pixels, n, UPLOAD_SIZE, &device)
        .await
        .map_err(js_error)?;
    let mut s = inner.borrow_mut();
    let scored = s.structure.with_real(&pred);
    s.structure_uploaded = Some(scored);
    Ok(())
}
