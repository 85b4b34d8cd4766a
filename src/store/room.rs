//! What the meeting room needs beyond the records themselves: starting and closing a meeting
//! with its clock times, editing issues and statements, an issue's history across meetings,
//! drafts of text being typed, and noticing another process's changes.

use super::AuditAction;
use super::version::{RowVersion, update_as_read};
use rusqlite::{OptionalExtension, params};

use super::Store;
use super::error::{Record, StoreError};
use super::listed::{list, one};
use super::meetings::{editable_meeting, load_meeting};
use super::rows::*;
use crate::domain::{Decision, Id, Issue, Meeting, MeetingStatus, Statement, TimeOfDay};
use crate::text::sanitize;

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

/// Text being typed into a form, kept so that a crash loses nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// Which form, and for what (e.g. `decision:<meeting id>`).
    pub key: String,
    /// The form's fields as JSON.
    pub body: String,
    /// RFC 3339 UTC.
    pub saved_at: String,
}

impl Store {
    /// Starts a meeting: it goes in progress and, the first time, records when it started.
    pub fn start_meeting(&mut self, id: &Id, at: TimeOfDay) -> Result<Meeting, StoreError> {
        self.write(AuditAction::StartMeeting, |w| {
            let m = load_meeting(w.tx, id)?;
            let status = m.status.transition(MeetingStatus::InProgress)?;
            let before = w.before("meetings", id.as_str())?;
            w.tx.execute(
                "UPDATE meetings SET status = ?2, start_time = coalesce(start_time, ?3) WHERE id = ?1",
                params![id, status, at],
            )?;
            w.updated("meetings", id.as_str(), before)?;
            load_meeting(w.tx, id)
        })
    }

    /// Starts a meeting held on another day than its date, moving its date to `day` (and its
    /// review's overdue order stays as carried): one action.
    pub fn start_meeting_on(
        &mut self,
        id: &Id,
        at: TimeOfDay,
        day: crate::domain::Date,
    ) -> Result<Meeting, StoreError> {
        self.write(AuditAction::StartMeeting, |w| {
            let m = load_meeting(w.tx, id)?;
            let status = m.status.transition(MeetingStatus::InProgress)?;
            let before = w.before("meetings", id.as_str())?;
            w.tx.execute(
                "UPDATE meetings SET status = ?2, start_time = coalesce(start_time, ?3), date = ?4
                 WHERE id = ?1",
                params![id, status, at, day],
            )?;
            w.updated("meetings", id.as_str(), before)?;
            load_meeting(w.tx, id)
        })
    }

    /// Closes a meeting and records when it ended.
    pub fn close_meeting(&mut self, id: &Id, at: TimeOfDay) -> Result<Meeting, StoreError> {
        self.write(AuditAction::CloseMeeting, |w| {
            let m = load_meeting(w.tx, id)?;
            let status = m.status.transition(MeetingStatus::Closed)?;
            let before = w.before("meetings", id.as_str())?;
            w.tx.execute(
                "UPDATE meetings SET status = ?2, end_time = ?3 WHERE id = ?1",
                params![id, status, at],
            )?;
            w.updated("meetings", id.as_str(), before)?;
            load_meeting(w.tx, id)
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
            let sql = format!("SELECT {STATEMENT_COLS} FROM statements s WHERE s.id = ?1");
            let s = one(
                w.tx,
                Record::Statement,
                &sql,
                id.as_str(),
                statement_from_row,
            )?;
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

    /// Keeps the text of a form being typed. Not a record of the meeting: no audit row, no
    /// undo; written at once all the same, so a crash one second later loses nothing.
    pub fn save_draft(&mut self, key: &str, body: &serde_json::Value) -> Result<(), StoreError> {
        let at = self.clock.now_utc();
        let body = body.to_string();
        self.write_untracked(|tx| {
            tx.execute(
                "INSERT INTO drafts (key, body, saved_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (key) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at",
                params![key, body, at],
            )?;
            Ok(())
        })
    }

    /// Forgets a draft (the form was saved or discarded).
    pub fn delete_draft(&mut self, key: &str) -> Result<(), StoreError> {
        self.write_untracked(|tx| {
            tx.execute("DELETE FROM drafts WHERE key = ?1", [key])?;
            Ok(())
        })
    }

    /// The draft kept under `key`, if any.
    pub fn draft(&self, key: &str) -> Result<Option<Draft>, StoreError> {
        self.read(|tx| {
            Ok(tx
                .query_row(
                    "SELECT key, body, saved_at FROM drafts WHERE key = ?1",
                    [key],
                    |r| {
                        Ok(Draft {
                            key: r.get(0)?,
                            body: r.get(1)?,
                            saved_at: r.get(2)?,
                        })
                    },
                )
                .optional()?)
        })
    }

    /// Every draft left behind, newest first (offered back after a crash).
    pub fn drafts(&self) -> Result<Vec<Draft>, StoreError> {
        self.read(|tx| {
            list(
                tx,
                Record::Draft,
                "SELECT key, body, saved_at FROM drafts ORDER BY saved_at DESC",
                [],
                |r| {
                    Ok(Draft {
                        key: r.get(0)?,
                        body: r.get(1)?,
                        saved_at: r.get(2)?,
                    })
                },
            )
        })
    }

    /// A number that changes whenever another connection commits to the file (`PRAGMA
    /// data_version`): the app polls it to show another hamyar's changes.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        self.read(|tx| Ok(tx.query_row("PRAGMA data_version", [], |r| r.get(0))?))
    }
}
