//! Replays the fuzz targets' committed seeds and every crash the fuzzer has found
//! (fuzz/regressions/, one file per crash) through the same checks the fuzz
//! targets run, so a fixed crash stays fixed without the fuzzer or nightly Rust.

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) -> usize {
    let mut count = 0;
    for dir in ["seeds", "regressions"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz")
            .join(dir)
            .join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("a readable directory").path();
            let data = std::fs::read(&path).expect("a readable file");
            let outcome = std::panic::catch_unwind(|| check(&data));
            assert!(outcome.is_ok(), "{} fails its check", path.display());
            count += 1;
        }
    }
    count
}

#[test]
fn model_file_seeds_and_regressions_pass() {
    assert!(replay("model_file", checks::model_file) >= 5);
}

#[test]
fn params_seeds_and_regressions_pass() {
    assert!(replay("params", checks::params) >= 4);
}
