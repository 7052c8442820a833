//! Property test of the config parsers (the 1-D lesson's, the 2-D lab's, the
//! dice's) on arbitrary JSON: they never panic, an accepted patch gives a
//! config that validates again unchanged, a rejected patch names a key, and the
//! lenient path agrees with the strict one.

use gan_playground::config::{Config1d, Config2d, ConfigDice, KEYS, KEYS_2D, KEYS_DICE};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// The target objects' field names, besides the top-level config keys.
const TARGET_FIELDS: &[&str] = &[
    "kind",
    "mean",
    "std",
    "mean1",
    "mean2",
    "weight",
    "low",
    "high",
    "rate",
    "histogram",
    "radius",
    "sigma",
    "noise",
    "points",
];
const KINDS: &[&str] = &[
    "gaussian",
    "bimodal",
    "uniform",
    "exponential",
    "mixture3",
    "custom",
    "cauchy",
    "ring",
    "grid",
    "spiral",
    "moons",
    "drawn",
];

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1e4f64..1e4).prop_map(Value::from),
        prop::sample::select(vec![
            0.0,
            -0.0,
            1e-7,
            0.999,
            1.0,
            4096.0,
            9007199254740991.0,
            1e300,
            -1e300
        ])
        .prop_map(Value::from),
        (0u64..300).prop_map(Value::from),
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        number(),
        prop::sample::select(KINDS.to_vec()).prop_map(Value::from),
        prop::sample::select(vec![
            "auto",
            "cpu",
            "webgpu",
            "1d",
            "2d",
            "dice",
            "adam",
            "sgd",
            "gaussian",
            "uniform",
            "minimax",
            "nonsaturating",
            "lsgan",
            "hinge",
            "wgan-clip",
            "wgan-gp"
        ])
        .prop_map(Value::from),
        ".{0,60}".prop_map(Value::from),
    ]
}

fn key() -> impl Strategy<Value = String> {
    let known: Vec<&str> = KEYS
        .iter()
        .chain(KEYS_2D)
        .chain(KEYS_DICE)
        .chain(TARGET_FIELDS)
        .copied()
        .collect();
    prop_oneof![4 => prop::sample::select(known).prop_map(String::from), 1 => ".{0,20}"]
}

fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(key(), inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Patches shaped like real ones, so that many are accepted, not only rejected.
fn patch() -> impl Strategy<Value = Value> {
    let target = (
        prop::sample::select(KINDS.to_vec()),
        prop::collection::btree_map(key(), leaf(), 0..4),
    )
        .prop_map(|(kind, mut fields)| {
            fields.insert("kind".into(), json!(kind));
            Value::Object(fields.into_iter().collect())
        });
    prop_oneof![
        value(),
        prop::collection::btree_map(key(), prop_oneof![leaf(), target], 0..6)
            .prop_map(|m| Value::Object(m.into_iter().collect())),
    ]
}

/// The properties every lesson's parser must have.
macro_rules! consistent {
    ($base:expr, $p:expr) => {{
        let base = $base;
        let p = $p;
        match base.apply(&p) {
            Ok(c) => {
                // An accepted config re-validates to itself through its own JSON.
                let again = base.apply(&serde_json::to_value(&c).unwrap()).unwrap();
                prop_assert_eq!(&again, &c);
                prop_assert_eq!(base.apply_lenient(&p), (c, vec![]));
            }
            Err(e) => {
                prop_assert!(
                    e.0.contains('`') || e.0.starts_with("configure expects an object"),
                    "{}",
                    e.0
                );
                prop_assert!(e.0.chars().count() < 400, "message too long: {}", e.0.len());
                let (_, errors) = base.apply_lenient(&p);
                prop_assert!(!errors.is_empty());
            }
        }
    }};
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 20_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn parser_never_panics_and_is_consistent(p in patch()) {
        consistent!(Config1d::default(), p);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 20_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn parser_2d_never_panics_and_is_consistent(p in patch()) {
        consistent!(Config2d::default(), p);
    }

    #[test]
    fn parser_dice_never_panics_and_is_consistent(p in patch()) {
        consistent!(ConfigDice::default(), p);
    }
}
