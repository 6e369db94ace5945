//! The two ED update rules. Both broadcast one signal to every layer, pick the
//! sources that may learn by the signal's sign, and grow each chosen weight by
//! `gain(unit) * x`. They differ only in the signal and the gain.
//!
//! Where docs/method.md leaves room, the `seed` rule follows the seed article's
//! Rust code and the `kaneko` rule follows Kaneko's C program:
//! - seed: MSE is `(y - t)^2` with no 1/2, so `dL/dy = 2 (y - t)`; the unit
//!   derivative is taken from the unit's output (`y (1 - y)`, the seed's
//!   `derivative(last_output)`); `delta < 0` picks the excitatory sources and
//!   anything else (zero included) the inhibitory ones; all layers learn from the
//!   one forward pass, before any of them changes.
//! - kaneko: his `neuro_teach_calc` / `neuro_weight_calc` with the defaults of
//!   `neuro_param_input`: `t_loop = 2` with the loop-cut flags makes his net a
//!   plain feed-forward one (inputs and bias to the hidden layer, bias and hidden
//!   units to the output, no input-to-output link); his `o (1 - o)` is used
//!   as is, without the slope `2 / u0`; every weight with a non-zero amine
//!   learns, which picks excitatory sources when `t > y` and inhibitory ones when
//!   `t < y`, exactly one set per pattern. Two differences remain, neither of
//!   which changes his statistics (see the `ed kaneko` table in docs/results.md): his
//!   `rnd()` draws in steps of 1e-4 from C's `rand()` while we draw continuous
//!   `U(0, 1)` from the seed's generator, and his hidden units are numbered after
//!   the output so the first is inhibitory, while ours alternate from `+`.

use serde::{Deserialize, Serialize};

use super::activation::Activation;
use super::layer::Source;
use super::loss::Loss;

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "name", rename_all = "kebab-case")]
pub enum Rule {
    /// The seed's loss-driven rule (docs/method.md section 3):
    /// `delta = lr * dL/dy`, unit gain `|f'(z) * delta|`.
    Seed,
    /// Kaneko's 1999 amine rule (docs/method.md section 4), as his C program does it:
    /// `e = t - y`, output amine `|e|`, hidden amine `u1 |e|`, unit gain
    /// `alpha * o (1 - o) * amine` (his `o (1 - o)` leaves out the slope `2 / u0`).
    Kaneko { u1: f64 },
}

impl Rule {
    pub fn name(self) -> &'static str {
        match self {
            Rule::Seed => "seed",
            Rule::Kaneko { .. } => "kaneko",
        }
    }
}

/// What one pattern broadcasts to every layer of a network.
#[derive(Clone, Copy, Debug)]
pub struct Broadcast {
    pub learning: Source,
    rule: Rule,
    /// Seed: `lr * dL/dy`. Kaneko: `lr * |t - y|` (alpha times the amine).
    signal: f64,
}

impl Broadcast {
    /// `y` is what the output unit emitted (a logit under BCE-with-logits) and
    /// `p` the probability it stands for.
    pub fn new(rule: Rule, loss: Loss, lr: f64, y: f64, p: f64, t: f64) -> Self {
        match rule {
            Rule::Seed => {
                let delta = lr * loss.derivative(y, t);
                // The seed asks `delta < 0` (output must rise) per unit; f' >= 0
                // makes that one answer for the whole network.
                let learning = if delta < 0.0 {
                    Source::Excitatory
                } else {
                    Source::Inhibitory
                };
                Broadcast {
                    learning,
                    rule,
                    signal: delta,
                }
            }
            Rule::Kaneko { .. } => {
                let e = t - p;
                // His d+ / d-: exactly one is non-zero, and it picks the sources.
                let learning = if e > 0.0 {
                    Source::Excitatory
                } else {
                    Source::Inhibitory
                };
                Broadcast {
                    learning,
                    rule,
                    signal: lr * e.abs(),
                }
            }
        }
    }

    /// The one value broadcast: the seed's `lr * dL/dy`, Kaneko's `lr * |t - p|`.
    pub fn signal(&self) -> f64 {
        self.signal
    }

    /// What a layer receives of the broadcast: the seed's `delta` in every
    /// layer; Kaneko's amine in the output layer and `u1` of it in a hidden one.
    pub fn layer_signal(&self, is_output: bool) -> f64 {
        match self.rule {
            Rule::Kaneko { u1 } if !is_output => u1 * self.signal,
            _ => self.signal,
        }
    }

    /// Each unit's step for one layer: its gain, signed like the connections
    /// from the learning sources to it, so that `w += step * x` grows |w|.
    /// `out` holds the units' outputs under `act`.
    #[inline]
    pub fn layer_steps(&self, act: Activation, out: &[f64], is_output: bool, steps: &mut [f64]) {
        match self.rule {
            Rule::Seed => {
                for (step, &y) in steps.iter_mut().zip(out) {
                    *step = (act.derivative_from_output(y) * self.signal).abs();
                }
            }
            Rule::Kaneko { u1 } => {
                let amine = if is_output {
                    self.signal
                } else {
                    u1 * self.signal
                };
                for (step, &y) in steps.iter_mut().zip(out) {
                    let o = act.probability(y);
                    *step = o * (1.0 - o) * amine;
                }
            }
        }
        // A unit of the other type than the learning sources has negative
        // connections from them (connection_sign): its steps are negated.
        let other = 1 - self.learning.parity();
        let mut pairs = steps.chunks_exact_mut(2);
        for pair in &mut pairs {
            pair[other] = -pair[other];
        }
        if let [last] = pairs.into_remainder() {
            if other == 0 {
                *last = -*last;
            }
        }
    }
}
