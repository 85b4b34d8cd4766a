//! The set-up commands' sentences (`series`, `category`, `meeting`).

use super::{Lang, Localized};
use crate::domain::Date;

/// What the set-up commands say.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum SetupMessage<'a> {
    /// `--title` is empty.
    TitleRequired,
    /// An agency named as a member was new, and was added.
    AgencyAdded(&'a str),
    SeriesCreated(&'a str),
    /// A series' quorum rule: how many of how many member agencies.
    QuorumOf(u32, usize),
    /// A category was added, for one series or every one.
    CategoryAdded(&'a str, Option<&'a str>),
    /// A meeting was scheduled: its number, date and series.
    MeetingScheduled(u32, Date, &'a str),
    /// A directory table imported (or, with `dry_run`, what would be).
    DirectoryImported {
        added: usize,
        updated: usize,
        unchanged: usize,
        dry_run: bool,
    },
    /// No series yet: `series new` first.
    NoSeries,
    /// Several series and no `--series`.
    ChooseSeries(&'a [String]),
}

impl Localized for SetupMessage<'_> {
    fn localized(&self, lang: Lang) -> String {
        let fa = lang == Lang::Fa;
        let pick = |a: String, b: String| if fa { a } else { b };
        match self {
            SetupMessage::TitleRequired => pick(
                "عنوان سلسله نشست را با --title بدهید.".into(),
                "Give the series a title with --title.".into(),
            ),
            SetupMessage::AgencyAdded(n) => pick(
                format!(
                    "دستگاه تازهٔ «{n}» به فهرست افزوده شد.",
                    n = super::isolate(n)
                ),
                format!(
                    "New agency «{n}» added to the directory.",
                    n = super::isolate(n)
                ),
            ),
            SetupMessage::SeriesCreated(t) => pick(
                format!(
                    "سلسله نشست «{t}» ساخته شد؛ نخستین نشست آن را با `hamyar meeting new` تعیین کنید.",
                    t = super::isolate(t)
                ),
                format!(
                    "Series «{t}» created; schedule its first meeting with `hamyar meeting new`.",
                    t = super::isolate(t)
                ),
            ),
            SetupMessage::QuorumOf(0, _) => pick("ندارد".into(), "none".into()),
            SetupMessage::QuorumOf(q, m) => {
                let (q, m) = (lang.number(q), lang.number(m));
                pick(format!("{q} از {m} دستگاه"), format!("{q} of {m} agencies"))
            }
            SetupMessage::CategoryAdded(n, None) => pick(
                format!(
                    "دستهٔ «{n}» برای همهٔ سلسله‌ها افزوده شد.",
                    n = super::isolate(n)
                ),
                format!(
                    "Category «{n}» added, for every series.",
                    n = super::isolate(n)
                ),
            ),
            SetupMessage::CategoryAdded(n, Some(s)) => pick(
                format!(
                    "دستهٔ «{n}» برای «{s}» افزوده شد.",
                    n = super::isolate(n),
                    s = super::isolate(s)
                ),
                format!(
                    "Category «{n}» added, for «{s}».",
                    n = super::isolate(n),
                    s = super::isolate(s)
                ),
            ),
            SetupMessage::MeetingScheduled(n, d, s) => {
                let (n, d) = (lang.number(n), lang.date_with_weekday(*d));
                pick(
                    format!(
                        "نشست {n} «{s}» برای {d} ساخته شد، با مشکلات باز و مصوبات پیگیری‌نشده.",
                        s = super::isolate(s)
                    ),
                    format!(
                        "Meeting {n} of «{s}» scheduled for {d}, with the open issues and unfinished decisions.",
                        s = super::isolate(s)
                    ),
                )
            }
            SetupMessage::DirectoryImported {
                added,
                updated,
                unchanged,
                dry_run,
            } => {
                let (a, u, n) = (
                    lang.number(added),
                    lang.number(updated),
                    lang.number(unchanged),
                );
                match (fa, dry_run) {
                    (true, false) => {
                        format!("{a} شخص افزوده و {u} شخص به‌روز شد؛ {n} ردیف تغییری نداشت.")
                    }
                    (true, true) => format!(
                        "(آزمایشی؛ چیزی نوشته نشد) {a} شخص افزوده و {u} شخص به‌روز می‌شد؛ {n} ردیف تغییری نداشت."
                    ),
                    (false, false) => format!("{a} people added, {u} updated; {n} rows unchanged."),
                    (false, true) => format!(
                        "(dry run; nothing written) {a} people would be added, {u} updated; {n} rows unchanged."
                    ),
                }
            }
            SetupMessage::NoSeries => pick(
                "هنوز سلسله نشستی نیست؛ نخست `hamyar series new` را بزنید.".into(),
                "There is no series yet; run `hamyar series new` first.".into(),
            ),
            SetupMessage::ChooseSeries(all) => pick(
                format!(
                    "چند سلسله نشست هست؛ یکی را با --series برگزینید: {}",
                    all.join("، ")
                ),
                format!(
                    "There are several series; choose one with --series: {}",
                    all.join(", ")
                ),
            ),
        }
    }
}

impl Localized for crate::directory::TableError {
    fn localized(&self, lang: Lang) -> String {
        use crate::directory::TableError as E;
        match (lang, self) {
            (Lang::En, e) => e.to_string(),
            (Lang::Fa, E::Io { path, error }) => {
                format!("«{}» خوانده نشد ({error}).", path.display())
            }
            (Lang::Fa, E::NotATable { path, why }) => format!(
                "«{}» جدولی نیست که همیار بخواند ({why})؛ آن را CSV (UTF-8) یا XLSX ذخیره کنید.",
                path.display()
            ),
            (Lang::Fa, E::NoHeader { path, found }) => format!(
                "ردیف نخست «{}» باید نام ستون‌ها را بگوید: name، title، agency (و invitee_of)؛ این‌ها را می‌گوید: {found}",
                path.display()
            ),
        }
    }
}

impl Localized for crate::directory::UnknownSeries {
    fn localized(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Fa => format!(
                "ردیف {}: سلسله نشستی به نام «{}» (و تنها یکی) نیست؛ چیزی وارد نشد.",
                lang.number(self.line),
                self.name
            ),
        }
    }
}
