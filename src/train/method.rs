//! The two learning methods, by name, for entry points that pick one at run
//! time (the CLI, the wasm API, Kaneko's experiment).

/// ED or plain backpropagation on ED's network shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Method {
    Ed,
    Backprop,
}

impl Method {
    pub const ALL: [Method; 2] = [Method::Ed, Method::Backprop];

    pub fn name(self) -> &'static str {
        match self {
            Method::Ed => "ed",
            Method::Backprop => "backprop",
        }
    }
}
