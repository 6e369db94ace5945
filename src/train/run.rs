//! A training run of either method: the task's patterns (and a 2-D task's test
//! set), the pattern order, the epoch count and one network per output. ED's
//! [`crate::EdRun`] and backprop's [`crate::BackpropRun`] are this run over
//! their own networks, so both count, order, measure and score epochs with the
//! same code. Online training, one pattern at a time; an epoch is one pass over
//! the training set. The test set is only ever evaluated.

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

use super::budget::Budget;
use super::evaluation::{evaluate, Evaluation};
use super::network::SubNetwork;
use crate::ed::Loss;
use crate::settings::{Config, ConfigError};
use crate::task::{Dataset, Split};

/// Kaneko's stopping rule: the epoch's summed `|t - y|` falls below this.
pub const KANEKO_STOP_ERROR: f64 = 0.1;

/// What one epoch measured, every value taken before each pattern's update.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EpochStats {
    /// Mean per-pattern loss (the seed's `loss:` line); a pattern's loss is the
    /// mean over its outputs.
    pub mean_loss: f64,
    /// Sum of `|t - p|` over patterns and outputs (Kaneko's `err`).
    pub abs_error: f64,
    /// The largest `min(p, 1 - p)` of any output and pattern: how far the
    /// least certain output stood from 0 or 1. Near 0, every output is pinned
    /// (see [`crate::train::freeze`]).
    pub max_uncertainty: f64,
}

impl EpochStats {
    pub fn meets_kaneko_stop(&self) -> bool {
        self.abs_error < KANEKO_STOP_ERROR
    }
}

/// Puts a shuffled order of the patterns into `order`, a function of the seed
/// and the epoch number only: a saved and reloaded run continues with the same
/// orders, and a backprop run of the same seed sees the same orders as ED.
pub fn shuffle_patterns(order: &mut [usize], seed: u64, epoch: u64) {
    let mut rng = StdRng::seed_from_u64(seed ^ epoch.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    for (k, slot) in order.iter_mut().enumerate() {
        *slot = k;
    }
    for i in (1..order.len()).rev() {
        let j = rng.random_range(0..=i);
        order.swap(i, j);
    }
}

/// A training run of ED networks.
pub type EdRun = Run<crate::ed::Network>;

/// A training run of backprop networks: the same patterns, test set and
/// pattern orders as ED's run of the same configuration.
pub type BackpropRun = Run<crate::backprop::Network>;

#[derive(Clone, Debug)]
pub struct Run<N> {
    config: Config,
    data: Dataset,
    test: Option<Dataset>,
    networks: Vec<N>,
    order: Vec<usize>,
    epoch: u64,
    /// The epoch in progress, when a budget stopped it between patterns.
    partial: PartialEpoch,
    /// How many times the sets were replaced (the reader's own points): a view
    /// that copies them copies them again when this changes.
    data_version: u64,
    /// The last epoch's mean loss, kept so a saved run reports it when loaded.
    pub(crate) last_loss: Option<f64>,
}

/// How far the epoch in progress has come: the patterns of `order` trained so
/// far and the sums of their figures. All zero between epochs.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct PartialEpoch {
    done: usize,
    loss_sum: f64,
    abs_error: f64,
    max_uncertainty: f64,
}

impl<N: SubNetwork> Run<N> {
    /// A fresh run of `config`: with several outputs, one independent network
    /// per output.
    pub fn new(config: Config) -> Run<N> {
        let split = config.task.split(config.bits, &config.sampling());
        let networks = N::build(&config, split.train.n_inputs, split.train.n_outputs);
        Run::assemble(config, split, networks, 0)
    }

    /// A fresh run of `config` on patterns of its caller's (handwritten digits,
    /// see [`crate::studies::digits`]) instead of its task's.
    pub fn with_split(config: Config, split: Split) -> Run<N> {
        let networks = N::build(&config, split.train.n_inputs, split.train.n_outputs);
        Run::assemble(config, split, networks, 0)
    }

    /// Resumes from checked networks (see [`crate::io::model`]). A 2-D task's points
    /// are drawn again from the configuration, which gives the same points.
    pub(crate) fn from_parts(config: Config, networks: Vec<N>, epoch: u64) -> Run<N> {
        let split = config.task.split(config.bits, &config.sampling());
        Run::assemble(config, split, networks, epoch)
    }

    fn assemble(config: Config, split: Split, networks: Vec<N>, epoch: u64) -> Run<N> {
        let order = (0..split.train.len()).collect();
        Run {
            config,
            data: split.train,
            test: split.test,
            networks,
            order,
            epoch,
            partial: PartialEpoch::default(),
            data_version: 0,
            last_loss: None,
        }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The training set.
    pub fn dataset(&self) -> &Dataset {
        &self.data
    }

    /// The held-out points of a 2-D task; `None` for a truth table.
    pub fn test_set(&self) -> Option<&Dataset> {
        self.test.as_ref()
    }

    pub fn networks(&self) -> &[N] {
        &self.networks
    }

    /// The networks, to run one on an input of its own (a unit's map); training
    /// goes through [`Run::run_epoch`].
    pub fn networks_mut(&mut self) -> &mut [N] {
        &mut self.networks
    }

    /// The networks with the training and test sets beside them, to score the
    /// networks on the sets by a rule of the caller's (a study's).
    pub fn parts_mut(&mut self) -> (&mut [N], &Dataset, Option<&Dataset>) {
        (&mut self.networks, &self.data, self.test.as_ref())
    }

    /// Epochs trained so far.
    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// The mean loss of the last epoch trained (or saved with the model), if any.
    pub fn last_loss(&self) -> Option<f64> {
        self.last_loss
    }

    /// Takes effect from the next pattern; the weights are kept.
    pub fn set_loss(&mut self, loss: Loss) {
        self.config.loss = loss;
        for net in &mut self.networks {
            net.set_loss(loss);
        }
    }

    /// Takes effect from the next pattern; refuses a rate outside the
    /// configuration's limits (a negative one would shrink ED's weights).
    pub fn set_lr(&mut self, lr: f64) -> Result<(), ConfigError> {
        crate::settings::check_lr(lr)?;
        self.config.lr = lr;
        Ok(())
    }

    /// One pass over the patterns (the rest of it, if a budget stopped the
    /// last). Allocates nothing.
    pub fn run_epoch(&mut self) -> EpochStats {
        self.train_patterns(&mut Budget::unlimited())
            .expect("an unlimited budget ends the epoch")
    }

    /// Trains the epoch's patterns while `budget` lasts (each pattern costs a
    /// unit per network) and returns the epoch's figures if it ended. Stopped
    /// between two patterns, the next call goes on from there: the weights and
    /// figures are those of an uninterrupted epoch, bit for bit. Allocates nothing.
    // One copy of the loop, which the Learner impl would otherwise inline a
    // second of: with two, LLVM left ED's training step out of line in both
    // (callgrind: 0.2% more instructions per XOR epoch than the loop had
    // before it was shared); with one, the step inlines again.
    #[inline(never)]
    pub fn train_patterns(&mut self, budget: &mut Budget) -> Option<EpochStats> {
        if self.config.shuffle && self.partial.done == 0 {
            shuffle_patterns(&mut self.order, self.config.seed, self.epoch);
        }
        let (rule, loss, lr) = (self.config.rule(), self.config.loss, self.config.lr);
        let units = self.networks.len() as u64;
        let outputs = self.networks.len() as f64;
        let PartialEpoch {
            mut done,
            mut loss_sum,
            mut abs_error,
            mut max_uncertainty,
        } = self.partial;
        for &k in &self.order[done..] {
            if !budget.take(units) {
                break;
            }
            let (input, target) = (self.data.input(k), self.data.target(k));
            let mut pattern_loss = 0.0;
            for (net, &t) in self.networks.iter_mut().zip(target) {
                let (y, p) = net.train(input, t, rule, loss, lr);
                pattern_loss += loss.value(y, t);
                abs_error += (t - p).abs();
                // `max` passes a NaN over; a NaN loss stops the run anyway.
                max_uncertainty = max_uncertainty.max(p.min(1.0 - p));
            }
            loss_sum += pattern_loss / outputs;
            done += 1;
        }
        if done < self.order.len() {
            self.partial = PartialEpoch {
                done,
                loss_sum,
                abs_error,
                max_uncertainty,
            };
            return None;
        }
        self.partial = PartialEpoch::default();
        self.epoch += 1;
        let mean_loss = loss_sum / self.data.len() as f64;
        self.last_loss = Some(mean_loss);
        Some(EpochStats {
            mean_loss,
            abs_error,
            max_uncertainty,
        })
    }

    /// The pattern the next training step takes, and its place in the epoch
    /// (0 for the first). A new epoch's order is drawn here as training would
    /// draw it (a function of the seed and the epoch), so training then takes
    /// this very pattern.
    pub fn next_pattern(&mut self) -> (usize, usize) {
        if self.config.shuffle && self.partial.done == 0 {
            shuffle_patterns(&mut self.order, self.config.seed, self.epoch);
        }
        (self.order[self.partial.done], self.partial.done)
    }

    /// Whether a budget stopped an epoch partway: the weights are between two
    /// patterns, and [`Run::epoch`] counts the epochs finished.
    pub fn mid_epoch(&self) -> bool {
        self.partial.done > 0
    }

    /// Loss and accuracy on the training set with the current weights (an
    /// epoch's own loss is taken before each pattern's update instead).
    /// Allocates nothing.
    pub fn evaluate_train(&mut self) -> Evaluation {
        evaluate(
            &mut self.networks,
            &self.data,
            self.config.loss,
            self.config.task.scoring(),
        )
    }

    /// Loss and accuracy on the test set, `None` for a task without one.
    /// Allocates nothing, so the page may call it every frame.
    pub fn evaluate_test(&mut self) -> Option<Evaluation> {
        let test = self.test.as_ref()?;
        Some(evaluate(
            &mut self.networks,
            test,
            self.config.loss,
            self.config.task.scoring(),
        ))
    }

    /// The test set's mean loss, `None` for a task without one.
    pub fn test_loss(&mut self) -> Option<f64> {
        self.evaluate_test().map(|e| e.mean_loss)
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

    /// The probability of output `output` alone, for raw inputs: one network's
    /// work instead of all of them.
    ///
    /// Panics if `output` is not an output of the task or `input` has the
    /// wrong length.
    pub fn predict_output(&mut self, output: usize, input: &[f64]) -> f64 {
        assert_eq!(
            input.len(),
            self.data.n_inputs,
            "predict: wrong number of inputs"
        );
        self.networks[output].predict(input)
    }

    /// Probabilities for every pattern in the task's order, pattern-major.
    pub fn pattern_outputs(&mut self) -> Vec<f64> {
        let mut out = vec![0.0; self.data.len() * self.data.n_outputs];
        self.pattern_outputs_into(&mut out);
        out
    }

    /// As [`Run::pattern_outputs`], into a buffer of that length.
    pub fn pattern_outputs_into(&mut self, out: &mut [f64]) {
        for (k, chunk) in out.chunks_exact_mut(self.data.n_outputs).enumerate() {
            for (net, o) in self.networks.iter_mut().zip(chunk) {
                *o = net.predict(self.data.input(k));
            }
        }
    }

    /// Makes this run an exact copy of `other`, which must have the same shape,
    /// reusing this run's buffers (no allocation): a cheap checkpoint.
    pub fn copy_state_from(&mut self, other: &Run<N>) {
        assert_eq!(
            self.networks.len(),
            other.networks.len(),
            "checkpoint of another shape"
        );
        for (mine, theirs) in self.networks.iter_mut().zip(&other.networks) {
            mine.copy_weights_from(theirs);
            mine.set_loss(other.config.loss);
        }
        self.config.loss = other.config.loss;
        self.config.lr = other.config.lr;
        self.epoch = other.epoch;
        self.last_loss = other.last_loss;
        self.partial = other.partial;
        self.order.copy_from_slice(&other.order);
    }

    /// Trains on `split` from the next epoch on, keeping the weights and the
    /// epoch count (the reader's own points changed). Between epochs only.
    pub(crate) fn replace_data(&mut self, split: Split) {
        assert!(!self.mid_epoch(), "the patterns change between epochs");
        self.order.clear();
        self.order.extend(0..split.train.len());
        self.data = split.train;
        self.test = split.test;
        self.data_version += 1;
    }

    /// Changes each time the sets are replaced ([`Run::replace_data`]).
    pub fn data_version(&self) -> u64 {
        self.data_version
    }

    /// The order of the last epoch's patterns.
    #[cfg(test)]
    pub(crate) fn order(&self) -> &[usize] {
        &self.order
    }
}
