//! `hamyar demo`: write the Kerman demo series into an empty database.

use std::sync::Arc;

use anyhow::Result;

use super::output::print_line;
use crate::demo::DemoData;
use crate::domain::FixedClock;
use crate::i18n::{CliMessage, Localized};
use crate::settings::Settings;
use crate::store::Store;

pub fn run(settings: &Settings) -> Result<()> {
    let demo = DemoData::kerman()?;
    // Follow-ups in the demo are dated on the day of its live meeting, whatever --today says.
    let mut store = Store::open(&settings.db, Arc::new(FixedClock(demo.today()?)))?;
    let summary = demo.write_into(&mut store)?;
    let msg = CliMessage::DemoWritten {
        path: &settings.db,
        meetings: summary.meetings,
        decisions: summary.decisions,
    };
    print_line(settings, &msg.localized(settings.lang))?;
    Ok(())
}
