//! What can go wrong with the database, each said in one sentence that names the file and what to
//! do about it.

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

use crate::domain::{RuleError, TransitionError, UnknownCode};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{} does not exist; check the path, or create it by opening it for writing", .path.display())]
    Missing { path: PathBuf },

    #[error("{} is not a database file (or its header is damaged); check the path, or restore it from a backup", .path.display())]
    NotADatabase { path: PathBuf },

    #[error("{} is an SQLite database of another program; hamyar will not change it: choose another path", .path.display())]
    Foreign { path: PathBuf },

    #[error("{} is damaged ({detail}); restore it from a backup and keep the damaged copy for repair", .path.display())]
    Corrupt { path: PathBuf, detail: String },

    #[error("{} is locked by another program; close the other hamyar (or the program using it) and try again", .path.display())]
    Locked { path: PathBuf },

    #[error("{} cannot be written (the file or its folder is read-only); fix the permissions or use another path with --db", .path.display())]
    ReadOnly { path: PathBuf },

    #[error("the disk holding {} is full; free some space and try again (nothing was saved from the last action)", .path.display())]
    DiskFull { path: PathBuf },

    #[error("{} was written by a newer hamyar (schema {found}, this one knows {supported}); update hamyar, the file was left untouched", .path.display())]
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },

    #[error("{} could not be used: {source}; check the path and its permissions", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("{what} {id} was not found")]
    NotFound { what: &'static str, id: String },

    #[error("{0}")]
    Invalid(String),

    #[error(transparent)]
    Rule(#[from] RuleError),

    #[error(transparent)]
    Transition(#[from] TransitionError),

    #[error(transparent)]
    Code(#[from] UnknownCode),

    /// An SQLite error not yet tied to a file; [`classify`] turns it into one of the above.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),

    #[error("{} could not be used: {source}", .path.display())]
    Database {
        path: PathBuf,
        source: rusqlite::Error,
    },
}

impl StoreError {
    /// Whether another process holding the write lock caused it, so trying again may succeed.
    pub fn is_busy(&self) -> bool {
        matches!(self, StoreError::Locked { .. })
            || matches!(self, StoreError::Sqlite(e) if code_of(e).is_some_and(is_busy_code))
    }

    pub(crate) fn not_found(what: &'static str, id: impl ToString) -> Self {
        StoreError::NotFound {
            what,
            id: id.to_string(),
        }
    }
}

pub(crate) fn code_of(e: &rusqlite::Error) -> Option<ErrorCode> {
    match e {
        rusqlite::Error::SqliteFailure(f, _) => Some(f.code),
        _ => None,
    }
}

fn is_busy_code(c: ErrorCode) -> bool {
    matches!(c, ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
}

/// Ties a bare SQLite error to the file, choosing the sentence the user will read.
pub(crate) fn classify(e: StoreError, path: &Path) -> StoreError {
    let StoreError::Sqlite(err) = e else {
        return e;
    };
    let path = path.to_path_buf();
    match code_of(&err) {
        Some(ErrorCode::NotADatabase) => StoreError::NotADatabase { path },
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
            path,
            detail: err.to_string(),
        },
        Some(c) if is_busy_code(c) => StoreError::Locked { path },
        Some(ErrorCode::ReadOnly | ErrorCode::PermissionDenied | ErrorCode::CannotOpen) => {
            StoreError::ReadOnly { path }
        }
        Some(ErrorCode::DiskFull) => StoreError::DiskFull { path },
        _ => StoreError::Database { path, source: err },
    }
}
