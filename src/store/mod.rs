//! The SQLite store: one file, one `Store`, one method per use case.
//!
//! Every method that changes data is one `BEGIN IMMEDIATE` transaction that also appends its
//! rows to the audit log, and is committed before it returns (the synthetic series of
//! [`synth`], written once into an empty file and never undone, keeps no log). Reads return
//! domain types; no caller ever sees SQL. A store opened with [`Store::open_read_only`] never
//! changes a byte of its file, and refuses every write.
//!
//! Errors are [`StoreError`]: one sentence naming the file and what to do, translated in
//! `i18n`. Listings that a damaged record must not empty ([`Store::list_meetings`],
//! [`Store::meeting_summaries`], [`Store::actions`]) return a [`Listed`]: the rows that could
//! be read, and a report of those that could not.

mod action;
mod actions;
mod amendments;
mod audit;
mod backup;
mod bundle;
mod categories;
mod changes;
mod decisions;
mod directory;
mod drafts;
mod error;
mod fault;
mod file;
mod health;
mod import;
mod issues;
mod listed;
mod meetings;
mod merge;
mod open;
mod review;
mod rows;
mod schema;
mod search;
mod series;
mod setup;
mod sql;
mod summaries;
mod synth;
mod version;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::{Connection, TransactionBehavior};

use crate::domain::Clock;

pub use action::AuditAction;
pub use actions::{ActionFilter, ActionItem};
pub use audit::{Change, Undone};
pub use bundle::MeetingBundle;
pub use changes::FieldChange;
pub use decisions::{DecisionEdit, NewDecision};
pub use drafts::Draft;
pub use error::{DamagedRow, FileKind, LogProblem, Record, RowProblem, StoreError};
pub use import::{Conflict, ImportError, ImportReport, Side};
pub use issues::{IssueEdit, IssueHistory};
pub use listed::Listed;
pub use meetings::NewMeeting;
pub use merge::MergeReport;
pub use review::{ReviewEntries, ReviewEntry};
pub use schema::SCHEMA_VERSION;
pub use search::{SearchHit, SearchKind};
pub use summaries::MeetingSummary;
pub use synth::{SynthReport, synth, synth_with_progress};
pub use version::RowVersion;

use audit::Writer;
use fault::Fault;

/// How often a write is retried when another process held the lock past the busy timeout.
const WRITE_ATTEMPTS: u32 = 3;

/// Whether a store may change its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Opened for reading and writing, migrated to the current schema.
    ReadWrite,
    /// Opened for reading only: nothing is ever written, writes are refused.
    ReadOnly,
}

/// The hamyar database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    clock: Arc<dyn Clock>,
    access: Access,
    /// The actions (their `txn` in the change log) this store committed and has not undone,
    /// oldest first: undo takes back only these, never another hamyar's work.
    mine: Vec<i64>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("access", &self.access)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens the database at `path` for writing, creating it (mode 0600) and its folder if
    /// missing, and migrating it to the current schema.
    pub fn open(path: impl AsRef<Path>, clock: Arc<dyn Clock>) -> Result<Store, StoreError> {
        let path = path.as_ref();
        open::create_private(path)?;
        Self::open_existing(path, clock)
    }

    /// Opens an existing database for writing, migrating it; a missing file is an error rather
    /// than a new empty database.
    pub fn open_existing(
        path: impl AsRef<Path>,
        clock: Arc<dyn Clock>,
    ) -> Result<Store, StoreError> {
        let path = path.as_ref();
        Ok(Store {
            conn: open::connect_writable(path)?,
            path: path.to_path_buf(),
            clock,
            access: Access::ReadWrite,
            mine: Vec::new(),
        })
    }

    /// Opens an existing database for reading only, for commands that only read. Nothing is
    /// written, not even to migrate: an empty file is [`StoreError::Empty`], an older schema
    /// [`StoreError::OlderSchema`]. Works on a read-only file, in a read-only folder and on
    /// read-only media. Every write through it is refused with [`StoreError::ReadOnly`].
    pub fn open_read_only(
        path: impl AsRef<Path>,
        clock: Arc<dyn Clock>,
    ) -> Result<Store, StoreError> {
        let path = path.as_ref();
        Ok(Store {
            conn: open::connect_read_only(path)?,
            path: path.to_path_buf(),
            clock,
            access: Access::ReadOnly,
            mine: Vec::new(),
        })
    }

    /// Opens an existing database for reading only, to copy it as it is ([`Store::backup_into`]):
    /// like [`Store::open_read_only`], but an older schema is taken too, so that a copy can be
    /// kept before the upgrade. Only the copy is meant to be read through it.
    pub fn open_to_copy(
        path: impl AsRef<Path>,
        clock: Arc<dyn Clock>,
    ) -> Result<Store, StoreError> {
        let path = path.as_ref();
        Ok(Store {
            conn: open::connect_reading(path, open::Schema::UpToCurrent)?,
            path: path.to_path_buf(),
            clock,
            access: Access::ReadOnly,
            mine: Vec::new(),
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

    /// Whether this store may change its file.
    pub fn access(&self) -> Access {
        self.access
    }

    fn fail(&self, fault: Fault) -> StoreError {
        fault.into_store(&self.path, self.access)
    }

    fn ensure_writable(&self) -> Result<(), StoreError> {
        match self.access {
            Access::ReadWrite => Ok(()),
            Access::ReadOnly => Err(StoreError::ReadOnly {
                path: self.path.clone(),
            }),
        }
    }

    /// Runs `f` in one immediate transaction and commits it: the one retry loop of every write.
    ///
    /// `BEGIN IMMEDIATE` takes the write lock up front: a deferred transaction that reads first
    /// and then writes can fail with SQLITE_BUSY at once, without the busy timeout helping.
    /// Inside [`Store::fill_empty`] the outer transaction holds the lock, and a savepoint keeps
    /// this action whole.
    fn immediate<T>(
        &mut self,
        mut f: impl FnMut(&Connection) -> Result<T, Fault>,
    ) -> Result<T, StoreError> {
        self.ensure_writable()?;
        if !self.conn.is_autocommit() {
            let result: Result<T, Fault> = (|| {
                let sp = self.conn.savepoint()?;
                let out = f(&sp)?;
                sp.commit()?;
                Ok(out)
            })();
            return result.map_err(|e| self.fail(e));
        }
        let mut attempt = 1;
        loop {
            let result: Result<T, Fault> = (|| {
                let tx = self
                    .conn
                    .transaction_with_behavior(TransactionBehavior::Immediate)?;
                let out = f(&tx)?;
                tx.commit()?;
                Ok(out)
            })();
            match result {
                Err(e) if e.is_busy() && attempt < WRITE_ATTEMPTS => attempt += 1,
                other => return other.map_err(|e| self.fail(e)),
            }
        }
    }

    /// Runs one user action with its audit rows in one transaction, and commits it.
    fn write<T>(
        &mut self,
        action: AuditAction,
        mut f: impl FnMut(&Writer<'_>) -> Result<T, Fault>,
    ) -> Result<T, StoreError> {
        let clock = self.clock.clone();
        let mut txn = None;
        let out = self.immediate(|conn| {
            let w = Writer::new(conn, action, clock.now_utc())?;
            txn = Some(w.txn());
            f(&w)
        })?;
        self.mine.extend(txn);
        Ok(out)
    }

    /// Writes what is not a record of the meeting (drafts of text being typed): one immediate
    /// transaction, committed at once, with no audit rows and so no undo.
    fn write_untracked(
        &mut self,
        f: impl FnMut(&Connection) -> Result<(), Fault>,
    ) -> Result<(), StoreError> {
        self.immediate(f)
    }

    /// Runs reads in one transaction, so they see one consistent state of the file.
    fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T, Fault>) -> Result<T, StoreError> {
        let result: Result<T, Fault> = (|| {
            if !self.conn.is_autocommit() {
                // Inside `fill_empty`: already one transaction.
                return f(&self.conn);
            }
            let tx = self.conn.unchecked_transaction()?;
            let out = f(&tx)?;
            tx.finish()?;
            Ok(out)
        })();
        result.map_err(|e| self.fail(e))
    }

    /// Runs `f` on a database that holds no data yet, as one transaction: the check and every
    /// write of `f` commit together or not at all. Refused with [`StoreError::NotEmpty`] when
    /// the database holds data, so two demos started at once cannot both write theirs.
    ///
    /// Each use-case method `f` calls is still its own action in the audit log and undo stack.
    pub fn fill_empty<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&mut Store) -> Result<T, E>,
    ) -> Result<T, E> {
        self.ensure_writable()?;
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| self.fail(e.into()))?;
        // A bulk load is not undone action by action, and a rolled-back one left nothing.
        let mine = self.mine.len();
        let result = match health::holds_data(&self.conn) {
            Ok(false) => f(self),
            Ok(true) => Err(StoreError::NotEmpty {
                path: self.path.clone(),
            }
            .into()),
            Err(e) => Err(self.fail(e).into()),
        };
        let end = match &result {
            Ok(_) => self.conn.execute_batch("COMMIT"),
            Err(_) => self.conn.execute_batch("ROLLBACK"),
        };
        self.mine.truncate(mine);
        if let Err(e) = end {
            // A failed COMMIT (disk full) leaves the transaction open: end it, keep the cause.
            if !self.conn.is_autocommit() {
                let _ = self.conn.execute_batch("ROLLBACK");
            }
            if result.is_ok() {
                return Err(self.fail(e.into()).into());
            }
        }
        result
    }

    /// Reverts the newest action this store made that is still in effect (one user action, all
    /// its records), recording the undo in the audit log. `None` when there is nothing left to
    /// undo: another hamyar's actions, or those written before this store was opened, are never
    /// undone. A record another hamyar changed since is not overwritten:
    /// [`StoreError::ChangedSince`], and that action leaves the stack (the next undo goes on
    /// with the one before it, each record checked again).
    pub fn undo_last(&mut self) -> Result<Option<Undone>, StoreError> {
        let clock = self.clock.clone();
        while let Some(&txn) = self.mine.last() {
            match self.immediate(|conn| audit::undo(conn, txn, clock.now_utc())) {
                Ok(None) => {
                    self.mine.pop();
                }
                Ok(undone) => {
                    self.mine.pop();
                    return Ok(undone);
                }
                // Never undoable now; the next undo goes on with the action before.
                Err(e @ StoreError::ChangedSince { .. }) => {
                    self.mine.pop();
                    return Err(e);
                }
                // Approved since, or the disk or a lock: the action stays on the stack.
                Err(e) => return Err(e),
            }
        }
        Ok(None)
    }

    /// A number that changes whenever another connection commits to the file (`PRAGMA
    /// data_version`): the app polls it to show another hamyar's changes.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        self.read(|tx| Ok(tx.query_row("PRAGMA data_version", [], |r| r.get(0))?))
    }

    /// Every change to one record, oldest first (the amendment history of a record).
    pub fn history(&self, entity_id: &crate::domain::Id) -> Result<Vec<Change>, StoreError> {
        self.read(|tx| audit::history(tx, entity_id.as_str()))
    }
}
