//! What each fuzz target checks for one input. Shared by the fuzz targets and by
//! `tests/fuzz_corpus.rs`, which replays the committed seeds and every crash
//! found so far on each `cargo test`.

use ed_playground::settings::params::{parse_number_native, parse_value, Params};
use ed_playground::settings::schema::PARAMS;
use ed_playground::EdRun;

/// A model file is refused with a message, or it loads, trains and saves to a
/// file that loads back to the same bytes.
pub fn model_file(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(mut trainer) = EdRun::from_json(text) else {
        return;
    };
    let epoch = trainer.epoch();
    let saved = trainer.to_json().expect("a loaded model saves");
    let again = EdRun::from_json(&saved).expect("a saved model loads");
    assert_eq!(again.to_json().expect("and saves"), saved, "round trip");
    // Training may saturate or diverge; it must not panic.
    for _ in 0..2 {
        trainer.run_epoch();
    }
    assert_eq!(trainer.epoch(), epoch + 2);
}

/// Any query gives a valid configuration and one message per refused value.
pub fn params(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let pairs: Vec<(&str, &str)> = text
        .split('&')
        .map(|p| p.split_once('=').unwrap_or((p, "")))
        .collect();
    let (params, problems) = Params::from_pairs(pairs.iter().copied(), parse_number_native);
    params
        .config
        .validate()
        .expect("what leaves the parser is valid");
    assert!(problems.len() <= pairs.len() + 1);
    assert!((0.1..=10_000.0).contains(&params.speed));
    for name in PARAMS.map(|p| p.name) {
        for (_, value) in &pairs {
            let _ = parse_value(name, value, parse_number_native);
        }
    }
    // The parser's limits bound the network's size, so it always builds; an
    // epoch of the largest (parity-8 on four 256-unit layers) would slow the
    // fuzzer to a crawl, so only small ones train.
    let small = params.config.hidden.iter().sum::<usize>() <= 64;
    let mut trainer = EdRun::new(params.config);
    if small {
        trainer.run_epoch();
    }
}
