//! `hamyar doctor`: is the database sound, and is the terminal set up for right-to-left text?

use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;

use anyhow::{Result, bail};

use super::output::{CellLayout, LaidOut, stdout_layout};
use crate::domain::Clock;
use crate::settings::Settings;
use crate::store::{SCHEMA_VERSION, Store, StoreError};

pub fn run(settings: &Settings) -> Result<()> {
    let db = &settings.db;
    let clock = settings.clock.clone();
    let layout = &*stdout_layout(settings);
    let mut stdout = io::stdout().lock();
    let mut out = LaidOut {
        out: &mut stdout,
        layout,
    };
    writeln!(out, "database: {}", db.display())?;
    // A file that cannot be opened or read is reported like any other finding, so the
    // terminal part below still runs.
    let healthy = match check(&mut out, db, clock) {
        Ok(ok) => ok,
        Err(e) if matches!(e.downcast_ref(), Some(StoreError::Missing { .. })) => {
            writeln!(
                out,
                "  not created yet: hamyar creates it on first use (or `hamyar demo --db PATH`)"
            )?;
            true
        }
        Err(e) => {
            writeln!(out, "  problem: {e:#}")?;
            false
        }
    };
    writeln!(out)?;
    terminal_report(&mut stdout, layout)?;
    if !healthy {
        bail!("{} is not sound; see above", db.display());
    }
    Ok(())
}

/// Integrity, schema version and counts; whether the file is sound. The file is opened for
/// reading only, so a check never changes it (nor migrates it).
fn check(out: &mut LaidOut<'_>, db: &Path, clock: Arc<dyn Clock>) -> Result<bool> {
    let store = Store::open_read_only(db, clock)?;
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

/// The terminal part of `doctor`: which terminal this is and what to set for right-to-left text.
fn terminal_report(out: &mut dyn Write, layout: &dyn CellLayout) -> io::Result<()> {
    let mut out = LaidOut { out, layout };
    let out = &mut out;
    let report = crate::text::detect_terminal_from_env();
    writeln!(out, "terminal: {}", report.name)?;
    let bidi = match report.bidi {
        crate::text::TerminalBidi::None => "draws cells as sent (no bidi of its own): good",
        crate::text::TerminalBidi::Switchable => {
            "has bidi of its own, which hamyar switches off (BDSM)"
        }
        crate::text::TerminalBidi::Own => "has bidi of its own that hamyar cannot switch off",
        crate::text::TerminalBidi::Unknown => "not recognised",
    };
    writeln!(out, "  bidi: {bidi}")?;
    if report.tmux {
        match tmux_passthrough_setting() {
            Some(v) if v == "on" || v == "all" => {
                writeln!(out, "  inside tmux, allow-passthrough is {v}: good")?;
            }
            Some(v) => writeln!(
                out,
                "  inside tmux, allow-passthrough is {v}: the outer terminal cannot be told to stop reordering"
            )?,
            None => writeln!(
                out,
                "  inside tmux (its allow-passthrough setting could not be read)"
            )?,
        }
    }
    writeln!(out, "  recommended: --bidi {}", report.recommended)?;
    for line in &report.advice {
        writeln!(out, "  - {line}")?;
    }
    Ok(())
}

/// tmux's `allow-passthrough` option, which decides whether BDSM reaches the outer terminal.
fn tmux_passthrough_setting() -> Option<String> {
    let out = std::process::Command::new("tmux")
        .args(["show-options", "-gv", "allow-passthrough"])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| crate::text::sanitize(String::from_utf8_lossy(&out.stdout).trim()).into_owned())
}
