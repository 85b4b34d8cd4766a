//! One function per subcommand. Each opens the store it needs, does its work and prints.

use std::collections::HashMap;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result, anyhow, bail};
use serde::Serialize;

use super::args::BidiArg;
use super::args::{ActionsArgs, ActionsFormat, Cli, Command, ListFormat, MeetingsArgs, SynthArgs};
use super::output::{CellLayout, Table, write_csv};
use crate::config::{self, Lang};
use crate::demo::DemoData;
use crate::domain::{
    Agency, Clock, Date, DecisionStatus, FixedClock, Id, Meeting, digits::to_persian_digits,
};
use crate::store::{ActionFilter, ActionItem, Store};

/// What every command shares: where the data is, what day it is, how to speak.
struct Session {
    db: PathBuf,
    clock: Arc<dyn Clock>,
    lang: Lang,
    bidi: BidiArg,
    /// Set when running on a fresh demo database: it says so on screen.
    demo_today: Option<Date>,
    /// Keeps the demo's temporary folder alive until the command ends.
    _demo_dir: Option<tempfile::TempDir>,
}

pub fn run(cli: Cli) -> Result<()> {
    let explicit_today = cli
        .today
        .as_deref()
        .map(|s| Date::parse_user(s).with_context(|| "--today / HAMYAR_TODAY"))
        .transpose()?;
    let mut ctx = if cli.demo {
        demo_context(&cli, explicit_today)?
    } else {
        Session {
            db: db_path(&cli)?,
            clock: clock(explicit_today),
            lang: cli.lang,
            bidi: cli.bidi,
            demo_today: None,
            _demo_dir: None,
        }
    };
    // Visual-order output must not be reordered again by a terminal with bidi of its own.
    let _bidi_off = match cli.command {
        None | Some(Command::Meetings(_) | Command::Actions(_)) => {
            super::TerminalBidiOff::new(cli.bidi.mode())
        }
        _ => None,
    };
    match cli.command {
        None => overview(&mut ctx),
        Some(Command::Demo) => write_demo(&ctx),
        Some(Command::Synth(args)) => synth(&ctx, &args),
        Some(Command::Meetings(args)) => meetings(&ctx, &args),
        Some(Command::Actions(args)) => actions(&ctx, &args),
        Some(Command::Bidi(args)) => super::bidi::run(&args, cli.lang, cli.bidi.mode()),
        Some(Command::Doctor) => {
            super::doctor::run(&ctx.db, ctx.clock.clone(), &*cell_layout(&ctx))
        }
    }
}

fn clock(today: Option<Date>) -> Arc<dyn Clock> {
    match today {
        Some(d) => Arc::new(FixedClock(d)),
        None => config::clock_for(None).unwrap_or_else(|_| Arc::new(crate::domain::SystemClock)),
    }
}

fn db_path(cli: &Cli) -> Result<PathBuf> {
    match &cli.db {
        Some(p) => Ok(p.clone()),
        None => config::default_db_path().ok_or_else(|| {
            anyhow!("no home folder to keep the database in; give one with --db PATH")
        }),
    }
}

/// `--demo`: a fresh demo database in a temporary folder, removed when hamyar exits.
fn demo_context(cli: &Cli, explicit_today: Option<Date>) -> Result<Session> {
    let demo = DemoData::kerman()?;
    let demo_day = demo.today()?;
    let dir = tempfile::Builder::new()
        .prefix("hamyar-demo-")
        .tempdir()
        .context("could not create a temporary folder for the demo database")?;
    let db = dir.path().join("demo.db");
    let mut store = Store::open(&db, Arc::new(FixedClock(demo_day)))?;
    demo.write_into(&mut store)?;
    drop(store);
    let today = explicit_today.unwrap_or(demo_day);
    Ok(Session {
        db,
        clock: Arc::new(FixedClock(today)),
        lang: cli.lang,
        bidi: cli.bidi,
        demo_today: Some(today),
        _demo_dir: Some(dir),
    })
}

fn open_existing(ctx: &Session) -> Result<Store> {
    Ok(Store::open_existing(&ctx.db, ctx.clock.clone())?)
}

fn write_demo(ctx: &Session) -> Result<()> {
    let demo = DemoData::kerman()?;
    // Follow-ups in the demo are dated on the day of meeting 2, whatever --today says.
    let mut store = Store::open(&ctx.db, Arc::new(FixedClock(demo.today()?)))?;
    let summary = demo.write_into(&mut store)?;
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "{}",
        cell_layout(ctx).line(&match ctx.lang {
            Lang::Fa => format!(
                "دادهٔ نمایشی در {} نوشته شد: {} نشست و {} مصوبه.",
                ctx.db.display(),
                to_persian_digits(&summary.meetings.to_string()),
                to_persian_digits(&summary.decisions.to_string())
            ),
            Lang::En => format!(
                "Wrote the demo into {}: {} meetings, {} decisions.",
                ctx.db.display(),
                summary.meetings,
                summary.decisions
            ),
        })
    )?;
    Ok(())
}

fn synth(ctx: &Session, args: &SynthArgs) -> Result<()> {
    let mut store = Store::open(&ctx.db, ctx.clock.clone())?;
    let started = std::time::Instant::now();
    let report = crate::store::synth(&mut store, args.meetings, args.decisions, args.seed)?;
    let line = format!(
        "synth: {} meetings, {} issues, {} decisions into {} in {:.1} s",
        report.meetings,
        report.issues,
        report.decisions,
        ctx.db.display(),
        started.elapsed().as_secs_f64()
    );
    writeln!(io::stdout().lock(), "{}", cell_layout(ctx).line(&line))?;
    Ok(())
}

/// A date as the chosen language shows it.
fn show_date(lang: Lang, d: Date) -> String {
    match lang {
        Lang::Fa => d.jalali().persian(),
        Lang::En => d.iso(),
    }
}

fn show_number(lang: Lang, n: impl ToString) -> String {
    match lang {
        Lang::Fa => to_persian_digits(&n.to_string()),
        Lang::En => n.to_string(),
    }
}

#[derive(Serialize)]
struct MeetingJson<'a> {
    id: &'a str,
    series: String,
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
}

fn meetings(ctx: &Session, args: &MeetingsArgs) -> Result<()> {
    let store = open_existing(ctx)?;
    let rows = meeting_rows(&store)?;
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        ListFormat::Json => {
            let json: Vec<MeetingJson> = rows
                .iter()
                .map(|(m, series, decisions)| MeetingJson {
                    id: m.id.as_str(),
                    series: series.clone(),
                    number: m.number,
                    date: m.date.iso(),
                    date_jalali: m.date.jalali().latin(),
                    weekday: m.date.weekday_en(),
                    start_time: m.start_time.map(|t| t.to_string()),
                    end_time: m.end_time.map(|t| t.to_string()),
                    place: &m.place,
                    status: m.status.code(),
                    next_meeting: m.next_meeting.map(Date::iso),
                    decisions: *decisions,
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &json)?;
            writeln!(out)?;
        }
        ListFormat::Table => meetings_table(ctx, &rows).write(&mut out, &*cell_layout(ctx))?,
    }
    out.flush()?;
    Ok(())
}

fn meeting_rows(store: &Store) -> Result<Vec<(Meeting, String, usize)>> {
    let series = store.list_series()?;
    let mut rows = Vec::new();
    for m in store.list_meetings(None)? {
        let title = series
            .iter()
            .find(|s| s.id == m.series)
            .map(|s| s.title.clone())
            .unwrap_or_default();
        let decisions = store.list_decisions(&m.id)?.len();
        rows.push((m, title, decisions));
    }
    Ok(rows)
}

fn meetings_table(ctx: &Session, rows: &[(Meeting, String, usize)]) -> Table {
    let lang = ctx.lang;
    let headers = match lang {
        Lang::Fa => ["نشست", "تاریخ", "روز", "وضعیت", "مصوبات", "مکان"],
        Lang::En => ["Meeting", "Date", "Day", "Status", "Decisions", "Place"],
    };
    Table {
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows: rows
            .iter()
            .map(|(m, _, decisions)| {
                vec![
                    show_number(lang, m.number),
                    show_date(lang, m.date),
                    match lang {
                        Lang::Fa => m.date.weekday_fa(),
                        Lang::En => m.date.weekday_en(),
                    }
                    .to_string(),
                    match lang {
                        Lang::Fa => m.status.label_fa(),
                        Lang::En => m.status.label_en(),
                    }
                    .to_string(),
                    show_number(lang, decisions),
                    m.place.clone(),
                ]
            })
            .collect(),
        max_col_width: 40,
        rtl: lang == Lang::Fa,
    }
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

/// Agency names in the interface's language: the English UI shows an agency's English name
/// when it has one.
struct AgencyNames(HashMap<Id, Agency>);

impl AgencyNames {
    fn load(store: &Store) -> Result<Self> {
        Ok(AgencyNames(
            store
                .list_agencies()?
                .into_iter()
                .map(|a| (a.id.clone(), a))
                .collect(),
        ))
    }

    fn name(&self, lang: Lang, id: &Id) -> String {
        match self.0.get(id) {
            Some(a) if lang == Lang::En && !a.name_en.is_empty() => a.name_en.clone(),
            Some(a) => a.name.clone(),
            None => String::new(),
        }
    }

    fn names(&self, lang: Lang, ids: &[Id]) -> String {
        let sep = match lang {
            Lang::Fa => "، ",
            Lang::En => ", ",
        };
        ids.iter()
            .map(|id| self.name(lang, id))
            .collect::<Vec<_>>()
            .join(sep)
    }
}

fn actions(ctx: &Session, args: &ActionsArgs) -> Result<()> {
    let store = open_existing(ctx)?;
    let filter = action_filter(&store, args)?;
    let items = store.actions(&filter)?;
    let agencies = AgencyNames::load(&store)?;
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        ActionsFormat::Json => {
            let json: Vec<ActionJson> = items
                .iter()
                .map(|a| ActionJson::new(a, &agencies))
                .collect();
            serde_json::to_writer_pretty(&mut out, &json)?;
            writeln!(out)?;
        }
        ActionsFormat::Csv => {
            let headers = match ctx.lang {
                Lang::Fa => [
                    "ردیف",
                    "شرح مصوبه",
                    "مسئول پیگیری",
                    "همکاران",
                    "مهلت اجرا",
                    "وضعیت",
                    "دسته",
                    "معوق",
                ],
                Lang::En => [
                    "Number",
                    "Decision",
                    "Lead agency",
                    "Supporting",
                    "Due",
                    "Status",
                    "Category",
                    "Overdue",
                ],
            };
            let rows: Vec<Vec<String>> = items
                .iter()
                .map(|a| {
                    let d = &a.decision;
                    vec![
                        d.number.to_string(),
                        d.text.clone(),
                        agencies.name(ctx.lang, &d.lead_agency),
                        agencies.names(ctx.lang, &d.supporting_agencies),
                        d.due
                            .map(|x| match ctx.lang {
                                Lang::Fa => x.jalali().latin(),
                                Lang::En => x.iso(),
                            })
                            .unwrap_or_default(),
                        d.status.code().to_string(),
                        a.category.clone().unwrap_or_default(),
                        if a.overdue { "1" } else { "0" }.to_string(),
                    ]
                })
                .collect();
            write_csv(&mut out, &headers, &rows)?;
        }
        ActionsFormat::Table => {
            actions_table(ctx, &items, &agencies).write(&mut out, &*cell_layout(ctx))?
        }
    }
    out.flush()?;
    Ok(())
}

/// Turns the command-line filters into the store's, refusing names that match nothing so a
/// typo does not look like "no action items".
fn action_filter(store: &Store, args: &ActionsArgs) -> Result<ActionFilter> {
    if let Some(name) = &args.agency
        && store.find_agencies(name)?.is_empty()
    {
        let known: Vec<String> = store.list_agencies()?.into_iter().map(|a| a.name).collect();
        bail!(
            "no agency matches «{name}»; the agencies are:\n  {}",
            known.join("\n  ")
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
            "no category matches «{name}»; the categories are:\n  {}",
            known.join("\n  ")
        );
    }
    let status = args
        .status
        .as_deref()
        .map(DecisionStatus::parse)
        .transpose()?;
    let meeting = match args.meeting {
        None => None,
        Some(n) => Some(find_meeting(store, n)?.id),
    };
    Ok(ActionFilter {
        agency: args.agency.clone(),
        include_supporting: false,
        status,
        category: args.category.clone(),
        overdue: args.overdue,
        today: Some(store.clock().today()),
        meeting,
        series: None,
    })
}

/// The meeting numbered `n`; with several series, the number must pick exactly one meeting.
fn find_meeting(store: &Store, n: u32) -> Result<Meeting> {
    let mut found: Vec<Meeting> = store
        .list_meetings(None)?
        .into_iter()
        .filter(|m| m.number == n)
        .collect();
    match found.len() {
        0 => bail!("there is no meeting {n}; `hamyar meetings` lists them"),
        1 => Ok(found.remove(0)),
        _ => bail!("several series have a meeting {n}"),
    }
}

fn actions_table(ctx: &Session, items: &[ActionItem], agencies: &AgencyNames) -> Table {
    let lang = ctx.lang;
    let headers = match lang {
        Lang::Fa => ["ردیف", "شرح مصوبه", "مسئول پیگیری", "مهلت اجرا", "وضعیت"],
        Lang::En => ["No.", "Decision", "Lead agency", "Due", "Status"],
    };
    Table {
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows: items
            .iter()
            .map(|a| {
                let d = &a.decision;
                let status = match lang {
                    Lang::Fa => d.status.label_fa(),
                    Lang::En => d.status.label_en(),
                };
                let status = if a.overdue {
                    match lang {
                        Lang::Fa => format!("{status} (معوق)"),
                        Lang::En => format!("{status} (overdue)"),
                    }
                } else {
                    status.to_string()
                };
                vec![
                    match lang {
                        Lang::Fa => d.number.persian(),
                        Lang::En => d.number.to_string(),
                    },
                    d.text.clone(),
                    agencies.name(lang, &d.lead_agency),
                    d.due.map(|x| show_date(lang, x)).unwrap_or_default(),
                    status,
                ]
            })
            .collect(),
        max_col_width: 48,
        rtl: lang == Lang::Fa,
    }
}

/// Until the interactive screen lands: the series' meetings and open action items.
fn overview(ctx: &mut Session) -> Result<()> {
    // The app itself creates the database on first use; only the list commands insist on one.
    let store = Store::open(&ctx.db, ctx.clock.clone())?;
    let rows = meeting_rows(&store)?;
    let mut out = BufWriter::new(io::stdout().lock());
    let layout = cell_layout(ctx);
    if rows.is_empty() {
        let hint = match ctx.lang {
            Lang::Fa => format!(
                "هنوز نشستی در {} ثبت نشده است. برای دیدن نمونه: hamyar --demo",
                ctx.db.display()
            ),
            Lang::En => format!(
                "No meetings in {} yet. To see an example: hamyar --demo",
                ctx.db.display()
            ),
        };
        writeln!(out, "{}", layout.line(&hint))?;
        out.flush()?;
        return Ok(());
    }
    if let Some(today) = ctx.demo_today {
        let live = rows.iter().find(|(m, _, _)| m.date == today);
        let line = match (ctx.lang, live) {
            (Lang::Fa, Some((m, _, _))) => format!(
                "نسخهٔ نمایشی — امروز {} است، روز نشست {}؛ این نشست در حال برگزاری است.",
                show_date(ctx.lang, today),
                show_number(ctx.lang, m.number)
            ),
            (Lang::Fa, None) => format!("نسخهٔ نمایشی — امروز {}", show_date(ctx.lang, today)),
            (Lang::En, Some((m, _, _))) => format!(
                "Demo — today is {}, the day of meeting {}: the meeting is live.",
                show_date(ctx.lang, today),
                m.number
            ),
            (Lang::En, None) => format!("Demo — today is {}", show_date(ctx.lang, today)),
        };
        writeln!(out, "{}", layout.line(&line))?;
        writeln!(out)?;
    }
    if let Some((_, title, _)) = rows.first() {
        writeln!(out, "{}", layout.line(title))?;
    }
    meetings_table(ctx, &rows).write(&mut out, &*layout)?;
    writeln!(out)?;
    let open = store.actions(&ActionFilter {
        today: Some(store.clock().today()),
        ..ActionFilter::default()
    })?;
    let open: Vec<ActionItem> = open
        .into_iter()
        .filter(|a| a.decision.status.is_active())
        .collect();
    let heading = match ctx.lang {
        Lang::Fa => "مصوبه‌های در دست پیگیری",
        Lang::En => "Open action items",
    };
    writeln!(out, "{}", layout.line(heading))?;
    actions_table(ctx, &open, &AgencyNames::load(&store)?).write(&mut out, &*layout)?;
    out.flush()?;
    Ok(())
}

/// Visual order through `text` when a person reads stdout on a terminal in app mode; logical
/// order otherwise, so pipes and files get the text as stored.
fn cell_layout(ctx: &Session) -> Box<dyn CellLayout> {
    super::stdout_layout(ctx.lang, ctx.bidi)
}
