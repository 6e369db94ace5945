//! The 2-D shapes, after the TensorFlow Playground's data sets. Each draws one
//! point of a class on the plane `[-1, 1]^2`, before noise. Shapes stay within
//! `[-0.9, 0.9]^2` so that moderate noise seldom pushes a point off the plane.
//!
//! Only `+ - * /`, `round`, `sqrt` and the `libm` crate's `log` are used: all
//! are the same code, or exactly rounded, on every target, so the browser draws
//! the very points the CLI draws for a seed.

use std::f64::consts::{FRAC_2_PI, PI, TAU};

use rand::rngs::StdRng;
use rand::RngExt;

/// A point-drawing function: `shape(class, rng)`.
pub type Shape = fn(usize, &mut StdRng) -> [f64; 2];

/// Standard deviation of each class of `gaussians` before noise.
const GAUSSIAN_SPREAD: f64 = 0.15;
/// Turns of each arm of `spiral` (the TensorFlow Playground's 1.75) and of the
/// three arms of `spiral3`, which has less room between its arms.
const SPIRAL_TURNS: f64 = 1.75;
const SPIRAL3_TURNS: f64 = 1.0;

/// pi/2 in two parts (fdlibm's `pio2_1`, `pio2_1t`): the first has 33
/// significant bits, so `k * PIO2_HI` is exact for the small `k` used here.
const PIO2_HI: f64 = 1.570_796_326_734_125_6;
const PIO2_LO: f64 = 6.077_100_506_506_192e-11;

/// Taylor coefficients of sin(r) / r and cos(r) in powers of r^2, to r^17
/// and r^16: for |r| <= pi/4 the first term left out is below 1e-17.
const SIN_TAYLOR: [f64; 9] = [
    1.0,
    -1.0 / 6.0,
    1.0 / 120.0,
    -1.0 / 5040.0,
    1.0 / 362_880.0,
    -1.0 / 39_916_800.0,
    1.0 / 6_227_020_800.0,
    -1.0 / 1_307_674_368_000.0,
    1.0 / 355_687_428_096_000.0,
];
const COS_TAYLOR: [f64; 9] = [
    1.0,
    -1.0 / 2.0,
    1.0 / 24.0,
    -1.0 / 720.0,
    1.0 / 40_320.0,
    -1.0 / 3_628_800.0,
    1.0 / 479_001_600.0,
    -1.0 / 87_178_291_200.0,
    1.0 / 20_922_789_888_000.0,
];

fn horner(coefficients: &[f64], x: f64) -> f64 {
    coefficients.iter().rev().fold(0.0, |acc, &c| acc * x + c)
}

/// `(sin x, cos x)` for the angles the shapes use (|x| under 100), from
/// arithmetic alone. libm's versions also reduce huge arguments, with tables
/// that cost the page's module 5.6 KB (2.2 KB gzipped): more than the five
/// shapes themselves.
pub fn sin_cos(x: f64) -> (f64, f64) {
    let k = (x * FRAC_2_PI).round();
    let r = (x - k * PIO2_HI) - k * PIO2_LO;
    let r2 = r * r;
    let (s, c) = (r * horner(&SIN_TAYLOR, r2), horner(&COS_TAYLOR, r2));
    match (k as i64).rem_euclid(4) {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    }
}

fn polar(r: f64, angle: f64) -> [f64; 2] {
    let (sin, cos) = sin_cos(angle);
    [r * cos, r * sin]
}

/// Two independent standard normal numbers (Box-Muller).
pub fn normal_pair(rng: &mut StdRng) -> [f64; 2] {
    // 1 - U[0, 1) lies in (0, 1], so the logarithm is finite.
    let u = 1.0 - rng.random::<f64>();
    let angle = TAU * rng.random::<f64>();
    polar((-2.0 * libm::log(u)).sqrt(), angle)
}

/// Class 1 inside a disc of radius 0.45, class 0 on a ring from 0.65 to 0.9.
/// The radius is uniform, as in the TensorFlow Playground, so the centre is dense.
pub fn circle(class: usize, rng: &mut StdRng) -> [f64; 2] {
    let (from, to) = if class == 1 { (0.0, 0.45) } else { (0.65, 0.9) };
    let r = from + (to - from) * rng.random::<f64>();
    polar(r, TAU * rng.random::<f64>())
}

/// Class 1 around (0.4, 0.4), class 0 around (-0.4, -0.4).
pub fn gaussians(class: usize, rng: &mut StdRng) -> [f64; 2] {
    let centre = if class == 1 { 0.4 } else { -0.4 };
    let [a, b] = normal_pair(rng);
    [centre + GAUSSIAN_SPREAD * a, centre + GAUSSIAN_SPREAD * b]
}

/// An arm of a spiral of `arms` arms turning `turns` times from near the centre
/// out to 0.9; arm `class` is rotated by `class / arms` of a turn.
fn spiral_arm(class: usize, arms: usize, turns: f64, rng: &mut StdRng) -> [f64; 2] {
    let u = rng.random::<f64>();
    let offset = TAU * class as f64 / arms as f64;
    polar(0.05 + 0.85 * u, TAU * turns * u + offset)
}

/// Two interleaved spirals, one per class.
pub fn spiral(class: usize, rng: &mut StdRng) -> [f64; 2] {
    spiral_arm(class, 2, SPIRAL_TURNS, rng)
}

/// Three interleaved spirals, one per class.
pub fn spiral3(class: usize, rng: &mut StdRng) -> [f64; 2] {
    spiral_arm(class, 3, SPIRAL3_TURNS, rng)
}

/// scikit-learn's two moons (class 0 the upper, class 1 the lower), centred and
/// scaled by 0.6 to fit the plane: x in [-0.9, 0.9], y in [-0.45, 0.45].
pub fn moons(class: usize, rng: &mut StdRng) -> [f64; 2] {
    let (s, c) = sin_cos(PI * rng.random::<f64>());
    let [x, y] = if class == 1 {
        [1.0 - c, 0.5 - s]
    } else {
        [c, s]
    };
    [0.6 * (x - 0.5), 0.6 * (y - 0.25)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sin_cos_agrees_with_the_platforms() {
        let mut worst: f64 = 0.0;
        for k in -20_000..=20_000 {
            let x = k as f64 * 0.0049;
            let (s, c) = sin_cos(x);
            worst = worst.max((s - x.sin()).abs()).max((c - x.cos()).abs());
        }
        assert!(worst < 1e-15, "worst error {worst}");
        assert_eq!(sin_cos(0.0), (0.0, 1.0));
        let (s, c) = sin_cos(PI / 2.0);
        assert!((s - 1.0).abs() < 1e-16 && c.abs() < 1e-16);
    }
}
