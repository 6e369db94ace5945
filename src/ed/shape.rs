//! The shape of a network: its inputs, hidden layers, bias units and slope,
//! everything fixed when it is built. The forward pass ([`super::signals`])
//! sizes its buffers from it and the network ([`super::network`]) its layers.

/// Kaneko's two bias units, one `+` and one `-`, placed before a layer's sources so
/// the sources keep their parity.
pub const BIAS_UNITS: usize = 2;

/// The shape of a network and everything that is fixed when it is built.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    /// Raw inputs before doubling into `+`/`-` copies.
    pub inputs: usize,
    pub hidden: Vec<usize>,
    /// `None`: no bias units (the seed). `Some(beta)`: Kaneko's bias units fed `beta`.
    pub bias: Option<f64>,
    /// Kaneko's slope parameter for every sigmoid (2.0 is the plain sigmoid).
    pub u0: f64,
}

impl Shape {
    /// How many bias units lead each layer's sources (0 or [`BIAS_UNITS`]).
    pub fn bias_units(&self) -> usize {
        if self.bias.is_some() {
            BIAS_UNITS
        } else {
            0
        }
    }

    /// `(sources, units)` of each layer, bias units included in the sources.
    pub fn layer_sizes(&self) -> Vec<(usize, usize)> {
        let b = self.bias_units();
        let mut sizes = Vec::with_capacity(self.hidden.len() + 1);
        let mut sources = 2 * self.inputs;
        for &units in self.hidden.iter().chain(std::iter::once(&1)) {
            sizes.push((sources + b, units));
            sources = units;
        }
        sizes
    }
}
