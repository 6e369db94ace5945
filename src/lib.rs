//! ED Playground: Isamu Kaneko's ED ("error diffusion") learning method.
//!
//! Every unit is excitatory or inhibitory, every connection's sign is fixed by the
//! two units it joins, and one error signal is broadcast to all layers at once; a
//! weight learns from its own input, its unit's derivative and that signal, and
//! only ever grows in magnitude (docs/method.md).
//!
//! The crate is a folder per job:
//! - [`ed`]: the learning core (no browser types, no I/O), with a plain
//!   reference version of one update beside the fast one;
//! - [`backprop`]: plain backpropagation on ED's network shape, to race ED;
//! - [`task`]: training sets: truth tables, points in the plane, digits;
//! - [`train`]: a [`train::Run`] of either method, its evaluation, lanes and
//!   the playground's live session;
//! - [`settings`]: the one validated [`Config`] and the parameter schema;
//! - [`studies`]: the race, the comparison, Kaneko's experiment, digits;
//! - [`io`]: model files and fingerprints;
//! - [`number`]: how number text is read (the browser's `Number` or Rust's),
//!   for the parameters and the points' CSV files alike;
//! - [`view`]: decision maps as pixels;
//! - `wasm`: the browser's adapter (wasm32 only).

pub mod backprop;
pub mod ed;
pub mod io;
pub mod number;
pub mod settings;
pub mod studies;
pub mod task;
pub mod train;
pub mod view;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use settings::{Config, ConfigError};
pub use train::{BackpropRun, EdRun, EpochStats, Evaluation};
