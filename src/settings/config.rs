//! The one validated configuration of a training run. Links, the wasm API, the
//! CLI and model files all build a [`Config`] from the parameter schema's
//! values ([`super::params::Params::config_from_values`]) and pass it through
//! [`Config::validate`], so every entry point has the same defaults, limits and
//! error messages.

use serde::{Deserialize, Serialize};

use super::schema::{self, Kind};
use crate::ed::{Loss, Rule, Shape};
use crate::task::{
    Sampling, Task, DEFAULT_NOISE, DEFAULT_POINTS, DEFAULT_TEST_FRACTION, MAX_PARITY_BITS,
    MIN_PARITY_BITS,
};

pub const MAX_HIDDEN_LAYERS: usize = 4;
pub const MAX_UNITS: usize = 256;
/// ED is hard to push into non-finite numbers: weights only grow, and a saturated
/// sigmoid stops its own growth. Measured over 3,000 epochs of XOR (seed 42,
/// hidden 8,8 and 64,64): BCE turns NaN in its first epoch from lr 1e300 on, MSE
/// and BCE-with-logits stay finite up to 1e306 and turn infinite or NaN in their
/// first epoch at 1e308. The range reaches that far so a reader can see both
/// saturation and divergence with every loss.
pub const MAX_LR: f64 = 1e308;
/// Bounds for the slope, amine and bias parameters and the initial weight range.
pub const MAX_PARAMETER: f64 = 100.0;

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

fn refuse<T>(field: &'static str, message: impl Into<String>) -> Result<T, ConfigError> {
    Err(ConfigError {
        field,
        message: message.into(),
    })
}

/// A number field checked against its schema entry's range.
fn number_in(field: &'static str, v: f64) -> Result<f64, ConfigError> {
    let param = schema::param(field).expect("every number field has a schema entry");
    match param.kind {
        Kind::Number { stated, .. } if !param.admits(v) => {
            refuse(field, format!("must be a finite number {}", stated.en))
        }
        _ => Ok(v),
    }
}

/// A whole-number field checked against its schema entry's range.
fn whole_in(field: &'static str, v: usize) -> Result<usize, ConfigError> {
    match schema::param(field).map(|p| p.kind) {
        Some(Kind::Whole { min, max }) if !(min..=max).contains(&(v as u64)) => {
            refuse(field, format!("must be {min} to {max}, got {v}"))
        }
        _ => Ok(v),
    }
}

/// The learning-rate limits on their own, for a live change of rate.
pub fn check_lr(lr: f64) -> Result<(), ConfigError> {
    number_in("lr", lr).map(|_| ())
}

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

    /// Checks every limit; a file or a hand-built value passes through here too.
    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.task == Task::Parity && !(MIN_PARITY_BITS..=MAX_PARITY_BITS).contains(&self.bits) {
            return refuse(
                "bits",
                format!(
                    "must be {MIN_PARITY_BITS} to {MAX_PARITY_BITS}, got {}",
                    self.bits
                ),
            );
        }
        if self.task != Task::Parity && self.bits != 2 {
            return refuse(
                "bits",
                format!(
                    "only parity takes bits; {} needs 2, got {}",
                    self.task, self.bits
                ),
            );
        }
        if self.hidden.is_empty() || self.hidden.len() > MAX_HIDDEN_LAYERS {
            return refuse(
                "hidden",
                format!(
                    "must list 1 to {MAX_HIDDEN_LAYERS} layer sizes, got {}",
                    self.hidden.len()
                ),
            );
        }
        if let Some(&bad) = self.hidden.iter().find(|&&n| n == 0 || n > MAX_UNITS) {
            return refuse(
                "hidden",
                format!("each layer must have 1 to {MAX_UNITS} units, got {bad}"),
            );
        }
        check_lr(self.lr)?;
        number_in("u0", self.u0)?;
        number_in("u1", self.u1)?;
        number_in("init_range", self.init_range)?;
        if let Some(beta) = self.beta {
            number_in("beta", beta)?;
        }
        // Checked for every task, so a file or link never carries a value that
        // would be refused once the task changes.
        whole_in("points", self.points)?;
        number_in("noise", self.noise)?;
        number_in("test_fraction", self.test_fraction)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests;
