//! The reader's own handwriting, made into what the digits networks learned
//! from: the pad's ink (a square of `side` x `side` grey levels, one byte a
//! pixel) shrunk to 16 x 16 by area, as the MNIST digits were shrunk from 28 x
//! 28 ([`super::digits::coverage`] is both reductions' table), then moved by
//! whole pixels towards where the training digits' ink sits. Ink written much
//! smaller or larger than the training digits is first framed as MNIST frames
//! its digits (its larger side 20/28 of the square read).
//!
//! Exact on purpose: when `side` is a multiple of 16, a test digit painted
//! onto the pad (each of its pixels a block of its byte) comes back as the very
//! numbers it was trained and scored as (`byte / 255`), so the networks give it
//! the outputs they gave it in the run. The sums are of whole numbers (exact in
//! a `f64`), and the one division at the end rounds the same real number that
//! [`super::digits::DigitBytes::pixels`] rounds.

use super::digits::{coverage_of_span, SIDE};

/// Where the training digits' ink is centred, in pixels from the top or left
/// edge: MNIST puts each 28 x 28 image's centre of mass on pixel 14 (its middle
/// at 14.5), which the resampling to 16 x 16 moves to 14.5 * 16 / 28. The
/// page's 2,500 digits lie between 7.99 and 8.60 across and down (a test).
pub const CENTRE: [f64; 2] = [14.5 * 16.0 / 28.0; 2];
/// Ink whose centre of mass is less than this far from [`CENTRE`] (in either
/// direction) is not moved: every training and test digit is that close, so
/// centring leaves them as they are.
pub const LEEWAY: f64 = 1.0;

/// Refuses ink that is not `side` x `side` bytes, or a pad under 16 x 16.
fn check(ink: &[u8], side: usize) -> Result<(), String> {
    if side < SIDE || ink.len() != side * side {
        return Err(format!(
            "{} bytes is not a square of at least {SIDE} x {SIDE} ({side} x {side} expected)",
            ink.len()
        ));
    }
    Ok(())
}

/// The pad's `ink` (`side * side` bytes, row-major, 0 blank to 255 full) as
/// 16 x 16 values in `[0, 1]`, each the mean of the ink it covers.
pub fn reduce(ink: &[u8], side: usize) -> Result<Vec<f64>, String> {
    reduce_square(ink, side, [0.0, 0.0], side as f64)
}

/// As [`reduce`], for the square of `len` pad pixels whose top left corner is
/// `origin` (it may reach past the pad, which is blank there).
pub fn reduce_square(
    ink: &[u8],
    side: usize,
    origin: [f64; 2],
    len: f64,
) -> Result<Vec<f64>, String> {
    check(ink, side)?;
    let across = coverage_of_span(side, origin[0], len, SIDE);
    let down = coverage_of_span(side, origin[1], len, SIDE);
    let scale = len / SIDE as f64;
    // The mean of an area of bytes, over 255: one division, of exact sums
    // (whole numbers when the square is the pad and 16 divides its side).
    let whole = scale * scale * 255.0;
    let mut out = vec![0.0; SIDE * SIDE];
    let mut row = vec![0.0; SIDE];
    for (fy, line) in ink.chunks_exact(side).enumerate() {
        if (0..SIDE).all(|ty| down[ty * side + fy] == 0.0) {
            continue;
        }
        for (tx, r) in row.iter_mut().enumerate() {
            let c = &across[tx * side..(tx + 1) * side];
            *r = line
                .iter()
                .zip(c)
                .filter(|(_, &c)| c != 0.0)
                .map(|(&b, &c)| f64::from(b) * c)
                .sum();
        }
        for ty in 0..SIDE {
            let cy = down[ty * side + fy];
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

/// The square to read ink of a size far from the training digits' from: MNIST
/// scales each digit so its larger side is 20 of its 28 pixels, so ink whose
/// larger side is under half the pad, or over 15/16 of it, is read from the
/// square around it in which that side is 20/28; `None` (the whole pad) for
/// any other ink, and for a blank pad. The training digits' larger side is
/// 12 or 13 of 16 pixels (a test), so none of them is scaled.
pub fn framing(ink: &[u8], side: usize) -> Option<([f64; 2], f64)> {
    if ink.len() != side * side || side == 0 {
        return None;
    }
    let (mut x0, mut y0, mut x1, mut y1) = (side, side, 0, 0);
    for (k, _) in ink.iter().enumerate().filter(|(_, &b)| b > 0) {
        let (x, y) = (k % side, k / side);
        (x0, x1, y0, y1) = (x0.min(x), x1.max(x), y0.min(y), y1.max(y));
    }
    if x0 > x1 {
        return None;
    }
    let larger = (x1 - x0 + 1).max(y1 - y0 + 1) as f64;
    let s = side as f64;
    if (SMALL * s..=LARGE * s).contains(&larger) {
        return None;
    }
    let len = larger * 28.0 / 20.0;
    let centre = [(x0 + x1 + 1) as f64 / 2.0, (y0 + y1 + 1) as f64 / 2.0];
    Some(([centre[0] - len / 2.0, centre[1] - len / 2.0], len))
}

/// Ink whose larger side is under this share of the pad is scaled up.
const SMALL: f64 = 0.5;
/// Ink whose larger side is over this share of the pad is scaled down.
const LARGE: f64 = 15.0 / 16.0;

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

/// The pad's ink as the networks take it: [`reduce`]d (from its [`framing`]
/// when its size is far from the training digits'), then centred.
pub fn read_pad(ink: &[u8], side: usize) -> Result<Vec<f64>, String> {
    check(ink, side)?;
    let small = match framing(ink, side) {
        Some((origin, len)) => reduce_square(ink, side, origin, len)?,
        None => reduce(ink, side)?,
    };
    let shift = centring_shift(&small);
    Ok(if shift == [0, 0] {
        small
    } else {
        shifted(&small, shift)
    })
}

#[cfg(test)]
mod tests;
