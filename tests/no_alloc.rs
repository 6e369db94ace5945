//! Training and prediction allocate nothing once a EdRun is built: not an epoch,
//! not a loss switch, not a learning-rate change, not a prediction.

mod alloc_counter;
use alloc_counter::allocations_during;

use ed_playground::ed::Loss;
use ed_playground::settings::RuleName;
use ed_playground::task::Task;
use ed_playground::train::{Session, HISTORY_CAPACITY};
use ed_playground::{Config, EdRun};

fn config(rule: RuleName, loss: Loss, hidden: &[usize]) -> Config {
    let base = match rule {
        RuleName::Seed => Config::seed_defaults(),
        RuleName::Kaneko => Config::kaneko_defaults(),
    };
    Config {
        loss,
        hidden: hidden.to_vec(),
        ..base
    }
}

fn next_loss(loss: Loss) -> Loss {
    match loss {
        Loss::Mse => Loss::Bce,
        Loss::Bce => Loss::BceWithLogits,
        Loss::BceWithLogits => Loss::Mse,
    }
}

/// Warm-up epoch, then 100 epochs with loss switches and lr changes between
/// them, then predictions: none of it may allocate.
fn assert_no_allocations(config: Config) {
    let what = format!("{config:?}");
    let mut trainer = EdRun::new(config);
    let n_inputs = trainer.dataset().n_inputs;
    let inputs: Vec<Vec<f64>> = (0..trainer.dataset().len())
        .map(|k| trainer.dataset().input(k).to_vec())
        .collect();
    let mut out = vec![0.0; trainer.dataset().n_outputs];
    let odd_input = vec![0.37; n_inputs];
    let mut losses = [0.0f64; 100];
    trainer.run_epoch();

    let (count, ()) = allocations_during(|| {
        let mut loss = trainer.config().loss;
        for (e, slot) in losses.iter_mut().enumerate() {
            if e % 10 == 5 {
                loss = next_loss(loss);
                trainer.set_loss(loss);
            }
            if e % 25 == 12 {
                trainer.set_lr(0.3 + 0.1 * (e / 25) as f64).unwrap();
            }
            *slot = trainer.run_epoch().mean_loss;
        }
    });
    assert_eq!(count, 0, "{count} allocations in 100 epochs of {what}");
    assert!(losses.iter().all(|l| l.is_finite()), "{what}: {losses:?}");
    assert_eq!(trainer.epoch(), 101);

    let (count, ()) = allocations_during(|| {
        for _ in 0..10 {
            for input in &inputs {
                trainer.predict(input, &mut out);
            }
            trainer.predict(&odd_input, &mut out);
        }
    });
    assert_eq!(count, 0, "{count} allocations in predictions of {what}");

    // Scores, as the page may ask for them every frame.
    let (count, scores) = allocations_during(|| {
        let train = trainer.evaluate_train();
        let test = trainer.evaluate_test();
        (train, test, trainer.test_loss())
    });
    assert_eq!(count, 0, "{count} allocations in scores of {what}");
    assert!(scores.0.mean_loss.is_finite(), "{what}");
    assert_eq!(scores.1.is_some(), trainer.config().task.is_sampled());
    assert_eq!(scores.1.map(|e| e.mean_loss), scores.2, "{what}");
    assert!(
        out.iter().all(|p| (0.0..=1.0).contains(p)),
        "{what}: {out:?}"
    );

    // The buffer-reusing helpers: every pattern's output, and a checkpoint
    // restored into a trainer of the same shape.
    let mut table = vec![f64::NAN; trainer.dataset().len() * trainer.dataset().n_outputs];
    let mut checkpoint = trainer.clone();
    for _ in 0..3 {
        trainer.run_epoch();
    }
    let (count, ()) = allocations_during(|| {
        trainer.pattern_outputs_into(&mut table);
        checkpoint.copy_state_from(&trainer);
    });
    assert_eq!(
        count, 0,
        "{count} allocations in outputs/checkpoint of {what}"
    );
    assert_eq!(table, trainer.pattern_outputs(), "{what}");
    assert_eq!(checkpoint.epoch(), trainer.epoch(), "{what}");
    assert_eq!(
        checkpoint.to_json().unwrap(),
        trainer.to_json().unwrap(),
        "{what}"
    );
}

#[test]
fn epochs_and_predictions_allocate_nothing_8x8() {
    for rule in [RuleName::Seed, RuleName::Kaneko] {
        for loss in Loss::ALL {
            assert_no_allocations(config(rule, loss, &[8, 8]));
        }
    }
}

#[test]
fn epochs_and_predictions_allocate_nothing_64x64() {
    for rule in [RuleName::Seed, RuleName::Kaneko] {
        for loss in Loss::ALL {
            assert_no_allocations(config(rule, loss, &[64, 64]));
        }
    }
}

#[test]
fn two_d_tasks_and_the_adder_allocate_nothing() {
    for rule in [RuleName::Seed, RuleName::Kaneko] {
        for loss in Loss::ALL {
            for (task, shuffle) in [
                (Task::Circle, false),
                (Task::Spiral3, true),
                (Task::Adder, false),
            ] {
                assert_no_allocations(Config {
                    task,
                    shuffle,
                    ..config(rule, loss, &[8, 8])
                });
            }
        }
    }
}

#[test]
fn redrawing_a_decision_map_allocates_nothing() {
    use ed_playground::view::decision_map::DecisionMap;
    for task in [Task::Xor, Task::Moons, Task::Spiral3] {
        let mut trainer = EdRun::new(Config {
            task,
            ..Config::seed_defaults()
        });
        let mut map = DecisionMap::default();
        // The first drawing of each kind sizes the buffers.
        map.render(&mut trainer, 32);
        map.render_output(&mut trainer, 32, 0);
        let outputs = trainer.networks().len();
        let (count, ()) = allocations_during(|| {
            for _ in 0..3 {
                map.render(&mut trainer, 32);
                for output in 0..outputs {
                    map.render_output(&mut trainer, 32, output);
                }
                map.render(&mut trainer, 16);
            }
        });
        assert_eq!(count, 0, "{count} allocations redrawing the map of {task}");
    }
}

/// The page's progressive views run a slice every frame: once their buffers
/// are sized, neither a new pass (its snapshot copied in place), its slices, nor
/// its colouring, nor a heatmap's, allocates.
#[test]
fn progressive_passes_and_heatmaps_allocate_nothing() {
    use ed_playground::view::progressive::{MapPass, ScoresPass};
    use ed_playground::view::weights::paint_weights;
    for task in [Task::Xor, Task::Moons, Task::Spiral3] {
        let mut trainer = EdRun::new(Config {
            task,
            ..Config::seed_defaults()
        });
        let (mut map, mut rows) = (MapPass::default(), MapPass::default());
        let (mut scores, mut heat) = (ScoresPass::default(), Vec::new());
        let mut round = |trainer: &mut EdRun| {
            let loss = trainer.config().loss;
            map.start(trainer.networks(), loss, 24, 2);
            while map.busy() {
                map.work(7, |nets, input, out| {
                    for (net, o) in nets.iter_mut().zip(out) {
                        *o = net.predict(input);
                    }
                });
            }
            map.paint(|v| [(v[0] * 255.0) as u8; 3]);
            let data = trainer.dataset();
            rows.start_patterns(trainer.networks(), loss, data);
            while rows.busy() {
                rows.work(3, |nets, input, out| {
                    for (net, o) in nets.iter_mut().zip(out) {
                        *o = net.predict(input);
                    }
                });
            }
            scores.start(trainer);
            while scores.busy() {
                scores.work(5);
            }
            let weights = trainer.networks()[0].layers()[1].weights();
            paint_weights(weights, [255; 3], [0, 0, 255], [255, 0, 0], &mut heat);
            trainer.run_epoch();
        };
        // Size the buffers: a map's pass and the map shown swap theirs, so two rounds.
        round(&mut trainer);
        round(&mut trainer);
        let (count, ()) = allocations_during(|| {
            for _ in 0..3 {
                round(&mut trainer);
            }
        });
        assert_eq!(
            count, 0,
            "{count} allocations in the progressive passes of {task}"
        );
    }
}

#[test]
fn shuffled_epochs_and_parity_allocate_nothing() {
    for rule in [RuleName::Seed, RuleName::Kaneko] {
        for loss in Loss::ALL {
            assert_no_allocations(Config {
                shuffle: true,
                ..config(rule, loss, &[8, 8])
            });
            assert_no_allocations(Config {
                task: Task::Parity,
                bits: 4,
                shuffle: true,
                ..config(rule, loss, &[16, 5, 3])
            });
        }
    }
}

#[test]
fn a_long_session_allocates_nothing_through_its_history_halvings() {
    // The page's loop: a session racing backprop on a 2-D task (test losses in
    // the history too), stepped in batches, past several halvings of its history.
    let mut session = Session::new(Config {
        task: Task::Moons,
        ..Config::seed_defaults()
    });
    session.add_backprop().unwrap();
    session.step(1);
    let mut count = 0;
    for half in 0..2 {
        count += allocations_during(|| {
            for _ in 0..50 {
                session.step(97);
            }
        })
        .0;
        if half == 0 {
            // A reader's action, outside the measure: the switch is recorded in a list.
            session.set_loss(Loss::Bce);
            session.set_lr(0.3).unwrap();
        }
    }
    let history = session.history();
    assert_eq!(count, 0, "{count} allocations in 9,700 epochs");
    assert_eq!(session.run().epoch(), 9_701);
    // 9,701 epochs through a 2,048-point history: halved three times.
    assert_eq!(history.stride(), 8);
    assert!(history.len() <= HISTORY_CAPACITY && history.len() > HISTORY_CAPACITY / 2);
    assert!(history.backprop_losses().iter().all(|l| l.is_finite()));
    assert!(history.test_losses().iter().all(|l| l.is_finite()));
}
