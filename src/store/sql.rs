//! How domain values are stored, written once: `ToSql`/`FromSql` for ids, dates, times and
//! statuses, and the SQL lists of statuses built from the domain's own rules.
//!
//! A stored value that does not read back (a date that is not a date, an unknown status code)
//! is a conversion failure, which listings report as a damaged row.

use std::sync::LazyLock;

use rusqlite::ToSql;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSqlOutput, Value, ValueRef};

use crate::domain::{
    AttendanceState, Date, DecisionStatus, Id, IssueStatus, MeetingStatus, TimeOfDay,
};

impl ToSql for Id {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(ValueRef::Text(
            self.as_str().as_bytes(),
        )))
    }
}

impl FromSql for Id {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        value.as_str().map(Id::from_string)
    }
}

/// Dates are stored as ISO Gregorian text, `YYYY-MM-DD`, so that SQL compares them in order.
impl ToSql for Date {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Owned(Value::Text(self.iso())))
    }
}

impl FromSql for Date {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        Date::parse_iso(value.as_str()?).map_err(FromSqlError::other)
    }
}

/// Times of day are stored as `HH:MM`.
impl ToSql for TimeOfDay {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Owned(Value::Text(self.to_string())))
    }
}

impl FromSql for TimeOfDay {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        TimeOfDay::parse(value.as_str()?).map_err(FromSqlError::other)
    }
}

/// Statuses are stored as their stable codes, and read back exactly.
macro_rules! stored_as_code {
    ($($t:ty),+) => {$(
        impl ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::Borrowed(ValueRef::Text(self.code().as_bytes())))
            }
        }

        impl FromSql for $t {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                <$t>::from_code(value.as_str()?).map_err(FromSqlError::other)
            }
        }
    )+};
}

stored_as_code!(MeetingStatus, IssueStatus, DecisionStatus, AttendanceState);

/// `('pending', 'in_progress')`: the codes of the statuses in `all` for which `keep` holds, as
/// an SQL list. Codes are fixed words of the domain, never user input, so they may be written
/// into SQL; an empty list is `(NULL)`, which matches nothing.
fn sql_list<T: Copy>(all: &[T], keep: fn(T) -> bool, code: fn(T) -> &'static str) -> String {
    let codes: Vec<String> = all
        .iter()
        .filter(|s| keep(**s))
        .map(|s| format!("'{}'", code(*s)))
        .collect();
    if codes.is_empty() {
        "(NULL)".into()
    } else {
        format!("({})", codes.join(", "))
    }
}

/// Decisions still to be followed up ([`DecisionStatus::is_active`]), as an SQL list.
pub(crate) static ACTIVE_DECISIONS: LazyLock<String> = LazyLock::new(|| {
    sql_list(
        DecisionStatus::ALL,
        DecisionStatus::is_active,
        DecisionStatus::code,
    )
});

/// Issues still on the agenda ([`IssueStatus::is_open`]), as an SQL list.
pub(crate) static OPEN_ISSUES: LazyLock<String> =
    LazyLock::new(|| sql_list(IssueStatus::ALL, IssueStatus::is_open, IssueStatus::code));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_lists_follow_the_domain() {
        assert_eq!(*ACTIVE_DECISIONS, "('pending', 'in_progress')");
        assert_eq!(*OPEN_ISSUES, "('open', 'in_progress')");
        assert_eq!(
            sql_list(DecisionStatus::ALL, |_| false, DecisionStatus::code),
            "(NULL)"
        );
    }

    #[test]
    fn values_round_trip_through_sqlite() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let d = Date::from_jalali(1393, 2, 16).unwrap();
        let t = TimeOfDay::parse("۰۹:۳۰").unwrap();
        let id = Id::new();
        let back: (Date, TimeOfDay, DecisionStatus, Id, String) = conn
            .query_row(
                "SELECT ?1, ?2, ?3, ?4, ?1",
                rusqlite::params![d, t, DecisionStatus::InProgress, id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .unwrap();
        assert_eq!(
            back,
            (d, t, DecisionStatus::InProgress, id, "2014-05-06".into())
        );
        let bad = conn.query_row("SELECT 'in progress'", [], |r| {
            r.get::<_, DecisionStatus>(0)
        });
        assert!(matches!(
            bad,
            Err(rusqlite::Error::FromSqlConversionFailure(..))
        ));
    }
}
