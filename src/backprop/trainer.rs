//! A backprop training run with the ED trainer's API shape, so the page, the
//! race and the experiment drive both methods the same way.

use rand::rngs::StdRng;
use rand::SeedableRng;

use super::network::Network;
use crate::config::{Config, ConfigError};
use crate::ed::Loss;
use crate::task::Dataset;
use crate::trainer::{shuffle_patterns, EpochStats, Trainer};

/// The signs of the initial weights come from their own generator, seeded with
/// `config.seed ^ SIGN_SEED` (the bytes of "backprop"), so the magnitudes are
/// ED's draws of `config.seed`, untouched, and neither stream shifts the other.
pub const SIGN_SEED: u64 = u64::from_be_bytes(*b"backprop");

#[derive(Clone, Debug)]
pub struct BpTrainer {
    config: Config,
    data: Dataset,
    networks: Vec<Network>,
    order: Vec<usize>,
    epoch: u64,
}

impl BpTrainer {
    /// The ED trainer's networks for `config` (one per output), each weight
    /// keeping its magnitude and taking a sign from the [`SIGN_SEED`] stream.
    pub fn new(config: Config) -> BpTrainer {
        let ed = Trainer::new(config.clone());
        let mut signs = StdRng::seed_from_u64(config.seed ^ SIGN_SEED);
        let networks = ed
            .networks()
            .iter()
            .map(|net| {
                let mut bp = Network::from_ed(net);
                bp.draw_signs(&mut signs);
                bp
            })
            .collect();
        let data = ed.dataset().clone();
        BpTrainer {
            order: (0..data.len()).collect(),
            config,
            data,
            networks,
            epoch: 0,
        }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn dataset(&self) -> &Dataset {
        &self.data
    }

    pub fn networks(&self) -> &[Network] {
        &self.networks
    }

    /// Epochs trained so far.
    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// Takes effect from the next pattern; the weights are kept.
    pub fn set_loss(&mut self, loss: Loss) {
        self.config.loss = loss;
        for net in &mut self.networks {
            net.set_loss(loss);
        }
    }

    /// Takes effect from the next pattern; refuses what the ED trainer refuses.
    pub fn set_lr(&mut self, lr: f64) -> Result<(), ConfigError> {
        crate::config::check_lr(lr)?;
        self.config.lr = lr;
        Ok(())
    }

    /// One pass over the patterns in the ED trainer's order, each measured before
    /// its update as [`Trainer::run_epoch`] measures it. Allocates nothing.
    pub fn run_epoch(&mut self) -> EpochStats {
        if self.config.shuffle {
            shuffle_patterns(&mut self.order, self.config.seed, self.epoch);
        }
        let (loss, lr) = (self.config.loss, self.config.lr);
        let outputs = self.networks.len() as f64;
        let mut loss_sum = 0.0;
        let mut abs_error = 0.0;
        for &k in &self.order {
            let (input, target) = (self.data.input(k), self.data.target(k));
            let mut pattern_loss = 0.0;
            for (net, &t) in self.networks.iter_mut().zip(target) {
                let (y, p) = net.train(input, t, loss, lr);
                pattern_loss += loss.value(y, t);
                abs_error += (t - p).abs();
            }
            loss_sum += pattern_loss / outputs;
        }
        self.epoch += 1;
        EpochStats {
            mean_loss: loss_sum / self.data.len() as f64,
            abs_error,
        }
    }

    /// Probabilities the networks give for raw inputs, one per output, into `out`.
    ///
    /// Panics if `input` is not as long as the task's inputs or `out` is shorter
    /// than the number of outputs.
    pub fn predict(&mut self, input: &[f64], out: &mut [f64]) {
        assert_eq!(
            input.len(),
            self.data.n_inputs,
            "predict: wrong number of inputs"
        );
        assert!(
            out.len() >= self.networks.len(),
            "predict: output buffer too short"
        );
        for (net, o) in self.networks.iter_mut().zip(out) {
            *o = net.predict(input);
        }
    }

    /// One output's probability for raw inputs; only that output's network runs.
    pub fn predict_output(&mut self, output: usize, input: &[f64]) -> f64 {
        self.networks[output].predict(input)
    }

    /// Probabilities for every pattern in the task's order, pattern-major.
    pub fn pattern_outputs(&mut self) -> Vec<f64> {
        let mut out = vec![0.0; self.data.len() * self.data.n_outputs];
        self.pattern_outputs_into(&mut out);
        out
    }

    /// As [`BpTrainer::pattern_outputs`], into a buffer of that length.
    pub fn pattern_outputs_into(&mut self, out: &mut [f64]) {
        for (k, chunk) in out.chunks_exact_mut(self.data.n_outputs).enumerate() {
            for (net, o) in self.networks.iter_mut().zip(chunk) {
                *o = net.predict(self.data.input(k));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert_eq!(bp.order, expected, "epoch {epoch}");
            seen_other |= expected != (0..16).collect::<Vec<_>>();
        }
        assert!(seen_other, "the shuffle never moved a pattern");
    }

    #[test]
    fn unshuffled_epochs_keep_the_tasks_order() {
        let mut bp = BpTrainer::new(Config::seed_defaults());
        bp.run_epoch();
        assert_eq!(bp.order, [0, 1, 2, 3]);
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
