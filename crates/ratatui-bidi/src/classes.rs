//! Bidi classes with a direct-indexed cache for the scripts hamyar shows most.
//!
//! `unicode-bidi` finds each character's class by binary search over its whole table; for
//! Persian text that search was the largest single cost of `hamyar bidi`. The first 2048 code
//! points (Latin, Arabic) and General Punctuation (ZWNJ, marks, quotes) are looked up once and
//! then indexed directly; everything else falls through to `unicode-bidi`'s data.

use std::sync::OnceLock;

use unicode_bidi::{BidiClass, BidiDataSource, HardcodedBidiData};

const LOW_END: u32 = 0x0800;
const PUNCT: std::ops::Range<u32> = 0x2000..0x2070;

struct Tables {
    low: Vec<BidiClass>,
    punct: Vec<BidiClass>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let class = |cp: u32| char::from_u32(cp).map_or(BidiClass::L, unicode_bidi::bidi_class);
        Tables {
            low: (0..LOW_END).map(class).collect(),
            punct: PUNCT.map(class).collect(),
        }
    })
}

/// The data source handed to `unicode-bidi`: same data, faster for common text.
pub(super) struct CachedBidiData;

impl BidiDataSource for CachedBidiData {
    fn bidi_class(&self, c: char) -> BidiClass {
        let cp = c as u32;
        let t = tables();
        if cp < LOW_END {
            if let Some(&class) = t.low.get(cp as usize) {
                return class;
            }
        } else if PUNCT.contains(&cp)
            && let Some(&class) = t.punct.get((cp - PUNCT.start) as usize)
        {
            return class;
        }
        HardcodedBidiData.bidi_class(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_agrees_with_unicode_bidi() {
        for cp in (0..0x2100).chain(0xFB50..0xFF00) {
            if let Some(c) = char::from_u32(cp) {
                assert_eq!(
                    CachedBidiData.bidi_class(c),
                    unicode_bidi::bidi_class(c),
                    "{cp:X}"
                );
            }
        }
    }
}
