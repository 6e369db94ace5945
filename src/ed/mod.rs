//! The learning core: no browser types, no I/O.
//!
//! One ED update of a network on one pattern reads, in
//! [`reference::ReferenceNetwork::update`] (weights as `w[layer][unit][source]`,
//! each layer's sources its bias units and then the doubled inputs or the
//! previous layer's units; excitatory sources and units have even indices):
//!
//! ```rust,ignore
//! pub fn update(&mut self, input: &[f64], t: f64, rule: Rule, loss: Loss, lr: f64) -> (f64, f64) {
//!     let (x, out) = self.forward(input); // x[l]: layer l's sources, out[l]: its units
//!     let y = out[out.len() - 1][0];
//!     let p = self.output.probability(y);
//!     let (signal, rise) = broadcast(rule, loss, lr, y, p, t);
//!     let last = self.weights.len() - 1;
//!     for (l, layer) in self.weights.iter_mut().enumerate() {
//!         let act = if l == last { self.output } else { self.hidden };
//!         for (o, w_o) in layer.iter_mut().enumerate() {
//!             let gain = unit_gain(rule, act, out[l][o], signal, l == last);
//!             // Rise: the excitatory (even) sources learn; fall: the inhibitory (odd).
//!             for i in (if rise { 0 } else { 1 }..x[l].len()).step_by(2) {
//!                 w_o[i] += connection_sign(o, i) * gain * x[l][i];
//!             }
//!         }
//!     }
//!     (y, p)
//! }
//! ```
//!
//! The forward pass sums `w * x` over each unit's sources and applies the
//! unit's sigmoid (the output's activation depends on the loss). The broadcast
//! is one signal for every layer, the seed's `lr * dL/dy` or Kaneko's
//! `alpha * |t - p|`, and one verdict: the output must rise or fall. Each
//! unit's gain is the seed's `|f'(z) * delta|` or Kaneko's `o (1 - o) * amine`
//! (`broadcast` and `unit_gain` sit beside `update` in
//! [`reference`](mod@reference)). Only the sources of the chosen type learn,
//! each weight growing along its fixed sign. [`Network::train`] is the same
//! update laid out for speed ([`layer`], [`rule`], [`signals`]); a property
//! test holds the two to the same bits on random networks, both rules and
//! every loss.

pub mod activation;
pub mod layer;
pub mod loss;
pub mod network;
pub mod reference;
pub mod rule;
pub mod shape;
pub mod signals;
pub mod trace;

pub use activation::Activation;
pub use layer::{connection_sign, Layer, Source};
pub use loss::Loss;
pub use network::Network;
pub use rule::Rule;
pub use shape::Shape;
pub use signals::{LayerForward, Signals};
pub use trace::{LayerTrace, Trace};
