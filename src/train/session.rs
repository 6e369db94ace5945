//! A live training run as the playground drives it: epochs within a budget of
//! work (see [`Budget`]), a bounded [`History`], loss switches, Kaneko's
//! stopping epoch, and divergence that stops training with the last finite
//! weights kept. Optionally backprop races alongside on the same network
//! shape, epoch for epoch.
//!
//! An epoch of the session is ED's epoch, then backprop's, then, for an epoch
//! the history keeps, the test losses of both: a budget may stop it anywhere
//! between two patterns, and the next call goes on from there. A loss or rate
//! changed meanwhile waits for the epoch's end, so every epoch trains under one
//! setting and a run replayed from its switches is the same run.

use super::budget::Budget;
use super::evaluation::EvaluationPass;
use super::freeze::{FreezeCause, FreezeWatch, Frozen};
use super::history::{History, Point};
use super::lane::{Divergence, Lane, LaneProgress};
use super::run::{EdRun, EpochStats};

use crate::ed::Loss;
use crate::settings::{Config, ConfigError};
use crate::task::own::{self, OwnPoint};
use crate::task::Split;
pub use explain::Explained;

#[derive(Clone, Debug)]
pub struct Session {
    ed: Lane<crate::ed::Network>,
    history: History,
    /// `(epoch, loss)`: the loss in force from that epoch on, first entry at 0.
    switches: Vec<(u64, Loss)>,
    /// The first epoch that met Kaneko's stopping rule in this session.
    kaneko_stop: Option<u64>,
    /// Whether ED's run has frozen (see [`super::freeze`]).
    freeze: FreezeWatch,
    backprop: Option<Lane<crate::backprop::Network>>,
    stage: Stage,
    /// ED's mean loss in the last epoch the session ended (ED's own is one
    /// epoch ahead while the rest of the epoch is under way).
    last_loss: Option<f64>,
    /// Changes made during an epoch, for the epoch's end.
    pending_loss: Option<Loss>,
    pending_lr: Option<f64>,
    /// The reader's own points, changed during an epoch, for the epoch's end.
    pending_points: Option<Split>,
}

/// How far the session's epoch has come.
#[derive(Clone, Copy, Debug)]
enum Stage {
    /// Between epochs, or ED's epoch under way.
    Ed,
    /// ED's epoch ended with these figures; backprop's is under way.
    Backprop(EpochStats),
    /// Both ended; the test losses of the history's point are being measured,
    /// ED's first (`ed_test` holds it once taken).
    Measure {
        ed: EpochStats,
        ed_test: Option<f64>,
        pass: EvaluationPass,
    },
}

impl Session {
    pub fn new(config: Config) -> Session {
        Session::resume(EdRun::new(config))
    }

    pub fn resume(run: EdRun) -> Session {
        let layers = run.networks()[0].layers().len();
        Session {
            freeze: FreezeWatch::new(run.networks()),
            history: History::new(layers),
            switches: vec![(run.epoch(), run.config().loss)],
            last_loss: run.last_loss(),
            ed: Lane::resume(run),
            kaneko_stop: None,
            backprop: None,
            stage: Stage::Ed,
            pending_loss: None,
            pending_lr: None,
            pending_points: None,
        }
    }

    /// Starts backprop racing this run, from the same configuration. Only at
    /// epoch 0: both must start together for their clocks to compare.
    pub fn add_backprop(&mut self) -> Result<(), &'static str> {
        if self.ed.run().epoch() != 0 || self.mid_epoch() {
            return Err("backprop can join a run only at epoch 0");
        }
        let config = self.ed.run().config();
        let mut lane = Lane::new(config.clone());
        // A run may have had its rate or loss changed before its first epoch.
        lane.set_loss(config.loss);
        lane.set_lr(config.lr)
            .expect("the ED run's rate passed the same check");
        // The reader's own points are the ED run's, not drawn from the configuration.
        if config.task.own_classes().is_some() {
            let run = self.ed.run();
            lane.replace_data(Split {
                train: run.dataset().clone(),
                test: run.test_set().cloned(),
            });
        }
        self.backprop = Some(lane);
        Ok(())
    }

    pub fn backprop(&self) -> Option<&Lane<crate::backprop::Network>> {
        self.backprop.as_ref()
    }

    pub fn backprop_mut(&mut self) -> Option<&mut Lane<crate::backprop::Network>> {
        self.backprop.as_mut()
    }

    /// The first epoch at which ED solved the task (see [`crate::train::is_solved`]).
    pub fn solved_at(&self) -> Option<u64> {
        self.ed.solved_at()
    }

    /// The epoch ED lost the task it had solved, while it is lost.
    pub fn lost_at(&self) -> Option<u64> {
        self.ed.lost_at()
    }

    /// Trains up to `epochs` epochs and returns the last epoch's mean loss. An
    /// epoch with a non-finite loss stops the session: its weights are rolled back
    /// to the end of the last finite epoch and nothing non-finite is recorded.
    pub fn step(&mut self, epochs: u32) -> Option<f64> {
        self.train(epochs, &mut Budget::unlimited());
        self.last_loss()
    }

    /// Trains until `epochs` epochs have ended (counting the one under way) or
    /// `budget` is spent, whichever comes first, and returns how many ended.
    /// A budget spent mid-epoch leaves it for the next call.
    pub fn train(&mut self, epochs: u32, budget: &mut Budget) -> u32 {
        // The reader's own points before any is placed: nothing to learn (an
        // epoch of no patterns has no mean loss).
        if self.ed.run().dataset().is_empty() {
            return 0;
        }
        self.ed.begin_batch();
        if let Some(lane) = &mut self.backprop {
            lane.begin_batch();
        }
        let mut ended = 0;
        while ended < epochs && !budget.exhausted() {
            match self.advance(budget) {
                Advance::Busy => break,
                Advance::Stopped => break,
                Advance::Ended => ended += 1,
            }
        }
        ended
    }

    /// One stage of the epoch after another, until the budget runs out or the
    /// epoch ends.
    fn advance(&mut self, budget: &mut Budget) -> Advance {
        loop {
            match self.stage {
                Stage::Ed => {
                    if !self.ed.mid_epoch() {
                        self.apply_pending();
                    }
                    let stats = match self.ed.train(budget) {
                        LaneProgress::Busy => return Advance::Busy,
                        LaneProgress::Stopped => return Advance::Stopped,
                        LaneProgress::Epoch(stats) => stats,
                    };
                    if self.kaneko_stop.is_none() && stats.meets_kaneko_stop() {
                        self.kaneko_stop = Some(self.ed.run().epoch());
                    }
                    let run = self.ed.run();
                    self.freeze.after_epoch(run.epoch(), &stats, run.networks());
                    self.stage = Stage::Backprop(stats);
                }
                Stage::Backprop(ed) => {
                    if let Some(lane) = &mut self.backprop {
                        if lane.train(budget) == LaneProgress::Busy {
                            return Advance::Busy;
                        }
                    }
                    let epoch = self.ed.run().epoch();
                    if !self.history.wants_point(epoch) {
                        self.stage = Stage::Ed;
                        self.last_loss = Some(ed.mean_loss);
                        return Advance::Ended;
                    }
                    self.stage = Stage::Measure {
                        ed,
                        ed_test: None,
                        pass: EvaluationPass::default(),
                    };
                }
                Stage::Measure {
                    ed,
                    mut ed_test,
                    mut pass,
                } => {
                    let measured = self.measure(&mut ed_test, &mut pass, budget);
                    self.stage = Stage::Measure { ed, ed_test, pass };
                    let Some(backprop_test_loss) = measured else {
                        return Advance::Busy;
                    };
                    let backprop = self.backprop.as_ref().filter(|l| l.diverged().is_none());
                    let point = Point {
                        epoch: self.ed.run().epoch(),
                        loss: ed.mean_loss,
                        kind: self.ed.run().config().loss,
                        test_loss: ed_test.expect("measured first"),
                        backprop_loss: backprop.and_then(|l| l.last_loss()).unwrap_or(f64::NAN),
                        backprop_test_loss,
                    };
                    self.history.push(point, self.ed.run().networks());
                    self.stage = Stage::Ed;
                    self.last_loss = Some(ed.mean_loss);
                    return Advance::Ended;
                }
            }
        }
    }

    /// The test losses of ED and then of backprop (NaN without a test set, a
    /// race, or with backprop diverged); `Some(backprop's)` once both are in.
    fn measure(
        &mut self,
        ed_test: &mut Option<f64>,
        pass: &mut EvaluationPass,
        budget: &mut Budget,
    ) -> Option<f64> {
        if ed_test.is_none() {
            *ed_test = Some(test_loss(self.ed.run_mut(), pass, budget)?);
        }
        match &mut self.backprop {
            Some(lane) if lane.diverged().is_none() => test_loss(lane.run_mut(), pass, budget),
            _ => Some(f64::NAN),
        }
    }

    /// Whether an epoch is under way (a budget stopped it): changes wait for its end.
    pub fn mid_epoch(&self) -> bool {
        !matches!(self.stage, Stage::Ed) || self.ed.mid_epoch()
    }

    /// The changes made during the epoch that just ended, now that it has.
    fn apply_pending(&mut self) {
        if let Some(loss) = self.pending_loss.take() {
            self.switch_loss(loss);
        }
        if let Some(lr) = self.pending_lr.take() {
            self.switch_lr(lr);
        }
        if let Some(split) = self.pending_points.take() {
            self.switch_points(split);
        }
    }

    /// Trains on `points` from the next epoch on (at once between epochs),
    /// keeping the weights, the epoch count and the history: a reader placing
    /// points wants to watch the map bend to each one, not start over. The
    /// loss recorded from then on is the new set's. Only for the tasks of the
    /// reader's own points, and only points of their classes.
    pub fn set_points(&mut self, points: &[OwnPoint]) -> Result<(), String> {
        let classes = self
            .ed
            .run()
            .config()
            .task
            .own_classes()
            .ok_or("points: only the tasks points and points3 take points")?;
        if points.len() > own::MAX_OWN_POINTS {
            return Err(format!("points: at most {}", own::MAX_OWN_POINTS));
        }
        if points.iter().any(|p| {
            usize::from(p.class) >= classes || p.x.abs() > own::GRID || p.y.abs() > own::GRID
        }) {
            return Err(
                "points: each must lie on the map and be of one of the task's classes".into(),
            );
        }
        let split = own::split(points, classes);
        if self.mid_epoch() {
            self.pending_points = Some(split);
        } else {
            self.switch_points(split);
        }
        Ok(())
    }

    fn switch_points(&mut self, split: Split) {
        if let Some(lane) = &mut self.backprop {
            lane.replace_data(split.clone());
        }
        self.ed.replace_data(split);
        self.freeze = FreezeWatch::new(self.ed.run().networks());
        self.kaneko_stop = None;
    }

    /// The first epoch whose summed `|t - p|` fell under Kaneko's threshold:
    /// where his program would have stopped.
    pub fn kaneko_stop(&self) -> Option<u64> {
        self.kaneko_stop
    }

    /// Both racers switch, from the next epoch on (at once between epochs).
    pub fn set_loss(&mut self, loss: Loss) {
        if self.mid_epoch() {
            self.pending_loss = Some(loss);
        } else {
            self.switch_loss(loss);
        }
    }

    fn switch_loss(&mut self, loss: Loss) {
        if loss != self.ed.run().config().loss {
            self.ed.set_loss(loss);
            self.switches.push((self.ed.run().epoch(), loss));
        }
        if let Some(lane) = &mut self.backprop {
            lane.set_loss(loss);
        }
    }

    /// Both racers take the new rate from the next epoch on (at once between
    /// epochs), or neither does: a refused rate changes nothing.
    pub fn set_lr(&mut self, lr: f64) -> Result<(), ConfigError> {
        crate::settings::check_lr(lr)?;
        if self.mid_epoch() {
            self.pending_lr = Some(lr);
        } else {
            self.switch_lr(lr);
        }
        Ok(())
    }

    fn switch_lr(&mut self, lr: f64) {
        self.ed.set_lr(lr).expect("checked when it was set");
        if let Some(lane) = &mut self.backprop {
            lane.set_lr(lr).expect("checked when it was set");
        }
    }

    /// Epochs the session has ended: ED's, backprop's and the history's
    /// measurements of each. ED's own count ([`EdRun::epoch`]) is one ahead
    /// while the rest of its epoch is under way.
    pub fn epoch(&self) -> u64 {
        match self.stage {
            Stage::Ed => self.ed.epochs_finished(),
            _ => self.ed.run().epoch() - 1,
        }
    }

    /// The epoch from which a loss or rate set now takes effect, counted as
    /// the epochs ended before it: the next epoch's start.
    pub fn change_epoch(&self) -> u64 {
        self.epoch() + u64::from(self.mid_epoch())
    }

    /// The run as it trains: between two patterns while an epoch is under way.
    pub fn run(&self) -> &EdRun {
        self.ed.run()
    }

    pub fn run_mut(&mut self) -> &mut EdRun {
        self.ed.run_mut()
    }

    /// ED's run at the end of its last finished epoch, what a saved model
    /// holds: the session's epoch, or one more while backprop's half of the
    /// epoch or the history's measurement is under way.
    pub fn finished_run(&self) -> std::borrow::Cow<'_, EdRun> {
        self.ed.finished_run()
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn switches(&self) -> &[(u64, Loss)] {
        &self.switches
    }

    /// ED's mean loss in the last epoch the session ended, or the one a loaded
    /// model was saved with.
    pub fn last_loss(&self) -> Option<f64> {
        self.last_loss
    }

    pub fn diverged(&self) -> Option<Divergence> {
        self.ed.diverged()
    }

    /// ED's run has frozen: since when, and how its outputs look; `None` while
    /// it moves (again). See [`super::freeze`].
    pub fn frozen(&self) -> Option<Frozen> {
        self.freeze.frozen()
    }

    /// The first epoch of the stretch in which ED's run froze, while it is frozen.
    pub fn frozen_at(&self) -> Option<u64> {
        self.frozen().map(|f| f.since)
    }

    /// What froze ED's run, while it is frozen: a switch to BCE before the
    /// freeze, or the settings it trained with.
    pub fn freeze_cause(&self) -> Option<FreezeCause> {
        let since = self.frozen_at()?;
        // The first entry is the run's start, not a switch.
        let to_bce = self.switches[1..]
            .iter()
            .any(|&(epoch, loss)| loss == Loss::Bce && epoch < since);
        Some(if to_bce {
            FreezeCause::SwitchToBce
        } else {
            FreezeCause::Saturated
        })
    }
}

/// Where a call to [`Session::advance`] left the epoch.
enum Advance {
    Busy,
    Ended,
    Stopped,
}

/// A run's test loss, within `budget`; NaN for a task without a test set.
fn test_loss<N: super::SubNetwork>(
    run: &mut super::Run<N>,
    pass: &mut EvaluationPass,
    budget: &mut Budget,
) -> Option<f64> {
    let (loss, scoring) = (run.config().loss, run.config().task.scoring());
    let (networks, _, test) = run.parts_mut();
    match test {
        Some(test) => pass
            .run(networks, test, loss, scoring, budget)
            .map(|e| e.mean_loss),
        None => Some(f64::NAN),
    }
}

mod explain;
#[cfg(test)]
mod tests;
