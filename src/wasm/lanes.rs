//! The methods a live run trains, as lanes (see [`crate::train::Lane`]): ED's,
//! and in a race backprop's, side by side. The page loops over `lanes` and asks
//! each lane's facts, history and scores by its index instead of calling a
//! backprop twin of every member: lane 0 is ED, lane 1 backprop when racing.

use js_sys::{Float64Array, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::{f64_view, index, scores_of, Playground};

#[wasm_bindgen(typescript_custom_section)]
const LANE_FACTS: &str = r#"
/** Where one lane of a live run stands (Playground.lane). */
export interface LaneFacts {
  /** "ed" or "backprop". */
  method: "ed" | "backprop";
  /** The first epoch its task was solved at, if it has been. */
  solvedAt?: number;
  /** The epoch it lost a solved task at, while it is lost. */
  lostAt?: number;
  /** The epoch whose loss was not finite, once it diverged. */
  divergedAt?: number;
  /** Its last finite epoch loss; NaN before the first epoch. */
  loss: number;
}
"#;

/// One lane's facts, as `LaneFacts` above.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LaneFacts {
    method: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    solved_at: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lost_at: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    diverged_at: Option<u64>,
    loss: f64,
}

/// Lane 0, ED's; lane 1, backprop's in a race.
#[derive(Clone, Copy, PartialEq)]
enum Which {
    Ed,
    Backprop,
}

#[wasm_bindgen]
impl Playground {
    /// The methods this run trains, a lane each: `["ed"]`, or `["ed", "backprop"]` in a race.
    #[wasm_bindgen(getter)]
    pub fn lanes(&self) -> Vec<String> {
        let mut lanes = vec!["ed".to_string()];
        if self.session.backprop().is_some() {
            lanes.push("backprop".into());
        }
        lanes
    }

    /// Where lane `lane` stands: solved, lost, diverged, its last loss.
    #[wasm_bindgen(unchecked_return_type = "LaneFacts")]
    pub fn lane(&self, lane: f64) -> Result<JsValue, JsError> {
        let s = &self.session;
        let facts = match self.which(lane)? {
            Which::Ed => LaneFacts {
                method: "ed",
                solved_at: s.solved_at(),
                lost_at: s.lost_at(),
                diverged_at: s.diverged().map(|d| d.epoch),
                loss: s.last_loss().unwrap_or(f64::NAN),
            },
            Which::Backprop => {
                let b = s.backprop().expect("a race's lane");
                LaneFacts {
                    method: "backprop",
                    solved_at: b.solved_at(),
                    lost_at: b.lost_at(),
                    diverged_at: b.diverged().map(|d| d.epoch),
                    loss: b.last_loss().unwrap_or(f64::NAN),
                }
            }
        };
        serde_wasm_bindgen::to_value(&facts).map_err(|e| JsError::new(&e.to_string()))
    }

    /// Lane `lane`'s loss at each history point (NaN where it was not running); lane 0 when not given.
    #[wasm_bindgen(js_name = historyLosses)]
    pub fn history_losses(&self, lane: Option<f64>) -> Result<Float64Array, JsError> {
        let h = self.session.history();
        Ok(f64_view(match self.which(lane.unwrap_or(0.0))? {
            Which::Ed => h.losses(),
            Which::Backprop => h.backprop_losses(),
        }))
    }

    /// Lane `lane`'s test loss at each history point; NaN for a task without a test set.
    #[wasm_bindgen(js_name = historyTestLosses)]
    pub fn history_test_losses(&self, lane: Option<f64>) -> Result<Float64Array, JsError> {
        let h = self.session.history();
        Ok(f64_view(match self.which(lane.unwrap_or(0.0))? {
            Which::Ed => h.test_losses(),
            Which::Backprop => h.backprop_test_losses(),
        }))
    }

    /// `[trainLoss, trainAccuracy, testLoss, testAccuracy]` of lane `lane` now
    /// (the test pair NaN without a test set); lane 0 when not given.
    pub fn scores(&mut self, lane: Option<f64>) -> Result<Vec<f64>, JsError> {
        Ok(match self.which(lane.unwrap_or(0.0))? {
            Which::Ed => scores_of(self.session.run_mut()),
            Which::Backprop => scores_of(
                self.session
                    .backprop_mut()
                    .expect("a race's lane")
                    .run_mut(),
            ),
        })
    }

    /// RGBA bytes of lane `lane`'s output over the input square, `size` by
    /// `size`, row 0 at the top (x1 = 1), computed here so the page only blits it.
    #[wasm_bindgen(js_name = decisionMap)]
    pub fn decision_map(&mut self, size: usize, lane: Option<f64>) -> Result<Uint8Array, JsError> {
        let size = size.clamp(2, 256);
        let pixels = match self.which(lane.unwrap_or(0.0))? {
            Which::Ed => self.map.render(self.session.run_mut(), size),
            Which::Backprop => {
                let run = self
                    .session
                    .backprop_mut()
                    .expect("a race's lane")
                    .run_mut();
                self.bp_map.render(run, size)
            }
        };
        // SAFETY: as for `f64_view`.
        Ok(unsafe { Uint8Array::view(pixels) })
    }
}

impl Playground {
    /// The lane at index `lane`: a whole number below `lanes`'s length.
    fn which(&self, lane: f64) -> Result<Which, JsError> {
        let count = 1 + usize::from(self.session.backprop().is_some());
        Ok(match index("lane", lane, count)? {
            0 => Which::Ed,
            _ => Which::Backprop,
        })
    }
}
