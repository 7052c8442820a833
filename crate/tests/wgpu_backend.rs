//! The same trainer on burn-wgpu (natively: Vulkan, lavapipe in CI): finite
//! losses, the CPU run's shapes, and the CPU run's numbers to float tolerance,
//! since both start from the same host-seeded weights and batches.

use burn::tensor::Device;
use gan_playground::config::Config1d;
use gan_playground::train::{Frame1d, Trainer1d};

/// One wgpu device for the whole test binary (a second `init` is refused).
fn wgpu() -> Device {
    static DEVICE: std::sync::OnceLock<Device> = std::sync::OnceLock::new();
    DEVICE
        .get_or_init(|| {
            Device::wgpu_options()
                .init()
                .expect("a wgpu adapter (install mesa-vulkan-drivers for lavapipe)")
        })
        .clone()
}

fn run(device: &Device, steps: usize) -> Vec<Frame1d> {
    let mut t = Trainer1d::new(&Config1d::default(), device);
    (0..steps)
        .map(|_| {
            t.step();
            pollster::block_on(t.begin_frame().read()).expect("frame reads back")
        })
        .collect()
}

#[test]
fn wgpu_matches_the_cpu_run() {
    let gpu = run(&wgpu(), 3);
    let cpu = run(&Device::flex(), 3);
    for (g, c) in gpu.iter().zip(&cpu) {
        let (gd, gg) = (
            g.loss_d.expect("finite D loss"),
            g.loss_g.expect("finite G loss"),
        );
        assert!(gd.is_finite() && gg.is_finite());
        assert_eq!(g.curve_x.len(), c.curve_x.len());
        assert_eq!(g.fake_hist.len(), c.fake_hist.len());
        assert_eq!(g.disc_d.len(), c.disc_d.len());
        let (cd, cg) = (c.loss_d.unwrap(), c.loss_g.unwrap());
        assert!(
            (gd - cd).abs() < 1e-3 * cd.abs().max(1.0),
            "step {}: D loss {gd} vs CPU {cd}",
            g.step
        );
        assert!(
            (gg - cg).abs() < 1e-3 * cg.abs().max(1.0),
            "step {}: G loss {gg} vs CPU {cg}",
            g.step
        );
        for (a, b) in g.curve_x.iter().zip(&c.curve_x) {
            assert!((a - b).abs() < 1e-3, "mapping {a} vs {b}");
        }
    }
}

/// The 2-D lab with WGAN-GP (the closed-form input gradient on the GPU) and
/// weight-clipped WGAN: the wgpu run equals the CPU run to float tolerance.
#[test]
fn wgpu_matches_the_cpu_run_in_the_2d_lab() {
    use gan_playground::config::Config2d;
    use gan_playground::train::{StepMode, Trainer2d};
    let wgpu = wgpu();
    for patch in [
        serde_json::json!({"loss": "wgan-gp", "dSteps": 2}),
        serde_json::json!({"loss": "wgan-clip", "optimizerD": "sgd"}),
    ] {
        let config = Config2d::default().apply(&patch).unwrap();
        let run = |device: &Device| {
            let mut t = Trainer2d::new(&config, device);
            (0..3)
                .map(|_| {
                    t.step(StepMode::Both);
                    pollster::block_on(t.begin_frame().read()).expect("frame reads back")
                })
                .collect::<Vec<_>>()
        };
        let (gpu, cpu) = (run(&wgpu), run(&Device::flex()));
        for (g, c) in gpu.iter().zip(&cpu) {
            let (gd, cd) = (g.loss_d.unwrap(), c.loss_d.unwrap());
            let (gg, cg) = (g.loss_g.unwrap(), c.loss_g.unwrap());
            assert!(
                (gd - cd).abs() < 1e-3 * cd.abs().max(1.0),
                "{patch}: step {}: D loss {gd} vs CPU {cd}",
                g.step
            );
            assert!(
                (gg - cg).abs() < 1e-3 * cg.abs().max(1.0),
                "{patch}: step {}: G loss {gg} vs CPU {cg}",
                g.step
            );
            for (a, b) in g.fake.iter().zip(&c.fake) {
                assert!((a - b).abs() < 1e-3, "{patch}: sample {a} vs {b}");
            }
        }
    }
}
