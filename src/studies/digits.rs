//! Handwritten digits as a study: ten outputs, one independent sub-network
//! per digit, as Kaneko built it, trained by either method epoch by epoch and
//! scored on digits it has not seen (the data is [`crate::task::digits`]).

use crate::settings::{Config, ConfigError};
use crate::task::digits::{Digit, DigitBytes, CLASSES, SIDE};
use crate::task::{Dataset, Split};
use crate::train::evaluation::most_probable;
use crate::train::{shuffle_patterns, Run, SubNetwork};

/// The configuration of a digits run as the page and `ed digits` make it by
/// default: the seed's rule, `hidden` units, `lr` (the rule's default when
/// `None`), `seed`, the training order shuffled every epoch.
pub fn config(hidden: Vec<usize>, lr: Option<f64>, seed: u64) -> Result<Config, ConfigError> {
    let mut config = Config {
        hidden,
        seed,
        shuffle: true,
        ..Config::seed_defaults()
    };
    config.lr = lr.unwrap_or(config.lr);
    config.validate()?;
    Ok(config)
}

/// Digits a split draws from: images as numbers (the MNIST files'), or a
/// byte file's, turned into numbers only as they are drawn.
pub trait DigitSource {
    fn count(&self) -> usize;
    fn label(&self, k: usize) -> usize;
    /// Digit `k`'s `SIDE * SIDE` pixels into `out`.
    fn pixels_into(&self, k: usize, out: &mut [f64]);
}

impl DigitSource for [Digit] {
    fn count(&self) -> usize {
        self.len()
    }
    fn label(&self, k: usize) -> usize {
        self[k].label
    }
    fn pixels_into(&self, k: usize, out: &mut [f64]) {
        out.copy_from_slice(&self[k].pixels);
    }
}

impl DigitSource for Vec<Digit> {
    fn count(&self) -> usize {
        self.len()
    }
    fn label(&self, k: usize) -> usize {
        self[k].label
    }
    fn pixels_into(&self, k: usize, out: &mut [f64]) {
        self[..].pixels_into(k, out);
    }
}

impl DigitSource for DigitBytes {
    fn count(&self) -> usize {
        self.len()
    }
    fn label(&self, k: usize) -> usize {
        DigitBytes::label(self, k)
    }
    fn pixels_into(&self, k: usize, out: &mut [f64]) {
        for (o, p) in out.iter_mut().zip(self.pixels(k)) {
            *o = p;
        }
    }
}

/// `train` digits to learn from and `test` others to score, drawn from `digits`
/// in an order shuffled by `seed`; targets one-hot over the ten digits.
pub fn split<D: DigitSource + ?Sized>(
    digits: &D,
    train: usize,
    test: usize,
    seed: u64,
) -> Result<Split, String> {
    let count = digits.count();
    if train == 0 || test == 0 || train.saturating_add(test) > count {
        return Err(format!(
            "{train} training and {test} test digits from {count}: each at least 1, together at most all"
        ));
    }
    let mut order: Vec<usize> = (0..count).collect();
    shuffle_patterns(&mut order, seed, 0);
    let set = |picks: &[usize]| {
        let mut set = Dataset::with_capacity(SIDE * SIDE, CLASSES, picks.len());
        let mut pixels = [0.0; SIDE * SIDE];
        for &k in picks {
            let mut target = [0.0; CLASSES];
            target[digits.label(k)] = 1.0;
            digits.pixels_into(k, &mut pixels);
            set.push(&pixels, &target);
        }
        set
    };
    Ok(Split {
        train: set(&order[..train]),
        test: Some(set(&order[train..train + test])),
    })
}

/// Trains one more epoch of a digits run (the page's worker reports after
/// each) and scores it on the run's training and test digits.
pub fn train_epoch<N: SubNetwork>(run: &mut Run<N>) -> EpochScore {
    let stats = run.run_epoch();
    let epoch = run.epoch();
    let (networks, train, test) = run.parts_mut();
    EpochScore {
        epoch,
        mean_loss: stats.mean_loss,
        train_accuracy: accuracy(networks, train),
        test_accuracy: test.map_or(f64::NAN, |test| accuracy(networks, test)),
    }
}

/// The most probable digit for each of the first `n` test digits.
pub fn guesses<N: SubNetwork>(run: &mut Run<N>, n: usize) -> Vec<usize> {
    let (networks, _, test) = run.parts_mut();
    let Some(test) = test else { return Vec::new() };
    let mut out = vec![0.0; networks.len()];
    (0..n.min(test.len()))
        .map(|k| {
            predict(networks, test.input(k), &mut out);
            argmax(&out)
        })
        .collect()
}

/// The ten outputs (probabilities, one per digit's network) for each of the
/// first `n` test digits, digit after digit: what the run gave them, for the
/// pad to be held to.
pub fn test_outputs<N: SubNetwork>(run: &mut Run<N>, n: usize) -> Vec<f64> {
    let (networks, _, test) = run.parts_mut();
    let Some(test) = test else { return Vec::new() };
    let mut out = vec![0.0; n.min(test.len()) * networks.len()];
    for (k, chunk) in out.chunks_exact_mut(networks.len()).enumerate() {
        predict(networks, test.input(k), chunk);
    }
    out
}

/// The confusion matrix of `networks` on `set`: `[truth * CLASSES + guess]`,
/// how many digits of each true digit got each guess (the most probable
/// output, as [`accuracy`] counts them).
pub fn confusion<N: SubNetwork>(networks: &mut [N], set: &Dataset) -> Vec<u32> {
    let mut counts = vec![0; CLASSES * CLASSES];
    let mut out = vec![0.0; set.n_outputs];
    for k in 0..set.len() {
        predict(networks, set.input(k), &mut out);
        counts[argmax(set.target(k)) * CLASSES + argmax(&out)] += 1;
    }
    counts
}

/// The ten outputs for 16 x 16 `pixels` (the pad's, say), one per digit's network.
pub fn outputs<N: SubNetwork>(networks: &mut [N], pixels: &[f64]) -> Vec<f64> {
    let mut out = vec![0.0; networks.len()];
    predict(networks, pixels, &mut out);
    out
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
    let mut run = Run::<N>::with_split(config, split);
    (1..=epochs)
        .map(|_| {
            let score = train_epoch(&mut run);
            report(&score);
            score
        })
        .collect()
}

fn predict<N: SubNetwork>(networks: &mut [N], input: &[f64], out: &mut [f64]) {
    for (net, o) in networks.iter_mut().zip(out) {
        *o = net.predict(input);
    }
}

/// The share of `set`'s digits whose most probable output is the right one.
pub fn accuracy<N: SubNetwork>(networks: &mut [N], set: &Dataset) -> f64 {
    let mut out = vec![0.0; set.n_outputs];
    let right = (0..set.len())
        .filter(|&k| {
            predict(networks, set.input(k), &mut out);
            argmax(&out) == argmax(set.target(k))
        })
        .count();
    right as f64 / set.len() as f64
}

fn argmax(values: &[f64]) -> usize {
    most_probable(values).0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::task::digits::{first_of_each, from_bytes, resample, to_bytes, RECORD};

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
        let run = Run::<crate::ed::Network>::with_split(config, split);
        let net = &run.networks()[2];
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
    fn the_confusion_matrix_counts_every_test_digit_once_and_its_diagonal_is_the_right_ones() {
        let digits = some_digits();
        let split = split(&digits, 20, 10, 4).unwrap();
        let mut ed =
            Run::<crate::ed::Network>::with_split(config(vec![8], None, 4).unwrap(), split.clone());
        let mut bp =
            Run::<crate::backprop::Network>::with_split(config(vec![8], None, 4).unwrap(), split);
        for _ in 0..3 {
            let scores = [train_epoch(&mut ed), train_epoch(&mut bp)];
            let matrices = {
                let (n, _, t) = ed.parts_mut();
                let first = confusion(n, t.unwrap());
                let (n, _, t) = bp.parts_mut();
                [first, confusion(n, t.unwrap())]
            };
            for (m, score) in matrices.iter().zip(&scores) {
                assert_eq!(m.len(), 100);
                assert_eq!(m.iter().sum::<u32>(), 10, "every test digit once");
                let diagonal: u32 = (0..CLASSES).map(|d| m[d * CLASSES + d]).sum();
                assert_eq!(f64::from(diagonal) / 10.0, score.test_accuracy);
                // A row holds the digits of its truth.
                let test = ed.test_set().unwrap();
                for d in 0..CLASSES {
                    let of_d = (0..10).filter(|&k| test.target(k)[d] == 1.0).count() as u32;
                    assert_eq!(m[d * CLASSES..(d + 1) * CLASSES].iter().sum::<u32>(), of_d);
                }
            }
        }
        // The recorded outputs are the networks' on each test digit.
        let recorded = test_outputs(&mut ed, 4);
        assert_eq!(recorded.len(), 40);
        let third = ed.test_set().unwrap().input(2).to_vec();
        assert_eq!(&recorded[20..30], &outputs(ed.networks_mut(), &third)[..]);
    }

    #[test]
    fn epoch_by_epoch_scores_as_learn_does_and_guesses_the_test_digits() {
        let digits = some_digits();
        let config = config(vec![8], None, 5).unwrap();
        let split = split(&digits, 20, 10, 5).unwrap();
        let all = learn::<crate::ed::Network>(config.clone(), split.clone(), 3, |_| {});
        let mut run = Run::<crate::ed::Network>::with_split(config, split);
        let stepped: Vec<EpochScore> = (0..3).map(|_| train_epoch(&mut run)).collect();
        assert_eq!(stepped, all);
        assert_eq!(stepped[2].epoch, 3);
        let guesses = guesses(&mut run, 50);
        assert_eq!(guesses.len(), 10, "at most the test set");
        let right = guesses
            .iter()
            .enumerate()
            .filter(|&(k, &g)| run.test_set().unwrap().target(k)[g] == 1.0)
            .count();
        assert_eq!(right as f64 / 10.0, stepped[2].test_accuracy);
    }
}
