//! ED against backprop: one configuration, two networks of the same shape and
//! the same initial magnitudes, trained side by side, epoch by epoch, each
//! clocked to the first epoch at which it solves the task.

use crate::ed::Loss;
use crate::settings::{Config, ConfigError};
use crate::train::{EpochStats, Lane};

/// Both sides run the same epochs, so a page can draw them on one axis; a
/// side that diverges stops there with its last finite weights.
#[derive(Clone, Debug)]
pub struct Race {
    ed: Lane<crate::ed::Network>,
    backprop: Lane<crate::backprop::Network>,
    epoch: u64,
}

impl Race {
    /// ED under `config`'s rule, backprop under plain SGD; both built from
    /// `config.seed` (see [`crate::train::SIGN_SEED`] for how their weights relate).
    pub fn new(config: Config) -> Race {
        Race {
            ed: Lane::new(config.clone()),
            backprop: Lane::new(config),
            epoch: 0,
        }
    }

    /// One epoch of each: `(ed, backprop)`, `None` for a side that has
    /// diverged. Allocates nothing.
    pub fn run_epoch(&mut self) -> (Option<EpochStats>, Option<EpochStats>) {
        self.epoch += 1;
        (self.ed.run_epoch(), self.backprop.run_epoch())
    }

    pub fn ed(&self) -> &Lane<crate::ed::Network> {
        &self.ed
    }

    pub fn backprop(&self) -> &Lane<crate::backprop::Network> {
        &self.backprop
    }

    pub fn ed_mut(&mut self) -> &mut Lane<crate::ed::Network> {
        &mut self.ed
    }

    pub fn backprop_mut(&mut self) -> &mut Lane<crate::backprop::Network> {
        &mut self.backprop
    }

    /// Epochs raced so far.
    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// Both sides switch from the next pattern on.
    pub fn set_loss(&mut self, loss: Loss) {
        self.ed.set_loss(loss);
        self.backprop.set_loss(loss);
    }

    /// Both sides take the new rate, or neither does.
    pub fn set_lr(&mut self, lr: f64) -> Result<(), ConfigError> {
        self.ed.set_lr(lr)?;
        self.backprop.set_lr(lr)
    }

    /// Each side has solved the task or diverged: more epochs change no clock.
    pub fn finished(&self) -> bool {
        self.ed.finished() && self.backprop.finished()
    }
}

/// Races `config` until both sides are finished or `max_epochs` have run:
/// `(ed, backprop)` solving epochs.
pub fn epochs_to_solve_both(config: Config, max_epochs: u64) -> (Option<u64>, Option<u64>) {
    let mut race = Race::new(config);
    while !race.finished() && race.epoch() < max_epochs {
        race.run_epoch();
    }
    (race.ed.solved_at(), race.backprop.solved_at())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::task::{Dataset, Task};
    use crate::train::{BackpropRun, EdRun, Run, SubNetwork, SOLVE_LOSS};

    #[test]
    fn racing_changes_neither_sides_numbers() {
        let config = Config {
            loss: Loss::Bce,
            shuffle: true,
            ..Config::seed_defaults()
        };
        let mut race = Race::new(config.clone());
        let mut ed = EdRun::new(config.clone());
        let mut bp = BackpropRun::new(config);
        for _ in 0..300 {
            let (a, b) = race.run_epoch();
            assert_eq!(a, Some(ed.run_epoch()));
            assert_eq!(b, Some(bp.run_epoch()));
        }
        assert_eq!(race.epoch(), 300);
        assert_eq!(race.ed().run().epoch(), 300);
        assert_eq!(race.backprop().run().epoch(), 300);
        assert_eq!(
            race.ed_mut().run_mut().pattern_outputs(),
            ed.pattern_outputs()
        );
        assert_eq!(
            race.backprop_mut().run_mut().pattern_outputs(),
            bp.pattern_outputs()
        );
    }

    /// The share of `data`'s patterns with every output on its target's side
    /// of 0.5 (1 counting as the answer at exactly 0.5), counted from the
    /// outputs rather than by the evaluation the race uses.
    fn share_right(outputs: &[f64], data: &Dataset) -> f64 {
        let right = (0..data.len())
            .filter(|&k| {
                let probs = &outputs[k * data.n_outputs..][..data.n_outputs];
                probs
                    .iter()
                    .zip(data.target(k))
                    .all(|(&p, &t)| (p >= 0.5) == (t >= 0.5))
            })
            .count();
        right as f64 / data.len() as f64
    }

    /// The first epoch at which `trainer` solves the task, stepped by hand.
    fn first_solved<N: SubNetwork>(mut trainer: Run<N>, max_epochs: u64) -> Option<u64> {
        let data = trainer.dataset().clone();
        let needed = if trainer.config().task.is_sampled() {
            0.95
        } else {
            1.0
        };
        let mut outputs = vec![0.0; data.len() * data.n_outputs];
        (1..=max_epochs).find(|_| {
            let stats = trainer.run_epoch();
            trainer.pattern_outputs_into(&mut outputs);
            stats.mean_loss < SOLVE_LOSS && share_right(&outputs, &data) >= needed
        })
    }

    fn races() -> Vec<Config> {
        let mut all = Vec::new();
        for loss in Loss::ALL {
            for seed in [3, 42] {
                all.push(Config {
                    loss,
                    seed,
                    ..Config::seed_defaults()
                });
            }
        }
        // Seeds both methods solve: three outputs, and noisy points that
        // neither method gets all of (see SAMPLED_SOLVE_ACCURACY).
        for (task, seed) in [(Task::Adder, 1), (Task::Circle, 2), (Task::Moons, 4)] {
            all.push(Config {
                task,
                seed,
                ..Config::seed_defaults()
            });
        }
        all
    }

    #[test]
    fn each_clock_stops_at_the_first_solved_epoch() {
        for config in races() {
            let ed = first_solved(EdRun::new(config.clone()), 2000);
            let bp = first_solved(BackpropRun::new(config.clone()), 2000);
            assert!(ed.is_some() && bp.is_some(), "{config:?}: {ed:?} {bp:?}");
            assert_eq!(epochs_to_solve_both(config.clone(), 2000), (ed, bp));
            // Racing on after both solved leaves the clocks alone.
            let mut race = Race::new(config);
            for _ in 0..ed.max(bp).unwrap() + 50 {
                race.run_epoch();
            }
            assert!(race.finished());
            assert_eq!(
                (race.ed().solved_at(), race.backprop().solved_at()),
                (ed, bp)
            );
        }
    }

    #[test]
    fn a_noisy_2d_task_is_solved_short_of_every_point() {
        // Circle, seed 2: both methods solve it without ever getting every
        // training point right, which the rule for truth tables would need.
        let config = Config {
            task: Task::Circle,
            seed: 2,
            ..Config::seed_defaults()
        };
        let mut race = Race::new(config);
        let mut best = [0.0f64; 2];
        for _ in 0..2000 {
            race.run_epoch();
            best[0] = best[0].max(race.ed_mut().run_mut().evaluate_train().accuracy);
            best[1] = best[1].max(race.backprop_mut().run_mut().evaluate_train().accuracy);
        }
        assert!(race.ed().solved_at().is_some() && race.backprop().solved_at().is_some());
        assert!(best.iter().all(|&b| b < 1.0), "{best:?}");
    }

    #[test]
    fn the_cap_ends_a_race_unsolved() {
        let (ed, bp) = epochs_to_solve_both(Config::seed_defaults(), 3);
        assert_eq!((ed, bp), (None, None));
        let (ed, bp) = epochs_to_solve_both(Config::seed_defaults(), 0);
        assert_eq!((ed, bp), (None, None));
    }

    #[test]
    fn a_diverged_side_is_out_of_the_race() {
        // ED with BCE turns NaN at this rate (see config::MAX_LR).
        let mut race = Race::new(Config {
            loss: Loss::Bce,
            lr: 1e300,
            ..Config::seed_defaults()
        });
        assert!(race.ed().diverged().is_none(), "nothing has run yet");
        while race.ed().diverged().is_none() && race.epoch() < 1000 {
            race.run_epoch();
        }
        assert!(
            race.ed().diverged().is_some(),
            "ED did not diverge in 1000 epochs"
        );
        assert_eq!(race.ed().solved_at(), None);
        assert!(race.ed().finished());
    }

    #[test]
    fn a_rate_change_reaches_both_sides_or_neither() {
        let mut race = Race::new(Config::seed_defaults());
        assert!(race.set_lr(-1.0).is_err());
        assert_eq!(race.ed().run().config().lr, 0.5);
        assert_eq!(race.backprop().run().config().lr, 0.5);
        race.set_lr(0.2).unwrap();
        assert_eq!(race.ed().run().config().lr, 0.2);
        assert_eq!(race.backprop().run().config().lr, 0.2);
        race.set_loss(Loss::BceWithLogits);
        assert_eq!(race.ed().run().config().loss, Loss::BceWithLogits);
        assert_eq!(race.backprop().run().config().loss, Loss::BceWithLogits);
    }
}
