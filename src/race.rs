//! ED against backprop: one configuration, two networks of the same shape and
//! the same initial magnitudes, trained side by side, epoch by epoch, each
//! clocked to the first epoch at which it solves the task.

use crate::backprop::BpTrainer;
use crate::config::{Config, ConfigError};
use crate::ed::Loss;
use crate::learner::Learner;
use crate::task::Dataset;
use crate::trainer::{EpochStats, Trainer};

/// A task counts as solved when every output is on the right side of 0.5 and
/// the epoch's mean loss is under this. The first condition alone is met by a
/// network that barely separates the patterns; the loss bound asks for a
/// confident answer: under MSE every output within about 0.2 of its target,
/// under either BCE a probability of about 0.95 for the right answer.
pub const SOLVE_LOSS: f64 = 0.05;

/// Solved: the epoch's mean loss (measured during the epoch, as
/// [`EpochStats`] is) under [`SOLVE_LOSS`], and every output of `outputs`
/// (pattern-major probabilities, taken after the epoch) on its target's side
/// of 0.5. An output of exactly 0.5 is on neither side.
pub fn is_solved(mean_loss: f64, outputs: &[f64], data: &Dataset) -> bool {
    mean_loss < SOLVE_LOSS
        && (0..data.len()).all(|k| {
            let probs = &outputs[k * data.n_outputs..(k + 1) * data.n_outputs];
            probs
                .iter()
                .zip(data.target(k))
                .all(|(&p, &t)| (p - 0.5) * (t - 0.5) > 0.0)
        })
}

/// The first epoch at which a run solved its task, checked after each epoch.
#[derive(Clone, Debug)]
pub struct SolveClock {
    /// Reused for the solved check, so an epoch allocates nothing.
    outputs: Vec<f64>,
    solved_at: Option<u64>,
}

impl SolveClock {
    pub fn new(data: &Dataset) -> SolveClock {
        SolveClock {
            outputs: vec![0.0; data.len() * data.n_outputs],
            solved_at: None,
        }
    }

    /// Notes `trainer`'s epoch if the epoch it just ran (`stats`) solved the task.
    pub fn after_epoch<T: Learner>(&mut self, trainer: &mut T, stats: &EpochStats) {
        // The loss test is free; the outputs cost a forward pass per pattern.
        if self.solved_at.is_none() && stats.mean_loss < SOLVE_LOSS {
            trainer.pattern_outputs_into(&mut self.outputs);
            if is_solved(stats.mean_loss, &self.outputs, trainer.dataset()) {
                self.solved_at = Some(trainer.epoch());
            }
        }
    }

    pub fn solved_at(&self) -> Option<u64> {
        self.solved_at
    }
}

/// One side of the race: a training run and its clock.
#[derive(Clone, Debug)]
pub struct Lane<T> {
    trainer: T,
    clock: SolveClock,
    last: Option<EpochStats>,
}

impl<T: Learner> Lane<T> {
    fn new(config: Config) -> Lane<T> {
        let trainer = T::from_config(config);
        let clock = SolveClock::new(trainer.dataset());
        Lane {
            trainer,
            clock,
            last: None,
        }
    }

    fn run_epoch(&mut self) -> EpochStats {
        let stats = self.trainer.run_epoch();
        self.clock.after_epoch(&mut self.trainer, &stats);
        self.last = Some(stats);
        stats
    }

    /// The run, for drawing and predictions. Train it through the race, or its
    /// solving epoch is not recorded.
    pub fn trainer(&self) -> &T {
        &self.trainer
    }

    /// For predictions, which need the networks' buffers.
    pub fn trainer_mut(&mut self) -> &mut T {
        &mut self.trainer
    }

    /// The first epoch (1-based) at which the task was solved.
    pub fn solved_at(&self) -> Option<u64> {
        self.clock.solved_at
    }

    /// What the latest epoch measured.
    pub fn last(&self) -> Option<EpochStats> {
        self.last
    }

    /// A non-finite loss: the weights are gone and the lane cannot solve.
    pub fn diverged(&self) -> bool {
        self.last.is_some_and(|s| !s.mean_loss.is_finite())
    }

    fn finished(&self) -> bool {
        self.clock.solved_at.is_some() || self.diverged()
    }
}

/// Both sides always run the same number of epochs, so a page can draw them
/// on one axis.
#[derive(Clone, Debug)]
pub struct Race {
    ed: Lane<Trainer>,
    backprop: Lane<BpTrainer>,
}

impl Race {
    /// ED under `config`'s rule, backprop under plain SGD; both built from
    /// `config.seed` (see [`BpTrainer::new`] for how their weights relate).
    pub fn new(config: Config) -> Race {
        Race {
            ed: Lane::new(config.clone()),
            backprop: Lane::new(config),
        }
    }

    /// One epoch of each: `(ed, backprop)`. Allocates nothing.
    pub fn run_epoch(&mut self) -> (EpochStats, EpochStats) {
        (self.ed.run_epoch(), self.backprop.run_epoch())
    }

    pub fn ed(&self) -> &Lane<Trainer> {
        &self.ed
    }

    pub fn backprop(&self) -> &Lane<BpTrainer> {
        &self.backprop
    }

    pub fn ed_mut(&mut self) -> &mut Lane<Trainer> {
        &mut self.ed
    }

    pub fn backprop_mut(&mut self) -> &mut Lane<BpTrainer> {
        &mut self.backprop
    }

    /// Epochs raced so far (both sides run the same number).
    pub fn epoch(&self) -> u64 {
        self.ed.trainer.epoch()
    }

    /// Both sides switch from the next pattern on.
    pub fn set_loss(&mut self, loss: Loss) {
        self.ed.trainer.set_loss(loss);
        self.backprop.trainer.set_loss(loss);
    }

    /// Both sides take the new rate, or neither does.
    pub fn set_lr(&mut self, lr: f64) -> Result<(), ConfigError> {
        self.ed.trainer.set_lr(lr)?;
        self.backprop.trainer.set_lr(lr)
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
    use crate::task::Task;

    fn xor() -> Dataset {
        Task::Xor
            .split(2, &crate::Config::seed_defaults().sampling())
            .train
    }

    #[test]
    fn solved_needs_every_output_on_its_side_and_a_low_loss() {
        let right = [0.1, 0.9, 0.8, 0.4];
        assert!(is_solved(0.04, &right, &xor()));
        assert!(
            !is_solved(SOLVE_LOSS, &right, &xor()),
            "the bound is strict"
        );
        assert!(!is_solved(0.2, &right, &xor()));
        assert!(!is_solved(f64::NAN, &right, &xor()));
        for k in 0..4 {
            let mut wrong = right;
            wrong[k] = 1.0 - wrong[k];
            assert!(!is_solved(0.0, &wrong, &xor()), "pattern {k} flipped");
            wrong[k] = 0.5;
            assert!(!is_solved(0.0, &wrong, &xor()), "pattern {k} at 0.5");
        }
    }

    #[test]
    fn racing_changes_neither_sides_numbers() {
        let config = Config {
            loss: Loss::Bce,
            shuffle: true,
            ..Config::seed_defaults()
        };
        let mut race = Race::new(config.clone());
        let mut ed = Trainer::new(config.clone());
        let mut bp = BpTrainer::new(config);
        for _ in 0..300 {
            let (a, b) = race.run_epoch();
            assert_eq!(a, ed.run_epoch());
            assert_eq!(b, bp.run_epoch());
        }
        assert_eq!(race.epoch(), 300);
        assert_eq!(race.ed().trainer().epoch(), 300);
        assert_eq!(race.backprop().trainer().epoch(), 300);
        assert_eq!(
            race.ed_mut().trainer_mut().pattern_outputs(),
            ed.pattern_outputs()
        );
        assert_eq!(
            race.backprop_mut().trainer_mut().pattern_outputs(),
            bp.pattern_outputs()
        );
    }

    /// The first epoch at which `trainer` solves the task, stepped by hand.
    fn first_solved<T: Learner>(mut trainer: T, max_epochs: u64) -> Option<u64> {
        let data = trainer.dataset().clone();
        let mut outputs = vec![0.0; data.len() * data.n_outputs];
        (1..=max_epochs).find(|_| {
            let stats = trainer.run_epoch();
            trainer.pattern_outputs_into(&mut outputs);
            is_solved(stats.mean_loss, &outputs, &data)
        })
    }

    #[test]
    fn each_clock_stops_at_the_first_solved_epoch() {
        for loss in Loss::ALL {
            for seed in [3, 42] {
                let config = Config {
                    loss,
                    seed,
                    ..Config::seed_defaults()
                };
                let ed = first_solved(Trainer::new(config.clone()), 2000);
                let bp = first_solved(BpTrainer::new(config.clone()), 2000);
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
        assert!(!race.ed().diverged(), "nothing has run yet");
        while !race.ed().diverged() && race.epoch() < 1000 {
            race.run_epoch();
        }
        assert!(race.ed().diverged(), "ED did not diverge in 1000 epochs");
        assert_eq!(race.ed().solved_at(), None);
        assert!(race.ed().finished());
    }

    #[test]
    fn a_rate_change_reaches_both_sides_or_neither() {
        let mut race = Race::new(Config::seed_defaults());
        assert!(race.set_lr(-1.0).is_err());
        assert_eq!(race.ed().trainer().config().lr, 0.5);
        assert_eq!(race.backprop().trainer().config().lr, 0.5);
        race.set_lr(0.2).unwrap();
        assert_eq!(race.ed().trainer().config().lr, 0.2);
        assert_eq!(race.backprop().trainer().config().lr, 0.2);
        race.set_loss(Loss::BceWithLogits);
        assert_eq!(race.ed().trainer().config().loss, Loss::BceWithLogits);
        assert_eq!(race.backprop().trainer().config().loss, Loss::BceWithLogits);
    }
}
