//! A lane: one run of either method with what a live or raced run needs
//! around it: the clock to the first solved epoch, the last epoch's figures,
//! and divergence, which stops the lane with its last finite weights kept.
//! The playground's session, its backprop racer and the CLI's race are lanes.

use std::borrow::Cow;

use super::budget::Budget;
use super::network::SubNetwork;
use super::run::{EpochStats, Run};
use super::solve::SolveClock;
use crate::ed::Loss;
use crate::settings::{Config, ConfigError};

/// Why a lane stopped on its own.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Divergence {
    /// The epoch whose loss was not finite.
    pub epoch: u64,
    pub loss: f64,
}

/// Where a budgeted call to [`Lane::train`] left the lane.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LaneProgress {
    /// The budget ran out within an epoch.
    Busy,
    /// An epoch ended, with these figures.
    Epoch(EpochStats),
    /// The lane has diverged and trains no more.
    Stopped,
}

#[derive(Clone, Debug)]
pub struct Lane<N> {
    run: Run<N>,
    /// The run at an epoch's end (where the current batch began, or where the
    /// first epoch it finished ended), and the epochs finished since: a
    /// divergence steps back there and replays them, which is cheaper than
    /// keeping a copy of every epoch.
    checkpoint: Run<N>,
    since_checkpoint: u64,
    /// The batch began in the middle of an epoch, so the checkpoint is older
    /// than the batch: the first epoch it finishes moves the checkpoint up.
    began_mid_epoch: bool,
    /// An epoch has ended and its solve check is still being taken.
    ended: Option<EpochStats>,
    clock: SolveClock,
    last: Option<EpochStats>,
    diverged: Option<Divergence>,
}

impl<N: SubNetwork> Lane<N> {
    pub fn new(config: Config) -> Lane<N> {
        Lane::resume(Run::new(config))
    }

    /// A lane over a run that may already have trained (a loaded model).
    pub fn resume(run: Run<N>) -> Lane<N> {
        Lane {
            checkpoint: run.clone(),
            since_checkpoint: 0,
            began_mid_epoch: false,
            ended: None,
            clock: SolveClock::default(),
            last: None,
            diverged: None,
            run,
        }
    }

    /// Trains on `split` from the next epoch on, with the weights and epoch
    /// count kept; the solve clock starts again (the new set is not solved
    /// yet). Between epochs only.
    pub fn replace_data(&mut self, split: crate::task::Split) {
        self.checkpoint.replace_data(split.clone());
        self.run.replace_data(split);
        self.ended = None;
        self.last = None;
        self.clock = SolveClock::default();
    }

    /// Marks the start of a batch of training: a divergence within it steps
    /// back to the end of the last epoch finished before it. Without it, a
    /// divergence replays from the lane's start.
    pub fn begin_batch(&mut self) {
        self.began_mid_epoch = self.run.mid_epoch();
        if !self.began_mid_epoch {
            self.checkpoint.copy_state_from(&self.run);
            self.since_checkpoint = 0;
        }
    }

    /// One epoch, unless the lane has diverged (`None`). An epoch whose loss is
    /// not finite stops the lane: the run goes back to the end of the last
    /// finite epoch, bit for bit, and that epoch's figures are not kept.
    pub fn run_epoch(&mut self) -> Option<EpochStats> {
        loop {
            match self.train(&mut Budget::unlimited()) {
                LaneProgress::Busy => continue,
                LaneProgress::Epoch(stats) => return Some(stats),
                LaneProgress::Stopped => return None,
            }
        }
    }

    /// Trains while `budget` lasts, to the end of the epoch at most: the
    /// epoch's figures once it and its solve check are done. Stopped anywhere,
    /// it goes on from there bit for bit as [`Lane::run_epoch`] would have.
    pub fn train(&mut self, budget: &mut Budget) -> LaneProgress {
        if self.diverged.is_some() {
            return LaneProgress::Stopped;
        }
        let stats = match self.ended {
            Some(stats) => stats,
            None => {
                let Some(stats) = self.run.train_patterns(budget) else {
                    return LaneProgress::Busy;
                };
                if !stats.mean_loss.is_finite() {
                    self.diverge(stats);
                    return LaneProgress::Stopped;
                }
                if std::mem::take(&mut self.began_mid_epoch) {
                    self.checkpoint.copy_state_from(&self.run);
                    self.since_checkpoint = 0;
                } else {
                    self.since_checkpoint += 1;
                }
                self.clock.after_epoch(&self.run, &stats);
                self.ended = Some(stats);
                stats
            }
        };
        if !self.clock.settle(&mut self.run, budget) {
            return LaneProgress::Busy;
        }
        self.ended = None;
        self.last = Some(stats);
        LaneProgress::Epoch(stats)
    }

    fn diverge(&mut self, stats: EpochStats) {
        self.diverged = Some(Divergence {
            epoch: self.run.epoch(),
            loss: stats.mean_loss,
        });
        self.run.copy_state_from(&self.checkpoint);
        for _ in 0..self.since_checkpoint {
            self.run.run_epoch();
        }
    }

    /// The run at the end of its last finished epoch: itself between epochs,
    /// else rebuilt from the checkpoint (a few epochs' work at most, those of
    /// one batch). What a saved model holds.
    pub fn finished_run(&self) -> Cow<'_, Run<N>> {
        if !self.run.mid_epoch() {
            return Cow::Borrowed(&self.run);
        }
        let mut run = self.checkpoint.clone();
        for _ in 0..self.since_checkpoint {
            run.run_epoch();
        }
        Cow::Owned(run)
    }

    /// Epochs ended with their solve check: the run's count, less the epoch
    /// whose check is still being taken.
    pub fn epochs_finished(&self) -> u64 {
        self.run.epoch() - u64::from(self.ended.is_some())
    }

    /// Whether an epoch, or the check after it, is under way.
    pub fn mid_epoch(&self) -> bool {
        self.run.mid_epoch() || self.ended.is_some()
    }

    /// The run, for drawing and predictions. Train it through the lane, or
    /// its clock and divergence are not kept.
    pub fn run(&self) -> &Run<N> {
        &self.run
    }

    /// For predictions, which need the networks' buffers.
    pub fn run_mut(&mut self) -> &mut Run<N> {
        &mut self.run
    }

    /// Takes effect from the next pattern; the weights are kept.
    pub fn set_loss(&mut self, loss: Loss) {
        self.run.set_loss(loss);
    }

    /// Takes effect from the next pattern; a refused rate changes nothing.
    pub fn set_lr(&mut self, lr: f64) -> Result<(), ConfigError> {
        self.run.set_lr(lr)
    }

    /// The first epoch (1-based) at which the task was solved.
    pub fn solved_at(&self) -> Option<u64> {
        self.clock.solved_at()
    }

    /// The epoch the solved task was lost at, while it is lost.
    pub fn lost_at(&self) -> Option<u64> {
        self.clock.lost_at()
    }

    /// What the latest finite epoch measured.
    pub fn last(&self) -> Option<EpochStats> {
        self.last
    }

    /// The latest finite epoch's mean loss, or the one a loaded model was saved with.
    pub fn last_loss(&self) -> Option<f64> {
        self.run.last_loss()
    }

    pub fn diverged(&self) -> Option<Divergence> {
        self.diverged
    }

    /// Solved or diverged: more epochs change no clock.
    pub fn finished(&self) -> bool {
        self.solved_at().is_some() || self.diverged.is_some()
    }
}
