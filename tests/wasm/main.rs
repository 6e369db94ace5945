//! wasm half of the native-vs-wasm identity check, run in headless Chromium by
//! wasm-bindgen-test: the same golden runs give the same fingerprints as natively.
#![cfg(target_arch = "wasm32")]

use ed_playground::io::fingerprint::{golden_cases, run_fingerprint, sliced_run_fingerprint};
use ed_playground::wasm::{model_from_file, model_from_text, model_to_text, Playground};
use wasm_bindgen::{JsError, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const GOLDEN: &str = include_str!("../golden/fingerprints.txt");

/// The committed fingerprint of the golden case `name`.
fn committed(name: &str) -> u64 {
    let line = GOLDEN
        .lines()
        .find(|l| l.split_whitespace().next() == Some(name))
        .expect("golden case");
    u64::from_str_radix(line.split_whitespace().nth(1).expect("hash"), 16).expect("hex")
}

#[wasm_bindgen_test]
fn wasm_runs_match_the_native_fingerprints() {
    for (name, config, epochs) in golden_cases() {
        assert_eq!(run_fingerprint(config, epochs), committed(name), "{name}");
    }
}

/// Trained as the page trains them, a frame's budget of a few patterns at a
/// time: stopped between patterns everywhere, the same numbers.
#[wasm_bindgen_test]
fn wasm_runs_stopped_between_patterns_match_the_native_fingerprints() {
    for (name, config, epochs) in golden_cases() {
        // Budgets that change from call to call, so the stops fall everywhere.
        let mut calls = [1u64, 5, 2, 11, 3].into_iter().cycle();
        let got = sliced_run_fingerprint(config, epochs, || calls.next().unwrap());
        assert_eq!(got, committed(name), "{name}");
    }
}

#[wasm_bindgen_test]
fn seed_digits_hold_in_wasm() {
    let mut t = ed_playground::EdRun::new(ed_playground::Config::seed_defaults());
    let mut last = 0.0;
    for _ in 0..200 {
        last = t.run_epoch().mean_loss;
    }
    assert_eq!(format!("{last:.8}"), "0.00007216");
}

/// The page's Load model, as the page does it: the files module reads the
/// text into a run's parts, and the page's module builds the run from them.
pub fn load_text(text: &JsValue) -> Result<Playground, JsError> {
    Playground::from_model_parts(&model_from_text(text)?.into())
}

/// The same from a file's bytes (the file picker's way).
pub fn load_file(bytes: &JsValue) -> Result<Playground, JsError> {
    Playground::from_model_parts(&model_from_file(bytes)?.into())
}

/// The page's Save model: the run's parts, written by the files module.
pub fn save(page: &Playground) -> Result<String, JsError> {
    model_to_text(&page.model_parts().into())
}

mod adapter;

mod files;

#[cfg(feature = "digits-page")]
mod digits_run;

mod misuse;

mod views;
