//! Model files: loading refuses anything inconsistent with an error that names
//! the problem, never a panic; the CLI maps a refused file to exit code 2 and
//! continues a saved run where it stopped.

mod alloc_counter;
mod common;
use alloc_counter::peak_bytes_during;
use common::*;

use std::path::PathBuf;

use ed_playground::io::model::{MAX_FILE_INTEGER, MAX_MODEL_BYTES};
use ed_playground::settings::params::parse_number_native;
use ed_playground::task::Task;
use ed_playground::{Config, EdRun};
use proptest::prelude::*;
use serde_json::Value;

/// A valid model file: the seed's 4-8-8-1 XOR network after 10 epochs.
fn valid_file() -> String {
    let mut t = EdRun::new(Config::seed_defaults());
    for _ in 0..10 {
        t.run_epoch();
    }
    t.to_json().unwrap()
}

fn valid_value() -> Value {
    serde_json::from_str(&valid_file()).expect("a saved model is JSON")
}

/// `from_json` must refuse `text` with a message containing `needle`.
fn assert_refused(text: &str, needle: &str) {
    let result = std::panic::catch_unwind(|| EdRun::from_json(text));
    let result = result.unwrap_or_else(|_| panic!("from_json panicked (expected {needle:?})"));
    let err = match result {
        Ok(_) => panic!("from_json accepted a bad file (expected {needle:?})"),
        Err(e) => e,
    };
    let message = err.to_string();
    assert!(
        message.starts_with("invalid model file: "),
        "message {message:?} does not say what failed"
    );
    assert!(
        message.contains(needle),
        "message {message:?} does not contain {needle:?}"
    );
}

fn weights_mut(v: &mut Value, layer: usize) -> &mut Vec<Value> {
    v["networks"][0][layer]
        .as_array_mut()
        .expect("a layer is a list of weights")
}

#[test]
fn a_valid_file_loads() {
    let text = valid_file();
    let t = EdRun::from_json(&text).expect("a saved model loads");
    assert_eq!(t.epoch(), 10);
    assert_eq!(t.config(), &Config::seed_defaults());
    let sizes: Vec<(usize, usize)> = t.networks()[0]
        .layers()
        .iter()
        .map(|l| (l.inputs(), l.outputs()))
        .collect();
    assert_eq!(sizes, [(4, 8), (8, 8), (8, 1)]);
}

#[test]
fn malformed_json_is_refused() {
    assert_refused("{ this is not json", "not JSON: expected a field name");
    assert_refused("", "not JSON: the text ends early");
    assert_refused("[1, 2, 3]", "not a model: the text is not a JSON object");
    assert_refused("null", "not a model");
    assert_refused(
        "{\"format\": \"ed-playground-model\",}",
        "not JSON: expected a field name",
    );
}

#[test]
fn truncated_json_is_refused() {
    let text = valid_file();
    let half = &text[..text.len() / 2];
    assert_refused(half, "not JSON: the text ends early");
    // Every cut of the file is refused as cut short, none panics.
    for cut in (0..text.len()).step_by(7) {
        assert_refused(&text[..cut], "not JSON: the text ends early");
    }
    assert_refused(&text[..text.len() - 1], "not JSON: the text ends early");
}

#[test]
fn a_missing_field_is_named() {
    let mut v = valid_value();
    v.as_object_mut().unwrap().remove("epoch");
    assert_refused(&v.to_string(), "epoch: missing");
}

#[test]
fn wrong_number_of_weights_in_a_layer_is_refused() {
    let mut v = valid_value();
    weights_mut(&mut v, 1).pop();
    assert_refused(&v.to_string(), "network 0 layer 1: expected 64 weights");
    assert_refused(&v.to_string(), "found 63");

    let mut v = valid_value();
    weights_mut(&mut v, 0).push(Value::from(0.5));
    assert_refused(&v.to_string(), "network 0 layer 0: expected 32 weights");

    let mut v = valid_value();
    weights_mut(&mut v, 2).clear();
    assert_refused(&v.to_string(), "network 0 layer 2: expected 8 weights");
}

#[test]
fn wrong_number_of_layers_is_refused() {
    let mut v = valid_value();
    v["networks"][0].as_array_mut().unwrap().pop();
    assert_refused(&v.to_string(), "network 0 has 2 layers, the config needs 3");

    let mut v = valid_value();
    let extra = v["networks"][0][2].clone();
    v["networks"][0].as_array_mut().unwrap().push(extra);
    assert_refused(&v.to_string(), "network 0 has 4 layers, the config needs 3");

    // The weights of a 4-8-8-1 network under a config that says 4-8-1.
    let mut v = valid_value();
    v["config"]["hidden"] = serde_json::json!([8]);
    assert_refused(&v.to_string(), "has 3 layers, the config needs 2");
}

#[test]
fn wrong_number_of_networks_is_refused() {
    let mut v = valid_value();
    let net = v["networks"][0].clone();
    v["networks"].as_array_mut().unwrap().push(net);
    assert_refused(&v.to_string(), "2 networks for a task with 1 outputs");
}

#[test]
fn a_flipped_sign_is_refused() {
    // Input-major: weights[i * 8 + o]. Input 0 to unit 1 is inhibitory.
    let mut v = valid_value();
    let w = &mut weights_mut(&mut v, 0)[1];
    let x = w.as_f64().unwrap();
    assert!(x < 0.0);
    *w = Value::from(-x);
    assert_refused(
        &v.to_string(),
        "network 0 layer 0: weight from input 0 to unit 1 has the wrong sign",
    );
    assert_refused(&v.to_string(), "inhibitory (must be <= 0)");

    // Input 3 to unit 5 of the second layer is excitatory.
    let mut v = valid_value();
    let w = &mut weights_mut(&mut v, 1)[3 * 8 + 5];
    let x = w.as_f64().unwrap();
    assert!(x > 0.0);
    *w = Value::from(-x);
    assert_refused(
        &v.to_string(),
        "network 0 layer 1: weight from input 3 to unit 5",
    );
    assert_refused(&v.to_string(), "excitatory (must be >= 0)");
}

#[test]
fn a_zero_weight_of_either_sign_is_accepted() {
    // Zero is on the right side of every connection: -0.0 on an excitatory one,
    // 0.0 on an inhibitory one.
    let mut v = valid_value();
    weights_mut(&mut v, 0)[0] = serde_json::json!(-0.0);
    weights_mut(&mut v, 0)[1] = serde_json::json!(0.0);
    let t = EdRun::from_json(&v.to_string()).expect("zeros are allowed");
    assert_eq!(t.networks()[0].layers()[0].weights()[0], 0.0);
}

#[test]
fn an_out_of_range_number_is_refused() {
    let text = valid_file();
    // The first weight, as written (serde_json's default float parser is not
    // exact, so the text is found in the text, not re-printed from a parse).
    let start = text.find("\"networks\"").unwrap();
    let from = start
        + text[start..]
            .find(['-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'])
            .unwrap();
    let len = text[from..]
        .find(|c: char| !(c.is_ascii_digit() || "-+.eE".contains(c)))
        .unwrap();
    let needle = text[from..from + len].to_string();
    assert!(needle.parse::<f64>().is_ok(), "{needle:?}");
    let bad = text.replacen(&needle, "1e999", 1);
    assert_refused(&bad, "number out of range");
    let bad = text.replacen(&needle, "-1e999", 1);
    assert_refused(&bad, "number out of range");
}

#[test]
fn a_non_number_weight_is_refused() {
    let mut v = valid_value();
    weights_mut(&mut v, 0)[0] = Value::Null;
    assert_refused(&v.to_string(), "networks[0][0][0]: must be a number");
    let mut v = valid_value();
    weights_mut(&mut v, 0)[3] = Value::from("NaN");
    assert_refused(&v.to_string(), "networks[0][0][3]: must be a number");
}

#[test]
fn an_unknown_version_is_refused() {
    let mut v = valid_value();
    v["version"] = Value::from(2);
    assert_refused(&v.to_string(), "unknown version 2");
    v["version"] = Value::from(0);
    assert_refused(&v.to_string(), "unknown version 0");
    v["version"] = Value::from(-1);
    assert_refused(&v.to_string(), "version: must be a whole number");
}

#[test]
fn a_wrong_format_is_refused() {
    let mut v = valid_value();
    v["format"] = Value::from("some-other-model");
    assert_refused(
        &v.to_string(),
        "format is \"some-other-model\", expected \"ed-playground-model\"",
    );
}

#[test]
fn an_unknown_field_is_refused() {
    let mut v = valid_value();
    v["extra"] = Value::from(1);
    assert_refused(&v.to_string(), "extra: unknown field");
    let mut v = valid_value();
    v["config"]["momentum"] = Value::from(0.9);
    assert_refused(&v.to_string(), "config.momentum: unknown field");
}

#[test]
fn an_invalid_config_is_refused() {
    let mut v = valid_value();
    v["config"]["lr"] = Value::from(-1.0);
    assert_refused(&v.to_string(), "config lr: must be a finite number");
    let mut v = valid_value();
    v["config"]["hidden"] = serde_json::json!([8, 0]);
    assert_refused(&v.to_string(), "config hidden:");
    let mut v = valid_value();
    v["config"]["task"] = Value::from("sudoku");
    assert_refused(&v.to_string(), "config.task: must be one of xor, and");
    let mut v = valid_value();
    v["config"]["bits"] = Value::from(3);
    assert_refused(&v.to_string(), "config bits:");
}

#[test]
fn an_oversized_file_is_refused_before_parsing() {
    let huge = " ".repeat(MAX_MODEL_BYTES + 1);
    assert_refused(&huge, &format!("over the limit of {MAX_MODEL_BYTES}"));
    assert_refused(&huge, &format!("the file is {} bytes", MAX_MODEL_BYTES + 1));
    // A valid file padded to exactly the limit still loads.
    let text = valid_file();
    let padded = format!("{text}{}", " ".repeat(MAX_MODEL_BYTES - text.len()));
    assert_eq!(padded.len(), MAX_MODEL_BYTES);
    EdRun::from_json(&padded).expect("a file at the limit loads");
}

fn two_d_run(task: Task, epochs: u64) -> EdRun {
    let mut t = EdRun::new(Config {
        task,
        noise: 0.2,
        points: 120,
        test_fraction: 0.25,
        seed: 5,
        ..Config::kaneko_defaults()
    });
    for _ in 0..epochs {
        t.run_epoch();
    }
    t
}

#[test]
fn a_2d_run_round_trips_with_its_points() {
    for task in [Task::Circle, Task::Spiral3] {
        let mut saved = two_d_run(task, 10);
        let text = saved.to_json().unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["config"]["task"], task.name());
        assert_eq!(v["config"]["noise"], 0.2);
        assert_eq!(v["config"]["points"], 120);
        assert_eq!(v["config"]["test_fraction"], 0.25);
        assert_eq!(v["networks"].as_array().unwrap().len(), task.outputs());

        let mut loaded = EdRun::from_json(&text).expect("loads");
        assert_eq!(loaded.config(), saved.config());
        assert_eq!(loaded.dataset(), saved.dataset());
        assert_eq!(loaded.test_set(), saved.test_set());
        assert_eq!(loaded.to_json().unwrap(), text);
        assert_eq!(loaded.evaluate_test(), saved.evaluate_test());
        // And it goes on as the run that was never saved.
        let mut straight = two_d_run(task, 10);
        for _ in 0..5 {
            assert_eq!(loaded.run_epoch(), straight.run_epoch(), "{task}");
        }
        assert_eq!(loaded.to_json().unwrap(), straight.to_json().unwrap());
    }
}

#[test]
fn a_file_from_before_the_2d_tasks_loads_with_their_defaults() {
    let mut v = valid_value();
    let config = v["config"].as_object_mut().unwrap();
    for field in ["points", "noise", "test_fraction"] {
        assert!(config.remove(field).is_some(), "{field} is written");
    }
    let t = EdRun::from_json(&v.to_string()).expect("an older file loads");
    assert_eq!(t.config(), &Config::seed_defaults());
}

#[test]
fn bad_2d_values_in_a_file_are_refused() {
    let text = two_d_run(Task::Circle, 1).to_json().unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    for (field, bad, needle) in [
        ("noise", Value::from(0.9), "config noise: must be"),
        (
            "points",
            Value::from(3),
            "config.points: must be a whole number from 20 to 1000",
        ),
        (
            "test_fraction",
            Value::from(0.0),
            "config test_fraction: must be",
        ),
        (
            "points",
            Value::from(-1),
            "config.points: must be a whole number",
        ),
    ] {
        let mut v = v.clone();
        v["config"][field] = bad;
        assert_refused(&v.to_string(), needle);
    }
    let mut v = v.clone();
    v["networks"].as_array_mut().unwrap().pop();
    v["config"]["task"] = Value::from("spiral3");
    assert_refused(&v.to_string(), "0 networks for a task with 3 outputs");
}

fn mutation() -> impl Strategy<Value = (usize, u8, u8)> {
    (any::<usize>(), 0u8..4, any::<u8>())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Random damage to a valid file: refused with a message, or accepted as a
    /// trainer that runs. Never a panic.
    #[test]
    fn damaged_files_never_panic(edits in prop::collection::vec(mutation(), 1..4)) {
        let mut bytes = valid_file().into_bytes();
        for (at, kind, b) in edits {
            if bytes.is_empty() {
                break;
            }
            let at = at % bytes.len();
            let printable = b" 0123456789.-+eE,[]{}\"nul:ax"[b as usize % 28];
            match kind {
                0 => bytes.truncate(at),
                1 => bytes[at] = printable,
                2 => bytes.insert(at, printable),
                _ => {
                    bytes.remove(at);
                }
            }
        }
        let text = String::from_utf8(bytes).expect("ASCII edits keep UTF-8");
        let result = std::panic::catch_unwind(|| EdRun::from_json(&text));
        prop_assert!(result.is_ok(), "from_json panicked on {:?}", text);
        match result.unwrap() {
            Err(e) => prop_assert!(e.to_string().starts_with("invalid model file: ")),
            Ok(mut t) => {
                t.run_epoch();
                let mut out = vec![0.0; t.dataset().n_outputs];
                let input = vec![1.0; t.dataset().n_inputs];
                t.predict(&input, &mut out);
                let _ = t.to_json();
            }
        }
    }
}

/// Issue 12, item 7: the page and the CLI read a file by one rule. These are
/// the rules (tests/wasm/ checks that the page's module applies them).
#[test]
fn repeated_fields_encodings_and_big_counters_follow_one_rule() {
    let text = valid_file();
    let bytes = |t: &str| EdRun::from_file_bytes(t.as_bytes(), parse_number_native);
    // A repeated field is refused wherever it is, naming it.
    assert_refused(
        &text.replacen("\"epoch\": 10", "\"epoch\": 10, \"epoch\": 7", 1),
        "epoch: repeated field",
    );
    assert_refused(
        &text.replacen("\"lr\": 0.5", "\"lr\": 0.5, \"lr\": 0.1", 1),
        "config.lr: repeated field",
    );
    // UTF-8, with or without the byte order mark some editors write.
    let bom = format!("\u{feff}{text}");
    assert_eq!(bytes(&bom).unwrap().epoch(), 10);
    assert_eq!(EdRun::from_json(&bom).unwrap().epoch(), 10);
    // UTF-16, either byte order, with its mark or without: refused by name.
    let units: Vec<u16> = bom.encode_utf16().collect();
    let le: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
    let be: Vec<u8> = units.iter().flat_map(|u| u.to_be_bytes()).collect();
    for utf16 in [&le[..], &be[..], &le[2..], &be[2..]] {
        let e = EdRun::from_file_bytes(utf16, parse_number_native)
            .err()
            .unwrap();
        assert!(e.to_string().contains("the text is UTF-16"), "{e}");
    }
    let mut latin1 = text.clone().into_bytes();
    latin1[3] = 0xE9;
    let e = EdRun::from_file_bytes(&latin1, parse_number_native)
        .err()
        .unwrap();
    assert!(e.to_string().contains("not UTF-8 text"), "{e}");
    // Epoch and seed: whole numbers up to 2^53 - 1, exactly.
    let at = |n: &str| text.replacen("\"epoch\": 10", &format!("\"epoch\": {n}"), 1);
    let top = EdRun::from_json(&at(&MAX_FILE_INTEGER.to_string())).unwrap();
    assert_eq!(top.epoch(), MAX_FILE_INTEGER);
    for big in [
        "9007199254740992",
        "18446744073709551615",
        "18446744073709551616",
        "1e3",
        "10.0",
    ] {
        assert_refused(
            &at(big),
            "epoch: must be a whole number from 0 to 9007199254740991",
        );
    }
    assert_refused(
        &text.replacen("\"seed\": 42", "\"seed\": 9007199254740992", 1),
        "config.seed: must be a whole number from 0 to 9007199254740991",
    );
}

/// What the rules refuse to read is never written: a run past epoch 2^53 - 1,
/// or with a larger seed, has no model file.
#[test]
fn a_run_past_the_file_limits_is_not_written() {
    let text = valid_file().replacen(
        "\"epoch\": 10",
        &format!("\"epoch\": {MAX_FILE_INTEGER}"),
        1,
    );
    let mut t = EdRun::from_json(&text).unwrap();
    assert!(t.to_json().is_ok());
    t.run_epoch();
    assert_eq!(
        t.epoch(),
        MAX_FILE_INTEGER + 1,
        "the counter goes on, unwrapped"
    );
    let e = t.to_json().unwrap_err().to_string();
    assert!(
        e.contains("epoch 9007199254740992 is over 9007199254740991"),
        "{e}"
    );
    let big_seed = EdRun::new(Config {
        seed: MAX_FILE_INTEGER + 1,
        ..Config::seed_defaults()
    });
    let e = big_seed.to_json().unwrap_err().to_string();
    assert!(e.contains("config seed 9007199254740992 is over"), "{e}");
}

/// The cheap checks first: a refused file takes no memory beyond its text.
/// Each file here is refused; none may hold more than 64 KB at once.
#[test]
fn a_refused_file_takes_no_memory_beyond_its_text() {
    let empty_networks = |config: &str, n: usize| {
        format!(
            "{{\"format\":\"ed-playground-model\",\"version\":1,\"config\":{config},\"epoch\":0,\"networks\":[{}]}}",
            vec!["[]"; n].join(",")
        )
    };
    let config = serde_json::to_string(&Config::seed_defaults()).unwrap();
    let long_hidden = valid_file().replacen(
        "\"hidden\": [",
        &format!("\"hidden\": [{}", "8,".repeat(3_000_000)),
        1,
    );
    let cases = [
        // The file: 8.1 MB, 2.7 million empty networks, an empty config.
        (empty_networks("{}", 2_700_000), "config.loss: missing"),
        // A good config, and the networks far too many.
        (
            empty_networks(&config, 2_600_000),
            "2600000 networks for a task with 1 outputs",
        ),
        (long_hidden, "config.hidden: must be 1 to 4 layer sizes"),
    ];
    for (text, why) in cases {
        assert!(
            text.len() > 6_000_000 && text.len() <= MAX_MODEL_BYTES,
            "{}",
            text.len()
        );
        let (peak, result) = peak_bytes_during(|| EdRun::from_json(&text).map(|_| ()));
        let e = result.unwrap_err().to_string();
        assert!(e.contains(why), "{why}: {e}");
        assert!(peak < 64 * 1024, "{why}: {peak} bytes held at once");
    }
}

// ---- the CLI ----

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("model_files");
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir.join(format!("{}-{name}", std::process::id()))
}

fn last_loss_line(stdout: &str) -> &str {
    stdout
        .lines()
        .rev()
        .find(|l| l.starts_with("loss: "))
        .expect("at least one loss line")
}

fn assert_cli_refuses(path: &std::path::Path, extra: &[&str], needle: &str) {
    let p = path.to_str().unwrap();
    let mut args = vec!["train", "--load", p, "--epochs", "3"];
    args.extend_from_slice(extra);
    let out = ed(&args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "ed {args:?}: status {:?}, stderr {stderr}",
        out.status
    );
    assert!(
        stderr.contains(needle),
        "ed {args:?}: stderr {stderr:?} lacks {needle:?}"
    );
    assert!(stderr.starts_with("ed: "), "stderr {stderr:?}");
    assert!(!stderr.contains("panicked"), "stderr {stderr:?}");
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("loss: "),
        "ed {args:?} trained anyway"
    );
}

#[test]
fn cli_refuses_a_bad_model_with_exit_code_2() {
    let missing = scratch("does-not-exist.json");
    let _ = std::fs::remove_file(&missing);
    assert_cli_refuses(&missing, &[], "cannot read");

    let malformed = scratch("malformed.json");
    std::fs::write(&malformed, "{ not json").unwrap();
    assert_cli_refuses(&malformed, &[], "not JSON");
    assert_cli_refuses(&malformed, &[], malformed.to_str().unwrap());

    let flipped = scratch("flipped.json");
    let mut v = valid_value();
    let w = &mut weights_mut(&mut v, 0)[1];
    *w = Value::from(-w.as_f64().unwrap());
    std::fs::write(&flipped, v.to_string()).unwrap();
    assert_cli_refuses(&flipped, &[], "inhibitory (must be <= 0)");

    let truncated = scratch("truncated.json");
    let text = valid_file();
    std::fs::write(&truncated, &text[..text.len() / 2]).unwrap();
    assert_cli_refuses(&truncated, &[], "the text ends early");

    let versioned = scratch("version2.json");
    let mut v = valid_value();
    v["version"] = Value::from(2);
    std::fs::write(&versioned, v.to_string()).unwrap();
    assert_cli_refuses(&versioned, &[], "unknown version 2");

    let huge = scratch("huge.json");
    std::fs::write(&huge, " ".repeat(MAX_MODEL_BYTES + 1)).unwrap();
    assert_cli_refuses(&huge, &[], "over the limit");

    // A good file with a bad override.
    let good = scratch("good-for-override.json");
    std::fs::write(&good, valid_file()).unwrap();
    assert_cli_refuses(&good, &["--lr=-1"], "lr: must be a finite number");
    assert_cli_refuses(&good, &["--lr=inf"], "lr: must be a finite number");

    for p in [malformed, flipped, truncated, versioned, huge, good] {
        let _ = std::fs::remove_file(p);
    }
}

#[test]
fn cli_continues_a_saved_run() {
    let cases: [&[&str]; 5] = [
        &[],
        &["--loss", "bce"],
        &["--loss", "bce-with-logits", "--shuffle"],
        &["--rule", "kaneko", "--hidden", "16"],
        &[
            "--task", "parity", "--bits", "3", "--hidden", "12,6", "--seed", "7",
        ],
    ];
    for (k, extra) in cases.iter().enumerate() {
        let file = scratch(&format!("continue-{k}.json"));
        let f = file.to_str().unwrap();

        let mut first = vec!["train", "--epochs", "10", "--save", f];
        first.extend_from_slice(extra);
        stdout_of(&ed(&first), "the first 10 epochs");
        let saved = std::fs::read_to_string(&file).expect("--save wrote the model");
        assert!(saved.contains("\"epoch\": 10"), "{saved}");

        let resumed = stdout_of(&ed(&["train", "--load", f, "--epochs", "5"]), "resuming");
        assert_eq!(
            resumed.lines().filter(|l| l.starts_with("loss: ")).count(),
            5
        );

        let mut straight = vec!["train", "--epochs", "15"];
        straight.extend_from_slice(extra);
        let straight = stdout_of(&ed(&straight), "15 epochs straight");

        assert_eq!(
            last_loss_line(&resumed),
            last_loss_line(&straight),
            "case {extra:?}: resumed run's last loss"
        );
        let table = |s: &str| -> Vec<String> {
            s.lines()
                .filter(|l| l.contains(" -> "))
                .map(str::to_string)
                .collect()
        };
        assert_eq!(
            table(&resumed),
            table(&straight),
            "case {extra:?}: truth table"
        );
        let _ = std::fs::remove_file(&file);
    }
}

#[test]
fn cli_resumes_at_the_saved_epoch_with_the_saved_loss() {
    let file = scratch("resume-point.json");
    let f = file.to_str().unwrap();
    let first = stdout_of(&ed(&["train", "--epochs", "10", "--save", f]), "10 epochs");
    let saved_loss = last_loss_line(&first).trim_start_matches("loss: ");
    let loaded = stdout_of(&ed(&["train", "--load", f, "--epochs", "0"]), "loading");
    assert!(
        loaded.starts_with(&format!("loaded {f}: epoch 10, loss {saved_loss}\n")),
        "{loaded}"
    );
    let json = stdout_of(
        &ed(&["train", "--load", f, "--epochs", "0", "--json"]),
        "loading, JSON",
    );
    let summary: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(summary["epochs"], 10);
    let t = EdRun::from_json(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(summary["final_loss"].as_f64(), t.last_loss());
    assert_eq!(format!("{:.8}", t.last_loss().unwrap()), saved_loss);
    let _ = std::fs::remove_file(&file);
}

#[test]
fn a_file_without_a_loss_loads_and_a_bad_loss_is_refused() {
    let mut v = valid_value();
    v.as_object_mut()
        .unwrap()
        .remove("loss")
        .expect("a saved model has its loss");
    let t = EdRun::from_json(&v.to_string()).expect("an older file loads");
    assert_eq!((t.epoch(), t.last_loss()), (10, None));
    for (bad, needle) in [
        (Value::from(-1.0), "loss must be a finite number"),
        (Value::from("0.1"), "loss: must be a number"),
    ] {
        let mut v = valid_value();
        v["loss"] = bad;
        assert_refused(&v.to_string(), needle);
    }
}

#[test]
fn cli_resumed_model_file_is_the_straight_runs() {
    // Ten epochs, save, load, five more, save: the same file, byte for byte, as
    // fifteen epochs straight (the weights must survive the file exactly).
    let (a, b) = (scratch("resume-a.json"), scratch("resume-b.json"));
    let straight = scratch("resume-straight.json");
    let (a_s, b_s, st_s) = (
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        straight.to_str().unwrap(),
    );
    stdout_of(
        &ed(&["train", "--epochs", "10", "--save", a_s]),
        "10 epochs",
    );
    stdout_of(
        &ed(&["train", "--load", a_s, "--epochs", "5", "--save", b_s]),
        "5 more",
    );
    stdout_of(
        &ed(&["train", "--epochs", "15", "--save", st_s]),
        "15 epochs",
    );
    let resumed = std::fs::read_to_string(&b).unwrap();
    let direct = std::fs::read_to_string(&straight).unwrap();
    for p in [a, b, straight] {
        let _ = std::fs::remove_file(p);
    }
    assert!(
        resumed == direct,
        "the resumed run's model differs from the straight run's"
    );
}
