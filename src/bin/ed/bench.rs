//! `ed bench`: ED's training throughput on XOR, a small and a wide network.

use std::time::{Duration, Instant};

use ed_playground::{Config, EdRun};
use serde_json::json;

/// Epochs per second of `config`, the median of five timed rounds of at least
/// 200 ms each after a warm-up.
fn epochs_per_second(config: Config) -> f64 {
    let mut trainer = EdRun::new(config);
    let mut batch = 64u64;
    let warm = Instant::now();
    while warm.elapsed() < Duration::from_millis(200) {
        for _ in 0..batch {
            std::hint::black_box(trainer.run_epoch());
        }
        batch *= 2;
    }
    let mut rates: Vec<f64> = (0..5)
        .map(|_| {
            let start = Instant::now();
            let mut done = 0u64;
            while start.elapsed() < Duration::from_millis(200) {
                for _ in 0..batch {
                    std::hint::black_box(trainer.run_epoch());
                }
                done += batch;
            }
            done as f64 / start.elapsed().as_secs_f64()
        })
        .collect();
    rates.sort_by(f64::total_cmp);
    rates[2]
}

pub fn run(json: bool) {
    let cases = [("xor-4-8-8-1", vec![8, 8]), ("xor-4-64-64-1", vec![64, 64])];
    let mut results = Vec::new();
    for (case, hidden) in cases {
        let rate = epochs_per_second(Config {
            hidden,
            ..Config::seed_defaults()
        });
        if !json {
            out!("{case}: {rate:.0} epochs/s");
        }
        results.push(json!({ "case": case, "epochs_per_sec": rate }));
    }
    if json {
        out!("{}", serde_json::Value::Array(results));
    }
}
