//! What `doctor` asks of the file: integrity, schema version, counts; and the knobs tests and
//! quotas turn (busy timeout, page cap).

use rusqlite::Connection;

use super::Store;
use super::error::StoreError;
use super::fault::Fault;
use super::schema;

/// Whether any table but the change log holds a row.
pub(crate) fn holds_data(conn: &Connection) -> Result<bool, Fault> {
    let any = schema::TABLES
        .iter()
        .filter(|t| **t != "changes")
        .map(|t| format!("EXISTS (SELECT 1 FROM {t})"))
        .collect::<Vec<_>>()
        .join(" OR ");
    Ok(conn.query_row(&format!("SELECT {any}"), [], |r| r.get(0))?)
}

impl Store {
    /// `PRAGMA integrity_check` and `foreign_key_check`: an empty list means the file is sound.
    pub fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        self.read(|tx| {
            let mut problems = Vec::new();
            let mut st = tx.prepare("PRAGMA integrity_check")?;
            for row in st.query_map([], |r| r.get::<_, String>(0))? {
                let row = row?;
                if row != "ok" {
                    problems.push(row);
                }
            }
            let mut st = tx.prepare("PRAGMA foreign_key_check")?;
            for row in st.query_map([], |r| {
                Ok(format!(
                    "{} row {} refers to a missing {}",
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                    r.get::<_, String>(2)?
                ))
            })? {
                problems.push(row?);
            }
            Ok(problems)
        })
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        self.read(|tx| Ok(tx.query_row("PRAGMA user_version", [], |r| r.get(0))?))
    }

    /// How many rows each table holds, in a fixed order.
    pub fn counts(&self) -> Result<Vec<(&'static str, u64)>, StoreError> {
        self.read(|tx| {
            let mut out = Vec::with_capacity(schema::TABLES.len());
            for table in schema::TABLES {
                let n: i64 =
                    tx.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
                out.push((*table, u64::try_from(n).unwrap_or(0)));
            }
            Ok(out)
        })
    }

    /// Whether the database holds any record (the change log aside).
    pub fn holds_data(&self) -> Result<bool, StoreError> {
        self.read(holds_data)
    }

    /// How long a write waits for another process's lock before reporting the file as locked
    /// (5 s unless changed).
    pub fn set_busy_timeout(&self, timeout: std::time::Duration) -> Result<(), StoreError> {
        self.conn
            .busy_timeout(timeout)
            .map_err(|e| self.fail(e.into()))
    }

    /// Caps the file at `pages` pages of 4 KiB for this connection: a quota, and the way tests
    /// reach the disk-full path.
    pub fn set_max_pages(&self, pages: u32) -> Result<(), StoreError> {
        self.conn
            .query_row(&format!("PRAGMA max_page_count = {pages}"), [], |_| Ok(()))
            .map_err(|e| self.fail(e.into()))
    }
}
