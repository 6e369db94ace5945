use ed_playground::ed::Loss;
use ed_playground::{Config, Trainer};
#[test]
fn explore() {
    let mut t = Trainer::new(Config { loss: Loss::Mse, ..Config::seed_defaults() });
    for _ in 0..200 { t.run_epoch(); }
    println!("before {:?}", t.pattern_outputs());
    t.set_loss(Loss::Bce);
    for e in 0..12 {
        let s = t.run_epoch();
        let h: Vec<String> = t.networks()[0].layers().iter().map(|l| format!("{:.2}", l.mean_abs_weight())).collect();
        println!("{e}: loss {:.4} out {:?} mean|w| {:?}", s.mean_loss, t.pattern_outputs().iter().map(|p| format!("{p:.4}")).collect::<Vec<_>>(), h);
    }
}
