//! The CLI against what a shell can do to it (issue 12, items 7 and 8): a
//! reader that closes the pipe, a data file far over its limit, model files
//! whose counters could wrap or that the page could not read back.

mod common;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Instant;

use common::ed;
use ed_playground::io::model::MAX_FILE_INTEGER;
use ed_playground::task::digits::{self as data, Digit, MAX_DIGITS_BYTES, SIDE};
use ed_playground::{Config, EdRun};

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli_limits");
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir.join(format!("{}-{name}", std::process::id()))
}

/// `ed args | head -1`: the status and the standard error of `ed` once its
/// reader has taken one line and gone.
fn closed_after_one_line(args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ed"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the ed binary runs");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("a pipe"))
        .read_line(&mut first)
        .expect("a first line");
    assert!(!first.is_empty(), "ed {args:?} printed nothing");
    // The reader, and with it the pipe's only read end, is gone here.
    let out = child.wait_with_output().expect("ed ends");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn a_closed_pipe_ends_every_subcommand_quietly() {
    let digits_file = scratch("pipe-digits.bin");
    let digits: Vec<Digit> = (0..40)
        .map(|k| Digit {
            label: k % 10,
            pixels: vec![(k % 3) as f64 / 2.0; SIDE * SIDE],
        })
        .collect();
    std::fs::write(&digits_file, data::to_bytes(&digits)).unwrap();
    let d = digits_file.to_str().unwrap();
    // Each prints far more than a pipe holds after its first line (a loss
    // line an epoch), so each is still writing when the reader has gone.
    let commands: [&[&str]; 3] = [
        &["train", "--epochs", "100000"],
        &["train", "--epochs", "100000", "--json", "--task", "moons"],
        &[
            "digits", "--data", d, "--train", "30", "--test", "10", "--epochs", "100000",
            "--hidden", "2", "--method", "ed",
        ],
    ];
    for args in commands {
        let (status, stderr) = closed_after_one_line(args);
        assert_eq!((status, stderr.as_str()), (Some(0), ""), "ed {args:?}");
    }
    let _ = std::fs::remove_file(digits_file);
}

/// Every line the CLI prints goes through the one writer that knows a closed
/// pipe (`out!`, src/bin/ed/main.rs), so a new subcommand cannot miss it.
#[test]
fn the_cli_prints_through_one_writer() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/bin/ed");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let source = std::fs::read_to_string(&path).unwrap();
        for bare in ["println!", "print!("] {
            assert!(
                !source.contains(bare),
                "{} uses {bare}: print with out! instead",
                path.display()
            );
        }
    }
}

#[test]
fn a_digits_file_over_the_limit_is_refused_before_it_is_read() {
    // A sparse gigabyte: no disk, but any reading of it would take a second
    // and a gigabyte of memory. Refused by its size alone, under a memory
    // limit a tenth of its size.
    let file = scratch("huge-digits.bin");
    std::fs::File::create(&file)
        .and_then(|f| f.set_len(1 << 30))
        .unwrap();
    let f = file.to_str().unwrap();
    let start = Instant::now();
    let out = Command::new("sh")
        .args(["-c", "ulimit -v 400000 && exec \"$0\" digits --data \"$1\""])
        .args([env!("CARGO_BIN_EXE_ed"), f])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(
        stderr,
        format!(
            "ed: {f}: 1073741824 bytes is over the limit of {MAX_DIGITS_BYTES} (70000 digits of 257 bytes)\n"
        )
    );
    assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    // One record past the limit is refused the same way.
    std::fs::File::create(&file)
        .and_then(|f| f.set_len((MAX_DIGITS_BYTES + data::RECORD) as u64))
        .unwrap();
    let out = ed(&["digits", "--data", f]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is over the limit of"));
    let _ = std::fs::remove_file(file);
}

/// A model file whose epoch is past 2^53 - 1 is refused; a run that would
/// end past it is refused before training when it is to be saved; a seed the
/// page could not hold trains, but is not saved.
#[test]
fn cli_never_writes_a_wrapped_epoch_or_a_file_the_page_refuses() {
    let model = scratch("counters.json");
    let saved = scratch("counters-out.json");
    let (m, s) = (model.to_str().unwrap(), saved.to_str().unwrap());
    let mut run = EdRun::new(Config::seed_defaults());
    run.run_epoch();
    let text = run.to_json().unwrap();
    let at = |epoch: u64| text.replacen("\"epoch\": 1", &format!("\"epoch\": {epoch}"), 1);
    let refused = |args: &[&str], why: &str| {
        let _ = std::fs::remove_file(&saved);
        let out = ed(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "ed {args:?}: {stderr}");
        assert!(stderr.contains(why), "ed {args:?}: {stderr}");
        assert!(
            !String::from_utf8_lossy(&out.stdout).contains("loss: "),
            "ed {args:?} trained"
        );
        assert!(!saved.exists(), "ed {args:?} wrote a file");
    };
    std::fs::write(&model, at(u64::MAX)).unwrap();
    refused(
        &["train", "--load", m, "--epochs", "3", "--save", s],
        "epoch: must be a whole number from 0 to 9007199254740991",
    );
    std::fs::write(&model, at(MAX_FILE_INTEGER - 2)).unwrap();
    refused(
        &["train", "--load", m, "--epochs", "3", "--save", s],
        "--save: invalid model file: epoch 9007199254740992 is over 9007199254740991",
    );
    refused(
        &[
            "train",
            "--seed",
            "9007199254740992",
            "--epochs",
            "1",
            "--save",
            s,
        ],
        "config seed 9007199254740992 is over",
    );
    // Up to the limit it is saved, and loads back at its epoch.
    let out = ed(&["train", "--load", m, "--epochs", "2", "--save", s]);
    assert_eq!(out.status.code(), Some(0));
    let back = EdRun::from_json(&std::fs::read_to_string(&saved).unwrap()).unwrap();
    assert_eq!(back.epoch(), MAX_FILE_INTEGER);
    // Unsaved, a large seed trains as before.
    let out = ed(&["train", "--seed", "18446744073709551615", "--epochs", "2"]);
    assert_eq!(out.status.code(), Some(0));
    // The encodings: a byte order mark is read past; UTF-16 is refused.
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    std::fs::write(&model, bom).unwrap();
    let out = ed(&["train", "--load", m, "--epochs", "0"]);
    assert_eq!(out.status.code(), Some(0));
    let utf16: Vec<u8> = "\u{feff}"
        .chars()
        .chain(text.chars())
        .flat_map(|c| {
            let mut units = [0; 2];
            c.encode_utf16(&mut units)
                .iter()
                .flat_map(|u| u.to_le_bytes())
                .collect::<Vec<_>>()
        })
        .collect();
    std::fs::write(&model, utf16).unwrap();
    refused(
        &["train", "--load", m, "--epochs", "0"],
        "the text is UTF-16",
    );
    let _ = std::fs::remove_file(model);
    let _ = std::fs::remove_file(saved);
}

#[test]
fn a_kaneko_study_of_no_runs_or_unbounded_epochs_is_refused() {
    use ed_playground::studies::kaneko::{MAX_EPOCH_LIMIT, MAX_RUNS};
    let over_runs = (MAX_RUNS + 1).to_string();
    let over_epochs = (MAX_EPOCH_LIMIT + 1).to_string();
    for args in [
        ["--runs", "0"],
        ["--runs", over_runs.as_str()],
        ["--max-epochs", "0"],
        ["--max-epochs", over_epochs.as_str()],
    ] {
        let out = ed(&["kaneko", args[0], args[1]]);
        assert!(!out.status.success(), "{args:?} was taken");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            said.contains(args[0]) && said.contains("is not in 1..="),
            "{args:?}: {said}"
        );
    }
    // The bounds themselves are taken.
    let out = ed(&["kaneko", "--runs", "1", "--max-epochs", "1"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
