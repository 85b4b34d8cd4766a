//! `hamyar actions`: the decisions to follow up, filtered, as a table, CSV or JSON.

use std::collections::HashMap;
use std::io::{self, BufWriter, Write};

use anyhow::{Result, bail};
use clap::{Args, ValueEnum};
use serde::Serialize;

use super::errors::readable;
use super::number::number;
use super::output::{Table, stdout_layout};
use super::series::SeriesArg;
use crate::domain::{Agency, Date, DecisionFilter, DecisionStatus, Id};
use crate::export::csv::{self, Cell};
use crate::i18n::{CliMessage, Lang, Localized};
use crate::settings::Settings;
use crate::store::{ActionFilter, ActionItem, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ActionsFormat {
    Table,
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub struct ActionsArgs {
    /// Only decisions this agency leads (name, English name or short name; ي/ك and ی/ک alike)
    #[arg(long, value_name = "NAME")]
    pub agency: Option<String>,
    /// Only decisions in this status: pending, in_progress, done, cancelled
    #[arg(long, value_name = "S", value_parser = DecisionStatus::parse)]
    pub status: Option<DecisionStatus>,
    /// Only decisions on issues of this category
    #[arg(long, value_name = "C")]
    pub category: Option<String>,
    /// Only decisions made in this meeting (its number)
    #[arg(long, value_name = "N", value_parser = number::<1, 1_000_000>)]
    pub meeting: Option<u32>,
    #[command(flatten)]
    pub series: SeriesArg,
    /// Only decisions past their deadline and not done
    #[arg(long)]
    pub overdue: bool,
    #[arg(long, value_enum, default_value_t = ActionsFormat::Table)]
    pub format: ActionsFormat,
}

pub fn run(settings: &Settings, args: &ActionsArgs) -> Result<()> {
    let store = Store::open_read_only(&settings.db, settings.clock.clone())?;
    let filter = filter(&store, args, settings.lang)?;
    let items = readable(settings.lang, store.actions(&filter)?);
    let agencies = AgencyNames::load(&store)?;
    let lang = settings.lang;
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        ActionsFormat::Json => {
            let json: Vec<ActionJson> = items
                .iter()
                .map(|a| ActionJson::new(a, &agencies))
                .collect();
            crate::json::to_writer_pretty(&mut out, &json)?;
            writeln!(out)?;
        }
        ActionsFormat::Csv => {
            let rows: Vec<Vec<String>> =
                items.iter().map(|a| csv_row(a, &agencies, lang)).collect();
            // The first column is the decision number, which must stay text.
            let cells: Vec<Vec<Cell<'_>>> = rows
                .iter()
                .map(|r| {
                    r.iter()
                        .enumerate()
                        .map(|(i, c)| if i == 0 { Cell::Code(c) } else { Cell::Text(c) })
                        .collect()
                })
                .collect();
            csv::write(&mut out, &lang.strings().cli.actions_csv_headers, &cells)?;
        }
        ActionsFormat::Table => {
            table(lang, &items, &agencies).write(&mut out, &*stdout_layout(settings))?
        }
    }
    out.flush()?;
    Ok(())
}

/// Turns the command-line filters into the store's, refusing names that match nothing so a
/// typo does not look like "no action items".
fn filter(store: &Store, args: &ActionsArgs, lang: Lang) -> Result<ActionFilter> {
    if let Some(name) = &args.agency
        && store.find_agencies(name)?.is_empty()
    {
        let known: Vec<String> = store.list_agencies()?.into_iter().map(|a| a.name).collect();
        bail!(
            CliMessage::NoSuchAgency {
                name,
                known: &known
            }
            .localized(lang)
        );
    }
    if let Some(name) = &args.category
        && store.find_categories(name)?.is_empty()
    {
        let known: Vec<String> = store
            .list_categories()?
            .into_iter()
            .map(|c| c.name)
            .collect();
        bail!(
            CliMessage::NoSuchCategory {
                name,
                known: &known
            }
            .localized(lang)
        );
    }
    let series = args.series.find(store, lang)?;
    let meeting = match args.meeting {
        None => None,
        Some(n) => Some(args.series.meeting(store, n, lang)?.id),
    };
    Ok(ActionFilter {
        decisions: DecisionFilter {
            agency: args.agency.clone(),
            status: args.status,
            category: args.category.clone(),
            overdue: args.overdue,
            ..DecisionFilter::default()
        },
        today: Some(store.clock().today()),
        meeting,
        series: series.map(|s| s.id),
    })
}

#[derive(Serialize)]
struct ActionJson<'a> {
    id: &'a str,
    number: String,
    meeting: u32,
    meeting_date: String,
    text: &'a str,
    lead_agency: &'a str,
    lead_agency_en: String,
    supporting_agencies: &'a [String],
    category: Option<&'a str>,
    issue: Option<&'a str>,
    due: Option<String>,
    due_jalali: Option<String>,
    status: &'static str,
    overdue: bool,
}

impl<'a> ActionJson<'a> {
    fn new(a: &'a ActionItem, agencies: &AgencyNames) -> Self {
        let d = &a.decision;
        ActionJson {
            id: d.id.as_str(),
            number: d.number.to_string(),
            meeting: d.number.meeting,
            meeting_date: a.meeting_date.iso(),
            text: &d.text,
            lead_agency: &a.lead_agency,
            lead_agency_en: agencies.name(Lang::En, &d.lead_agency),
            supporting_agencies: &a.supporting_agencies,
            category: a.category.as_deref(),
            issue: a.issue_title.as_deref(),
            due: d.due.map(Date::iso),
            due_jalali: d.due.map(|x| x.jalali().latin()),
            status: d.status.code(),
            overdue: a.overdue,
        }
    }
}

fn csv_row(a: &ActionItem, agencies: &AgencyNames, lang: Lang) -> Vec<String> {
    let d = &a.decision;
    vec![
        d.number.to_string(),
        d.text.clone(),
        agencies.name(lang, &d.lead_agency),
        agencies.names(lang, &d.supporting_agencies),
        // Latin digits in CSV, whichever calendar: spreadsheets read them as numbers.
        d.due
            .map(|x| match lang {
                Lang::Fa => x.jalali().latin(),
                Lang::En => x.iso(),
            })
            .unwrap_or_default(),
        d.status.code().to_string(),
        a.category.clone().unwrap_or_default(),
        if a.overdue { "1" } else { "0" }.to_string(),
    ]
}

/// The decisions as a table in the interface's language.
fn table(lang: Lang, items: &[ActionItem], agencies: &AgencyNames) -> Table {
    let strings = lang.strings().cli;
    Table {
        headers: strings
            .actions_headers
            .iter()
            .map(|h| h.to_string())
            .collect(),
        rows: items
            .iter()
            .map(|a| {
                let d = &a.decision;
                let mut status = lang.status(d.status).to_string();
                if a.overdue {
                    status = format!("{status} {}", strings.overdue_mark);
                }
                vec![
                    lang.decision_number(d.number),
                    d.text.clone(),
                    agencies.name(lang, &d.lead_agency),
                    d.due.map(|x| lang.date(x)).unwrap_or_default(),
                    status,
                ]
            })
            .collect(),
        max_col_width: 48,
        flex: Some(1),
        rtl: lang == Lang::Fa,
    }
}

/// Agency names in the interface's language: the English UI shows an agency's English name
/// when it has one.
pub struct AgencyNames(HashMap<Id, Agency>);

impl AgencyNames {
    pub fn load(store: &Store) -> Result<Self> {
        Ok(AgencyNames(
            store
                .list_agencies()?
                .into_iter()
                .map(|a| (a.id.clone(), a))
                .collect(),
        ))
    }

    pub fn name(&self, lang: Lang, id: &Id) -> String {
        match self.0.get(id) {
            Some(a) if lang == Lang::En && !a.name_en.is_empty() => a.name_en.clone(),
            Some(a) => a.name.clone(),
            None => String::new(),
        }
    }

    fn names(&self, lang: Lang, ids: &[Id]) -> String {
        ids.iter()
            .map(|id| self.name(lang, id))
            .collect::<Vec<_>>()
            .join(lang.list_separator())
    }
}

/// The open action items as a table, for the overview.
pub fn open_items_table(store: &Store, lang: Lang) -> Result<Table> {
    let items: Vec<ActionItem> = store
        .actions(&ActionFilter {
            today: Some(store.clock().today()),
            ..ActionFilter::default()
        })?
        .complete()?
        .into_iter()
        .filter(|a| a.decision.status.is_active())
        .collect();
    Ok(table(lang, &items, &AgencyNames::load(store)?))
}
