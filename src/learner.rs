//! What the race and Kaneko's experiment ask of a learning method, so that one
//! piece of code drives ED and backprop alike instead of a copy for each.

use crate::backprop::BpTrainer;
use crate::config::Config;
use crate::task::Dataset;
use crate::trainer::{EpochStats, Trainer};

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
    fn dataset(&self) -> &Dataset;
    /// Probabilities for every pattern in the task's order, pattern-major.
    fn pattern_outputs_into(&mut self, out: &mut [f64]);
}

impl Learner for Trainer {
    fn from_config(config: Config) -> Self {
        Trainer::new(config)
    }

    fn run_epoch(&mut self) -> EpochStats {
        Trainer::run_epoch(self)
    }

    fn epoch(&self) -> u64 {
        Trainer::epoch(self)
    }

    fn dataset(&self) -> &Dataset {
        Trainer::dataset(self)
    }

    fn pattern_outputs_into(&mut self, out: &mut [f64]) {
        Trainer::pattern_outputs_into(self, out)
    }
}

impl Learner for BpTrainer {
    fn from_config(config: Config) -> Self {
        BpTrainer::new(config)
    }

    fn run_epoch(&mut self) -> EpochStats {
        BpTrainer::run_epoch(self)
    }

    fn epoch(&self) -> u64 {
        BpTrainer::epoch(self)
    }

    fn dataset(&self) -> &Dataset {
        BpTrainer::dataset(self)
    }

    fn pattern_outputs_into(&mut self, out: &mut [f64]) {
        BpTrainer::pattern_outputs_into(self, out)
    }
}
