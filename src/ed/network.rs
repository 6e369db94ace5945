//! One ED network with a single output unit. Several outputs are several of these
//! (Kaneko's way: one independent sub-network per output), see [`crate::io::model`].

use rand::Rng;

use super::activation::Activation;
use super::layer::Layer;
use super::loss::Loss;
use super::rule::{Broadcast, Rule};
use super::signals::Signals;
use super::trace::{Recorder, Trace};

// The shape lives in its own module (the forward pass needs it too); still
// reachable as `ed::network::Shape`.
pub use super::shape::{Shape, BIAS_UNITS};

#[derive(Clone, Debug)]
pub struct Network {
    shape: Shape,
    layers: Vec<Layer>,
    hidden_act: Activation,
    output_act: Activation,
    signals: Signals,
    steps: Vec<f64>,
}

impl Network {
    pub fn random<R: Rng>(shape: Shape, loss: Loss, init_range: f64, rng: &mut R) -> Self {
        let layers = shape
            .layer_sizes()
            .into_iter()
            .map(|(sources, units)| Layer::random(sources, units, init_range, rng))
            .collect();
        Self::from_layers(shape, loss, layers)
    }

    /// Assembles a network from checked layers; the caller has matched their sizes
    /// against `shape.layer_sizes()`.
    pub fn from_layers(shape: Shape, loss: Loss, layers: Vec<Layer>) -> Self {
        let widest = layers.iter().map(Layer::outputs).max().unwrap_or(1);
        let hidden_act = Activation::sigmoid_with_u0(shape.u0);
        Network {
            output_act: loss.output_activation(hidden_act.scale()),
            hidden_act,
            signals: Signals::new(&shape),
            shape,
            layers,
            steps: vec![0.0; widest],
        }
    }

    pub fn shape(&self) -> &Shape {
        &self.shape
    }

    pub fn layers(&self) -> &[Layer] {
        &self.layers
    }

    /// Overwrites this network's weights with those of a network of the same shape.
    pub fn copy_weights_from(&mut self, other: &Network) {
        for (mine, theirs) in self.layers.iter_mut().zip(&other.layers) {
            mine.copy_weights_from(theirs);
        }
    }

    /// Overwrites every layer's weights from `flat`, layer after layer, each
    /// input-major (as [`Layer::weights`]): a copy of a network trained elsewhere
    /// (the digits pad's worker). Refuses a wrong length or a weight whose sign
    /// contradicts its connection, and then changes nothing.
    pub fn set_weights(&mut self, flat: &[f64]) -> Result<(), String> {
        let total: usize = self.layers.iter().map(|l| l.weights().len()).sum();
        if flat.len() != total {
            return Err(format!("expected {total} weights, found {}", flat.len()));
        }
        let mut rest = flat;
        let layers = self
            .layers
            .iter()
            .map(|l| {
                let (mine, next) = rest.split_at(l.weights().len());
                rest = next;
                Layer::from_weights(l.inputs(), l.outputs(), mine.to_vec())
            })
            .collect::<Result<Vec<_>, _>>()?;
        self.layers = layers;
        Ok(())
    }

    /// Switches the output unit to what `loss` expects. The weights stay, and since a
    /// sigmoid unit and a logit unit with the same slope stand for the same
    /// probability, the network's predictions do not move: only the training signal
    /// changes from the next pattern on.
    pub fn set_loss(&mut self, loss: Loss) {
        self.output_act = loss.output_activation(self.hidden_act.scale());
    }

    pub fn output_activation(&self) -> Activation {
        self.output_act
    }

    /// Runs the network on raw inputs and returns what the output unit emits (a
    /// logit under BCE-with-logits). Intermediate values stay in `signals`.
    pub fn forward(&mut self, input: &[f64]) -> f64 {
        self.signals
            .forward(&self.layers, self.hidden_act, self.output_act, input)
    }

    /// The probability the output unit stands for, for raw inputs.
    pub fn predict(&mut self, input: &[f64]) -> f64 {
        let y = self.forward(input);
        self.output_act.probability(y)
    }

    /// What unit `unit` of layer `layer` emits for raw inputs: a hidden unit's
    /// sigmoid, or the output's probability for the last layer. It shows what a
    /// hidden unit has come to detect over the input square.
    ///
    /// Panics if the layer or the unit does not exist.
    pub fn unit_output(&mut self, input: &[f64], layer: usize, unit: usize) -> f64 {
        let y = self.forward(input);
        if layer + 1 == self.layers.len() {
            assert_eq!(unit, 0, "the output layer has one unit");
            return self.output_act.probability(y);
        }
        let units = self.layers[layer].outputs();
        assert!(unit < units, "unit {unit} of a layer of {units}");
        self.signals.units(layer)[unit]
    }

    /// One online step on one pattern: forward, then the rule's update of every
    /// layer from that forward pass. Returns `(y, probability)` before the update.
    pub fn train(
        &mut self,
        input: &[f64],
        target: f64,
        rule: Rule,
        loss: Loss,
        lr: f64,
    ) -> (f64, f64) {
        self.update(input, target, rule, loss, lr, &mut ())
    }

    /// [`Network::train`], the same code, writing down what it does: the
    /// forward pass, the broadcast, each unit's gain and each weight's change
    /// (see [`super::trace`]). The weights end exactly as `train`'s would.
    pub fn train_traced(
        &mut self,
        input: &[f64],
        target: f64,
        rule: Rule,
        loss: Loss,
        lr: f64,
    ) -> Trace {
        let mut trace = Trace::new(input, rule, loss, lr);
        self.update(input, target, rule, loss, lr, &mut trace);
        trace
    }

    /// The one update both of the above run; `rec` hears each stage of it.
    #[inline(always)]
    fn update<R: Recorder>(
        &mut self,
        input: &[f64],
        target: f64,
        rule: Rule,
        loss: Loss,
        lr: f64,
        rec: &mut R,
    ) -> (f64, f64) {
        let y = self.forward(input);
        let p = self.output_act.probability(y);
        let broadcast = Broadcast::new(rule, loss, lr, y, p, target);
        rec.broadcast(&self.signals, &broadcast, y, p, target);
        let last = self.layers.len() - 1;
        for (l, layer) in self.layers.iter_mut().enumerate() {
            let is_output = l == last;
            let act = if is_output {
                self.output_act
            } else {
                self.hidden_act
            };
            let steps = &mut self.steps[..layer.outputs()];
            broadcast.layer_steps(act, self.signals.units(l), is_output, steps);
            rec.layer(l, layer, self.signals.units(l), act, steps);
            layer.grow(self.signals.sources(l), steps, broadcast.learning);
            rec.grown(l, layer);
        }
        (y, p)
    }
}

#[cfg(test)]
mod tests;
