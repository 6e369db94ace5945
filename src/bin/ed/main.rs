//! `ed`: train ED networks, race them against backprop on one configuration or
//! compare them across the tasks, rerun Kaneko's experiment, measure throughput.
//!
//! This file parses the command line and hands each subcommand to its module;
//! the options every subcommand shares (a run's configuration, the choice of
//! methods) and the way failures and JSON are printed live here too.

/// What the CLI prints, a line at a time, as the standard macro would, except that a
/// closed pipe (`ed train | head -1`) ends the program quietly with status 0,
/// as Unix tools do, instead of a panic: every line goes through [`write_out`].
macro_rules! out {
    () => {
        $crate::write_out(format_args!(""))
    };
    ($($arg:tt)*) => {
        $crate::write_out(format_args!($($arg)*))
    };
}

mod bench;
mod compare;
mod digits;
mod kaneko;
mod race;
mod train;

use std::io::Write;
use std::process::ExitCode;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{value_parser, Arg, ArgAction, ArgMatches, Parser, Subcommand, ValueEnum};
use ed_playground::settings::schema::{Kind, Param, Value, PARAMS};
use ed_playground::settings::{Params, RuleName};
use ed_playground::task::Task;
use ed_playground::train::Method;
use ed_playground::Config;

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
            // A closed stderr leaves nothing to tell.
            let _ = writeln!(std::io::stderr(), "ed: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}

/// Everything that configures a run, shared by `train` and `race`: one option
/// per field of the parameter schema that configures a run, named, explained
/// and limited there (`--test-fraction` for `test_fraction`). Values are read
/// natively by kind; the limits are `Config::validate`'s, whose messages name
/// the field.
struct ConfigArgs {
    values: Vec<(&'static Param, Value)>,
}

impl ConfigArgs {
    fn params() -> impl Iterator<Item = &'static Param> {
        PARAMS.iter().filter(|p| p.config)
    }

    fn option(param: &'static Param) -> Arg {
        let arg = Arg::new(param.name)
            .long(param.name.replace('_', "-"))
            .value_name(param.name.to_uppercase())
            .help(format!("{} {}", param.help.en, ConfigArgs::defaults(param)));
        match param.kind {
            // The reader's own points come from the page, not the CLI.
            Kind::Choice(options) => arg.value_parser(PossibleValuesParser::new(
                options
                    .iter()
                    .filter(|o| Task::from_name(o.value).is_none_or(|t| t.own_classes().is_none()))
                    .map(|o| PossibleValue::new(o.value)),
            )),
            Kind::Number { .. } => arg.value_parser(value_parser!(f64)),
            Kind::Whole { .. } => arg.value_parser(value_parser!(u64)),
            Kind::Layers => arg
                .value_parser(value_parser!(usize))
                .value_delimiter(',')
                .num_args(1),
            Kind::Flag => arg.action(ArgAction::SetTrue),
            Kind::Changes | Kind::Points => arg,
        }
    }

    /// The defaults in words: "(seed rule: 0.5; Kaneko's: 0.8)", or one for both.
    fn defaults(param: &Param) -> String {
        let show = |v: Value| match v {
            Value::Choice(name) => name.to_string(),
            Value::Number(x) => x.to_string(),
            Value::Whole(n) => n.to_string(),
            Value::Layers(sizes) => {
                let sizes: Vec<String> = sizes.iter().map(usize::to_string).collect();
                sizes.join(",")
            }
            Value::Flag(on) => if on { "on" } else { "off" }.to_string(),
            Value::Absent => "none".to_string(),
            Value::Changes(_) | Value::Points(_) => String::new(),
        };
        let seed = show(param.default_under(RuleName::Seed));
        let kaneko = show(param.default_under(RuleName::Kaneko));
        if seed == kaneko {
            format!("(default {seed})")
        } else {
            format!("(default {seed}; under Kaneko's rule {kaneko})")
        }
    }

    /// The configuration these options ask for, each missing one at the
    /// default of the rule, refused with the library's message if invalid.
    fn resolve(&self) -> Result<Config, Failure> {
        Params::config_from_values(&self.values).or_else(|e| fail(e.to_string()))
    }

    /// The value given for `name`, if any.
    fn given(&self, name: &str) -> Option<&Value> {
        self.values
            .iter()
            .find(|(p, _)| p.name == name)
            .map(|(_, v)| v)
    }
}

impl clap::Args for ConfigArgs {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        ConfigArgs::params().fold(cmd, |cmd, p| cmd.arg(ConfigArgs::option(p)))
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        ConfigArgs::augment_args(cmd)
    }
}

impl clap::FromArgMatches for ConfigArgs {
    fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
        let mut values = Vec::new();
        for p in ConfigArgs::params() {
            let value = match p.kind {
                Kind::Choice(options) => m.get_one::<String>(p.name).and_then(|name| {
                    let option = options.iter().find(|o| o.value == name)?;
                    Some(Value::Choice(option.value))
                }),
                Kind::Number { .. } => m.get_one::<f64>(p.name).map(|&v| Value::Number(v)),
                Kind::Whole { .. } => m.get_one::<u64>(p.name).map(|&v| Value::Whole(v)),
                Kind::Layers => m
                    .get_many::<usize>(p.name)
                    .map(|sizes| Value::Layers(sizes.copied().collect())),
                Kind::Flag => m.get_flag(p.name).then_some(Value::Flag(true)),
                Kind::Changes | Kind::Points => None,
            };
            values.extend(value.map(|v| (p, v)));
        }
        Ok(ConfigArgs { values })
    }

    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        *self = ConfigArgs::from_arg_matches(m)?;
        Ok(())
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

/// Writes one line to stdout (see [`out!`]). A reader that has gone away
/// (`BrokenPipe`) read all it wanted: exit 0. Any other failure to write is
/// reported on stderr, and the run ends with status 1.
fn write_out(line: std::fmt::Arguments) {
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_fmt(line)
        .and_then(|()| stdout.write_all(b"\n"));
    match written {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "ed: cannot write the output: {e}");
            std::process::exit(1);
        }
    }
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
    out!("{}", serde_json::to_string(value).expect("plain numbers"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;
    use ed_playground::ed::Loss;
    use ed_playground::task::Task;

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
        // The reader's own points come from the page only.
        let cli_tasks: Vec<Task> = Task::ALL
            .into_iter()
            .filter(|t| t.own_classes().is_none())
            .collect();
        assert_eq!(Task::value_variants(), cli_tasks);
        assert_eq!(Loss::value_variants(), Loss::ALL);
    }
}
