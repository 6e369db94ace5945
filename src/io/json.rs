//! A small JSON reader for model files, the same natively and in the browser's
//! module: it reads the text in place and hands each number's text to a
//! [`NumberParser`] (natively `str::parse`, in the browser its own `Number`,
//! both correctly rounded, so they agree on every number JSON can write).
//! serde_json in the module would carry a float parser and float printing:
//! measured on 2026-11-29, +54 KB gzipped on a 68 KB module.
//!
//! The caller reads a document of known shape value by value ([`Reader::object`],
//! [`Reader::list`], [`Reader::number`], ...) and can skip a value it reads
//! later ([`Reader::skip`]); every error says where in the text it was found.

use crate::number::NumberParser;

/// Deeper nesting than any model file has is refused, not followed.
const MAX_DEPTH: usize = 64;

pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
    number: NumberParser,
}

pub type Read<T> = Result<T, String>;

impl<'a> Reader<'a> {
    pub fn new(text: &'a str, number: NumberParser) -> Reader<'a> {
        Reader {
            text,
            pos: 0,
            number,
        }
    }

    /// The byte offset reached, to come back to with [`Reader::at`].
    pub fn offset(&self) -> usize {
        self.pos
    }

    /// A reader of the same text from `offset` (one [`Reader::offset`] gave).
    pub fn at(&self, offset: usize) -> Reader<'a> {
        Reader {
            pos: offset,
            ..*self
        }
    }

    /// `message` with the line and column where the reader stands.
    #[cold]
    pub fn error(&self, message: &str) -> String {
        let before = &self.text.as_bytes()[..self.pos.min(self.text.len())];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let column = 1 + before.iter().rev().take_while(|&&b| b != b'\n').count();
        format!("{message} at line {line} column {column}")
    }

    /// `message` where the reader stands, unless the text ended there: a value
    /// cut short is not a wrong value.
    pub fn refuse(&mut self, message: &str) -> String {
        match self.peek() {
            None => self.error("not JSON: the text ends early"),
            Some(_) => self.error(message),
        }
    }

    /// A syntax error: `what` was found, or the text ended first.
    fn fail<T>(&self, what: &str) -> Read<T> {
        let why = if self.pos >= self.text.len() {
            "the text ends early"
        } else {
            what
        };
        Err(self.error(&format!("not JSON: {why}")))
    }

    /// The next byte that is not whitespace, not consumed.
    fn peek(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(self.pos) {
            self.pos += 1;
        }
        bytes.get(self.pos).copied()
    }

    fn expect(&mut self, byte: u8, what: &str) -> Read<()> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            self.fail(&format!("expected {what}"))
        }
    }

    /// Whether the next value is `null`; consumes it if so.
    pub fn null(&mut self) -> bool {
        self.peek() == Some(b'n') && self.word("null")
    }

    /// `true` or `false`.
    pub fn flag(&mut self) -> Option<bool> {
        match self.peek()? {
            b't' => self.word("true").then_some(true),
            b'f' => self.word("false").then_some(false),
            _ => None,
        }
    }

    /// Nothing but whitespace is left.
    pub fn end(&mut self) -> Read<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => self.fail("trailing characters"),
        }
    }

    /// A string, its escapes resolved, into `out` (or nowhere, when skipped);
    /// `false` if the next value is not a string.
    fn scan_string(&mut self, mut out: Option<&mut String>) -> Read<bool> {
        if self.peek() != Some(b'"') {
            return Ok(false);
        }
        self.pos += 1;
        loop {
            let rest = &self.text[self.pos..];
            let plain = rest
                .find(|c: char| c == '"' || c == '\\' || c < ' ')
                .map_or_else(|| self.fail("the text ends early"), Ok)?;
            if let Some(out) = out.as_deref_mut() {
                out.push_str(&rest[..plain]);
            }
            self.pos += plain;
            match self.text.as_bytes()[self.pos] {
                b'"' => {
                    self.pos += 1;
                    return Ok(true);
                }
                b'\\' => {
                    let c = self.escape()?;
                    if let Some(out) = out.as_deref_mut() {
                        out.push(c);
                    }
                }
                _ => return self.fail("a control character in a string"),
            }
        }
    }

    /// A string; `None` if the next value is not one.
    pub fn string(&mut self) -> Read<Option<String>> {
        let mut out = String::new();
        Ok(self.scan_string(Some(&mut out))?.then_some(out))
    }

    /// One escape, the reader on its backslash.
    fn escape(&mut self) -> Read<char> {
        let bytes = self.text.as_bytes();
        let c = match bytes.get(self.pos + 1) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => return self.unicode_escape(),
            _ => {
                self.pos += 1;
                return self.fail("an invalid escape");
            }
        };
        self.pos += 2;
        Ok(c)
    }

    /// The four hex digits of a `\\u` escape, the reader on its backslash.
    fn hex4(&mut self) -> Read<u32> {
        let start = self.pos + 2;
        let digits = self
            .text
            .get(start..start + 4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        if let Some(unit) = digits.and_then(|d| u32::from_str_radix(d, 16).ok()) {
            self.pos = start + 4;
            return Ok(unit);
        }
        // An escape cut short by the end of the text is the text ending.
        let rest = self.text.get(start..).unwrap_or("");
        let cut = rest.len() < 4 && rest.bytes().all(|b| b.is_ascii_hexdigit());
        self.pos = if cut { self.text.len() } else { start };
        self.fail("an invalid \\u escape")
    }

    /// Whether `word` is next; the reader at the end of the text if the text
    /// ends partway through it (so that is what an error names).
    fn word(&mut self, word: &str) -> bool {
        let rest = &self.text[self.pos..];
        if rest.starts_with(word) {
            self.pos += word.len();
            return true;
        }
        if !rest.is_empty() && word.starts_with(rest) {
            self.pos = self.text.len();
        }
        false
    }

    /// `\uXXXX`, or a surrogate pair of two; a lone surrogate is refused.
    fn unicode_escape(&mut self) -> Read<char> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF if self.text[self.pos..].starts_with("\\u") => {
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return self.fail("a lone surrogate in a string");
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            _ => first,
        };
        char::from_u32(code).map_or_else(|| self.fail("a lone surrogate in a string"), Ok)
    }

    /// A number's text by JSON's grammar; `None` if the next value is not one.
    fn number_text(&mut self) -> Read<Option<&'a str>> {
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Ok(None);
        }
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let digits = |pos: &mut usize| {
            let from = *pos;
            while bytes.get(*pos).is_some_and(u8::is_ascii_digit) {
                *pos += 1;
            }
            *pos - from
        };
        let mut pos = start + usize::from(bytes[start] == b'-');
        let int = digits(&mut pos);
        let leading_zero = int > 1 && bytes[pos - int] == b'0';
        let mut ok = int > 0 && !leading_zero;
        if bytes.get(pos) == Some(&b'.') {
            pos += 1;
            ok &= digits(&mut pos) > 0;
        }
        if let Some(b'e' | b'E') = bytes.get(pos) {
            pos += 1;
            if let Some(b'+' | b'-') = bytes.get(pos) {
                pos += 1;
            }
            ok &= digits(&mut pos) > 0;
        }
        // Where the number went wrong (or the text ended).
        self.pos = pos;
        if !ok {
            return self.fail("an invalid number");
        }
        Ok(Some(&self.text[start..pos]))
    }

    /// A finite number; `None` if the next value is not a number.
    pub fn number(&mut self) -> Read<Option<f64>> {
        let Some(text) = self.number_text()? else {
            return Ok(None);
        };
        match (self.number)(text) {
            Some(v) if v.is_finite() => Ok(Some(v)),
            _ => Err(self.error("number out of range")),
        }
    }

    /// A whole number written as digits alone (as writers write counts),
    /// read exactly: `Some(None)` when it is too large for a u64, `None` if
    /// the next value is no such number.
    pub fn whole(&mut self) -> Read<Option<Option<u64>>> {
        let at = self.pos;
        let Some(text) = self.number_text()? else {
            return Ok(None);
        };
        if !text.bytes().all(|b| b.is_ascii_digit()) {
            self.pos = at;
            return Ok(None);
        }
        Ok(Some(text.parse().ok()))
    }

    /// Reads an object, calling `field(reader, name)` with the reader on each
    /// field's value, which `field` must read or skip. `false` if the next
    /// value is not an object.
    pub fn object(&mut self, field: &mut dyn FnMut(&mut Self, &str) -> Read<()>) -> Read<bool> {
        if self.peek() != Some(b'{') {
            return Ok(false);
        }
        self.pos += 1;
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(true);
        }
        loop {
            let name = self
                .string()?
                .map_or_else(|| self.fail("expected a field name"), Ok)?;
            self.expect(b':', "':'")?;
            field(self, &name)?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(true);
                }
                _ => return self.fail("expected ',' or '}'"),
            }
        }
    }

    /// Reads a list, calling `item(reader, index)` with the reader on each
    /// element, which `item` must read or skip. `false` if the next value is
    /// not a list.
    pub fn list(&mut self, item: &mut dyn FnMut(&mut Self, usize) -> Read<()>) -> Read<bool> {
        if self.peek() != Some(b'[') {
            return Ok(false);
        }
        self.pos += 1;
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(true);
        }
        for k in 0.. {
            item(self, k)?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => break,
                _ => return self.fail("expected ',' or ']'"),
            }
        }
        self.pos += 1;
        Ok(true)
    }

    /// Passes over one value, checking its syntax, keeping nothing.
    pub fn skip(&mut self) -> Read<()> {
        self.skip_nested(0)
    }

    fn skip_nested(&mut self, depth: usize) -> Read<()> {
        if depth > MAX_DEPTH {
            return self.fail("nested too deeply");
        }
        if self.scan_string(None)? || self.number_text()?.is_some() || self.null() {
            return Ok(());
        }
        if self.flag().is_some()
            || self.object(&mut |r, _| r.skip_nested(depth + 1))?
            || self.list(&mut |r, _| r.skip_nested(depth + 1))?
        {
            return Ok(());
        }
        self.fail("expected a value")
    }
}
