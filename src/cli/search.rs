//! `hamyar search QUERY`: the folded full-text search over issues, statements and decisions,
//! as the app's search screen runs it, grouped by kind with each hit's meeting and date.

use std::collections::HashMap;
use std::io::{self, BufWriter, Write};

use anyhow::{Result, bail};
use clap::Args;
use serde::Serialize;

use super::meetings::ListFormat;
use super::output::{Table, print_line, stdout_layout};
use super::series::SeriesArg;
use crate::domain::{Date, Id, Meeting};
use crate::i18n::{CliMessage, Lang, Localized};
use crate::settings::Settings;
use crate::store::{SearchHit, SearchKind, Store};
use crate::text::fold::fold;

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What to look for: every word must match (بانك finds بانک; ۱۲ finds 12)
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    #[command(flatten)]
    pub series: SeriesArg,
}

/// A hit with what the list shows beside it.
struct Found {
    hit: SearchHit,
    meeting: Option<Meeting>,
    /// The decision's number, `2/3`, for a decision.
    number: Option<String>,
}

#[derive(Serialize)]
struct FoundJson<'a> {
    kind: &'static str,
    id: &'a str,
    number: Option<String>,
    meeting: Option<u32>,
    date: Option<String>,
    date_jalali: Option<String>,
    text: &'a str,
}

pub fn run(settings: &Settings, args: &SearchArgs) -> Result<()> {
    let lang = settings.lang;
    let query = args.query.join(" ");
    if fold(&query).chars().filter(|c| c.is_alphanumeric()).count() < 2 {
        bail!(CliMessage::SearchTooShort.localized(lang));
    }
    let store = Store::open_read_only(&settings.db, settings.clock.clone())?;
    let series = args.series.find(&store, lang)?;
    let found = found(&store, &query, series.as_ref().map(|s| &s.id))?;
    if found.is_empty() && args.format == ListFormat::Table {
        print_line(
            settings,
            &CliMessage::NoSearchHits { query: &query }.localized(lang),
        )?;
        return Ok(());
    }
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        ListFormat::Json => {
            let json: Vec<FoundJson> = found.iter().map(json_row).collect();
            crate::json::to_writer_pretty(&mut out, &json)?;
            writeln!(out)?;
        }
        ListFormat::Table => table(lang, &found).write(&mut out, &*stdout_layout(settings))?,
    }
    out.flush()?;
    Ok(())
}

/// The hits of the series (or of all), decisions first, then issues, then statements, each
/// kind in the store's order of relevance.
fn found(store: &Store, query: &str, series: Option<&Id>) -> Result<Vec<Found>> {
    let meetings: HashMap<Id, Meeting> = store
        .list_meetings(series)?
        .rows
        .into_iter()
        .map(|m| (m.id.clone(), m))
        .collect();
    let mut out = Vec::new();
    for hit in store.search(query)? {
        let meeting = hit.meeting.as_ref().and_then(|m| meetings.get(m)).cloned();
        if series.is_some() && meeting.is_none() {
            continue;
        }
        let number = hit.number.map(|n| n.to_string());
        out.push(Found {
            hit,
            meeting,
            number,
        });
    }
    out.sort_by_key(|f| order(f.hit.kind));
    Ok(out)
}

fn order(kind: SearchKind) -> u8 {
    match kind {
        SearchKind::Decision => 0,
        SearchKind::Issue => 1,
        SearchKind::Statement => 2,
    }
}

fn kind_name(lang: Lang, kind: SearchKind) -> &'static str {
    let kinds = lang.strings().cli.search_kinds;
    match kind {
        SearchKind::Issue => kinds[0],
        SearchKind::Statement => kinds[1],
        SearchKind::Decision => kinds[2],
    }
}

fn json_row(f: &Found) -> FoundJson<'_> {
    let date = f.meeting.as_ref().map(|m| m.date);
    FoundJson {
        kind: match f.hit.kind {
            SearchKind::Issue => "issue",
            SearchKind::Statement => "statement",
            SearchKind::Decision => "decision",
        },
        id: f.hit.id.as_str(),
        number: f.number.clone(),
        meeting: f.meeting.as_ref().map(|m| m.number),
        date: date.map(Date::iso),
        date_jalali: date.map(|d| d.jalali().latin()),
        text: &f.hit.text,
    }
}

fn table(lang: Lang, found: &[Found]) -> Table {
    let headers = lang.strings().cli.search_headers;
    Table {
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows: found
            .iter()
            .map(|f| {
                // A decision by its number; anything else by its meeting's.
                let number = match (&f.number, &f.meeting) {
                    (Some(n), _) => lang.digits(n),
                    (None, Some(m)) => lang.number(m.number),
                    (None, None) => String::new(),
                };
                vec![
                    kind_name(lang, f.hit.kind).to_string(),
                    number,
                    f.meeting
                        .as_ref()
                        .map(|m| lang.date(m.date))
                        .unwrap_or_default(),
                    f.hit.text.clone(),
                ]
            })
            .collect(),
        max_col_width: 80,
        flex: Some(3),
        rtl: lang == Lang::Fa,
    }
}
