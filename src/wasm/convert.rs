//! Plain JS objects to and from the engine's configuration and model files.
//!
//! Read by hand with js-sys rather than through serde-wasm-bindgen: serde's
//! deserialisers carry its error formatting (its `Unexpected` prints floats),
//! and with the derived visitors they added 17 KB gzipped to the page's 74 KB of
//! wasm and glue when measured on 2026-11-29 (docs/speed.md, "Why the JS
//! boundary is read by hand"); nor would their messages name the field.
//! Writing goes through serde-wasm-bindgen, which costs 3.4 KB.
//! The checks that matter (names, limits, signs, lengths) stay in the engine:
//! what is read here takes its field names and kinds from the parameter schema
//! and goes through `Config::validate` and `EdRun::from_model_file`, as the
//! CLI's input does.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::io::model::ModelFile;
use crate::settings::config::Config;
use crate::settings::params::Params;
use crate::settings::schema::{Kind, Param, Value, PARAMS};

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
                .ok_or_else(|| format!("{name}: {}; got {t:?}", param.must()))
        }
        Kind::Number { .. } => number(name, v).map(Value::Number),
        Kind::Whole { min, max } => match whole(name, v)? {
            n if (min..=max).contains(&n) => Ok(Value::Whole(n)),
            n => Err(format!("{name}: must be {min} to {max}, got {n}")),
        },
        Kind::Layers => counts(name, v).map(Value::Layers),
        Kind::Flag => flag(name, v).map(Value::Flag),
        Kind::Changes => Err(format!("{name}: not a field of a configuration")),
    }
}

/// Reads the configuration fields `obj` holds (own properties, no others
/// allowed); `required` says what a field that is absent means.
fn config_fields(
    obj: &JsValue,
    required: impl Fn(&Param) -> bool,
) -> Read<Vec<(&'static Param, Value)>> {
    let names: Vec<&str> = config_params().map(|p| p.name).collect();
    check_keys(obj, "config", &names)?;
    let mut values = Vec::new();
    for param in config_params() {
        match get(obj, param.name) {
            Some(v) => values.push((param, field_value(param, &v)?)),
            None if required(param) => return Err(format!("{}: missing", param.name)),
            None => {}
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
    let values = config_fields(obj, |_| false)?;
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

/// The model file as a plain object, field for field as serde writes it natively.
pub fn model_object(file: &ModelFile) -> Object {
    object(file)
}
