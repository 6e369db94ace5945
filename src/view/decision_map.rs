//! The decision map: what the networks answer over the input square, as RGBA
//! pixels. A 2-D task's plane `[-1, 1]^2` is that square (see
//! [`crate::task::to_input`]), so its points fall where the page draws them.

use crate::task::Scoring;
use crate::train::evaluation::most_probable;
use crate::train::{EdRun, Run, SubNetwork};

/// Larger maps are drawn at this size: a map costs `size^2` forward passes per
/// network drawn, at most 65,536 here.
pub const MAX_MAP_SIZE: usize = 256;

/// Colour of probability 0 and of probability 1 (a diverging palette that reads
/// on light and dark pages alike), blended through a neutral middle.
const LOW: [f64; 3] = [232.0, 119.0, 34.0];
const MID: [f64; 3] = [238.0, 238.0, 238.0];
const HIGH: [f64; 3] = [31.0, 119.0, 180.0];
/// The classes of a one-hot task: the first two as the two ends above, so a
/// two-class picture reads the same, and a dark brick red (#8a3129) that stays
/// apart from both under simulated protanopia, deuteranopia and tritanopia (a
/// green did not: green and orange both turn olive). The page's `--class0` to
/// `--class2` (www/palette.css) are these three, and its palette test checks them.
const CLASS_COLOURS: [[f64; 3]; 3] = [LOW, HIGH, [138.0, 49.0, 41.0]];

/// Reusable buffers, so that redrawing the map every few frames allocates nothing
/// once their sizes are settled.
#[derive(Clone, Debug, Default)]
pub struct DecisionMap {
    pixels: Vec<u8>,
    input: Vec<f64>,
    out: Vec<f64>,
}

fn blend(from: [f64; 3], to: [f64; 3], t: f64) -> [u8; 3] {
    std::array::from_fn(|c| (from[c] + (to[c] - from[c]) * t).round() as u8)
}

fn clean(p: f64) -> f64 {
    if p.is_finite() {
        p.clamp(0.0, 1.0)
    } else {
        0.5
    }
}

/// RGB of a probability: LOW at 0, MID at 0.5, HIGH at 1.
pub fn colour(p: f64) -> [u8; 3] {
    let p = clean(p);
    if p < 0.5 {
        blend(LOW, MID, p * 2.0)
    } else {
        blend(MID, HIGH, (p - 0.5) * 2.0)
    }
}

/// RGB of the most probable class: its colour, paler as its probability falls.
pub fn class_colour(class: usize, p: f64) -> [u8; 3] {
    blend(MID, CLASS_COLOURS[class % CLASS_COLOURS.len()], clean(p))
}

impl DecisionMap {
    /// Renders `size` x `size` pixels (at most [`MAX_MAP_SIZE`]) over inputs
    /// `[0, 1]^2`: first input along x, second along y, 1 at the top; further
    /// inputs held at 0. A one-hot task (spiral3) shows the most probable class
    /// at each pixel; any other task its first output's probability.
    pub fn render<N: SubNetwork>(&mut self, trainer: &mut Run<N>, size: usize) -> &[u8] {
        let argmax = trainer.config().task.scoring() == Scoring::Argmax;
        self.out.resize(trainer.networks().len(), 0.0);
        let out = &mut self.out;
        paint(
            &mut self.pixels,
            &mut self.input,
            trainer,
            size,
            |trainer, input| {
                trainer.predict(input, out);
                if argmax {
                    let (class, p) = most_probable(out);
                    class_colour(class, p)
                } else {
                    colour(out[0])
                }
            },
        )
    }

    /// As [`DecisionMap::render`], showing the probability of one output alone
    /// (a class of spiral3, a bit of the adder's sum); only that output's
    /// network runs.
    ///
    /// Panics if `output` is not an output of the task.
    pub fn render_output<N: SubNetwork>(
        &mut self,
        trainer: &mut Run<N>,
        size: usize,
        output: usize,
    ) -> &[u8] {
        assert!(
            output < trainer.networks().len(),
            "decision map of output {output}, the task has {}",
            trainer.networks().len()
        );
        paint(
            &mut self.pixels,
            &mut self.input,
            trainer,
            size,
            |trainer, input| colour(trainer.predict_output(output, input)),
        )
    }
}

impl DecisionMap {
    /// Renders what one unit of ED's network for `output` emits over the input
    /// square, as [`DecisionMap::render_output`] does for the output: layer
    /// `layer` (the last is the output layer), unit `unit`.
    ///
    /// Panics if the output, layer or unit does not exist.
    pub fn render_unit(
        &mut self,
        trainer: &mut EdRun,
        size: usize,
        output: usize,
        layer: usize,
        unit: usize,
    ) -> &[u8] {
        paint(
            &mut self.pixels,
            &mut self.input,
            trainer,
            size,
            |trainer, input| colour(trainer.networks_mut()[output].unit_output(input, layer, unit)),
        )
    }
}

/// Fills `pixels` with `size` x `size` RGBA pixels, `colour_at` giving each.
fn paint<'a, N: SubNetwork>(
    pixels: &'a mut Vec<u8>,
    input: &mut Vec<f64>,
    trainer: &mut Run<N>,
    size: usize,
    mut colour_at: impl FnMut(&mut Run<N>, &[f64]) -> [u8; 3],
) -> &'a [u8] {
    let size = size.clamp(2, MAX_MAP_SIZE);
    let n_inputs = trainer.dataset().n_inputs;
    pixels.resize(size * size * 4, 255);
    input.clear();
    input.resize(n_inputs, 0.0);
    let last = (size - 1) as f64;
    for row in 0..size {
        for col in 0..size {
            input[0] = col as f64 / last;
            if n_inputs > 1 {
                input[1] = 1.0 - row as f64 / last;
            }
            let px = (row * size + col) * 4;
            pixels[px..px + 3].copy_from_slice(&colour_at(trainer, input));
            pixels[px + 3] = 255;
        }
    }
    pixels
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::config::Config;
    use crate::task::Task;

    #[test]
    fn colours_run_from_low_to_high() {
        assert_eq!(colour(0.0), [232, 119, 34]);
        assert_eq!(colour(0.5), [238, 238, 238]);
        assert_eq!(colour(1.0), [31, 119, 180]);
        assert_eq!(colour(f64::NAN), [238, 238, 238]);
    }

    /// The page draws a map's points in `--class0` to `--class2` (www/palette.css):
    /// they must be the colours the map's classes are painted in.
    #[test]
    fn the_page_draws_points_in_the_maps_class_colours() {
        let css = include_str!("../../www/palette.css");
        for class in 0..3 {
            let name = format!("--class{class}: #");
            let at = css.find(&name).expect("a class colour in palette.css") + name.len();
            let hex = u32::from_str_radix(&css[at..at + 6], 16).unwrap();
            let rgb = [(hex >> 16) as u8, (hex >> 8) as u8, hex as u8];
            assert_eq!(class_colour(class, 1.0), rgb, "class {class}");
        }
    }

    #[test]
    fn trained_xor_map_has_its_corners() {
        let mut t = EdRun::new(Config::seed_defaults());
        for _ in 0..200 {
            t.run_epoch();
        }
        let mut map = DecisionMap::default();
        let px = map.render(&mut t, 16).to_vec();
        let at = |row: usize, col: usize| [px[(row * 16 + col) * 4], px[(row * 16 + col) * 4 + 2]];
        // (0,0) bottom left and (1,1) top right are 0 (orange); the others 1 (blue).
        assert!(at(15, 0)[0] > at(15, 0)[1]);
        assert!(at(0, 15)[0] > at(0, 15)[1]);
        assert!(at(0, 0)[1] > at(0, 0)[0]);
        assert!(at(15, 15)[1] > at(15, 15)[0]);
    }

    fn trained(config: Config, epochs: usize) -> EdRun {
        let mut t = EdRun::new(config);
        for _ in 0..epochs {
            t.run_epoch();
        }
        t
    }

    /// The input at the centre of pixel (`row`, `col`) of a `size` map.
    fn input_at(row: usize, col: usize, size: usize) -> [f64; 2] {
        let last = (size - 1) as f64;
        [col as f64 / last, 1.0 - row as f64 / last]
    }

    fn rgb(px: &[u8], row: usize, col: usize, size: usize) -> [u8; 3] {
        let k = (row * size + col) * 4;
        [px[k], px[k + 1], px[k + 2]]
    }

    #[test]
    fn a_learnt_circle_is_blue_inside_and_orange_in_the_corners() {
        let mut t = trained(
            Config {
                task: Task::Circle,
                shuffle: true,
                ..Config::kaneko_defaults()
            },
            300,
        );
        let mut map = DecisionMap::default();
        let px = map.render(&mut t, 21).to_vec();
        let blue = |c: [u8; 3]| c[2] > c[0];
        assert!(blue(rgb(&px, 10, 10, 21)), "centre");
        for (row, col) in [(0, 0), (0, 20), (20, 0), (20, 20)] {
            assert!(!blue(rgb(&px, row, col, 21)), "corner {row},{col}");
        }
    }

    #[test]
    fn spiral3_maps_show_the_most_probable_class_and_each_output() {
        let mut t = trained(
            Config {
                task: Task::Spiral3,
                ..Config::kaneko_defaults()
            },
            20,
        );
        let size = 9;
        let mut map = DecisionMap::default();
        let classes = map.render(&mut t, size).to_vec();
        let mut seen = [false; 3];
        let mut out = [0.0; 3];
        for row in 0..size {
            for col in 0..size {
                t.predict(&input_at(row, col, size), &mut out);
                let (class, p) = most_probable(&out);
                seen[class] = true;
                assert_eq!(rgb(&classes, row, col, size), class_colour(class, p));
            }
        }
        assert!(seen.iter().filter(|&&s| s).count() >= 2, "{seen:?}");
        for output in 0..3 {
            let px = map.render_output(&mut t, size, output).to_vec();
            for row in 0..size {
                for col in 0..size {
                    let p = t.predict_output(output, &input_at(row, col, size));
                    assert_eq!(rgb(&px, row, col, size), colour(p), "output {output}");
                }
            }
        }
        assert_eq!(class_colour(0, 1.0), colour(0.0));
        assert_eq!(class_colour(1, 1.0), colour(1.0));
        assert_eq!(class_colour(2, 0.0), colour(0.5));
    }

    #[test]
    fn the_map_size_is_bounded() {
        let mut t = EdRun::new(Config::seed_defaults());
        let mut map = DecisionMap::default();
        assert_eq!(
            map.render(&mut t, 100_000).len(),
            MAX_MAP_SIZE * MAX_MAP_SIZE * 4
        );
        assert_eq!(map.render_output(&mut t, 0, 0).len(), 2 * 2 * 4);
    }

    #[test]
    fn a_unit_map_shows_that_unit_and_the_last_layer_is_the_output() {
        let mut t = trained(Config::seed_defaults(), 200);
        let mut map = DecisionMap::default();
        let output = map.render_output(&mut t, 12, 0).to_vec();
        // Layers 0 and 1 are hidden (8, 8); layer 2 is the output unit.
        assert_eq!(map.render_unit(&mut t, 12, 0, 2, 0), &output[..]);
        let size = 12;
        for (layer, units) in [(0, 8), (1, 8)] {
            let mut distinct = std::collections::HashSet::new();
            for unit in 0..units {
                let px = map.render_unit(&mut t, size, 0, layer, unit).to_vec();
                // Each pixel is that unit's own sigmoid at the pixel's input.
                for (row, col) in [(0, 0), (5, 7), (11, 11)] {
                    let x = input_at(row, col, size);
                    let y = t.networks_mut()[0].unit_output(&x, layer, unit);
                    assert_eq!(
                        rgb(&px, row, col, size),
                        colour(y),
                        "layer {layer} unit {unit}"
                    );
                }
                distinct.insert(px);
            }
            // Not one picture repeated: the units of a layer see different things.
            assert!(
                distinct.len() > 1,
                "layer {layer}: every unit's map is the same"
            );
        }
    }

    #[test]
    #[should_panic(expected = "unit 8 of a layer of 8")]
    fn a_unit_that_does_not_exist_is_refused() {
        let mut t = EdRun::new(Config::seed_defaults());
        DecisionMap::default().render_unit(&mut t, 4, 0, 0, 8);
    }
}
