//! The one trait a run asks of a network of one output, and its two
//! implementations: ED's network and backprop's twin. Runs, lanes, evaluation,
//! decision maps and the studies are written once against [`SubNetwork`].

use rand::rngs::StdRng;
use rand::SeedableRng;

use crate::ed::{Activation, Loss, Rule};
use crate::settings::Config;

/// The network of one output, of either method, that a run trains and asks.
pub trait SubNetwork: Clone + std::fmt::Debug {
    /// The networks of a fresh run of `config`, one per output, drawn from
    /// `config.seed`.
    fn build(config: &Config, inputs: usize, outputs: usize) -> Vec<Self>;

    /// One online step on one pattern; `(y, probability)` before the update.
    /// Backprop has no use for `rule` (see [`crate::backprop`]).
    fn train(&mut self, input: &[f64], target: f64, rule: Rule, loss: Loss, lr: f64) -> (f64, f64);

    /// What the output unit emits for raw inputs (a logit under BCE-with-logits).
    fn forward(&mut self, input: &[f64]) -> f64;

    fn output_activation(&self) -> Activation;

    /// Switches the output unit to `loss`, keeping the weights.
    fn set_loss(&mut self, loss: Loss);

    /// Overwrites the weights with those of a network of the same shape.
    fn copy_weights_from(&mut self, other: &Self);

    /// The probability the output unit stands for, for raw inputs.
    fn predict(&mut self, input: &[f64]) -> f64 {
        let y = self.forward(input);
        self.output_activation().probability(y)
    }
}

impl SubNetwork for crate::ed::Network {
    /// Drawn from one generator of `config.seed`, one network after the other.
    fn build(config: &Config, inputs: usize, outputs: usize) -> Vec<Self> {
        let mut rng = StdRng::seed_from_u64(config.seed);
        (0..outputs)
            .map(|_| {
                crate::ed::Network::random(
                    config.shape(inputs),
                    config.loss,
                    config.init_range,
                    &mut rng,
                )
            })
            .collect()
    }

    fn train(&mut self, input: &[f64], target: f64, rule: Rule, loss: Loss, lr: f64) -> (f64, f64) {
        crate::ed::Network::train(self, input, target, rule, loss, lr)
    }

    fn forward(&mut self, input: &[f64]) -> f64 {
        crate::ed::Network::forward(self, input)
    }

    fn output_activation(&self) -> Activation {
        crate::ed::Network::output_activation(self)
    }

    fn set_loss(&mut self, loss: Loss) {
        crate::ed::Network::set_loss(self, loss)
    }

    fn copy_weights_from(&mut self, other: &Self) {
        crate::ed::Network::copy_weights_from(self, other)
    }
}

/// The signs of backprop's initial weights come from their own generator,
/// seeded with `config.seed ^ SIGN_SEED` (the bytes of "backprop"), so the
/// magnitudes are ED's draws of `config.seed`, untouched, and neither stream
/// shifts the other.
pub const SIGN_SEED: u64 = u64::from_be_bytes(*b"backprop");

/// Backprop has no use for `rule` (see [`crate::backprop`]).
impl SubNetwork for crate::backprop::Network {
    /// ED's networks for `config` (one per output), each weight keeping its
    /// magnitude and taking a sign from the [`SIGN_SEED`] stream.
    fn build(config: &Config, inputs: usize, outputs: usize) -> Vec<Self> {
        let mut signs = StdRng::seed_from_u64(config.seed ^ SIGN_SEED);
        crate::ed::Network::build(config, inputs, outputs)
            .iter()
            .map(|net| {
                let mut bp = crate::backprop::Network::from_ed(net);
                bp.draw_signs(&mut signs);
                bp
            })
            .collect()
    }

    fn train(&mut self, input: &[f64], target: f64, _: Rule, loss: Loss, lr: f64) -> (f64, f64) {
        crate::backprop::Network::train(self, input, target, loss, lr)
    }

    fn forward(&mut self, input: &[f64]) -> f64 {
        crate::backprop::Network::forward(self, input)
    }

    fn output_activation(&self) -> Activation {
        crate::backprop::Network::output_activation(self)
    }

    fn set_loss(&mut self, loss: Loss) {
        crate::backprop::Network::set_loss(self, loss)
    }

    fn copy_weights_from(&mut self, other: &Self) {
        crate::backprop::Network::copy_weights_from(self, other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::task::Task;
    use crate::train::{shuffle_patterns, BackpropRun};

    #[test]
    fn shuffled_epochs_use_the_ed_trainers_orders() {
        let config = Config {
            task: Task::Parity,
            bits: 4,
            shuffle: true,
            ..Config::seed_defaults()
        };
        let mut bp = BackpropRun::new(config.clone());
        let mut expected = vec![0; 16];
        let mut seen_other = false;
        for epoch in 0..5 {
            bp.run_epoch();
            shuffle_patterns(&mut expected, config.seed, epoch);
            assert_eq!(bp.order(), expected, "epoch {epoch}");
            seen_other |= expected != (0..16).collect::<Vec<_>>();
        }
        assert!(seen_other, "the shuffle never moved a pattern");
    }

    #[test]
    fn unshuffled_epochs_keep_the_tasks_order() {
        let mut bp = BackpropRun::new(Config::seed_defaults());
        bp.run_epoch();
        assert_eq!(bp.order(), [0, 1, 2, 3]);
    }

    #[test]
    fn set_lr_refuses_what_the_config_refuses() {
        let mut bp = BackpropRun::new(Config::seed_defaults());
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert_eq!(bp.set_lr(bad).unwrap_err().field, "lr");
        }
        assert_eq!(bp.config().lr, 0.5);
        bp.set_lr(0.1).unwrap();
        assert_eq!(bp.config().lr, 0.1);
    }
}
