//! The forward pass both kinds of network share: the per-layer signal buffers
//! with Kaneko's bias units, the seed's doubling of each input into a `+` and a
//! `-` copy, and the layers run one after another. ED's network and backprop's
//! twin ([`crate::backprop::Network`]) differ only in their layers' weights and
//! in how they learn, so with the same weights they compute the same bits.

use super::activation::Activation;
use super::shape::Shape;

/// A layer the forward pass can run: `y[o] = act(sum_i w[i][o] * x[i])`.
pub trait LayerForward {
    fn forward(&self, x: &[f64], act: Activation, y: &mut [f64]);
}

/// Everything a network's layers emit for the last input: `buffers[l]` is the
/// input of layer `l` (bias units first, fed `beta` once and for all), the last
/// entry holds the output unit. Allocated once, so a training step allocates
/// nothing.
#[derive(Clone, Debug)]
pub struct Signals {
    bias_units: usize,
    buffers: Vec<Vec<f64>>,
}

impl Signals {
    pub fn new(shape: &Shape) -> Self {
        let bias_units = shape.bias_units();
        let sizes = shape.layer_sizes();
        let mut buffers: Vec<Vec<f64>> = sizes
            .iter()
            .map(|&(sources, _)| vec![0.0; sources])
            .collect();
        buffers.push(vec![0.0; 1]);
        if let Some(beta) = shape.bias {
            for sources in buffers.iter_mut().take(sizes.len()) {
                sources[..bias_units].fill(beta);
            }
        }
        Signals {
            bias_units,
            buffers,
        }
    }

    /// How many bias units lead each layer's sources (0 or 2).
    #[inline]
    pub fn bias_units(&self) -> usize {
        self.bias_units
    }

    /// How many layers the buffers serve.
    #[inline]
    pub fn layer_count(&self) -> usize {
        self.buffers.len() - 1
    }

    /// The sources of layer `l`: bias units first, then the doubled inputs (the
    /// first layer) or the previous layer's units.
    #[inline]
    pub fn sources(&self, l: usize) -> &[f64] {
        &self.buffers[l]
    }

    /// What the units of layer `l` emitted, without the next layer's bias units.
    #[inline]
    pub fn units(&self, l: usize) -> &[f64] {
        let next = &self.buffers[l + 1];
        if l + 2 == self.buffers.len() {
            next
        } else {
            &next[self.bias_units..]
        }
    }

    /// What the output unit emitted (a logit under BCE-with-logits).
    #[inline]
    pub fn output(&self) -> f64 {
        self.buffers[self.buffers.len() - 1][0]
    }

    /// Runs `layers` on raw inputs, `hidden` on every layer but the last, and
    /// returns what the output unit emits.
    #[inline]
    pub fn forward<L: LayerForward>(
        &mut self,
        layers: &[L],
        hidden: Activation,
        output: Activation,
        input: &[f64],
    ) -> f64 {
        let b = self.bias_units;
        for (pair, &x) in self.buffers[0][b..].chunks_exact_mut(2).zip(input) {
            // The seed's doubling: each input feeds a `+` and a `-` copy.
            pair[0] = x;
            pair[1] = x;
        }
        let last = layers.len() - 1;
        for (l, layer) in layers.iter().enumerate() {
            let (before, after) = self.buffers.split_at_mut(l + 1);
            let (act, out) = if l == last {
                (output, &mut after[0][..])
            } else {
                (hidden, &mut after[0][b..])
            };
            layer.forward(&before[l], act, out);
        }
        self.buffers[last + 1][0]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A layer that sums its sources into every unit, unweighted.
    struct Sum(usize);

    impl LayerForward for Sum {
        fn forward(&self, x: &[f64], act: Activation, y: &mut [f64]) {
            let z: f64 = x.iter().sum();
            y[..self.0].fill(act.apply(z));
        }
    }

    #[test]
    fn doubles_the_inputs_after_the_bias_units_and_runs_every_layer() {
        let shape = Shape {
            inputs: 2,
            hidden: vec![3],
            bias: Some(0.5),
            u0: 2.0,
        };
        let mut signals = Signals::new(&shape);
        let identity = Activation::Identity { scale: 1.0 };
        let y = signals.forward(&[Sum(3), Sum(1)], identity, identity, &[1.0, 10.0]);
        assert_eq!(signals.sources(0), [0.5, 0.5, 1.0, 1.0, 10.0, 10.0]);
        assert_eq!(signals.units(0), [23.0; 3]);
        assert_eq!(signals.sources(1), [0.5, 0.5, 23.0, 23.0, 23.0]);
        assert_eq!(y, 70.0);
        assert_eq!(signals.units(1), [70.0]);
        assert_eq!(signals.output(), 70.0);
    }

    #[test]
    fn without_bias_units_the_sources_are_the_signals_alone() {
        let shape = Shape {
            inputs: 1,
            hidden: vec![2, 2],
            bias: None,
            u0: 2.0,
        };
        let mut signals = Signals::new(&shape);
        let identity = Activation::Identity { scale: 2.0 };
        let y = signals.forward(&[Sum(2), Sum(2), Sum(1)], identity, identity, &[3.0]);
        assert_eq!(signals.bias_units(), 0);
        assert_eq!(signals.sources(1), [12.0, 12.0]);
        assert_eq!(signals.sources(2), [48.0, 48.0]);
        assert_eq!(y, 192.0);
    }
}
