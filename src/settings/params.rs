//! The playground's parameters as text: a link's query, an embed's attributes and
//! the page's fields all arrive as `name=text` and are read here, by the
//! [`schema`]'s kinds, limits and messages. A bad value is refused
//! with a message naming the parameter and the rest still applies; the result is
//! a [`Config`] that has passed [`Config::validate`], like every other way into
//! the engine.

use super::config::{Config, ConfigError, RuleName};
use super::limits::{MAX_HIDDEN_LAYERS, MAX_UNITS};
use super::schema::{self, Kind, Lang, Value};
use super::validate::check_lr;
use crate::ed::Loss;
use crate::task::Task;

// Defined in the modules below this reader (the schema, and task's CSV reader
// for the number parser, use them too); still reachable under `params`.
pub use super::limits::{MAX_AT_EPOCH, MAX_CHANGES, MAX_PAGE_SEED, MAX_SPEED, MIN_SPEED};
pub use super::schema::FLAG_WORDS;
pub use super::state::{Change, Params, TimedChange, DEFAULT_SPEED};
pub use crate::number::{parse_number_native, NumberParser};

/// Longer number text is not a number anyone meant (17 significant digits and an
/// exponent fit).
const MAX_NUMBER_TEXT: usize = 32;

/// A refused parameter: its name and what it must be (from the schema), in
/// English (the CLI's, the Display's) and in Japanese (the page's).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamError {
    pub name: &'static str,
    pub message: String,
    /// The same, as the predicate of 「name」は...
    pub ja: String,
}

impl std::fmt::Display for ParamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.name, self.message)
    }
}

fn whole(text: &str, min: u64, max: u64) -> Option<u64> {
    // Digits only: no sign, no spaces, no `0x`; 20 digits hold any u64.
    if text.is_empty() || text.len() > 20 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|v| (min..=max).contains(v))
}

fn layers(text: &str) -> Option<Vec<usize>> {
    let parts = text.split(',');
    if parts.clone().count() > MAX_HIDDEN_LAYERS {
        return None;
    }
    parts
        .map(|p| whole(p.trim(), 1, MAX_UNITS as u64).map(|n| n as usize))
        .collect()
}

/// Decimal number text within `ok`.
fn decimal(text: &str, number: NumberParser, ok: impl Fn(f64) -> bool) -> Option<f64> {
    let lexical = !text.is_empty()
        && text.len() <= MAX_NUMBER_TEXT
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'));
    lexical
        .then(|| number(text))
        .flatten()
        .filter(|&v| v.is_finite() && ok(v))
}

fn flag(text: &str) -> Option<bool> {
    FLAG_WORDS
        .iter()
        .find(|(word, _)| word.eq_ignore_ascii_case(text))
        .map(|&(_, on)| on)
}

/// Typed text longer than this is not a misspelling of any option or name.
const MAX_SUGGESTED_FROM: usize = 64;

/// The number of single-character edits (insert, delete, substitute, swap two
/// neighbours) that turn `a` into `b`, case aside: the optimal string
/// alignment distance.
pub fn edit_distance(a: &str, b: &str) -> usize {
    // ASCII case only: every name and option is ASCII, and Unicode's case
    // tables would add 12 KB to the page's wasm for no name that needs them.
    let a: Vec<char> = a.chars().map(|c| c.to_ascii_lowercase()).collect();
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    // Three rows of the table: two back (for a swap), the last, this one.
    let mut back2 = vec![0; b.len() + 1];
    let mut back: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        row[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (back[j] + 1).min(row[j - 1] + 1).min(back[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(back2[j - 2] + 1);
            }
        }
        std::mem::swap(&mut back2, &mut back);
        std::mem::swap(&mut back, &mut row);
    }
    back[b.len()]
}

/// The one of `options` that `typed` most likely meant, if any is near enough:
/// `moon` → `moons`, `XOR` → `xor`, `tsk` → `task`, `circel` → `circle`. Near
/// enough: at most one edit per three characters typed (one for the shortest),
/// and fewer edits than the option has characters; the first of equals wins.
pub fn nearest<'a>(typed: &str, options: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let typed = typed.trim();
    let n = typed.chars().count();
    if n == 0 || n > MAX_SUGGESTED_FROM {
        return None;
    }
    let allowed = (n / 3).max(1);
    options
        .into_iter()
        .map(|o| (edit_distance(typed, o), o))
        .filter(|&(d, o)| d <= allowed && d < o.chars().count())
        .min_by_key(|&(d, _)| d)
        .map(|(_, o)| o)
}

/// The typed text as a message repeats it: quoted (“…” in English, 「…」 in
/// Japanese), cut short if long.
pub fn quoted(text: &str, lang: Lang) -> String {
    const SHOWN: usize = 40;
    let shown = if text.chars().count() <= SHOWN {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(SHOWN).collect::<String>())
    };
    match lang {
        Lang::En => format!("“{shown}”"),
        Lang::Ja => format!("「{shown}」"),
    }
}

/// Why `text` is refused for `param`: what it must be, the text itself, and
/// for a choice the option it was probably meant to be.
fn refusal(param: &schema::Param, text: &str) -> ParamError {
    let meant = match param.kind {
        Kind::Choice(options) => nearest(text, options.iter().map(|o| o.value)),
        _ => None,
    };
    let mut message = format!("{}, not {}", param.must(), quoted(text, Lang::En));
    let mut ja = format!(
        "{} ({}は不可",
        param.must_in(Lang::Ja),
        quoted(text, Lang::Ja)
    );
    if let Some(meant) = meant {
        message.push_str(&format!(" (did you mean {meant}?)"));
        ja.push_str(&format!("、もしかして {meant}?"));
    }
    ja.push(')');
    ParamError {
        name: param.name,
        message,
        ja,
    }
}

/// `300:loss:bce,900:lr:0.1`: changes in epoch order.
fn changes(text: &str, number: NumberParser) -> Option<Vec<TimedChange>> {
    let mut list: Vec<TimedChange> = Vec::new();
    if text.is_empty() {
        return Some(list);
    }
    for item in text.split(',') {
        let mut parts = item.splitn(3, ':');
        let epoch = whole(parts.next()?, 0, MAX_PAGE_SEED)?;
        let change = match (parts.next()?, parts.next()?) {
            ("loss", name) => Change::Loss(Loss::from_name(name)?),
            ("lr", value) => Change::Lr(decimal(value, number, |v| check_lr(v).is_ok())?),
            _ => return None,
        };
        let in_order = list.last().is_none_or(|last| last.epoch <= epoch);
        if !in_order || list.len() == MAX_CHANGES {
            return None;
        }
        list.push(TimedChange { epoch, change });
    }
    Some(list)
}

/// Reads one parameter's text (trimmed) by its entry's kind.
pub fn parse_value(name: &str, text: &str, number: NumberParser) -> Result<Value, ParamError> {
    let Some(param) = schema::param(name) else {
        return Err(ParamError {
            name: "parameter",
            message: "is not one the playground knows".into(),
            ja: "このプレイグラウンドのパラメータではありません".into(),
        });
    };
    let text = text.trim();
    if matches!(param.kind, Kind::Number { .. }) && text.len() > MAX_NUMBER_TEXT {
        // Said as it is: the range would not be why this text is refused.
        return Err(ParamError {
            name: param.name,
            message: format!(
                "must be number text of at most {MAX_NUMBER_TEXT} characters (17 significant digits and an exponent fit), got {}",
                text.len()
            ),
            ja: format!(
                "{MAX_NUMBER_TEXT} 文字以内の数値でなければなりません (有効数字 17 桁と指数が入ります。{} 文字ありました)",
                text.len()
            ),
        });
    }
    let value = match param.kind {
        Kind::Choice(options) => {
            let text = param.spelling.read(text);
            options
                .iter()
                .find(|o| o.value == text)
                .map(|o| Value::Choice(o.value))
        }
        Kind::Number { .. } => decimal(text, number, |v| param.admits(v)).map(Value::Number),
        Kind::Whole { min, max } => whole(text, min, max).map(Value::Whole),
        Kind::Layers => layers(text).map(Value::Layers),
        Kind::Changes => changes(text, number).map(Value::Changes),
        Kind::Flag => flag(text).map(Value::Flag),
        // Said exactly: which point, or what is wrong with the text.
        Kind::Points => match crate::task::own::decode(text) {
            Ok(_) => Some(Value::Points(text.to_string())),
            Err(e) => {
                return Err(ParamError {
                    name: param.name,
                    message: e.en,
                    ja: e.ja,
                })
            }
        },
    };
    value.ok_or_else(|| refusal(param, text))
}

impl Params {
    /// The values put into the defaults of the rule among them (applied
    /// first: Kaneko's program has defaults of its own), later values over
    /// earlier ones; and whether `bits` was among them. Nothing is checked here.
    fn assemble(values: &[(&'static schema::Param, Value)]) -> (Params, bool) {
        let rule = values.iter().rev().find_map(|(p, v)| match v {
            Value::Choice(name) if p.name == "rule" => RuleName::from_name(name),
            _ => None,
        });
        let mut params = Params::defaults_under(rule.unwrap_or(RuleName::Seed));
        let mut bits_given = false;
        for (param, value) in values {
            bits_given |= param.name == "bits";
            (param.set)(&mut params, value);
        }
        (params, bits_given)
    }

    /// A run's configuration from values of the schema's kinds (a JS object's
    /// fields, a model file's), strictly: the rule's defaults fill what is
    /// missing, parity has 3 bits unless told, and anything
    /// [`Config::validate`] refuses is an error.
    pub fn config_from_values(
        values: &[(&'static schema::Param, Value)],
    ) -> Result<Config, ConfigError> {
        let (mut params, bits_given) = Params::assemble(values);
        if !bits_given && params.config.task == Task::Parity {
            params.config.bits = 3;
        }
        params.config.validate()?;
        Ok(params.config)
    }

    /// A run's configuration from `name=text` pairs read strictly (each value
    /// by its schema entry, the rest from the rule's defaults), for Rust
    /// callers: `Params::config_from_text(&[("rule", "kaneko"), ("hidden", "32")])`.
    pub fn config_from_text(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let mut values = Vec::new();
        for &(name, text) in pairs {
            let param = schema::param(name)
                .filter(|p| p.config)
                .ok_or(ConfigError {
                    field: "config",
                    message: format!(
                        "{} is not a field of a configuration",
                        quoted(name, Lang::En)
                    ),
                })?;
            let value = parse_value(name, text, parse_number_native).map_err(|e| ConfigError {
                field: param.name,
                message: e.message,
            })?;
            values.push((param, value));
        }
        Params::config_from_values(&values)
    }

    /// Reads `name=text` pairs in order (a later pair overrides an earlier one).
    /// Unknown names are ignored, so a link can carry other things; every refused
    /// value is reported and leaves that parameter at its default.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        number: NumberParser,
    ) -> (Params, Vec<ParamError>) {
        let mut values: Vec<(&'static schema::Param, Value)> = Vec::new();
        let mut problems = Vec::new();
        for (name, text) in pairs {
            let Some(param) = schema::param(name) else {
                continue;
            };
            match parse_value(name, text, number) {
                Ok(v) => values.push((param, v)),
                Err(e) => problems.push(e),
            }
        }
        let (mut params, bits_given) = Params::assemble(&values);
        // Unless told, a task opens at its own pace, so that it can be watched.
        if !values.iter().any(|(p, _)| p.name == "speed") {
            params.speed = params.config.task.pace();
        }
        // Only parity takes bits; it has 3 unless told otherwise.
        let c = &mut params.config;
        match (c.task, bits_given) {
            (Task::Parity, false) => c.bits = 3,
            (Task::Parity, true) => {}
            (_, given) => {
                if given {
                    problems.push(ParamError {
                        name: "bits",
                        message: "applies to the parity task only".into(),
                        ja: "パリティのタスクでだけ使われます".into(),
                    });
                }
                c.bits = 2;
            }
        }
        // A third class's point in a two-class set: the set is refused, not cut.
        if let Some(classes) = params.config.task.own_classes() {
            let points = crate::task::own::decode(&params.data).unwrap_or_default();
            if points.iter().any(|p| usize::from(p.class) >= classes) {
                problems.push(ParamError {
                    name: "data",
                    message: format!(
                        "holds points of a third class; task {} has {classes}",
                        params.config.task
                    ),
                    ja: format!(
                        "3 つ目のクラスの点があります。タスク {} のクラスは {classes} つです",
                        params.config.task
                    ),
                });
                params.data.clear();
            }
        }
        // Each value was checked on its own above; this catches any combination
        // the table does not know about, so what leaves here is always valid.
        if let Err(e) = params.config.validate() {
            problems.push(ParamError {
                name: e.field,
                message: "does not fit the rest of the settings".into(),
                ja: "ほかの設定と合いません".into(),
            });
            params.config = Params::default().config;
        }
        (params, problems)
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod config_tests;
