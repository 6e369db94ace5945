//! Backprop training, prediction, scoring and racing allocate nothing once
//! built: not an epoch, not a loss switch, not a learning-rate change, not a
//! prediction, not a score.

mod alloc_counter;
use alloc_counter::allocations_during;

use ed_playground::ed::Loss;
use ed_playground::studies::race::Race;
use ed_playground::task::Task;
use ed_playground::train::BackpropRun;
use ed_playground::Config;

fn configs() -> Vec<Config> {
    let mut all = Vec::new();
    for loss in Loss::ALL {
        for base in [Config::seed_defaults(), Config::kaneko_defaults()] {
            all.push(Config {
                loss,
                ..base.clone()
            });
            all.push(Config {
                loss,
                hidden: vec![64, 64],
                ..base.clone()
            });
            for (task, shuffle) in [(Task::Circle, false), (Task::Spiral3, true)] {
                all.push(Config {
                    loss,
                    task,
                    shuffle,
                    ..base.clone()
                });
            }
            all.push(Config {
                loss,
                task: Task::Parity,
                bits: 4,
                shuffle: true,
                hidden: vec![16, 5, 3],
                ..base
            });
        }
    }
    all
}

fn next_loss(loss: Loss) -> Loss {
    Loss::ALL[(loss.index() + 1) % Loss::ALL.len()]
}

#[test]
fn backprop_epochs_and_predictions_allocate_nothing() {
    for config in configs() {
        let what = format!("{config:?}");
        let mut bp = BackpropRun::new(config);
        let data = bp.dataset().clone();
        let mut out = vec![0.0; data.n_outputs];
        let mut table = vec![f64::NAN; data.len() * data.n_outputs];
        let odd_input = vec![0.37; data.n_inputs];
        let mut scores = (bp.evaluate_train(), None, None);
        let mut losses = [0.0f64; 100];
        bp.run_epoch();
        let mut checkpoint = bp.clone();

        let (count, ()) = allocations_during(|| {
            let mut loss = bp.config().loss;
            for (e, slot) in losses.iter_mut().enumerate() {
                if e % 10 == 5 {
                    loss = next_loss(loss);
                    bp.set_loss(loss);
                }
                if e % 25 == 12 {
                    bp.set_lr(0.05 + 0.05 * (e / 25) as f64).unwrap();
                }
                *slot = bp.run_epoch().mean_loss;
            }
            for k in 0..data.len() {
                bp.predict(data.input(k), &mut out);
            }
            bp.predict(&odd_input, &mut out);
            bp.pattern_outputs_into(&mut table);
            scores = (bp.evaluate_train(), bp.evaluate_test(), bp.test_loss());
            checkpoint.copy_state_from(&bp);
        });
        assert_eq!(count, 0, "{count} allocations in {what}");
        assert!(scores.0.mean_loss.is_finite(), "{what}");
        assert_eq!(scores.1.is_some(), bp.config().task.is_sampled(), "{what}");
        assert_eq!(scores.1.map(|e| e.mean_loss), scores.2, "{what}");
        assert_eq!(checkpoint.epoch(), bp.epoch(), "{what}");
        assert!(losses.iter().all(|l| l.is_finite()), "{what}: {losses:?}");
        assert_eq!(bp.epoch(), 101);
        assert_eq!(table, bp.pattern_outputs(), "{what}");
    }
}

#[test]
fn race_epochs_allocate_nothing() {
    let mut both_solved = 0;
    for config in configs() {
        let what = format!("{config:?}");
        let mut race = Race::new(config);
        race.run_epoch();
        let (count, ()) = allocations_during(|| {
            for _ in 0..600 {
                race.run_epoch();
            }
            race.set_loss(Loss::Bce);
            race.set_lr(0.3).unwrap();
            race.run_epoch();
        });
        assert_eq!(count, 0, "{count} allocations in {what}");
        assert_eq!(race.epoch(), 602);
        if race.ed().solved_at() > Some(1) && race.backprop().solved_at() > Some(1) {
            both_solved += 1;
        }
    }
    // The solved checks, which read every pattern's output, ran inside the
    // measured sections of these races.
    assert!(both_solved >= 3, "{both_solved} races solved on both sides");
}

#[test]
fn a_fresh_trainer_does_allocate() {
    // The measured sections above would see a construction: this one is counted.
    let (count, bp) = allocations_during(|| BackpropRun::new(Config::seed_defaults()));
    assert!(count > 0);
    assert_eq!(bp.epoch(), 0);
}
