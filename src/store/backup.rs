//! A copy of the whole database through SQLite's online backup API, safe while hamyars write
//! the file: the copy is one committed state, read in one read transaction (in WAL mode that
//! never blocks a writer), written into a file of its own and checked before it is trusted.
//!
//! Only SQLite opens the database here: the source is this store's own connection, so no
//! descriptor of the file is opened or closed beside it (see `open.rs` on POSIX locks).

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::error::StoreError;
use super::fault::Fault;
use super::open::{self, BUSY_TIMEOUT};
use super::schema::APPLICATION_ID;
use super::{Access, Store};
use crate::domain::Clock;

impl Store {
    /// Copies the database into `copy`, an empty file (or none) that nothing else uses, then
    /// checks the copy: SQLite's `integrity_check` and hamyar's application id. The copy is a
    /// self-contained file in rollback-journal mode (no `-wal` beside it), synced by SQLite's
    /// commit. Errors about the copy name `target`, the name it is meant to get.
    pub fn backup_into(&self, copy: &Path, target: &Path) -> Result<(), StoreError> {
        let about_copy = |e: Fault| e.into_store(target, Access::ReadWrite);
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut dst = Connection::open_with_flags(copy, flags).map_err(|e| about_copy(e.into()))?;
        self.copy_pages(&mut dst, target)?;
        let checked: Result<Vec<String>, Fault> = (|| {
            // The pages came from a WAL file and say so; a backup is one file to copy around.
            dst.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))?;
            let app_id: i32 = dst.query_row("PRAGMA application_id", [], |r| r.get(0))?;
            let mut problems = Vec::new();
            if app_id != APPLICATION_ID {
                problems.push(format!("application_id is {app_id}"));
            }
            let mut st = dst.prepare("PRAGMA integrity_check")?;
            for row in st.query_map([], |r| r.get::<_, String>(0))? {
                let row = row?;
                if row != "ok" {
                    problems.push(row);
                }
            }
            Ok(problems)
        })();
        let problems = checked.map_err(about_copy)?;
        dst.close().map_err(|(_, e)| about_copy(e.into()))?;
        if let Some(first) = problems.into_iter().next() {
            return Err(StoreError::BackupUnsound {
                path: self.path.clone(),
                copy: target.to_path_buf(),
                problem: first,
            });
        }
        Ok(())
    }

    /// Every page in one step, so the copy is one snapshot even while others write; a step
    /// that finds the source locked is tried again for up to the busy timeout.
    fn copy_pages(&self, dst: &mut Connection, target: &Path) -> Result<(), StoreError> {
        // A step's error is the copy's (its disk full, say), unless the pages read were bad.
        let fail = |e: rusqlite::Error| match Fault::from(e).into_store(target, Access::ReadWrite) {
            StoreError::Corrupt { .. } | StoreError::NotADatabase { .. } => StoreError::Corrupt {
                path: self.path.clone(),
            },
            other => other,
        };
        let backup = Backup::new(&self.conn, dst).map_err(fail)?;
        step_to_the_end(&backup, fail, &self.path)
    }
}

impl Store {
    /// Opens the database at `path` (created, 0600, if missing) for writing as the only
    /// connection to it: refused with [`StoreError::Locked`] while anything else has it open
    /// (another hamyar, `hamyar present`, the `sqlite3` shell), and keeping everything else out
    /// until dropped. For replacing the whole file ([`Store::restore_from`]).
    pub fn open_alone(path: impl AsRef<Path>, clock: Arc<dyn Clock>) -> Result<Store, StoreError> {
        let path = path.as_ref();
        open::create_private(path)?;
        let conn = open::connect_writable(path)?;
        let fail = |e: rusqlite::Error| Fault::from(e).into_store(path, Access::ReadWrite);
        // Another connection is an open file, not a transaction that ends: ask once, briefly.
        conn.busy_timeout(Duration::from_millis(200))
            .map_err(fail)?;
        conn.pragma_update(None, "locking_mode", "EXCLUSIVE")
            .map_err(fail)?;
        // In WAL mode every open connection holds a shared lock on the file: the exclusive one
        // is had only when there is none, and is kept from here on.
        conn.execute_batch("BEGIN EXCLUSIVE; COMMIT;")
            .map_err(fail)?;
        conn.busy_timeout(open::BUSY_TIMEOUT).map_err(fail)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            clock,
            access: Access::ReadWrite,
            mine: Vec::new(),
        })
    }

    /// Replaces the whole database with `backup`'s pages, after checking the backup; one write
    /// transaction, so a crash midway leaves the file as it was. This store must be the only
    /// connection to its file ([`Store::open_alone`]). Nothing before it can be undone after.
    pub fn restore_from(&mut self, backup: &Store) -> Result<(), StoreError> {
        self.ensure_writable()?;
        if let Some(problem) = backup.integrity_check()?.into_iter().next() {
            return Err(StoreError::BackupUnsound {
                path: backup.path.clone(),
                copy: self.path.clone(),
                problem,
            });
        }
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| Fault::from(e).into_store(&path, Access::ReadWrite);
        {
            let restore = Backup::new(&backup.conn, &mut self.conn).map_err(fail)?;
            step_to_the_end(&restore, fail, &path)?;
        }
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .map_err(fail)?;
        self.mine.clear();
        Ok(())
    }
}

/// Every page in one step (one snapshot of the source), tried again for up to the busy timeout
/// while the source is locked.
fn step_to_the_end(
    backup: &Backup<'_, '_>,
    fail: impl Fn(rusqlite::Error) -> StoreError,
    locked: &Path,
) -> Result<(), StoreError> {
    let started = Instant::now();
    let mut pause = Duration::from_millis(5);
    loop {
        match backup.step(-1).map_err(&fail)? {
            StepResult::Done => return Ok(()),
            StepResult::Busy | StepResult::Locked if started.elapsed() >= BUSY_TIMEOUT => {
                return Err(StoreError::Locked {
                    path: locked.to_path_buf(),
                });
            }
            _ => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(100));
            }
        }
    }
}
