//! Property test of the weight-file parser: random bytes and mutations of a
//! real file (flipped bytes, truncations, forged header lengths) never panic;
//! whatever decodes either loads into a trainer or is refused with a reason.

use burn::tensor::Device;
use gan_playground::checkpoint::{Checkpoint1d, Checkpoint2d};
use gan_playground::config::{Config1d, Config2d};
use gan_playground::train::{StepMode, Trainer1d, Trainer2d};
use proptest::prelude::*;
use std::sync::OnceLock;

fn real_file() -> &'static [u8] {
    static FILE: OnceLock<Vec<u8>> = OnceLock::new();
    FILE.get_or_init(|| {
        let mut t = Trainer1d::new(
            &Config1d {
                hidden: 4,
                ..Config1d::default()
            },
            &Device::flex(),
        );
        t.step();
        pollster::block_on(t.begin_export().read()).unwrap()
    })
}

fn real_file_2d() -> &'static [u8] {
    static FILE: OnceLock<Vec<u8>> = OnceLock::new();
    FILE.get_or_init(|| {
        let mut t = Trainer2d::new(
            &Config2d {
                hidden: 4,
                ..Config2d::default()
            },
            &Device::flex(),
        );
        t.step(StepMode::Both);
        pollster::block_on(t.begin_export().read()).unwrap()
    })
}

/// Whatever decodes, for either lesson, loads or is refused with a reason.
fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    if let Ok(ck) = Checkpoint1d::decode(bytes) {
        if let Err(e) = Trainer1d::from_checkpoint(&ck, &Device::flex()) {
            prop_assert!(!e.0.is_empty());
        }
    }
    if let Ok(ck) = Checkpoint2d::decode(bytes) {
        if let Err(e) = Trainer2d::from_checkpoint(&ck, &Device::flex()) {
            prop_assert!(!e.0.is_empty());
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check(&bytes)?;
    }

    #[test]
    fn mutated_real_files_never_panic(
        two_d in any::<bool>(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..6),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
        header in prop::option::of(any::<u64>()),
    ) {
        let mut bytes = if two_d { real_file_2d() } else { real_file() }.to_vec();
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        if let Some(h) = header {
            bytes[..8].copy_from_slice(&h.to_le_bytes());
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        check(&bytes)?;
    }
}
