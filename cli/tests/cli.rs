//! The trainer CLI end to end: it trains each lesson, writes weight files (and
//! a faces grid), resumes from its own file, and refuses bad input with exit 2.

use std::process::Command;

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gan-train"))
        .args(args)
        .output()
        .expect("the binary runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn trains_saves_and_resumes_every_lesson() {
    let dir = std::env::temp_dir().join(format!("gan-train-test-{}", std::process::id()));
    let d = dir.to_str().unwrap();
    let (code, text) = run(&[
        "--lesson",
        "faces",
        "--resolution",
        "32",
        "--ngf",
        "4",
        "--ndf",
        "4",
        "--batch",
        "4",
        "--steps",
        "4",
        "--every",
        "2",
        "--out",
        d,
    ]);
    assert_eq!(code, 0, "{text}");
    for f in [
        "faces-step2.safetensors",
        "faces-step2.png",
        "faces-step4.safetensors",
        "faces-step4.png",
    ] {
        assert!(dir.join(f).is_file(), "{f} missing: {text}");
    }
    let png = std::fs::read(dir.join("faces-step4.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let resumed = dir.join("faces-step4.safetensors");
    let (code, text) = run(&[
        "--resume",
        resumed.to_str().unwrap(),
        "--steps",
        "2",
        "--out",
        d,
    ]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("now at step 6"), "{text}");
    for lesson in ["1d", "2d"] {
        let (code, text) = run(&["--lesson", lesson, "--steps", "3", "--out", d]);
        assert_eq!(code, 0, "{text}");
        assert!(dir.join(format!("{lesson}-step3.safetensors")).is_file());
    }
    let (code, text) = run(&[
        "--lesson",
        "2d",
        "--config",
        r#"{"loss":"wgan"}"#,
        "--steps",
        "1",
        "--out",
        d,
    ]);
    assert_eq!(code, 2);
    assert!(text.contains("`loss` must be one of"), "{text}");
    let (code, text) = run(&[
        "--lesson",
        "faces",
        "--resolution",
        "48",
        "--steps",
        "1",
        "--out",
        d,
    ]);
    assert_eq!(code, 2);
    assert!(text.contains("`resolution` must be 32 or 64"), "{text}");
    // The structure regressor, in f16 (as shipped): it loads as a scorer.
    let (code, text) = run(&[
        "--lesson",
        "structure",
        "--steps",
        "3",
        "--batch",
        "8",
        "--f16",
        "--out",
        d,
    ]);
    assert_eq!(code, 0, "{text}");
    let bytes = std::fs::read(dir.join("structure-step3.safetensors")).unwrap();
    gan_playground::train::structure::Structure::from_bytes(&bytes, &burn::tensor::Device::flex())
        .expect("the regressor's file loads");
    // --f16 halves a faces file's tensors, and --steps 0 converts a checkpoint.
    let (code, text) = run(&[
        "--resume",
        resumed.to_str().unwrap(),
        "--steps",
        "0",
        "--f16",
        "--out",
        &format!("{d}/half"),
    ]);
    assert_eq!(code, 0, "{text}");
    let (full, half) = (
        std::fs::metadata(&resumed).unwrap().len(),
        std::fs::metadata(dir.join("half/faces-step4.safetensors"))
            .unwrap()
            .len(),
    );
    assert!(half * 10 < full * 6, "{half} bytes in f16, {full} in f32");
    let (code, text) = run(&["--steps", "many"]);
    assert_eq!(code, 2);
    assert!(text.contains("--steps takes a whole number"), "{text}");
    std::fs::remove_dir_all(&dir).ok();
}
