//! The limits of the settings, in one module that imports nothing: the
//! configuration, the schema (whose entries state them), the checks and the
//! parameters' reader all take them from here.

pub const MAX_HIDDEN_LAYERS: usize = 4;
pub const MAX_UNITS: usize = 256;
/// ED is hard to push into non-finite numbers: weights only grow, and a saturated
/// sigmoid stops its own growth. Measured over 3,000 epochs of XOR (seed 42,
/// hidden 8,8 and 64,64): BCE turns NaN in its first epoch from lr 1e300 on, MSE
/// and BCE-with-logits stay finite up to 1e306 and turn infinite or NaN in their
/// first epoch at 1e308. The range reaches that far so a reader can see both
/// saturation and divergence with every loss.
pub const MAX_LR: f64 = 1e308;
/// Bounds for the slope, amine and bias parameters and the initial weight range.
pub const MAX_PARAMETER: f64 = 100.0;

/// Epochs trained per animation frame: below one, an epoch every few frames,
/// so that a small task's learning can be watched.
pub const MIN_SPEED: f64 = 0.1;
pub const MAX_SPEED: f64 = 10_000.0;
/// The furthest epoch a link may open at (`at=`): the page replays the run
/// to it within its frame budget, so it must be reachable in reasonable time.
pub const MAX_AT_EPOCH: u64 = 1_000_000;
/// Live changes a run may have, made by hand or replayed from a link: the page
/// refuses one more, so the link it writes holds them all and stays short
/// (200 changes of about 20 characters: 4 KB, well under what servers take).
pub const MAX_CHANGES: usize = 200;
/// The largest whole number a JS number holds exactly: the page keeps seeds
/// and epochs as numbers, so a link's larger ones would come back rounded.
/// The CLI takes any u64 seed.
pub const MAX_PAGE_SEED: u64 = (1 << 53) - 1;
