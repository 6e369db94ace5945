//! The parameter schema: every parameter of the playground written once, with
//! its name, kind and limits, its default under each rule, whether it changes
//! a run live or starts a new one, where it applies, and the words a person
//! reads (label and help). The link's query, an embed's attributes, the page's
//! fields (built from this table), the CLI's messages and [`Config::validate`]
//! all derive from it, so a parameter is added here and in the engine code
//! that uses it, nowhere else.
//!
//! [`Config::validate`]: super::Config::validate

use super::config::RuleName;
use super::limits::{MAX_CHANGES, MAX_HIDDEN_LAYERS, MAX_UNITS};
use super::state::{Params, TimedChange};

/// How a flag may be written, in any case: a link is written with 1 and 0;
/// an author may use the words an HTML attribute or a config file would.
/// One rule for every flag (`race`, `shuffle`, `paused`, the element's
/// `autoplay`).
pub const FLAG_WORDS: [(&str, bool); 8] = [
    ("1", true),
    ("0", false),
    ("yes", true),
    ("no", false),
    ("true", true),
    ("false", false),
    ("on", true),
    ("off", false),
];

/// Words a person reads, in each language of the interface: English and
/// Japanese, side by side in each entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub en: &'static str,
    /// The page shows the English where this is empty; a test keeps every
    /// text of the table written in both.
    pub ja: &'static str,
}

/// A language of the interface: the CLI speaks English, the page either.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Ja,
}

/// The same words in English and in Japanese.
pub(super) const fn t(en: &'static str, ja: &'static str) -> Text {
    Text { en, ja }
}

/// One value of a choice and how it reads.
#[derive(Clone, Copy, Debug)]
pub struct Choice {
    pub value: &'static str,
    pub label: Text,
    /// Offered in the page's menu; a value that is not (parity, which needs its
    /// bits) is still accepted from a link and shown while it is in force.
    pub menu: bool,
    /// A task drawn as points on a plane, with a test set.
    pub plane: bool,
    /// What a reader should know while this value is in force (a task ED does
    /// not learn), shown beside its output.
    pub note: Option<Note>,
    /// What this value computes, as a formula (a loss: its derivative, which
    /// "Explain one step" shows with its numbers put in).
    pub formula: Option<&'static str>,
}

/// A line of warning about a choice, with a link to the evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Note {
    pub text: Text,
    /// The link's words.
    pub link: Text,
    /// The link: a query of this page (`?task=...`), a run that shows it.
    pub href: &'static str,
}

/// What values a parameter takes. Every refusal message derives from this.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    Choice(&'static [Choice]),
    /// A finite number in a range; `stated` says the range in words (text, not
    /// formatted from the bounds: float printing would cost the browser's
    /// module about 14 KB; a test checks the words against the bounds).
    Number {
        min: f64,
        min_inclusive: bool,
        max: f64,
        stated: Text,
    },
    Whole {
        min: u64,
        max: u64,
    },
    /// Hidden layer sizes, like `8,8`.
    Layers,
    /// Live changes of loss and learning rate, like `300:loss:bce`.
    Changes,
    /// `0` or `1`.
    Flag,
    /// The reader's own points in a link's compact form (see
    /// [`crate::task::own::decode`]).
    Points,
}

/// How the page offers a parameter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Control {
    Select,
    Text,
    /// A slider in steps of `step`.
    Slider {
        step: f64,
    },
    /// A slider over listed values.
    Steps(&'static [f64]),
    Check,
    /// A text field with a button that draws a random seed.
    Seed,
    /// Link, attribute and CLI only.
    None,
}

/// How a slider's value is written beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Display {
    Plain,
    /// Two decimals.
    Decimal2,
    Percent,
    /// Epochs per frame.
    PerFrame,
}

/// One parameter's value, of its entry's kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Choice(&'static str),
    Number(f64),
    Whole(u64),
    Layers(Vec<usize>),
    Changes(Vec<TimedChange>),
    Flag(bool),
    /// The reader's own points, as the link's text (checked).
    Points(String),
    /// No value: Kaneko's bias units absent (`beta` under the seed's rule).
    Absent,
}

/// The `<ed-playground>` attribute that gives a parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attribute {
    /// The parameter's own name.
    Name,
    /// Another name, where its own means something else to HTML: `hidden`
    /// is HTML's global attribute, and a site's `[hidden] { display: none }`
    /// reset would hide the figure, so the layer sizes are `layers`.
    Named(&'static str),
    /// None: the element says it its own way (`paused` is its `autoplay`).
    Without,
}

/// How a parameter's text is read before it is matched against its choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spelling {
    /// As written.
    Exact,
    /// A BCP 47 language tag, as HTML's `lang` reads one: case-insensitive,
    /// its script and region ignored (`ja-JP` and `JA` are `ja`), so a link's
    /// `lang=` takes what an element's `lang` attribute takes.
    LanguageTag,
}

impl Spelling {
    /// `text` as this spelling reads it.
    pub fn read(self, text: &str) -> std::borrow::Cow<'_, str> {
        match self {
            Spelling::Exact => text.into(),
            Spelling::LanguageTag => text
                .split('-')
                .next()
                .unwrap_or("")
                .to_ascii_lowercase()
                .into(),
        }
    }
}

/// One parameter.
#[derive(Clone, Copy, Debug)]
pub struct Param {
    pub name: &'static str,
    /// Its name as an attribute of the `<ed-playground>` element (and a token
    /// of its `controls`); [`Param::attribute`] reads it.
    pub attribute: Attribute,
    pub kind: Kind,
    /// How its text is read (a language tag's case and region).
    pub spelling: Spelling,
    pub control: Control,
    pub display: Display,
    /// A field of the run's [`Config`](super::Config) (the others, speed,
    /// pause, replayed changes and the race, are how the page plays it).
    pub config: bool,
    /// Changes a running run (loss, learning rate, speed); the others start a
    /// new run.
    pub live: bool,
    /// Read only under this rule (Kaneko's u0, u1, beta).
    pub rule: Option<RuleName>,
    /// Read only by the tasks drawn on a plane.
    pub plane: bool,
    /// Written in a link only when it differs from its default.
    pub optional: bool,
    pub label: Text,
    /// The label under Kaneko's rule, where it names his own symbol.
    pub kaneko_label: Option<Text>,
    pub help: Text,
    /// The value in `params`.
    pub get: fn(&Params) -> Value,
    /// Puts a value of this entry's kind into `params`.
    pub set: fn(&mut Params, &Value),
}

mod table;

pub use table::{param, PARAMS, SPEEDS};

impl Value {
    // The accessors below are called by an entry's `set` on a value that its
    // own kind produced; a mismatch is a bug in this table, which the tests
    // exercise for every entry.
    fn choice(&self) -> &'static str {
        match self {
            Value::Choice(c) => c,
            _ => "",
        }
    }

    fn number(&self) -> f64 {
        match self {
            Value::Number(v) => *v,
            _ => f64::NAN,
        }
    }

    fn whole(&self) -> u64 {
        match self {
            Value::Whole(v) => *v,
            _ => 0,
        }
    }

    fn layers(&self) -> &[usize] {
        match self {
            Value::Layers(v) => v,
            _ => &[],
        }
    }

    fn changes(&self) -> &[TimedChange] {
        match self {
            Value::Changes(v) => v,
            _ => &[],
        }
    }

    fn points(&self) -> &str {
        match self {
            Value::Points(v) => v,
            _ => "",
        }
    }

    fn flag(&self) -> bool {
        matches!(self, Value::Flag(true))
    }
}

impl Param {
    /// Its `<ed-playground>` attribute's name, if it has one.
    pub fn attribute(&self) -> Option<&'static str> {
        match self.attribute {
            Attribute::Name => Some(self.name),
            Attribute::Named(name) => Some(name),
            Attribute::Without => None,
        }
    }

    /// What a refused value is told, in the form "must be ...".
    pub fn must(&self) -> String {
        self.must_in(Lang::En)
    }

    /// What a refused value is told in `lang`: "must be ..." in English, the
    /// predicate of 「name」は... in Japanese.
    pub fn must_in(&self, lang: Lang) -> String {
        let ja = lang == Lang::Ja;
        match self.kind {
            Kind::Choice(options) => {
                let names: Vec<&str> = options.iter().map(|o| o.value).collect();
                let names = names.join(", ");
                if ja {
                    format!("{names} のいずれかでなければなりません")
                } else {
                    format!("must be one of {names}")
                }
            }
            Kind::Number { stated, .. } if ja => {
                format!("{}の数でなければなりません", stated.ja)
            }
            Kind::Number { stated, .. } => format!("must be a number {}", stated.en),
            Kind::Whole { min, max } if ja => {
                format!("{min} 以上 {max} 以下の整数でなければなりません")
            }
            Kind::Whole { min, max } => format!("must be a whole number from {min} to {max}"),
            Kind::Layers if ja => format!(
                "1 〜 {MAX_HIDDEN_LAYERS} 層の大きさ (各 1 〜 {MAX_UNITS}) をカンマ区切りで並べたもの (例: 8,8) でなければなりません"
            ),
            Kind::Layers => format!(
                "must be 1 to {MAX_HIDDEN_LAYERS} layer sizes from 1 to {MAX_UNITS}, separated by commas, like 8,8"
            ),
            Kind::Changes if ja => format!(
                "エポック:loss:名前 か エポック:lr:数値 をエポック順に {MAX_CHANGES} 個まで並べたもの (エポックは 2^53 未満、例: 300:loss:bce) でなければなりません"
            ),
            Kind::Changes => format!(
                "must list up to {MAX_CHANGES} epoch:loss:name or epoch:lr:number items in epoch order, epochs below 2^53, like 300:loss:bce"
            ),
            Kind::Points if ja => format!(
                "ページが書き出す形式の点 ({} 点まで) でなければなりません",
                crate::task::own::MAX_LINK_POINTS
            ),
            Kind::Points => format!(
                "must be points as the page writes them, at most {}",
                crate::task::own::MAX_LINK_POINTS
            ),
            Kind::Flag => {
                let words: Vec<&str> = FLAG_WORDS[2..].iter().map(|(w, _)| *w).collect();
                let words = words.join(", ");
                if ja {
                    format!("1 か 0 (または {words}) でなければなりません")
                } else {
                    format!("must be 1 or 0 (or {words})")
                }
            }
        }
    }

    /// Whether `v` lies in a number entry's range (finite, and `false` for an
    /// entry of another kind).
    pub fn admits(&self, v: f64) -> bool {
        match self.kind {
            Kind::Number {
                min,
                min_inclusive,
                max,
                ..
            } => v.is_finite() && (v > min || (min_inclusive && v == min)) && v <= max,
            _ => false,
        }
    }

    /// The default under `rule`: the seed's setting, or Kaneko's program's.
    pub fn default_under(&self, rule: RuleName) -> Value {
        (self.get)(&Params::defaults_under(rule))
    }
}

#[cfg(test)]
mod tests;
