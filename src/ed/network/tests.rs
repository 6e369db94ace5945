//! A traced update is the untraced one, bit for bit, and says what it did.

use proptest::prelude::*;
use rand::rngs::StdRng;
use rand::SeedableRng;

use super::Network;
use crate::ed::loss::Loss;
use crate::ed::rule::Rule;
use crate::ed::shape::Shape;

fn bits(net: &Network) -> Vec<Vec<u64>> {
    net.layers()
        .iter()
        .map(|l| l.weights().iter().map(|w| w.to_bits()).collect())
        .collect()
}

fn rule() -> impl Strategy<Value = Rule> {
    prop_oneof![
        Just(Rule::Seed),
        (0.0f64..=2.0).prop_map(|u1| Rule::Kaneko { u1 })
    ]
}

fn pattern() -> impl Strategy<Value = (Vec<f64>, f64, f64)> {
    (
        prop::collection::vec(prop_oneof![Just(0.0), Just(1.0), -2.0f64..=2.0], 4),
        prop_oneof![Just(0.0), Just(1.0), 0.0f64..=1.0],
        (0.0f64..=2.0).prop_filter("lr > 0", |lr| *lr > 0.0),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_traced_update_grows_the_same_bits_and_records_them(
        inputs in 1usize..=4,
        hidden in prop::collection::vec(1usize..=9, 1..=3),
        bias in prop::option::of(0.0f64..=2.0),
        u0 in 0.1f64..=4.0,
        seed in any::<u64>(),
        rule in rule(),
        loss in prop::sample::select(Loss::ALL.to_vec()),
        patterns in prop::collection::vec(pattern(), 1..=6),
    ) {
        let shape = Shape { inputs, hidden, bias, u0 };
        let mut plain = Network::random(shape, loss, 1.0, &mut StdRng::seed_from_u64(seed));
        let mut traced = plain.clone();
        for (step, (input, t, lr)) in patterns.iter().enumerate() {
            let input = &input[..inputs];
            let before = bits(&traced);
            let (y, p) = plain.train(input, *t, rule, loss, *lr);
            let trace = traced.train_traced(input, *t, rule, loss, *lr);
            prop_assert!(bits(&plain) == bits(&traced), "weights after step {}", step);
            prop_assert_eq!((trace.y.to_bits(), trace.p.to_bits()), (y.to_bits(), p.to_bits()));
            prop_assert_eq!(trace.layers.len(), before.len());
            for (l, layer) in trace.layers.iter().enumerate() {
                let after = &bits(&traced)[l];
                prop_assert!(layer.before.iter().map(|w| w.to_bits()).eq(before[l].iter().copied()));
                prop_assert!(layer.after.iter().map(|w| w.to_bits()).eq(after.iter().copied()));
                // w + delta is the weight after, bit for bit; only the chosen
                // sources' weights change.
                let n = layer.units.len();
                for (k, ((w0, d), w1)) in layer.before.iter().zip(&layer.delta).zip(&layer.after).enumerate() {
                    prop_assert_eq!((w0 + d).to_bits(), w1.to_bits(), "layer {} weight {}", l, k);
                    if (k / n) % 2 != usize::from(!trace.rise) {
                        prop_assert_eq!(*d, 0.0);
                    }
                }
                // Each unit's step is its factor times the layer's signal, in magnitude.
                for (o, (&s, &f)) in layer.step.iter().zip(&layer.factor).enumerate() {
                    let gain = match rule {
                        Rule::Seed => (f * layer.signal).abs(),
                        Rule::Kaneko { .. } => f * layer.signal,
                    };
                    prop_assert_eq!(s.abs().to_bits(), gain.abs().to_bits(), "layer {} unit {}", l, o);
                }
            }
        }
    }
}

#[test]
fn the_trace_names_the_broadcast_of_each_rule() {
    let shape = Shape {
        inputs: 2,
        hidden: vec![3],
        bias: Some(0.8),
        u0: 0.4,
    };
    let net = Network::random(shape, Loss::Mse, 1.0, &mut StdRng::seed_from_u64(3));
    // Kaneko: t - p = e > 0 (target 1), output amine alpha |e|, hidden u1 of it.
    let k = net
        .clone()
        .train_traced(&[1.0, 0.0], 1.0, Rule::Kaneko { u1: 0.5 }, Loss::Mse, 0.8);
    assert!(k.rise && k.error > 0.0 && k.derivative.is_none());
    assert_eq!(k.signal, 0.8 * k.error.abs());
    assert_eq!(k.layers[1].signal, k.signal);
    assert_eq!(k.layers[0].signal, 0.5 * k.signal);
    assert_eq!(k.layers[0].sources, [0.8, 0.8, 1.0, 1.0, 0.0, 0.0]);
    // Seed: delta = lr dL/dy, the same in every layer; t = 0 makes it fall.
    let s = net
        .clone()
        .train_traced(&[1.0, 1.0], 0.0, Rule::Seed, Loss::Mse, 0.5);
    assert!(!s.rise && s.u1.is_none());
    assert_eq!(s.derivative, Some(2.0 * s.y));
    assert_eq!(s.signal, 0.5 * 2.0 * s.y);
    assert!(s.layers.iter().all(|l| l.signal == s.signal));
    // Something moved, and only inhibitory sources (odd) learned.
    let moved: Vec<usize> = s.layers[0]
        .delta
        .iter()
        .enumerate()
        .filter(|(_, d)| **d != 0.0)
        .map(|(k, _)| k / 3)
        .collect();
    assert!(!moved.is_empty() && moved.iter().all(|i| i % 2 == 1));
}
