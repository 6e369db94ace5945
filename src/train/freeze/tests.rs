//! The freeze watch on the two frozen runs the page met, and on made-up figures.

use super::*;
use crate::ed::{Loss, Network};
use crate::settings::Config;
use crate::train::solve::SOLVE_LOSS;
use crate::train::Session;

fn stats(mean_loss: f64, abs_error: f64, max_uncertainty: f64) -> EpochStats {
    EpochStats {
        mean_loss,
        abs_error,
        max_uncertainty,
    }
}

/// XOR, MSE, hidden 8,8, rate 0.5, seed 42 (the seed's defaults), switched to
/// BCE after 178 epochs: the run.
fn switched_to_bce() -> Session {
    let mut s = Session::new(Config::seed_defaults());
    s.step(178);
    s.set_loss(Loss::Bce);
    s
}

#[test]
fn a_switch_to_bce_freezes_within_a_few_dozen_epochs() {
    let mut s = switched_to_bce();
    let mut found = None;
    for _ in 0..60 {
        s.step(1);
        if let Some(f) = s.frozen() {
            found = Some((s.epoch(), f));
            break;
        }
    }
    let (seen, frozen) = found.expect("frozen within 60 epochs of the switch");
    assert_eq!(frozen.outputs, FrozenOutputs::Pinned);
    // The loss jumps at the switch and settles a couple of epochs later.
    assert!((179..=183).contains(&frozen.since), "{frozen:?}");
    assert_eq!(seen, frozen.since + FREEZE_WINDOW - 1);
    assert_eq!(s.freeze_cause(), Some(FreezeCause::SwitchToBce));
    assert!(s
        .run_mut()
        .pattern_outputs()
        .iter()
        .all(|&p| p > 1.0 - PIN_MARGIN));
    // It stays frozen, and switching back to MSE does not help: frozen anew,
    // still for the switch to BCE.
    s.step(100);
    assert_eq!(s.frozen_at(), Some(frozen.since));
    s.set_loss(Loss::Mse);
    s.step(1);
    assert_eq!(s.frozen(), None, "the loss moved at the switch back");
    s.step(FREEZE_WINDOW as u32);
    assert!(s.frozen_at().is_some_and(|e| e > frozen.since + 100));
    assert_eq!(s.freeze_cause(), Some(FreezeCause::SwitchToBce));
}

#[test]
fn a_huge_learning_rate_freezes_from_the_start() {
    let mut s = Session::new(Config {
        lr: 100.0,
        ..Config::seed_defaults()
    });
    s.step(60);
    let frozen = s.frozen().expect("frozen within 60 epochs");
    assert_eq!(frozen.outputs, FrozenOutputs::Pinned);
    assert!(frozen.since + FREEZE_WINDOW <= 60, "{frozen:?}");
    assert_eq!(s.freeze_cause(), Some(FreezeCause::Saturated));
    // Lowering the rate does not bring it back.
    s.set_lr(0.5).unwrap();
    s.step(200);
    assert_eq!(s.frozen_at(), Some(frozen.since));
}

#[test]
fn the_default_run_never_freezes() {
    let mut s = Session::new(Config::seed_defaults());
    for _ in 0..2000 {
        s.step(1);
        assert_eq!(s.frozen(), None, "epoch {}", s.epoch());
    }
}

/// XOR's networks, untrained, and the same after an epoch (every weight grown).
fn networks() -> (Vec<Network>, Vec<Network>) {
    let mut run = crate::EdRun::new(Config::seed_defaults());
    let before = run.networks().to_vec();
    run.run_epoch();
    (before, run.networks().to_vec())
}

#[test]
fn a_run_that_moves_again_is_no_longer_frozen() {
    let (nets, _) = networks();
    let mut watch = FreezeWatch::new(&nets);
    for epoch in 1..=FREEZE_WINDOW {
        assert_eq!(watch.frozen(), None);
        watch.after_epoch(epoch, &stats(9.700849, 2.0, 1e-15), &nets);
    }
    let pinned = Frozen {
        since: 1,
        outputs: FrozenOutputs::Pinned,
    };
    assert_eq!(watch.frozen(), Some(pinned));
    // A loss that wanders within the tolerance is still frozen.
    let wandered = 9.700849 * (1.0 + 0.5 * LOSS_TOLERANCE);
    watch.after_epoch(21, &stats(wandered, 2.0, 1e-15), &nets);
    assert_eq!(watch.frozen(), Some(pinned));
    watch.after_epoch(22, &stats(9.5, 2.0, 1e-15), &nets);
    assert_eq!(watch.frozen(), None);
}

#[test]
fn a_flat_loss_over_growing_weights_is_no_freeze() {
    let (before, after) = networks();
    let mut watch = FreezeWatch::new(&before);
    for epoch in 1..=3 * FREEZE_WINDOW {
        let nets = if epoch % 2 == 0 { &after } else { &before };
        // Growing every other epoch (going back is only for the test: ED cannot).
        watch.after_epoch(epoch, &stats(0.5, 2.0, 1e-15), nets);
        assert_eq!(watch.frozen(), None, "epoch {epoch}");
    }
}

#[test]
fn a_fit_is_no_freeze() {
    let (nets, _) = networks();
    let mut watch = FreezeWatch::new(&nets);
    for epoch in 1..=100 {
        watch.after_epoch(epoch, &stats(SOLVE_LOSS * 0.99, 4e-4, 1e-4), &nets);
    }
    assert_eq!(watch.frozen(), None);
}

#[test]
fn outputs_that_stop_changing_freeze_without_being_pinned() {
    let (nets, _) = networks();
    let mut watch = FreezeWatch::new(&nets);
    for epoch in 1..=FREEZE_WINDOW {
        watch.after_epoch(epoch, &stats(0.25, 2.0, 0.5), &nets);
    }
    assert_eq!(
        watch.frozen(),
        Some(Frozen {
            since: 1,
            outputs: FrozenOutputs::Still
        })
    );
    // A loss that moves, however slowly, is not still.
    let mut watch = FreezeWatch::new(&nets);
    for epoch in 1..=100 {
        let loss = 0.25 * (1.0 - LOSS_TOLERANCE * epoch as f64 / 10.0);
        watch.after_epoch(epoch, &stats(loss, 2.0, 0.5), &nets);
    }
    assert_eq!(watch.frozen(), None);
}
