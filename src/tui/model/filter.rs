//! The action review's filter, typed as one line: `agency:بانك status:pending overdue`, with
//! Persian keywords too (`دستگاه:` `وضعیت:` `دسته:` `نشست:` `پیش‌از:` `پس‌از:` `معوق`). A value
//! with spaces is quoted: `وضعیت:"در دست اقدام"`.

use crate::domain::digits::to_ascii_digits;
use crate::domain::{Date, DateError, DecisionStatus, UnknownCode};
use crate::text::fold::fold;

/// What the review shows; every part narrows it, and all parts combine.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewFilter {
    /// Part of the lead agency's name, English name or short name, folded.
    pub agency: Option<String>,
    pub status: Option<DecisionStatus>,
    /// Part of the category's name, folded.
    pub category: Option<String>,
    pub meeting: Option<u32>,
    pub overdue: bool,
    /// Due on or before this day.
    pub due_before: Option<Date>,
    /// Due on or after this day.
    pub due_after: Option<Date>,
}

/// A filter line that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FilterError {
    /// A `key:` hamyar does not know.
    #[error(
        "unknown filter «{0}»; use agency:, status:, category:, meeting:, before:, after: or overdue"
    )]
    UnknownKey(String),
    /// A word that is neither `key:value` nor `overdue`.
    #[error("«{0}» is not a filter; write key:value (agency:بانک) or overdue")]
    Loose(String),
    #[error(transparent)]
    Status(#[from] UnknownCode),
    #[error(transparent)]
    Date(#[from] DateError),
    /// `meeting:` without a meeting number.
    #[error("meeting:{0} is not a meeting number")]
    Meeting(String),
}

impl ReviewFilter {
    /// Reads a filter line; an empty line is no filter.
    pub fn parse(line: &str) -> Result<ReviewFilter, FilterError> {
        let mut f = ReviewFilter::default();
        for token in tokens(line) {
            let Some((key, value)) = token.split_once(':') else {
                match fold(&token).as_str() {
                    "overdue" | "معوق" => f.overdue = true,
                    _ => return Err(FilterError::Loose(token)),
                }
                continue;
            };
            let value = value.trim_matches('"').trim();
            match fold(key).as_str() {
                "agency" | "دستگاه" | "مسیول" => f.agency = Some(fold(value)),
                "status" | "وضعیت" => f.status = Some(DecisionStatus::parse(value)?),
                "category" | "دسته" => f.category = Some(fold(value)),
                "meeting" | "نشست" => {
                    let n = to_ascii_digits(value)
                        .parse()
                        .map_err(|_| FilterError::Meeting(value.to_string()))?;
                    f.meeting = Some(n);
                }
                "before" | "پیشاز" | "تا" => f.due_before = Some(Date::parse_user(value)?),
                "after" | "پساز" | "از" => f.due_after = Some(Date::parse_user(value)?),
                _ => return Err(FilterError::UnknownKey(key.to_string())),
            }
        }
        Ok(f)
    }

    pub fn is_empty(&self) -> bool {
        *self == ReviewFilter::default()
    }
}

/// Splits on spaces outside double quotes.
fn tokens(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                current.push(c);
            }
            c if c.is_whitespace() && !quoted => {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_persian_keywords_combine() {
        let f = ReviewFilter::parse("agency:بانك status:pending overdue").unwrap();
        assert_eq!(f.agency.as_deref(), Some("بانک"));
        assert_eq!(f.status, Some(DecisionStatus::Pending));
        assert!(f.overdue);
        let g = ReviewFilter::parse("دستگاه:بانک وضعیت:\"در انتظار اقدام\" معوق").unwrap();
        assert_eq!(f, g);
        let h = ReviewFilter::parse("دسته:مجوز نشست:۲ پیش‌از:۱۳۹۳/۰۶/۰۱ after:2014-01-01").unwrap();
        assert_eq!(h.category.as_deref(), Some("مجوز"));
        assert_eq!(h.meeting, Some(2));
        assert_eq!(h.due_before.unwrap().jalali().latin(), "1393/06/01");
        assert_eq!(h.due_after.unwrap().iso(), "2014-01-01");
        assert!(ReviewFilter::parse("   ").unwrap().is_empty());
    }

    #[test]
    fn mistakes_are_named() {
        assert!(matches!(
            ReviewFilter::parse("colour:red"),
            Err(FilterError::UnknownKey(_))
        ));
        assert!(matches!(
            ReviewFilter::parse("بانک"),
            Err(FilterError::Loose(_))
        ));
        assert!(matches!(
            ReviewFilter::parse("status:finished"),
            Err(FilterError::Status(_))
        ));
        assert!(matches!(
            ReviewFilter::parse("before:1402/12/30"),
            Err(FilterError::Date(_))
        ));
        assert!(matches!(
            ReviewFilter::parse("meeting:x"),
            Err(FilterError::Meeting(_))
        ));
    }
}
