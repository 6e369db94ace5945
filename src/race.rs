//! ED against backprop: one configuration, two networks of the same shape and
//! the same initial magnitudes, trained side by side, epoch by epoch, each
//! clocked to the first epoch at which it solves the task.

use crate::backprop::BpTrainer;
use crate::config::{Config, ConfigError};
use crate::ed::Loss;
use crate::learner::Learner;
use crate::task::Task;
use crate::trainer::{EpochStats, Trainer};

/// A task counts as solved when enough training patterns are right and the
/// epoch's mean loss is under this. Being right alone is met by a network that
/// barely separates the patterns; the loss bound asks for a confident answer:
/// under MSE every output within about 0.2 of its target, under either BCE a
/// probability of about 0.95 for the right answer.
pub const SOLVE_LOSS: f64 = 0.05;

/// The share of a 2-D task's training points that must be right. Its points
/// carry noise, and at the default 0.1 the classes overlap: over ten seeds at
/// the page's defaults (MSE, hidden 8,8, lr 0.5, 2,000 epochs), backprop got
/// every training point of the circle right in 3 runs and ED in none, and of
/// the moons each method in 2, while backprop passed 95% with the loss under
/// [`SOLVE_LOSS`] in 8 runs of the circle and 9 of the moons (ED in 3 and 6).
/// Every point is memorising the noise, not solving the task.
pub const SAMPLED_SOLVE_ACCURACY: f64 = 0.95;

/// The share of the training set that must be right to solve `task`: all of a
/// truth table, [`SAMPLED_SOLVE_ACCURACY`] of a 2-D task's points.
pub fn accuracy_to_solve(task: Task) -> f64 {
    if task.is_sampled() {
        SAMPLED_SOLVE_ACCURACY
    } else {
        1.0
    }
}

/// Solved: the epoch's mean loss (measured during the epoch, as
/// [`EpochStats`] is) under [`SOLVE_LOSS`], and the training accuracy (right
/// by the task's [`crate::task::Scoring`], taken after the epoch) at least
/// [`accuracy_to_solve`].
pub fn is_solved(task: Task, mean_loss: f64, train_accuracy: f64) -> bool {
    mean_loss < SOLVE_LOSS && train_accuracy >= accuracy_to_solve(task)
}

/// [`is_solved`] in words, for a page or the command line to show. A plain
/// string: formatting the numbers would cost the browser's module float
/// printing.
pub fn solved_rule(task: Task) -> &'static str {
    if task.is_sampled() {
        "95% of the training points right and mean loss under 0.05"
    } else {
        "every pattern right and mean loss under 0.05"
    }
}

/// The first epoch at which a run solved its task, checked after each epoch.
#[derive(Clone, Debug, Default)]
pub struct SolveClock {
    solved_at: Option<u64>,
}

impl SolveClock {
    /// Notes `trainer`'s epoch if the epoch it just ran (`stats`) solved the task.
    pub fn after_epoch<T: Learner>(&mut self, trainer: &mut T, stats: &EpochStats) {
        // The loss test is free; the accuracy costs a forward pass per pattern.
        if self.solved_at.is_none() && stats.mean_loss < SOLVE_LOSS {
            let accuracy = trainer.evaluate_train().accuracy;
            if is_solved(trainer.config().task, stats.mean_loss, accuracy) {
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
        Lane {
            trainer: T::from_config(config),
            clock: SolveClock::default(),
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
    use crate::task::Dataset;

    #[test]
    fn a_truth_table_is_solved_with_every_pattern_right_and_a_low_loss() {
        assert!(is_solved(Task::Xor, 0.04, 1.0));
        assert!(
            !is_solved(Task::Xor, SOLVE_LOSS, 1.0),
            "the bound is strict"
        );
        assert!(!is_solved(Task::Xor, 0.2, 1.0));
        assert!(!is_solved(Task::Xor, f64::NAN, 1.0));
        assert!(!is_solved(Task::Xor, 0.0, 0.75));
        assert!(!is_solved(Task::Xor, 0.0, f64::NAN));
        assert!(!is_solved(Task::Adder, 0.0, 15.0 / 16.0));
        assert!(is_solved(Task::Adder, 0.0, 1.0));
        // 255 of 256: more than 95%, still not a solved truth table.
        assert!(!is_solved(Task::Parity, 0.0, 255.0 / 256.0));
    }

    #[test]
    fn a_2d_task_is_solved_with_95_percent_of_its_points_right() {
        for task in Task::ALL.into_iter().filter(|t| t.is_sampled()) {
            assert!(is_solved(task, 0.04, 95.0 / 100.0), "{task}");
            assert!(is_solved(task, 0.04, 1.0), "{task}");
            assert!(!is_solved(task, 0.04, 94.0 / 100.0), "{task}");
            assert!(!is_solved(task, SOLVE_LOSS, 1.0), "{task}");
        }
    }

    #[test]
    fn the_rule_in_words_states_the_bounds() {
        for task in Task::ALL {
            let words = solved_rule(task);
            assert!(words.contains(&SOLVE_LOSS.to_string()), "{words}");
            let share = format!("{}%", (100.0 * SAMPLED_SOLVE_ACCURACY).round());
            assert_eq!(words.contains(&share), task.is_sampled(), "{task}: {words}");
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
    fn first_solved<T: Learner>(mut trainer: T, max_epochs: u64) -> Option<u64> {
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
            best[0] = best[0].max(race.ed_mut().trainer_mut().evaluate_train().accuracy);
            best[1] = best[1].max(race.backprop_mut().trainer_mut().evaluate_train().accuracy);
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
