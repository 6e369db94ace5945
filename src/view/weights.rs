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
/// NaN counts as the largest. About linear time: a histogram of |w| finds the
/// threshold, and among the weights that share its bin a selection.
pub fn strongest(weights: &[f64], count: usize, into: &mut Vec<u32>) {
    into.clear();
    if weights.len() <= count {
        into.extend(0..weights.len() as u32);
        return;
    }
    // The bits of |w| read as an integer rise with |w| (NaN and infinity on
    // top): their exponent and first three mantissa bits make a bin, eight to
    // an octave, with no arithmetic on the values.
    let bin = |w: f64| ((w.to_bits() << 1) >> (BIN_SHIFT + 1)) as usize;
    let mut counts = vec![0u32; 1 << (63 - BIN_SHIFT)];
    for &w in weights {
        counts[bin(w)] += 1;
    }
    let mut cut = counts.len() - 1;
    let mut above = counts[cut] as usize;
    while cut > 0 && above < count {
        cut -= 1;
        above += counts[cut] as usize;
    }
    // Of the threshold bin, the largest of its own, as many as complete the count.
    let mut ties = Vec::new();
    for (i, &w) in weights.iter().enumerate() {
        match bin(w).cmp(&cut) {
            std::cmp::Ordering::Greater => into.push(i as u32),
            std::cmp::Ordering::Equal => ties.push(i as u32),
            std::cmp::Ordering::Less => {}
        }
    }
    // Larger first, and of weights equally large the first: a total order, so
    // a selection (linear, where a bin can hold thousands) picks them exactly.
    let size = |i: u32| weights[i as usize].abs();
    let wanted = count - into.len();
    if wanted < ties.len() {
        ties.select_nth_unstable_by(wanted, |&a, &b| size(b).total_cmp(&size(a)).then(a.cmp(&b)));
        ties.truncate(wanted);
    }
    into.extend(ties);
    into.sort_unstable();
}

/// Bits of an `f64` below a histogram bin of [`strongest`]: 52 mantissa bits
/// less the three kept.
const BIN_SHIFT: u32 = 49;

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

    #[test]
    fn colours_are_read_as_0xrrggbb() {
        assert_eq!(rgb(0x1f77b4), [31, 119, 180]);
    }
}
