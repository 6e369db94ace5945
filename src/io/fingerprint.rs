//! A fingerprint of a training run: every epoch's loss and the final weights,
//! bit for bit. Native and wasm builds compare their fingerprints against the
//! same committed values to prove they compute identical numbers.

use crate::settings::config::Config;
use crate::train::EdRun;

/// FNV-1a over the bit patterns of `epochs` epoch losses, then every weight,
/// then, for a 2-D task, the test loss (which a task without one skips, so
/// their fingerprints are what they were before the 2-D tasks).
pub fn run_fingerprint(config: Config, epochs: u64) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |x: f64| {
        for byte in x.to_bits().to_le_bytes() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    let mut trainer = EdRun::new(config);
    for _ in 0..epochs {
        eat(trainer.run_epoch().mean_loss);
    }
    for net in trainer.networks() {
        for layer in net.layers() {
            layer.weights().iter().for_each(|&w| eat(w));
        }
    }
    if let Some(loss) = trainer.test_loss() {
        eat(loss);
    }
    hash
}

/// The configurations whose fingerprints are committed in `tests/golden/`.
pub fn golden_cases() -> Vec<(&'static str, Config, u64)> {
    use crate::ed::Loss;
    use crate::task::Task;
    let seed = Config::seed_defaults();
    vec![
        ("seed-mse", seed.clone(), 200),
        (
            "seed-bce",
            Config {
                loss: Loss::Bce,
                ..seed.clone()
            },
            132,
        ),
        (
            "seed-bce-with-logits",
            Config {
                loss: Loss::BceWithLogits,
                ..seed.clone()
            },
            200,
        ),
        (
            "seed-64-64-shuffled",
            Config {
                hidden: vec![64, 64],
                shuffle: true,
                seed: 7,
                ..seed.clone()
            },
            50,
        ),
        ("kaneko-xor-8", Config::kaneko_defaults(), 300),
        (
            "kaneko-parity3-64-bce",
            Config {
                task: Task::Parity,
                bits: 3,
                hidden: vec![64],
                loss: Loss::Bce,
                ..Config::kaneko_defaults()
            },
            50,
        ),
        // The 2-D tasks draw their points with libm's log, sqrt and a sine of
        // their own: these prove the browser draws the same points (and
        // learns the same).
        (
            "seed-circle",
            Config {
                task: Task::Circle,
                ..seed.clone()
            },
            20,
        ),
        (
            "kaneko-spiral3-shuffled-noisy",
            Config {
                task: Task::Spiral3,
                shuffle: true,
                noise: 0.3,
                points: 150,
                test_fraction: 0.3,
                seed: 9,
                ..Config::kaneko_defaults()
            },
            20,
        ),
    ]
}
