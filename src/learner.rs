//! What the race and Kaneko's experiment ask of a learning method, so that one
//! piece of code drives ED and backprop alike instead of a copy for each.

use crate::config::Config;
use crate::evaluation::Evaluation;
use crate::run::{EpochStats, Run, SubNetwork};
use crate::task::Dataset;

/// The two learning methods, by name, for entry points that pick one at run time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    Ed,
    Backprop,
}

impl Method {
    pub const ALL: [Method; 2] = [Method::Ed, Method::Backprop];

    pub fn name(self) -> &'static str {
        match self {
            Method::Ed => "ed",
            Method::Backprop => "backprop",
        }
    }
}

/// A training run of either method, seen from outside.
pub trait Learner {
    fn from_config(config: Config) -> Self;
    fn run_epoch(&mut self) -> EpochStats;
    /// Epochs trained so far.
    fn epoch(&self) -> u64;
    fn config(&self) -> &Config;
    fn dataset(&self) -> &Dataset;
    /// Probabilities for every pattern in the task's order, pattern-major.
    fn pattern_outputs_into(&mut self, out: &mut [f64]);
    /// Loss and accuracy on the training set with the current weights.
    fn evaluate_train(&mut self) -> Evaluation;
    /// Loss and accuracy on a 2-D task's test set.
    fn evaluate_test(&mut self) -> Option<Evaluation>;
}

/// Both methods' trainers are runs; see [`Run`] for each method.
impl<N: SubNetwork> Learner for Run<N> {
    fn from_config(config: Config) -> Self {
        Run::new(config)
    }

    fn run_epoch(&mut self) -> EpochStats {
        Run::run_epoch(self)
    }

    fn epoch(&self) -> u64 {
        Run::epoch(self)
    }

    fn config(&self) -> &Config {
        Run::config(self)
    }

    fn dataset(&self) -> &Dataset {
        Run::dataset(self)
    }

    fn pattern_outputs_into(&mut self, out: &mut [f64]) {
        Run::pattern_outputs_into(self, out)
    }

    fn evaluate_train(&mut self) -> Evaluation {
        Run::evaluate_train(self)
    }

    fn evaluate_test(&mut self) -> Option<Evaluation> {
        Run::evaluate_test(self)
    }
}
