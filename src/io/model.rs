//! Model files: a training run saved as JSON (configuration, weights, epoch and a
//! format version), and loading that refuses anything inconsistent with a message
//! that names the problem.

use serde::{Deserialize, Serialize};

use crate::ed::{Layer, Network};
use crate::settings::config::Config;
use crate::train::EdRun;

pub const FORMAT: &str = "ed-playground-model";
pub const VERSION: u32 = 1;
/// Checked before parsing. The largest valid model (4 layers of 256 units) is
/// about 4 MB of JSON.
pub const MAX_MODEL_BYTES: usize = 8 * 1024 * 1024;

/// The file's structure. Native code reads and writes it with serde_json; the
/// page lets the browser's own `JSON` do the text and hands the parsed object to
/// serde, which keeps a JSON parser and printer out of the wasm module.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelFile {
    pub format: String,
    pub version: u32,
    pub config: Config,
    pub epoch: u64,
    /// The last epoch's mean loss, so a loaded run reports where it stood.
    /// Optional: files written before it was added load without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loss: Option<f64>,
    /// `networks[output][layer]`: the layer's input-major weights.
    pub networks: Vec<Vec<Vec<f64>>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelError(pub String);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid model file: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

fn refuse<T>(message: impl Into<String>) -> Result<T, ModelError> {
    Err(ModelError(message.into()))
}

/// Refuses a text over [`MAX_MODEL_BYTES`] before anything parses it.
pub fn check_size(text: &str) -> Result<(), ModelError> {
    if text.len() > MAX_MODEL_BYTES {
        return refuse(format!(
            "the file is {} bytes, over the limit of {MAX_MODEL_BYTES}",
            text.len()
        ));
    }
    Ok(())
}

impl EdRun {
    /// Refuses a run whose weights are not all finite: JSON cannot hold them.
    pub fn to_json(&self) -> Result<String, ModelError> {
        let file = self.to_model_file()?;
        serde_json::to_string_pretty(&file)
            .or_else(|e| refuse(format!("cannot write the model: {e}")))
    }

    pub fn from_json(text: &str) -> Result<EdRun, ModelError> {
        check_size(text)?;
        let file: ModelFile =
            serde_json::from_str(text).or_else(|e| refuse(format!("not a model: {e}")))?;
        EdRun::from_model_file(file)
    }

    pub fn to_model_file(&self) -> Result<ModelFile, ModelError> {
        let finite = self
            .networks()
            .iter()
            .flat_map(|n| n.layers())
            .all(|l| l.weights().iter().all(|w| w.is_finite()));
        if !finite {
            return refuse(
                "the run has non-finite weights (it diverged), so there is no model to save",
            );
        }
        Ok(ModelFile {
            format: FORMAT.to_string(),
            version: VERSION,
            config: self.config().clone(),
            epoch: self.epoch(),
            loss: self.last_loss(),
            networks: self
                .networks()
                .iter()
                .map(|net| net.layers().iter().map(|l| l.weights().to_vec()).collect())
                .collect(),
        })
    }

    /// Checks a parsed file against itself: format, version, configuration,
    /// layer count and sizes, and every weight's sign and finiteness.
    pub fn from_model_file(file: ModelFile) -> Result<EdRun, ModelError> {
        if file.format != FORMAT {
            return refuse(format!("format is {:?}, expected {FORMAT:?}", file.format));
        }
        if file.version != VERSION {
            return refuse(format!(
                "unknown version {} (this build reads version {VERSION})",
                file.version
            ));
        }
        file.config
            .validate()
            .or_else(|e| refuse(format!("config {e}")))?;
        if file.loss.is_some_and(|l| !(l.is_finite() && l >= 0.0)) {
            return refuse("loss must be a finite number, 0 or more");
        }
        let config = file.config;
        let outputs = config.task.outputs();
        if file.networks.len() != outputs {
            return refuse(format!(
                "{} networks for a task with {outputs} outputs",
                file.networks.len(),
            ));
        }
        let shape = config.shape(config.task.inputs(config.bits));
        let sizes = shape.layer_sizes();
        let mut networks = Vec::with_capacity(file.networks.len());
        for (n, layers) in file.networks.into_iter().enumerate() {
            if layers.len() != sizes.len() {
                return refuse(format!(
                    "network {n} has {} layers, the config needs {}",
                    layers.len(),
                    sizes.len()
                ));
            }
            let layers = layers
                .into_iter()
                .zip(&sizes)
                .enumerate()
                .map(|(l, (w, &(sources, units)))| {
                    Layer::from_weights(sources, units, w)
                        .or_else(|e| refuse(format!("network {n} layer {l}: {e}")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            networks.push(Network::from_layers(shape.clone(), config.loss, layers));
        }
        let mut trainer = EdRun::from_parts(config, networks, file.epoch);
        trainer.last_loss = file.loss;
        Ok(trainer)
    }
}
