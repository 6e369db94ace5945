//! Pixels any front end can draw.

pub mod decision_map;
pub mod progressive;
pub mod weights;
