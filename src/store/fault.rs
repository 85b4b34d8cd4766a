//! What goes wrong inside the store before it is tied to the file, and the one place where it
//! becomes a [`StoreError`] sentence: every SQLite error kind and every I/O error is mapped here.

use std::io::ErrorKind;
use std::path::Path;

use rusqlite::{ErrorCode, Row, ffi, types::ValueRef};

use super::Access;
use super::error::{DamagedRow, FileKind, LogProblem, Record, RowProblem, StoreError};
use crate::domain::{RuleError, TransitionError};

/// An error inside a read or a write, not yet tied to the file's path.
#[derive(Debug)]
pub(crate) enum Fault {
    Sqlite(rusqlite::Error),
    Damaged(Vec<DamagedRow>),
    Log(LogProblem),
    Store(StoreError),
}

impl From<rusqlite::Error> for Fault {
    fn from(e: rusqlite::Error) -> Self {
        Fault::Sqlite(e)
    }
}

impl From<StoreError> for Fault {
    fn from(e: StoreError) -> Self {
        Fault::Store(e)
    }
}

impl From<RuleError> for Fault {
    fn from(e: RuleError) -> Self {
        Fault::Store(e.into())
    }
}

impl From<TransitionError> for Fault {
    fn from(e: TransitionError) -> Self {
        Fault::Store(e.into())
    }
}

impl From<LogProblem> for Fault {
    fn from(e: LogProblem) -> Self {
        Fault::Log(e)
    }
}

impl Fault {
    pub fn not_found(what: Record, id: impl ToString) -> Self {
        Fault::Store(StoreError::NotFound {
            what,
            id: id.to_string(),
        })
    }

    /// Whether another process held the lock, so that trying again may succeed.
    pub fn is_busy(&self) -> bool {
        match self {
            Fault::Sqlite(e) => e
                .sqlite_error_code()
                .is_some_and(|c| matches!(c, ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)),
            Fault::Store(e) => e.is_busy(),
            _ => false,
        }
    }

    /// The sentence for this fault, naming `path`.
    pub fn into_store(self, path: &Path, access: Access) -> StoreError {
        match self {
            Fault::Store(e) => e,
            Fault::Damaged(rows) => StoreError::Damaged {
                path: path.to_path_buf(),
                rows,
            },
            Fault::Log(problem) => StoreError::LogDamaged {
                path: path.to_path_buf(),
                problem,
            },
            Fault::Sqlite(e) => sqlite_error(e, path, access),
        }
    }
}

/// `SQLITE_READONLY_RECOVERY`, `_ROLLBACK` and `_CANTINIT`: a reader found a crashed writer's
/// work to finish, which only a writer may do.
const NEEDS_WRITER: [i32; 3] = [
    ffi::SQLITE_READONLY_RECOVERY,
    ffi::SQLITE_READONLY_ROLLBACK,
    ffi::SQLITE_READONLY_CANTINIT,
];

/// The sentence for an SQLite error about the file at `path`.
pub(crate) fn sqlite_error(e: rusqlite::Error, path: &Path, access: Access) -> StoreError {
    use rusqlite::Error as E;
    let path = path.to_path_buf();
    let detail = |e: &rusqlite::Error| match e {
        E::SqliteFailure(f, Some(msg)) => format!("{msg}, code {}", f.extended_code),
        other => other.to_string(),
    };
    let code = match &e {
        E::SqliteFailure(f, _) => f,
        // A value read outside a listing (a count, a pragma) that is not what it must be: the
        // file's structure is off.
        E::FromSqlConversionFailure(..)
        | E::InvalidColumnType(..)
        | E::Utf8Error(..)
        | E::IntegralValueOutOfRange(..) => return StoreError::Corrupt { path },
        _ => {
            return StoreError::Unexpected {
                detail: detail(&e),
                path,
            };
        }
    };
    match code.code {
        ErrorCode::NotADatabase => StoreError::NotADatabase { path },
        ErrorCode::DatabaseCorrupt => StoreError::Corrupt { path },
        ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => StoreError::Locked { path },
        ErrorCode::ReadOnly if NEEDS_WRITER.contains(&code.extended_code) => {
            StoreError::NeedsRecovery { path }
        }
        ErrorCode::ReadOnly => StoreError::ReadOnly { path },
        ErrorCode::PermissionDenied | ErrorCode::CannotOpen => match access {
            Access::ReadWrite => StoreError::ReadOnly { path },
            Access::ReadOnly => StoreError::Unreadable { path },
        },
        ErrorCode::DiskFull => StoreError::DiskFull { path },
        ErrorCode::SystemIoFailure | ErrorCode::FileLockingProtocolFailed => {
            StoreError::DiskError { path }
        }
        ErrorCode::ConstraintViolation => StoreError::Refused {
            detail: detail(&e),
            path,
        },
        _ => StoreError::Unexpected {
            detail: detail(&e),
            path,
        },
    }
}

/// Whether the operating system was asked to read (open for reading, check the path) or to
/// write (create the file or its folder, open it for writing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Intent {
    Read,
    Write,
}

/// The one mapping of an I/O error on the database path to a sentence.
pub(crate) fn io_error(e: std::io::Error, path: &Path, intent: Intent) -> StoreError {
    let path = path.to_path_buf();
    match (e.kind(), intent) {
        (ErrorKind::NotFound, _) => StoreError::Missing { path },
        (ErrorKind::PermissionDenied, Intent::Read) => StoreError::Unreadable { path },
        (ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem, _) => {
            StoreError::ReadOnly { path }
        }
        (ErrorKind::IsADirectory, _) => StoreError::NotAFile {
            path,
            kind: FileKind::Directory,
        },
        (ErrorKind::StorageFull | ErrorKind::QuotaExceeded, _) => StoreError::DiskFull { path },
        _ => StoreError::Io { path, error: e },
    }
}

/// The damage, if `e` is a value of `row` that could not be read as its column's type.
pub(crate) fn damaged(record: Record, row: &Row<'_>, e: &rusqlite::Error) -> Option<DamagedRow> {
    use rusqlite::Error as E;
    let (column, problem) = match e {
        E::Utf8Error(i, _) => (*i, RowProblem::NotUtf8),
        E::InvalidColumnType(i, ..) => (*i, RowProblem::WrongType),
        E::IntegralValueOutOfRange(i, n) => (*i, RowProblem::OutOfRange(*n)),
        E::FromSqlConversionFailure(i, ..) => (*i, RowProblem::Unreadable(lossy(row, *i))),
        _ => return None,
    };
    Some(DamagedRow {
        record,
        key: lossy(row, 0),
        column: row
            .as_ref()
            .column_name(column)
            .map(str::to_owned)
            .unwrap_or_else(|_| format!("#{column}")),
        problem,
    })
}

/// A value of the row as text, whatever it holds, for naming it in a report.
fn lossy(row: &Row<'_>, i: usize) -> String {
    match row.get_ref(i) {
        Ok(ValueRef::Text(t)) => String::from_utf8_lossy(t).into_owned(),
        Ok(ValueRef::Integer(n)) => n.to_string(),
        Ok(ValueRef::Real(x)) => x.to_string(),
        Ok(ValueRef::Blob(b)) => String::from_utf8_lossy(b).into_owned(),
        Ok(ValueRef::Null) | Err(_) => String::new(),
    }
}
