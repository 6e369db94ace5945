//! A set of points as a link's `data=` value: base64url (RFC 4648, without
//! padding) of a version byte (1) and three bytes a point, big-endian: 11 bits
//! of `x + 1000`, 11 bits of `y + 1000` (each 0 to 2000: the grid of 0.001 over
//! `[-1, 1]`), then 2 bits of the class (0 to 2). 200 points are 601 bytes, 802
//! characters. An empty value is an empty set.

use super::{OwnPoint, Said, GRID, MAX_LINK_POINTS};

const VERSION: u8 = 1;
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The link's text of `points` (the caller keeps to [`MAX_LINK_POINTS`]).
pub fn encode(points: &[OwnPoint]) -> String {
    if points.is_empty() {
        return String::new();
    }
    let mut bytes = Vec::with_capacity(1 + 3 * points.len());
    bytes.push(VERSION);
    for p in points {
        let word = ((p.x + GRID) as u32) << 13 | ((p.y + GRID) as u32) << 2 | u32::from(p.class);
        bytes.extend_from_slice(&word.to_be_bytes()[1..]);
    }
    let mut text = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let mut b = [0u8; 3];
        b[..chunk.len()].copy_from_slice(chunk);
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..=chunk.len() {
            text.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    text
}

fn refused(en: impl Into<String>, ja: impl Into<String>) -> Said {
    Said {
        en: en.into(),
        ja: ja.into(),
    }
}

fn sextet(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == c).map(|i| i as u32)
}

/// Reads a link's `data=` text; each refusal says why, in both languages.
pub fn decode(text: &str) -> Result<Vec<OwnPoint>, Said> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let most = 4 * (1 + 3 * MAX_LINK_POINTS).div_ceil(3);
    if text.len() > most {
        return Err(refused(
            format!("holds more than {MAX_LINK_POINTS} points, the most a link carries"),
            format!("リンクで運べる {MAX_LINK_POINTS} 点を超えています"),
        ));
    }
    let not_text = || {
        refused(
            "is not points as the page writes them (letters, digits, - and _ only, cut short or altered)",
            "ページが書き出す点の形式ではありません (英数字と - と _ だけのはずです。途中で切れたか、書き換えられています)",
        )
    };
    if text.len() % 4 == 1 {
        return Err(not_text());
    }
    let mut bytes = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= sextet(c).ok_or_else(not_text)? << (18 - 6 * i);
        }
        bytes.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    let (&version, body) = bytes.split_first().ok_or_else(not_text)?;
    if version != VERSION || body.len() % 3 != 0 {
        return Err(not_text());
    }
    body.chunks(3)
        .enumerate()
        .map(|(k, b)| {
            let word = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
            let (x, y, class) = (word >> 13, word >> 2 & 0x7ff, (word & 3) as u8);
            let span = 2 * GRID as u32;
            if x > span || y > span || class > 2 {
                return Err(refused(
                    format!("point {} is off the map or of no class", k + 1),
                    format!("{} 番目の点がマップの外にあるか、クラスがありません", k + 1),
                ));
            }
            Ok(OwnPoint {
                x: x as i32 - GRID,
                y: y as i32 - GRID,
                class,
            })
        })
        .collect()
}
