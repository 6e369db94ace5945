//! Loss and accuracy of a run's networks on a set of patterns, without
//! training: cheap enough for every frame, and allocation-free.

use super::budget::Budget;
use super::network::SubNetwork;
use crate::ed::Loss;
use crate::task::{Dataset, Scoring};

/// How well the networks do on a set, measured with the current weights.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Evaluation {
    /// Mean per-pattern loss, a pattern's loss being the mean over its outputs
    /// (as in [`crate::EpochStats::mean_loss`]).
    pub mean_loss: f64,
    /// Share of the patterns the task's [`Scoring`] counts as right, 0 to 1.
    pub accuracy: f64,
}

/// Index and value of the largest of `values` (the first on a tie; a NaN is
/// never the largest).
pub fn most_probable(values: &[f64]) -> (usize, f64) {
    values
        .iter()
        .enumerate()
        .fold((0, f64::NEG_INFINITY), |best, (k, &v)| {
            if v > best.1 {
                (k, v)
            } else {
                best
            }
        })
}

/// Whether one pattern is right, fed one output at a time.
struct Verdict {
    scoring: Scoring,
    every_output_right: bool,
    /// The most probable output so far; a NaN never becomes it.
    best: Option<(usize, f64)>,
    target_class: usize,
}

impl Verdict {
    fn new(scoring: Scoring) -> Verdict {
        Verdict {
            scoring,
            every_output_right: true,
            best: None,
            target_class: 0,
        }
    }

    /// Probability `p` of output `o`, whose target is `t`. A probability of
    /// exactly 0.5 counts as the answer 1; a NaN is never right.
    fn add(&mut self, o: usize, p: f64, t: f64) {
        self.every_output_right &= if t >= 0.5 { p >= 0.5 } else { p < 0.5 };
        if !p.is_nan() && self.best.is_none_or(|(_, best)| p > best) {
            self.best = Some((o, p));
        }
        if t >= 0.5 {
            self.target_class = o;
        }
    }

    fn is_right(&self) -> bool {
        match self.scoring {
            Scoring::EveryOutput => self.every_output_right,
            Scoring::Argmax => self.best.is_some_and(|(o, _)| o == self.target_class),
        }
    }
}

/// Runs every pattern of `data` through `networks` (one per output, of either
/// method) and scores it under `loss`. `NaN` for an empty set.
pub fn evaluate<N: SubNetwork>(
    networks: &mut [N],
    data: &Dataset,
    loss: Loss,
    scoring: Scoring,
) -> Evaluation {
    EvaluationPass::default()
        .run(networks, data, loss, scoring, &mut Budget::unlimited())
        .expect("an unlimited budget ends the pass")
}

/// An evaluation that a [`Budget`] may stop between two patterns and a later
/// call finish: a live run's per-epoch measurements, taken within a frame's
/// budget however large the set and the networks are.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct EvaluationPass {
    done: usize,
    loss_sum: f64,
    right: usize,
}

impl EvaluationPass {
    /// Scores patterns while `budget` lasts (a unit per network and pattern);
    /// the evaluation once the last pattern is in, after which the pass starts
    /// afresh. The networks must not change between the calls of one pass.
    pub fn run<N: SubNetwork>(
        &mut self,
        networks: &mut [N],
        data: &Dataset,
        loss: Loss,
        scoring: Scoring,
        budget: &mut Budget,
    ) -> Option<Evaluation> {
        let outputs = networks.len() as f64;
        while self.done < data.len() {
            if !budget.take(networks.len() as u64) {
                return None;
            }
            let (input, target) = (data.input(self.done), data.target(self.done));
            let mut verdict = Verdict::new(scoring);
            let mut pattern_loss = 0.0;
            for (o, (net, &t)) in networks.iter_mut().zip(target).enumerate() {
                let y = net.forward(input);
                pattern_loss += loss.value(y, t);
                verdict.add(o, net.output_activation().probability(y), t);
            }
            self.loss_sum += pattern_loss / outputs;
            self.right += usize::from(verdict.is_right());
            self.done += 1;
        }
        let n = data.len() as f64;
        let evaluation = Evaluation {
            mean_loss: self.loss_sum / n,
            accuracy: self.right as f64 / n,
        };
        *self = EvaluationPass::default();
        Some(evaluation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn right(scoring: Scoring, probabilities: &[f64], targets: &[f64]) -> bool {
        let mut v = Verdict::new(scoring);
        for (o, (&p, &t)) in probabilities.iter().zip(targets).enumerate() {
            v.add(o, p, t);
        }
        v.is_right()
    }

    #[test]
    fn one_output_is_right_on_its_targets_side_of_one_half() {
        let every = Scoring::EveryOutput;
        assert!(right(every, &[0.51], &[1.0]));
        assert!(right(every, &[0.5], &[1.0]));
        assert!(!right(every, &[0.49], &[1.0]));
        assert!(right(every, &[0.49], &[0.0]));
        assert!(!right(every, &[0.5], &[0.0]));
        assert!(!right(every, &[f64::NAN], &[0.0]));
        assert!(!right(every, &[f64::NAN], &[1.0]));
    }

    #[test]
    fn the_adder_needs_every_bit_of_the_sum() {
        let every = Scoring::EveryOutput;
        assert!(right(every, &[0.9, 0.1, 0.8], &[1.0, 0.0, 1.0]));
        assert!(!right(every, &[0.9, 0.6, 0.8], &[1.0, 0.0, 1.0]));
        assert!(!right(every, &[0.4, 0.1, 0.8], &[1.0, 0.0, 1.0]));
    }

    #[test]
    fn spiral3_takes_the_most_probable_class() {
        let argmax = Scoring::Argmax;
        assert!(right(argmax, &[0.2, 0.7, 0.4], &[0.0, 1.0, 0.0]));
        // Below one half, but still the most probable: right.
        assert!(right(argmax, &[0.1, 0.3, 0.2], &[0.0, 1.0, 0.0]));
        assert!(!right(argmax, &[0.8, 0.7, 0.1], &[0.0, 1.0, 0.0]));
        // A tie goes to the first class.
        assert!(right(argmax, &[0.6, 0.6, 0.1], &[1.0, 0.0, 0.0]));
        assert!(!right(argmax, &[0.6, 0.6, 0.1], &[0.0, 1.0, 0.0]));
        assert!(!right(argmax, &[f64::NAN; 3], &[1.0, 0.0, 0.0]));
        assert!(right(argmax, &[f64::NAN, 0.2, 0.1], &[0.0, 1.0, 0.0]));
    }
}
