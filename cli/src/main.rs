//! `gan-train`: trains a lesson's model natively (the same model code as the
//! browser), on flex or wgpu, with a progress bar (indicatif), periodic safetensors
//! checkpoints (the files the page imports) and, for faces, sample grids.
//!
//!   cargo run --release --bin gan-train -- --lesson faces --steps 2000 --every 500 --out runs/faces
//!   cargo run --release --bin gan-train -- --lesson 2d --config '{"loss":"wgan-gp","dSteps":5}' --steps 3000
//!   cargo run --release --bin gan-train -- --resume runs/faces/faces-step2000.safetensors --steps 1000
//!   cargo run --release --bin gan-train -- --lesson structure --steps 3000 --f16 --out runs/structure
//!
//! `--lesson structure` trains the faces lesson's structure regressor (the CNN
//! that predicts the procedural parameters) instead of a GAN. `--f16` writes the
//! weight files in f16, as the page ships them.

use std::path::{Path, PathBuf};
use std::time::Instant;

use burn::tensor::Device;
use gan_playground::checkpoint::{Checkpoint, Checkpoint1d, Checkpoint2d, LESSON_KEY};
use gan_playground::config::{Config1d, Config2d};
use gan_playground::data::gaussian_latent;
use gan_playground::image::{grid, png};
use gan_playground::train::structure::{StructureSetup, StructureTrainer};
use gan_playground::train::trainer_faces::{FacesSetup, TrainerFaces};
use gan_playground::train::{StepMode, Trainer1d, Trainer2d};
use rand::SeedableRng;

const USAGE: &str =
    "usage: gan-train [--lesson 1d|2d|faces|structure] [--steps N] [--every K] [--out DIR]
                 [--resume FILE] [--backend flex|wgpu] [--config JSON] [--f16]
                 [--resolution 32|64] [--ngf N] [--ndf N] [--batch N] [--seed N]";

struct Args {
    lesson: String,
    steps: u64,
    every: u64,
    out: PathBuf,
    resume: Option<PathBuf>,
    backend: String,
    config: serde_json::Value,
    faces: FacesSetup,
    structure: StructureSetup,
    f16: bool,
}

fn parse() -> Result<Args, String> {
    let mut a = Args {
        lesson: "faces".into(),
        steps: 1000,
        every: 0,
        out: PathBuf::from("runs"),
        resume: None,
        backend: "flex".into(),
        config: serde_json::json!({}),
        faces: FacesSetup::default(),
        structure: StructureSetup::default(),
        f16: false,
    };
    let mut batch = None;
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || {
            it.next()
                .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))
        };
        let num = |v: String| {
            v.parse::<u64>()
                .map_err(|_| format!("{flag} takes a whole number; got {v:?}"))
        };
        match flag.as_str() {
            "--lesson" => a.lesson = value()?,
            "--steps" => a.steps = num(value()?)?,
            "--every" => a.every = num(value()?)?,
            "--out" => a.out = PathBuf::from(value()?),
            "--resume" => a.resume = Some(PathBuf::from(value()?)),
            "--backend" => a.backend = value()?,
            "--config" => {
                a.config = serde_json::from_str(&value()?)
                    .map_err(|e| format!("--config is not JSON: {e}"))?
            }
            "--resolution" => a.faces.resolution = num(value()?)? as usize,
            "--ngf" => a.faces.ngf = num(value()?)? as usize,
            "--ndf" => a.faces.ndf = num(value()?)? as usize,
            "--batch" => batch = Some(num(value()?)? as usize),
            "--f16" => a.f16 = true,
            "--seed" => {
                a.faces.seed = num(value()?)?;
                a.structure.seed = a.faces.seed;
            }
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown option {other:?}\n{USAGE}")),
        }
    }
    if !["1d", "2d", "faces", "structure"].contains(&a.lesson.as_str()) {
        return Err(format!(
            "--lesson must be 1d, 2d, faces or structure; got {:?}",
            a.lesson
        ));
    }
    if let Some(b) = batch {
        a.faces.batch = b;
        a.structure.batch = b;
    }
    Ok(a)
}

fn device(name: &str) -> Result<Device, String> {
    match name {
        "flex" => Ok(Device::flex()),
        "wgpu" => Device::wgpu_options()
            .init()
            .map_err(|e| format!("no wgpu adapter: {e:?}")),
        other => Err(format!("--backend must be flex or wgpu; got {other:?}")),
    }
}

/// One trainer, whichever the lesson: steps, losses, and a weight file.
enum Run {
    OneD(Trainer1d),
    TwoD(Trainer2d),
    Faces(TrainerFaces),
    Structure(StructureTrainer),
}

impl Run {
    fn step(&mut self) {
        match self {
            Run::OneD(t) => t.step(),
            Run::TwoD(t) => t.step(StepMode::Both),
            Run::Faces(t) => t.step(),
            Run::Structure(t) => t.step(),
        }
    }
    fn count(&self) -> u64 {
        match self {
            Run::OneD(t) => t.step_count(),
            Run::TwoD(t) => t.step_count(),
            Run::Faces(t) => t.step_count(),
            Run::Structure(t) => t.step_count(),
        }
    }
    fn lesson(&self) -> &'static str {
        match self {
            Run::OneD(_) => "1d",
            Run::TwoD(_) => "2d",
            Run::Faces(_) => "faces",
            Run::Structure(_) => "structure",
        }
    }
    /// The last step's losses as the progress line shows them (this syncs the device).
    fn message(&self) -> Option<String> {
        if let Run::Structure(t) = self {
            let l = pollster::block_on(t.loss()).ok()??;
            return Some(format!("loss {l:.4}"));
        }
        let (d, g) = self.losses()?;
        Some(format!("loss D {d:.3} · loss G {g:.3}"))
    }
    /// (D loss, G loss) of the last step, read back (this syncs the device).
    fn losses(&self) -> Option<(f64, f64)> {
        match self {
            Run::Structure(_) => None,
            Run::OneD(t) => pollster::block_on(t.begin_frame().read())
                .ok()
                .and_then(|f| Some((f.loss_d?, f.loss_g?))),
            Run::TwoD(t) => pollster::block_on(t.begin_frame().read())
                .ok()
                .and_then(|f| Some((f.loss_d?, f.loss_g?))),
            Run::Faces(t) => {
                pollster::block_on(t.begin_images(vec![0.0; t.setup().latent_dim]).read())
                    .ok()
                    .and_then(|(_, l)| l)
            }
        }
    }
    fn weights(&self, f16: bool) -> Vec<u8> {
        let read = |r: Result<Vec<u8>, _>| r.expect("weights read back");
        let bytes = match self {
            Run::OneD(t) => read(pollster::block_on(t.begin_export().read())),
            Run::TwoD(t) => read(pollster::block_on(t.begin_export().read())),
            Run::Faces(t) => read(pollster::block_on(t.begin_export().read())),
            Run::Structure(t) => return read(pollster::block_on(t.export(f16))),
        };
        if !f16 {
            return bytes;
        }
        match self {
            Run::OneD(_) => Checkpoint1d::decode(&bytes).expect("own file").encode_f16(),
            Run::TwoD(_) => Checkpoint2d::decode(&bytes).expect("own file").encode_f16(),
            _ => Checkpoint::<FacesSetup>::decode(&bytes)
                .expect("own file")
                .encode_f16(),
        }
    }
}

/// Which lesson a weight file is for, from its metadata.
fn lesson_of(bytes: &[u8]) -> Result<String, String> {
    let (_, meta) = safetensors::SafeTensors::read_metadata(bytes)
        .map_err(|e| format!("not a safetensors file: {e}"))?;
    meta.metadata()
        .as_ref()
        .and_then(|m| m.get(LESSON_KEY).cloned())
        .ok_or_else(|| "the file does not say which lesson it is for".into())
}

fn start(a: &Args, dev: &Device) -> Result<Run, String> {
    if let Some(path) = &a.resume {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let fail = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
        return match lesson_of(&bytes).map_err(|e| fail(&e))?.as_str() {
            "1d" => {
                let ck = Checkpoint1d::decode(&bytes).map_err(|e| fail(&e))?;
                Ok(Run::OneD(
                    Trainer1d::from_checkpoint(&ck, dev).map_err(|e| fail(&e))?,
                ))
            }
            "2d" => {
                let ck = Checkpoint2d::decode(&bytes).map_err(|e| fail(&e))?;
                Ok(Run::TwoD(
                    Trainer2d::from_checkpoint(&ck, dev).map_err(|e| fail(&e))?,
                ))
            }
            "faces" => {
                let ck = Checkpoint::<FacesSetup>::decode(&bytes).map_err(|e| fail(&e))?;
                Ok(Run::Faces(
                    TrainerFaces::from_checkpoint(&ck, dev).map_err(|e| fail(&e))?,
                ))
            }
            "structure" => Err(fail(
                &"a structure regressor's file; train one afresh with --lesson structure",
            )),
            other => Err(fail(&format!(
                "a weight file for the {other:?} lesson, which this trainer does not train"
            ))),
        };
    }
    match a.lesson.as_str() {
        "1d" => Ok(Run::OneD(Trainer1d::new(
            &Config1d::default().apply(&a.config).map_err(|e| e.0)?,
            dev,
        ))),
        "2d" => Ok(Run::TwoD(Trainer2d::new(
            &Config2d::default().apply(&a.config).map_err(|e| e.0)?,
            dev,
        ))),
        "structure" => Ok(Run::Structure(StructureTrainer::new(&a.structure, dev))),
        _ => {
            use gan_playground::checkpoint::LessonConfig;
            // The flags, then --config's keys on top (say, {"loss":"hinge"}).
            let mut value = serde_json::to_value(&a.faces).expect("the setup serialises");
            if let (Some(to), Some(from)) = (value.as_object_mut(), a.config.as_object()) {
                to.extend(from.clone());
            }
            let setup = FacesSetup::from_json(&value).map_err(|e| e.0)?;
            Ok(Run::Faces(TrainerFaces::new(&setup, dev)))
        }
    }
}

/// Writes the weight file, and for faces an 8 × 8 grid of the same 64 latents.
fn save(run: &Run, out: &Path, f16: bool) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let stem = format!("{}-step{}", run.lesson(), run.count());
    let weights = out.join(format!("{stem}.safetensors"));
    std::fs::write(&weights, run.weights(f16))
        .map_err(|e| format!("{}: {e}", weights.display()))?;
    let mut written = vec![weights];
    if let Run::Faces(t) = run {
        let mut rng = rand::rngs::StdRng::seed_from_u64(64);
        let z = gaussian_latent(&mut rng, 64, t.setup().latent_dim);
        let (images, _) =
            pollster::block_on(t.begin_images(z).read()).map_err(|e| e.to_string())?;
        let (w, h, rgb) = grid(&images, t.setup().resolution, 8, 2, 2);
        let path = out.join(format!("{stem}.png"));
        std::fs::write(&path, png(w, h, &rgb)).map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// The progress bar on stderr (indicatif): steps, rate, time left, the last
/// losses. Hidden when stderr is not a terminal; the summary line still prints.
fn progress(total: u64) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(total);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "[{bar:30}] {pos}/{len} steps · {per_sec} · eta {eta} · {msg}",
        )
        .expect("a valid template")
        .progress_chars("#> "),
    );
    bar
}

fn main() {
    let result = (|| -> Result<(), String> {
        let a = parse()?;
        let dev = device(&a.backend)?;
        let mut run = start(&a, &dev)?;
        let bar = progress(a.steps);
        let t0 = Instant::now();
        for i in 1..=a.steps {
            run.step();
            // Reading the losses syncs the device: every 25 steps, not every step.
            if i % 25 == 0 || i == a.steps {
                if let Some(m) = run.message() {
                    bar.set_message(m);
                }
            }
            bar.inc(1);
            if a.every > 0 && i % a.every == 0 && i != a.steps {
                for p in save(&run, &a.out, a.f16)? {
                    bar.println(format!("wrote {}", p.display()));
                }
            }
        }
        bar.finish();
        let secs = t0.elapsed().as_secs_f64();
        for p in save(&run, &a.out, a.f16)? {
            println!("wrote {}", p.display());
        }
        println!(
            "{} steps of the {} lesson on {} in {:.1} s ({:.1} ms/step); now at step {}",
            a.steps,
            run.lesson(),
            a.backend,
            secs,
            secs * 1e3 / a.steps.max(1) as f64,
            run.count()
        );
        Ok(())
    })();
    if let Err(e) = result {
        eprintln!("gan-train: {e}");
        std::process::exit(2);
    }
}
