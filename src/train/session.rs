//! A live training run as the playground drives it: epochs in batches, a bounded
//! [`History`], loss switches, Kaneko's stopping epoch, and divergence that
//! stops training with the last finite weights kept. Optionally backprop races
//! alongside on the same network shape, epoch for epoch.

use super::history::History;
use super::lane::{Divergence, Lane};
use super::run::EdRun;
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
            ed: Lane::resume(run),
            kaneko_stop: None,
            backprop: None,
        }
    }

    /// Starts backprop racing this run, from the same configuration. Only at
    /// epoch 0: both must start together for their clocks to compare.
    pub fn add_backprop(&mut self) -> Result<(), &'static str> {
        if self.ed.run().epoch() != 0 {
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
        self.ed.begin_batch();
        if let Some(lane) = &mut self.backprop {
            lane.begin_batch();
        }
        for _ in 0..epochs {
            let Some(stats) = self.ed.run_epoch() else {
                break;
            };
            let epoch = self.ed.run().epoch();
            if self.kaneko_stop.is_none() && stats.meets_kaneko_stop() {
                self.kaneko_stop = Some(epoch);
            }
            if let Some(lane) = &mut self.backprop {
                lane.run_epoch();
            }
            let loss = self.ed.run().config().loss;
            self.history.push(
                epoch,
                stats.mean_loss,
                loss,
                self.ed.run_mut(),
                self.backprop.as_mut(),
            );
        }
        self.last_loss()
    }

    /// The first epoch whose summed `|t - p|` fell under Kaneko's threshold:
    /// where his program would have stopped.
    pub fn kaneko_stop(&self) -> Option<u64> {
        self.kaneko_stop
    }

    /// Both racers switch, from the next pattern on.
    pub fn set_loss(&mut self, loss: Loss) {
        if loss != self.ed.run().config().loss {
            self.ed.set_loss(loss);
            self.switches.push((self.ed.run().epoch(), loss));
        }
        if let Some(lane) = &mut self.backprop {
            lane.set_loss(loss);
        }
    }

    /// Both racers take the new rate, or neither does.
    pub fn set_lr(&mut self, lr: f64) -> Result<(), ConfigError> {
        self.ed.set_lr(lr)?;
        if let Some(lane) = &mut self.backprop {
            lane.set_lr(lr)?;
        }
        Ok(())
    }

    pub fn run(&self) -> &EdRun {
        self.ed.run()
    }

    pub fn run_mut(&mut self) -> &mut EdRun {
        self.ed.run_mut()
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn switches(&self) -> &[(u64, Loss)] {
        &self.switches
    }

    pub fn last_loss(&self) -> Option<f64> {
        self.ed.last_loss()
    }

    pub fn diverged(&self) -> Option<Divergence> {
        self.ed.diverged()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
