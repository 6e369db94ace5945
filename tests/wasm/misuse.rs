//! Issue 12, items 6 and 7: no call from JS panics the engine, hangs it or
//! grows its memory for good; every argument is checked before work, own
//! properties only, sizes before copies; model files follow the CLI's rules.
use crate::{load_file, load_text};
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

/// The message of the Error a refused call gave.
pub fn message<T>(result: Result<T, JsError>) -> String {
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
    let losses = "loss: must be one of mse, bce, bce-with-logits";
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
    // Read before it was measured, the sparse list alone took 7.5 s and its copy
    // grew the memory by hundreds of megabytes: the memory says it, where a
    // clock on a busy machine cannot (a timed test failed under load).
    assert_eq!(memory_bytes(), memory, "wasm memory grew");
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
        let page = load_text(&text.into()).map(|p| p.epoch());
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
    assert_eq!(load_file(&utf8(&bom)).unwrap().epoch(), 3.0);
    let refused = message(load_file(&utf16(&good)));
    assert!(refused.contains("the text is UTF-16"), "{refused}");
    assert_eq!(
        message(load_file(&good.as_str().into())),
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
    let why = message(load_text(&text));
    assert!(why.contains("config.loss: missing"), "{why}");
    let after = memory_bytes();
    assert!(after - before <= length + (1 << 20), "{before} -> {after}");
    // And that room serves every later refusal, as text or as bytes.
    for _ in 0..3 {
        let why = message(load_text(&text));
        assert!(why.contains("config.loss: missing"), "{why}");
        let why = message(load_file(&bytes.clone().into()));
        assert!(why.contains("config.loss: missing"), "{why}");
    }
    assert_eq!(memory_bytes(), after, "wasm memory grew again");
}
