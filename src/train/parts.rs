//! An ED run as its parts: the configuration, the epoch, the last loss and
//! every weight in one flat list (output by output, layer by layer, each
//! layer input-major). That is the whole of a model file, and the form a run
//! crosses between the page's two wasm modules in (src/wasm/convert.rs): the
//! files module turns a file into these parts and back, the page's module
//! builds its run from them. The checks are the model reader's (a layer's
//! weights through [`Layer::from_weights`]), so parts from anywhere are held to
//! the rules a file is.

use crate::ed::{Layer, Network};
use crate::settings::config::Config;
use crate::train::EdRun;

/// The `(sources, units)` of each layer of one of `config`'s networks.
fn layer_sizes(config: &Config) -> Vec<(usize, usize)> {
    config.shape(config.task.inputs(config.bits)).layer_sizes()
}

/// How many weights `config`'s networks hold together: the length a flat
/// list must have, checked before one is copied.
pub fn weight_count(config: &Config) -> usize {
    let per_network: usize = layer_sizes(config).iter().map(|(s, u)| s * u).sum();
    per_network * config.task.outputs()
}

/// Every weight of `networks` in one list (see the top of this file).
pub fn flat_weights<'a>(networks: impl IntoIterator<Item = &'a [Layer]>) -> Vec<f64> {
    networks
        .into_iter()
        .flat_map(|layers| layers.iter().flat_map(|l| l.weights().iter().copied()))
        .collect()
}

/// `flat` cut into `config`'s networks and layers, each layer checked (finite
/// weights, each of its connection's sign); refused, naming the first wrong
/// weight, unless `flat` holds exactly [`weight_count`] weights.
pub fn layers_from_flat(config: &Config, flat: &[f64]) -> Result<Vec<Vec<Layer>>, String> {
    let want = weight_count(config);
    if flat.len() != want {
        return Err(format!(
            "weights: the configuration's networks hold {want}, found {}",
            flat.len()
        ));
    }
    let sizes = layer_sizes(config);
    let mut rest = flat;
    (0..config.task.outputs())
        .map(|n| {
            sizes
                .iter()
                .enumerate()
                .map(|(l, &(sources, units))| {
                    let (these, after) = rest.split_at(sources * units);
                    rest = after;
                    Layer::from_weights(sources, units, these.to_vec())
                        .map_err(|e| format!("network {n} layer {l}: {e}"))
                })
                .collect()
        })
        .collect()
}

impl EdRun {
    /// A run resumed from checked layers (a model file's, or parts handed
    /// over): it stands at `epoch`, reporting `loss`.
    pub fn from_layers(
        config: Config,
        layers: Vec<Vec<Layer>>,
        epoch: u64,
        loss: Option<f64>,
    ) -> EdRun {
        let shape = config.shape(config.task.inputs(config.bits));
        let networks = layers
            .into_iter()
            .map(|l| Network::from_layers(shape.clone(), config.loss, l))
            .collect();
        let mut run = EdRun::from_parts(config, networks, epoch);
        run.last_loss = loss;
        run
    }

    /// Every weight of the run in one list, as [`layers_from_flat`] reads it.
    pub fn flat_weights(&self) -> Vec<f64> {
        flat_weights(self.networks().iter().map(Network::layers))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_crosses_as_parts_bit_for_bit() {
        let config = crate::settings::params::Params::config_from_text(&[
            ("task", "spiral3"),
            ("hidden", "5,3"),
            ("seed", "7"),
        ])
        .unwrap();
        let mut run = EdRun::new(config.clone());
        for _ in 0..3 {
            run.run_epoch();
        }
        let flat = run.flat_weights();
        assert_eq!(flat.len(), weight_count(&config));
        let layers = layers_from_flat(&config, &flat).unwrap();
        let back = EdRun::from_layers(config.clone(), layers, run.epoch(), run.last_loss());
        assert_eq!(back.to_json().unwrap(), run.to_json().unwrap());
        let bits = |v: &[f64]| v.iter().map(|w| w.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&back.flat_weights()), bits(&flat));

        let short = layers_from_flat(&config, &flat[1..]).unwrap_err();
        assert!(short.contains("found"), "{short}");
        let mut flipped = flat.clone();
        let k = flipped.iter().position(|w| *w != 0.0).unwrap();
        flipped[k] = -flipped[k];
        let sign = layers_from_flat(&config, &flipped).unwrap_err();
        assert!(sign.contains("wrong sign"), "{sign}");
        let mut nan = flat;
        nan[0] = f64::NAN;
        assert!(layers_from_flat(&config, &nan).is_err());
    }
}
