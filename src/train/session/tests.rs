//! The live session's tests: budgets, stages, switches, divergence.

use super::*;
use crate::train::Budget;
use crate::train::HISTORY_CAPACITY;

#[test]
fn history_stays_bounded_and_keeps_the_first_epoch() {
    let mut s = Session::new(Config::seed_defaults());
    for _ in 0..50 {
        s.step(1000);
    }
    let h = s.history();
    assert!(
        h.len() <= HISTORY_CAPACITY && h.len() > HISTORY_CAPACITY / 2,
        "{}",
        h.len()
    );
    assert_eq!(h.epochs()[0], 1.0);
    assert!(h.stride() >= 16);
    assert!(h
        .epochs()
        .windows(2)
        .all(|w| w[1] - w[0] == h.stride() as f64));
    assert_eq!(h.mean_abs().len(), h.len() * 3);
    assert!(h.losses().iter().all(|l| l.is_finite()));
    // XOR has no test set: its test column is there, and empty of values.
    assert_eq!(h.test_losses().len(), h.len());
    assert!(h.test_losses().iter().all(|l| l.is_nan()));
}

#[test]
fn a_2d_task_keeps_its_test_loss_through_halvings() {
    let circle = Config {
        task: crate::task::Task::Circle,
        lr: 0.1,
        ..Config::seed_defaults()
    };
    let mut s = Session::new(circle.clone());
    let mut kept = Vec::new();
    // Epochs 1, 101, 201, ..., 2201: past the capacity, so the history
    // halves once and keeps the odd epochs, these among them.
    for batch in [1].into_iter().chain([100; 22]) {
        s.step(batch);
        kept.push((s.run().epoch(), s.run_mut().test_loss().unwrap()));
    }
    let h = s.history();
    assert_eq!(h.stride(), 2);
    assert_eq!(h.test_losses().len(), h.len());
    assert!(h.test_losses().iter().all(|l| l.is_finite() && *l >= 0.0));
    // Every kept point holds the test loss of its own epoch.
    for (epoch, loss) in kept {
        let p = h.epochs().iter().position(|&e| e == epoch as f64);
        let p = p.unwrap_or_else(|| panic!("epoch {epoch} not kept"));
        assert_eq!(h.test_losses()[p], loss, "epoch {epoch}");
    }
    // The test loss is measured, not copied from the training loss.
    assert!(h.test_losses().iter().zip(h.losses()).any(|(a, b)| a != b));
    // Measuring it changes nothing in training.
    let mut plain = EdRun::new(circle);
    for _ in 0..s.run().epoch() {
        plain.run_epoch();
    }
    assert_eq!(weights(&plain), weights(s.run()));
}

#[test]
fn mean_abs_weight_never_falls() {
    let mut s = Session::new(Config::seed_defaults());
    s.step(500);
    let h = s.history();
    for l in 0..3 {
        let series: Vec<f64> = (0..h.len()).map(|p| h.mean_abs()[p * 3 + l]).collect();
        assert!(series.windows(2).all(|w| w[1] >= w[0]), "layer {l}");
    }
}

#[test]
fn switches_are_recorded_with_their_epoch() {
    let mut s = Session::new(Config::seed_defaults());
    s.step(10);
    s.set_loss(Loss::Bce);
    s.set_loss(Loss::Bce);
    s.step(5);
    assert_eq!(s.switches(), &[(0, Loss::Mse), (10, Loss::Bce)]);
    assert_eq!(s.history().kinds()[9], 0.0);
    assert_eq!(s.history().kinds()[10], 1.0);
}

/// Everything a session shows the page: each history column, the clocks,
/// the switches and both methods' weights, as bit patterns.
fn everything(s: &Session) -> Vec<u64> {
    let h = s.history();
    let columns = [
        h.epochs(),
        h.losses(),
        h.test_losses(),
        h.kinds(),
        h.mean_abs(),
        h.backprop_losses(),
        h.backprop_test_losses(),
    ];
    let mut all: Vec<u64> = columns
        .iter()
        .flat_map(|c| c.iter().map(|x| x.to_bits()))
        .collect();
    let bp = s.backprop().expect("racing");
    all.extend([s.solved_at(), bp.solved_at(), s.kaneko_stop()].map(|e| e.unwrap_or(u64::MAX)));
    all.extend(
        s.switches()
            .iter()
            .flat_map(|&(e, l)| [e, l.index() as u64]),
    );
    all.extend(weights(s.run()));
    for net in bp.run().networks() {
        all.extend(
            net.layers()
                .iter()
                .flat_map(|l| l.weights().iter().map(|w| w.to_bits())),
        );
    }
    all
}

#[test]
fn a_race_stopped_between_patterns_is_the_uninterrupted_race() {
    // Two gaussians: a test set (the history measures it) and solve
    // checks (a pass over the training set), both of which a budget can stop.
    let config = Config {
        task: crate::task::Task::Gaussians,
        ..Config::seed_defaults()
    };
    let racing = || {
        let mut s = Session::new(config.clone());
        s.add_backprop().unwrap();
        s
    };
    let mut whole = racing();
    whole.step(60);
    whole.set_loss(Loss::BceWithLogits);
    whole.step(40);
    assert_eq!(whole.solved_at(), Some(2), "the solve check ran");
    assert_eq!(whole.backprop().unwrap().solved_at(), Some(9));
    for slice in [1, 3, 50, 333] {
        let mut sliced = racing();
        let mut calls = 0;
        while sliced.epoch() < 100 {
            if sliced.epoch() == 60 && sliced.switches().len() == 1 {
                // Set during epoch 61 (or at its start): it waits for
                // the epoch's end unless nothing of it has run yet.
                sliced.set_loss(Loss::BceWithLogits);
            }
            let epoch = sliced.epoch();
            let limit = if epoch < 60 { 60 - epoch } else { 100 - epoch };
            sliced.train(limit as u32, &mut Budget::new(slice));
            calls += 1;
        }
        assert!(calls > 100, "{slice}: stopped {calls} times");
        assert_eq!(
            everything(&sliced),
            everything(&whole),
            "{slice} units a call"
        );
    }
}

#[test]
fn a_change_made_mid_epoch_waits_for_the_epochs_end() {
    let mut s = Session::new(Config::seed_defaults());
    s.step(3);
    s.train(1, &mut Budget::new(2));
    assert!(s.mid_epoch());
    assert_eq!(s.change_epoch(), 4);
    s.set_loss(Loss::Bce);
    s.set_lr(0.25).unwrap();
    assert_eq!(s.run().config().loss, Loss::Mse, "not during epoch 4");
    s.train(1, &mut Budget::unlimited());
    assert_eq!(s.run().epoch(), 4);
    // Due now, applied as epoch 5 begins.
    s.train(1, &mut Budget::new(1));
    assert_eq!(s.switches(), &[(0, Loss::Mse), (4, Loss::Bce)]);
    assert_eq!(s.run().config().lr, 0.25);
    // The same as a run switched between epochs 4 and 5.
    let mut plain = Session::new(Config::seed_defaults());
    plain.step(4);
    plain.set_loss(Loss::Bce);
    plain.set_lr(0.25).unwrap();
    plain.step(5);
    s.step(5);
    assert_eq!(s.run().epoch(), 9);
    assert_eq!(weights(s.run()), weights(plain.run()));
    assert_eq!(s.history().losses(), plain.history().losses());
}

#[test]
fn the_loss_is_that_of_the_epoch_the_session_ended() {
    // Moons: a test set, so the history's measurement follows ED's epoch
    // and a small budget stops between the two.
    let config = Config {
        task: crate::task::Task::Moons,
        ..Config::seed_defaults()
    };
    let mut whole = Session::new(config.clone());
    let losses: Vec<_> = (0..6).map(|_| whole.step(1)).collect();
    let mut sliced = Session::new(config);
    let mut seen_ahead = false;
    while sliced.epoch() < 6 {
        sliced.train(1, &mut Budget::new(7));
        seen_ahead |= sliced.run().epoch() > sliced.epoch();
        let e = sliced.epoch() as usize;
        let want = if e == 0 { None } else { losses[e - 1] };
        assert_eq!(sliced.last_loss(), want, "at epoch {e}");
    }
    assert!(seen_ahead, "stopped between ED's epoch and its measurement");
}

#[test]
fn the_epoch_waits_for_the_solve_check() {
    // XOR's loss falls under the solve bound long before every pattern is
    // right, so many epochs end with a check, which one unit at a time
    // cannot finish in the call that ends the epoch.
    let mut s = Session::new(Config::seed_defaults());
    let mut checked = false;
    while s.epoch() < 300 {
        let before = s.epoch();
        s.train(1, &mut Budget::new(1));
        assert!(s.epoch() <= before + 1);
        if s.mid_epoch() && s.run().epoch() > s.epoch() {
            checked = true;
        }
    }
    assert!(checked, "stopped within a solve check");
    let mut whole = Session::new(Config::seed_defaults());
    whole.step(300);
    assert_eq!(s.solved_at(), whole.solved_at());
    assert_eq!(s.last_loss(), whole.last_loss());
}

#[test]
fn a_model_saved_mid_epoch_holds_the_last_epoch_that_ended() {
    let mut s = Session::new(Config::seed_defaults());
    s.train(8, &mut Budget::new(30));
    assert!(s.mid_epoch());
    let ended = s.run().epoch();
    let mut reference = EdRun::new(Config::seed_defaults());
    for _ in 0..ended {
        reference.run_epoch();
    }
    assert_eq!(weights(&s.finished_run()), weights(&reference));
    assert_ne!(
        weights(s.run()),
        weights(&reference),
        "the live run is mid-epoch"
    );
}

fn weights(t: &EdRun) -> Vec<u64> {
    t.networks()[0]
        .layers()
        .iter()
        .flat_map(|l| l.weights().iter().map(|w| w.to_bits()))
        .collect()
}

#[test]
fn divergence_stops_with_the_last_finite_weights_under_every_loss() {
    // At lr 1e308 every loss turns infinite or NaN within an epoch (see
    // config::MAX_LR).
    for loss in Loss::ALL {
        let config = Config {
            loss,
            ..Config::seed_defaults()
        };
        let mut s = Session::new(config.clone());
        let loss_after_7 = s.step(7);
        assert!(loss_after_7.is_some_and(f64::is_finite));
        assert_eq!(loss_after_7, s.last_loss());
        s.set_lr(1e308).unwrap();
        s.step(20);
        let d = s.diverged().unwrap_or_else(|| panic!("{loss:?} diverges"));
        assert_eq!(d.epoch, 8, "{loss:?}");
        assert!(!d.loss.is_finite());
        // The run is left at the end of epoch 7, bit for bit, with nothing
        // non-finite recorded, and it stays stopped.
        let mut reference = EdRun::new(config);
        for _ in 0..7 {
            reference.run_epoch();
        }
        assert_eq!(s.run().epoch(), 7);
        assert_eq!(weights(s.run()), weights(&reference), "{loss:?}");
        assert_eq!(s.history().len(), 7);
        assert!(s.history().losses().iter().all(|l| l.is_finite()));
        assert_eq!(s.last_loss(), loss_after_7);
        assert_eq!(s.step(5), loss_after_7);
        assert_eq!(s.run().epoch(), 7);
    }
}

#[test]
fn kaneko_stop_is_the_first_epoch_that_meets_his_rule() {
    let config = Config::kaneko_defaults();
    let mut s = Session::new(config.clone());
    assert_eq!(s.kaneko_stop(), None);
    s.step(3000);
    let expected = crate::studies::kaneko::epochs_to_stop(config, 3000);
    assert!(expected.is_some());
    assert_eq!(s.kaneko_stop(), expected);
}

#[test]
fn a_refused_learning_rate_changes_nothing() {
    let mut s = Session::new(Config::seed_defaults());
    for bad in [0.0, -1.0, f64::NAN, f64::INFINITY, 1.1e308, f64::MAX] {
        assert_eq!(s.set_lr(bad).unwrap_err().field, "lr");
    }
    assert_eq!(s.run().config().lr, 0.5);
}

#[test]
fn a_solved_task_lost_by_a_switch_is_said_lost_and_keeps_its_first_solve() {
    // The page's own invitation: MSE until solved, then BCE, which freezes
    // the seed's rule with every output pinned (docs/method.md).
    let mut s = Session::new(Config::seed_defaults());
    s.step(178);
    let solved = s.solved_at().expect("XOR is solved by epoch 178");
    assert_eq!(s.lost_at(), None);
    s.set_loss(Loss::Bce);
    s.step(20);
    assert_eq!(s.solved_at(), Some(solved), "the race's finish stays");
    let lost = s.lost_at().expect("lost after the switch");
    assert!((179..=198).contains(&lost), "{lost}");
}

#[test]
fn a_healthy_run_never_loses_its_solve() {
    let mut s = Session::new(Config::seed_defaults());
    for _ in 0..40 {
        s.step(25);
        if s.solved_at().is_some() {
            assert_eq!(s.lost_at(), None, "epoch {}", s.epoch());
        }
    }
    assert!(s.solved_at().is_some());
}

mod own_points {
    use super::super::Session;
    use crate::settings::Config;
    use crate::task::own::OwnPoint;
    use crate::task::Task;

    fn xor() -> Vec<OwnPoint> {
        [
            (-800, -800, 0),
            (800, 800, 0),
            (-800, 800, 1),
            (800, -800, 1),
        ]
        .map(|(x, y, class)| OwnPoint { x, y, class })
        .to_vec()
    }

    fn config(task: Task) -> Config {
        Config {
            task,
            ..Config::seed_defaults()
        }
    }

    #[test]
    fn an_empty_set_trains_nothing_and_points_train_from_epoch_zero_as_a_fresh_run() {
        let mut session = Session::new(config(Task::Points));
        assert_eq!(session.step(5), None);
        assert_eq!(session.epoch(), 0);
        session.set_points(&xor()).unwrap();
        session.step(30);
        // The same as a run given the points before anything else.
        let mut fresh = Session::new(config(Task::Points));
        fresh.set_points(&xor()).unwrap();
        fresh.step(30);
        assert_eq!(session.epoch(), 30);
        assert_eq!(session.history().losses(), fresh.history().losses());
        assert_eq!(
            session.run().networks()[0].layers()[0].weights(),
            fresh.run().networks()[0].layers()[0].weights()
        );
    }

    #[test]
    fn points_added_while_training_keep_the_weights_and_the_epoch() {
        let mut session = Session::new(config(Task::Points));
        session.set_points(&xor()[..2]).unwrap();
        session.step(10);
        let weights = session.run().networks()[0].layers()[0].weights().to_vec();
        session.set_points(&xor()).unwrap();
        assert_eq!(session.epoch(), 10);
        assert_eq!(
            session.run().networks()[0].layers()[0].weights(),
            &weights[..]
        );
        assert_eq!(session.run().dataset().len(), 4);
        session.step(1);
        assert_eq!(session.epoch(), 11);
    }

    #[test]
    fn a_race_trains_backprop_on_the_same_points() {
        let mut session = Session::new(config(Task::Points3));
        let three: Vec<OwnPoint> = (0..3)
            .map(|c| OwnPoint {
                x: c * 500 - 500,
                y: 0,
                class: c as u8,
            })
            .collect();
        session.set_points(&three).unwrap();
        session.add_backprop().unwrap();
        assert_eq!(
            session.backprop().unwrap().run().dataset(),
            session.run().dataset()
        );
        assert_eq!(session.run().dataset().n_outputs, 3);
        session.set_points(&three[..2]).unwrap();
        assert_eq!(session.backprop().unwrap().run().dataset().len(), 2);
    }

    #[test]
    fn points_of_another_class_or_task_are_refused() {
        let mut two = Session::new(config(Task::Points));
        assert!(two
            .set_points(&[OwnPoint {
                x: 0,
                y: 0,
                class: 2
            }])
            .is_err());
        let mut moons = Session::new(config(Task::Moons));
        assert!(moons.set_points(&xor()).is_err());
    }
}
