//! Issues (the problems a series works through) and statements (who said what).

use rusqlite::params;

use super::Store;
use super::error::StoreError;
use super::meetings::editable_meeting;
use super::rows::*;
use super::setup::{list, one};
use crate::domain::{Id, Issue, IssueStatus, Statement};
use crate::text::fold::fold_for_index;

pub(crate) fn issue_text_f(title: &str, description: &str) -> String {
    fold_for_index(&format!("{title}\n{description}"))
}

impl Store {
    /// Adds an issue to a series. An issue said to be raised in an approved meeting is refused.
    pub fn add_issue(&mut self, issue: &Issue) -> Result<(), StoreError> {
        self.write("add_issue", |w| {
            if let Some(m) = &issue.raised_in {
                editable_meeting(w.tx, m)?;
            }
            w.tx.execute(
                "INSERT INTO issues (id, series, category, title, description, raised_in, raised_by,
                                     status, fts_key, text_f)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,
                         (SELECT coalesce(max(fts_key), 0) + 1 FROM issues), ?9)",
                params![
                    issue.id.as_str(),
                    issue.series.as_str(),
                    issue.category.as_ref().map(Id::as_str),
                    issue.title,
                    issue.description,
                    issue.raised_in.as_ref().map(Id::as_str),
                    issue.raised_by.as_ref().map(Id::as_str),
                    issue.status.code(),
                    issue_text_f(&issue.title, &issue.description),
                ],
            )?;
            w.inserted("issues", issue.id.as_str())
        })
    }

    pub fn get_issue(&self, id: &Id) -> Result<Issue, StoreError> {
        self.read(|tx| {
            one(
                tx,
                "issue",
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
                &format!(
                    "SELECT {ISSUE_COLS} FROM issues i LEFT JOIN categories c ON c.id = i.category
                     WHERE i.series = ?1 AND (?2 IS NULL OR i.category = ?2)
                     ORDER BY c.ord IS NULL, c.ord, i.id"
                ),
                params![series.as_str(), category.map(Id::as_str)],
                issue_from_row,
            )
        })
    }

    /// Changes an issue's status, as the domain's transitions allow.
    pub fn set_issue_status(&mut self, id: &Id, to: IssueStatus) -> Result<Issue, StoreError> {
        self.write("set_issue_status", |w| {
            let mut issue = one(
                w.tx,
                "issue",
                &format!("SELECT {ISSUE_COLS} FROM issues i WHERE i.id = ?1"),
                id.as_str(),
                issue_from_row,
            )?;
            issue.status = issue.status.transition(to)?;
            let before = w.before("issues", id.as_str())?;
            w.tx.execute(
                "UPDATE issues SET status = ?2 WHERE id = ?1",
                params![id.as_str(), issue.status.code()],
            )?;
            w.updated("issues", id.as_str(), before)?;
            Ok(issue)
        })
    }

    /// Notes what someone said in a meeting.
    pub fn record_statement(&mut self, s: &Statement) -> Result<(), StoreError> {
        self.write("record_statement", |w| {
            editable_meeting(w.tx, &s.meeting)?;
            w.tx.execute(
                "INSERT INTO statements (id, meeting, issue, speaker, text, fts_key, text_f)
                 VALUES (?1, ?2, ?3, ?4, ?5, (SELECT coalesce(max(fts_key), 0) + 1 FROM statements), ?6)",
                params![
                    s.id.as_str(),
                    s.meeting.as_str(),
                    s.issue.as_ref().map(Id::as_str),
                    s.speaker.as_str(),
                    s.text,
                    fold_for_index(&s.text),
                ],
            )?;
            w.inserted("statements", s.id.as_str())
        })
    }

    /// Changes the text of a statement of a meeting not yet approved.
    pub fn update_statement(&mut self, id: &Id, text: &str) -> Result<Statement, StoreError> {
        self.write("update_statement", |w| {
            let sql = format!("SELECT {STATEMENT_COLS} FROM statements s WHERE s.id = ?1");
            let s = one(w.tx, "statement", &sql, id.as_str(), statement_from_row)?;
            editable_meeting(w.tx, &s.meeting)?;
            let before = w.before("statements", id.as_str())?;
            w.tx.execute(
                "UPDATE statements SET text = ?2, text_f = ?3 WHERE id = ?1",
                params![id.as_str(), text, fold_for_index(text)],
            )?;
            w.updated("statements", id.as_str(), before)?;
            one(w.tx, "statement", &sql, id.as_str(), statement_from_row)
        })
    }

    /// The statements of a meeting, in the order they were made.
    pub fn list_statements(&self, meeting: &Id) -> Result<Vec<Statement>, StoreError> {
        self.read(|tx| {
            list(
                tx,
                &format!("SELECT {STATEMENT_COLS} FROM statements s WHERE s.meeting = ?1 ORDER BY s.fts_key"),
                [meeting.as_str()],
                statement_from_row,
            )
        })
    }
}
