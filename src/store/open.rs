//! Opening the database file.
//!
//! Both ways first look at the path (metadata only) and the header (an `immutable` SQLite
//! connection, which writes nothing and takes no lock: [`super::file`]), so that a pipe never
//! blocks, and a foreign or newer file is refused before SQLite could write to it. Nothing here
//! opens a descriptor of the database outside SQLite: closing one would drop the locks of every
//! connection this process holds on it.
//!
//! - **For writing:** create the file privately if asked, set the pragmas (WAL) and migrate.
//! - **For reading:** never change a byte. No pragma that writes, no migration (an empty or
//!   older file is reported instead), and no `-wal`/`-shm` files left behind.
//!
//! ## Reading without writing: `SQLITE_OPEN_READONLY` or `immutable=1`
//! A read-only connection (`SQLITE_OPEN_READONLY`) still takes locks and reads the write-ahead
//! log through the `-shm` index, so it sees every commit of a hamyar that is running: that is
//! the safe choice whenever another connection may be writing. But on a WAL-mode file whose
//! `-wal` does not exist (every connection closed cleanly), SQLite creates `-wal` and `-shm`
//! beside it, and leaves them behind; in a read-only folder it cannot, and the open fails.
//! `immutable=1` reads the main file alone, with no locks and no side files; it is wrong only
//! if the file changes while it is read, since SQLite then no longer notices.
//!
//! So: a file with a `-wal` or a `-journal` beside it (a writer is running, or one crashed and
//! left commits there) is read with `SQLITE_OPEN_READONLY`; a file with neither has all its
//! commits in the main file, and no hamyar is writing it (hamyar writes in WAL mode, whose
//! `-wal` stays while any connection is open), so it is read `immutable`. The one race left,
//! a writer starting and checkpointing (after 1000 pages) within a read command's few
//! milliseconds, or another program writing a rollback-journal file meanwhile, can at worst
//! make that read fail or see the old state; it can never harm the file, because nothing is
//! written.

use std::path::Path;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

use super::Access;
use super::error::StoreError;
use super::fault::{Fault, Intent, io_error};
use super::file::{Found, Header, examine, has_side_journal, immutable_uri, read_header};
use super::schema::{APPLICATION_ID, SCHEMA_VERSION, migrate};

/// How long a writer waits for another process's transaction before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Held while a writable connection is opened, switched to WAL and migrated, so that the
/// connections of one process are set up one at a time.
///
/// A connection that opened a new file while it was still empty can begin the first migration
/// in rollback-journal mode while the process's other connections, which found it already in
/// WAL mode, each hold the shared lock WAL readers keep on the file: its commit then waits for
/// them and they for it, until every busy timeout has run out (seen with eight threads creating
/// one file). Processes wait on each other through SQLite's file locks as before.
static SETTING_UP: Mutex<()> = Mutex::new(());

/// Creates the file, mode 0600, and its folder, unless the path already names something.
pub fn create_private(path: &Path) -> Result<(), StoreError> {
    if examine(path)? == Found::File {
        return Ok(());
    }
    let io = |e| io_error(e, path, Intent::Write);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        // Another hamyar created it first, or a link appeared: look again.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => examine(path).map(|_| ()),
        Err(e) => Err(io(e)),
    }
}

/// The existing regular file's header, or why there is none to read.
fn existing_header(path: &Path) -> Result<Header, StoreError> {
    match examine(path)? {
        Found::Nothing => Err(StoreError::Missing {
            path: path.to_path_buf(),
        }),
        Found::File => read_header(path),
    }
}

/// Refuses a foreign or newer file: `tables` is how many the file holds (unknown from the
/// header alone, where `None` means "do not judge an empty schema yet").
fn check_version(
    path: &Path,
    user_version: u32,
    app_id: i32,
    tables: Option<u32>,
) -> Result<(), StoreError> {
    let path_buf = || path.to_path_buf();
    let foreign_id = app_id != APPLICATION_ID && (app_id != 0 || user_version != 0);
    if foreign_id || (user_version == 0 && tables.is_some_and(|t| t > 0)) {
        return Err(StoreError::Foreign { path: path_buf() });
    }
    if user_version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path_buf(),
            found: user_version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Opens an existing file for reading and writing, migrated to the current schema.
pub fn connect_writable(path: &Path) -> Result<Connection, StoreError> {
    let fail = |e: Fault| e.into_store(path, Access::ReadWrite);
    match existing_header(path)? {
        Header::NotSqlite => {
            return Err(StoreError::NotADatabase {
                path: path.to_path_buf(),
            });
        }
        Header::Sqlite {
            user_version,
            app_id,
        } => check_version(path, user_version, app_id, None)?,
        Header::Empty | Header::Unread => {}
    }
    // Root can write a file whose mode forbids writing; honour the mode anyway, since whoever
    // made the database read-only (an archived series, say) meant it.
    if std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
        return Err(StoreError::ReadOnly {
            path: path.to_path_buf(),
        });
    }
    // One connection of this process at a time is set up (WAL, migration): see [`SETTING_UP`].
    let _setting_up = SETTING_UP.lock().unwrap_or_else(PoisonError::into_inner);
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags).map_err(|e| fail(e.into()))?;
    // SQLite opens a file it may not write read-only rather than fail; it writes nothing until
    // the first change, so asking it here leaves the file as it was.
    if conn
        .is_readonly(rusqlite::MAIN_DB)
        .map_err(|e| fail(e.into()))?
    {
        return Err(StoreError::ReadOnly {
            path: path.to_path_buf(),
        });
    }
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(|e| fail(e.into()))?;
    // The header may be stale while a write-ahead log holds newer pages: ask SQLite as well,
    // still before anything is written.
    let (user_version, app_id, tables) = inspect(&conn).map_err(fail)?;
    check_version(path, user_version, app_id, Some(tables))?;
    set_pragmas(&conn).map_err(fail)?;
    migrate(&mut conn).map_err(fail)?;
    Ok(conn)
}

/// Opens an existing file for reading only, as it is: see the module's documentation.
pub fn connect_read_only(path: &Path) -> Result<Connection, StoreError> {
    connect_reading(path, Schema::Current)
}

/// Which schema versions a reading open takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schema {
    /// Only the one this hamyar writes: the queries are this schema's.
    Current,
    /// Any version up to it: for a copy of the file as it is (a backup before an upgrade).
    UpToCurrent,
}

/// Opens an existing file for reading only, taking the schema versions `schema` allows.
pub fn connect_reading(path: &Path, schema: Schema) -> Result<Connection, StoreError> {
    let fail = |e: Fault| e.into_store(path, Access::ReadOnly);
    match existing_header(path)? {
        Header::Empty => {
            return Err(StoreError::Empty {
                path: path.to_path_buf(),
            });
        }
        Header::NotSqlite => {
            return Err(StoreError::NotADatabase {
                path: path.to_path_buf(),
            });
        }
        Header::Sqlite {
            user_version,
            app_id,
        } => check_version(path, user_version, app_id, None)?,
        Header::Unread => {}
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = if !has_side_journal(path) {
        Connection::open_with_flags(immutable_uri(path), flags | OpenFlags::SQLITE_OPEN_URI)
    } else {
        Connection::open_with_flags(path, flags)
    }
    .map_err(|e| fail(e.into()))?;
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(|e| fail(e.into()))?;
    // The last connection to close a WAL file checkpoints it into the main file; a reader must
    // not (its file descriptor is read-only anyway: this says so rather than relying on it).
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
        .map_err(|e| fail(e.into()))?;
    let (user_version, app_id, tables) = inspect(&conn).map_err(fail)?;
    check_version(path, user_version, app_id, Some(tables))?;
    if user_version == 0 {
        return Err(StoreError::Empty {
            path: path.to_path_buf(),
        });
    }
    if user_version < SCHEMA_VERSION && schema == Schema::Current {
        return Err(StoreError::OlderSchema {
            path: path.to_path_buf(),
            found: user_version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(conn)
}

/// Schema version, application id and table count, read in one statement so that they come
/// from one snapshot even while another process is initialising the file.
fn inspect(conn: &Connection) -> Result<(u32, i32, u32), Fault> {
    Ok(conn.query_row(
        "SELECT (SELECT user_version FROM pragma_user_version),
                (SELECT application_id FROM pragma_application_id),
                (SELECT count(*) FROM sqlite_schema)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?)
}

fn set_pragmas(conn: &Connection) -> Result<(), Fault> {
    let mode = wal_mode(conn)?;
    if !mode.eq_ignore_ascii_case("wal") {
        // SQLite keeps the old mode when it cannot create the -wal file, e.g. in a read-only
        // folder; without WAL, readers would block the secretary's writes.
        return Err(Fault::Sqlite(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_READONLY),
            Some(format!("journal mode stayed {mode}")),
        )));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// `PRAGMA journal_mode = WAL`, waiting for other processes like any write does.
///
/// Switching a new file to WAL needs the file to itself, and SQLite answers "busy" at once
/// there instead of calling the busy handler: several hamyars creating one file together
/// would fail at once. So this waits and tries again, up to the busy timeout.
fn wal_mode(conn: &Connection) -> Result<String, Fault> {
    let started = Instant::now();
    let mut pause = Duration::from_millis(1);
    loop {
        match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
            Ok(mode) => return Ok(mode),
            Err(e) => {
                let fault = Fault::from(e);
                if !fault.is_busy() || started.elapsed() >= BUSY_TIMEOUT {
                    return Err(fault);
                }
            }
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(50));
    }
}
