//! criterion benchmarks: one XOR epoch for the seed's 4-8-8-1 and a 4-64-64-1
//! network, and one forward pass.

use criterion::{criterion_group, criterion_main, Criterion};
use ed_playground::{Config, EdRun};
use std::hint::black_box;

fn trainer(hidden: Vec<usize>) -> EdRun {
    EdRun::new(Config {
        hidden,
        ..Config::seed_defaults()
    })
}

fn epochs(c: &mut Criterion) {
    for (name, hidden) in [
        ("epoch xor-4-8-8-1", vec![8, 8]),
        ("epoch xor-4-64-64-1", vec![64, 64]),
    ] {
        let mut t = trainer(hidden);
        c.bench_function(name, |b| b.iter(|| black_box(t.run_epoch())));
    }
}

fn forward(c: &mut Criterion) {
    for (name, hidden) in [
        ("forward 4-8-8-1", vec![8, 8]),
        ("forward 4-64-64-1", vec![64, 64]),
    ] {
        let mut t = trainer(hidden);
        let mut out = [0.0];
        c.bench_function(name, |b| {
            b.iter(|| {
                t.predict(black_box(&[1.0, 0.0]), &mut out);
                black_box(out[0])
            })
        });
    }
}

criterion_group!(benches, epochs, forward);
criterion_main!(benches);
