//! A backprop training run: the run ED's trainer is (see [`crate::run`]), over
//! backprop networks, so the page, the race and the experiment drive both
//! methods the same way.

use rand::rngs::StdRng;
use rand::SeedableRng;

use super::network::Network;
use crate::config::Config;
use crate::ed::{Activation, Loss, Rule};
use crate::run::{Run, SubNetwork};

/// The signs of the initial weights come from their own generator, seeded with
/// `config.seed ^ SIGN_SEED` (the bytes of "backprop"), so the magnitudes are
/// ED's draws of `config.seed`, untouched, and neither stream shifts the other.
pub const SIGN_SEED: u64 = u64::from_be_bytes(*b"backprop");

/// A training run of backprop networks: the same patterns, test set and
/// pattern orders as ED's run of the same configuration.
pub type BpTrainer = Run<Network>;

impl SubNetwork for Network {
    /// ED's networks for `config` (one per output), each weight keeping its
    /// magnitude and taking a sign from the [`SIGN_SEED`] stream.
    fn build(config: &Config, inputs: usize, outputs: usize) -> Vec<Network> {
        let mut signs = StdRng::seed_from_u64(config.seed ^ SIGN_SEED);
        crate::ed::Network::build(config, inputs, outputs)
            .iter()
            .map(|net| {
                let mut bp = Network::from_ed(net);
                bp.draw_signs(&mut signs);
                bp
            })
            .collect()
    }

    fn train(
        &mut self,
        input: &[f64],
        target: f64,
        _rule: Rule,
        loss: Loss,
        lr: f64,
    ) -> (f64, f64) {
        Network::train(self, input, target, loss, lr)
    }

    fn forward(&mut self, input: &[f64]) -> f64 {
        Network::forward(self, input)
    }

    fn output_activation(&self) -> Activation {
        Network::output_activation(self)
    }

    fn set_loss(&mut self, loss: Loss) {
        Network::set_loss(self, loss)
    }

    fn copy_weights_from(&mut self, other: &Network) {
        Network::copy_weights_from(self, other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::shuffle_patterns;

    #[test]
    fn shuffled_epochs_use_the_ed_trainers_orders() {
        let config = Config {
            task: crate::task::Task::Parity,
            bits: 4,
            shuffle: true,
            ..Config::seed_defaults()
        };
        let mut bp = BpTrainer::new(config.clone());
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
        let mut bp = BpTrainer::new(Config::seed_defaults());
        bp.run_epoch();
        assert_eq!(bp.order(), [0, 1, 2, 3]);
    }

    #[test]
    fn set_lr_refuses_what_the_config_refuses() {
        let mut bp = BpTrainer::new(Config::seed_defaults());
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert_eq!(bp.set_lr(bad).unwrap_err().field, "lr");
        }
        assert_eq!(bp.config().lr, 0.5);
        bp.set_lr(0.1).unwrap();
        assert_eq!(bp.config().lr, 0.1);
    }
}
