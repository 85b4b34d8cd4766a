//! JSON for people's terminals: every control and bidi-control character escaped as `\uXXXX`.
//!
//! serde_json escapes C0 controls but passes C1 controls (U+0080–U+009F, among them U+009B, a
//! one-byte CSI), bidi overrides and isolates, and U+2028/U+2029 through raw. Such text may
//! reach the database from another program, and `hamyar … --format json | jq` on a terminal
//! must not hand it to the terminal. These characters can only occur inside JSON strings, so
//! escaping them wherever they appear keeps the document valid and equal in value.

use std::io::{self, Write};

use serde::Serialize;

/// Whether `c` must not reach a terminal raw: C0 and C1 controls, DEL, bidi embeddings,
/// overrides, isolates and marks, line and paragraph separators, the BOM, the interlinear
/// annotation controls, and the noncharacters U+FFFE and U+FFFF (which some tools read as a
/// byte-swapped BOM).
pub fn needs_escape(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{061C}' | '\u{200E}' | '\u{200F}'
        | '\u{2028}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Writes `value` as pretty JSON with [`needs_escape`] characters escaped.
pub fn to_writer_pretty<W: Write, T: Serialize + ?Sized>(out: W, value: &T) -> io::Result<()> {
    let mut out = Escaping { inner: out };
    serde_json::to_writer_pretty(&mut out, value).map_err(io::Error::from)?;
    out.flush()
}

/// `value` as pretty JSON with [`needs_escape`] characters escaped.
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> io::Result<String> {
    let mut buf = Vec::new();
    to_writer_pretty(&mut buf, value)?;
    String::from_utf8(buf).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// Passes serde_json's output through, escaping the characters it leaves raw. serde_json
/// writes whole UTF-8 sequences per call, so a character is never split across writes.
struct Escaping<W> {
    inner: W,
}

impl<W: Write> Write for Escaping<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        let Ok(s) = std::str::from_utf8(buf) else {
            // Not reached with serde_json; pass bytes through rather than lose them.
            return self.inner.write_all(buf);
        };
        let mut start = 0;
        for (i, c) in s.char_indices() {
            // serde_json already escapes C0 inside strings; a raw one here is its own layout
            // (newlines and indentation of pretty output), which must stay raw.
            if c > '\u{1F}' && needs_escape(c) {
                self.inner.write_all(&buf[start..i])?;
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    write!(self.inner, "\\u{u:04X}")?;
                }
                start = i + c.len_utf8();
            }
        }
        self.inner.write_all(&buf[start..])
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_overrides_are_escaped_and_the_value_is_unchanged() {
        let text = "بانک\u{9B}31m \u{85}x\u{202E}abc\u{202C} \u{1B}]0;t\u{7} a\u{FFFE}b";
        let json = to_string_pretty(&serde_json::json!({ "text": text })).unwrap();
        assert!(
            !json.chars().any(|c| needs_escape(c) && c != '\n'),
            "{json:?}"
        );
        assert!(
            json.contains("\\u009B") && json.contains("\\u202E") && json.contains("\\uFFFE"),
            "{json}"
        );
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["text"], text);
    }
}
