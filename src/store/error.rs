//! What can go wrong with the database, each said in one sentence that names the file and what to
//! do about it. The Persian sentences are in `i18n::errors`.
//!
//! None of these errors carries another error as its `source`: each sentence is complete, so a
//! report that walks the source chain (anyhow's `{:#}`) says it once.

use std::path::{Path, PathBuf};

use crate::domain::{RuleError, TransitionError};

/// Why the database could not be used, or a change was refused.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The path names nothing (for opens that do not create).
    #[error("{} does not exist; check the path, or create it by opening it for writing", .path.display())]
    Missing { path: PathBuf },

    /// The path is a symbolic link whose target does not exist.
    #[error("{} is a symbolic link to {}, which does not exist; fix or remove the link, or give another path with --db", .path.display(), .target.display())]
    DanglingLink { path: PathBuf, target: PathBuf },

    /// Following the path's symbolic links comes back to where it started.
    #[error("{} is a loop of symbolic links that never reaches a file; fix or remove the links, or give another path with --db", .path.display())]
    LinkLoop { path: PathBuf },

    /// The path names a folder, a named pipe, a device or a socket, not a file.
    #[error("{} is {}, not a database file; give the path of a database file with --db", .path.display(), .kind.noun_en())]
    NotAFile { path: PathBuf, kind: FileKind },

    /// The file exists but this user may not read it.
    #[error("{} cannot be read (permission denied); ask its owner for access, or fix its permissions", .path.display())]
    Unreadable { path: PathBuf },

    /// The file is not an SQLite database, or its header is damaged.
    #[error("{} is not a database file (or its header is damaged); check the path, or restore it from a backup", .path.display())]
    NotADatabase { path: PathBuf },

    /// A reading open found an empty file, or an SQLite file with nothing in it yet.
    #[error("{} holds no hamyar data yet (it is empty); write into it first, e.g. with `hamyar demo --db PATH`, or check the path", .path.display())]
    Empty { path: PathBuf },

    /// The file is an SQLite database of another program.
    #[error("{} is an SQLite database of another program; hamyar will not change it: choose another path", .path.display())]
    Foreign { path: PathBuf },

    /// The file's schema is newer than this hamyar knows.
    #[error("{} was written by a newer hamyar (schema {found}, this one knows {supported}); update hamyar, the file was left untouched", .path.display())]
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },

    /// A reading open found a schema older than this hamyar's: only a writing open upgrades it.
    #[error("{} was written by an older hamyar (schema {found}, this one reads {supported}); upgrade it by opening it once with a command that writes, e.g. `hamyar --db PATH`, after keeping a copy (`hamyar backup`)", .path.display())]
    OlderSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },

    /// SQLite found the file's structure damaged.
    #[error("{} is damaged; run `hamyar doctor` to see where, restore it from a backup and keep the damaged copy for repair", .path.display())]
    Corrupt { path: PathBuf },

    /// Records whose values cannot be read (text that is not UTF-8, a date that is not a date…),
    /// e.g. written by another program. Never empty.
    #[error("{} holds {}; correct it or restore the file from a backup (`hamyar doctor` checks the whole file)", .path.display(), damage_summary(.rows))]
    Damaged {
        path: PathBuf,
        rows: Vec<DamagedRow>,
    },

    /// The change log (audit trail), which undo reads, is damaged; the records themselves are not.
    #[error("the change log of {} is damaged ({problem}), so this cannot be undone; the records themselves are intact: run `hamyar doctor`", .path.display())]
    LogDamaged { path: PathBuf, problem: LogProblem },

    /// Another process holds the write lock past the busy timeout.
    #[error("{} is locked by another program; close the other hamyar (or the program using it) and try again", .path.display())]
    Locked { path: PathBuf },

    /// The file or its folder cannot be written, or the store was opened read-only.
    #[error("{} cannot be written (the file or its folder is read-only); fix the permissions or use another path with --db", .path.display())]
    ReadOnly { path: PathBuf },

    /// A program stopped in the middle of a write, and a reading open cannot finish its recovery.
    #[error("{} was left half-written by a program that stopped, and only a command that writes can repair it; run `hamyar --db PATH` once (the file must be writable), then try again", .path.display())]
    NeedsRecovery { path: PathBuf },

    /// The disk is full; the last action was rolled back whole.
    #[error("the disk holding {} is full; free some space and try again (nothing was saved from the last action)", .path.display())]
    DiskFull { path: PathBuf },

    /// Reading or writing the file failed at the operating system's level.
    #[error("reading or writing {} failed (a disk I/O error); check the disk, then run `hamyar doctor`", .path.display())]
    DiskError { path: PathBuf },

    /// The operating system refused to create, open or read the path for another reason.
    #[error("{} could not be used ({error}); check the path and its permissions", .path.display())]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },

    /// A backup's copy failed its check (SQLite's `integrity_check`, or not hamyar's); it was
    /// not kept. The database it was copied from is probably damaged.
    #[error("the backup of {} failed its check ({problem}) and was not written to {}; run `hamyar doctor` on the database", .path.display(), .copy.display())]
    BackupUnsound {
        path: PathBuf,
        copy: PathBuf,
        problem: String,
    },

    /// Demo or synthetic data was to be written into a database that already holds data.
    #[error("{} already holds data; demo and synthetic data are written only into an empty database: choose another --db", .path.display())]
    NotEmpty { path: PathBuf },

    /// Undo would overwrite a record another hamyar (or program) changed after this one's
    /// action; nothing was undone.
    #[error("the {} was changed since by another hamyar; it was not undone, so that change is kept (undo it there, or edit it here)", .what.noun_en())]
    ChangedSince { what: Record },

    /// The record was changed by another hamyar (or program) after this screen read it; the
    /// edit was not written, so that change is kept.
    #[error("the {} was changed by another hamyar after it was read here; nothing was overwritten: look at it again and make the change anew", .what.noun_en())]
    Stale { what: Record },

    /// A record named by its id does not exist.
    #[error("{} {id} was not found", .what.noun_en())]
    NotFound { what: Record, id: String },

    /// A series has no meeting with this number.
    #[error("there is no meeting {number} in this series")]
    NoMeetingNumber { number: u32 },

    /// The change names a record that does not exist, or repeats one that does (an SQLite
    /// constraint); nothing was saved.
    #[error("{} refused the change ({detail}): it names a record that does not exist or repeats one that does; nothing was saved", .path.display())]
    Refused { path: PathBuf, detail: String },

    /// A minutes file was refused as a whole.
    #[error(transparent)]
    Import(#[from] super::import::ImportError),

    /// A rule of the domain refused the change.
    #[error(transparent)]
    Rule(#[from] RuleError),

    /// The status change is not allowed.
    #[error(transparent)]
    Transition(#[from] TransitionError),

    /// Anything else SQLite reported: a fault in hamyar rather than in the file.
    #[error("{}: unexpected database error ({detail}); run `hamyar doctor`, and report it if it happens again", .path.display())]
    Unexpected { path: PathBuf, detail: String },
}

impl StoreError {
    /// Whether another process holding the write lock caused it, so trying again may succeed.
    pub fn is_busy(&self) -> bool {
        matches!(self, StoreError::Locked { .. })
    }

    /// The database file the error is about, when it is about the file.
    pub fn path(&self) -> Option<&Path> {
        use StoreError::*;
        match self {
            Missing { path }
            | DanglingLink { path, .. }
            | LinkLoop { path }
            | NotAFile { path, .. }
            | Unreadable { path }
            | NotADatabase { path }
            | Empty { path }
            | Foreign { path }
            | NewerSchema { path, .. }
            | OlderSchema { path, .. }
            | Corrupt { path }
            | Damaged { path, .. }
            | LogDamaged { path, .. }
            | Locked { path }
            | ReadOnly { path }
            | NeedsRecovery { path }
            | DiskFull { path }
            | DiskError { path }
            | Io { path, .. }
            | NotEmpty { path }
            | BackupUnsound { path, .. }
            | Refused { path, .. }
            | Unexpected { path, .. } => Some(path),
            NotFound { .. }
            | ChangedSince { .. }
            | Stale { .. }
            | NoMeetingNumber { .. }
            | Import(_)
            | Rule(_)
            | Transition(_) => None,
        }
    }
}

/// "a damaged record: …" or "3 damaged records, the first: …".
fn damage_summary(rows: &[DamagedRow]) -> String {
    match rows {
        [] => "no damaged record".into(),
        [one] => format!("a damaged record: {one}"),
        [first, ..] => format!("{} damaged records, the first: {first}", rows.len()),
    }
}

/// What a path names when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum FileKind {
    /// A folder.
    Directory,
    /// A named pipe: opening it would wait for a writer forever.
    Fifo,
    /// A Unix socket.
    Socket,
    /// A character device, such as /dev/null.
    CharDevice,
    /// A block device, such as a disk.
    BlockDevice,
    /// Anything else that is not a regular file.
    Other,
}

impl FileKind {
    /// The kind of `file_type`, or `None` for a regular file.
    pub fn of(file_type: std::fs::FileType) -> Option<FileKind> {
        if file_type.is_file() {
            return None;
        }
        if file_type.is_dir() {
            return Some(FileKind::Directory);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if file_type.is_fifo() {
                return Some(FileKind::Fifo);
            }
            if file_type.is_socket() {
                return Some(FileKind::Socket);
            }
            if file_type.is_char_device() {
                return Some(FileKind::CharDevice);
            }
            if file_type.is_block_device() {
                return Some(FileKind::BlockDevice);
            }
        }
        Some(FileKind::Other)
    }

    /// "a folder", "a named pipe (FIFO)"…, as the English sentences name it.
    pub fn noun_en(self) -> &'static str {
        match self {
            FileKind::Directory => "a folder",
            FileKind::Fifo => "a named pipe (FIFO)",
            FileKind::Socket => "a socket",
            FileKind::CharDevice => "a character device",
            FileKind::BlockDevice => "a block device",
            FileKind::Other => "not a regular file",
        }
    }
}

/// A kind of record, as errors and damage reports name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Record {
    Series,
    Agency,
    Person,
    Category,
    Meeting,
    Attendance,
    Issue,
    AgendaItem,
    Statement,
    Decision,
    ReviewItem,
    FollowUp,
    Amendment,
    Draft,
    /// A person's standing invitation to a series' meetings.
    Invitee,
    /// A row of the change log.
    Change,
}

impl Record {
    /// "decision", "follow-up"…, as the English sentences name it.
    pub fn noun_en(self) -> &'static str {
        match self {
            Record::Series => "series",
            Record::Agency => "agency",
            Record::Person => "person",
            Record::Category => "category",
            Record::Meeting => "meeting",
            Record::Attendance => "attendance record",
            Record::Issue => "issue",
            Record::AgendaItem => "agenda item",
            Record::Statement => "statement",
            Record::Decision => "decision",
            Record::ReviewItem => "review item",
            Record::FollowUp => "follow-up",
            Record::Amendment => "amendment",
            Record::Draft => "draft",
            Record::Invitee => "standing invitation",
            Record::Change => "change log entry",
        }
    }

    /// The record kept in `table`.
    pub(crate) fn of_table(table: &str) -> Option<Record> {
        Some(match table {
            "series" => Record::Series,
            "agencies" => Record::Agency,
            "people" => Record::Person,
            "categories" => Record::Category,
            "meetings" => Record::Meeting,
            "attendance" => Record::Attendance,
            "issues" => Record::Issue,
            "agenda_items" => Record::AgendaItem,
            "statements" => Record::Statement,
            "decisions" => Record::Decision,
            "review_items" => Record::ReviewItem,
            "follow_ups" => Record::FollowUp,
            "amendments" => Record::Amendment,
            "drafts" => Record::Draft,
            "invitees" => Record::Invitee,
            "changes" => Record::Change,
            _ => return None,
        })
    }
}

/// One record that could not be read, and why: what a listing leaves out and reports.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} {key} has {problem} in its «{column}»", .record.noun_en())]
pub struct DamagedRow {
    /// The kind of record the listing reads.
    pub record: Record,
    /// The record's id as stored (undecodable bytes replaced by �), or its rowid.
    pub key: String,
    /// The column whose value could not be read.
    pub column: String,
    pub problem: RowProblem,
}

/// Why a stored value could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RowProblem {
    /// Text that is not valid UTF-8.
    #[error("text that is not valid UTF-8")]
    NotUtf8,
    /// A value of the wrong type: a number where text belongs, nothing where a value must be.
    #[error("a value of the wrong type")]
    WrongType,
    /// A number too large, or negative, for what it counts.
    #[error("the number {0}, out of range")]
    OutOfRange(i64),
    /// A value that does not read as what the column holds (a date, a time, a status, a list of
    /// agencies): the value as stored.
    #[error("«{0}», which cannot be read")]
    Unreadable(String),
}

/// What is wrong with the change log.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LogProblem {
    /// An entry names a table hamyar does not have.
    #[error("an entry names an unknown table «{0}»")]
    UnknownTable(String),
    /// An entry names a column its table does not have.
    #[error("an entry names an unknown column «{0}»")]
    UnknownColumn(String),
    /// An entry's saved record is not a record.
    #[error("an entry's saved record is not a record")]
    NotARecord,
    /// An entry's saved record is not valid JSON.
    #[error("an entry's saved record cannot be read")]
    Unreadable,
    /// An update or deletion without the record as it was before.
    #[error("an entry has no earlier state")]
    NoEarlierState,
}
