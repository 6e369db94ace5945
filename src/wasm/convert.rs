//! Plain JS objects to and from the engine's configuration and model files.
//!
//! Read by hand with js-sys rather than through serde-wasm-bindgen: serde's
//! deserialisers carry its error formatting (its `Unexpected` prints floats),
//! and with the derived visitors they added 17 KB gzipped to the page's 74 KB of
//! wasm and glue when measured on 2026-11-29 (docs/speed.md, "Why the JS
//! boundary is read by hand"); nor would their messages name the field.
//! Writing goes through serde-wasm-bindgen, which costs 3.4 KB.
//! The checks that matter (names, limits, signs, lengths) stay in the engine:
//! what is read here goes through `ConfigInput::resolve`, `Config::validate`
//! and `EdRun::from_model_file`, as the CLI's input does.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::ed::Loss;
use crate::io::model::ModelFile;
use crate::settings::config::{Config, ConfigInput, RuleName};
use crate::task::{Task, DEFAULT_NOISE, DEFAULT_POINTS, DEFAULT_TEST_FRACTION};

pub const CONFIG_FIELDS: [&str; 15] = [
    "task",
    "bits",
    "loss",
    "hidden",
    "lr",
    "seed",
    "rule",
    "u0",
    "u1",
    "beta",
    "init_range",
    "shuffle",
    "points",
    "noise",
    "test_fraction",
];
const MODEL_FIELDS: [&str; 6] = ["format", "version", "config", "epoch", "loss", "networks"];
/// The largest integer a JS number holds exactly.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

type Read<T> = Result<T, String>;

/// A field's value, or `None` when it is absent, `undefined` or `null`.
pub(super) fn get(obj: &JsValue, name: &str) -> Option<JsValue> {
    let value = Reflect::get(obj, &JsValue::from_str(name)).ok()?;
    (!value.is_undefined() && !value.is_null()).then_some(value)
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

fn counts(name: &str, v: &JsValue) -> Read<Vec<usize>> {
    if !Array::is_array(v) {
        return Err(format!(
            "{name}: must be a list of whole numbers, e.g. [8, 8]"
        ));
    }
    Array::from(v).iter().map(|x| count(name, &x)).collect()
}

fn flag(name: &str, v: &JsValue) -> Read<bool> {
    v.as_bool()
        .ok_or_else(|| format!("{name}: must be true or false"))
}

fn numbers(name: &str, v: &JsValue) -> Read<Vec<f64>> {
    if !Array::is_array(v) {
        return Err(format!("{name}: must be a list of numbers"));
    }
    Array::from(v).iter().map(|x| number(name, &x)).collect()
}

fn list(name: &str, v: &JsValue) -> Read<Array> {
    if Array::is_array(v) {
        Ok(Array::from(v))
    } else {
        Err(format!("{name}: must be a list"))
    }
}

pub(super) fn check_keys(obj: &JsValue, what: &str, allowed: &[&str]) -> Read<()> {
    if !obj.is_object() || Array::is_array(obj) {
        return Err(format!("{what}: must be a plain object"));
    }
    for key in Object::keys(obj.unchecked_ref::<Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !allowed.contains(&key.as_str()) {
            return Err(format!(
                "{key}: unknown field; allowed fields are {}",
                allowed.join(", ")
            ));
        }
    }
    Ok(())
}

/// `new Playground(config)`: any subset of the fields, each of the right type.
pub fn config_input(obj: &JsValue) -> Read<ConfigInput> {
    if obj.is_undefined() || obj.is_null() {
        return Ok(ConfigInput::default());
    }
    check_keys(obj, "config", &CONFIG_FIELDS)?;
    let read = |name: &'static str, f: fn(&str, &JsValue) -> Read<f64>| {
        get(obj, name).map(|v| f(name, &v)).transpose()
    };
    Ok(ConfigInput {
        task: get(obj, "task").map(|v| text("task", &v)).transpose()?,
        bits: get(obj, "bits").map(|v| count("bits", &v)).transpose()?,
        loss: get(obj, "loss").map(|v| text("loss", &v)).transpose()?,
        hidden: get(obj, "hidden")
            .map(|v| counts("hidden", &v))
            .transpose()?,
        lr: read("lr", number)?,
        seed: get(obj, "seed").map(|v| whole("seed", &v)).transpose()?,
        rule: get(obj, "rule").map(|v| text("rule", &v)).transpose()?,
        u0: read("u0", number)?,
        u1: read("u1", number)?,
        beta: read("beta", number)?,
        init_range: read("init_range", number)?,
        shuffle: get(obj, "shuffle")
            .map(|v| flag("shuffle", &v))
            .transpose()?,
        points: get(obj, "points")
            .map(|v| count("points", &v))
            .transpose()?,
        noise: read("noise", number)?,
        test_fraction: read("test_fraction", number)?,
    })
}

/// A model file's configuration: every field present (`beta` may be null),
/// except the 2-D tasks' three, which files from before them lack.
fn file_config(obj: &JsValue) -> Read<Config> {
    check_keys(obj, "config", &CONFIG_FIELDS)?;
    let need = |name: &str| get(obj, name).ok_or_else(|| format!("config.{name}: missing"));
    let name_of = |field: &str| text(field, &need(field)?);
    let config = Config {
        task: Task::from_name(&name_of("task")?).ok_or("config.task: unknown task")?,
        bits: count("bits", &need("bits")?)?,
        loss: Loss::from_name(&name_of("loss")?).ok_or("config.loss: unknown loss")?,
        hidden: counts("hidden", &need("hidden")?)?,
        lr: number("lr", &need("lr")?)?,
        seed: whole("seed", &need("seed")?)?,
        rule: RuleName::from_name(&name_of("rule")?).ok_or("config.rule: unknown rule")?,
        u0: number("u0", &need("u0")?)?,
        u1: number("u1", &need("u1")?)?,
        beta: get(obj, "beta").map(|v| number("beta", &v)).transpose()?,
        init_range: number("init_range", &need("init_range")?)?,
        shuffle: flag("shuffle", &need("shuffle")?)?,
        points: match get(obj, "points") {
            Some(v) => count("points", &v)?,
            None => DEFAULT_POINTS,
        },
        noise: match get(obj, "noise") {
            Some(v) => number("noise", &v)?,
            None => DEFAULT_NOISE,
        },
        test_fraction: match get(obj, "test_fraction") {
            Some(v) => number("test_fraction", &v)?,
            None => DEFAULT_TEST_FRACTION,
        },
    };
    config.validate().map_err(|e| format!("config {e}"))?;
    Ok(config)
}

/// The parsed JSON of a model file, field by field; `EdRun::from_model_file`
/// then checks it against itself as it does for the CLI.
pub fn model_file(obj: &JsValue) -> Read<ModelFile> {
    check_keys(obj, "model", &MODEL_FIELDS)?;
    let need = |name: &str| get(obj, name).ok_or_else(|| format!("{name}: missing"));
    let mut networks = Vec::new();
    for (n, net) in list("networks", &need("networks")?)?.iter().enumerate() {
        let layers = list(&format!("networks[{n}]"), &net)?;
        let layers = layers
            .iter()
            .enumerate()
            .map(|(l, w)| numbers(&format!("networks[{n}][{l}]"), &w));
        networks.push(layers.collect::<Read<Vec<_>>>()?);
    }
    Ok(ModelFile {
        format: text("format", &need("format")?)?,
        version: u32::try_from(whole("version", &need("version")?)?)
            .map_err(|_| "version: too large")?,
        config: file_config(&need("config")?)?,
        epoch: whole("epoch", &need("epoch")?)?,
        loss: get(obj, "loss").map(|v| number("loss", &v)).transpose()?,
        networks,
    })
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

/// The model file as a plain object, field for field as serde writes it natively.
pub fn model_object(file: &ModelFile) -> Object {
    object(file)
}
