//! The reader's own points for the page (www/panels/points.js): the link's
//! form of [`crate::task::own`], and giving a run its points (the page's
//! module); the CSV reader and writer are the files module's (files.rs),
//! through the helpers here. A set crosses as a flat list of whole numbers,
//! `x, y, class` a point, `x` and `y` in steps of 0.001 of the plane (-1000
//! to 1000).

#![cfg_attr(not(all(feature = "page", feature = "files-module")), allow(dead_code))]

use js_sys::{Int32Array, Object, Reflect};
use wasm_bindgen::prelude::*;

#[cfg(feature = "page")]
use super::Playground;
use crate::task::own::{self, OwnPoint, Said};

fn set(obj: &Object, name: &str, value: impl Into<JsValue>) {
    // Setting a data property on a fresh plain object cannot fail.
    let _ = Reflect::set(obj, &JsValue::from_str(name), &value.into());
}

pub(super) fn points_of(flat: &[i32]) -> Result<Vec<OwnPoint>, JsError> {
    if flat.len() % 3 != 0 || flat.len() / 3 > own::MAX_OWN_POINTS {
        return Err(JsError::new(
            "points: x, y, class for each of at most 2000 points",
        ));
    }
    flat.chunks_exact(3)
        .map(|p| match (p[0], p[1], u8::try_from(p[2])) {
            (x, y, Ok(class)) if x.abs() <= own::GRID && y.abs() <= own::GRID && class <= 2 => {
                Ok(OwnPoint { x, y, class })
            }
            _ => Err(JsError::new(
                "points: each must lie on the map (-1000 to 1000) and be of class 0, 1 or 2",
            )),
        })
        .collect()
}

fn flat_of(points: &[OwnPoint]) -> Int32Array {
    let flat: Vec<i32> = points
        .iter()
        .flat_map(|p| [p.x, p.y, i32::from(p.class)])
        .collect();
    Int32Array::from(&flat[..])
}

/// `{ points }` (flat) or `{ error: { en, ja } }`.
pub(super) fn read(result: Result<Vec<OwnPoint>, Said>) -> Object {
    let obj = Object::new();
    match result {
        Ok(points) => set(&obj, "points", flat_of(&points)),
        Err(e) => {
            let error = Object::new();
            set(&error, "en", e.en);
            set(&error, "ja", e.ja);
            set(&obj, "error", error);
        }
    }
    obj
}

/// The link's `data=` text of a set of at most 200 points.
#[cfg(feature = "page")]
#[wasm_bindgen(js_name = pointsToLink)]
pub fn points_to_link(flat: &[i32]) -> Result<String, JsError> {
    let points = points_of(flat)?;
    if points.len() > own::MAX_LINK_POINTS {
        return Err(JsError::new(&format!(
            "points: a link carries at most {}",
            own::MAX_LINK_POINTS
        )));
    }
    Ok(own::encode(&points))
}

/// The engine's limits and grid for the reader's own points, so the page
/// copies none of them: `{ grid, most, csvBytes }` (steps of the grid per unit
/// of the plane, a set's most points, a CSV file's most bytes; a link's most is
/// the schema's `data` entry's).
#[cfg(feature = "page")]
#[wasm_bindgen(js_name = ownPointsLimits)]
pub fn own_points_limits() -> Object {
    let obj = Object::new();
    set(&obj, "grid", own::GRID);
    set(&obj, "most", own::MAX_OWN_POINTS as u32);
    set(&obj, "csvBytes", own::MAX_CSV_BYTES as u32);
    obj
}

/// A link's `data=` text read back: `{ points }` or `{ error: { en, ja } }`.
#[cfg(feature = "page")]
#[wasm_bindgen(js_name = pointsFromLink)]
pub fn points_from_link(text: &str) -> Object {
    read(own::decode(text))
}

#[cfg(feature = "page")]
#[wasm_bindgen]
impl Playground {
    /// Trains on these points (flat `x, y, class`) from the next epoch on,
    /// the weights and epoch count kept; only for the tasks points and points3.
    #[wasm_bindgen(js_name = setPoints)]
    pub fn set_points(&mut self, flat: &[i32]) -> Result<(), JsError> {
        let points = points_of(flat)?;
        self.session
            .set_points(&points)
            .map_err(|e| JsError::new(&e))
    }
}
