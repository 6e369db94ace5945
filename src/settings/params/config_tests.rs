//! Resolving and validating configurations.

use super::*;

fn from_text(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
    Params::config_from_text(pairs)
}

#[test]
fn nothing_given_is_the_seeds_setting() {
    assert_eq!(from_text(&[]).unwrap(), Config::seed_defaults());
}

#[test]
fn kaneko_rule_takes_his_defaults() {
    assert_eq!(
        from_text(&[("rule", "kaneko")]).unwrap(),
        Config::kaneko_defaults()
    );
    let c = from_text(&[("lr", "0.3"), ("rule", "kaneko")]).unwrap();
    assert_eq!((c.lr, c.u0), (0.3, Config::kaneko_defaults().u0));
}

#[test]
fn refusals_name_the_field() {
    let cases: [(&[(&str, &str)], &str); 15] = [
        (&[("loss", "hinge")], "loss"),
        (&[("task", "<script>")], "task"),
        (&[("rule", "backprop")], "rule"),
        (&[("hidden", "")], "hidden"),
        (&[("hidden", "8,0")], "hidden"),
        (&[("hidden", "1000")], "hidden"),
        (&[("hidden", "2,2,2,2,2")], "hidden"),
        (&[("lr", "NaN")], "lr"),
        (&[("lr", "-1")], "lr"),
        (&[("lr", "inf")], "lr"),
        (&[("u0", "0")], "u0"),
        (&[("task", "parity"), ("bits", "9")], "bits"),
        (&[("task", "xor"), ("bits", "3")], "bits"),
        (&[("task", "adder"), ("bits", "4")], "bits"),
        (&[("speed", "3")], "config"),
    ];
    for (pairs, field) in cases {
        let err = from_text(pairs).expect_err(field);
        assert_eq!(err.field, field, "{err}");
    }
}

#[test]
fn parity_has_three_bits_unless_told() {
    assert_eq!(from_text(&[("task", "parity")]).unwrap().bits, 3);
    assert_eq!(
        from_text(&[("task", "parity"), ("bits", "5")])
            .unwrap()
            .bits,
        5
    );
    assert_eq!(from_text(&[("task", "moons")]).unwrap().bits, 2);
}

fn circle() -> Config {
    from_text(&[("task", "circle")]).unwrap()
}

#[test]
fn the_defaults_are_the_tensorflow_playgrounds_split() {
    let c = circle();
    assert_eq!(
        (c.points, c.noise, c.test_fraction, c.bits),
        (200, 0.1, 0.5, 2)
    );
    assert_eq!(c.sampling().seed, 42);
}

#[test]
fn bad_values_are_refused_by_name_however_they_arrive() {
    // Validation is the last word for a hand-built value or a file's, which
    // never went through the text parser.
    type Edit = fn(&mut Config);
    let cases: [(Edit, &str, &str); 15] = [
        (|c| c.noise = -0.01, "noise", "from 0 to 0.5"),
        (|c| c.noise = 0.51, "noise", "from 0 to 0.5"),
        (|c| c.noise = f64::NAN, "noise", "finite"),
        (|c| c.noise = f64::INFINITY, "noise", "finite"),
        (|c| c.points = 19, "points", "20 to 1000, got 19"),
        (|c| c.points = 1001, "points", "20 to 1000, got 1001"),
        (|c| c.points = 0, "points", "got 0"),
        (|c| c.test_fraction = 0.0, "test_fraction", "0.1 to 0.9"),
        (|c| c.test_fraction = 0.95, "test_fraction", "0.1 to 0.9"),
        (|c| c.test_fraction = f64::NAN, "test_fraction", "finite"),
        (|c| c.lr = f64::NAN, "lr", "finite"),
        (|c| c.hidden = vec![], "hidden", "1 to 4"),
        (|c| c.hidden = vec![2; 10_000], "hidden", "1 to 4"),
        (|c| c.hidden = vec![8, 0], "hidden", "1 to 256"),
        (|c| c.beta = Some(-1.0), "beta", "from 0 to 100"),
    ];
    for (edit, field, needle) in cases {
        let mut c = circle();
        edit(&mut c);
        let err = c.validate().expect_err(field);
        assert_eq!(err.field, field, "{err}");
        assert!(err.message.contains(needle), "{err}");
    }
    // The limits themselves are allowed.
    for edit in [
        (|c: &mut Config| c.noise = 0.0) as Edit,
        |c| c.noise = 0.5,
        |c| c.points = 20,
        |c| c.points = 1000,
        |c| c.test_fraction = 0.1,
        |c| c.test_fraction = 0.9,
    ] {
        let mut c = circle();
        edit(&mut c);
        c.validate().unwrap();
    }
}

#[test]
fn an_unknown_task_lists_every_task() {
    let err = from_text(&[("task", "sudoku")]).unwrap_err();
    for t in Task::ALL {
        assert!(err.message.contains(t.name()), "{err}");
    }
}

#[test]
fn every_task_name_resolves() {
    for t in Task::ALL {
        assert_eq!(from_text(&[("task", t.name())]).unwrap().task, t);
    }
}
