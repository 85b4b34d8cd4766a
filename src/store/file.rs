//! The database path, looked at without writing: what it names (a file, a folder, a pipe, a
//! dangling or looping symbolic link), from metadata alone, and what its header says, through
//! SQLite.
//!
//! A named pipe would block an `open` until some writer appeared, so the file type is checked
//! from metadata first and nothing that is not a regular file is ever opened. No descriptor of
//! the database is ever opened outside SQLite (see [`read_header`]).

use std::collections::HashSet;
use std::fs::{self, Metadata};
use std::io::ErrorKind;
use std::path::Path;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::Access;
use super::error::{FileKind, StoreError};
use super::fault::{Intent, io_error, sqlite_error};

/// How many symbolic links are followed before a chain counts as a loop (Linux's own limit).
const MAX_LINKS: usize = 40;

/// What the path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Found {
    /// Nothing: the file may be created.
    Nothing,
    /// A regular file (directly or through symbolic links).
    File,
}

/// Looks at the path without opening it: a regular file, nothing, or an error that says what
/// it is instead.
pub(crate) fn examine(path: &Path) -> Result<Found, StoreError> {
    let meta = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Found::Nothing),
        Err(e) => {
            return Err(link_loop_above(path).unwrap_or_else(|| io_error(e, path, Intent::Read)));
        }
    };
    let meta = if meta.file_type().is_symlink() {
        follow(path)?
    } else {
        meta
    };
    match FileKind::of(meta.file_type()) {
        None => Ok(Found::File),
        Some(kind) => Err(StoreError::NotAFile {
            path: path.to_path_buf(),
            kind,
        }),
    }
}

/// The metadata of what the symbolic link at `path` finally names.
fn follow(path: &Path) -> Result<Metadata, StoreError> {
    match fs::metadata(path) {
        Ok(m) => Ok(m),
        Err(e) => {
            if is_loop(path) {
                return Err(StoreError::LinkLoop {
                    path: path.to_path_buf(),
                });
            }
            match (e.kind(), fs::read_link(path)) {
                (ErrorKind::NotFound, Ok(target)) => Err(StoreError::DanglingLink {
                    path: path.to_path_buf(),
                    target,
                }),
                _ => Err(link_loop_above(path).unwrap_or_else(|| io_error(e, path, Intent::Read))),
            }
        }
    }
}

/// Whether following the links from `path` comes back to a link already passed, or goes on
/// past [`MAX_LINKS`].
fn is_loop(path: &Path) -> bool {
    let mut seen = HashSet::new();
    let mut at = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        let Ok(target) = fs::read_link(&at) else {
            return false;
        };
        if !seen.insert(at.clone()) {
            return true;
        }
        at = match at.parent() {
            Some(dir) if target.is_relative() => dir.join(target),
            _ => target,
        };
    }
    true
}

/// A folder above `path` that is a loop of links (which makes every path below it fail).
fn link_loop_above(path: &Path) -> Option<StoreError> {
    path.ancestors()
        .skip(1)
        .filter(|a| !a.as_os_str().is_empty())
        .find(|a| is_loop(a))
        .map(|a| StoreError::LinkLoop {
            path: a.to_path_buf(),
        })
}

/// What the file's header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Header {
    /// Zero bytes.
    Empty,
    /// An SQLite database, with the schema version and application id of its main file.
    Sqlite { user_version: u32, app_id: i32 },
    /// Anything else.
    NotSqlite,
    /// Not to be judged from the main file alone: a `-wal` or `-journal` beside it holds newer
    /// pages (a writer runs, or one was killed, perhaps halfway through copying the log into the
    /// main file), or the main file changed under the read. SQLite, reading the pair, judges.
    Unread,
}

/// Reads the header of a file [`examine`] found regular, through SQLite and without writing.
///
/// Never with `std::fs`: POSIX locks belong to the process and the file, and closing *any*
/// descriptor of the file drops every lock the process holds on it, those of a connection
/// already open included. Another client then takes itself for the last connection,
/// checkpoints, and deletes the `-wal` that connection is still writing to. SQLite's own
/// descriptors are safe: it defers closing one while the process holds a lock on the file.
///
/// An `immutable=1` connection reads the main file alone: no lock, no `-wal` or `-shm`, nothing
/// written. While another connection writes, the header it reads may be older than the log's;
/// the open checks again through its real connection before writing anything.
pub(crate) fn read_header(path: &Path) -> Result<Header, StoreError> {
    let meta = fs::metadata(path).map_err(|e| io_error(e, path, Intent::Read))?;
    if meta.len() == 0 {
        return Ok(Header::Empty);
    }
    // A checkpoint cut short by a kill leaves the main file part old, part new: whole only
    // together with its log.
    if has_side_journal(path) {
        return Ok(Header::Unread);
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let read = Connection::open_with_flags(immutable_uri(path), flags).and_then(|c| {
        c.query_row(
            "SELECT (SELECT user_version FROM pragma_user_version),
                    (SELECT application_id FROM pragma_application_id)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    });
    match read {
        Ok((user_version, app_id)) => Ok(Header::Sqlite {
            user_version,
            app_id,
        }),
        Err(e) if e.sqlite_error_code() == Some(ErrorCode::NotADatabase) => Ok(Header::NotSqlite),
        // Another process may have begun a log and a checkpoint since the look above.
        Err(e) if e.sqlite_error_code() == Some(ErrorCode::DatabaseCorrupt) => Ok(Header::Unread),
        Err(e) => Err(sqlite_error(e, path, Access::ReadOnly)),
    }
}

/// Whether a `-wal` or a rollback `-journal` lies beside the database: commits that are not
/// in the main file yet (a writer is running, or one crashed), so it must not be read alone.
pub(crate) fn has_side_journal(path: &Path) -> bool {
    ["-wal", "-journal"].iter().any(|suffix| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        Path::new(&name).exists()
    })
}

/// An `immutable=1` URI for `path`, with every byte that could end or bend the path
/// percent-encoded.
pub(crate) fn immutable_uri(path: &Path) -> String {
    let absolute;
    let path = if path.is_absolute() {
        path
    } else {
        absolute = std::env::current_dir().unwrap_or_default().join(path);
        &absolute
    };
    #[cfg(unix)]
    let bytes = {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    };
    #[cfg(not(unix))]
    let bytes = path.to_string_lossy().replace('\\', "/").into_bytes();
    let mut uri = String::from("file:");
    for b in bytes {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_escapes_what_sqlite_would_read_as_syntax() {
        let uri = immutable_uri(Path::new("/tmp/a b?c#d%e/نشست.db"));
        assert!(
            uri.starts_with("file:/tmp/a%20b%3Fc%23d%25e/%D9%86"),
            "{uri}"
        );
        assert!(uri.ends_with(".db?immutable=1"), "{uri}");
    }

    #[test]
    fn a_wal_or_a_journal_beside_the_file_is_seen() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("h.db");
        assert!(!has_side_journal(&db));
        for side in ["h.db-wal", "h.db-journal"] {
            fs::write(dir.path().join(side), b"").unwrap();
            assert!(has_side_journal(&db), "{side}");
            fs::remove_file(dir.path().join(side)).unwrap();
        }
    }
}
