//! The table itself: one entry per parameter, in the order the page shows
//! its fields and writes its link.

use super::{en, t, Attribute, Choice, Control, Display, Kind, Note, Param, Value};
use crate::ed::Loss;
use crate::settings::config::{RuleName, MAX_LR, MAX_PARAMETER};
use crate::settings::params::{MAX_AT_EPOCH, MAX_PAGE_SEED, MAX_SPEED, MIN_SPEED};
use crate::task::{
    Task, MAX_NOISE, MAX_PARITY_BITS, MAX_POINTS, MAX_TEST_FRACTION, MIN_PARITY_BITS, MIN_POINTS,
    MIN_TEST_FRACTION,
};

const fn choice(value: &'static str, label: &'static str) -> Choice {
    Choice {
        value,
        label: en(label),
        menu: true,
        plane: false,
        note: None,
    }
}

const fn plane(value: &'static str, label: &'static str) -> Choice {
    Choice {
        plane: true,
        ..choice(value, label)
    }
}

// ED's finding on the spirals (docs/results.md, "ED does not learn spirals"),
// said where a reader meets it, with a run that shows it.
const SPIRALS_NOTE: Note = Note {
    text: en("ED does not learn the two spirals, with this network or under Kaneko's rule: over ten seeds it stays near chance (50 % on test)."),
    link: en("Race backprop where it can learn them"),
    // docs/results.md's race: backprop solves it at epoch 2997, ED not in 10,000.
    href: "?task=spiral&noise=0&hidden=32,32&lr=0.2&shuffle=1&seed=1&race=1&stop=never&speed=200",
};
const SPIRAL3_NOTE: Note = Note {
    text: en("ED does not learn the three spirals: its three networks stay near chance (33 %), under either rule; backprop fits more of the points but does not solve them either."),
    link: en("Race backprop on them"),
    href: "?task=spiral3&race=1&stop=never&speed=20",
};

/// In [`Task::ALL`]'s order (a test checks it), which is the menu's order.
pub(super) const TASKS: [Choice; 11] = [
    choice(Task::Xor.name(), "XOR"),
    choice(Task::And.name(), "AND"),
    choice(Task::Or.name(), "OR"),
    choice(Task::Nand.name(), "NAND"),
    Choice {
        menu: false,
        ..choice(Task::Parity.name(), "Parity")
    },
    choice(Task::Adder.name(), "2-bit adder"),
    plane(Task::Circle.name(), "Circle"),
    plane(Task::Gaussians.name(), "Gaussians"),
    Choice {
        note: Some(SPIRALS_NOTE),
        ..plane(Task::Spiral.name(), "Spiral")
    },
    plane(Task::Moons.name(), "Moons"),
    Choice {
        note: Some(SPIRAL3_NOTE),
        ..plane(Task::Spiral3.name(), "3-class spiral")
    },
];

/// In [`Loss::ALL`]'s order, which numbers the losses in the history.
const LOSSES: [Choice; 3] = [
    choice(Loss::Mse.name(), "MSE"),
    choice(Loss::Bce.name(), "BCE"),
    choice(Loss::BceWithLogits.name(), "BCE with logits"),
];

pub(super) const RULES: [Choice; 2] = [
    choice(RuleName::Seed.name(), "Loss-based"),
    choice(RuleName::Kaneko.name(), "Kaneko's original (1999)"),
];

/// The speeds the page's slider walks, epochs per frame.
pub const SPEEDS: [f64; 16] = [
    0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0,
    10000.0,
];

/// The languages of the interface; `auto` is the browser's.
const LANGUAGES: [Choice; 3] = [
    choice("auto", "The browser's"),
    choice("en", "English"),
    choice("ja", "日本語"),
];

/// When training stops by itself.
const STOPS: [Choice; 2] = [choice("solved", "When solved"), choice("never", "Never")];

const fn number(min: f64, min_inclusive: bool, max: f64, stated: &'static str) -> Kind {
    Kind::Number {
        min,
        min_inclusive,
        max,
        stated,
    }
}

const POSITIVE: Kind = number(0.0, false, MAX_PARAMETER, "greater than 0 and at most 100");
const NON_NEGATIVE: Kind = number(0.0, true, MAX_PARAMETER, "from 0 to 100");

/// A parameter with the common settings; each entry below changes what it needs.
const BASE: Param = Param {
    name: "",
    attribute: Attribute::Name,
    kind: Kind::Flag,
    control: Control::None,
    display: Display::Plain,
    config: true,
    live: false,
    rule: None,
    plane: false,
    optional: true,
    label: en(""),
    kaneko_label: None,
    help: en(""),
    get: |_| Value::Absent,
    set: |_, _| {},
};

/// Every parameter, in the order the page shows its fields and writes its link.
pub static PARAMS: [Param; 23] = [
    Param {
        name: "loss",
        kind: Kind::Choice(&LOSSES),
        control: Control::Select,
        live: true,
        optional: false,
        label: en("Loss function"),
        help: en("What the output's error is measured by; switch it while it trains."),
        get: |p| Value::Choice(p.config.loss.name()),
        set: |p, v| p.config.loss = Loss::from_name(v.choice()).unwrap_or(p.config.loss),
        ..BASE
    },
    Param {
        name: "rule",
        kind: Kind::Choice(&RULES),
        control: Control::Select,
        label: en("Rule"),
        help: en("Loss-based: the one error signal every layer gets is the slope of the loss function (the rule of the article this project started from). Kaneko's original: his 1999 program's rule and defaults, with his u0, u1 and beta."),
        get: |p| Value::Choice(p.config.rule.name()),
        set: |p, v| p.config.rule = RuleName::from_name(v.choice()).unwrap_or(p.config.rule),
        ..BASE
    },
    Param {
        name: "lr",
        kind: number(0.0, false, MAX_LR, "greater than 0 and at most 1e308"),
        control: Control::Text,
        live: true,
        optional: false,
        label: en("Learning rate"),
        kaneko_label: Some(en("Learning rate (alpha)")),
        help: en("How far each weight grows per pattern (Kaneko's alpha under his rule), greater than 0."),
        get: |p| Value::Number(p.config.lr),
        set: |p, v| p.config.lr = v.number(),
        ..BASE
    },
    Param {
        name: "u0",
        kind: POSITIVE,
        control: Control::Text,
        rule: Some(RuleName::Kaneko),
        label: en("Sigmoid width (u0)"),
        help: en("How gently each unit turns on: f(u) = 1 / (1 + exp(-2u / u0)); smaller is steeper. Greater than 0, at most 100."),
        get: |p| Value::Number(p.config.u0),
        set: |p, v| p.config.u0 = v.number(),
        ..BASE
    },
    Param {
        name: "beta",
        kind: NON_NEGATIVE,
        control: Control::Text,
        rule: Some(RuleName::Kaneko),
        label: en("Bias input (beta)"),
        help: en("The constant Kaneko's two bias units (one +, one −) feed every unit, 0 to 100."),
        get: |p| p.config.beta.map_or(Value::Absent, Value::Number),
        // Absent: no bias units (a model file's `null`).
        set: |p, v| {
            p.config.beta = match v {
                Value::Number(beta) => Some(*beta),
                _ => None,
            }
        },
        ..BASE
    },
    Param {
        name: "u1",
        kind: NON_NEGATIVE,
        control: Control::Text,
        rule: Some(RuleName::Kaneko),
        label: en("Hidden error share (u1)"),
        help: en("How much of the error signal (Kaneko's “amine”) the hidden layers get, as a multiple of the output's, 0 to 100."),
        get: |p| Value::Number(p.config.u1),
        set: |p, v| p.config.u1 = v.number(),
        ..BASE
    },
    Param {
        name: "speed",
        config: false,
        kind: number(MIN_SPEED, true, MAX_SPEED, "from 0.1 to 10000"),
        control: Control::Steps(&SPEEDS),
        display: Display::PerFrame,
        live: true,
        optional: false,
        label: en("Speed"),
        help: en("Epochs trained per animation frame."),
        get: |p| Value::Number(p.speed),
        set: |p, v| p.speed = v.number(),
        ..BASE
    },
    Param {
        name: "task",
        kind: Kind::Choice(&TASKS),
        control: Control::Select,
        optional: false,
        label: en("Task"),
        help: en("What the network learns: a truth table, or points on a plane."),
        get: |p| Value::Choice(p.config.task.name()),
        set: |p, v| p.config.task = Task::from_name(v.choice()).unwrap_or(p.config.task),
        ..BASE
    },
    Param {
        name: "bits",
        kind: Kind::Whole {
            min: MIN_PARITY_BITS as u64,
            max: MAX_PARITY_BITS as u64,
        },
        label: en("Parity bits"),
        help: en("Input bits of the parity task."),
        get: |p| Value::Whole(p.config.bits as u64),
        set: |p, v| p.config.bits = v.whole() as usize,
        ..BASE
    },
    Param {
        name: "noise",
        kind: number(0.0, true, MAX_NOISE, "from 0 to 0.5"),
        control: Control::Slider { step: 0.05 },
        display: Display::Decimal2,
        plane: true,
        label: en("Noise"),
        help: en("How far the points stray from their shape."),
        get: |p| Value::Number(p.config.noise),
        set: |p, v| p.config.noise = v.number(),
        ..BASE
    },
    Param {
        name: "test_fraction",
        kind: number(
            MIN_TEST_FRACTION,
            true,
            MAX_TEST_FRACTION,
            "from 0.1 to 0.9",
        ),
        control: Control::Slider { step: 0.1 },
        display: Display::Percent,
        plane: true,
        label: en("Test share"),
        help: en("The share of the points held out to test on."),
        get: |p| Value::Number(p.config.test_fraction),
        set: |p, v| p.config.test_fraction = v.number(),
        ..BASE
    },
    Param {
        name: "points",
        kind: Kind::Whole {
            min: MIN_POINTS as u64,
            max: MAX_POINTS as u64,
        },
        plane: true,
        label: en("Points"),
        help: en("Points drawn, training and test together."),
        get: |p| Value::Whole(p.config.points as u64),
        set: |p, v| p.config.points = v.whole() as usize,
        ..BASE
    },
    Param {
        name: "hidden",
        attribute: Attribute::Named("layers"),
        kind: Kind::Layers,
        control: Control::Text,
        optional: false,
        label: en("Hidden layers"),
        help: en("How many units each hidden layer has, 1 to 4 layers, like 8,8."),
        get: |p| Value::Layers(p.config.hidden.clone()),
        set: |p, v| p.config.hidden = v.layers().to_vec(),
        ..BASE
    },
    Param {
        name: "race",
        config: false,
        control: Control::Check,
        label: en("Race backprop"),
        help: en("Train plain backprop on the same network beside ED."),
        get: |p| Value::Flag(p.race),
        set: |p, v| p.race = v.flag(),
        ..BASE
    },
    Param {
        name: "seed",
        kind: Kind::Whole {
            min: 0,
            max: MAX_PAGE_SEED,
        },
        control: Control::Seed,
        optional: false,
        label: en("Random seed"),
        help: en("The number the initial weights (and a plane's points) are drawn from: the same seed gives the same run."),
        get: |p| Value::Whole(p.config.seed),
        set: |p, v| p.config.seed = v.whole(),
        ..BASE
    },
    Param {
        name: "paused",
        attribute: Attribute::Without,
        config: false,
        optional: false,
        label: en("Paused"),
        help: en("Open the link paused."),
        get: |p| Value::Flag(p.paused),
        set: |p, v| p.paused = v.flag(),
        ..BASE
    },
    Param {
        name: "stop",
        config: false,
        kind: Kind::Choice(&STOPS),
        label: en("Stop training"),
        help: en("When solved: training pauses once the task is solved, with Replay and Keep training; never: it trains on."),
        get: |p| Value::Choice(if p.stop_when_solved { "solved" } else { "never" }),
        set: |p, v| p.stop_when_solved = v.choice() != "never",
        ..BASE
    },
    Param {
        name: "at",
        config: false,
        kind: Kind::Whole {
            min: 0,
            max: MAX_AT_EPOCH,
        },
        label: en("Open at epoch"),
        help: en("The link opens paused at this epoch, the run replayed to it from the start."),
        get: |p| Value::Whole(p.at),
        set: |p, v| p.at = v.whole(),
        ..BASE
    },
    Param {
        name: "present",
        config: false,
        // The page's mode: a figure in a post has no use for it.
        attribute: Attribute::Without,
        // Shown and hidden on the running page: no new run.
        live: true,
        label: en("Presentation mode"),
        help: en("Open the page in presentation mode: the network, the map and the loss chart on one screen, in large type."),
        get: |p| Value::Flag(p.present),
        set: |p, v| p.present = v.flag(),
        ..BASE
    },
    Param {
        name: "lang",
        config: false,
        // The words a reader sees, not the run: no new run.
        live: true,
        kind: Kind::Choice(&LANGUAGES),
        // An element's language is HTML's own `lang` attribute (its own, or the
        // nearest around it), read as HTML reads it (`ja-JP` is Japanese).
        attribute: Attribute::Without,
        label: t("Language", "言語"),
        help: t(
            "The language of the page: the browser's own (auto), English or Japanese.",
            "ページの言語: ブラウザの設定に合わせる (auto)、英語、日本語。",
        ),
        get: |p| Value::Choice(p.lang),
        set: |p, v| p.lang = v.choice(),
        ..BASE
    },
    Param {
        name: "changes",
        config: false,
        kind: Kind::Changes,
        label: en("Live changes"),
        help: en("Loss and learning-rate changes replayed at their epochs."),
        get: |p| Value::Changes(p.changes.clone()),
        set: |p, v| p.changes = v.changes().to_vec(),
        ..BASE
    },
    Param {
        name: "init_range",
        kind: POSITIVE,
        label: en("Initial weight range"),
        help: en("Initial magnitudes are drawn from U(0, init_range)."),
        get: |p| Value::Number(p.config.init_range),
        set: |p, v| p.config.init_range = v.number(),
        ..BASE
    },
    Param {
        name: "shuffle",
        label: en("Shuffle patterns"),
        help: en("A new pattern order every epoch, drawn from the seed."),
        get: |p| Value::Flag(p.config.shuffle),
        set: |p, v| p.config.shuffle = v.flag(),
        ..BASE
    },
];
