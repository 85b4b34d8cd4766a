//! Search across issues, decisions and statements: results as one types, grouped by kind, each
//! with its meeting and date.

use crate::domain::Date;
use crate::store::{SearchHit, SearchKind};
use crate::text::fold::fold;

/// One result, with where it was said or decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub hit: SearchHit,
    pub meeting_number: Option<u32>,
    pub meeting_date: Option<Date>,
}

/// The search screen's results and selection (the query being typed lives in `ui`).
#[derive(Debug, Default)]
pub struct Search {
    /// The query the results are for.
    pub query: String,
    /// Issues, then decisions, then statements, best first within each kind.
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// The screen the search was opened from, to go back to.
    pub back_to_review: bool,
}

impl Search {
    pub fn selected_hit(&self) -> Option<&Hit> {
        self.hits.get(self.selected)
    }
}

/// The order kinds are listed in.
pub fn kind_order(kind: SearchKind) -> u8 {
    match kind {
        SearchKind::Issue => 0,
        SearchKind::Decision => 1,
        SearchKind::Statement => 2,
    }
}

/// Logical byte ranges of the words of `text` that the query's words find (as a word prefix,
/// compared folded, as the search itself does): what the result highlights.
pub fn matched_words(text: &str, query: &str) -> Vec<std::ops::Range<usize>> {
    let wanted: Vec<String> = fold(query)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut start = None;
    let is_word = |c: char| {
        c.is_alphanumeric() || c == '\u{200C}' || unicode_normalization::char::is_combining_mark(c)
    };
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (is_word(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let word = fold(&text[s..i]);
                if wanted.iter().any(|w| word.starts_with(w.as_str())) {
                    out.push(s..i);
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matched_words_follow_the_fold() {
        let text = "بانک توسعه تعاون (شعبه کرمان) وام «قرض‌الحسنه» بدهد";
        let ranges = matched_words(text, "بانك قرض");
        let words: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(words, ["بانک", "قرض‌الحسنه"]);
        assert!(matched_words(text, "").is_empty());
        assert!(
            matched_words("کد بهداشتی ۱۴۰۳", "1403")
                .iter()
                .any(|r| r.start > 0)
        );
    }
}
