//! Backups of the database, for `hamyar backup` and the one the app makes when a meeting starts.
//!
//! - **A consistent copy while hamyars write:** SQLite's online backup API
//!   ([`Store::backup_into`]), never a copy of the file's bytes.
//! - **Checked and whole:** the copy is written under a temporary name beside its target
//!   (mode 0600: it holds everything the database holds), checked (`integrity_check`, hamyar's
//!   application id), fsynced, and only then given its name, by a hard link that fails if the
//!   name was taken meanwhile, or by an atomic rename when replacing was asked for (`-o FILE`).
//!   A failure leaves no temporary file and no half copy.
//! - **Names that never collide:** `hamyar-1405-09-13-1.db`, the Solar Hijri day and the next
//!   number of that day, in a folder of their own (`<db folder>/<db name>-backups/` unless the config
//!   file's `[backup] dir` says otherwise), kept to the newest `keep` (10) by the one rule
//!   of [`prune`].

use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::Deserialize;

use crate::domain::Date;
use crate::export_file::{Replace, put_in_place, sync_folder};
use crate::store::{Store, StoreError};

/// How many backups the folder keeps unless the config file says.
pub const DEFAULT_KEEP: usize = 10;

/// The config file's `[backup]` table.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BackupConfig {
    /// How many backups the folder keeps (the newest); 0 turns the automatic one off.
    pub keep: Option<usize>,
    /// The folder backups go into.
    pub dir: Option<PathBuf>,
}

/// Where backups go and how many are kept, resolved for one database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupSettings {
    pub dir: PathBuf,
    /// The newest this many stay; 0: no automatic backup, and none is removed.
    pub keep: usize,
}

impl BackupSettings {
    pub fn resolve(config: &BackupConfig, db: &Path) -> BackupSettings {
        BackupSettings {
            dir: config.dir.clone().unwrap_or_else(|| default_dir(db)),
            keep: config.keep.unwrap_or(DEFAULT_KEEP),
        }
    }
}

/// `<db folder>/<db name>-backups`: `~/.local/share/hamyar/hamyar-backups/`. Beside the data,
/// and one folder per database, so that two databases in one folder never prune each other's.
pub fn default_dir(db: &Path) -> PathBuf {
    let stem = db
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "hamyar".into());
    let folder = match db.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    folder.join(format!("{stem}-backups"))
}

/// One backup in the folder, as its name and the file system tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub path: PathBuf,
    /// When it was written (the file's modification time).
    pub made: SystemTime,
    /// The Solar Hijri day and number of its name.
    key: (u32, u32, u32, u32),
}

/// `hamyar-1405-09-13-1.db`.
fn name(day: Date, n: u32) -> String {
    let j = day.jalali();
    format!("hamyar-{:04}-{:02}-{:02}-{n}.db", j.year, j.month, j.day)
}

/// The day and number of a backup's name; `None` for any other file.
fn parse_name(name: &str) -> Option<(u32, u32, u32, u32)> {
    let rest = name.strip_prefix("hamyar-")?.strip_suffix(".db")?;
    let mut parts = rest.split('-');
    let mut next = |len: Option<usize>| {
        let p = parts.next()?;
        let digits = !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        if !digits || len.is_some_and(|l| p.len() != l) {
            return None;
        }
        p.parse::<u32>().ok()
    };
    let key = (next(Some(4))?, next(Some(2))?, next(Some(2))?, next(None)?);
    parts.next().is_none().then_some(key)
}

/// The backups in `dir`, oldest first (by the day and number of their names); none when the
/// folder does not exist.
pub fn list(dir: &Path) -> Vec<Found> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<Found> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let key = parse_name(e.file_name().to_str()?)?;
            let meta = e.metadata().ok().filter(|m| m.is_file())?;
            Some(Found {
                path: e.path(),
                made: meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
                key,
            })
        })
        .collect();
    // By name, not by modification time: two backups a moment apart may share one time stamp
    // (file systems keep coarse ones), and the day and number of a name only grow.
    found.sort_by_key(|f| f.key);
    found
}

/// The newest backup in `dir`.
pub fn latest(dir: &Path) -> Option<Found> {
    list(dir).pop()
}

/// Removes all but the newest `keep` backups of `dir` (none when `keep` is 0); the paths
/// removed. Only files named as backups are touched.
pub fn prune(dir: &Path, keep: usize) -> Vec<PathBuf> {
    sweep_leftovers(dir);
    if keep == 0 {
        return Vec::new();
    }
    let found = list(dir);
    let extra = found.len().saturating_sub(keep);
    found
        .into_iter()
        .take(extra)
        .filter_map(|f| match std::fs::remove_file(&f.path) {
            Ok(()) => Some(f.path),
            Err(e) => {
                tracing::warn!("an old backup {} was not removed: {e}", f.path.display());
                None
            }
        })
        .collect()
}

/// How old a temporary copy must be to be taken for the leftover of a backup that was cut off
/// (the machine lost power, the process was killed), not one being written.
const LEFTOVER_AGE: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes the temporary copies (and their journals) that backups cut off left in `dir`.
fn sweep_leftovers(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.filter_map(Result::ok) {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        let temporary = name.starts_with(".hamyar-")
            && name.contains(".db.hamyar-")
            && (name.ends_with(".tmp") || name.ends_with(".tmp-journal"));
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > LEFTOVER_AGE);
        if temporary && old {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Writes a backup of `store` into `dir` (created, mode 0700, if missing) under the next name
/// of `day`, then keeps the newest `keep`; the path written.
pub fn write_new(store: &Store, dir: &Path, day: Date, keep: usize) -> Result<PathBuf, StoreError> {
    create_private_dir(dir)?;
    // After the highest number of the day, so a name removed by pruning is never given again;
    // one taken meanwhile by another hamyar makes the hard link fail, and the next is tried.
    let j = day.jalali();
    let today = (j.year as u32, u32::from(j.month), u32::from(j.day));
    let mut n = list(dir)
        .iter()
        .filter(|f| (f.key.0, f.key.1, f.key.2) == today)
        .map(|f| f.key.3)
        .max()
        .unwrap_or(0);
    for _ in 0..1000 {
        n += 1;
        let path = dir.join(name(day, n));
        if path.symlink_metadata().is_ok() {
            continue;
        }
        match write(store, &path, Replace::Never) {
            Err(StoreError::Io { error, .. }) if error.kind() == io::ErrorKind::AlreadyExists => {}
            Ok(()) => {
                prune(dir, keep);
                return Ok(path);
            }
            Err(e) => return Err(e),
        }
    }
    Err(StoreError::Io {
        path: dir.to_path_buf(),
        error: io::Error::new(io::ErrorKind::AlreadyExists, "every backup name is taken"),
    })
}

/// The automatic backup: the database at `db` opened for reading on a connection of its own
/// (so it may run off the app's loop), copied into the settings' folder. `None` when the
/// settings turn it off.
pub fn automatic(
    settings: &BackupSettings,
    db: &Path,
    clock: std::sync::Arc<dyn crate::domain::Clock>,
) -> Result<Option<PathBuf>, StoreError> {
    if settings.keep == 0 {
        return Ok(None);
    }
    let day = clock.today();
    let store = Store::open_read_only(db, clock)?;
    write_new(&store, &settings.dir, day, settings.keep).map(Some)
}

/// Before a file of an older hamyar is upgraded (its first open for writing by this one), a
/// backup of it as it is, in the settings' folder; `None` when there is nothing to upgrade, or
/// backups are off. Never in the way of the open that follows: a failure is the caller's to say
/// or log.
pub fn before_upgrade(
    settings: &BackupSettings,
    db: &Path,
    clock: std::sync::Arc<dyn crate::domain::Clock>,
) -> Option<Result<PathBuf, StoreError>> {
    if settings.keep == 0 {
        return None;
    }
    let day = clock.today();
    // Missing, empty, foreign or newer: the open that follows says so, or creates it.
    let store = Store::open_to_copy(db, clock).ok()?;
    let version = store.schema_version().ok()?;
    (version < crate::store::SCHEMA_VERSION)
        .then(|| write_new(&store, &settings.dir, day, settings.keep))
}

/// Writes a backup of `store` to `path`, whole or not at all: an existing file is replaced
/// (atomically) only if `replace` allows it.
pub fn write(store: &Store, path: &Path, replace: Replace) -> Result<(), StoreError> {
    let io_err = |error: io::Error| StoreError::Io {
        path: path.to_path_buf(),
        error,
    };
    let file_name = path
        .file_name()
        .ok_or_else(|| io_err(io::Error::new(io::ErrorKind::InvalidInput, "no file name")))?;
    if replace == Replace::Never && path.symlink_metadata().is_ok() {
        return Err(io_err(io::ErrorKind::AlreadyExists.into()));
    }
    let tmp = path.with_file_name(format!(
        ".{}.hamyar-{}.tmp",
        file_name.to_string_lossy(),
        std::process::id()
    ));
    let result = create_private_file(&tmp)
        .map_err(io_err)
        .and_then(|()| store.backup_into(&tmp, path))
        .and_then(|()| sync_file(&tmp).map_err(io_err))
        .and_then(|()| put_in_place(&tmp, path, replace).map_err(io_err));
    // Once in place the temporary name is only a second link (or gone); either way it goes,
    // with the journal a failed copy may have left.
    let _ = std::fs::remove_file(&tmp);
    let mut journal = tmp.into_os_string();
    journal.push("-journal");
    let _ = std::fs::remove_file(journal);
    result?;
    sync_folder(path);
    Ok(())
}

fn create_private_file(path: &Path) -> io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map(drop)
}

fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|error| StoreError::Io {
        path: dir.to_path_buf(),
        error,
    })
}

/// SQLite synced its commit; this is for the journal-mode switch after it, and for the file
/// systems that only an fsync of the file itself convinces.
fn sync_file(path: &Path) -> io::Result<()> {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)?
        .sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_solar_hijri_day_and_a_number() {
        let day = Date::from_jalali(1405, 9, 13).unwrap();
        assert_eq!(name(day, 1), "hamyar-1405-09-13-1.db");
        assert_eq!(
            parse_name("hamyar-1405-09-13-12.db"),
            Some((1405, 9, 13, 12))
        );
        for other in [
            "hamyar.db",
            "hamyar-1405-09-13.db",
            "hamyar-1405-9-13-1.db",
            "hamyar-1405-09-13-1.db-journal",
            ".hamyar-1405-09-13-1.db.hamyar-7.tmp",
            "hamyar-1405-09-13-1-2.db",
            "hamyar-۱۴۰۵-09-13-1.db",
        ] {
            assert_eq!(parse_name(other), None, "{other}");
        }
    }

    #[test]
    fn leftovers_of_cut_off_backups_are_swept_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let old = std::time::SystemTime::now() - 2 * LEFTOVER_AGE;
        let names = [
            ".hamyar-1405-09-13-1.db.hamyar-77.tmp",
            ".hamyar-1405-09-13-1.db.hamyar-77.tmp-journal",
            ".hamyar-1405-09-13-2.db.hamyar-78.tmp", // young: being written
            "hamyar-1405-09-13-1.db",
            "notes.tmp",
        ];
        for (i, n) in names.iter().enumerate() {
            let f = std::fs::File::create(dir.path().join(n)).unwrap();
            if i != 2 {
                f.set_modified(old).unwrap();
            }
        }
        prune(dir.path(), 10);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".hamyar-1405-09-13-2.db.hamyar-78.tmp",
                "hamyar-1405-09-13-1.db",
                "notes.tmp"
            ]
        );
    }

    #[test]
    fn the_default_folder_is_beside_the_database_and_its_own() {
        assert_eq!(
            default_dir(Path::new("/home/s/.local/share/hamyar/hamyar.db")),
            Path::new("/home/s/.local/share/hamyar/hamyar-backups")
        );
        assert_eq!(
            default_dir(Path::new("meetings.db")),
            Path::new("./meetings-backups")
        );
    }
}
