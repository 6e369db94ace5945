//! `ed race` and `ed kaneko --method`: the command line prints what the library
//! computes, for ED and backprop side by side.

mod common;
use common::*;

use ed_playground::studies::kaneko::{self, KANEKO_MAX_EPOCHS};
use ed_playground::studies::race::{epochs_to_solve_both, Race};
use ed_playground::train::Method;
use ed_playground::train::{solved_rule, SOLVE_LOSS};
use ed_playground::{Config, ConfigInput};
use serde_json::Value;

fn race_json(args: &[&str]) -> Value {
    ed_json("race", args)
}

fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().expect("an object").keys().cloned().collect();
    k.sort_unstable();
    k
}

/// The race the library runs for `config`, to the CLI's stopping point.
fn library_race(config: Config, max_epochs: u64) -> Race {
    let mut race = Race::new(config);
    while !race.finished() && race.epoch() < max_epochs {
        race.run_epoch();
    }
    race
}

#[test]
fn race_json_is_the_librarys_race() {
    for loss in ["mse", "bce", "bce-with-logits"] {
        let v = race_json(&["--loss", loss]);
        assert_eq!(keys(&v), ["backprop", "ed", "epochs", "solve_loss"], "{v}");
        assert_eq!(v["solve_loss"].as_f64(), Some(SOLVE_LOSS));
        let config = ConfigInput {
            loss: Some(loss.into()),
            ..ConfigInput::default()
        }
        .resolve()
        .unwrap();
        let race = library_race(config.clone(), KANEKO_MAX_EPOCHS);
        let (ed, bp) = epochs_to_solve_both(config, KANEKO_MAX_EPOCHS);
        assert!(ed.is_some() && bp.is_some(), "{loss}: both solve XOR");
        assert_eq!(v["epochs"].as_u64(), Some(race.epoch()), "{loss}");
        for (side, solved, last) in [
            ("ed", ed, race.ed().last()),
            ("backprop", bp, race.backprop().last()),
        ] {
            assert_eq!(keys(&v[side]), ["final_loss", "solved_epoch"], "{v}");
            assert_eq!(v[side]["solved_epoch"].as_u64(), solved, "{loss} {side}");
            assert_eq!(
                v[side]["final_loss"].as_f64(),
                last.map(|s| s.mean_loss),
                "{loss} {side}"
            );
        }
        // The race ends when the slower side solves.
        assert_eq!(Some(race.epoch()), ed.max(bp), "{loss}");
    }
}

#[test]
fn race_takes_the_train_commands_options() {
    let args = [
        "--task",
        "parity",
        "--bits",
        "3",
        "--hidden",
        "12,6",
        "--lr",
        "0.3",
        "--seed",
        "5",
        "--rule",
        "kaneko",
        "--loss",
        "bce",
        "--shuffle",
        "--u0",
        "0.8",
        "--u1",
        "0.5",
        "--beta",
        "0.6",
        "--init-range",
        "0.7",
        "--points",
        "60",
        "--noise",
        "0.2",
        "--test-fraction",
        "0.3",
        "--max-epochs",
        "1500",
    ];
    let v = race_json(&args);
    // Every field of ConfigInput: the race takes each of the train command's options.
    let config = ConfigInput {
        task: Some("parity".into()),
        bits: Some(3),
        hidden: Some(vec![12, 6]),
        lr: Some(0.3),
        seed: Some(5),
        rule: Some("kaneko".into()),
        loss: Some("bce".into()),
        shuffle: Some(true),
        u0: Some(0.8),
        u1: Some(0.5),
        beta: Some(0.6),
        init_range: Some(0.7),
        points: Some(60),
        noise: Some(0.2),
        test_fraction: Some(0.3),
    }
    .resolve()
    .unwrap();
    let race = library_race(config, 1500);
    assert_eq!(v["epochs"].as_u64(), Some(race.epoch()), "{v}");
    for (side, solved, last) in [
        ("ed", race.ed().solved_at(), race.ed().last()),
        (
            "backprop",
            race.backprop().solved_at(),
            race.backprop().last(),
        ),
    ] {
        assert_eq!(v[side]["solved_epoch"].as_u64(), solved, "{v}");
        assert_eq!(
            v[side]["final_loss"].as_f64(),
            last.map(|s| s.mean_loss),
            "{v}"
        );
    }
}

#[test]
fn race_text_names_both_sides() {
    let text = run_ed(&["race"]);
    let v = race_json(&[]);
    let mut lines = text.lines();
    let head = lines.next().unwrap();
    assert!(
        head.starts_with(&format!("{} epochs raced", v["epochs"])),
        "{text}"
    );
    assert!(head.contains(&SOLVE_LOSS.to_string()), "{text}");
    for side in ["ed", "backprop"] {
        let line = lines
            .next()
            .unwrap_or_else(|| panic!("no {side} line: {text}"));
        assert!(line.starts_with(side), "{text}");
        let epoch = v[side]["solved_epoch"].as_u64().unwrap();
        assert!(
            line.contains(&format!("solved at epoch {epoch},")),
            "{text}"
        );
        let loss = v[side]["final_loss"].as_f64().unwrap();
        assert!(line.ends_with(&format!("final loss {loss:.8}")), "{text}");
    }
}

#[test]
fn race_runs_on_three_outputs_and_on_2d_points() {
    // Seeds on which both sides solve (see race::tests::races).
    for (task, seed) in [("adder", "1"), ("circle", "2"), ("spiral3", "1")] {
        let args = ["--task", task, "--seed", seed, "--max-epochs", "2000"];
        let v = race_json(&args);
        let config = ConfigInput {
            task: Some(task.into()),
            seed: Some(seed.parse().unwrap()),
            ..ConfigInput::default()
        }
        .resolve()
        .unwrap();
        let race = library_race(config.clone(), 2000);
        assert_eq!(v["epochs"].as_u64(), Some(race.epoch()), "{task}: {v}");
        assert_eq!(v["ed"]["solved_epoch"].as_u64(), race.ed().solved_at());
        assert_eq!(
            v["backprop"]["solved_epoch"].as_u64(),
            race.backprop().solved_at()
        );
        // Neither side solves the three spirals; both solve the others.
        let solves = task != "spiral3";
        assert_eq!(race.ed().solved_at().is_some(), solves, "{task}");
        assert_eq!(race.backprop().solved_at().is_some(), solves, "{task}");
        let text = run_ed(&[&["race"][..], &args].concat());
        let head = text.lines().next().unwrap();
        assert!(
            head.ends_with(&format!("solved: {}", solved_rule(config.task))),
            "{text}"
        );
    }
    assert!(
        solved_rule(ed_playground::task::Task::Circle).starts_with("95% of the training points")
    );
}

#[test]
fn a_capped_race_reports_no_solve() {
    let v = race_json(&["--max-epochs", "2"]);
    assert_eq!(v["epochs"].as_u64(), Some(2));
    for side in ["ed", "backprop"] {
        assert!(v[side]["solved_epoch"].is_null(), "{v}");
        assert!(v[side]["final_loss"].as_f64().is_some(), "{v}");
    }
    let text = run_ed(&["race", "--max-epochs", "2"]);
    assert_eq!(text.matches("not solved in 2 epochs").count(), 2, "{text}");
}

#[test]
fn race_refuses_a_bad_option_by_name() {
    let out = ed(&["race", "--lr", "0"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("lr:"), "{err}");
    assert!(out.stdout.is_empty());
}

fn kaneko_json(args: &[&str]) -> (Value, String) {
    let full: Vec<&str> = ["kaneko"]
        .iter()
        .chain(args)
        .chain(&["--json"])
        .copied()
        .collect();
    let stdout = run_ed(&full);
    let line = stdout.lines().last().unwrap().to_string();
    (last_json(&stdout), line)
}

fn kaneko_base(hidden: usize, lr: Option<f64>) -> Config {
    ConfigInput {
        rule: Some("kaneko".into()),
        hidden: Some(vec![hidden]),
        lr,
        ..ConfigInput::default()
    }
    .resolve()
    .unwrap()
}

#[test]
fn kaneko_backprop_is_the_librarys_experiment() {
    let (v, line) = kaneko_json(&["--method", "backprop", "--hidden", "8", "--runs", "20"]);
    let lib = kaneko::run_method(
        Method::Backprop,
        &kaneko_base(8, None),
        20,
        KANEKO_MAX_EPOCHS,
    );
    assert_eq!(serde_json::to_string(&lib).unwrap(), line);
    assert_eq!(keys(&v), ["failed", "mean", "median", "runs"]);
    let ed = kaneko::run(&kaneko_base(8, None), 20, KANEKO_MAX_EPOCHS);
    assert_ne!(lib, ed, "backprop ran, not ED");
}

#[test]
fn kaneko_both_puts_the_two_summaries_side_by_side() {
    let args = ["--hidden", "8", "--runs", "10", "--lr", "0.2"];
    let (both, _) = kaneko_json(&[&["--method", "both"][..], &args].concat());
    assert_eq!(keys(&both), ["backprop", "ed"]);
    let (ed, _) = kaneko_json(&args);
    let (bp, _) = kaneko_json(&[&["--method", "backprop"][..], &args].concat());
    assert_eq!(both["ed"], ed);
    assert_eq!(both["backprop"], bp);
    // --lr reaches both methods.
    let base = kaneko_base(8, Some(0.2));
    let lib_ed = kaneko::run(&base, 10, KANEKO_MAX_EPOCHS);
    assert_eq!(serde_json::to_value(&lib_ed).unwrap(), ed);
    let lib_bp = kaneko::run_method(Method::Backprop, &base, 10, KANEKO_MAX_EPOCHS);
    assert_eq!(serde_json::to_value(&lib_bp).unwrap(), bp);
    assert_ne!(
        lib_ed,
        kaneko::run(&kaneko_base(8, None), 10, KANEKO_MAX_EPOCHS)
    );

    let text = run_ed(&[&["kaneko", "--method", "both"][..], &args].concat());
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].starts_with("ed: 8 hidden units, 10 runs: mean "),
        "{text}"
    );
    assert!(
        lines[1].starts_with("backprop: 8 hidden units, 10 runs: mean "),
        "{text}"
    );
    let plain = run_ed(&[&["kaneko"][..], &args].concat());
    assert_eq!(
        format!("ed: {plain}"),
        format!("{}\n", lines[0]),
        "ED alone keeps its line"
    );
}
