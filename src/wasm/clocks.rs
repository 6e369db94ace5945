//! Where the live run stands: solved (and still so, or lost), diverged,
//! frozen, at Kaneko's stop (backprop's lane in a race: lanes.rs). The page pauses
//! at a solve, says a lost solve, and explains a frozen run from these.

use wasm_bindgen::prelude::*;

use super::Playground;

#[wasm_bindgen]
impl Playground {
    /// The first epoch that met Kaneko's stopping rule (summed |t - p| under
    /// 0.1), or undefined: where his program would have stopped.
    #[wasm_bindgen(getter, js_name = kanekoStopAt)]
    pub fn kaneko_stop_at(&self) -> Option<f64> {
        self.session.kaneko_stop().map(|e| e as f64)
    }

    /// The epoch whose loss was not finite, or undefined while training is healthy.
    #[wasm_bindgen(getter, js_name = divergedAt)]
    pub fn diverged_at(&self) -> Option<f64> {
        self.session.diverged().map(|d| d.epoch as f64)
    }

    /// The first epoch of the stretch in which ED's run froze (its outputs
    /// pinned or still, its loss and weights no longer moving: it cannot learn
    /// again), or undefined while it is not frozen. See `src/train/freeze.rs`.
    #[wasm_bindgen(getter, js_name = frozenAt)]
    pub fn frozen_at(&self) -> Option<f64> {
        self.session.frozen_at().map(|e| e as f64)
    }

    /// Why the run froze, while it is frozen: `"bce-switch"` (it was switched
    /// to BCE before) or `"saturated"` (under its own settings: a large rate,
    /// or BCE from the start); undefined otherwise.
    #[wasm_bindgen(getter, js_name = frozenCause)]
    pub fn frozen_cause(&self) -> Option<String> {
        use crate::train::FreezeCause;
        self.session.freeze_cause().map(|cause| {
            match cause {
                FreezeCause::SwitchToBce => "bce-switch",
                FreezeCause::Saturated => "saturated",
            }
            .into()
        })
    }

    /// Whether a frozen run's outputs are all pinned at 0 or 1 (else they just
    /// stopped changing); undefined while it is not frozen.
    #[wasm_bindgen(getter, js_name = frozenPinned)]
    pub fn frozen_pinned(&self) -> Option<bool> {
        use crate::train::FrozenOutputs;
        self.session
            .frozen()
            .map(|f| f.outputs == FrozenOutputs::Pinned)
    }

    /// When this run's task counts as solved, in words (see `race::is_solved`).
    #[wasm_bindgen(getter, js_name = solvedRule)]
    pub fn solved_rule(&self) -> String {
        crate::train::solved_rule(self.session.run().config().task).into()
    }

    /// The first epoch at which ED solved the task, or undefined.
    #[wasm_bindgen(getter, js_name = solvedAt)]
    pub fn solved_at(&self) -> Option<f64> {
        self.session.solved_at().map(|e| e as f64)
    }

    /// The epoch at which ED lost the task it had solved (its epoch's loss rose
    /// to the solve bound or over), while it is lost; undefined otherwise.
    #[wasm_bindgen(getter, js_name = lostAt)]
    pub fn lost_at(&self) -> Option<f64> {
        self.session.lost_at().map(|e| e as f64)
    }
}
