//! The live run's history as the page charts it: zero-copy views of each
//! column (see [`crate::train::History`]) and the loss switches.

use js_sys::{Array, Float64Array};
use wasm_bindgen::prelude::*;

use super::{f64_view, Playground};

#[wasm_bindgen]
impl Playground {
    /// Epochs of the history points.
    #[wasm_bindgen(js_name = historyEpochs)]
    pub fn history_epochs(&self) -> Float64Array {
        f64_view(self.session.history().epochs())
    }

    /// Index of the loss in force at each point: 0 MSE, 1 BCE, 2 BCE with logits.
    #[wasm_bindgen(js_name = historyKinds)]
    pub fn history_kinds(&self) -> Float64Array {
        f64_view(self.session.history().kinds())
    }

    /// Mean |w| per layer at each point: `[point * layerCount + layer]`.
    #[wasm_bindgen(js_name = historyMeanAbs)]
    pub fn history_mean_abs(&self) -> Float64Array {
        f64_view(self.session.history().mean_abs())
    }

    /// `[epoch, lossIndex]` pairs: when each loss came into force.
    pub fn switches(&self) -> Array {
        self.session
            .switches()
            .iter()
            .map(|&(epoch, loss)| {
                let index = loss.index();
                Array::of2(
                    &JsValue::from_f64(epoch as f64),
                    &JsValue::from_f64(index as f64),
                )
            })
            .collect()
    }
}
