//! Running the built `ed` binary from integration tests.
#![allow(dead_code)] // each test binary uses its own part

use std::process::{Command, Output};

/// Runs `ed` with `args`, whatever its exit status.
pub fn ed(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ed"))
        .args(args)
        .output()
        .expect("the ed binary runs")
}

/// The standard output of a run that must succeed; `what` names it in a failure.
pub fn stdout_of(out: &Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "{what} failed with {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("utf-8 output")
}

/// Runs `ed` with `args`, which must succeed, and returns its standard output.
pub fn run_ed(args: &[&str]) -> String {
    stdout_of(&ed(args), &format!("ed {args:?}"))
}
