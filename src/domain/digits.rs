//! Persian (and Arabic-Indic) digits.
//!
//! Numbers are stored and computed with ASCII digits; the Persian UI shows them with Persian
//! digits. Input may use any of the three digit sets, so parsing first folds them to ASCII.

/// Replaces ASCII digits with Persian digits (۰–۹), leaving everything else as it is.
pub fn to_persian_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(0x06F0 + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Replaces Persian (۰–۹) and Arabic-Indic (٠–٩) digits with ASCII digits.
pub fn to_ascii_digits(s: &str) -> String {
    s.chars().map(ascii_digit).collect()
}

/// One character's ASCII digit, if it is a Persian or Arabic-Indic digit; otherwise itself.
pub fn ascii_digit(c: char) -> char {
    match c {
        '\u{06F0}'..='\u{06F9}' => char::from_u32('0' as u32 + (c as u32 - 0x06F0)).unwrap_or(c),
        '\u{0660}'..='\u{0669}' => char::from_u32('0' as u32 + (c as u32 - 0x0660)).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        assert_eq!(to_persian_digits("1405/09/06"), "۱۴۰۵/۰۹/۰۶");
        assert_eq!(to_ascii_digits("۱۴۰۵/۰۹/۰۶"), "1405/09/06");
        assert_eq!(to_ascii_digits("٢٠١٤"), "2014");
        assert_eq!(to_persian_digits("مصوبه 2/3"), "مصوبه ۲/۳");
    }
}
