//! `ed train`: train one network, or go on training a saved one, and print
//! every epoch's loss and the truth table (a 2-D task: its scores).

use std::io::Read;
use std::path::PathBuf;

use ed_playground::ed::Loss;
use ed_playground::io::model::{check_integers, check_size, MAX_MODEL_BYTES};
use ed_playground::number::parse_number_native;
use ed_playground::settings::schema::Value;
use ed_playground::train::{FreezeWatch, Frozen, FrozenOutputs};
use ed_playground::{Config, EdRun, Evaluation};

use crate::{fail, print_json, ConfigArgs, Failure};

#[derive(clap::Args)]
pub struct TrainArgs {
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
    save: Option<PathBuf>,
    /// Continue training a saved model (its configuration; --loss and --lr still apply).
    #[arg(long)]
    load: Option<PathBuf>,
}

/// `ed train --json`: `converged_epoch` is the first epoch that met Kaneko's
/// stopping rule (summed |t - y| under 0.1), or null; `frozen_at`, only for a
/// run frozen at the end, the first epoch of its freeze. A 2-D task adds `train`
/// and `test`, each `{ mean_loss, accuracy }` with the final weights.
#[derive(serde::Serialize)]
struct TrainSummary {
    epochs: u64,
    final_loss: Option<f64>,
    outputs: Vec<f64>,
    targets: Vec<f64>,
    converged_epoch: Option<u64>,
    /// Present only for a run frozen at the end (see [`frozen_line`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    frozen_at: Option<u64>,
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

impl From<Evaluation> for Scores {
    fn from(e: Evaluation) -> Scores {
        Scores {
            mean_loss: e.mean_loss,
            accuracy: e.accuracy,
        }
    }
}

/// The run to train: a new one from the options, or the one `--load` names
/// with `--loss` and `--lr` applied (the only settings that may change mid-run);
/// and whether that switched a loaded run to BCE.
fn load_trainer(args: &TrainArgs) -> Result<(EdRun, bool), Failure> {
    let Some(path) = &args.load else {
        return Ok((EdRun::new(args.config.resolve()?), false));
    };
    let meta = std::fs::metadata(path)
        .or_else(|e| fail(format!("cannot read {}: {e}", path.display())))?;
    check_size(usize::try_from(meta.len()).unwrap_or(usize::MAX))
        .or_else(|e| fail(format!("{}: {e}", path.display())))?;
    // At most one byte past the limit, whatever the size said (a pipe has none).
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_MODEL_BYTES as u64 + 1).read_to_end(&mut bytes))
        .or_else(|e| fail(format!("cannot read {}: {e}", path.display())))?;
    let mut trainer = EdRun::from_file_bytes(&bytes, parse_number_native)
        .or_else(|e| fail(format!("{}: {e}", path.display())))?;
    // A model file holds the weights, not the reader's own points they were trained on.
    if trainer.config().task.own_classes().is_some() {
        return fail(format!(
            "{}: a model of the page's own points (task {}); the file does not hold the points, so train it on the page",
            path.display(),
            trainer.config().task
        ));
    }
    let mut changed = trainer.config().clone();
    if let Some(Value::Choice(name)) = args.config.given("loss") {
        changed.loss = Loss::from_name(name).expect("the option takes loss names only");
    }
    if let Some(&Value::Number(lr)) = args.config.given("lr") {
        changed.lr = lr;
    }
    changed.validate().or_else(|e| fail(e.to_string()))?;
    let to_bce = changed.loss == Loss::Bce && trainer.config().loss != Loss::Bce;
    trainer.set_loss(changed.loss);
    trainer
        .set_lr(changed.lr)
        .or_else(|e| fail(e.to_string()))?;
    Ok((trainer, to_bce))
}

pub fn run(args: TrainArgs) -> Result<(), Failure> {
    let (mut trainer, switched_to_bce) = load_trainer(&args)?;
    if let (Some(path), false) = (&args.load, args.json) {
        let loss = trainer
            .last_loss()
            .map_or("unknown".to_string(), |l| format!("{l:.8}"));
        out!(
            "loaded {}: epoch {}, loss {loss}",
            path.display(),
            trainer.epoch()
        );
    }
    if args.save.is_some() {
        // Refused before training, not after: the file could not hold the run.
        let end = trainer.epoch().saturating_add(args.epochs);
        check_integers(end, trainer.config().seed).or_else(|e| fail(format!("--save: {e}")))?;
    }
    let mut final_loss = trainer.last_loss();
    let mut converged_epoch = None;
    let mut freeze = FreezeWatch::new(trainer.networks());
    for _ in 0..args.epochs {
        let stats = trainer.run_epoch();
        freeze.after_epoch(trainer.epoch(), &stats, trainer.networks());
        if !args.json {
            out!("loss: {:.8}", stats.mean_loss);
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
            frozen_at: freeze.frozen().map(|f| f.since),
            train: test_scores.is_some().then_some(train_scores.into()),
            test: test_scores.map(Scores::from),
        };
        print_json(&summary);
    } else if let Some(test) = test_scores {
        // A 2-D task's hundreds of points make no table to read: its scores instead.
        let sizes = (data.len(), trainer.test_set().map_or(0, |d| d.len()));
        for (set, e, points) in [("train", train_scores, sizes.0), ("test", test, sizes.1)] {
            out!(
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
            out!(
                "{} -> {probs}, {}",
                bits(data.input(k)),
                bits(data.target(k))
            );
        }
    }
    if let (Some(frozen), false) = (freeze.frozen(), args.json) {
        out!("{}", frozen_line(frozen, switched_to_bce, trainer.config()));
    }
    if let Some(path) = &args.save {
        std::fs::write(path, trainer.to_json().or_else(|e| fail(e.to_string()))?)
            .or_else(|e| fail(format!("cannot write {}: {e}", path.display())))?;
    }
    Ok(())
}

/// What a frozen run's last line says: since when, what it looks like, why it
/// cannot come back, and what to try instead (docs/method.md section 5).
fn frozen_line(frozen: Frozen, switched_to_bce: bool, config: &Config) -> String {
    let outputs = match frozen.outputs {
        FrozenOutputs::Pinned => "every output pinned at 0 or 1",
        FrozenOutputs::Still => "its outputs no longer change",
    };
    let default_lr = Config::defaults_under(config.rule).lr;
    let why = if switched_to_bce {
        "BCE's error signal saturated the hidden units after the switch, \
         and ED never shrinks a weight; train it anew with --loss bce-with-logits"
            .to_string()
    } else if config.lr > default_lr {
        format!(
            "learning rate {} saturated its units, and ED never shrinks a weight; \
             train it anew with a smaller --lr (the default is {default_lr})",
            config.lr
        )
    } else {
        "its units saturated, and ED never shrinks a weight; \
         train it anew with --loss bce-with-logits or another --seed"
            .to_string()
    };
    format!(
        "frozen since epoch {}: {outputs}, the loss and the weights no longer move; {why}",
        frozen.since
    )
}
