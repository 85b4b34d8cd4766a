//! [`AuditAction`]: what a user did, as the audit log names it. Every write of the store is one
//! action (one `txn` of `changes`); the log keeps its stable code, and `i18n` gives each one its
//! name in Persian and English ("undone: recording a decision"), with no catch-all, so a new
//! action does not build until it has both names.

use rusqlite::ToSql;
use rusqlite::types::{FromSql, FromSqlResult, ToSqlOutput, ValueRef};

macro_rules! audit_actions {
    ($($(#[$doc:meta])* $variant:ident = $code:literal,)+) => {
        /// One kind of user action in the audit log.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum AuditAction {
            $($(#[$doc])* $variant,)+
            /// A code this hamyar does not know (a log written by another version): read, not
            /// refused, so the rest of a history still shows.
            Unknown,
        }

        impl AuditAction {
            /// Every action this hamyar writes.
            pub const ALL: &[AuditAction] = &[$(AuditAction::$variant,)+];

            /// The stable code the log keeps (`record_decision`): scripts read it in
            /// `hamyar history --format json`.
            pub fn code(self) -> &'static str {
                match self {
                    $(AuditAction::$variant => $code,)+
                    AuditAction::Unknown => "unknown",
                }
            }

            /// The code, as the `String` this type replaced was read (`undone.action.as_str()`).
            pub fn as_str(self) -> &'static str {
                self.code()
            }

            /// The action of a stored code; [`AuditAction::Unknown`] for one not known here.
            pub fn from_code(code: &str) -> AuditAction {
                match code {
                    $($code => AuditAction::$variant,)+
                    _ => AuditAction::Unknown,
                }
            }
        }
    };
}

audit_actions! {
    CreateSeries = "create_series",
    AddAgency = "add_agency",
    AddPerson = "add_person",
    AddCategory = "add_category",
    UpdateAgency = "update_agency",
    UpdatePerson = "update_person",
    /// A guest added to the directory and marked present at the meeting.
    AddGuest = "add_guest",
    UpdateSeries = "update_series",
    ArchiveSeries = "archive_series",
    UnarchiveSeries = "unarchive_series",
    /// Two agencies typed for one, merged: every reference moved to the one kept.
    MergeAgencies = "merge_agencies",
    /// Two people entered for one, merged.
    MergePeople = "merge_people",
    /// A category renamed, archived or brought back.
    UpdateCategory = "update_category",
    /// The meeting's order of categories changed.
    ReorderCategories = "reorder_categories",
    /// People and agencies read from a table (`hamyar directory import`).
    ImportDirectory = "import_directory",
    CreateMeeting = "create_meeting",
    /// The meeting's date, times, place, chair, secretary or next date.
    UpdateMeeting = "update_meeting",
    StartMeeting = "start_meeting",
    CloseMeeting = "close_meeting",
    SetMeetingStatus = "set_meeting_status",
    RecordAmendment = "record_amendment",
    SetAttendance = "set_attendance",
    AddIssue = "add_issue",
    UpdateIssue = "update_issue",
    SetIssueStatus = "set_issue_status",
    RecordStatement = "record_statement",
    UpdateStatement = "update_statement",
    DeleteStatement = "delete_statement",
    RecordDecision = "record_decision",
    UpdateDecision = "update_decision",
    DeleteDecision = "delete_decision",
    RecordFollowUp = "record_follow_up",
    /// A minutes file merged in (`hamyar import`).
    Import = "import",
    /// The reverting of an earlier action.
    Undo = "undo",
    /// Synthetic data for benchmarks; never logged, named for completeness.
    Synth = "synth",
}

impl ToSql for AuditAction {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(ValueRef::Text(
            self.code().as_bytes(),
        )))
    }
}

impl FromSql for AuditAction {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        value.as_str().map(AuditAction::from_code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_and_an_unknown_one_is_unknown() {
        for a in AuditAction::ALL {
            assert_eq!(AuditAction::from_code(a.code()), *a);
        }
        assert_eq!(
            AuditAction::from_code("merge_laptops"),
            AuditAction::Unknown
        );
    }
}
