//! `hamyar follow-up NUMBER --status S [--note TEXT] [--date D]`: a decision's follow-up from a
//! script, as the action review records it: the new status, a note, the day (today unless
//! given), and the meeting in progress of its series if there is one (the store's one rule).

use anyhow::Result;
use clap::Args;

use super::output::print_line;
use super::series::SeriesArg;
use crate::domain::{Date, DecisionStatus};
use crate::i18n::{CliMessage, Localized};
use crate::settings::Settings;

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
    let mut store = settings.open_existing_store()?;
    let decision = args.series.decision(&store, &args.number, lang)?;
    let to = args.status;
    // Between the decision's meeting and today; the store refuses any other day. The store
    // also chooses the meeting it belongs to (the one in progress of the decision's series).
    let day = args.date.unwrap_or_else(|| settings.clock.today());
    store.record_follow_up_on(&decision.id, to, &args.note, day)?;
    let done = CliMessage::FollowUpRecorded {
        number: decision.number,
        from: decision.status,
        to,
    };
    print_line(settings, &done.localized(lang))?;
    Ok(())
}
