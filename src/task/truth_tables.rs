//! The fixed tasks: every combination of some binary inputs and its answer.

use super::dataset::Dataset;

/// Every combination of `bits` binary inputs, first input most significant:
/// (0,0), (0,1), (1,0), (1,1), the seed's order. `answer(k)` gives the outputs
/// of pattern `k` (its inputs read as a number) as a number whose `n_outputs`
/// bits, most significant first, are the targets.
fn truth_table(bits: usize, n_outputs: usize, answer: impl Fn(usize) -> usize) -> Dataset {
    let mut data = Dataset::with_capacity(bits, n_outputs, 1 << bits);
    let mut input = vec![0.0; bits];
    let mut target = vec![0.0; n_outputs];
    for k in 0..1usize << bits {
        read_bits(k, &mut input);
        read_bits(answer(k), &mut target);
        data.push(&input, &target);
    }
    data
}

/// The low `out.len()` bits of `n` as 0.0 / 1.0, most significant first.
fn read_bits(n: usize, out: &mut [f64]) {
    let width = out.len();
    for (j, x) in out.iter_mut().enumerate() {
        *x = f64::from(u8::from((n >> (width - 1 - j)) & 1 == 1));
    }
}

/// A two-input gate: `f(a, b)` on the two input bits.
pub fn gate(f: fn(bool, bool) -> bool) -> Dataset {
    truth_table(2, 1, |k| usize::from(f(k & 2 != 0, k & 1 != 0)))
}

/// 1 when an odd number of the `bits` inputs are 1.
pub fn parity(bits: usize) -> Dataset {
    truth_table(bits, 1, |k| (k.count_ones() % 2) as usize)
}

/// Inputs `a1 a0 b1 b0`, outputs the three bits `s2 s1 s0` of `a + b`.
pub fn adder() -> Dataset {
    truth_table(4, 3, |k| (k >> 2) + (k & 3))
}
