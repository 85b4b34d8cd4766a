//! The directory as a table, for `hamyar directory import|export`: people and agencies in
//! CSV (UTF-8, with or without the byte-order mark Excel writes) or XLSX (read with
//! `calamine`), columns `name,title,agency[,invitee_of]` named in English or Persian, in any
//! order. A row with only an agency is that agency; empty rows are skipped.
//!
//! Reading makes [`DirectoryRow`]s; [`plan`] folds names to find who is already there and
//! says what an import would change, so that `--dry-run` prints exactly what the import
//! writes (in one transaction, all or nothing, by `Store::import_directory`).

mod plan;
mod read;

pub use plan::{DirectoryPlan, NewPerson, PersonUpdate, UnknownSeries, plan};
pub use read::{TableError, read_table, write_csv};

/// One row of the table, trimmed and sanitized.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DirectoryRow {
    /// The row's line in the file (from 2: line 1 names the columns), for messages.
    pub line: usize,
    pub name: String,
    pub title: String,
    pub agency: String,
    /// The series (titles, or part of them) the person is a standing invitee of.
    pub invitee_of: Vec<String>,
}
