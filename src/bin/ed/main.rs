//! `ed`: train ED networks, race them against backprop on one configuration or
//! compare them across the tasks, rerun Kaneko's experiment, measure throughput.
//!
//! This file parses the command line and hands each subcommand to its module;
//! the options every subcommand shares (a run's configuration, the choice of
//! methods) and the way failures and JSON are printed live here too.

mod bench;
mod compare;
mod digits;
mod kaneko;
mod race;
mod train;

use std::process::ExitCode;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum};
use ed_playground::ed::Loss;
use ed_playground::settings::RuleName;
use ed_playground::task::Task;
use ed_playground::train::Method;
use ed_playground::{Config, ConfigInput};

#[derive(Parser)]
#[command(name = "ed", version, about = "Isamu Kaneko's ED learning method")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

// Built once per process: the size of its largest variant costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum Command {
    /// Train a network and print the loss of every epoch and the truth table.
    Train(train::TrainArgs),
    /// Race ED against backprop on one configuration: the epoch at which each
    /// solves the task, and its final loss.
    Race(race::RaceArgs),
    /// Rerun Kaneko's experiment: his rule and defaults, seeds 1..runs.
    Kaneko(kaneko::KanekoArgs),
    /// ED against backprop on every kind of task, seeds 1..runs: how often and
    /// how fast each solves it, and its accuracy after the last epoch.
    Compare(compare::CompareArgs),
    /// Handwritten digits (16 x 16, ten outputs), Kaneko's other published test:
    /// accuracy on unseen digits after each epoch, ED and backprop.
    Digits(digits::DigitsArgs),
    /// Measure training throughput (XOR epochs per second, one core).
    Bench {
        /// Print one JSON list on the last line.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Train(args) => train::run(args),
        Command::Race(args) => race::run(args),
        Command::Kaneko(args) => kaneko::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Digits(args) => digits::run(args),
        Command::Bench { json } => {
            bench::run(json);
            Ok(())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("ed: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}

/// Everything that configures a run, shared by `train` and `race`.
#[derive(clap::Args)]
struct ConfigArgs {
    #[arg(long, value_parser = one_of(Task::value_variants()))]
    task: Option<Task>,
    #[arg(long, value_parser = one_of(Loss::value_variants()))]
    loss: Option<Loss>,
    /// Hidden layer sizes, e.g. 8,8.
    #[arg(long, value_delimiter = ',')]
    hidden: Option<Vec<usize>>,
    #[arg(long)]
    seed: Option<u64>,
    /// Learning rate (Kaneko's alpha under his rule); 0.5 for the seed rule, 0.8 for Kaneko's.
    #[arg(long)]
    lr: Option<f64>,
    #[arg(long, value_parser = one_of(RuleName::value_variants()))]
    rule: Option<RuleName>,
    /// Input bits of the parity task.
    #[arg(long)]
    bits: Option<usize>,
    /// Shuffle the patterns every epoch (driven by the seed).
    #[arg(long)]
    shuffle: bool,
    /// Points of a 2-D task, training and test together (200 by default).
    #[arg(long)]
    points: Option<usize>,
    /// Noise on a 2-D task's coordinates, 0 to 0.5 (0.1 by default).
    #[arg(long)]
    noise: Option<f64>,
    /// Share of a 2-D task's points held out for testing (0.5 by default).
    #[arg(long)]
    test_fraction: Option<f64>,
    /// Sigmoid slope: f(u) = 1 / (1 + exp(-2u / u0)); 2 (seed rule) or 0.4 (Kaneko) by default.
    #[arg(long)]
    u0: Option<f64>,
    /// Kaneko's hidden-layer amine factor (1 by default).
    #[arg(long)]
    u1: Option<f64>,
    /// Add Kaneko's two bias units, fed this value (on with 0.8 under his rule).
    #[arg(long)]
    beta: Option<f64>,
    /// Initial weight magnitudes are drawn from U(0, init_range) (1 by default).
    #[arg(long)]
    init_range: Option<f64>,
}

impl ConfigArgs {
    /// The configuration these options ask for, each missing one at the
    /// default of the rule, refused with the library's message if invalid.
    fn resolve(&self) -> Result<Config, Failure> {
        ConfigInput {
            task: self.task.map(|t| t.name().to_string()),
            bits: self.bits,
            loss: self.loss.map(|l| l.name().to_string()),
            hidden: self.hidden.clone(),
            lr: self.lr,
            seed: self.seed,
            rule: self.rule.map(|r| r.name().to_string()),
            shuffle: Some(self.shuffle),
            u0: self.u0,
            u1: self.u1,
            beta: self.beta,
            init_range: self.init_range,
            points: self.points,
            noise: self.noise,
            test_fraction: self.test_fraction,
        }
        .resolve()
        .or_else(|e| fail(e.to_string()))
    }
}

/// The parser of an option that takes one of `allowed`, variants of a library
/// enum, by the names its `ValueEnum` derive gives them. The variants' doc
/// comments are written for the code's readers: they stay out of `--help`,
/// which lists the bare names on the option's line.
fn one_of<E>(allowed: &'static [E]) -> impl TypedValueParser<Value = E>
where
    E: ValueEnum + Clone + Send + Sync + 'static,
{
    let names = allowed
        .iter()
        .filter_map(E::to_possible_value)
        .map(|v| v.help(None::<&str>));
    PossibleValuesParser::new(names)
        .map(|name| E::from_str(&name, false).expect("the parser lets through the names only"))
}

/// The parser of `--method`: one of the library's methods by its name, or
/// `both` for each of them in turn.
fn methods_parser() -> impl TypedValueParser<Value = &'static [Method]> {
    // A static, so that one method can be handed out as a slice of it.
    static ALL: [Method; 2] = Method::ALL;
    let names = ALL
        .iter()
        .map(|m| PossibleValue::new(m.name()))
        .chain([PossibleValue::new("both")]);
    PossibleValuesParser::new(names).map(|name| {
        match ALL.iter().position(|m| m.name() == name) {
            Some(i) => std::slice::from_ref(&ALL[i]),
            // The parser lets through only the methods' names and `both`.
            None => &ALL[..],
        }
    })
}

/// The rule, the loss and the network, without the 2-D tasks' sampling.
fn describe_network(config: &Config) -> String {
    let hidden: Vec<String> = config.hidden.iter().map(|h| h.to_string()).collect();
    let bias = config.beta.map_or("no bias units".to_string(), |b| {
        format!("bias units fed {b}")
    });
    format!(
        "{} rule, {} loss, hidden {}, lr {}, u0 {}, {bias}, weights U(0, {}), {}",
        config.rule.name(),
        config.loss,
        hidden.join(","),
        config.lr,
        config.u0,
        config.init_range,
        if config.shuffle {
            "shuffled"
        } else {
            "in order"
        },
    )
}

/// A failure the user can act on, and the exit code it maps to.
struct Failure {
    message: String,
    code: u8,
}

/// A failure of the user's input (exit code 2, as clap's own refusals).
fn fail<T>(message: impl Into<String>) -> Result<T, Failure> {
    Err(Failure {
        message: message.into(),
        code: 2,
    })
}

/// One line of JSON: what `--json` prints. Only numbers, strings and lists go
/// in, which always serialise.
fn print_json(value: &impl serde::Serialize) {
    println!("{}", serde_json::to_string(value).expect("plain numbers"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    /// The options name tasks, losses, rules and methods as the page, its
    /// links and the model files do.
    #[test]
    fn values_are_named_as_everywhere_else() {
        fn names<E: ValueEnum>(name: impl Fn(&E) -> &'static str) -> Vec<(String, &'static str)> {
            E::value_variants()
                .iter()
                .map(|v| {
                    (
                        v.to_possible_value().unwrap().get_name().to_string(),
                        name(v),
                    )
                })
                .collect()
        }
        let all = [
            names::<Task>(|t| t.name()),
            names::<Loss>(|l| l.name()),
            names::<RuleName>(|r| r.name()),
            names::<Method>(|m| m.name()),
        ];
        for (on_command_line, in_library) in all.concat() {
            assert_eq!(on_command_line, in_library);
        }
        assert_eq!(Task::value_variants(), Task::ALL);
        assert_eq!(Loss::value_variants(), Loss::ALL);
    }
}
