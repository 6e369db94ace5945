//! How number text is read: the one thing the parameters' reader
//! ([`crate::settings::params`]) and the points' CSV reader
//! ([`crate::task::own::read_csv`]) both take, kept below both.

/// Reads decimal number text. The browser passes its own `Number` so the module
/// carries no float parser (about 20 KB); natively it is [`str::parse`]. Only
/// text of digits, `.`, `e`, `E`, `+` and `-` reaches it, where the two agree.
pub type NumberParser = fn(&str) -> Option<f64>;

pub fn parse_number_native(text: &str) -> Option<f64> {
    text.parse().ok()
}
