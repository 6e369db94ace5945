//! The digits pad's worker's engine: copies of a run's trained networks (see
//! [`crate::studies::digit_pad`]) read the pad's ink. Its own thread, so the
//! page's frames never wait on a reading.

use wasm_bindgen::prelude::*;

use crate::studies::digit_pad::Pad;

/// Both methods' networks, copied from a digits run, reading the pad.
#[wasm_bindgen]
pub struct DigitsPad {
    pad: Pad,
}

#[wasm_bindgen]
impl DigitsPad {
    /// Networks shaped as a digits run of `hidden` units in one hidden layer.
    #[wasm_bindgen(constructor)]
    pub fn new(hidden: usize) -> Result<DigitsPad, JsError> {
        let pad = Pad::new(vec![hidden]).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(DigitsPad { pad })
    }

    /// Copies in a run's weights (`DigitsRun.weights()`) for `method`, "ed" or
    /// "backprop"; throws, changing nothing, if they do not fit.
    pub fn load(&mut self, method: &str, weights: &[f64]) -> Result<(), JsError> {
        match method {
            "ed" => self.pad.load_ed(weights),
            "backprop" => self.pad.load_backprop(weights),
            other => Err(format!(
                "method: must be \"ed\" or \"backprop\", got \"{other}\""
            )),
        }
        .map_err(|e| JsError::new(&e))
    }

    /// Reads `ink` (`side * side` bytes, 0 blank to 255 full): `{ pixels (256),
    /// ed (10 outputs, or null before a copy), backprop (likewise) }`.
    pub fn read(&mut self, ink: &[u8], side: usize) -> Result<JsValue, JsError> {
        let r = self.pad.read(ink, side).map_err(|e| JsError::new(&e))?;
        let array = |v: &[f64]| JsValue::from(js_sys::Float64Array::from(v));
        let out = js_sys::Object::new();
        let set = |k: &str, v: JsValue| js_sys::Reflect::set(&out, &k.into(), &v);
        set("pixels", array(&r.pixels)).ok();
        set("ed", r.ed.as_deref().map_or(JsValue::NULL, array)).ok();
        set(
            "backprop",
            r.backprop.as_deref().map_or(JsValue::NULL, array),
        )
        .ok();
        Ok(out.into())
    }
}
