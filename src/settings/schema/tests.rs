//! The table against the engine it describes: every name, option, bound and
//! message matches what the engine accepts, and every entry reads and writes
//! its own field.

use super::table::{RULES, TASKS};
use super::*;
use crate::ed::Loss;
use crate::settings::config::Config;
use crate::settings::limits::{MAX_CHANGES, MAX_LR, MAX_SPEED, MIN_SPEED};
use crate::task::{own, Task};

#[test]
fn names_are_unique() {
    for (i, a) in PARAMS.iter().enumerate() {
        assert!(
            PARAMS[i + 1..].iter().all(|b| b.name != a.name),
            "{}",
            a.name
        );
        assert!(
            !a.label.en.is_empty() && !a.help.en.is_empty(),
            "{}",
            a.name
        );
    }
}

/// Every text a reader meets is written in both languages: labels, Kaneko's
/// labels, help, each option's label and each task note's words, and the
/// stated ranges of the refusals.
#[test]
fn every_text_has_its_japanese() {
    let written = |text: Text, what: &str| {
        assert!(
            !text.en.is_empty() && !text.ja.is_empty(),
            "{what}: {text:?}"
        );
        // Japanese prose, not the English again: a text with a letter of
        // Japanese, or a proper name kept as it is (XOR, MSE, English).
        let japanese = text
            .ja
            .chars()
            .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}'));
        assert!(japanese || text.ja == text.en, "{what}: {text:?}");
    };
    for p in &PARAMS {
        written(p.label, p.name);
        written(p.help, p.name);
        if let Some(label) = p.kaneko_label {
            written(label, p.name);
        }
        match p.kind {
            Kind::Choice(options) => {
                for o in options {
                    written(o.label, o.value);
                    if let Some(note) = o.note {
                        written(note.text, o.value);
                        written(note.link, o.value);
                    }
                }
            }
            Kind::Number { stated, .. } => written(stated, p.name),
            _ => {}
        }
        // Refusals in Japanese too, and not the English ones.
        assert_ne!(p.must_in(Lang::Ja), p.must(), "{}", p.name);
    }
}

#[test]
fn choices_are_the_engines_enums_in_their_order() {
    let values = |name: &str| match param(name).unwrap().kind {
        Kind::Choice(options) => options.iter().map(|o| o.value).collect::<Vec<_>>(),
        _ => panic!("{name} is not a choice"),
    };
    assert_eq!(values("task"), Task::ALL.map(Task::name));
    assert_eq!(values("loss"), Loss::ALL.map(Loss::name));
    assert_eq!(
        values("rule"),
        [RuleName::Seed, RuleName::Kaneko].map(RuleName::name)
    );
    for task in TASKS {
        let t = Task::from_name(task.value).unwrap();
        assert_eq!(task.plane, t.is_sampled(), "{}", task.value);
    }
}

#[test]
fn each_entry_writes_what_it_reads() {
    // Every entry's default, written into the other rule's defaults, reads back
    // (and the text the page would write for it parses to the same value: see
    // params/tests.rs).
    for p in &PARAMS {
        for (from, to) in [
            (RuleName::Seed, RuleName::Kaneko),
            (RuleName::Kaneko, RuleName::Seed),
        ] {
            let v = p.default_under(from);
            if v == Value::Absent {
                continue;
            }
            let mut params = Params::defaults_under(to);
            (p.set)(&mut params, &v);
            assert_eq!((p.get)(&params), v, "{}", p.name);
        }
    }
}

#[test]
fn defaults_are_the_configs_under_each_rule() {
    let seed = Config::seed_defaults();
    let kaneko = Config::kaneko_defaults();
    assert_eq!(
        param("lr").unwrap().default_under(RuleName::Seed),
        Value::Number(seed.lr)
    );
    assert_eq!(
        param("lr").unwrap().default_under(RuleName::Kaneko),
        Value::Number(kaneko.lr)
    );
    assert_eq!(
        param("beta").unwrap().default_under(RuleName::Seed),
        Value::Absent
    );
    assert_eq!(
        param("hidden").unwrap().default_under(RuleName::Kaneko),
        Value::Layers(kaneko.hidden)
    );
}

#[test]
fn stated_ranges_match_their_bounds() {
    for p in &PARAMS {
        if let Kind::Number {
            min,
            min_inclusive,
            max,
            stated,
        } = p.kind
        {
            let max_text = if max == MAX_LR {
                "1e308".to_string()
            } else {
                max.to_string()
            };
            let (want, want_ja) = if min_inclusive {
                (
                    format!("from {min} to {max_text}"),
                    format!("{min} 以上 {max_text} 以下"),
                )
            } else {
                (
                    format!("greater than {min} and at most {max_text}"),
                    format!("{min} より大きく {max_text} 以下"),
                )
            };
            assert_eq!(stated.en, want, "{}", p.name);
            assert_eq!(stated.ja, want_ja, "{}", p.name);
            assert!(p.admits(max) && !p.admits(f64::NAN) && !p.admits(f64::INFINITY));
            assert_eq!(p.admits(min), min_inclusive, "{}", p.name);
        }
    }
}

#[test]
fn messages_state_the_limits_in_force() {
    let must = |name: &str| param(name).unwrap().must();
    let names = Task::ALL.map(Task::name).join(", ");
    assert_eq!(must("task"), format!("must be one of {names}"));
    assert_eq!(must("loss"), "must be one of mse, bce, bce-with-logits");
    assert_eq!(must("rule"), "must be one of seed, kaneko");
    assert_eq!(must("bits"), "must be a whole number from 2 to 8");
    assert_eq!(
        must("seed"),
        "must be a whole number from 0 to 9007199254740991"
    );
    assert_eq!(must("speed"), "must be a number from 0.1 to 10000");
    assert_eq!(must("points"), "must be a whole number from 20 to 1000");
    assert_eq!(
        must("lr"),
        "must be a number greater than 0 and at most 1e308"
    );
    assert_eq!(
        must("u0"),
        "must be a number greater than 0 and at most 100"
    );
    assert_eq!(must("u1"), "must be a number from 0 to 100");
    assert_eq!(must("noise"), "must be a number from 0 to 0.5");
    assert_eq!(must("test_fraction"), "must be a number from 0.1 to 0.9");
    assert!(must("hidden").starts_with("must be 1 to 4 layer sizes from 1 to 256,"));
    assert!(must("changes").starts_with(&format!("must list up to {MAX_CHANGES} ")));
    assert_eq!(
        must("race"),
        "must be 1 or 0 (or yes, no, true, false, on, off)"
    );
}

#[test]
fn attributes_are_names_html_leaves_alone_and_unique() {
    // The element's attributes: each parameter's own name, except the layer
    // sizes (`hidden` is HTML's global attribute: a site's `[hidden]` reset
    // hid the figure) and `paused` (the element's `autoplay` says it).
    let attributes: Vec<&str> = PARAMS.iter().filter_map(Param::attribute).collect();
    for (i, a) in attributes.iter().enumerate() {
        assert!(!attributes[i + 1..].contains(a), "{a}");
        assert!(
            param(a).is_none_or(|p| p.attribute() == Some(a)),
            "{a} names two parameters"
        );
    }
    assert_eq!(param("hidden").unwrap().attribute(), Some("layers"));
    assert_eq!(param("paused").unwrap().attribute(), None);
    assert_eq!(param("task").unwrap().attribute(), Some("task"));
    // HTML's global attributes, which a site's CSS or script may act on.
    for global in [
        "hidden", "id", "class", "style", "title", "lang", "dir", "slot", "part", "inert", "is",
    ] {
        assert!(!attributes.contains(&global), "{global}");
    }
    // The element's own attributes are none of the table's.
    for own in ["autoplay", "controls", "views", "theme"] {
        assert!(!attributes.contains(&own) && param(own).is_none(), "{own}");
    }
}

#[test]
fn the_speed_steps_span_the_speed_limits() {
    assert_eq!(SPEEDS[0], MIN_SPEED);
    assert_eq!(*SPEEDS.last().unwrap(), MAX_SPEED);
    assert!(SPEEDS.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn labels_are_written_once() {
    // The rule's names a reader sees live in this table alone (the page and
    // the element build their fields from it).
    // Only the learning rate is renamed under Kaneko's rule (his alpha).
    let renamed: Vec<&str> = PARAMS
        .iter()
        .filter(|p| p.kaneko_label.is_some_and(|l| l != p.label))
        .map(|p| p.name)
        .collect();
    assert_eq!(renamed, ["lr"]);
    // Each rule has a label of its own (the text itself lives in the table only).
    assert!(RULES.iter().all(|r| !r.label.en.is_empty()));
    assert_ne!(RULES[0].label, RULES[1].label);
}

#[test]
fn the_rule_and_the_seed_read_apart() {
    // "Seed" named both a rule and the random seed's field: one word, two things.
    let rule_words: Vec<&str> = RULES.iter().map(|r| r.label.en).collect();
    assert!(
        rule_words
            .iter()
            .all(|w| !w.to_lowercase().contains("seed")),
        "{rule_words:?}"
    );
    assert_eq!(param("seed").unwrap().label.en, "Random seed");
}

#[test]
fn the_notes_xor_link_holds_xor() {
    let href = param("task")
        .and_then(|p| match p.kind {
            Kind::Choice(options) => options.iter().find(|o| o.value == "points"),
            _ => None,
        })
        .and_then(|o| o.note)
        .expect("the points task has a note")
        .href;
    let data = href.split("data=").nth(1).expect("a data parameter");
    let xor = [
        own::OwnPoint {
            x: -800,
            y: -800,
            class: 0,
        },
        own::OwnPoint {
            x: 800,
            y: 800,
            class: 0,
        },
        own::OwnPoint {
            x: -800,
            y: 800,
            class: 1,
        },
        own::OwnPoint {
            x: 800,
            y: -800,
            class: 1,
        },
    ];
    assert_eq!(own::decode(data).unwrap(), xor);
}

#[test]
fn the_losses_carry_their_own_formulas() {
    // The page's explanation reads a loss's formula from its option: each
    // loss's own, and no other option has one.
    for p in &PARAMS {
        let Kind::Choice(options) = p.kind else {
            continue;
        };
        for o in options {
            let own = Loss::from_name(o.value)
                .filter(|_| p.name == "loss")
                .map(Loss::derivative_formula);
            assert_eq!(o.formula, own, "{}: {}", p.name, o.value);
        }
    }
}
