//! The SQLite store (DESIGN §3): one file, one `Store`, one method per use case.
//!
//! Every method that changes data is one `BEGIN IMMEDIATE` transaction that also appends its
//! rows to the audit log, and is committed before it returns. Reads return domain types; no
//! caller ever sees SQL.

mod actions;
mod audit;
mod bundle;
mod decisions;
mod error;
mod import;
mod issues;
mod meetings;
mod open;
mod review;
mod room;
mod rows;
mod schema;
mod search;
mod setup;
mod synth;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::domain::Clock;

pub use actions::{ActionFilter, ActionItem};
pub use audit::{Change, Undone};
pub use bundle::MeetingBundle;
pub use decisions::{DecisionEdit, NewDecision};
pub use error::StoreError;
pub use import::{Conflict, ImportReport, Side};
pub use meetings::NewMeeting;
pub use review::ReviewEntry;
pub use room::{Draft, IssueEdit, IssueHistory};
pub use schema::SCHEMA_VERSION;
pub use search::{SearchHit, SearchKind};
pub use synth::{SynthReport, synth};

use audit::Writer;
use error::classify;

/// How often a write is retried when another process held the lock past the busy timeout.
const WRITE_ATTEMPTS: u32 = 3;

/// The hamyar database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens the database at `path`, creating it (mode 0600) and its folder if missing, and
    /// migrating it to the current schema.
    pub fn open(path: impl AsRef<Path>, clock: Arc<dyn Clock>) -> Result<Store, StoreError> {
        let path = path.as_ref();
        open::create_private(path)?;
        Self::connect(path, clock)
    }

    /// Opens an existing database; a missing file is an error rather than a new empty database
    /// (for commands that only read).
    pub fn open_existing(
        path: impl AsRef<Path>,
        clock: Arc<dyn Clock>,
    ) -> Result<Store, StoreError> {
        let path = path.as_ref();
        if !path.exists() {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            });
        }
        Self::connect(path, clock)
    }

    fn connect(path: &Path, clock: Arc<dyn Clock>) -> Result<Store, StoreError> {
        let conn = open::connect(path)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            clock,
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The clock this store uses for "today".
    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    /// Runs one user action in one immediate transaction with its audit rows, and commits it.
    ///
    /// `BEGIN IMMEDIATE` takes the write lock up front: a deferred transaction that reads first
    /// and then writes can fail with SQLITE_BUSY at once, without the busy timeout helping.
    fn write<T>(
        &mut self,
        action: &'static str,
        mut f: impl FnMut(&Writer<'_, '_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut attempt = 1;
        loop {
            let at = self.clock.now_utc();
            let result: Result<_, StoreError> = (|| {
                let tx = self
                    .conn
                    .transaction_with_behavior(TransactionBehavior::Immediate)?;
                let out = {
                    let w = Writer::new(&tx, action, at)?;
                    f(&w)?
                };
                tx.commit()?;
                Ok(out)
            })();
            match result {
                Err(e) if e.is_busy() && attempt < WRITE_ATTEMPTS => attempt += 1,
                other => return other.map_err(|e| classify(e, &self.path)),
            }
        }
    }

    /// Runs reads in one transaction, so they see one consistent state of the file.
    fn read<T>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let result: Result<_, StoreError> = (|| {
            let tx = self.conn.unchecked_transaction()?;
            let out = f(&tx)?;
            tx.finish()?;
            Ok(out)
        })();
        result.map_err(|e| classify(e, &self.path))
    }

    /// Writes what is not a record of the meeting (drafts of text being typed): one immediate
    /// transaction, committed at once, with no audit rows and so no undo.
    fn write_untracked(
        &mut self,
        f: impl FnOnce(&Transaction<'_>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let result: Result<_, StoreError> = (|| {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            f(&tx)?;
            tx.commit()?;
            Ok(())
        })();
        result.map_err(|e| classify(e, &self.path))
    }

    /// Reverts the newest change still in effect (one user action, all its records), recording
    /// the undo in the audit log. `None` when there is nothing left to undo.
    pub fn undo_last(&mut self) -> Result<Option<Undone>, StoreError> {
        let at = self.clock.now_utc();
        let mut attempt = 1;
        loop {
            let result: Result<_, StoreError> = (|| {
                let tx = self
                    .conn
                    .transaction_with_behavior(TransactionBehavior::Immediate)?;
                let out = audit::undo_last(&tx, at.clone())?;
                tx.commit()?;
                Ok(out)
            })();
            match result {
                Err(e) if e.is_busy() && attempt < WRITE_ATTEMPTS => attempt += 1,
                other => return other.map_err(|e| classify(e, &self.path)),
            }
        }
    }

    /// Every change to one record, oldest first (the amendment history of a record).
    pub fn history(&self, entity_id: &crate::domain::Id) -> Result<Vec<Change>, StoreError> {
        self.read(|tx| audit::history(tx, entity_id.as_str()))
    }

    /// `PRAGMA integrity_check` and `foreign_key_check`: an empty list means the file is sound.
    pub fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        self.read(|tx| {
            let mut problems = Vec::new();
            let mut st = tx.prepare("PRAGMA integrity_check")?;
            for row in st.query_map([], |r| r.get::<_, String>(0))? {
                let row = row?;
                if row != "ok" {
                    problems.push(row);
                }
            }
            let mut st = tx.prepare("PRAGMA foreign_key_check")?;
            for row in st.query_map([], |r| {
                Ok(format!(
                    "{} row {} refers to a missing {}",
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                    r.get::<_, String>(2)?
                ))
            })? {
                problems.push(row?);
            }
            Ok(problems)
        })
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        self.read(|tx| Ok(tx.query_row("PRAGMA user_version", [], |r| r.get(0))?))
    }

    /// How many rows each table holds, in a fixed order.
    pub fn counts(&self) -> Result<Vec<(&'static str, u64)>, StoreError> {
        self.read(|tx| {
            let mut out = Vec::with_capacity(schema::TABLES.len());
            for table in schema::TABLES {
                let n: i64 =
                    tx.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
                out.push((*table, u64::try_from(n).unwrap_or(0)));
            }
            Ok(out)
        })
    }

    /// How long a write waits for another process's lock before reporting the file as locked
    /// (5 s unless changed).
    pub fn set_busy_timeout(&self, timeout: std::time::Duration) -> Result<(), StoreError> {
        self.conn
            .busy_timeout(timeout)
            .map_err(|e| classify(e.into(), &self.path))
    }

    /// Caps the file at `pages` pages of 4 KiB for this connection: a quota, and the way tests
    /// reach the disk-full path.
    pub fn set_max_pages(&self, pages: u32) -> Result<(), StoreError> {
        self.conn
            .query_row(&format!("PRAGMA max_page_count = {pages}"), [], |_| Ok(()))
            .map_err(|e| classify(e.into(), &self.path))
    }
}
