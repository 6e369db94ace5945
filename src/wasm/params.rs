//! The page's parameters (a link's query, an embed's attributes, a typed field)
//! read by the engine's one parameter table, [`crate::settings::schema`], and
//! that table itself, from which the page and the element build their fields.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use super::convert::js_number;
use crate::settings::config::RuleName;
use crate::settings::params::{Change, ParamError, Params};
use crate::settings::schema::{Control, Display, Kind, Lang, Param, Text, Value, PARAMS};

fn set(obj: &Object, name: &str, value: impl Into<JsValue>) {
    // Setting a data property on a fresh plain object cannot fail.
    let _ = Reflect::set(obj, &JsValue::from_str(name), &value.into());
}

fn value_of(v: &Value) -> JsValue {
    match v {
        Value::Choice(name) => (*name).into(),
        Value::Number(x) => (*x).into(),
        Value::Whole(n) => (*n as f64).into(),
        Value::Flag(f) => (*f).into(),
        Value::Points(text) => text.as_str().into(),
        // No bias units is `null`: the seed's network has none.
        Value::Absent => JsValue::NULL,
        Value::Layers(h) => h
            .iter()
            .map(|&n| JsValue::from_f64(n as f64))
            .collect::<Array>()
            .into(),
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

/// The state object the page keeps: one field per schema entry, in its order.
fn state_object(p: &Params) -> Object {
    let obj = Object::new();
    for param in &PARAMS {
        set(&obj, param.name, value_of(&(param.get)(p)));
    }
    obj
}

/// A refusal in each language: `{ en, ja }`.
fn said(e: &ParamError) -> Object {
    let obj = Object::new();
    set(&obj, "en", e.message.as_str());
    set(&obj, "ja", e.ja.as_str());
    obj
}

fn problem_object(e: &ParamError) -> Object {
    let obj = Object::new();
    set(&obj, "name", e.name);
    set(&obj, "error", e.message.as_str());
    set(&obj, "message", said(e));
    obj
}

/// `pairs`: `[name, text]` lists, as `new URLSearchParams(search)` gives them.
/// Returns `{ state, problems: [{ name, error, message }] }` (`error` in English,
/// `message` its `{ en, ja }`); a refused value keeps its default.
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

/// One parameter's text: `{ value }` or `{ error, message }` (what it must be:
/// `error` in English, `message` its `{ en, ja }`).
#[wasm_bindgen(js_name = parseParam)]
pub fn parse_param(name: &str, text: &str) -> Object {
    let obj = Object::new();
    if crate::settings::schema::param(name).is_none() {
        set(&obj, "error", "is not a parameter");
        let message = Object::new();
        set(&message, "en", "is not a parameter");
        set(&message, "ja", "パラメータではありません");
        set(&obj, "message", message);
        return obj;
    }
    match crate::settings::params::parse_value(name, text, js_number) {
        Ok(v) => set(&obj, "value", value_of(&v)),
        Err(e) => {
            set(&obj, "message", said(&e));
            set(&obj, "error", e.message);
        }
    }
    obj
}

/// The one of `options` that `typed` most likely meant, or `undefined`: the
/// engine's suggestion for a choice, offered for the element's own names
/// (attributes, `controls` and `views` tokens) too.
#[wasm_bindgen(js_name = nearestName)]
pub fn nearest_name(typed: &str, options: Vec<String>) -> Option<String> {
    crate::settings::params::nearest(typed, options.iter().map(String::as_str)).map(str::to_owned)
}

/// The state with no parameters given: the seed's setting.
#[wasm_bindgen(js_name = defaultParams)]
pub fn default_params() -> Object {
    state_object(&Params::default())
}

/// `{ en, ja }` (a test keeps every text of the table written in both).
fn text(t: Text) -> Object {
    let obj = Object::new();
    set(&obj, "en", t.en);
    set(&obj, "ja", t.ja);
    obj
}

fn entry(p: &Param) -> Object {
    let obj = Object::new();
    set(&obj, "name", p.name);
    // The element's attribute (null: none, `paused` is its `autoplay`).
    set(
        &obj,
        "attribute",
        p.attribute().map_or(JsValue::NULL, JsValue::from),
    );
    let kind = match p.kind {
        Kind::Choice(options) => {
            let list: Array = options
                .iter()
                .map(|o| {
                    let option = Object::new();
                    set(&option, "value", o.value);
                    set(&option, "label", text(o.label));
                    set(&option, "menu", o.menu);
                    set(&option, "plane", o.plane);
                    if let Some(note) = o.note {
                        let shown = Object::new();
                        set(&shown, "text", text(note.text));
                        set(&shown, "link", text(note.link));
                        set(&shown, "href", note.href);
                        set(&option, "note", shown);
                    }
                    if let Some(formula) = o.formula {
                        set(&option, "formula", formula);
                    }
                    JsValue::from(option)
                })
                .collect();
            set(&obj, "options", list);
            "choice"
        }
        Kind::Number {
            min,
            min_inclusive,
            max,
            ..
        } => {
            set(&obj, "min", min);
            set(&obj, "minInclusive", min_inclusive);
            set(&obj, "max", max);
            "number"
        }
        Kind::Whole { min, max } => {
            set(&obj, "min", min as f64);
            set(&obj, "max", max as f64);
            "whole"
        }
        Kind::Layers => "layers",
        Kind::Changes => {
            set(&obj, "max", crate::settings::params::MAX_CHANGES as f64);
            "changes"
        }
        Kind::Flag => "flag",
        Kind::Points => {
            set(&obj, "max", crate::task::own::MAX_LINK_POINTS as f64);
            "points"
        }
    };
    set(&obj, "kind", kind);
    let control = match p.control {
        Control::Select => "select",
        Control::Text => "text",
        Control::Slider { step } => {
            set(&obj, "step", step);
            "slider"
        }
        Control::Steps(steps) => {
            let list: Array = steps.iter().map(|&s| JsValue::from(s)).collect();
            set(&obj, "steps", list);
            "slider"
        }
        Control::Check => "check",
        Control::Seed => "seed",
        Control::None => "none",
    };
    set(&obj, "control", control);
    let display = match p.display {
        Display::Plain => "plain",
        Display::Decimal2 => "decimal2",
        Display::Percent => "percent",
        Display::PerFrame => "per-frame",
    };
    set(&obj, "display", display);
    set(&obj, "config", p.config);
    set(&obj, "live", p.live);
    if let Some(rule) = p.rule {
        set(&obj, "rule", rule.name());
    }
    set(&obj, "plane", p.plane);
    set(&obj, "optional", p.optional);
    let defaults = Object::new();
    for rule in [RuleName::Seed, RuleName::Kaneko] {
        set(&defaults, rule.name(), value_of(&p.default_under(rule)));
    }
    set(&obj, "defaults", defaults);
    set(&obj, "label", text(p.label));
    if let Some(label) = p.kaneko_label {
        let by_rule = Object::new();
        set(&by_rule, RuleName::Kaneko.name(), text(label));
        set(&obj, "ruleLabel", by_rule);
    }
    set(&obj, "help", text(p.help));
    let error = Object::new();
    set(&error, "en", p.must());
    set(&error, "ja", p.must_in(Lang::Ja));
    set(&obj, "error", error);
    obj
}

/// Every parameter: name, kind and limits, defaults under each rule, whether it
/// changes live, where it applies, label, help and what a refused value is
/// told, in the order the page shows its fields. A fresh array each call.
// The shape of `paramSchema()`'s entries, as `entry` above writes them, for
// the page's type check (tsconfig.json): its declarations say `ParamEntry[]`
// instead of `any`.
#[wasm_bindgen(typescript_custom_section)]
const PARAM_ENTRY: &str = r#"
/** A text in both languages. */
export interface Words { en: string; ja: string }
/** One option of a choice (a task, a loss, a rule). */
export interface ParamOption {
  value: string;
  label: Words;
  menu: boolean;
  plane: boolean;
  note?: { text: Words; link: Words; href: string };
}
/** One parameter of the engine's table. */
export interface ParamEntry {
  name: string;
  attribute: string | null;
  kind: "choice" | "number" | "whole" | "layers" | "changes" | "flag" | "points";
  options?: ParamOption[];
  min?: number;
  minInclusive?: boolean;
  max?: number;
  control: "select" | "text" | "slider" | "check" | "seed" | "none";
  step?: number;
  steps?: number[];
  display: "plain" | "decimal2" | "percent" | "per-frame";
  config: boolean;
  live: boolean;
  rule?: string;
  plane: boolean;
  optional: boolean;
  defaults: Record<string, unknown>;
  label: Words;
  ruleLabel?: Record<string, Words>;
  help: Words;
  error: Words;
}
"#;

#[wasm_bindgen(js_name = paramSchema, unchecked_return_type = "ParamEntry[]")]
pub fn param_schema() -> Array {
    PARAMS.iter().map(entry).collect()
}
