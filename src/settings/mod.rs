//! Settings: the one validated [`Config`] of a run, the parameter [`schema`]
//! that names, limits, labels and explains every parameter, and the page's
//! [`params`] read as text through it.

pub mod config;
pub mod params;
pub mod schema;

pub use config::{check_lr, Config, ConfigError, ConfigInput, RuleName};
pub use params::{ParamError, Params};
