//! One fully connected layer with ED's fixed connection signs.
//!
//! Weights are stored input-major (`w[i * outputs + o]`) in one contiguous buffer.
//! That makes both hot loops contiguous across the layer's units: the forward pass
//! adds `w[i][..] * x[i]` input by input (the seed's summation order, so its digits
//! are reproduced), and the update touches only the rows of the sources allowed to
//! learn, each as one `axpy`.

use rand::{Rng, RngExt};

use super::activation::Activation;
use super::signals::LayerForward;

/// Sources of this type are the ones allowed to learn in an update.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Even-index sources: used when the output must rise.
    Excitatory,
    /// Odd-index sources: used when the output must fall.
    Inhibitory,
}

impl Source {
    /// The index parity of this type of source: 0 excitatory, 1 inhibitory.
    pub fn parity(self) -> usize {
        match self {
            Source::Excitatory => 0,
            Source::Inhibitory => 1,
        }
    }
}

/// `+1` when unit `o` and source `i` have the same type (by index parity), else `-1`.
#[inline]
pub fn connection_sign(o: usize, i: usize) -> f64 {
    if o % 2 == i % 2 {
        1.0
    } else {
        -1.0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    inputs: usize,
    outputs: usize,
    weights: Vec<f64>,
}

impl Layer {
    /// Draws `sign(o, i) * U(0, init_range)` in the seed's order: unit by unit,
    /// input by input.
    pub fn random<R: Rng>(inputs: usize, outputs: usize, init_range: f64, rng: &mut R) -> Self {
        let mut weights = vec![0.0; inputs * outputs];
        for o in 0..outputs {
            for i in 0..inputs {
                let magnitude = rng.random::<f64>() * init_range;
                weights[i * outputs + o] = connection_sign(o, i) * magnitude;
            }
        }
        Layer {
            inputs,
            outputs,
            weights,
        }
    }

    /// Builds a layer from input-major weights, refusing a wrong length or a weight
    /// whose sign contradicts its connection.
    pub fn from_weights(inputs: usize, outputs: usize, weights: Vec<f64>) -> Result<Self, String> {
        Layer::check_weight_count(inputs, outputs, weights.len())?;
        for (k, &w) in weights.iter().enumerate() {
            let (i, o) = (k / outputs, k % outputs);
            if !w.is_finite() {
                return Err(format!(
                    "weight from input {i} to unit {o} is not a finite number"
                ));
            }
            if w * connection_sign(o, i) < 0.0 {
                return Err(format!(
                    "weight from input {i} to unit {o} has the wrong sign: that connection is {}",
                    if connection_sign(o, i) > 0.0 {
                        "excitatory (must be >= 0)"
                    } else {
                        "inhibitory (must be <= 0)"
                    }
                ));
            }
        }
        Ok(Layer {
            inputs,
            outputs,
            weights,
        })
    }

    /// Refuses `found` weights for a layer of `inputs` sources and `outputs`
    /// units: a model file's reader counts a list without keeping its excess.
    pub fn check_weight_count(inputs: usize, outputs: usize, found: usize) -> Result<(), String> {
        if found != inputs * outputs {
            return Err(format!(
                "expected {} weights ({inputs} inputs x {outputs} units), found {found}",
                inputs * outputs
            ));
        }
        Ok(())
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

    /// `y[o] = act(sum_i w[i][o] * x[i])`, summed in input order.
    #[inline]
    pub fn forward(&self, x: &[f64], act: Activation, y: &mut [f64]) {
        forward_input_major(&self.weights, self.inputs, self.outputs, x, act, y);
    }

    /// Grows the weights from `learning` sources: `w[i][o] += step[o] * x[i]`, where
    /// the caller has given `step[o]` the sign of the connection from such a source
    /// to unit `o`, so magnitudes only grow.
    #[inline]
    pub fn grow(&mut self, x: &[f64], step: &[f64], learning: Source) {
        let n = self.outputs;
        let step = &step[..n];
        let x = &x[..self.inputs];
        let mut i = learning.parity();
        while i < x.len() {
            let xi = x[i];
            for (w, &s) in self.weights[i * n..(i + 1) * n].iter_mut().zip(step) {
                *w += s * xi;
            }
            i += 2;
        }
    }

    /// Mean |w| of the layer.
    pub fn mean_abs_weight(&self) -> f64 {
        mean_abs(self.weights.iter().copied())
    }
}

/// Mean |x| of `values` (0 for none), finite whenever every value is. The plain
/// sum, and its bits, are kept while it is finite; when it overflows (weights
/// near 1e308, which a finite run can reach) the values are scaled by the
/// largest first, so the mean is at most that largest value and no chart of a
/// healthy run shows Infinity.
pub fn mean_abs(values: impl ExactSizeIterator<Item = f64> + Clone) -> f64 {
    let n = values.len() as f64;
    if n == 0.0 {
        return 0.0;
    }
    let sum: f64 = values.clone().map(f64::abs).sum();
    if sum.is_finite() {
        return sum / n;
    }
    let largest = values.clone().fold(0.0_f64, |m, v| m.max(v.abs()));
    values.map(|v| v.abs() / largest).sum::<f64>() / n * largest
}

impl LayerForward for Layer {
    #[inline]
    fn forward(&self, x: &[f64], act: Activation, y: &mut [f64]) {
        Layer::forward(self, x, act, y)
    }
}

/// `y[o] = act(sum_i w[i][o] * x[i])` for input-major weights, summed in input
/// order. Shared with [`crate::backprop`] so that a backprop network with ED's
/// weights computes exactly what ED's does.
#[inline]
pub fn forward_input_major(
    weights: &[f64],
    inputs: usize,
    outputs: usize,
    x: &[f64],
    act: Activation,
    y: &mut [f64],
) {
    let n = outputs;
    let y = &mut y[..n];
    let x = &x[..inputs];
    let w = &weights[..inputs * n];
    // Four rows per pass keep each sum in a register for four additions (fewer
    // loads and stores of `y`) without changing the order of additions. Rows
    // are addressed by offset: `chunks_exact(n)` and `step_by` cost a division
    // or a length computation per call, which showed up in small layers.
    let row = |i: usize| &w[i * n..(i + 1) * n];
    let mut i = 0;
    while i + 4 <= x.len() {
        let (r0, r1, r2, r3) = (row(i), row(i + 1), row(i + 2), row(i + 3));
        let (x0, x1, x2, x3) = (x[i], x[i + 1], x[i + 2], x[i + 3]);
        for o in 0..n {
            // The first pass starts from 0.0, as the seed's sum does.
            let mut acc = if i == 0 { 0.0 } else { y[o] };
            acc += r0[o] * x0;
            acc += r1[o] * x1;
            acc += r2[o] * x2;
            acc += r3[o] * x3;
            y[o] = acc;
        }
        i += 4;
    }
    if i == 0 {
        y.fill(0.0);
    }
    while i < x.len() {
        let xi = x[i];
        for (acc, &wi) in y.iter_mut().zip(row(i)) {
            *acc += wi * xi;
        }
        i += 1;
    }
    act.apply_all(y);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mean_of_huge_weights_stays_finite() {
        // Every weight finite, their sum not: the mean is still the weights' mean.
        let huge = Layer::from_weights(2, 2, vec![1e308, -1e308, -1e308, 1e308]).unwrap();
        assert_eq!(huge.mean_abs_weight(), 1e308);
        assert_eq!(mean_abs([f64::MAX; 3].into_iter()), f64::MAX);
        // The plain mean, bit for bit, whenever the sum is finite.
        assert_eq!(
            mean_abs([0.1, -0.2, 0.3].into_iter()),
            (0.1 + 0.2 + 0.3) / 3.0
        );
        assert_eq!(mean_abs([].into_iter()), 0.0);
    }
}
