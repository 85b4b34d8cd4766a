//! Drafts: the text of a form being typed, kept outside the records, the audit log and undo,
//! so that a crash loses nothing.

use rusqlite::{OptionalExtension, params};

use super::Store;
use super::error::{Record, StoreError};
use super::listed::list;

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
}
