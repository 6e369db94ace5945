//! A frozen run: one that goes on training but can no longer learn. ED only
//! ever grows a weight, so a network whose units have saturated cannot undo it
//! (docs/method.md section 5): after a switch to BCE under the seed's rule, or
//! at a learning rate that saturates everything, its outputs stay pinned at 0
//! or 1 (or stop changing at all), its loss stops moving and its weights stop
//! growing, for good.
//!
//! A flat loss alone is no freeze: at a large rate a run can sit pinned, its
//! loss still to six figures, while its hidden weights grow by 1e-4 to 1e-2 an
//! epoch until a unit flips and it learns again (seen in the sweep of the
//! tests, e.g. Kaneko's rule on the moons at rate 10). The runs that never came
//! back grew by 1e-8 an epoch or less. So [`FreezeWatch`] asks for both: the
//! loss and summed error from the figures every epoch measures anyway
//! ([`EpochStats`]), and, only while those hold still, each layer's mean |w|
//! (a pass over the weights, not over the patterns).

use super::run::EpochStats;
use super::solve::SOLVE_LOSS;
use crate::ed::Network;

/// Epochs the run must hold still before it counts as frozen: long enough that
/// no run in the tests' sweep that went on to learn was flagged, short enough
/// that a reader hears of it within a few seconds at the page's pace.
pub const FREEZE_WINDOW: u64 = 20;

/// The loss and the summed error may wander this much (relative, over the
/// window). The frozen run creeps by 1.5e-8 over 20 epochs.
pub const LOSS_TOLERANCE: f64 = 1e-6;

/// The most a layer's mean |w| may grow in an epoch (relative). Frozen runs
/// measured: 6e-10 (XOR after the switch to BCE), 1e-8 (XOR at rate 100), 0
/// (BCE from the start on the circle). Of every 20-epoch stretch of flat loss
/// in the sweep of `tests/freeze.rs` (2,310 runs) after which the run learnt
/// again, the stillest grew by 4.8e-6 in some epoch: this sits 16 times below.
pub const WEIGHT_GROWTH_TOLERANCE: f64 = 3e-7;

/// An output whose probability is closer than this to 0 or 1 is pinned (the
/// frozen runs measured sit within 1e-4 of it).
pub const PIN_MARGIN: f64 = 1e-3;

/// How a frozen run's outputs look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrozenOutputs {
    /// Every output within [`PIN_MARGIN`] of 0 or 1.
    Pinned,
    /// Some output is not, but none changes.
    Still,
}

/// Where a frozen run stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frozen {
    /// The first epoch (1-based) of the still stretch.
    pub since: u64,
    pub outputs: FrozenOutputs,
}

/// What froze a live run, as far as its record tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FreezeCause {
    /// The loss was switched to BCE before it froze: BCE's error signal,
    /// broadcast to the hidden layers, saturated them.
    SwitchToBce,
    /// No switch to BCE: the units saturated under the settings it trained
    /// with (a large learning rate; BCE from the start on some tasks).
    Saturated,
}

/// Watches a run's epochs for a freeze. Feed it every epoch's figures, in
/// order. Allocates nothing after [`FreezeWatch::new`].
#[derive(Clone, Debug)]
pub struct FreezeWatch {
    streak: Streak,
    /// The last epoch's [`EpochStats::max_uncertainty`].
    max_uncertainty: f64,
    /// Each network's layers' mean |w| at the streak's last epoch, once taken
    /// (`weights_taken`), and room for the next epoch's.
    weights: Vec<f64>,
    next_weights: Vec<f64>,
    weights_taken: bool,
}

impl FreezeWatch {
    /// A watch for a run of these networks (ED's, one per output).
    pub fn new(networks: &[Network]) -> FreezeWatch {
        let layers = networks.iter().map(|n| n.layers().len()).sum();
        FreezeWatch {
            streak: Streak::default(),
            max_uncertainty: f64::NAN,
            weights: vec![0.0; layers],
            next_weights: vec![0.0; layers],
            weights_taken: false,
        }
    }

    /// Takes the figures of `epoch` (1-based), the epoch just ended, and the
    /// networks as it left them.
    pub fn after_epoch(&mut self, epoch: u64, stats: &EpochStats, networks: &[Network]) {
        self.max_uncertainty = stats.max_uncertainty;
        let (loss, error) = (stats.mean_loss, stats.abs_error);
        // A fit's loss may hold still too; only a poor one is stuck.
        if loss < SOLVE_LOSS {
            self.streak = Streak::default();
            return;
        }
        if !self.streak.holds(loss, error) {
            self.streak = Streak::start(epoch, loss, error);
            self.weights_taken = false;
            return;
        }
        // The loss held: did the weights? Measured only now, so a run that
        // learns pays nothing.
        for (slot, layer) in self
            .next_weights
            .iter_mut()
            .zip(networks.iter().flat_map(|n| n.layers()))
        {
            *slot = layer.mean_abs_weight();
        }
        let grew = self.weights_taken
            && self
                .next_weights
                .iter()
                .zip(&self.weights)
                .any(|(&now, &before)| now - before > WEIGHT_GROWTH_TOLERANCE * now);
        std::mem::swap(&mut self.weights, &mut self.next_weights);
        self.weights_taken = true;
        if grew {
            self.streak = Streak::start(epoch, loss, error);
        } else {
            self.streak.extend(loss, error);
        }
    }

    /// Frozen now: since when, and how its outputs look; `None` once it moves again.
    pub fn frozen(&self) -> Option<Frozen> {
        (self.streak.epochs >= FREEZE_WINDOW).then_some(Frozen {
            since: self.streak.first,
            outputs: if self.max_uncertainty < PIN_MARGIN {
                FrozenOutputs::Pinned
            } else {
                FrozenOutputs::Still
            },
        })
    }
}

/// A stretch of consecutive epochs whose loss and summed error stayed within
/// [`LOSS_TOLERANCE`].
#[derive(Clone, Copy, Debug, Default)]
struct Streak {
    first: u64,
    /// Epochs in the stretch; 0 for none.
    epochs: u64,
    loss: Span,
    error: Span,
}

impl Streak {
    fn start(epoch: u64, loss: f64, error: f64) -> Streak {
        Streak {
            first: epoch,
            epochs: 1,
            loss: Span::at(loss),
            error: Span::at(error),
        }
    }

    /// Whether an epoch of these figures would stay within the tolerance.
    fn holds(&self, loss: f64, error: f64) -> bool {
        self.epochs > 0
            && self.loss.with(loss).within(LOSS_TOLERANCE)
            && self.error.with(error).within(LOSS_TOLERANCE)
    }

    fn extend(&mut self, loss: f64, error: f64) {
        self.loss = self.loss.with(loss);
        self.error = self.error.with(error);
        self.epochs += 1;
    }
}

/// The lowest and highest of some values.
#[derive(Clone, Copy, Debug, Default)]
struct Span {
    low: f64,
    high: f64,
}

impl Span {
    fn at(v: f64) -> Span {
        Span { low: v, high: v }
    }

    fn with(self, v: f64) -> Span {
        Span {
            low: self.low.min(v),
            high: self.high.max(v),
        }
    }

    /// Whether the values differ by at most `tolerance` of the largest in size.
    fn within(self, tolerance: f64) -> bool {
        self.high - self.low <= tolerance * self.high.abs().max(self.low.abs())
    }
}

#[cfg(test)]
mod tests;
