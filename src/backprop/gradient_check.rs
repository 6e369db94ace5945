//! The analytic gradient of every weight against central finite differences of
//! the loss, for each loss, with and without bias units, one and two hidden
//! layers, at the initial weights and after some training.

use super::Network;
use crate::ed::Loss;
use crate::train::BackpropRun;
use crate::Config;

/// Worst accepted `|analytic - numeric| / max(|analytic|, |numeric|)`. The
/// five-point central difference with step `H` errs by about `H^4` (truncation)
/// plus `1e-16 / H` (rounding), near `1e-12` here; the tolerance leaves room for
/// small gradients and no more, so a gradient wrong by one part in a million fails.
const TOLERANCE: f64 = 1e-7;
/// Below this both sides count as zero (a weight from a source that is 0).
const FLOOR: f64 = 1e-10;
const H: f64 = 1e-4;

fn network(config: Config) -> Network {
    BackpropRun::new(config).networks()[0].clone()
}

fn loss_at(net: &mut Network, input: &[f64], target: f64, loss: Loss) -> f64 {
    let y = net.forward(input);
    loss.value(y, target)
}

/// Five-point central differences of the loss for every weight, laid out as the gradient.
fn numeric_gradient(net: &Network, input: &[f64], target: f64, loss: Loss) -> Vec<Vec<f64>> {
    let mut probe = net.clone();
    (0..net.layers().len())
        .map(|l| {
            (0..net.layers()[l].weights().len())
                .map(|k| {
                    let w = net.layers()[l].weights()[k];
                    let mut at = |dw: f64| {
                        probe.layers_mut()[l].weights_mut()[k] = w + dw;
                        loss_at(&mut probe, input, target, loss)
                    };
                    let slope =
                        (8.0 * (at(H) - at(-H)) - (at(2.0 * H) - at(-2.0 * H))) / (12.0 * H);
                    probe.layers_mut()[l].weights_mut()[k] = w;
                    slope
                })
                .collect()
        })
        .collect()
}

/// The worst relative disagreement between two gradients, with where it is.
fn worst_error(analytic: &[Vec<f64>], numeric: &[Vec<f64>]) -> (f64, usize, usize) {
    let mut worst = (0.0, 0, 0);
    for (l, (a, n)) in analytic.iter().zip(numeric).enumerate() {
        assert_eq!(a.len(), n.len());
        for (k, (&a, &n)) in a.iter().zip(n).enumerate() {
            let scale = a.abs().max(n.abs());
            let err = if scale < FLOOR {
                0.0
            } else {
                (a - n).abs() / scale
            };
            if err > worst.0 {
                worst = (err, l, k);
            }
        }
    }
    worst
}

/// Patterns away from the BCE clamp: the four XOR corners and two inner points.
const PATTERNS: [([f64; 2], f64); 6] = [
    ([0.0, 0.0], 0.0),
    ([0.0, 1.0], 1.0),
    ([1.0, 0.0], 1.0),
    ([1.0, 1.0], 0.0),
    ([0.3, 0.8], 1.0),
    ([-0.6, 0.25], 0.0),
];

fn configs() -> Vec<Config> {
    let mut all = Vec::new();
    for loss in Loss::ALL {
        for beta in [None, Some(0.8)] {
            for hidden in [vec![5], vec![4, 3]] {
                // u0 1.0: a slope other than 1, so a missing slope factor shows.
                for u0 in [2.0, 1.0] {
                    all.push(Config {
                        loss,
                        beta,
                        hidden: hidden.clone(),
                        u0,
                        seed: 7,
                        ..Config::seed_defaults()
                    });
                }
            }
        }
    }
    all
}

fn check(net: &mut Network, loss: Loss, what: &str) {
    for (input, target) in PATTERNS {
        let analytic = net.gradient(&input, target, loss);
        let numeric = numeric_gradient(net, &input, target, loss);
        let (err, l, k) = worst_error(&analytic, &numeric);
        assert!(
            err < TOLERANCE,
            "{what}, pattern {input:?}: layer {l} weight {k}: analytic {} numeric {} (relative error {err:e})",
            analytic[l][k],
            numeric[l][k]
        );
        assert!(
            analytic
                .iter()
                .flatten()
                .filter(|g| g.abs() > FLOOR)
                .count()
                > 3,
            "{what}: a vanishing gradient checks nothing"
        );
    }
}

#[test]
fn gradients_match_finite_differences_at_the_initial_weights() {
    for config in configs() {
        let what = format!("{config:?}");
        check(&mut network(config.clone()), config.loss, &what);
    }
}

#[test]
fn gradients_match_finite_differences_after_training() {
    for config in configs() {
        let what = format!("{config:?} after 20 epochs");
        let mut trainer = BackpropRun::new(Config {
            lr: 0.3,
            ..config.clone()
        });
        for _ in 0..20 {
            trainer.run_epoch();
        }
        check(&mut trainer.networks()[0].clone(), config.loss, &what);
    }
}

#[test]
fn the_check_catches_a_gradient_off_by_one_part_in_a_million() {
    // Guards the guard: the tolerance is tight enough to see a small error.
    let config = Config {
        hidden: vec![4, 3],
        beta: Some(0.8),
        seed: 7,
        ..Config::seed_defaults()
    };
    let mut net = network(config);
    let (input, target) = PATTERNS[4];
    let numeric = numeric_gradient(&net, &input, target, Loss::Mse);
    for l in 0..3 {
        let mut analytic = net.gradient(&input, target, Loss::Mse);
        for g in &mut analytic[l] {
            *g *= 1.0 + 1e-6;
        }
        let (err, _, _) = worst_error(&analytic, &numeric);
        assert!(err > TOLERANCE, "layer {l}: error {err:e} passes");
    }
}
