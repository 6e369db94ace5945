//! Plain JS objects to and from the engine's configuration and a model's
//! parts (what crosses between the page's module and the files module), and
//! the checks of the API's other arguments. Each wasm module uses part of this
//! file (src/wasm/mod.rs), hence the `dead_code` allowance below.
//!
//! Read by hand with js-sys rather than through serde-wasm-bindgen: serde's
//! deserialisers carry its error formatting (its `Unexpected` prints floats),
//! and with the derived visitors they added 17 KB gzipped to the page's 74 KB of
//! wasm and glue when measured on 2026-11-29 (docs/speed.md, "Why the JS
//! boundary is read by hand"); nor would their messages name the field.
//! Writing goes through serde-wasm-bindgen, which costs 3.4 KB.
//! The checks that matter (names, limits, signs, lengths) stay in the engine:
//! what is read here takes its field names and kinds from the parameter schema
//! and goes through `Config::validate`, as the CLI's input does. (Model files
//! are text, read by the CLI's own reader, src/io/model.rs, in the files
//! module; what crosses to the page's module is their parts, read here.)
//!
//! An object from JS may be anything: only its own properties are read (what
//! `Object.prototype` holds changes no run), a getter or Proxy trap that
//! throws is an error naming the field (never a default taken silently), and a
//! list's length is checked before any of it is read.

#![cfg_attr(
    not(all(
        feature = "page",
        feature = "files-module",
        feature = "experiment-module"
    )),
    allow(dead_code)
)]

use js_sys::{Array, Float64Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::ed::Layer;
use crate::settings::config::{Config, MAX_HIDDEN_LAYERS};
use crate::settings::params::{quoted, Params};
use crate::settings::schema::{Kind, Lang, Param, Value, PARAMS};

/// The largest integer a JS number holds exactly.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

type Read<T> = Result<T, String>;

// Each of these may run a caller's getter or Proxy trap, which may throw:
// `catch` hands the exception back as an error instead of unwinding through
// the module.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Reflect, js_name = getOwnPropertyDescriptor, catch)]
    fn own_property(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = Reflect, js_name = ownKeys, catch)]
    fn own_keys(target: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    fn reflect_get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
}

/// `+text`, which is `Number(text)`: the browser's own number reader, so the
/// modules need none. It cannot throw for a string.
pub(super) fn js_number(text: &str) -> Option<f64> {
    let v = JsValue::from_str(text).unchecked_into_f64();
    (!v.is_nan()).then_some(v)
}

fn threw(name: &str) -> String {
    format!("{name}: reading it threw an error")
}

/// An own property's value, or `None` when it is absent, `undefined` or `null`.
pub(super) fn get(obj: &JsValue, name: &str) -> Read<Option<JsValue>> {
    let key = JsValue::from_str(name);
    if own_property(obj, &key)
        .map_err(|_| threw(name))?
        .is_undefined()
    {
        return Ok(None);
    }
    let value = reflect_get(obj, &key).map_err(|_| threw(name))?;
    Ok((!value.is_undefined() && !value.is_null()).then_some(value))
}

pub(super) fn text(name: &str, v: &JsValue) -> Read<String> {
    v.as_string()
        .ok_or_else(|| format!("{name}: must be a string"))
}

pub(super) fn number(name: &str, v: &JsValue) -> Read<f64> {
    v.as_f64()
        .ok_or_else(|| format!("{name}: must be a number"))
}

pub(super) fn whole(name: &str, v: &JsValue) -> Read<u64> {
    match v.as_f64() {
        Some(x) if x >= 0.0 && x.fract() == 0.0 && x <= MAX_SAFE_INTEGER => Ok(x as u64),
        _ => Err(format!("{name}: must be a non-negative whole number")),
    }
}

pub(super) fn count(name: &str, v: &JsValue) -> Read<usize> {
    usize::try_from(whole(name, v)?).map_err(|_| format!("{name}: too large"))
}

/// An argument of the API that counts or indexes, from the number JS passes
/// (an integer parameter would wrap -1 to 4294967295 and 2^32 + 3 to 3):
/// refused unless it is a whole number from 0 to `max`.
pub(super) fn whole_arg(name: &str, x: f64, max: u32) -> Read<u32> {
    if x >= 0.0 && x.fract() == 0.0 && x <= f64::from(max) {
        Ok(x as u32)
    } else {
        Err(format!("{name}: must be a whole number from 0 to {max}"))
    }
}

/// An index below `len`, refused as "no such {what}" otherwise.
pub(super) fn index_arg(name: &str, x: f64, len: usize) -> Read<usize> {
    match x {
        x if x >= 0.0 && x.fract() == 0.0 && x < len as f64 => Ok(x as usize),
        _ => Err(format!("{name}: no such {name}")),
    }
}

/// Hidden layer sizes: the list's length is checked before an element is read.
fn counts(name: &str, v: &JsValue) -> Read<Vec<usize>> {
    let must = || format!("{name}: must be a list of whole numbers, e.g. [8, 8]");
    if !is_array(v).map_err(|_| threw(name))? {
        return Err(must());
    }
    let length = reflect_get(v, &"length".into()).map_err(|_| threw(name))?;
    // An array's length is a whole number below 2^32.
    let length = length.as_f64().unwrap_or(0.0) as u32;
    if length as usize > MAX_HIDDEN_LAYERS {
        return Err(format!(
            "{name}: must list 1 to {MAX_HIDDEN_LAYERS} layer sizes, got {length}"
        ));
    }
    (0..length)
        .map(|k| match get(v, &k.to_string())? {
            Some(x) => count(name, &x),
            None => Err(must()),
        })
        .collect()
}

fn flag(name: &str, v: &JsValue) -> Read<bool> {
    v.as_bool()
        .ok_or_else(|| format!("{name}: must be true or false"))
}

/// Refuses anything but a plain object whose own fields are all `allowed`
/// (symbol keys name no field and are passed over).
pub(super) fn check_keys(obj: &JsValue, what: &str, allowed: &[&str]) -> Read<()> {
    if !obj.is_object() || is_array(obj).map_err(|_| threw(what))? {
        return Err(format!("{what}: must be a plain object"));
    }
    let keys = own_keys(obj).map_err(|_| threw(what))?;
    for key in keys.iter().filter_map(|k| k.as_string()) {
        if !allowed.contains(&key.as_str()) {
            return Err(format!(
                "{key}: unknown field; allowed fields are {}",
                allowed.join(", ")
            ));
        }
    }
    Ok(())
}

/// The schema's entries that are fields of a run's configuration.
fn config_params() -> impl Iterator<Item = &'static Param> {
    PARAMS.iter().filter(|p| p.config)
}

/// One field of a configuration object as a value of its entry's kind: the
/// right JS type, and for whole numbers the range (a count past the entry's
/// limits would not survive the cast to a size on wasm32); numbers' ranges are
/// [`Config::validate`]'s to check.
fn field_value(param: &Param, v: &JsValue) -> Read<Value> {
    let name = param.name;
    match param.kind {
        Kind::Choice(options) => {
            let t = text(name, v)?;
            let found = options.iter().find(|o| o.value == t);
            found
                .map(|o| Value::Choice(o.value))
                .ok_or_else(|| format!("{name}: {}; got {}", param.must(), quoted(&t, Lang::En)))
        }
        Kind::Number { .. } => number(name, v).map(Value::Number),
        Kind::Whole { min, max } => match whole(name, v)? {
            n if (min..=max).contains(&n) => Ok(Value::Whole(n)),
            n => Err(format!("{name}: must be {min} to {max}, got {n}")),
        },
        Kind::Layers => counts(name, v).map(Value::Layers),
        Kind::Flag => flag(name, v).map(Value::Flag),
        Kind::Changes | Kind::Points => Err(format!("{name}: not a field of a configuration")),
    }
}

/// Reads the configuration fields `obj` holds (own properties, no others
/// allowed).
fn config_fields(obj: &JsValue) -> Read<Vec<(&'static Param, Value)>> {
    let names: Vec<&str> = config_params().map(|p| p.name).collect();
    check_keys(obj, "config", &names)?;
    let mut values = Vec::new();
    for param in config_params() {
        if let Some(v) = get(obj, param.name)? {
            values.push((param, field_value(param, &v)?));
        }
    }
    Ok(values)
}

/// `new Playground(config)`: any subset of the fields, each of the right
/// type, the rest from the rule's defaults.
pub fn config(obj: &JsValue) -> Read<Config> {
    if obj.is_undefined() || obj.is_null() {
        return Ok(Config::seed_defaults());
    }
    let values = config_fields(obj)?;
    Params::config_from_values(&values).map_err(|e| e.to_string())
}

/// Through serde: the derives write exactly the fields a native file has
/// (`beta` as null when absent), and writing costs the module little; reading
/// stays by hand (see the top of this file).
fn object(value: &impl serde::Serialize) -> Object {
    let writer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    // Fails only for an integer past 2^53, and every one read here is below it.
    value
        .serialize(&writer)
        .expect("a configuration or model of plain fields")
        .unchecked_into()
}

pub fn config_object(c: &Config) -> Object {
    object(c)
}

// The parts' shape, for the page's type check (tsconfig.json).
#[wasm_bindgen(typescript_custom_section)]
const MODEL_PARTS: &str = r#"
/** A run as its model file holds it: what the files module reads a file into
 * and writes a file from, and what `Playground.fromModelParts` takes. */
export interface ModelParts {
  config: Record<string, unknown>;
  epoch: number;
  loss?: number;
  /** Every weight, output by output, layer by layer, each layer input-major. */
  weights: Float64Array;
}
"#;

const PART_FIELDS: [&str; 4] = ["config", "epoch", "loss", "weights"];

/// A run's parts as read: its configuration, its layers (`[output][layer]`),
/// epoch and last loss.
pub type Parts = (Config, Vec<Vec<Layer>>, u64, Option<f64>);

/// `{ config, epoch, loss, weights }` (see `ModelParts` above; `loss` absent
/// when the run has none).
pub fn model_parts_object(
    config: &Config,
    epoch: u64,
    loss: Option<f64>,
    weights: &[f64],
) -> Object {
    let obj = Object::new();
    let set = |name: &str, value: JsValue| {
        // Setting a data property on a fresh plain object cannot fail.
        let _ = Reflect::set(&obj, &JsValue::from_str(name), &value);
    };
    set("config", config_object(config).into());
    // Every epoch a run reaches is below 2^53 (src/io/model.rs).
    set("epoch", JsValue::from_f64(epoch as f64));
    if let Some(loss) = loss {
        set("loss", JsValue::from_f64(loss));
    }
    set("weights", Float64Array::from(weights).into());
    obj
}

/// A run's parts, from either module's side: the configuration read as
/// `new Playground`'s, the epoch a whole number below 2^53, the loss a finite
/// number from 0 (or absent), and the weights a `Float64Array` of the length
/// the configuration needs, measured before it is copied, then checked layer
/// by layer as a model file's are (src/train/parts.rs).
pub fn model_parts(obj: &JsValue) -> Read<Parts> {
    check_keys(obj, "parts", &PART_FIELDS)?;
    let missing = |name: &str| format!("{name}: missing");
    let config = config(&get(obj, "config")?.ok_or_else(|| missing("config"))?)?;
    let epoch = whole(
        "epoch",
        &get(obj, "epoch")?.ok_or_else(|| missing("epoch"))?,
    )?;
    let loss = match get(obj, "loss")? {
        None => None,
        Some(v) => match number("loss", &v)? {
            l if l.is_finite() && l >= 0.0 => Some(l),
            _ => return Err("loss: must be a finite number, 0 or more".into()),
        },
    };
    let weights = get(obj, "weights")?.ok_or_else(|| missing("weights"))?;
    let weights = weights
        .dyn_ref::<Float64Array>()
        .ok_or_else(|| "weights: must be a Float64Array".to_string())?;
    let want = crate::train::parts::weight_count(&config);
    if weights.length() as usize != want {
        return Err(format!(
            "weights: the configuration's networks hold {want}, found {}",
            weights.length()
        ));
    }
    let layers = crate::train::parts::layers_from_flat(&config, &weights.to_vec())?;
    Ok((config, layers, epoch, loss))
}
