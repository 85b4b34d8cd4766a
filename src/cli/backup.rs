//! `hamyar backup [-o FILE]`: a checked copy of the database through SQLite's online backup,
//! safe while hamyars have the file open. Without `-o` it goes into the backup folder under a
//! name no file has (`hamyar-1405-09-13-1.db`), and the folder keeps the newest `[backup] keep`;
//! `-o FILE` replaces FILE atomically. What is written, and how, is `crate::backup`'s.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use super::output::stderr_line;
use crate::backup;
use crate::export_file::Replace;
use crate::i18n::{CliMessage, Localized};
use crate::settings::Settings;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Write the copy to FILE, replacing it [default: a new name in the backup folder]
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(settings: &Settings, args: &BackupArgs) -> Result<()> {
    // Read-only: a backup never changes the file it copies, not even to migrate it; a file of
    // an older hamyar is copied as it is, so that a copy can be kept before it is upgraded.
    let store = Store::open_to_copy(&settings.db, settings.clock.clone())?;
    let path = match &args.output {
        Some(path) => {
            backup::write(&store, path, Replace::Allowed)?;
            path.clone()
        }
        None => {
            let b = &settings.backup;
            backup::write_new(&store, &b.dir, settings.clock.today(), b.keep)?
        }
    };
    let said = CliMessage::BackupWritten { path: &path }.localized(settings.lang);
    writeln!(io::stderr().lock(), "{}", stderr_line(&said, settings))?;
    Ok(())
}
