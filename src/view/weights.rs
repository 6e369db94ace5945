//! What the page's weight views need from a whole layer: its heatmap (one
//! RGBA pixel a weight, hue by sign, depth by |w| within the layer) and its
//! strongest connections (the network view draws those of a large layer).
//! Computed here because a layer of 256 x 256 weights is 65,536 of them, a
//! fraction of a millisecond in wasm but several in the page's JavaScript.

/// The lightest a weight is drawn (the share of its sign's colour over the
/// background), so that every sign, ED's checkerboard, stays visible.
const FLOOR: f64 = 0.3;

/// Depths a sign's colour is drawn in: |w| / (2 * mean |w|) in steps of 1/STEPS.
const STEPS: usize = 1024;

/// Fills `into` with one RGBA pixel per weight of `weights`, in their order
/// (input-major: a row per source). A weight's colour runs from `background`
/// towards `positive` or `negative` by `FLOOR + (1 - FLOOR) * min(1, sqrt(|w| /
/// (2 * mean |w|)))`: depth by sqrt(|w|) up to twice the layer's mean |w|, so a
/// few large weights do not wash out the rest (the ratio taken in steps of
/// 1/1024, rounded down). When the mean is not finite (a
/// diverged run) the finite weights are drawn at the floor; a weight that is
/// not finite is drawn at full depth.
pub fn paint_weights(
    weights: &[f64],
    background: [u8; 3],
    positive: [u8; 3],
    negative: [u8; 3],
    into: &mut Vec<u8>,
) {
    let sum: f64 = weights.iter().map(|w| w.abs()).sum();
    let scale = if sum > 0.0 && sum.is_finite() {
        weights.len() as f64 / (2.0 * sum)
    } else {
        0.0
    };
    // The colours of STEPS + 1 depths of each sign, so that a weight costs a
    // look-up: three layers of 256 x 256 take a millisecond in wasm this way,
    // three times that computed one by one.
    let mut table = [[0u8; 4]; 2 * (STEPS + 1)];
    for (k, px) in table.iter_mut().enumerate() {
        let to = if k > STEPS { negative } else { positive };
        let t = FLOOR + (1.0 - FLOOR) * ((k % (STEPS + 1)) as f64 / STEPS as f64).sqrt();
        for c in 0..3 {
            let from = f64::from(background[c]);
            px[c] = (from + (f64::from(to[c]) - from) * t).round() as u8;
        }
        px[3] = 255;
    }
    into.resize(weights.len() * 4, 255);
    for (px, &w) in into.chunks_exact_mut(4).zip(weights) {
        let x = w.abs() * scale * STEPS as f64;
        let step = if x < STEPS as f64 { x as usize } else { STEPS }; // NaN: full depth
        let sign = if w < 0.0 { STEPS + 1 } else { 0 };
        px.copy_from_slice(&table[sign + step]);
    }
}

/// Indices of the `count` weights of largest |w| (all of them if there are no
/// more), in index order, into `into`; of weights equally large, the first. A
/// NaN counts as the largest. Linear time and no sort: a radix selection finds
/// the count-th largest |w| sixteen bits at a time, and one pass in index
/// order takes every weight above it and the first of those equal to it. (A
/// sort or `select_nth_unstable` did the same in 12 KB more of the page's wasm.)
pub fn strongest(weights: &[f64], count: usize, into: &mut Vec<u32>) {
    into.clear();
    if weights.len() <= count {
        into.extend(0..weights.len() as u32);
        return;
    }
    if count == 0 {
        return;
    }
    // The bits of |w| (the sign shifted out) read as an integer rise with |w|,
    // infinity and then NaN on top, with no arithmetic on the values.
    let key = |w: f64| w.to_bits() << 1;
    let mut counts = vec![0usize; 1 << DIGIT];
    // The key of the count-th largest, found a digit a round from the top, and
    // how many keys are larger than it.
    let mut threshold = 0u64;
    let mut above = 0;
    for round in 0..u64::BITS / DIGIT {
        let known = round * DIGIT;
        let shift = u64::BITS - known - DIGIT;
        counts.fill(0);
        for &w in weights {
            let k = key(w);
            // Only the keys that share the digits found so far.
            if known == 0 || k >> (u64::BITS - known) == threshold >> (u64::BITS - known) {
                counts[(k >> shift) as usize & ((1 << DIGIT) - 1)] += 1;
            }
        }
        let mut digit = counts.len() - 1;
        while above + counts[digit] < count {
            above += counts[digit];
            digit -= 1;
        }
        threshold |= (digit as u64) << shift;
    }
    let mut equal = count - above;
    for (i, &w) in weights.iter().enumerate() {
        let k = key(w);
        if k > threshold || (k == threshold && equal > 0) {
            equal -= usize::from(k == threshold);
            into.push(i as u32);
        }
    }
}

/// Bits of a key [`strongest`] reads a round.
const DIGIT: u32 = 16;

/// `0xRRGGBB` as bytes.
pub fn rgb(colour: u32) -> [u8; 3] {
    [(colour >> 16) as u8, (colour >> 8) as u8, colour as u8]
}

#[cfg(test)]
mod tests {
    use super::*;

    const BG: [u8; 3] = [255, 255, 255];
    const POS: [u8; 3] = [0, 0, 255];
    const NEG: [u8; 3] = [255, 0, 0];

    fn paint(weights: &[f64]) -> Vec<[u8; 4]> {
        let mut px = Vec::new();
        paint_weights(weights, BG, POS, NEG, &mut px);
        px.chunks_exact(4)
            .map(|p| [p[0], p[1], p[2], p[3]])
            .collect()
    }

    #[test]
    fn sign_picks_the_hue_and_size_the_depth() {
        // Mean |w| 0.5: twice the mean is 1, so |w| = 1 is at full depth, 0 at the floor.
        let px = paint(&[1.0, -1.0, 0.0, 0.0]);
        assert_eq!(px[0], [0, 0, 255, 255]);
        assert_eq!(px[1], [255, 0, 0, 255]);
        // The floor: 30 % of the way from white to blue.
        assert_eq!(px[2], [179, 179, 255, 255]);
        // Mean |w| 0.5 again; sqrt(0.25) = 0.5: 65 % of the way.
        let px = paint(&[0.25, -0.25, 0.75, -0.75]);
        assert_eq!(px[0], [89, 89, 255, 255]);
        assert_eq!(px[1], [255, 89, 89, 255]);
    }

    #[test]
    fn a_diverged_layer_still_paints_every_weight() {
        let px = paint(&[f64::INFINITY, 1.0, f64::NAN, -2.0]);
        assert_eq!(px.len(), 4);
        assert_eq!(px[0], [0, 0, 255, 255], "an infinite weight at full depth");
        assert_eq!(px[1], [179, 179, 255, 255], "a finite one at the floor");
        assert_eq!(px[3], [255, 179, 179, 255]);
        assert!(paint(&[0.0, 0.0])
            .iter()
            .all(|p| *p == [179, 179, 255, 255]));
    }

    #[test]
    fn the_strongest_are_the_largest_in_index_order() {
        let w: Vec<f64> = (0..5000)
            .map(|i| ((i * 7919) % 5000) as f64 * if i % 2 == 0 { 1.0 } else { -1.0 })
            .collect();
        let mut picked = Vec::new();
        strongest(&w, 100, &mut picked);
        assert_eq!(picked.len(), 100);
        assert!(picked.windows(2).all(|p| p[0] < p[1]), "in index order");
        let mut by_size: Vec<usize> = (0..w.len()).collect();
        by_size.sort_by(|&a, &b| w[b].abs().total_cmp(&w[a].abs()));
        let mut expected: Vec<u32> = by_size[..100].iter().map(|&i| i as u32).collect();
        expected.sort();
        assert_eq!(picked, expected);
        // Ties: the first ones; a small layer: every weight.
        strongest(&[1.0, 1.0, 1.0, 0.5], 2, &mut picked);
        assert_eq!(picked, [0, 1]);
        strongest(&[0.1, -0.2], 5, &mut picked);
        assert_eq!(picked, [0, 1]);
        strongest(&[0.0; 4], 2, &mut picked);
        assert_eq!(picked, [0, 1]);
        strongest(&[0.1, f64::NAN, 0.3, f64::INFINITY], 2, &mut picked);
        assert_eq!(picked, [1, 3], "a weight that is not finite is the largest");
        strongest(&[-0.5, 0.25, -0.75, 0.5], 2, &mut picked);
        assert_eq!(picked, [0, 2], "by size, whatever the sign");
    }

    proptest::proptest! {
        /// Against a sort: the `count` largest by |w|, ties to the first.
        #[test]
        fn the_strongest_match_a_sort(
            halves in proptest::collection::vec(-4i8..4, 0..300),
            count in 0usize..320,
        ) {
            // Few distinct sizes, so that ties are many.
            let w: Vec<f64> = halves.iter().map(|&k| f64::from(k) / 2.0).collect();
            let mut picked = Vec::new();
            strongest(&w, count, &mut picked);
            let mut by_size: Vec<usize> = (0..w.len()).collect();
            by_size.sort_by(|&a, &b| w[b].abs().total_cmp(&w[a].abs()).then(a.cmp(&b)));
            let mut expected: Vec<u32> = by_size.iter().take(count).map(|&i| i as u32).collect();
            expected.sort();
            proptest::prop_assert_eq!(picked, expected);
        }
    }

    #[test]
    fn colours_are_read_as_0xrrggbb() {
        assert_eq!(rgb(0x1f77b4), [31, 119, 180]);
    }
}
