//! `FacesLesson`: the faces lesson's DCGAN, its views (the 8 × 8 grid, the
//! fixed-noise timeline, slerp walks, latent sliders, real samples) and the
//! live structure score, exported to JS with the call surface `GanApi` drives.
//!
//! Every read from the device is one asynchronous transaction; no borrow of
//! the state is held across an `await`. Images cross to JS as RGBA bytes,
//! tile after tile (`n × size × size × 4`), ready for `ImageData`.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use js_sys::{Promise, Uint8Array};
use rand::rngs::StdRng;
use rand::SeedableRng;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

mod uploads;
mod views;

use super::backend::{select, ActiveBackend};
use super::playground::{count, js_error, patch_from_js, to_js, MAX_STEPS_PER_CALL};
use crate::checkpoint::Checkpoint;
use crate::config::{ConfigFaces, FacesDataset};
use crate::data::gaussian_latent;
use crate::image::rgba;
use crate::train::filmstrip::Filmstrip;
use crate::train::structure::{Structure, SHIPPED, SLIDERS};
use crate::train::trainer_faces::{FaceData, FacesSetup, TrainerFaces};
use uploads::{at_resolution, rescore_uploads};

/// Faces in the grid, and in each column of the timeline (its first 8).
const GRID: usize = 64;
const TIMELINE_FACES: usize = 8;
/// The timeline's first spacing in steps, and its most columns (beyond, it thins out).
const TIMELINE_EVERY: u64 = 100;
const TIMELINE_MAX: usize = 12;
/// Most images one sample or walk call returns, and most uploaded images.
const MAX_IMAGES: f64 = 1024.0;

#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MetricsFaces {
    /// Fréchet distance of the regressor's predicted parameters, G's grid against the real faces.
    structure: Option<f64>,
}

#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FrameFaces {
    step: u64,
    loss_d: Option<f64>,
    loss_g: Option<f64>,
    metrics: MetricsFaces,
    /// The step the grid was drawn at (it redraws every `refreshEvery` steps).
    images_step: Option<u64>,
    /// Changes when the timeline gains a column or restarts.
    timeline_version: u64,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Pretrained {
    /// Whether the current model started from the shipped generator.
    used: bool,
    /// The step the shipped file was trained to.
    step: Option<u64>,
    /// Why it was not used, when it was not.
    note: Option<String>,
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
    metrics: MetricsFaces,
    config: &'a ConfigFaces,
    pretrained: Pretrained,
    uploaded: usize,
    dataset_note: Option<&'a str>,
    resolution: usize,
    sliders: Vec<&'static str>,
}

struct Inner {
    config: ConfigFaces,
    trainer: TrainerFaces,
    backend: ActiveBackend,
    /// The regressor with the procedural faces' statistics, and with the uploads'.
    structure: Structure,
    structure_uploaded: Option<Structure>,
    pretrained: Option<Rc<Vec<u8>>>,
    pretrained_step: Option<u64>,
    pretrained_used: bool,
    pretrained_note: Option<String>,
    /// Uploaded images `[n][64][64][3]` in [0, 1].
    uploaded: Option<(Arc<Vec<f32>>, usize)>,
    grid_z: Vec<f32>,
    grid: Vec<u8>,
    /// The first 8 grid faces' RGBA bytes at each timeline mark.
    timeline: Filmstrip<Vec<u8>>,
    directions: Option<Vec<Vec<f32>>>,
    rng: StdRng,
    last: FrameFaces,
    /// Why the dataset is not the one asked for at creation, if it is not.
    dataset_note: Option<String>,
}

#[wasm_bindgen]
pub struct FacesLesson {
    inner: Rc<RefCell<Inner>>,
}

impl Inner {
    fn state(&self) -> State<'_> {
        State {
            step: self.trainer.step_count(),
            backend: self.backend.kind,
            adapter: self.backend.adapter.as_deref(),
            backend_reason: self.backend.reason.as_deref(),
            loss_d: self.last.loss_d,
            loss_g: self.last.loss_g,
            metrics: self.last.metrics.clone(),
            config: &self.config,
            pretrained: Pretrained {
                used: self.pretrained_used,
                step: self.pretrained_step,
                note: self.pretrained_note.clone(),
            },
            uploaded: self.uploaded.as_ref().map_or(0, |u| u.1),
            dataset_note: self.dataset_note.as_deref(),
            resolution: self.config.resolution,
            sliders: SLIDERS.iter().map(|s| s.0).collect(),
        }
    }

    /// A fresh model for `config`: the shipped generator when asked for and
    /// its shape matches, otherwise from the seed.
    fn build(&mut self) {
        let config = self.config.clone();
        let device = self.backend.device.clone();
        self.pretrained_used = false;
        self.pretrained_note = None;
        let mut trainer = None;
        if config.pretrained {
            match self.pretrained.as_ref() {
                None => {
                    self.pretrained_note =
                        Some("the pretrained generator could not be loaded".into())
                }
                Some(bytes) => match Checkpoint::<FacesSetup>::decode(bytes) {
                    Err(e) => self.pretrained_note = Some(format!("the pretrained file: {e}")),
                    Ok(ck) => {
                        self.pretrained_step = Some(ck.step);
                        let s = &ck.config;
                        let shape = |c: &FacesSetup| (c.resolution, c.ngf, c.ndf, c.latent_dim);
                        if shape(s) != shape(&config.setup()) {
                            self.pretrained_note = Some(format!(
                                "the pretrained generator is {r}×{r} with ngf {g}, ndf {d} and a {k}-D latent; this model differs, so it starts from scratch",
                                r = s.resolution,
                                g = s.ngf,
                                d = s.ndf,
                                k = s.latent_dim
                            ));
                        } else {
                            match TrainerFaces::from_checkpoint(&ck, &device) {
                                Ok(mut t) => {
                                    t.set_live(&config.setup());
                                    trainer = Some(t);
                                    self.pretrained_used = true;
                                }
                                Err(e) => {
                                    self.pretrained_note = Some(format!("the pretrained file: {e}"))
                                }
                            }
                        }
                    }
                },
            }
        }
        self.trainer = trainer.unwrap_or_else(|| TrainerFaces::new(&config.setup(), &device));
        self.apply_data();
        let mut rng = StdRng::seed_from_u64(config.seed ^ 0x6121D);
        self.grid_z = gaussian_latent(&mut rng, GRID, config.latent_dim);
        self.rng = StdRng::seed_from_u64(config.seed ^ 0x5A3F1E);
        self.grid.clear();
        self.timeline.restart(self.trainer.step_count());
        self.directions = None;
        self.last = FrameFaces::default();
    }

    /// Points the trainer at the configured dataset.
    fn apply_data(&mut self) {
        let data = match (&self.config.dataset, &self.uploaded) {
            (FacesDataset::Uploaded, Some((pixels, n))) => FaceData::Images {
                pixels: Arc::new(at_resolution(pixels, self.config.resolution)),
                n: *n,
            },
            _ => FaceData::Procedural,
        };
        self.trainer.set_data(data);
    }

    fn scorer(&self) -> &Structure {
        match (&self.config.dataset, &self.structure_uploaded) {
            (FacesDataset::Uploaded, Some(s)) => s,
            _ => &self.structure,
        }
    }

    /// Whether the next frame should redraw the grid.
    fn images_due(&self) -> bool {
        let step = self.trainer.step_count();
        match self.last.images_step {
            None => true,
            Some(at) => {
                step >= at + self.config.refresh_every as u64 || self.timeline.due(step, Some(at))
            }
        }
    }

    /// Keeps the first faces of a fresh grid as a timeline column when a mark is due.
    fn note_timeline(&mut self, step: u64) {
        let bytes = TIMELINE_FACES * self.config.resolution.pow(2) * 4;
        let grid = &self.grid;
        self.timeline.note(step, || grid[..bytes].to_vec());
    }
}

/// Reads what a frame needs: the losses, and the grid with its structure score when due.
async fn refresh(inner: &Rc<RefCell<Inner>>) -> Result<FrameFaces, JsValue> {
    let (pending, with_images) = {
        let s = inner.borrow();
        if s.images_due() {
            let net = &s.scorer().net;
            (s.trainer.begin_view(s.grid_z.clone(), Some(net)), true)
        } else {
            (s.trainer.begin_losses(), false)
        }
    };
    let view = pending.read_view().await.map_err(js_error)?;
    let mut s = inner.borrow_mut();
    let step = s.trainer.step_count();
    s.last.step = step;
    if let Some((d, g)) = view.losses {
        s.last.loss_d = Some(d);
        s.last.loss_g = Some(g);
    }
    if with_images {
        s.grid = rgba(&view.images);
        s.last.images_step = Some(step);
        s.last.metrics.structure = view.predictions.as_ref().map(|p| s.scorer().score(p));
        s.note_timeline(step);
    }
    s.last.timeline_version = s.timeline.version();
    Ok(s.last.clone())
}

async fn refreshed_state(inner: &Rc<RefCell<Inner>>) -> Result<JsValue, JsValue> {
    inner.borrow_mut().last.images_step = None; // a change redraws the grid
    refresh(inner).await?;
    let state = to_js(&inner.borrow().state());
    state
}

#[wasm_bindgen]
impl FacesLesson {
    /// `FacesLesson.create(partialConfig, pretrained?)`: `pretrained` is the
    /// shipped generator's safetensors bytes (or null). Rejects on a bad config.
    pub fn create(patch: JsValue, pretrained: Option<Vec<u8>>) -> Promise {
        future_to_promise(async move {
            let mut config = ConfigFaces::default()
                .apply(&patch_from_js(patch)?)
                .map_err(js_error)?;
            // A saved config or a link may say "uploaded", but images are never
            // kept or shared: start on the procedural faces and say so.
            let dataset_note = (config.dataset == FacesDataset::Uploaded).then(|| {
                config.dataset = FacesDataset::Procedural;
                "your images are not kept across page loads or in links: load them again"
                    .to_string()
            });
            let backend = select(config.backend, false).await.map_err(js_error)?;
            let structure = Structure::from_bytes(SHIPPED, &backend.device)
                .map_err(|e| js_error(format!("the structure regressor: {e}")))?;
            let trainer = TrainerFaces::new(&config.setup(), &backend.device);
            let mut inner = Inner {
                config,
                trainer,
                backend,
                structure,
                structure_uploaded: None,
                pretrained: pretrained.filter(|b| !b.is_empty()).map(Rc::new),
                pretrained_step: None,
                pretrained_used: false,
                pretrained_note: None,
                uploaded: None,
                grid_z: Vec::new(),
                grid: Vec::new(),
                timeline: Filmstrip::new(0, TIMELINE_EVERY, TIMELINE_MAX),
                directions: None,
                rng: StdRng::seed_from_u64(0),
                last: FrameFaces::default(),
                dataset_note,
            };
            inner.build();
            let inner = Rc::new(RefCell::new(inner));
            refresh(&inner).await?;
            Ok(FacesLesson { inner }.into())
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
            let (old, has_uploads) = {
                let s = inner.borrow();
                (s.config.clone(), s.uploaded.is_some())
            };
            let new = old.apply(&patch).map_err(js_error)?;
            if new.dataset == FacesDataset::Uploaded && !has_uploads {
                return Err(js_error(
                    "`dataset: \"uploaded\"` needs your images first: drop them on the dataset panel",
                ));
            }
            let backend = if new.backend != old.backend {
                Some(select(new.backend, true).await.map_err(js_error)?)
            } else {
                None
            };
            let structure = match &backend {
                Some(b) => Some(
                    Structure::from_bytes(SHIPPED, &b.device)
                        .map_err(|e| js_error(format!("the structure regressor: {e}")))?,
                ),
                None => None,
            };
            {
                let mut s = inner.borrow_mut();
                if let (Some(b), Some(st)) = (backend, structure) {
                    s.backend = b;
                    s.structure = st;
                    s.structure_uploaded = None;
                }
                s.config = new.clone();
                if new.needs_reset_from(&old) {
                    s.build();
                } else {
                    s.trainer.set_live(&new.setup());
                    if new.dataset != old.dataset {
                        s.apply_data();
                    }
                }
            }
            rescore_uploads(&inner).await?;
            refreshed_state(&inner).await
        })
    }

    /// Enqueues `n` D+G steps.
    pub fn step(&self, n: f64, mode: Option<String>) -> Result<(), JsValue> {
        if mode.is_some() {
            return Err(js_error(
                "step: a mode (\"d\" or \"g\") is for the 2-D lab; the faces lesson steps D and G together",
            ));
        }
        let n = count("step", n, MAX_STEPS_PER_CALL)?;
        let mut s = self.inner.borrow_mut();
        for _ in 0..n {
            s.trainer.step();
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

    /// Resolves to a `Uint8Array`: G, D and the setup as safetensors.
    #[wasm_bindgen(js_name = exportWeights)]
    pub fn export_weights(&self) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            let pending = inner.borrow().trainer.begin_export();
            let bytes = pending.read().await.map_err(js_error)?;
            Ok(Uint8Array::from(bytes.as_slice()).into())
        })
    }

    /// Replaces G, D, the shape and the step with a faces weight file's (the
    /// backend, dataset and pacing stay), or G with a PyTorch-tutorial DCGAN
    /// `netG` checkpoint's (D starts afresh). A bad file rejects and changes nothing.
    #[wasm_bindgen(js_name = importWeights)]
    pub fn import_weights(&self, bytes: &[u8]) -> Promise {
        let inner = self.inner.clone();
        let bytes = bytes.to_vec();
        future_to_promise(async move {
            let fail = |e: &dyn std::fmt::Display| js_error(format!("importWeights: {e}"));
            let (device, base) = {
                let s = inner.borrow();
                (s.backend.device.clone(), s.config.setup())
            };
            // A zip is a PyTorch checkpoint (the DCGAN tutorial's netG); else our safetensors.
            let trainer = if bytes.starts_with(b"PK") {
                TrainerFaces::from_torch_generator(&bytes, &base, &device)
                    .map_err(|e| fail(&format!("a PyTorch checkpoint, but {e}")))?
            } else {
                let ck = Checkpoint::<FacesSetup>::decode(&bytes).map_err(|e| fail(&e))?;
                TrainerFaces::from_checkpoint(&ck, &device).map_err(|e| fail(&e))?
            };
            {
                let mut s = inner.borrow_mut();
                let config = s.config.with_setup(trainer.setup());
                // The new shape, without the pretrained file: then the imported model.
                s.config = ConfigFaces {
                    pretrained: false,
                    ..config
                };
                s.build();
                s.trainer = trainer;
                s.apply_data();
                let start = s.trainer.step_count();
                s.timeline.restart(start);
            }
            refreshed_state(&inner).await
        })
    }

    pub fn reset(&self) -> Promise {
        let inner = self.inner.clone();
        future_to_promise(async move {
            inner.borrow_mut().build();
            refreshed_state(&inner).await
        })
    }
}
