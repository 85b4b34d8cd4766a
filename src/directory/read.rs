//! Reading a directory table from CSV or XLSX, and writing it as CSV.

use std::path::{Path, PathBuf};

use super::DirectoryRow;
use crate::domain::name_key;
use crate::text::sanitize;

/// Why a file could not be read as a directory table; nothing was imported.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TableError {
    /// The file could not be opened or read.
    #[error("{} could not be read ({error})", .path.display())]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// The file is not a CSV or XLSX table hamyar can read.
    #[error("{} is not a table hamyar can read ({why}); save it as CSV (UTF-8) or XLSX", .path.display())]
    NotATable { path: PathBuf, why: String },
    /// The first row names no `name` and no `agency` column.
    #[error("the first row of {} should name the columns: name, title, agency (and invitee_of); it names {found}", .path.display())]
    NoHeader { path: PathBuf, found: String },
}

/// Which column holds what, from the first row's names (English or Persian).
struct Columns {
    name: Option<usize>,
    title: Option<usize>,
    agency: Option<usize>,
    invitee_of: Option<usize>,
}

fn columns(header: &[String]) -> Columns {
    let find = |names: &[&str]| {
        header
            .iter()
            .position(|h| names.iter().any(|n| name_key(h) == name_key(n)))
    };
    Columns {
        name: find(&["name", "نام", "نام و نام خانوادگی"]),
        title: find(&["title", "سمت", "عنوان"]),
        agency: find(&["agency", "دستگاه", "سازمان"]),
        invitee_of: find(&["invitee_of", "invitee of", "مدعو", "مدعو همیشگی"]),
    }
}

/// The rows of a table whose first row names the columns.
fn rows(path: &Path, table: Vec<Vec<String>>) -> Result<Vec<DirectoryRow>, TableError> {
    let mut it = table.into_iter();
    let header = it.next().unwrap_or_default();
    let c = columns(&header);
    if c.name.is_none() && c.agency.is_none() {
        return Err(TableError::NoHeader {
            path: path.to_path_buf(),
            found: header.join(", "),
        });
    }
    let cell = |row: &[String], i: Option<usize>| -> String {
        i.and_then(|i| row.get(i))
            .map(|s| sanitize(s.trim()).trim().to_string())
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for (n, row) in it.enumerate() {
        let r = DirectoryRow {
            line: n + 2,
            name: cell(&row, c.name),
            title: cell(&row, c.title),
            agency: cell(&row, c.agency),
            invitee_of: cell(&row, c.invitee_of)
                .split([';', '؛', '|'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
        };
        if !(r.name.is_empty() && r.agency.is_empty()) {
            out.push(r);
        }
    }
    Ok(out)
}

/// Reads a CSV or XLSX file (XLSX told by its zip signature, whatever its name).
pub fn read_table(path: &Path) -> Result<Vec<DirectoryRow>, TableError> {
    let bytes = std::fs::read(path).map_err(|error| TableError::Io {
        path: path.to_path_buf(),
        error,
    })?;
    let not_a_table = |why: String| TableError::NotATable {
        path: path.to_path_buf(),
        why,
    };
    let table = if bytes.starts_with(b"PK\x03\x04") {
        xlsx(&bytes).map_err(not_a_table)?
    } else {
        let text =
            std::str::from_utf8(&bytes).map_err(|_| not_a_table("it is not UTF-8 text".into()))?;
        csv_table(text.strip_prefix('\u{feff}').unwrap_or(text)).map_err(not_a_table)?
    };
    rows(path, table)
}

fn csv_table(text: &str) -> Result<Vec<Vec<String>>, String> {
    if text.contains('\0') {
        return Err("it holds binary data".into());
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        out.push(record.iter().map(str::to_string).collect());
    }
    Ok(out)
}

fn xlsx(bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> =
        Xlsx::new(std::io::Cursor::new(bytes.to_vec())).map_err(|e| e.to_string())?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| "it has no worksheet".to_string())?
        .map_err(|e| e.to_string())?;
    Ok(range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect())
}

/// The directory as CSV through the one CSV writer (BOM, formula guard): a row per person,
/// then a row per agency nobody belongs to.
pub fn write_csv(rows: &[DirectoryRow]) -> std::io::Result<Vec<u8>> {
    use crate::export::csv::{Cell, write};
    let invited: Vec<String> = rows.iter().map(|r| r.invitee_of.join("; ")).collect();
    let cells: Vec<Vec<Cell<'_>>> = rows
        .iter()
        .zip(&invited)
        .map(|(r, inv)| {
            vec![
                Cell::Text(&r.name),
                Cell::Text(&r.title),
                Cell::Text(&r.agency),
                Cell::Text(inv),
            ]
        })
        .collect();
    let mut out = Vec::new();
    write(&mut out, &["name", "title", "agency", "invitee_of"], &cells)?;
    Ok(out)
}
