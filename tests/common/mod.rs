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

/// The standard output of `ed` with `args` on `threads` threads of the
/// studies' pool (`RAYON_NUM_THREADS`), which must succeed.
pub fn run_ed_on_threads(threads: usize, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_ed"))
        .args(args)
        .env("RAYON_NUM_THREADS", threads.to_string())
        .output()
        .expect("the ed binary runs");
    stdout_of(&out, &format!("ed {args:?} on {threads} threads"))
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

/// The JSON object on the last line of a command's output.
pub fn last_json(stdout: &str) -> serde_json::Value {
    let last = stdout.lines().last().expect("some output");
    serde_json::from_str(last).unwrap_or_else(|e| panic!("{last:?} is not JSON: {e}"))
}

/// Runs `ed <command> <args> --json`, which must succeed, and reads its JSON.
pub fn ed_json(command: &str, args: &[&str]) -> serde_json::Value {
    let full: Vec<&str> = std::iter::once(command)
        .chain(args.iter().copied())
        .chain(["--json"])
        .collect();
    last_json(&run_ed(&full))
}

/// A run's loss (MSE) and accuracy on `data`, recomputed from its predictions
/// alone, independently of `ed_playground::train::evaluation`.
pub fn rescored(
    mut predict: impl FnMut(&[f64], &mut [f64]),
    task: ed_playground::task::Task,
    data: &ed_playground::task::Dataset,
) -> (f64, f64) {
    let n = data.n_outputs;
    let mut out = vec![0.0; n];
    let (mut loss, mut right) = (0.0, 0);
    for k in 0..data.len() {
        predict(data.input(k), &mut out);
        let target = data.target(k);
        loss += out
            .iter()
            .zip(target)
            .map(|(p, t)| (p - t) * (p - t))
            .sum::<f64>()
            / n as f64;
        let is_right = if task == ed_playground::task::Task::Spiral3 {
            let best = (0..n).max_by(|&a, &b| out[a].total_cmp(&out[b])).unwrap();
            target[best] == 1.0
        } else {
            out.iter()
                .zip(target)
                .all(|(p, t)| (*p >= 0.5) == (*t == 1.0))
        };
        right += usize::from(is_right);
    }
    (loss / data.len() as f64, right as f64 / data.len() as f64)
}
