//! The files module's exports (src/wasm/files.rs) and the hand-off of a run's
//! parts to and from the page's module: a round trip bit for bit, and the
//! API's rules (docs/reliability.md) for every new argument: a wrong type is
//! an Error, whole numbers are checked, a length before its copy.
use crate::misuse::message;
use crate::{load_text, save};
use ed_playground::wasm::{model_to_text, points_from_csv, points_to_csv, Playground};
use js_sys::{Float64Array, Int32Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

fn trained(task: &str, epochs: f64) -> Playground {
    let config = Object::new();
    Reflect::set(&config, &"task".into(), &task.into()).unwrap();
    let mut page = Playground::new(config.into()).unwrap();
    page.step(epochs).unwrap();
    page
}

fn weights_of(parts: &Object) -> Vec<u64> {
    let w: Float64Array = Reflect::get(parts, &"weights".into())
        .unwrap()
        .unchecked_into();
    w.to_vec().iter().map(|x| x.to_bits()).collect()
}

/// The parts of `page` with `field` set to `value`.
fn with(page: &Playground, field: &str, value: &JsValue) -> JsValue {
    let parts = page.model_parts();
    Reflect::set(&parts, &field.into(), value).unwrap();
    parts.into()
}

#[wasm_bindgen_test]
fn a_run_saved_and_loaded_through_its_parts_is_the_same_bit_for_bit() {
    for task in ["xor", "spiral3", "adder"] {
        let mut page = trained(task, 7.0);
        let text = save(&page).unwrap();
        let mut back = load_text(&text.as_str().into()).unwrap();
        assert_eq!(
            weights_of(&back.model_parts()),
            weights_of(&page.model_parts())
        );
        assert_eq!(
            (back.epoch(), back.loss().to_bits()),
            (page.epoch(), page.loss().to_bits())
        );
        assert_eq!(
            save(&back).unwrap(),
            text,
            "{task}: saved again, the same bytes"
        );
        // The parts straight across, as a page could hand them.
        let mut direct = Playground::from_model_parts(&page.model_parts().into()).unwrap();
        let after = page.step(3.0).unwrap().to_bits();
        assert_eq!(back.step(3.0).unwrap().to_bits(), after, "{task}");
        assert_eq!(direct.step(3.0).unwrap().to_bits(), after, "{task}");
    }
}

#[wasm_bindgen_test]
fn parts_of_the_wrong_kind_are_errors_naming_the_field() {
    let page = trained("xor", 2.0);
    let count = weights_of(&page.model_parts()).len() as u32;
    let flipped = {
        let w: Float64Array = Reflect::get(&page.model_parts(), &"weights".into())
            .unwrap()
            .unchecked_into();
        let k = (0..count).find(|&k| w.get_index(k) != 0.0).unwrap();
        w.set_index(k, -w.get_index(k));
        w
    };
    let nan = Float64Array::new_with_length(count);
    nan.fill(f64::NAN, 0, count);
    let cases: Vec<(JsValue, &str)> = vec![
        (JsValue::from_str("parts"), "parts: must be a plain object"),
        (with(&page, "extra", &1.into()), "extra: unknown field"),
        (
            with(&page, "epoch", &1.5.into()),
            "epoch: must be a non-negative whole number",
        ),
        (
            with(&page, "epoch", &(-1).into()),
            "epoch: must be a non-negative whole number",
        ),
        (
            with(&page, "epoch", &9_007_199_254_740_992.0.into()),
            "epoch: must be a non-negative whole number",
        ),
        (
            with(&page, "loss", &(-1).into()),
            "loss: must be a finite number, 0 or more",
        ),
        (with(&page, "loss", &"0.1".into()), "loss: must be a number"),
        (
            with(&page, "config", &JsValue::UNDEFINED),
            "config: missing",
        ),
        (
            with(&page, "config", &js_sys::Array::new().into()),
            "config: must be a plain object",
        ),
        (
            with(&page, "weights", &js_sys::Array::of1(&1.into()).into()),
            "weights: must be a Float64Array",
        ),
        (
            with(
                &page,
                "weights",
                &Float64Array::new_with_length(count + 1).into(),
            ),
            "weights: the configuration's networks hold",
        ),
        (with(&page, "weights", &flipped.into()), "wrong sign"),
        (with(&page, "weights", &nan.into()), "not a finite number"),
    ];
    for (parts, why) in cases {
        let loaded = message(Playground::from_model_parts(&parts));
        assert!(loaded.contains(why), "{why}: {loaded}");
        let written = message(model_to_text(&parts));
        assert!(written.contains(why), "{why}: {written}");
    }
}

#[wasm_bindgen_test]
fn a_huge_weights_list_is_refused_by_its_length_without_a_copy() {
    let page = trained("xor", 1.0);
    let before = crate::misuse::memory_bytes();
    // 80 MB of weights: read before measuring, the copy alone would grow the
    // module's memory by that much.
    let huge = Float64Array::new_with_length(10_000_000);
    let parts = with(&page, "weights", &huge.into());
    assert!(message(Playground::from_model_parts(&parts)).contains("found 10000000"));
    assert!(message(model_to_text(&parts)).contains("found 10000000"));
    assert_eq!(crate::misuse::memory_bytes(), before, "wasm memory grew");
}

#[wasm_bindgen_test]
fn the_points_csv_exports_check_their_arguments() {
    let csv = Uint8Array::from(&b"x,y,label\n0.5,-0.25,1\n0,0,0\n"[..]);
    let read = points_from_csv(&csv.clone().into(), 2.0).unwrap();
    let points: Int32Array = Reflect::get(&read, &"points".into())
        .unwrap()
        .unchecked_into();
    assert_eq!(points.to_vec(), vec![500, -250, 1, 0, 0, 0]);
    assert_eq!(
        points_to_csv(&points.into()).unwrap(),
        "x,y,label\n0.500,-0.250,1\n0.000,0.000,0\n"
    );
    for classes in [1.0, 2.5, 4.0, -1.0, f64::NAN] {
        let why = message(points_from_csv(&csv.clone().into(), classes));
        assert_eq!(why, "classes: must be 2 or 3");
    }
    let why = message(points_from_csv(&"x,y,label".into(), 2.0));
    assert_eq!(why, "bytes: must be a Uint8Array");
    let why = message(points_to_csv(&js_sys::Array::of1(&1.into()).into()));
    assert_eq!(why, "points: must be an Int32Array");
    let why = message(points_to_csv(&Int32Array::new_with_length(6001).into()));
    assert!(why.contains("at most 2000 points"), "{why}");
    let why = message(points_to_csv(&Int32Array::from(&[0, 0, 3][..]).into()));
    assert!(why.contains("class 0, 1 or 2"), "{why}");
}
