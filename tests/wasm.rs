//! wasm half of the native-vs-wasm identity check, run in headless Chromium by
//! wasm-bindgen-test: the same golden runs give the same fingerprints as natively.
#![cfg(target_arch = "wasm32")]

use ed_playground::fingerprint::{golden_cases, run_fingerprint};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const GOLDEN: &str = include_str!("golden/fingerprints.txt");

#[wasm_bindgen_test]
fn wasm_runs_match_the_native_fingerprints() {
    for (name, config, epochs) in golden_cases() {
        let line = GOLDEN
            .lines()
            .find(|l| l.split_whitespace().next() == Some(name))
            .expect("golden case");
        let want =
            u64::from_str_radix(line.split_whitespace().nth(1).expect("hash"), 16).expect("hex");
        assert_eq!(run_fingerprint(config, epochs), want, "{name}");
    }
}

#[wasm_bindgen_test]
fn seed_digits_hold_in_wasm() {
    let mut t = ed_playground::Trainer::new(ed_playground::Config::seed_defaults());
    let mut last = 0.0;
    for _ in 0..200 {
        last = t.run_epoch().mean_loss;
    }
    assert_eq!(format!("{last:.8}"), "0.00007216");
}
