//! `hamyar meeting new [--series S] --date D [--time HH:MM] [--place P]`: the next meeting
//! of a series, as the app's form schedules it (the store refuses it while a meeting of the
//! series is still a draft or in progress).

use anyhow::{Result, bail};
use clap::{Args, Subcommand};

use crate::cli::output::print_line;
use crate::cli::series::SeriesArg;
use crate::domain::{Date, TimeOfDay};
use crate::i18n::{Localized, SetupMessage};
use crate::settings::Settings;
use crate::store::NewMeeting;

#[derive(Debug, Subcommand)]
pub enum MeetingCommand {
    /// Schedule the next meeting of a series, with the open issues and unfinished decisions
    New(NewMeetingArgs),
}

#[derive(Debug, Args)]
pub struct NewMeetingArgs {
    /// Its date, 1405/09/26 or 2026-12-17 (either calendar, any digits)
    #[arg(long, value_name = "DATE", value_parser = Date::parse_user)]
    pub date: Date,
    /// Its start time, 09:30 (any digits)
    #[arg(long, value_name = "HH:MM", value_parser = TimeOfDay::parse)]
    pub time: Option<TimeOfDay>,
    /// Where it is held [default: the series' place]
    #[arg(long)]
    pub place: Option<String>,
    #[command(flatten)]
    pub series: SeriesArg,
}

pub fn run(settings: &Settings, command: &MeetingCommand) -> Result<()> {
    let MeetingCommand::New(args) = command;
    let lang = settings.lang;
    let mut store = settings.open_store()?;
    let series = match args.series.find(&store, lang)? {
        Some(s) => s,
        None => {
            let all = store.list_series()?;
            match all.as_slice() {
                [] => bail!(SetupMessage::NoSeries.localized(lang)),
                [one] => one.clone(),
                several => {
                    let titles: Vec<String> = several.iter().map(|s| s.title.clone()).collect();
                    bail!(SetupMessage::ChooseSeries(&titles).localized(lang))
                }
            }
        }
    };
    let meetings = store.list_meetings(Some(&series.id))?.complete()?;
    let last = meetings.iter().max_by_key(|m| m.number);
    let m = store.create_meeting(&NewMeeting {
        series: series.id.clone(),
        number: None,
        date: args.date,
        start_time: args.time,
        end_time: None,
        place: args
            .place
            .clone()
            .unwrap_or_else(|| series.default_place.clone()),
        chair: last.and_then(|m| m.chair.clone()),
        secretary: last.and_then(|m| m.secretary.clone()),
        next_meeting: None,
    })?;
    let said = SetupMessage::MeetingScheduled(m.number, m.date, &series.title);
    print_line(settings, &said.localized(lang))?;
    Ok(())
}
