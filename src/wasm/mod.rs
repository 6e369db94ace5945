//! The wasm-bindgen adapters, and nothing else: no learning logic lives here.
//!
//! One crate builds several wasm modules, each by a cargo feature
//! (scripts/build-wasm.sh), so that a reader downloads only what the page
//! shows them (docs/speed.md, "What each reader downloads"):
//! - `page`: the page's and the element's module, the `Playground` class;
//! - `digits-page`: that, plus `DigitsRun` and `DigitsPad` for the digits card;
//! - `files-module`: model files and the points' CSV, translated to and from
//!   the parts `Playground` takes (`files.rs`), loaded on demand;
//! - `experiment-module`: one run of Kaneko's experiment, for its card's worker.
//!
//! The wasm tests build them all at once.

mod convert;
mod panic;
pub use panic::last_panic;

#[cfg(feature = "page")]
mod playground;
#[cfg(feature = "page")]
use playground::{f64_view, index, scores_of};
#[cfg(feature = "page")]
pub use playground::{Playground, MAX_STEP_EPOCHS};

#[cfg(feature = "page")]
mod clocks;
#[cfg(feature = "page")]
mod explain;
#[cfg(feature = "page")]
mod history;
#[cfg(feature = "page")]
mod lanes;
#[cfg(feature = "page")]
mod params;
#[cfg(any(feature = "page", feature = "files-module"))]
mod points;
#[cfg(feature = "page")]
mod views;

#[cfg(feature = "digits-page")]
mod digit_pad;
#[cfg(feature = "digits-page")]
mod digits;
#[cfg(feature = "digits-page")]
pub use digit_pad::DigitsPad;
#[cfg(feature = "digits-page")]
pub use digits::DigitsRun;

#[cfg(feature = "files-module")]
mod files;
#[cfg(feature = "files-module")]
pub use files::{model_from_file, model_from_text, model_to_text, points_from_csv, points_to_csv};

#[cfg(feature = "experiment-module")]
mod experiment;
#[cfg(feature = "experiment-module")]
pub use experiment::kaneko_run;
