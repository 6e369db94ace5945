//! Native half of the native-vs-wasm identity check: the fingerprints of the
//! golden runs match the committed values (tests/wasm.rs checks the same values
//! inside headless Chromium).

use ed_playground::io::fingerprint::{golden_cases, run_fingerprint};

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
