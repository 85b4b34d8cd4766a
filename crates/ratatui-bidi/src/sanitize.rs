//! Step 1 of the pipeline: make untrusted text safe to store and draw.
//!
//! Control characters would move the terminal's cursor or change its modes, and the bidi
//! embedding, override and isolate controls are what "Trojan Source" attacks use to make text
//! read differently from what it is. The marks Persian typists rely on (ZWNJ, ZWJ, LRM, RLM,
//! ALM) are kept; letters are never changed (that is search folding's job, not this one's).

use std::borrow::Cow;

/// What sanitizing does to one character.
enum Action {
    Keep,
    Drop,
    Replace(char),
}

fn action(c: char) -> Action {
    match c {
        '\n' => Action::Keep,
        '\t' => Action::Replace(' '),
        // CR alone is an old Mac newline; CRLF is handled by the caller.
        '\r' => Action::Replace('\n'),
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => Action::Drop,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Action::Drop,
        _ => Action::Keep,
    }
}

fn is_forbidden(c: char) -> bool {
    !matches!(action(c), Action::Keep)
}

/// Whether `text` is already what [`sanitize`] would return.
pub fn is_sanitized(text: &str) -> bool {
    // Byte scan first: the characters to remove are all ASCII controls, C1 (C2 80..9F) or
    // start with E2 80/E2 81, so clean text is confirmed without decoding most of it.
    let bytes = text.as_bytes();
    // Most text has none of the bytes that can start a forbidden character.
    if !bytes
        .iter()
        .any(|&b| b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2)
    {
        return true;
    }
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x20 && b != b'\n' || b == 0x7F {
            return false;
        }
        if (b == 0xC2 || b == 0xE2)
            && let Some(c) = text.get(i..).and_then(|s| s.chars().next())
            && is_forbidden(c)
        {
            return false;
        }
        i += 1;
    }
    true
}

/// Sanitizes `text`; borrows when nothing needs to change. Idempotent.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if is_sanitized(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    sanitize_into(text, &mut out);
    Cow::Owned(out)
}

/// Appends the sanitized `text` to `out`, so that callers can reuse one buffer. Linear time.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_persian_marks_and_text() {
        let s = "می\u{200C}خواهم \u{200D}\u{200E}\u{200F}\u{061C} مصوبه ۲/۳ (شعبه کرمان)";
        assert!(matches!(sanitize(s), Cow::Borrowed(_)));
    }

    #[test]
    fn removes_controls_and_bidi_overrides() {
        let s = "a\u{202E}b\u{2066}c\u{2069}d\u{202A}\u{0}\u{7}\u{1B}[31m\u{85}\u{9F}\u{7F}e";
        assert_eq!(sanitize(s), "abcd[31me");
    }

    #[test]
    fn newlines_and_tabs() {
        assert_eq!(sanitize("a\r\nb\rc\n\td"), "a\nb\nc\n d");
        assert_eq!(sanitize("\r\r\n"), "\n\n");
        assert_eq!(sanitize("\r"), "\n");
    }

    #[test]
    fn idempotent_on_tricky_input() {
        for s in ["\r\u{0}\n", "\u{202E}\r\n\r", "x\r", "\t\u{2067}\u{2068}"] {
            let once = sanitize(s).into_owned();
            assert_eq!(sanitize(&once), once.as_str());
            assert!(is_sanitized(&once));
        }
    }

    #[test]
    fn huge_paste_is_linear() {
        let line = "مصوبه ۲/۳: بانک توسعه تعاون (شعبه کرمان)\r\n\t";
        let big = line.repeat(50_000);
        let out = sanitize(&big);
        assert_eq!(out.matches('\n').count(), 50_000);
        assert!(!out.contains('\r') && !out.contains('\t'));
    }
}
