//! Training runs of either method and what is measured of them: a [`Run`]
//! over [`SubNetwork`]s, its [`evaluation`], the [`solve`] clock, a [`Lane`]
//! (a run with its clock and divergence), the [`freeze`] watch, and the
//! playground's live [`Session`] with its [`History`]; a run as its [`parts`]
//! (what a model file holds, and what crosses between the page's wasm modules).

pub mod budget;
pub mod evaluation;
pub mod freeze;
pub mod history;
pub mod lane;
pub mod method;
pub mod network;
pub mod parts;
pub mod run;
pub mod session;
pub mod solve;

pub use budget::Budget;
pub use evaluation::{evaluate, Evaluation, EvaluationPass};
pub use freeze::{FreezeCause, FreezeWatch, Frozen, FrozenOutputs};
pub use history::{History, HISTORY_CAPACITY};
pub use lane::{Divergence, Lane, LaneProgress};
pub use method::Method;
pub use network::{SubNetwork, SIGN_SEED};
pub use run::{shuffle_patterns, BackpropRun, EdRun, EpochStats, Run, KANEKO_STOP_ERROR};
pub use session::Session;
pub use solve::{
    accuracy_to_solve, is_solved, solved_rule, SolveClock, SAMPLED_SOLVE_ACCURACY, SOLVE_LOSS,
};
