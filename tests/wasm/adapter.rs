//! The wasm adapter's own reading and writing of JS values (src/wasm/convert.rs),
//! which the native tests cannot reach.
use crate::{load_text, save};
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
    let mut page = load_text(&native.to_json().unwrap().into()).expect("loads");
    assert_eq!(page.epoch(), 37.0);
    // Written by the page (the files module, the CLI's own writer), read by the CLI's parser.
    let back = EdRun::from_json(&save(&page).unwrap()).expect("the CLI reads the page's file");
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
        sliced.history_losses(None).unwrap().to_vec(),
        whole.history_losses(None).unwrap().to_vec()
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
        let message = refusal(load_text(&text.into()));
        assert!(message.contains(why), "{why}: {message}");
    }
    let huge = " ".repeat(ed_playground::io::model::MAX_MODEL_BYTES + 1);
    assert!(refusal(load_text(&huge.into())).contains("over the limit"));
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
    let page = load_text(&text.as_str().into()).expect("loads");
    let back = EdRun::from_json(&save(&page).unwrap()).expect("the CLI reads it");
    assert_eq!(back.to_json().unwrap(), text);

    // A file written before the 2-D tasks lacks their fields.
    let mut old: serde_json::Value =
        serde_json::from_str(&trained_native(3).to_json().unwrap()).unwrap();
    for field in ["points", "noise", "test_fraction"] {
        old["config"].as_object_mut().unwrap().remove(field);
    }
    let page = load_text(&old.to_string().into()).expect("an older file loads");
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
