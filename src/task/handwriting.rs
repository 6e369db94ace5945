//! The reader's own handwriting, made into what the digits networks learned
//! from: the pad's ink (a square of `side` x `side` grey levels, one byte a
//! pixel) shrunk to 16 x 16 by area, as the MNIST digits were shrunk from 28 x
//! 28 ([`super::digits::coverage`] is both reductions' table), then moved by
//! whole pixels towards where the training digits' ink sits.
//!
//! Exact on purpose: when `side` is a multiple of 16, a test digit painted
//! onto the pad (each of its pixels a block of its byte) comes back as the very
//! numbers it was trained and scored as (`byte / 255`), so the networks give it
//! the outputs they gave it in the run. The sums are of whole numbers (exact in
//! a `f64`), and the one division at the end rounds the same real number that
//! [`super::digits::DigitBytes::pixels`] rounds.

use super::digits::{coverage, SIDE};

/// Where the training digits' ink is centred, in pixels from the top or left
/// edge: MNIST puts each 28 x 28 image's centre of mass on pixel 14 (its middle
/// at 14.5), which the resampling to 16 x 16 moves to 14.5 * 16 / 28. The
/// page's 2,500 digits lie between 7.99 and 8.60 across and down (a test).
pub const CENTRE: [f64; 2] = [14.5 * 16.0 / 28.0; 2];
/// Ink whose centre of mass is less than this far from [`CENTRE`] (in either
/// direction) is not moved: every training and test digit is that close, so
/// centring leaves them as they are.
pub const LEEWAY: f64 = 1.0;

/// The pad's `ink` (`side * side` bytes, row-major, 0 blank to 255 full) as
/// 16 x 16 values in `[0, 1]`, each the mean of the ink it covers.
pub fn reduce(ink: &[u8], side: usize) -> Result<Vec<f64>, String> {
    if side < SIDE || ink.len() != side * side {
        return Err(format!(
            "{} bytes is not a square of at least {SIDE} x {SIDE} ({side} x {side} expected)",
            ink.len()
        ));
    }
    let covered = coverage(side, SIDE);
    let scale = side as f64 / SIDE as f64;
    // The mean of an area of bytes, over 255: one division, of exact sums.
    let whole = scale * scale * 255.0;
    let mut out = vec![0.0; SIDE * SIDE];
    let mut row = vec![0.0; SIDE];
    for (fy, line) in ink.chunks_exact(side).enumerate() {
        for (tx, r) in row.iter_mut().enumerate() {
            let c = &covered[tx * side..(tx + 1) * side];
            *r = line
                .iter()
                .zip(c)
                .filter(|(_, &c)| c != 0.0)
                .map(|(&b, &c)| f64::from(b) * c)
                .sum();
        }
        for ty in 0..SIDE {
            let cy = covered[ty * side + fy];
            if cy != 0.0 {
                for (o, r) in out[ty * SIDE..(ty + 1) * SIDE].iter_mut().zip(&row) {
                    *o += cy * r;
                }
            }
        }
    }
    for o in &mut out {
        *o /= whole;
    }
    Ok(out)
}

/// The centre of mass of 16 x 16 `pixels` (pixel `x` spans `x` to `x + 1`),
/// `None` for a blank image.
pub fn centre_of_mass(pixels: &[f64]) -> Option<[f64; 2]> {
    let (mut sum, mut sx, mut sy) = (0.0, 0.0, 0.0);
    for (k, &v) in pixels.iter().enumerate() {
        let (x, y) = ((k % SIDE) as f64 + 0.5, (k / SIDE) as f64 + 0.5);
        sum += v;
        sx += v * x;
        sy += v * y;
    }
    (sum > 0.0).then(|| [sx / sum, sy / sum])
}

/// How many whole pixels to move `pixels` by (right, down) so their centre of
/// mass is near [`CENTRE`]: none when it is within [`LEEWAY`] already.
pub fn centring_shift(pixels: &[f64]) -> [i32; 2] {
    let Some(com) = centre_of_mass(pixels) else {
        return [0, 0];
    };
    let step = |want: f64, at: f64| {
        let d = want - at;
        if d.abs() < LEEWAY {
            0
        } else {
            d.round() as i32
        }
    };
    [step(CENTRE[0], com[0]), step(CENTRE[1], com[1])]
}

/// Moves 16 x 16 `pixels` by `shift` (right, down) whole pixels; what leaves
/// the square is lost, what enters is blank.
pub fn shifted(pixels: &[f64], shift: [i32; 2]) -> Vec<f64> {
    let n = SIDE as i32;
    let mut out = vec![0.0; SIDE * SIDE];
    for y in 0..n {
        for x in 0..n {
            let (fx, fy) = (x - shift[0], y - shift[1]);
            if (0..n).contains(&fx) && (0..n).contains(&fy) {
                out[(y * n + x) as usize] = pixels[(fy * n + fx) as usize];
            }
        }
    }
    out
}

/// The pad's ink as the networks take it: [`reduce`]d, then centred.
pub fn read_pad(ink: &[u8], side: usize) -> Result<Vec<f64>, String> {
    let small = reduce(ink, side)?;
    let shift = centring_shift(&small);
    Ok(if shift == [0, 0] {
        small
    } else {
        shifted(&small, shift)
    })
}

#[cfg(test)]
mod tests;
