//! A lane: one run of either method with what a live or raced run needs
//! around it: the clock to the first solved epoch, the last epoch's figures,
//! and divergence, which stops the lane with its last finite weights kept.
//! The playground's session, its backprop racer and the CLI's race are lanes.

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

#[derive(Clone, Debug)]
pub struct Lane<N> {
    run: Run<N>,
    /// The run as it was when the current batch began, and the epochs run
    /// since: a divergence steps back there and replays them, which is cheaper
    /// than keeping a copy of every epoch.
    checkpoint: Run<N>,
    since_checkpoint: u64,
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
            clock: SolveClock::default(),
            last: None,
            diverged: None,
            run,
        }
    }

    /// Marks the start of a batch of epochs: a divergence within it steps back
    /// to here. Without it, a divergence replays from the lane's start.
    pub fn begin_batch(&mut self) {
        self.checkpoint.copy_state_from(&self.run);
        self.since_checkpoint = 0;
    }

    /// One epoch, unless the lane has diverged (`None`). An epoch whose loss is
    /// not finite stops the lane: the run goes back to the end of the last
    /// finite epoch, bit for bit, and that epoch's figures are not kept.
    pub fn run_epoch(&mut self) -> Option<EpochStats> {
        if self.diverged.is_some() {
            return None;
        }
        let stats = self.run.run_epoch();
        if !stats.mean_loss.is_finite() {
            self.diverged = Some(Divergence {
                epoch: self.run.epoch(),
                loss: stats.mean_loss,
            });
            self.run.copy_state_from(&self.checkpoint);
            for _ in 0..self.since_checkpoint {
                self.run.run_epoch();
            }
            return None;
        }
        self.since_checkpoint += 1;
        self.clock.after_epoch(&mut self.run, &stats);
        self.last = Some(stats);
        Some(stats)
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
