//! Kaneko's experiment for the page's worker: one seed per call, so the worker
//! can report progress after every run and stop between runs.

use wasm_bindgen::prelude::*;

use super::convert::whole_arg;
use crate::settings::config::{Config, ConfigError};
use crate::studies::kaneko::{epochs_to_stop_with, KANEKO_MAX_EPOCHS};
use crate::train::Method;

/// XOR under Kaneko's rule and defaults with `hidden` units, seed `seed` and
/// learning rate `lr` (his alpha, 0.8, when absent), trained by `method` ("ed"
/// or "backprop"): the epoch at which his stopping rule held, or `undefined`
/// when 10,000 epochs passed without it. Throws an Error naming a bad value.
#[wasm_bindgen(js_name = kanekoRun)]
pub fn kaneko_run(
    method: &str,
    hidden: f64,
    seed: f64,
    lr: Option<f64>,
) -> Result<Option<u32>, JsError> {
    let refused = |e: ConfigError| JsError::new(&e.to_string());
    let method = Method::ALL
        .into_iter()
        .find(|m| m.name() == method)
        .ok_or_else(|| {
            refused(ConfigError {
                field: "method",
                message: format!("must be \"ed\" or \"backprop\", got \"{method}\""),
            })
        })?;
    // Numbers as JS passes them, so that -1 or 2^32 + 8 is refused, not
    // wrapped; the sizes allowed are `Config::validate`'s to say.
    let hidden = whole_arg("hidden", hidden, u32::MAX).map_err(|e| JsError::new(&e))?;
    let seed = whole_arg("seed", seed, u32::MAX).map_err(|e| JsError::new(&e))?;
    let defaults = Config::kaneko_defaults();
    let config = Config {
        hidden: vec![hidden as usize],
        lr: lr.unwrap_or(defaults.lr),
        seed: seed.into(),
        ..defaults
    };
    config.validate().map_err(refused)?;
    let stop = match method {
        Method::Ed => epochs_to_stop_with::<crate::ed::Network>(config, KANEKO_MAX_EPOCHS),
        Method::Backprop => {
            epochs_to_stop_with::<crate::backprop::Network>(config, KANEKO_MAX_EPOCHS)
        }
    };
    // The cap, 10,000 epochs, fits a u32 (a plain JS number).
    Ok(stop.map(|epoch| epoch as u32))
}
