//! The names the app shows for its own parts: form fields, the store's actions ("undone: …")
//! and what each key does (the help).

use super::Lang;
use crate::store::AuditAction;

/// A field of the app's forms: which one, for its label here. The forms
/// (`tui::forms`) say what it holds and keep its drafts under [`FieldId::key`]; it is
/// defined here, below them, so that naming it needs nothing from the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldId {
    DecisionText,
    LeadAgency,
    SupportingAgencies,
    Due,
    LinkedIssue,
    Speaker,
    StatementText,
    StatementIssue,
    IssueTitle,
    IssueCategory,
    IssueDescription,
    SeriesTitle,
    Organisation,
    Place,
    Quorum,
    AmendmentReason,
    AmendmentText,
    AmendWhat,
    AttendanceState,
    Reason,
    SubstituteFor,
    FollowUpNote,
    ExportFormat,
    ExportFile,
    Filter,
    PersonName,
    PersonTitle,
    PersonAgency,
    InviteeOf,
    MeetingNumber,
    MeetingDate,
    StartTime,
    Chair,
    Secretary,
    NextMeeting,
    Interval,
    MemberAgencies,
    AgencyName,
    AgencyShort,
    AgencyEn,
    CategoryName,
    MergeInto,
    DirectoryFilter,
}

/// The label of a form field.
pub fn field_label(lang: Lang, field: FieldId) -> &'static str {
    use FieldId as F;
    let (fa, en) = match field {
        F::DecisionText => ("شرح مصوبه", "Decision"),
        F::LeadAgency => ("مسئول پیگیری", "Lead agency"),
        F::SupportingAgencies => ("همکاران", "Supporting agencies"),
        F::Due => ("مهلت اجرا", "Deadline"),
        F::LinkedIssue => ("مشکل مرتبط", "Issue"),
        F::Speaker => ("گوینده", "Speaker"),
        F::StatementText => ("اظهارات", "What was said"),
        F::StatementIssue => ("دربارهٔ", "About"),
        F::IssueTitle => ("عنوان", "Title"),
        F::IssueCategory => ("دسته", "Category"),
        F::IssueDescription => ("شرح", "Description"),
        F::SeriesTitle => ("عنوان سلسله نشست", "Series title"),
        F::Organisation => ("سازمان", "Organisation"),
        F::Place => ("محل برگزاری", "Place"),
        F::Quorum => (
            "حد نصاب: چند دستگاه عضو باید حاضر باشند (۰: ندارد)",
            "Quorum: how many member agencies must be represented (0: none)",
        ),
        F::AmendmentReason => ("دلیل اصلاح", "Reason"),
        F::AmendmentText => ("متن اصلاحیه", "Amendment"),
        F::AmendWhat => (
            "چه اصلاح شود: شمارهٔ مصوبه یا نام یک حاضر",
            "What to amend: a decision's number or a person's name",
        ),
        F::AttendanceState => ("حضور", "Attendance"),
        F::Reason => ("دلیل", "Reason"),
        F::SubstituteFor => ("به جای", "On behalf of"),
        F::FollowUpNote => ("گزارش پیگیری", "Follow-up note"),
        F::ExportFormat => ("قالب", "Format"),
        F::ExportFile => (
            "نام پرونده (خالی: نام پیش‌فرض)",
            "File name (empty: the default)",
        ),
        F::PersonName => ("نام", "Name"),
        F::PersonTitle => ("سمت", "Title"),
        F::PersonAgency => ("دستگاه", "Agency"),
        F::InviteeOf => ("مدعو همیشگی نشست‌های", "Standing invitee of"),
        F::MeetingNumber => ("شمارهٔ نشست", "Meeting number"),
        F::MeetingDate => ("تاریخ نشست", "Date"),
        F::StartTime => ("ساعت شروع (مانند ۰۹:۳۰)", "Start time (e.g. 09:30)"),
        F::Chair => ("رئیس جلسه", "Chair"),
        F::Secretary => ("دبیر جلسه", "Secretary"),
        F::NextMeeting => (
            "تاریخ نشست بعدی (در صورتجلسه)",
            "Next meeting's date (in the minutes)",
        ),
        F::Interval => (
            "فاصلهٔ معمول نشست‌ها (روز؛ خالی: ندارد)",
            "Usual days between meetings (empty: none)",
        ),
        F::MemberAgencies => ("دستگاه‌های عضو", "Member agencies"),
        F::AgencyName => ("نام دستگاه", "Name"),
        F::AgencyShort => ("نام کوتاه", "Short name"),
        F::AgencyEn => ("نام انگلیسی", "English name"),
        F::CategoryName => ("نام دسته", "Category"),
        F::MergeInto => (
            "یکی شود با (همان که می‌ماند)",
            "Merge into (the one that stays)",
        ),
        F::DirectoryFilter => (
            "پالایه: بخشی از نام، سمت یا دستگاه",
            "Filter: part of a name, title or agency",
        ),
        F::Filter => (
            "پالایه: دستگاه: وضعیت: دسته: نشست: پیش‌از: پس‌از: معوق",
            "Filter: agency: status: category: meeting: before: after: overdue",
        ),
    };
    match lang {
        Lang::Fa => fa,
        Lang::En => en,
    }
}

/// An action of the store's audit log, named for "undone: …" and the change history. No
/// catch-all: a new action does not build until it has its names.
pub fn action_name(lang: Lang, action: AuditAction) -> &'static str {
    use AuditAction as A;
    let (fa, en) = match action {
        A::CreateSeries => ("ساختن سلسله نشست", "creating a series"),
        A::AddAgency => ("افزودن دستگاه", "adding an agency"),
        A::AddPerson => ("افزودن شخص", "adding a person"),
        A::AddCategory => ("افزودن دسته", "adding a category"),
        A::UpdateAgency => ("اصلاح دستگاه", "editing an agency"),
        A::UpdatePerson => ("اصلاح شخص", "editing a person"),
        A::AddGuest => ("افزودن مهمان", "adding a guest"),
        A::CreateMeeting => ("ساختن نشست", "creating a meeting"),
        A::UpdateSeries => ("اصلاح سلسله نشست", "editing a series"),
        A::ArchiveSeries => ("بایگانی سلسله نشست", "archiving a series"),
        A::UnarchiveSeries => ("بیرون آوردن از بایگانی", "bringing a series back"),
        A::MergeAgencies => ("یکی کردن دو دستگاه", "merging two agencies"),
        A::MergePeople => ("یکی کردن دو شخص", "merging two people"),
        A::UpdateCategory => ("اصلاح دسته", "editing a category"),
        A::ReorderCategories => ("جابه‌جایی دسته‌ها", "reordering the categories"),
        A::ImportDirectory => ("ورود فهرست اشخاص و دستگاه‌ها", "importing the directory"),
        A::UpdateMeeting => ("اصلاح مشخصات نشست", "editing the meeting"),
        A::StartMeeting => ("آغاز نشست", "starting the meeting"),
        A::CloseMeeting => ("پایان نشست", "closing the meeting"),
        A::SetMeetingStatus => ("تغییر وضعیت نشست", "changing the meeting's status"),
        A::RecordAmendment => ("ثبت اصلاحیه", "recording an amendment"),
        A::SetAttendance => ("ثبت حضور", "recording attendance"),
        A::AddIssue => ("ثبت مشکل", "adding an issue"),
        A::UpdateIssue => ("اصلاح مشکل", "editing an issue"),
        A::SetIssueStatus => ("تغییر وضعیت مشکل", "changing an issue's status"),
        A::RecordStatement => ("ثبت اظهارات", "recording a statement"),
        A::UpdateStatement => ("اصلاح اظهارات", "correcting a statement"),
        A::DeleteStatement => ("حذف اظهارات", "deleting a statement"),
        A::RecordDecision => ("ثبت مصوبه", "recording a decision"),
        A::UpdateDecision => ("اصلاح مصوبه", "correcting a decision"),
        A::DeleteDecision => ("حذف مصوبه", "deleting a decision"),
        A::RecordFollowUp => ("ثبت پیگیری", "recording a follow-up"),
        A::Import => ("ورود صورتجلسه از پرونده", "importing minutes"),
        A::Undo => ("برگرداندن تغییر", "undoing a change"),
        A::Synth => ("دادهٔ ساختگی", "synthetic data"),
        A::Unknown => ("تغییری ناشناخته", "an unknown change"),
    };
    match lang {
        Lang::Fa => fa,
        Lang::En => en,
    }
}

/// What a key's action does, for the help screen, by the action's name in the keymap.
pub fn action_help(lang: Lang, action: &str) -> Option<&'static str> {
    let (fa, en) = match action {
        "quit" => ("خروج (در پنجره: بستن آن)", "quit (in a modal: close it)"),
        "help" => ("راهنمای کلیدها", "this help"),
        "up" => ("بالا", "up"),
        "down" => ("پایین", "down"),
        "left" | "right" | "next_pane" | "prev_pane" => ("رفتن به پنل دیگر", "the other pane"),
        "page_up" => ("یک صفحه بالا", "page up"),
        "page_down" => ("یک صفحه پایین", "page down"),
        "home" => ("اول فهرست", "top of the list"),
        "end" => ("آخر فهرست", "bottom of the list"),
        "prev_tab" => ("دستهٔ قبلی", "previous category"),
        "next_tab" => ("دستهٔ بعدی", "next category"),
        "select" => ("باز کردن / انتخاب", "open / choose"),
        "back" => ("بازگشت", "back"),
        "new_decision" => (
            "مصوبهٔ تازه برای مشکل انتخاب‌شده",
            "new decision on the selected issue",
        ),
        "new_statement" => ("ثبت اظهارات", "new statement"),
        "new_issue" => ("مشکل تازه", "new issue"),
        "attendance" => ("حضور و غیاب", "attendance"),
        "meeting_status" => (
            "وضعیت نشست: آغاز، پایان، تأیید، اصلاحیه",
            "meeting status: start, close, approve, amend",
        ),
        "edit" => ("اصلاح مورد انتخاب‌شده", "edit the selected item"),
        "delete" => ("حذف مورد انتخاب‌شده", "delete the selected item"),
        "undo" => ("برگرداندن آخرین تغییر", "undo the last change"),
        "toggle_resolved" => (
            "نمایش یا پنهان کردن مشکلات حل‌شده",
            "show or hide resolved issues",
        ),
        "issue_status" => ("تغییر وضعیت مشکل", "change the issue's status"),
        "move_issue" => (
            "انتقال مشکل به دستهٔ دیگر",
            "move the issue to another category",
        ),
        "new_meeting" => (
            "نشست بعدی (فرم: شماره، تاریخ، ساعت، محل، رئیس، دبیر)، با مشکلات باز و مصوبات پیگیری‌نشده",
            "next meeting (a form: number, date, time, place, chair, secretary), with the open issues and unfinished decisions",
        ),
        "new_series" => ("سلسله نشست تازه", "new series"),
        "load_demo" => ("بار کردن دادهٔ نمایشی", "load the demo"),
        "review" => ("بررسی مصوبات", "review the decisions"),
        "search" => ("جست‌وجو", "search"),
        "history" => ("تاریخچهٔ تغییرات", "change history"),
        "follow_up" => ("ثبت پیگیری مصوبه", "record a follow-up"),
        "copy" => ("رونوشت مصوبه در حافظه", "copy the decision"),
        "toggle_grouping" => ("گروه‌بندی بر پایهٔ دستگاه", "group by agency"),
        "filter_overdue" => ("فقط معوق‌ها", "overdue only"),
        "edit_filter" => ("نوشتن پالایه", "type a filter"),
        "export" => ("خروجی صورتجلسه", "export the minutes"),
        "save" => ("ذخیره", "save"),
        "next_field" => ("خانهٔ بعد", "next field"),
        "prev_field" => ("خانهٔ قبل", "previous field"),
        "zwnj" => ("نیم‌فاصله", "zero-width non-joiner (نیم‌فاصله)"),
        "yes" => ("بله", "yes"),
        "no" => ("نه", "no"),
        "mark_present" => ("حاضر", "present"),
        "mark_absent" => ("غایب", "absent"),
        "mark_excused" => ("غیبت موجه", "excused"),
        "mark_substitute" => ("جانشین (به جای چه کسی)", "substitute (for whom)"),
        "edit_reason" => ("دلیل غیبت", "reason for absence"),
        "directory" => (
            "فهرست دستگاه‌ها، اشخاص و دسته‌ها",
            "the directory: agencies, people, categories",
        ),
        "add" => (
            "افزودن دستگاه، شخص یا دسته",
            "add an agency, a person or a category",
        ),
        "merge" => (
            "یکی کردن مورد تکراری با دیگری",
            "merge a duplicate into another",
        ),
        "move_up" => ("بردن دسته به جای بالاتر", "move the category up"),
        "move_down" => ("بردن دسته به جای پایین‌تر", "move the category down"),
        "archive" => (
            "بایگانی کردن یا بیرون آوردن از بایگانی",
            "archive, or bring back from the archive",
        ),
        "toggle_archived" => (
            "نمایش یا پنهان کردن بایگانی‌شده‌ها",
            "show or hide what is archived",
        ),
        "add_guest" => (
            "مهمان تازه: نام، سمت و دستگاه، حاضر در همین نشست",
            "a guest who came: name, title and agency, marked present",
        ),
        _ if action.starts_with("goto_tab_") => ("رفتن به دستهٔ شمارهٔ …", "go to tab N"),
        _ => return None,
    };
    Some(match lang {
        Lang::Fa => fa,
        Lang::En => en,
    })
}
