//! `hamyar import FILE.json`: a minutes file from `hamyar export --format json` (of this or
//! another laptop's database) merged into the database, with a report of what changed.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use super::output::stdout_layout;
use crate::export::json;
use crate::i18n::{CliMessage, ExportMessage, Lang, Localized};
use crate::settings::Settings;
use crate::store::{ImportReport, Side};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A minutes file written by `hamyar export --format json`
    #[arg(value_name = "FILE.json")]
    pub file: PathBuf,
}

/// Minutes files are small; a bigger file is not one, and is refused before it is read whole.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

pub fn run(settings: &Settings, args: &ImportArgs) -> Result<()> {
    let (path, lang) = (&args.file, settings.lang);
    let said = |m: CliMessage<'_>| anyhow::anyhow!(m.localized(lang));
    let cannot_read = |error: std::io::Error| {
        said(CliMessage::CannotRead {
            path,
            error: &error,
        })
    };
    let bytes = std::fs::metadata(path).map_err(cannot_read)?.len();
    if bytes > MAX_BYTES {
        return Err(said(CliMessage::TooLarge { path, bytes }));
    }
    let bytes = std::fs::read(path).map_err(cannot_read)?;
    let bundle = json::parse(&bytes).map_err(|e| {
        let why = e.localized(lang);
        said(CliMessage::InFile { path, why: &why })
    })?;
    let mut store = settings.open_store()?;
    let report = store.import_bundle(&bundle)?;
    let layout = stdout_layout(settings);
    let mut out = io::stdout().lock();
    for line in report_lines(&report, settings.lang) {
        writeln!(out, "{}", layout.line(&line))?;
    }
    out.flush()?;
    Ok(())
}

/// The report, in the interface's language: counts, then one line per conflict.
pub fn report_lines(r: &ImportReport, lang: Lang) -> Vec<String> {
    let counts = ExportMessage::Imported {
        added: r.added,
        updated: r.updated,
        unchanged: r.unchanged,
        older: r.older_in_file,
        conflicts: r.conflicts.len(),
    };
    let mut lines = vec![counts.localized(lang)];
    lines.extend(r.conflicts.iter().map(|c| {
        ExportMessage::Conflict {
            entity: c.entity,
            name: &c.name,
            here_at: &c.here_at,
            file_at: &c.file_at,
            kept_file: c.kept == Side::File,
            approved_here: c.approved_here,
        }
        .localized(lang)
    }));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Id;
    use crate::store::Conflict;

    #[test]
    fn a_conflict_says_which_change_was_kept() {
        let r = ImportReport {
            added: 3,
            conflicts: vec![Conflict {
                entity: "decisions",
                name: "2/3".into(),
                id: Id::new(),
                here_at: "2014-05-06T10:00:00Z".into(),
                file_at: "2014-05-07T10:00:00Z".into(),
                kept: Side::File,
                approved_here: false,
            }],
            ..ImportReport::default()
        };
        let fa = report_lines(&r, Lang::Fa);
        assert!(fa[0].contains("۳ رکورد تازه"), "{fa:?}");
        assert!(
            fa[1].contains("مصوبهٔ «\u{2068}۲/۳\u{2069}»") && fa[1].contains("تازه‌تر پرونده"),
            "{fa:?}"
        );
        // The moments in the Solar Hijri calendar, not as the log keeps them.
        assert!(fa[1].contains("۱۳۹۳/۰۲/"), "{fa:?}");
        assert!(!fa[1].contains("2014"), "{fa:?}");
        let en = report_lines(&r, Lang::En);
        assert!(
            en[1].contains("decision «\u{2068}2/3\u{2069}»")
                && en[1].contains("file's newer change"),
            "{en:?}"
        );
    }
}
