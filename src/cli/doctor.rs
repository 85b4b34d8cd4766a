//! `hamyar doctor`: is the database sound, and is the terminal set up for right-to-left text?

use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;

use anyhow::{Result, bail};

use super::output::{CellLayout, LaidOut, stdout_layout};
use crate::domain::Clock;
use crate::i18n::{DoctorLine, Lang, Localized};
use crate::settings::Settings;
use crate::store::{SCHEMA_VERSION, Store, StoreError};

pub fn run(settings: &Settings) -> Result<()> {
    let db = &settings.db;
    let lang = settings.lang;
    let clock = settings.clock.clone();
    let layout = &*stdout_layout(settings);
    let mut stdout = io::stdout().lock();
    let mut out = LaidOut {
        out: &mut stdout,
        layout,
    };
    let say =
        |out: &mut LaidOut<'_>, line: DoctorLine<'_>| writeln!(out, "{}", line.localized(lang));
    say(&mut out, DoctorLine::Database(db))?;
    // A file that cannot be opened or read is reported like any other finding, so the
    // terminal part below still runs.
    let healthy = match check(&mut out, db, clock, lang) {
        Ok(ok) => ok,
        Err(e) if matches!(e.downcast_ref(), Some(StoreError::Missing { .. })) => {
            say(&mut out, DoctorLine::NotCreated)?;
            true
        }
        Err(e) => {
            let why = super::errors::sentence(&e, lang);
            say(&mut out, DoctorLine::Problem(&why))?;
            false
        }
    };
    backup_report(&mut out, settings)?;
    writeln!(out)?;
    terminal_report(&mut stdout, layout, lang)?;
    if !healthy {
        bail!(DoctorLine::NotSound(db).localized(lang));
    }
    Ok(())
}

/// Integrity, schema version and counts; whether the file is sound. The file is opened for
/// reading only, so a check never changes it (nor migrates it).
fn check(out: &mut LaidOut<'_>, db: &Path, clock: Arc<dyn Clock>, lang: Lang) -> Result<bool> {
    let say =
        |out: &mut LaidOut<'_>, line: DoctorLine<'_>| writeln!(out, "{}", line.localized(lang));
    let store = Store::open_read_only(db, clock)?;
    let problems = store.integrity_check()?;
    let ok = problems.is_empty();
    if ok {
        say(out, DoctorLine::IntegrityOk)?;
    } else {
        say(out, DoctorLine::IntegrityDamaged)?;
        // SQLite's own findings, as it words them: for whoever repairs the file.
        for p in problems.iter().take(20) {
            writeln!(out, "    {p}")?;
        }
        say(out, DoctorLine::RestoreAdvice)?;
    }
    let found = store.schema_version()?;
    say(
        out,
        DoctorLine::Schema {
            found,
            writes: SCHEMA_VERSION,
        },
    )?;
    match store.counts() {
        Ok(counts) => {
            for (table, n) in counts {
                say(out, DoctorLine::Count { table, n })?;
            }
        }
        Err(e @ StoreError::Corrupt { .. }) => {
            let why = e.localized(lang);
            say(out, DoctorLine::CountsUnreadable(&why))?;
        }
        Err(e) => return Err(e.into()),
    }
    Ok(ok)
}

/// When the newest backup was written, and where; or that there is none yet.
fn backup_report(out: &mut LaidOut<'_>, settings: &Settings) -> io::Result<()> {
    let lang = settings.lang;
    let dir = &settings.backup.dir;
    let line = match crate::backup::latest(dir) {
        Some(found) => {
            let made = jiff::Timestamp::try_from(found.made)
                .map(|t| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
                .unwrap_or_default();
            DoctorLine::LastBackup {
                made: &made,
                path: &found.path,
            }
            .localized(lang)
        }
        None => DoctorLine::NoBackup(dir).localized(lang),
    };
    writeln!(out, "{line}")
}

/// The terminal part of `doctor`: which terminal this is and what to set for right-to-left text.
fn terminal_report(out: &mut dyn Write, layout: &dyn CellLayout, lang: Lang) -> io::Result<()> {
    let mut out = LaidOut { out, layout };
    let out = &mut out;
    let say =
        |out: &mut LaidOut<'_>, line: DoctorLine<'_>| writeln!(out, "{}", line.localized(lang));
    let report = crate::text::detect_terminal_from_env();
    say(out, DoctorLine::Terminal(&report))?;
    say(out, DoctorLine::Bidi(report.bidi))?;
    if report.tmux {
        let setting = tmux_passthrough_setting();
        say(out, DoctorLine::TmuxPassthrough(setting.as_deref()))?;
    }
    say(out, DoctorLine::Recommended(&report))?;
    if !report.advice.is_empty() {
        say(out, DoctorLine::Advice(&report))?;
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
