//! `hamyar series new --title T --organisation O [--place P] [--quorum N] [--interval DAYS]
//! [--member AGENCY]…` and `hamyar series list [--format table|json]`.

use std::io::{self, BufWriter, Write};

use anyhow::{Result, bail};
use clap::{Args, Subcommand};
use serde::Serialize;

use super::ListFormat;
use crate::cli::number::number;
use crate::cli::output::{Table, print_line, stdout_layout};
use crate::domain::{Agency, Id, Series, name_key};
use crate::i18n::{Lang, Localized, SetupMessage};
use crate::settings::Settings;
use crate::store::Store;

#[derive(Debug, Subcommand)]
pub enum SeriesCommand {
    /// Create a series of meetings
    New(NewSeriesArgs),
    /// List the series
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
}

#[derive(Debug, Args)]
pub struct NewSeriesArgs {
    #[arg(long)]
    pub title: String,
    #[arg(long, default_value = "")]
    pub organisation: String,
    /// Where its meetings are usually held
    #[arg(long, default_value = "")]
    pub place: String,
    /// How many member agencies must be represented (any digits; 0: no rule)
    #[arg(long, value_name = "N", default_value = "0", value_parser = number::<0, 1000>)]
    pub quorum: u32,
    /// The usual days between meetings, to propose the next one's date (any digits)
    #[arg(long, value_name = "DAYS", default_value = "0", value_parser = number::<0, 3650>)]
    pub interval: u32,
    /// A member agency (repeat the flag); found however it is spelled, added if new
    #[arg(long = "member", value_name = "AGENCY")]
    pub members: Vec<String>,
}

pub fn run(settings: &Settings, command: &SeriesCommand) -> Result<()> {
    match command {
        SeriesCommand::New(args) => new(settings, args),
        SeriesCommand::List { format } => list(settings, *format),
    }
}

fn new(settings: &Settings, args: &NewSeriesArgs) -> Result<()> {
    let lang = settings.lang;
    if name_key(&args.title).is_empty() {
        bail!(SetupMessage::TitleRequired.localized(lang));
    }
    let mut store = settings.open_store()?;
    let known = store.list_agencies()?;
    // Agencies new to the directory and the series are written in one go: a refused series
    // leaves no agency behind.
    let (members, added) = members(&known, &args.members);
    let series = Series {
        id: Id::new(),
        title: args.title.trim().to_string(),
        organisation: args.organisation.trim().to_string(),
        default_place: args.place.trim().to_string(),
        member_agencies: members,
        quorum: args.quorum,
        interval_days: args.interval,
        archived: false,
    };
    store.create_series_with_agencies(&series, &added)?;
    for a in &added {
        print_line(
            settings,
            &SetupMessage::AgencyAdded(&a.name).localized(lang),
        )?;
    }
    print_line(
        settings,
        &SetupMessage::SeriesCreated(&series.title).localized(lang),
    )?;
    Ok(())
}

/// The member agencies named, found by name however spelled; those not found are new.
fn members(known: &[Agency], names: &[String]) -> (Vec<Id>, Vec<Agency>) {
    let mut ids = Vec::new();
    let mut added: Vec<Agency> = Vec::new();
    for name in names.iter().filter(|n| !name_key(n).is_empty()) {
        let key = name_key(name);
        let found = known
            .iter()
            .chain(&added)
            .find(|a| name_key(&a.name) == key || name_key(&a.short_name) == key);
        let id = match found {
            Some(a) => a.id.clone(),
            None => {
                let a = Agency {
                    id: Id::new(),
                    name: name.trim().to_string(),
                    name_en: String::new(),
                    short_name: String::new(),
                    active: true,
                };
                let id = a.id.clone();
                added.push(a);
                id
            }
        };
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    (ids, added)
}

#[derive(Serialize)]
struct SeriesJson<'a> {
    id: &'a str,
    title: &'a str,
    organisation: &'a str,
    place: &'a str,
    interval_days: u32,
    quorum: u32,
    member_agencies: Vec<&'a str>,
    archived: bool,
}

fn list(settings: &Settings, format: ListFormat) -> Result<()> {
    let lang = settings.lang;
    let store = Store::open_read_only(&settings.db, settings.clock.clone())?;
    let all = store.list_series()?;
    let agencies = store.list_agencies()?;
    let name = |id: &Id| {
        agencies
            .iter()
            .find(|a| &a.id == id)
            .map_or("", |a| a.name.as_str())
    };
    let mut out = BufWriter::new(io::stdout().lock());
    match format {
        ListFormat::Json => {
            let json: Vec<SeriesJson> = all
                .iter()
                .map(|s| SeriesJson {
                    id: s.id.as_str(),
                    title: &s.title,
                    organisation: &s.organisation,
                    place: &s.default_place,
                    interval_days: s.interval_days,
                    quorum: s.quorum,
                    member_agencies: s.member_agencies.iter().map(name).collect(),
                    archived: s.archived,
                })
                .collect();
            crate::json::to_writer_pretty(&mut out, &json)?;
            writeln!(out)?;
        }
        ListFormat::Table => {
            let rows = all
                .iter()
                .map(|s| {
                    vec![
                        s.title.clone(),
                        s.organisation.clone(),
                        lang.number(s.interval_days),
                        SetupMessage::QuorumOf(s.quorum, s.member_agencies.len()).localized(lang),
                        if s.archived {
                            lang.strings().tui.inactive_mark.to_string()
                        } else {
                            String::new()
                        },
                    ]
                })
                .collect();
            let table = Table {
                headers: series_headers(lang),
                rows,
                max_col_width: 40,
                flex: Some(0),
                rtl: lang == Lang::Fa,
            };
            table.write(&mut out, &*stdout_layout(settings))?;
        }
    }
    out.flush()?;
    Ok(())
}

fn series_headers(lang: Lang) -> Vec<String> {
    let h: [&str; 5] = match lang {
        Lang::Fa => ["سلسله نشست", "سازمان", "فاصله (روز)", "حد نصاب", "بایگانی"],
        Lang::En => [
            "Series",
            "Organisation",
            "Interval (days)",
            "Quorum",
            "Archived",
        ],
    };
    h.iter().map(|s| s.to_string()).collect()
}
