//! Resolving and validating configurations.

use super::*;

#[test]
fn empty_input_is_the_seeds_setting() {
    assert_eq!(
        ConfigInput::default().resolve().unwrap(),
        Config::seed_defaults()
    );
}

#[test]
fn kaneko_rule_takes_his_defaults() {
    let c = ConfigInput {
        rule: Some("kaneko".into()),
        ..Default::default()
    }
    .resolve()
    .unwrap();
    assert_eq!(c, Config::kaneko_defaults());
}

#[test]
fn refusals_name_the_field() {
    let cases: Vec<(ConfigInput, &str)> = vec![
        (
            ConfigInput {
                loss: Some("hinge".into()),
                ..Default::default()
            },
            "loss",
        ),
        (
            ConfigInput {
                task: Some("<script>".into()),
                ..Default::default()
            },
            "task",
        ),
        (
            ConfigInput {
                rule: Some("backprop".into()),
                ..Default::default()
            },
            "rule",
        ),
        (
            ConfigInput {
                hidden: Some(vec![]),
                ..Default::default()
            },
            "hidden",
        ),
        (
            ConfigInput {
                hidden: Some(vec![8, 0]),
                ..Default::default()
            },
            "hidden",
        ),
        (
            ConfigInput {
                hidden: Some(vec![1000]),
                ..Default::default()
            },
            "hidden",
        ),
        (
            ConfigInput {
                hidden: Some(vec![2; 10_000]),
                ..Default::default()
            },
            "hidden",
        ),
        (
            ConfigInput {
                lr: Some(f64::NAN),
                ..Default::default()
            },
            "lr",
        ),
        (
            ConfigInput {
                lr: Some(-1.0),
                ..Default::default()
            },
            "lr",
        ),
        (
            ConfigInput {
                lr: Some(f64::INFINITY),
                ..Default::default()
            },
            "lr",
        ),
        (
            ConfigInput {
                u0: Some(0.0),
                ..Default::default()
            },
            "u0",
        ),
        (
            ConfigInput {
                task: Some("parity".into()),
                bits: Some(9),
                ..Default::default()
            },
            "bits",
        ),
        (
            ConfigInput {
                task: Some("xor".into()),
                bits: Some(3),
                ..Default::default()
            },
            "bits",
        ),
        (
            ConfigInput {
                task: Some("adder".into()),
                bits: Some(4),
                ..Default::default()
            },
            "bits",
        ),
    ];
    for (input, field) in cases {
        let err = input.resolve().expect_err(field);
        assert_eq!(err.field, field, "{err}");
    }
}

fn circle(edit: impl FnOnce(&mut ConfigInput)) -> Result<Config, ConfigError> {
    let mut input = ConfigInput {
        task: Some("circle".into()),
        ..Default::default()
    };
    edit(&mut input);
    input.resolve()
}

#[test]
fn the_defaults_are_the_tensorflow_playgrounds_split() {
    let c = circle(|_| {}).unwrap();
    assert_eq!(
        (c.points, c.noise, c.test_fraction, c.bits),
        (200, 0.1, 0.5, 2)
    );
    assert_eq!(c.sampling().seed, 42);
}

#[test]
fn bad_sampling_values_are_refused_by_name() {
    type Edit = fn(&mut ConfigInput);
    let cases: [(Edit, &str, &str); 10] = [
        (|i| i.noise = Some(-0.01), "noise", "from 0 to 0.5"),
        (|i| i.noise = Some(0.51), "noise", "from 0 to 0.5"),
        (|i| i.noise = Some(f64::NAN), "noise", "finite"),
        (|i| i.noise = Some(f64::INFINITY), "noise", "finite"),
        (|i| i.points = Some(19), "points", "20 to 1000, got 19"),
        (|i| i.points = Some(1001), "points", "20 to 1000, got 1001"),
        (|i| i.points = Some(0), "points", "got 0"),
        (
            |i| i.test_fraction = Some(0.0),
            "test_fraction",
            "0.1 to 0.9",
        ),
        (
            |i| i.test_fraction = Some(0.95),
            "test_fraction",
            "0.1 to 0.9",
        ),
        (
            |i| i.test_fraction = Some(f64::NAN),
            "test_fraction",
            "finite",
        ),
    ];
    for (edit, field, needle) in cases {
        let err = circle(edit).expect_err(field);
        assert_eq!(err.field, field, "{err}");
        assert!(err.message.contains(needle), "{err}");
    }
    // The limits themselves are allowed.
    for edit in [
        (|i: &mut ConfigInput| i.noise = Some(0.0)) as Edit,
        |i| i.noise = Some(0.5),
        |i| i.points = Some(20),
        |i| i.points = Some(1000),
        |i| i.test_fraction = Some(0.1),
        |i| i.test_fraction = Some(0.9),
    ] {
        circle(edit).unwrap();
    }
}

#[test]
fn an_unknown_task_lists_every_task() {
    let err = ConfigInput {
        task: Some("sudoku".into()),
        ..Default::default()
    }
    .resolve()
    .unwrap_err();
    for t in Task::ALL {
        assert!(err.message.contains(t.name()), "{err}");
    }
}

#[test]
fn every_task_name_resolves() {
    for t in Task::ALL {
        let c = ConfigInput {
            task: Some(t.name().into()),
            ..Default::default()
        }
        .resolve()
        .unwrap();
        assert_eq!(c.task, t);
    }
}

#[test]
fn fields_are_checked_against_their_schema_ranges() {
    for (field, inside, outside) in [
        ("lr", [1e-300, 1e308], [0.0, 1.1e308]),
        ("u0", [1e-9, 100.0], [0.0, 100.5]),
        ("u1", [0.0, 100.0], [-1e-9, 100.5]),
        ("noise", [0.0, 0.5], [-1e-9, 0.500001]),
        ("test_fraction", [0.1, 0.9], [0.0999, 0.9001]),
    ] {
        for v in inside {
            assert!(number_in(field, v).is_ok(), "{field} refuses {v}");
        }
        for v in outside.into_iter().chain([f64::NAN, f64::INFINITY]) {
            assert!(number_in(field, v).is_err(), "{field} accepts {v}");
        }
    }
}
