//! Exporting to a file, once for both front ends (`hamyar export` and the app's export screen):
//! what is written (the minutes or an agency's letter, with the config file's letterhead and
//! organisation), under which name, and how.
//!
//! - **Default names never collide:** `soratjalase-2-1393-02-16.docx`, else `…-2.docx`,
//!   `…-3.docx`: a second export on the same day never lands on the first.
//! - **Nothing is replaced unasked.** A file is written beside its target, fsynced, and put in
//!   place by a hard link, which fails if the name was taken meanwhile, so not even a race
//!   replaces one. Replacing is a choice the caller states ([`Replace::Allowed`]): `-o FILE` on
//!   the command line, or a "yes" in the app, and it is a rename, atomic as well.
//! - **Never half a file:** a failure leaves the old file (or none) and no temporary beside it.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::domain::{Agency, Date, Id};
use crate::export::{self, ExportError, FollowUpList, Format, Minutes, MinutesConfig};
use crate::i18n::Lang;
use crate::settings::Config;
use crate::store::Store;

/// What the config file says about exported documents, for both front ends, and the folder
/// default names go into.
#[derive(Debug, Clone, Default)]
pub struct ExportSettings {
    /// The organisation named at the head, instead of the series' own.
    pub organisation: Option<String>,
    /// The letterhead (`[minutes]`, and per series).
    pub minutes: MinutesConfig,
    /// Where a file goes that is not named (the current folder when empty).
    pub folder: PathBuf,
}

impl ExportSettings {
    pub fn from_config(config: &Config) -> ExportSettings {
        ExportSettings {
            organisation: config.organisation.clone().filter(|o| !o.trim().is_empty()),
            minutes: config.minutes.clone(),
            folder: PathBuf::new(),
        }
    }

    /// The folder default names go into.
    pub fn folder(&self) -> &Path {
        if self.folder.as_os_str().is_empty() {
            Path::new(".")
        } else {
            &self.folder
        }
    }

    /// The minutes of `meeting` as they are exported (and previewed).
    pub fn minutes(&self, store: &Store, meeting: &Id, lang: Lang) -> Result<Minutes, ExportError> {
        let mut minutes = export::minutes_for(store, meeting, lang, &self.minutes)?;
        if let Some(o) = &self.organisation {
            minutes.header.organisation = o.clone();
        }
        Ok(minutes)
    }

    /// The letter to `agency` listing the open decisions it leads.
    pub fn follow_ups(
        &self,
        store: &Store,
        agency: &Agency,
        series: Option<&Id>,
        lang: Lang,
        today: Date,
    ) -> Result<FollowUpList, ExportError> {
        let mut list = FollowUpList::load(store, agency, series, lang, today)?
            .with_letterhead(store, &self.minutes)?;
        if let Some(o) = &self.organisation {
            list.organisation = o.clone();
        }
        Ok(list)
    }
}

/// Whether a write may replace a file already at its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// An existing file is left alone: [`io::ErrorKind::AlreadyExists`].
    Never,
    /// Asked for (`-o FILE`, or "yes" in the app): replaced atomically.
    Allowed,
}

/// The readable default name for `stem` in `dir` that names no file yet: `stem.ext`, else
/// `stem-2.ext`, `stem-3.ext`…
pub fn free_name(dir: &Path, format: Format, stem: &str) -> PathBuf {
    let first = dir.join(format.default_file_name(stem));
    if !taken(&first) {
        return first;
    }
    (2u32..)
        .map(|n| dir.join(format.default_file_name(&format!("{stem}-{n}"))))
        .find(|p| !taken(p))
        .unwrap_or(first)
}

/// Whether anything, even a dangling link, has this name.
fn taken(path: &Path) -> bool {
    path.symlink_metadata().is_ok()
}

/// Writes `bytes` under the default name for `stem` in `dir` that is free, trying the next
/// one if another program takes it meanwhile; the path written.
pub fn write_new(dir: &Path, format: Format, stem: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    for _ in 0..100 {
        let path = free_name(dir, format, stem);
        match write(&path, bytes, Replace::Never) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            other => return other.map(|()| path),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "every free name was taken meanwhile",
    ))
}

/// Writes `bytes` to `path` whole or not at all; an existing file is replaced only if
/// `replace` allows it. The file gets the usual permissions (not a temporary file's 0600):
/// minutes are meant to be shared.
pub fn write(path: &Path, bytes: &[u8], replace: Replace) -> io::Result<()> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?;
    if replace == Replace::Never && taken(path) {
        return Err(io::ErrorKind::AlreadyExists.into());
    }
    let tmp = path.with_file_name(format!(
        ".{}.hamyar-{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| {
            f.write_all(bytes)?;
            f.sync_all()
        })
        .and_then(|()| put_in_place(&tmp, path, replace));
    // Once in place the temporary name is only a second link (or gone); either way it goes.
    let _ = std::fs::remove_file(&tmp);
    result?;
    sync_folder(path);
    Ok(())
}

/// Puts a written temporary file under its name: a rename when replacing is allowed, else a
/// hard link, which fails if the name exists, even one taken a moment ago. Shared by every
/// file hamyar writes for people (exports, backups).
pub(crate) fn put_in_place(tmp: &Path, path: &Path, replace: Replace) -> io::Result<()> {
    match replace {
        Replace::Allowed => std::fs::rename(tmp, path),
        // A hard link fails if the name exists, even one taken a moment ago.
        Replace::Never => match std::fs::hard_link(tmp, path) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
            // No hard links here (a FAT stick, some network shares): checked just above.
            Err(_) if !taken(path) => std::fs::rename(tmp, path),
            other => other,
        },
    }
}

/// So that the new name survives a crash too, not only the bytes.
pub(crate) fn sync_folder(path: &Path) {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_names_skip_taken_ones_and_nothing_is_replaced_unasked() {
        let dir = tempfile::tempdir().unwrap();
        let stem = "soratjalase-2-1393-02-16";
        let first = write_new(dir.path(), Format::Docx, stem, b"one").unwrap();
        let second = write_new(dir.path(), Format::Docx, stem, b"two").unwrap();
        assert_eq!(first.file_name().unwrap(), "soratjalase-2-1393-02-16.docx");
        assert_eq!(
            second.file_name().unwrap(),
            "soratjalase-2-1393-02-16-2.docx"
        );
        assert_eq!(std::fs::read(&first).unwrap(), b"one");
        let refused = write(&first, b"three", Replace::Never).unwrap_err();
        assert_eq!(refused.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&first).unwrap(), b"one");
        write(&first, b"four", Replace::Allowed).unwrap();
        assert_eq!(std::fs::read(&first).unwrap(), b"four");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 2, "no temporary file left behind");
    }

    #[test]
    fn a_failed_write_leaves_no_half_file_nor_temporary() {
        let dir = tempfile::tempdir().unwrap();
        // A folder where the file would go: the last step fails, after the bytes were written.
        let path = dir.path().join("m.html");
        std::fs::create_dir(&path).unwrap();
        assert!(write(&path, b"new", Replace::Allowed).is_err());
        assert!(path.is_dir());
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["m.html"], "no temporary file left behind");
    }
}
