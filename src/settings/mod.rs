//! Settings: the one validated [`Config`] of a run, the parameter [`schema`]
//! that names, limits, labels and explains every parameter, and the page's
//! [`params`] read as text through it.
//!
//! Each module imports only those before it: [`limits`] (the numbers), then
//! [`config`] (the configuration and its defaults), [`state`] (the page's
//! whole state, [`Params`]), [`schema`] (the table, whose entries read and
//! write that state), [`validate`] ([`Config::validate`], by the schema's
//! ranges) and [`params`] (text read by the schema).

pub mod config;
pub mod limits;
pub mod params;
pub mod schema;
pub mod state;
pub mod validate;

pub use config::{Config, ConfigError, RuleName};
pub use params::ParamError;
pub use state::Params;
pub use validate::check_lr;
