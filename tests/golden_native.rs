//! Native half of the native-vs-wasm identity check: the fingerprints of the
//! golden runs match the committed values (tests/wasm/ checks the same values
//! inside headless Chromium).

use ed_playground::io::fingerprint::{golden_cases, run_fingerprint, sliced_run_fingerprint};
use proptest::prelude::*;

const GOLDEN: &str = include_str!("golden/fingerprints.txt");

fn committed(name: &str) -> u64 {
    let line = GOLDEN
        .lines()
        .find(|l| l.split_whitespace().next() == Some(name))
        .unwrap_or_else(|| panic!("{name} not in golden file"));
    u64::from_str_radix(line.split_whitespace().nth(1).expect("hash column"), 16).expect("hex hash")
}

#[test]
fn native_runs_match_the_committed_fingerprints() {
    if std::env::var_os("ED_PRINT_GOLDEN").is_some() {
        for (name, config, epochs) in golden_cases() {
            println!("{name} {:016x}", run_fingerprint(config, epochs));
        }
    }
    for (name, config, epochs) in golden_cases() {
        assert_eq!(run_fingerprint(config, epochs), committed(name), "{name}");
    }
}

/// Each golden run trained as the page trains it, a budget of a few patterns
/// at a time, so that every call stops somewhere between two patterns.
#[test]
fn runs_stopped_between_patterns_match_the_committed_fingerprints() {
    for (name, config, epochs) in golden_cases() {
        for slice in [1, 2, 7] {
            let fingerprint = sliced_run_fingerprint(config.clone(), epochs, || slice);
            assert_eq!(fingerprint, committed(name), "{name}, {slice} units a call");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Stopped at random points: budgets drawn anew for every call.
    #[test]
    fn runs_stopped_at_random_points_match_the_committed_fingerprints(
        case in 0..golden_cases().len(),
        budgets in prop::collection::vec(1u64..200, 1..32),
    ) {
        let (name, config, epochs) = golden_cases().swap_remove(case);
        let mut calls = budgets.iter().cycle();
        let fingerprint = sliced_run_fingerprint(config, epochs, || *calls.next().unwrap());
        prop_assert_eq!(fingerprint, committed(name), "{}", name);
    }
}
