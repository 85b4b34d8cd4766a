//! How wide text is in the carried font, read from its own tables (`cmap` and `hmtx`), so that
//! table columns can be sized from their content.
//!
//! Each letter is measured in its isolated form, the widest a Persian letter takes, so a word
//! measured here is never narrower than it prints (joined letters are narrower). The documents
//! ask for B Nazanin first, whose letters are narrower still; Times New Roman, which sets Latin
//! text, is narrower than Vazirmatn's Latin letters.

use std::sync::OnceLock;

use super::fonts::FILES;

/// Advance widths in font units of every code point of the Basic Multilingual Plane, and the
/// font's units per em.
struct Advances {
    per_char: Vec<u16>,
    units_per_em: f64,
}

/// The width of `text` in em of the carried font, regular or bold.
pub fn em_width(text: &str, bold: bool) -> f64 {
    let a = advances(bold);
    let units: u64 = text
        .chars()
        .filter(|c| !is_zero_width(*c))
        .map(|c| u64::from(a.per_char.get(c as usize).copied().unwrap_or(0)))
        .sum();
    units as f64 / a.units_per_em
}

/// ZWNJ, ZWJ, the bidi marks and combining marks take no room.
fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{FEFF}')
}

fn advances(bold: bool) -> &'static Advances {
    static REGULAR: OnceLock<Advances> = OnceLock::new();
    static BOLD: OnceLock<Advances> = OnceLock::new();
    let (cell, file) = if bold {
        (&BOLD, FILES.iter().find(|f| f.bold))
    } else {
        (&REGULAR, FILES.iter().find(|f| !f.bold))
    };
    cell.get_or_init(|| {
        file.and_then(|f| read(f.bytes)).unwrap_or(Advances {
            // Unreadable (it is compiled in, so never): half an em for everything.
            per_char: vec![1024; 0x10000],
            units_per_em: 2048.0,
        })
    })
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*b.get(at)?, *b.get(at + 1)?]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The offset of table `tag`.
fn table(font: &[u8], tag: &[u8; 4]) -> Option<usize> {
    let count = usize::from(u16_at(font, 4)?);
    (0..count)
        .map(|i| 12 + 16 * i)
        .find(|&rec| font.get(rec..rec + 4) == Some(&tag[..]))
        .and_then(|rec| u32_at(font, rec + 8))
        .map(|o| o as usize)
}

fn read(font: &[u8]) -> Option<Advances> {
    let units_per_em = f64::from(u16_at(font, table(font, b"head")? + 18)?);
    let metrics = usize::from(u16_at(font, table(font, b"hhea")? + 34)?);
    let hmtx = table(font, b"hmtx")?;
    let advance = |glyph: u16| {
        let g = usize::from(glyph).min(metrics.saturating_sub(1));
        u16_at(font, hmtx + 4 * g).unwrap_or(0)
    };
    let glyphs = cmap_format_4(font, table(font, b"cmap")?)?;
    let per_char = glyphs.into_iter().map(advance).collect();
    Some(Advances {
        per_char,
        units_per_em,
    })
}

/// The glyph of every BMP code point, from the `cmap` table's format-4 subtable.
fn cmap_format_4(font: &[u8], cmap: usize) -> Option<Vec<u16>> {
    let subtables = usize::from(u16_at(font, cmap + 2)?);
    let sub = (0..subtables)
        .filter_map(|i| u32_at(font, cmap + 8 + 8 * i).map(|o| cmap + o as usize))
        .find(|&s| u16_at(font, s) == Some(4))?;
    let segments = usize::from(u16_at(font, sub + 6)? / 2);
    let ends = sub + 14;
    let starts = ends + 2 * segments + 2;
    let deltas = starts + 2 * segments;
    let ranges = deltas + 2 * segments;
    let mut glyphs = vec![0u16; 0x10000];
    for s in 0..segments {
        let (start, end) = (u16_at(font, starts + 2 * s)?, u16_at(font, ends + 2 * s)?);
        let delta = u16_at(font, deltas + 2 * s)?;
        let range = usize::from(u16_at(font, ranges + 2 * s)?);
        for c in start..=end.min(0xFFFE) {
            let glyph = if range == 0 {
                c.wrapping_add(delta)
            } else {
                let at = ranges + 2 * s + range + 2 * usize::from(c - start);
                match u16_at(font, at)? {
                    0 => 0,
                    g => g.wrapping_add(delta),
                }
            };
            glyphs[usize::from(c)] = glyph;
        }
    }
    Some(glyphs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font() {
        // Vazirmatn FD: the digit one is narrow, the digit three wide, ZWNJ nothing.
        let one = em_width("۱", false);
        let three = em_width("۳", false);
        assert!(one > 0.2 && one < 0.35, "{one}");
        assert!(three > 0.6 && three < 0.7, "{three}");
        assert_eq!(em_width("\u{200C}", false), 0.0);
        assert!(em_width("انجام‌شده", true) > em_width("انجام‌شده", false));
        assert_eq!(
            em_width("1", false),
            one,
            "FD draws Latin digits as Persian ones"
        );
    }
}
