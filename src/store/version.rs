//! Row versions: what keeps a stale screen from overwriting a newer change.
//!
//! The database bumps a record's `version` whenever a column a person sees changes (schema
//! step 6, a trigger per table). A screen that is about to edit a record reads its version
//! first ([`Store::row_version`]), then the record; the edit names that version, and its
//! `UPDATE … WHERE id = ? AND version = ?` changes nothing if another hamyar changed the record
//! in between: [`StoreError::Stale`], and nothing is written.

use rusqlite::{Connection, OptionalExtension, ToSql};

use super::Store;
use super::error::{Record, StoreError};
use super::fault::Fault;
use crate::domain::Id;

/// The version of one record as a screen read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RowVersion(i64);

impl ToSql for RowVersion {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        self.0.to_sql()
    }
}

/// The table of a kind of record that has row versions.
fn versioned_table(record: Record) -> Option<&'static str> {
    Some(match record {
        Record::Decision => "decisions",
        Record::Statement => "statements",
        Record::Issue => "issues",
        Record::Meeting => "meetings",
        Record::Series => "series",
        Record::Agency => "agencies",
        Record::Person => "people",
        Record::Category => "categories",
        _ => return None,
    })
}

/// The record's version now; `NotFound` if it is gone.
pub(crate) fn version_of(tx: &Connection, record: Record, id: &Id) -> Result<RowVersion, Fault> {
    let Some(table) = versioned_table(record) else {
        return Err(Fault::not_found(record, id));
    };
    tx.prepare_cached(&format!("SELECT version FROM {table} WHERE id = ?1"))?
        .query_row([id], |r| r.get(0))
        .optional()?
        .map(RowVersion)
        .ok_or_else(|| Fault::not_found(record, id))
}

/// Runs an edit's `UPDATE`, whose `WHERE` names the record's id and the version `read`: no row
/// changed means the record is gone ([`StoreError::NotFound`]) or another hamyar changed it
/// since it was read ([`StoreError::Stale`]).
pub(crate) fn update_as_read(
    tx: &Connection,
    record: Record,
    id: &Id,
    read: RowVersion,
    sql: &str,
    params: &[&dyn ToSql],
) -> Result<(), Fault> {
    let mut all: Vec<&dyn ToSql> = params.to_vec();
    all.push(&read);
    if tx.prepare_cached(sql)?.execute(all.as_slice())? == 1 {
        return Ok(());
    }
    version_of(tx, record, id)?;
    Err(StoreError::Stale { what: record }.into())
}

impl Store {
    /// The version of a record as it is now, to name in the edit that follows: read it before
    /// the record itself, so that a change in between makes the edit refused rather than lost.
    pub fn row_version(&self, record: Record, id: &Id) -> Result<RowVersion, StoreError> {
        self.read(|tx| version_of(tx, record, id))
    }
}
