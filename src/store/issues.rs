//! Issues (the problems a series works through) and statements (who said what), and an
//! issue's history across the meetings of its series.

use super::AuditAction;
use super::version::{RowVersion, update_as_read};
use rusqlite::params;

use super::error::{Record, StoreError};
use super::fault::Fault;
use super::listed::{list, one};
use super::meetings::editable_meeting;
use super::rows::*;
use super::{Store, Writer};
use crate::domain::{Decision, Id, Issue, IssueStatus, Meeting, Statement};
use crate::text::fold::fold_for_index;
use crate::text::sanitize;

pub(crate) fn issue_text_f(title: &str, description: &str) -> String {
    fold_for_index(&format!("{title}\n{description}"))
}

/// Inserts an issue, its title and description sanitized; used by `add_issue` and synth.
pub(crate) fn insert_issue(w: &Writer<'_>, issue: &Issue) -> Result<(), Fault> {
    let title = sanitize(&issue.title);
    let description = sanitize(&issue.description);
    w.tx.prepare_cached(
        "INSERT INTO issues (id, series, category, title, description, raised_in, raised_by,
                             status, fts_key, text_f)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,
                 (SELECT coalesce(max(fts_key), 0) + 1 FROM issues), ?9)",
    )?
    .execute(params![
        issue.id,
        issue.series,
        issue.category,
        title,
        description,
        issue.raised_in,
        issue.raised_by,
        issue.status,
        issue_text_f(&title, &description),
    ])?;
    w.inserted("issues", issue.id.as_str())
}

/// Inserts a statement, its text sanitized and folded for search; used by `record_statement`
/// and synth.
/// One statement as it is now, in the transaction `tx`.
fn load_statement(tx: &rusqlite::Connection, id: &Id) -> Result<Statement, Fault> {
    one(
        tx,
        Record::Statement,
        &format!("SELECT {STATEMENT_COLS} FROM statements s WHERE s.id = ?1"),
        id.as_str(),
        statement_from_row,
    )
}

pub(crate) fn insert_statement(w: &Writer<'_>, s: &Statement) -> Result<(), Fault> {
    let text = sanitize(&s.text);
    w.tx.prepare_cached(
        "INSERT INTO statements (id, meeting, issue, speaker, text, fts_key, text_f)
         VALUES (?1, ?2, ?3, ?4, ?5, (SELECT coalesce(max(fts_key), 0) + 1 FROM statements), ?6)",
    )?
    .execute(params![
        s.id,
        s.meeting,
        s.issue,
        s.speaker,
        text,
        fold_for_index(&text)
    ])?;
    w.inserted("statements", s.id.as_str())
}

/// The parts of an issue the secretary may change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueEdit {
    pub title: String,
    pub category: Option<Id>,
    pub description: String,
}

/// Everything recorded about one issue, in every meeting of its series.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IssueHistory {
    /// The meetings that had the issue on their agenda or raised it, oldest first.
    pub meetings: Vec<Meeting>,
    /// Its decisions, by number.
    pub decisions: Vec<Decision>,
    /// What was said about it, oldest first.
    pub statements: Vec<Statement>,
}

impl Store {
    /// Adds an issue to a series. An issue said to be raised in an approved meeting is refused.
    pub fn add_issue(&mut self, issue: &Issue) -> Result<(), StoreError> {
        self.write(AuditAction::AddIssue, |w| {
            if let Some(m) = &issue.raised_in {
                editable_meeting(w.tx, m)?;
            }
            insert_issue(w, issue)
        })
    }

    /// One statement as it is now.
    pub fn get_statement(&self, id: &Id) -> Result<Statement, StoreError> {
        self.read(|tx| load_statement(tx, id))
    }

    pub fn get_issue(&self, id: &Id) -> Result<Issue, StoreError> {
        self.read(|tx| {
            one(
                tx,
                Record::Issue,
                &format!("SELECT {ISSUE_COLS} FROM issues i WHERE i.id = ?1"),
                id.as_str(),
                issue_from_row,
            )
        })
    }

    /// The issues of a series, optionally of one category, in category order.
    pub fn list_issues(
        &self,
        series: &Id,
        category: Option<&Id>,
    ) -> Result<Vec<Issue>, StoreError> {
        self.read(|tx| {
            list(
                tx,
                Record::Issue,
                &format!(
                    "SELECT {ISSUE_COLS} FROM issues i LEFT JOIN categories c ON c.id = i.category
                     WHERE i.series = ?1 AND (?2 IS NULL OR i.category = ?2)
                     ORDER BY c.ord IS NULL, c.ord, i.id"
                ),
                params![series, category],
                issue_from_row,
            )
        })
    }

    /// Changes an issue's status, as the domain's transitions allow.
    pub fn set_issue_status(&mut self, id: &Id, to: IssueStatus) -> Result<Issue, StoreError> {
        self.write(AuditAction::SetIssueStatus, |w| {
            let mut issue = one(
                w.tx,
                Record::Issue,
                &format!("SELECT {ISSUE_COLS} FROM issues i WHERE i.id = ?1"),
                id.as_str(),
                issue_from_row,
            )?;
            issue.status = issue.status.transition(to)?;
            let before = w.before("issues", id.as_str())?;
            w.tx.execute(
                "UPDATE issues SET status = ?2 WHERE id = ?1",
                params![id, issue.status],
            )?;
            w.updated("issues", id.as_str(), before)?;
            Ok(issue)
        })
    }

    /// Notes what someone said in a meeting.
    pub fn record_statement(&mut self, s: &Statement) -> Result<(), StoreError> {
        self.write(AuditAction::RecordStatement, |w| {
            editable_meeting(w.tx, &s.meeting)?;
            insert_statement(w, s)
        })
    }

    /// Changes the text of a statement of a meeting not yet approved, as read at version `read`.
    pub fn update_statement(
        &mut self,
        id: &Id,
        text: &str,
        read: RowVersion,
    ) -> Result<Statement, StoreError> {
        let text = sanitize(text);
        self.write(AuditAction::UpdateStatement, |w| {
            let s = load_statement(w.tx, id)?;
            editable_meeting(w.tx, &s.meeting)?;
            let before = w.before("statements", id.as_str())?;
            update_as_read(
                w.tx,
                Record::Statement,
                id,
                read,
                "UPDATE statements SET text = ?2, text_f = ?3 WHERE id = ?1 AND version = ?4",
                params![id, text, fold_for_index(&text)],
            )?;
            w.updated("statements", id.as_str(), before)?;
            load_statement(w.tx, id)
        })
    }

    /// The statements of a meeting, in the order they were made.
    pub fn list_statements(&self, meeting: &Id) -> Result<Vec<Statement>, StoreError> {
        self.read(|tx| {
            list(
                tx,
                Record::Statement,
                &format!("SELECT {STATEMENT_COLS} FROM statements s WHERE s.meeting = ?1 ORDER BY s.fts_key"),
                [meeting],
                statement_from_row,
            )
        })
    }

    /// Changes an issue's title, category and description, as read at version `read`.
    pub fn update_issue(
        &mut self,
        id: &Id,
        edit: &IssueEdit,
        read: RowVersion,
    ) -> Result<Issue, StoreError> {
        let title = sanitize(edit.title.trim()).into_owned();
        let description = sanitize(edit.description.trim()).into_owned();
        let text_f = super::issues::issue_text_f(&title, &description);
        self.write(AuditAction::UpdateIssue, |w| {
            let before = w.before("issues", id.as_str())?;
            update_as_read(
                w.tx,
                Record::Issue,
                id,
                read,
                "UPDATE issues SET title = ?2, category = ?3, description = ?4, text_f = ?5
                 WHERE id = ?1 AND version = ?6",
                params![id, title, edit.category, description, text_f],
            )?;
            w.updated("issues", id.as_str(), before)?;
            one(
                w.tx,
                Record::Issue,
                &format!("SELECT {ISSUE_COLS} FROM issues i WHERE i.id = ?1"),
                id.as_str(),
                issue_from_row,
            )
        })
    }

    /// Deletes a statement of a meeting not yet approved.
    pub fn delete_statement(&mut self, id: &Id) -> Result<(), StoreError> {
        self.write(AuditAction::DeleteStatement, |w| {
            let s = load_statement(w.tx, id)?;
            editable_meeting(w.tx, &s.meeting)?;
            let before = w.before("statements", id.as_str())?;
            w.tx.execute("DELETE FROM statements WHERE id = ?1", [id])?;
            w.deleted("statements", id.as_str(), before)
        })
    }

    /// The issue's meetings, decisions and statements across the series.
    pub fn issue_history(&self, issue: &Id) -> Result<IssueHistory, StoreError> {
        self.read(|tx| {
            let meetings = list(
                tx,
                Record::Meeting,
                &format!(
                    "SELECT {MEETING_COLS} FROM meetings m
                     WHERE m.id IN (SELECT meeting FROM agenda_items WHERE issue = ?1
                                    UNION SELECT raised_in FROM issues WHERE id = ?1)
                     ORDER BY m.number"
                ),
                [issue],
                meeting_from_row,
            )?;
            let decisions = list(
                tx,
                Record::Decision,
                &format!(
                    "SELECT {DECISION_COLS} FROM decisions d JOIN meetings m ON m.id = d.meeting
                     WHERE d.issue = ?1 ORDER BY m.number, d.item"
                ),
                [issue],
                decision_from_row,
            )?;
            let statements = list(
                tx,
                Record::Statement,
                &format!(
                    "SELECT {STATEMENT_COLS} FROM statements s JOIN meetings m ON m.id = s.meeting
                     WHERE s.issue = ?1 ORDER BY m.number, s.fts_key"
                ),
                [issue],
                statement_from_row,
            )?;
            Ok(IssueHistory {
                meetings,
                decisions,
                statements,
            })
        })
    }
}
