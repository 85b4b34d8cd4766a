//! `hamyar meetings`: every meeting of every series (or of one), as a table or JSON.

use std::io::{self, BufWriter, Write};

use anyhow::Result;
use clap::{Args, ValueEnum};
use serde::Serialize;

use super::output::{Table, stdout_layout};
use super::series::SeriesArg;
use crate::domain::{Date, Meeting};
use crate::i18n::Lang;
use crate::settings::Settings;
use crate::store::Store;

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

/// A meeting with what the list shows beside it.
pub struct MeetingRow {
    pub meeting: Meeting,
    pub series_title: String,
    pub decisions: usize,
    pub open_issues: usize,
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
    decisions: usize,
    open_issues: usize,
}

pub fn run(settings: &Settings, args: &MeetingsArgs) -> Result<()> {
    let store = Store::open_existing(&settings.db, settings.clock.clone())?;
    let series = args.series.find(&store, settings.lang)?;
    let rows = rows(&store, series.as_ref().map(|s| &s.id))?;
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

fn json_row(r: &MeetingRow) -> MeetingJson<'_> {
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

/// The meetings with their counts.
pub fn rows(store: &Store, series: Option<&crate::domain::Id>) -> Result<Vec<MeetingRow>> {
    let all_series = store.list_series()?;
    let mut rows = Vec::new();
    for m in store.list_meetings(series)? {
        let s = all_series.iter().find(|s| s.id == m.series);
        let issues = match s {
            Some(s) => store.list_issues(&s.id, None)?,
            None => Vec::new(),
        };
        let agenda = store.agenda(&m.id)?;
        let open_issues = issues
            .iter()
            .filter(|i| i.status.is_open())
            .filter(|i| i.raised_in.as_ref() == Some(&m.id) || agenda.iter().any(|a| a.id == i.id))
            .count();
        rows.push(MeetingRow {
            series_title: s.map(|s| s.title.clone()).unwrap_or_default(),
            decisions: store.list_decisions(&m.id)?.len(),
            open_issues,
            meeting: m,
        });
    }
    Ok(rows)
}

/// The meetings as a table in the interface's language.
pub fn table(lang: Lang, rows: &[MeetingRow]) -> Table {
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
