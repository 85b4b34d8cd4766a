//! The search index of a synthetic series, written once at the end rather than row by row.
//!
//! Each searchable table keeps its FTS5 index with an insert trigger (schema step 1). Inside a
//! transaction, an INSERT that fires such a trigger opens a statement savepoint, and FTS5
//! writes out its pending terms at every savepoint: one index segment per row, merged again and
//! again, most of the time of a large synth. So for the synth's one transaction the insert
//! triggers are dropped, the index is filled from the new rows in one statement per table, and
//! the triggers are created again from their own SQL, read from the schema, before the commit.
//! Any failure rolls the whole transaction back, the triggers with it.
//!
//! A bulk insert leaves FTS5 with many segments half merged, and FTS5 finishes that merging a
//! little at a time during the writes that follow: on a 100,000-decision series, every 32nd
//! decision the secretary saved took 15 to 60 ms instead of under 1 ms. A series that grew one
//! decision at a time has no such backlog, so the load ends with `optimize`, which merges each
//! index into one segment (about a second for 100,000 decisions).

use rusqlite::{Connection, OptionalExtension};

use crate::store::fault::Fault;

/// The tables with a search index `{table}_fts` kept by the trigger `{table}_fts_ins`, which
/// indexes `text_f` under the rowid `fts_key`.
const SEARCHABLE: [&str; 3] = ["issues", "statements", "decisions"];

/// The insert triggers dropped for a bulk load, to be put back by [`Deferred::finish`].
pub(super) struct Deferred {
    /// Per table: the trigger's SQL and the highest `fts_key` indexed before the load.
    tables: Vec<(&'static str, String, i64)>,
}

/// Drops the search index's insert triggers for the rest of the transaction. A trigger that is
/// missing (a schema this code does not know) leaves its table indexed row by row.
pub(super) fn defer(tx: &Connection) -> Result<Deferred, Fault> {
    let mut tables = Vec::with_capacity(SEARCHABLE.len());
    for table in SEARCHABLE {
        let trigger = format!("{table}_fts_ins");
        let sql: Option<String> = tx
            .query_row(
                "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1",
                [&trigger],
                |r| r.get(0),
            )
            .optional()?;
        let Some(sql) = sql else { continue };
        let indexed: i64 = tx.query_row(
            &format!("SELECT coalesce(max(fts_key), 0) FROM {table}"),
            [],
            |r| r.get(0),
        )?;
        tx.execute_batch(&format!("DROP TRIGGER {trigger}"))?;
        tables.push((table, sql, indexed));
    }
    Ok(Deferred { tables })
}

impl Deferred {
    /// Indexes every row written since [`defer`], as the triggers would have, merges each index
    /// into one segment, and puts the triggers back.
    pub fn finish(self, tx: &Connection) -> Result<(), Fault> {
        for (table, sql, indexed) in self.tables {
            tx.execute(
                &format!(
                    "INSERT INTO {table}_fts (rowid, body)
                     SELECT fts_key, text_f FROM {table} WHERE fts_key > ?1 ORDER BY fts_key"
                ),
                [indexed],
            )?;
            tx.execute(
                &format!("INSERT INTO {table}_fts ({table}_fts) VALUES ('optimize')"),
                [],
            )?;
            tx.execute_batch(&sql)?;
        }
        Ok(())
    }
}
