//! The wasm-bindgen adapter: a thin shell over [`Session`] that hands the page
//! zero-copy views of weights, outputs and history. No learning logic lives here.

use js_sys::{Array, Float64Array, Uint8Array, JSON};
use wasm_bindgen::prelude::*;

use crate::ed::Loss;
use crate::io::model::{check_size, ModelError};
use crate::train::session::Session;
use crate::train::EdRun;
use crate::train::{Run, SubNetwork};
use crate::view::decision_map::DecisionMap;

mod convert;
#[cfg(feature = "digits-page")]
mod digits;
mod experiment;
mod params;
mod views;

#[cfg(feature = "digits-page")]
pub use digits::DigitsRun;

/// The last panic's message. Under `panic = abort` a panic reaches JS only as a
/// bare `RuntimeError: unreachable`; the page reads this to say what happened.
static LAST_PANIC: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = info.to_string();
        }
    }));
}

/// The message of the panic that stopped the engine, if one did.
#[wasm_bindgen(js_name = lastPanic)]
pub fn last_panic() -> Option<String> {
    let last = LAST_PANIC.lock().ok()?;
    (!last.is_empty()).then(|| last.clone())
}

/// A live ED training run for the page.
#[wasm_bindgen]
pub struct Playground {
    session: Session,
    outputs: Vec<f64>,
    map: DecisionMap,
    bp_map: DecisionMap,
    /// The views computed a slice at a time.
    passes: views::Passes,
    /// The output whose sub-network the weight views show.
    viewed: usize,
}

impl Playground {
    fn from_session(session: Session) -> Playground {
        let data = session.run().dataset();
        let outputs = vec![0.0; data.len() * data.n_outputs];
        Playground {
            session,
            outputs,
            map: DecisionMap::default(),
            bp_map: DecisionMap::default(),
            passes: views::Passes::default(),
            viewed: 0,
        }
    }
}

/// A view over wasm memory: valid until the next call that may grow memory, so
/// the page takes fresh views every frame instead of keeping them.
fn f64_view(data: &[f64]) -> Float64Array {
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

    /// Restores a model file saved by `toJSON` or `ed train --save`.
    #[wasm_bindgen(js_name = fromJSON)]
    pub fn from_json(text: &str) -> Result<Playground, JsError> {
        let refused = |message: String| JsError::new(&ModelError(message).to_string());
        check_size(text).map_err(|e| JsError::new(&e.to_string()))?;
        let parsed = JSON::parse(text).map_err(|e| {
            let why = e
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_default();
            refused(format!("not JSON: {why}"))
        })?;
        let file = convert::model_file(&parsed).map_err(refused)?;
        let trainer = EdRun::from_model_file(file).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Playground::from_session(Session::resume(trainer)))
    }

    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> Result<String, JsError> {
        let file = self
            .session
            .run()
            .to_model_file()
            .map_err(|e| JsError::new(&e.to_string()))?;
        let text = JSON::stringify_with_replacer_and_space(
            &convert::model_object(&file),
            &JsValue::NULL,
            &JsValue::from_f64(2.0),
        )
        .map_err(|_| JsError::new("the model could not be written as JSON"))?;
        Ok(text.into())
    }

    /// The resolved configuration as a plain object.
    pub fn config(&self) -> js_sys::Object {
        convert::config_object(self.session.run().config())
    }

    /// Trains `epochs` epochs; returns the last epoch's mean loss (NaN before the
    /// first epoch). Stops early, for good, if training diverges.
    pub fn step(&mut self, epochs: u32) -> f64 {
        self.session.step(epochs).unwrap_or(f64::NAN)
    }

    #[wasm_bindgen(getter)]
    pub fn epoch(&self) -> f64 {
        self.session.run().epoch() as f64
    }

    /// The last finite epoch loss, NaN before the first epoch.
    #[wasm_bindgen(getter)]
    pub fn loss(&self) -> f64 {
        self.session.last_loss().unwrap_or(f64::NAN)
    }

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

    /// Backprop's last finite epoch loss (NaN without a race or before the first epoch).
    #[wasm_bindgen(getter, js_name = backpropLoss)]
    pub fn backprop_loss(&self) -> f64 {
        self.session
            .backprop()
            .and_then(|b| b.last_loss())
            .unwrap_or(f64::NAN)
    }

    #[wasm_bindgen(getter, js_name = backpropSolvedAt)]
    pub fn backprop_solved_at(&self) -> Option<f64> {
        self.session
            .backprop()
            .and_then(|b| b.solved_at())
            .map(|e| e as f64)
    }

    #[wasm_bindgen(getter, js_name = backpropDivergedAt)]
    pub fn backprop_diverged_at(&self) -> Option<f64> {
        self.session
            .backprop()
            .and_then(|b| b.diverged())
            .map(|d| d.epoch as f64)
    }

    /// Backprop's loss at each history point; NaN where it was not running.
    #[wasm_bindgen(js_name = historyBackpropLosses)]
    pub fn history_backprop_losses(&self) -> Float64Array {
        f64_view(self.session.history().backprop_losses())
    }

    #[wasm_bindgen(js_name = historyBackpropTestLosses)]
    pub fn history_backprop_test_losses(&self) -> Float64Array {
        f64_view(self.session.history().backprop_test_losses())
    }

    /// The test set's loss at each history point; NaN for a task without one.
    #[wasm_bindgen(js_name = historyTestLosses)]
    pub fn history_test_losses(&self) -> Float64Array {
        f64_view(self.session.history().test_losses())
    }

    /// The decision map of the backprop run (empty without a race).
    #[wasm_bindgen(js_name = backpropDecisionMap)]
    pub fn backprop_decision_map(&mut self, size: usize) -> Uint8Array {
        let Some(lane) = self.session.backprop_mut() else {
            return Uint8Array::new_with_length(0);
        };
        let pixels = self.bp_map.render(lane.run_mut(), size);
        // SAFETY: as for `f64_view`.
        unsafe { Uint8Array::view(pixels) }
    }

    /// The map of one output alone: a class of spiral3, a bit of the adder's sum.
    #[wasm_bindgen(js_name = decisionMapOutput)]
    pub fn decision_map_output(
        &mut self,
        size: usize,
        output: usize,
    ) -> Result<Uint8Array, JsError> {
        if output >= self.session.run().networks().len() {
            return Err(JsError::new("output: no such output"));
        }
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

    /// `[trainLoss, trainAccuracy, testLoss, testAccuracy]` of ED now (the test
    /// pair NaN without a test set).
    pub fn scores(&mut self) -> Vec<f64> {
        scores_of(self.session.run_mut())
    }

    /// The same for the racing backprop network; empty without a race.
    #[wasm_bindgen(js_name = backpropScores)]
    pub fn backprop_scores(&mut self) -> Vec<f64> {
        self.session
            .backprop_mut()
            .map_or_else(Vec::new, |lane| scores_of(lane.run_mut()))
    }

    /// Output probability for a two-input pattern.
    pub fn forward(&mut self, x0: f64, x1: f64) -> f64 {
        let mut out = [0.0];
        self.session.run_mut().predict(&[x0, x1], &mut out);
        out[0]
    }

    #[wasm_bindgen(js_name = setLoss)]
    pub fn set_loss(&mut self, name: &str) -> Result<(), JsError> {
        let loss = Loss::from_name(name).ok_or_else(|| {
            JsError::new(&format!(
                "loss: must be \"mse\", \"bce\" or \"bce-with-logits\", got {name:?}"
            ))
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
    pub fn layer_shape(&self, layer: usize) -> Vec<u32> {
        let l = &self.session.run().networks()[0].layers()[layer];
        vec![l.inputs() as u32, l.outputs() as u32]
    }

    /// Input-major weights of a layer of the viewed output's network
    /// (`w[source * units + unit]`), as a view over wasm memory.
    #[wasm_bindgen(js_name = layerWeights)]
    pub fn layer_weights(&self, layer: usize) -> Float64Array {
        f64_view(self.session.run().networks()[self.viewed].layers()[layer].weights())
    }

    /// Which output's sub-network `layerWeights` shows (several-output tasks).
    #[wasm_bindgen(js_name = viewOutput)]
    pub fn view_output(&mut self, output: usize) -> Result<(), JsError> {
        if output >= self.session.run().networks().len() {
            return Err(JsError::new("output: no such output"));
        }
        self.viewed = output;
        Ok(())
    }

    /// The current output probability for each training pattern.
    #[wasm_bindgen(js_name = patternOutputs)]
    pub fn pattern_outputs(&mut self) -> Float64Array {
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

    /// Epochs of the history points.
    #[wasm_bindgen(js_name = historyEpochs)]
    pub fn history_epochs(&self) -> Float64Array {
        f64_view(self.session.history().epochs())
    }

    #[wasm_bindgen(js_name = historyLosses)]
    pub fn history_losses(&self) -> Float64Array {
        f64_view(self.session.history().losses())
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

    /// RGBA bytes of the output over the input square, `size` by `size`, row 0 at
    /// the top (x1 = 1), computed here so the page only blits it.
    #[wasm_bindgen(js_name = decisionMap)]
    pub fn decision_map(&mut self, size: usize) -> Uint8Array {
        let size = size.clamp(2, 256);
        let pixels = self.map.render(self.session.run_mut(), size);
        // SAFETY: as for `f64_view`.
        unsafe { Uint8Array::view(pixels) }
    }

    /// RGBA bytes of what one unit of the viewed output's ED network emits over
    /// the input square, as `decisionMap` (the last layer is the output unit).
    #[wasm_bindgen(js_name = unitMap)]
    pub fn unit_map(
        &mut self,
        size: usize,
        layer: usize,
        unit: usize,
    ) -> Result<Uint8Array, JsError> {
        let layers = self.session.run().networks()[self.viewed].layers();
        let units = layers
            .get(layer)
            .ok_or_else(|| JsError::new("layer: no such layer"))?
            .outputs();
        if unit >= units {
            return Err(JsError::new("unit: no such unit"));
        }
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

fn scores_of<N: SubNetwork>(run: &mut Run<N>) -> Vec<f64> {
    let train = run.evaluate_train();
    let test = run.evaluate_test();
    vec![
        train.mean_loss,
        train.accuracy,
        test.map_or(f64::NAN, |e| e.mean_loss),
        test.map_or(f64::NAN, |e| e.accuracy),
    ]
}
