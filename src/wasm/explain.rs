//! "Explain one step" for the page: the session's next pattern trained and
//! traced (see [`crate::train::session::Explained`]), handed over as a plain
//! object of numbers and arrays.

use wasm_bindgen::prelude::*;

use super::Playground;

#[wasm_bindgen]
impl Playground {
    /// Trains the next pattern of the epoch (every output's network, as
    /// training does) and returns what the update did to the viewed output's
    /// network: `{ epoch, pattern, position, patterns, output, targets, loss,
    /// epochEnded, trace: { input, target, y, p, rule, loss, lr, u1,
    /// derivative, error, signal, rise, layers: [{ sources, units, signal,
    /// factor, step, before, delta, after }] } }`, weights input-major as
    /// `layerWeights`. Undefined once the run has diverged. Explaining every
    /// pattern of an epoch leaves the run as one `step(1)` would, bit for bit.
    pub fn explain(&mut self) -> Result<JsValue, JsError> {
        let Some(explained) = self.session.explain(self.viewed) else {
            return Ok(JsValue::UNDEFINED);
        };
        // NaN and infinities stay numbers (a diverging update shows them).
        serde_wasm_bindgen::to_value(&explained).map_err(|e| JsError::new(&e.to_string()))
    }
}
