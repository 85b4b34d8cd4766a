//! `hamyar doctor`: is the database sound, and is the terminal set up for right-to-left text?

use std::io;
use std::path::Path;
use std::sync::Arc;

use anyhow::{Result, bail};

use super::LaidOut;
use super::output::CellLayout;
use crate::domain::Clock;
use crate::store::{SCHEMA_VERSION, Store, StoreError};

pub fn run(db: &Path, clock: Arc<dyn Clock>, layout: &dyn CellLayout) -> Result<()> {
    let mut stdout = io::stdout().lock();
    let mut out = LaidOut {
        out: &mut stdout,
        layout,
    };
    writeln!(out, "database: {}", db.display())?;
    let healthy = if db.exists() {
        // A file that cannot be opened or read is reported like any other finding, so the
        // terminal part below still runs.
        match check(&mut out, db, clock) {
            Ok(ok) => ok,
            Err(e) => {
                writeln!(out, "  problem: {e}")?;
                false
            }
        }
    } else {
        writeln!(
            out,
            "  not created yet: hamyar creates it on first use (or `hamyar demo --db PATH`)"
        )?;
        true
    };
    writeln!(out)?;
    super::terminal_report(&mut stdout, layout)?;
    if !healthy {
        bail!("{} is not sound; see above", db.display());
    }
    Ok(())
}

/// Integrity, schema version and counts; whether the file is sound.
fn check(out: &mut LaidOut<'_>, db: &Path, clock: Arc<dyn Clock>) -> Result<bool> {
    let store = Store::open_existing(db, clock)?;
    let problems = store.integrity_check()?;
    let ok = problems.is_empty();
    if ok {
        writeln!(out, "  integrity: ok")?;
    } else {
        writeln!(out, "  integrity: DAMAGED")?;
        for p in problems.iter().take(20) {
            writeln!(out, "    {p}")?;
        }
        writeln!(
            out,
            "  restore the file from a backup; keep the damaged copy for repair"
        )?;
    }
    writeln!(
        out,
        "  schema: version {} (this hamyar writes {SCHEMA_VERSION})",
        store.schema_version()?
    )?;
    match store.counts() {
        Ok(counts) => {
            for (table, n) in counts {
                writeln!(out, "  {table}: {n}")?;
            }
        }
        Err(e @ StoreError::Corrupt { .. }) => writeln!(out, "  counts: {e}")?,
        Err(e) => return Err(e.into()),
    }
    Ok(ok)
}
