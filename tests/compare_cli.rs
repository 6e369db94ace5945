//! `ed compare`: the command prints the library's comparison of ED and
//! backprop across the tasks, as JSON and as the README's table.

mod common;
use common::*;

use ed_playground::studies::compare::{self, TASKS};
use ed_playground::train::{SAMPLED_SOLVE_ACCURACY, SOLVE_LOSS};
use ed_playground::Config;
use serde_json::Value;

const SMALL: [&str; 4] = ["--runs", "2", "--max-epochs", "100"];

fn compare_json(args: &[&str]) -> Value {
    ed_json("compare", args)
}

#[test]
fn compare_json_is_the_librarys_comparison() {
    for (rule, base) in [
        ("seed", Config::seed_defaults()),
        ("kaneko", Config::kaneko_defaults()),
    ] {
        let v = compare_json(&[&SMALL[..], &["--rule", rule]].concat());
        let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "config",
                "max_epochs",
                "runs",
                "sampled_solve_accuracy",
                "solve_loss",
                "tasks"
            ]
        );
        assert_eq!(v["runs"].as_u64(), Some(2));
        assert_eq!(v["max_epochs"].as_u64(), Some(100));
        assert_eq!(v["solve_loss"].as_f64(), Some(SOLVE_LOSS));
        assert_eq!(
            v["sampled_solve_accuracy"].as_f64(),
            Some(SAMPLED_SOLVE_ACCURACY)
        );
        assert_eq!(v["config"], serde_json::to_value(&base).unwrap(), "{rule}");
        let lib = compare::compare(&base, 2, 100);
        assert_eq!(v["tasks"], serde_json::to_value(&lib).unwrap(), "{rule}");
        // Not a vacuous case: something solves within 100 epochs.
        let solved: u64 = lib
            .iter()
            .map(|t| 4 - t.ed.solve.failed - t.backprop.solve.failed)
            .sum();
        assert!(solved >= 4, "{rule}: {solved} runs solved");
    }
}

#[test]
fn the_defaults_are_ten_seeds_of_2000_epochs_at_the_pages_settings() {
    let help = run_ed(&["compare", "--help"]);
    assert!(help.contains("[default: 10]"), "{help}");
    assert!(help.contains("[default: 2000]"), "{help}");
    assert!(help.contains("[default: seed]"), "{help}");
    // The page's defaults are the seed's (see params.rs).
    assert_eq!(
        ed_playground::settings::params::Params::default().config,
        Config::seed_defaults()
    );
}

#[test]
fn compare_text_is_one_table_row_per_task() {
    let v = compare_json(&SMALL);
    let text = run_ed(&[&["compare"][..], &SMALL].concat());
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("ED against backprop, seeds 1 to 2, 100 epochs each: seed rule, mse loss, hidden 8,8, lr 0.5"),
        "{text}"
    );
    assert!(lines[1].contains(&SOLVE_LOSS.to_string()), "{text}");
    assert!(lines[1].contains("95%"), "{text}");
    let rows: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("| "))
        .collect();
    assert_eq!(rows.len(), 1 + TASKS.len(), "{text}");
    let solved = |m: &Value| {
        let runs = m["solve"]["runs"].as_u64().unwrap();
        let n = runs - m["solve"]["failed"].as_u64().unwrap();
        match m["solve"]["median"].as_f64() {
            Some(median) => format!("{n} of {runs}, {median} epochs"),
            None => format!("{n} of {runs}"),
        }
    };
    let accuracy = |m: &Value| {
        let test = m["test_accuracy"]
            .as_f64()
            .map_or("-".to_string(), |a| format!("{:.1}%", 100.0 * a));
        format!(
            "{:.1}% / {test}",
            100.0 * m["train_accuracy"].as_f64().unwrap()
        )
    };
    for (row, (task, t)) in rows[1..]
        .iter()
        .zip(TASKS.iter().zip(v["tasks"].as_array().unwrap()))
    {
        assert_eq!(t["task"].as_str(), Some(task.name()));
        let expected = format!(
            "| {task} | {} | {} | {} | {} |",
            solved(&t["ed"]),
            solved(&t["backprop"]),
            accuracy(&t["ed"]),
            accuracy(&t["backprop"])
        );
        assert_eq!(*row, expected);
    }
}

#[test]
fn compare_refuses_zero_runs() {
    let out = ed(&["compare", "--runs", "0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn studies_print_the_same_on_one_thread_as_on_several() {
    // Seeds run in parallel; their results are gathered in seed order, so
    // the tables must not change with the number of threads.
    for args in [
        &["compare", "--runs", "4", "--max-epochs", "60"][..],
        &["kaneko", "--hidden", "4", "--runs", "12"][..],
        &[
            "kaneko", "--hidden", "4", "--runs", "12", "--method", "backprop", "--json",
        ][..],
    ] {
        let one = common::run_ed_on_threads(1, args);
        for threads in [2, 3] {
            assert_eq!(
                common::run_ed_on_threads(threads, args),
                one,
                "{args:?} on {threads}"
            );
        }
    }
}
