//! Native benchmark: ms per training step (one D and one G update) of the 1-D
//! lesson's MLP GAN (2 hidden layers of 32) at batch 128 and 256, on flex and
//! on wgpu (lavapipe where there is no GPU). Prints one line of JSON per
//! measurement for `bench/run.sh` to tabulate.
//!
//! `cargo run --release --example bench1d [steps]`

use std::time::Instant;

use burn::tensor::Device;
use gan_playground::config::Config1d;
use gan_playground::train::Trainer1d;

fn measure(name: &str, device: &Device, batch: usize, steps: usize) {
    let config = Config1d {
        batch,
        ..Config1d::default()
    };
    let mut t = Trainer1d::new(&config, device);
    // Warm-up: kernel compilation and allocation, then one readback to drain the queue.
    for _ in 0..5 {
        t.step();
    }
    pollster::block_on(t.begin_frame().read()).expect("warm-up readback");
    let start = Instant::now();
    for _ in 0..steps {
        t.step();
    }
    // Wait for the device: read the last losses back.
    pollster::block_on(t.begin_frame().read()).expect("readback");
    let ms = start.elapsed().as_secs_f64() * 1e3 / steps as f64;
    println!(
        r#"{{"where":"native","backend":"{name}","batch":{batch},"steps":{steps},"msPerStep":{ms:.3}}}"#
    );
}

fn main() {
    let steps: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    for batch in [128, 256] {
        measure("flex", &Device::flex(), batch, steps);
    }
    match Device::wgpu_options().init() {
        Ok(device) => {
            for batch in [128, 256] {
                measure("wgpu", &device, batch, steps.min(100));
            }
        }
        Err(e) => eprintln!("wgpu unavailable natively: {e}"),
    }
}
