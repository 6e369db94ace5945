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
    let huge = js_sys::Uint8Array::new_with_length((data::MAX_DIGITS_BYTES + data::RECORD) as u32);
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
