//! Properties of ED that must hold for any configuration: a weight never changes
//! sign and its magnitude never shrinks (docs/method.md section 1), the forward pass
//! stays finite, and a saved model reloads exactly and continues exactly.

use ed_playground::ed::{connection_sign, Loss};
use ed_playground::io::model::MAX_FILE_INTEGER;
use ed_playground::settings::RuleName;
use ed_playground::task::Task;
use ed_playground::{Config, EdRun};
use proptest::prelude::*;

const EPOCHS: usize = 6;

fn config_strategy() -> impl Strategy<Value = Config> {
    (
        prop_oneof![Just(RuleName::Seed), Just(RuleName::Kaneko)],
        prop_oneof![Just(Loss::Mse), Just(Loss::Bce), Just(Loss::BceWithLogits)],
        // Every task, the 2-D ones with noise that pushes points to the
        // plane's edges (inputs 0 and 1).
        (
            prop::sample::select(Task::built_in().collect::<Vec<_>>()),
            0.0f64..=0.5,
        ),
        2usize..=4,
        prop::collection::vec(1usize..=12, 1..=3),
        // lr in (0, 2]: the lower end is excluded.
        (0.0f64..=2.0).prop_filter("lr > 0", |lr| *lr > 0.0),
        any::<u64>(),
        any::<bool>(),
        // Bias units (Kaneko's beta) or none, under either rule.
        prop::option::of(0.0f64..=2.0),
    )
        .prop_map(
            |(rule, loss, (task, noise), bits, hidden, lr, seed, shuffle, beta)| {
                let base = match rule {
                    RuleName::Seed => Config::seed_defaults(),
                    RuleName::Kaneko => Config::kaneko_defaults(),
                };
                Config {
                    task,
                    bits: if task == Task::Parity { bits } else { 2 },
                    loss,
                    hidden,
                    lr,
                    seed,
                    shuffle,
                    beta,
                    noise,
                    ..base
                }
            },
        )
}

/// Every weight of every layer of every network, in a fixed order, with the sign
/// its connection demands.
fn signed_weights(t: &EdRun) -> Vec<(f64, f64)> {
    let mut all = Vec::new();
    for net in t.networks() {
        for layer in net.layers() {
            let outputs = layer.outputs();
            assert_eq!(layer.weights().len(), layer.inputs() * outputs);
            for (k, &w) in layer.weights().iter().enumerate() {
                let (i, o) = (k / outputs, k % outputs);
                all.push((w, connection_sign(o, i)));
            }
        }
    }
    all
}

fn check_signs(weights: &[(f64, f64)], when: &str) -> Result<(), TestCaseError> {
    for (k, &(w, sign)) in weights.iter().enumerate() {
        prop_assert!(
            w.is_finite() && w * sign >= 0.0,
            "{when}: weight {k} is {w}, its connection's sign is {sign}"
        );
    }
    Ok(())
}

fn all_inputs(t: &EdRun) -> Vec<Vec<f64>> {
    let d = t.dataset();
    (0..d.len()).map(|k| d.input(k).to_vec()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn weights_keep_their_sign_and_only_grow(config in config_strategy()) {
        prop_assert!(config.validate().is_ok(), "{:?}", config.validate());
        let mut t = EdRun::new(config.clone());
        let mut before = signed_weights(&t);
        check_signs(&before, "initial")?;
        for epoch in 1..=EPOCHS {
            let stats = t.run_epoch();
            prop_assert!(stats.mean_loss.is_finite(), "epoch {epoch}: loss {}", stats.mean_loss);
            prop_assert!(stats.abs_error.is_finite() && stats.abs_error >= 0.0);
            let after = signed_weights(&t);
            prop_assert_eq!(after.len(), before.len());
            check_signs(&after, &format!("epoch {epoch}"))?;
            for (k, (&(w0, _), &(w1, _))) in before.iter().zip(&after).enumerate() {
                prop_assert!(
                    w1.abs() >= w0.abs(),
                    "epoch {}: weight {} shrank from {} to {}", epoch, k, w0, w1
                );
            }
            if epoch == 1 && config.lr >= 1e-3 {
                // Something learnt: ED never stands still on a fresh network.
                let grew = before.iter().zip(&after).any(|(a, b)| b.0.abs() > a.0.abs());
                prop_assert!(grew, "no weight grew in the first epoch");
            }
            before = after;
        }
    }

    #[test]
    fn forward_is_finite_for_finite_inputs(
        config in config_strategy(),
        epochs in 0usize..=EPOCHS,
        raw in prop::collection::vec(-100.0f64..=100.0, 4 * 8),
    ) {
        let mut t = EdRun::new(config);
        for _ in 0..epochs {
            t.run_epoch();
        }
        let n = t.dataset().n_inputs;
        let mut out = vec![f64::NAN; t.dataset().n_outputs];
        for input in raw.chunks_exact(n) {
            t.predict(input, &mut out);
            for &p in &out {
                prop_assert!((0.0..=1.0).contains(&p), "input {:?} gave {}", input, p);
            }
        }
        for input in all_inputs(&t) {
            t.predict(&input, &mut out);
            prop_assert!(out.iter().all(|p| (0.0..=1.0).contains(p)));
        }
        // Far outside the training range, still well inside f64.
        for x in [1e6, -1e6, 1e-300, -1e-300, 0.0] {
            let input = vec![x; n];
            t.predict(&input, &mut out);
            for &p in &out {
                prop_assert!((0.0..=1.0).contains(&p), "input {} gave {}", x, p);
            }
        }
    }

    #[test]
    fn save_load_is_exact_and_training_continues_identically(
        config in config_strategy(),
        before_save in 0usize..=EPOCHS,
    ) {
        // A model file holds seeds up to 2^53 - 1 (the page's); a larger
        // one is refused, and the run is saved with its seed's low bits.
        if config.seed > MAX_FILE_INTEGER {
            prop_assert!(EdRun::new(config.clone()).to_json().is_err());
        }
        let config = Config { seed: config.seed & MAX_FILE_INTEGER, ..config };
        let mut original = EdRun::new(config);
        for _ in 0..before_save {
            original.run_epoch();
        }
        let saved = original.to_json().unwrap();
        let mut reloaded = match EdRun::from_json(&saved) {
            Ok(t) => t,
            Err(e) => return Err(TestCaseError::fail(format!("reload refused: {e}"))),
        };
        prop_assert_eq!(reloaded.config(), original.config());
        prop_assert_eq!(reloaded.epoch(), original.epoch());
        let (a, b) = (signed_weights(&original), signed_weights(&reloaded));
        for (k, (x, y)) in a.iter().zip(&b).enumerate() {
            prop_assert!(
                x.0.to_bits() == y.0.to_bits(),
                "weight {} saved as {:?} reloaded as {:?}", k, x.0, y.0
            );
        }
        prop_assert!(reloaded.to_json().unwrap() == saved, "saving the reloaded model changed its bytes");
        for epoch in 0..EPOCHS {
            let (x, y) = (original.run_epoch(), reloaded.run_epoch());
            prop_assert!(
                x.mean_loss.to_bits() == y.mean_loss.to_bits()
                    && x.abs_error.to_bits() == y.abs_error.to_bits(),
                "epoch {} after reload: {:?} vs {:?}", epoch, x, y
            );
        }
        prop_assert!(reloaded.to_json().unwrap() == original.to_json().unwrap());
    }
}
