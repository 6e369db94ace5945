//! The files module (`pkg/ed_files`, the cargo feature `files-module`): the
//! formats few readers use, loaded the first time one does, so the page's
//! module carries none of them. Stateless translations only, each calling the
//! one implementation the CLI uses:
//! - a model file (src/io/model.rs) to a run's parts and back: the page's
//!   module builds its run from the parts (`Playground.fromModelParts`) and
//!   hands them over to be saved (`modelParts()`), so the hand-off is those
//!   four fields (`ModelParts`, src/wasm/convert.rs), checked on both sides;
//! - the points' CSV files (src/task/own/csv.rs) to a flat set and back.

use js_sys::{Int32Array, Object, Uint8Array};
use wasm_bindgen::prelude::*;

use super::convert::{self, js_number};
use super::points::{points_of, read};
use crate::io::model::{check_size, Model, ModelError, ModelFile};
use crate::task::own;

fn model_error(e: ModelError) -> JsError {
    JsError::new(&e.to_string())
}

fn parts_of(model: Model) -> Object {
    let weights = crate::train::parts::flat_weights(model.networks.iter().map(Vec::as_slice));
    convert::model_parts_object(&model.config, model.epoch, model.loss, &weights)
}

/// A file's bytes as the page hands them (the file picker's), or an Error
/// naming the argument: the one rule of both readers below.
fn file_bytes(bytes: &JsValue) -> Result<&Uint8Array, JsError> {
    bytes
        .dyn_ref::<Uint8Array>()
        .ok_or_else(|| JsError::new("bytes: must be a Uint8Array"))
}

/// A model file from its bytes as read from disk (the page's file picker),
/// by the CLI's reader and rules, its encoding rule included, to the run's
/// parts. The length is checked before the bytes are copied into the module.
#[wasm_bindgen(js_name = modelFromFile, unchecked_return_type = "ModelParts")]
pub fn model_from_file(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] bytes: &JsValue,
) -> Result<Object, JsError> {
    let bytes = file_bytes(bytes)?;
    check_size(bytes.length() as usize).map_err(model_error)?;
    let model = Model::from_file_bytes(&bytes.to_vec(), js_number).map_err(model_error)?;
    Ok(parts_of(model))
}

/// A model file's text (`modelToText`'s or `ed train --save`'s) to the run's
/// parts, by the CLI's reader and rules. The length is checked before the
/// text is copied into the module.
#[wasm_bindgen(js_name = modelFromText, unchecked_return_type = "ModelParts")]
pub fn model_from_text(
    #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
) -> Result<Object, JsError> {
    let text = text
        .dyn_ref::<js_sys::JsString>()
        .ok_or_else(|| JsError::new("text: must be a string"))?;
    // Each UTF-16 unit is at least one byte of UTF-8.
    check_size(text.length() as usize).map_err(model_error)?;
    let model = Model::from_json_with(&String::from(text), js_number).map_err(model_error)?;
    Ok(parts_of(model))
}

/// The model file of a run's parts (`Playground.modelParts()`): the CLI's own
/// writer, so the page saves the very text `ed train --save` writes. Refuses
/// parts that would not load back (non-finite weights, a wrong sign or
/// length), naming why.
#[wasm_bindgen(js_name = modelToText)]
pub fn model_to_text(
    #[wasm_bindgen(unchecked_param_type = "ModelParts")] parts: &JsValue,
) -> Result<String, JsError> {
    let (config, layers, epoch, loss) =
        convert::model_parts(parts).map_err(|e| JsError::new(&e))?;
    let networks = layers
        .iter()
        .map(|net| net.iter().map(|l| l.weights().to_vec()).collect())
        .collect();
    let file = ModelFile::new(config, epoch, loss, networks).map_err(model_error)?;
    file.to_json().map_err(model_error)
}

/// Reads a CSV file's bytes (see `src/task/own/csv.rs`) into a set of
/// `classes` (2 or 3) classes: `{ points }`, or `{ error: { en, ja } }`
/// naming the first bad line. Anything but a `Uint8Array` and 2 or 3 is an
/// Error; the size is checked before the bytes are copied into the module.
#[wasm_bindgen(js_name = pointsFromCsv)]
pub fn points_from_csv(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] bytes: &JsValue,
    classes: f64,
) -> Result<Object, JsError> {
    let bytes = file_bytes(bytes)?;
    if classes != 2.0 && classes != 3.0 {
        return Err(JsError::new("classes: must be 2 or 3"));
    }
    if bytes.length() as usize > own::MAX_CSV_BYTES {
        return Ok(read(Err(own::too_large())));
    }
    Ok(read(own::read_csv(
        &bytes.to_vec(),
        classes as usize,
        js_number,
    )))
}

/// The CSV file of a set: an `Int32Array` of `x, y, class` for each of at
/// most 2,000 points, its length checked before it is copied.
#[wasm_bindgen(js_name = pointsToCsv)]
pub fn points_to_csv(
    #[wasm_bindgen(unchecked_param_type = "Int32Array")] flat: &JsValue,
) -> Result<String, JsError> {
    let flat = flat
        .dyn_ref::<Int32Array>()
        .ok_or_else(|| JsError::new("points: must be an Int32Array"))?;
    if flat.length() as usize > 3 * own::MAX_OWN_POINTS {
        return Err(JsError::new(
            "points: x, y, class for each of at most 2000 points",
        ));
    }
    Ok(own::write_csv(&points_of(&flat.to_vec())?))
}
