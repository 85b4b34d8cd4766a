//! `hamyar export`: the minutes of one meeting, or the follow-up list of one agency, in a
//! format; to `-o FILE` (replaced if it exists), to stdout (text formats) or to a readable file
//! name in the current folder that no file has yet (DOCX and PDF). What is written, and how,
//! is `export_file`'s, shared with the app.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::Args;

use super::number::number;
use super::output::stderr_line;
use super::series::SeriesArg;
use crate::domain::Agency;
use crate::export::{self, Format};
use crate::export_file::{self, ExportSettings, Replace};
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
    let exports = ExportSettings::from_config(&settings.config);
    let (bytes, stem) = match (args.meeting, &args.agency) {
        (Some(number), _) => {
            let meeting = args.series.meeting(&store, number, lang)?;
            let minutes = exports.minutes(&store, &meeting.id, lang)?;
            (export::render(&minutes, args.format)?, minutes.file_stem())
        }
        (None, Some(name)) if is_all(name) => return every_agency(settings, &store, args),
        (None, Some(name)) => {
            let series = args.series.find(&store, lang)?;
            let agency = find_agency(&store, name, lang)?;
            let today = store.clock().today();
            let series = series.as_ref().map(|s| &s.id);
            let list = exports.follow_ups(&store, &agency, series, lang, today)?;
            let bytes = export::render_follow_ups(&list, args.format)?;
            (bytes, list.file_stem().to_string())
        }
        (None, None) => bail!("say what to export: --meeting NUMBER or --agency NAME"),
    };
    match (&args.output, args.format.is_binary()) {
        (Some(path), _) if path.as_os_str() == "-" => write_stdout(&bytes),
        // Named on the command line: replaced if it exists, atomically.
        (Some(path), _) => export_file::write(path, &bytes, Replace::Allowed)
            .with_context(|| format!("cannot write {}", path.display())),
        (None, false) => write_stdout(&bytes),
        (None, true) => {
            let path = export_file::write_new(exports.folder(), args.format, &stem, &bytes)
                .with_context(|| {
                    format!("cannot write {}", args.format.default_file_name(&stem))
                })?;
            let path = path
                .strip_prefix(".")
                .map(Path::to_path_buf)
                .unwrap_or(path);
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
/// `-o DIR` when given): the names carry the agency, and one already there is never replaced.
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
    let exports = ExportSettings::from_config(&settings.config);
    let mut stderr = io::stderr().lock();
    for agency in store.list_agencies()? {
        let list = exports.follow_ups(store, &agency, series, lang, today)?;
        if list.rows.is_empty() {
            continue;
        }
        // Two agencies with one English name get `-2`, as a second run on the same day does.
        let bytes = export::render_follow_ups(&list, args.format)?;
        let path = export_file::write_new(&dir, args.format, list.file_stem(), &bytes)
            .with_context(|| format!("cannot write into {}", dir.display()))?;
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
