//! The interactive app's words.

use super::{Lang, Localized};
use crate::domain::{Date, DecisionNumber, DueError, Quorum};

/// Fixed strings of the screens, one instance per language.
#[derive(Debug)]
pub struct TuiStrings {
    pub app_name: &'static str,
    pub meetings_title: &'static str,
    pub meeting: &'static str,
    pub elapsed: &'static str,
    pub tab_all: &'static str,
    pub tab_uncategorised: &'static str,
    pub tab_review: &'static str,
    pub issues: &'static str,
    pub description: &'static str,
    pub history: &'static str,
    pub statements: &'static str,
    pub decisions: &'static str,
    pub follow_ups: &'static str,
    pub raised_in: &'static str,
    pub on_agenda_of: &'static str,
    pub nothing_here: &'static str,
    pub no_issue: &'static str,
    pub whole_meeting: &'static str,
    pub no_matches: &'static str,
    pub no_due: &'static str,
    pub overdue: &'static str,
    pub resolved_shown: &'static str,
    pub form_hint: &'static str,
    pub picker_hint: &'static str,
    /// What Enter does in a picker: take the highlighted option, or add the name typed.
    pub enter_choose: &'static str,
    pub enter_add: &'static str,
    pub enter_unchoose: &'static str,
    pub person_noun: &'static str,
    pub agency_noun: &'static str,
    pub category_noun: &'static str,
    pub merge_title: &'static str,
    pub directory_title: &'static str,
    pub directory_keys: &'static str,
    pub directory_empty: &'static str,
    pub agencies_tab: &'static str,
    pub people_tab: &'static str,
    pub categories_tab: &'static str,
    pub inactive_shown: &'static str,
    /// Beside a deactivated agency or person, an archived category.
    pub inactive_mark: &'static str,
    /// Before the series a person is a standing invitee of.
    pub invitee_mark: &'static str,
    /// A category that serves every series.
    pub every_series: &'static str,
    /// An optional date field left empty.
    pub no_date: &'static str,
    pub guest_title: &'static str,
    pub discard_question: &'static str,
    pub yes_no: &'static str,
    /// Under a menu of choices: what its keys do, Enter as in every picker.
    pub menu_hint: &'static str,
    pub too_small: &'static str,
    pub welcome_title: &'static str,
    pub welcome_text: &'static str,
    pub welcome_keys: &'static str,
    pub meetings_keys: &'static str,
    pub room_keys: &'static str,
    pub attendance_title: &'static str,
    pub attendance_keys: &'static str,
    /// The attendance of a series with nobody to expect yet: how to add people.
    pub attendance_empty: &'static str,
    pub status_title: &'static str,
    pub help_title: &'static str,
    pub help_keys: &'static str,
    /// The help's parts: the open dialog's keys, the screen's, the global ones.
    pub help_parts: [&'static str; 3],
    pub persian_layout: &'static str,
    pub start_meeting: &'static str,
    pub close_meeting: &'static str,
    pub reopen_meeting: &'static str,
    pub approve_meeting: &'static str,
    pub amend_meeting: &'static str,
    pub edit_meeting: &'static str,
    pub approve_question: &'static str,
    pub read_only: &'static str,
    pub other_hamyar: &'static str,
    pub decision_noun: &'static str,
    pub statement_noun: &'static str,
    pub issue_noun: &'static str,
    pub series_noun: &'static str,
    pub amendment_noun: &'static str,
    /// The amendment picker's last option: a correction in words only.
    pub amend_in_words: &'static str,
    /// The title of an attendance line's amendment.
    pub amend_attendance_noun: &'static str,
    /// Beside a person in the amendment picker: their attendance.
    pub attendance_noun: &'static str,
    /// Someone whose attendance was not marked.
    pub not_marked: &'static str,
    /// A substitute picker's "nobody" option.
    pub nobody: &'static str,
    pub reason_noun: &'static str,
    pub substitute_noun: &'static str,
    pub follow_up_noun: &'static str,
    pub issue_status_title: &'static str,
    pub follow_up_title: &'static str,
    pub move_issue_title: &'static str,
    pub draft_question: &'static str,
    pub export_noun: &'static str,
    pub format_docx: &'static str,
    pub format_pdf: &'static str,
    pub format_html: &'static str,
    pub format_md: &'static str,
    pub format_json: &'static str,
    pub format_csv: &'static str,
    pub preview: &'static str,
    pub overdue_word: &'static str,
    pub review_title: &'static str,
    pub review_keys: &'static str,
    pub filter_label: &'static str,
    pub no_filter: &'static str,
    pub loading: &'static str,
    pub review_headers: [&'static str; 7],
    pub grouped_by_agency: &'static str,
    pub reviewed_in: &'static str,
    pub search_title: &'static str,
    pub search_keys: &'static str,
    pub search_hint: &'static str,
    pub kind_issue: &'static str,
    pub kind_decision: &'static str,
    pub kind_statement: &'static str,
    pub now_discussing: &'static str,
    pub no_decisions_yet: &'static str,
}

pub static FA: TuiStrings = TuiStrings {
    app_name: "همیار",
    meetings_title: "نشست‌ها",
    meeting: "نشست",
    elapsed: "مدت",
    tab_all: "همه",
    tab_uncategorised: "بدون دسته",
    tab_review: "پیگیری مصوبات قبلی",
    issues: "مشکلات",
    description: "شرح",
    history: "سابقه",
    statements: "اظهارات",
    decisions: "مصوبات",
    follow_ups: "پیگیری‌ها",
    raised_in: "مطرح‌شده در نشست",
    on_agenda_of: "در دستور نشست‌های",
    nothing_here: "موردی نیست.",
    no_issue: "— بدون مشکل مرتبط",
    whole_meeting: "— دربارهٔ کل نشست",
    no_matches: "چیزی پیدا نشد",
    no_due: "بدون مهلت",
    overdue: "معوق",
    resolved_shown: "حل‌شده‌ها هم دیده می‌شوند",
    form_hint: "Tab: خانهٔ بعد · Ctrl+S: ذخیره · Esc: انصراف",
    picker_hint: "بنویسید تا فهرست کوتاه شود · ↑↓",
    enter_choose: "انتخاب",
    enter_add: "افزودن",
    enter_unchoose: "برداشتن",
    person_noun: "شخص",
    agency_noun: "دستگاه",
    category_noun: "دسته",
    merge_title: "یکی کردن دو مورد تکراری",
    directory_title: "فهرست دستگاه‌ها، اشخاص و دسته‌ها",
    directory_keys: "[ ]: بخش · n: افزودن · e: اصلاح · a: غیرفعال · m: یکی کردن · /: پالایه · Esc: بازگشت · ?: راهنما",
    directory_empty: "موردی نیست؛ n می‌افزاید.",
    agencies_tab: "دستگاه‌ها",
    people_tab: "اشخاص",
    categories_tab: "دسته‌ها",
    inactive_shown: "غیرفعال‌ها هم دیده می‌شوند",
    inactive_mark: "غیرفعال",
    invitee_mark: "مدعو:",
    every_series: "همهٔ سلسله‌ها",
    no_date: "تعیین نشده",
    guest_title: "مهمان تازه (حاضر در همین نشست)",
    discard_question: "آنچه نوشته‌اید دور ریخته شود؟",
    yes_no: "y: بله · n: نه",
    menu_hint: "↑↓ یا شماره · Enter: انتخاب · Esc: بستن",
    too_small: "پنجره کوچک است؛ بزرگ‌ترش کنید.",
    welcome_title: "به همیار خوش آمدید",
    welcome_text: "این پایگاه داده هنوز خالی است. یک سلسله نشست بسازید، یا دادهٔ نمایشی نشست‌های کرمان را بار کنید تا ببینید همیار چه می‌کند.",
    welcome_keys: "n: سلسله نشست تازه · l: نمایش (در پرونده‌ای موقت) · ?: راهنما · q: خروج",
    meetings_keys: "Enter: باز کردن · n: نشست بعدی · e: اصلاح · s: سلسلهٔ تازه · a: بایگانی · ?: راهنما · q: خروج",
    room_keys: "d: مصوبه · t: اظهارات · i: مشکل · a: حضور · m: وضعیت نشست · u: برگرداندن · ?: راهنما",
    attendance_title: "حضور و غیاب",
    attendance_keys: "p: حاضر · x: غایب · e: غیبت موجه · s: جانشین · r: دلیل · n: مهمان · Esc: بستن",
    attendance_empty: "هنوز کسی در فهرست نیست. n: مهمانی که آمده (با نام، سمت و دستگاه). دعوت‌شدگان همیشگی و افراد دستگاه‌های عضو را در فهرست اشخاص بیفزایید: Esc و سپس p.",
    status_title: "وضعیت نشست",
    help_title: "راهنمای کلیدها",
    help_keys: "↑/↓ j/k: پیمایش · Esc: بستن",
    help_parts: [
        "کلیدهای این پنجره",
        "کلیدهای این صفحه",
        "کلیدهای همه‌جا (جز هنگام نوشتن)",
    ],
    persian_layout: "صفحه‌کلید فارسی",
    start_meeting: "آغاز نشست (ساعت شروع ثبت می‌شود)",
    close_meeting: "پایان نشست",
    reopen_meeting: "ادامهٔ نشست",
    approve_meeting: "تأیید صورتجلسه (پس از آن فقط اصلاحیه)",
    amend_meeting: "ثبت اصلاحیه",
    edit_meeting: "اصلاح مشخصات نشست (تاریخ، ساعت، محل، رئیس، دبیر)",
    approve_question: "صورتجلسه تأیید شود؟ پس از تأیید، تغییر فقط با اصلاحیه ممکن است.",
    read_only: "این نشست تأیید شده و فقط‌خواندنی است؛ برای اصلاح، با m اصلاحیه ثبت کنید.",
    other_hamyar: "تغییرات همیار دیگری روی همین پرونده نمایش داده شد.",
    decision_noun: "مصوبه",
    statement_noun: "اظهارات",
    issue_noun: "مشکل",
    series_noun: "سلسله نشست",
    amendment_noun: "اصلاحیه",
    amend_in_words: "اصلاحیهٔ متنی (شرح آزاد)",
    amend_attendance_noun: "اصلاحیهٔ حضور و غیاب",
    attendance_noun: "حضور",
    not_marked: "ثبت نشده",
    nobody: "هیچ‌کس",
    reason_noun: "دلیل غیبت",
    substitute_noun: "جانشین",
    follow_up_noun: "گزارش پیگیری",
    issue_status_title: "وضعیت مشکل",
    follow_up_title: "وضعیت تازهٔ مصوبه",
    move_issue_title: "انتقال به دستهٔ دیگر",
    draft_question: "از پیش، نوشته‌ای ذخیره‌نشده مانده است. برگردانده شود؟",
    export_noun: "خروجی صورتجلسه",
    format_docx: "ورد، برای دفتر و امضا",
    format_pdf: "پی‌دی‌اف، از راه LibreOffice",
    format_html: "صفحهٔ وب، برای چاپ A4",
    format_md: "مارک‌داون",
    format_json: "پروندهٔ کامل، برای hamyar import",
    format_csv: "مصوبات، برای صفحه‌گسترده",
    preview: "پیش‌نمایش",
    overdue_word: "معوق",
    review_title: "بررسی مصوبات",
    review_keys: "c: پالایه · o: معوق‌ها · g: گروه‌بندی · f: پیگیری · y: رونوشت · Enter: رفتن به نشست · /: جست‌وجو · ?: راهنما",
    filter_label: "پالایه",
    no_filter: "همهٔ مصوبات",
    loading: "در حال خواندن مصوبات…",
    review_headers: [
        "ردیف",
        "شرح مصوبه",
        "مسئول پیگیری",
        "مهلت",
        "وضعیت",
        "روز تأخیر",
        "آخرین پیگیری",
    ],
    grouped_by_agency: "به تفکیک دستگاه",
    reviewed_in: "بررسی‌شده در نشست‌های",
    search_title: "جست‌وجو",
    search_keys: "↑↓ · Enter: رفتن به مورد · Esc: بازگشت",
    search_hint: "بنویسید تا در مشکلات، مصوبات و اظهارات جست‌وجو شود",
    kind_issue: "مشکلات",
    kind_decision: "مصوبات",
    kind_statement: "اظهارات",
    now_discussing: "در حال بررسی",
    no_decisions_yet: "هنوز مصوبه‌ای ثبت نشده است.",
};

pub static EN: TuiStrings = TuiStrings {
    app_name: "hamyar",
    meetings_title: "Meetings",
    meeting: "Meeting",
    elapsed: "running",
    tab_all: "All",
    tab_uncategorised: "No category",
    tab_review: "Review of earlier decisions",
    issues: "Issues",
    description: "Description",
    history: "History",
    statements: "Statements",
    decisions: "Decisions",
    follow_ups: "Follow-ups",
    raised_in: "raised in meeting",
    on_agenda_of: "on the agenda of meetings",
    nothing_here: "Nothing here.",
    no_issue: "— no linked issue",
    whole_meeting: "— the meeting as a whole",
    no_matches: "no match",
    no_due: "no deadline",
    overdue: "overdue",
    resolved_shown: "resolved issues shown",
    form_hint: "Tab: next field · Ctrl+S: save · Esc: cancel",
    picker_hint: "type to narrow · ↑↓",
    enter_choose: "choose",
    enter_add: "add",
    enter_unchoose: "remove",
    person_noun: "Person",
    agency_noun: "Agency",
    category_noun: "Category",
    merge_title: "Merge a duplicate",
    directory_title: "Agencies, people and categories",
    directory_keys: "[ ]: tab · n: add · e: edit · a: deactivate · m: merge · /: filter · Esc: back · ?: help",
    directory_empty: "Nothing here; n adds one.",
    agencies_tab: "Agencies",
    people_tab: "People",
    categories_tab: "Categories",
    inactive_shown: "inactive ones shown",
    inactive_mark: "inactive",
    invitee_mark: "invited:",
    every_series: "every series",
    no_date: "not set",
    guest_title: "New guest (present at this meeting)",
    discard_question: "Throw away what you typed?",
    yes_no: "y: yes · n: no",
    menu_hint: "↑↓ or its number · Enter: choose · Esc: close",
    too_small: "The window is too small; make it larger.",
    welcome_title: "Welcome to hamyar",
    welcome_text: "This database is still empty. Create a meeting series, or load the demo of the Kerman meetings to see what hamyar does.",
    welcome_keys: "n: new series · l: the demo (in a temporary file) · ?: help · q: quit",
    meetings_keys: "Enter: open · n: next meeting · e: edit · s: new series · a: archive · ?: help · q: quit",
    room_keys: "d: decision · t: statement · i: issue · a: attendance · m: meeting status · u: undo · ?: help",
    attendance_title: "Attendance",
    attendance_keys: "p: present · x: absent · e: excused · s: substitute · r: reason · n: guest · Esc: close",
    attendance_empty: "Nobody is listed yet. n: a guest who came (name, title, agency). Add the standing invitees and the member agencies' people in the directory: Esc, then p.",
    status_title: "Meeting status",
    help_title: "Keys",
    help_keys: "↑/↓ j/k: scroll · Esc: close",
    help_parts: [
        "Keys of this window",
        "Keys of this screen",
        "Keys everywhere (except while typing)",
    ],
    persian_layout: "Persian layout",
    start_meeting: "Start the meeting (records the start time)",
    close_meeting: "Close the meeting",
    reopen_meeting: "Reopen the meeting",
    approve_meeting: "Approve the minutes (then only amendments)",
    amend_meeting: "Record an amendment",
    edit_meeting: "Edit the meeting's details (date, time, place, chair, secretary)",
    approve_question: "Approve the minutes? After approval, changes are amendments only.",
    read_only: "This meeting is approved and read-only; record a correction as an amendment with m.",
    other_hamyar: "Showing changes made by another hamyar on this file.",
    decision_noun: "Decision",
    statement_noun: "Statement",
    issue_noun: "Issue",
    series_noun: "Series",
    amendment_noun: "Amendment",
    amend_in_words: "In words only (free text)",
    amend_attendance_noun: "Attendance amendment",
    attendance_noun: "Attendance",
    not_marked: "not marked",
    nobody: "nobody",
    reason_noun: "Reason for absence",
    substitute_noun: "Substitute",
    follow_up_noun: "Follow-up",
    issue_status_title: "Issue status",
    follow_up_title: "New status of the decision",
    move_issue_title: "Move to another category",
    draft_question: "Text typed earlier was never saved. Bring it back?",
    export_noun: "Export the minutes",
    format_docx: "Word, for the office and signatures",
    format_pdf: "PDF, through LibreOffice",
    format_html: "a web page, printable on A4",
    format_md: "Markdown",
    format_json: "the whole minutes, for hamyar import",
    format_csv: "the decisions, for spreadsheets",
    preview: "Preview",
    overdue_word: "overdue",
    review_title: "Action review",
    review_keys: "c: filter · o: overdue · g: group · f: follow-up · y: copy · Enter: go to meeting · /: search · ?: help",
    filter_label: "Filter",
    no_filter: "every decision",
    loading: "reading the decisions…",
    review_headers: [
        "No.",
        "Decision",
        "Lead agency",
        "Due",
        "Status",
        "Days late",
        "Last follow-up",
    ],
    grouped_by_agency: "by agency",
    reviewed_in: "reviewed in meetings",
    search_title: "Search",
    search_keys: "↑↓ · Enter: go to the item · Esc: back",
    search_hint: "type to search the issues, decisions and statements",
    kind_issue: "Issues",
    kind_decision: "Decisions",
    kind_statement: "Statements",
    now_discussing: "Now discussing",
    no_decisions_yet: "No decisions yet.",
};

/// Sentences of the app that carry values.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum TuiMessage<'a> {
    DecisionSaved(DecisionNumber),
    DecisionUpdated(DecisionNumber),
    DecisionDeleted(DecisionNumber),
    StatementSaved,
    StatementDeleted,
    IssueSaved,
    SeriesCreated,
    DemoLoaded,
    MeetingCreated(u32),
    MeetingStatus(&'a str),
    AmendmentSaved,
    AttendanceSaved(&'a str),
    FollowUpSaved(DecisionNumber),
    Undone(&'a str),
    /// An edit refused because another hamyar changed the record since the form opened; the
    /// form keeps what was typed, and now names the record as it is.
    EditedElsewhere(crate::store::Record),
    NothingToUndo,
    /// The form is missing something it needs: the field's name.
    Required(&'static str),
    BadQuorum,
    DraftKept(&'a str),
    FormTitle(&'static str, bool),
    /// What a typed deadline means, as it is typed.
    DueMeans(Date, bool),
    DueInvalid(&'a DueError),
    DeleteQuestion(&'a str),
    /// An export to a file name that is taken: replace it?
    ReplaceQuestion(&'a str),
    /// A decision as text for the clipboard, in logical order.
    DecisionAsText {
        number: DecisionNumber,
        text: &'a str,
        agency: &'a str,
        due: Option<Date>,
    },
    /// A decision was copied to the clipboard.
    Copied(DecisionNumber),
    /// A group heading of the review: open, overdue and done decisions.
    GroupCounts(usize, usize, usize),
    /// The minutes were written to this file.
    Exported(&'a str),
    /// A series' heading on the meetings screen: title, organisation, interval, quorum.
    SeriesHeading(&'a crate::domain::Series),
    /// A count that is not a whole number from 0 to the maximum (as typed, the maximum).
    BadCount(&'a str, u32),
    /// A series' details were saved; it was archived (true) or brought back.
    SeriesSaved(&'a str),
    SeriesArchived(&'a str, bool),
    /// A time of day that is not one (as typed).
    BadTime(&'a str),
    /// A meeting number that is not a whole number from 1 (as typed).
    BadNumber(&'a str),
    /// A meeting was scheduled, or its details changed.
    MeetingScheduled(u32, Date),
    MeetingUpdated(u32),
    /// Starting a meeting on another day than its date: move the date to today?
    MoveDateQuestion {
        date: Date,
        today: Date,
    },
    /// Before a merge: the duplicate's name and the one kept.
    MergeQuestion {
        duplicate: &'a str,
        keep: &'a str,
    },
    /// A merge was done: the one kept, and how many records now name it.
    Merged(&'a str, usize),
    /// A record deactivated (true) or made active again.
    Deactivated(&'a str, bool),
    AgencySaved(&'a str),
    CategorySaved(&'a str),
    /// A person was saved in the directory; a guest was added and marked present.
    PersonSaved(&'a str),
    GuestAdded(&'a str),
    /// The row of a picker that adds what was typed as a new record.
    AddNew(&'a str),

    /// A paste longer than a field takes: how many characters were left out.
    PasteCut(usize),
    /// Which rows of a long list show: first, last, of how many.
    Showing(usize, usize, usize),
    /// A sub-form's title: what it asks, about whom or what.
    About(&'static str, &'a str),
    /// The substitute form's title: the person who stands in for someone.
    SubstituteFor(&'a str),
    /// The follow-up note form's title: the decision and the status it moves to.
    FollowUpTitle(DecisionNumber, &'a str),
    /// The header's quorum: «دستگاه‌ها ۴/۵ · حد نصاب کامل».
    QuorumLine(&'a Quorum),
    /// The backup made when a meeting starts failed (the meeting started all the same): why.
    BackupFailed(&'a crate::store::StoreError),
}

impl Localized for TuiMessage<'_> {
    fn localized(&self, lang: Lang) -> String {
        let fa = lang == Lang::Fa;
        let pick = |a: String, b: String| if fa { a } else { b };
        match self {
            TuiMessage::DecisionSaved(n) => {
                let n = lang.decision_number(*n);
                pick(
                    format!("مصوبهٔ {n} ثبت شد."),
                    format!("Decision {n} recorded."),
                )
            }
            TuiMessage::DecisionUpdated(n) => {
                let n = lang.decision_number(*n);
                pick(
                    format!("مصوبهٔ {n} اصلاح شد."),
                    format!("Decision {n} corrected."),
                )
            }
            TuiMessage::DecisionDeleted(n) => {
                let n = lang.decision_number(*n);
                pick(
                    format!("مصوبهٔ {n} حذف شد."),
                    format!("Decision {n} deleted."),
                )
            }
            TuiMessage::StatementSaved => {
                pick("اظهارات ثبت شد.".into(), "Statement recorded.".into())
            }
            TuiMessage::StatementDeleted => {
                pick("اظهارات حذف شد.".into(), "Statement deleted.".into())
            }
            TuiMessage::IssueSaved => pick("مشکل ثبت شد.".into(), "Issue saved.".into()),
            TuiMessage::SeriesCreated => pick(
                "سلسله نشست ساخته شد؛ حالا نخستین نشست آن را تعیین کنید.".into(),
                "Series created; now schedule its first meeting.".into(),
            ),
            TuiMessage::DemoLoaded => pick(
                "نمایش نشست‌های کرمان در پرونده‌ای موقت باز است؛ پایگاه دادهٔ شما دست‌نخورده می‌ماند و نمایش با خروج پاک می‌شود.".into(),
                "The Kerman demo is open in a temporary file; your own database is untouched, and the demo goes when you quit.".into(),
            ),
            TuiMessage::MeetingCreated(n) => {
                let n = lang.number(n);
                pick(
                    format!("نشست {n} با مشکلات باز و مصوبات پیگیری‌نشده ساخته شد."),
                    format!("Meeting {n} created with the open issues and unfinished decisions."),
                )
            }
            TuiMessage::MeetingStatus(s) => {
                pick(format!("وضعیت نشست: {s}"), format!("Meeting status: {s}"))
            }
            TuiMessage::AmendmentSaved => {
                pick("اصلاحیه ثبت شد.".into(), "Amendment recorded.".into())
            }
            TuiMessage::AttendanceSaved(name) => pick(
                format!("حضور {name} ثبت شد."),
                format!("Attendance of {name} recorded."),
            ),
            TuiMessage::FollowUpSaved(n) => {
                let n = lang.decision_number(*n);
                pick(
                    format!("پیگیری مصوبهٔ {n} ثبت شد."),
                    format!("Follow-up of {n} recorded."),
                )
            }
            TuiMessage::Undone(what) => {
                pick(format!("برگردانده شد: {what}"), format!("Undone: {what}"))
            }
            TuiMessage::EditedElsewhere(what) => pick(
                format!(
                    "{} را همیار دیگری پس از باز شدن این فرم تغییر داده است و صفحه تازه شد؛ چیزی رونویسی نشد. نوشتهٔ شما سر جایش است: Ctrl+S آن را به‌جای آن تغییر ذخیره می‌کند، Esc کنارش می‌گذارد.",
                    super::errors::record_fa(*what)
                ),
                format!(
                    "Another hamyar changed this {} after the form opened, and the screen has been reloaded; nothing was overwritten. What you typed is still here: Ctrl+S saves it over that change, Esc drops it.",
                    what.noun_en()
                ),
            ),
            TuiMessage::NothingToUndo => pick(
                "چیزی برای برگرداندن نیست.".into(),
                "Nothing to undo.".into(),
            ),
            TuiMessage::Required(field) => pick(
                format!("«{field}» را پر کنید.", field = super::isolate(field)),
                format!("Fill in «{field}».", field = super::isolate(field)),
            ),
            TuiMessage::BadQuorum => pick(
                "حد نصاب باید عددی از ۰ تا ۱۰۰ باشد.".into(),
                "The quorum must be a number from 0 to 100.".into(),
            ),
            TuiMessage::DraftKept(when) => pick(
                format!("پیش‌نویسی که {when} نوشته شده بود برگردانده شد؛ Esc آن را دور می‌ریزد."),
                format!("A draft kept at {when} is back; Esc throws it away."),
            ),
            TuiMessage::FormTitle(what, editing) => match (fa, editing) {
                (true, false) => format!("{what} تازه"),
                (true, true) => format!("اصلاح {what}"),
                (false, false) => format!("New {}", what.to_lowercase()),
                (false, true) => format!("Edit {}", what.to_lowercase()),
            },
            TuiMessage::DueMeans(d, past) => {
                let when = format!("{} {}", lang.weekday(*d), lang.date(*d));
                match (fa, past) {
                    (true, false) => format!("یعنی {when}"),
                    (true, true) => format!("یعنی {when} (گذشته است)"),
                    (false, false) => format!("means {when}"),
                    (false, true) => format!("means {when} (already past)"),
                }
            }
            TuiMessage::DueInvalid(e) => e.localized(lang),
            TuiMessage::DecisionAsText {
                number,
                text,
                agency,
                due,
            } => {
                let n = lang.decision_number(*number);
                let due = due.map(|d| lang.date(d)).unwrap_or_default();
                pick(
                    format!("مصوبهٔ {n}: {text}\nمسئول پیگیری: {agency}\nمهلت اجرا: {due}"),
                    format!("Decision {n}: {text}\nLead agency: {agency}\nDue: {due}"),
                )
            }
            TuiMessage::Copied(n) => {
                let n = lang.decision_number(*n);
                pick(
                    format!("مصوبهٔ {n} رونوشت شد."),
                    format!("Decision {n} copied."),
                )
            }
            TuiMessage::GroupCounts(open, late, done) => {
                let (o, l, d) = (lang.number(open), lang.number(late), lang.number(done));
                pick(
                    format!("باز {o} · معوق {l} · انجام‌شده {d}"),
                    format!("open {o} · overdue {l} · done {d}"),
                )
            }
            TuiMessage::BackupFailed(why) => {
                let why = why.localized(lang);
                pick(
                    format!("نشست آغاز شد، ولی پشتیبان خودکار ساخته نشد: {why}"),
                    format!("The meeting started, but its automatic backup was not made: {why}"),
                )
            }
            TuiMessage::Exported(path) => pick(
                format!("صورتجلسه در {path} نوشته شد."),
                format!("The minutes were written to {path}."),
            ),
            TuiMessage::AddNew(name) => {
                pick(format!("+ افزودن «{name}»", name = super::isolate(name)), format!("+ add «{name}»", name = super::isolate(name)))
            }

            TuiMessage::PasteCut(n) => {
                let n = lang.number(n);
                pick(
                    format!("متن چسبانده‌شده بلند بود؛ {n} نویسهٔ آخر آن چسبانده نشد."),
                    format!("The pasted text was long; its last {n} characters were left out."),
                )
            }
            TuiMessage::QuorumLine(q) => quorum_line(lang, q),
            TuiMessage::SeriesHeading(s) => series_heading(lang, s),
            TuiMessage::BadCount(t, max) => {
                let max = lang.number(max);
                pick(
                    format!("«{t}» عددی از ۰ تا {max} نیست.", t = super::isolate(t)),
                    format!("«{t}» is not a whole number from 0 to {max}.", t = super::isolate(t)),
                )
            }
            TuiMessage::SeriesSaved(t) => pick(
                format!("سلسله نشست «{t}» ذخیره شد.", t = super::isolate(t)),
                format!("Series «{t}» saved.", t = super::isolate(t)),
            ),
            TuiMessage::SeriesArchived(t, true) => pick(
                format!("«{t}» بایگانی شد؛ v بایگانی‌ها را نشان می‌دهد، u برمی‌گرداند.", t = super::isolate(t)),
                format!("«{t}» archived; v shows archived series, u undoes.", t = super::isolate(t)),
            ),
            TuiMessage::SeriesArchived(t, false) => pick(
                format!("«{t}» از بایگانی بیرون آمد.", t = super::isolate(t)),
                format!("«{t}» is back from the archive.", t = super::isolate(t)),
            ),
            TuiMessage::BadTime(t) => pick(
                format!("«{t}» ساعت نیست؛ مانند ۰۹:۳۰ بنویسید.", t = super::isolate(t)),
                format!("«{t}» is not a time of day; write it as 09:30.", t = super::isolate(t)),
            ),
            TuiMessage::BadNumber(n) => pick(
                format!("«{n}» شمارهٔ نشست نیست؛ عددی از ۱ بنویسید.", n = super::isolate(n)),
                format!("«{n}» is not a meeting number; write a whole number from 1.", n = super::isolate(n)),
            ),
            TuiMessage::MeetingScheduled(n, d) => {
                let (n, d) = (lang.number(n), lang.date_with_weekday(*d));
                pick(
                    format!("نشست {n} برای {d} ساخته شد، با مشکلات باز و مصوبات پیگیری‌نشده."),
                    format!(
                        "Meeting {n} scheduled for {d}, with the open issues and unfinished decisions."
                    ),
                )
            }
            TuiMessage::MeetingUpdated(n) => {
                let n = lang.number(n);
                pick(
                    format!("مشخصات نشست {n} اصلاح شد."),
                    format!("Meeting {n} updated."),
                )
            }
            TuiMessage::MoveDateQuestion { date, today } => {
                let (d, t) = (
                    lang.date_with_weekday(*date),
                    lang.date_with_weekday(*today),
                );
                pick(
                    format!(
                        "این نشست برای {d} است. تاریخ آن به امروز، {t}، برده شود؟ (y: بله، n: نه، با همان تاریخ)"
                    ),
                    format!(
                        "This meeting is dated {d}. Move its date to today, {t}? (y: yes, n: no, keep its date)"
                    ),
                )
            }
            TuiMessage::MergeQuestion { duplicate, keep } => pick(
                format!(
                    "«{duplicate}» با «{keep}» یکی شود؟ همهٔ سوابقی که نام «{duplicate}» را دارند به «{keep}» منتقل و «{duplicate}» حذف می‌شود؛ u برمی‌گرداند.", duplicate = super::isolate(duplicate), keep = super::isolate(keep)),
                format!(
                    "Merge «{duplicate}» into «{keep}»? Every record naming «{duplicate}» will name «{keep}», and «{duplicate}» goes; u undoes it.", duplicate = super::isolate(duplicate), keep = super::isolate(keep)),
            ),
            TuiMessage::Merged(keep, n) => {
                let n = lang.number(n);
                pick(
                    format!("یکی شد: {n} سابقه اکنون «{keep}» را نام می‌برد.", keep = super::isolate(keep)),
                    format!("Merged: {n} records now name «{keep}».", keep = super::isolate(keep)),
                )
            }
            TuiMessage::Deactivated(name, true) => pick(
                format!("«{name}» غیرفعال شد؛ v غیرفعال‌ها را نشان می‌دهد.", name = super::isolate(name)),
                format!("«{name}» deactivated; v shows inactive ones.", name = super::isolate(name)),
            ),
            TuiMessage::Deactivated(name, false) => pick(
                format!("«{name}» دوباره فعال شد.", name = super::isolate(name)),
                format!("«{name}» is active again.", name = super::isolate(name)),
            ),
            TuiMessage::AgencySaved(name) => pick(
                format!("دستگاه «{name}» ذخیره شد.", name = super::isolate(name)),
                format!("Agency «{name}» saved.", name = super::isolate(name)),
            ),
            TuiMessage::CategorySaved(name) => pick(
                format!("دستهٔ «{name}» ذخیره شد.", name = super::isolate(name)),
                format!("Category «{name}» saved.", name = super::isolate(name)),
            ),
            TuiMessage::PersonSaved(name) => pick(
                format!("«{name}» در فهرست اشخاص ثبت شد.", name = super::isolate(name)),
                format!("«{name}» saved in the directory.", name = super::isolate(name)),
            ),
            TuiMessage::GuestAdded(name) => pick(
                format!("«{name}» به فهرست اشخاص افزوده و حاضر ثبت شد.", name = super::isolate(name)),
                format!("«{name}» added to the directory and marked present.", name = super::isolate(name)),
            ),
            TuiMessage::About(what, whom) => pick(format!("{what}: {whom}"), format!("{what}: {whom}")),
            TuiMessage::SubstituteFor(name) => pick(
                format!("{name} به جای چه کسی آمده است؟"),
                format!("{name} stands in for whom?"),
            ),
            TuiMessage::FollowUpTitle(n, status) => {
                let n = lang.decision_number(*n);
                pick(
                    format!("گزارش پیگیری مصوبهٔ {n} ← {status}"),
                    format!("Follow-up of decision {n} → {status}"),
                )
            }
            TuiMessage::Showing(first, last, total) => {
                let (f, l, t) = (lang.number(first), lang.number(last), lang.number(total));
                pick(format!("{f}–{l} از {t}"), format!("{f}–{l} of {t}"))
            }
            TuiMessage::DeleteQuestion(what) => {
                pick(format!("{what} حذف شود؟"), format!("Delete {what}?"))
            }
            TuiMessage::ReplaceQuestion(path) => pick(
                format!("پرونده‌ای به نام «{path}» هست. جای آن نوشته شود؟"),
                format!("A file named «{path}» exists. Replace it?"),
            ),
        }
    }
}

/// What the quorum rule counts: member agencies represented out of all, and whether that is
/// enough; the people present when the series names no member agencies.
fn quorum_line(lang: Lang, q: &Quorum) -> String {
    let fa = lang == Lang::Fa;
    let (r, m) = (lang.number(q.represented.len()), lang.number(q.members));
    let mut out = match (q.members, fa) {
        (0, true) => format!("حاضران {} نفر", lang.number(q.people_present)),
        (0, false) => format!("{} present", q.people_present),
        (_, true) => format!("دستگاه‌ها {r}/{m}"),
        (_, false) => format!("agencies {r}/{m}"),
    };
    if q.has_rule() {
        let more = lang.number(q.missing());
        out.push_str(&match (q.is_met(), fa) {
            (true, true) => " · حد نصاب کامل".to_string(),
            (true, false) => " · quorum met".to_string(),
            (false, true) => format!(" · بدون حد نصاب ({more} دستگاه دیگر لازم است)"),
            (false, false) => format!(" · no quorum ({more} more agencies needed)"),
        });
    }
    out
}

/// «کارگروه اشتغال زنان · هر ۲۱ روز · حد نصاب ۴ از ۵ دستگاه (بایگانی)».
fn series_heading(lang: Lang, s: &crate::domain::Series) -> String {
    let fa = lang == Lang::Fa;
    let mut out = s.title.clone();
    if s.interval_days > 0 {
        let n = lang.number(s.interval_days);
        out.push_str(&if fa {
            format!(" · هر {n} روز")
        } else {
            format!(" · every {n} days")
        });
    }
    if s.quorum > 0 {
        let (q, m) = (lang.number(s.quorum), lang.number(s.member_agencies.len()));
        out.push_str(&if fa {
            format!(" · حد نصاب {q} از {m} دستگاه")
        } else {
            format!(" · quorum {q} of {m} agencies")
        });
    }
    if s.archived {
        out.push_str(if fa {
            " (بایگانی)"
        } else {
            " (archived)"
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Id;

    #[test]
    fn the_quorum_line_counts_agencies() {
        let mut q = Quorum {
            represented: vec![Id::new(), Id::new(), Id::new(), Id::new()],
            members: 5,
            required: 4,
            people_present: 9,
        };
        let line = |q: &Quorum, lang| TuiMessage::QuorumLine(q).localized(lang);
        assert_eq!(line(&q, Lang::Fa), "دستگاه‌ها ۴/۵ · حد نصاب کامل");
        assert_eq!(line(&q, Lang::En), "agencies 4/5 · quorum met");
        q.represented.truncate(2);
        assert_eq!(
            line(&q, Lang::Fa),
            "دستگاه‌ها ۲/۵ · بدون حد نصاب (۲ دستگاه دیگر لازم است)"
        );
        q.required = 0;
        assert_eq!(line(&q, Lang::En), "agencies 2/5");
        q.members = 0;
        q.represented.clear();
        assert_eq!(line(&q, Lang::Fa), "حاضران ۹ نفر");
    }
}
