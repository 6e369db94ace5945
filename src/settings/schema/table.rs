//! The table itself: one entry per parameter, in the order the page shows
//! its fields and writes its link.

use super::{t, Attribute, Choice, Control, Display, Kind, Note, Param, Spelling, Text, Value};
use crate::ed::Loss;
use crate::settings::config::RuleName;
use crate::settings::limits::{
    MAX_AT_EPOCH, MAX_LR, MAX_PAGE_SEED, MAX_PARAMETER, MAX_SPEED, MIN_SPEED,
};
use crate::task::{
    Task, MAX_NOISE, MAX_PARITY_BITS, MAX_POINTS, MAX_TEST_FRACTION, MIN_PARITY_BITS, MIN_POINTS,
    MIN_TEST_FRACTION,
};

const fn choice(value: &'static str, en: &'static str, ja: &'static str) -> Choice {
    Choice {
        value,
        label: t(en, ja),
        menu: true,
        plane: false,
        note: None,
        formula: None,
    }
}

const fn plane(value: &'static str, en: &'static str, ja: &'static str) -> Choice {
    Choice {
        plane: true,
        ..choice(value, en, ja)
    }
}

// ED's finding on the spirals (docs/results.md, "ED does not learn spirals"),
// said where a reader meets it, with a run that shows it.
const SPIRALS_NOTE: Note = Note {
    text: t("ED does not learn the two spirals, with this network or under Kaneko's rule: over ten seeds it stays near chance (50 % on test).", "ED 法は 2 つの渦巻きを学習できません。このネットワークでも金子勇の学習則でも、10 個のシードすべてで偶然と変わらない正解率 (テストで 50 %) のままです。"),
    link: t("Race backprop where it can learn them", "学習できる誤差逆伝播法と競争させる"),
    // docs/results.md's race: backprop solves it at epoch 2997, ED not in 10,000.
    href: "?task=spiral&noise=0&hidden=32,32&lr=0.2&shuffle=1&seed=1&race=1&stop=never&speed=200",
};
const SPIRAL3_NOTE: Note = Note {
    text: t("ED does not learn the three spirals: its three networks stay near chance (33 %), under either rule; backprop fits more of the points but does not solve them either.", "ED 法は 3 つの渦巻きを学習できません。どちらの学習則でも 3 つのネットワークは偶然と変わらない正解率 (33 %) のままです。誤差逆伝播法はより多くの点に合わせますが、やはり解けません。"),
    link: t("Race backprop on them", "誤差逆伝播法と競争させる"),
    href: "?task=spiral3&race=1&stop=never&speed=20",
};

// How the reader's own points are made, said beside the map while they are the task.
const POINTS_NOTE: Note = Note {
    text: t("Click or tap the map to add a point of the chosen class; click a point to remove it. Training goes on as you add them.", "マップをクリック (タップ) すると、選んだクラスの点を置けます。点をクリックすると消えます。点を置いている間も学習は続きます。"),
    link: t("Start from an XOR of points", "XOR の形の点から始める"),
    href: "?task=points&data=ARkDIOEcIBkcIeEDIQ",
};
const POINTS3_NOTE: Note = Note {
    link: t("Start from three clusters", "3 つのまとまりから始める"),
    href: "?task=points3&data=AT6JYE2KUDSLGEYHgLuJYcqKUbGLGcMHgX0XcowYYnMZKoSVkg",
    ..POINTS_NOTE
};

/// In [`Task::ALL`]'s order (a test checks it), which is the menu's order.
pub(super) const TASKS: [Choice; 13] = [
    choice(Task::Xor.name(), "XOR", "XOR"),
    choice(Task::And.name(), "AND", "AND"),
    choice(Task::Or.name(), "OR", "OR"),
    choice(Task::Nand.name(), "NAND", "NAND"),
    Choice {
        menu: false,
        ..choice(Task::Parity.name(), "Parity", "パリティ")
    },
    choice(Task::Adder.name(), "2-bit adder", "2 ビット加算器"),
    plane(Task::Circle.name(), "Circle", "円"),
    plane(Task::Gaussians.name(), "Gaussians", "ガウス分布"),
    Choice {
        note: Some(SPIRALS_NOTE),
        ..plane(Task::Spiral.name(), "Spiral", "渦巻き")
    },
    plane(Task::Moons.name(), "Moons", "三日月"),
    Choice {
        note: Some(SPIRAL3_NOTE),
        ..plane(Task::Spiral3.name(), "3-class spiral", "3 クラスの渦巻き")
    },
    // Placed by the reader on the map (www/points.js): no noise, count or test
    // share, so not `plane`. Two classes are one output; three, one output per
    // class, like the three spirals.
    Choice {
        note: Some(POINTS_NOTE),
        ..choice(Task::Points.name(), "Your points", "自分で置いた点")
    },
    Choice {
        note: Some(POINTS3_NOTE),
        ..choice(
            Task::Points3.name(),
            "Your points, 3 classes",
            "自分で置いた点 (3 クラス)",
        )
    },
];

/// A loss, with its derivative's formula (written by [`Loss`] itself).
const fn loss(loss: Loss, en: &'static str, ja: &'static str) -> Choice {
    Choice {
        formula: Some(loss.derivative_formula()),
        ..choice(loss.name(), en, ja)
    }
}

/// In [`Loss::ALL`]'s order, which numbers the losses in the history. Their
/// labels are the page's every name for them: the menu's, the legend's and the
/// explanation's.
const LOSSES: [Choice; 3] = [
    loss(Loss::Mse, "MSE", "MSE"),
    loss(Loss::Bce, "BCE", "BCE"),
    loss(Loss::BceWithLogits, "BCE with logits", "BCE (ロジット入力)"),
];

pub(super) const RULES: [Choice; 2] = [
    choice(RuleName::Seed.name(), "Loss-based", "損失関数ベース"),
    choice(
        RuleName::Kaneko.name(),
        "Kaneko's original (1999)",
        "金子勇のオリジナル (1999)",
    ),
];

/// The speeds the page's slider walks, epochs per frame.
pub const SPEEDS: [f64; 16] = [
    0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0,
    10000.0,
];

/// The languages of the interface; `auto` is the browser's.
const LANGUAGES: [Choice; 3] = [
    choice("auto", "The browser's", "ブラウザに合わせる"),
    choice("en", "English", "English"),
    choice("ja", "日本語", "日本語"),
];

/// When training stops by itself.
const STOPS: [Choice; 2] = [
    choice("solved", "When solved", "解けたら"),
    choice("never", "Never", "止めない"),
];

const fn number(min: f64, min_inclusive: bool, max: f64, stated: Text) -> Kind {
    Kind::Number {
        min,
        min_inclusive,
        max,
        stated,
    }
}

const POSITIVE: Kind = number(
    0.0,
    false,
    MAX_PARAMETER,
    t("greater than 0 and at most 100", "0 より大きく 100 以下"),
);
const NON_NEGATIVE: Kind = number(
    0.0,
    true,
    MAX_PARAMETER,
    t("from 0 to 100", "0 以上 100 以下"),
);

/// A parameter with the common settings; each entry below changes what it needs.
const BASE: Param = Param {
    name: "",
    attribute: Attribute::Name,
    kind: Kind::Flag,
    spelling: Spelling::Exact,
    control: Control::None,
    display: Display::Plain,
    config: true,
    live: false,
    rule: None,
    plane: false,
    optional: true,
    label: t("", ""),
    kaneko_label: None,
    help: t("", ""),
    get: |_| Value::Absent,
    set: |_, _| {},
};

/// Every parameter, in the order the page shows its fields and writes its link.
pub static PARAMS: [Param; 24] = [
    Param {
        name: "loss",
        kind: Kind::Choice(&LOSSES),
        control: Control::Select,
        live: true,
        optional: false,
        label: t("Loss function", "損失関数"),
        help: t("What the output's error is measured by; switch it while it trains.", "出力の誤差を測る関数。学習中にも切り替えられます。"),
        get: |p| Value::Choice(p.config.loss.name()),
        set: |p, v| p.config.loss = Loss::from_name(v.choice()).unwrap_or(p.config.loss),
        ..BASE
    },
    Param {
        name: "rule",
        kind: Kind::Choice(&RULES),
        control: Control::Select,
        label: t("Rule", "学習則"),
        help: t("Loss-based: the one error signal every layer gets is the slope of the loss function (the rule of the article this project started from). Kaneko's original: his 1999 program's rule and defaults, with his u0, u1 and beta.", "損失関数ベース: 全層が受け取るただ一つの誤差信号が損失関数の傾き (このプロジェクトの出発点になった記事の学習則)。金子勇のオリジナル: 1999 年の彼のプログラムの学習則と既定値 (u0, u1, beta を含む)。"),
        get: |p| Value::Choice(p.config.rule.name()),
        set: |p, v| p.config.rule = RuleName::from_name(v.choice()).unwrap_or(p.config.rule),
        ..BASE
    },
    Param {
        name: "lr",
        kind: number(0.0, false, MAX_LR, t("greater than 0 and at most 1e308", "0 より大きく 1e308 以下")),
        control: Control::Text,
        live: true,
        optional: false,
        label: t("Learning rate", "学習率"),
        kaneko_label: Some(t("Learning rate (alpha)", "学習率 (alpha)")),
        help: t("How far each weight grows per pattern (Kaneko's alpha under his rule), greater than 0.", "パターンごとに各重みをどれだけ増やすか (金子勇の学習則では alpha)。0 より大きい値。"),
        get: |p| Value::Number(p.config.lr),
        set: |p, v| p.config.lr = v.number(),
        ..BASE
    },
    Param {
        name: "u0",
        kind: POSITIVE,
        control: Control::Text,
        rule: Some(RuleName::Kaneko),
        label: t("Sigmoid width (u0)", "シグモイドの幅 (u0)"),
        help: t("How gently each unit turns on: f(u) = 1 / (1 + exp(-2u / u0)); smaller is steeper. Greater than 0, at most 100.", "各ユニットの立ち上がりのなだらかさ: f(u) = 1 / (1 + exp(-2u / u0))。小さいほど急になります。0 より大きく 100 以下。"),
        get: |p| Value::Number(p.config.u0),
        set: |p, v| p.config.u0 = v.number(),
        ..BASE
    },
    Param {
        name: "beta",
        kind: NON_NEGATIVE,
        control: Control::Text,
        rule: Some(RuleName::Kaneko),
        label: t("Bias input (beta)", "バイアス入力 (beta)"),
        help: t("The constant Kaneko's two bias units (one +, one −) feed every unit, 0 to 100.", "金子勇の 2 つのバイアスユニット (+ と − が 1 つずつ) が全ユニットに送る定数。0 以上 100 以下。"),
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
        label: t("Hidden error share (u1)", "隠れ層への誤差の配分 (u1)"),
        help: t("How much of the error signal (Kaneko's “amine”) the hidden layers get, as a multiple of the output's, 0 to 100.", "誤差信号 (金子勇の言う「アミン」) を隠れ層がどれだけ受け取るか。出力層の何倍か、0 以上 100 以下。"),
        get: |p| Value::Number(p.config.u1),
        set: |p, v| p.config.u1 = v.number(),
        ..BASE
    },
    Param {
        name: "speed",
        config: false,
        kind: number(MIN_SPEED, true, MAX_SPEED, t("from 0.1 to 10000", "0.1 以上 10000 以下")),
        control: Control::Steps(&SPEEDS),
        display: Display::PerFrame,
        live: true,
        optional: false,
        label: t("Speed", "速度"),
        help: t("Epochs trained per animation frame.", "アニメーションの 1 フレームごとに学習するエポック数。"),
        get: |p| Value::Number(p.speed),
        set: |p, v| p.speed = v.number(),
        ..BASE
    },
    Param {
        name: "task",
        kind: Kind::Choice(&TASKS),
        control: Control::Select,
        optional: false,
        label: t("Task", "タスク"),
        help: t("What the network learns: a truth table, or points on a plane.", "ネットワークが学習するもの: 真理値表、または平面上の点。"),
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
        label: t("Parity bits", "パリティのビット数"),
        help: t("Input bits of the parity task.", "パリティタスクの入力ビット数。"),
        get: |p| Value::Whole(p.config.bits as u64),
        set: |p, v| p.config.bits = v.whole() as usize,
        ..BASE
    },
    Param {
        name: "noise",
        kind: number(0.0, true, MAX_NOISE, t("from 0 to 0.5", "0 以上 0.5 以下")),
        control: Control::Slider { step: 0.05 },
        display: Display::Decimal2,
        plane: true,
        label: t("Noise", "ノイズ"),
        help: t("How far the points stray from their shape.", "点が形からどれだけずれるか。"),
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
            t("from 0.1 to 0.9", "0.1 以上 0.9 以下"),
        ),
        control: Control::Slider { step: 0.1 },
        display: Display::Percent,
        plane: true,
        label: t("Test share", "テストデータの割合"),
        help: t("The share of the points held out to test on.", "テスト用に取り分けておく点の割合。"),
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
        label: t("Points", "点の数"),
        help: t("Points drawn, training and test together.", "生成する点の数 (訓練データとテストデータの合計)。"),
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
        label: t("Hidden layers", "隠れ層"),
        help: t("How many units each hidden layer has, 1 to 4 layers, like 8,8.", "各隠れ層のユニット数。1 〜 4 層、例: 8,8。"),
        get: |p| Value::Layers(p.config.hidden.clone()),
        set: |p, v| p.config.hidden = v.layers().to_vec(),
        ..BASE
    },
    Param {
        name: "race",
        config: false,
        control: Control::Check,
        label: t("Race backprop", "誤差逆伝播法と競争"),
        help: t("Train plain backprop on the same network beside ED.", "同じネットワークを普通の誤差逆伝播法でも学習させ、ED 法と並べます。"),
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
        label: t("Random seed", "乱数シード"),
        help: t("The number the initial weights (and a plane's points) are drawn from: the same seed gives the same run.", "重みの初期値 (と平面の点) を決める数。同じシードなら同じ学習になります。"),
        get: |p| Value::Whole(p.config.seed),
        set: |p, v| p.config.seed = v.whole(),
        ..BASE
    },
    Param {
        name: "paused",
        attribute: Attribute::Without,
        config: false,
        optional: false,
        label: t("Paused", "一時停止"),
        help: t("Open the link paused.", "リンクを一時停止した状態で開きます。"),
        get: |p| Value::Flag(p.paused),
        set: |p, v| p.paused = v.flag(),
        ..BASE
    },
    Param {
        name: "stop",
        config: false,
        kind: Kind::Choice(&STOPS),
        label: t("Stop training", "学習の停止"),
        help: t("When solved: training pauses once the task is solved, with Replay and Keep training; never: it trains on.", "解けたら: タスクが解けた時点で学習が止まり、再生するか学習を続けるかを選べます。止めない: そのまま学習を続けます。"),
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
        label: t("Open at epoch", "開くエポック"),
        help: t("The link opens paused at this epoch, the run replayed to it from the start.", "リンクをこのエポックで一時停止した状態で開きます。学習は最初からそこまで再現されます。"),
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
        label: t("Presentation mode", "プレゼンテーションモード"),
        help: t("Open the page in presentation mode: the network, the map and the loss chart on one screen, in large type.", "ページをプレゼンテーションモードで開きます: ネットワーク、決定マップ、損失のグラフを 1 画面に大きな文字で。"),
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
        spelling: Spelling::LanguageTag,
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
        label: t("Live changes", "学習中の変更"),
        help: t("Loss and learning-rate changes replayed at their epochs.", "損失関数と学習率の変更を、それぞれのエポックで再現します。"),
        get: |p| Value::Changes(p.changes.clone()),
        set: |p, v| p.changes = v.changes().to_vec(),
        ..BASE
    },
    Param {
        name: "data",
        config: false,
        kind: Kind::Points,
        label: t("Your points", "自分で置いた点"),
        help: t("The points of the tasks points and points3, up to 200, as the page writes them (docs/playground.md).", "タスク points と points3 の点 (200 点まで)。ページが書き出す形式 (docs/playground.md)。"),
        get: |p| Value::Points(p.data.clone()),
        set: |p, v| p.data = v.points().to_string(),
        ..BASE
    },
    Param {
        name: "init_range",
        kind: POSITIVE,
        label: t("Initial weight range", "重みの初期値の範囲"),
        help: t("Initial magnitudes are drawn from U(0, init_range).", "重みの初期値の大きさを U(0, init_range) から引きます。"),
        get: |p| Value::Number(p.config.init_range),
        set: |p, v| p.config.init_range = v.number(),
        ..BASE
    },
    Param {
        name: "shuffle",
        label: t("Shuffle patterns", "パターンのシャッフル"),
        help: t("A new pattern order every epoch, drawn from the seed.", "エポックごとにパターンの順番をシードから引き直します。"),
        get: |p| Value::Flag(p.config.shuffle),
        set: |p, v| p.config.shuffle = v.flag(),
        ..BASE
    },
];

/// The entry of `name`, if the playground has such a parameter.
pub fn param(name: &str) -> Option<&'static Param> {
    PARAMS.iter().find(|p| p.name == name)
}
