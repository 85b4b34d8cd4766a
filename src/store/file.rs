//! The database path, looked at without SQLite and without writing: what it names (a file, a
//! folder, a pipe, a dangling or looping symbolic link), and what its first 100 bytes say.
//!
//! A named pipe would block an `open` until some writer appeared, so the file type is checked
//! from metadata first and nothing that is not a regular file is ever opened.

use std::collections::HashSet;
use std::fs::{self, File, Metadata};
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};

use super::error::{FileKind, StoreError};
use super::fault::{Intent, io_error};

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

/// What the first 100 bytes of the file say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Header {
    /// Zero bytes.
    Empty,
    /// An SQLite database; `wal` when its header says write-ahead-log mode.
    Sqlite {
        user_version: u32,
        app_id: i32,
        wal: bool,
    },
    /// Anything else.
    NotSqlite,
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Reads the header of a file [`examine`] found regular, without SQLite, so nothing is written.
pub(crate) fn read_header(path: &Path) -> Result<Header, StoreError> {
    let io = |e| io_error(e, path, Intent::Read);
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
        // Bytes 18 and 19, the file format's write and read versions: 2 is WAL, 1 is legacy.
        wal: buf[18] == 2 || buf[19] == 2,
    })
}

/// The `-wal` file SQLite keeps beside the database while it is open in WAL mode.
pub(crate) fn wal_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
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
    fn wal_file_sits_beside_the_database() {
        assert_eq!(wal_path(Path::new("/x/h.db")), Path::new("/x/h.db-wal"));
    }
}
