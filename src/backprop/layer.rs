//! One fully connected layer whose weights may take either sign.
//!
//! Weights are input-major (`w[i * outputs + o]`), as in [`crate::ed::Layer`], so
//! the page draws both kinds of network from the same layout, and so that each
//! source's row is contiguous in all three loops: forward, the error sent back
//! to the sources, and the update.

use rand::{Rng, RngExt};

use crate::ed::activation::Activation;
use crate::ed::layer::forward_input_major;
use crate::ed::LayerForward;

#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    inputs: usize,
    outputs: usize,
    weights: Vec<f64>,
}

impl Layer {
    /// The same weights, signs included.
    pub fn from_ed(layer: &crate::ed::Layer) -> Layer {
        Layer {
            inputs: layer.inputs(),
            outputs: layer.outputs(),
            weights: layer.weights().to_vec(),
        }
    }

    pub fn inputs(&self) -> usize {
        self.inputs
    }

    pub fn outputs(&self) -> usize {
        self.outputs
    }

    /// Input-major weights: `weights()[i * outputs() + o]`.
    pub fn weights(&self) -> &[f64] {
        &self.weights
    }

    /// Overwrites the weights with those of a layer of the same size.
    pub fn copy_weights_from(&mut self, other: &Layer) {
        self.weights.copy_from_slice(&other.weights);
    }

    /// Overwrites the weights with `weights` (as many, input-major).
    pub fn set_weights(&mut self, weights: &[f64]) {
        self.weights.copy_from_slice(weights);
    }

    /// Mean |w| of the layer.
    pub fn mean_abs_weight(&self) -> f64 {
        crate::ed::layer::mean_abs(self.weights.iter().copied())
    }

    /// Keeps every magnitude and gives it a fair coin's sign, drawn in ED's order
    /// (unit by unit, input by input) so the stream is easy to reproduce.
    pub(super) fn draw_signs<R: Rng>(&mut self, rng: &mut R) {
        let n = self.outputs;
        for o in 0..n {
            for i in 0..self.inputs {
                let w = &mut self.weights[i * n + o];
                *w = if rng.random::<bool>() {
                    -w.abs()
                } else {
                    w.abs()
                };
            }
        }
    }

    /// `back[j] = sum_o w[first + j][o] * delta[o]`: how the loss moves with each
    /// source from `first` on (the sources before it are bias units, which have
    /// no error to receive).
    #[inline]
    pub(super) fn errors_to_sources(&self, delta: &[f64], first: usize, back: &mut [f64]) {
        let n = self.outputs;
        let delta = &delta[..n];
        for (j, b) in back.iter_mut().enumerate() {
            let row = &self.weights[(first + j) * n..(first + j + 1) * n];
            *b = row.iter().zip(delta).map(|(w, d)| w * d).sum();
        }
    }

    /// Gradient descent: `w[i][o] -= lr * x[i] * delta[o]`.
    #[inline]
    pub(super) fn descend(&mut self, x: &[f64], delta: &[f64], lr: f64) {
        let n = self.outputs;
        let delta = &delta[..n];
        for (row, &xi) in self.weights.chunks_exact_mut(n).zip(&x[..self.inputs]) {
            let step = lr * xi;
            for (w, &d) in row.iter_mut().zip(delta) {
                *w -= step * d;
            }
        }
    }

    #[cfg(test)]
    pub(super) fn weights_mut(&mut self) -> &mut [f64] {
        &mut self.weights
    }
}

impl LayerForward for Layer {
    #[inline]
    fn forward(&self, x: &[f64], act: Activation, y: &mut [f64]) {
        forward_input_major(&self.weights, self.inputs, self.outputs, x, act, y);
    }
}
