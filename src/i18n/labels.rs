//! The names the app shows for its own parts: form fields, the store's actions ("undone: …")
//! and what each key does (the help).

use super::Lang;

/// The label of a form field.
pub fn field_label(lang: Lang, field: crate::tui::forms::FieldId) -> &'static str {
    use crate::tui::forms::FieldId as F;
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
        F::Quorum => ("حد نصاب (تعداد دستگاه)", "Quorum (agencies)"),
        F::AmendmentReason => ("دلیل اصلاح", "Reason"),
        F::AmendmentText => ("متن اصلاحیه", "Amendment"),
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

/// An action of the store's audit log, named for "undone: …".
pub fn action_name(lang: Lang, action: &str) -> String {
    let (fa, en) = match action {
        "record_decision" => ("ثبت مصوبه", "recording a decision"),
        "update_decision" => ("اصلاح مصوبه", "correcting a decision"),
        "delete_decision" => ("حذف مصوبه", "deleting a decision"),
        "record_statement" => ("ثبت اظهارات", "recording a statement"),
        "update_statement" => ("اصلاح اظهارات", "correcting a statement"),
        "delete_statement" => ("حذف اظهارات", "deleting a statement"),
        "add_issue" => ("ثبت مشکل", "adding an issue"),
        "update_issue" => ("اصلاح مشکل", "editing an issue"),
        "set_issue_status" => ("تغییر وضعیت مشکل", "changing an issue's status"),
        "set_attendance" => ("ثبت حضور", "recording attendance"),
        "record_follow_up" => ("ثبت پیگیری", "recording a follow-up"),
        "start_meeting" => ("آغاز نشست", "starting the meeting"),
        "close_meeting" => ("پایان نشست", "closing the meeting"),
        "set_meeting_status" => ("تغییر وضعیت نشست", "changing the meeting's status"),
        "create_meeting" => ("ساختن نشست", "creating a meeting"),
        "record_amendment" => ("ثبت اصلاحیه", "recording an amendment"),
        "add_category" => ("افزودن دسته", "adding a category"),
        "update_person" => ("اصلاح شخص", "editing a person"),
        "update_agency" => ("اصلاح دستگاه", "editing an agency"),
        "add_guest" => ("افزودن مهمان", "adding a guest"),
        "add_agency" => ("افزودن دستگاه", "adding an agency"),
        "add_person" => ("افزودن شخص", "adding a person"),
        other => (other, other),
    };
    match lang {
        Lang::Fa => fa.to_string(),
        Lang::En => en.to_string(),
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
            "نشست بعدی، با مشکلات باز و مصوبات پیگیری‌نشده",
            "next meeting, with the open issues and unfinished decisions",
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
