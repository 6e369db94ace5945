//! Kaneko's experiment: many seeds, his stopping rule, mean epochs to stop.

use serde::Serialize;

use crate::config::Config;
use crate::trainer::Trainer;

/// Kaneko's cap: his program gives up after 10,000 epochs.
pub const KANEKO_MAX_EPOCHS: u64 = 10_000;

/// Trains until Kaneko's stopping rule holds; the epoch (1-based) at which it did,
/// or `None` when `max_epochs` pass without it (a failed run).
pub fn epochs_to_stop(config: Config, max_epochs: u64) -> Option<u64> {
    let mut trainer = Trainer::new(config);
    (1..=max_epochs).find(|_| trainer.run_epoch().meets_kaneko_stop())
}

/// Mean and median over the runs that stopped; failed runs are counted apart, as
/// in Kaneko's table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub mean: Option<f64>,
    pub median: Option<f64>,
    pub failed: u64,
    pub runs: u64,
}

/// Runs seeds `1..=runs` of `base` (whose own seed is replaced).
pub fn run(base: &Config, runs: u64, max_epochs: u64) -> Summary {
    let mut stopped: Vec<u64> = (1..=runs)
        .filter_map(|seed| {
            epochs_to_stop(
                Config {
                    seed,
                    ..base.clone()
                },
                max_epochs,
            )
        })
        .collect();
    stopped.sort_unstable();
    let failed = runs - stopped.len() as u64;
    let n = stopped.len();
    let mean = (n > 0).then(|| stopped.iter().sum::<u64>() as f64 / n as f64);
    let median = (n > 0).then(|| {
        if n % 2 == 1 {
            stopped[n / 2] as f64
        } else {
            (stopped[n / 2 - 1] + stopped[n / 2]) as f64 / 2.0
        }
    });
    Summary {
        mean,
        median,
        failed,
        runs,
    }
}
