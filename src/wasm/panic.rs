//! Panics, which under `panic = abort` reach JS only as a bare
//! `RuntimeError: unreachable`: the hook keeps each one's message for the page.

use wasm_bindgen::prelude::*;

/// The last panic's message. Under `panic = abort` a panic reaches JS only as a
/// bare `RuntimeError: unreachable`; the page reads this to say what happened.
static LAST_PANIC: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = info.to_string();
        }
    }));
}

/// The message of the panic that stopped the engine, if one did.
#[wasm_bindgen(js_name = lastPanic)]
pub fn last_panic() -> Option<String> {
    let last = LAST_PANIC.lock().ok()?;
    (!last.is_empty()).then(|| last.clone())
}

/// Panics on purpose: the end-to-end test of the banner a panic shows
/// (tests/e2e/playground.test.mjs) calls it mid-run, since no other call from
/// JS panics the engine any more. A bare export of the wasm instance, with no
/// JS binding: the engine's module (and the npm package's `./engine`) neither
/// exports nor declares it; only code inside the glue, where the instance's
/// exports are, can reach it. Nothing in the page calls it.
#[cfg(feature = "page")]
#[no_mangle]
pub extern "C" fn ed_panic_on_purpose() {
    panic!("a panic on purpose, for the test of the banner");
}
