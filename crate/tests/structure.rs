//! The structure score against references: the shipped regressor reads the
//! procedural parameters off held-out faces within a stated error, and the
//! Fréchet distance of its readings is ≈ 0 for real against real, and large
//! for noise and for a single repeated face (mode collapse). The shipped
//! pretrained generator scores far better than an untrained one.

use burn::tensor::Device;
use gan_playground::checkpoint::Checkpoint;
use gan_playground::data::faces::{faces, FaceParams, PARAM_COUNT};
use gan_playground::data::gaussian_latent;
use gan_playground::train::structure::{
    param_norm, predict_host, standardise, Structure, HELD_OUT_SEED, SCORE_SAMPLES, SHIPPED,
};
use gan_playground::train::trainer_faces::{FacesSetup, TrainerFaces};
use rand::rngs::StdRng;
use rand::SeedableRng;

fn scorer() -> (Structure, Device) {
    let device = Device::flex();
    (Structure::from_bytes(SHIPPED, &device).unwrap(), device)
}

fn predict(s: &Structure, images: &[f32], size: usize, device: &Device) -> Vec<f32> {
    let n = images.len() / (size * size * 3);
    pollster::block_on(predict_host(&s.net, images, n, size, device)).unwrap()
}

#[test]
fn the_regressor_reads_held_out_faces_within_its_bound() {
    let (s, device) = scorer();
    // A split neither training (seed ^ 0x7EA2) nor the shipped statistics (HELD_OUT_SEED) used.
    let mut rng = StdRng::seed_from_u64(HELD_OUT_SEED ^ 0xBEEF);
    let n = 512;
    let (imgs, mut truth) = faces(&mut rng, n, 64);
    standardise(&mut truth, &param_norm());
    let pred = predict(&s, &imgs, 64, &device);
    let mut rmse = vec![0.0f64; PARAM_COUNT];
    for (p, t) in pred
        .chunks_exact(PARAM_COUNT)
        .zip(truth.chunks_exact(PARAM_COUNT))
    {
        for j in 0..PARAM_COUNT {
            rmse[j] += ((p[j] - t[j]) as f64).powi(2) / n as f64;
        }
    }
    let rmse: Vec<f64> = rmse.iter().map(|v| v.sqrt()).collect();
    let mean = rmse.iter().sum::<f64>() / PARAM_COUNT as f64;
    // In pixels at 64 × 64, for the face's centre x and the eyes' height.
    let sd = param_norm().1;
    let px = |j: usize| rmse[j] * sd[j] as f64 * 64.0;
    eprintln!(
        "regressor RMSE, standard deviations: mean {mean:.3}, worst {:.3}; face x {:.2} px, eye y {:.2} px",
        rmse.iter().cloned().fold(0.0, f64::max),
        px(0),
        px(4)
    );
    // Bounds: mean RMSE under 0.4 sd (a predictor of the mean scores 1.0);
    // the face's centre within 1.5 px and the eyes' height within 2 px.
    assert!(mean < 0.4, "mean RMSE {mean}");
    assert!(px(0) < 1.5 && px(4) < 2.0, "{} px, {} px", px(0), px(4));
}

#[test]
fn the_score_is_near_zero_for_real_faces_and_large_for_noise_and_collapse() {
    let (s, device) = scorer();
    let n = SCORE_SAMPLES;
    let mut rng = StdRng::seed_from_u64(77);
    let (real, _) = faces(&mut rng, n, 64);
    let noise: Vec<f32> = gaussian_latent(&mut rng, n * 64 * 64 * 3, 1)
        .iter()
        .map(|v| (0.5 + 0.25 * v).clamp(0.0, 1.0))
        .collect();
    let one = FaceParams::random(&mut rng).render(64);
    let collapsed: Vec<f32> = (0..n).flat_map(|_| one.iter().copied()).collect();
    let score = |imgs: &[f32]| s.score(&predict(&s, imgs, 64, &device));
    let (r, z, c) = (score(&real), score(&noise), score(&collapsed));
    eprintln!("structure score on {n} faces: real {r:.2}, noise {z:.2}, one repeated face {c:.2}");
    // Real against real carries only the small-sample bias of 64 draws in 25 dimensions.
    assert!(z > 10.0 * r, "real {r}, noise {z}");
    assert!(c > 5.0 * r, "real {r}, collapse {c}");
    // The same faces at 32 × 32 (the regressor pools 64 to 32) score alike.
    let small = gan_playground::image::halve(&real, 64);
    let r32 = s.score(&predict(&s, &small, 32, &device));
    assert!((r32 - r).abs() < 0.05 * r.max(1.0), "{r32} vs {r}");
}

#[test]
fn the_shipped_generator_scores_far_better_than_an_untrained_one() {
    let (s, device) = scorer();
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../www/assets/faces-generator.safetensors"
    ))
    .unwrap();
    let ck = Checkpoint::<FacesSetup>::decode(&bytes).unwrap();
    let trained = TrainerFaces::from_checkpoint(&ck, &device).unwrap();
    let fresh = TrainerFaces::new(&ck.config, &device);
    let mut rng = StdRng::seed_from_u64(5);
    let z = gaussian_latent(&mut rng, SCORE_SAMPLES, ck.config.latent_dim);
    let score = |t: &TrainerFaces| {
        let v = pollster::block_on(t.begin_view(z.clone(), Some(&s.net)).read_view()).unwrap();
        s.score(&v.predictions.unwrap())
    };
    let (a, b) = (score(&trained), score(&fresh));
    eprintln!(
        "structure score: shipped generator (step {}) {a:.2}, untrained {b:.2}",
        ck.step
    );
    assert!(a < 0.25 * b, "shipped {a}, untrained {b}");
}
