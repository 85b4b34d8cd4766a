//! `hamyar restore FILE`: the database replaced whole by a backup, through SQLite (never a copy
//! of bytes over a file in use). Refused while anything has the database open; the state it
//! replaces is kept first as a backup of its own, so a restore can be taken back.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use super::output::stderr_line;
use crate::backup;
use crate::i18n::{CliMessage, Localized};
use crate::settings::Settings;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup to bring back (from `hamyar backup`, or the app's backup folder)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

pub fn run(settings: &Settings, args: &RestoreArgs) -> Result<()> {
    let from = Store::open_to_copy(&args.file, settings.clock.clone())?;
    // Only connection to the database from here on: no hamyar can write between the copy of
    // what is there and the restore, nor see half of it.
    let mut db = Store::open_alone(&settings.db, settings.clock.clone())?;
    let kept = if db.holds_data()? {
        // Not pruned: the backup being restored may be the oldest in the folder.
        let dir = &settings.backup.dir;
        Some(backup::write_new(&db, dir, settings.clock.today(), 0)?)
    } else {
        None
    };
    db.restore_from(&from)?;
    let said = CliMessage::Restored {
        from: &args.file,
        kept: kept.as_deref(),
    }
    .localized(settings.lang);
    writeln!(io::stderr().lock(), "{}", stderr_line(&said, settings))?;
    Ok(())
}
