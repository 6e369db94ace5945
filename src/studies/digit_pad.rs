//! The digits card's drawing pad: copies of a digits run's trained networks,
//! both methods, asked about the reader's own handwriting. A run hands its
//! networks over as flat weights after each epoch ([`flat_weights`]), so the
//! pad answers in a thread of its own while the run trains on in another.

use crate::settings::ConfigError;
use crate::task::digits::{CLASSES, SIDE};
use crate::task::handwriting::read_pad;
use crate::train::SubNetwork;

use super::digits::{config, outputs};

/// A network whose weights can be copied out flat and back in.
pub trait Copied: SubNetwork {
    /// Every layer's weights, layer after layer, each input-major.
    fn flat(&self) -> Vec<f64>;
    /// The reverse of [`Copied::flat`]; refuses weights that do not fit.
    fn set_flat(&mut self, flat: &[f64]) -> Result<(), String>;
}

// Both methods' networks keep their layers the same way (a weight slice per
// layer, input-major) and check a flat copy the same way: one body for both.
macro_rules! copied {
    ($($network:ty),*) => {$(
        impl Copied for $network {
            fn flat(&self) -> Vec<f64> {
                self.layers()
                    .iter()
                    .flat_map(|l| l.weights().iter().copied())
                    .collect()
            }
            fn set_flat(&mut self, flat: &[f64]) -> Result<(), String> {
                self.set_weights(flat)
            }
        }
    )*};
}
copied!(crate::ed::Network, crate::backprop::Network);

/// All of a run's networks' weights, one network after the other.
pub fn flat_weights<N: Copied>(networks: &[N]) -> Vec<f64> {
    networks.iter().flat_map(Copied::flat).collect()
}

/// What the pad shows for one state of its ink: the 16 x 16 digit the
/// networks see, and each method's ten outputs (`None` before a copy came).
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub pixels: Vec<f64>,
    pub ed: Option<Vec<f64>>,
    pub backprop: Option<Vec<f64>>,
}

/// Both methods' networks for a run of `hidden` units, each empty until a
/// run's weights are copied in.
pub struct Pad {
    ed: Vec<crate::ed::Network>,
    backprop: Vec<crate::backprop::Network>,
    has: [bool; 2],
}

/// Copies `flat` (as [`flat_weights`] wrote it) into `networks`, all or none.
fn load<N: Copied>(networks: &mut [N], flat: &[f64]) -> Result<(), String> {
    let sizes: Vec<usize> = networks.iter().map(|n| n.flat().len()).collect();
    if flat.len() != sizes.iter().sum::<usize>() {
        return Err(format!(
            "expected {} weights for {} networks, found {}",
            sizes.iter().sum::<usize>(),
            networks.len(),
            flat.len()
        ));
    }
    let mut copies = networks.to_vec();
    let mut rest = flat;
    for (net, size) in copies.iter_mut().zip(sizes) {
        let (mine, next) = rest.split_at(size);
        net.set_flat(mine)?;
        rest = next;
    }
    networks.clone_from_slice(&copies);
    Ok(())
}

impl Pad {
    /// Networks shaped as a digits run of `hidden` units (as [`config`] makes it).
    pub fn new(hidden: Vec<usize>) -> Result<Pad, ConfigError> {
        let config = config(hidden, None, 1)?;
        Ok(Pad {
            ed: SubNetwork::build(&config, SIDE * SIDE, CLASSES),
            backprop: SubNetwork::build(&config, SIDE * SIDE, CLASSES),
            has: [false; 2],
        })
    }

    pub fn load_ed(&mut self, flat: &[f64]) -> Result<(), String> {
        load(&mut self.ed, flat)?;
        self.has[0] = true;
        Ok(())
    }

    pub fn load_backprop(&mut self, flat: &[f64]) -> Result<(), String> {
        load(&mut self.backprop, flat)?;
        self.has[1] = true;
        Ok(())
    }

    /// The pad's `ink` (`side * side` bytes) as the networks see it, and their outputs.
    pub fn read(&mut self, ink: &[u8], side: usize) -> Result<Reading, String> {
        let pixels = read_pad(ink, side)?;
        Ok(Reading {
            ed: self.has[0].then(|| outputs(&mut self.ed, &pixels)),
            backprop: self.has[1].then(|| outputs(&mut self.backprop, &pixels)),
            pixels,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::studies::digits::{split, test_outputs, train_epoch};
    use crate::task::digits::Digit;
    use crate::train::Run;

    #[test]
    fn a_test_digit_painted_on_the_pad_gets_the_outputs_the_run_recorded() {
        let digits: Vec<Digit> = (0..40)
            .map(|k| Digit {
                label: k % 10,
                // Whole bytes, as the page's file holds them, ink in the middle.
                pixels: (0..SIDE * SIDE)
                    .map(|p| {
                        let (x, y) = (p % SIDE, p / SIDE);
                        let inside = (4..12).contains(&x) && (4..12).contains(&y);
                        if inside {
                            ((k * 29 + p * 13) % 256) as f64 / 255.0
                        } else {
                            0.0
                        }
                    })
                    .collect(),
            })
            .collect();
        let split = split(&digits, 30, 10, 2).unwrap();
        let mut ed =
            Run::<crate::ed::Network>::with_split(config(vec![6], None, 2).unwrap(), split.clone());
        let mut bp =
            Run::<crate::backprop::Network>::with_split(config(vec![6], None, 2).unwrap(), split);
        train_epoch(&mut ed);
        train_epoch(&mut bp);
        let mut pad = Pad::new(vec![6]).unwrap();
        let blank = vec![0u8; 32 * 32];
        assert_eq!(pad.read(&blank, 32).unwrap().ed, None, "no copy yet");
        pad.load_ed(&flat_weights(ed.networks())).unwrap();
        pad.load_backprop(&flat_weights(bp.networks())).unwrap();
        let (want_ed, want_bp) = (test_outputs(&mut ed, 10), test_outputs(&mut bp, 10));
        let test = ed.test_set().unwrap().clone();
        for k in 0..10 {
            let bytes: Vec<u8> = test
                .input(k)
                .iter()
                .map(|p| (p * 255.0).round() as u8)
                .collect();
            // Blocks of 3 x 3: a pad of 48 x 48.
            let ink: Vec<u8> = (0..48 * 48)
                .map(|i| bytes[(i / 48 / 3) * SIDE + (i % 48) / 3])
                .collect();
            let r = pad.read(&ink, 48).unwrap();
            assert_eq!(r.pixels, test.input(k));
            assert_eq!(r.ed.unwrap(), want_ed[k * 10..(k + 1) * 10]);
            assert_eq!(r.backprop.unwrap(), want_bp[k * 10..(k + 1) * 10]);
        }
        // ED's weights keep their signs: backprop's, copied as ED's, are refused
        // whole, and the pad keeps its copy.
        let before = pad.read(&blank, 32).unwrap();
        assert!(pad
            .load_ed(&flat_weights(bp.networks()))
            .unwrap_err()
            .contains("wrong sign"));
        assert!(pad.load_ed(&[0.5; 3]).unwrap_err().contains("found 3"));
        assert_eq!(pad.read(&blank, 32).unwrap(), before);
    }
}
