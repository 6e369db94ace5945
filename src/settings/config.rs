//! The one validated configuration of a training run. The CLI, the wasm API and
//! model files all build a [`Config`] through [`ConfigInput::resolve`], so every
//! entry point has the same defaults, limits and error messages.

use serde::{Deserialize, Serialize};

use crate::ed::{Loss, Rule, Shape};
use crate::task::{
    Sampling, Task, DEFAULT_NOISE, DEFAULT_POINTS, DEFAULT_TEST_FRACTION, MAX_NOISE,
    MAX_PARITY_BITS, MAX_POINTS, MAX_TEST_FRACTION, MIN_PARITY_BITS, MIN_POINTS, MIN_TEST_FRACTION,
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
    pub fn name(self) -> &'static str {
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

/// Any subset of the fields, as a URL, a JS object, a file or the CLI gives them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConfigInput {
    pub task: Option<String>,
    pub bits: Option<usize>,
    pub loss: Option<String>,
    pub hidden: Option<Vec<usize>>,
    pub lr: Option<f64>,
    pub seed: Option<u64>,
    pub rule: Option<String>,
    pub u0: Option<f64>,
    pub u1: Option<f64>,
    pub beta: Option<f64>,
    pub init_range: Option<f64>,
    pub shuffle: Option<bool>,
    pub points: Option<usize>,
    pub noise: Option<f64>,
    pub test_fraction: Option<f64>,
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

/// A closed or half-open range of finite numbers and how a message states it.
/// The statement is text, not formatted from the bounds: formatting a float
/// would pull float printing (about 14 KB) into the browser's module.
struct Range {
    min: f64,
    min_inclusive: bool,
    max: f64,
    stated: &'static str,
}

const LR_RANGE: Range = Range {
    min: 0.0,
    min_inclusive: false,
    max: MAX_LR,
    stated: "greater than 0 and at most 1e308",
};
const POSITIVE: Range = Range {
    min: 0.0,
    min_inclusive: false,
    max: MAX_PARAMETER,
    stated: "greater than 0 and at most 100",
};
const NON_NEGATIVE: Range = Range {
    min: 0.0,
    min_inclusive: true,
    max: MAX_PARAMETER,
    stated: "from 0 to 100",
};
const NOISE_RANGE: Range = Range {
    min: 0.0,
    min_inclusive: true,
    max: MAX_NOISE,
    stated: "from 0 to 0.5",
};
const TEST_FRACTION_RANGE: Range = Range {
    min: MIN_TEST_FRACTION,
    min_inclusive: true,
    max: MAX_TEST_FRACTION,
    stated: "from 0.1 to 0.9",
};

fn number_in(field: &'static str, v: f64, range: &Range) -> Result<f64, ConfigError> {
    let above_min = if range.min_inclusive {
        v >= range.min
    } else {
        v > range.min
    };
    if v.is_finite() && above_min && v <= range.max {
        Ok(v)
    } else {
        refuse(field, format!("must be a finite number {}", range.stated))
    }
}

/// The learning-rate limits on their own, for a live change of rate.
pub fn check_lr(lr: f64) -> Result<(), ConfigError> {
    number_in("lr", lr, &LR_RANGE).map(|_| ())
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
        number_in("u0", self.u0, &POSITIVE)?;
        number_in("u1", self.u1, &NON_NEGATIVE)?;
        number_in("init_range", self.init_range, &POSITIVE)?;
        if let Some(beta) = self.beta {
            number_in("beta", beta, &NON_NEGATIVE)?;
        }
        // Checked for every task, so a file or link never carries a value that
        // would be refused once the task changes.
        if !(MIN_POINTS..=MAX_POINTS).contains(&self.points) {
            return refuse(
                "points",
                format!("must be {MIN_POINTS} to {MAX_POINTS}, got {}", self.points),
            );
        }
        number_in("noise", self.noise, &NOISE_RANGE)?;
        number_in("test_fraction", self.test_fraction, &TEST_FRACTION_RANGE)?;
        Ok(())
    }
}

impl ConfigInput {
    /// Fills what is missing from the chosen rule's defaults and validates the result.
    pub fn resolve(&self) -> Result<Config, ConfigError> {
        let rule = match self.rule.as_deref() {
            None => RuleName::Seed,
            Some(name) => match RuleName::from_name(name) {
                Some(r) => r,
                None => {
                    return refuse(
                        "rule",
                        format!("must be \"seed\" or \"kaneko\", got {name:?}"),
                    )
                }
            },
        };
        let base = match rule {
            RuleName::Seed => Config::seed_defaults(),
            RuleName::Kaneko => Config::kaneko_defaults(),
        };
        let task = match self.task.as_deref() {
            None => base.task,
            Some(name) => match Task::from_name(name) {
                Some(t) => t,
                None => {
                    let names: Vec<&str> = Task::ALL.iter().map(|t| t.name()).collect();
                    return refuse(
                        "task",
                        format!("must be one of {}; got {name:?}", names.join(", ")),
                    );
                }
            },
        };
        let loss = match self.loss.as_deref() {
            None => base.loss,
            Some(name) => match Loss::from_name(name) {
                Some(l) => l,
                None => {
                    return refuse(
                        "loss",
                        format!("must be \"mse\", \"bce\" or \"bce-with-logits\", got {name:?}"),
                    )
                }
            },
        };
        let bits = match (task, self.bits) {
            (Task::Parity, b) => b.unwrap_or(3),
            (_, None) => 2,
            (_, Some(b)) => b,
        };
        let config = Config {
            task,
            bits,
            loss,
            hidden: self.hidden.clone().unwrap_or(base.hidden),
            lr: self.lr.unwrap_or(base.lr),
            seed: self.seed.unwrap_or(base.seed),
            rule,
            u0: self.u0.unwrap_or(base.u0),
            u1: self.u1.unwrap_or(base.u1),
            beta: self.beta.or(base.beta),
            init_range: self.init_range.unwrap_or(base.init_range),
            shuffle: self.shuffle.unwrap_or(base.shuffle),
            points: self.points.unwrap_or(base.points),
            noise: self.noise.unwrap_or(base.noise),
            test_fraction: self.test_fraction.unwrap_or(base.test_fraction),
        };
        config.validate()?;
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_input_is_the_seeds_setting() {
        assert_eq!(
            ConfigInput::default().resolve().unwrap(),
            Config::seed_defaults()
        );
    }

    #[test]
    fn kaneko_rule_takes_his_defaults() {
        let c = ConfigInput {
            rule: Some("kaneko".into()),
            ..Default::default()
        }
        .resolve()
        .unwrap();
        assert_eq!(c, Config::kaneko_defaults());
    }

    #[test]
    fn refusals_name_the_field() {
        let cases: Vec<(ConfigInput, &str)> = vec![
            (
                ConfigInput {
                    loss: Some("hinge".into()),
                    ..Default::default()
                },
                "loss",
            ),
            (
                ConfigInput {
                    task: Some("<script>".into()),
                    ..Default::default()
                },
                "task",
            ),
            (
                ConfigInput {
                    rule: Some("backprop".into()),
                    ..Default::default()
                },
                "rule",
            ),
            (
                ConfigInput {
                    hidden: Some(vec![]),
                    ..Default::default()
                },
                "hidden",
            ),
            (
                ConfigInput {
                    hidden: Some(vec![8, 0]),
                    ..Default::default()
                },
                "hidden",
            ),
            (
                ConfigInput {
                    hidden: Some(vec![1000]),
                    ..Default::default()
                },
                "hidden",
            ),
            (
                ConfigInput {
                    hidden: Some(vec![2; 10_000]),
                    ..Default::default()
                },
                "hidden",
            ),
            (
                ConfigInput {
                    lr: Some(f64::NAN),
                    ..Default::default()
                },
                "lr",
            ),
            (
                ConfigInput {
                    lr: Some(-1.0),
                    ..Default::default()
                },
                "lr",
            ),
            (
                ConfigInput {
                    lr: Some(f64::INFINITY),
                    ..Default::default()
                },
                "lr",
            ),
            (
                ConfigInput {
                    u0: Some(0.0),
                    ..Default::default()
                },
                "u0",
            ),
            (
                ConfigInput {
                    task: Some("parity".into()),
                    bits: Some(9),
                    ..Default::default()
                },
                "bits",
            ),
            (
                ConfigInput {
                    task: Some("xor".into()),
                    bits: Some(3),
                    ..Default::default()
                },
                "bits",
            ),
            (
                ConfigInput {
                    task: Some("adder".into()),
                    bits: Some(4),
                    ..Default::default()
                },
                "bits",
            ),
        ];
        for (input, field) in cases {
            let err = input.resolve().expect_err(field);
            assert_eq!(err.field, field, "{err}");
        }
    }
}

#[cfg(test)]
mod sampling_tests {
    use super::*;

    fn circle(edit: impl FnOnce(&mut ConfigInput)) -> Result<Config, ConfigError> {
        let mut input = ConfigInput {
            task: Some("circle".into()),
            ..Default::default()
        };
        edit(&mut input);
        input.resolve()
    }

    #[test]
    fn the_defaults_are_the_tensorflow_playgrounds_split() {
        let c = circle(|_| {}).unwrap();
        assert_eq!(
            (c.points, c.noise, c.test_fraction, c.bits),
            (200, 0.1, 0.5, 2)
        );
        assert_eq!(c.sampling().seed, 42);
    }

    #[test]
    fn bad_sampling_values_are_refused_by_name() {
        type Edit = fn(&mut ConfigInput);
        let cases: [(Edit, &str, &str); 10] = [
            (|i| i.noise = Some(-0.01), "noise", "from 0 to 0.5"),
            (|i| i.noise = Some(0.51), "noise", "from 0 to 0.5"),
            (|i| i.noise = Some(f64::NAN), "noise", "finite"),
            (|i| i.noise = Some(f64::INFINITY), "noise", "finite"),
            (|i| i.points = Some(19), "points", "20 to 1000, got 19"),
            (|i| i.points = Some(1001), "points", "20 to 1000, got 1001"),
            (|i| i.points = Some(0), "points", "got 0"),
            (
                |i| i.test_fraction = Some(0.0),
                "test_fraction",
                "0.1 to 0.9",
            ),
            (
                |i| i.test_fraction = Some(0.95),
                "test_fraction",
                "0.1 to 0.9",
            ),
            (
                |i| i.test_fraction = Some(f64::NAN),
                "test_fraction",
                "finite",
            ),
        ];
        for (edit, field, needle) in cases {
            let err = circle(edit).expect_err(field);
            assert_eq!(err.field, field, "{err}");
            assert!(err.message.contains(needle), "{err}");
        }
        // The limits themselves are allowed.
        for edit in [
            (|i: &mut ConfigInput| i.noise = Some(0.0)) as Edit,
            |i| i.noise = Some(0.5),
            |i| i.points = Some(20),
            |i| i.points = Some(1000),
            |i| i.test_fraction = Some(0.1),
            |i| i.test_fraction = Some(0.9),
        ] {
            circle(edit).unwrap();
        }
    }

    #[test]
    fn an_unknown_task_lists_every_task() {
        let err = ConfigInput {
            task: Some("sudoku".into()),
            ..Default::default()
        }
        .resolve()
        .unwrap_err();
        for t in Task::ALL {
            assert!(err.message.contains(t.name()), "{err}");
        }
    }

    #[test]
    fn every_task_name_resolves() {
        for t in Task::ALL {
            let c = ConfigInput {
                task: Some(t.name().into()),
                ..Default::default()
            }
            .resolve()
            .unwrap();
            assert_eq!(c.task, t);
        }
    }
}

#[cfg(test)]
mod range_tests {
    use super::*;

    #[test]
    fn stated_ranges_match_their_bounds() {
        for (range, inside, outside) in [
            (LR_RANGE, [1e-300, 1e308], [0.0, 1.1e308]),
            (POSITIVE, [1e-9, 100.0], [0.0, 100.5]),
            (NON_NEGATIVE, [0.0, 100.0], [-1e-9, 100.5]),
            (NOISE_RANGE, [0.0, 0.5], [-1e-9, 0.500001]),
            (TEST_FRACTION_RANGE, [0.1, 0.9], [0.0999, 0.9001]),
        ] {
            for v in inside {
                assert!(
                    number_in("x", v, &range).is_ok(),
                    "{} refuses {v}",
                    range.stated
                );
            }
            for v in outside.into_iter().chain([f64::NAN, f64::INFINITY]) {
                assert!(
                    number_in("x", v, &range).is_err(),
                    "{} accepts {v}",
                    range.stated
                );
            }
        }
        assert_eq!(MAX_LR, 1e308);
        assert_eq!(MAX_PARAMETER, 100.0);
        assert_eq!(MAX_NOISE, 0.5);
        assert_eq!((MIN_TEST_FRACTION, MAX_TEST_FRACTION), (0.1, 0.9));
    }
}
