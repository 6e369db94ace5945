//! Training sets. The gates, parity and the adder are truth tables in a fixed
//! order; the 2-D tasks are points drawn from the seed and split into a training
//! and a test set.

mod dataset;
pub mod digits;
pub mod handwriting;
pub mod own;
mod plane;
mod sampling;
mod truth_tables;

use serde::{Deserialize, Serialize};

pub use dataset::{Dataset, Split};
pub use sampling::{
    to_input, Sampling, DEFAULT_NOISE, DEFAULT_POINTS, DEFAULT_TEST_FRACTION, MAX_NOISE,
    MAX_POINTS, MAX_TEST_FRACTION, MIN_POINTS, MIN_TEST_FRACTION,
};

pub const MIN_PARITY_BITS: usize = 2;
pub const MAX_PARITY_BITS: usize = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Task {
    Xor,
    And,
    Or,
    Nand,
    Parity,
    /// Two 2-bit numbers in, their 3-bit sum out.
    Adder,
    Circle,
    /// Two Gaussian clouds.
    Gaussians,
    /// Two interleaved spirals.
    Spiral,
    /// Two moons.
    Moons,
    /// Three interleaved spirals, one output per class.
    Spiral3,
    /// The reader's own points of two classes ([`own`]): placed on the page,
    /// loaded from a CSV file or carried in a link, never drawn from the seed.
    /// Not a CLI task: its points come from the page.
    #[cfg_attr(feature = "cli", value(skip))]
    Points,
    /// The reader's own points of three classes, one output per class (as the
    /// three spirals).
    #[cfg_attr(feature = "cli", value(skip))]
    Points3,
}

/// How a pattern counts as right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scoring {
    /// Every output on its target's side of 0.5: the usual rule for one
    /// output, and for the adder all three bits of the sum.
    EveryOutput,
    /// One-hot classes: the output with the highest probability is the
    /// target's class (the outputs are separate networks, so their
    /// probabilities need not sum to 1).
    Argmax,
}

impl Task {
    pub const ALL: [Task; 13] = [
        Task::Xor,
        Task::And,
        Task::Or,
        Task::Nand,
        Task::Parity,
        Task::Adder,
        Task::Circle,
        Task::Gaussians,
        Task::Spiral,
        Task::Moons,
        Task::Spiral3,
        Task::Points,
        Task::Points3,
    ];

    /// The tasks whose patterns the engine makes itself: all but the reader's
    /// own points (which start empty: a run of them trains nothing until given some).
    pub fn built_in() -> impl Iterator<Item = Task> {
        Task::ALL.into_iter().filter(|t| t.own_classes().is_none())
    }

    pub const fn name(self) -> &'static str {
        match self {
            Task::Xor => "xor",
            Task::And => "and",
            Task::Or => "or",
            Task::Nand => "nand",
            Task::Parity => "parity",
            Task::Adder => "adder",
            Task::Circle => "circle",
            Task::Gaussians => "gaussians",
            Task::Spiral => "spiral",
            Task::Moons => "moons",
            Task::Spiral3 => "spiral3",
            Task::Points => "points",
            Task::Points3 => "points3",
        }
    }

    pub fn from_name(name: &str) -> Option<Task> {
        Task::ALL.into_iter().find(|t| t.name() == name)
    }

    /// Points on a plane, drawn from the seed, with a test set.
    pub fn is_sampled(self) -> bool {
        matches!(
            self,
            Task::Circle | Task::Gaussians | Task::Spiral | Task::Moons | Task::Spiral3
        )
    }

    /// The speed (epochs a frame) a page opens this task at: slow enough that
    /// a reader watches the seed's setting learn it, over three to five
    /// seconds at 60 frames a second, not in a flash nor over a minute. From
    /// `ed race --task T` at the seed's setting, ED solves XOR at epoch 42,
    /// AND 19, OR 11, NAND 18, parity 36, the adder 294, the circle 878, the
    /// Gaussians 2, the moons 434, the spirals not in 5,000 (a pace that shows
    /// them struggle). A test holds the table to those epochs. The reader's own
    /// points go at an epoch a frame: a few points are a few patterns, and a
    /// point just placed should bend the map within a second or two.
    pub const fn pace(self) -> f64 {
        match self {
            Task::Xor | Task::Parity => 0.2,
            Task::And | Task::Or | Task::Nand | Task::Gaussians => 0.1,
            Task::Adder | Task::Points | Task::Points3 => 1.0,
            Task::Moons => 2.0,
            Task::Circle | Task::Spiral | Task::Spiral3 => 5.0,
        }
    }

    /// Raw inputs of a pattern; `bits` matters only for parity.
    pub fn inputs(self, bits: usize) -> usize {
        match self {
            Task::Parity => bits,
            Task::Adder => 4,
            _ => 2,
        }
    }

    pub fn outputs(self) -> usize {
        match self {
            Task::Adder | Task::Spiral3 | Task::Points3 => 3,
            _ => 1,
        }
    }

    /// The classes of the reader's own points; `None` for the other tasks.
    pub fn own_classes(self) -> Option<usize> {
        match self {
            Task::Points => Some(2),
            Task::Points3 => Some(3),
            _ => None,
        }
    }

    pub fn scoring(self) -> Scoring {
        match self {
            Task::Spiral3 | Task::Points3 => Scoring::Argmax,
            _ => Scoring::EveryOutput,
        }
    }

    /// The patterns of the task; `bits` matters only for parity and `sampling`
    /// only for the 2-D tasks. The reader's own points start empty: the page
    /// gives them to the run ([`own::split`]).
    pub fn split(self, bits: usize, sampling: &Sampling) -> Split {
        let fixed = |train| Split { train, test: None };
        match self {
            Task::Xor => fixed(truth_tables::gate(|a, b| a != b)),
            Task::And => fixed(truth_tables::gate(|a, b| a && b)),
            Task::Or => fixed(truth_tables::gate(|a, b| a || b)),
            Task::Nand => fixed(truth_tables::gate(|a, b| !(a && b))),
            Task::Parity => fixed(truth_tables::parity(bits)),
            Task::Adder => fixed(truth_tables::adder()),
            Task::Circle => sampling.sample(plane::circle, 2),
            Task::Gaussians => sampling.sample(plane::gaussians, 2),
            Task::Spiral => sampling.sample(plane::spiral, 2),
            Task::Moons => sampling.sample(plane::moons, 2),
            Task::Spiral3 => sampling.sample(plane::spiral3, 3),
            Task::Points => own::split(&[], 2),
            Task::Points3 => own::split(&[], 3),
        }
    }
}

impl std::fmt::Display for Task {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests;
