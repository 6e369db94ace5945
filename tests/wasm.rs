//! wasm half of the native-vs-wasm identity check, run in headless Chromium by
//! wasm-bindgen-test: the same golden runs give the same fingerprints as natively.
#![cfg(target_arch = "wasm32")]

use ed_playground::io::fingerprint::{golden_cases, run_fingerprint, sliced_run_fingerprint};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const GOLDEN: &str = include_str!("golden/fingerprints.txt");

/// The committed fingerprint of the golden case `name`.
fn committed(name: &str) -> u64 {
    let line = GOLDEN
        .lines()
        .find(|l| l.split_whitespace().next() == Some(name))
        .expect("golden case");
    u64::from_str_radix(line.split_whitespace().nth(1).expect("hash"), 16).expect("hex")
}

#[wasm_bindgen_test]
fn wasm_runs_match_the_native_fingerprints() {
    for (name, config, epochs) in golden_cases() {
        assert_eq!(run_fingerprint(config, epochs), committed(name), "{name}");
    }
}

/// Trained as the page trains them, a frame's budget of a few patterns at a
/// time: stopped between patterns everywhere, the same numbers.
#[wasm_bindgen_test]
fn wasm_runs_stopped_between_patterns_match_the_native_fingerprints() {
    for (name, config, epochs) in golden_cases() {
        // Budgets that change from call to call, so the stops fall everywhere.
        let mut calls = [1u64, 5, 2, 11, 3].into_iter().cycle();
        let got = sliced_run_fingerprint(config, epochs, || calls.next().unwrap());
        assert_eq!(got, committed(name), "{name}");
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
        let mut page = Playground::from_json(&native.to_json().unwrap().into()).expect("loads");
        assert_eq!(page.epoch(), 37.0);
        // Written by the page (the browser's JSON), read by the CLI's parser.
        let back =
            EdRun::from_json(&page.to_json().unwrap()).expect("the CLI reads the page's file");
        assert_eq!(back.to_json().unwrap(), native.to_json().unwrap());
        // And both go on to the same loss.
        let mut native = native;
        assert_eq!(
            page.step(5.0).unwrap().to_bits(),
            (0..5)
                .map(|_| native.run_epoch().mean_loss)
                .last()
                .unwrap()
                .to_bits()
        );
    }

    #[wasm_bindgen_test]
    fn train_spreads_an_epoch_over_calls_and_counts_whole_epochs() {
        let mut whole = Playground::new(JsValue::UNDEFINED).unwrap();
        whole.step(30.0).unwrap();
        let mut sliced = Playground::new(JsValue::UNDEFINED).unwrap();
        let mut calls = 0;
        while sliced.epoch() < 30.0 {
            let left = 30.0 - sliced.epoch();
            let spent = sliced.train(left, 3.0).unwrap();
            assert!(spent >= 3.0, "a call trains at least one pattern");
            calls += 1;
        }
        // XOR's four patterns, a budget of three a call: epochs end mid-call.
        assert!(calls >= 40, "{calls} calls");
        assert!(!sliced.mid_epoch());
        assert_eq!(sliced.loss().to_bits(), whole.loss().to_bits());
        assert_eq!(
            sliced.history_losses().to_vec(),
            whole.history_losses().to_vec()
        );
        for bad in [0.0, -1.0, 1.5, f64::NAN, f64::INFINITY, 2f64.powi(53)] {
            let err: JsValue = sliced.train(1.0, bad).expect_err("refused").into();
            let message: String = err.dyn_into::<js_sys::Error>().unwrap().message().into();
            assert!(message.starts_with("units"), "{bad}: {message}");
        }
    }

    #[wasm_bindgen_test]
    fn a_change_made_mid_epoch_waits_for_its_end() {
        let mut page = Playground::new(JsValue::UNDEFINED).unwrap();
        page.step(5.0).unwrap();
        page.train(1.0, 2.0).unwrap();
        assert!(page.mid_epoch());
        assert_eq!((page.epoch(), page.change_epoch()), (5.0, 6.0));
        page.set_loss(&"bce".into()).unwrap();
        assert_eq!(page.switches().length(), 1, "not yet in force");
        page.train(2.0, 1e6).unwrap();
        assert_eq!(page.epoch(), 7.0);
        let last: js_sys::Array = page.switches().get(1).into();
        assert_eq!(last.get(0).as_f64(), Some(6.0));
    }

    #[wasm_bindgen_test]
    fn explaining_an_epoch_is_one_step_and_hands_over_plain_arrays() {
        let kaneko = || object(&[("rule", "kaneko".into())]);
        let mut stepped = Playground::new(kaneko()).unwrap();
        stepped.step(1.0).unwrap();
        let mut explained = Playground::new(kaneko()).unwrap();
        let get = |v: &JsValue, k: &str| Reflect::get(v, &k.into()).unwrap();
        for place in 0..4 {
            let x = explained.explain().unwrap();
            assert_eq!(get(&x, "position").as_f64(), Some(place as f64));
            let layers: js_sys::Array = get(&get(&x, "trace"), "layers").dyn_into().unwrap();
            // Kaneko's 2 bias units and 2 inputs doubled, to 8 hidden units.
            let delta: js_sys::Array = get(&layers.get(0), "delta").dyn_into().unwrap();
            assert_eq!((layers.length(), delta.length()), (2, 6 * 8));
        }
        assert_eq!((explained.epoch(), explained.mid_epoch()), (1.0, false));
        let bits = |p: &Playground, l: f64| -> Vec<u64> {
            let w = p.layer_weights(l).unwrap().to_vec();
            w.iter().map(|v| v.to_bits()).collect()
        };
        for l in [0.0, 1.0] {
            assert_eq!(bits(&explained, l), bits(&stepped, l), "layer {l}");
        }
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
            ("[]", "not a model: the text is not a JSON object"),
            (
                &good.replace("\"version\": 1", "\"version\": 2"),
                "unknown version 2",
            ),
            (
                &good.replace("\"epoch\": 3", "\"epoch\": -3"),
                "epoch: must be a whole number",
            ),
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
            let message = refusal(Playground::from_json(&text.into()));
            assert!(message.contains(why), "{why}: {message}");
        }
        let huge = " ".repeat(ed_playground::io::model::MAX_MODEL_BYTES + 1);
        assert!(refusal(Playground::from_json(&huge.into())).contains("over the limit"));
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
        let page = Playground::from_json(&text.as_str().into()).expect("loads");
        let back = EdRun::from_json(&page.to_json().unwrap()).expect("the CLI reads it");
        assert_eq!(back.to_json().unwrap(), text);

        // A file written before the 2-D tasks lacks their fields.
        let mut old: serde_json::Value =
            serde_json::from_str(&trained_native(3).to_json().unwrap()).unwrap();
        for field in ["points", "noise", "test_fraction"] {
            old["config"].as_object_mut().unwrap().remove(field);
        }
        let page = Playground::from_json(&old.to_string().into()).expect("an older file loads");
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
    use ed_playground::task::handwriting;
    use ed_playground::wasm::{DigitsPad, DigitsRun};
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

    fn array(bytes: &[u8]) -> JsValue {
        js_sys::Uint8Array::from(bytes).into()
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
        let short = refusal(DigitsRun::new(&array(&good[..100]), small()));
        assert!(short.starts_with("digits: 100 bytes"), "{short}");
        let mut bad = good.clone();
        bad[data::RECORD] = 12;
        let label = refusal(DigitsRun::new(&array(&bad), small()));
        assert!(
            label.starts_with("digits: digit 1") && label.contains("label 12"),
            "{label}"
        );
        // Over the limit: refused by its length, never copied into the module.
        let memory = super::misuse::memory_bytes();
        let huge =
            js_sys::Uint8Array::new_with_length((data::MAX_DIGITS_BYTES + data::RECORD) as u32);
        let over = refusal(DigitsRun::new(&huge.into(), small()));
        assert!(over.contains("is over the limit of 17990000"), "{over}");
        assert_eq!(super::misuse::memory_bytes(), memory);
        let not_bytes = refusal(DigitsRun::new(&JsValue::from_str("digits"), small()));
        assert_eq!(not_bytes, "digits: must be a Uint8Array");
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
            let message = refusal(DigitsRun::new(&array(&good), o));
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
        let mut run = DigitsRun::new(&array(&good), o).expect("a run");
        assert_eq!(run.test_accuracy(), None);
        for w in &want {
            assert_eq!(run.epoch(), w.mean_loss);
            assert_eq!(run.test_accuracy(), Some(w.test_accuracy));
            assert_eq!(run.train_accuracy(), Some(w.train_accuracy));
        }
        assert_eq!(run.guesses(20).len(), 10);
        assert_eq!(run.test_labels(3).len(), 3);
        assert_eq!(run.test_image(9.0).unwrap().len(), SIDE * SIDE);
        for k in [10.0, -1.0, 0.5, 4_294_967_297.0] {
            assert!(run.test_image(k).is_err(), "{k}");
        }
        assert_eq!(run.field(9.0, 7.0).unwrap().len(), SIDE * SIDE);
        assert!(run.field(10.0, 0.0).is_err() && run.field(0.0, 8.0).is_err());
    }

    /// The pad's engine (src/wasm/digit_pad.rs): a run's weights copied in, a
    /// test digit painted as blocks reads as the run scored it; bad weights and
    /// ink are refused by name, and the copy stays.
    #[wasm_bindgen_test]
    fn the_pad_reads_a_painted_test_digit_as_the_run_scored_it() {
        // Ink in the middle, as MNIST's digits sit (the pad moves ink off centre).
        let all: Vec<Digit> = (0..40)
            .map(|k| Digit {
                label: k % 10,
                pixels: (0..SIDE * SIDE)
                    .map(|p| {
                        let (x, y) = (p % SIDE, p / SIDE);
                        let inside = (3..14).contains(&x) && (3..14).contains(&y);
                        f64::from(u8::from(inside && (x * y + k) % 3 != 0))
                    })
                    .collect(),
            })
            .collect();
        // Neither moved nor scaled by the pad: their size and centre are a digit's.
        for d in &all {
            assert_eq!(handwriting::centring_shift(&d.pixels), [0, 0]);
            let ink: Vec<u8> = d.pixels.iter().map(|&p| (p * 255.0) as u8).collect();
            assert_eq!(handwriting::framing(&ink, SIDE), None);
        }
        let good = data::to_bytes(&all);
        let o = |method: &str| {
            options(&[
                ("method", method.into()),
                ("hidden", 8.into()),
                ("seed", 4.into()),
                ("train", 30.into()),
                ("test", 10.into()),
            ])
        };
        let mut ed = DigitsRun::new(&array(&good), o("ed")).expect("a run");
        let mut bp = DigitsRun::new(&array(&good), o("backprop")).expect("a run");
        ed.epoch();
        bp.epoch();
        let confusion = ed.confusion();
        assert_eq!(confusion.len(), 100);
        assert_eq!(confusion.iter().sum::<u32>(), 10);
        let right: u32 = (0..10).map(|d| confusion[d * 11]).sum();
        assert_eq!(Some(f64::from(right) / 10.0), ed.test_accuracy());
        let mut pad = DigitsPad::new(8).expect("a pad");
        pad.load("ed", &ed.weights()).unwrap();
        pad.load("backprop", &bp.weights()).unwrap();
        let recorded = [ed.test_outputs(10), bp.test_outputs(10)];
        let field = |r: &JsValue, k: &str| -> Vec<f64> {
            Reflect::get(r, &k.into())
                .unwrap()
                .dyn_into::<js_sys::Float64Array>()
                .unwrap()
                .to_vec()
        };
        for k in 0..10 {
            let pixels = ed.test_image(k as f64).unwrap();
            let ink: Vec<u8> = (0..32 * 32)
                .map(|i| (pixels[(i / 32 / 2) * SIDE + (i % 32) / 2] * 255.0).round() as u8)
                .collect();
            let r = pad.read(&ink, 32).unwrap();
            assert_eq!(field(&r, "pixels"), pixels);
            assert_eq!(field(&r, "ed"), recorded[0][k * 10..(k + 1) * 10]);
            assert_eq!(field(&r, "backprop"), recorded[1][k * 10..(k + 1) * 10]);
        }
        let message = |e: wasm_bindgen::JsError| -> String {
            let v: JsValue = e.into();
            v.dyn_into::<js_sys::Error>().unwrap().message().into()
        };
        assert_eq!(
            message(pad.load("sgd", &[]).unwrap_err()),
            "method: must be \"ed\" or \"backprop\", got \"sgd\""
        );
        assert!(message(pad.load("ed", &[0.5]).unwrap_err()).contains("found 1"));
        assert!(message(pad.read(&[0; 100], 32).unwrap_err()).contains("100 bytes"));
        assert!(DigitsPad::new(0).is_err());
    }
}

mod misuse {
    //! Issue 12, items 6 and 7: no call from JS panics the engine, hangs it or
    //! grows its memory for good; every argument is checked before work, own
    //! properties only, sizes before copies; model files follow the CLI's rules.
    use ed_playground::io::model::{MAX_FILE_INTEGER, MAX_MODEL_BYTES};
    use ed_playground::wasm::{kaneko_run, Playground, MAX_STEP_EPOCHS};
    use ed_playground::{Config, EdRun};
    use js_sys::Reflect;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_test::*;

    #[wasm_bindgen(inline_js = "
        export function throwingGetter() { return { get lr() { throw new Error('boom'); } }; }
        export function throwingTrap() { return new Proxy({ lr: 0.3 }, { get() { throw new Error('trap'); } }); }
        export function throwingKeys() { return new Proxy({}, { ownKeys() { throw new Error('trap'); } }); }
        export function pollute(on) {
            if (on) { Object.prototype.init_range = 100; Object.prototype.shuffle = true; Array.prototype[0] = 64; }
            else { delete Object.prototype.init_range; delete Object.prototype.shuffle; delete Array.prototype[0]; }
        }
        export function sparseHidden(n) { return { hidden: new Array(n) }; }
        export function filledHidden(n) { return { hidden: new Array(n).fill(1) }; }
        export function holedHidden() { const h = [8, 8]; delete h[0]; return { hidden: h }; }
        export function emptyNetworks(n) {
            return '{\"format\":\"ed-playground-model\",\"version\":1,\"config\":{},\"epoch\":0,\"networks\":['
                + Array(n).fill('[]').join(',') + ']}';
        }
        export function utf16(text) {
            const bytes = new Uint8Array(2 + 2 * text.length);
            bytes[0] = 0xff; bytes[1] = 0xfe;
            for (let k = 0; k < text.length; k++) { const u = text.charCodeAt(k); bytes[2 + 2 * k] = u & 255; bytes[3 + 2 * k] = u >> 8; }
            return bytes;
        }
        export function utf8(text) { return new TextEncoder().encode(text); }
    ")]
    extern "C" {
        #[wasm_bindgen(js_name = throwingGetter)]
        fn throwing_getter() -> JsValue;
        #[wasm_bindgen(js_name = throwingTrap)]
        fn throwing_trap() -> JsValue;
        #[wasm_bindgen(js_name = throwingKeys)]
        fn throwing_keys() -> JsValue;
        fn pollute(on: bool);
        #[wasm_bindgen(js_name = sparseHidden)]
        fn sparse_hidden(n: u32) -> JsValue;
        #[wasm_bindgen(js_name = filledHidden)]
        fn filled_hidden(n: u32) -> JsValue;
        #[wasm_bindgen(js_name = holedHidden)]
        fn holed_hidden() -> JsValue;
        #[wasm_bindgen(js_name = emptyNetworks)]
        fn empty_networks(n: u32) -> JsValue;
        fn utf16(text: &str) -> JsValue;
        fn utf8(text: &str) -> JsValue;
    }

    /// The module's memory now; it never shrinks, so growth is for good.
    pub fn memory_bytes() -> u32 {
        wasm_bindgen::memory()
            .unchecked_into::<js_sys::WebAssembly::Memory>()
            .buffer()
            .unchecked_into::<js_sys::ArrayBuffer>()
            .byte_length()
    }

    fn message<T>(result: Result<T, JsError>) -> String {
        let err: JsValue = result.err().expect("refused").into();
        err.dyn_into::<js_sys::Error>()
            .expect("an Error")
            .message()
            .into()
    }

    fn playground(task: &str) -> Playground {
        let config = js_sys::Object::new();
        Reflect::set(&config, &"task".into(), &task.into()).unwrap();
        Playground::new(config.into()).expect("a run")
    }

    #[wasm_bindgen_test]
    fn step_takes_whole_epochs_in_range_only() {
        let mut p = playground("xor");
        let must = format!("epochs: must be a whole number from 0 to {MAX_STEP_EPOCHS}");
        let bad = [
            -1.0,
            4_294_967_299.0, // 2^32 + 3, which a u32 argument read as 3
            1e10,
            1.5,
            -0.5,
            f64::NAN,
            f64::INFINITY,
            f64::from(MAX_STEP_EPOCHS) + 1.0,
        ];
        for epochs in bad {
            assert_eq!(message(p.step(epochs)), must, "{epochs}");
            assert_eq!(p.epoch(), 0.0, "{epochs} trained");
        }
        assert!(p.step(0.0).unwrap().is_nan());
        assert!(p.step(3.0).unwrap().is_finite());
        assert_eq!(p.epoch(), 3.0);
        // Kaneko's experiment's counts are checked the same way.
        for (hidden, seed, why) in [
            (
                -1.0,
                1.0,
                "hidden: must be a whole number from 0 to 4294967295",
            ),
            (4_294_967_304.0, 1.0, "hidden: must be a whole number"),
            (
                300.0,
                1.0,
                "hidden: each layer must have 1 to 256 units, got 300",
            ),
            (
                8.0,
                -1.0,
                "seed: must be a whole number from 0 to 4294967295",
            ),
            (8.0, 1.5, "seed: must be a whole number"),
        ] {
            let refused = message(kaneko_run("ed", hidden, seed, None));
            assert!(refused.starts_with(why), "{hidden} {seed}: {refused}");
        }
    }

    #[wasm_bindgen_test]
    fn calls_out_of_range_are_errors_and_the_run_goes_on() {
        for task in ["adder", "parity", "spiral3"] {
            let mut p = playground(task);
            assert!(message(p.forward(1.0, 1.0))
                .starts_with("forward: takes a task of 2 inputs and 1 output"));
            // Not poisoned: the object answers and trains.
            assert!(p.step(1.0).is_ok());
            assert_eq!(p.epoch(), 1.0);
        }
        let mut p = playground("xor");
        assert!(p.forward(1.0, 0.0).unwrap().is_finite());
        for layer in [99.0, 3.0, -1.0, 0.5, 4_294_967_297.0, f64::NAN] {
            assert_eq!(
                message(p.layer_shape(layer)),
                "layer: no such layer",
                "{layer}"
            );
            assert_eq!(
                message(p.layer_weights(layer)),
                "layer: no such layer",
                "{layer}"
            );
            assert_eq!(message(p.unit_map(8, layer, 0.0)), "layer: no such layer");
        }
        assert_eq!(p.layer_shape(2.0).unwrap(), [8, 1]);
        assert_eq!(message(p.unit_map(8, 0.0, 8.0)), "unit: no such unit");
        assert_eq!(message(p.view_output(1.0)), "output: no such output");
        assert_eq!(
            message(p.decision_map_output(8, -1.0)),
            "output: no such output"
        );
        let losses = "loss: must be \"mse\", \"bce\" or \"bce-with-logits\"";
        for bad in [
            JsValue::from(5),
            js_sys::Object::new().into(),
            "hinge".into(),
            JsValue::NULL,
        ] {
            assert_eq!(message(p.set_loss(&bad)), losses);
        }
        p.set_loss(&"bce".into()).unwrap();
        assert!(p.step(1.0).is_ok());
    }

    #[wasm_bindgen_test]
    fn config_objects_are_read_by_their_own_fields() {
        let refused = |config: JsValue| message(Playground::new(config));
        assert_eq!(refused(throwing_getter()), "lr: reading it threw an error");
        assert_eq!(refused(throwing_trap()), "lr: reading it threw an error");
        assert_eq!(
            refused(throwing_keys()),
            "config: reading it threw an error"
        );
        assert_eq!(
            refused(holed_hidden()),
            "hidden: must be a list of whole numbers, e.g. [8, 8]"
        );
        // What Object.prototype and Array.prototype hold changes no run.
        pollute(true);
        let polluted = Playground::new(js_sys::Object::new().into()).map(|p| p.config());
        let holed = Playground::new(holed_hidden()).map(|_| ());
        pollute(false);
        let config = polluted.expect("a run");
        let field = |name: &str| Reflect::get(&config, &name.into()).unwrap();
        assert_eq!(
            field("init_range").as_f64(),
            Some(Config::seed_defaults().init_range)
        );
        assert_eq!(field("shuffle").as_bool(), Some(false));
        assert!(holed.is_err(), "a hole read through Array.prototype");
    }

    #[wasm_bindgen_test]
    fn a_list_is_measured_before_it_is_read() {
        let start = js_sys::Date::now();
        let memory = memory_bytes();
        let must = |n: u32| format!("hidden: must list 1 to 4 layer sizes, got {n}");
        assert_eq!(
            message(Playground::new(sparse_hidden(100_000_000))),
            must(100_000_000)
        );
        assert_eq!(
            message(Playground::new(filled_hidden(10_000_000))),
            must(10_000_000)
        );
        assert_eq!(memory_bytes(), memory, "wasm memory grew");
        // Before: 7.5 s copying the sparse array alone.
        assert!(js_sys::Date::now() - start < 2000.0);
    }

    fn model(epochs: u32) -> String {
        let mut run = EdRun::new(Config::seed_defaults());
        for _ in 0..epochs {
            run.run_epoch();
        }
        run.to_json().unwrap()
    }

    #[wasm_bindgen_test]
    fn the_page_reads_model_files_by_the_clis_rules() {
        let good = model(3);
        let both = |text: &str| {
            let page = Playground::from_json(&text.into()).map(|p| p.epoch());
            let cli = EdRun::from_json(text).map(|r| r.epoch() as f64);
            (
                page.map_err(|e| message::<()>(Err(e))),
                cli.map_err(|e| e.to_string()),
            )
        };
        for text in [
            good.replacen("\"epoch\": 3", "\"epoch\": 3, \"epoch\": 7", 1),
            good.replacen("\"epoch\": 3", "\"epoch\": 9007199254740992", 1),
            good.replacen("\"epoch\": 3", "\"epoch\": 18446744073709551615", 1),
            good.replacen("\"seed\": 42", "\"seed\": 9007199254740992", 1),
        ] {
            let (page, cli) = both(&text);
            assert!(page.is_err(), "the page loaded {text}");
            assert_eq!(page, cli);
        }
        let top = good.replacen("\"epoch\": 3", &format!("\"epoch\": {MAX_FILE_INTEGER}"), 1);
        assert_eq!(
            both(&top),
            (Ok(MAX_FILE_INTEGER as f64), Ok(MAX_FILE_INTEGER as f64))
        );
        // As bytes, the encoding rule: a UTF-8 byte order mark read past, UTF-16 refused.
        let bom = format!("\u{feff}{good}");
        assert_eq!(Playground::from_file(&utf8(&bom)).unwrap().epoch(), 3.0);
        let refused = message(Playground::from_file(&utf16(&good)));
        assert!(refused.contains("the text is UTF-16"), "{refused}");
        assert_eq!(
            message(Playground::from_file(&good.as_str().into())),
            "bytes: must be a Uint8Array"
        );
    }

    #[wasm_bindgen_test]
    fn a_refused_model_file_does_not_grow_memory() {
        // The file: 8.1 MB of empty networks and `"config": {}`, made
        // in JS so the test itself holds none of it in the module.
        let text = empty_networks(2_700_000);
        let bytes = js_sys::Uint8Array::new(&utf8(&text.as_string().unwrap()));
        let length = bytes.length();
        assert!(length > 8_000_000 && length as usize <= MAX_MODEL_BYTES);
        // The text is copied in to be read: at most its own size, once (it
        // grew by 106 MB before, for good).
        let before = memory_bytes();
        let why = message(Playground::from_json(&text));
        assert!(why.contains("config.loss: missing"), "{why}");
        let after = memory_bytes();
        assert!(after - before <= length + (1 << 20), "{before} -> {after}");
        // And that room serves every later refusal, as text or as bytes.
        for _ in 0..3 {
            let why = message(Playground::from_json(&text));
            assert!(why.contains("config.loss: missing"), "{why}");
            let why = message(Playground::from_file(&bytes.clone().into()));
            assert!(why.contains("config.loss: missing"), "{why}");
        }
        assert_eq!(memory_bytes(), after, "wasm memory grew again");
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
        p.step(5.0).unwrap();
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
                p.decision_map_output(9, k as f64).unwrap().to_vec(),
                "output {k}"
            );
        }
        let bp = p.view_map_pixels("backpropMap", None).unwrap().to_vec();
        assert_eq!(bp, p.backprop_decision_map(9).to_vec());
        let unit = p.view_map_pixels("unitMap", None).unwrap().to_vec();
        assert_eq!(unit, p.unit_map(9, 1.0, 3.0).unwrap().to_vec());
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
