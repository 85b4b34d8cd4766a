//! Reading rows into records, with damage found per row: a value another program wrote that
//! cannot be read (text that is not UTF-8, a date that is not a date) spoils its own row, never
//! the whole read.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, Params, Row};

use super::error::{DamagedRow, Record, StoreError};
use super::fault::{Fault, damaged};

/// Reads one record out of a row.
pub(crate) type RowFn<T> = fn(&Row<'_>) -> rusqlite::Result<T>;

/// What a listing read: the rows that could be read, in order, and the ones that could not.
///
/// A screen or a command shows `rows` and says that `damaged` were left out (naming them, with
/// what to do), so that one bad record does not hide every good one. Output that must be whole
/// (minutes, exports) calls [`Listed::complete`] instead.
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use = "a listing may have left damaged rows out: report them or call `complete`"]
pub struct Listed<T> {
    /// The records that could be read, in the listing's order.
    pub rows: Vec<T>,
    /// The records that could not be read, in the listing's order; usually empty.
    pub damaged: Vec<DamagedRow>,
    path: PathBuf,
}

impl<T> Listed<T> {
    pub(crate) fn new(rows: Vec<T>, damaged: Vec<DamagedRow>, path: &Path) -> Self {
        Listed {
            rows,
            damaged,
            path: path.to_path_buf(),
        }
    }

    /// Whether every row could be read.
    pub fn is_whole(&self) -> bool {
        self.damaged.is_empty()
    }

    /// The database file the rows come from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every row, or [`StoreError::Damaged`] naming the rows that could not be read.
    pub fn complete(self) -> Result<Vec<T>, StoreError> {
        if self.damaged.is_empty() {
            Ok(self.rows)
        } else {
            Err(StoreError::Damaged {
                path: self.path,
                rows: self.damaged,
            })
        }
    }

    /// The same listing with each row changed by `f`.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Listed<U> {
        Listed {
            rows: self.rows.into_iter().map(f).collect(),
            damaged: self.damaged,
            path: self.path,
        }
    }
}

/// The rows of `sql` as records of kind `record`, and the rows that could not be read.
/// An error of SQLite itself (a damaged page, a lock) still ends the read.
pub(crate) fn listed<T>(
    tx: &Connection,
    record: Record,
    sql: &str,
    params: impl Params,
    mut f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<(Vec<T>, Vec<DamagedRow>), Fault> {
    let mut st = tx.prepare_cached(sql)?;
    let mut rows = st.query(params)?;
    let mut good = Vec::new();
    let mut bad = Vec::new();
    while let Some(row) = rows.next()? {
        match f(row) {
            Ok(t) => good.push(t),
            Err(e) => match damaged(record, row, &e) {
                Some(d) => bad.push(d),
                None => return Err(e.into()),
            },
        }
    }
    Ok((good, bad))
}

/// Every row of `sql`, or the damaged ones as an error.
pub(crate) fn list<T>(
    tx: &Connection,
    record: Record,
    sql: &str,
    params: impl Params,
    f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>, Fault> {
    let (good, bad) = listed(tx, record, sql, params, f)?;
    if bad.is_empty() {
        Ok(good)
    } else {
        Err(Fault::Damaged(bad))
    }
}

/// The one row of `sql` for `id`: not found, damaged, or read.
pub(crate) fn one<T>(
    tx: &Connection,
    record: Record,
    sql: &str,
    id: &str,
    f: RowFn<T>,
) -> Result<T, Fault> {
    let found = tx
        .prepare_cached(sql)?
        .query_row([id], |row| {
            Ok(f(row).map_err(|e| damaged(record, row, &e).ok_or(e)))
        })
        .optional()?;
    match found {
        None => Err(Fault::not_found(record, id)),
        Some(Ok(t)) => Ok(t),
        Some(Err(Ok(d))) => Err(Fault::Damaged(vec![d])),
        Some(Err(Err(e))) => Err(e.into()),
    }
}
