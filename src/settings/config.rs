//! The one validated configuration of a training run and its defaults. Links,
//! the wasm API, the CLI and model files all build a [`Config`] from the
//! parameter schema's values ([`super::params::Params::config_from_values`]) and
//! pass it through [`Config::validate`] ([`super::validate`]), so every entry
//! point has the same defaults, limits and error messages.

use serde::{Deserialize, Serialize};

use crate::ed::{Loss, Rule, Shape};
use crate::task::{Sampling, Task, DEFAULT_NOISE, DEFAULT_POINTS, DEFAULT_TEST_FRACTION};

// The limits live in their own module; still reachable as `config::MAX_LR` and so on.
pub use super::limits::{MAX_HIDDEN_LAYERS, MAX_LR, MAX_PARAMETER, MAX_UNITS};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum RuleName {
    Seed,
    Kaneko,
}

impl RuleName {
    pub const fn name(self) -> &'static str {
        match self {
            RuleName::Seed => "seed",
            RuleName::Kaneko => "kaneko",
        }
    }

    pub fn from_name(name: &str) -> Option<RuleName> {
        [RuleName::Seed, RuleName::Kaneko]
            .into_iter()
            .find(|r| r.name() == name)
    }
}

/// A complete, valid configuration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub task: Task,
    /// Input bits of the parity task (ignored by the two-input gates).
    pub bits: usize,
    pub loss: Loss,
    pub hidden: Vec<usize>,
    /// The seed's `lr`, or Kaneko's `alpha` under his rule.
    pub lr: f64,
    pub seed: u64,
    pub rule: RuleName,
    /// Sigmoid slope `f(u) = 1 / (1 + exp(-2u / u0))`; 2 is the plain sigmoid.
    pub u0: f64,
    /// Kaneko's hidden-layer amine factor.
    pub u1: f64,
    /// Kaneko's bias units fed `beta`, or none.
    pub beta: Option<f64>,
    /// Initial magnitudes are drawn from `U(0, init_range)`.
    pub init_range: f64,
    /// Shuffle the patterns every epoch (from the seed) instead of the task's order.
    pub shuffle: bool,
    /// Points of a 2-D task, training and test together. This and the next two
    /// are optional in a file, so files from before the 2-D tasks still load.
    #[serde(default = "default_points")]
    pub points: usize,
    /// Standard deviation of the noise on a 2-D task's coordinates (the plane
    /// is `[-1, 1]^2`).
    #[serde(default = "default_noise")]
    pub noise: f64,
    /// Share of a 2-D task's points held out for testing.
    #[serde(default = "default_test_fraction")]
    pub test_fraction: f64,
}

fn default_points() -> usize {
    DEFAULT_POINTS
}

fn default_noise() -> f64 {
    DEFAULT_NOISE
}

fn default_test_fraction() -> f64 {
    DEFAULT_TEST_FRACTION
}

/// A refused value: which field, and what is allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub field: &'static str,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// The seed article's setting: XOR, MSE, 4-8-8-1, lr 0.5, seed 42, plain sigmoid.
    pub fn seed_defaults() -> Config {
        Config {
            task: Task::Xor,
            bits: 2,
            loss: Loss::Mse,
            hidden: vec![8, 8],
            lr: 0.5,
            seed: 42,
            rule: RuleName::Seed,
            u0: crate::ed::activation::PLAIN_SIGMOID_U0,
            u1: 1.0,
            beta: None,
            init_range: 1.0,
            shuffle: false,
            points: DEFAULT_POINTS,
            noise: DEFAULT_NOISE,
            test_fraction: DEFAULT_TEST_FRACTION,
        }
    }

    /// Kaneko's C program defaults: 8 hidden units, alpha 0.8, u0 0.4, u1 1,
    /// bias units fed beta 0.8, initial weights U(0, 1).
    pub fn kaneko_defaults() -> Config {
        Config {
            hidden: vec![8],
            lr: 0.8,
            rule: RuleName::Kaneko,
            u0: 0.4,
            beta: Some(0.8),
            ..Config::seed_defaults()
        }
    }

    /// The defaults of `rule`: the seed's setting or Kaneko's program's.
    pub fn defaults_under(rule: RuleName) -> Config {
        match rule {
            RuleName::Seed => Config::seed_defaults(),
            RuleName::Kaneko => Config::kaneko_defaults(),
        }
    }

    pub fn rule(&self) -> Rule {
        match self.rule {
            RuleName::Seed => Rule::Seed,
            RuleName::Kaneko => Rule::Kaneko { u1: self.u1 },
        }
    }

    pub fn shape(&self, inputs: usize) -> Shape {
        Shape {
            inputs,
            hidden: self.hidden.clone(),
            bias: self.beta,
            u0: self.u0,
        }
    }

    /// How a 2-D task draws its points from this configuration.
    pub fn sampling(&self) -> Sampling {
        Sampling {
            seed: self.seed,
            points: self.points,
            noise: self.noise,
            test_fraction: self.test_fraction,
        }
    }
}
