//! Opening the database file: create it privately, refuse what is not ours or is too new before
//! anything is written, then set the pragmas and migrate.

use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Read};
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::error::{StoreError, classify};
use super::schema::{APPLICATION_ID, SCHEMA_VERSION, migrate};

/// How long a writer waits for another process's transaction before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Creates the file, mode 0600, if it does not exist yet. Returns whether it was created.
pub fn create_private(path: &Path) -> Result<bool, StoreError> {
    let io = |source: std::io::Error| match source.kind() {
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => StoreError::ReadOnly {
            path: path.to_path_buf(),
        },
        _ => StoreError::Io {
            path: path.to_path_buf(),
            source,
        },
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(true),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(io(e)),
    }
}

/// What the first 100 bytes of the file say, read without SQLite so nothing can be written.
enum Header {
    Empty,
    Sqlite { user_version: u32, app_id: i32 },
    NotSqlite,
}

fn read_header(path: &Path) -> Result<Header, StoreError> {
    let io = |source: std::io::Error| match source.kind() {
        ErrorKind::NotFound => StoreError::Missing {
            path: path.to_path_buf(),
        },
        ErrorKind::PermissionDenied => StoreError::ReadOnly {
            path: path.to_path_buf(),
        },
        _ => StoreError::Io {
            path: path.to_path_buf(),
            source,
        },
    };
    let mut file = File::open(path).map_err(io)?;
    let mut buf = [0u8; 100];
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(io(e)),
        }
    }
    if n == 0 {
        return Ok(Header::Empty);
    }
    if n < buf.len() || &buf[..16] != SQLITE_MAGIC {
        return Ok(Header::NotSqlite);
    }
    let be = |at: usize| [buf[at], buf[at + 1], buf[at + 2], buf[at + 3]];
    Ok(Header::Sqlite {
        user_version: u32::from_be_bytes(be(60)),
        app_id: i32::from_be_bytes(be(68)),
    })
}

/// Refuses a foreign or newer file before SQLite is allowed to write to it.
fn check_version(path: &Path, user_version: u32, app_id: i32) -> Result<(), StoreError> {
    let path_buf = || path.to_path_buf();
    if app_id != APPLICATION_ID && (app_id != 0 || user_version != 0) {
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

/// Opens the file for reading and writing, migrated to the current schema.
pub fn connect(path: &Path) -> Result<Connection, StoreError> {
    let fail = |e: StoreError| classify(e, path);
    let header = read_header(path)?;
    if let Header::Sqlite {
        user_version,
        app_id,
    } = header
    {
        check_version(path, user_version, app_id)?;
    }
    if let Header::NotSqlite = header {
        return Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
        });
    }
    // Opening read-write does not write the file: SQLite only does so on the first change.
    if let Err(e) = OpenOptions::new().read(true).write(true).open(path) {
        return Err(match e.kind() {
            ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => StoreError::ReadOnly {
                path: path.to_path_buf(),
            },
            _ => StoreError::Io {
                path: path.to_path_buf(),
                source: e,
            },
        });
    }
    // Root can write a file whose mode forbids writing; honour the mode anyway, since whoever
    // made the database read-only (an archived series, say) meant it.
    if std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
        return Err(StoreError::ReadOnly {
            path: path.to_path_buf(),
        });
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags).map_err(|e| fail(e.into()))?;
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(|e| fail(e.into()))?;

    // The header may be stale while a write-ahead log holds newer pages: ask SQLite as well,
    // still before anything is written.
    let (user_version, app_id, tables) = inspect(&conn).map_err(fail)?;
    check_version(path, user_version, app_id)?;
    if user_version == 0 && tables > 0 {
        return Err(StoreError::Foreign {
            path: path.to_path_buf(),
        });
    }

    set_pragmas(&conn).map_err(fail)?;
    migrate(&mut conn).map_err(fail)?;
    Ok(conn)
}

/// Schema version, application id and table count, read in one statement so that they come
/// from one snapshot even while another process is initialising the file.
fn inspect(conn: &Connection) -> Result<(u32, i32, u32), StoreError> {
    Ok(conn.query_row(
        "SELECT (SELECT user_version FROM pragma_user_version),
                (SELECT application_id FROM pragma_application_id),
                (SELECT count(*) FROM sqlite_schema)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?)
}

fn set_pragmas(conn: &Connection) -> Result<(), StoreError> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        // SQLite keeps the old mode when it cannot create the -wal file, e.g. in a read-only
        // folder; without WAL, readers would block the secretary's writes.
        return Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_READONLY),
            Some(format!("journal mode stayed {mode}")),
        )));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}
