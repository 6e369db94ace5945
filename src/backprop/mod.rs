//! Plain backpropagation on ED's network shape, for racing the two methods.
//!
//! A backprop network here is an ED network with the sign constraint lifted and
//! the broadcast replaced by the chain rule: the same doubled `+`/`-` inputs, the
//! same hidden sizes, Kaneko's bias units when `beta` is set, the same sigmoid
//! slope, the same output unit, loss and learning rate, and one independent
//! sub-network per output. Training is online SGD, one pattern at a time, in the
//! ED trainer's pattern order. Only the ED rule itself is absent: a Kaneko-rule
//! configuration shapes the network through `beta` and `u0`, while its `u1` and
//! amine split have no meaning here and are ignored.

mod layer;
mod network;

#[cfg(test)]
mod gradient_check;

pub use layer::Layer;
pub use network::Network;
