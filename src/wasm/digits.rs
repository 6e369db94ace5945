//! Handwritten digits for the page's worker: a run built from the bytes of
//! `dist/data/digits.bin` (see [`crate::task::digits::to_bytes`]) that trains one
//! epoch per call, so the worker can report after each and stop between them.
//! The learning and the scoring are the library's ([`digits::train_epoch`]),
//! as `ed digits` runs them: the same bytes and options give the same accuracies.

use wasm_bindgen::prelude::*;

use super::convert::{check_keys, count, get, index_arg, number, text, whole};
use crate::studies::digit_pad::flat_weights;
use crate::studies::digits::{self, EpochScore};
use crate::task::digits as data;
use crate::task::Dataset;
use crate::train::Run;

const OPTIONS: [&str; 6] = ["method", "hidden", "lr", "seed", "train", "test"];

enum Method {
    Ed(Run<crate::ed::Network>),
    Backprop(Run<crate::backprop::Network>),
}

/// One method learning the digits.
#[wasm_bindgen]
pub struct DigitsRun {
    method: Method,
    last: Option<EpochScore>,
}

/// An own property that is present (`undefined` and `null` count as absent).
fn optional<T>(
    obj: &JsValue,
    name: &str,
    read: impl FnOnce(&str, &JsValue) -> Result<T, String>,
) -> Result<Option<T>, String> {
    get(obj, name)?.map(|v| read(name, &v)).transpose()
}

fn refuse(message: String) -> JsError {
    JsError::new(&message)
}

/// The digit of each of the first `n` test digits (the targets are one-hot).
fn labels(set: &Dataset, n: usize) -> Vec<u8> {
    (0..n.min(set.len()))
        .map(|k| set.target(k).iter().position(|&t| t == 1.0).unwrap_or(0) as u8)
        .collect()
}

impl DigitsRun {
    fn test_set(&self) -> &Dataset {
        let set = match &self.method {
            Method::Ed(run) => run.test_set(),
            Method::Backprop(run) => run.test_set(),
        };
        set.expect("a digits split has a test set")
    }
}

#[wasm_bindgen]
impl DigitsRun {
    /// `bytes`: digits in the byte format. `options`: `{ method: "ed" |
    /// "backprop", hidden (one layer's units, 32), lr (the seed rule's when
    /// absent), seed (1), train (2000), test (500) }`. Throws an Error naming a
    /// bad value.
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: &JsValue, options: JsValue) -> Result<DigitsRun, JsError> {
        let digits = |e: String| refuse(format!("digits: {e}"));
        let bytes = bytes
            .dyn_ref::<js_sys::Uint8Array>()
            .ok_or_else(|| digits("must be a Uint8Array".into()))?;
        // The length first: a refused array is never copied into the module.
        data::check_length(bytes.length().into()).map_err(digits)?;
        let all = data::DigitBytes::from_vec(bytes.to_vec()).map_err(digits)?;
        let o = if options.is_undefined() || options.is_null() {
            js_sys::Object::new().into()
        } else {
            options
        };
        check_keys(&o, "options", &OPTIONS).map_err(refuse)?;
        let method = optional(&o, "method", text)
            .map_err(refuse)?
            .unwrap_or_else(|| "ed".into());
        // Checked first, so a bad name is what a caller hears of, whatever else is wrong.
        let ed = match method.as_str() {
            "ed" => true,
            "backprop" => false,
            other => {
                return Err(refuse(format!(
                    "method: must be \"ed\" or \"backprop\", got \"{other}\""
                )))
            }
        };
        let read = |name: &str, default: usize| {
            optional(&o, name, count)
                .map(|v| v.unwrap_or(default))
                .map_err(refuse)
        };
        let (hidden, train, test) = (
            read("hidden", 32)?,
            read("train", 2000)?,
            read("test", 500)?,
        );
        let lr = optional(&o, "lr", number).map_err(refuse)?;
        let seed = optional(&o, "seed", whole).map_err(refuse)?.unwrap_or(1);
        let config = digits::config(vec![hidden], lr, seed).map_err(|e| refuse(e.to_string()))?;
        let split = digits::split(&all, train, test, seed)
            .map_err(|e| refuse(format!("train, test: {e}")))?;
        let method = if ed {
            Method::Ed(Run::with_split(config, split))
        } else {
            Method::Backprop(Run::with_split(config, split))
        };
        Ok(DigitsRun { method, last: None })
    }

    /// Trains one epoch and scores it; its mean training loss.
    pub fn epoch(&mut self) -> f64 {
        let score = match &mut self.method {
            Method::Ed(run) => digits::train_epoch(run),
            Method::Backprop(run) => digits::train_epoch(run),
        };
        let loss = score.mean_loss;
        self.last = Some(score);
        loss
    }

    /// The share of the training digits right after the last epoch (none before one).
    #[wasm_bindgen(getter, js_name = trainAccuracy)]
    pub fn train_accuracy(&self) -> Option<f64> {
        self.last.as_ref().map(|s| s.train_accuracy)
    }

    /// The share of the test digits right after the last epoch (none before one).
    #[wasm_bindgen(getter, js_name = testAccuracy)]
    pub fn test_accuracy(&self) -> Option<f64> {
        self.last.as_ref().map(|s| s.test_accuracy)
    }

    /// The predicted digit of each of the first `n` test digits.
    pub fn guesses(&mut self, n: usize) -> Vec<u8> {
        let g = match &mut self.method {
            Method::Ed(run) => digits::guesses(run, n),
            Method::Backprop(run) => digits::guesses(run, n),
        };
        g.into_iter().map(|d| d as u8).collect()
    }

    /// The true digit of each of the first `n` test digits.
    #[wasm_bindgen(js_name = testLabels)]
    pub fn test_labels(&self, n: usize) -> Vec<u8> {
        labels(self.test_set(), n)
    }

    /// Test digit `k`'s 16 x 16 pixels in [0, 1], row-major.
    #[wasm_bindgen(js_name = testImage)]
    pub fn test_image(&self, k: f64) -> Result<Vec<f64>, JsError> {
        let set = self.test_set();
        let k = index_arg("k", k, set.len())
            .map_err(|_| refuse(format!("k: there are {} test digits", set.len())))?;
        Ok(set.input(k).to_vec())
    }

    /// The ten outputs of each of the first `n` test digits, digit after digit:
    /// recorded, so the pad can be held to them.
    #[wasm_bindgen(js_name = testOutputs)]
    pub fn test_outputs(&mut self, n: usize) -> Vec<f64> {
        match &mut self.method {
            Method::Ed(run) => digits::test_outputs(run, n),
            Method::Backprop(run) => digits::test_outputs(run, n),
        }
    }

    /// The confusion matrix on the test digits, `[truth * 10 + guess]`.
    pub fn confusion(&mut self) -> Vec<u32> {
        fn of<N: crate::train::SubNetwork>(run: &mut Run<N>) -> Vec<u32> {
            let (networks, _, test) = run.parts_mut();
            digits::confusion(networks, test.expect("a digits split has a test set"))
        }
        match &mut self.method {
            Method::Ed(run) => of(run),
            Method::Backprop(run) => of(run),
        }
    }

    /// Every network's weights, flat (see [`crate::studies::digit_pad`]), for
    /// the pad's copy.
    pub fn weights(&self) -> Vec<f64> {
        match &self.method {
            Method::Ed(run) => flat_weights(run.networks()),
            Method::Backprop(run) => flat_weights(run.networks()),
        }
    }

    /// ED's receptive field of hidden unit `unit` in the sub-network of digit
    /// `digit`: per pixel, that unit's weight from the pixel's + copy plus its
    /// weight from the - copy (see [`digits::receptive_field`]). Each digit has
    /// a network of its own, so a field belongs to one digit's network; the
    /// page shows one unit of each. ED only: backprop has no +/- copies.
    pub fn field(&self, digit: f64, unit: f64) -> Result<Vec<f64>, JsError> {
        let Method::Ed(t) = &self.method else {
            return Err(refuse("field: only an ED run has +/- copies to add".into()));
        };
        let networks = t.networks();
        let digit = index_arg("digit", digit, networks.len())
            .map_err(|_| refuse("digit: must be 0 to 9".into()))?;
        let net = &networks[digit];
        let units = net.layers()[0].outputs();
        let unit = index_arg("unit", unit, units)
            .map_err(|_| refuse(format!("unit: the first hidden layer has {units} units")))?;
        digits::receptive_field(net, unit)
            .ok_or_else(|| refuse(format!("unit: the first hidden layer has {units} units")))
    }
}
