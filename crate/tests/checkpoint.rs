//! Export → import gives the same model: the same samples for the same
//! latents; and a file that does not fit the model is refused, naming why.

use burn::tensor::Device;
use gan_playground::checkpoint::Checkpoint1d;
use gan_playground::config::Config1d;
use gan_playground::train::Trainer1d;

fn trained() -> Trainer1d {
    let mut t = Trainer1d::new(
        &Config1d {
            hidden: 16,
            seed: 4,
            ..Config1d::default()
        },
        &Device::flex(),
    );
    for _ in 0..30 {
        t.step();
    }
    t
}

#[test]
fn export_then_import_gives_the_same_model() {
    let t = trained();
    let bytes = pollster::block_on(t.begin_export().read()).unwrap();
    let back = Trainer1d::from_checkpoint(&Checkpoint1d::decode(&bytes).unwrap(), &Device::flex())
        .unwrap();
    assert_eq!(back.step_count(), 30);
    assert_eq!(back.config(), t.config());
    let (a, b) = (
        pollster::block_on(t.begin_frame().read()).unwrap(),
        pollster::block_on(back.begin_frame().read()).unwrap(),
    );
    // The fixed evaluation latents go through the same G: identical outputs.
    assert_eq!(a.curve_x, b.curve_x);
    assert_eq!(a.fake_hist, b.fake_hist);
    assert_eq!(a.disc_d, b.disc_d);
    assert_eq!(a.metrics, b.metrics);
    // G 16-wide, 2 layers, 1-D latent: (1·16+16) + (16·16+16) + (16+1) + skip (1+1) = 323; D: 321.
    let ck = Checkpoint1d::decode(&bytes).unwrap();
    assert_eq!(
        ck.tensors.iter().map(|t| t.values.len()).sum::<usize>(),
        323 + 321
    );
}

#[test]
fn a_file_that_does_not_fit_its_config_is_refused() {
    let bytes = pollster::block_on(trained().begin_export().read()).unwrap();
    let mut ck = Checkpoint1d::decode(&bytes).unwrap();
    ck.config.hidden = 8;
    let err = Trainer1d::from_checkpoint(&ck, &Device::flex())
        .err()
        .unwrap()
        .0;
    assert_eq!(
        err,
        "tensor `g.net.layers.0.weight` has shape [1, 16]; the file's config needs [1, 8]"
    );

    let mut ck = Checkpoint1d::decode(&bytes).unwrap();
    ck.tensors.retain(|t| t.name != "g.skip.layers.0.weight");
    let err = Trainer1d::from_checkpoint(&ck, &Device::flex())
        .err()
        .unwrap()
        .0;
    assert_eq!(err, "the file lacks tensor `g.skip.layers.0.weight`");

    let mut ck = Checkpoint1d::decode(&bytes).unwrap();
    ck.tensors.push(gan_playground::checkpoint::NamedTensor {
        name: "zz.extra".into(),
        shape: vec![1],
        values: vec![0.0],
    });
    let err = Trainer1d::from_checkpoint(&ck, &Device::flex())
        .err()
        .unwrap()
        .0;
    assert_eq!(
        err,
        "the file has tensor `zz.extra`, which this model does not"
    );
}
