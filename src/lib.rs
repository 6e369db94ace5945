//! ED Playground: Isamu Kaneko's ED ("error diffusion") learning method.
//!
//! Every unit is excitatory or inhibitory, every connection's sign is fixed by the
//! two units it joins, and one error signal is broadcast to all layers at once; a
//! weight learns from its own input, its unit's derivative and that signal, and
//! only ever grows in magnitude. [`ed`] is the learning core (no browser types, no
//! I/O); [`trainer`] runs it on a [`task`] and [`evaluation`] scores it; [`model`]
//! saves and loads runs. [`backprop`] trains the same network shape by plain
//! backpropagation; both trainers are a [`run`] over their own networks, and
//! [`race`] runs the two side by side.

pub mod backprop;
pub mod compare;
pub mod config;
pub mod decision_map;
pub mod digits;
pub mod ed;
pub mod evaluation;
pub mod experiment;
pub mod fingerprint;
pub mod learner;
pub mod model;
pub mod params;
pub mod race;
pub mod run;
pub mod session;
pub mod task;
pub mod trainer;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use backprop::BpTrainer;
pub use config::{Config, ConfigError, ConfigInput};
pub use evaluation::Evaluation;
pub use trainer::{EpochStats, Trainer};
