//! Views computed a slice at a time, so that one call costs a bounded amount
//! however large the networks are: a decision map (or one unit's map) and the
//! scores (loss and accuracy on the training and test sets). Each pass works on
//! a snapshot of the weights taken when it starts, and its result replaces the
//! one shown only once its last pixel or pattern is in: what the page draws is
//! always whole and of one moment, at most one pass old.
//!
//! Work is counted in units, one unit being one pixel or pattern through one
//! sub-network (a forward pass), and a snapshot as one unit per network copied
//! (a copy reads the weights once, as a forward pass does). The page learns how
//! many units a millisecond buys and gives each call its share of a frame.

use super::decision_map::MAX_MAP_SIZE;
use crate::ed::Loss;
use crate::task::{Dataset, Scoring};
use crate::train::{evaluate, Run, SubNetwork};

/// A copy of some networks' weights at one moment.
#[derive(Clone, Debug)]
pub struct Snapshot<N> {
    networks: Vec<N>,
}

impl<N> Default for Snapshot<N> {
    fn default() -> Snapshot<N> {
        Snapshot {
            networks: Vec::new(),
        }
    }
}

impl<N: SubNetwork> Snapshot<N> {
    /// Copies the weights of `live` (networks of one shape, as a run's are),
    /// under `loss`; allocates only when the number of networks changes.
    /// Returns the units spent.
    pub fn take(&mut self, live: &[N], loss: Loss) -> u64 {
        if self.networks.len() == live.len() {
            for (mine, theirs) in self.networks.iter_mut().zip(live) {
                mine.copy_weights_from(theirs);
                mine.set_loss(loss);
            }
        } else {
            self.networks = live.to_vec();
        }
        live.len() as u64
    }

    pub fn networks_mut(&mut self) -> &mut [N] {
        &mut self.networks
    }
}

/// A map of `size` x `size` pixels over the input square (as
/// [`super::decision_map::DecisionMap::render`] lays it out), or a list of
/// patterns' inputs (a truth table's rows), holding at each point one value per
/// network of its snapshot, computed a slice at a time.
#[derive(Clone, Debug)]
pub struct MapPass<N> {
    snapshot: Snapshot<N>,
    /// Side of the map; 0 for a list of patterns.
    size: usize,
    /// The patterns' inputs, pattern-major, when the points are patterns.
    patterns: Vec<f64>,
    inputs: usize,
    /// Points of the pass under way, and how many are computed: none is under
    /// way when they are all.
    count: usize,
    done: usize,
    values: Vec<f64>,
    input: Vec<f64>,
    shown: Vec<f64>,
    shown_size: usize,
    pixels: Vec<u8>,
}

impl<N> Default for MapPass<N> {
    fn default() -> MapPass<N> {
        MapPass {
            snapshot: Snapshot::default(),
            size: 0,
            patterns: Vec::new(),
            inputs: 0,
            count: 0,
            done: 0,
            values: Vec::new(),
            input: Vec::new(),
            shown: Vec::new(),
            shown_size: 0,
            pixels: Vec::new(),
        }
    }
}

impl<N: SubNetwork> MapPass<N> {
    /// Starts a map of `live`'s weights now, `size` pixels a side (2 to
    /// [`MAX_MAP_SIZE`]), for a task of `inputs` inputs (beyond two held at 0);
    /// the pass under way, if any, is dropped. Returns the units spent.
    pub fn start(&mut self, live: &[N], loss: Loss, size: usize, inputs: usize) -> u64 {
        self.size = size.clamp(2, MAX_MAP_SIZE);
        self.inputs = inputs;
        self.count = self.size * self.size;
        self.begin(live, loss)
    }

    /// Starts the values of `live`'s weights at the inputs of `data`'s
    /// patterns, in their order, as [`crate::train::Run::pattern_outputs_into`]
    /// gives them with `predict`. Returns the units spent.
    pub fn start_patterns(&mut self, live: &[N], loss: Loss, data: &Dataset) -> u64 {
        self.size = 0;
        self.inputs = data.n_inputs;
        self.count = data.len();
        self.patterns.clear();
        for k in 0..data.len() {
            self.patterns.extend_from_slice(data.input(k));
        }
        self.begin(live, loss)
    }

    fn begin(&mut self, live: &[N], loss: Loss) -> u64 {
        self.done = 0;
        self.values.clear();
        self.snapshot.take(live, loss)
    }

    /// Whether a pass is under way.
    pub fn busy(&self) -> bool {
        self.done < self.count
    }

    /// Goes on with the pass under way for about `units` units, at least one
    /// point; `value_at(networks, input, out)` fills a point's values, one per
    /// network. When the last point is in, the pass becomes the one shown.
    /// Returns the units spent.
    pub fn work(
        &mut self,
        units: u64,
        mut value_at: impl FnMut(&mut [N], &[f64], &mut [f64]),
    ) -> u64 {
        let per_point = self.snapshot.networks.len();
        let last = self.size.saturating_sub(1) as f64;
        self.input.clear();
        self.input.resize(self.inputs.max(1), 0.0);
        self.values.resize(self.count * per_point, 0.0);
        let mut spent = 0;
        while self.busy() && (spent == 0 || spent < units) {
            // A grid's pixel (row by row), or the next pattern when there is no grid.
            let input = if let Some(row) = self.done.checked_div(self.size) {
                let col = self.done - row * self.size;
                self.input[0] = col as f64 / last;
                if self.inputs > 1 {
                    self.input[1] = 1.0 - row as f64 / last;
                }
                &self.input[..]
            } else {
                &self.patterns[self.done * self.inputs..(self.done + 1) * self.inputs]
            };
            let out = &mut self.values[self.done * per_point..(self.done + 1) * per_point];
            value_at(self.snapshot.networks_mut(), input, out);
            self.done += 1;
            spent += per_point as u64;
        }
        if spent > 0 && !self.busy() {
            std::mem::swap(&mut self.shown, &mut self.values);
            self.shown_size = self.size;
        }
        spent
    }

    /// The values of the last pass that ended, point-major (empty before the first).
    pub fn shown_values(&self) -> &[f64] {
        &self.shown
    }

    /// Side of the map shown; 0 before the first pass has ended, and for patterns.
    pub fn shown_size(&self) -> usize {
        self.shown_size
    }

    /// RGBA of the map shown (empty before the first pass has ended), each
    /// pixel coloured from its values by `colour_of`.
    pub fn paint(&mut self, colour_of: impl Fn(&[f64]) -> [u8; 3]) -> &[u8] {
        let pixels = self.shown_size * self.shown_size;
        self.pixels.resize(pixels * 4, 255);
        if let Some(per_pixel) = self.shown.len().checked_div(pixels) {
            for (px, values) in self
                .pixels
                .chunks_exact_mut(4)
                .zip(self.shown.chunks_exact(per_pixel))
            {
                px[..3].copy_from_slice(&colour_of(values));
            }
        }
        &self.pixels
    }
}

/// Loss and accuracy on the training set and the test set, as
/// [`crate::train::Run::evaluate_train`] and `evaluate_test` give them, one
/// pattern at a time.
#[derive(Clone, Debug)]
pub struct ScoresPass<N> {
    snapshot: Snapshot<N>,
    /// The training patterns, then the test patterns, each a set of one.
    patterns: Vec<Dataset>,
    train: usize,
    /// The run's sets these patterns are copies of ([`Run::data_version`]).
    version: Option<u64>,
    loss: Loss,
    scoring: Scoring,
    /// Patterns scored in the pass under way; none is under way when it is all of them.
    done: usize,
    /// Loss sums and right answers: training set, test set.
    sums: [(f64, f64); 2],
    shown: [f64; 4],
}

impl<N> Default for ScoresPass<N> {
    fn default() -> ScoresPass<N> {
        ScoresPass {
            snapshot: Snapshot::default(),
            patterns: Vec::new(),
            train: 0,
            version: None,
            loss: Loss::Mse, // until the first start
            scoring: Scoring::EveryOutput,
            done: 0,
            sums: [(0.0, 0.0); 2],
            shown: [f64::NAN; 4],
        }
    }
}

/// Each pattern of `data` as a set of its own.
fn one_by_one(data: &Dataset, into: &mut Vec<Dataset>) {
    for k in 0..data.len() {
        let mut one = Dataset::with_capacity(data.n_inputs, data.n_outputs, 1);
        one.push(data.input(k), data.target(k));
        into.push(one);
    }
}

impl<N: SubNetwork> ScoresPass<N> {
    /// Starts scoring `run`'s current weights; the pass under way, if any, is
    /// dropped. The patterns are copied at the first start, and again only
    /// when the run's sets change (the reader's own points). Returns the units spent.
    pub fn start(&mut self, run: &Run<N>) -> u64 {
        if self.version != Some(run.data_version()) {
            self.version = Some(run.data_version());
            self.patterns.clear();
            one_by_one(run.dataset(), &mut self.patterns);
            self.train = self.patterns.len();
            if let Some(test) = run.test_set() {
                one_by_one(test, &mut self.patterns);
            }
        }
        self.loss = run.config().loss;
        self.scoring = run.config().task.scoring();
        self.done = 0;
        self.sums = [(0.0, 0.0); 2];
        self.snapshot.take(run.networks(), self.loss)
    }

    pub fn busy(&self) -> bool {
        self.done < self.patterns.len()
    }

    /// Goes on with the pass under way for about `units` units, at least one
    /// pattern. When the last is in, its scores become the ones shown. Returns
    /// the units spent.
    pub fn work(&mut self, units: u64) -> u64 {
        let per_pattern = self.snapshot.networks.len() as u64;
        let mut spent = 0;
        while self.busy() && (spent == 0 || spent < units) {
            // A set of one: its mean is the pattern's own loss, its accuracy 0 or 1,
            // and summing them in order gives `evaluate`'s sums bit for bit.
            let e = evaluate(
                self.snapshot.networks_mut(),
                &self.patterns[self.done],
                self.loss,
                self.scoring,
            );
            let sums = &mut self.sums[usize::from(self.done >= self.train)];
            sums.0 += e.mean_loss;
            sums.1 += e.accuracy;
            self.done += 1;
            spent += per_pattern;
        }
        if spent > 0 && !self.busy() {
            let test = self.patterns.len() - self.train;
            let mean = |(loss, right): (f64, f64), n: usize| {
                if n == 0 {
                    [f64::NAN; 2]
                } else {
                    [loss / n as f64, right / n as f64]
                }
            };
            let [a, b] = mean(self.sums[0], self.train);
            let [c, d] = mean(self.sums[1], test);
            self.shown = [a, b, c, d];
        }
        spent
    }

    /// `[train loss, train accuracy, test loss, test accuracy]` of the last pass
    /// that ended; NaN before the first, and for the test set of a task without one.
    pub fn shown(&self) -> [f64; 4] {
        self.shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::config::Config;
    use crate::task::Task;
    use crate::train::evaluation::most_probable;
    use crate::train::EdRun;
    use crate::view::decision_map::{class_colour, colour, DecisionMap};

    fn trained(task: Task, epochs: usize) -> EdRun {
        let mut run = EdRun::new(Config {
            task,
            ..Config::kaneko_defaults()
        });
        for _ in 0..epochs {
            run.run_epoch();
        }
        run
    }

    fn predict_all<N: SubNetwork>(networks: &mut [N], input: &[f64], out: &mut [f64]) {
        for (net, o) in networks.iter_mut().zip(out) {
            *o = net.predict(input);
        }
    }

    fn classes(values: &[f64]) -> [u8; 3] {
        let (class, p) = most_probable(values);
        class_colour(class, p)
    }

    /// Starts a pass of `run`'s weights and finishes it one unit a call, training
    /// `run` an epoch between calls: the map must still be of the weights at the start.
    fn map_while_training(run: &mut EdRun, size: usize) -> (MapPass<crate::ed::Network>, u64) {
        let mut pass = MapPass::default();
        let mut spent = pass.start(run.networks(), run.config().loss, size, 2);
        while pass.busy() {
            assert_eq!(
                pass.shown_size(),
                0,
                "nothing is shown before the first pass ends"
            );
            spent += pass.work(1, predict_all);
            run.run_epoch();
        }
        (pass, spent)
    }

    #[test]
    fn a_map_made_a_pixel_at_a_time_is_the_whole_map_of_the_weights_it_started_from() {
        let mut run = trained(Task::Spiral3, 10);
        let before = run.clone();
        let (mut pass, spent) = map_while_training(&mut run, 9);
        // One unit per network copied, then one per pixel and network.
        assert_eq!(spent, 3 + 9 * 9 * 3);
        let mut whole = DecisionMap::default();
        let mut start = before.clone();
        assert_eq!(pass.paint(classes), whole.render(&mut start, 9));
        for output in 0..3 {
            let mut start = before.clone();
            let one = whole.render_output(&mut start, 9, output).to_vec();
            assert_eq!(
                pass.paint(|v| colour(v[output])),
                &one[..],
                "output {output}"
            );
        }
        // The run trained meanwhile, so its own map now differs.
        assert_ne!(pass.paint(classes), whole.render(&mut run, 9));
    }

    #[test]
    fn the_map_shown_is_the_last_whole_one_until_the_next_pass_ends() {
        let mut run = trained(Task::Circle, 5);
        let (mut pass, _) = map_while_training(&mut run, 6);
        let first = pass.paint(|v| colour(v[0])).to_vec();
        pass.start(run.networks(), run.config().loss, 6, 2);
        pass.work(6 * 6 - 1, predict_all);
        assert!(pass.busy());
        assert_eq!(
            pass.paint(|v| colour(v[0])),
            &first[..],
            "a pass under way is not shown"
        );
        pass.work(1, predict_all);
        assert!(!pass.busy());
        let mut whole = DecisionMap::default();
        assert_eq!(pass.paint(|v| colour(v[0])), whole.render(&mut run, 6));
    }

    #[test]
    fn a_truth_tables_outputs_made_a_pattern_at_a_time_are_the_runs_own() {
        let mut run = trained(Task::Adder, 30);
        let mut want = vec![0.0; run.dataset().len() * 3];
        run.pattern_outputs_into(&mut want);
        let mut pass = MapPass::default();
        let data = run.dataset().clone();
        pass.start_patterns(run.networks(), run.config().loss, &data);
        while pass.busy() {
            pass.work(1, predict_all);
            run.run_epoch(); // the pass gives the weights it started from
        }
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(pass.shown_values()), bits(&want));
        assert_eq!(pass.shown_size(), 0, "no map");
    }

    #[test]
    fn a_call_spends_about_its_units_and_always_makes_progress() {
        let run = trained(Task::Spiral3, 1);
        let mut pass = MapPass::default();
        pass.start(run.networks(), run.config().loss, 4, 2);
        // Three networks: a pixel costs three units, so one unit still buys a pixel.
        assert_eq!(pass.work(1, predict_all), 3);
        assert_eq!(pass.work(7, predict_all), 9);
        assert_eq!(pass.work(1000, predict_all), 3 * (16 - 4));
        assert!(!pass.busy());
        assert_eq!(pass.work(1000, predict_all), 0, "nothing left to do");
    }

    #[test]
    fn scores_made_a_pattern_at_a_time_are_the_evaluation_bit_for_bit() {
        for task in [Task::Spiral3, Task::Moons, Task::Xor] {
            let mut run = trained(task, 8);
            let mut start = run.clone();
            let mut pass = ScoresPass::default();
            assert!(pass.shown().iter().all(|v| v.is_nan()));
            let mut spent = pass.start(&run);
            while pass.busy() {
                spent += pass.work(1);
                run.run_epoch(); // the pass scores the weights it started from
            }
            let outputs = run.networks().len();
            let patterns = run.dataset().len() + run.test_set().map_or(0, Dataset::len);
            assert_eq!(spent as usize, outputs * (1 + patterns), "{task:?}");
            let train = start.evaluate_train();
            let expected = match start.evaluate_test() {
                Some(test) => [
                    train.mean_loss,
                    train.accuracy,
                    test.mean_loss,
                    test.accuracy,
                ],
                None => [train.mean_loss, train.accuracy, f64::NAN, f64::NAN],
            };
            let bits = |v: [f64; 4]| v.map(f64::to_bits);
            assert_eq!(bits(pass.shown()), bits(expected), "{task:?}");
        }
    }
}
