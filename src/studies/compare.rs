//! ED against backprop across the tasks, over many seeds: how often and how
//! fast each method solves a task (by the race's rule, [`crate::train::is_solved`]),
//! and how well it scores after a fixed budget of epochs. `ed compare` prints
//! it; the README's tables are its output.

use serde::Serialize;

use crate::settings::Config;
use crate::studies::kaneko::{summarise, Summary};
use crate::studies::race::Race;
use crate::studies::seeds::per_seed;
use crate::task::Task;
use crate::train::{Lane, SubNetwork};

/// The tasks compared: the 2-D tasks of one output, then the truth tables
/// with one and with three outputs, and the three-class spiral.
pub const TASKS: [Task; 7] = [
    Task::Circle,
    Task::Gaussians,
    Task::Spiral,
    Task::Moons,
    Task::Xor,
    Task::Adder,
    Task::Spiral3,
];

/// One method on one task, over the seeds.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MethodScores {
    /// Epochs to solve over the seeds that solved; the others count as failed.
    pub solve: Summary,
    /// Mean over the seeds of the training accuracy after the last epoch.
    pub train_accuracy: f64,
    /// The same on the test set; `None` for a truth table.
    pub test_accuracy: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TaskComparison {
    pub task: Task,
    pub ed: MethodScores,
    pub backprop: MethodScores,
}

/// What one seed's run of one method scored.
struct SeedScore {
    solved_at: Option<u64>,
    train_accuracy: f64,
    test_accuracy: Option<f64>,
}

impl SeedScore {
    fn of<N: SubNetwork>(lane: &mut Lane<N>) -> SeedScore {
        let solved_at = lane.solved_at();
        let run = lane.run_mut();
        SeedScore {
            solved_at,
            train_accuracy: run.evaluate_train().accuracy,
            test_accuracy: run.evaluate_test().map(|e| e.accuracy),
        }
    }
}

/// What one method's runs add up to, seed by seed.
#[derive(Default)]
struct Tally {
    solved_at: Vec<u64>,
    train_accuracy: f64,
    test_accuracy: Option<f64>,
}

impl Tally {
    /// Added in seed order, so the sums are the same however the seeds ran.
    fn add(&mut self, score: SeedScore) {
        self.solved_at.extend(score.solved_at);
        self.train_accuracy += score.train_accuracy;
        if let Some(test) = score.test_accuracy {
            *self.test_accuracy.get_or_insert(0.0) += test;
        }
    }

    fn scores(self, runs: u64) -> MethodScores {
        let n = runs as f64;
        MethodScores {
            solve: summarise(self.solved_at, runs),
            train_accuracy: self.train_accuracy / n,
            test_accuracy: self.test_accuracy.map(|sum| sum / n),
        }
    }
}

/// Races seeds `1..=runs` of `base` on `task` (the task and seed replaced),
/// each for exactly `epochs` epochs: a side that solves early trains on, so
/// both are scored after the same budget.
pub fn compare_task(base: &Config, task: Task, runs: u64, epochs: u64) -> TaskComparison {
    let scores = per_seed(runs, |seed| {
        let mut race = Race::new(Config {
            task,
            seed,
            ..base.clone()
        });
        while race.epoch() < epochs {
            race.run_epoch();
        }
        (
            SeedScore::of(race.ed_mut()),
            SeedScore::of(race.backprop_mut()),
        )
    });
    let (mut ed, mut backprop) = (Tally::default(), Tally::default());
    for (ed_score, backprop_score) in scores {
        ed.add(ed_score);
        backprop.add(backprop_score);
    }
    TaskComparison {
        task,
        ed: ed.scores(runs),
        backprop: backprop.scores(runs),
    }
}

/// [`compare_task`] for each of [`TASKS`].
pub fn compare(base: &Config, runs: u64, epochs: u64) -> Vec<TaskComparison> {
    TASKS
        .iter()
        .map(|&task| compare_task(base, task, runs, epochs))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::train::{is_solved, Run};

    /// One seed of one method, by hand: the first solving epoch, and the
    /// accuracies after `epochs` epochs.
    fn by_hand<N: SubNetwork>(config: Config, epochs: u64) -> (Option<u64>, f64, Option<f64>) {
        let mut t = Run::<N>::new(config);
        let mut solved = None;
        for e in 1..=epochs {
            let stats = t.run_epoch();
            let accuracy = t.evaluate_train().accuracy;
            if solved.is_none() && is_solved(t.config().task, stats.mean_loss, accuracy) {
                solved = Some(e);
            }
        }
        let test = t.evaluate_test().map(|e| e.accuracy);
        (solved, t.evaluate_train().accuracy, test)
    }

    #[test]
    fn scores_are_the_seeds_runs_added_up() {
        for task in [Task::Xor, Task::Gaussians] {
            let base = Config::seed_defaults();
            let got = compare_task(&base, task, 3, 60);
            assert_eq!(got.task, task);
            assert!(
                got.ed.solve.failed < 3,
                "{task}: a case where nothing solves"
            );
            let runs: Vec<_> = (1..=3)
                .map(|seed| Config {
                    task,
                    seed,
                    ..base.clone()
                })
                .collect();
            for (scores, hand) in [
                (
                    &got.ed,
                    runs.iter()
                        .map(|c| by_hand::<crate::ed::Network>(c.clone(), 60))
                        .collect::<Vec<_>>(),
                ),
                (
                    &got.backprop,
                    runs.iter()
                        .map(|c| by_hand::<crate::backprop::Network>(c.clone(), 60))
                        .collect(),
                ),
            ] {
                let solved: Vec<u64> = hand.iter().filter_map(|h| h.0).collect();
                assert_eq!(scores.solve, summarise(solved, 3), "{task}");
                let train = hand.iter().map(|h| h.1).sum::<f64>() / 3.0;
                assert_eq!(scores.train_accuracy, train, "{task}");
                let test = hand
                    .iter()
                    .map(|h| h.2)
                    .sum::<Option<f64>>()
                    .map(|s| s / 3.0);
                assert_eq!(scores.test_accuracy, test, "{task}");
                assert_eq!(test.is_some(), task.is_sampled());
            }
        }
    }

    #[test]
    fn every_task_is_compared_once() {
        let got = compare(&Config::seed_defaults(), 1, 2);
        let tasks: Vec<Task> = got.iter().map(|c| c.task).collect();
        assert_eq!(tasks, TASKS);
        for c in &got {
            assert_eq!((c.ed.solve.runs, c.backprop.solve.runs), (1, 1));
        }
    }
}
