//! Step 2: the base (paragraph) direction.

use unicode_bidi::Level;

/// A resolved direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    Ltr,
    Rtl,
}

/// How a field picks its base direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BaseDirection {
    /// From the first strong character (UAX #9 P2–P3); the given direction when there is none,
    /// which should be the UI's direction.
    Auto(Direction),
    Ltr,
    Rtl,
}

impl Default for BaseDirection {
    fn default() -> Self {
        BaseDirection::Auto(Direction::Rtl)
    }
}

impl Direction {
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
            BaseDirection::Auto(fallback) => match unicode_bidi::get_base_direction(paragraph) {
                unicode_bidi::Direction::Ltr => Direction::Ltr,
                unicode_bidi::Direction::Rtl => Direction::Rtl,
                unicode_bidi::Direction::Mixed => fallback,
            },
        }
    }
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
}
