//! The page's parameters (a link's query, an embed's attributes, a typed field)
//! read by the engine's one parameter table, [`crate::params`].

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::settings::params::{Change, ParamError, Params, Value, NAMES};

/// `+text`, which is `Number(text)`: the browser's own number reader, so the
/// module needs none. It cannot throw for a string.
fn js_number(text: &str) -> Option<f64> {
    let v = JsValue::from_str(text).unchecked_into_f64();
    (!v.is_nan()).then_some(v)
}

fn set(obj: &Object, name: &str, value: impl Into<JsValue>) {
    // Setting a data property on a fresh plain object cannot fail.
    let _ = Reflect::set(obj, &JsValue::from_str(name), &value.into());
}

fn counts(values: &[usize]) -> Array {
    values
        .iter()
        .map(|&n| JsValue::from_f64(n as f64))
        .collect()
}

fn value_of(v: &Value) -> JsValue {
    match v {
        Value::Task(t) => t.name().into(),
        Value::Bits(b) => (*b as f64).into(),
        Value::Rule(r) => r.name().into(),
        Value::Loss(l) => l.name().into(),
        Value::Hidden(h) => counts(h).into(),
        Value::Lr(lr) => (*lr).into(),
        Value::Seed(s) => (*s as f64).into(),
        Value::Speed(s) => (*s).into(),
        Value::Paused(p) => (*p).into(),
        Value::U0(v) | Value::U1(v) | Value::Beta(v) | Value::Noise(v) | Value::TestFraction(v) => {
            (*v).into()
        }
        Value::Points(p) => (*p as f64).into(),
        Value::Race(r) => (*r).into(),
        Value::Changes(list) => list
            .iter()
            .map(|c| {
                let obj = Object::new();
                set(&obj, "epoch", c.epoch as f64);
                match c.change {
                    Change::Loss(l) => {
                        set(&obj, "name", "loss");
                        set(&obj, "value", l.name());
                    }
                    Change::Lr(lr) => {
                        set(&obj, "name", "lr");
                        set(&obj, "value", lr);
                    }
                }
                JsValue::from(obj)
            })
            .collect::<Array>()
            .into(),
    }
}

/// The state object the page keeps: one field per name in [`NAMES`].
fn state_object(p: &Params) -> Object {
    let c = &p.config;
    let values = [
        Value::Task(c.task),
        Value::Bits(c.bits),
        Value::Rule(c.rule),
        Value::Loss(c.loss),
        Value::Hidden(c.hidden.clone()),
        Value::Lr(c.lr),
        Value::Seed(c.seed),
        Value::Speed(p.speed),
        Value::Paused(p.paused),
        Value::Changes(p.changes.clone()),
        Value::U0(c.u0),
        Value::U1(c.u1),
    ];
    let more = [
        ("noise", Value::Noise(c.noise)),
        ("test_fraction", Value::TestFraction(c.test_fraction)),
        ("points", Value::Points(c.points)),
        ("race", Value::Race(p.race)),
    ];
    let obj = Object::new();
    for (name, v) in NAMES.iter().zip(&values) {
        set(&obj, name, value_of(v));
    }
    // No bias units is `null`: the seed's network has none.
    set(
        &obj,
        "beta",
        c.beta.map_or(JsValue::NULL, JsValue::from_f64),
    );
    for (name, v) in &more {
        set(&obj, name, value_of(v));
    }
    obj
}

fn problem_object(e: &ParamError) -> Object {
    let obj = Object::new();
    set(&obj, "name", e.name);
    set(&obj, "error", e.message);
    obj
}

/// `pairs`: `[name, text]` lists, as `new URLSearchParams(search)` gives them.
/// Returns `{ state, problems: [{ name, error }] }`; a refused value keeps its default.
#[wasm_bindgen(js_name = parseParams)]
pub fn parse_params(pairs: Array) -> Object {
    let pairs: Vec<(String, String)> = pairs
        .iter()
        .filter_map(|pair| {
            let pair = pair.dyn_into::<Array>().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect();
    let (params, problems) = Params::from_pairs(
        pairs.iter().map(|(n, t)| (n.as_str(), t.as_str())),
        js_number,
    );
    let obj = Object::new();
    set(&obj, "state", state_object(&params));
    set(
        &obj,
        "problems",
        problems.iter().map(problem_object).collect::<Array>(),
    );
    obj
}

/// One parameter's text: `{ value }` or `{ error }` (what it must be).
#[wasm_bindgen(js_name = parseParam)]
pub fn parse_param(name: &str, text: &str) -> Object {
    let obj = Object::new();
    if !NAMES.contains(&name) {
        set(&obj, "error", "is not a parameter");
        return obj;
    }
    match crate::settings::params::parse_value(name, text, js_number) {
        Ok(v) => set(&obj, "value", value_of(&v)),
        Err(e) => set(&obj, "error", e.message),
    }
    obj
}

/// The state with no parameters given: the seed's setting.
#[wasm_bindgen(js_name = defaultParams)]
pub fn default_params() -> Object {
    state_object(&Params::default())
}
