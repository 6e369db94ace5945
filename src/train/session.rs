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
use super::history::{History, Point};
use super::lane::{Divergence, Lane, LaneProgress};
use super::run::{EdRun, EpochStats};
use crate::ed::Loss;
use crate::settings::{Config, ConfigError};

#[derive(Clone, Debug)]
pub struct Session {
    ed: Lane<crate::ed::Network>,
    history: History,
    /// `(epoch, loss)`: the loss in force from that epoch on, first entry at 0.
    switches: Vec<(u64, Loss)>,
    /// The first epoch that met Kaneko's stopping rule in this session.
    kaneko_stop: Option<u64>,
    backprop: Option<Lane<crate::backprop::Network>>,
    stage: Stage,
    /// ED's mean loss in the last epoch the session ended (ED's own is one
    /// epoch ahead while the rest of the epoch is under way).
    last_loss: Option<f64>,
    /// Changes made during an epoch, for the epoch's end.
    pending_loss: Option<Loss>,
    pending_lr: Option<f64>,
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
            history: History::new(layers),
            switches: vec![(run.epoch(), run.config().loss)],
            last_loss: run.last_loss(),
            ed: Lane::resume(run),
            kaneko_stop: None,
            backprop: None,
            stage: Stage::Ed,
            pending_loss: None,
            pending_lr: None,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::train::Budget;
    use crate::train::HISTORY_CAPACITY;

    #[test]
    fn history_stays_bounded_and_keeps_the_first_epoch() {
        let mut s = Session::new(Config::seed_defaults());
        for _ in 0..50 {
            s.step(1000);
        }
        let h = s.history();
        assert!(
            h.len() <= HISTORY_CAPACITY && h.len() > HISTORY_CAPACITY / 2,
            "{}",
            h.len()
        );
        assert_eq!(h.epochs()[0], 1.0);
        assert!(h.stride() >= 16);
        assert!(h
            .epochs()
            .windows(2)
            .all(|w| w[1] - w[0] == h.stride() as f64));
        assert_eq!(h.mean_abs().len(), h.len() * 3);
        assert!(h.losses().iter().all(|l| l.is_finite()));
        // XOR has no test set: its test column is there, and empty of values.
        assert_eq!(h.test_losses().len(), h.len());
        assert!(h.test_losses().iter().all(|l| l.is_nan()));
    }

    #[test]
    fn a_2d_task_keeps_its_test_loss_through_halvings() {
        let circle = Config {
            task: crate::task::Task::Circle,
            lr: 0.1,
            ..Config::seed_defaults()
        };
        let mut s = Session::new(circle.clone());
        let mut kept = Vec::new();
        // Epochs 1, 101, 201, ..., 2201: past the capacity, so the history
        // halves once and keeps the odd epochs, these among them.
        for batch in [1].into_iter().chain([100; 22]) {
            s.step(batch);
            kept.push((s.run().epoch(), s.run_mut().test_loss().unwrap()));
        }
        let h = s.history();
        assert_eq!(h.stride(), 2);
        assert_eq!(h.test_losses().len(), h.len());
        assert!(h.test_losses().iter().all(|l| l.is_finite() && *l >= 0.0));
        // Every kept point holds the test loss of its own epoch.
        for (epoch, loss) in kept {
            let p = h.epochs().iter().position(|&e| e == epoch as f64);
            let p = p.unwrap_or_else(|| panic!("epoch {epoch} not kept"));
            assert_eq!(h.test_losses()[p], loss, "epoch {epoch}");
        }
        // The test loss is measured, not copied from the training loss.
        assert!(h.test_losses().iter().zip(h.losses()).any(|(a, b)| a != b));
        // Measuring it changes nothing in training.
        let mut plain = EdRun::new(circle);
        for _ in 0..s.run().epoch() {
            plain.run_epoch();
        }
        assert_eq!(weights(&plain), weights(s.run()));
    }

    #[test]
    fn mean_abs_weight_never_falls() {
        let mut s = Session::new(Config::seed_defaults());
        s.step(500);
        let h = s.history();
        for l in 0..3 {
            let series: Vec<f64> = (0..h.len()).map(|p| h.mean_abs()[p * 3 + l]).collect();
            assert!(series.windows(2).all(|w| w[1] >= w[0]), "layer {l}");
        }
    }

    #[test]
    fn switches_are_recorded_with_their_epoch() {
        let mut s = Session::new(Config::seed_defaults());
        s.step(10);
        s.set_loss(Loss::Bce);
        s.set_loss(Loss::Bce);
        s.step(5);
        assert_eq!(s.switches(), &[(0, Loss::Mse), (10, Loss::Bce)]);
        assert_eq!(s.history().kinds()[9], 0.0);
        assert_eq!(s.history().kinds()[10], 1.0);
    }

    /// Everything a session shows the page: each history column, the clocks,
    /// the switches and both methods' weights, as bit patterns.
    fn everything(s: &Session) -> Vec<u64> {
        let h = s.history();
        let columns = [
            h.epochs(),
            h.losses(),
            h.test_losses(),
            h.kinds(),
            h.mean_abs(),
            h.backprop_losses(),
            h.backprop_test_losses(),
        ];
        let mut all: Vec<u64> = columns
            .iter()
            .flat_map(|c| c.iter().map(|x| x.to_bits()))
            .collect();
        let bp = s.backprop().expect("racing");
        all.extend([s.solved_at(), bp.solved_at(), s.kaneko_stop()].map(|e| e.unwrap_or(u64::MAX)));
        all.extend(
            s.switches()
                .iter()
                .flat_map(|&(e, l)| [e, l.index() as u64]),
        );
        all.extend(weights(s.run()));
        for net in bp.run().networks() {
            all.extend(
                net.layers()
                    .iter()
                    .flat_map(|l| l.weights().iter().map(|w| w.to_bits())),
            );
        }
        all
    }

    #[test]
    fn a_race_stopped_between_patterns_is_the_uninterrupted_race() {
        // Two gaussians: a test set (the history measures it) and solve
        // checks (a pass over the training set), both of which a budget can stop.
        let config = Config {
            task: crate::task::Task::Gaussians,
            ..Config::seed_defaults()
        };
        let racing = || {
            let mut s = Session::new(config.clone());
            s.add_backprop().unwrap();
            s
        };
        let mut whole = racing();
        whole.step(60);
        whole.set_loss(Loss::BceWithLogits);
        whole.step(40);
        assert_eq!(whole.solved_at(), Some(2), "the solve check ran");
        assert_eq!(whole.backprop().unwrap().solved_at(), Some(9));
        for slice in [1, 3, 50, 333] {
            let mut sliced = racing();
            let mut calls = 0;
            while sliced.epoch() < 100 {
                if sliced.epoch() == 60 && sliced.switches().len() == 1 {
                    // Set during epoch 61 (or at its start): it waits for
                    // the epoch's end unless nothing of it has run yet.
                    sliced.set_loss(Loss::BceWithLogits);
                }
                let epoch = sliced.epoch();
                let limit = if epoch < 60 { 60 - epoch } else { 100 - epoch };
                sliced.train(limit as u32, &mut Budget::new(slice));
                calls += 1;
            }
            assert!(calls > 100, "{slice}: stopped {calls} times");
            assert_eq!(
                everything(&sliced),
                everything(&whole),
                "{slice} units a call"
            );
        }
    }

    #[test]
    fn a_change_made_mid_epoch_waits_for_the_epochs_end() {
        let mut s = Session::new(Config::seed_defaults());
        s.step(3);
        s.train(1, &mut Budget::new(2));
        assert!(s.mid_epoch());
        assert_eq!(s.change_epoch(), 4);
        s.set_loss(Loss::Bce);
        s.set_lr(0.25).unwrap();
        assert_eq!(s.run().config().loss, Loss::Mse, "not during epoch 4");
        s.train(1, &mut Budget::unlimited());
        assert_eq!(s.run().epoch(), 4);
        // Due now, applied as epoch 5 begins.
        s.train(1, &mut Budget::new(1));
        assert_eq!(s.switches(), &[(0, Loss::Mse), (4, Loss::Bce)]);
        assert_eq!(s.run().config().lr, 0.25);
        // The same as a run switched between epochs 4 and 5.
        let mut plain = Session::new(Config::seed_defaults());
        plain.step(4);
        plain.set_loss(Loss::Bce);
        plain.set_lr(0.25).unwrap();
        plain.step(5);
        s.step(5);
        assert_eq!(s.run().epoch(), 9);
        assert_eq!(weights(s.run()), weights(plain.run()));
        assert_eq!(s.history().losses(), plain.history().losses());
    }

    #[test]
    fn the_loss_is_that_of_the_epoch_the_session_ended() {
        // Moons: a test set, so the history's measurement follows ED's epoch
        // and a small budget stops between the two.
        let config = Config {
            task: crate::task::Task::Moons,
            ..Config::seed_defaults()
        };
        let mut whole = Session::new(config.clone());
        let losses: Vec<_> = (0..6).map(|_| whole.step(1)).collect();
        let mut sliced = Session::new(config);
        let mut seen_ahead = false;
        while sliced.epoch() < 6 {
            sliced.train(1, &mut Budget::new(7));
            seen_ahead |= sliced.run().epoch() > sliced.epoch();
            let e = sliced.epoch() as usize;
            let want = if e == 0 { None } else { losses[e - 1] };
            assert_eq!(sliced.last_loss(), want, "at epoch {e}");
        }
        assert!(seen_ahead, "stopped between ED's epoch and its measurement");
    }

    #[test]
    fn the_epoch_waits_for_the_solve_check() {
        // XOR's loss falls under the solve bound long before every pattern is
        // right, so many epochs end with a check, which one unit at a time
        // cannot finish in the call that ends the epoch.
        let mut s = Session::new(Config::seed_defaults());
        let mut checked = false;
        while s.epoch() < 300 {
            let before = s.epoch();
            s.train(1, &mut Budget::new(1));
            assert!(s.epoch() <= before + 1);
            if s.mid_epoch() && s.run().epoch() > s.epoch() {
                checked = true;
            }
        }
        assert!(checked, "stopped within a solve check");
        let mut whole = Session::new(Config::seed_defaults());
        whole.step(300);
        assert_eq!(s.solved_at(), whole.solved_at());
        assert_eq!(s.last_loss(), whole.last_loss());
    }

    #[test]
    fn a_model_saved_mid_epoch_holds_the_last_epoch_that_ended() {
        let mut s = Session::new(Config::seed_defaults());
        s.train(8, &mut Budget::new(30));
        assert!(s.mid_epoch());
        let ended = s.run().epoch();
        let mut reference = EdRun::new(Config::seed_defaults());
        for _ in 0..ended {
            reference.run_epoch();
        }
        assert_eq!(weights(&s.finished_run()), weights(&reference));
        assert_ne!(
            weights(s.run()),
            weights(&reference),
            "the live run is mid-epoch"
        );
    }

    fn weights(t: &EdRun) -> Vec<u64> {
        t.networks()[0]
            .layers()
            .iter()
            .flat_map(|l| l.weights().iter().map(|w| w.to_bits()))
            .collect()
    }

    #[test]
    fn divergence_stops_with_the_last_finite_weights_under_every_loss() {
        // At lr 1e308 every loss turns infinite or NaN within an epoch (see
        // config::MAX_LR).
        for loss in Loss::ALL {
            let config = Config {
                loss,
                ..Config::seed_defaults()
            };
            let mut s = Session::new(config.clone());
            let loss_after_7 = s.step(7);
            assert!(loss_after_7.is_some_and(f64::is_finite));
            assert_eq!(loss_after_7, s.last_loss());
            s.set_lr(1e308).unwrap();
            s.step(20);
            let d = s.diverged().unwrap_or_else(|| panic!("{loss:?} diverges"));
            assert_eq!(d.epoch, 8, "{loss:?}");
            assert!(!d.loss.is_finite());
            // The run is left at the end of epoch 7, bit for bit, with nothing
            // non-finite recorded, and it stays stopped.
            let mut reference = EdRun::new(config);
            for _ in 0..7 {
                reference.run_epoch();
            }
            assert_eq!(s.run().epoch(), 7);
            assert_eq!(weights(s.run()), weights(&reference), "{loss:?}");
            assert_eq!(s.history().len(), 7);
            assert!(s.history().losses().iter().all(|l| l.is_finite()));
            assert_eq!(s.last_loss(), loss_after_7);
            assert_eq!(s.step(5), loss_after_7);
            assert_eq!(s.run().epoch(), 7);
        }
    }

    #[test]
    fn kaneko_stop_is_the_first_epoch_that_meets_his_rule() {
        let config = Config::kaneko_defaults();
        let mut s = Session::new(config.clone());
        assert_eq!(s.kaneko_stop(), None);
        s.step(3000);
        let expected = crate::studies::kaneko::epochs_to_stop(config, 3000);
        assert!(expected.is_some());
        assert_eq!(s.kaneko_stop(), expected);
    }

    #[test]
    fn a_refused_learning_rate_changes_nothing() {
        let mut s = Session::new(Config::seed_defaults());
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY, 1.1e308, f64::MAX] {
            assert_eq!(s.set_lr(bad).unwrap_err().field, "lr");
        }
        assert_eq!(s.run().config().lr, 0.5);
    }
}
