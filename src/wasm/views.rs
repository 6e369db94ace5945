//! The views the page computes a slice at a time (see
//! [`crate::view::progressive`]): ED's decision map (its class map and each
//! output's map from one pass), backprop's, one unit's map, the truth table's
//! outputs, and the scores of both. The page starts a pass, calls `viewWork` with a number of units until
//! the pass is no longer busy, and draws what is shown meanwhile: the last
//! whole result. Also what the weight views need from whole layers (the
//! heatmaps' pixels, the strongest connections), which would take the page's
//! JavaScript milliseconds for a 256 x 256 layer.

use js_sys::{Float64Array, Uint8Array};
use wasm_bindgen::prelude::*;

use super::{f64_view, Playground};
use crate::task::Scoring;
use crate::train::evaluation::most_probable;
use crate::train::SubNetwork;
use crate::view::decision_map::{class_colour, colour};
use crate::view::progressive::{MapPass, ScoresPass};
use crate::view::weights::{paint_weights, rgb, strongest};

/// The passes of one playground.
#[derive(Default)]
pub(super) struct Passes {
    map: MapPass<crate::ed::Network>,
    backprop_map: MapPass<crate::backprop::Network>,
    unit_map: MapPass<crate::ed::Network>,
    /// The training patterns' outputs (a truth table's rows).
    outputs: MapPass<crate::ed::Network>,
    /// Layer and unit of the unit map's pass.
    unit_of: (usize, usize),
    scores: ScoresPass<crate::ed::Network>,
    backprop_scores: ScoresPass<crate::backprop::Network>,
    heatmap: Vec<u8>,
}

/// Fills `out` with each network's probability for `input`.
fn probabilities<N: SubNetwork>(networks: &mut [N], input: &[f64], out: &mut [f64]) {
    for (net, o) in networks.iter_mut().zip(out) {
        *o = net.predict(input);
    }
}

fn no_such_view(view: &str) -> JsError {
    JsError::new(&format!("view: no such view \"{view}\""))
}

#[wasm_bindgen]
impl Playground {
    /// Starts a pass of the current weights for `view`: "map" or "backpropMap"
    /// (`size` pixels a side), "outputs" (the training patterns', as
    /// `patternOutputs`), "scores" or "backpropScores"; the pass under way is
    /// dropped. A backprop view without a race has nothing to start.
    /// Returns the units spent.
    #[wasm_bindgen(js_name = viewStart)]
    pub fn view_start(&mut self, view: &str, size: usize) -> Result<f64, JsError> {
        let inputs = self.session.run().dataset().n_inputs;
        let spent = match view {
            "map" => {
                let run = self.session.run();
                self.passes
                    .map
                    .start(run.networks(), run.config().loss, size, inputs)
            }
            "outputs" => {
                let run = self.session.run();
                let loss = run.config().loss;
                self.passes
                    .outputs
                    .start_patterns(run.networks(), loss, run.dataset())
            }
            "scores" => self.passes.scores.start(self.session.run()),
            "backpropMap" | "backpropScores" => match self.session.backprop() {
                None => 0,
                Some(lane) if view == "backpropMap" => {
                    let run = lane.run();
                    self.passes
                        .backprop_map
                        .start(run.networks(), run.config().loss, size, inputs)
                }
                Some(lane) => self.passes.backprop_scores.start(lane.run()),
            },
            _ => return Err(no_such_view(view)),
        };
        Ok(spent as f64)
    }

    /// Starts a map of one unit of the viewed output's ED network (layer
    /// `layer`, the last being the output unit), as `unitMap` draws it whole.
    /// Returns the units spent.
    #[wasm_bindgen(js_name = unitMapStart)]
    pub fn unit_map_start(
        &mut self,
        size: usize,
        layer: usize,
        unit: usize,
    ) -> Result<f64, JsError> {
        let run = self.session.run();
        let net = &run.networks()[self.viewed..=self.viewed];
        let units = net[0]
            .layers()
            .get(layer)
            .ok_or_else(|| JsError::new("layer: no such layer"))?
            .outputs();
        if unit >= units {
            return Err(JsError::new("unit: no such unit"));
        }
        self.passes.unit_of = (layer, unit);
        let inputs = run.dataset().n_inputs;
        Ok(self
            .passes
            .unit_map
            .start(net, run.config().loss, size, inputs) as f64)
    }

    /// Goes on with `view`'s pass ("map", "backpropMap", "unitMap", "outputs",
    /// "scores", "backpropScores") for about `units` units, at least one pixel or pattern
    /// when one is under way. Returns the units spent.
    #[wasm_bindgen(js_name = viewWork)]
    pub fn view_work(&mut self, view: &str, units: f64) -> Result<f64, JsError> {
        let units = units.max(0.0) as u64;
        let (layer, unit) = self.passes.unit_of;
        let passes = &mut self.passes;
        let spent = match view {
            "map" => passes.map.work(units, probabilities),
            "backpropMap" => passes.backprop_map.work(units, probabilities),
            "unitMap" => passes.unit_map.work(units, |nets, input, out| {
                out[0] = nets[0].unit_output(input, layer, unit);
            }),
            "outputs" => passes.outputs.work(units, probabilities),
            "scores" => passes.scores.work(units),
            "backpropScores" => passes.backprop_scores.work(units),
            _ => return Err(no_such_view(view)),
        };
        Ok(spent as f64)
    }

    /// Whether `view`'s pass is under way.
    #[wasm_bindgen(js_name = viewBusy)]
    pub fn view_busy(&self, view: &str) -> Result<bool, JsError> {
        let passes = &self.passes;
        Ok(match view {
            "map" => passes.map.busy(),
            "backpropMap" => passes.backprop_map.busy(),
            "unitMap" => passes.unit_map.busy(),
            "outputs" => passes.outputs.busy(),
            "scores" => passes.scores.busy(),
            "backpropScores" => passes.backprop_scores.busy(),
            _ => return Err(no_such_view(view)),
        })
    }

    /// Side of the map `view` shows ("map", "backpropMap", "unitMap"); 0 until its first pass ends.
    #[wasm_bindgen(js_name = viewMapSize)]
    pub fn view_map_size(&self, view: &str) -> Result<usize, JsError> {
        let passes = &self.passes;
        Ok(match view {
            "map" => passes.map.shown_size(),
            "backpropMap" => passes.backprop_map.shown_size(),
            "unitMap" => passes.unit_map.shown_size(),
            _ => return Err(no_such_view(view)),
        })
    }

    /// RGBA bytes of the map `view` shows, as `decisionMap` colours them: for
    /// "map" and "backpropMap" the most probable class of a one-hot task, else
    /// the first output; a unit's own output for "unitMap". `output`, given
    /// for "map", shows that output's probability alone. Empty until the first
    /// pass ends.
    #[wasm_bindgen(js_name = viewMapPixels)]
    pub fn view_map_pixels(
        &mut self,
        view: &str,
        output: Option<usize>,
    ) -> Result<Uint8Array, JsError> {
        let argmax = self.session.run().config().task.scoring() == Scoring::Argmax;
        let by_class = move |values: &[f64]| {
            if argmax {
                let (class, p) = most_probable(values);
                class_colour(class, p)
            } else {
                colour(values[0])
            }
        };
        let outputs = self.session.run().networks().len();
        let passes = &mut self.passes;
        let pixels = match (view, output) {
            ("map", None) => passes.map.paint(by_class),
            ("map", Some(k)) if k < outputs => passes.map.paint(|values| colour(values[k])),
            ("map", Some(_)) => return Err(JsError::new("output: no such output")),
            ("backpropMap", _) => passes.backprop_map.paint(by_class),
            ("unitMap", _) => passes.unit_map.paint(|values| colour(values[0])),
            _ => return Err(no_such_view(view)),
        };
        // SAFETY: as for `f64_view`.
        Ok(unsafe { Uint8Array::view(pixels) })
    }

    /// RGBA bytes of a layer of the viewed output's network as its heatmap
    /// (see [`paint_weights`]): a pixel per weight, a row per source, in the
    /// colours `background`, `positive` and `negative` (`0xRRGGBB`).
    #[wasm_bindgen(js_name = layerHeatmap)]
    pub fn layer_heatmap(
        &mut self,
        layer: usize,
        background: u32,
        positive: u32,
        negative: u32,
    ) -> Result<Uint8Array, JsError> {
        let layers = self.session.run().networks()[self.viewed].layers();
        let weights = layers
            .get(layer)
            .ok_or_else(|| JsError::new("layer: no such layer"))?
            .weights();
        let into = &mut self.passes.heatmap;
        paint_weights(weights, rgb(background), rgb(positive), rgb(negative), into);
        // SAFETY: as for `f64_view`.
        Ok(unsafe { Uint8Array::view(into) })
    }

    /// Indices (`source * units + unit`) of the `count` connections of largest
    /// |w| in a layer of the viewed output's network, in index order; all of
    /// them when there are no more.
    #[wasm_bindgen(js_name = layerStrongest)]
    pub fn layer_strongest(&self, layer: usize, count: usize) -> Result<Vec<u32>, JsError> {
        let layers = self.session.run().networks()[self.viewed].layers();
        let weights = layers
            .get(layer)
            .ok_or_else(|| JsError::new("layer: no such layer"))?
            .weights();
        let mut picked = Vec::with_capacity(count.min(weights.len()));
        strongest(weights, count, &mut picked);
        Ok(picked)
    }

    /// The training patterns' outputs of the last "outputs" pass that ended,
    /// laid out as `patternOutputs` (empty until then), as a view over wasm memory.
    #[wasm_bindgen(js_name = viewOutputs)]
    pub fn view_outputs(&self) -> Float64Array {
        f64_view(self.passes.outputs.shown_values())
    }

    /// `[train loss, train accuracy, test loss, test accuracy]` of the last
    /// scores pass of `view` ("scores", "backpropScores") that ended, as
    /// `scores()` gives them for the weights it started from; NaN until then.
    #[wasm_bindgen(js_name = viewScores)]
    pub fn view_scores(&self, view: &str) -> Result<Vec<f64>, JsError> {
        Ok(match view {
            "scores" => self.passes.scores.shown(),
            "backpropScores" => self.passes.backprop_scores.shown(),
            _ => return Err(no_such_view(view)),
        }
        .to_vec())
    }
}
