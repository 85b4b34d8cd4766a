//! Numbers on the command line, in any digits (`5`, `۵`, `٥`) and within a stated range.

use std::fmt;

use crate::domain::digits::to_ascii_digits;

/// A number argument that is not a number or lies outside its range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberError {
    pub value: String,
    pub min: u64,
    pub max: u64,
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "«{}» is not allowed; give a number from {} to {}",
            self.value, self.min, self.max
        )
    }
}

impl std::error::Error for NumberError {}

/// Parses `s` as a whole number from `MIN` to `MAX`, in Latin, Persian or Arabic-Indic
/// digits. A clap `value_parser`.
pub fn number<const MIN: u64, const MAX: u64>(s: &str) -> Result<u32, NumberError> {
    let n = number_u64::<MIN, MAX>(s)?;
    u32::try_from(n).map_err(|_| NumberError {
        value: s.to_string(),
        min: MIN,
        max: MAX,
    })
}

/// The same for `u64` values (the synthetic data's seed).
pub fn number_u64<const MIN: u64, const MAX: u64>(s: &str) -> Result<u64, NumberError> {
    let err = || NumberError {
        value: s.to_string(),
        min: MIN,
        max: MAX,
    };
    let ascii = to_ascii_digits(s.trim());
    if ascii.is_empty() || !ascii.bytes().all(|b| b.is_ascii_digit()) {
        return Err(err());
    }
    let n: u64 = ascii.parse().map_err(|_| err())?;
    if !(MIN..=MAX).contains(&n) {
        return Err(err());
    }
    Ok(n)
}

/// The same for `u16` values (terminal widths).
pub fn number_u16<const MIN: u64, const MAX: u64>(s: &str) -> Result<u16, NumberError> {
    let n = number::<MIN, MAX>(s)?;
    u16::try_from(n).map_err(|_| NumberError {
        value: s.to_string(),
        min: MIN,
        max: MAX,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_digits_within_the_range() {
        assert_eq!(number::<1, 9>("۵"), Ok(5));
        assert_eq!(number::<1, 9>("٥"), Ok(5));
        assert_eq!(number::<1, 999>(" 12 "), Ok(12));
        assert_eq!(number::<1, 999>("۱۲"), Ok(12));
        for bad in [
            "0",
            "10",
            "-1",
            "",
            "x",
            "1.5",
            "۱۰",
            "99999999999999999999999",
        ] {
            assert!(number::<1, 9>(bad).is_err(), "{bad}");
        }
        let e = number::<1, 2000>("0").unwrap_err();
        assert_eq!(
            e.to_string(),
            "«0» is not allowed; give a number from 1 to 2000"
        );
        assert_eq!(number_u16::<1, 1000>("۸۰"), Ok(80));
    }
}
