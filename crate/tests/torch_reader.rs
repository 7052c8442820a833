//! The PyTorch checkpoint reader on a committed fixture (always run, unlike
//! the parity test's download): `crate/tests/fixtures/netg-small.pth`, a
//! tutorial-layout `netG` state dict (nz 8, ngf 4) in `torch.save`'s zip format,
//! written by `scripts/make-torch-fixture.py` with values that are a formula of
//! each tensor's name and index, so every loaded value can be checked.

use burn::tensor::Device;
use gan_playground::checkpoint::Checkpoint;
use gan_playground::torch::{dcgan_generator_shape, read_state_dict, torch_name};
use gan_playground::train::trainer_faces::{FacesSetup, TrainerFaces};

const FIXTURE: &[u8] = include_bytes!("fixtures/netg-small.pth");

/// The fixture's formula (scripts/make-torch-fixture.py).
fn value(name: &str, i: usize) -> f32 {
    let scale = if name.ends_with("weight") { 0.05 } else { 0.5 };
    let shift = if name.ends_with("running_var") {
        1.0
    } else {
        0.0
    };
    ((0.37 * i as f64 + name.len() as f64).sin() * scale + shift) as f32
}

#[test]
fn reads_every_float_tensor_of_the_state_dict() {
    let tensors = read_state_dict(FIXTURE).unwrap();
    // 5 convolutions and 4 batch norms × 4 float tensors; num_batches_tracked (int64) left out.
    assert_eq!(tensors.len(), 5 + 16);
    assert!(tensors
        .iter()
        .all(|t| !t.name.ends_with("num_batches_tracked")));
    let w0 = tensors.iter().find(|t| t.name == "main.0.weight").unwrap();
    assert_eq!(w0.shape, vec![8, 32, 4, 4]);
    for t in &tensors {
        for (i, v) in t.values.iter().enumerate() {
            assert_eq!(*v, value(&t.name, i), "{}[{i}]", t.name);
        }
    }
    assert_eq!(dcgan_generator_shape(&tensors).unwrap(), (8, 4, 64));
}

#[test]
fn loads_into_our_generator_name_for_name() {
    let device = Device::flex();
    let t = TrainerFaces::from_torch_generator(FIXTURE, &FacesSetup::default(), &device).unwrap();
    let s = t.setup();
    assert_eq!((s.latent_dim, s.ngf, s.resolution, s.ndf), (8, 4, 64, 16));
    let bytes = pollster::block_on(t.begin_export().read()).unwrap();
    let ck = Checkpoint::<FacesSetup>::decode(&bytes).unwrap();
    let mut checked = 0;
    for ours in ck.tensors.iter().filter(|x| x.name.starts_with("g.")) {
        let theirs = torch_name(&ours.name).unwrap();
        for (i, v) in ours.values.iter().enumerate() {
            assert_eq!(*v, value(&theirs, i), "{} ({theirs})[{i}]", ours.name);
        }
        checked += 1;
    }
    assert_eq!(checked, 21);
}

#[test]
fn a_damaged_checkpoint_is_refused_with_a_reason() {
    let err = |b: &[u8]| read_state_dict(b).unwrap_err().0;
    assert!(
        err(&FIXTURE[..FIXTURE.len() / 2]).contains("zip"),
        "{}",
        err(&FIXTURE[..FIXTURE.len() / 2])
    );
    // A valid safetensors-looking or random file is not a zip.
    assert!(err(&[0u8; 100]).contains("not a zip"));
    // Our own weight file is not a netG checkpoint.
    let e =
        TrainerFaces::from_torch_generator(b"PK\x05\x06", &FacesSetup::default(), &Device::flex());
    assert!(e.is_err());
}
