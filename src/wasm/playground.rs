//! The page's module: a thin shell over [`Session`] that hands the page
//! zero-copy views of weights, outputs and history. No learning logic lives here.

use js_sys::{Float64Array, Uint8Array};
use wasm_bindgen::prelude::*;

use super::convert;
use crate::ed::Loss;
use crate::settings::params::MAX_SPEED;
use crate::train::session::Session;
use crate::train::Budget;
use crate::train::EdRun;
use crate::train::{Run, SubNetwork};
use crate::view::decision_map::DecisionMap;

/// The largest whole number a JS number holds exactly.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// A live ED training run for the page.
#[wasm_bindgen]
pub struct Playground {
    pub(super) session: Session,
    pub(super) outputs: Vec<f64>,
    pub(super) map: DecisionMap,
    pub(super) bp_map: DecisionMap,
    /// The views computed a slice at a time.
    pub(super) passes: super::views::Passes,
    /// The output whose sub-network the weight views show.
    pub(super) viewed: usize,
}

/// The most epochs one `step` call trains: a hundred frames at the page's top
/// speed. A bound keeps a mistaken count (-1 read as 2^32 - 1, 1e10) from
/// hanging the tab; a longer run is several calls.
pub const MAX_STEP_EPOCHS: u32 = 100 * MAX_SPEED as u32;

pub(super) fn index(name: &str, x: f64, len: usize) -> Result<usize, JsError> {
    convert::index_arg(name, x, len).map_err(|e| JsError::new(&e))
}

impl Playground {
    /// Layer `layer` (a JS number) of output `output`'s network.
    pub(super) fn layer(&self, output: usize, layer: f64) -> Result<&crate::ed::Layer, JsError> {
        let layers = self.session.run().networks()[output].layers();
        Ok(&layers[index("layer", layer, layers.len())?])
    }

    pub(super) fn output_index(&self, output: f64) -> Result<usize, JsError> {
        index("output", output, self.session.run().networks().len())
    }

    pub(super) fn from_session(session: Session) -> Playground {
        let data = session.run().dataset();
        let outputs = vec![0.0; data.len() * data.n_outputs];
        Playground {
            session,
            outputs,
            map: DecisionMap::default(),
            bp_map: DecisionMap::default(),
            passes: super::views::Passes::default(),
            viewed: 0,
        }
    }
}

/// A view over wasm memory: valid until the next call that may grow memory, so
/// the page takes fresh views every frame instead of keeping them.
pub(super) fn f64_view(data: &[f64]) -> Float64Array {
    // SAFETY: the view is handed straight to JS, which reads it before calling
    // back into wasm (the page's frame loop), so memory cannot move under it.
    unsafe { Float64Array::view(data) }
}

#[wasm_bindgen]
impl Playground {
    /// `config`: `{ task, loss, hidden, lr, seed, rule, bits, ... }`; missing
    /// fields take the seed's setting. Throws an Error naming a bad field.
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> Result<Playground, JsError> {
        let config = convert::config(&config).map_err(|e| JsError::new(&e))?;
        Ok(Playground::from_session(Session::new(config)))
    }

    /// The run a model file holds, from the parts the files module reads it
    /// into (`modelFromFile`, src/wasm/files.rs): `{ config, epoch, loss,
    /// weights }`, checked as a file is (src/train/parts.rs), the weights'
    /// length before they are copied.
    #[wasm_bindgen(js_name = fromModelParts)]
    pub fn from_model_parts(
        #[wasm_bindgen(unchecked_param_type = "ModelParts")] parts: &JsValue,
    ) -> Result<Playground, JsError> {
        let (config, layers, epoch, loss) =
            convert::model_parts(parts).map_err(|e| JsError::new(&e))?;
        let run = EdRun::from_layers(config, layers, epoch, loss);
        Ok(Playground::from_session(Session::resume(run)))
    }

    /// The run as the parts of its model file, for the files module's
    /// `modelToText`: saved mid-epoch, the last epoch that ended. The weights
    /// are a copy, not a view.
    #[wasm_bindgen(js_name = modelParts, unchecked_return_type = "ModelParts")]
    pub fn model_parts(&self) -> js_sys::Object {
        let run = self.session.finished_run();
        convert::model_parts_object(
            run.config(),
            run.epoch(),
            run.last_loss(),
            &run.flat_weights(),
        )
    }

    /// The resolved configuration as a plain object.
    pub fn config(&self) -> js_sys::Object {
        convert::config_object(self.session.run().config())
    }

    /// Trains `epochs` whole epochs, 0 to [`MAX_STEP_EPOCHS`]; returns the
    /// last epoch's mean loss (NaN before the first epoch). Stops early, for
    /// good, if training diverges. Anything but a whole number in that range
    /// is refused before any training (taken as a JS number, so -1 or 2^32 + 3
    /// cannot wrap into another count).
    pub fn step(&mut self, epochs: f64) -> Result<f64, JsError> {
        let epochs =
            convert::whole_arg("epochs", epochs, MAX_STEP_EPOCHS).map_err(|e| JsError::new(&e))?;
        Ok(self.session.step(epochs).unwrap_or(f64::NAN))
    }

    /// Trains until `epochs` epochs have ended (the one under way counts) or
    /// `units` units of work are spent (a unit is one pattern through one
    /// sub-network, trained or evaluated; at least one pattern is trained),
    /// whichever comes first; returns the units spent. The page gives each
    /// frame the units its time budget buys, so an epoch longer than a frame
    /// is spread over frames; the weights are those of uninterrupted training,
    /// bit for bit, and the history and `epoch` count whole epochs only.
    /// `epochs` as for `step`; `units` a whole number from 1 to 2^53 - 1.
    pub fn train(&mut self, epochs: f64, units: f64) -> Result<f64, JsError> {
        let epochs =
            convert::whole_arg("epochs", epochs, MAX_STEP_EPOCHS).map_err(|e| JsError::new(&e))?;
        if !(1.0..=MAX_SAFE_INTEGER).contains(&units) || units.fract() != 0.0 {
            return Err(JsError::new(
                "units: must be a whole number from 1 to 2^53 - 1",
            ));
        }
        let mut budget = Budget::new(units as u64);
        self.session.train(epochs, &mut budget);
        Ok(budget.spent() as f64)
    }

    /// Whether an epoch is under way, stopped between patterns by `train`'s
    /// budget: `epoch` counts the epochs ended, and a loss or rate set now
    /// takes effect when this one ends.
    #[wasm_bindgen(getter, js_name = midEpoch)]
    pub fn mid_epoch(&self) -> bool {
        self.session.mid_epoch()
    }

    /// The epoch count at which a loss or rate set now takes effect: `epoch`,
    /// or `epoch + 1` while an epoch is under way.
    #[wasm_bindgen(getter, js_name = changeEpoch)]
    pub fn change_epoch(&self) -> f64 {
        self.session.change_epoch() as f64
    }

    #[wasm_bindgen(getter)]
    pub fn epoch(&self) -> f64 {
        self.session.epoch() as f64
    }

    /// The last finite epoch loss, NaN before the first epoch.
    #[wasm_bindgen(getter)]
    pub fn loss(&self) -> f64 {
        self.session.last_loss().unwrap_or(f64::NAN)
    }

    /// Starts plain backprop racing this run on the same network shape (see
    /// `BackpropRun::new`); only at epoch 0.
    #[wasm_bindgen(js_name = addBackprop)]
    pub fn add_backprop(&mut self) -> Result<(), JsError> {
        self.session.add_backprop().map_err(JsError::new)
    }

    /// Whether backprop races this run.
    #[wasm_bindgen(getter)]
    pub fn racing(&self) -> bool {
        self.session.backprop().is_some()
    }

    /// The map of one output alone: a class of spiral3, a bit of the adder's sum.
    #[wasm_bindgen(js_name = decisionMapOutput)]
    pub fn decision_map_output(&mut self, size: usize, output: f64) -> Result<Uint8Array, JsError> {
        let output = self.output_index(output)?;
        let pixels = self.map.render_output(self.session.run_mut(), size, output);
        // SAFETY: as for `f64_view`.
        Ok(unsafe { Uint8Array::view(pixels) })
    }

    /// Number of outputs, each with its own sub-network (Kaneko's way).
    #[wasm_bindgen(getter, js_name = outputCount)]
    pub fn output_count(&self) -> usize {
        self.session.run().networks().len()
    }

    /// Inputs of the test points, pattern-major (empty for a task without them).
    #[wasm_bindgen(js_name = testInputs)]
    pub fn test_inputs(&self) -> Vec<f64> {
        self.session
            .run()
            .test_set()
            .map(|d| (0..d.len()).flat_map(|k| d.input(k).to_vec()).collect())
            .unwrap_or_default()
    }

    #[wasm_bindgen(js_name = testTargets)]
    pub fn test_targets(&self) -> Vec<f64> {
        self.session
            .run()
            .test_set()
            .map(|d| (0..d.len()).flat_map(|k| d.target(k).to_vec()).collect())
            .unwrap_or_default()
    }

    /// Output probability for a two-input pattern, on a task of two inputs
    /// and one output (an Error on any other).
    pub fn forward(&mut self, x0: f64, x1: f64) -> Result<f64, JsError> {
        let data = self.session.run().dataset();
        if (data.n_inputs, data.n_outputs) != (2, 1) {
            return Err(JsError::new(&format!(
                "forward: takes a task of 2 inputs and 1 output; this one has {} and {}",
                data.n_inputs, data.n_outputs
            )));
        }
        let mut out = [0.0];
        self.session.run_mut().predict(&[x0, x1], &mut out);
        Ok(out[0])
    }

    /// `name`: one of the schema's losses ("mse", "bce", "bce-with-logits");
    /// anything else, of any type, is an Error that lists them, in the words
    /// the schema refuses a link's `loss=` with.
    #[wasm_bindgen(js_name = setLoss)]
    pub fn set_loss(&mut self, name: &JsValue) -> Result<(), JsError> {
        let loss = name.as_string().and_then(|n| Loss::from_name(&n));
        let loss = loss.ok_or_else(|| {
            let must = crate::settings::schema::param("loss").map(|p| p.must());
            JsError::new(&format!("loss: {}", must.unwrap_or_default()))
        })?;
        self.session.set_loss(loss);
        Ok(())
    }

    #[wasm_bindgen(js_name = setLearningRate)]
    pub fn set_learning_rate(&mut self, lr: f64) -> Result<(), JsError> {
        self.session
            .set_lr(lr)
            .map_err(|e| JsError::new(&e.to_string()))
    }

    #[wasm_bindgen(js_name = layerCount)]
    pub fn layer_count(&self) -> usize {
        self.session.run().networks()[0].layers().len()
    }

    /// `[sources, units]` of a layer; sources include Kaneko's two bias units.
    #[wasm_bindgen(js_name = layerShape)]
    pub fn layer_shape(&self, layer: f64) -> Result<Vec<u32>, JsError> {
        let l = self.layer(self.viewed, layer)?;
        Ok(vec![l.inputs() as u32, l.outputs() as u32])
    }

    /// Input-major weights of a layer of the viewed output's network
    /// (`w[source * units + unit]`), as a view over wasm memory.
    #[wasm_bindgen(js_name = layerWeights)]
    pub fn layer_weights(&self, layer: f64) -> Result<Float64Array, JsError> {
        Ok(f64_view(self.layer(self.viewed, layer)?.weights()))
    }

    /// Which output's sub-network `layerWeights` shows (several-output tasks).
    #[wasm_bindgen(js_name = viewOutput)]
    pub fn view_output(&mut self, output: f64) -> Result<(), JsError> {
        self.viewed = self.output_index(output)?;
        Ok(())
    }

    /// The current output probability for each training pattern.
    #[wasm_bindgen(js_name = patternOutputs)]
    pub fn pattern_outputs(&mut self) -> Float64Array {
        // The reader's own points change in number (www/points.js).
        let data = self.session.run().dataset();
        self.outputs.resize(data.len() * data.n_outputs, 0.0);
        self.session
            .run_mut()
            .pattern_outputs_into(&mut self.outputs);
        f64_view(&self.outputs)
    }

    /// Inputs of the training patterns, pattern-major.
    #[wasm_bindgen(js_name = patternInputs)]
    pub fn pattern_inputs(&self) -> Vec<f64> {
        let d = self.session.run().dataset();
        (0..d.len()).flat_map(|k| d.input(k).to_vec()).collect()
    }

    #[wasm_bindgen(js_name = patternTargets)]
    pub fn pattern_targets(&self) -> Vec<f64> {
        let d = self.session.run().dataset();
        (0..d.len()).flat_map(|k| d.target(k).to_vec()).collect()
    }

    /// RGBA bytes of what one unit of the viewed output's ED network emits over
    /// the input square, as `decisionMap` (the last layer is the output unit).
    #[wasm_bindgen(js_name = unitMap)]
    pub fn unit_map(&mut self, size: usize, layer: f64, unit: f64) -> Result<Uint8Array, JsError> {
        let units = self.layer(self.viewed, layer)?.outputs();
        let (layer, unit) = (layer as usize, index("unit", unit, units)?);
        let pixels = self.map.render_unit(
            self.session.run_mut(),
            size.clamp(2, 256),
            self.viewed,
            layer,
            unit,
        );
        // SAFETY: as for `f64_view`.
        Ok(unsafe { Uint8Array::view(pixels) })
    }

    /// A fresh seed from the browser's crypto source, below 2^53 so a JS number
    /// holds it exactly.
    #[wasm_bindgen(js_name = randomSeed)]
    pub fn random_seed() -> Result<f64, JsError> {
        let mut bytes = [0u8; 8];
        getrandom::fill(&mut bytes).map_err(|e| JsError::new(&format!("no random source: {e}")))?;
        Ok((u64::from_le_bytes(bytes) >> 11) as f64)
    }
}

pub(super) fn scores_of<N: SubNetwork>(run: &mut Run<N>) -> Vec<f64> {
    let train = run.evaluate_train();
    let test = run.evaluate_test();
    vec![
        train.mean_loss,
        train.accuracy,
        test.map_or(f64::NAN, |e| e.mean_loss),
        test.map_or(f64::NAN, |e| e.accuracy),
    ]
}
