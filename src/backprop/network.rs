//! One backprop network with a single output unit, the twin of
//! [`crate::ed::Network`]: same shape, same signal layout, free-sign weights.

use rand::Rng;

use super::layer::Layer;
use crate::ed::{Activation, Loss, Shape, Signals};

#[derive(Clone, Debug)]
pub struct Network {
    shape: Shape,
    layers: Vec<Layer>,
    hidden_act: Activation,
    output_act: Activation,
    /// ED's forward pass: the same doubled inputs, bias units and layer order.
    signals: Signals,
    /// `deltas[l][o]`: how the last pattern's loss moves with unit `o`'s summed
    /// input `z`.
    deltas: Vec<Vec<f64>>,
}

impl Network {
    /// A copy of an ED network, signs included: it computes exactly what the ED
    /// network computes until either one learns.
    pub fn from_ed(ed: &crate::ed::Network) -> Network {
        let shape = ed.shape().clone();
        let layers: Vec<Layer> = ed.layers().iter().map(Layer::from_ed).collect();
        let deltas = layers.iter().map(|l| vec![0.0; l.outputs()]).collect();
        Network {
            hidden_act: Activation::sigmoid_with_u0(shape.u0),
            output_act: ed.output_activation(),
            signals: Signals::new(&shape),
            shape,
            layers,
            deltas,
        }
    }

    /// Redraws every weight's sign from `rng`, layer by layer, keeping magnitudes.
    pub fn draw_signs<R: Rng>(&mut self, rng: &mut R) {
        for layer in &mut self.layers {
            layer.draw_signs(rng);
        }
    }

    /// Overwrites this network's weights with those of a network of the same shape.
    pub fn copy_weights_from(&mut self, other: &Network) {
        for (mine, theirs) in self.layers.iter_mut().zip(&other.layers) {
            mine.copy_weights_from(theirs);
        }
    }

    /// Overwrites every layer's weights from `flat`, layer after layer, each
    /// input-major: a copy of a network trained elsewhere. Refuses a wrong length
    /// or a weight that is not a finite number, and then changes nothing.
    pub fn set_weights(&mut self, flat: &[f64]) -> Result<(), String> {
        let total: usize = self.layers.iter().map(|l| l.weights().len()).sum();
        if flat.len() != total {
            return Err(format!("expected {total} weights, found {}", flat.len()));
        }
        if flat.iter().any(|w| !w.is_finite()) {
            return Err("a weight is not a finite number".into());
        }
        let mut rest = flat;
        for layer in &mut self.layers {
            let (mine, next) = rest.split_at(layer.weights().len());
            layer.set_weights(mine);
            rest = next;
        }
        Ok(())
    }

    pub fn shape(&self) -> &Shape {
        &self.shape
    }

    pub fn layers(&self) -> &[Layer] {
        &self.layers
    }

    /// As [`crate::ed::Network::set_loss`]: the prediction does not move, only
    /// the gradient changes from the next pattern on.
    pub fn set_loss(&mut self, loss: Loss) {
        self.output_act = loss.output_activation(self.hidden_act.scale());
    }

    pub fn output_activation(&self) -> Activation {
        self.output_act
    }

    /// Runs the network on raw inputs and returns what the output unit emits (a
    /// logit under BCE-with-logits).
    pub fn forward(&mut self, input: &[f64]) -> f64 {
        self.signals
            .forward(&self.layers, self.hidden_act, self.output_act, input)
    }

    /// The probability the output unit stands for, for raw inputs.
    pub fn predict(&mut self, input: &[f64]) -> f64 {
        let y = self.forward(input);
        self.output_act.probability(y)
    }

    /// One online SGD step on one pattern. Returns `(y, probability)` before the
    /// update, as [`crate::ed::Network::train`] does.
    pub fn train(&mut self, input: &[f64], target: f64, loss: Loss, lr: f64) -> (f64, f64) {
        let y = self.forward(input);
        self.backward(y, target, loss);
        for (l, layer) in self.layers.iter_mut().enumerate() {
            layer.descend(self.signals.sources(l), &self.deltas[l], lr);
        }
        (y, self.output_act.probability(y))
    }

    /// Fills `deltas` for the pattern of the last forward pass, whose output
    /// was `y`: the chain rule, layer by layer from the output, every layer's
    /// weights still unchanged.
    fn backward(&mut self, y: f64, target: f64, loss: Loss) {
        let b = self.shape.bias_units();
        let last = self.layers.len() - 1;
        self.deltas[last][0] =
            loss.derivative(y, target) * self.output_act.derivative_from_output(y);
        for l in (1..=last).rev() {
            let (below, above) = self.deltas.split_at_mut(l);
            let back = &mut below[l - 1];
            self.layers[l].errors_to_sources(&above[0], b, back);
            for (d, &out) in back.iter_mut().zip(self.signals.units(l - 1)) {
                *d *= self.hidden_act.derivative_from_output(out);
            }
        }
    }

    /// `dL/dw` of one pattern for every weight: `gradient[l][k]` for weight `k`
    /// (input-major) of layer `l`.
    #[cfg(test)]
    pub(super) fn gradient(&mut self, input: &[f64], target: f64, loss: Loss) -> Vec<Vec<f64>> {
        let y = self.forward(input);
        self.backward(y, target, loss);
        self.layers
            .iter()
            .enumerate()
            .map(|(l, layer)| {
                let n = layer.outputs();
                (0..layer.weights().len())
                    .map(|k| self.signals.sources(l)[k / n] * self.deltas[l][k % n])
                    .collect()
            })
            .collect()
    }

    #[cfg(test)]
    pub(super) fn layers_mut(&mut self) -> &mut [Layer] {
        &mut self.layers
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, EdRun};

    fn configs() -> Vec<Config> {
        let mut all = Vec::new();
        for loss in Loss::ALL {
            for (hidden, beta, u0) in [
                (vec![8, 8], None, 2.0),
                (vec![5], Some(0.8), 0.4),
                (vec![16, 5, 3], Some(0.3), 1.0),
            ] {
                all.push(Config {
                    loss,
                    hidden,
                    beta,
                    u0,
                    ..Config::seed_defaults()
                });
            }
        }
        all
    }

    #[test]
    fn with_eds_weights_it_computes_what_ed_computes() {
        // Same shape, same signal layout, same activations: bit for bit.
        for config in configs() {
            let mut ed = EdRun::new(config.clone()).networks()[0].clone();
            let mut bp = Network::from_ed(&ed);
            for input in [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.37, -2.5]] {
                assert_eq!(
                    bp.forward(&input).to_bits(),
                    ed.forward(&input).to_bits(),
                    "{config:?} {input:?}"
                );
                assert_eq!(bp.predict(&input), ed.predict(&input), "{config:?}");
            }
        }
    }

    #[test]
    fn a_loss_switch_keeps_the_prediction() {
        let config = Config {
            beta: Some(0.8),
            ..Config::seed_defaults()
        };
        let mut bp = Network::from_ed(&EdRun::new(config).networks()[0]);
        for _ in 0..50 {
            bp.train(&[1.0, 0.0], 1.0, Loss::Mse, 0.5);
        }
        let before = bp.predict(&[1.0, 0.0]);
        for loss in [
            Loss::BceWithLogits,
            Loss::Bce,
            Loss::BceWithLogits,
            Loss::Mse,
        ] {
            bp.set_loss(loss);
            assert_eq!(bp.output_activation(), loss.output_activation(1.0));
            assert!((bp.predict(&[1.0, 0.0]) - before).abs() < 1e-15, "{loss}");
        }
    }

    #[test]
    fn a_step_lowers_the_patterns_loss() {
        for config in configs() {
            let loss = config.loss;
            let mut bp = Network::from_ed(&EdRun::new(config.clone()).networks()[0]);
            for (input, t) in [([0.0, 1.0], 1.0), ([1.0, 1.0], 0.0)] {
                let before = loss.value(bp.forward(&input), t);
                bp.train(&input, t, loss, 0.01);
                let after = loss.value(bp.forward(&input), t);
                assert!(after < before, "{config:?} {input:?}: {before} -> {after}");
            }
        }
    }
}
