//! `hamyar export`: the minutes of one meeting, or the follow-up list of one agency, in a
//! format; to `-o FILE`, to stdout (text formats) or to a readable file name in the current
//! folder (DOCX and PDF).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::Args;

use super::number::number;
use super::output::stderr_line;
use super::series::SeriesArg;
use crate::domain::Agency;
use crate::export::{self, FollowUpList, Format};
use crate::i18n::{CliMessage, ExportMessage, Lang, Localized};
use crate::settings::Settings;
use crate::store::Store;
use crate::text::fold::fold;

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["meeting", "agency"])))]
pub struct ExportArgs {
    /// The minutes of this meeting (its number, in any digits)
    #[arg(long, value_name = "NUMBER", value_parser = number::<1, 1_000_000>)]
    pub meeting: Option<u32>,
    /// Instead, a letter to this agency with the open decisions it leads; `all` (or «همه»)
    /// writes one letter per agency that leads any, each to its own file (in -o DIR if given)
    #[arg(long, value_name = "NAME")]
    pub agency: Option<String>,
    #[arg(long, value_enum)]
    pub format: Format,
    /// Write to FILE [default: stdout for text formats; a file named after the meeting in the
    /// current folder for docx and pdf]
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub series: SeriesArg,
}

pub fn run(settings: &Settings, args: &ExportArgs) -> Result<()> {
    let lang = settings.lang;
    let store = Store::open_read_only(&settings.db, settings.clock.clone())?;
    let organisation = settings
        .config
        .organisation
        .as_deref()
        .filter(|o| !o.is_empty());
    let (bytes, stem) = match (args.meeting, &args.agency) {
        (Some(number), _) => {
            let meeting = args.series.meeting(&store, number, lang)?;
            let mut minutes =
                export::minutes_for(&store, &meeting.id, lang, &settings.config.minutes)?;
            if let Some(o) = organisation {
                minutes.header.organisation = o.to_string();
            }
            (export::render(&minutes, args.format)?, minutes.file_stem())
        }
        (None, Some(name)) if is_all(name) => return every_agency(settings, &store, args),
        (None, Some(name)) => {
            let series = args.series.find(&store, lang)?;
            let agency = find_agency(&store, name, lang)?;
            let today = store.clock().today();
            let series = series.as_ref().map(|s| &s.id);
            let mut list = FollowUpList::load(&store, &agency, series, lang, today)?
                .with_letterhead(&store, &settings.config.minutes)?;
            if let Some(o) = organisation {
                list.organisation = o.to_string();
            }
            let bytes = export::render_follow_ups(&list, args.format)?;
            (bytes, list.file_stem().to_string())
        }
        (None, None) => bail!("say what to export: --meeting NUMBER or --agency NAME"),
    };
    match (&args.output, args.format.is_binary()) {
        (Some(path), _) if path.as_os_str() == "-" => write_stdout(&bytes),
        (Some(path), _) => write_file(path, &bytes),
        (None, false) => write_stdout(&bytes),
        (None, true) => {
            let path = PathBuf::from(args.format.default_file_name(&stem));
            write_file(&path, &bytes)?;
            let said = ExportMessage::Written { path: &path }.localized(lang);
            writeln!(io::stderr().lock(), "{}", stderr_line(&said, settings))?;
            Ok(())
        }
    }
}

/// `--agency all` (or «همه», however spelled).
fn is_all(name: &str) -> bool {
    let f = fold(name.trim());
    f == "all" || f == fold("همه")
}

/// One letter per agency that leads an open decision, each to its own default file name (in
/// `-o DIR` when given), never overwriting one another: the names carry the agency.
fn every_agency(settings: &Settings, store: &Store, args: &ExportArgs) -> Result<()> {
    let lang = settings.lang;
    if !args.format.is_document() {
        bail!(export::ExportError::NotADocumentFormat(args.format).localized(lang));
    }
    let dir = args.output.clone().unwrap_or_else(|| PathBuf::from("."));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let series = args.series.find(store, lang)?;
    let series = series.as_ref().map(|s| &s.id);
    let today = store.clock().today();
    let organisation = settings
        .config
        .organisation
        .as_deref()
        .filter(|o| !o.is_empty());
    let mut stderr = io::stderr().lock();
    let mut written = std::collections::HashSet::new();
    for agency in store.list_agencies()? {
        let mut list = FollowUpList::load(store, &agency, series, lang, today)?
            .with_letterhead(store, &settings.config.minutes)?;
        if list.rows.is_empty() {
            continue;
        }
        if let Some(o) = organisation {
            list.organisation = o.to_string();
        }
        let mut path = dir.join(args.format.default_file_name(list.file_stem()));
        if !written.insert(path.clone()) {
            // Two agencies with one English name: the id tells them apart.
            let stem = format!("{}-{}", list.file_stem(), agency.id.as_str());
            path = dir.join(args.format.default_file_name(&stem));
            written.insert(path.clone());
        }
        write_file(&path, &export::render_follow_ups(&list, args.format)?)?;
        let said = ExportMessage::Written { path: &path }.localized(lang);
        writeln!(stderr, "{}", stderr_line(&said, settings))?;
    }
    Ok(())
}

fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(())
}

/// Writes beside the target and renames, so a failed export never leaves half a file where a
/// good one was. The file gets the usual permissions (not a temporary file's 0600): minutes
/// are meant to be shared.
fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path
        .file_name()
        .with_context(|| format!("{} is not a file name", path.display()))?;
    let tmp = path.with_file_name(format!(
        ".{}.hamyar-{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| {
            f.write_all(bytes)?;
            f.sync_all()
        })
        .and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("cannot write {}", path.display()));
    }
    Ok(())
}

/// The agency named: an exact name (folded) wins over names that merely contain it.
fn find_agency(store: &Store, name: &str, lang: Lang) -> Result<Agency> {
    let mut found = store.find_agencies(name)?;
    let want = fold(name.trim());
    let exact = found.iter().position(|a| {
        [&a.name, &a.name_en, &a.short_name]
            .iter()
            .any(|n| fold(n) == want)
    });
    if let Some(exact) = exact {
        return Ok(found.swap_remove(exact));
    }
    let names = |list: &[Agency]| list.iter().map(|a| a.name.clone()).collect::<Vec<_>>();
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => {
            let known = names(&store.list_agencies()?);
            bail!(
                CliMessage::NoSuchAgency {
                    name,
                    known: &known
                }
                .localized(lang)
            )
        }
        _ => {
            let found = names(&found);
            bail!(
                ExportMessage::SeveralAgenciesMatch {
                    name,
                    found: &found
                }
                .localized(lang)
            )
        }
    }
}
