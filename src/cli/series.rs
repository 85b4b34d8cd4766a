//! Choosing a series (`--series`) and a meeting by its number within it.

use anyhow::{Result, bail};
use clap::Args;

use crate::domain::{Decision, DecisionNumber, Meeting, Series};
use crate::i18n::{CliMessage, Lang, Localized};
use crate::store::Store;
use crate::text::fold::fold;

/// `--series`, for commands that take a meeting number when a database holds several series.
#[derive(Debug, Clone, Args)]
pub struct SeriesArg {
    /// The series (part of its title) when the database holds several
    #[arg(long, value_name = "TITLE")]
    pub series: Option<String>,
}

impl SeriesArg {
    /// The series named by `--series`, or `None` when it was not given.
    pub fn find(&self, store: &Store, lang: Lang) -> Result<Option<Series>> {
        let Some(name) = self.series.as_deref() else {
            return Ok(None);
        };
        let all = store.list_series()?;
        let wanted = fold(name.trim());
        let exact: Vec<&Series> = all.iter().filter(|s| fold(&s.title) == wanted).collect();
        let found: Vec<&Series> = if exact.len() == 1 {
            exact
        } else {
            all.iter()
                .filter(|s| !wanted.is_empty() && fold(&s.title).contains(&wanted))
                .collect()
        };
        match found.as_slice() {
            [one] => Ok(Some((*one).clone())),
            [] => {
                let known: Vec<String> = all.iter().map(|s| s.title.clone()).collect();
                bail!(
                    CliMessage::NoSuchSeries {
                        name,
                        known: &known
                    }
                    .localized(lang)
                )
            }
            several => {
                let found: Vec<String> = several.iter().map(|s| s.title.clone()).collect();
                bail!(
                    CliMessage::SeveralSeriesMatch {
                        name,
                        found: &found
                    }
                    .localized(lang)
                )
            }
        }
    }

    /// Meeting `number` of the chosen series; without `--series`, the number must pick
    /// exactly one meeting among all series.
    pub fn meeting(&self, store: &Store, number: u32, lang: Lang) -> Result<Meeting> {
        let series = self.find(store, lang)?;
        let all = store.list_meetings(series.as_ref().map(|s| &s.id))?;
        let mut found: Vec<Meeting> = all
            .rows
            .into_iter()
            .filter(|m| m.number == number)
            .collect();
        match found.len() {
            0 => bail!(CliMessage::NoSuchMeeting { number }.localized(lang)),
            1 => Ok(found.remove(0)),
            _ => {
                let titles: Vec<String> = store
                    .list_series()?
                    .into_iter()
                    .filter(|s| found.iter().any(|m| m.series == s.id))
                    .map(|s| s.title)
                    .collect();
                bail!(
                    CliMessage::SeveralSeriesHaveMeeting {
                        number,
                        series: &titles
                    }
                    .localized(lang)
                )
            }
        }
    }

    /// The decision numbered as typed (`2/3`, `۲/۳`), in the chosen series.
    pub fn decision(&self, store: &Store, typed: &str, lang: Lang) -> Result<Decision> {
        let Some(number) = DecisionNumber::parse(typed) else {
            bail!(CliMessage::BadDecisionNumber { value: typed }.localized(lang));
        };
        // No such meeting, or several series with one: said as such.
        let meeting = self.meeting(store, number.meeting, lang)?;
        match store
            .list_decisions(&meeting.id)?
            .into_iter()
            .find(|d| d.number == number)
        {
            Some(d) => Ok(d),
            None => bail!(CliMessage::NoSuchDecision { number }.localized(lang)),
        }
    }
}
