//! When two names are the same name: the one rule that finds duplicates in the directory
//! (categories, agencies, people), whether typed in a picker, added on the command line or read
//! from an imported file.

use crate::text::fold::fold;

/// The key two names share when a Persian reader takes them for the same name: folded (ی/ي,
/// ک/ك, digits, ZWNJ, harakat), with no spaces, so «بانك توسعه‌تعاون», «بانک توسعه تعاون» and
/// «بانک  توسعه تعاون» are one bank.
pub fn name_key(name: &str) -> String {
    fold(name).chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether two names are the same name ([`name_key`]).
pub fn same_name(a: &str, b: &str) -> bool {
    name_key(a) == name_key(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_name() {
        assert!(same_name("بانك توسعه تعاون", "بانک توسعه تعاون"));
        assert!(same_name("كد‌بهداشتي (۱۴۰۵)", "کد بهداشتی (1405)"));
        assert!(same_name("Bank  Melli", "bank melli"));
        assert!(!same_name("بانک ملی", "بانک ملت"));
        assert_eq!(name_key(" \u{200c} "), "");
    }
}
