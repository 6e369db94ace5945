//! `ed kaneko` reruns Kaneko's 1999 experiment (his rule and defaults, seeds
//! 1..=100, his stopping rule) and lands where his published table does
//! (docs/method.md section 4).

mod common;
use common::*;

use ed_playground::studies::kaneko::{self, KANEKO_MAX_EPOCHS};
use ed_playground::ConfigInput;

#[derive(Debug)]
struct Summary {
    mean: f64,
    median: f64,
    failed: u64,
    runs: u64,
    /// The JSON line as printed.
    line: String,
}

fn kaneko(args: &[&str]) -> Summary {
    let full: Vec<&str> = ["kaneko"]
        .iter()
        .chain(args)
        .chain(&["--runs", "100", "--json"])
        .copied()
        .collect();
    let stdout = run_ed(&full);
    let last = stdout.lines().last().expect("some output");
    let v: serde_json::Value =
        serde_json::from_str(last).unwrap_or_else(|e| panic!("{last:?} is not JSON: {e}"));
    let obj = v.as_object().expect("a JSON object");
    let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["failed", "mean", "median", "runs"], "{last}");
    let summary = Summary {
        mean: v["mean"].as_f64().expect("mean is a number"),
        median: v["median"].as_f64().expect("median is a number"),
        failed: v["failed"].as_u64().expect("failed is a count"),
        runs: v["runs"].as_u64().expect("runs is a count"),
        line: last.to_string(),
    };
    assert_eq!(summary.runs, 100, "{last}");
    assert!(
        summary.median.is_finite() && summary.median >= 1.0,
        "{last}"
    );
    summary
}

fn assert_mean_within(s: &Summary, lo: f64, hi: f64, what: &str) {
    assert!(
        (lo..=hi).contains(&s.mean),
        "{what}: mean {} epochs, expected within [{lo}, {hi}] ({s:?})",
        s.mean
    );
}

#[test]
fn xor_with_8_hidden_units() {
    // Kaneko: 75.14; his C program here: 72.91 with no failed run.
    let s = kaneko(&["--hidden", "8"]);
    assert_mean_within(&s, 55.0, 100.0, "xor, 8 hidden");
    assert!(s.failed <= 5, "xor, 8 hidden: {} runs failed", s.failed);
}

#[test]
fn xor_with_32_hidden_units() {
    // Kaneko: 8.26; his C program here: 8.00.
    let s = kaneko(&["--hidden", "32"]);
    assert_mean_within(&s, 6.0, 11.0, "xor, 32 hidden");
    assert!(s.failed <= 5, "xor, 32 hidden: {} runs failed", s.failed);
}

#[test]
fn xor_with_64_hidden_units() {
    // Kaneko: 5.97; his C program here: 5.64.
    let s = kaneko(&["--hidden", "64"]);
    assert_mean_within(&s, 4.5, 8.0, "xor, 64 hidden");
    assert!(s.failed <= 5, "xor, 64 hidden: {} runs failed", s.failed);
}

#[test]
fn parity_3_bits_with_64_hidden_units() {
    // Kaneko: 11.22.
    let s = kaneko(&["--task", "parity", "--bits", "3", "--hidden", "64"]);
    assert_mean_within(&s, 8.0, 15.0, "parity 3 bits, 64 hidden");
    assert!(
        s.failed <= 5,
        "parity 3, 64 hidden: {} runs failed",
        s.failed
    );
}

#[test]
fn more_hidden_units_learn_xor_faster() {
    // Kaneko's table falls monotonically from 8 to 64 hidden units.
    let means: Vec<f64> = ["8", "32", "64"]
        .iter()
        .map(|h| kaneko(&["--hidden", h]).mean)
        .collect();
    assert!(
        means[0] > means[1] && means[1] > means[2],
        "means for 8, 32, 64 hidden: {means:?}"
    );
}

#[test]
fn cli_summary_is_the_librarys() {
    // The CLI prints what kaneko::run computes for Kaneko's defaults.
    let base = ConfigInput {
        rule: Some("kaneko".into()),
        hidden: Some(vec![32]),
        ..ConfigInput::default()
    }
    .resolve()
    .expect("Kaneko's defaults are valid");
    let lib = kaneko::run(&base, 100, KANEKO_MAX_EPOCHS);
    let cli = kaneko(&["--hidden", "32"]);
    assert_eq!(lib.runs, cli.runs);
    assert_eq!(lib.failed, cli.failed);
    assert_eq!(serde_json::to_string(&lib).unwrap(), cli.line);
    // Every run is a whole number of epochs: the mean of 100 is a multiple of 0.01.
    assert!(((cli.mean * 100.0).round() - cli.mean * 100.0).abs() < 1e-6);
}

#[test]
fn a_failed_run_is_counted_apart() {
    // With a cap of one epoch no run can stop; the summary says so.
    let stdout = run_ed(&[
        "kaneko",
        "--hidden",
        "8",
        "--runs",
        "3",
        "--max-epochs",
        "1",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(stdout.lines().last().unwrap()).unwrap();
    assert_eq!(v["failed"].as_u64(), Some(3), "{stdout}");
    assert!(v["mean"].is_null(), "{stdout}");
    assert!(v["median"].is_null(), "{stdout}");
}
