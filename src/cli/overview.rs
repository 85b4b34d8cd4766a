//! `hamyar` with no command, until the interactive app lands: the meetings and the open
//! action items.

use std::io::{self, BufWriter, Write};

use anyhow::Result;

use super::output::stdout_layout;
use crate::i18n::{CliMessage, Localized};
use crate::settings::Settings;
use crate::store::Store;

pub fn run(settings: &Settings) -> Result<()> {
    let lang = settings.lang;
    // The app creates the database on first use; only the list commands insist on one.
    let store = Store::open(&settings.db, settings.clock.clone())?;
    let rows = super::meetings::rows(settings, &store, None)?;
    let mut out = BufWriter::new(io::stdout().lock());
    let layout = stdout_layout(settings);
    if rows.is_empty() {
        let hint = CliMessage::NoMeetings { path: &settings.db };
        writeln!(out, "{}", layout.line(&hint.localized(lang)))?;
        out.flush()?;
        return Ok(());
    }
    if let Some(demo) = &settings.demo {
        let today = demo.today;
        let line = match rows.iter().find(|r| r.meeting.date == today) {
            Some(r) => CliMessage::DemoLive {
                today,
                meeting: r.meeting.number,
            },
            None => CliMessage::DemoToday { today },
        };
        writeln!(out, "{}", layout.line(&line.localized(lang)))?;
        writeln!(out)?;
    }
    if let Some(r) = rows.first() {
        writeln!(out, "{}", layout.line(&r.series_title))?;
    }
    super::meetings::table(lang, &rows).write(&mut out, &*layout)?;
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        layout.line(lang.strings().cli.open_actions_heading)
    )?;
    super::actions::open_items_table(&store, lang)?.write(&mut out, &*layout)?;
    out.flush()?;
    Ok(())
}
