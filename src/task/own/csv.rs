//! A set of points as a CSV file: one point a line, `x,y,label`, with `x` and
//! `y` on the plane (-1 to 1, the decision map's square) and `label` the class
//! (0 or 1; 0, 1 or 2 for three classes). A first line of names is a header
//! (`x,y,label`): one that starts with a letter and holds no number, finite or
//! not, so that `NaN,0.2,1` is refused as a bad point, not skipped as a header
//! (a point lost without a word); blank lines are skipped; a UTF-8
//! byte-order mark and Windows line ends are fine. Coordinates are rounded to
//! the grid of 0.001. The first bad line is named, and then nothing is read:
//! a half-loaded set would be a set nobody made. The CLI and the page share
//! this reader.

use super::{OwnPoint, Said, GRID, MAX_OWN_POINTS};
use crate::number::NumberParser;

/// A file larger than this is refused unread: 2,000 rows of full-precision
/// numbers take about 90 KB.
pub const MAX_CSV_BYTES: usize = 1 << 20;
/// Longer number text is not a coordinate anyone wrote.
const MAX_NUMBER_TEXT: usize = 32;
/// How much of a bad value a notice quotes.
const QUOTED: usize = 24;

fn said(en: String, ja: String) -> Said {
    Said { en, ja }
}

/// A bad line: "line N: ..." in English, 「N 行目: ...」 in Japanese.
fn at_line(line: usize, en: String, ja: String) -> Said {
    said(format!("line {line}: {en}"), format!("{line} 行目: {ja}"))
}

/// At most [`QUOTED`] characters of `text`, for a notice.
fn quote(text: &str) -> String {
    match text.char_indices().nth(QUOTED) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// Whether `text` is decimal number text: digits, `.`, `e`, `E`, `+`, `-`
/// only, with a digit among them.
fn decimal_text(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b))
}

/// Whether `text` is a number of any kind a reader might take it for: decimal
/// text, or a non-finite number's name (`NaN`, `inf`, `Infinity`, signed or
/// not, in any case), which Rust's parser and the browser's `Number` read as
/// numbers. Such a field is a value, never a column's name.
fn number_text(text: &str) -> bool {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    decimal_text(text)
        || ["nan", "inf", "infinity"]
            .iter()
            .any(|name| unsigned.eq_ignore_ascii_case(name))
}

/// Decimal number text (see [`decimal_text`]), read by `number`; finite only.
fn decimal(text: &str, number: NumberParser) -> Option<f64> {
    if text.len() <= MAX_NUMBER_TEXT && decimal_text(text) {
        number(text).filter(|v| v.is_finite())
    } else {
        None
    }
}

/// What a file over [`MAX_CSV_BYTES`] is told, before any of it is read.
pub fn too_large() -> Said {
    said(
        format!(
            "the file is larger than {} KB; a set of {MAX_OWN_POINTS} points is far smaller",
            MAX_CSV_BYTES >> 10
        ),
        format!(
            "ファイルが {} KB を超えています。{MAX_OWN_POINTS} 点のデータでもずっと小さいはずです",
            MAX_CSV_BYTES >> 10
        ),
    )
}

/// Reads a CSV file's bytes into points of `classes` (2 or 3) classes.
pub fn read_csv(bytes: &[u8], classes: usize, number: NumberParser) -> Result<Vec<OwnPoint>, Said> {
    if bytes.len() > MAX_CSV_BYTES {
        return Err(too_large());
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        at_line(
            line,
            "is not text (the file must be UTF-8 CSV)".into(),
            "テキストではありません (UTF-8 の CSV ファイルでなければなりません)".into(),
        )
    })?;
    let last_class = classes.saturating_sub(1);
    let mut points = Vec::new();
    let mut first = true;
    for (k, line) in text.split('\n').enumerate() {
        let n = k + 1;
        let line = line.strip_suffix('\r').unwrap_or(line).trim();
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        // A line of names: a first line that merely starts with a letter may
        // be a point whose x is `NaN` or `Infinity`, refused below like any.
        let header = first
            && fields[0]
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_alphabetic())
            && !fields.iter().any(|f| number_text(f));
        first = false;
        if header {
            continue;
        }
        if fields.len() != 3 {
            return Err(at_line(
                n,
                format!(
                    "must be x,y,label (3 values), got {} values: \"{}\"",
                    fields.len(),
                    quote(line)
                ),
                format!(
                    "x,y,label の 3 つの値でなければなりません ({} 個でした: 「{}」)",
                    fields.len(),
                    quote(line)
                ),
            ));
        }
        let mut at = [0.0; 2];
        for (axis, (name, field)) in ["x", "y"].iter().zip(&fields).enumerate() {
            at[axis] = decimal(field, number)
                .filter(|v| (-1.0..=1.0).contains(v))
                .ok_or_else(|| {
                    at_line(
                        n,
                        format!(
                            "{name} must be a number from -1 to 1, got \"{}\"",
                            quote(field)
                        ),
                        format!(
                            "{name} は -1 以上 1 以下の数でなければなりません (「{}」でした)",
                            quote(field)
                        ),
                    )
                })?;
        }
        let class = match fields[2] {
            "0" => 0,
            "1" => 1,
            "2" => 2,
            _ => usize::MAX,
        };
        if class > last_class {
            let allowed = if classes == 3 { "0, 1 or 2" } else { "0 or 1" };
            let allowed_ja = if classes == 3 {
                "0、1、2 のいずれか"
            } else {
                "0 か 1"
            };
            return Err(at_line(
                n,
                format!("label must be {allowed}, got \"{}\"", quote(fields[2])),
                format!(
                    "label は {allowed_ja}でなければなりません (「{}」でした)",
                    quote(fields[2])
                ),
            ));
        }
        if points.len() == MAX_OWN_POINTS {
            return Err(at_line(
                n,
                format!("more than {MAX_OWN_POINTS} points; a set holds at most {MAX_OWN_POINTS}"),
                format!(
                    "{MAX_OWN_POINTS} 点を超えています。読み込めるのは {MAX_OWN_POINTS} 点までです"
                ),
            ));
        }
        points.push(OwnPoint::at(at[0], at[1], class as u8));
    }
    if points.is_empty() {
        return Err(said(
            "the file holds no points (one x,y,label a line)".into(),
            "ファイルに点がありません (1 行に x,y,label を 1 つずつ)".into(),
        ));
    }
    Ok(points)
}

/// A grid step as decimal text with three decimals, written with integers
/// only (float formatting would cost the page's module about 14 KB).
fn grid_text(g: i32) -> String {
    let sign = if g < 0 { "-" } else { "" };
    let (whole, part) = (
        g.unsigned_abs() / GRID as u32,
        g.unsigned_abs() % GRID as u32,
    );
    format!("{sign}{whole}.{part:03}")
}

/// The CSV file of `points`, with a header line; [`read_csv`] reads it back
/// to the same points.
pub fn write_csv(points: &[OwnPoint]) -> String {
    let mut text = String::with_capacity(10 + 16 * points.len());
    text.push_str("x,y,label\n");
    for p in points {
        text.push_str(&format!(
            "{},{},{}\n",
            grid_text(p.x),
            grid_text(p.y),
            p.class
        ));
    }
    text
}
