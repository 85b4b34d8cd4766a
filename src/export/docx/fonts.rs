//! The embedded font parts: `word/fonts/*.odttf` and the font table's relationships to them.
//!
//! WordprocessingML embeds a TrueType font *obfuscated* (ECMA-376 Part 1, §17.8.1): the first
//! 32 bytes are XORed with the font key, a GUID read as 16 bytes from its last hex pair to its
//! first. The key is fixed here, so the same minutes still give the same bytes.
//!
//! Both font-table entries carry the data: the one named B Nazanin, because LibreOffice lends an
//! embedded font the name of the entry it belongs to (so text set in B Nazanin shows in
//! Vazirmatn FD wherever B Nazanin is missing), and the one named Vazirmatn FD, the font's own
//! name, which Word registers it under. Both point at the same two parts.

use std::sync::OnceLock;

use crate::export::fonts::{FILES, FontFile};

/// The relationship type of an embedded font.
const FONT_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font";

/// One embedded cut: its part, relationship id, key and obfuscated bytes.
pub(super) struct Embedded {
    pub part: &'static str,
    pub rel_id: &'static str,
    pub key: &'static str,
    pub bold: bool,
    pub bytes: Vec<u8>,
}

/// The fixed keys, one per cut (any GUID serves; fixed keeps the output reproducible).
const KEYS: [&str; 2] = [
    "{4F1C6A2E-7B3D-4E8A-9C51-2D6E0B7A3F19}",
    "{8A2D5E17-3C6B-4F09-B1E4-7D90C2A56E3B}",
];

/// The embedded cuts, obfuscated once per process.
pub(super) fn embedded() -> &'static [Embedded] {
    static CUTS: OnceLock<Vec<Embedded>> = OnceLock::new();
    CUTS.get_or_init(|| {
        FILES
            .iter()
            .zip(KEYS)
            .map(|(f, key)| Embedded {
                part: if f.bold {
                    "word/fonts/font2.odttf"
                } else {
                    "word/fonts/font1.odttf"
                },
                rel_id: if f.bold { "rIdFontBold" } else { "rIdFont" },
                key,
                bold: f.bold,
                bytes: obfuscate(f, key),
            })
            .collect()
    })
}

/// The font's bytes with the first 32 XORed with the key's bytes in reverse order.
fn obfuscate(font: &FontFile, key: &str) -> Vec<u8> {
    let mut bytes = font.bytes.to_vec();
    let guid = key_bytes(key);
    for (i, b) in bytes.iter_mut().take(32).enumerate() {
        *b ^= guid[i % 16];
    }
    bytes
}

/// `{XXXXXXXX-…}` as 16 bytes, last hex pair first.
fn key_bytes(key: &str) -> [u8; 16] {
    let hex: Vec<u8> = key
        .bytes()
        .filter(u8::is_ascii_hexdigit)
        .map(|c| match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            _ => c - b'A' + 10,
        })
        .collect();
    let mut out = [0u8; 16];
    for (i, pair) in hex.chunks(2).rev().enumerate().take(16) {
        out[i] = pair[0] << 4 | pair.get(1).copied().unwrap_or(0);
    }
    out
}

/// `w:embedRegular` and `w:embedBold` for a font-table entry.
pub(super) fn embed_elements() -> String {
    embedded()
        .iter()
        .map(|e| {
            let name = if e.bold {
                "w:embedBold"
            } else {
                "w:embedRegular"
            };
            format!("<{name} r:id=\"{}\" w:fontKey=\"{}\"/>", e.rel_id, e.key)
        })
        .collect()
}

/// `word/_rels/fontTable.xml.rels`.
pub(super) fn font_table_rels() -> String {
    let rels: String = embedded()
        .iter()
        .map(|e| {
            let target = e.part.trim_start_matches("word/");
            format!(
                "<Relationship Id=\"{}\" Type=\"{FONT_REL}\" Target=\"{target}\"/>",
                e.rel_id
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rels}</Relationships>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn obfuscation_xors_the_first_32_bytes_with_the_reversed_key() {
        let key = "{00112233-4455-6677-8899-AABBCCDDEEFF}";
        let k = key_bytes(key);
        assert_eq!(k[0], 0xFF, "the last pair comes first");
        assert_eq!(k[15], 0x00);
        let font = &FILES[0];
        let out = obfuscate(font, key);
        assert_eq!(out.len(), font.bytes.len());
        for i in 0..32 {
            assert_eq!(out[i] ^ k[i % 16], font.bytes[i], "byte {i}");
        }
        assert_eq!(out[32..], font.bytes[32..], "the rest is the font as it is");
    }
}
