//! The playground's parameters as text: a link's query, an embed's attributes and
//! the page's fields all arrive as `name=text` and are read here, by one table of
//! names, limits and messages. A bad value is refused with a message naming the
//! parameter and the rest still applies; the result is a [`Config`] that has
//! passed [`Config::validate`], like every other way into the engine.

use crate::ed::Loss;
use crate::settings::config::{
    check_lr, Config, RuleName, MAX_HIDDEN_LAYERS, MAX_PARAMETER, MAX_UNITS,
};
use crate::task::{
    Task, MAX_NOISE, MAX_PARITY_BITS, MAX_POINTS, MAX_TEST_FRACTION, MIN_PARITY_BITS, MIN_POINTS,
    MIN_TEST_FRACTION,
};

/// Epochs trained per animation frame.
pub const MIN_SPEED: u32 = 1;
pub const MAX_SPEED: u32 = 10_000;
/// Live changes a link may replay; more is no experiment anyone clicked through.
pub const MAX_CHANGES: usize = 1_000;
/// The largest seed a JS number holds exactly (the page keeps seeds as numbers);
/// the CLI takes any u64.
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

/// A refused parameter: its name and what it must be. Messages are fixed text,
/// not formatted from the limits, to keep formatting code out of the browser's
/// module; a test checks that each states the limits in force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamError {
    pub name: &'static str,
    pub message: &'static str,
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

/// One parameter's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Task(Task),
    Bits(usize),
    Rule(RuleName),
    Loss(Loss),
    Hidden(Vec<usize>),
    Lr(f64),
    Seed(u64),
    Speed(u32),
    Paused(bool),
    Changes(Vec<TimedChange>),
    U0(f64),
    U1(f64),
    Beta(f64),
    Noise(f64),
    TestFraction(f64),
    Points(usize),
    Race(bool),
}

/// Every parameter the page understands; any other name is ignored.
pub const NAMES: [&str; 17] = [
    "task",
    "bits",
    "rule",
    "loss",
    "hidden",
    "lr",
    "seed",
    "speed",
    "paused",
    "changes",
    "u0",
    "u1",
    "beta",
    "noise",
    "test_fraction",
    "points",
    "race",
];

/// The page's whole state: the run's configuration and how it is played.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    pub config: Config,
    pub speed: u32,
    pub paused: bool,
    pub changes: Vec<TimedChange>,
    /// Backprop races ED on the same network.
    pub race: bool,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            config: Config::seed_defaults(),
            speed: 2,
            paused: false,
            changes: Vec::new(),
            race: false,
        }
    }
}

fn refuse<T>(name: &'static str, message: &'static str) -> Result<T, ParamError> {
    Err(ParamError { name, message })
}

const TASK: &str =
    "must be one of xor, and, or, nand, parity, adder, circle, gaussians, spiral, moons, spiral3";
const RULE: &str = "must be one of seed, kaneko";
const LOSS: &str = "must be one of mse, bce, bce-with-logits";
const BITS: &str = "must be a whole number from 2 to 8";
const HIDDEN: &str = "must be 1 to 4 layer sizes from 1 to 256, separated by commas, like 8,8";
const LR: &str = "must be a number greater than 0 and at most 1e308";
const SEED: &str = "must be a whole number from 0 to 9007199254740991";
const SPEED: &str = "must be a whole number from 1 to 10000";
const PAUSED: &str = "must be 0 or 1";
const U0: &str = "must be a number greater than 0 and at most 100";
const NOISE: &str = "must be a number from 0 to 0.5";
const TEST_FRACTION: &str = "must be a number from 0.1 to 0.9";
const POINTS: &str = "must be a whole number from 20 to 1000";
const RACE: &str = "must be 0 or 1";
const FROM_0_TO_100: &str = "must be a number from 0 to 100";
const CHANGES: &str = "must list up to 1000 epoch:loss:name or epoch:lr:number items in epoch order, like 300:loss:bce";

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

fn rate(text: &str, number: NumberParser) -> Option<f64> {
    decimal(text, number, |v| check_lr(v).is_ok())
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
        let epoch = whole(parts.next()?, 0, u64::MAX)?;
        let change = match (parts.next()?, parts.next()?) {
            ("loss", name) => Change::Loss(Loss::from_name(name)?),
            ("lr", value) => Change::Lr(rate(value, number)?),
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

/// Reads one parameter's text (trimmed). `name` must be one of [`NAMES`].
pub fn parse_value(name: &str, text: &str, number: NumberParser) -> Result<Value, ParamError> {
    let text = text.trim();
    let (value, name, message) = match name {
        "task" => (Task::from_name(text).map(Value::Task), "task", TASK),
        "bits" => (
            whole(text, MIN_PARITY_BITS as u64, MAX_PARITY_BITS as u64)
                .map(|b| Value::Bits(b as usize)),
            "bits",
            BITS,
        ),
        "rule" => (RuleName::from_name(text).map(Value::Rule), "rule", RULE),
        "loss" => (Loss::from_name(text).map(Value::Loss), "loss", LOSS),
        "hidden" => (layers(text).map(Value::Hidden), "hidden", HIDDEN),
        "lr" => (rate(text, number).map(Value::Lr), "lr", LR),
        "seed" => (whole(text, 0, MAX_PAGE_SEED).map(Value::Seed), "seed", SEED),
        "speed" => (
            whole(text, MIN_SPEED.into(), MAX_SPEED.into()).map(|s| Value::Speed(s as u32)),
            "speed",
            SPEED,
        ),
        "paused" => (flag(text).map(Value::Paused), "paused", PAUSED),
        "race" => (flag(text).map(Value::Race), "race", RACE),
        "noise" => (
            decimal(text, number, |v| (0.0..=MAX_NOISE).contains(&v)).map(Value::Noise),
            "noise",
            NOISE,
        ),
        "test_fraction" => (
            decimal(text, number, |v| {
                (MIN_TEST_FRACTION..=MAX_TEST_FRACTION).contains(&v)
            })
            .map(Value::TestFraction),
            "test_fraction",
            TEST_FRACTION,
        ),
        "points" => (
            whole(text, MIN_POINTS as u64, MAX_POINTS as u64).map(|p| Value::Points(p as usize)),
            "points",
            POINTS,
        ),
        "changes" => (
            changes(text, number).map(Value::Changes),
            "changes",
            CHANGES,
        ),
        "u0" => (
            decimal(text, number, |v| v > 0.0 && v <= MAX_PARAMETER).map(Value::U0),
            "u0",
            U0,
        ),
        "u1" => (
            decimal(text, number, |v| (0.0..=MAX_PARAMETER).contains(&v)).map(Value::U1),
            "u1",
            FROM_0_TO_100,
        ),
        "beta" => (
            decimal(text, number, |v| (0.0..=MAX_PARAMETER).contains(&v)).map(Value::Beta),
            "beta",
            FROM_0_TO_100,
        ),
        _ => (None, "parameter", "is not one the playground knows"),
    };
    value.map_or_else(|| refuse(name, message), Ok)
}

impl Params {
    /// Reads `name=text` pairs in order (a later pair overrides an earlier one).
    /// Unknown names are ignored, so a link can carry other things; every refused
    /// value is reported and leaves that parameter at its default.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        number: NumberParser,
    ) -> (Params, Vec<ParamError>) {
        let mut values: Vec<Value> = Vec::new();
        let mut problems = Vec::new();
        for (name, text) in pairs {
            if !NAMES.contains(&name) {
                continue;
            }
            match parse_value(name, text, number) {
                Ok(v) => values.push(v),
                Err(e) => problems.push(e),
            }
        }
        // The rule picks the defaults the other values fill in (Kaneko's program
        // has its own), so it is applied first.
        let rule = values.iter().rev().find_map(|v| match v {
            Value::Rule(r) => Some(*r),
            _ => None,
        });
        let mut params = Params::default();
        if rule == Some(RuleName::Kaneko) {
            params.config = Config::kaneko_defaults();
        }
        let mut bits = None;
        for v in values {
            match v {
                Value::Task(t) => params.config.task = t,
                Value::Bits(b) => bits = Some(b),
                Value::Rule(_) => {}
                Value::Loss(l) => params.config.loss = l,
                Value::Hidden(h) => params.config.hidden = h,
                Value::Lr(lr) => params.config.lr = lr,
                Value::Seed(s) => params.config.seed = s,
                Value::Speed(s) => params.speed = s,
                Value::Paused(p) => params.paused = p,
                Value::Changes(c) => params.changes = c,
                Value::U0(u) => params.config.u0 = u,
                Value::U1(u) => params.config.u1 = u,
                Value::Beta(b) => params.config.beta = Some(b),
                Value::Noise(n) => params.config.noise = n,
                Value::TestFraction(f) => params.config.test_fraction = f,
                Value::Points(p) => params.config.points = p,
                Value::Race(r) => params.race = r,
            }
        }
        params.config.bits = match (params.config.task, bits) {
            (Task::Parity, b) => b.unwrap_or(3),
            (_, Some(_)) => {
                problems.push(ParamError {
                    name: "bits",
                    message: "applies to the parity task only",
                });
                2
            }
            (_, None) => 2,
        };
        // Each value was checked on its own above; this catches any combination
        // the table does not know about, so what leaves here is always valid.
        if let Err(e) = params.config.validate() {
            problems.push(ParamError {
                name: e.field,
                message: "does not fit the rest of the settings",
            });
            params.config = Params::default().config;
        }
        (params, problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(query: &[(&str, &str)]) -> (Params, Vec<ParamError>) {
        Params::from_pairs(query.iter().copied(), parse_number_native)
    }

    #[test]
    fn no_parameters_give_the_seeds_setting() {
        let (p, problems) = read(&[]);
        assert!(problems.is_empty());
        assert_eq!(p, Params::default());
        assert_eq!(p.config, Config::seed_defaults());
    }

    #[test]
    fn good_values_apply() {
        let (p, problems) = read(&[
            ("task", "parity"),
            ("bits", "4"),
            ("loss", "bce-with-logits"),
            ("hidden", " 16, 4 "),
            ("lr", "2.5e-1"),
            ("seed", "9007199254740991"),
            ("speed", "10000"),
            ("paused", "1"),
            ("changes", "3:loss:bce,3:lr:1e300,90:loss:mse"),
        ]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(p.config.task, Task::Parity);
        assert_eq!(p.config.bits, 4);
        assert_eq!(p.config.loss, Loss::BceWithLogits);
        assert_eq!(p.config.hidden, [16, 4]);
        assert_eq!(p.config.lr, 0.25);
        assert_eq!(p.config.seed, MAX_PAGE_SEED);
        assert_eq!((p.speed, p.paused), (10_000, true));
        assert_eq!(
            p.changes,
            [
                TimedChange {
                    epoch: 3,
                    change: Change::Loss(Loss::Bce)
                },
                TimedChange {
                    epoch: 3,
                    change: Change::Lr(1e300)
                },
                TimedChange {
                    epoch: 90,
                    change: Change::Loss(Loss::Mse)
                },
            ]
        );
    }

    #[test]
    fn kaneko_rule_brings_his_defaults_unless_overridden() {
        let (p, _) = read(&[("rule", "kaneko")]);
        assert_eq!(p.config, Config::kaneko_defaults());
        let (p, _) = read(&[("lr", "0.3"), ("rule", "kaneko")]);
        assert_eq!(p.config.lr, 0.3);
        assert_eq!(p.config.u0, Config::kaneko_defaults().u0);
        let (p, problems) = read(&[
            ("rule", "kaneko"),
            ("u0", "0.25"),
            ("u1", "0"),
            ("beta", "2"),
        ]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            (p.config.u0, p.config.u1, p.config.beta),
            (0.25, 0.0, Some(2.0))
        );
    }

    #[test]
    fn each_bad_value_is_named_and_the_rest_applies() {
        let bad: [(&str, &str); 36] = [
            ("noise", "0.6"),
            ("noise", "-0.1"),
            ("test_fraction", "0.95"),
            ("points", "10"),
            ("points", "1001"),
            ("race", "yes"),
            ("u0", "0"),
            ("u0", "101"),
            ("u1", "-0.5"),
            ("u1", "NaN"),
            ("beta", "1e3"),
            ("beta", "x"),
            ("task", "<script>alert(1)</script>"),
            ("task", "XOR"),
            ("bits", "9"),
            ("rule", "backprop"),
            ("loss", "hinge"),
            ("hidden", ""),
            ("hidden", "8,,8"),
            ("hidden", "0"),
            ("hidden", "257"),
            ("hidden", "1,1,1,1,1"),
            ("hidden", "-8"),
            ("lr", "NaN"),
            ("lr", "Infinity"),
            ("lr", "-1"),
            ("lr", "0"),
            ("lr", "1e999"),
            ("lr", "0x10"),
            ("seed", "-1"),
            ("seed", "9007199254740992"),
            ("seed", "1.5"),
            ("speed", "0"),
            ("speed", "10001"),
            ("paused", "yes"),
            ("changes", "5:loss:bce,3:loss:mse"),
        ];
        for (name, text) in bad {
            let (p, problems) = read(&[(name, text), ("loss", "bce"), ("seed", "7")]);
            let loss_or_seed_refused = name == "loss" || name == "seed";
            assert_eq!(problems.len(), 1, "{name}={text}: {problems:?}");
            assert_eq!(problems[0].name, name, "{name}={text}");
            if !loss_or_seed_refused {
                assert_eq!(
                    (p.config.loss, p.config.seed),
                    (Loss::Bce, 7),
                    "{name}={text}"
                );
            }
        }
    }

    #[test]
    fn messages_state_the_limits_in_force() {
        let lists = |names: &[&str]| format!("must be one of {}", names.join(", "));
        assert_eq!(TASK, lists(&Task::ALL.map(Task::name)));
        assert_eq!(LOSS, lists(&Loss::ALL.map(Loss::name)));
        assert_eq!(
            RULE,
            lists(&[RuleName::Seed.name(), RuleName::Kaneko.name()])
        );
        let range = |min: u64, max: u64| format!("must be a whole number from {min} to {max}");
        assert_eq!(BITS, range(MIN_PARITY_BITS as u64, MAX_PARITY_BITS as u64));
        assert_eq!(SEED, range(0, MAX_PAGE_SEED));
        assert_eq!(SPEED, range(MIN_SPEED.into(), MAX_SPEED.into()));
        assert!(HIDDEN.starts_with(&format!(
            "must be 1 to {MAX_HIDDEN_LAYERS} layer sizes from 1 to {MAX_UNITS},"
        )));
        assert!(CHANGES.starts_with(&format!("must list up to {MAX_CHANGES} ")));
        assert_eq!(crate::settings::config::MAX_LR, 1e308);
        assert!(LR.ends_with("at most 1e308"));
        assert_eq!(MAX_PARAMETER, 100.0);
        assert!(U0.ends_with("at most 100") && FROM_0_TO_100.ends_with("0 to 100"));
        assert_eq!(NOISE, format!("must be a number from 0 to {MAX_NOISE}"));
        assert_eq!(
            TEST_FRACTION,
            format!("must be a number from {MIN_TEST_FRACTION} to {MAX_TEST_FRACTION}")
        );
        assert_eq!(POINTS, range(MIN_POINTS as u64, MAX_POINTS as u64));
    }

    #[test]
    fn bits_outside_parity_is_reported() {
        let (p, problems) = read(&[("bits", "4")]);
        assert_eq!(p.config.bits, 2);
        assert_eq!(problems[0].name, "bits");
    }

    #[test]
    fn unknown_and_prototype_names_are_ignored() {
        let (p, problems) = read(&[
            ("__proto__", "x"),
            ("constructor", "1"),
            ("utm_source", "blog"),
        ]);
        assert!(problems.is_empty());
        assert_eq!(p, Params::default());
    }

    #[test]
    fn changes_are_bounded() {
        let many = vec!["1:loss:bce"; MAX_CHANGES + 1].join(",");
        let (_, problems) = read(&[("changes", &many)]);
        assert_eq!(problems[0].name, "changes");
        let enough = vec!["1:loss:bce"; MAX_CHANGES].join(",");
        assert!(read(&[("changes", &enough)]).1.is_empty());
    }

    #[test]
    fn a_huge_value_is_refused_quickly() {
        let huge = "9".repeat(1 << 20);
        for name in NAMES {
            let (_, problems) = read(&[(name, &huge)]);
            assert_eq!(problems.len(), 1, "{name}");
        }
    }
}
