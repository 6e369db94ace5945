//! [`Config::validate`]: every limit of a configuration, each number field
//! checked against its schema entry's range, so a file, a link and a
//! hand-built value are refused alike and with the same words.

use super::config::{Config, ConfigError};
use super::limits::{MAX_HIDDEN_LAYERS, MAX_UNITS};
use super::schema::{self, Kind};
use crate::task::{Task, MAX_PARITY_BITS, MIN_PARITY_BITS};

fn refuse<T>(field: &'static str, message: impl Into<String>) -> Result<T, ConfigError> {
    Err(ConfigError {
        field,
        message: message.into(),
    })
}

/// A number field checked against its schema entry's range.
fn number_in(field: &'static str, v: f64) -> Result<f64, ConfigError> {
    let param = schema::param(field).expect("every number field has a schema entry");
    match param.kind {
        Kind::Number { stated, .. } if !param.admits(v) => {
            refuse(field, format!("must be a finite number {}", stated.en))
        }
        _ => Ok(v),
    }
}

/// A whole-number field checked against its schema entry's range.
fn whole_in(field: &'static str, v: usize) -> Result<usize, ConfigError> {
    match schema::param(field).map(|p| p.kind) {
        Some(Kind::Whole { min, max }) if !(min..=max).contains(&(v as u64)) => {
            refuse(field, format!("must be {min} to {max}, got {v}"))
        }
        _ => Ok(v),
    }
}

/// The learning-rate limits on their own, for a live change of rate.
pub fn check_lr(lr: f64) -> Result<(), ConfigError> {
    number_in("lr", lr).map(|_| ())
}

impl Config {
    /// Checks every limit; a file or a hand-built value passes through here too.
    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.task == Task::Parity && !(MIN_PARITY_BITS..=MAX_PARITY_BITS).contains(&self.bits) {
            return refuse(
                "bits",
                format!(
                    "must be {MIN_PARITY_BITS} to {MAX_PARITY_BITS}, got {}",
                    self.bits
                ),
            );
        }
        if self.task != Task::Parity && self.bits != 2 {
            return refuse(
                "bits",
                format!(
                    "only parity takes bits; {} needs 2, got {}",
                    self.task, self.bits
                ),
            );
        }
        if self.hidden.is_empty() || self.hidden.len() > MAX_HIDDEN_LAYERS {
            return refuse(
                "hidden",
                format!(
                    "must list 1 to {MAX_HIDDEN_LAYERS} layer sizes, got {}",
                    self.hidden.len()
                ),
            );
        }
        if let Some(&bad) = self.hidden.iter().find(|&&n| n == 0 || n > MAX_UNITS) {
            return refuse(
                "hidden",
                format!("each layer must have 1 to {MAX_UNITS} units, got {bad}"),
            );
        }
        check_lr(self.lr)?;
        number_in("u0", self.u0)?;
        number_in("u1", self.u1)?;
        number_in("init_range", self.init_range)?;
        if let Some(beta) = self.beta {
            number_in("beta", beta)?;
        }
        // Checked for every task, so a file or link never carries a value that
        // would be refused once the task changes.
        whole_in("points", self.points)?;
        number_in("noise", self.noise)?;
        number_in("test_fraction", self.test_fraction)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_checked_against_their_schema_ranges() {
        for (field, inside, outside) in [
            ("lr", [1e-300, 1e308], [0.0, 1.1e308]),
            ("u0", [1e-9, 100.0], [0.0, 100.5]),
            ("u1", [0.0, 100.0], [-1e-9, 100.5]),
            ("noise", [0.0, 0.5], [-1e-9, 0.500001]),
            ("test_fraction", [0.1, 0.9], [0.0999, 0.9001]),
        ] {
            for v in inside {
                assert!(number_in(field, v).is_ok(), "{field} refuses {v}");
            }
            for v in outside.into_iter().chain([f64::NAN, f64::INFINITY]) {
                assert!(number_in(field, v).is_err(), "{field} accepts {v}");
            }
        }
    }
}
