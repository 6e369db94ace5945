//! A live training run as the playground drives it: epochs in batches, a bounded
//! history of the training loss, the test loss and each layer's mean |w|, loss
//! switches, and divergence that stops training with the last finite weights kept.
//! Optionally backprop races alongside on the same network shape, epoch for epoch.

use crate::backprop::BpTrainer;
use crate::config::Config;
use crate::ed::Loss;
use crate::race::SolveClock;
use crate::trainer::Trainer;

/// Points kept in the history. When full, every other point goes and the
/// sampling stride doubles, so a run of any length costs the same to keep and draw.
pub const HISTORY_CAPACITY: usize = 2048;

/// Epoch-sampled history of a run, stored column by column for zero-copy views.
#[derive(Clone, Debug)]
pub struct History {
    stride: u64,
    layers: usize,
    epochs: Vec<f64>,
    losses: Vec<f64>,
    /// Mean loss on the test set after the epoch's updates; NaN for a task
    /// without one, which a chart leaves undrawn.
    test_losses: Vec<f64>,
    /// Index into [`Loss::ALL`] of the loss in force at each point.
    kinds: Vec<f64>,
    /// `mean_abs[point * layers + layer]`: mean |w| of a layer.
    mean_abs: Vec<f64>,
    /// Backprop's training and test loss at the same epochs; NaN without a race.
    backprop_losses: Vec<f64>,
    backprop_test_losses: Vec<f64>,
}

impl History {
    fn new(layers: usize) -> History {
        History {
            stride: 1,
            layers,
            epochs: Vec::with_capacity(HISTORY_CAPACITY),
            losses: Vec::with_capacity(HISTORY_CAPACITY),
            test_losses: Vec::with_capacity(HISTORY_CAPACITY),
            kinds: Vec::with_capacity(HISTORY_CAPACITY),
            mean_abs: Vec::with_capacity(HISTORY_CAPACITY * layers),
            backprop_losses: Vec::with_capacity(HISTORY_CAPACITY),
            backprop_test_losses: Vec::with_capacity(HISTORY_CAPACITY),
        }
    }

    /// Epochs `1, 1 + stride, 1 + 2 stride, ...` are kept, so the first stays.
    fn wants(&self, epoch: u64) -> bool {
        (epoch - 1) % self.stride == 0
    }

    /// The test loss is measured only for a point that is kept, so a long run
    /// costs a test pass every `stride` epochs, not every epoch.
    fn push(
        &mut self,
        epoch: u64,
        loss: f64,
        kind: Loss,
        trainer: &mut Trainer,
        backprop: Option<&mut BackpropLane>,
    ) {
        if self.epochs.len() == HISTORY_CAPACITY {
            self.halve();
        }
        if !self.wants(epoch) {
            return;
        }
        self.epochs.push(epoch as f64);
        self.losses.push(loss);
        self.test_losses
            .push(trainer.test_loss().unwrap_or(f64::NAN));
        self.kinds.push(kind.index() as f64);
        let nets = trainer.networks();
        for l in 0..self.layers {
            let sum: f64 = nets.iter().map(|n| n.layers()[l].mean_abs_weight()).sum();
            self.mean_abs.push(sum / nets.len() as f64);
        }
        let (bp_loss, bp_test) = match backprop {
            Some(lane) if lane.diverged.is_none() => (
                lane.last_loss.unwrap_or(f64::NAN),
                lane.trainer.test_loss().unwrap_or(f64::NAN),
            ),
            _ => (f64::NAN, f64::NAN),
        };
        self.backprop_losses.push(bp_loss);
        self.backprop_test_losses.push(bp_test);
    }

    /// Every column with one value per point.
    fn point_columns(&mut self) -> [&mut Vec<f64>; 6] {
        [
            &mut self.epochs,
            &mut self.losses,
            &mut self.test_losses,
            &mut self.kinds,
            &mut self.backprop_losses,
            &mut self.backprop_test_losses,
        ]
    }

    /// Keeps the points that the doubled stride still wants, compacting every
    /// column in place: a long run never allocates.
    fn halve(&mut self) {
        self.stride *= 2;
        let layers = self.layers;
        let mut kept = 0;
        for point in 0..self.epochs.len() {
            if !self.wants(self.epochs[point] as u64) {
                continue;
            }
            for column in self.point_columns() {
                column[kept] = column[point];
            }
            self.mean_abs
                .copy_within(point * layers..(point + 1) * layers, kept * layers);
            kept += 1;
        }
        for column in self.point_columns() {
            column.truncate(kept);
        }
        self.mean_abs.truncate(kept * layers);
    }

    pub fn len(&self) -> usize {
        self.epochs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.epochs.is_empty()
    }

    pub fn stride(&self) -> u64 {
        self.stride
    }

    pub fn epochs(&self) -> &[f64] {
        &self.epochs
    }

    pub fn losses(&self) -> &[f64] {
        &self.losses
    }

    /// The test loss of each point, NaN throughout for a task without a test set.
    pub fn test_losses(&self) -> &[f64] {
        &self.test_losses
    }

    pub fn kinds(&self) -> &[f64] {
        &self.kinds
    }

    pub fn mean_abs(&self) -> &[f64] {
        &self.mean_abs
    }

    pub fn backprop_losses(&self) -> &[f64] {
        &self.backprop_losses
    }

    pub fn backprop_test_losses(&self) -> &[f64] {
        &self.backprop_test_losses
    }
}

/// Backprop racing the session's ED run: it stops on its own when it diverges,
/// keeping its last finite weights, while ED goes on.
#[derive(Clone, Debug)]
pub struct BackpropLane {
    trainer: BpTrainer,
    /// The state at the start of the current batch, to step back to on divergence.
    checkpoint: BpTrainer,
    clock: SolveClock,
    last_loss: Option<f64>,
    diverged: Option<Divergence>,
}

impl BackpropLane {
    fn new(config: Config) -> BackpropLane {
        let trainer = BpTrainer::new(config);
        BackpropLane {
            clock: SolveClock::default(),
            checkpoint: trainer.clone(),
            trainer,
            last_loss: None,
            diverged: None,
        }
    }

    /// One epoch, unless the lane has diverged; `done` epochs of this batch ran before.
    fn run_epoch(&mut self, done: u32) {
        if self.diverged.is_some() {
            return;
        }
        let stats = self.trainer.run_epoch();
        if !stats.mean_loss.is_finite() {
            self.diverged = Some(Divergence {
                epoch: self.trainer.epoch(),
                loss: stats.mean_loss,
            });
            self.trainer.copy_state_from(&self.checkpoint);
            for _ in 0..done {
                self.trainer.run_epoch();
            }
            return;
        }
        self.last_loss = Some(stats.mean_loss);
        self.clock.after_epoch(&mut self.trainer, &stats);
    }

    pub fn trainer(&self) -> &BpTrainer {
        &self.trainer
    }

    pub fn trainer_mut(&mut self) -> &mut BpTrainer {
        &mut self.trainer
    }

    pub fn last_loss(&self) -> Option<f64> {
        self.last_loss
    }

    pub fn diverged(&self) -> Option<Divergence> {
        self.diverged
    }

    pub fn solved_at(&self) -> Option<u64> {
        self.clock.solved_at()
    }
}

/// Why a session stopped on its own.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Divergence {
    /// The epoch whose loss was not finite.
    pub epoch: u64,
    pub loss: f64,
}

#[derive(Clone, Debug)]
pub struct Session {
    trainer: Trainer,
    /// The state at the start of the current batch, to step back to on divergence.
    checkpoint: Trainer,
    history: History,
    /// `(epoch, loss)`: the loss in force from that epoch on, first entry at 0.
    switches: Vec<(u64, Loss)>,
    last_loss: Option<f64>,
    diverged: Option<Divergence>,
    /// The first epoch that met Kaneko's stopping rule in this session.
    kaneko_stop: Option<u64>,
    clock: SolveClock,
    backprop: Option<BackpropLane>,
}

impl Session {
    pub fn new(config: Config) -> Session {
        Session::resume(Trainer::new(config))
    }

    pub fn resume(trainer: Trainer) -> Session {
        let layers = trainer.networks()[0].layers().len();
        Session {
            checkpoint: trainer.clone(),
            history: History::new(layers),
            switches: vec![(trainer.epoch(), trainer.config().loss)],
            last_loss: trainer.last_loss(),
            clock: SolveClock::default(),
            trainer,
            diverged: None,
            kaneko_stop: None,
            backprop: None,
        }
    }

    /// Starts backprop racing this run, from the same configuration. Only at
    /// epoch 0: both must start together for their clocks to compare.
    pub fn add_backprop(&mut self) -> Result<(), &'static str> {
        if self.trainer.epoch() != 0 {
            return Err("backprop can join a run only at epoch 0");
        }
        let mut lane = BackpropLane::new(self.trainer.config().clone());
        // A run may have had its rate or loss changed before its first epoch.
        lane.trainer.set_loss(self.trainer.config().loss);
        lane.trainer
            .set_lr(self.trainer.config().lr)
            .expect("the ED run's rate passed the same check");
        self.backprop = Some(lane);
        Ok(())
    }

    pub fn backprop(&self) -> Option<&BackpropLane> {
        self.backprop.as_ref()
    }

    pub fn backprop_mut(&mut self) -> Option<&mut BackpropLane> {
        self.backprop.as_mut()
    }

    /// The first epoch at which ED solved the task (see [`crate::race::is_solved`]).
    pub fn solved_at(&self) -> Option<u64> {
        self.clock.solved_at()
    }

    /// Trains up to `epochs` epochs and returns the last epoch's mean loss. An
    /// epoch with a non-finite loss stops the session: its weights are rolled back
    /// to the end of the last finite epoch and nothing non-finite is recorded.
    pub fn step(&mut self, epochs: u32) -> Option<f64> {
        if self.diverged.is_some() {
            return self.last_loss;
        }
        self.checkpoint.copy_state_from(&self.trainer);
        if let Some(lane) = &mut self.backprop {
            lane.checkpoint.copy_state_from(&lane.trainer);
        }
        for done in 0..epochs {
            let stats = self.trainer.run_epoch();
            if !stats.mean_loss.is_finite() {
                self.diverged = Some(Divergence {
                    epoch: self.trainer.epoch(),
                    loss: stats.mean_loss,
                });
                self.trainer.copy_state_from(&self.checkpoint);
                for _ in 0..done {
                    self.trainer.run_epoch();
                }
                break;
            }
            self.last_loss = Some(stats.mean_loss);
            if self.kaneko_stop.is_none() && stats.meets_kaneko_stop() {
                self.kaneko_stop = Some(self.trainer.epoch());
            }
            self.clock.after_epoch(&mut self.trainer, &stats);
            if let Some(lane) = &mut self.backprop {
                lane.run_epoch(done);
            }
            let loss = self.trainer.config().loss;
            self.history.push(
                self.trainer.epoch(),
                stats.mean_loss,
                loss,
                &mut self.trainer,
                self.backprop.as_mut(),
            );
        }
        self.last_loss
    }

    /// The first epoch whose summed `|t - p|` fell under Kaneko's threshold:
    /// where his program would have stopped.
    pub fn kaneko_stop(&self) -> Option<u64> {
        self.kaneko_stop
    }

    /// Both racers switch, from the next pattern on.
    pub fn set_loss(&mut self, loss: Loss) {
        if loss != self.trainer.config().loss {
            self.trainer.set_loss(loss);
            self.switches.push((self.trainer.epoch(), loss));
        }
        if let Some(lane) = &mut self.backprop {
            lane.trainer.set_loss(loss);
        }
    }

    /// Both racers take the new rate, or neither does.
    pub fn set_lr(&mut self, lr: f64) -> Result<(), crate::config::ConfigError> {
        self.trainer.set_lr(lr)?;
        if let Some(lane) = &mut self.backprop {
            lane.trainer.set_lr(lr)?;
        }
        Ok(())
    }

    pub fn trainer(&self) -> &Trainer {
        &self.trainer
    }

    pub fn trainer_mut(&mut self) -> &mut Trainer {
        &mut self.trainer
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn switches(&self) -> &[(u64, Loss)] {
        &self.switches
    }

    pub fn last_loss(&self) -> Option<f64> {
        self.last_loss
    }

    pub fn diverged(&self) -> Option<Divergence> {
        self.diverged
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            kept.push((s.trainer().epoch(), s.trainer_mut().test_loss().unwrap()));
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
        let mut plain = Trainer::new(circle);
        for _ in 0..s.trainer().epoch() {
            plain.run_epoch();
        }
        assert_eq!(weights(&plain), weights(s.trainer()));
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

    fn weights(t: &Trainer) -> Vec<u64> {
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
            let mut reference = Trainer::new(config);
            for _ in 0..7 {
                reference.run_epoch();
            }
            assert_eq!(s.trainer().epoch(), 7);
            assert_eq!(weights(s.trainer()), weights(&reference), "{loss:?}");
            assert_eq!(s.history().len(), 7);
            assert!(s.history().losses().iter().all(|l| l.is_finite()));
            assert_eq!(s.last_loss(), loss_after_7);
            assert_eq!(s.step(5), loss_after_7);
            assert_eq!(s.trainer().epoch(), 7);
        }
    }

    #[test]
    fn kaneko_stop_is_the_first_epoch_that_meets_his_rule() {
        let config = Config::kaneko_defaults();
        let mut s = Session::new(config.clone());
        assert_eq!(s.kaneko_stop(), None);
        s.step(3000);
        let expected = crate::experiment::epochs_to_stop(config, 3000);
        assert!(expected.is_some());
        assert_eq!(s.kaneko_stop(), expected);
    }

    #[test]
    fn a_refused_learning_rate_changes_nothing() {
        let mut s = Session::new(Config::seed_defaults());
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY, 1.1e308, f64::MAX] {
            assert_eq!(s.set_lr(bad).unwrap_err().field, "lr");
        }
        assert_eq!(s.trainer().config().lr, 0.5);
    }
}
