//! The decision map: the output probability over the input square as RGBA pixels.

use crate::trainer::Trainer;

/// Colour of probability 0 and of probability 1 (a diverging palette that reads
/// on light and dark pages alike), blended through a neutral middle.
const LOW: [f64; 3] = [232.0, 119.0, 34.0];
const MID: [f64; 3] = [238.0, 238.0, 238.0];
const HIGH: [f64; 3] = [31.0, 119.0, 180.0];

/// Reusable buffers, so that redrawing the map every few frames allocates nothing
/// once their sizes are settled.
#[derive(Clone, Debug, Default)]
pub struct DecisionMap {
    pixels: Vec<u8>,
    input: Vec<f64>,
    out: Vec<f64>,
}

/// RGB of a probability: LOW at 0, MID at 0.5, HIGH at 1.
pub fn colour(p: f64) -> [u8; 3] {
    let p = if p.is_finite() {
        p.clamp(0.0, 1.0)
    } else {
        0.5
    };
    let (from, to, t) = if p < 0.5 {
        (LOW, MID, p * 2.0)
    } else {
        (MID, HIGH, (p - 0.5) * 2.0)
    };
    std::array::from_fn(|c| (from[c] + (to[c] - from[c]) * t).round() as u8)
}

impl DecisionMap {
    /// Renders `size` x `size` pixels over inputs `[0, 1]^2` (first input along x,
    /// second along y, 1 at the top) for a task with two inputs; further inputs
    /// are held at 0.
    pub fn render(&mut self, trainer: &mut Trainer, size: usize) -> &[u8] {
        let n_inputs = trainer.dataset().n_inputs;
        self.pixels.resize(size * size * 4, 255);
        self.input.clear();
        self.input.resize(n_inputs, 0.0);
        self.out.resize(trainer.networks().len(), 0.0);
        let (input, out) = (&mut self.input, &mut self.out);
        let last = (size - 1) as f64;
        for row in 0..size {
            for col in 0..size {
                input[0] = col as f64 / last;
                if n_inputs > 1 {
                    input[1] = 1.0 - row as f64 / last;
                }
                trainer.predict(input, out);
                let px = (row * size + col) * 4;
                self.pixels[px..px + 3].copy_from_slice(&colour(out[0]));
                self.pixels[px + 3] = 255;
            }
        }
        &self.pixels
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn colours_run_from_low_to_high() {
        assert_eq!(colour(0.0), [232, 119, 34]);
        assert_eq!(colour(0.5), [238, 238, 238]);
        assert_eq!(colour(1.0), [31, 119, 180]);
        assert_eq!(colour(f64::NAN), [238, 238, 238]);
    }

    #[test]
    fn trained_xor_map_has_its_corners() {
        let mut t = Trainer::new(Config::seed_defaults());
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
}
