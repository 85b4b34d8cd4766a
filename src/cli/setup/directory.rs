//! `hamyar directory import FILE [--dry-run]` and `hamyar directory export [-o FILE]`: the
//! people and agencies as a table (CSV, UTF-8 with or without BOM, or XLSX).

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Subcommand;

use crate::cli::output::print_line;
use crate::directory::{DirectoryRow, plan, read_table, write_csv};
use crate::i18n::{Localized, SetupMessage};
use crate::settings::Settings;
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum DirectoryCommand {
    /// Add or update people and agencies from a table: columns name, title, agency and
    /// invitee_of (CSV or XLSX); all or nothing
    Import {
        file: PathBuf,
        /// Say what would change, and change nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Write the people and agencies as CSV (UTF-8 with BOM) to stdout or a file
    Export {
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

pub fn run(settings: &Settings, command: &DirectoryCommand) -> Result<()> {
    let lang = settings.lang;
    match command {
        DirectoryCommand::Import { file, dry_run } => {
            let rows = read_table(file).map_err(|e| anyhow::anyhow!(e.localized(lang)))?;
            let mut store = settings.open_store()?;
            let planned = plan(
                &rows,
                &store.list_agencies()?,
                &store.list_people()?,
                &store.list_series()?,
                &store.invitations()?,
            )
            .map_err(|e| anyhow::anyhow!(e.localized(lang)))?;
            if !dry_run {
                store.import_directory(&planned)?;
            }
            for a in &planned.new_agencies {
                print_line(
                    settings,
                    &SetupMessage::AgencyAdded(&a.name).localized(lang),
                )?;
            }
            let said = SetupMessage::DirectoryImported {
                added: planned.new_people.len(),
                updated: planned.updates.len(),
                unchanged: planned.unchanged,
                dry_run: *dry_run,
            };
            print_line(settings, &said.localized(lang))?;
        }
        DirectoryCommand::Export { output } => {
            let store = Store::open_read_only(&settings.db, settings.clock.clone())?;
            let bytes = write_csv(&rows(&store)?)?;
            match output {
                // Named with -o: replaced whole, through the one export-to-file home.
                Some(path) => {
                    crate::export_file::write(path, &bytes, crate::export_file::Replace::Allowed)
                        .with_context(|| format!("cannot write {}", path.display()))?;
                }
                None => {
                    let mut out = std::io::stdout().lock();
                    out.write_all(&bytes)?;
                    out.flush()?;
                }
            }
        }
    }
    Ok(())
}

/// A row per person, then a row per agency no one belongs to.
fn rows(store: &Store) -> Result<Vec<DirectoryRow>> {
    let agencies = store.list_agencies()?;
    let series = store.list_series()?;
    let invitations = store.invitations()?;
    let agency_name = |id: &crate::domain::Id| {
        agencies
            .iter()
            .find(|a| &a.id == id)
            .map_or(String::new(), |a| a.name.clone())
    };
    let people = store.list_people()?;
    let mut out: Vec<DirectoryRow> = people
        .iter()
        .map(|p| DirectoryRow {
            line: 0,
            name: p.name.clone(),
            title: p.title.clone(),
            agency: p.agency.as_ref().map(agency_name).unwrap_or_default(),
            invitee_of: invitations
                .iter()
                .filter(|(_, who)| who == &p.id)
                .filter_map(|(s, _)| series.iter().find(|x| &x.id == s))
                .map(|s| s.title.clone())
                .collect(),
        })
        .collect();
    for a in agencies
        .iter()
        .filter(|a| !people.iter().any(|p| p.agency.as_ref() == Some(&a.id)))
    {
        out.push(DirectoryRow {
            agency: a.name.clone(),
            ..DirectoryRow::default()
        });
    }
    Ok(out)
}
