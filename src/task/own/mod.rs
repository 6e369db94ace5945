//! The reader's own points (the tasks `points` and `points3`): a set placed on
//! the decision map, loaded from a CSV file or carried in a link. Every point
//! lies on a grid of 0.001 over the plane `[-1, 1]^2`, so the link's compact
//! form, the CSV file and the run all hold the very same numbers: a shared
//! link trains the same run as the page that wrote it.
//!
//! All of them are training points (no test set): a reader who places six
//! points wants the network to fit those six.

mod csv;
mod link;

use super::dataset::{Dataset, Split};
use super::sampling::to_input;

pub use csv::{read_csv, too_large, write_csv, MAX_CSV_BYTES};
pub use link::{decode, encode};

/// The most points a set holds (a CSV file's rows): an epoch of 2,000 points
/// is still a small part of a frame for the default network.
pub const MAX_OWN_POINTS: usize = 2000;
/// The most points a link carries: 200 points are 800 characters of `data=`,
/// which keeps a link short enough to paste anywhere. Larger sets travel as CSV.
pub const MAX_LINK_POINTS: usize = 200;
/// Grid steps per unit of the plane: coordinates are multiples of 0.001.
pub const GRID: i32 = 1000;

/// One point: its place on the grid (`-GRID..=GRID` on each axis, the plane's
/// `-1..=1`) and its class (0, 1, or 2 for three classes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OwnPoint {
    pub x: i32,
    pub y: i32,
    pub class: u8,
}

impl OwnPoint {
    /// The point nearest `(x, y)` (plane coordinates, clamped to the plane)
    /// on the grid.
    pub fn at(x: f64, y: f64, class: u8) -> OwnPoint {
        OwnPoint {
            x: to_grid(x),
            y: to_grid(y),
            class,
        }
    }

    /// Its coordinates on the plane.
    pub fn plane(&self) -> [f64; 2] {
        [from_grid(self.x), from_grid(self.y)]
    }
}

/// A plane coordinate's nearest grid step, clamped to the plane (NaN gives 0).
pub fn to_grid(v: f64) -> i32 {
    let g = (v.clamp(-1.0, 1.0) * GRID as f64).round();
    if g.is_nan() {
        0
    } else {
        g as i32
    }
}

/// A grid step's plane coordinate.
pub fn from_grid(g: i32) -> f64 {
    g as f64 / GRID as f64
}

/// Words in each language of the interface, for what the engine tells a
/// reader about a file or a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said {
    pub en: String,
    pub ja: String,
}

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

impl std::error::Error for Said {}

/// The training set of `points` for a task of `classes` classes: one output
/// for two classes (its target the class), one output per class for three
/// (one-hot, like the three spirals). No test set.
pub fn split(points: &[OwnPoint], classes: usize) -> Split {
    let outputs = if classes == 2 { 1 } else { classes };
    let mut train = Dataset::with_capacity(2, outputs, points.len());
    let mut target = vec![0.0; outputs];
    for p in points {
        let input = p.plane().map(to_input);
        if outputs == 1 {
            target[0] = f64::from(p.class);
        } else {
            target.fill(0.0);
            target[usize::from(p.class)] = 1.0;
        }
        train.push(&input, &target);
    }
    Split { train, test: None }
}

#[cfg(test)]
mod tests;
