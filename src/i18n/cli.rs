//! The command line's words: table headings, reports and messages.

use std::path::Path;

use super::{Lang, Localized};
use crate::domain::{Date, DecisionNumber, DecisionStatus};

/// Fixed strings of the command line, one instance per language.
#[derive(Debug)]
pub struct CliStrings {
    /// `meetings`: number, date, weekday, status, decisions, open issues, place.
    pub meetings_headers: [&'static str; 7],
    /// `actions`: number, text, lead agency, due, status.
    pub actions_headers: [&'static str; 5],
    /// `actions --format csv`.
    pub actions_csv_headers: [&'static str; 8],
    /// Added to the status of an overdue decision.
    pub overdue_mark: &'static str,
    pub open_actions_heading: &'static str,
    /// `search`: kind, number (of the decision or the meeting), date, text.
    pub search_headers: [&'static str; 4],
    /// `search`: issue, statement, decision.
    pub search_kinds: [&'static str; 3],
}

pub static FA: CliStrings = CliStrings {
    meetings_headers: [
        "نشست",
        "تاریخ",
        "روز",
        "وضعیت",
        "مصوبات",
        "مشکلات باز",
        "مکان",
    ],
    actions_headers: ["ردیف", "شرح مصوبه", "مسئول پیگیری", "مهلت اجرا", "وضعیت"],
    actions_csv_headers: [
        "ردیف",
        "شرح مصوبه",
        "مسئول پیگیری",
        "همکاران",
        "مهلت اجرا",
        "وضعیت",
        "دسته",
        "معوق",
    ],
    overdue_mark: "(معوق)",
    open_actions_heading: "مصوبه‌های در دست پیگیری",
    search_headers: ["نوع", "شماره", "تاریخ", "متن"],
    search_kinds: ["مشکل", "اظهارات", "مصوبه"],
};

pub static EN: CliStrings = CliStrings {
    meetings_headers: [
        "Meeting",
        "Date",
        "Day",
        "Status",
        "Decisions",
        "Open issues",
        "Place",
    ],
    actions_headers: ["No.", "Decision", "Lead agency", "Due", "Status"],
    actions_csv_headers: [
        "Number",
        "Decision",
        "Lead agency",
        "Supporting",
        "Due",
        "Status",
        "Category",
        "Overdue",
    ],
    overdue_mark: "(overdue)",
    open_actions_heading: "Open action items",
    search_headers: ["Kind", "No.", "Date", "Text"],
    search_kinds: ["Issue", "Statement", "Decision"],
};

/// Sentences of the command line that carry values.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum CliMessage<'a> {
    /// `demo` wrote the demo.
    DemoWritten {
        path: &'a Path,
        meetings: usize,
        decisions: usize,
    },
    /// `synth` wrote synthetic data.
    SynthWritten {
        path: &'a Path,
        report: crate::store::SynthReport,
        seconds: f64,
    },
    /// `synth` is writing: how many meetings of how many are written (a progress line).
    SynthProgress { done: u32, total: u32 },
    /// The database holds no meeting yet.
    NoMeetings { path: &'a Path },
    /// `backup` wrote a checked copy of the database.
    BackupWritten { path: &'a Path },
    /// `restore` brought a backup back; what the database held before, if anything, is there.
    Restored {
        from: &'a Path,
        kept: Option<&'a Path>,
    },
    /// The demo runs on the day of one of its meetings.
    DemoLive { today: Date, meeting: u32 },
    /// The demo runs on a day without a meeting.
    DemoToday { today: Date },
    /// A name matched no agency; the known ones follow, one per line.
    NoSuchAgency { name: &'a str, known: &'a [String] },
    /// A name matched no category.
    NoSuchCategory { name: &'a str, known: &'a [String] },
    /// A name matched no series.
    NoSuchSeries { name: &'a str, known: &'a [String] },
    /// A name matched several series.
    SeveralSeriesMatch { name: &'a str, found: &'a [String] },
    /// No meeting has this number (in the chosen series).
    NoSuchMeeting { number: u32 },
    /// Several series have a meeting with this number: `--series` must choose.
    SeveralSeriesHaveMeeting { number: u32, series: &'a [String] },
    /// A number argument outside its range (or not a number).
    NumberOutOfRange {
        flag: &'a str,
        value: &'a str,
        min: u64,
        max: u64,
    },
    /// What was typed is not a decision number.
    BadDecisionNumber { value: &'a str },
    /// No decision has this number (in the chosen series).
    NoSuchDecision { number: DecisionNumber },
    /// `follow-up` recorded the new status.
    FollowUpRecorded {
        number: DecisionNumber,
        from: DecisionStatus,
        to: DecisionStatus,
    },
    /// A search needs at least two letters.
    SearchTooShort,
    /// A search found nothing.
    NoSearchHits { query: &'a str },
    /// A file to read could not be read.
    CannotRead {
        path: &'a Path,
        error: &'a std::io::Error,
    },
    /// A file too large to be a minutes file.
    TooLarge { path: &'a Path, bytes: u64 },
    /// What is wrong with a file, the reason already in the interface's language.
    InFile { path: &'a Path, why: &'a str },
    /// The room display was started without a terminal to draw in.
    NeedsTerminal,
}

impl Localized for CliMessage<'_> {
    fn localized(&self, lang: Lang) -> String {
        match lang {
            Lang::Fa => self.fa(),
            Lang::En => self.en(),
        }
    }
}

fn lines(items: &[String]) -> String {
    items.iter().map(|s| format!("\n  {s}")).collect::<String>()
}

impl CliMessage<'_> {
    fn fa(&self) -> String {
        let n = |x: &dyn std::fmt::Display| Lang::Fa.number(x);
        match self {
            CliMessage::DemoWritten {
                path,
                meetings,
                decisions,
            } => format!(
                "دادهٔ نمایشی در {} نوشته شد: {} نشست و {} مصوبه.",
                path.display(),
                n(meetings),
                n(decisions)
            ),
            CliMessage::SynthWritten {
                path,
                report: r,
                seconds,
            } => format!(
                "دادهٔ ساختگی در {} نوشته شد: {} نشست، {} مشکل، {} مصوبه، {} اظهار نظر، {} ردیف حضور و غیاب، {} پیگیری و {} مصوبهٔ بررسی‌شده در نشست‌های بعد، در {} ثانیه.",
                path.display(),
                n(&r.meetings),
                n(&r.issues),
                n(&r.decisions),
                n(&r.statements),
                n(&r.attendance),
                n(&r.follow_ups),
                n(&r.review_items),
                // The Persian decimal separator, not a full stop.
                Lang::Fa.digits(&format!("{seconds:.1}")).replace('.', "٫")
            ),
            CliMessage::SynthProgress { done, total } => {
                format!("نوشتن نشست‌ها: {} از {}", n(done), n(total))
            }
            CliMessage::Restored { from, kept } => {
                let from = super::isolate(from.display());
                match kept {
                    Some(kept) => format!(
                        "پشتیبان «{from}» برگردانده شد؛ آنچه پیش از آن در پایگاه داده بود در «{}» نگه داشته شد.",
                        super::isolate(kept.display())
                    ),
                    None => format!("پشتیبان «{from}» برگردانده شد."),
                }
            }
            CliMessage::BackupWritten { path } => format!(
                "پشتیبان در «{}» نوشته و آزموده شد.",
                super::isolate(path.display())
            ),
            CliMessage::NoMeetings { path } => format!(
                "هنوز نشستی در {} ثبت نشده است. برای دیدن نمونه: hamyar --demo",
                path.display()
            ),
            CliMessage::DemoLive { today, meeting } => format!(
                "نسخهٔ نمایشی — امروز {} است، روز نشست {}؛ این نشست در حال برگزاری است.",
                Lang::Fa.date(*today),
                n(meeting)
            ),
            CliMessage::DemoToday { today } => {
                format!("نسخهٔ نمایشی — امروز {}", Lang::Fa.date(*today))
            }
            CliMessage::NoSuchAgency { name, known } => {
                format!(
                    "هیچ دستگاهی با «{name}» جور نیست؛ دستگاه‌ها:{}",
                    lines(known), name = super::isolate(name))
            }
            CliMessage::NoSuchCategory { name, known } => {
                format!("هیچ دسته‌ای با «{name}» جور نیست؛ دسته‌ها:{}", lines(known), name = super::isolate(name))
            }
            CliMessage::NoSuchSeries { name, known } => format!(
                "هیچ سلسله نشستی با «{name}» جور نیست؛ سلسله‌ها:{}",
                lines(known), name = super::isolate(name)),
            CliMessage::SeveralSeriesMatch { name, found } => format!(
                "«{name}» با چند سلسله نشست جور است؛ نام را کامل‌تر بنویسید:{}",
                lines(found), name = super::isolate(name)),
            CliMessage::NoSuchMeeting { number } => format!(
                "نشست {} وجود ندارد؛ فهرست نشست‌ها: hamyar meetings",
                n(number)
            ),
            CliMessage::SeveralSeriesHaveMeeting { number, series } => format!(
                "چند سلسله نشست، نشست {} دارند؛ یکی را با --series انتخاب کنید:{}",
                n(number),
                lines(series)
            ),
            CliMessage::NumberOutOfRange {
                flag,
                value,
                min,
                max,
            } => format!(
                "{flag}: «{value}» پذیرفته نیست؛ عددی از {} تا {} بنویسید.",
                n(min),
                n(max), value = super::isolate(value)),
            CliMessage::BadDecisionNumber { value } => {
                format!("«{value}» شمارهٔ مصوبه نیست؛ آن را به‌صورت نشست/ردیف بنویسید، مانند ۲/۳.", value = super::isolate(value))
            }
            CliMessage::NoSuchDecision { number } => format!(
                "مصوبهٔ {} وجود ندارد؛ فهرست مصوبه‌ها: hamyar actions",
                Lang::Fa.decision_number(*number)
            ),
            CliMessage::FollowUpRecorded { number, from, to } => format!(
                "پیگیری مصوبهٔ {} ثبت شد: {} ← {}",
                Lang::Fa.decision_number(*number),
                Lang::Fa.status(*from),
                Lang::Fa.status(*to)
            ),
            CliMessage::SearchTooShort => "برای جست‌وجو دست‌کم دو حرف بنویسید.".into(),
            CliMessage::NoSearchHits { query } => {
                format!("برای «{query}» چیزی پیدا نشد.", query = super::isolate(query))
            }
            CliMessage::CannotRead { path, error } => format!(
                "«{}» خوانده نشد: {}.",
                super::isolate(path.display()),
                super::refusals::io_reason_fa(error)
            ),
            CliMessage::TooLarge { path, bytes } => format!(
                "«{}» برای پروندهٔ صورتجلسه بیش از اندازه بزرگ است ({} بایت).",
                super::isolate(path.display()),
                Lang::Fa.number(bytes)
            ),
            CliMessage::InFile { path, why } => format!("«{}»: {why}", super::isolate(path.display())),
            CliMessage::NeedsTerminal => "نمایش اتاق جلسه پایانه می‌خواهد: `hamyar present` را در پنجرهٔ پایانه‌ای اجرا کنید که پرده یا نمایشگر دوم را نشان می‌دهد.".into(),
        }
    }

    fn en(&self) -> String {
        match self {
            CliMessage::DemoWritten {
                path,
                meetings,
                decisions,
            } => format!(
                "Wrote the demo into {}: {meetings} meetings, {decisions} decisions.",
                path.display()
            ),
            CliMessage::SynthWritten {
                path,
                report: r,
                seconds,
            } => format!(
                "synth: {} meetings, {} issues, {} decisions, {} statements, {} attendance rows, {} follow-ups and {} review rows into {} in {seconds:.1} s",
                r.meetings,
                r.issues,
                r.decisions,
                r.statements,
                r.attendance,
                r.follow_ups,
                r.review_items,
                path.display()
            ),
            CliMessage::SynthProgress { done, total } => {
                format!("writing meetings: {done} of {total}")
            }
            CliMessage::Restored { from, kept } => match kept {
                Some(kept) => format!(
                    "restored {}; what the database held before is kept in {}",
                    from.display(),
                    kept.display()
                ),
                None => format!("restored {}", from.display()),
            },
            CliMessage::BackupWritten { path } => {
                format!("backup written to {} and checked", path.display())
            }
            CliMessage::NoMeetings { path } => format!(
                "No meetings in {} yet. To see an example: hamyar --demo",
                path.display()
            ),
            CliMessage::DemoLive { today, meeting } => format!(
                "Demo — today is {}, the day of meeting {meeting}: the meeting is live.",
                Lang::En.date(*today)
            ),
            CliMessage::DemoToday { today } => format!("Demo — today is {}", Lang::En.date(*today)),
            CliMessage::NoSuchAgency { name, known } => {
                format!(
                    "no agency matches «{name}»; the agencies are:{}",
                    lines(known),
                    name = super::isolate(name)
                )
            }
            CliMessage::NoSuchCategory { name, known } => format!(
                "no category matches «{name}»; the categories are:{}",
                lines(known),
                name = super::isolate(name)
            ),
            CliMessage::NoSuchSeries { name, known } => {
                format!(
                    "no series matches «{name}»; the series are:{}",
                    lines(known),
                    name = super::isolate(name)
                )
            }
            CliMessage::SeveralSeriesMatch { name, found } => format!(
                "«{name}» matches several series; write more of the title:{}",
                lines(found),
                name = super::isolate(name)
            ),
            CliMessage::NoSuchMeeting { number } => {
                format!("there is no meeting {number}; `hamyar meetings` lists them")
            }
            CliMessage::SeveralSeriesHaveMeeting { number, series } => format!(
                "several series have a meeting {number}; choose one with --series:{}",
                lines(series)
            ),
            CliMessage::NumberOutOfRange {
                flag,
                value,
                min,
                max,
            } => format!(
                "{flag}: «{value}» is not allowed; give a number from {min} to {max}",
                value = super::isolate(value)
            ),
            CliMessage::BadDecisionNumber { value } => {
                format!(
                    "«{value}» is not a decision number; write it as meeting/item, e.g. 2/3",
                    value = super::isolate(value)
                )
            }
            CliMessage::NoSuchDecision { number } => {
                format!("there is no decision {number}; list them with `hamyar actions`")
            }
            CliMessage::FollowUpRecorded { number, from, to } => format!(
                "follow-up of decision {number} recorded: {} → {}",
                Lang::En.status(*from),
                Lang::En.status(*to)
            ),
            CliMessage::SearchTooShort => "type at least two letters to search".into(),
            CliMessage::NoSearchHits { query } => {
                format!("nothing found for «{query}»", query = super::isolate(query))
            }
            CliMessage::CannotRead { path, error } => {
                format!("cannot read {}: {error}", path.display())
            }
            CliMessage::TooLarge { path, bytes } => format!(
                "{} is too large to be a minutes file ({bytes} bytes)",
                path.display()
            ),
            CliMessage::InFile { path, why } => format!("{}: {why}", path.display()),
            CliMessage::NeedsTerminal => "the room display needs a terminal".into(),
        }
    }
}

impl Localized for crate::settings::SettingsError {
    fn localized(&self, lang: Lang) -> String {
        use crate::settings::SettingsError as E;
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            E::ConfigUnreadable { path, source } => format!(
                "پروندهٔ تنظیمات {} خوانده نمی‌شود ({source})؛ دسترسی‌های آن را بررسی کنید.",
                path.display()
            ),
            E::ConfigInvalid { path, detail } => {
                format!("پروندهٔ تنظیمات {} درست نیست: {detail}", path.display())
            }
            E::ConfigMissing { path } => {
                format!("پروندهٔ تنظیمات {} وجود ندارد.", path.display())
            }
            E::ConfigBidi { path, value } => format!(
                "در پروندهٔ تنظیمات {} مقدار bidi «{value}» است؛ \"app\" یا \"terminal\" بنویسید.",
                path.display(),
                value = super::isolate(value)
            ),
            E::Today(e) => format!("--today: {}", e.localized(lang)),
            E::NoHome => {
                "پوشهٔ خانه‌ای برای نگه‌داشتن پایگاه داده نیست؛ مسیر آن را با --db بدهید.".into()
            }
            E::Demo(e) => e.localized(lang),
            E::DemoFolder(e) => format!(
                "پوشهٔ موقت برای دادهٔ نمایشی ساخته نشد: {}.",
                super::refusals::io_reason_fa(e)
            ),
        }
    }
}
