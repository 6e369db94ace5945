//! A set of patterns, stored flat so an epoch walks two contiguous buffers,
//! and a task's training and test sets.

/// Patterns stored flat: pattern `k` is `inputs[k * n_inputs..]` and
/// `targets[k * n_outputs..]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub n_inputs: usize,
    pub n_outputs: usize,
    inputs: Vec<f64>,
    targets: Vec<f64>,
}

impl Dataset {
    pub(crate) fn with_capacity(n_inputs: usize, n_outputs: usize, patterns: usize) -> Dataset {
        Dataset {
            n_inputs,
            n_outputs,
            inputs: Vec::with_capacity(patterns * n_inputs),
            targets: Vec::with_capacity(patterns * n_outputs),
        }
    }

    pub(crate) fn push(&mut self, input: &[f64], target: &[f64]) {
        assert_eq!(input.len(), self.n_inputs, "pattern of the wrong width");
        assert_eq!(target.len(), self.n_outputs, "target of the wrong width");
        self.inputs.extend_from_slice(input);
        self.targets.extend_from_slice(target);
    }

    pub fn len(&self) -> usize {
        self.targets.len() / self.n_outputs
    }

    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }

    pub fn input(&self, k: usize) -> &[f64] {
        &self.inputs[k * self.n_inputs..(k + 1) * self.n_inputs]
    }

    pub fn target(&self, k: usize) -> &[f64] {
        &self.targets[k * self.n_outputs..(k + 1) * self.n_outputs]
    }
}

/// A task's patterns: the training set, and for a 2-D task the test set.
#[derive(Clone, Debug, PartialEq)]
pub struct Split {
    pub train: Dataset,
    pub test: Option<Dataset>,
}
