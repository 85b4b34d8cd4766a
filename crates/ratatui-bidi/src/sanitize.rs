//! Step 1 of the pipeline: make untrusted text safe to store and draw.
//!
//! The policy, for every input path (typed, pasted, command line, import):
//! - C0 and C1 controls and DEL are removed: they would move a terminal's cursor or change its
//!   modes. Newline stays; CR, CRLF and the other paragraph separators of class B (U+001C–U+001E,
//!   NEL) become a newline. TAB stays: it is a segment separator for the bidi algorithm (rule
//!   L1), and layout draws it as spaces.
//! - What a writer means is honoured: the isolates (LRI, RLI, FSI, PDI), the embeddings (LRE,
//!   RLE, PDF) and the marks (LRM, RLM, ALM), ZWNJ and ZWJ are kept as typed. Layout gives
//!   every field paragraphs of its own, and UAX #9 closes whatever is still open at the end of
//!   a paragraph (rule X8), so in a terminal no field can reorder its neighbours.
//! - The overrides (LRO, RLO), the "Trojan Source" vector, are neutralised: each becomes a
//!   visible mark ([`LRO_MARK`], [`RLO_MARK`]), so a reader sees that something was there and
//!   no character is forced into a direction it does not have.
//!
//! Text put *inline*, beside other text in one paragraph that another program lays out (a
//! cell of a DOCX or HTML table, a row written to a pipe), goes through [`sanitize_field`]
//! instead, which also balances the explicit controls: a PDF or PDI with nothing to close is
//! removed, and what is still open at the end of a paragraph (a newline or U+2029) or of the
//! field is closed there. Then the field can reorder nothing outside itself, wherever it is put.
//!
//! Letters are never changed (that is search folding's job, not this one's).

use std::borrow::Cow;

/// What an LEFT-TO-RIGHT OVERRIDE (U+202D) becomes: `▸`, a neutral character one cell wide.
pub const LRO_MARK: char = '\u{25B8}';
/// What a RIGHT-TO-LEFT OVERRIDE (U+202E) becomes: `◂`, a neutral character one cell wide.
pub const RLO_MARK: char = '\u{25C2}';

const LRE: char = '\u{202A}';
const RLE: char = '\u{202B}';
const PDF: char = '\u{202C}';
const LRO: char = '\u{202D}';
const RLO: char = '\u{202E}';
const LRI: char = '\u{2066}';
const RLI: char = '\u{2067}';
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';
const PARAGRAPH_SEPARATOR: char = '\u{2029}';

/// What sanitizing does to one character, before balancing.
enum Action {
    Keep,
    Drop,
    Replace(char),
}

fn action(c: char) -> Action {
    match c {
        '\n' | '\t' => Action::Keep,
        // CR alone is an old Mac newline (CRLF is handled by the caller); the information
        // separators and NEL are paragraph separators (bidi class B) too.
        '\r' | '\u{1C}'..='\u{1E}' | '\u{85}' => Action::Replace('\n'),
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => Action::Drop,
        LRO => Action::Replace(LRO_MARK),
        RLO => Action::Replace(RLO_MARK),
        _ => Action::Keep,
    }
}

fn is_forbidden(c: char) -> bool {
    !matches!(action(c), Action::Keep)
}

fn is_explicit(c: char) -> bool {
    matches!(c, LRE | RLE | PDF | LRI | RLI | FSI | PDI)
}

/// Whether `text` is already what [`sanitize`] would return.
///
/// ```
/// use ratatui_bidi::is_sanitized;
/// assert!(is_sanitized("می‌خواهم \u{2067}ABC"), "an isolate, even left open");
/// assert!(!is_sanitized("x\u{202E}y"), "an override");
/// ```
pub fn is_sanitized(text: &str) -> bool {
    // By bytes, one table lookup each: every character to change is an ASCII control or DEL,
    // a C1 control (C2 80..C2 9F) or an override (E2 80 AD, E2 80 AE). In valid UTF-8, C2 and
    // E2 only ever start a character. Decoding characters here showed in profiles: Persian
    // text is full of C2 («») and E2 (ZWNJ) lead bytes.
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if !SUSPECT[usize::from(b)] {
            continue;
        }
        let changed = match b {
            0xC2 => matches!(bytes.get(i + 1), Some(0x80..=0x9F)),
            0xE2 => {
                bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xAD | 0xAE))
            }
            _ => true,
        };
        if changed {
            return false;
        }
    }
    true
}

/// Bytes that may start a character [`sanitize`] changes: C0 controls but `\n` and TAB, DEL,
/// and the lead bytes C2 and E2.
static SUSPECT: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b != b'\n' as usize && b != b'\t' as usize;
        b += 1;
    }
    t[0x7F] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t
};

/// Sanitizes `text`; borrows when nothing needs to change. Idempotent.
///
/// ```
/// use ratatui_bidi::sanitize;
/// // A typed isolate is kept as typed.
/// assert_eq!(sanitize("نام: \u{2066}Bank"), "نام: \u{2066}Bank");
/// // An override is shown, not obeyed.
/// assert_eq!(sanitize("a\u{202E}bc"), "a◂bc");
/// // Controls go; a tab stays (it is drawn as spaces).
/// assert_eq!(sanitize("a\u{1B}[31m\tb\r\n"), "a[31m\tb\n");
/// ```
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if is_sanitized(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    sanitize_into(text, &mut out);
    Cow::Owned(out)
}

/// Appends the sanitized `text` to `out`, so that callers can reuse one buffer. Linear time.
///
/// ```
/// let mut out = String::from("> ");
/// ratatui_bidi::sanitize_into("x\u{7}y", &mut out);
/// assert_eq!(out, "> xy");
/// ```
pub fn sanitize_into(text: &str, out: &mut String) {
    let mut rest = text;
    while !rest.is_empty() {
        // Copy clean stretches whole: big pastes are mostly clean.
        let clean = rest
            .char_indices()
            .find(|&(_, c)| is_forbidden(c))
            .map_or(rest.len(), |(i, _)| i);
        out.push_str(&rest[..clean]);
        rest = &rest[clean..];
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
        match action(c) {
            Action::Keep => out.push(c),
            Action::Drop => {}
            Action::Replace(r) => {
                if c == '\r' && rest.as_bytes().get(1) == Some(&b'\n') {
                    // CRLF: the LF that follows becomes the newline.
                } else {
                    out.push(r);
                }
            }
        }
        rest = chars.as_str();
    }
}

/// Whether `text` is already what [`sanitize_field`] would return.
pub fn is_field_sanitized(text: &str) -> bool {
    is_sanitized(text) && (!text.contains(is_explicit) || balance(text, None))
}

/// [`sanitize`], then the explicit controls balanced (module doc): for a field put inline
/// beside other text that another program lays out. Borrows when nothing needs to change.
///
/// ```
/// use ratatui_bidi::sanitize_field;
/// // Closed at the end of the field, so the next cell is not inside the isolate.
/// assert_eq!(sanitize_field("نام: \u{2066}Bank"), "نام: \u{2066}Bank\u{2069}");
/// // A PDI that would close an isolate around the field is removed.
/// assert_eq!(sanitize_field("x\u{2069}y"), "xy");
/// ```
pub fn sanitize_field(text: &str) -> Cow<'_, str> {
    if is_field_sanitized(text) {
        return Cow::Borrowed(text);
    }
    let clean = sanitize(text);
    if !clean.contains(is_explicit) || balance(&clean, None) {
        return Cow::Owned(clean.into_owned());
    }
    let mut out = String::with_capacity(clean.len() + 8);
    balance(&clean, Some(&mut out));
    Cow::Owned(out)
}

/// Checks (`out` = `None`) or writes (`Some`) `text` with its explicit controls balanced, the
/// way UAX #9 pairs them (rules X6a, X7, X8): a PDF closes the innermost embedding opened
/// since the innermost open isolate; a PDI closes the innermost open isolate and the
/// embeddings inside it; a paragraph separator closes everything. Returns whether `text` was
/// balanced already.
fn balance(text: &str, mut out: Option<&mut String>) -> bool {
    // true: an isolate; false: an embedding.
    let mut open: Vec<bool> = Vec::new();
    let mut balanced = true;
    for c in text.chars() {
        let keep = match c {
            LRE | RLE => {
                open.push(false);
                true
            }
            LRI | RLI | FSI => {
                open.push(true);
                true
            }
            PDF if open.last() == Some(&false) => {
                open.pop();
                true
            }
            PDI => match open.iter().rposition(|&isolate| isolate) {
                Some(at) => {
                    open.truncate(at);
                    true
                }
                None => false,
            },
            PDF => false,
            '\n' | PARAGRAPH_SEPARATOR => {
                balanced &= open.is_empty();
                close(&mut open, out.as_deref_mut());
                true
            }
            _ => true,
        };
        balanced &= keep;
        if let Some(out) = out.as_deref_mut()
            && keep
        {
            out.push(c);
        }
    }
    balanced &= open.is_empty();
    close(&mut open, out);
    balanced
}

fn close(open: &mut Vec<bool>, mut out: Option<&mut String>) {
    while let Some(isolate) = open.pop() {
        if let Some(out) = out.as_deref_mut() {
            out.push(if isolate { PDI } else { PDF });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_sanitized_by_bytes_agrees_with_the_policy_for_every_character() {
        for c in (0..0x3000u32)
            .chain(0xFE00..0x10000)
            .filter_map(char::from_u32)
        {
            for text in [format!("{c}"), format!("«س{c}»\u{200C}"), format!("a{c}")] {
                let kept = text.chars().all(|c| !is_forbidden(c));
                assert_eq!(is_sanitized(&text), kept, "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn keeps_persian_marks_and_text() {
        let s = "می\u{200C}خواهم \u{200D}\u{200E}\u{200F}\u{061C} مصوبه ۲/۳ (شعبه کرمان)\tج";
        assert!(matches!(sanitize(s), Cow::Borrowed(_)));
    }

    #[test]
    fn removes_controls_and_shows_overrides() {
        let s = "a\u{202E}b\u{2066}c\u{2069}d\u{202A}\u{0}\u{7}\u{1B}[31m\u{9F}\u{7F}e\u{202D}f";
        assert_eq!(sanitize(s), "a◂b\u{2066}c\u{2069}d\u{202A}[31me▸f");
        assert_eq!(
            sanitize_field(s),
            "a◂b\u{2066}c\u{2069}d\u{202A}[31me▸f\u{202C}"
        );
    }

    #[test]
    fn newlines_tabs_and_paragraph_separators() {
        assert_eq!(sanitize("a\r\nb\rc\n\td"), "a\nb\nc\n\td");
        assert_eq!(sanitize("\r\r\n"), "\n\n");
        assert_eq!(sanitize("\r"), "\n");
        assert_eq!(sanitize("a\u{1C}b\u{1D}c\u{1E}d\u{85}e"), "a\nb\nc\nd\ne");
        assert_eq!(sanitize("a\u{2029}b"), "a\u{2029}b");
    }

    #[test]
    fn fields_lose_unmatched_closers_and_close_open_ones_per_paragraph() {
        // Kept as typed by sanitize; balanced for inline use.
        assert_eq!(sanitize("a\u{2069}b\u{202C}c"), "a\u{2069}b\u{202C}c");
        assert_eq!(sanitize_field("a\u{2069}b\u{202C}c"), "abc");
        // A PDF does not close an embedding from outside its isolate (X7).
        assert_eq!(
            sanitize_field("\u{202B}x\u{2067}y\u{202C}\u{2069}z\u{202C}"),
            "\u{202B}x\u{2067}y\u{2069}z\u{202C}"
        );
        // A PDI closes the embeddings inside its isolate (X6a).
        assert!(is_field_sanitized("\u{2068}\u{202A}x\u{2069}"));
        // Open at a newline or U+2029: closed before it, innermost first.
        assert_eq!(
            sanitize_field("\u{2067}\u{202A}x\ny\u{2066}z\u{2029}w"),
            "\u{2067}\u{202A}x\u{202C}\u{2069}\ny\u{2066}z\u{2069}\u{2029}w"
        );
    }

    #[test]
    fn idempotent_on_tricky_input() {
        for s in [
            "\r\u{0}\n",
            "\u{202E}\r\n\r",
            "x\r",
            "\t\u{2067}\u{2068}",
            "\u{2069}\u{2066}\u{202C}\u{202B}\n\u{202C}",
        ] {
            let once = sanitize(s).into_owned();
            assert_eq!(sanitize(&once), once.as_str());
            assert!(is_sanitized(&once), "{once:?}");
            let field = sanitize_field(s).into_owned();
            assert_eq!(sanitize_field(&field), field.as_str());
            assert!(is_field_sanitized(&field), "{field:?}");
        }
    }

    #[test]
    fn huge_paste_is_linear() {
        let line = "مصوبه ۲/۳: بانک توسعه تعاون (شعبه کرمان)\r\n\u{1}\u{2067}";
        let big = line.repeat(50_000);
        let out = sanitize(&big);
        assert_eq!(out.matches('\n').count(), 50_000);
        assert!(!out.contains('\r') && !out.contains('\u{1}'));
        let field = sanitize_field(&big);
        assert_eq!(field.matches('\u{2069}').count(), 50_000);
    }
}
