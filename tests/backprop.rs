//! Backprop on ED's networks: the same initial magnitudes with free signs, it
//! learns XOR, and unlike ED its weights change sign and shrink.

mod common;

use ed_playground::ed::Loss;
use ed_playground::task::{Dataset, Task};
use ed_playground::train::is_solved;
use ed_playground::train::{BackpropRun, SIGN_SEED};
use ed_playground::{Config, EdRun};

fn configs() -> Vec<Config> {
    vec![
        Config::seed_defaults(),
        Config::kaneko_defaults(),
        Config {
            task: Task::Parity,
            bits: 4,
            hidden: vec![16, 5, 3],
            beta: Some(0.3),
            init_range: 2.5,
            seed: 9,
            ..Config::seed_defaults()
        },
        Config {
            hidden: vec![64, 64],
            loss: Loss::BceWithLogits,
            seed: 7,
            ..Config::seed_defaults()
        },
    ]
}

/// Every weight of every network, flattened in the trainer's order.
fn ed_weights(config: &Config) -> Vec<f64> {
    let ed = EdRun::new(config.clone());
    ed.networks()
        .iter()
        .flat_map(|n| n.layers())
        .flat_map(|l| l.weights().to_vec())
        .collect()
}

fn bp_weights(bp: &BackpropRun) -> Vec<f64> {
    bp.networks()
        .iter()
        .flat_map(|n| n.layers())
        .flat_map(|l| l.weights().to_vec())
        .collect()
}

#[test]
fn initial_magnitudes_are_eds() {
    for config in configs() {
        let bp = BackpropRun::new(config.clone());
        let ed = EdRun::new(config.clone());
        assert_eq!(bp.networks().len(), ed.networks().len());
        for (b, e) in bp.networks().iter().zip(ed.networks()) {
            assert_eq!(b.shape(), e.shape(), "{config:?}");
            assert_eq!(b.output_activation(), e.output_activation());
            let bp_sizes: Vec<(usize, usize)> = b
                .layers()
                .iter()
                .map(|l| (l.inputs(), l.outputs()))
                .collect();
            assert_eq!(bp_sizes, e.shape().layer_sizes(), "{config:?}");
        }
        let magnitudes = |w: Vec<f64>| w.iter().map(|w| w.abs().to_bits()).collect::<Vec<_>>();
        assert_eq!(
            magnitudes(bp_weights(&bp)),
            magnitudes(ed_weights(&config)),
            "{config:?}"
        );
    }
}

#[test]
fn signs_are_a_fair_coin_of_their_own_stream() {
    for config in configs() {
        let ed = ed_weights(&config);
        let bp = bp_weights(&BackpropRun::new(config.clone()));
        let negative = bp.iter().filter(|w| **w < 0.0).count();
        let flipped = bp
            .iter()
            .zip(&ed)
            .filter(|(b, e)| b.signum() != e.signum())
            .count();
        let n = bp.len() as f64;
        // 30 weights or more: a fair coin lands within these bounds.
        assert!(bp.len() >= 30, "{config:?}");
        for (what, count) in [("negative", negative), ("flipped", flipped)] {
            let share = count as f64 / n;
            assert!((0.25..=0.75).contains(&share), "{config:?}: {what} {share}");
        }
        // The same seed gives the same signs; another seed others.
        assert_eq!(bp, bp_weights(&BackpropRun::new(config.clone())));
        let other = bp_weights(&BackpropRun::new(Config {
            seed: config.seed + 1,
            ..config.clone()
        }));
        assert_ne!(
            bp.iter().map(|w| w.signum()).collect::<Vec<_>>(),
            other.iter().map(|w| w.signum()).collect::<Vec<_>>()
        );
    }
    assert_eq!(SIGN_SEED.to_be_bytes(), *b"backprop");
}

/// The first epoch (of at most `cap`) after which the task is solved.
fn epochs_to_solve(config: Config, cap: u64) -> Option<u64> {
    let task = config.task;
    let mut bp = BackpropRun::new(config);
    (1..=cap).find(|_| {
        let stats = bp.run_epoch();
        is_solved(task, stats.mean_loss, bp.evaluate_train().accuracy)
    })
}

#[test]
fn backprop_learns_xor() {
    // Seed defaults (4-8-8-1, lr 0.5): seeds 1..=12 solve in 219 to 557 epochs.
    for loss in Loss::ALL {
        for seed in 1..=6 {
            let config = Config {
                loss,
                seed,
                ..Config::seed_defaults()
            };
            let solved = epochs_to_solve(config.clone(), 2000);
            assert!(solved.is_some(), "{config:?} not solved in 2000 epochs");
            let mut bp = BackpropRun::new(config);
            for _ in 0..solved.unwrap() + 1000 {
                bp.run_epoch();
            }
            let out = bp.pattern_outputs();
            for (p, t) in out.iter().zip([0.0, 1.0, 1.0, 0.0]) {
                assert!((p - t).abs() < 0.15, "{loss} seed {seed}: {out:?}");
            }
        }
    }
}

#[test]
fn weights_change_sign_and_shrink() {
    let config = Config::seed_defaults();
    let mut bp = BackpropRun::new(config);
    let before = bp_weights(&bp);
    for _ in 0..500 {
        bp.run_epoch();
    }
    let after = bp_weights(&bp);
    let crossed = before
        .iter()
        .zip(&after)
        .filter(|(b, a)| b.signum() != a.signum())
        .count();
    let shrunk = before
        .iter()
        .zip(&after)
        .filter(|(b, a)| a.abs() < b.abs())
        .count();
    assert!(crossed > 0, "no weight changed sign");
    assert!(shrunk > 0, "no weight shrank");
}

#[test]
fn bce_through_a_sigmoid_and_bce_with_logits_take_the_same_steps() {
    // Both losses give the output's summed input the gradient `scale * (p - t)`,
    // computed along different roundings: the runs agree to rounding.
    let run = |loss| {
        let mut bp = BackpropRun::new(Config {
            loss,
            ..Config::seed_defaults()
        });
        (0..300)
            .map(|_| bp.run_epoch().mean_loss)
            .collect::<Vec<_>>()
    };
    let (bce, logits) = (run(Loss::Bce), run(Loss::BceWithLogits));
    for (e, (a, b)) in bce.iter().zip(&logits).enumerate() {
        assert!((a - b).abs() <= 1e-9 * a.abs(), "epoch {e}: {a} vs {b}");
    }
    let mse = run(Loss::Mse);
    assert!((mse[299] - bce[299]).abs() > 1e-3, "MSE is another loss");
}

fn task(task: Task) -> Config {
    Config {
        task,
        ..Config::seed_defaults()
    }
}

#[test]
fn backprop_trains_and_tests_on_eds_points() {
    for t in Task::built_in() {
        for seed in [42, 7] {
            let config = Config {
                seed,
                noise: 0.2,
                test_fraction: 0.3,
                ..task(t)
            };
            let (ed, bp) = (EdRun::new(config.clone()), BackpropRun::new(config));
            assert_eq!(bp.dataset(), ed.dataset(), "{t}");
            assert_eq!(bp.test_set(), ed.test_set(), "{t}");
            assert_eq!(bp.test_set().is_some(), t.is_sampled(), "{t}");
        }
    }
}

/// The scores recomputed from `predict` (see `common::rescored`).
fn rescored(bp: &mut BackpropRun, data: &Dataset) -> (f64, f64) {
    let task = bp.config().task;
    common::rescored(|x, out| bp.predict(x, out), task, data)
}

#[test]
fn backprop_scores_are_what_its_predictions_say() {
    // Part-way through training, so that the scores are neither 0 nor 1.
    for (t, epochs) in [
        (Task::Circle, 5),
        (Task::Moons, 5),
        (Task::Spiral3, 30),
        (Task::Adder, 30),
    ] {
        let mut bp = BackpropRun::new(task(t));
        for _ in 0..epochs {
            bp.run_epoch();
        }
        let train = bp.dataset().clone();
        let (loss, accuracy) = rescored(&mut bp, &train);
        let e = bp.evaluate_train();
        assert!((e.mean_loss - loss).abs() < 1e-12, "{t}: {e:?} vs {loss}");
        assert_eq!(e.accuracy, accuracy, "{t}");
        match bp.test_set().cloned() {
            Some(test) => {
                let (loss, accuracy) = rescored(&mut bp, &test);
                let e = bp.evaluate_test().unwrap();
                assert!((e.mean_loss - loss).abs() < 1e-12, "{t}: {e:?} vs {loss}");
                assert_eq!(e.accuracy, accuracy, "{t}");
                assert_eq!(bp.test_loss(), Some(e.mean_loss));
                assert!(e.accuracy > 0.0 && e.accuracy < 1.0, "{t}: {e:?}");
            }
            None => {
                assert_eq!(bp.evaluate_test(), None, "{t}");
                assert_eq!(bp.test_loss(), None, "{t}");
            }
        }
    }
}

#[test]
fn backprop_keeps_its_last_loss_and_scores_under_the_loss_in_force() {
    let mut bp = BackpropRun::new(task(Task::Circle));
    assert_eq!(bp.last_loss(), None);
    let mut last = None;
    for _ in 0..10 {
        last = Some(bp.run_epoch().mean_loss);
    }
    assert_eq!(bp.last_loss(), last);
    let mse = bp.test_loss().unwrap();
    bp.set_loss(Loss::Bce);
    let bce = bp.test_loss().unwrap();
    assert!(bce > mse, "BCE {bce} is the larger on the same predictions");
    bp.set_loss(Loss::Mse);
    assert_eq!(bp.test_loss(), Some(mse));
}

#[test]
fn a_backprop_checkpoint_restores_the_run() {
    let config = Config {
        shuffle: true,
        ..task(Task::Moons)
    };
    let mut bp = BackpropRun::new(config);
    for _ in 0..20 {
        bp.run_epoch();
    }
    let mut checkpoint = BackpropRun::new(bp.config().clone());
    checkpoint.copy_state_from(&bp);
    assert_eq!(bp_weights(&checkpoint), bp_weights(&bp));
    assert_eq!(checkpoint.epoch(), 20);
    assert_eq!(checkpoint.last_loss(), bp.last_loss());
    // The copy goes on as the original does, shuffled orders included.
    for _ in 0..5 {
        assert_eq!(checkpoint.run_epoch(), bp.run_epoch());
    }
}
