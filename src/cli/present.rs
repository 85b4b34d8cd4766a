//! `hamyar present`: the room display on a second terminal (a projector), read only.

use anyhow::Result;
use clap::Args;

use super::number::number;
use super::series::SeriesArg;
use crate::i18n::Localized;
use crate::settings::Settings;
use crate::tui::present::run_display;
use crate::tui::terminal::{TerminalGuard, TerminalOptions, ratatui_terminal};
use crate::tui::theme::Theme;

#[derive(Debug, Args)]
pub struct PresentArgs {
    /// The meeting to show (its number) [default: the one in progress, or dated today, or the last]
    #[arg(long, value_name = "N", value_parser = number::<1, 1_000_000>)]
    pub meeting: Option<u32>,
    #[command(flatten)]
    pub series: SeriesArg,
}

pub fn run(settings: &Settings, args: &PresentArgs) -> Result<()> {
    let store = settings.open_existing_store()?;
    let lang = settings.lang;
    let meeting = match args.meeting {
        Some(n) => args.series.meeting(&store, n, lang)?,
        None => {
            let series = args.series.find(&store, lang)?;
            let all = store.list_meetings(series.as_ref().map(|s| &s.id))?.rows;
            let today = settings.clock.today();
            let live = crate::domain::live_meeting(&all, today)
                .or(all.last())
                .cloned();
            live.ok_or_else(|| {
                anyhow::anyhow!(crate::i18n::Localized::localized(
                    &crate::i18n::CliMessage::NoMeetings { path: &settings.db },
                    lang
                ))
            })?
        }
    };
    crate::tui::view::widgets::set_bidi(settings.bidi);
    let guard = TerminalGuard::enter(&TerminalOptions::new(settings.bidi)).map_err(|e| {
        tracing::debug!(error = %e, "no terminal for the room display");
        anyhow::anyhow!(crate::i18n::CliMessage::NeedsTerminal.localized(lang))
    })?;
    let mut events = guard.events();
    let mut terminal = ratatui_terminal()?;
    let result = run_display(
        &mut terminal,
        &mut events,
        &store,
        &meeting.id,
        lang,
        &Theme::from_env(),
    );
    drop(guard);
    result
}
