//! The units text is never split or reordered inside: grapheme clusters.
//!
//! An extended grapheme cluster (UAX #29) is what a reader sees as one character: a letter
//! with its harakat, an emoji with its skin-tone modifier, a family joined by ZWJs, a flag
//! made of two regional indicators, a keycap. Layout keeps each one whole: it is measured as
//! one unit, never cut by wrapping or truncation, and kept in logical order when its line is
//! reordered (rule L3, generalised from combining marks to whole clusters). The cursor stops
//! only between clusters.
//!
//! One exception: a ZWNJ or ZWJ that *ends* a cluster is a unit of its own. In Persian text it
//! sits between two letters (می‌خواهم) and only decides whether they join; it is invisible, so
//! its place in visual order changes nothing on screen, and keeping it where FriBidi puts it
//! keeps `hamyar bidi` byte-for-byte equal to FriBidi on such text. Backspace after a ZWNJ then
//! deletes just the ZWNJ.

use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};
use unicode_width::UnicodeWidthChar;

pub(super) const ZWNJ: char = '\u{200C}';
const ZWJ: char = '\u{200D}';
const VS16: char = '\u{FE0F}';
const KEYCAP: char = '\u{20E3}';

fn is_regional_indicator(c: char) -> bool {
    matches!(c, '\u{1F1E6}'..='\u{1F1FF}')
}

fn is_emoji_modifier(c: char) -> bool {
    matches!(c, '\u{1F3FB}'..='\u{1F3FF}')
}

fn is_tag(c: char) -> bool {
    matches!(c, '\u{E0020}'..='\u{E007F}')
}

/// A character that extends a cluster without being a pictograph of its own.
fn is_extender(c: char) -> bool {
    is_combining_mark(c)
        || is_emoji_modifier(c)
        || is_tag(c)
        || matches!(c, ZWNJ | ZWJ | '\u{FE00}'..='\u{FE0F}')
}

/// Whether a grapheme cluster is an emoji sequence (UTS #51) that terminals draw as one wide
/// glyph: a keycap, a flag (two regional indicators), or a pictograph followed by a skin-tone
/// modifier, VS16, tags, or a ZWJ and another pictograph. A letter or digit with such a
/// character after it (`ب🏽`) is not one: terminals draw its parts apart.
pub(super) fn is_emoji_sequence(cluster: &str) -> bool {
    let mut chars = cluster.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest = chars.as_str();
    if rest.is_empty() {
        return false;
    }
    if rest.contains(KEYCAP) {
        return true;
    }
    if is_regional_indicator(first) {
        return rest.starts_with(is_regional_indicator);
    }
    if first.is_alphanumeric() || first.is_whitespace() || is_combining_mark(first) {
        return false;
    }
    let mut after_zwj = false;
    for c in rest.chars() {
        // Inside a cluster, a character after a ZWJ that extends nothing is a pictograph
        // joined by GB11: a ZWJ sequence.
        if c == VS16 || is_emoji_modifier(c) || is_tag(c) || (after_zwj && !is_extender(c)) {
            return true;
        }
        after_zwj = c == ZWJ;
    }
    false
}

fn char_width(c: char) -> usize {
    match c {
        '\t' => usize::from(crate::layout::TAB_WIDTH),
        // Other controls are not drawn (text is sanitized before layout).
        _ => c.width().map_or(0, |w| w.min(2)),
    }
}

/// Terminal cells one cluster takes: 2 for an emoji sequence, else the sum of its characters'
/// widths (a letter and its marks take the letter's cell).
pub(super) fn cluster_width(cluster: &str) -> usize {
    if is_emoji_sequence(cluster) {
        2
    } else {
        cluster.chars().map(char_width).sum()
    }
}

/// Terminal cells `text` takes, cluster by cluster, as layout measures it.
///
/// ```
/// // Seven letters, a ZWNJ (no cell), a space and an emoji with its skin tone (two cells).
/// assert_eq!(ratatui_bidi::display_width("می‌خواهم 👍🏽"), 10);
/// ```
pub fn display_width(text: &str) -> usize {
    units(text).map(|(_, u)| cluster_width(u)).sum()
}

/// Whether a cluster's last character is split off as a unit of its own (module doc).
fn splits_off(c: char) -> bool {
    matches!(c, ZWNJ | ZWJ)
}

/// The units of `text` with their byte offsets: grapheme clusters, with a trailing ZWNJ or
/// ZWJ split off (module doc).
pub(super) fn units(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    text.grapheme_indices(true).flat_map(|(i, g)| {
        let mut chars = g.char_indices();
        let split = match chars.next_back() {
            Some((j, c)) if j > 0 && splits_off(c) => Some(j),
            _ => None,
        };
        let (head, tail) = match split {
            Some(j) => ((i, &g[..j]), Some((i + j, &g[j..]))),
            None => ((i, g), None),
        };
        std::iter::once(head).chain(tail)
    })
}

/// A character that surely has Grapheme_Cluster_Break=Other and is not a regional indicator,
/// Hangul or Prepend: between two of these there is always a cluster boundary (UAX #29 GB999).
/// Printable ASCII, Latin-1 and Latin Extended, the Arabic letters, digits and punctuation
/// (not the harakat nor the Prepend number signs), General Punctuation: the text hamyar shows
/// most, whose boundaries it then finds without asking the segmenter.
pub(super) fn is_simple(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{A0}'..='\u{AC}'
        | '\u{AE}'..='\u{2FF}'
        | '\u{606}'..='\u{60F}'
        | '\u{61B}'
        | '\u{61D}'..='\u{64A}'
        | '\u{660}'..='\u{66F}'
        | '\u{671}'..='\u{6D5}'
        | '\u{6EE}'..='\u{6FF}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}')
}

/// The Arabic harakat and the superscript alef (U+064B..U+065F, U+0670): nonspacing marks,
/// Grapheme_Cluster_Break=Extend, so each continues the cluster before it (GB9).
pub(super) fn is_haraka(c: char) -> bool {
    matches!(c, '\u{64B}'..='\u{65F}' | '\u{670}')
}

/// Whether byte `pos` of `text` is between two units (its ends included).
pub(super) fn is_unit_boundary(text: &str, pos: usize) -> bool {
    if pos == 0 || pos >= text.len() {
        return pos <= text.len();
    }
    if !text.is_char_boundary(pos) {
        return false;
    }
    let mut cursor = GraphemeCursor::new(pos, text.len(), true);
    if cursor.is_boundary(text, 0).unwrap_or(true) {
        return true;
    }
    // Inside a cluster: still a boundary before a ZWNJ/ZWJ that ends it.
    let next = text[pos..].chars().next();
    next.is_some_and(splits_off) && {
        let after = pos + next.map_or(0, char::len_utf8);
        let mut c = GraphemeCursor::new(after, text.len(), true);
        c.is_boundary(text, 0).unwrap_or(true)
    }
}

/// The start of the unit holding byte `pos` (`pos` itself on a boundary), clamped to the text.
pub(super) fn unit_start(text: &str, pos: usize) -> usize {
    let mut pos = pos.min(text.len());
    while !is_unit_boundary(text, pos) {
        pos -= 1;
    }
    pos
}

/// The unit boundary after `pos` (which should be one), or the text's length.
pub(super) fn next_unit_boundary(text: &str, pos: usize) -> usize {
    let mut end = pos.min(text.len());
    for c in text[end..].chars() {
        end += c.len_utf8();
        if is_unit_boundary(text, end) {
            break;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_sequences_take_two_cells() {
        for e in [
            "👩🏽",
            "👨\u{200D}👩\u{200D}👧",
            "🇮🇷",
            "1\u{FE0F}\u{20E3}",
            "#\u{20E3}",
            "❤\u{FE0F}",
            "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}",
            "☝🏽",
        ] {
            assert_eq!(units(e).count(), 1, "{e}");
            assert!(is_emoji_sequence(e), "{e}");
            assert_eq!(display_width(e), 2, "{e}");
        }
        assert_eq!(display_width("سلام 👩🏽 خوب"), 2 + 1 + 4 + 1 + 3);
        // Not sequences: a letter and its marks, a lone pictograph, a modifier after a letter.
        for s in ["بَ", "e\u{301}", "🙂", "ب🏽", "a\u{FE0F}"] {
            assert!(!is_emoji_sequence(s), "{s}");
        }
        assert_eq!(display_width("مُدیر"), 4);
    }

    #[test]
    fn a_trailing_zwnj_or_zwj_is_a_unit_of_its_own() {
        let text = "می\u{200C}خواهم";
        let got: Vec<&str> = units(text).map(|(_, u)| u).collect();
        assert_eq!(got, ["م", "ی", "\u{200C}", "خ", "و", "ا", "ه", "م"]);
        let family = "👨\u{200D}👩";
        assert_eq!(units(family).count(), 1);
        assert!(!is_unit_boundary(family, "👨".len()));
        assert!(is_unit_boundary(text, "می".len()));
    }

    #[test]
    fn simple_characters_always_have_a_boundary_between_them() {
        for c in (0..0x2100u32)
            .filter_map(char::from_u32)
            .filter(|&c| is_simple(c))
        {
            for pair in [format!("a{c}"), format!("{c}a"), format!("{c}{c}")] {
                assert_eq!(pair.graphemes(true).count(), 2, "{:X}", c as u32);
            }
        }
    }

    #[test]
    fn unit_boundaries_move_over_whole_clusters() {
        let text = "a👩🏽بَ";
        assert_eq!(unit_start(text, 3), 1);
        assert_eq!(unit_start(text, "a👩".len()), 1);
        assert_eq!(next_unit_boundary(text, 1), "a👩🏽".len());
        assert_eq!(next_unit_boundary(text, "a👩🏽".len()), text.len());
        assert_eq!(unit_start(text, 999), text.len());
    }
}
