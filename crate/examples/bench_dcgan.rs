//! Benchmark (not a test): ms per DCGAN D+G step on procedural faces, natively
//! on flex, at the reference size (64×64, ngf = ndf = 16, batch 8) and
//! at a small one (32×32, 8, batch 16). One JSON line each.
//!   cargo run --release --example bench_dcgan
use burn::tensor::Device;
use gan_playground::train::trainer_faces::{FacesSetup, TrainerFaces};

fn main() {
    for (resolution, width, batch, steps) in [(64, 16, 8, 20), (32, 8, 16, 40)] {
        let setup = FacesSetup {
            resolution,
            ngf: width,
            ndf: width,
            batch,
            ..FacesSetup::default()
        };
        let mut t = TrainerFaces::new(&setup, &Device::flex());
        for _ in 0..3 {
            t.step();
        }
        let _ = pollster::block_on(t.begin_images(vec![0.0; setup.latent_dim]).read());
        let t0 = std::time::Instant::now();
        for _ in 0..steps {
            t.step();
        }
        let _ = pollster::block_on(t.begin_images(vec![0.0; setup.latent_dim]).read());
        let ms = t0.elapsed().as_secs_f64() * 1e3 / steps as f64;
        println!("{{\"where\":\"native\",\"backend\":\"flex\",\"resolution\":{resolution},\"width\":{width},\"batch\":{batch},\"steps\":{steps},\"msPerStep\":{ms:.1}}}");
    }
}
