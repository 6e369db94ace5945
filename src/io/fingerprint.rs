//! A fingerprint of a training run: every epoch's loss and the final weights,
//! bit for bit. Native and wasm builds compare their fingerprints against the
//! same committed values to prove they compute identical numbers.

use crate::settings::config::Config;
use crate::train::{Budget, EdRun, Session};

/// FNV-1a over the bit patterns of `epochs` epoch losses, then every weight,
/// then, for a 2-D task, the test loss (which a task without one skips, so
/// their fingerprints are what they were before the 2-D tasks).
pub fn run_fingerprint(config: Config, epochs: u64) -> u64 {
    let mut hash = Fnv::default();
    let mut trainer = EdRun::new(config);
    for _ in 0..epochs {
        hash.eat(trainer.run_epoch().mean_loss);
    }
    hash.finish(&mut trainer)
}

/// The same fingerprint, of the same run trained as the page trains it: by a
/// live [`Session`] whose every call has a budget of `slice()` units, so it
/// stops between patterns wherever the budget runs out (and between its own
/// stages: ED's epoch, the solve check, the history's test loss). At most
/// [`crate::train::HISTORY_CAPACITY`] epochs, whose losses the history keeps.
pub fn sliced_run_fingerprint(config: Config, epochs: u64, mut slice: impl FnMut() -> u64) -> u64 {
    assert!(epochs as usize <= crate::train::HISTORY_CAPACITY);
    let mut session = Session::new(config);
    while session.epoch() < epochs {
        let left = u32::try_from(epochs - session.epoch()).unwrap_or(u32::MAX);
        session.train(left, &mut Budget::new(slice()));
    }
    assert!(!session.mid_epoch(), "the last epoch ended");
    let mut hash = Fnv::default();
    for &loss in session.history().losses() {
        hash.eat(loss);
    }
    hash.finish(session.run_mut())
}

/// FNV-1a, eating bit patterns.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn eat(&mut self, x: f64) {
        for byte in x.to_bits().to_le_bytes() {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// Eats the weights, then the test loss if the task has a test set.
    fn finish(mut self, trainer: &mut EdRun) -> u64 {
        for net in trainer.networks() {
            for layer in net.layers() {
                layer.weights().iter().for_each(|&w| self.eat(w));
            }
        }
        if let Some(loss) = trainer.test_loss() {
            self.eat(loss);
        }
        self.0
    }
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
