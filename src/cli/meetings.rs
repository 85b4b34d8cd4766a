//! `hamyar meetings`: every meeting of every series (or of one), as a table or JSON.

use std::io::{self, BufWriter, Write};

use anyhow::Result;
use clap::{Args, ValueEnum};
use serde::Serialize;

use super::errors::readable;
use super::output::{Table, stdout_layout};
use super::series::SeriesArg;
use crate::domain::{Date, Id};
use crate::i18n::Lang;
use crate::settings::Settings;
use crate::store::{MeetingSummary, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct MeetingsArgs {
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    #[command(flatten)]
    pub series: SeriesArg,
}

#[derive(Serialize)]
struct MeetingJson<'a> {
    id: &'a str,
    series: &'a str,
    number: u32,
    date: String,
    date_jalali: String,
    weekday: &'static str,
    start_time: Option<String>,
    end_time: Option<String>,
    place: &'a str,
    status: &'static str,
    next_meeting: Option<String>,
    decisions: u32,
    open_issues: u32,
}

pub fn run(settings: &Settings, args: &MeetingsArgs) -> Result<()> {
    let store = Store::open_read_only(&settings.db, settings.clock.clone())?;
    let series = args.series.find(&store, settings.lang)?;
    let rows = rows(settings, &store, series.as_ref().map(|s| &s.id))?;
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        ListFormat::Json => {
            let json: Vec<MeetingJson> = rows.iter().map(json_row).collect();
            crate::json::to_writer_pretty(&mut out, &json)?;
            writeln!(out)?;
        }
        ListFormat::Table => {
            table(settings.lang, &rows).write(&mut out, &*stdout_layout(settings))?
        }
    }
    out.flush()?;
    Ok(())
}

fn json_row(r: &MeetingSummary) -> MeetingJson<'_> {
    let m = &r.meeting;
    MeetingJson {
        id: m.id.as_str(),
        series: &r.series_title,
        number: m.number,
        date: m.date.iso(),
        date_jalali: m.date.jalali().latin(),
        weekday: m.date.weekday_en(),
        start_time: m.start_time.map(|t| t.to_string()),
        end_time: m.end_time.map(|t| t.to_string()),
        place: &m.place,
        status: m.status.code(),
        next_meeting: m.next_meeting.map(Date::iso),
        decisions: r.decisions,
        open_issues: r.open_issues,
    }
}

/// The meetings with their counts, in one query; damaged meetings are reported on stderr and
/// left out.
pub fn rows(
    settings: &Settings,
    store: &Store,
    series: Option<&Id>,
) -> Result<Vec<MeetingSummary>> {
    Ok(readable(settings.lang, store.meeting_summaries(series)?))
}

/// The meetings as a table in the interface's language.
pub fn table(lang: Lang, rows: &[MeetingSummary]) -> Table {
    let headers = lang.strings().cli.meetings_headers;
    Table {
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows: rows
            .iter()
            .map(|r| {
                let m = &r.meeting;
                vec![
                    lang.number(m.number),
                    lang.date(m.date),
                    lang.weekday(m.date).to_string(),
                    lang.status(m.status).to_string(),
                    lang.number(r.decisions),
                    lang.number(r.open_issues),
                    m.place.clone(),
                ]
            })
            .collect(),
        max_col_width: 40,
        flex: Some(6),
        rtl: lang == Lang::Fa,
    }
}
