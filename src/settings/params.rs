//! The playground's parameters as text: a link's query, an embed's attributes and
//! the page's fields all arrive as `name=text` and are read here, by the
//! [`schema`]'s kinds, limits and messages. A bad value is refused
//! with a message naming the parameter and the rest still applies; the result is
//! a [`Config`] that has passed [`Config::validate`], like every other way into
//! the engine.

use super::config::{check_lr, Config, ConfigError, RuleName, MAX_HIDDEN_LAYERS, MAX_UNITS};
use super::schema::{self, Kind, Value};
use crate::ed::Loss;
use crate::task::Task;

/// Epochs trained per animation frame: below one, an epoch every few frames,
/// so that a small task's learning can be watched.
pub const MIN_SPEED: f64 = 0.1;
pub const MAX_SPEED: f64 = 10_000.0;
/// The speed a page opens at: XOR under the seed's setting is solved in
/// about 40 epochs, which at 0.2 epochs a frame is three or four seconds to
/// watch it learn, not a flash.
pub const DEFAULT_SPEED: f64 = 0.2;
/// The furthest epoch a link may open at (`at=`): the page replays the run
/// to it within its frame budget, so it must be reachable in reasonable time.
pub const MAX_AT_EPOCH: u64 = 1_000_000;
/// Live changes a run may have, made by hand or replayed from a link: the page
/// refuses one more, so the link it writes holds them all and stays short
/// (200 changes of about 20 characters: 4 KB, well under what servers take).
pub const MAX_CHANGES: usize = 200;
/// The largest whole number a JS number holds exactly: the page keeps seeds
/// and epochs as numbers, so a link's larger ones would come back rounded.
/// The CLI takes any u64 seed.
pub const MAX_PAGE_SEED: u64 = (1 << 53) - 1;
/// Longer number text is not a number anyone meant (17 significant digits and an
/// exponent fit).
const MAX_NUMBER_TEXT: usize = 32;

/// Reads decimal number text. The browser passes its own `Number` so the module
/// carries no float parser (about 20 KB); natively it is [`str::parse`]. Only
/// text of digits, `.`, `e`, `E`, `+` and `-` reaches it, where the two agree.
pub type NumberParser = fn(&str) -> Option<f64>;

pub fn parse_number_native(text: &str) -> Option<f64> {
    text.parse().ok()
}

/// A refused parameter: its name and what it must be (from the schema).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamError {
    pub name: &'static str,
    pub message: String,
}

impl std::fmt::Display for ParamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.name, self.message)
    }
}

/// A change made during a run, replayed at its epoch when a link is opened.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Change {
    Loss(Loss),
    Lr(f64),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimedChange {
    pub epoch: u64,
    pub change: Change,
}

/// The page's whole state: the run's configuration and how it is played.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    pub config: Config,
    pub speed: f64,
    pub paused: bool,
    /// The epoch the link opens at, paused there (0: the start).
    pub at: u64,
    /// Training pauses once the task is solved (else it trains on).
    pub stop_when_solved: bool,
    pub changes: Vec<TimedChange>,
    /// Backprop races ED on the same network.
    pub race: bool,
    /// The page opens in presentation mode (www/present.js).
    pub present: bool,
}

impl Default for Params {
    fn default() -> Params {
        Params::defaults_under(RuleName::Seed)
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
    match text {
        "0" => Some(false),
        "1" => Some(true),
        _ => None,
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
        });
    }
    let value = match param.kind {
        Kind::Choice(options) => options
            .iter()
            .find(|o| o.value == text)
            .map(|o| Value::Choice(o.value)),
        Kind::Number { .. } => decimal(text, number, |v| param.admits(v)).map(Value::Number),
        Kind::Whole { min, max } => whole(text, min, max).map(Value::Whole),
        Kind::Layers => layers(text).map(Value::Layers),
        Kind::Changes => changes(text, number).map(Value::Changes),
        Kind::Flag => flag(text).map(Value::Flag),
    };
    value.ok_or_else(|| ParamError {
        name: param.name,
        message: param.must(),
    })
}

impl Params {
    /// The state when nothing is given, under `rule`: the seed's setting, or
    /// Kaneko's program's defaults.
    pub fn defaults_under(rule: RuleName) -> Params {
        Params {
            config: Config::defaults_under(rule),
            speed: DEFAULT_SPEED,
            paused: false,
            at: 0,
            stop_when_solved: true,
            changes: Vec::new(),
            race: false,
            present: false,
        }
    }

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
                    message: format!("{name:?} is not a field of a configuration"),
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
                    });
                }
                c.bits = 2;
            }
        }
        // Each value was checked on its own above; this catches any combination
        // the table does not know about, so what leaves here is always valid.
        if let Err(e) = params.config.validate() {
            problems.push(ParamError {
                name: e.field,
                message: "does not fit the rest of the settings".into(),
            });
            params.config = Params::default().config;
        }
        (params, problems)
    }
}

#[cfg(test)]
mod tests;
