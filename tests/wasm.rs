//! wasm half of the native-vs-wasm identity check, run in headless Chromium by
//! wasm-bindgen-test: the same golden runs give the same fingerprints as natively.
#![cfg(target_arch = "wasm32")]

use ed_playground::io::fingerprint::{golden_cases, run_fingerprint};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const GOLDEN: &str = include_str!("golden/fingerprints.txt");

#[wasm_bindgen_test]
fn wasm_runs_match_the_native_fingerprints() {
    for (name, config, epochs) in golden_cases() {
        let line = GOLDEN
            .lines()
            .find(|l| l.split_whitespace().next() == Some(name))
            .expect("golden case");
        let want =
            u64::from_str_radix(line.split_whitespace().nth(1).expect("hash"), 16).expect("hex");
        assert_eq!(run_fingerprint(config, epochs), want, "{name}");
    }
}

#[wasm_bindgen_test]
fn seed_digits_hold_in_wasm() {
    let mut t = ed_playground::EdRun::new(ed_playground::Config::seed_defaults());
    let mut last = 0.0;
    for _ in 0..200 {
        last = t.run_epoch().mean_loss;
    }
    assert_eq!(format!("{last:.8}"), "0.00007216");
}

mod adapter {
    //! The wasm adapter's own reading and writing of JS values (src/wasm/convert.rs),
    //! which the native tests cannot reach.
    use ed_playground::wasm::Playground;
    use ed_playground::{Config, EdRun};
    use js_sys::{Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_test::*;

    fn object(fields: &[(&str, JsValue)]) -> JsValue {
        let obj = Object::new();
        for (k, v) in fields {
            Reflect::set(&obj, &JsValue::from_str(k), v).unwrap();
        }
        obj.into()
    }

    fn refusal(result: Result<Playground, wasm_bindgen::JsError>) -> String {
        let err: JsValue = result.err().expect("refused").into();
        err.dyn_into::<js_sys::Error>()
            .expect("an Error")
            .message()
            .into()
    }

    fn trained_native(epochs: u32) -> EdRun {
        let mut t = EdRun::new(Config::seed_defaults());
        for _ in 0..epochs {
            t.run_epoch();
        }
        t
    }

    #[wasm_bindgen_test]
    fn a_cli_model_file_loads_in_the_page_and_back() {
        let native = trained_native(37);
        let mut page = Playground::from_json(&native.to_json().unwrap()).expect("loads");
        assert_eq!(page.epoch(), 37.0);
        // Written by the page (the browser's JSON), read by the CLI's parser.
        let back =
            EdRun::from_json(&page.to_json().unwrap()).expect("the CLI reads the page's file");
        assert_eq!(back.to_json().unwrap(), native.to_json().unwrap());
        // And both go on to the same loss.
        let mut native = native;
        assert_eq!(
            page.step(5).to_bits(),
            (0..5)
                .map(|_| native.run_epoch().mean_loss)
                .last()
                .unwrap()
                .to_bits()
        );
    }

    #[wasm_bindgen_test]
    fn bad_configs_are_refused_with_the_field_named() {
        let cases = [
            (object(&[("loss", "hinge".into())]), "loss"),
            (object(&[("hidden", "8,8".into())]), "hidden"),
            (
                object(&[("hidden", js_sys::Array::of2(&8.into(), &(-1).into()).into())]),
                "hidden",
            ),
            (object(&[("lr", f64::NAN.into())]), "lr"),
            (object(&[("lr", "0.5".into())]), "lr"),
            (object(&[("seed", 1.5.into())]), "seed"),
            (object(&[("shuffle", 1.into())]), "shuffle"),
            (object(&[("colour", "red".into())]), "colour"),
            (JsValue::from_str("xor"), "config"),
        ];
        for (config, field) in cases {
            let message = refusal(Playground::new(config));
            assert!(message.starts_with(field), "{field}: {message}");
        }
        assert!(Playground::new(JsValue::UNDEFINED).is_ok());
    }

    #[wasm_bindgen_test]
    fn bad_model_files_are_refused_with_the_reason() {
        let good = trained_native(3).to_json().unwrap();
        let flipped = good.replacen("\n        -", "\n        ", 1);
        let cases = [
            ("{", "not JSON"),
            (&good[..good.len() / 2], "not JSON"),
            ("[]", "model: must be a plain object"),
            (
                &good.replace("\"version\": 1", "\"version\": 2"),
                "unknown version 2",
            ),
            (&good.replace("\"epoch\": 3", "\"epoch\": -3"), "epoch"),
            (
                &good.replace("\"loss\": \"mse\"", "\"loss\": \"hinge\""),
                "config.loss",
            ),
            (
                &good.replace("\"format\"", "\"extra\": 1, \"format\""),
                "extra: unknown field",
            ),
            (&flipped, "wrong sign"),
        ];
        for (text, why) in cases {
            let message = refusal(Playground::from_json(text));
            assert!(message.contains(why), "{why}: {message}");
        }
        let huge = " ".repeat(ed_playground::io::model::MAX_MODEL_BYTES + 1);
        assert!(refusal(Playground::from_json(&huge)).contains("over the limit"));
    }

    #[wasm_bindgen_test]
    fn two_d_runs_and_older_files_cross_between_cli_and_page() {
        let mut native = EdRun::new(Config {
            task: ed_playground::task::Task::Spiral3,
            noise: 0.2,
            points: 120,
            test_fraction: 0.25,
            ..Config::seed_defaults()
        });
        for _ in 0..4 {
            native.run_epoch();
        }
        let text = native.to_json().unwrap();
        let page = Playground::from_json(&text).expect("loads");
        let back = EdRun::from_json(&page.to_json().unwrap()).expect("the CLI reads it");
        assert_eq!(back.to_json().unwrap(), text);

        // A file written before the 2-D tasks lacks their fields.
        let mut old: serde_json::Value =
            serde_json::from_str(&trained_native(3).to_json().unwrap()).unwrap();
        for field in ["points", "noise", "test_fraction"] {
            old["config"].as_object_mut().unwrap().remove(field);
        }
        let page = Playground::from_json(&old.to_string()).expect("an older file loads");
        let noise = Reflect::get(&page.config(), &"noise".into()).unwrap();
        assert_eq!(noise.as_f64(), Some(0.1));

        for (config, field) in [
            (
                object(&[("noise", 0.9.into())]),
                "noise: must be a finite number",
            ),
            (
                object(&[("noise", "0.1".into())]),
                "noise: must be a number",
            ),
            (
                object(&[("points", 10.into())]),
                "points: must be 20 to 1000",
            ),
            (
                object(&[("test_fraction", 1.into())]),
                "test_fraction: must be",
            ),
        ] {
            let message = refusal(Playground::new(config));
            assert!(message.starts_with(field), "{field}: {message}");
        }
    }
}

#[cfg(feature = "digits-page")]
mod digits_run {
    //! The digits card's engine (src/wasm/digits.rs): refusals name what is wrong,
    //! and a run scores as the library's does.
    use ed_playground::studies::digits;
    use ed_playground::task::digits::{self as data, Digit, SIDE};
    use ed_playground::wasm::DigitsRun;
    use js_sys::{Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_test::*;

    fn bytes() -> Vec<u8> {
        let all: Vec<Digit> = (0..40)
            .map(|k| Digit {
                label: k % 10,
                pixels: (0..SIDE * SIDE)
                    .map(|p| {
                        if (p + k) % (k % 10 + 2) == 0 {
                            1.0
                        } else {
                            0.0
                        }
                    })
                    .collect(),
            })
            .collect();
        data::to_bytes(&all)
    }

    fn options(fields: &[(&str, JsValue)]) -> JsValue {
        let obj = Object::new();
        for (k, v) in fields {
            Reflect::set(&obj, &JsValue::from_str(k), v).unwrap();
        }
        obj.into()
    }

    fn refusal(result: Result<DigitsRun, wasm_bindgen::JsError>) -> String {
        let err: JsValue = result.err().expect("refused").into();
        err.dyn_into::<js_sys::Error>()
            .expect("an Error")
            .message()
            .into()
    }

    #[wasm_bindgen_test]
    fn bad_bytes_and_options_are_refused_by_name() {
        let good = bytes();
        let small = || options(&[("train", 30.into()), ("test", 10.into())]);
        let short = refusal(DigitsRun::new(&good[..100], small()));
        assert!(short.starts_with("digits: 100 bytes"), "{short}");
        let mut bad = good.clone();
        bad[data::RECORD] = 12;
        let label = refusal(DigitsRun::new(&bad, small()));
        assert!(
            label.starts_with("digits: digit 1") && label.contains("label 12"),
            "{label}"
        );
        let cases = [
            (options(&[("method", "sgd".into())]), "method"),
            (options(&[("method", 1.into())]), "method"),
            (
                options(&[
                    ("hidden", 0.into()),
                    ("train", 30.into()),
                    ("test", 10.into()),
                ]),
                "hidden",
            ),
            (options(&[("hidden", 2.5.into())]), "hidden"),
            (options(&[("lr", "fast".into())]), "lr"),
            (options(&[("seed", (-1).into())]), "seed"),
            (
                options(&[("train", 35.into()), ("test", 10.into())]),
                "train",
            ),
            (options(&[("epochs", 3.into())]), "epochs"),
            (JsValue::from_str("ed"), "options"),
        ];
        for (o, name) in cases {
            let message = refusal(DigitsRun::new(&good, o));
            assert!(message.starts_with(name), "{name}: {message}");
        }
    }

    #[wasm_bindgen_test]
    fn a_page_run_scores_as_the_library_does() {
        let good = bytes();
        let all = data::from_bytes(&good).unwrap();
        let config = digits::config(vec![8], None, 4).unwrap();
        let split = digits::split(&all, 30, 10, 4).unwrap();
        let want = digits::learn::<ed_playground::ed::Network>(config, split, 2, |_| {});
        let o = options(&[
            ("hidden", 8.into()),
            ("seed", 4.into()),
            ("train", 30.into()),
            ("test", 10.into()),
        ]);
        let mut run = DigitsRun::new(&good, o).expect("a run");
        assert_eq!(run.test_accuracy(), None);
        for w in &want {
            assert_eq!(run.epoch(), w.mean_loss);
            assert_eq!(run.test_accuracy(), Some(w.test_accuracy));
            assert_eq!(run.train_accuracy(), Some(w.train_accuracy));
        }
        assert_eq!(run.guesses(20).len(), 10);
        assert_eq!(run.test_labels(3).len(), 3);
        assert_eq!(run.test_image(9).unwrap().len(), SIDE * SIDE);
        assert!(run.test_image(10).is_err());
        assert_eq!(run.field(9, 7).unwrap().len(), SIDE * SIDE);
        assert!(run.field(10, 0).is_err() && run.field(0, 8).is_err());
    }
}

mod views {
    //! The progressive views' adapter (src/wasm/views.rs): passes finished over
    //! many one-unit calls give the bytes the whole-map functions give, and the
    //! scores `scores()` gives, for the same weights.
    use ed_playground::wasm::Playground;
    use js_sys::{Array, Object, Reflect};
    use wasm_bindgen::JsValue;
    use wasm_bindgen_test::*;

    fn finish(p: &mut Playground, view: &str) {
        while p.view_busy(view).unwrap() {
            p.view_work(view, 1.0).unwrap();
        }
    }

    #[wasm_bindgen_test]
    fn passes_made_a_unit_at_a_time_match_the_whole_views() {
        let config = Object::new();
        Reflect::set(&config, &"task".into(), &"spiral3".into()).unwrap();
        Reflect::set(&config, &"hidden".into(), &Array::of2(&8.into(), &8.into())).unwrap();
        let mut p = Playground::new(config.into()).expect("a run");
        p.add_backprop().unwrap();
        p.step(5);
        p.view_start("map", 9).unwrap();
        p.view_start("backpropMap", 9).unwrap();
        p.view_start("scores", 0).unwrap();
        p.unit_map_start(9, 1, 3).unwrap();
        p.view_start("outputs", 0).unwrap();
        for view in ["map", "backpropMap", "scores", "unitMap", "outputs"] {
            finish(&mut p, view);
        }
        let map = p.view_map_pixels("map", None).unwrap().to_vec();
        assert_eq!(map, p.decision_map(9).to_vec());
        for k in 0..3 {
            let one = p.view_map_pixels("map", Some(k)).unwrap().to_vec();
            assert_eq!(
                one,
                p.decision_map_output(9, k).unwrap().to_vec(),
                "output {k}"
            );
        }
        let bp = p.view_map_pixels("backpropMap", None).unwrap().to_vec();
        assert_eq!(bp, p.backprop_decision_map(9).to_vec());
        let unit = p.view_map_pixels("unitMap", None).unwrap().to_vec();
        assert_eq!(unit, p.unit_map(9, 1, 3).unwrap().to_vec());
        let bits = |v: Vec<f64>| v.into_iter().map(f64::to_bits).collect::<Vec<_>>();
        assert_eq!(bits(p.view_scores("scores").unwrap()), bits(p.scores()));
        let outputs = p.view_outputs().to_vec();
        assert_eq!(bits(outputs), bits(p.pattern_outputs().to_vec()));
        // What does not exist is refused by name.
        let refused =
            |r: Result<f64, wasm_bindgen::JsError>| JsValue::from(r.expect_err("refused"));
        assert!(format!("{:?}", refused(p.view_start("nope", 9))).contains("no such view"));
        assert!(format!("{:?}", refused(p.unit_map_start(9, 3, 0))).contains("no such layer"));
        assert!(format!("{:?}", refused(p.unit_map_start(9, 0, 8))).contains("no such unit"));
        assert!(p.view_map_pixels("map", Some(3)).is_err());
    }
}
