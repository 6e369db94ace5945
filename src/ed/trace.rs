//! One update written down as it happens: what the page's "Explain one step"
//! panel shows, stage by stage. [`super::Network::train_traced`] runs the very
//! code of [`super::Network::train`] (one generic update, see
//! `Network::update`) with a [`Recorder`] that copies out the forward pass,
//! the broadcast and each layer's steps; the untraced update's recorder is
//! `()`, whose calls compile away. A test holds the two to the same bits.

use serde::Serialize;

use super::activation::Activation;
use super::layer::{Layer, Source};
use super::loss::Loss;
use super::rule::{Broadcast, Rule};
use super::signals::Signals;

/// What an update tells its recorder. Every call has an empty default, so the
/// untraced update (`()`) does exactly what it did before tracing existed.
pub trait Recorder {
    /// After the forward pass: the signals of every layer and the broadcast
    /// derived from the output `y` (probability `p`) and the target `t`.
    #[inline(always)]
    fn broadcast(&mut self, _signals: &Signals, _broadcast: &Broadcast, _y: f64, _p: f64, _t: f64) {
    }

    /// Before layer `l` grows: its weights, its units' outputs under `act`,
    /// and each unit's signed step (`w += step * x` for the learning sources).
    #[inline(always)]
    fn layer(
        &mut self,
        _l: usize,
        _layer: &Layer,
        _units: &[f64],
        _act: Activation,
        _steps: &[f64],
    ) {
    }

    /// After layer `l` grew.
    #[inline(always)]
    fn grown(&mut self, _l: usize, _layer: &Layer) {}
}

/// The untraced update records nothing.
impl Recorder for () {}

/// One layer's part of a traced update. Weights are input-major, as
/// [`Layer::weights`]: `[source * units + unit]`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LayerTrace {
    /// The layer's sources: Kaneko's bias units first (if any), then the
    /// doubled inputs (`+` copy, `-` copy) or the previous layer's units.
    pub sources: Vec<f64>,
    /// What its units emitted (the output layer: `y`, a logit under
    /// BCE-with-logits).
    pub units: Vec<f64>,
    /// The signal this layer received: the seed's `delta` for every layer;
    /// Kaneko's amine times alpha, `u1` of it in a hidden layer.
    pub signal: f64,
    /// Each unit's own factor: the seed's `f'(o)`, Kaneko's `o (1 - o)`.
    pub factor: Vec<f64>,
    /// Each unit's step as the update applied it: the gain (`|f'(o) delta|`
    /// or `o (1 - o)` times the signal), signed like the connections from the
    /// learning sources to that unit.
    pub step: Vec<f64>,
    pub before: Vec<f64>,
    /// `step[unit] * sources[source]` where the source learned, else 0.
    pub delta: Vec<f64>,
    pub after: Vec<f64>,
}

/// One traced update of one network on one pattern.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Trace {
    /// The raw inputs, before doubling.
    pub input: Vec<f64>,
    pub target: f64,
    /// What the output unit emitted (a logit under BCE-with-logits) and the
    /// probability it stands for.
    pub y: f64,
    pub p: f64,
    /// "seed" or "kaneko".
    pub rule: &'static str,
    pub loss: &'static str,
    pub lr: f64,
    /// Kaneko's hidden share of the amine; `None` under the seed's rule.
    pub u1: Option<f64>,
    /// The seed's `dL/dy`; `None` under Kaneko's rule.
    pub derivative: Option<f64>,
    /// `t - p`: Kaneko's `d+` is it when positive, `d-` its negation when negative.
    pub error: f64,
    /// The one broadcast value: the seed's `lr * dL/dy`, Kaneko's `lr * |t - p|`.
    pub signal: f64,
    /// The output must rise: the excitatory (`+`, even) sources learn;
    /// otherwise the inhibitory (`-`, odd) ones.
    pub rise: bool,
    pub layers: Vec<LayerTrace>,
    /// The loss the derivative is taken of (named in `loss`).
    #[serde(skip)]
    of: Option<Loss>,
}

impl Trace {
    pub(super) fn new(input: &[f64], rule: Rule, loss: Loss, lr: f64) -> Trace {
        Trace {
            input: input.to_vec(),
            rule: rule.name(),
            loss: loss.name(),
            lr,
            u1: match rule {
                Rule::Kaneko { u1 } => Some(u1),
                Rule::Seed => None,
            },
            of: Some(loss),
            ..Trace::default()
        }
    }
}

impl Recorder for Trace {
    fn broadcast(&mut self, signals: &Signals, broadcast: &Broadcast, y: f64, p: f64, t: f64) {
        let layers = signals.layer_count();
        self.layers = (0..layers)
            .map(|l| LayerTrace {
                sources: signals.sources(l).to_vec(),
                units: signals.units(l).to_vec(),
                signal: broadcast.layer_signal(l + 1 == layers),
                ..LayerTrace::default()
            })
            .collect();
        self.y = y;
        self.p = p;
        self.target = t;
        self.error = t - p;
        self.signal = broadcast.signal();
        self.rise = broadcast.learning == Source::Excitatory;
        self.derivative = match (self.u1, self.of) {
            (None, Some(loss)) => Some(loss.derivative(y, t)),
            _ => None,
        };
    }

    fn layer(&mut self, l: usize, layer: &Layer, units: &[f64], act: Activation, steps: &[f64]) {
        let trace = &mut self.layers[l];
        trace.factor = units
            .iter()
            .map(|&y| broadcast_factor(act, y, self.u1))
            .collect();
        trace.step = steps.to_vec();
        trace.before = layer.weights().to_vec();
        let n = layer.outputs();
        let parity = usize::from(!self.rise);
        trace.delta = vec![0.0; trace.before.len()];
        for (i, &x) in trace.sources.iter().enumerate().skip(parity).step_by(2) {
            for (o, &s) in steps[..n].iter().enumerate() {
                // The very product the update adds (Layer::grow: `s * xi`).
                trace.delta[i * n + o] = s * x;
            }
        }
    }

    fn grown(&mut self, l: usize, layer: &Layer) {
        self.layers[l].after = layer.weights().to_vec();
    }
}

/// Each unit's factor as the rule reads it: the seed's `f'(o)` from the
/// unit's output, Kaneko's `o (1 - o)` of its probability.
fn broadcast_factor(act: Activation, y: f64, u1: Option<f64>) -> f64 {
    match u1 {
        None => act.derivative_from_output(y),
        Some(_) => {
            let o = act.probability(y);
            o * (1.0 - o)
        }
    }
}
