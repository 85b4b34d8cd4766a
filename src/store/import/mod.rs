//! Importing a minutes file ([`MeetingBundle`]) into a database: one transaction, records
//! merged by id, each change in the audit log like any other action (`import`), so it can be
//! undone.
//!
//! For a record both sides hold, with different contents:
//! - the file's state is one this database already had and has since changed: kept as it is
//!   (the file is older);
//! - the record has not been edited here since it last came in by import, and the file's change
//!   is newer: updated;
//! - otherwise it was changed on both sides: the newer change wins and the conflict is
//!   reported, never silently. Records of a meeting approved here are never changed (a
//!   decision's status excepted: it is tracking, not minutes).
//!
//! Each imported change is dated in the audit log by when it was made where it was made (the
//! file's `changed_at`), so "newer" keeps its meaning through any number of merges, and a file
//! exported again after import is the same file.

use crate::store::AuditAction;
use std::collections::HashSet;

use rusqlite::types::Value;
use rusqlite::{ErrorCode, OptionalExtension, params_from_iter};

use serde_json::Value as Json;

mod rows;

use super::Store;
use super::audit::{Writer, history, snapshot};
use super::bundle::MeetingBundle;
use super::error::StoreError;
use super::fault::Fault;
use crate::domain::Id;
use rows::{Row, rows_of};

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Records whose state in the file this database had already moved past.
    pub older_in_file: usize,
    pub conflicts: Vec<Conflict>,
}

/// A record changed on both sides, and which change was kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The record's table: `decisions`, `meetings`, `attendance`…
    pub entity: &'static str,
    /// Its number or name: «2/3», «2», «بانک توسعه تعاون».
    pub name: String,
    pub id: Id,
    /// When it last changed here and in the file (RFC 3339; empty when unknown).
    pub here_at: String,
    pub file_at: String,
    pub kept: Side,
    /// It belongs to a meeting approved here, so it was not changed whatever its age.
    pub approved_here: bool,
}

/// Why a minutes file was refused; nothing of it was imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// A meeting or decision number held here by another record: both databases made it
    /// separately, and no merge by id can tell which is right.
    #[error(
        "{record} is already in this database as another record (the two databases made it separately); nothing was imported"
    )]
    NumberTaken { record: String },
    /// A record of the file refers to one the file does not hold.
    #[error(
        "the minutes file is inconsistent: {record} ({id}) refers to a record the file does not hold; nothing was imported"
    )]
    MissingReference { record: String, id: String },
    /// An id that is not a UUID: records are merged by id.
    #[error("the minutes file holds a malformed id «{id}»; nothing was imported")]
    MalformedId { id: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Here,
    File,
}

impl Store {
    /// Merges a minutes file into this database in one transaction (see the module doc).
    /// Importing the same file twice changes nothing the second time.
    pub fn import_bundle(&mut self, bundle: &MeetingBundle) -> Result<ImportReport, StoreError> {
        let rows = rows_of(bundle)?;
        let now = self.clock.now_utc();
        self.write(AuditAction::Import, |w| {
            let mut report = ImportReport::default();
            // Approved before this import: a meeting the file brings in approved is filled in.
            let approved = approved_meetings(w)?;
            for row in &rows {
                let at = bundle
                    .changed_at
                    .get(&row.id)
                    .filter(|t| t.parse::<jiff::Timestamp>().is_ok())
                    .cloned();
                merge(w, row, at, &now, &approved, &mut report)
                    .map_err(|e| refers_to_missing(e, row))?;
            }
            let reviewed: Vec<Id> = bundle.reviewed.iter().map(|d| d.id.clone()).collect();
            let m = &bundle.meeting.id;
            items(w, ("agenda_items", "issue"), m, &bundle.agenda, &approved)?;
            items(w, ("review_items", "decision"), m, &reviewed, &approved)?;
            for m in std::iter::once(&bundle.meeting).chain(&bundle.other_meetings) {
                let at = bundle
                    .changed_at
                    .get(&m.id)
                    .cloned()
                    .unwrap_or_else(|| now.clone());
                keep_highest_item(&w.dated(at), &m.id)?;
            }
            Ok(report)
        })
    }
}

fn merge(
    w: &Writer<'_>,
    row: &Row,
    file_at: Option<String>,
    now: &str,
    approved: &HashSet<Id>,
    report: &mut ImportReport,
) -> Result<(), Fault> {
    let (id, local) = local_state(w, row)?;
    let Some(local) = local else {
        if minutes_locked(row, None, approved) {
            report
                .conflicts
                .push(conflict(row, String::new(), file_at, Side::Here, true));
            return Ok(());
        }
        refuse_duplicate_number(w, row)?;
        insert(w, row)?;
        w.dated(file_at.unwrap_or_else(|| now.to_string()))
            .inserted(row.table, row.id.as_str())?;
        report.added += 1;
        return Ok(());
    };
    if same(&local, row) {
        report.unchanged += 1;
        return Ok(());
    }
    let past = history(w.tx, &id)?;
    let newest = past.last();
    let here_at = newest.map(|c| c.at.clone()).unwrap_or_default();
    let file_newer = file_at.as_deref().is_some_and(|f| f > here_at.as_str());
    if !file_newer
        && past
            .iter()
            .any(|c| c.after.as_ref().is_some_and(|a| same(a, row)))
    {
        report.older_in_file += 1;
        return Ok(());
    }
    let locked = minutes_locked(row, Some(&local), approved);
    let edited_here = newest.is_none_or(|c| c.action != AuditAction::Import);
    if file_newer && !locked {
        update(w, row, &id)?;
        w.dated(file_at.clone().unwrap_or_else(|| now.to_string()))
            .updated(row.table, &id, local)?;
        if edited_here {
            report
                .conflicts
                .push(conflict(row, here_at, file_at, Side::File, false));
        } else {
            report.updated += 1;
        }
    } else {
        report
            .conflicts
            .push(conflict(row, here_at, file_at, Side::Here, locked));
    }
    Ok(())
}

fn conflict(
    row: &Row,
    here_at: String,
    file_at: Option<String>,
    kept: Side,
    approved: bool,
) -> Conflict {
    Conflict {
        entity: row.table,
        name: row.name.clone(),
        id: row.id.clone(),
        here_at,
        file_at: file_at.unwrap_or_default(),
        kept,
        approved_here: approved,
    }
}

/// The local record with this id; attendance is also found by meeting and person, since two
/// laptops may each have recorded the same person's attendance.
fn local_state(w: &Writer<'_>, row: &Row) -> Result<(String, Option<Json>), Fault> {
    if let Some(found) = snapshot(w.tx, row.table, row.id.as_str())? {
        return Ok((row.id.to_string(), Some(found)));
    }
    if row.table == "attendance" {
        let other: Option<String> =
            w.tx.query_row(
                "SELECT id FROM attendance WHERE meeting = ?1 AND person = ?2",
                params_from_iter([col(row, "meeting"), col(row, "person")]),
                |r| r.get(0),
            )
            .optional()?;
        if let Some(other) = other {
            let found = snapshot(w.tx, row.table, &other)?;
            return Ok((other, found));
        }
    }
    Ok((row.id.to_string(), None))
}

fn col(row: &Row, name: &str) -> Value {
    row.cols
        .iter()
        .find(|(c, _)| *c == name)
        .map_or(Value::Null, |(_, v)| v.clone())
}

/// Whether the local snapshot holds the row's values in every column of its own.
fn same(local: &Json, row: &Row) -> bool {
    row.cols
        .iter()
        .all(|(c, v)| local.get(*c) == Some(&to_json(v)))
}

fn to_json(v: &Value) -> Json {
    match v {
        Value::Null | Value::Blob(_) => Json::Null,
        Value::Integer(n) => Json::from(*n),
        Value::Real(f) => Json::from(*f),
        Value::Text(s) => Json::from(s.as_str()),
    }
}

fn approved_meetings(w: &Writer<'_>) -> Result<HashSet<Id>, Fault> {
    let mut st =
        w.tx.prepare("SELECT id FROM meetings WHERE status = 'approved'")?;
    let rows = st.query_map([], |r| Ok(Id::from_string(r.get::<_, String>(0)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Whether the row belongs to minutes approved here, which an import must not change. A
/// decision whose status alone differs is tracking, not minutes, and may change.
fn minutes_locked(row: &Row, local: Option<&Json>, approved: &HashSet<Id>) -> bool {
    if !row
        .minutes_of
        .as_ref()
        .is_some_and(|m| approved.contains(m))
    {
        return false;
    }
    let status_only = row.table == "decisions"
        && local.is_some_and(|l| {
            row.cols
                .iter()
                .all(|(c, v)| *c == "status" || l.get(*c) == Some(&to_json(v)))
        });
    !status_only
}

/// A meeting number or decision number held here by another record: both databases made it
/// separately, and no merge by id can tell which is right.
fn refuse_duplicate_number(w: &Writer<'_>, row: &Row) -> Result<(), Fault> {
    let (sql, keys) = match row.table {
        "meetings" => (
            "SELECT 1 FROM meetings WHERE series = ?1 AND number = ?2",
            ["series", "number"],
        ),
        "decisions" => (
            "SELECT 1 FROM decisions WHERE meeting = ?1 AND item = ?2",
            ["meeting", "item"],
        ),
        _ => return Ok(()),
    };
    let taken =
        w.tx.query_row(sql, params_from_iter(keys.map(|k| col(row, k))), |_| Ok(()))
            .optional()?;
    match taken {
        Some(()) => Err(StoreError::from(ImportError::NumberTaken {
            record: row.label(),
        })
        .into()),
        None => Ok(()),
    }
}

fn insert(w: &Writer<'_>, row: &Row) -> Result<(), Fault> {
    let cols: Vec<&(&str, Value)> = row
        .cols
        .iter()
        .chain(&row.derived)
        .chain(&row.insert_only)
        .collect();
    let names: Vec<&str> = cols.iter().map(|(c, _)| *c).collect();
    let mut marks: Vec<String> = (2..=cols.len() + 1).map(|i| format!("?{i}")).collect();
    let mut names = std::iter::once("id").chain(names).collect::<Vec<_>>();
    if row.fts {
        names.push("fts_key");
        marks.push(format!(
            "(SELECT coalesce(max(fts_key), 0) + 1 FROM {})",
            row.table
        ));
    }
    let sql = format!(
        "INSERT INTO {} ({}) VALUES (?1, {})",
        row.table,
        names.join(", "),
        marks.join(", ")
    );
    let values =
        std::iter::once(Value::Text(row.id.to_string())).chain(cols.iter().map(|(_, v)| v.clone()));
    w.tx.prepare_cached(&sql)?
        .execute(params_from_iter(values))?;
    Ok(())
}

fn update(w: &Writer<'_>, row: &Row, id: &str) -> Result<(), Fault> {
    let cols: Vec<&(&str, Value)> = row.cols.iter().chain(&row.derived).collect();
    let sets: Vec<String> = cols
        .iter()
        .enumerate()
        .map(|(i, (c, _))| format!("{c} = ?{}", i + 2))
        .collect();
    let sql = format!("UPDATE {} SET {} WHERE id = ?1", row.table, sets.join(", "));
    let values =
        std::iter::once(Value::Text(id.to_string())).chain(cols.iter().map(|(_, v)| v.clone()));
    w.tx.prepare_cached(&sql)?
        .execute(params_from_iter(values))?;
    Ok(())
}

/// Adds the file's agenda or review entries this meeting lacks, after its own.
fn items(
    w: &Writer<'_>,
    (table, column): (&'static str, &str),
    meeting: &Id,
    ids: &[Id],
    approved: &HashSet<Id>,
) -> Result<(), Fault> {
    if approved.contains(meeting) {
        return Ok(());
    }
    for record in ids {
        let present =
            w.tx.prepare_cached(&format!(
                "SELECT 1 FROM {table} WHERE meeting = ?1 AND {column} = ?2"
            ))?
            .query_row([meeting.as_str(), record.as_str()], |_| Ok(()))
            .optional()?;
        if present.is_some() {
            continue;
        }
        let id = Id::new();
        w.tx.prepare_cached(&format!(
            "INSERT INTO {table} (id, meeting, {column}, position)
             VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), -1) + 1 FROM {table} WHERE meeting = ?2))"
        ))?
        .execute([id.as_str(), meeting.as_str(), record.as_str()])?;
        w.inserted(table, id.as_str())?;
    }
    Ok(())
}

/// Decision numbers are never reused: a meeting remembers the highest item it has issued.
fn keep_highest_item(w: &Writer<'_>, meeting: &Id) -> Result<(), Fault> {
    let Some(before) = snapshot(w.tx, "meetings", meeting.as_str())? else {
        return Ok(());
    };
    w.tx.execute(
        "UPDATE meetings SET last_item = max(last_item,
             (SELECT coalesce(max(item), 0) FROM decisions WHERE meeting = ?1)) WHERE id = ?1",
        [meeting.as_str()],
    )?;
    w.updated("meetings", meeting.as_str(), before)
}

/// A foreign key the file does not satisfy: it names a record it does not hold.
fn refers_to_missing(e: Fault, row: &Row) -> Fault {
    match &e {
        Fault::Sqlite(s) if s.sqlite_error_code() == Some(ErrorCode::ConstraintViolation) => {
            StoreError::from(ImportError::MissingReference {
                record: row.label(),
                id: row.id.to_string(),
            })
            .into()
        }
        _ => e,
    }
}
