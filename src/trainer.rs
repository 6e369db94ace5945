//! ED's training run: a [`Run`] of ED networks (see [`crate::run`] for what a
//! run does; [`crate::model`] saves and loads one).

use rand::rngs::StdRng;
use rand::SeedableRng;

use crate::config::Config;
use crate::ed::{Activation, Loss, Network, Rule};
use crate::run::{Run, SubNetwork};

pub use crate::run::{shuffle_patterns, EpochStats, KANEKO_STOP_ERROR};

/// A training run of ED networks.
pub type Trainer = Run<Network>;

impl SubNetwork for Network {
    /// Drawn from one generator of `config.seed`, one network after the other.
    fn build(config: &Config, inputs: usize, outputs: usize) -> Vec<Network> {
        let mut rng = StdRng::seed_from_u64(config.seed);
        (0..outputs)
            .map(|_| {
                Network::random(
                    config.shape(inputs),
                    config.loss,
                    config.init_range,
                    &mut rng,
                )
            })
            .collect()
    }

    fn train(&mut self, input: &[f64], target: f64, rule: Rule, loss: Loss, lr: f64) -> (f64, f64) {
        Network::train(self, input, target, rule, loss, lr)
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
