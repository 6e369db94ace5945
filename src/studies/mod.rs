//! Studies built on runs: ED racing backprop, the comparison over tasks and
//! seeds, Kaneko's XOR experiment, and handwritten digits.

pub mod compare;
pub mod digit_pad;
pub mod digits;
pub mod kaneko;
pub mod race;
pub mod seeds;
