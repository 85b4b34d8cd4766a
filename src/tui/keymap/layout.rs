//! The Persian keyboard (ISIRI 9147) against US QWERTY, from the vendored table
//! `assets/keyboard-isiri9147.tsv`, so that a key bound as `d` also works as `ی`, the character
//! the Persian layout types on the same physical key. Nobody writes the Persian aliases by hand.

use std::collections::HashMap;

/// The vendored table: one row per physical key, with the US and Persian characters on it.
const ISIRI_9147_TSV: &str = include_str!("../../../assets/keyboard-isiri9147.tsv");

/// A row of the table that cannot be read: the table is part of the build, so this is a bug
/// in the asset, reported rather than panicked on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("keyboard table, line {line}: {reason}")]
pub struct LayoutError {
    /// One-based line number in the table.
    pub line: usize,
    pub reason: String,
}

/// What the Persian layout types on each US key, both levels (unshifted and shifted).
#[derive(Clone, Debug)]
pub struct PersianLayout {
    twins: HashMap<char, char>,
}

impl PersianLayout {
    /// The built-in ISIRI 9147 table.
    pub fn isiri9147() -> Result<PersianLayout, LayoutError> {
        PersianLayout::parse(ISIRI_9147_TSV)
    }

    /// Reads a table in the vendored format: `#` comments, a header row starting with `us`,
    /// then tab-separated `us us_shift fa fa_shift fa_cp fa_shift_cp`. The code point columns
    /// are authoritative (the character columns show invisible ones as `<U+200C>`).
    pub fn parse(tsv: &str) -> Result<PersianLayout, LayoutError> {
        let mut twins = HashMap::new();
        for (i, row) in tsv.lines().enumerate() {
            let line = i + 1;
            if row.starts_with('#') || row.starts_with("us\t") || row.trim().is_empty() {
                continue;
            }
            let bad = |reason: String| LayoutError { line, reason };
            let cols: Vec<&str> = row.split('\t').collect();
            let [us, us_shift, _, _, fa_cp, fa_shift_cp] = cols[..] else {
                return Err(bad(format!("expected 6 columns, found {}", cols.len())));
            };
            let us = single_char(us).ok_or_else(|| bad(format!("{us:?} is not one character")))?;
            let us_shift = single_char(us_shift)
                .ok_or_else(|| bad(format!("{us_shift:?} is not one character")))?;
            let fa = code_point(fa_cp).ok_or_else(|| bad(format!("bad code point {fa_cp:?}")))?;
            let fa_shift = code_point(fa_shift_cp)
                .ok_or_else(|| bad(format!("bad code point {fa_shift_cp:?}")))?;
            twins.insert(us, fa);
            twins.insert(us_shift, fa_shift);
        }
        Ok(PersianLayout { twins })
    }

    /// The character the Persian layout types on the key that types `us` in the US layout, when
    /// it differs and is a visible character (`d` → `ی`, `?` → `؟`; `/` and `.` have none;
    /// Shift+B's ZWNJ is not offered as a key).
    pub fn twin(&self, us: char) -> Option<char> {
        self.twins
            .get(&us)
            .copied()
            .filter(|fa| *fa != us && !is_invisible(*fa))
    }

    /// Number of US characters in the table (both levels): 94 for the full ISIRI 9147 table.
    pub fn len(&self) -> usize {
        self.twins.len()
    }

    /// Whether the table was empty.
    pub fn is_empty(&self) -> bool {
        self.twins.is_empty()
    }
}

fn single_char(s: &str) -> Option<char> {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

fn code_point(s: &str) -> Option<char> {
    let hex = s.strip_prefix("U+")?;
    u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
}

/// ZWNJ, ZWJ and other format characters: typed inside words, never a key to press.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vendored_table_reads_whole() {
        let l = PersianLayout::isiri9147().unwrap();
        // 47 keys, two levels each.
        assert_eq!(l.len(), 94);
    }

    #[test]
    fn letters_digits_and_symbols() {
        let l = PersianLayout::isiri9147().unwrap();
        let pairs = [
            ('q', 'ض'),
            ('d', 'ی'),
            ('t', 'ف'),
            ('i', 'ه'),
            ('a', 'ش'),
            ('m', 'پ'),
            ('e', 'ث'),
            ('u', 'ع'),
            ('j', 'ت'),
            ('k', 'ن'),
            ('n', 'د'),
            ('r', 'ق'),
            ('h', 'ا'),
            ('f', 'ب'),
            ('y', 'غ'),
            ('[', 'ج'),
            (']', 'چ'),
            ('?', '؟'),
            ('1', '۱'),
            ('9', '۹'),
            ('0', '۰'),
            ('D', 'ي'),
            (';', 'ک'),
        ];
        for (us, fa) in pairs {
            assert_eq!(l.twin(us), Some(fa), "{us}");
        }
    }

    #[test]
    fn same_or_invisible_characters_have_no_twin() {
        let l = PersianLayout::isiri9147().unwrap();
        for us in ['/', '.', '-', '=', '*', '\\', 'B', '`'] {
            assert_eq!(l.twin(us), None, "{us}");
        }
        assert_eq!(l.twin('ض'), None, "Persian characters are not US keys");
    }

    #[test]
    fn a_broken_row_is_an_error_with_its_line() {
        let err = PersianLayout::parse("# c\nus\tx\nq\tQ\tض\n").unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.to_string().contains("6 columns"), "{err}");
        let err = PersianLayout::parse("q\tQ\tض\tْ\tU+ZZ\tU+0652\n").unwrap_err();
        assert!(err.reason.contains("U+ZZ"), "{err}");
    }
}
