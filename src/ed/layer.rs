//! One fully connected layer with ED's fixed connection signs.
//!
//! Weights are stored input-major (`w[i * outputs + o]`) in one contiguous buffer.
//! That makes both hot loops contiguous across the layer's units: the forward pass
//! adds `w[i][..] * x[i]` input by input (the seed's summation order, so its digits
//! are reproduced), and the update touches only the rows of the sources allowed to
//! learn, each as one `axpy`.

use rand::{Rng, RngExt};

use super::activation::Activation;

/// Sources of this type are the ones allowed to learn in an update.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Even-index sources: used when the output must rise.
    Excitatory,
    /// Odd-index sources: used when the output must fall.
    Inhibitory,
}

impl Source {
    fn parity(self) -> usize {
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
        if weights.len() != inputs * outputs {
            return Err(format!(
                "expected {} weights ({inputs} inputs x {outputs} units), found {}",
                inputs * outputs,
                weights.len()
            ));
        }
        for (k, &w) in weights.iter().enumerate() {
            let (i, o) = (k / outputs, k % outputs);
            if !w.is_finite() {
                return Err(format!(
                    "weight from input {i} to unit {o} is not a finite number"
                ));
            }
            if w * connection_sign(o, i) < 0.0 {
                return Err(format!(
                    "weight from input {i} to unit {o} is {w}, but that connection is {}",
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
        let n = self.outputs;
        let y = &mut y[..n];
        let x = &x[..self.inputs];
        y.fill(0.0);
        // Rows are addressed by offset, not `chunks_exact(n)`, whose chunk count is
        // a 64-bit division by the runtime width: tens of cycles on every call.
        // Four rows per pass keep each sum in a register for four additions (fewer
        // loads and stores of `y`) without changing the order of additions.
        let blocked = self.inputs - self.inputs % 4;
        for i in (0..blocked).step_by(4) {
            let rows = &self.weights[i * n..(i + 4) * n];
            let (r0, rest) = rows.split_at(n);
            let (r1, rest) = rest.split_at(n);
            let (r2, r3) = rest.split_at(n);
            let (x0, x1, x2, x3) = (x[i], x[i + 1], x[i + 2], x[i + 3]);
            for o in 0..n {
                let mut acc = y[o];
                acc += r0[o] * x0;
                acc += r1[o] * x1;
                acc += r2[o] * x2;
                acc += r3[o] * x3;
                y[o] = acc;
            }
        }
        for (i, &xi) in x.iter().enumerate().skip(blocked) {
            let row = &self.weights[i * n..(i + 1) * n];
            for (acc, &w) in y.iter_mut().zip(row) {
                *acc += w * xi;
            }
        }
        act.apply_all(y);
    }

    /// Grows the weights from `learning` sources: `w[i][o] += step[o] * x[i]`, where
    /// the caller has given `step[o]` the sign of the connection from such a source
    /// to unit `o`, so magnitudes only grow.
    #[inline]
    pub fn grow(&mut self, x: &[f64], step: &[f64], learning: Source) {
        let n = self.outputs;
        let step = &step[..n];
        for i in (learning.parity()..self.inputs).step_by(2) {
            let (row, xi) = (&mut self.weights[i * n..(i + 1) * n], x[i]);
            for (w, &s) in row.iter_mut().zip(step) {
                *w += s * xi;
            }
        }
    }

    /// Mean |w| of the layer.
    pub fn mean_abs_weight(&self) -> f64 {
        if self.weights.is_empty() {
            return 0.0;
        }
        self.weights.iter().map(|w| w.abs()).sum::<f64>() / self.weights.len() as f64
    }
}

/// The signed step for unit `o` when `learning` sources learn with gain `g >= 0`.
#[inline]
pub fn signed_step(o: usize, learning: Source, gain: f64) -> f64 {
    if o % 2 == learning.parity() {
        gain
    } else {
        -gain
    }
}
