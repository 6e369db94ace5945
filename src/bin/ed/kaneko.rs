//! `ed kaneko`: Kaneko's experiment rerun, his rule and his program's
//! defaults, over seeds 1..runs, for ED, backprop on the same networks, or both.

use std::collections::BTreeMap;

use ed_playground::studies::kaneko::{self, KANEKO_MAX_EPOCHS};
use ed_playground::task::Task;
use ed_playground::train::Method;
use ed_playground::Config;

use crate::{fail, methods_parser, one_of, Failure};

/// The tasks of Kaneko's published runs.
const KANEKO_TASKS: [Task; 2] = [Task::Xor, Task::Parity];

#[derive(clap::Args)]
pub struct KanekoArgs {
    /// Which method learns: ED (Kaneko's rule) or backprop on the same
    /// networks (plain online SGD, same learning rate), or both.
    #[arg(long, value_parser = methods_parser(), default_value = "ed")]
    method: &'static [Method],
    #[arg(long, value_parser = one_of(&KANEKO_TASKS), default_value = "xor")]
    task: Task,
    /// Input bits of the parity task.
    #[arg(long, default_value_t = 3)]
    bits: usize,
    #[arg(long, default_value_t = 8)]
    hidden: usize,
    /// Learning rate of both methods (Kaneko's alpha, 0.8, by default).
    #[arg(long)]
    lr: Option<f64>,
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u64).range(1..=kaneko::MAX_RUNS))]
    runs: u64,
    #[arg(long, default_value_t = KANEKO_MAX_EPOCHS,
          value_parser = clap::value_parser!(u64).range(1..=kaneko::MAX_EPOCH_LIMIT))]
    max_epochs: u64,
    #[arg(long)]
    json: bool,
}

pub fn run(args: KanekoArgs) -> Result<(), Failure> {
    let mut base = Config {
        task: args.task,
        hidden: vec![args.hidden],
        ..Config::kaneko_defaults()
    };
    if args.task == Task::Parity {
        base.bits = args.bits;
    }
    base.lr = args.lr.unwrap_or(base.lr);
    base.validate().or_else(|e| fail(e.to_string()))?;
    let methods = args.method;
    let summaries: Vec<kaneko::Summary> = methods
        .iter()
        .map(|&m| kaneko::run_method(m, &base, args.runs, args.max_epochs))
        .collect();
    if args.json {
        // One method: its summary as is. Both: one object keyed by method.
        let line = match summaries.as_slice() {
            [one] => serde_json::to_string(one),
            all => serde_json::to_string(
                &methods
                    .iter()
                    .map(|m| m.name())
                    .zip(all)
                    .collect::<BTreeMap<_, _>>(),
            ),
        };
        out!("{}", line.expect("plain numbers"));
    } else {
        let show = |v: Option<f64>| v.map_or("n/a".to_string(), |x| format!("{x:.2}"));
        for (method, summary) in methods.iter().zip(&summaries) {
            // ED alone keeps the line it always printed.
            let label = if methods == [Method::Ed] {
                String::new()
            } else {
                format!("{}: ", method.name())
            };
            out!(
                "{label}{} hidden units, {} runs: mean {} epochs, median {}, failed {}",
                args.hidden,
                summary.runs,
                show(summary.mean),
                show(summary.median),
                summary.failed
            );
        }
    }
    Ok(())
}
