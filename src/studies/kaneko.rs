//! Kaneko's experiment: many seeds, his stopping rule, mean epochs to stop; for
//! ED, as he ran it, and for backprop on the same networks.

use serde::Serialize;

use super::seeds::per_seed;
use crate::settings::Config;
use crate::train::{Method, Run, SubNetwork};

/// Kaneko's cap: his program gives up after 10,000 epochs.
pub const KANEKO_MAX_EPOCHS: u64 = 10_000;
/// The most seeds a study runs (`ed kaneko --runs`): Kaneko's table has 100.
pub const MAX_RUNS: u64 = 10_000;
/// The most epochs a study gives each run before it counts as failed
/// (`--max-epochs`): a hundred times his own limit.
pub const MAX_EPOCH_LIMIT: u64 = 100 * KANEKO_MAX_EPOCHS;

/// Trains ED until Kaneko's stopping rule holds; the epoch (1-based) at which it
/// did, or `None` when `max_epochs` pass without it (a failed run).
pub fn epochs_to_stop(config: Config, max_epochs: u64) -> Option<u64> {
    epochs_to_stop_with::<crate::ed::Network>(config, max_epochs)
}

/// As [`epochs_to_stop`], for either method.
pub fn epochs_to_stop_with<N: SubNetwork>(config: Config, max_epochs: u64) -> Option<u64> {
    let mut trainer = Run::<N>::new(config);
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

/// Runs seeds `1..=runs` of `base` (whose own seed is replaced) with ED.
pub fn run(base: &Config, runs: u64, max_epochs: u64) -> Summary {
    run_with::<crate::ed::Network>(base, runs, max_epochs)
}

/// As [`run`], with the method chosen at run time.
pub fn run_method(method: Method, base: &Config, runs: u64, max_epochs: u64) -> Summary {
    match method {
        Method::Ed => run_with::<crate::ed::Network>(base, runs, max_epochs),
        Method::Backprop => run_with::<crate::backprop::Network>(base, runs, max_epochs),
    }
}

/// As [`run`], for either method: the same seeds, stopping rule and cap.
pub fn run_with<N: SubNetwork>(base: &Config, runs: u64, max_epochs: u64) -> Summary {
    let stopped: Vec<u64> = per_seed(runs, |seed| {
        epochs_to_stop_with::<N>(
            Config {
                seed,
                ..base.clone()
            },
            max_epochs,
        )
    })
    .into_iter()
    .flatten()
    .collect();
    summarise(stopped, runs)
}

/// The summary of `runs` runs of which those in `stopped` stopped at those epochs.
pub(crate) fn summarise(mut stopped: Vec<u64>, runs: u64) -> Summary {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn kaneko(hidden: usize) -> Config {
        Config {
            hidden: vec![hidden],
            ..Config::kaneko_defaults()
        }
    }

    #[test]
    fn ed_by_name_is_the_ed_experiment() {
        let base = kaneko(8);
        assert_eq!(run_method(Method::Ed, &base, 10, 500), run(&base, 10, 500));
    }

    #[test]
    fn backprop_stops_where_its_trainer_first_meets_the_rule() {
        // Seed defaults with bias units: backprop stops on most seeds.
        let base = Config {
            beta: Some(0.8),
            ..Config::seed_defaults()
        };
        let mut stopped = 0;
        for seed in 1..=5 {
            let config = Config {
                seed,
                ..base.clone()
            };
            let mut bp = crate::train::BackpropRun::new(config.clone());
            let by_hand = (1..=3000).find(|_| bp.run_epoch().meets_kaneko_stop());
            assert_eq!(
                epochs_to_stop_with::<crate::backprop::Network>(config, 3000),
                by_hand
            );
            stopped += u64::from(by_hand.is_some());
        }
        assert!(stopped >= 3, "only {stopped} of 5 seeds stopped");
        let summary = run_method(Method::Backprop, &base, 5, 3000);
        assert_eq!(summary.runs - summary.failed, stopped);
        assert_ne!(summary, run(&base, 5, 3000), "the methods cannot agree");
    }

    #[test]
    fn summary_counts_failures_apart() {
        let s = summarise(vec![9, 3, 5, 7], 6);
        assert_eq!(s.failed, 2);
        assert_eq!(s.mean, Some(6.0));
        assert_eq!(s.median, Some(6.0));
        let s = summarise(vec![], 3);
        assert_eq!((s.mean, s.median, s.failed), (None, None, 3));
    }
}
