//! Pixels any front end can draw.

pub mod decision_map;
