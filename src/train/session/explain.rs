//! "Explain one step": the session trains exactly the next pattern of its
//! epoch, in its own order, and returns what that update did to one output's
//! network (a [`Trace`]). The training is the session's own budgeted training,
//! one pattern's worth of budget, so explaining every pattern of an epoch
//! leaves the session exactly where one more epoch of `step` would: ED's
//! weights, backprop's (a race trains its epoch when ED's ends, as always), the
//! history and the clocks, bit for bit.
//!
//! The trace comes from a copy of the network taken just before the update,
//! trained by [`crate::ed::Network::train_traced`] (the same code as
//! `train`, tested to the same bits); the session's networks are trained by
//! the session, untouched by the tracing.

use serde::Serialize;

use super::Session;
use crate::ed::Trace;
use crate::train::Budget;

/// One explained pattern: where it sits in the session and what ED did with it.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Explained {
    /// The epoch the pattern belongs to, counted from 1.
    pub epoch: u64,
    /// The pattern's index in the training set, and its place in this epoch's order.
    pub pattern: usize,
    pub position: usize,
    /// Patterns in an epoch.
    pub patterns: usize,
    /// The output whose network is traced, and the pattern's target of every output.
    pub output: usize,
    pub targets: Vec<f64>,
    /// The pattern's loss under the run's loss, before the update (the output traced).
    pub loss: f64,
    /// The epoch ended with this pattern.
    pub epoch_ended: bool,
    pub trace: Trace,
}

impl Session {
    /// Trains the next pattern of the epoch, every output's network as usual,
    /// and returns the trace of output `output`'s. `None` once the run has
    /// diverged (it trains no more) or for an output the task lacks.
    pub fn explain(&mut self, output: usize) -> Option<Explained> {
        if self.diverged().is_some() || output >= self.run().networks().len() {
            return None;
        }
        // ED's last pattern may have been trained by a frame whose budget ran
        // out before the rest of the epoch (the solve check, backprop's
        // epoch, the history's measurement): that comes first.
        self.finish_epoch();
        if !self.mid_epoch() {
            // What training would do at the epoch's start, before the pattern:
            // the reader's new set of points among it, which may be empty.
            self.apply_pending();
        }
        // The reader's own points before the first is placed, or all cleared: no
        // pattern to explain. Asked only now, after the set that was waiting
        // for the epoch's start took the old one's place.
        if self.run().dataset().is_empty() {
            return None;
        }
        let epoch = self.epoch() + 1;
        let run = self.ed.run_mut();
        let (pattern, position) = run.next_pattern();
        let config = run.config();
        let (rule, loss, lr) = (config.rule(), config.loss, config.lr);
        let data = run.dataset();
        let (input, targets) = (data.input(pattern), data.target(pattern).to_vec());
        let patterns = data.len();
        let trace =
            run.networks()[output]
                .clone()
                .train_traced(input, targets[output], rule, loss, lr);
        // One pattern of every output's network: the budget buys exactly one.
        let units = run.networks().len() as u64;
        self.train(1, &mut Budget::new(units));
        let epoch_ended = !self.ed.run().mid_epoch();
        self.finish_epoch();
        Some(Explained {
            epoch,
            pattern,
            position,
            patterns,
            output,
            loss: loss.value(trace.y, trace.target),
            targets,
            epoch_ended,
            trace,
        })
    }

    /// Ends an epoch whose patterns ED has all trained: its solve check,
    /// backprop's epoch and the history's point, none of which trains ED.
    fn finish_epoch(&mut self) {
        if self.mid_epoch() && !self.ed.run().mid_epoch() {
            self.train(1, &mut Budget::unlimited());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ed::Loss;
    use crate::settings::Config;
    use crate::task::Task;

    fn ed_bits(s: &Session) -> Vec<u64> {
        let nets = s.run().networks();
        let layers = nets.iter().flat_map(|n| n.layers());
        layers
            .flat_map(|l| l.weights())
            .map(|w| w.to_bits())
            .collect()
    }

    fn bp_bits(s: &Session) -> Vec<u64> {
        let Some(lane) = s.backprop() else {
            return vec![];
        };
        let layers = lane.run().networks().iter().flat_map(|n| n.layers());
        layers
            .flat_map(|l| l.weights())
            .map(|w| w.to_bits())
            .collect()
    }

    fn history_bits(s: &Session) -> Vec<u64> {
        let h = s.history();
        [h.epochs(), h.losses(), h.test_losses(), h.backprop_losses()]
            .concat()
            .iter()
            .map(|v| v.to_bits())
            .collect()
    }

    /// Explaining every pattern of an epoch, for `epochs` epochs, leaves the
    /// session where `step(1)` a time leaves a twin: weights of both methods,
    /// history, epoch count and loss, bit for bit. Each trace ends at the
    /// traced network's weights.
    fn explains_like_steps(config: Config, race: bool, output: usize, epochs: u64) {
        let mut explained = Session::new(config.clone());
        let mut stepped = Session::new(config);
        if race {
            explained.add_backprop().unwrap();
            stepped.add_backprop().unwrap();
        }
        let patterns = explained.run().dataset().len();
        for epoch in 1..=epochs {
            let mut seen = vec![false; patterns];
            for place in 0..patterns {
                let e = explained.explain(output).expect("a live run explains");
                assert_eq!((e.epoch, e.position), (epoch, place));
                assert_eq!(e.epoch_ended, place + 1 == patterns);
                seen[e.pattern] = true;
                let after: Vec<f64> = explained.run().networks()[output]
                    .layers()
                    .iter()
                    .flat_map(|l| l.weights().to_vec())
                    .collect();
                let traced: Vec<f64> = e
                    .trace
                    .layers
                    .iter()
                    .flat_map(|l| l.after.clone())
                    .collect();
                assert!(after
                    .iter()
                    .zip(&traced)
                    .all(|(a, b)| a.to_bits() == b.to_bits()));
                assert_eq!(e.targets[output], e.trace.target);
            }
            assert!(
                seen.iter().all(|s| *s),
                "every pattern once in epoch {epoch}"
            );
            stepped.step(1);
            assert_eq!(explained.epoch(), epoch);
            assert!(!explained.mid_epoch(), "the epoch ended whole");
            assert_eq!(ed_bits(&explained), ed_bits(&stepped), "ED, epoch {epoch}");
            assert_eq!(
                bp_bits(&explained),
                bp_bits(&stepped),
                "backprop, epoch {epoch}"
            );
            assert_eq!(history_bits(&explained), history_bits(&stepped));
            assert_eq!(
                explained.last_loss().map(f64::to_bits),
                stepped.last_loss().map(f64::to_bits)
            );
        }
    }

    #[test]
    fn explaining_an_epoch_is_stepping_it_under_either_rule_and_every_loss() {
        for loss in Loss::ALL {
            let seed = Config {
                loss,
                ..Config::seed_defaults()
            };
            explains_like_steps(seed, false, 0, 3);
            let kaneko = Config {
                loss,
                ..Config::kaneko_defaults()
            };
            explains_like_steps(kaneko, false, 0, 3);
        }
    }

    #[test]
    fn several_outputs_a_shuffled_order_and_a_race_keep_in_step() {
        let adder = Config {
            task: Task::Adder,
            ..Config::seed_defaults()
        };
        explains_like_steps(adder, true, 2, 2);
        let spirals = Config {
            task: Task::Spiral3,
            points: 30,
            shuffle: true,
            ..Config::kaneko_defaults()
        };
        explains_like_steps(spirals, true, 1, 2);
    }

    #[test]
    fn an_epoch_a_frame_stopped_partway_is_finished_by_explaining() {
        let config = Config {
            task: Task::Parity,
            bits: 3,
            ..Config::seed_defaults()
        };
        let (mut explained, mut stepped) = (Session::new(config.clone()), Session::new(config));
        explained.add_backprop().unwrap();
        stepped.add_backprop().unwrap();
        // A frame's budget stops ED after three of eight patterns.
        explained.train(1, &mut Budget::new(3));
        assert!(explained.mid_epoch());
        // A loss switched meanwhile waits for the epoch's end, as it would.
        explained.set_loss(Loss::Bce);
        stepped.step(1);
        stepped.set_loss(Loss::Bce);
        for place in 3..8 {
            assert_eq!(explained.explain(0).unwrap().position, place);
        }
        assert_eq!(ed_bits(&explained), ed_bits(&stepped));
        // The next epoch's first pattern is explained under the new loss.
        assert_eq!(explained.explain(0).unwrap().trace.loss, "bce");
        stepped.step(1);
        for _ in 1..8 {
            explained.explain(0);
        }
        assert_eq!(ed_bits(&explained), ed_bits(&stepped));
        assert_eq!(bp_bits(&explained), bp_bits(&stepped));
        assert_eq!(history_bits(&explained), history_bits(&stepped));
        // Parity has one output: a tenth is refused, and nothing trains.
        assert!(explained.explain(9).is_none());
        assert_eq!(ed_bits(&explained), ed_bits(&stepped));
    }

    /// The reader's own points cleared while a run is partway through an epoch:
    /// the cleared set waits for the epoch's end, as training would, and from
    /// then on nothing is explained (no pattern, no panic) and nothing trains.
    #[test]
    fn points_cleared_mid_epoch_end_the_explanations_without_a_panic() {
        use crate::task::own::OwnPoint;
        let three = [(0, 0, 1), (500, 500, 0), (-500, 500, 1)].map(|(x, y, class)| OwnPoint {
            x,
            y,
            class,
        });
        let mut session = Session::new(Config {
            task: Task::Points,
            ..Config::seed_defaults()
        });
        session.set_points(&three).unwrap();
        session.train(1, &mut Budget::new(1));
        assert!(session.mid_epoch());
        session.set_points(&[]).unwrap();
        // The epoch under way ends on the old set: two more patterns to explain.
        assert!(session.explain(0).is_some());
        assert!(session.explain(0).is_some());
        assert!(!session.mid_epoch());
        let epoch = session.epoch();
        for _ in 0..20 {
            assert!(session.explain(0).is_none());
        }
        assert_eq!(session.epoch(), epoch, "nothing trains without points");
    }
}
