//! Loss functions: each gives its value and its derivative with respect to what the
//! output unit emits (a probability for MSE and BCE, a logit for BCE-with-logits).

use serde::{Deserialize, Serialize};

use super::activation::{sigmoid, Activation};

/// Keeps `ln` finite and the BCE derivative bounded, as the seed does.
pub const BCE_CLAMP: f64 = 1e-12;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Loss {
    Mse,
    Bce,
    BceWithLogits,
}

impl Loss {
    pub const ALL: [Loss; 3] = [Loss::Mse, Loss::Bce, Loss::BceWithLogits];

    pub const fn name(self) -> &'static str {
        match self {
            Loss::Mse => "mse",
            Loss::Bce => "bce",
            Loss::BceWithLogits => "bce-with-logits",
        }
    }

    /// Position in [`Loss::ALL`]: how the history and the page number the losses.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_name(name: &str) -> Option<Loss> {
        Loss::ALL.into_iter().find(|l| l.name() == name)
    }

    /// The output unit this loss expects: a sigmoid for MSE and BCE, the identity
    /// (a logit) for BCE-with-logits. Both share the slope, so the probability the
    /// network predicts does not move when the loss is switched.
    pub fn output_activation(self, scale: f64) -> Activation {
        match self {
            Loss::BceWithLogits => Activation::Identity { scale },
            Loss::Mse | Loss::Bce => Activation::Sigmoid { scale },
        }
    }

    /// Loss of one pattern; `y` is the output unit's value (a logit for BCE-with-logits).
    #[inline]
    pub fn value(self, y: f64, t: f64) -> f64 {
        match self {
            Loss::Mse => (y - t) * (y - t),
            Loss::Bce => {
                let p = y.clamp(BCE_CLAMP, 1.0 - BCE_CLAMP);
                -(t * libm::log(p) + (1.0 - t) * libm::log(1.0 - p))
            }
            // max(a, 0) - a t + ln(1 + e^-|a|): never overflows, never takes ln(0).
            Loss::BceWithLogits => y.max(0.0) - y * t + libm::log1p(libm::exp(-y.abs())),
        }
    }

    /// `dL/dy`, with `y` as in [`Loss::value`].
    #[inline]
    pub fn derivative(self, y: f64, t: f64) -> f64 {
        match self {
            Loss::Mse => 2.0 * (y - t),
            Loss::Bce => {
                let p = y.clamp(BCE_CLAMP, 1.0 - BCE_CLAMP);
                (p - t) / (p * (1.0 - p))
            }
            Loss::BceWithLogits => sigmoid(y) - t,
        }
    }

    /// [`Loss::derivative`] as a reader reads it, in its own symbols: `y` what
    /// the output unit emitted, `p` that as a probability, `t` the target. The
    /// page's "Explain one step" shows it beside the number (through the
    /// schema's loss options), so the formula is written here, next to the code
    /// it describes, and nowhere else.
    pub const fn derivative_formula(self) -> &'static str {
        match self {
            Loss::Mse => "2 (y − t)",
            Loss::Bce => "(p − t) / (p (1 − p))",
            Loss::BceWithLogits => "σ(y) − t",
        }
    }
}

impl std::fmt::Display for Loss {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_is_the_position_in_all() {
        for (i, loss) in Loss::ALL.into_iter().enumerate() {
            assert_eq!(loss.index(), i);
            assert_eq!(Loss::from_name(loss.name()), Some(loss));
        }
    }

    #[test]
    fn derivatives_match_finite_differences() {
        let h = 1e-6;
        for loss in Loss::ALL {
            let points: &[f64] = if loss == Loss::BceWithLogits {
                &[-3.0, -0.5, 0.0, 0.7, 4.0]
            } else {
                &[0.1, 0.3, 0.5, 0.8, 0.95]
            };
            for &y in points {
                for t in [0.0, 1.0] {
                    let numeric = (loss.value(y + h, t) - loss.value(y - h, t)) / (2.0 * h);
                    let analytic = loss.derivative(y, t);
                    assert!(
                        (numeric - analytic).abs() < 1e-5 * analytic.abs().max(1.0),
                        "{loss} y={y} t={t}: {numeric} vs {analytic}"
                    );
                }
            }
        }
    }

    #[test]
    fn bce_with_logits_is_stable_far_out() {
        assert_eq!(Loss::BceWithLogits.value(800.0, 1.0), 0.0);
        assert_eq!(Loss::BceWithLogits.value(-800.0, 1.0), 800.0);
        assert_eq!(Loss::BceWithLogits.derivative(-800.0, 1.0), -1.0);
        // BCE clamps: a certain wrong answer costs -ln(1e-12), not infinity.
        assert!((Loss::Bce.value(1.0, 0.0) - 27.631).abs() < 1e-3);
        assert!(Loss::Bce.derivative(0.0, 1.0).is_finite());
    }
}
