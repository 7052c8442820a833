//! Numeric parity with PyTorch's DCGAN layout: the PyTorch-tutorial generator
//! checkpoint of PyPI `gan-face-generate==1.1.1`, loaded into our generator,
//! matches a NumPy forward pass of the same file to 1e-4.
//!
//! Ignored by a plain `cargo test`: the checkpoint is downloaded at test time
//! (its training data is non-commercial, so it is never committed).
//! `python3 scripts/torch-parity.py` (which scripts/test.sh runs) installs it
//! into a temporary folder, computes the NumPy reference and runs this test.

use burn::tensor::Device;
use gan_playground::train::trainer_faces::{FacesSetup, TrainerFaces};

fn floats(path: &str) -> Vec<f32> {
    std::fs::read(path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect()
}

#[test]
#[ignore = "needs the downloaded checkpoint: run python3 scripts/torch-parity.py"]
fn the_pytorch_tutorial_generator_matches_numpy() {
    let var = |k: &str| {
        std::env::var(k)
            .unwrap_or_else(|_| panic!("{k} is unset: run python3 scripts/torch-parity.py"))
    };
    let bytes = std::fs::read(var("GAN_TORCH_CHECKPOINT")).unwrap();
    let device = Device::flex();
    let t = TrainerFaces::from_torch_generator(&bytes, &FacesSetup::default(), &device).unwrap();
    let s = t.setup();
    assert_eq!((s.latent_dim, s.ngf, s.resolution), (100, 64, 64));
    let z = floats(&var("GAN_TORCH_Z"));
    let want = floats(&var("GAN_TORCH_OUT"));
    // Our images are [n][y][x][c] in [0, 1]; the reference is NCHW tanh output in [−1, 1].
    let (ours, _) = pollster::block_on(t.begin_images(z).read()).unwrap();
    let size = 64;
    let mut max_err = 0.0f32;
    for n in 0..4 {
        for c in 0..3 {
            for y in 0..size {
                for x in 0..size {
                    let a = 2.0 * ours[((n * size + y) * size + x) * 3 + c] - 1.0;
                    let b = want[((n * 3 + c) * size + y) * size + x];
                    max_err = max_err.max((a - b).abs());
                }
            }
        }
    }
    eprintln!("max |ours − NumPy| over 4 × 3 × 64 × 64 outputs: {max_err:.2e}");
    assert!(max_err <= 1e-4, "max abs error {max_err}");
}
