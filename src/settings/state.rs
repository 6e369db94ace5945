//! The page's whole state ([`Params`]): the run's configuration and how it is
//! played. The schema's entries read and write it; the parameters' reader
//! ([`super::params`]) builds it from text.

use super::config::{Config, RuleName};
use crate::ed::Loss;
use crate::task::Task;

/// The speed a page opens at, XOR's pace ([`Task::pace`]): XOR under the
/// seed's setting is solved in about 40 epochs, which at 0.2 epochs a frame is
/// three or four seconds to watch it learn, not a flash.
pub const DEFAULT_SPEED: f64 = Task::Xor.pace();

/// A change made during a run, replayed at its epoch when a link is opened.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Change {
    Loss(Loss),
    Lr(f64),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimedChange {
    pub epoch: u64,
    pub change: Change,
}

/// The page's whole state: the run's configuration and how it is played.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    pub config: Config,
    pub speed: f64,
    pub paused: bool,
    /// The epoch the link opens at, paused there (0: the start).
    pub at: u64,
    /// Training pauses once the task is solved (else it trains on).
    pub stop_when_solved: bool,
    pub changes: Vec<TimedChange>,
    /// Backprop races ED on the same network.
    pub race: bool,
    /// The page opens in presentation mode (www/present.js).
    pub present: bool,
    /// The interface's language: `auto` (the browser's), `en` or `ja`.
    pub lang: &'static str,
    /// The reader's own points in the link's form (see [`crate::task::own`]),
    /// for the tasks `points` and `points3`; empty for none.
    pub data: String,
}

impl Default for Params {
    fn default() -> Params {
        Params::defaults_under(RuleName::Seed)
    }
}

impl Params {
    /// The state when nothing is given, under `rule`: the seed's setting, or
    /// Kaneko's program's defaults.
    pub fn defaults_under(rule: RuleName) -> Params {
        Params {
            config: Config::defaults_under(rule),
            speed: DEFAULT_SPEED,
            paused: false,
            at: 0,
            stop_when_solved: true,
            changes: Vec::new(),
            race: false,
            present: false,
            lang: "auto",
            data: String::new(),
        }
    }
}
