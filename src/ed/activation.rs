//! Unit activations. Both carry Kaneko's slope: `f(u) = 1 / (1 + exp(-2u / u0))`,
//! stored as `scale = 2 / u0`, so the seed's plain sigmoid is `u0 = 2` (scale 1).

use serde::{Deserialize, Serialize};

/// The seed's plain sigmoid expressed as Kaneko's slope parameter.
pub const PLAIN_SIGMOID_U0: f64 = 2.0;

/// Logistic function. `libm::exp` rather than `f64::exp` because the platform
/// `exp` differs between glibc and wasm in the last bit, and native and wasm
/// runs of one configuration must agree bit for bit.
#[inline]
pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + libm::exp(-x))
}

/// What a unit does with its summed input `z`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Activation {
    /// `sigmoid(scale * z)`.
    Sigmoid { scale: f64 },
    /// `scale * z`: the output unit under BCE-with-logits, which emits a logit whose
    /// probability `sigmoid(scale * z)` equals what the sigmoid unit would output.
    Identity { scale: f64 },
}

impl Activation {
    pub fn sigmoid_with_u0(u0: f64) -> Self {
        Activation::Sigmoid { scale: 2.0 / u0 }
    }

    #[inline]
    pub fn apply(self, z: f64) -> f64 {
        match self {
            Activation::Sigmoid { scale } => sigmoid(scale * z),
            Activation::Identity { scale } => scale * z,
        }
    }

    /// `df/dz` written in terms of the unit's output `y = f(z)`, which is all the
    /// update rules keep. The seed's `derivative(last_output)` is `y (1 - y)`.
    #[inline]
    pub fn derivative_from_output(self, y: f64) -> f64 {
        match self {
            Activation::Sigmoid { scale } => scale * y * (1.0 - y),
            Activation::Identity { scale } => scale,
        }
    }

    /// The probability a unit's output stands for.
    #[inline]
    pub fn probability(self, y: f64) -> f64 {
        match self {
            Activation::Sigmoid { .. } => y,
            Activation::Identity { .. } => sigmoid(y),
        }
    }

    pub fn scale(self) -> f64 {
        match self {
            Activation::Sigmoid { scale } | Activation::Identity { scale } => scale,
        }
    }
}
