//! Step 2: the base (paragraph) direction.

use unicode_bidi::{BidiClass, BidiDataSource, Level};

use super::classes::CachedBidiData;

/// A resolved direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

/// How a field picks its base direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
///
/// ```
/// use ratatui_bidi::{BaseDirection, Direction};
///
/// let sentence = "SMS برای اعضا ارسال شود";
/// assert_eq!(BaseDirection::Auto(Direction::Rtl).resolve(sentence), Direction::Ltr);
/// assert_eq!(BaseDirection::Prefer(Direction::Rtl).resolve(sentence), Direction::Rtl);
/// // No strong letter at all: the fallback.
/// assert_eq!(BaseDirection::Auto(Direction::Rtl).resolve("۱۴۰۵/۰۹/۳۰"), Direction::Rtl);
/// ```
pub enum BaseDirection {
    /// From the first strong character (UAX #9 P2–P3); the given direction when there is none,
    /// which should be the UI's direction.
    Auto(Direction),
    /// The given direction if the text has any strong character of that direction; else the
    /// other one if it has a strong character at all; else the given one. With
    /// `Prefer(Direction::Rtl)` a Persian sentence that starts with a Latin word
    /// («SMS برای اعضا ارسال شود») still reads right to left, where `Auto` would make it a
    /// left-to-right line. Meant for text that is Persian by nature in the Persian UI (titles,
    /// decisions, descriptions): an English sentence with one Persian name in it turns right
    /// to left too, so a field that holds either language is better served by `Auto`.
    Prefer(Direction),
    /// Always left to right.
    Ltr,
    /// Always right to left.
    Rtl,
}

impl Default for BaseDirection {
    fn default() -> Self {
        BaseDirection::Auto(Direction::Rtl)
    }
}

impl Direction {
    /// Whether this is [`Direction::Rtl`].
    pub fn is_rtl(self) -> bool {
        self == Direction::Rtl
    }

    pub(crate) fn level(self) -> Level {
        match self {
            Direction::Ltr => Level::ltr(),
            Direction::Rtl => Level::rtl(),
        }
    }
}

impl BaseDirection {
    /// The direction of one paragraph of text.
    pub fn resolve(self, paragraph: &str) -> Direction {
        match self {
            BaseDirection::Ltr => Direction::Ltr,
            BaseDirection::Rtl => Direction::Rtl,
            BaseDirection::Auto(fallback) => {
                match unicode_bidi::get_base_direction_with_data_source(&CachedBidiData, paragraph)
                {
                    unicode_bidi::Direction::Ltr => Direction::Ltr,
                    unicode_bidi::Direction::Rtl => Direction::Rtl,
                    unicode_bidi::Direction::Mixed => fallback,
                }
            }
            BaseDirection::Prefer(preferred) => {
                let (ltr, rtl) = strong_directions(paragraph);
                match preferred {
                    Direction::Rtl if !rtl && ltr => Direction::Ltr,
                    Direction::Ltr if !ltr && rtl => Direction::Rtl,
                    _ => preferred,
                }
            }
        }
    }
}

/// Whether `paragraph` has a strong left-to-right and a strong right-to-left character,
/// outside isolates (which count as neutral, as in rule P2).
fn strong_directions(paragraph: &str) -> (bool, bool) {
    use BidiClass::*;
    let (mut ltr, mut rtl) = (false, false);
    let mut isolates = 0usize;
    for c in paragraph.chars() {
        match CachedBidiData.bidi_class(c) {
            LRI | RLI | FSI => isolates += 1,
            PDI => isolates = isolates.saturating_sub(1),
            L if isolates == 0 => ltr = true,
            R | AL if isolates == 0 => rtl = true,
            _ => {}
        }
        if ltr && rtl {
            break;
        }
    }
    (ltr, rtl)
}

impl BaseDirection {
    /// The direction `text` resolves to, as a fixed choice: a part of the text (a truncated
    /// prefix, say) is then laid out in the direction of the whole.
    pub fn pinned(self, text: &str) -> BaseDirection {
        match self.resolve(text) {
            Direction::Ltr => BaseDirection::Ltr,
            Direction::Rtl => BaseDirection::Rtl,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_uses_first_strong_then_fallback() {
        let auto = BaseDirection::Auto(Direction::Rtl);
        assert_eq!(auto.resolve("۱۲۳ سلام abc"), Direction::Rtl);
        assert_eq!(auto.resolve("(2) Bank Sepah، شعبه"), Direction::Ltr);
        assert_eq!(auto.resolve("۱۴۰۵/۰۹/۳۰ - 12%"), Direction::Rtl);
        assert_eq!(
            BaseDirection::Auto(Direction::Ltr).resolve("12 (3)"),
            Direction::Ltr
        );
        assert_eq!(BaseDirection::Ltr.resolve("سلام"), Direction::Ltr);
    }

    #[test]
    fn prefer_keeps_its_direction_while_the_text_has_any_of_it() {
        let rtl = BaseDirection::Prefer(Direction::Rtl);
        let sentence = "SMS برای اعضا ارسال شود";
        assert_eq!(rtl.resolve(sentence), Direction::Rtl);
        assert_eq!(
            BaseDirection::Auto(Direction::Rtl).resolve(sentence),
            Direction::Ltr
        );
        // No strong right-to-left letter: the other direction; none at all: the preferred.
        assert_eq!(rtl.resolve("PDF (v2)"), Direction::Ltr);
        assert_eq!(rtl.resolve("۱۲/۳ - 45%"), Direction::Rtl);
        assert_eq!(rtl.resolve(""), Direction::Rtl);
        let ltr = BaseDirection::Prefer(Direction::Ltr);
        assert_eq!(ltr.resolve("بانک Sepah"), Direction::Ltr);
        assert_eq!(ltr.resolve("بانک سپه (۲)"), Direction::Rtl);
        assert_eq!(ltr.resolve("12"), Direction::Ltr);
        // A Persian word inside an isolate is neutral, as in rule P2.
        assert_eq!(rtl.resolve("abc \u{2067}سلام\u{2069}"), Direction::Ltr);
        assert_eq!(rtl.pinned(sentence), BaseDirection::Rtl);
    }
}
