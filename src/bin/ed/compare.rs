//! `ed compare`: ED against backprop on every kind of task, seeds 1..runs,
//! printed as one table row per task.

use clap::ValueEnum;
use ed_playground::settings::RuleName;
use ed_playground::studies::compare::{self, MethodScores, TaskComparison};
use ed_playground::studies::kaneko;
use ed_playground::task::Task;
use ed_playground::train::{solved_rule, SAMPLED_SOLVE_ACCURACY, SOLVE_LOSS};
use ed_playground::Config;

use crate::{describe_network, one_of, print_json, Failure};

#[derive(clap::Args)]
pub struct CompareArgs {
    /// Whose defaults: the seed's rule and the page's settings, or Kaneko's
    /// rule and his program's.
    #[arg(long, value_parser = one_of(RuleName::value_variants()), default_value = "seed")]
    rule: RuleName,
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
    runs: u64,
    /// Epochs every run trains: a side not solved by then has failed, and the
    /// accuracies are taken after the last.
    #[arg(long, default_value_t = 2000)]
    max_epochs: u64,
    /// Print only a JSON summary on the last line.
    #[arg(long)]
    json: bool,
}

/// `ed compare --json`: the settings and, per task, each method's
/// [`MethodScores`].
#[derive(serde::Serialize)]
struct CompareSummary {
    runs: u64,
    max_epochs: u64,
    solve_loss: f64,
    sampled_solve_accuracy: f64,
    config: Config,
    tasks: Vec<TaskComparison>,
}

/// The settings a comparison ran with, in a line.
fn describe(config: &Config) -> String {
    format!(
        "{}; 2-D tasks: {} points, noise {}, test fraction {}",
        describe_network(config),
        config.points,
        config.noise,
        config.test_fraction
    )
}

pub fn run(args: CompareArgs) -> Result<(), Failure> {
    let base = match args.rule {
        RuleName::Seed => Config::seed_defaults(),
        RuleName::Kaneko => Config::kaneko_defaults(),
    };
    let summary = CompareSummary {
        runs: args.runs,
        max_epochs: args.max_epochs,
        solve_loss: SOLVE_LOSS,
        sampled_solve_accuracy: SAMPLED_SOLVE_ACCURACY,
        tasks: compare::compare(&base, args.runs, args.max_epochs),
        config: base,
    };
    if args.json {
        print_json(&summary);
        return Ok(());
    }
    out!(
        "ED against backprop, seeds 1 to {}, {} epochs each: {}",
        summary.runs,
        summary.max_epochs,
        describe(&summary.config)
    );
    out!(
        "solved: {} (a 2-D task: {}); epochs: the median of the runs that solved",
        solved_rule(Task::Xor),
        solved_rule(Task::Circle)
    );
    out!();
    out!("| task | ED solved | backprop solved | ED accuracy, train / test | backprop accuracy, train / test |");
    out!("|---|---|---|---|---|");
    let solved = |s: &kaneko::Summary| {
        let solved = s.runs - s.failed;
        s.median.map_or(format!("{solved} of {}", s.runs), |m| {
            format!("{solved} of {}, {m} epochs", s.runs)
        })
    };
    let percent = |a: f64| format!("{:.1}%", 100.0 * a);
    let accuracy = |m: &MethodScores| {
        format!(
            "{} / {}",
            percent(m.train_accuracy),
            m.test_accuracy.map_or("-".to_string(), percent)
        )
    };
    for t in &summary.tasks {
        out!(
            "| {} | {} | {} | {} | {} |",
            t.task,
            solved(&t.ed.solve),
            solved(&t.backprop.solve),
            accuracy(&t.ed),
            accuracy(&t.backprop)
        );
    }
    Ok(())
}
