//! Step 5: Arabic-script letters to presentation forms, so that they join in any terminal.
//!
//! This follows the Arabic Cursive Joining rules (Unicode ch. 9.2) the way GNU FriBidi applies
//! them in `fribidi_join_arabic`/`fribidi_shape_arabic`, because FriBidi is the reference the
//! conformance tests use:
//! - letters do not join across different embedding levels (bidi format characters and BN, such
//!   as ZWJ, match any level);
//! - transparent characters (harakat, most format characters) are skipped, and ZWNJ, being
//!   non-joining, breaks a join;
//! - lam followed directly by an alef form becomes one ligature: the ligature glyph goes in the
//!   alef's slot and the lam's slot gets [`FILLER`](super::FILLER), so the index map stays 1:1.
//!   No other ligature is made (the wide ones, like Allah, draw wider than their cell).

use unicode_bidi::{BidiClass, Level};

use super::FILLER;
use super::shape_table::{FORMS, FORMS_FIRST, JOINING, TRANSPARENT};

/// Joining types from ArabicShaping.txt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum JoiningType {
    U,
    R,
    D,
    C,
    T,
    L,
}

const JOINS_RIGHT: u8 = 1;
const JOINS_LEFT: u8 = 2;
const SHAPES: u8 = 4;
const TRANSPARENT_BIT: u8 = 8;
const IGNORED: u8 = 16;

/// Stand-in level for characters that match any level.
const ANY_LEVEL: u8 = u8::MAX;

/// Index of the `(lo, hi, …)` range of a sorted table that holds `cp`.
fn find_range<T>(table: &[T], cp: u32, range: impl Fn(&T) -> (u32, u32)) -> Option<usize> {
    table
        .binary_search_by(|entry| {
            let (lo, hi) = range(entry);
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .ok()
}

fn lookup_joining(cp: u32) -> Option<JoiningType> {
    find_range(JOINING, cp, |&(lo, hi, _)| (lo, hi)).map(|i| JOINING[i].2)
}

fn is_transparent_by_category(cp: u32) -> bool {
    find_range(TRANSPARENT, cp, |&(lo, hi)| (lo, hi)).is_some()
}

fn is_explicit_or_bn(class: BidiClass) -> bool {
    use BidiClass::*;
    matches!(
        class,
        BN | LRE | RLE | LRO | RLO | PDF | LRI | RLI | FSI | PDI
    )
}

/// Joining properties of a joining type, as bit flags.
const fn type_props(jt: JoiningType) -> u8 {
    match jt {
        JoiningType::U => 0,
        JoiningType::R => JOINS_RIGHT | SHAPES,
        JoiningType::D => JOINS_RIGHT | JOINS_LEFT | SHAPES,
        JoiningType::C => JOINS_RIGHT | JOINS_LEFT,
        JoiningType::T => TRANSPARENT_BIT | SHAPES,
        JoiningType::L => JOINS_LEFT | SHAPES,
    }
}

/// Marks a code point listed in ArabicShaping.txt: its type wins over the BN default.
const LISTED: u8 = 128;

/// Properties of a code point from the tables (LISTED, or the category default).
fn table_props(cp: u32) -> u8 {
    match lookup_joining(cp) {
        Some(jt) => LISTED | type_props(jt),
        None if is_transparent_by_category(cp) => type_props(JoiningType::T),
        None => 0,
    }
}

/// Direct-indexed [`table_props`] for U+0000..U+07FF (Latin, Arabic, Syriac, Thaana, NKo):
/// the two binary searches per character were most of the shaping time.
fn low_props() -> &'static [u8] {
    static LOW: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    LOW.get_or_init(|| (0..0x800).map(table_props).collect())
}

/// Joining properties of one character, as bit flags.
fn props(low: &[u8], c: char, class: BidiClass) -> u8 {
    let cp = c as u32;
    let p = match low.get(cp as usize) {
        Some(&p) => p,
        None => table_props(cp),
    };
    if p & LISTED == 0 && is_explicit_or_bn(class) {
        return IGNORED;
    }
    p & !LISTED
}

fn is_rtl(level: u8) -> bool {
    // ANY_LEVEL is odd on purpose: FriBidi's sentinel level (-1) tests as right-to-left too.
    level & 1 == 1
}

/// Whether any character could change under shaping: the forms table covers U+0621..U+06D3.
pub(super) fn needs_shaping(chars: impl Iterator<Item = char>) -> bool {
    let last = FORMS_FIRST + FORMS.len() as u32;
    chars
        .map(|c| c as u32)
        .any(|cp| (FORMS_FIRST..last).contains(&cp))
}

/// Scratch buffers for [`shape`], kept by the caller so that shaping allocates nothing.
#[derive(Clone, Default, Debug)]
pub(super) struct Shaper {
    props: Vec<u8>,
    levels: Vec<u8>,
}

impl Shaper {
    /// Replaces `glyphs` (one per logical character of a line, in logical order) with their
    /// presentation forms and lam-alef ligatures. `classes` and `levels` are the characters'
    /// original bidi classes and resolved embedding levels, before rule L1.
    pub(super) fn shape(&mut self, glyphs: &mut [char], classes: &[BidiClass], levels: &[Level]) {
        let low = low_props();
        self.props.clear();
        self.props
            .extend(glyphs.iter().zip(classes).map(|(&g, &c)| props(low, g, c)));
        self.levels.clear();
        self.levels
            .extend(classes.iter().zip(levels).map(|(&c, l)| {
                if is_explicit_or_bn(c) {
                    ANY_LEVEL
                } else {
                    l.number()
                }
            }));
        self.join();
        // Forms, then the ligature of each pair once both of its letters have their forms.
        let mut prev_level = Level::ltr();
        for i in 0..glyphs.len() {
            let p = self.props[i];
            if p & SHAPES != 0 {
                glyphs[i] = form(glyphs[i], p & (JOINS_RIGHT | JOINS_LEFT));
            }
            let level = levels[i];
            if i > 0
                && prev_level.is_rtl()
                && prev_level == level
                && let Some(lig) = lam_alef(glyphs[i - 1], glyphs[i])
            {
                glyphs[i - 1] = FILLER;
                glyphs[i] = lig;
            }
            prev_level = level;
        }
    }

    /// Resolves which side each character joins on (FriBidi's reading of rules R1–R7).
    fn join(&mut self) {
        let props = &mut self.props;
        let levels = &self.levels;
        let mut saved = 0usize;
        let mut saved_level = ANY_LEVEL;
        let mut saved_shapes = false;
        let mut saved_joins_following = 0u8;
        let mut joins = false;
        for i in 0..props.len() {
            let mut p = props[i];
            if p & (TRANSPARENT_BIT | IGNORED) == IGNORED {
                continue;
            }
            let shapes = p & SHAPES != 0;
            let level = levels[i];
            let mut disjoin = false;
            let levels_match =
                saved_level == level || saved_level == ANY_LEVEL || level == ANY_LEVEL;
            if joins && !levels_match {
                disjoin = true;
                joins = false;
            }
            let skipped = p & (TRANSPARENT_BIT | IGNORED) != 0;
            if !skipped {
                // In a right-to-left run the logically preceding character is on the right.
                let joins_preceding = if is_rtl(level) {
                    JOINS_RIGHT
                } else {
                    JOINS_LEFT
                };
                if !joins {
                    if shapes {
                        p &= !joins_preceding;
                    }
                } else if p & joins_preceding == 0 {
                    disjoin = true;
                } else {
                    // Transparent characters inside a join take the join's sides, as FriBidi
                    // does (harmless: none of them has presentation forms).
                    for q in &mut props[saved + 1..i] {
                        *q |= joins_preceding | saved_joins_following;
                    }
                }
            }
            if disjoin && saved_shapes {
                props[saved] &= !saved_joins_following;
            }
            props[i] = p;
            if !skipped {
                saved = i;
                saved_level = level;
                saved_shapes = shapes;
                saved_joins_following = if is_rtl(level) {
                    JOINS_LEFT
                } else {
                    JOINS_RIGHT
                };
                joins = p & saved_joins_following != 0;
            }
        }
        if joins && saved_shapes {
            props[saved] &= !saved_joins_following;
        }
    }
}

/// The presentation form of `c` for its joining sides (0 isolated, 1 right only = final,
/// 2 left only = initial, 3 medial).
fn form(c: char, sides: u8) -> char {
    let Some(i) = (c as u32).checked_sub(FORMS_FIRST) else {
        return c;
    };
    FORMS
        .get(i as usize)
        .map_or(c, |forms| forms[usize::from(sides & 3)])
}

/// Lam (initial or medial form) followed by alef (final form, with or without madda or hamza):
/// the mandatory ligatures of UnicodeData's `<isolated>`/`<final>` lam-alef decompositions.
fn lam_alef(lam: char, alef: char) -> Option<char> {
    let medial = match lam {
        '\u{FEDF}' => false,
        '\u{FEE0}' => true,
        _ => return None,
    };
    let isolated = match alef {
        '\u{FE82}' => '\u{FEF5}', // alef with madda above
        '\u{FE84}' => '\u{FEF7}', // alef with hamza above
        '\u{FE88}' => '\u{FEF9}', // alef with hamza below
        '\u{FE8E}' => '\u{FEFB}', // alef
        _ => return None,
    };
    // Each ligature's final form follows its isolated form.
    char::from_u32(isolated as u32 + u32::from(medial))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape_rtl(s: &str) -> String {
        let mut glyphs: Vec<char> = s.chars().collect();
        let classes: Vec<BidiClass> = glyphs
            .iter()
            .map(|&c| unicode_bidi::bidi_class(c))
            .collect();
        let levels: Vec<Level> = classes
            .iter()
            .map(|c| match c {
                BidiClass::L => Level::new(2).unwrap_or(Level::rtl()),
                _ => Level::rtl(),
            })
            .collect();
        Shaper::default().shape(&mut glyphs, &classes, &levels);
        glyphs.into_iter().collect()
    }

    #[test]
    fn persian_letters_join() {
        // گ چ پ ژ ک ی in their contextual forms.
        assert_eq!(shape_rtl("گچپ"), "\u{FB94}\u{FB7D}\u{FB57}");
        assert_eq!(shape_rtl("ژ"), "\u{FB8A}");
        assert_eq!(shape_rtl("کی"), "\u{FB90}\u{FBFD}");
    }

    #[test]
    fn zwnj_breaks_the_join_and_zwj_forces_it() {
        assert_eq!(shape_rtl("می\u{200C}خ"), "\u{FEE3}\u{FBFD}\u{200C}\u{FEA5}");
        assert_eq!(shape_rtl("ب\u{200D}"), "\u{FE91}\u{200D}");
    }

    #[test]
    fn lam_alef_keeps_one_slot_each_and_harakat_stay() {
        assert_eq!(shape_rtl("لا"), "\u{FEFF}\u{FEFB}");
        assert_eq!(shape_rtl("سلام"), "\u{FEB3}\u{FEFF}\u{FEFC}\u{FEE1}");
        // A haraka between lam and alef prevents the ligature but not the join.
        assert_eq!(shape_rtl("لَا"), "\u{FEDF}\u{064E}\u{FE8E}");
        // No Allah ligature.
        assert_eq!(shape_rtl("الله").chars().count(), 4);
        assert!(!shape_rtl("الله").contains('\u{FDF2}'));
    }
}
