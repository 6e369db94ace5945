//! `ed race`: ED against backprop on one configuration, epoch by epoch, until
//! both have solved the task or the epochs run out.

use ed_playground::studies::kaneko::KANEKO_MAX_EPOCHS;
use ed_playground::studies::race::Race;
use ed_playground::train::{solved_rule, SOLVE_LOSS};
use ed_playground::EpochStats;

use crate::{print_json, ConfigArgs, Failure};

#[derive(clap::Args)]
pub struct RaceArgs {
    #[command(flatten)]
    config: ConfigArgs,
    /// Give up on a side that has not solved the task after this many epochs.
    #[arg(long, default_value_t = KANEKO_MAX_EPOCHS)]
    max_epochs: u64,
    /// Print only a JSON summary on the last line.
    #[arg(long)]
    json: bool,
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

pub fn run(args: RaceArgs) -> Result<(), Failure> {
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
    out!(
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
        out!("{name:<9} {solved}, final loss {loss}");
    }
    Ok(())
}
