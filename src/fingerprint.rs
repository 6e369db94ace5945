//! A fingerprint of a training run: every epoch's loss and the final weights,
//! bit for bit. Native and wasm builds compare their fingerprints against the
//! same committed values to prove they compute identical numbers.

use crate::config::Config;
use crate::trainer::Trainer;

/// FNV-1a over the bit patterns of `epochs` epoch losses and then every weight.
pub fn run_fingerprint(config: Config, epochs: u64) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |x: f64| {
        for byte in x.to_bits().to_le_bytes() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    let mut trainer = Trainer::new(config);
    for _ in 0..epochs {
        eat(trainer.run_epoch().mean_loss);
    }
    for net in trainer.networks() {
        for layer in net.layers() {
            layer.weights().iter().for_each(|&w| eat(w));
        }
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
    ]
}
