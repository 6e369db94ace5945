//! What leaves the engine as bytes: model files, and fingerprints of runs.

pub mod fingerprint;
mod json;
pub mod model;
