//! The audit log: every change appends rows to `changes` in the same transaction, holding the
//! whole database row before and after as JSON. Undo restores those rows.

use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, OptionalExtension, params};
use serde_json::{Map, Value as Json};

use super::action::AuditAction;
use super::error::{LogProblem, Record, StoreError};
use super::fault::Fault;
use super::schema::TABLES;
use crate::domain::{MeetingStatus, RuleError};

/// One change to one record, as the audit log keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub seq: i64,
    /// The user action this change belongs to; one action may change several records.
    pub txn: i64,
    /// What the user did, e.g. recording a decision, or an undo.
    pub action: AuditAction,
    /// RFC 3339 UTC timestamp.
    pub at: String,
    /// The table name: `decisions`, `meetings`…
    pub entity: String,
    pub entity_id: String,
    /// `insert`, `update` or `delete`.
    pub op: String,
    pub before: Option<Json>,
    pub after: Option<Json>,
}

/// What `undo_last` reverted.
#[derive(Debug, Clone, PartialEq)]
pub struct Undone {
    /// The action that was undone.
    pub action: AuditAction,
    /// How many records it restored.
    pub records: usize,
    /// The records that exist again or changed back (table and id; not those it removed), so
    /// that the screen can keep the secretary on what came back.
    pub restored: Vec<(String, crate::domain::Id)>,
}

/// Writes one user action: the data changes and their audit rows.
pub(crate) struct Writer<'t> {
    /// The open transaction (or savepoint) of this action.
    pub tx: &'t Connection,
    txn: i64,
    action: AuditAction,
    at: String,
    undoes: Option<i64>,
    /// Whether this action's changes go into the log (always, but for synthetic data).
    logged: bool,
}

impl<'t> Writer<'t> {
    pub fn new(tx: &'t Connection, action: AuditAction, at: String) -> Result<Self, Fault> {
        let txn: i64 = tx.query_row("SELECT coalesce(max(txn), 0) + 1 FROM changes", [], |r| {
            r.get(0)
        })?;
        Ok(Writer {
            tx,
            txn,
            action,
            at,
            undoes: None,
            logged: true,
        })
    }

    /// A writer that appends nothing to the log, for synthetic data written into an empty file
    /// in one transaction: no one undoes or merges it record by record, and the log, a JSON
    /// copy of every row, would double the file and the time it takes to write.
    pub fn unlogged(tx: &'t Connection) -> Writer<'t> {
        Writer {
            tx,
            txn: 0,
            action: AuditAction::Synth,
            at: String::new(),
            undoes: None,
            logged: false,
        }
    }

    /// The same action with its rows dated `at`: an import dates each change by when it was
    /// made where it was made, so that in later merges the newer change still wins.
    pub fn dated(&self, at: String) -> Writer<'t> {
        Writer {
            tx: self.tx,
            txn: self.txn,
            action: self.action,
            at,
            undoes: self.undoes,
            logged: self.logged,
        }
    }

    /// The action's number in the change log.
    pub fn txn(&self) -> i64 {
        self.txn
    }

    /// The row as JSON, or `NotFound`.
    pub fn before(&self, table: &'static str, id: &str) -> Result<Json, Fault> {
        snapshot(self.tx, table, id)?
            .ok_or_else(|| Fault::not_found(Record::of_table(table).unwrap_or(Record::Change), id))
    }

    /// Records the insertion of a row that has just been inserted.
    pub fn inserted(&self, table: &'static str, id: &str) -> Result<(), Fault> {
        if !self.logged {
            return Ok(());
        }
        let after = self.before(table, id)?;
        self.log(table, id, "insert", None, Some(&after))
    }

    /// Records the update of a row, given its state before.
    pub fn updated(&self, table: &'static str, id: &str, before: Json) -> Result<(), Fault> {
        if !self.logged {
            return Ok(());
        }
        let after = self.before(table, id)?;
        if after != before {
            self.log(table, id, "update", Some(&before), Some(&after))?;
        }
        Ok(())
    }

    /// Records the deletion of a row, given its state before.
    pub fn deleted(&self, table: &'static str, id: &str, before: Json) -> Result<(), Fault> {
        self.log(table, id, "delete", Some(&before), None)
    }

    fn log(
        &self,
        table: &str,
        id: &str,
        op: &str,
        before: Option<&Json>,
        after: Option<&Json>,
    ) -> Result<(), Fault> {
        if !self.logged {
            return Ok(());
        }
        let mut st = self.tx.prepare_cached(
            "INSERT INTO changes (txn, action, at, entity, entity_id, op, before, after, undoes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        st.execute(params![
            self.txn,
            self.action,
            self.at,
            table,
            id,
            op,
            before.map(Json::to_string),
            after.map(Json::to_string),
            self.undoes,
        ])?;
        Ok(())
    }
}

/// The whole row as a JSON object of column → value, or `None` if there is no such row.
pub(crate) fn snapshot(tx: &Connection, table: &str, id: &str) -> Result<Option<Json>, Fault> {
    let table = checked_table(table)?;
    let mut st = tx.prepare_cached(&format!("SELECT * FROM {table} WHERE id = ?1"))?;
    let names: Vec<String> = st.column_names().map(str::to_owned).collect();
    let row = st
        .query_row([id], |r| {
            let mut map = Map::with_capacity(names.len());
            for (i, name) in names.iter().enumerate() {
                let v = match r.get_ref(i)? {
                    ValueRef::Null => Json::Null,
                    ValueRef::Integer(n) => Json::from(n),
                    ValueRef::Real(f) => Json::from(f),
                    ValueRef::Text(t) => Json::from(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Blob(_) => Json::Null,
                };
                map.insert(name.clone(), v);
            }
            Ok(Json::Object(map))
        })
        .optional()?;
    Ok(row)
}

fn checked_table(table: &str) -> Result<&'static str, Fault> {
    TABLES
        .iter()
        .find(|t| **t == table && **t != "changes")
        .copied()
        .ok_or_else(|| LogProblem::UnknownTable(table.to_string()).into())
}

/// Writes a row back from its JSON snapshot, replacing any current row with that id.
fn restore(tx: &Connection, table: &str, row: &Json) -> Result<(), Fault> {
    let table = checked_table(table)?;
    let Json::Object(map) = row else {
        return Err(LogProblem::NotARecord.into());
    };
    let mut columns: Vec<String> = Vec::new();
    {
        let mut st =
            tx.prepare_cached(&format!("SELECT name FROM pragma_table_info('{table}')"))?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        for c in rows {
            columns.push(c?);
        }
    }
    let mut names = Vec::new();
    let mut values = Vec::new();
    for (k, v) in map {
        // Only the table's own columns, so a tampered log cannot inject SQL.
        let Some(col) = columns.iter().find(|c| *c == k) else {
            return Err(LogProblem::UnknownColumn(k.clone()).into());
        };
        names.push(format!("\"{col}\""));
        values.push(match v {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Integer(i64::from(*b)),
            Json::Number(n) => n
                .as_i64()
                .map(Value::Integer)
                .or_else(|| n.as_f64().map(Value::Real))
                .unwrap_or(Value::Null),
            Json::String(s) => Value::Text(s.clone()),
            other => Value::Text(other.to_string()),
        });
    }
    let id = map
        .get("id")
        .and_then(Json::as_str)
        .unwrap_or_default()
        .to_string();
    let placeholders = (1..=names.len())
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let exists: bool = tx.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"),
        [&id],
        |r| r.get(0),
    )?;
    if exists {
        // The id is the row's key, not changed: setting it, even to itself, would make SQLite
        // check every table that refers to this one (a meeting has a million review rows). The
        // row version is not set back either: the database bumps it, so that a screen that read
        // the state undone cannot pass for current.
        let sets = names
            .iter()
            .enumerate()
            .filter(|(_, n)| !matches!(n.as_str(), "\"id\"" | "\"version\""))
            .map(|(i, n)| format!("{n} = ?{}", i + 1))
            .collect::<Vec<_>>()
            .join(", ");
        let mut params = values;
        params.push(Value::Text(id));
        let sql = format!("UPDATE {table} SET {sets} WHERE id = ?{}", params.len());
        tx.execute(&sql, rusqlite::params_from_iter(params))?;
    } else {
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES ({placeholders})",
            names.join(", ")
        );
        tx.execute(&sql, rusqlite::params_from_iter(values))?;
    }
    Ok(())
}

/// entity, entity_id, op, before, after
type LoggedRow = (String, String, String, Option<String>, Option<String>);

/// Action `txn`, unless it is an undo or already undone.
fn undoable(tx: &Connection, txn: i64) -> Result<Option<AuditAction>, Fault> {
    Ok(tx
        .query_row(
            "SELECT action FROM changes c
             WHERE c.txn = ?1 AND c.undoes IS NULL
               AND NOT EXISTS (SELECT 1 FROM changes u WHERE u.undoes = c.txn)
             LIMIT 1",
            [txn],
            |r| r.get(0),
        )
        .optional()?)
}

/// Reverts action `txn`, recording the undo itself as an action; `None` if it is an undo or
/// already undone.
///
/// The caller keeps the stack (its own actions, newest first). An action that touched an
/// approved meeting is not undone (after approval, corrections are amendments), but for an
/// amendment itself and a merge. Nor is one whose
/// records were changed since by anyone else: their work would be overwritten.
pub(crate) fn undo(tx: &Connection, txn: i64, at: String) -> Result<Option<Undone>, Fault> {
    let Some(action) = undoable(tx, txn)? else {
        return Ok(None);
    };
    let mut rows: Vec<LoggedRow> = Vec::new();
    {
        let mut st = tx.prepare(
            "SELECT entity, entity_id, op, before, after FROM changes WHERE txn = ?1 ORDER BY seq DESC",
        )?;
        let it = st.query_map([txn], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?;
        for r in it {
            rows.push(r?);
        }
    }
    let mut writer = Writer::new(tx, AuditAction::Undo, at)?;
    writer.undoes = Some(txn);
    let parse = |s: &Option<String>| -> Result<Option<Json>, Fault> {
        s.as_deref()
            .map(serde_json::from_str)
            .transpose()
            .map_err(|_| LogProblem::Unreadable.into())
    };
    for (entity, id, op, before, after) in &rows {
        let table = checked_table(entity)?;
        let current = snapshot(tx, table, id)?;
        if !unchanged_since(current.as_ref(), parse(after)?.as_ref()) {
            return Err(StoreError::ChangedSince {
                what: Record::of_table(table).unwrap_or(Record::Change),
            }
            .into());
        }
        // A decision's status is tracking, not minutes: follow-ups may change it after its
        // meeting is approved, so undoing one may change it back.
        let status_only = table == "decisions"
            && op == "update"
            && differs_only_in(
                parse(before)?.as_ref(),
                current.as_ref(),
                &["status", "version"],
            );
        // A merge moved references, approved minutes' too; undoing it moves them back. An
        // amendment is the one way approved minutes change: undoing it takes back the
        // amendment and what it changed together.
        let allowed = matches!(
            action,
            AuditAction::MergeAgencies | AuditAction::MergePeople | AuditAction::RecordAmendment
        );
        if !status_only && !allowed {
            refuse_if_approved(
                tx,
                table,
                id,
                parse(before)?.as_ref().or(parse(after)?.as_ref()),
            )?;
        }
        match op.as_str() {
            "insert" => {
                if let Some(now) = current {
                    tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
                    writer.deleted(table, id, now)?;
                }
            }
            _ => {
                let Some(before) = parse(before)? else {
                    return Err(LogProblem::NoEarlierState.into());
                };
                restore(tx, table, &before)?;
                if table == "meetings" {
                    keep_highest_item(tx, id, current.as_ref())?;
                }
                match current {
                    Some(now) => writer.updated(table, id, now)?,
                    None => writer.inserted(table, id)?,
                }
            }
        }
    }
    let restored = rows
        .iter()
        .filter(|(_, _, op, _, _)| op != "insert")
        .map(|(entity, id, ..)| (entity.clone(), crate::domain::Id::from_string(id.as_str())))
        .collect();
    Ok(Some(Undone {
        action,
        records: rows.len(),
        restored,
    }))
}

/// Whether a row holds what the action left in it (`after`, `None` for a deletion). Not
/// compared: the row version, which every undo bumps as well, and a meeting's `last_item`,
/// which only grows and is kept by every undo.
fn unchanged_since(current: Option<&Json>, after: Option<&Json>) -> bool {
    match (current, after) {
        (None, None) => true,
        (Some(now), Some(then)) => {
            differs_only_in(Some(now), Some(then), &["version", "last_item"])
        }
        _ => false,
    }
}

/// Whether two snapshots of a row are equal in every column but `columns`.
fn differs_only_in(a: Option<&Json>, b: Option<&Json>, columns: &[&str]) -> bool {
    let (Some(Json::Object(a)), Some(Json::Object(b))) = (a, b) else {
        return false;
    };
    a.len() == b.len()
        && a.iter()
            .all(|(k, v)| columns.contains(&k.as_str()) || b.get(k).is_some_and(|w| w == v))
}

/// Decision numbers are never reused, not even after an undo: a meeting restored from an older
/// snapshot keeps the highest item number it has issued since.
fn keep_highest_item(tx: &Connection, id: &str, current: Option<&Json>) -> Result<(), Fault> {
    let issued = current
        .and_then(|c| c.get("last_item"))
        .and_then(Json::as_i64)
        .unwrap_or(0);
    tx.execute(
        "UPDATE meetings SET last_item = max(last_item, ?2) WHERE id = ?1",
        params![id, issued],
    )?;
    Ok(())
}

/// Refuses to undo a change to a meeting that is approved now, or to a record of one.
fn refuse_if_approved(
    tx: &Connection,
    table: &str,
    id: &str,
    row: Option<&Json>,
) -> Result<(), Fault> {
    let meeting_id = match table {
        "meetings" => Some(id.to_string()),
        "attendance" | "agenda_items" | "statements" | "decisions" | "review_items"
        | "amendments" => row
            .and_then(|r| r.get("meeting"))
            .and_then(Json::as_str)
            .map(str::to_owned),
        _ => None,
    };
    let Some(meeting_id) = meeting_id else {
        return Ok(());
    };
    let found: Option<(u32, MeetingStatus)> = tx
        .query_row(
            "SELECT number, status FROM meetings WHERE id = ?1",
            [&meeting_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match found {
        Some((number, status)) if !status.is_editable() => {
            Err(RuleError::MeetingApproved(number).into())
        }
        _ => Ok(()),
    }
}

/// The history of one record, oldest first.
pub(crate) fn history(conn: &Connection, entity_id: &str) -> Result<Vec<Change>, Fault> {
    let mut st = conn.prepare_cached(
        "SELECT seq, txn, action, at, entity, entity_id, op, before, after
         FROM changes WHERE entity_id = ?1 ORDER BY seq",
    )?;
    let rows = st.query_map([entity_id], |r| {
        let json = |i: usize| -> rusqlite::Result<Option<Json>> {
            let s: Option<String> = r.get(i)?;
            Ok(s.and_then(|s| serde_json::from_str(&s).ok()))
        };
        Ok(Change {
            seq: r.get(0)?,
            txn: r.get(1)?,
            action: r.get(2)?,
            at: r.get(3)?,
            entity: r.get(4)?,
            entity_id: r.get(5)?,
            op: r.get(6)?,
            before: json(7)?,
            after: json(8)?,
        })
    })?;
    let mut out = Vec::new();
    for r in rows {
        out.push(r?);
    }
    Ok(out)
}
