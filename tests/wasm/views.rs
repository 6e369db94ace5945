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
    assert_eq!(map, p.decision_map(9, None).unwrap().to_vec());
    for k in 0..3 {
        let one = p.view_map_pixels("map", Some(k)).unwrap().to_vec();
        assert_eq!(
            one,
            p.decision_map_output(9, k as f64).unwrap().to_vec(),
            "output {k}"
        );
    }
    let bp = p.view_map_pixels("backpropMap", None).unwrap().to_vec();
    assert_eq!(bp, p.decision_map(9, Some(1.0)).unwrap().to_vec());
    let unit = p.view_map_pixels("unitMap", None).unwrap().to_vec();
    assert_eq!(unit, p.unit_map(9, 1.0, 3.0).unwrap().to_vec());
    let bits = |v: Vec<f64>| v.into_iter().map(f64::to_bits).collect::<Vec<_>>();
    assert_eq!(
        bits(p.view_scores("scores").unwrap()),
        bits(p.scores(None).unwrap())
    );
    let outputs = p.view_outputs().to_vec();
    assert_eq!(bits(outputs), bits(p.pattern_outputs().to_vec()));
    // What does not exist is refused by name.
    let refused = |r: Result<f64, wasm_bindgen::JsError>| JsValue::from(r.expect_err("refused"));
    assert!(format!("{:?}", refused(p.view_start("nope", 9))).contains("no such view"));
    assert!(format!("{:?}", refused(p.unit_map_start(9, 3, 0))).contains("no such layer"));
    assert!(format!("{:?}", refused(p.unit_map_start(9, 0, 8))).contains("no such unit"));
    assert!(p.view_map_pixels("map", Some(3)).is_err());
}
