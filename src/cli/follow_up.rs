//! `hamyar follow-up NUMBER --status S [--note TEXT] [--date D]`: a decision's follow-up from a
//! script, as the action review records it: the new status, a note, the day (today unless
//! given), and the meeting in progress if there is one.

use anyhow::Result;
use clap::Args;

use super::output::print_line;
use super::series::SeriesArg;
use crate::domain::{Date, DecisionStatus, MeetingStatus};
use crate::i18n::{CliMessage, Localized};
use crate::settings::Settings;
use crate::store::Store;

#[derive(Debug, Args)]
pub struct FollowUpArgs {
    /// The decision: meeting/item, e.g. 2/3 or ۲/۳
    #[arg(value_name = "NUMBER")]
    pub number: String,
    /// Its new status: pending, in_progress, done, cancelled (or the Persian label)
    #[arg(long, value_name = "S", value_parser = DecisionStatus::parse)]
    pub status: DecisionStatus,
    /// What was reported (a letter's number, what is still missing…)
    #[arg(long, default_value = "")]
    pub note: String,
    /// The day it was reported, 1393/03/01 or 2014-05-22 [default: today]
    #[arg(long, value_name = "DATE", value_parser = Date::parse_user)]
    pub date: Option<Date>,
    #[command(flatten)]
    pub series: SeriesArg,
}

pub fn run(settings: &Settings, args: &FollowUpArgs) -> Result<()> {
    let lang = settings.lang;
    let mut store = Store::open_existing(&settings.db, settings.clock.clone())?;
    let decision = args.series.decision(&store, &args.number, lang)?;
    // Between meetings a follow-up belongs to no meeting; during one, to the meeting running.
    let meeting = store
        .get_meeting(&decision.meeting)
        .map(|m| m.series)
        .and_then(|series| store.list_meetings(Some(&series)))?
        .rows
        .into_iter()
        .rfind(|m| m.status == MeetingStatus::InProgress);
    let to = args.status;
    // Between the decision's meeting and today; the store refuses any other day.
    let day = args.date.unwrap_or_else(|| settings.clock.today());
    store.record_follow_up_on(
        &decision.id,
        meeting.as_ref().map(|m| &m.id),
        to,
        &args.note,
        day,
    )?;
    let done = CliMessage::FollowUpRecorded {
        number: decision.number,
        from: decision.status,
        to,
    };
    print_line(settings, &done.localized(lang))?;
    Ok(())
}
