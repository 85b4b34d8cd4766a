//! Cutting a paste down to what a text field takes. The event layer passes pastes through
//! whole; the app decides to cap them, with this.

use unicode_segmentation::UnicodeSegmentation;

/// How much of a paste a text field takes: 10,000 characters, some five pages, far more than any
/// decision or statement, and little enough to lay out within a frame.
pub const PASTE_LIMIT_CHARS: usize = 10_000;

/// A paste cut to a size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CappedPaste {
    /// At most the limit in characters, ending on a whole grapheme (no half of a «لا» or of an
    /// emoji sequence).
    pub text: String,
    /// Characters cut off the end, for a message such as "۹۹۰٬۰۰۰ characters were not pasted".
    pub dropped_chars: usize,
}

/// Cuts `text` to at most `limit_chars` characters at a grapheme boundary, in place: only the
/// kept part is segmented, the rest is only counted.
pub fn cap_paste(mut text: String, limit_chars: usize) -> CappedPaste {
    let mut kept_chars = 0;
    let mut cut = text.len();
    for (at, grapheme) in text.grapheme_indices(true) {
        let n = grapheme.chars().count();
        if kept_chars + n > limit_chars {
            cut = at;
            break;
        }
        kept_chars += n;
    }
    let dropped_chars = text.get(cut..).map_or(0, |rest| rest.chars().count());
    text.truncate(cut);
    CappedPaste {
        text,
        dropped_chars,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_megabyte_paste_is_cut_to_the_limit_and_says_how_much() {
        let sentence = "بانک توسعه تعاون (شعبه کرمان) تا ۱۴۰۵/۰۹/۳۰ «اقدام» کند؛ SMS می‌فرستد.\n";
        let mut big = String::new();
        while big.len() < 1 << 20 {
            big.push_str(sentence);
        }
        let total = big.chars().count();
        let capped = cap_paste(big, PASTE_LIMIT_CHARS);
        assert_eq!(capped.text.chars().count() + capped.dropped_chars, total);
        assert!(capped.text.chars().count() <= PASTE_LIMIT_CHARS);
        assert!(capped.text.chars().count() > PASTE_LIMIT_CHARS - 4);
        assert!(capped.text.starts_with(sentence));
    }

    #[test]
    fn the_cut_never_splits_a_grapheme() {
        // e + combining acute is one grapheme of two characters.
        let capped = cap_paste("abe\u{301}cd".into(), 3);
        assert_eq!(capped.text, "ab");
        assert_eq!(capped.dropped_chars, 4);
        let whole = cap_paste("می‌خواهد".into(), 100);
        assert_eq!((whole.text.as_str(), whole.dropped_chars), ("می‌خواهد", 0));
        assert_eq!(cap_paste("abc".into(), 0).dropped_chars, 3);
    }
}
