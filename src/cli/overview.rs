//! `hamyar` with no command and no terminal (a pipe, a script): the meetings and the open
//! action items, read without changing the file.

use std::io::{self, BufWriter, Write};

use anyhow::Result;

use super::output::stdout_layout;
use crate::i18n::{CliMessage, Localized};
use crate::settings::Settings;
use crate::store::{Store, StoreError};

pub fn run(settings: &Settings) -> Result<()> {
    let lang = settings.lang;
    // The app creates the database on first use; without a terminal nothing is created, and a
    // file not made yet is said like an empty one.
    let store = match Store::open_read_only(&settings.db, settings.clock.clone()) {
        Ok(store) => Some(store),
        Err(StoreError::Missing { .. } | StoreError::Empty { .. }) => None,
        Err(e) => return Err(e.into()),
    };
    let rows = match &store {
        Some(store) => super::meetings::rows(settings, store, None)?,
        None => Vec::new(),
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let layout = stdout_layout(settings);
    let Some(store) = store.filter(|_| !rows.is_empty()) else {
        let hint = CliMessage::NoMeetings { path: &settings.db };
        writeln!(out, "{}", layout.line(&hint.localized(lang)))?;
        out.flush()?;
        return Ok(());
    };
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
