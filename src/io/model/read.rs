//! Reading a model file's text field by field (see the rules atop
//! [`super`]): first everything but the weights, checked; then the weights.

use super::{check_integers, FORMAT, VERSION};
use crate::ed::Layer;
use crate::io::json::{Read, Reader};
use crate::settings::config::{Config, MAX_HIDDEN_LAYERS, MAX_UNITS};
use crate::settings::params::Params;
use crate::settings::schema::{Kind, Param, Value, PARAMS};

const FIELDS: [&str; 6] = ["format", "version", "config", "epoch", "loss", "networks"];

/// What the file holds besides its weights, checked.
pub(super) struct Header {
    pub config: Config,
    pub epoch: u64,
    pub loss: Option<f64>,
    /// Where the weights' list starts in the text.
    pub networks_at: usize,
}

fn unknown(r: &Reader, name: &str, allowed: &[&str]) -> String {
    r.error(&format!(
        "{name}: unknown field; allowed fields are {}",
        allowed.join(", ")
    ))
}

/// Refuses a field seen before; else marks it seen.
fn once(r: &Reader, seen: &mut [bool], k: usize, name: &str) -> Read<()> {
    if std::mem::replace(&mut seen[k], true) {
        return Err(r.error(&format!("{name}: repeated field")));
    }
    Ok(())
}

fn text(r: &mut Reader, name: &str) -> Read<String> {
    match r.string()? {
        Some(t) => Ok(t),
        None => Err(r.refuse(&format!("{name}: must be a string"))),
    }
}

fn number(r: &mut Reader, name: &str) -> Read<f64> {
    match r.number()? {
        Some(v) => Ok(v),
        None => Err(r.refuse(&format!("{name}: must be a number"))),
    }
}

/// A whole number from 0 to `max`, `must` saying so in words.
fn whole(r: &mut Reader, name: &str, max: u64, must: &str) -> Read<u64> {
    match r.whole()? {
        Some(Some(n)) if n <= max => Ok(n),
        _ => Err(r.refuse(&format!("{name}: {must}"))),
    }
}

/// The top-level object, the weights skipped; then the checks that need no
/// weights. The configuration is checked as it is read.
pub(super) fn header(r: &mut Reader) -> Read<Header> {
    let (mut format, mut version, mut config, mut epoch) = (None, None, None, None);
    let (mut loss, mut networks_at) = (None, None);
    let mut seen = [false; FIELDS.len()];
    let is_object = r.object(&mut |r, name| {
        let k = FIELDS
            .iter()
            .position(|f| *f == name)
            .ok_or_else(|| unknown(r, name, &FIELDS))?;
        once(r, &mut seen, k, name)?;
        match name {
            "format" => format = Some(text(r, name)?),
            "version" => version = Some(whole(r, name, u64::MAX, "must be a whole number")?),
            "config" => config = Some(read_config(r)?),
            "epoch" => {
                // Checked here, so no file's epoch can come near wrapping.
                let max = super::MAX_FILE_INTEGER;
                let must = format!("must be a whole number from 0 to {max} (2^53 - 1)");
                epoch = Some(whole(r, name, max, &must)?);
            }
            "loss" if r.null() => {}
            "loss" => loss = Some(number(r, name)?),
            _ => {
                networks_at = Some(r.offset());
                r.skip()?;
            }
        }
        Ok(())
    })?;
    if !is_object {
        return Err(r.refuse("not a model: the text is not a JSON object"));
    }
    r.end()?;
    let missing = |name: &str| format!("{name}: missing");
    let format = format.ok_or_else(|| missing("format"))?;
    if format != FORMAT {
        return Err(format!("format is {format:?}, expected {FORMAT:?}"));
    }
    let version = version.ok_or_else(|| missing("version"))?;
    if version != u64::from(VERSION) {
        return Err(format!(
            "unknown version {version} (this build reads version {VERSION})"
        ));
    }
    let config = config.ok_or_else(|| missing("config"))?;
    let epoch = epoch.ok_or_else(|| missing("epoch"))?;
    check_integers(epoch, config.seed).map_err(|e| e.0)?;
    if loss.is_some_and(|l: f64| l < 0.0) {
        return Err("loss must be a finite number, 0 or more".into());
    }
    Ok(Header {
        config,
        epoch,
        loss,
        networks_at: networks_at.ok_or_else(|| missing("networks"))?,
    })
}

/// The schema's entries that are fields of a run's configuration.
fn config_params() -> impl Iterator<Item = &'static Param> {
    PARAMS.iter().filter(|p| p.config)
}

/// The configuration: every field present, except the 2-D tasks' three, which
/// files from before them lack, and `beta`, absent or null for none.
fn read_config(r: &mut Reader) -> Read<Config> {
    let mut values: Vec<(&'static Param, Value)> = Vec::new();
    let mut seen = [false; PARAMS.len()];
    let is_object = r.object(&mut |r, name| {
        let names: Vec<&str> = config_params().map(|p| p.name).collect();
        let k = PARAMS
            .iter()
            .position(|p| p.config && p.name == name)
            .ok_or_else(|| unknown(r, &format!("config.{name}"), &names))?;
        once(r, &mut seen, k, &format!("config.{name}"))?;
        values.push((&PARAMS[k], field_value(r, &PARAMS[k])?));
        Ok(())
    })?;
    if !is_object {
        return Err(r.refuse("config: must be an object"));
    }
    for param in config_params() {
        let given = values.iter().any(|(p, _)| p.name == param.name);
        if !given && param.name == "beta" {
            values.push((param, Value::Absent));
        } else if !given && !param.plane {
            return Err(format!("config.{}: missing", param.name));
        }
    }
    Params::config_from_values(&values).map_err(|e| format!("config {e}"))
}

/// One configuration field as a value of its entry's kind, refused with the
/// entry's own words; numbers' ranges are [`Config::validate`]'s to check.
fn field_value(r: &mut Reader, param: &Param) -> Read<Value> {
    let name = format!("config.{}", param.name);
    let must = match param.kind {
        // In a link a flag is 0 or 1; in JSON, true or false.
        Kind::Flag => "must be true or false".to_string(),
        _ => param.must(),
    };
    let refused = |r: &mut Reader| r.refuse(&format!("{name}: {must}"));
    Ok(match param.kind {
        Kind::Choice(options) => {
            let t = text(r, &name)?;
            let found = options.iter().find(|o| o.value == t);
            Value::Choice(found.ok_or_else(|| refused(r))?.value)
        }
        Kind::Number { .. } if param.name == "beta" && r.null() => Value::Absent,
        Kind::Number { .. } => Value::Number(number(r, &name)?),
        Kind::Whole { min, max } => match whole(r, &name, max, &must)? {
            n if n >= min => Value::Whole(n),
            _ => return Err(refused(r)),
        },
        Kind::Layers => {
            let mut sizes = Vec::new();
            // Refused at the first size past the limit, so a long list takes no memory.
            let is_list = r.list(&mut |r, k| {
                let n = whole(r, &name, MAX_UNITS as u64, &must)?;
                if k == MAX_HIDDEN_LAYERS {
                    return Err(refused(r));
                }
                sizes.push(n as usize);
                Ok(())
            })?;
            if !is_list {
                return Err(refused(r));
            }
            Value::Layers(sizes)
        }
        Kind::Flag => Value::Flag(r.flag().ok_or_else(|| refused(r))?),
        Kind::Changes | Kind::Points => return Err(refused(r)),
    })
}

/// Reads a list whose first `want` elements `keep` reads and keeps, and
/// passes over any beyond them, counting: a wrong length is named without the
/// excess taking memory. Returns the elements kept and the list's length, or
/// `None` if the value is not a list.
fn counted<T>(
    r: &mut Reader,
    want: usize,
    mut keep: impl FnMut(&mut Reader, usize) -> Read<T>,
) -> Read<Option<(Vec<T>, usize)>> {
    // `want` comes from a validated configuration, so it is bounded.
    let mut kept = Vec::with_capacity(want);
    let mut found = 0;
    let is_list = r.list(&mut |r, k| {
        found = k + 1;
        if k < want {
            kept.push(keep(r, k)?);
            Ok(())
        } else {
            r.skip()
        }
    })?;
    Ok(is_list.then_some((kept, found)))
}

/// `networks[output][layer]`, each layer's input-major weights; `sizes` are
/// the configuration's `(sources, units)` per layer. The counts of networks
/// and of their layers are checked first, the weights passed over.
pub(super) fn networks(
    r: &mut Reader,
    outputs: usize,
    sizes: &[(usize, usize)],
) -> Read<Vec<Vec<Layer>>> {
    check_counts(&mut r.at(r.offset()), outputs, sizes.len())?;
    let mut networks = Vec::with_capacity(outputs);
    r.list(&mut |r, n| {
        let mut layers = Vec::with_capacity(sizes.len());
        r.list(&mut |r, l| {
            layers.push(weights(r, n, l, sizes[l])?);
            Ok(())
        })?;
        networks.push(layers);
        Ok(())
    })?;
    Ok(networks)
}

/// `outputs` networks of `depth` layers each, or the first count that is wrong.
fn check_counts(r: &mut Reader, outputs: usize, depth: usize) -> Read<()> {
    let start = r.offset();
    let mut wrong_depth = None;
    let mut networks = 0;
    let is_list = r.list(&mut |r, n| {
        networks = n + 1;
        let at = r.offset();
        let mut layers = 0;
        let is_list = r.list(&mut |r, _| {
            layers += 1;
            r.skip()
        })?;
        if !is_list {
            return Err(r.at(at).error(&format!("networks[{n}]: must be a list")));
        }
        if layers != depth && wrong_depth.is_none() {
            wrong_depth = Some(r.at(at).error(&format!(
                "network {n} has {layers} layers, the config needs {depth}"
            )));
        }
        Ok(())
    })?;
    if !is_list {
        return Err(r.refuse("networks: must be a list"));
    }
    if networks != outputs {
        return Err(r.at(start).error(&format!(
            "{networks} networks for a task with {outputs} outputs"
        )));
    }
    wrong_depth.map_or(Ok(()), Err)
}

fn weights(r: &mut Reader, n: usize, l: usize, (sources, units): (usize, usize)) -> Read<Layer> {
    let start = r.offset();
    let (weights, found) = counted(r, sources * units, |r, k| {
        number(r, &format!("networks[{n}][{l}][{k}]"))
    })?
    .ok_or_else(|| r.refuse(&format!("networks[{n}][{l}]: must be a list")))?;
    let refused = |e: String| r.at(start).error(&format!("network {n} layer {l}: {e}"));
    Layer::check_weight_count(sources, units, found).map_err(refused)?;
    Layer::from_weights(sources, units, weights).map_err(refused)
}
