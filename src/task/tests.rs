use super::*;

fn table(t: Task) -> Dataset {
    t.split(2, &Sampling::default()).train
}

#[test]
fn xor_is_in_the_seeds_order() {
    let d = table(Task::Xor);
    let rows: Vec<(Vec<f64>, f64)> = (0..d.len())
        .map(|k| (d.input(k).to_vec(), d.target(k)[0]))
        .collect();
    assert_eq!(
        rows,
        vec![
            (vec![0.0, 0.0], 0.0),
            (vec![0.0, 1.0], 1.0),
            (vec![1.0, 0.0], 1.0),
            (vec![1.0, 1.0], 0.0)
        ]
    );
}

#[test]
fn gates_have_their_truth_tables() {
    let targets = |t: Task| {
        let d = table(t);
        (0..4).map(|k| d.target(k)[0]).collect::<Vec<_>>()
    };
    assert_eq!(targets(Task::And), [0.0, 0.0, 0.0, 1.0]);
    assert_eq!(targets(Task::Or), [0.0, 1.0, 1.0, 1.0]);
    assert_eq!(targets(Task::Nand), [1.0, 1.0, 1.0, 0.0]);
}

#[test]
fn parity_counts_ones() {
    for bits in MIN_PARITY_BITS..=MAX_PARITY_BITS {
        let d = Task::Parity.split(bits, &Sampling::default()).train;
        assert_eq!(d.len(), 1 << bits);
        for k in 0..d.len() {
            let ones = d.input(k).iter().filter(|&&x| x == 1.0).count();
            assert_eq!(d.target(k)[0], (ones % 2) as f64, "bits {bits} pattern {k}");
        }
    }
    assert_eq!(
        Task::Parity.split(2, &Sampling::default()),
        Task::Xor.split(2, &Sampling::default())
    );
}

#[test]
fn the_adder_adds() {
    let d = table(Task::Adder);
    assert_eq!((d.len(), d.n_inputs, d.n_outputs), (16, 4, 3));
    let number = |bits: &[f64]| bits.iter().fold(0, |n, &b| 2 * n + b as usize);
    for k in 0..16 {
        let x = d.input(k);
        assert!(x.iter().chain(d.target(k)).all(|&v| v == 0.0 || v == 1.0));
        // a1 a0 b1 b0, in counting order.
        assert_eq!(number(x), k);
        let (a, b) = (number(&x[..2]), number(&x[2..]));
        assert_eq!(number(d.target(k)), a + b, "pattern {k}: {a} + {b}");
    }
    // Spot rows: 1 + 1 = 010, 3 + 3 = 110, 2 + 3 = 101.
    assert_eq!(d.target(0b0101), [0.0, 1.0, 0.0]);
    assert_eq!(d.target(0b1111), [1.0, 1.0, 0.0]);
    assert_eq!(d.target(0b1011), [1.0, 0.0, 1.0]);
}

#[test]
fn shapes_match_the_data() {
    for t in Task::ALL {
        let bits = if t == Task::Parity { 5 } else { 2 };
        let split = t.split(bits, &Sampling::default());
        assert_eq!(split.train.n_inputs, t.inputs(bits), "{t}");
        assert_eq!(split.train.n_outputs, t.outputs(), "{t}");
        assert_eq!(split.test.is_some(), t.is_sampled(), "{t}");
        assert_eq!(Task::from_name(t.name()), Some(t));
        // The serialised name is the task's name (model files, links).
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            format!("\"{}\"", t.name())
        );
    }
}

const SAMPLED: [Task; 5] = [
    Task::Circle,
    Task::Gaussians,
    Task::Spiral,
    Task::Moons,
    Task::Spiral3,
];

fn sampling(seed: u64, points: usize, noise: f64, test_fraction: f64) -> Sampling {
    Sampling {
        seed,
        points,
        noise,
        test_fraction,
    }
}

fn bits(d: &Dataset) -> Vec<u64> {
    (0..d.len())
        .flat_map(|k| d.input(k).iter().chain(d.target(k)).map(|x| x.to_bits()))
        .collect()
}

fn class_of(target: &[f64]) -> usize {
    if target.len() == 1 {
        target[0] as usize
    } else {
        target.iter().position(|&t| t == 1.0).unwrap()
    }
}

fn class_counts(d: &Dataset, classes: usize) -> Vec<usize> {
    let mut counts = vec![0; classes];
    for k in 0..d.len() {
        counts[class_of(d.target(k))] += 1;
    }
    counts
}

fn classes(t: Task) -> usize {
    t.outputs().max(2)
}

#[test]
fn sampled_tasks_are_deterministic_for_a_seed() {
    for t in SAMPLED {
        let s = Sampling::default();
        let (a, b) = (t.split(2, &s), t.split(2, &s));
        let test = |x: &Split| bits(x.test.as_ref().unwrap());
        assert_eq!(bits(&a.train), bits(&b.train), "{t}");
        assert_eq!(test(&a), test(&b), "{t}");
        let other = t.split(2, &Sampling { seed: 43, ..s });
        assert_ne!(bits(&a.train), bits(&other.train), "{t}: seed 43");
    }
}

#[test]
fn sampled_sizes_and_balance() {
    for t in SAMPLED {
        let c = classes(t);
        for (points, fraction) in [(200, 0.5), (20, 0.1), (20, 0.9), (1000, 0.3), (31, 0.5)] {
            let s = sampling(7, points, 0.1, fraction);
            let split = t.split(2, &s);
            let test = split.test.unwrap();
            let what = format!("{t} {points} points, test {fraction}");
            assert_eq!(split.train.len() + test.len(), points, "{what}");
            let (train_counts, test_counts) =
                (class_counts(&split.train, c), class_counts(&test, c));
            for class in 0..c {
                let total = train_counts[class] + test_counts[class];
                // Classes as equal in size as the count allows.
                assert!(total == points / c || total == points / c + 1, "{what}");
                // Each class split at the fraction, with a point on each side.
                let held = (total as f64 * fraction).round() as usize;
                assert_eq!(test_counts[class], held.clamp(1, total - 1), "{what}");
            }
        }
        // The default: 100 training and 100 test points, give or take the
        // rounding of spiral3's classes of 67, 67 and 66 points.
        let split = t.split(2, &Sampling::default());
        let test = split.test.unwrap().len();
        assert_eq!(split.train.len() + test, 200, "{t}");
        assert!(test.abs_diff(100) <= c / 2, "{t}: {test} test points");
    }
}

#[test]
fn sampled_values_are_in_range() {
    for t in SAMPLED {
        for noise in [0.0, 0.1, 0.5] {
            let split = t.split(2, &sampling(3, 1000, noise, 0.5));
            for d in [&split.train, split.test.as_ref().unwrap()] {
                for k in 0..d.len() {
                    assert!(
                        d.input(k).iter().all(|x| (0.0..=1.0).contains(x)),
                        "{t} noise {noise}: {:?}",
                        d.input(k)
                    );
                    let target = d.target(k);
                    assert!(target.iter().all(|&x| x == 0.0 || x == 1.0), "{t}");
                    if target.len() > 1 {
                        assert_eq!(target.iter().sum::<f64>(), 1.0, "{t}: one-hot");
                    }
                }
            }
        }
    }
    assert_eq!(
        Task::Spiral3.split(2, &Sampling::default()).train.n_outputs,
        3
    );
}

#[test]
fn noise_moves_the_same_points_further() {
    for t in SAMPLED {
        let quiet = t.split(2, &sampling(5, 200, 0.0, 0.5)).train;
        let mean_shift = |noise: f64| {
            let noisy = t.split(2, &sampling(5, 200, noise, 0.5)).train;
            let mut sum = 0.0;
            for k in 0..quiet.len() {
                // Same points in the same order, with the same classes.
                assert_eq!(quiet.target(k), noisy.target(k), "{t}");
                let (a, b) = (quiet.input(k), noisy.input(k));
                sum += ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt();
            }
            sum / quiet.len() as f64
        };
        let (small, large) = (mean_shift(0.05), mean_shift(0.2));
        assert!(small > 0.0, "{t}: noise changes the points");
        assert!(large > 2.0 * small, "{t}: {small} then {large}");
    }
}

#[test]
fn training_and_test_points_are_disjoint() {
    for t in SAMPLED {
        let split = t.split(2, &Sampling::default());
        let test = split.test.unwrap();
        let key = |x: &[f64]| (x[0].to_bits(), x[1].to_bits());
        let train: std::collections::HashSet<_> = (0..split.train.len())
            .map(|k| key(split.train.input(k)))
            .collect();
        assert_eq!(train.len(), split.train.len(), "{t}: repeated points");
        assert!(
            (0..test.len()).all(|k| !train.contains(&key(test.input(k)))),
            "{t}"
        );
    }
}

/// Plane coordinates of a pattern, back from the network's `[0, 1]^2`.
fn plane(d: &Dataset, k: usize) -> [f64; 2] {
    let x = d.input(k);
    [2.0 * x[0] - 1.0, 2.0 * x[1] - 1.0]
}

#[test]
fn noiseless_shapes_have_their_geometry() {
    let s = sampling(11, 400, 0.0, 0.5);
    let radius = |p: [f64; 2]| (p[0] * p[0] + p[1] * p[1]).sqrt();
    let d = Task::Circle.split(2, &s).train;
    for k in 0..d.len() {
        let r = radius(plane(&d, k));
        let inside = d.target(k)[0] == 1.0;
        assert!(if inside {
            r <= 0.45 + 1e-12
        } else {
            (0.65 - 1e-12..=0.9 + 1e-12).contains(&r)
        });
    }
    let d = Task::Gaussians.split(2, &s).train;
    for class in [0.0, 1.0] {
        let ks: Vec<usize> = (0..d.len()).filter(|&k| d.target(k)[0] == class).collect();
        let mean_x = ks.iter().map(|&k| plane(&d, k)[0]).sum::<f64>() / ks.len() as f64;
        let want = if class == 1.0 { 0.4 } else { -0.4 };
        assert!(
            (mean_x - want).abs() < 0.05,
            "class {class}: mean x {mean_x}"
        );
    }
    for t in [Task::Spiral, Task::Spiral3] {
        let d = t.split(2, &s).train;
        assert!(
            (0..d.len()).all(|k| radius(plane(&d, k)) <= 0.9 + 1e-12),
            "{t}"
        );
    }
    // The upper moon is class 0: its points lie above the lower moon's on average.
    let d = Task::Moons.split(2, &s).train;
    for k in 0..d.len() {
        let [x, y] = plane(&d, k);
        assert!(
            x.abs() <= 0.9 + 1e-12 && y.abs() <= 0.45 + 1e-12,
            "{x}, {y}"
        );
    }
    let mean_y = |class: f64| {
        let ks: Vec<usize> = (0..d.len()).filter(|&k| d.target(k)[0] == class).collect();
        ks.iter().map(|&k| plane(&d, k)[1]).sum::<f64>() / ks.len() as f64
    };
    assert!(mean_y(0.0) > mean_y(1.0) + 0.2);
}

#[test]
fn inputs_map_the_plane_onto_the_unit_square() {
    assert_eq!(to_input(-1.0), 0.0);
    assert_eq!(to_input(0.0), 0.5);
    assert_eq!(to_input(1.0), 1.0);
}
