//! Each task's pace (`Task::pace`, the speed a page opens it at) holds to the
//! epochs the seed's setting takes to solve it: three to five seconds or so of
//! watching at 60 frames a second, never a flash, never a minute.

use ed_playground::settings::Params;
use ed_playground::task::Task;
use ed_playground::train::session::Session;

const FRAMES_A_SECOND: f64 = 60.0;

#[test]
fn every_task_opens_at_a_pace_a_reader_can_watch() {
    for task in Task::built_in() {
        let config = Params::config_from_text(&[("task", task.name())]).unwrap();
        let mut session = Session::new(config);
        while session.solved_at().is_none() && session.epoch() < 5_000 {
            session.step(10);
        }
        let pace = task.pace();
        match session.solved_at() {
            Some(epoch) => {
                let seconds = epoch as f64 / pace / FRAMES_A_SECOND;
                // The Gaussians are solved in 2 epochs: at the slowest pace, a third of a second.
                let least = if epoch < 10 { 0.1 } else { 1.5 };
                assert!(
                    (least..=8.0).contains(&seconds),
                    "{task}: solved at epoch {epoch}, {seconds:.1} s at {pace} a frame"
                );
            }
            // Never solved: fast enough to see it fail to learn.
            None => assert!(pace >= 1.0, "{task}: unsolved, paced at {pace}"),
        }
    }
}

#[test]
fn a_link_without_a_speed_opens_at_its_tasks_pace_and_one_with_keeps_it() {
    let (p, _) = Params::from_pairs(
        [("task", "moons")],
        ed_playground::settings::params::parse_number_native,
    );
    assert_eq!(p.speed, Task::Moons.pace());
    let (p, _) = Params::from_pairs(
        [("task", "moons"), ("speed", "50")],
        ed_playground::settings::params::parse_number_native,
    );
    assert_eq!(p.speed, 50.0);
    assert_eq!(Params::default().speed, Task::Xor.pace());
}
