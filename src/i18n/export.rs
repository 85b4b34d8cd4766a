//! The words of the minutes (صورتجلسه) and of the per-agency follow-up list, in both languages.
//!
//! Where a label sits between two values («X به نمایندگی از Y», «صفحهٔ ۱ از ۳») both languages put
//! the values in the same order, so a label is enough and no sentence enum is needed.

/// Every label an exported document uses.
#[derive(Debug)]
pub struct ExportStrings {
    /// «صورتجلسه»: the document's kind, before the meeting's number.
    pub minutes_of_meeting: &'static str,
    pub series: &'static str,
    pub date: &'static str,
    pub time: &'static str,
    /// Between the start and end time: «۰۹:۳۰ تا ۱۱:۳۰».
    pub until: &'static str,
    pub place: &'static str,
    pub status: &'static str,
    /// The warning printed on minutes that are not final.
    pub draft_notice: &'static str,
    pub people: &'static str,
    pub chair: &'static str,
    pub secretary: &'static str,
    pub present: &'static str,
    pub absent: &'static str,
    pub substitutes: &'static str,
    /// «X به نمایندگی از Y».
    pub on_behalf_of: &'static str,
    pub name: &'static str,
    pub title: &'static str,
    pub agency: &'static str,
    pub attendance: &'static str,
    pub reason: &'static str,
    pub agenda: &'static str,
    pub review: &'static str,
    pub discussion: &'static str,
    /// The discussion heading for statements on no particular issue.
    pub general: &'static str,
    pub decisions: &'static str,
    pub number: &'static str,
    pub decision_text: &'static str,
    pub lead_agency: &'static str,
    pub supporting: &'static str,
    pub due: &'static str,
    pub due_jalali: &'static str,
    pub due_gregorian: &'static str,
    /// The review's last column: the status, then the report made at the meeting.
    pub status_and_report: &'static str,
    /// Before the count of open decisions with no news, by agency.
    pub waiting_without_news: &'static str,
    /// Before the decisions done or cancelled between meetings, listed by number.
    pub closed_since_previous: &'static str,
    /// The counted line of decisions settled before the previous meeting; `{n}` is the count.
    pub settled_before: &'static str,
    pub next_meeting: &'static str,
    pub signatures: &'static str,
    pub signature: &'static str,
    pub amendments: &'static str,
    /// «صفحهٔ ۱ از ۳»: before the page number, and between it and the page count.
    pub page: &'static str,
    pub of: &'static str,
    /// What an empty section says.
    pub none: &'static str,
    pub follow_up_title: &'static str,
    /// Before the agency's name in the letter's heading.
    pub addressed_to: &'static str,
    pub follow_up_intro: &'static str,
    pub as_of: &'static str,
    pub meeting_date: &'static str,
    pub days_overdue: &'static str,
    pub last_follow_up: &'static str,
    pub secretary_signature: &'static str,
    /// The heading line of a Persian letter; none in English.
    pub invocation: &'static str,
    /// The letter block: number, date, attachments.
    pub letter_number: &'static str,
    pub letter_date: &'static str,
    pub attachments: &'static str,
    /// What پیوست says when nothing is attached.
    pub no_attachments: &'static str,
    /// Before the agency's name in a letter to it.
    pub agency_head: &'static str,
    /// The quorum sentence: `{present}` of `{members}` member agencies represented.
    pub quorum_met: &'static str,
    pub quorum_missing: &'static str,
    /// With no quorum rule: how many member agencies were represented.
    pub quorum_none: &'static str,
    /// The signature lines of the chair and the secretary.
    pub officers: &'static str,
}

pub static FA: ExportStrings = ExportStrings {
    minutes_of_meeting: "صورتجلسهٔ نشست شمارهٔ",
    series: "سلسله نشست",
    date: "تاریخ",
    time: "ساعت",
    until: "تا",
    place: "محل",
    status: "وضعیت",
    draft_notice: "پیش‌نویس — این صورتجلسه هنوز نهایی و تأیید نشده است.",
    people: "حاضران و غایبان",
    chair: "رئیس جلسه",
    secretary: "دبیر جلسه",
    present: "حاضران",
    absent: "غایبان",
    substitutes: "جانشینان",
    on_behalf_of: "به نمایندگی از",
    name: "نام",
    title: "سمت",
    agency: "دستگاه",
    attendance: "حضور",
    reason: "علت",
    agenda: "دستور جلسه",
    review: "پیگیری مصوبات قبلی",
    discussion: "خلاصهٔ مذاکرات",
    general: "کلیات",
    decisions: "مصوبات",
    number: "ردیف",
    decision_text: "شرح مصوبه",
    lead_agency: "مسئول پیگیری",
    supporting: "همکاران",
    due: "مهلت اجرا",
    due_jalali: "مهلت اجرا (هجری شمسی)",
    due_gregorian: "مهلت اجرا (میلادی)",
    status_and_report: "وضعیت و گزارش پیگیری",
    waiting_without_news: "سایر مصوبات باز، بی‌گزارش در این نشست، به تفکیک دستگاه مسئول",
    closed_since_previous: "انجام‌شده یا لغوشده پس از نشست قبل، بی‌گزارش در این نشست",
    settled_before: "{n} مصوبهٔ دیگر پیش از نشست قبل انجام یا لغو شده است.",
    next_meeting: "تاریخ نشست بعد",
    signatures: "امضای حاضران",
    signature: "امضا",
    amendments: "اصلاحیه‌ها",
    page: "صفحهٔ",
    of: "از",
    none: "موردی ثبت نشده است.",
    follow_up_title: "فهرست مصوبات در دست پیگیری",
    addressed_to: "به",
    follow_up_intro: "مصوبات زیر بر عهدهٔ آن دستگاه است و هنوز به انجام نرسیده است. خواهشمند است نتیجهٔ اقدامات را به دبیرخانهٔ نشست اعلام فرمایید.",
    as_of: "تا تاریخ",
    meeting_date: "تاریخ نشست",
    days_overdue: "روزهای تأخیر",
    last_follow_up: "آخرین پیگیری",
    secretary_signature: "دبیر جلسه (نام و امضا)",
    invocation: "بسمه تعالی",
    letter_number: "شماره",
    letter_date: "تاریخ",
    attachments: "پیوست",
    no_attachments: "ندارد",
    agency_head: "ریاست محترم",
    quorum_met: "جلسه با حضور نمایندگان {present} دستگاه از {members} دستگاه عضو رسمیت یافت.",
    quorum_missing: "جلسه با حضور نمایندگان {present} دستگاه از {members} دستگاه عضو به حد نصاب ({required} دستگاه) نرسید.",
    quorum_none: "جلسه با حضور نمایندگان {present} دستگاه از {members} دستگاه عضو برگزار شد.",
    officers: "امضای رئیس و دبیر جلسه",
};

pub static EN: ExportStrings = ExportStrings {
    minutes_of_meeting: "Minutes of meeting",
    series: "Series",
    date: "Date",
    time: "Time",
    until: "to",
    place: "Place",
    status: "Status",
    draft_notice: "DRAFT — these minutes are not final and not yet approved.",
    people: "Attendance",
    chair: "Chair",
    secretary: "Secretary",
    present: "Present",
    absent: "Absent",
    substitutes: "Substitutes",
    on_behalf_of: "on behalf of",
    name: "Name",
    title: "Title",
    agency: "Agency",
    attendance: "Attendance",
    reason: "Reason",
    agenda: "Agenda",
    review: "Review of previous decisions",
    discussion: "Discussion",
    general: "General",
    decisions: "Decisions",
    number: "No.",
    decision_text: "Decision",
    lead_agency: "Responsible",
    supporting: "Supporting",
    due: "Deadline",
    due_jalali: "Deadline (Solar Hijri)",
    due_gregorian: "Deadline (Gregorian)",
    status_and_report: "Status and report",
    waiting_without_news: "Other open decisions, not reported on at this meeting, by responsible agency",
    closed_since_previous: "Done or cancelled since the previous meeting, not reported on at this meeting",
    settled_before: "Not listed: {n} earlier decision(s) done or cancelled before the previous meeting.",
    next_meeting: "Next meeting",
    signatures: "Signatures of those present",
    signature: "Signature",
    amendments: "Amendments",
    page: "Page",
    of: "of",
    none: "None recorded.",
    follow_up_title: "Open decisions for follow-up",
    addressed_to: "To",
    follow_up_intro: "The decisions below are your agency's to carry out and are not yet done. Please report what has been done to the meeting's secretariat.",
    as_of: "As of",
    meeting_date: "Meeting date",
    days_overdue: "Days overdue",
    last_follow_up: "Last follow-up",
    secretary_signature: "Secretary (name and signature)",
    invocation: "",
    letter_number: "No.",
    letter_date: "Date",
    attachments: "Attachments",
    no_attachments: "none",
    agency_head: "To the head of",
    quorum_met: "The meeting had its quorum: {present} of the {members} member agencies were represented.",
    quorum_missing: "The meeting did not reach its quorum of {required}: {present} of the {members} member agencies were represented.",
    quorum_none: "{present} of the {members} member agencies were represented.",
    officers: "Chair and secretary",
};

impl super::Lang {
    /// The labels of exported minutes and follow-up lists in this language.
    pub fn export_strings(self) -> &'static ExportStrings {
        match self {
            super::Lang::Fa => &FA,
            super::Lang::En => &EN,
        }
    }
}

/// Sentences of `export` and `import` that carry values.
#[derive(Debug, Clone)]
pub enum ExportMessage<'a> {
    /// A DOCX or PDF written to its default file name.
    Written { path: &'a std::path::Path },
    /// A name matched several agencies and none exactly.
    SeveralAgenciesMatch { name: &'a str, found: &'a [String] },
    /// The counts of an import.
    Imported {
        added: usize,
        updated: usize,
        unchanged: usize,
        older: usize,
        conflicts: usize,
    },
    /// A record changed on both sides (`entity` is its table), and which change was kept.
    Conflict {
        entity: &'a str,
        name: &'a str,
        here_at: &'a str,
        file_at: &'a str,
        kept_file: bool,
        approved_here: bool,
    },
}

impl super::Localized for ExportMessage<'_> {
    fn localized(&self, lang: super::Lang) -> String {
        match lang {
            super::Lang::Fa => self.fa(),
            super::Lang::En => self.en(),
        }
    }
}

fn list(items: &[String]) -> String {
    items.iter().map(|s| format!("\n  {s}")).collect()
}

impl ExportMessage<'_> {
    fn fa(&self) -> String {
        let n = |x: usize| super::Lang::Fa.number(x);
        match self {
            ExportMessage::Written { path } => format!("در {} نوشته شد.", path.display()),
            ExportMessage::SeveralAgenciesMatch { name, found } => format!(
                "چند دستگاه با «{name}» جور است؛ یکی را نام ببرید:{}",
                list(found),
                name = super::isolate(name)
            ),
            ExportMessage::Imported {
                added,
                updated,
                unchanged,
                older,
                conflicts,
            } => format!(
                "درون‌ریزی شد: {} رکورد تازه، {} به‌روز شده، {} بدون تغییر، {} کهنه‌تر از این پایگاه، {} تعارض.",
                n(*added),
                n(*updated),
                n(*unchanged),
                n(*older),
                n(*conflicts)
            ),
            ExportMessage::Conflict {
                entity,
                name,
                here_at,
                file_at,
                kept_file,
                approved_here,
            } => {
                let record = format!(
                    "{} «{}»",
                    entity_fa(entity),
                    super::isolate(super::Lang::Fa.digits(name))
                );
                let (here_at, file_at) = (
                    super::Lang::Fa.moment(here_at),
                    super::Lang::Fa.moment(file_at),
                );
                if *approved_here {
                    format!(
                        "  تعارض: {record} در نشستی است که اینجا تأیید شده است؛ نسخهٔ این پایگاه نگه داشته شد."
                    )
                } else if *kept_file {
                    format!(
                        "  تعارض: {record} در هر دو جا تغییر کرده بود؛ تغییر تازه‌تر پرونده ({file_at}) جای تغییر این پایگاه ({here_at}) را گرفت."
                    )
                } else {
                    format!(
                        "  تعارض: {record} در هر دو جا تغییر کرده بود؛ تغییر تازه‌تر این پایگاه ({here_at}) ماند و تغییر پرونده ({file_at}) کنار گذاشته شد."
                    )
                }
            }
        }
    }

    fn en(&self) -> String {
        match self {
            ExportMessage::Written { path } => format!("Wrote {}.", path.display()),
            ExportMessage::SeveralAgenciesMatch { name, found } => format!(
                "several agencies match «{name}»; name one of them:{}",
                list(found),
                name = super::isolate(name)
            ),
            ExportMessage::Imported {
                added,
                updated,
                unchanged,
                older,
                conflicts,
            } => format!(
                "Imported: {added} new, {updated} updated, {unchanged} unchanged, {older} older than here, {conflicts} conflicts."
            ),
            ExportMessage::Conflict {
                entity,
                name,
                here_at,
                file_at,
                kept_file,
                approved_here,
            } => {
                let record = format!(
                    "{} «{name}»",
                    entity_en(entity),
                    name = super::isolate(name)
                );
                if *approved_here {
                    format!(
                        "  conflict: {record} belongs to a meeting approved here; this database's copy was kept."
                    )
                } else if *kept_file {
                    format!(
                        "  conflict: {record} was changed on both sides; the file's newer change ({file_at}) replaced this database's ({here_at})."
                    )
                } else {
                    format!(
                        "  conflict: {record} was changed on both sides; this database's newer change ({here_at}) was kept, the file's ({file_at}) set aside."
                    )
                }
            }
        }
    }
}

fn entity_fa(table: &str) -> &'static str {
    match table {
        "agencies" => "دستگاه",
        "people" => "شخص",
        "categories" => "دسته",
        "series" => "سلسله نشست",
        "meetings" => "نشست",
        "attendance" => "حضور و غیاب",
        "issues" => "موضوع",
        "statements" => "اظهارات",
        "decisions" => "مصوبهٔ",
        "follow_ups" => "پیگیری مصوبهٔ",
        "amendments" => "اصلاحیهٔ نشست",
        _ => "رکورد",
    }
}

fn entity_en(table: &str) -> &'static str {
    match table {
        "agencies" => "agency",
        "people" => "person",
        "categories" => "category",
        "series" => "series",
        "meetings" => "meeting",
        "attendance" => "attendance",
        "issues" => "issue",
        "statements" => "statement",
        "decisions" => "decision",
        "follow_ups" => "the follow-up of decision",
        "amendments" => "an amendment of meeting",
        _ => "record",
    }
}
