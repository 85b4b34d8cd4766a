//! `hamyar history NUMBER`: a decision's change history from the audit log, field by field, with
//! its follow-ups and the amendments of its approved meeting, as the app's history shows it.

use std::collections::HashMap;
use std::io::{self, BufWriter, Write};

use anyhow::Result;
use clap::Args;
use serde::Serialize;
use serde_json::Value as Json;

use super::meetings::ListFormat;
use super::output::{LaidOut, stdout_layout};
use super::series::SeriesArg;
use crate::domain::{Decision, Id, MeetingStatus};
use crate::history::{HistoryView, Names};
use crate::i18n::Lang;
use crate::settings::Settings;
use crate::store::{Change, Store};

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The decision: meeting/item, e.g. 2/3 or ۲/۳
    #[arg(value_name = "NUMBER")]
    pub number: String,
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    #[command(flatten)]
    pub series: SeriesArg,
}

#[derive(Serialize)]
struct HistoryJson<'a> {
    decision: String,
    text: &'a str,
    changes: Vec<ChangeJson<'a>>,
    follow_ups: Vec<FollowUpJson<'a>>,
    amendments: Vec<AmendmentJson<'a>>,
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    at: &'a str,
    action: &'a str,
    fields: Vec<FieldJson>,
}

#[derive(Serialize)]
struct FieldJson {
    field: String,
    before: Json,
    after: Json,
}

#[derive(Serialize)]
struct FollowUpJson<'a> {
    date: String,
    status: &'static str,
    note: &'a str,
}

#[derive(Serialize)]
struct AmendmentJson<'a> {
    date: String,
    reason: &'a str,
    text: &'a str,
    /// What it changed in the record, before → after.
    changes: &'a [crate::domain::Amended],
}

pub fn run(settings: &Settings, args: &HistoryArgs) -> Result<()> {
    let lang = settings.lang;
    let store = Store::open_read_only(&settings.db, settings.clock.clone())?;
    let decision = args.series.decision(&store, &args.number, lang)?;
    let log = store.history(&decision.id)?;
    let follow_ups = store.list_follow_ups(&decision.id)?;
    let amendments = match store.get_meeting(&decision.meeting)?.status {
        MeetingStatus::Approved => store.list_amendments(&decision.meeting)?,
        _ => Vec::new(),
    };
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        ListFormat::Json => {
            let json = HistoryJson {
                decision: decision.number.to_string(),
                text: &decision.text,
                changes: log.iter().map(change_json).collect(),
                follow_ups: follow_ups
                    .iter()
                    .map(|f| FollowUpJson {
                        date: f.date.iso(),
                        status: f.new_status.code(),
                        note: &f.note,
                    })
                    .collect(),
                amendments: amendments
                    .iter()
                    .map(|a| AmendmentJson {
                        date: a.date.iso(),
                        reason: &a.reason,
                        text: &a.text,
                        changes: &a.changes,
                    })
                    .collect(),
            };
            crate::json::to_writer_pretty(&mut out, &json)?;
            writeln!(out)?;
        }
        ListFormat::Table => {
            let view = view(&store, lang, &decision, &log, &follow_ups, &amendments)?;
            let layout = stdout_layout(settings);
            let mut out = LaidOut {
                out: &mut out,
                layout: &*layout,
            };
            write_view(&mut out, lang, &view)?;
        }
    }
    out.flush()?;
    Ok(())
}

fn change_json(c: &Change) -> ChangeJson<'_> {
    ChangeJson {
        at: &c.at,
        action: c.action.code(),
        fields: c
            .field_changes()
            .into_iter()
            .map(|f| FieldJson {
                field: f.field,
                before: f.before,
                after: f.after,
            })
            .collect(),
    }
}

/// The history with names for the ids it holds.
fn view(
    store: &Store,
    lang: Lang,
    decision: &Decision,
    log: &[Change],
    follow_ups: &[crate::domain::FollowUp],
    amendments: &[crate::domain::Amendment],
) -> Result<HistoryView> {
    let agencies: HashMap<Id, String> = store
        .list_agencies()?
        .into_iter()
        .map(|a| {
            let name = match lang {
                Lang::En if !a.name_en.is_empty() => a.name_en,
                _ => a.name,
            };
            (a.id, name)
        })
        .collect();
    let people: HashMap<Id, String> = store
        .list_people()?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let categories: HashMap<Id, String> = store
        .list_categories()?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let names = Names {
        agency: &|id| agencies.get(id).cloned(),
        person: &|id| people.get(id).cloned(),
        category: &|id| categories.get(id).cloned(),
        issue: &|id| store.get_issue(id).ok().map(|i| i.title),
        meeting: &|id| store.get_meeting(id).ok().map(|m| m.number),
        lang,
    };
    let subject = format!(
        "{} {}: {}",
        lang.strings().tui.decision_noun,
        lang.decision_number(decision.number),
        decision.text
    );
    Ok(HistoryView::build(
        subject, log, follow_ups, amendments, &names,
    ))
}

fn write_view(out: &mut LaidOut<'_>, lang: Lang, view: &HistoryView) -> io::Result<()> {
    let s = lang.strings().history;
    writeln!(out, "{}", view.subject)?;
    if view.changes.is_empty() {
        writeln!(out, "{}", s.empty)?;
    }
    for entry in &view.changes {
        writeln!(out)?;
        writeln!(out, "{}", entry.heading)?;
        for line in &entry.lines {
            writeln!(out, "  {line}")?;
        }
    }
    if !view.follow_ups.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", s.follow_ups)?;
        for line in &view.follow_ups {
            writeln!(out, "  {line}")?;
        }
    }
    if !view.amendments.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", s.amendments)?;
        for entry in &view.amendments {
            writeln!(out, "  {}", entry.heading)?;
            for line in &entry.lines {
                writeln!(out, "    {line}")?;
            }
        }
    }
    Ok(())
}
