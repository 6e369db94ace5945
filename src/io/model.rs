//! Model files: a training run saved as JSON (configuration, weights, epoch and a
//! format version), and loading that refuses anything inconsistent with a message
//! that names the problem.
//!
//! One reader and one writer for the CLI and the page (the page hands the
//! file's bytes to its files module, src/wasm/files.rs, which runs this same
//! code; [`super::json`] reads the text), so one set of rules:
//! - the text is UTF-8; a leading UTF-8 byte order mark is skipped (RFC 8259
//!   lets a reader ignore one, and some editors write it); UTF-16 is refused;
//! - an unknown or a repeated field is refused, naming it;
//! - the configuration's fields are read by the parameter schema's kinds and
//!   limits and pass [`Config::validate`], as a link's or the CLI's options do;
//! - epoch and seed are whole numbers up to [`MAX_FILE_INTEGER`], the largest
//!   integer a JS number holds exactly, so a file the CLI writes is one the
//!   page reads (and counters never come near wrapping);
//! - the cheap checks first: everything but the weights is read (the weights
//!   skipped unread) and checked; only then are the weights read, each list of
//!   networks, layers and weights held to what the configuration needs, so no
//!   refused file takes more memory than its text.

use std::fmt;

use serde::Serialize;

use super::json::Reader;
use crate::ed::Layer;
use crate::number::{parse_number_native, NumberParser};
use crate::settings::config::Config;
use crate::settings::params::MAX_PAGE_SEED;
use crate::train::EdRun;

mod read;

pub const FORMAT: &str = "ed-playground-model";
pub const VERSION: u32 = 1;
/// Checked before parsing. The largest valid model (4 layers of 256 units) is
/// about 4 MB of JSON.
pub const MAX_MODEL_BYTES: usize = 8 * 1024 * 1024;
/// The largest epoch and seed a model file holds: 2^53 - 1, as the page's seeds.
pub const MAX_FILE_INTEGER: u64 = MAX_PAGE_SEED;

/// The file's structure, as written (serde_json, natively and in the page's
/// files module); read by [`Model::from_json_with`].
#[derive(Serialize)]
pub struct ModelFile {
    pub format: String,
    pub version: u32,
    pub config: Config,
    pub epoch: u64,
    /// The last epoch's mean loss, so a loaded run reports where it stood.
    /// Optional: files written before it was added load without it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loss: Option<f64>,
    /// `networks[output][layer]`: the layer's input-major weights.
    pub networks: Vec<Vec<Vec<f64>>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelError(pub String);

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid model file: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

fn refuse<T>(message: impl Into<String>) -> Result<T, ModelError> {
    Err(ModelError(message.into()))
}

/// Refuses a file of `bytes` over [`MAX_MODEL_BYTES`] before anything reads it.
pub fn check_size(bytes: usize) -> Result<(), ModelError> {
    if bytes > MAX_MODEL_BYTES {
        return refuse(format!(
            "the file is {bytes} bytes, over the limit of {MAX_MODEL_BYTES}"
        ));
    }
    Ok(())
}

/// A file's bytes as text: UTF-8 only (JSON exchanged between programs is).
fn utf8_text(bytes: &[u8]) -> Result<&str, ModelError> {
    // A UTF-16 byte order mark, or a NUL among the first two bytes (JSON text
    // starts with an ASCII character, which UTF-16 pairs with a zero byte).
    let utf16 = bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || bytes.iter().take(2).any(|&b| b == 0);
    if utf16 {
        return refuse("the text is UTF-16; a model file is UTF-8");
    }
    std::str::from_utf8(bytes).or_else(|e| refuse(format!("not UTF-8 text: {e}")))
}

/// The rule for the counters a file holds, on reading and on writing.
pub fn check_integers(epoch: u64, seed: u64) -> Result<(), ModelError> {
    for (name, value) in [("epoch", epoch), ("config seed", seed)] {
        if value > MAX_FILE_INTEGER {
            return refuse(format!(
                "{name} {value} is over {MAX_FILE_INTEGER} (2^53 - 1), the largest a model file holds"
            ));
        }
    }
    Ok(())
}

/// A model file's contents, read and checked: what a run resumes from (the
/// CLI's `--load`, and the page's Load model through its files module, which
/// hands these on as a run's parts, src/train/parts.rs).
pub struct Model {
    pub config: Config,
    pub epoch: u64,
    /// The last epoch's mean loss, when the file has it.
    pub loss: Option<f64>,
    /// `networks[output][layer]`, each held to the configuration's shape.
    pub networks: Vec<Vec<Layer>>,
}

impl Model {
    /// A model file as read from disk or the page's file picker: its size,
    /// then its encoding, then [`Model::from_json_with`].
    pub fn from_file_bytes(bytes: &[u8], number: NumberParser) -> Result<Model, ModelError> {
        check_size(bytes.len())?;
        Model::from_json_with(utf8_text(bytes)?, number)
    }

    /// Reads a model file's text; `number` reads each number's text (the page
    /// passes the browser's, so its module carries no float parser).
    pub fn from_json_with(text: &str, number: NumberParser) -> Result<Model, ModelError> {
        check_size(text.len())?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = Reader::new(text, number);
        let header = read::header(&mut reader).map_err(ModelError)?;
        let config = header.config;
        let shape = config.shape(config.task.inputs(config.bits));
        let networks = read::networks(
            &mut reader.at(header.networks_at),
            config.task.outputs(),
            &shape.layer_sizes(),
        )
        .map_err(ModelError)?;
        Ok(Model {
            config,
            epoch: header.epoch,
            loss: header.loss,
            networks,
        })
    }
}

impl ModelFile {
    /// The file of a run's parts. Refuses what the file rules refuse to read:
    /// non-finite weights, and an epoch or seed over [`MAX_FILE_INTEGER`].
    pub fn new(
        config: Config,
        epoch: u64,
        loss: Option<f64>,
        networks: Vec<Vec<Vec<f64>>>,
    ) -> Result<ModelFile, ModelError> {
        let finite = networks.iter().flatten().flatten().all(|w| w.is_finite());
        if !finite {
            return refuse(
                "the run has non-finite weights (it diverged), so there is no model to save",
            );
        }
        check_integers(epoch, config.seed)?;
        Ok(ModelFile {
            format: FORMAT.to_string(),
            version: VERSION,
            config,
            epoch,
            loss,
            networks,
        })
    }

    /// The file's text: the one writer, for the CLI's `--save` and the page's
    /// Save model (through its files module) alike.
    pub fn to_json(&self) -> Result<String, ModelError> {
        serde_json::to_string_pretty(self)
            .or_else(|e| refuse(format!("cannot write the model: {e}")))
    }
}

impl EdRun {
    /// Refuses a run whose weights are not all finite: JSON cannot hold them.
    pub fn to_json(&self) -> Result<String, ModelError> {
        self.to_model_file()?.to_json()
    }

    /// [`Model::from_file_bytes`], resumed.
    pub fn from_file_bytes(bytes: &[u8], number: NumberParser) -> Result<EdRun, ModelError> {
        Model::from_file_bytes(bytes, number).map(EdRun::from_model)
    }

    /// [`EdRun::from_json_with`] with Rust's own number reader.
    pub fn from_json(text: &str) -> Result<EdRun, ModelError> {
        EdRun::from_json_with(text, parse_number_native)
    }

    /// [`Model::from_json_with`], resumed.
    pub fn from_json_with(text: &str, number: NumberParser) -> Result<EdRun, ModelError> {
        Model::from_json_with(text, number).map(EdRun::from_model)
    }

    /// The run a checked model resumes as.
    pub fn from_model(model: Model) -> EdRun {
        EdRun::from_layers(model.config, model.networks, model.epoch, model.loss)
    }

    /// Refuses what the file rules refuse to read (see [`ModelFile::new`]).
    pub fn to_model_file(&self) -> Result<ModelFile, ModelError> {
        let networks = self
            .networks()
            .iter()
            .map(|net| net.layers().iter().map(|l| l.weights().to_vec()).collect())
            .collect();
        ModelFile::new(
            self.config().clone(),
            self.epoch(),
            self.last_loss(),
            networks,
        )
    }
}
