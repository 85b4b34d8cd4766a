//! Folding for search: two spellings a Persian reader takes for the same word fold
//! to the same string, so a search or a picker finds what the user meant, however it was typed.
//!
//! Folding is for comparison only. What the user typed is stored as typed; the folded copy sits
//! beside it.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds `s` for search and matching.
///
/// - NFKC, so Arabic presentation forms (what a shaped PDF or a web page pastes) become letters;
/// - Arabic ي ى → Persian ی, Arabic ك → Persian ک, ۀ and ة → ه (a hamza above is a mark and goes);
/// - Persian and Arabic-Indic digits → ASCII;
/// - ZWNJ, ZWJ, tatweel, combining marks (harakat) and bidi controls are removed, so that
///   میخواهم and می‌خواهم fold alike;
/// - Latin is lower-cased.
///
/// ```
/// use ratatui_bidi::fold::fold;
///
/// assert_eq!(fold("كد بهداشتي ۱۴۰۳"), fold("کد بهداشتی 1403"));
/// assert_eq!(fold("می‌خواهم"), fold("میخواهم"));
/// assert_eq!(fold("مُدیر"), fold("مدیر"));
/// ```
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`], appending to `out`, so that hot paths can reuse one buffer.
pub fn fold_into(s: &str, out: &mut String) {
    // Most keystrokes and many stored strings are plain ASCII: skip normalization for them.
    if s.is_ascii() {
        out.extend(s.chars().map(|c| c.to_ascii_lowercase()));
        return;
    }
    for c in s.nfkc() {
        if let Some(c) = fold_char(c) {
            if c.is_uppercase() {
                out.extend(c.to_lowercase());
            } else {
                out.push(c);
            }
        }
    }
}

/// [`fold`] for a search index: the folded text, then each word written with a ZWNJ once more
/// as its parts.
///
/// Persian typists write the same compound with a ZWNJ (می‌تواند), joined (میتواند) or with a
/// space (می تواند). Folding drops the ZWNJ, which joins the first two; the extra parts let a
/// query typed with a space, which searches for each part, find the ZWNJ spelling too.
pub fn fold_for_index(s: &str) -> String {
    let mut out = fold(s);
    for word in s
        .split(char::is_whitespace)
        .filter(|w| w.contains('\u{200C}'))
    {
        out.push(' ');
        fold_into(&word.replace('\u{200C}', " "), &mut out);
    }
    out
}

/// One character after NFKC: its folded form, or `None` when it is dropped.
fn fold_char(c: char) -> Option<char> {
    Some(match c {
        'ي' | 'ى' | 'ئ' => 'ی',
        'ك' => 'ک',
        // ۀ (heh with yeh above), ە (ae) and ة (teh marbuta) are all read as ه in Persian text.
        'ۀ' | 'ە' | 'ة' => 'ه',
        '\u{06F0}'..='\u{06F9}' => digit(c as u32 - 0x06F0),
        '\u{0660}'..='\u{0669}' => digit(c as u32 - 0x0660),
        // ZWNJ, ZWJ, tatweel, the invisible bidi marks and the embedding/override/isolate controls.
        '\u{200C}' | '\u{200D}' | '\u{0640}' | '\u{200E}' | '\u{200F}' | '\u{061C}' => return None,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' => return None,
        c if is_combining_mark(c) => return None,
        c => c,
    })
}

fn digit(n: u32) -> char {
    char::from_digit(n, 10).unwrap_or('0')
}

#[cfg(test)]
mod tests {
    use super::{fold, fold_for_index};

    fn finds(query: &str, text: &str) -> bool {
        fold(text).contains(&fold(query))
    }

    #[test]
    fn the_four_cases_of_the_design() {
        assert!(finds("مدیر", "مُدیر کل"));
        assert!(finds("میخواهم", "من می‌خواهم بگویم"));
        assert!(finds("1403", "سال ۱۴۰۳"));
        assert!(finds("كد بهداشتي", "اخذ کد بهداشتی"));
        assert!(finds("1403", "سال ١٤٠٣"));
    }

    #[test]
    fn presentation_forms_and_marks() {
        // ﻣﺪﯾﺮ: the presentation forms a PDF gives when copied.
        assert_eq!(fold("\u{FEE3}\u{FEAA}\u{FBFE}\u{FEAE}"), "مدیر");
        assert_eq!(fold("خانهٔ"), "خانه");
        assert_eq!(fold("خانۀ"), "خانه");
        assert_eq!(fold("بـــانک"), "بانک");
        assert_eq!(fold("\u{202B}متن\u{202C}\u{200F}"), "متن");
        assert_eq!(fold("Bank MELLI"), "bank melli");
        assert_eq!(fold("Ünïcode"), "ünïcode");
    }

    #[test]
    fn seed_spellings_stay_searchable() {
        // The article mixes Arabic and Persian yeh and kaf, and writes with and without ZWNJ.
        assert!(finds("بهزیستی", "بهزيستي استان كرمان"));
        assert!(finds("کرمان", "بهزيستي استان كرمان"));
        assert!(finds("گروههای همیار", "گروه‌های همیار زنان"));
        assert!(finds("سرپرست خانوار", "سرپرستِ خانوار"));
    }

    #[test]
    fn index_keeps_the_parts_of_zwnj_compounds() {
        assert_eq!(
            fold_for_index("گروه‌ها می‌توانند"),
            "گروهها میتوانند گروه ها می توانند"
        );
        assert_eq!(fold_for_index("بدون نیم‌فاصله"), "بدون نیمفاصله نیم فاصله");
        assert_eq!(fold_for_index("plain text"), "plain text");
    }

    #[test]
    fn never_panics_and_is_idempotent() {
        for s in ["", "\u{0301}", "ﷺ", "a\u{200C}b", "\u{FDFD}", "ⅷ", "ﬁ"] {
            let once = fold(s);
            assert_eq!(fold(&once), once, "{s:?}");
        }
    }
}
