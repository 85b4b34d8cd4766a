//! The store's and the domain's errors in Persian; their English sentences are their `Display`.
//!
//! Each sentence names the file and what to do, like the English one beside its variant. The
//! matches have no catch-all arm, so a new variant fails to build until it is translated.

use std::path::Path;

use super::{Lang, Localized};
use crate::domain::{DateError, DueError, RuleError, StatusKind, TransitionError, UnknownCode};
use crate::store::{DamagedRow, FileKind, ImportError, LogProblem, Record, RowProblem, StoreError};

impl Localized for StoreError {
    fn localized(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Fa => store_fa(self),
        }
    }
}

impl Localized for RuleError {
    fn localized(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Fa => rule_fa(self),
        }
    }
}

impl Localized for TransitionError {
    fn localized(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Fa => transition_fa(self),
        }
    }
}

impl Localized for DamagedRow {
    fn localized(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Fa => format!(
                "{} {} در ستون «{}» {} دارد",
                record_fa(self.record),
                self.key,
                super::isolate(&self.column),
                row_problem_fa(&self.problem)
            ),
        }
    }
}

/// The path as a sentence quotes it.
fn p(path: &Path) -> String {
    format!("«{}»", super::isolate(path.display()))
}

fn store_fa(e: &StoreError) -> String {
    use StoreError::*;
    match e {
        Missing { path } => format!(
            "{} وجود ندارد؛ مسیر را بررسی کنید، یا با فرمانی که می‌نویسد آن را بسازید.",
            p(path)
        ),
        DanglingLink { path, target } => format!(
            "{} پیوندی نمادین به {} است که وجود ندارد؛ پیوند را درست یا پاک کنید، یا مسیر دیگری با --db بدهید.",
            p(path),
            self::p(target)
        ),
        LinkLoop { path } => format!(
            "{} حلقه‌ای از پیوندهای نمادین است که به هیچ پرونده‌ای نمی‌رسد؛ پیوندها را درست یا پاک کنید، یا مسیر دیگری با --db بدهید.",
            p(path)
        ),
        NotAFile { path, kind } => format!(
            "{} {}، نه پروندهٔ پایگاه داده؛ مسیر یک پروندهٔ پایگاه داده را با --db بدهید.",
            p(path),
            file_kind_fa(*kind)
        ),
        Unreadable { path } => format!(
            "{} خوانده نمی‌شود (اجازهٔ دسترسی نیست)؛ از صاحب آن دسترسی بخواهید یا دسترسی‌هایش را درست کنید.",
            p(path)
        ),
        NotADatabase { path } => format!(
            "{} پروندهٔ پایگاه داده نیست (یا سرآیند آن آسیب دیده است)؛ مسیر را بررسی کنید یا آن را از پشتیبان برگردانید.",
            p(path)
        ),
        Empty { path } => format!(
            "{} هنوز دادهٔ همیار ندارد (خالی است)؛ نخست در آن بنویسید، مثلاً با `hamyar demo --db PATH`، یا مسیر را بررسی کنید.",
            p(path)
        ),
        Foreign { path } => format!(
            "{} پایگاه دادهٔ SQLite برنامهٔ دیگری است و همیار آن را تغییر نمی‌دهد؛ مسیر دیگری برگزینید.",
            p(path)
        ),
        NewerSchema {
            path,
            found,
            supported,
        } => format!(
            "{} را همیاری تازه‌تر نوشته است (طرح {}، این همیار تا {} را می‌شناسد)؛ همیار را به‌روز کنید. پرونده دست نخورد.",
            p(path),
            Lang::Fa.number(found),
            Lang::Fa.number(supported)
        ),
        OlderSchema {
            path,
            found,
            supported,
        } => format!(
            "{} را همیاری قدیمی‌تر نوشته است (طرح {}، این همیار طرح {} را می‌خواند)؛ پس از نگه‌داشتن رونوشتی (`hamyar backup`)، آن را یک بار با فرمانی که می‌نویسد باز کنید، مثلاً `hamyar --db PATH`.",
            p(path),
            Lang::Fa.number(found),
            Lang::Fa.number(supported)
        ),
        Corrupt { path } => format!(
            "{} آسیب دیده است؛ `hamyar doctor` را اجرا کنید تا جای آن را ببینید، پرونده را از پشتیبان برگردانید و رونوشت آسیب‌دیده را برای تعمیر نگه دارید.",
            p(path)
        ),
        Damaged { path, rows } => format!(
            "{} {} دارد؛ آن را درست کنید یا پرونده را از پشتیبان برگردانید (`hamyar doctor` همهٔ پرونده را می‌سنجد).",
            p(path),
            damage_summary_fa(rows)
        ),
        LogDamaged { path, problem } => format!(
            "دفتر تغییرات {} آسیب دیده است ({})، پس این کار برگشت‌پذیر نیست؛ خود سوابق سالم‌اند: `hamyar doctor` را اجرا کنید.",
            p(path),
            log_problem_fa(problem)
        ),
        Locked { path } => format!(
            "{} در دست برنامهٔ دیگری قفل است؛ همیار دیگر (یا برنامه‌ای که آن را به کار گرفته) را ببندید و دوباره بکوشید.",
            p(path)
        ),
        ReadOnly { path } => format!(
            "در {} نمی‌توان نوشت (پرونده یا پوشهٔ آن فقط‌خواندنی است)؛ دسترسی‌ها را درست کنید یا مسیر دیگری با --db بدهید.",
            p(path)
        ),
        NeedsRecovery { path } => format!(
            "{} را برنامه‌ای نیمه‌نوشته رها کرده است و تنها فرمانی که می‌نویسد آن را درست می‌کند؛ یک بار `hamyar --db PATH` را اجرا کنید (پرونده باید نوشتنی باشد) و دوباره بکوشید.",
            p(path)
        ),
        DiskFull { path } => format!(
            "دیسکِ {} پر است؛ جایی باز کنید و دوباره بکوشید (از کار آخر چیزی ذخیره نشد).",
            p(path)
        ),
        DiskError { path } => format!(
            "خواندن یا نوشتن {} شکست خورد (خطای دیسک)؛ دیسک را بررسی کنید و سپس `hamyar doctor` را اجرا کنید.",
            p(path)
        ),
        Io { path, error } => format!(
            "{} به کار نیامد ({})؛ مسیر و دسترسی‌های آن را بررسی کنید.",
            p(path),
            super::refusals::io_reason_fa(error)
        ),
        NotEmpty { path } => format!(
            "{} داده دارد؛ دادهٔ نمایشی و ساختگی تنها در پایگاه دادهٔ خالی نوشته می‌شود: --db دیگری برگزینید.",
            p(path)
        ),
        // SQLite's finding stays in the log's English sentence: it is for whoever repairs.
        BackupUnsound { path, copy, .. } => format!(
            "پشتیبانِ {} در آزمون درستی رد شد و در {} نوشته نشد؛ `hamyar doctor` را روی پایگاه داده اجرا کنید.",
            p(path),
            p(copy)
        ),
        // The id is for the log, not for a person.
        NotFound { what, .. } => format!(
            "{} پیدا نشد؛ شاید همیار دیگری آن را همین حالا حذف کرده است.",
            record_fa(*what)
        ),
        Stale { what } => format!(
            "{} را همیار دیگری پس از خوانده‌شدن در اینجا تغییر داده است؛ چیزی رونویسی نشد: دوباره نگاهش کنید و تغییر را از نو بدهید.",
            record_fa(*what)
        ),
        ChangedSince { what } => format!(
            "{} را همیار دیگری پس از این تغییر داده است؛ برگردانده نشد تا آن تغییر بماند (آن را همان‌جا برگردانید یا اینجا ویرایش کنید).",
            record_fa(*what)
        ),
        NoMeetingNumber { number } => {
            format!("این دوره نشست {} ندارد.", Lang::Fa.number(number))
        }
        // SQLite's detail is English and technical: the app's log keeps it.
        Refused { path, .. } => format!(
            "{} تغییر را نپذیرفت: به سابقه‌ای اشاره دارد که نیست یا سابقه‌ای را تکرار می‌کند؛ چیزی ذخیره نشد.",
            p(path)
        ),
        Import(e) => import_fa(e),
        Rule(e) => rule_fa(e),
        Transition(e) => transition_fa(e),
        Unexpected { path, .. } => format!(
            "{}: خطای پیش‌بینی‌نشدهٔ پایگاه داده؛ `hamyar doctor` را اجرا کنید و اگر دوباره رخ داد گزارشش دهید.",
            p(path)
        ),
    }
}

fn import_fa(e: &ImportError) -> String {
    match e {
        ImportError::NumberTaken { record } => format!(
            "{record} در این پایگاه داده سابقهٔ دیگری است (دو پایگاه داده جدا از هم آن را ساخته‌اند)؛ چیزی وارد نشد."
        ),
        ImportError::MissingReference { record, id } => format!(
            "پروندهٔ صورتجلسه ناسازگار است: {record} ({id}) به سابقه‌ای اشاره دارد که در پرونده نیست؛ چیزی وارد نشد."
        ),
        ImportError::MalformedId { id } => {
            format!(
                "پروندهٔ صورتجلسه شناسهٔ نادرست «{id}» دارد؛ چیزی وارد نشد.",
                id = super::isolate(id)
            )
        }
    }
}

fn rule_fa(e: &RuleError) -> String {
    match e {
        RuleError::MeetingApproved(n) => format!(
            "نشست {} تصویب شده و فقط‌خواندنی است؛ اصلاح را به‌صورت اصلاحیه ثبت کنید.",
            Lang::Fa.number(n)
        ),
        RuleError::NotApprovedYet(n) => format!(
            "نشست {} هنوز تصویب نشده است؛ به‌جای اصلاحیه، خود آن را ویرایش کنید.",
            Lang::Fa.number(n)
        ),
        RuleError::SubstituteNeedsPerson => {
            "جانشین باید نام کسی را که به‌جای او آمده است داشته باشد.".into()
        }
        RuleError::DecisionFollowedUp(n) => format!(
            "مصوبهٔ {} در نشست‌های بعدی پیگیری شده است؛ به‌جای پاک‌کردن، لغوش کنید.",
            Lang::Fa.decision_number(*n)
        ),
        RuleError::FollowUpBeforeDecision { number, decided } => format!(
            "مصوبهٔ {} در {} گرفته شده است؛ پیگیری آن نمی‌تواند تاریخی پیش از آن داشته باشد.",
            Lang::Fa.decision_number(*number),
            Lang::Fa.date(*decided)
        ),
        RuleError::FollowUpAfterToday { today } => format!(
            "پیگیری نمی‌تواند تاریخی پس از امروز ({}) داشته باشد.",
            Lang::Fa.date(*today)
        ),
        RuleError::EmptyName => "نام خالی است؛ نامی بنویسید.".into(),
        RuleError::MergeIntoItself => {
            "مورد دیگری را برای یکی کردن برگزینید؛ هیچ موردی با خودش یکی نمی‌شود.".into()
        }
        RuleError::QuorumAboveMembers { quorum, members } => format!(
            "حد نصاب {} دستگاه است اما سلسله نشست {} دستگاه عضو دارد؛ دستگاه عضو بیفزایید یا حد نصاب را کم کنید.",
            Lang::Fa.number(quorum),
            Lang::Fa.number(members)
        ),
        RuleError::MeetingStillOpen { number, status } => format!(
            "نشست {} هنوز {} است؛ پیش از نشست بعدی آن را آغاز و پایان دهید (یا اصلاحش کنید).",
            Lang::Fa.number(number),
            status.label_fa()
        ),
        RuleError::MeetingNumberTaken { last, .. } => format!(
            "شمارهٔ نشست‌ها بالا می‌رود: آخرین نشست {} است، پس این یکی دست‌کم {} است.",
            Lang::Fa.number(last),
            Lang::Fa.number(last + 1)
        ),
        RuleError::NumberFixed(n) => format!(
            "نشست {} آغاز شده است؛ شماره‌اش دیگر تغییر نمی‌کند.",
            Lang::Fa.number(n)
        ),
        RuleError::NothingAmended => {
            "این اصلاحیه چیزی را تغییر نمی‌دهد؛ مقداری را تغییر دهید یا اصلاح را در متن بنویسید."
                .into()
        }
        RuleError::NameTaken(name) => {
            format!(
                "«{name}» در فهرست هست؛ به‌جای افزودن دوباره، همان را انتخاب کنید.",
                name = super::isolate(name)
            )
        }
    }
}

fn transition_fa(e: &TransitionError) -> String {
    let fa = Lang::Fa;
    match e {
        TransitionError::Meeting { from, to } => format!(
            "وضعیت نشست از «{}» به «{}» نمی‌رود.",
            fa.status(*from),
            fa.status(*to)
        ),
        TransitionError::Issue { from, to } => format!(
            "وضعیت مسئله از «{}» به «{}» نمی‌رود.",
            fa.status(*from),
            fa.status(*to)
        ),
        TransitionError::Decision { from, to } => format!(
            "وضعیت مصوبه از «{}» به «{}» نمی‌رود.",
            fa.status(*from),
            fa.status(*to)
        ),
    }
}

fn damage_summary_fa(rows: &[DamagedRow]) -> String {
    match rows {
        [] => "هیچ سابقهٔ آسیب‌دیده‌ای".into(),
        [one] => format!("یک سابقهٔ آسیب‌دیده ({})", one.localized(Lang::Fa)),
        [first, ..] => format!(
            "{} سابقهٔ آسیب‌دیده (نخستین: {})",
            Lang::Fa.number(rows.len()),
            first.localized(Lang::Fa)
        ),
    }
}

fn file_kind_fa(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Directory => "یک پوشه است",
        FileKind::Fifo => "یک لولهٔ نام‌دار (FIFO) است",
        FileKind::Socket => "یک سوکت است",
        FileKind::CharDevice => "یک دستگاه نویسه‌ای است",
        FileKind::BlockDevice => "یک دستگاه بلوکی است",
        FileKind::Other => "پروندهٔ معمولی نیست",
    }
}

pub(super) fn record_fa(r: Record) -> &'static str {
    match r {
        Record::Series => "دوره",
        Record::Agency => "دستگاه",
        Record::Person => "فرد",
        Record::Category => "دسته",
        Record::Meeting => "نشست",
        Record::Attendance => "حضور و غیاب",
        Record::Issue => "مسئله",
        Record::AgendaItem => "بند دستور جلسه",
        Record::Statement => "اظهار",
        Record::Decision => "مصوبه",
        Record::ReviewItem => "بند بررسی",
        Record::FollowUp => "پیگیری",
        Record::Amendment => "اصلاحیه",
        Record::Draft => "پیش‌نویس",
        Record::Invitee => "دعوت همیشگی",
        Record::Change => "بند دفتر تغییرات",
    }
}

fn row_problem_fa(problem: &RowProblem) -> String {
    match problem {
        RowProblem::NotUtf8 => "متنی که UTF-8 درست نیست".into(),
        RowProblem::WrongType => "مقداری از نوع نادرست".into(),
        RowProblem::OutOfRange(n) => format!("عدد {n} بیرون از بازه"),
        RowProblem::Unreadable(v) => format!("«{v}» که خوانده نمی‌شود", v = super::isolate(v)),
    }
}

fn log_problem_fa(problem: &LogProblem) -> String {
    match problem {
        LogProblem::UnknownTable(t) => format!(
            "بندی به جدول ناشناختهٔ «{t}» اشاره دارد",
            t = super::isolate(t)
        ),
        LogProblem::UnknownColumn(c) => format!(
            "بندی به ستون ناشناختهٔ «{c}» اشاره دارد",
            c = super::isolate(c)
        ),
        LogProblem::NotARecord => "سابقهٔ نگه‌داشتهٔ یک بند سابقه نیست".into(),
        LogProblem::Unreadable => "سابقهٔ نگه‌داشتهٔ یک بند خوانده نمی‌شود".into(),
        LogProblem::NoEarlierState => "بندی حالت پیشین ندارد".into(),
    }
}

impl Localized for DueError {
    fn localized(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            DueError::Date(DateError::Format(s)) => {
                format!(
                    "«{s}» تاریخ نیست؛ مانند ۱۴۰۵/۹/۳۰ یا ‎+14‎ یا ‎+2w‎ یا «آخر ماه» بنویسید.",
                    s = super::isolate(s)
                )
            }
            DueError::Date(DateError::Impossible(s)) => {
                format!("تاریخ {} در تقویم وجود ندارد.", lang.digits(s))
            }
            DueError::Date(DateError::YearOutOfRange(y)) => format!(
                "سال {} پذیرفته نیست: ۱۲۰۰ تا ۱۵۹۹ شمسی و ۱۶۰۰ تا ۲۹۹۹ میلادی.",
                lang.number(y)
            ),
            DueError::TooFar(s) => format!(
                "«{s}» خیلی دور است؛ مهلت حداکثر ده سال است.",
                s = super::isolate(s)
            ),
        }
    }
}

impl Localized for DateError {
    fn localized(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            DateError::Format(s) => format!(
                "«{s}» تاریخ نیست؛ آن را مانند ۱۴۰۵/۰۹/۰۶ (شمسی) یا 2026-11-27 (میلادی) بنویسید.",
                s = super::isolate(s)
            ),
            // As typed, so the user finds what to correct.
            DateError::Impossible(s) => format!("تاریخ {s} در تقویم وجود ندارد."),
            DateError::YearOutOfRange(y) => format!(
                "سال {} پذیرفته نیست: ۱۲۰۰ تا ۱۵۹۹ شمسی و ۱۶۰۰ تا ۲۹۹۹ میلادی.",
                lang.number(y)
            ),
        }
    }
}

impl Localized for UnknownCode {
    /// The accepted codes with their Persian labels, so the user sees both ways to write one.
    fn localized(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        let noun = match self.kind {
            StatusKind::Meeting => "وضعیت نشست",
            StatusKind::Issue => "وضعیت مشکل",
            StatusKind::Decision => "وضعیت مصوبه",
            StatusKind::Attendance => "حضور و غیاب",
        };
        let choices: Vec<String> = self
            .kind
            .codes()
            .iter()
            .zip(self.kind.labels_fa())
            .map(|(code, label)| format!("{code} ({label})"))
            .collect();
        format!(
            "{noun} «{}» شناخته نیست؛ یکی از این‌ها را بنویسید: {}",
            super::isolate(&self.code),
            choices.join("، ")
        )
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    #[test]
    fn persian_sentences_name_the_file_and_what_to_do() {
        let e = StoreError::NotAFile {
            path: PathBuf::from("/tmp/f"),
            kind: FileKind::Fifo,
        };
        let fa = e.localized(Lang::Fa);
        assert!(
            fa.contains("«\u{2068}/tmp/f\u{2069}»") && fa.contains("لولهٔ نام‌دار"),
            "{fa}"
        );
        assert_eq!(e.localized(Lang::En), e.to_string());
        let e = StoreError::Damaged {
            path: PathBuf::from("x.db"),
            rows: vec![DamagedRow {
                record: Record::Decision,
                key: "d1".into(),
                column: "due".into(),
                problem: RowProblem::Unreadable("2014-13-40".into()),
            }],
        };
        let fa = e.localized(Lang::Fa);
        assert!(fa.contains("مصوبه d1") && fa.contains("2014-13-40"), "{fa}");
    }
}
