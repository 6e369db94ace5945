//! Drawing a 2-D task's points from the seed, adding noise, and splitting them
//! into a training and a test set.

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

use super::dataset::{Dataset, Split};
use super::plane::{normal_pair, Shape};

/// The TensorFlow Playground's setting: 200 points, half of them for testing.
pub const DEFAULT_POINTS: usize = 200;
/// Enough for at least one training and one test point of each class at any
/// allowed fraction, few enough that an epoch stays a small part of a frame.
pub const MIN_POINTS: usize = 20;
pub const MAX_POINTS: usize = 1000;
pub const DEFAULT_NOISE: f64 = 0.1;
/// Noise is the standard deviation added to each coordinate of the plane
/// `[-1, 1]^2`; at 0.5 the classes of every shape overlap heavily.
pub const MAX_NOISE: f64 = 0.5;
pub const DEFAULT_TEST_FRACTION: f64 = 0.5;
pub const MIN_TEST_FRACTION: f64 = 0.1;
pub const MAX_TEST_FRACTION: f64 = 0.9;

/// Mixed into the seed so the points come from their own stream: the same seed
/// gives the same points whatever the network's shape, and the weights drawn
/// from the seed stay those of a task without points.
const POINT_STREAM: u64 = 0x706f_696e_7473_2d32;

/// How a 2-D task's points are drawn; the tasks with a truth table ignore it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sampling {
    pub seed: u64,
    /// Points drawn, training and test together.
    pub points: usize,
    /// Standard deviation of the normal noise added to each coordinate.
    pub noise: f64,
    /// Share of each class held out for the test set.
    pub test_fraction: f64,
}

impl Default for Sampling {
    fn default() -> Sampling {
        Sampling {
            seed: 42,
            points: DEFAULT_POINTS,
            noise: DEFAULT_NOISE,
            test_fraction: DEFAULT_TEST_FRACTION,
        }
    }
}

/// A point of the plane and its class.
#[derive(Clone, Copy, Debug)]
struct Labelled {
    at: [f64; 2],
    class: usize,
}

/// A plane coordinate in `[-1, 1]` as a network input in `[0, 1]`.
///
/// Inputs must not be negative under ED: a weight grows by `step * x` with
/// `step` signed like its connection, so a negative `x` shrinks it instead and
/// can flip its sign, which the method forbids. Measured: with raw `[-1, 1]`
/// inputs, 9 of 10 runs (moons at the defaults, circle under Kaneko's rule;
/// 1,000 epochs) ended with first-layer weights of the wrong sign, so their
/// model files are refused; they also scored higher (moons: about 0.98 test
/// accuracy against 0.87), by doing what ED forbids. Among sign-safe mappings
/// (`[0, 0.5]`, `[0, 1]`, `[0.1, 0.9]`, `[0, 2]`; circle, moons, spiral,
/// spiral3, both rules, 10 seeds, 1,000 epochs) none was better on every task
/// and the differences were within the spread between seeds, so the unit
/// square wins on other grounds: it is the square XOR lives on and the
/// decision map draws.
pub fn to_input(coordinate: f64) -> f64 {
    0.5 * coordinate + 0.5
}

impl Sampling {
    /// Draws the points of `classes` classes of `shape`, as equal in number as
    /// `points` allows, and holds out `test_fraction` of each class (rounded,
    /// at least one point on each side) for the test set. Both sets come out
    /// in a shuffled order, so an epoch in that order does not see the classes
    /// one after the other.
    pub fn sample(&self, shape: Shape, classes: usize) -> Split {
        let mut rng = StdRng::seed_from_u64(self.seed ^ POINT_STREAM);
        let mut points = Vec::with_capacity(self.points);
        for class in 0..classes {
            for _ in 0..self.class_size(class, classes) {
                let at = self.with_noise(shape(class, &mut rng), &mut rng);
                points.push(Labelled { at, class });
            }
        }
        for i in (1..points.len()).rev() {
            let j = rng.random_range(0..=i);
            points.swap(i, j);
        }
        self.split(&points, classes)
    }

    fn class_size(&self, class: usize, classes: usize) -> usize {
        self.points / classes + usize::from(class < self.points % classes)
    }

    /// The noise is drawn even at 0 so that the shape's own draws do not
    /// depend on it: raising the noise moves the same points further.
    fn with_noise(&self, [x, y]: [f64; 2], rng: &mut StdRng) -> [f64; 2] {
        let [a, b] = normal_pair(rng);
        [
            (x + self.noise * a).clamp(-1.0, 1.0),
            (y + self.noise * b).clamp(-1.0, 1.0),
        ]
    }

    fn test_size(&self, class: usize, classes: usize) -> usize {
        let size = self.class_size(class, classes);
        let held = (size as f64 * self.test_fraction).round() as usize;
        held.min(size.saturating_sub(1)).max(usize::from(size > 1))
    }

    /// The first `test_size` points of each class, in the shuffled order, go
    /// to the test set: a random choice, exact in size for every class.
    fn split(&self, points: &[Labelled], classes: usize) -> Split {
        let targets = if classes == 2 { 1 } else { classes };
        let mut train = Dataset::with_capacity(2, targets, points.len());
        let mut test = Dataset::with_capacity(2, targets, points.len());
        let mut still_held: Vec<usize> = (0..classes).map(|c| self.test_size(c, classes)).collect();
        let mut target = vec![0.0; targets];
        for p in points {
            let input = p.at.map(to_input);
            if classes == 2 {
                target[0] = p.class as f64;
            } else {
                target.fill(0.0);
                target[p.class] = 1.0;
            }
            if still_held[p.class] > 0 {
                still_held[p.class] -= 1;
                test.push(&input, &target);
            } else {
                train.push(&input, &target);
            }
        }
        Split {
            train,
            test: Some(test),
        }
    }
}
