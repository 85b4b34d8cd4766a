//! The decision filter of the action review: one rule for `hamyar actions` (which runs it in
//! SQL, [`crate::store::ActionFilter`]) and the app's review (which runs it in memory over
//! every decision of the series). Both call the predicates here, so a name is folded one way
//! and a part of the filter means one thing; a proptest keeps the SQL to the same answer.
//!
//! In the app it is typed as one line: `agency:بانك status:pending overdue`, with Persian
//! keywords too (`دستگاه:` `وضعیت:` `دسته:` `نشست:` `پیش‌از:` `پس‌از:` `معوق`). A value with
//! spaces is quoted: `وضعیت:"در دست اقدام"`.

use super::digits::to_ascii_digits;
use super::entities::Agency;
use super::rules::is_overdue;
use super::{Date, DateError, DecisionStatus, UnknownCode};
use crate::text::fold::fold;

/// Which decisions to show; every part narrows it, and all parts combine.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DecisionFilter {
    /// Part of the lead agency's name, English name or short name (folded when compared).
    pub agency: Option<String>,
    /// The agency may also only support the decision (the command line's `--supporting`).
    pub include_supporting: bool,
    pub status: Option<DecisionStatus>,
    /// Part of the category's name (folded when compared).
    pub category: Option<String>,
    /// The decision's meeting, by number in its series.
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

/// The text an agency is found by: its name, English name and short name, folded. The store
/// keeps it beside each agency (`names_f`) for the SQL filter; the review folds it the same.
pub fn agency_search_text(a: &Agency) -> String {
    fold(&format!("{}\n{}\n{}", a.name, a.name_en, a.short_name))
}

impl DecisionFilter {
    /// Reads a filter line; an empty line is no filter.
    pub fn parse(line: &str) -> Result<DecisionFilter, FilterError> {
        let mut f = DecisionFilter::default();
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
        *self == DecisionFilter::default()
    }

    /// The agency part, folded as the names are.
    pub fn agency_query(&self) -> Option<String> {
        self.agency.as_deref().map(|q| fold(q.trim()))
    }

    /// The category part, folded as the names are.
    pub fn category_query(&self) -> Option<String> {
        self.category.as_deref().map(|q| fold(q.trim()))
    }

    /// Whether an agency whose folded names are `names_f` ([`agency_search_text`]) passes the
    /// agency part; `query` is [`DecisionFilter::agency_query`].
    pub fn agency_passes(query: Option<&str>, names_f: &str) -> bool {
        query.is_none_or(|q| names_f.contains(q))
    }

    /// Whether a category of this name (folded, `None` for a decision without one) passes the
    /// category part; `query` is [`DecisionFilter::category_query`].
    pub fn category_passes(query: Option<&str>, name_f: Option<&str>) -> bool {
        match (query, name_f) {
            (None, _) => true,
            (Some(q), Some(name)) => name.contains(q),
            (Some(_), None) => false,
        }
    }

    /// Whether a decision of this status, deadline and meeting number passes the parts that do
    /// not name an agency or a category, judged on `today`.
    pub fn passes(
        &self,
        status: DecisionStatus,
        due: Option<Date>,
        meeting: u32,
        today: Date,
    ) -> bool {
        self.status.is_none_or(|s| status == s)
            && (!self.overdue || is_overdue(status, due, today))
            && self.meeting.is_none_or(|n| meeting == n)
            && self.due_before.is_none_or(|b| due.is_some_and(|x| x <= b))
            && self.due_after.is_none_or(|a| due.is_some_and(|x| x >= a))
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
        let f = DecisionFilter::parse("agency:بانك status:pending overdue").unwrap();
        assert_eq!(f.agency.as_deref(), Some("بانک"));
        assert_eq!(f.status, Some(DecisionStatus::Pending));
        assert!(f.overdue);
        let g = DecisionFilter::parse("دستگاه:بانک وضعیت:\"در انتظار اقدام\" معوق").unwrap();
        assert_eq!(f, g);
        // The status as a narrow column shows it.
        let short = DecisionFilter::parse("دستگاه:بانک وضعیت:\"منتظر اقدام\" معوق").unwrap();
        assert_eq!(f, short);
        let h =
            DecisionFilter::parse("دسته:مجوز نشست:۲ پیش‌از:۱۳۹۳/۰۶/۰۱ after:2014-01-01").unwrap();
        assert_eq!(h.category.as_deref(), Some("مجوز"));
        assert_eq!(h.meeting, Some(2));
        assert_eq!(h.due_before.unwrap().jalali().latin(), "1393/06/01");
        assert_eq!(h.due_after.unwrap().iso(), "2014-01-01");
        assert!(DecisionFilter::parse("   ").unwrap().is_empty());
    }

    #[test]
    fn mistakes_are_named() {
        assert!(matches!(
            DecisionFilter::parse("colour:red"),
            Err(FilterError::UnknownKey(_))
        ));
        assert!(matches!(
            DecisionFilter::parse("بانک"),
            Err(FilterError::Loose(_))
        ));
        assert!(matches!(
            DecisionFilter::parse("status:finished"),
            Err(FilterError::Status(_))
        ));
        assert!(matches!(
            DecisionFilter::parse("before:1402/12/30"),
            Err(FilterError::Date(_))
        ));
        assert!(matches!(
            DecisionFilter::parse("meeting:x"),
            Err(FilterError::Meeting(_))
        ));
    }
}
