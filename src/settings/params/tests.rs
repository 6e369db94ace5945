//! The parameters read as text: good values apply, each bad one is named and
//! the rest applies, and the bounds hold.

use super::*;
use crate::settings::schema::PARAMS;
use crate::task::own;

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
    assert_eq!((p.speed, p.paused), (10_000.0, true));
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
        ("race", "maybe"),
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
        ("paused", "2"),
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
fn a_change_epoch_is_one_a_js_number_holds_exactly() {
    // The page would round 2^53 + 1 and write back a link to another run.
    for epoch in [
        "9007199254740992",
        "9007199254740993",
        "18446744073709551615",
    ] {
        let (_, problems) = read(&[("changes", &format!("{epoch}:loss:bce"))]);
        assert_eq!(problems[0].name, "changes", "{epoch}");
    }
    let (p, problems) = read(&[("changes", "9007199254740991:loss:bce")]);
    assert!(problems.is_empty());
    assert_eq!(p.changes[0].epoch, MAX_PAGE_SEED);
}

#[test]
fn a_huge_value_is_refused_quickly() {
    let huge = "9".repeat(1 << 20);
    for name in PARAMS.map(|p| p.name) {
        let (_, problems) = read(&[(name, &huge)]);
        assert_eq!(problems.len(), 1, "{name}");
    }
}

/// Issue 12, item 9: number text past the length limit is refused for its
/// length, not as out of range, whatever its value.
#[test]
fn number_text_too_long_is_refused_for_its_length() {
    let long = "0.1000000000000000055511151231257827";
    assert_eq!(long.len(), 36);
    let (p, problems) = read(&[("lr", long)]);
    assert_eq!(p.config.lr, Params::default().config.lr);
    assert_eq!(
        problems,
        [ParamError {
            name: "lr",
            message: format!(
                "must be number text of at most {MAX_NUMBER_TEXT} characters (17 significant digits and an exponent fit), got 36"
            ),
            ja: format!(
                "{MAX_NUMBER_TEXT} 文字以内の数値でなければなりません (有効数字 17 桁と指数が入ります。36 文字ありました)"
            ),
        }]
    );
    // At the limit the value is read; out of range it is refused by its range.
    let (p, problems) = read(&[("lr", "0.100000000000000005551115123125")]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(p.config.lr, 0.1);
    let (_, problems) = read(&[("lr", "-1")]);
    let must = schema::param("lr").unwrap().must();
    assert_eq!(problems[0].message, format!("{must}, not “-1”"));
}

/// Issue 13, item 9: one rule for every flag, in any case; a link is still
/// written with 1 and 0 (the page's writer), and both read back.
#[test]
fn every_flag_takes_yes_no_true_false_on_off_1_0() {
    for (text, on) in [
        ("1", true),
        ("0", false),
        ("yes", true),
        ("No", false),
        ("true", true),
        ("FALSE", false),
        (" on ", true),
        ("off", false),
    ] {
        let (p, problems) = read(&[("race", text), ("paused", text), ("shuffle", text)]);
        assert!(problems.is_empty(), "{text}: {problems:?}");
        assert_eq!((p.race, p.paused, p.config.shuffle), (on, on, on), "{text}");
    }
    for text in ["", "2", "y", "enabled", "truee"] {
        let (p, problems) = read(&[("race", text)]);
        assert!(!p.race);
        assert_eq!(problems.len(), 1, "{text}");
        assert_eq!(
            problems[0].message,
            format!(
                "must be 1 or 0 (or yes, no, true, false, on, off), not “{}”",
                text.trim()
            )
        );
    }
}

#[test]
fn a_refusal_repeats_the_value_and_a_choice_suggests_the_nearest_option() {
    let message = |name: &str, text: &str| read(&[(name, text)]).1[0].message.clone();
    let tasks = schema::param("task").unwrap().must();
    assert_eq!(
        message("task", "moon"),
        format!("{tasks}, not “moon” (did you mean moons?)")
    );
    assert!(message("task", "XOR").ends_with("not “XOR” (did you mean xor?)"));
    assert!(message("task", "spiral-3").ends_with("(did you mean spiral3?)"));
    assert!(message("loss", "bce_with_logits").ends_with("(did you mean bce-with-logits?)"));
    assert!(message("rule", "kanekoo").ends_with("(did you mean kaneko?)"));
    // Nothing near: no guess.
    assert!(message("loss", "hinge").ends_with("not “hinge”"));
    assert!(message("rule", "backprop").ends_with("not “backprop”"));
    // Every kind repeats what it refused; a long text is cut short.
    assert!(message("hidden", "8,x").ends_with(", not “8,x”"));
    assert!(message("seed", "-1").ends_with(", not “-1”"));
    let long = format!("{}9", "8,".repeat(30));
    assert!(message("hidden", &long).ends_with(&format!(", not “{}…”", &long[..40])));
}

/// Issue 14: the page's Japanese refusal says the same things: what the value
/// must be, the value in 「」, and the option it was likely meant to be.
#[test]
fn a_refusal_is_told_in_japanese_too() {
    let ja = |name: &str, text: &str| read(&[(name, text)]).1[0].ja.clone();
    let tasks = schema::param("task").unwrap().must_in(Lang::Ja);
    assert_eq!(
        ja("task", "moon"),
        format!("{tasks} (「moon」は不可、もしかして moons?)")
    );
    assert_eq!(
        ja("lr", "abc"),
        "0 より大きく 1e308 以下の数でなければなりません (「abc」は不可)"
    );
    assert_eq!(
        ja("seed", "-1"),
        format!("0 以上 {MAX_PAGE_SEED} 以下の整数でなければなりません (「-1」は不可)")
    );
    let long = format!("{}9", "8,".repeat(30));
    assert!(ja("hidden", &long).ends_with(&format!("(「{}…」は不可)", &long[..40])));
    let (_, problems) = read(&[("task", "xor"), ("bits", "4")]);
    assert_eq!(problems[0].ja, "パリティのタスクでだけ使われます");
}

#[test]
fn edit_distance_counts_single_character_edits() {
    for (a, b, d) in [
        ("", "", 0),
        ("moons", "moons", 0),
        ("moon", "moons", 1),
        ("tsk", "task", 1),
        ("circel", "circle", 1), // a swap of neighbours is one edit
        ("XOR", "xor", 0),       // case aside
        ("kitten", "sitting", 3),
        ("", "abc", 3),
        ("pause", "play", 4),
        ("layers", "hidden", 6),
    ] {
        assert_eq!(edit_distance(a, b), d, "{a} → {b}");
        assert_eq!(edit_distance(b, a), d, "{b} → {a}");
    }
}

#[test]
fn nearest_suggests_only_a_likely_meaning() {
    let tasks = ["xor", "and", "or", "nand", "moons", "spiral", "spiral3"];
    assert_eq!(nearest("moon", tasks), Some("moons"));
    assert_eq!(nearest(" Moons ", tasks), Some("moons"));
    assert_eq!(nearest("spirl", tasks), Some("spiral"));
    assert_eq!(nearest("nor", tasks), Some("xor"), "the first of equals");
    assert_eq!(nearest("tsk", ["task", "seed", "speed"]), Some("task"));
    assert_eq!(nearest("pause", ["play", "step", "reset"]), None);
    assert_eq!(nearest("circle", tasks), None);
    assert_eq!(nearest("", tasks), None);
    // A one-letter option is never a guess for a different letter.
    assert_eq!(nearest("b", ["a"]), None);
    assert_eq!(nearest(&"x".repeat(1 << 20), tasks), None);
}

#[test]
fn a_link_of_a_third_class_in_a_two_class_task_is_refused_and_the_rest_kept() {
    let data = own::encode(&[own::OwnPoint {
        x: 0,
        y: 0,
        class: 2,
    }]);
    let pairs = [("task", "points"), ("data", data.as_str()), ("seed", "7")];
    let (params, problems) = Params::from_pairs(pairs, parse_number_native);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].name, "data");
    assert!(params.data.is_empty());
    assert_eq!(
        (params.config.task, params.config.seed),
        (crate::task::Task::Points, 7)
    );
    let pairs = [("task", "points3"), ("data", data.as_str())];
    let (params, problems) = Params::from_pairs(pairs, parse_number_native);
    assert!(problems.is_empty());
    assert_eq!(params.data, data);
    // A bad value is named and the rest of the link still applies.
    let (params, problems) = Params::from_pairs(
        [("task", "points"), ("data", "!!"), ("seed", "7")],
        parse_number_native,
    );
    assert_eq!(problems[0].name, "data");
    assert!(
        problems[0].message.starts_with("is not points"),
        "{}",
        problems[0].message
    );
    assert_eq!(params.config.seed, 7);
}

#[test]
fn the_text_the_page_writes_parses_to_the_value_its_entry_writes() {
    // The half of schema's each_entry_writes_what_it_reads that reads text.
    let mut params = Params::default();
    for (name, text, want) in [
        ("init_range", "2.5", Value::Number(2.5)),
        ("shuffle", "1", Value::Flag(true)),
        ("beta", "0.3", Value::Number(0.3)),
        ("task", "moons", Value::Choice("moons")),
    ] {
        let v = parse_value(name, text, parse_number_native).unwrap();
        assert_eq!(v, want);
        let p = schema::param(name).unwrap();
        (p.set)(&mut params, &v);
        assert_eq!((p.get)(&params), want);
    }
    assert_eq!(params.config.init_range, 2.5);
    assert!(params.config.shuffle);
}

#[test]
fn the_spirals_and_the_readers_points_carry_a_note_whose_link_opens_them() {
    // ED's finding (docs/results.md): it learns neither spiral. The note's link
    // is a run of this page, so each of its parameters must read back.
    let Kind::Choice(tasks) = schema::param("task").unwrap().kind else {
        panic!("task is a choice");
    };
    let noted: Vec<&str> = tasks
        .iter()
        .filter(|t| t.note.is_some())
        .map(|t| t.value)
        .collect();
    assert_eq!(noted, ["spiral", "spiral3", "points", "points3"]);
    for task in tasks.iter().filter(|t| t.note.is_some()) {
        let note = task.note.unwrap();
        assert!(!note.text.en.is_empty() && !note.link.en.is_empty());
        let query = note.href.strip_prefix('?').expect("a query of the page");
        let pairs: Vec<(&str, &str)> = query
            .split('&')
            .map(|pair| pair.split_once('=').expect("name=value"))
            .collect();
        assert!(
            pairs.iter().all(|(name, _)| schema::param(name).is_some()),
            "{query}"
        );
        let (params, problems) = Params::from_pairs(pairs, parse_number_native);
        assert!(problems.is_empty(), "{query}: {problems:?}");
        assert_eq!(params.config.task.name(), task.value);
        // The spirals' note races backprop; the reader's points' opens a set of them.
        if task.value.starts_with("spiral") {
            assert!(params.race && !params.stop_when_solved, "{query}");
        } else {
            assert!(!params.data.is_empty(), "{query}");
        }
    }
}

#[test]
fn a_language_is_read_as_html_reads_a_lang_attribute() {
    // Case-insensitive, its region and script ignored: what an element's `lang` takes.
    for (text, lang) in [
        ("ja", "ja"),
        ("ja-JP", "ja"),
        ("JA", "ja"),
        ("En-us", "en"),
        ("en-Latn-GB", "en"),
        ("auto", "auto"),
        ("AUTO", "auto"),
    ] {
        let (p, problems) = read(&[("lang", text)]);
        assert!(problems.is_empty(), "{text}: {problems:?}");
        assert_eq!(p.lang, lang, "{text}");
    }
    // A language the page does not speak is refused, named as written.
    for text in ["fr", "fr-JA", "jap", "", "-ja"] {
        let (p, problems) = read(&[("lang", text)]);
        assert_eq!(problems.len(), 1, "{text}");
        assert_eq!(problems[0].name, "lang");
        assert_eq!(p.lang, Params::default().lang);
    }
}
