//! Training sets: each a list of (inputs, targets) in a fixed order.

use serde::{Deserialize, Serialize};

pub const MIN_PARITY_BITS: usize = 2;
pub const MAX_PARITY_BITS: usize = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Task {
    Xor,
    And,
    Or,
    Nand,
    Parity,
}

impl Task {
    pub const ALL: [Task; 5] = [Task::Xor, Task::And, Task::Or, Task::Nand, Task::Parity];

    pub fn name(self) -> &'static str {
        match self {
            Task::Xor => "xor",
            Task::And => "and",
            Task::Or => "or",
            Task::Nand => "nand",
            Task::Parity => "parity",
        }
    }

    pub fn from_name(name: &str) -> Option<Task> {
        Task::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The patterns of the task; `bits` matters only for parity.
    pub fn dataset(self, bits: usize) -> Dataset {
        let gate = |f: fn(bool, bool) -> bool| Dataset::truth_table(2, |b| f(b[0], b[1]));
        match self {
            Task::Xor => gate(|a, b| a != b),
            Task::And => gate(|a, b| a && b),
            Task::Or => gate(|a, b| a || b),
            Task::Nand => gate(|a, b| !(a && b)),
            Task::Parity => {
                Dataset::truth_table(bits, |b| b.iter().filter(|&&x| x).count() % 2 == 1)
            }
        }
    }
}

impl std::fmt::Display for Task {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

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
    /// Every combination of `bits` binary inputs, first input most significant:
    /// (0,0), (0,1), (1,0), (1,1), the seed's order.
    fn truth_table(bits: usize, f: impl Fn(&[bool]) -> bool) -> Dataset {
        let mut inputs = Vec::with_capacity(bits << bits);
        let mut targets = Vec::with_capacity(1 << bits);
        let mut row = vec![false; bits];
        for k in 0..1usize << bits {
            for (j, b) in row.iter_mut().enumerate() {
                *b = (k >> (bits - 1 - j)) & 1 == 1;
            }
            inputs.extend(row.iter().map(|&b| f64::from(u8::from(b))));
            targets.push(f64::from(u8::from(f(&row))));
        }
        Dataset {
            n_inputs: bits,
            n_outputs: 1,
            inputs,
            targets,
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xor_is_in_the_seeds_order() {
        let d = Task::Xor.dataset(2);
        let rows: Vec<(Vec<f64>, f64)> = (0..d.len())
            .map(|k| (d.input(k).to_vec(), d.target(k)[0]))
            .collect();
        assert_eq!(
            rows,
            vec![
                (vec![0.0, 0.0], 0.0),
                (vec![0.0, 1.0], 1.0),
                (vec![1.0, 0.0], 1.0),
                (vec![1.0, 1.0], 0.0)
            ]
        );
    }

    #[test]
    fn gates_have_their_truth_tables() {
        let targets = |t: Task| {
            let d = t.dataset(2);
            (0..4).map(|k| d.target(k)[0]).collect::<Vec<_>>()
        };
        assert_eq!(targets(Task::And), [0.0, 0.0, 0.0, 1.0]);
        assert_eq!(targets(Task::Or), [0.0, 1.0, 1.0, 1.0]);
        assert_eq!(targets(Task::Nand), [1.0, 1.0, 1.0, 0.0]);
    }

    #[test]
    fn parity_counts_ones() {
        for bits in MIN_PARITY_BITS..=MAX_PARITY_BITS {
            let d = Task::Parity.dataset(bits);
            assert_eq!(d.len(), 1 << bits);
            for k in 0..d.len() {
                let ones = d.input(k).iter().filter(|&&x| x == 1.0).count();
                assert_eq!(d.target(k)[0], (ones % 2) as f64, "bits {bits} pattern {k}");
            }
        }
        assert_eq!(Task::Parity.dataset(2), Task::Xor.dataset(2));
    }
}
