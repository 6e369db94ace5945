//! The ED rule written as the method reads (docs/method.md, sections 1 to 4):
//! one update of one network on one pattern, with a loop over every unit and every source, the weights kept as
//! `w[layer][unit][source]`. Nothing here is fast; [`super::Network::train`]
//! is the same update laid out for speed (input-major rows, reused buffers, a
//! vectorised activation), and a property test holds the two to the same bits.
//!
//! Bit for bit, not within a tolerance: a slip in the fast code's bookkeeping
//! (a wrong row, a step of the wrong sign on a small weight) can hide below
//! any tolerance, and the seed's printed digits and the committed fingerprints
//! depend on the exact bits anyway. That holds the reference to the fast
//! code's arithmetic, not only its algebra. Floating-point addition is not
//! associative, so each sum here starts from `0.0` and adds its terms in source
//! order, as the fast forward pass does; every unit goes through the same
//! [`Activation`], whose sigmoid is [`super::activation::sigmoid`] on the
//! crate's own `exp` (the platform's differs in the last bit between native and
//! wasm); and `sign * gain * x` is `(±gain) * x`, exactly the fast code's
//! signed step times `x`. Another order of the sum or another `exp` would
//! move the last bits, and every later update would carry the difference.

use super::activation::Activation;
use super::layer::connection_sign;
use super::loss::Loss;
use super::network::Network;
use super::rule::Rule;

/// An ED network held as the method describes it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReferenceNetwork {
    /// `weights[l][o][i]`: from source `i` of layer `l` (its bias units first,
    /// then the doubled inputs or the previous layer's units) to its unit `o`.
    pub weights: Vec<Vec<Vec<f64>>>,
    /// Kaneko's bias units, two of them (`+`, `-`) fed `beta`, or none.
    pub bias: Option<f64>,
    pub hidden: Activation,
    pub output: Activation,
}

impl ReferenceNetwork {
    /// The same weights and activations as a fast network.
    pub fn from_network(net: &Network) -> Self {
        let weights = net
            .layers()
            .iter()
            .map(|layer| {
                let (n, w) = (layer.outputs(), layer.weights());
                (0..n)
                    .map(|o| (0..layer.inputs()).map(|i| w[i * n + o]).collect())
                    .collect()
            })
            .collect();
        ReferenceNetwork {
            weights,
            bias: net.shape().bias,
            hidden: Activation::sigmoid_with_u0(net.shape().u0),
            output: net.output_activation(),
        }
    }

    /// The method's sections 1 and 2: the doubled inputs feed the first layer,
    /// each layer's sources are its bias units and then the previous layer's
    /// units, and every unit sums `w * x` over its sources and applies its
    /// activation. Returns each layer's sources and each layer's outputs.
    pub fn forward(&self, input: &[f64]) -> (Vec<Vec<f64>>, Vec<Vec<f64>>) {
        let mut signal: Vec<f64> = input.iter().flat_map(|&x| [x, x]).collect();
        let (mut sources, mut outputs) = (Vec::new(), Vec::new());
        for (l, layer) in self.weights.iter().enumerate() {
            let mut x: Vec<f64> = self.bias.map_or(vec![], |beta| vec![beta, beta]);
            x.extend(&signal);
            let act = if l + 1 == self.weights.len() {
                self.output
            } else {
                self.hidden
            };
            signal = layer
                .iter()
                .map(|w_o| {
                    let mut z = 0.0;
                    for (w, x) in w_o.iter().zip(&x) {
                        z += w * x;
                    }
                    act.apply(z)
                })
                .collect();
            sources.push(x);
            outputs.push(signal.clone());
        }
        (sources, outputs)
    }

    /// One update on one pattern: the forward pass, the broadcast, and every
    /// layer's weights grown from that one forward pass. Returns what the
    /// output emitted and the probability it stands for, before the update.
    pub fn update(&mut self, input: &[f64], t: f64, rule: Rule, loss: Loss, lr: f64) -> (f64, f64) {
        let (x, out) = self.forward(input); // x[l]: layer l's sources, out[l]: its units
        let y = out[out.len() - 1][0];
        let p = self.output.probability(y);
        let (signal, rise) = broadcast(rule, loss, lr, y, p, t);
        let last = self.weights.len() - 1;
        for (l, layer) in self.weights.iter_mut().enumerate() {
            let act = if l == last { self.output } else { self.hidden };
            for (o, w_o) in layer.iter_mut().enumerate() {
                let gain = unit_gain(rule, act, out[l][o], signal, l == last);
                // Rise: the excitatory (even) sources learn; fall: the inhibitory (odd).
                for i in (if rise { 0 } else { 1 }..x[l].len()).step_by(2) {
                    w_o[i] += connection_sign(o, i) * gain * x[l][i];
                }
            }
        }
        (y, p)
    }
}

/// Sections 3 and 4: the one signal every layer receives, and whether the
/// output must rise. `y` is what the output emitted, `p` its probability.
fn broadcast(rule: Rule, loss: Loss, lr: f64, y: f64, p: f64, t: f64) -> (f64, bool) {
    match rule {
        // The seed: `delta = lr * dL/dy`, and `delta < 0` means rise. Every
        // unit's `f'(z) * delta` has delta's sign (f' >= 0), so the seed's
        // per-unit test is this one test.
        Rule::Seed => {
            let delta = lr * loss.derivative(y, t);
            (delta, delta < 0.0)
        }
        // Kaneko: alpha times the amine `|t - p|`; his `d+` is the one set when
        // `t > p`.
        Rule::Kaneko { .. } => (lr * (t - p).abs(), t > p),
    }
}

/// How far a unit's weights move per unit of source signal, from what the unit
/// emitted (`y_o`) under its activation.
fn unit_gain(rule: Rule, act: Activation, y_o: f64, signal: f64, is_output: bool) -> f64 {
    match rule {
        // `|f'(z) * delta|`, with f' read from the unit's output.
        Rule::Seed => (act.derivative_from_output(y_o) * signal).abs(),
        // `alpha * o (1 - o) * amine` (his `o (1 - o)`, without the slope), the
        // hidden units' amine `u1` times the output's.
        Rule::Kaneko { u1 } => {
            let o = act.probability(y_o);
            let amine = if is_output { signal } else { u1 * signal };
            o * (1.0 - o) * amine
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::ed::shape::Shape;
    use proptest::prelude::*;
    use rand::rngs::StdRng;
    use rand::SeedableRng;

    fn weight_bits(net: &ReferenceNetwork) -> Vec<u64> {
        net.weights
            .iter()
            .flatten()
            .flatten()
            .map(|w| w.to_bits())
            .collect()
    }

    fn rule() -> impl Strategy<Value = Rule> {
        prop_oneof![
            Just(Rule::Seed),
            (0.0f64..=2.0).prop_map(|u1| Rule::Kaneko { u1 })
        ]
    }

    /// A value of either kind a task feeds: an exact corner or anything between.
    fn value() -> impl Strategy<Value = f64> {
        prop_oneof![Just(0.0), Just(1.0), -2.0f64..=2.0]
    }

    fn pattern() -> impl Strategy<Value = (Vec<f64>, f64, f64)> {
        (
            prop::collection::vec(value(), 4),
            prop_oneof![Just(0.0), Just(1.0), 0.0f64..=1.0],
            // lr in (0, 2], as the configuration allows.
            (0.0f64..=2.0).prop_filter("lr > 0", |lr| *lr > 0.0),
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn the_fast_update_grows_the_same_bits_as_the_reference(
            inputs in 1usize..=4,
            hidden in prop::collection::vec(1usize..=12, 1..=3),
            bias in prop::option::of(0.0f64..=2.0),
            u0 in 0.1f64..=4.0,
            init_range in 0.01f64..=2.0,
            seed in any::<u64>(),
            rule in rule(),
            loss in prop::sample::select(Loss::ALL.to_vec()),
            patterns in prop::collection::vec(pattern(), 1..=8),
        ) {
            let shape = Shape { inputs, hidden, bias, u0 };
            let mut rng = StdRng::seed_from_u64(seed);
            let mut fast = Network::random(shape, loss, init_range, &mut rng);
            let mut reference = ReferenceNetwork::from_network(&fast);
            for (step, (input, t, lr)) in patterns.iter().enumerate() {
                let input = &input[..inputs];
                let (y, p) = fast.train(input, *t, rule, loss, *lr);
                let (ref_y, ref_p) = reference.update(input, *t, rule, loss, *lr);
                prop_assert_eq!(y.to_bits(), ref_y.to_bits(), "y at step {}", step);
                prop_assert_eq!(p.to_bits(), ref_p.to_bits(), "p at step {}", step);
                prop_assert!(
                    weight_bits(&ReferenceNetwork::from_network(&fast)) == weight_bits(&reference),
                    "weights after step {}", step
                );
            }
        }
    }

    #[test]
    fn an_update_moves_weights_and_only_away_from_zero() {
        // Keeps the property above from passing on updates that change nothing.
        for rule in [Rule::Seed, Rule::Kaneko { u1: 1.0 }] {
            for loss in Loss::ALL {
                let shape = Shape {
                    inputs: 2,
                    hidden: vec![3, 2],
                    bias: Some(0.8),
                    u0: 0.4,
                };
                let fast = Network::random(shape, loss, 1.0, &mut StdRng::seed_from_u64(5));
                let mut net = ReferenceNetwork::from_network(&fast);
                let before = net.clone();
                net.update(&[1.0, 0.0], 0.0, rule, loss, 0.5);
                let pairs = || {
                    let (a, b) = (&before.weights, &net.weights);
                    a.iter()
                        .flatten()
                        .flatten()
                        .zip(b.iter().flatten().flatten())
                };
                assert!(pairs().all(|(w0, w1)| w1.abs() >= w0.abs() && w0 * w1 >= 0.0));
                let moved = pairs().filter(|(w0, w1)| w0 != w1).count();
                // t = 0: the output must fall, so each unit's odd sources learn
                // where their signal is not 0: in the first layer the `-` bias
                // and the `-` copy of input 1.0 (3 units x 2), in the others
                // the `-` bias and one hidden unit (2 units x 2, then 1 x 2).
                assert_eq!(moved, 6 + 4 + 2, "{rule:?} {loss}");
            }
        }
    }

    /// The `update` function's text, as the crate documentation quotes it.
    fn update_source() -> String {
        let source = include_str!("reference.rs");
        let start = source.find("    pub fn update(").unwrap();
        let end = start + source[start..].find("\n    }\n").unwrap() + "\n    }".len();
        source[start..end]
            .lines()
            .map(|line| line.strip_prefix("    ").unwrap_or(line))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_crate_documentation_quotes_the_update_as_it_is() {
        let doc: Vec<&str> = include_str!("mod.rs")
            .lines()
            .filter_map(|line| line.strip_prefix("//!"))
            .map(|line| line.strip_prefix(' ').unwrap_or(line))
            .collect();
        let doc = doc.join("\n");
        let quoted = doc
            .split("```rust,ignore\n")
            .nth(1)
            .and_then(|rest| rest.split("\n```").next())
            .expect("src/ed/mod.rs quotes a rust,ignore block");
        assert_eq!(quoted, update_source());
    }
}
