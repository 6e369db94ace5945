//! Unit activations. Both carry Kaneko's slope: `f(u) = 1 / (1 + exp(-2u / u0))`,
//! stored as `scale = 2 / u0`, so the seed's plain sigmoid is `u0 = 2` (scale 1).

use serde::{Deserialize, Serialize};

/// The seed's plain sigmoid expressed as Kaneko's slope parameter.
pub const PLAIN_SIGMOID_U0: f64 = 2.0;

/// Logistic function.
#[inline(always)]
pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + exp(-x))
}

/// `e^x` from basic IEEE operations only, with no branch and no table.
///
/// Why not `f64::exp`: the platform's `exp` differs between glibc and wasm in the
/// last bit, and native and wasm runs of one configuration must agree bit for bit.
/// Why not `libm::exp`: its special-case branches keep the compiler from
/// vectorising a layer's activations, which was most of a training step.
/// Accuracy: within 2 ulp of `libm::exp` over the clamped range (tested), which
/// reproduces the seed's printed digits.
#[inline(always)]
pub fn exp(x: f64) -> f64 {
    // 1.5 * 2^52: adding it rounds to an integer and leaves that integer in the
    // low mantissa bits, so no float-to-int conversion is needed (SSE2 has none
    // for packed f64).
    const SHIFT: f64 = 6_755_399_441_055_744.0;
    // ln 2 split so that `k * LN2_HI` is exact for every k in range (fdlibm's split).
    const LN2_HI: f64 = f64::from_bits(0x3FE6_2E42_FEE0_0000);
    const LN2_LO: f64 = f64::from_bits(0x3DEA_39EF_3579_3C76);
    // Keeps 2^k a normal number; the sigmoid saturates long before these bounds.
    let x = x.clamp(-708.0, 709.0);
    let shifted = x * std::f64::consts::LOG2_E + SHIFT;
    let k = shifted - SHIFT;
    let r = (x - k * LN2_HI) - k * LN2_LO;
    // Taylor series to r^13 (|r| <= ln(2)/2 puts the remainder below 1e-17),
    // evaluated by Estrin's scheme: a chain of 6 dependent steps instead of
    // Horner's 13, since the sigmoids sit on the critical path of every pattern.
    const C: [f64; 14] = [
        1.0,
        1.0,
        0.5,
        1.0 / 6.0,
        1.0 / 24.0,
        1.0 / 120.0,
        1.0 / 720.0,
        1.0 / 5_040.0,
        1.0 / 40_320.0,
        1.0 / 362_880.0,
        1.0 / 3_628_800.0,
        1.0 / 39_916_800.0,
        1.0 / 479_001_600.0,
        1.0 / 6_227_020_800.0,
    ];
    let r2 = r * r;
    let r4 = r2 * r2;
    let r8 = r4 * r4;
    let pair = |i: usize| C[i] + C[i + 1] * r;
    let low = (pair(0) + pair(2) * r2) + (pair(4) + pair(6) * r2) * r4;
    let high = (pair(8) + pair(10) * r2) + pair(12) * r4;
    let p = low + high * r8;
    let k_bits = shifted.to_bits().wrapping_sub(SHIFT.to_bits());
    p * f64::from_bits(k_bits.wrapping_add(1023) << 52)
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

    /// Applies the activation to every summed input in place, one branch-free loop
    /// the compiler vectorises.
    #[inline]
    pub fn apply_all(self, z: &mut [f64]) {
        match self {
            Activation::Sigmoid { scale } => z.iter_mut().for_each(|v| *v = sigmoid(scale * *v)),
            Activation::Identity { scale } => z.iter_mut().for_each(|v| *v *= scale),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ulps(a: f64, b: f64) -> u64 {
        (a.to_bits() as i64 - b.to_bits() as i64).unsigned_abs()
    }

    #[test]
    fn exp_is_within_two_ulp_of_libm() {
        let mut worst = 0;
        let mut x = -708.0;
        while x < 709.0 {
            worst = worst.max(ulps(exp(x), libm::exp(x)));
            x += 0.000_731;
        }
        for x in [
            0.0, -0.0, 1e-300, -1e-300, 0.5, -0.5, 1.0, -1.0, 20.0, -20.0,
        ] {
            worst = worst.max(ulps(exp(x), libm::exp(x)));
        }
        assert!(worst <= 2, "worst error {worst} ulp");
        assert_eq!(exp(0.0), 1.0);
    }

    #[test]
    fn sigmoid_saturates_without_nan() {
        assert_eq!(sigmoid(1e6), 1.0);
        assert!(sigmoid(-1e6) >= 0.0 && sigmoid(-1e6) < 1e-300);
        assert!(sigmoid(f64::NAN).is_nan());
        assert_eq!(sigmoid(0.0), 0.5);
    }
}
