//! The learning core: no browser types, no I/O.

pub mod activation;
pub mod layer;
pub mod loss;
pub mod network;
pub mod rule;

pub use activation::Activation;
pub use layer::{connection_sign, Layer, Source};
pub use loss::Loss;
pub use network::{Network, Shape};
pub use rule::Rule;
